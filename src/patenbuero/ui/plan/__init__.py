"""Widgets of the Jahresplanung: year overview, event dialog, agenda, tasks, series, copy."""
