"""File import and export primitives: reading tables, guessing columns,
validating cells, duplicate keys for names and writing CSV, XLSX, vCard and
mailto links.

Pure functions without database or Qt; the service layer calls them.
"""
