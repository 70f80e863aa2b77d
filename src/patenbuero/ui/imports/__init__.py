"""Importe: the list of past imports and undoing one (Datei → Import rückgängig)."""
