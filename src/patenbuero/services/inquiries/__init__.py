"""Anfragen: record and edit inquiries, suggest fitting member projects, forward them.

No other area of the services uses this one; the ui and the command line import its modules.
"""
