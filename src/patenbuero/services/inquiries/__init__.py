"""Anfragen: record and edit inquiries, suggest fitting member projects, forward them.

The ui and the command line import its modules; other areas of the services use only
the names exported here (the Sachbericht counts the inquiries of a year).
"""

from patenbuero.services.inquiries.figures import InquiryFigures, inquiry_figures
from patenbuero.services.inquiries.follow_up import due_follow_ups

__all__ = ["InquiryFigures", "due_follow_ups", "inquiry_figures"]
