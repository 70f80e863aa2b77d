"""The fixed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class ProjectStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"


class OrganisationKind(StrEnum):
    ASSOCIATION = "verein"
    FOUNDATION = "stiftung"
    MUNICIPALITY = "kommune"
    CHURCH = "kirche"
    MIGRANT_ORGANISATION = "migrantenorganisation"
    VOLUNTEER_AGENCY = "freiwilligenagentur"
    OTHER = "sonstige"


class EventKind(StrEnum):
    NETWORK_MEETING = "network_meeting"
    SPECIALIST_DAY = "specialist_day"
    COORDINATOR_TRAINING = "coordinator_training"
    SERIES_MODULE = "series_module"
    INFO_STAND = "info_stand"
    ONLINE = "online"
    OTHER = "other"


class EventStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


class RegistrationStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class RegistrationChange(StrEnum):
    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    MOVED_UP = "moved_up"
    CANCELLED = "cancelled"
    ATTENDED = "attended"
    ABSENT = "absent"
    MERGED = "merged"


class PersonRole(StrEnum):
    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"
    INTERESTED = "interested"
    SPEAKER = "speaker"


class InquiryKind(StrEnum):
    BECOME_VOLUNTEER = "become_volunteer"
    SEEK_MENTORSHIP = "seek_mentorship"
    JOIN_NETWORK = "join_network"
    OTHER = "other"


class InquiryChannel(StrEnum):
    """How an inquiry reached the office (for the Sachbericht)."""

    UNKNOWN = "unknown"
    PHONE = "phone"
    EMAIL = "email"
    WEB_FORM = "web_form"
    IN_PERSON = "in_person"
    INFO_STAND = "info_stand"
    OTHER = "other"


class ForwardingOutcome(StrEnum):
    """What came of a Weiterleitung, where the project told the office."""

    UNKNOWN = "unknown"
    CONTACTED = "contacted"
    STARTED = "started"
    NOT_STARTED = "not_started"  # shown as "passt nicht"
    NO_REPLY = "no_reply"


# Outcomes after which nothing more is expected from the project.
FINAL_OUTCOMES = frozenset(
    {ForwardingOutcome.STARTED, ForwardingOutcome.NOT_STARTED, ForwardingOutcome.NO_REPLY}
)


class InquiryStatus(StrEnum):
    OPEN = "open"
    FORWARDED = "forwarded"
    CLOSED = "closed"


class ConsentPurpose(StrEnum):
    """What the office uses personal data for (Art. 6 DSGVO needs a basis per purpose)."""

    EVENTS = "events"
    MAILING_LIST = "mailing_list"
    PHOTOS = "photos"
    PASS_ON = "pass_on"
    FOLLOW_UP = "follow_up"


class LegalBasis(StrEnum):
    CONTRACT = "contract"
    CONSENT = "consent"
    LEGITIMATE_INTEREST = "legitimate_interest"
    REFUSED = "refused"


# The bases that allow the processing (unless withdrawn); "refused" does not.
ACTIVE_LEGAL_BASES = frozenset(
    {LegalBasis.CONTRACT.value, LegalBasis.CONSENT.value, LegalBasis.LEGITIMATE_INTEREST.value}
)


class SubjectKind(StrEnum):
    """The three kinds of records that hold a person: participant, inquirer, contact."""

    PERSON = "person"
    INQUIRY = "inquiry"
    CONTACT = "contact"
