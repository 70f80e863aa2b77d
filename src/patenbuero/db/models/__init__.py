"""All mapped classes; importing this package registers every table."""

from patenbuero.db.models.calendar import EventTombstone
from patenbuero.db.models.contacts import Contact
from patenbuero.db.models.events import AgendaItem, Event, Series, Task
from patenbuero.db.models.funders import Funder
from patenbuero.db.models.imports import ImportChange, ImportRun
from patenbuero.db.models.inquiries import Forwarding, Inquiry
from patenbuero.db.models.kinds import EventKindEntry, OrganisationKindEntry
from patenbuero.db.models.mail import MailRecord
from patenbuero.db.models.people import Person, Registration, RegistrationHistory
from patenbuero.db.models.privacy import ConsentRecord, DeletionLogEntry
from patenbuero.db.models.projects import (
    District,
    MemberProject,
    Organisation,
    TargetGroup,
    project_district,
    project_target_group,
)
from patenbuero.db.models.settings import Setting

__all__ = [
    "AgendaItem",
    "ConsentRecord",
    "Contact",
    "DeletionLogEntry",
    "District",
    "Event",
    "EventKindEntry",
    "EventTombstone",
    "Forwarding",
    "Funder",
    "ImportChange",
    "ImportRun",
    "Inquiry",
    "MailRecord",
    "MemberProject",
    "Organisation",
    "OrganisationKindEntry",
    "Person",
    "Registration",
    "RegistrationHistory",
    "Series",
    "Setting",
    "TargetGroup",
    "Task",
    "project_district",
    "project_target_group",
]
