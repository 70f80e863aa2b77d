"""Widgets and dialogs of the Anfragen tab."""
