"""Träger, member projects, their Ansprechpartner:innen and partners, and the network texts."""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from patenbuero.db.enums import ProjectStatus
from patenbuero.db.models import (
    Contact,
    District,
    MemberProject,
    Organisation,
    TargetGroup,
    project_district,
    project_target_group,
)
from patenbuero.services.demo import names, reference
from patenbuero.services.demo.rows import RowSet

CONTACT_ROLES = ("Projektkoordination", "Ehrenamtskoordination", "Vorstand", "Projektleitung")
CONSENT_SOURCES = (
    "Mitgliedsantrag",
    "Anmeldeformular Vernetzungstreffen",
    "Einwilligung per E-Mail",
    "Teilnehmerliste Fachtag",
)
PORTRAIT_CLOSINGS = (
    "Interessierte melden sich gern bei uns – wir laden zu einem Kennenlerngespräch ein.",
    "Alle Pat:innen erhalten eine Einführung, Versicherungsschutz und regelmäßigen Austausch.",
    "Wir freuen uns über neue Ehrenamtliche jeden Alters und jeder Herkunft.",
)
LEITBILD_SINCE = dt.date(2014, 5, 21)  # the day the network adopted its Leitbild
PARTNERS = (
    ("stadt", "", "Sabine", "Lehmann", "Fachbereich Bildung, Bürgerschaftliches Engagement"),
    ("stadt", "", "Tarek", "Haddad", "Integrationsbeauftragter"),
    ("mo", "", "Rania", "Al-Khatib", "Vorstand"),
    ("", "Seniorenvertretung der Stadt Halle", "Gisela", "Pätzold", "Vorsitzende"),
)


@dataclass
class Network:
    """What the later steps need to know about the projects they refer to."""

    project_ids: dict[str, int] = field(default_factory=dict)
    active: list[int] = field(default_factory=list)
    groups: dict[int, list[str]] = field(default_factory=dict)
    contacts: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    addresses: dict[int, str] = field(default_factory=dict)
    target_group_ids: dict[str, int] = field(default_factory=dict)
    district_ids: dict[str, int] = field(default_factory=dict)

    def serving(self, group: str) -> list[int]:
        """Active projects for a target group."""
        return [pid for pid in self.active if group in self.groups[pid]]


def load_data(file_name: str) -> dict[str, Any]:
    """One of the TOML tables in the package's ``data`` folder."""
    data = resources.files(__package__).joinpath("data", file_name).read_text("utf-8")
    return tomllib.loads(data)


def project_specs() -> list[dict[str, Any]]:
    specs: list[dict[str, Any]] = load_data("projects.toml")["project"]
    return specs


def build_network(
    rows: RowSet, rng: random.Random, today: dt.date, extra_projects: int = 0
) -> Network:
    network = Network()
    for order, name in enumerate(reference.TARGET_GROUPS, start=1):
        network.target_group_ids[name] = rows.add(TargetGroup, name=name, sort_order=order * 10)
    for name in reference.DISTRICTS:
        network.district_ids[name] = rows.add(District, name=name)
    org_ids: dict[str, int] = {}
    domains: dict[int, tuple[str, str]] = {}
    for org in reference.ORGANISATIONS:
        org_ids[org.key] = rows.add(
            Organisation,
            name=org.name,
            kind=org.kind.value,
            address=org.address,
            website=f"www.{org.domain}.example.org",
        )
        domains[org_ids[org.key]] = (org.domain, org.address)
    specs = project_specs()
    specs += [_variant(spec, rng, n) for n, spec in enumerate(_cycle(specs, extra_projects))]
    emails = names.EmailBook()
    for spec in specs:
        org_id = org_ids[spec["org"]]
        domain, address = domains[org_id]
        project_id = _add_project(rows, rng, today, spec, (org_id, address), network)
        since = rows.rows(MemberProject)[-1]["member_since"]
        _add_contacts(rows, rng, (since, today), project_id, domain, emails, network)
    for org_key, partner, first, last, role in PARTNERS:
        rows.add(
            Contact,
            project_id=None,
            organisation_id=org_ids[org_key] if org_key else None,
            partner_name=partner,
            first_name=first,
            last_name=last,
            role=role,
            email=emails.address(names.email_local(names.Name(first, last))),
            phone=names.phone(rng),
            on_mailing_list=True,
            consent_on=today - dt.timedelta(days=rng.randrange(60, 1500)),
            consent_source=rng.choice(CONSENT_SOURCES),
            notes="",
        )
    return network


def _add_project(
    rows: RowSet,
    rng: random.Random,
    today: dt.date,
    spec: dict[str, Any],
    organisation: tuple[int, str],
    network: Network,
) -> int:
    org_id, address = organisation
    status = spec.get("status", ProjectStatus.ACTIVE.value)
    since = dt.date(rng.randrange(2010, today.year), rng.randrange(1, 13), rng.randrange(1, 28))
    left_on = today - dt.timedelta(days=rng.randrange(90, 300)) if status == "left" else None
    if left_on is not None and left_on <= since:
        since = left_on - dt.timedelta(days=900)
    signed = max(since, LEITBILD_SINCE) + dt.timedelta(days=rng.randrange(10, 120))
    slug = names.ascii_slug(spec["name"])
    project_id = rows.add(
        MemberProject,
        name=spec["name"],
        organisation_id=org_id,
        status=status,
        member_since=since,
        left_on=left_on,
        leitbild_signed_on=signed if signed < today and rng.random() < 0.9 else None,
        serves_whole_city=spec["districts"] == ["*"],
        flyer_text=spec["flyer"],
        portrait_text=f"{spec['portrait']} {rng.choice(PORTRAIT_CLOSINGS)}",
        logo=None,
        logo_mime="",
        seeks_volunteers=spec["seeks"] and status == "active",
        time_commitment=spec["commitment"],
        languages=spec["languages"],
        website=f"www.{slug}.example.org",
        email=f"kontakt@{slug}.example.org",
        phone=names.phone(rng),
        address=address,
        notes=_project_note(status),
    )
    network.project_ids[spec["name"]] = project_id
    network.addresses[project_id] = address
    network.groups[project_id] = list(spec["groups"])
    if status == ProjectStatus.ACTIVE.value:
        network.active.append(project_id)
    for group in spec["groups"]:
        rows.add(
            project_target_group,
            project_id=project_id,
            target_group_id=network.target_group_ids[group],
        )
    for district in spec["districts"]:
        if district != "*":
            rows.add(
                project_district, project_id=project_id, district_id=network.district_ids[district]
            )
    return project_id


def _add_contacts(
    rows: RowSet,
    rng: random.Random,
    period: tuple[dt.date, dt.date],
    project_id: int,
    domain: str,
    emails: names.EmailBook,
    network: Network,
) -> None:
    network.contacts[project_id] = []
    since, today = period
    member_days = max((today - since).days, 31)
    for number in range(rng.choice((1, 2, 2, 3))):
        name = names.random_name(rng)
        while name.latin and rng.random() < 0.5:
            name = names.random_name(rng)
        listed = rng.random() < 0.85
        contact_id = rows.add(
            Contact,
            project_id=project_id,
            organisation_id=None,
            partner_name="",
            first_name=name.first,
            last_name=name.last,
            role=CONTACT_ROLES[number] if number < 2 else rng.choice(CONTACT_ROLES),
            email=emails.address(names.email_local(name), f"{domain}.example.org"),
            phone=names.phone(rng, mobile=rng.random() < 0.3),
            on_mailing_list=listed,
            consent_on=today - dt.timedelta(days=rng.randrange(30, member_days))
            if listed
            else None,
            consent_source=rng.choice(CONSENT_SOURCES) if listed else "",
            notes="",
        )
        network.contacts[project_id].append((contact_id, f"{name.first} {name.last}"))


def _project_note(status: str) -> str:
    if status == ProjectStatus.PAUSED.value:
        return "Pausiert, weil die Koordinationsstelle gerade neu besetzt wird."
    if status == ProjectStatus.LEFT.value:
        return "Ausgeschieden; das Angebot läuft beim Träger ohne Patenschaften weiter."
    return ""


def _cycle(specs: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    return [specs[n % len(specs)] for n in range(count)]


def _variant(spec: dict[str, Any], rng: random.Random, number: int) -> dict[str, Any]:
    """A further project of the same kind in another district (only for large data)."""
    district = reference.DISTRICTS[(number * 7) % len(reference.DISTRICTS)]
    suffix = (
        f" {number // len(reference.DISTRICTS) + 2}" if number >= len(reference.DISTRICTS) else ""
    )
    variant = dict(spec, name=f"{spec['name']} {district}{suffix}", districts=[district])
    variant["status"] = "active" if rng.random() < 0.85 else rng.choice(("paused", "left"))
    return variant
