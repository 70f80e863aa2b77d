"""The shared core of the services: the open database, shared vocabularies, checks and helpers."""
