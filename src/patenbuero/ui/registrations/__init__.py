"""The Anmeldungen tab's dialogs: register, move-up notice, check-in, series, duplicates."""
