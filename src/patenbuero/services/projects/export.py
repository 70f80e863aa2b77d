"""The member list as CSV or XLSX, in the columns the project import reads back."""

from __future__ import annotations

from patenbuero.db.models import Contact, MemberProject
from patenbuero.errors import ValidationError
from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database
from patenbuero.services.projects.rows import IMPORT_FIELDS
from patenbuero.services.projects.use_cases import WHOLE_CITY, projects_with_lists

HEADERS = tuple(spec.label_de for spec in IMPORT_FIELDS)


def export_projects(db: Database, file_format: str) -> bytes:
    """One row per Ansprechperson (a project without contacts gets one row)."""
    with db.reading() as session:
        projects = session.scalars(projects_with_lists()).all()
        rows = [
            _cells(project, contact)
            for project in projects
            for contact in _contacts_or_none(project)
        ]
    if file_format == "csv":
        return to_csv_excel(HEADERS, rows)
    if file_format == "xlsx":
        return to_xlsx(HEADERS, rows, "Mitgliedsprojekte")
    raise ValidationError(f"Unbekanntes Format „{file_format}“; möglich sind csv und xlsx.")


def _contacts_or_none(project: MemberProject) -> list[Contact | None]:
    return list(project.contacts) if project.contacts else [None]


def _cells(project: MemberProject, contact: Contact | None) -> list[object]:
    districts = [d.name for d in project.districts]
    if project.serves_whole_city:
        districts.insert(0, WHOLE_CITY)
    values: dict[str, object] = {
        "name": project.name,
        "organisation": project.organisation.name if project.organisation else "",
        "target_groups": ", ".join(g.name for g in project.target_groups),
        "districts": ", ".join(districts),
        "email": project.email,
        "phone": project.phone,
        "website": project.website,
        "seeks_volunteers": project.seeks_volunteers,
        "time_commitment": project.time_commitment,
        "flyer_text": project.flyer_text,
        "languages": project.languages,
        "address": project.address,
        "notes": project.notes,
        "status": labels.label(labels.PROJECT_STATUS, project.status),
        "member_since": project.member_since,
        "leitbild_signed_on": project.leitbild_signed_on,
        "portrait_text": project.portrait_text,
    }
    if contact is not None:
        name = f"{contact.last_name}, {contact.first_name}" if contact.first_name else ""
        values |= {
            "contact_name": name or contact.last_name,
            "contact_role": contact.role,
            "contact_email": contact.email,
            "contact_phone": contact.phone,
            "on_mailing_list": contact.on_mailing_list,
            "consent_on": contact.consent_on,
            "consent_source": contact.consent_source,
        }
    return [values.get(spec.key, "") for spec in IMPORT_FIELDS]
