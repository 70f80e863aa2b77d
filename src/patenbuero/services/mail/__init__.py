"""Mail: the office's texts per kind, who may get which mail, sending and drafts.

The ui and the command line import its modules; no other area of the services uses it.
"""
