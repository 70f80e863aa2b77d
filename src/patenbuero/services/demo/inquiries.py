"""Anfragen of every kind, some forwarded to fitting member projects."""

from __future__ import annotations

import datetime as dt
import random
from typing import NamedTuple

from patenbuero.db.enums import InquiryKind, InquiryStatus
from patenbuero.db.models import ConsentRecord, Forwarding, Inquiry
from patenbuero.services.demo import names
from patenbuero.services.demo.projects import Network, load_data
from patenbuero.services.demo.rows import RowSet

K, S = InquiryKind, InquiryStatus


class Ask(NamedTuple):
    kind: InquiryKind
    name: str
    email: str
    message: str
    group: str
    district: str
    status: InquiryStatus
    forward_to: tuple[str, ...]
    days_ago: int
    notes: str = ""


def _load() -> tuple[Ask, ...]:
    return tuple(
        Ask(
            kind=K(entry["kind"]),
            name=entry["name"],
            email=entry["email"],
            message=entry["message"],
            group=entry.get("group", ""),
            district=entry.get("district", ""),
            status=S(entry["status"]),
            forward_to=tuple(entry.get("forward_to", ())),
            days_ago=entry["days_ago"],
            notes=entry.get("notes", ""),
        )
        for entry in load_data("inquiries.toml")["inquiry"]
    )


SMALL = _load()


# How the demo inquiries came in, in turn (no draw from ``rng``: the rest of the demo
# data stays as it was).
CHANNELS = ("email", "phone", "web_form", "info_stand", "in_person", "email", "web_form")


def add_small_inquiries(rows: RowSet, rng: random.Random, today: dt.date, network: Network) -> None:
    for number, ask in enumerate(SMALL):
        received = today - dt.timedelta(days=ask.days_ago)
        inquiry_id = rows.add(
            Inquiry,
            kind=ask.kind.value,
            status=ask.status.value,
            received_on=received,
            name=ask.name,
            email=ask.email,
            phone=names.phone(rng, mobile=True) if rng.random() < 0.5 else "",
            message=ask.message,
            target_group_id=network.target_group_ids.get(ask.group),
            district_id=network.district_ids.get(ask.district),
            notes=ask.notes,
            closed_on=today if ask.status == S.CLOSED else None,
            channel=CHANNELS[number % len(CHANNELS)],
        )
        if ask.forward_to or rng.random() < 0.7:
            _consent_to_pass_on(rows, inquiry_id, received)
        for offset, project in enumerate(ask.forward_to):
            forwarded = min(today, received + dt.timedelta(days=1 + offset + rng.randrange(3)))
            outcome = (
                ("started" if number % 2 == 0 else "not_started")
                if ask.kind == K.BECOME_VOLUNTEER and (today - forwarded).days > 20
                else "unknown"
            )
            rows.add(
                Forwarding,
                inquiry_id=inquiry_id,
                project_id=network.project_ids[project],
                forwarded_on=forwarded,
                note="per E-Mail mit Einverständnis weitergeleitet",
                # Older forwardings of would-be Pat:innen have a known outcome.
                outcome=outcome,
                outcome_on=None if outcome == "unknown" else forwarded + dt.timedelta(days=12),
                follow_up_on=forwarded + dt.timedelta(days=14),
            )


def add_random_inquiries(
    rows: RowSet,
    rng: random.Random,
    first: dt.date,
    today: dt.date,
    count: int,
    network: Network,
) -> None:
    """Inquiries spread over the years, drawn from the small set's patterns."""
    span = (today - first).days
    emails = names.EmailBook()
    groups = list(network.target_group_ids)
    districts = [None, *network.district_ids.values()]
    for _ in range(count):
        ask = rng.choice(SMALL)
        name = names.random_name(rng)
        received = first + dt.timedelta(days=rng.randrange(span))
        age = (today - received).days
        status = S.OPEN if age < 10 else rng.choice((S.FORWARDED, S.FORWARDED, S.CLOSED))
        group = rng.choice(groups) if ask.kind in (K.BECOME_VOLUNTEER, K.SEEK_MENTORSHIP) else ""
        inquiry_id = rows.add(
            Inquiry,
            kind=ask.kind.value,
            status=status.value,
            received_on=received,
            name=f"{name.first} {name.last}",
            email=emails.address(names.email_local(name)),
            phone="",
            message=ask.message,
            target_group_id=network.target_group_ids.get(group),
            district_id=rng.choice(districts),
            notes="",
            closed_on=min(today, received + dt.timedelta(days=30)) if status == S.CLOSED else None,
        )
        if status != S.OPEN or rng.random() < 0.8:
            _consent_to_pass_on(rows, inquiry_id, received)
        fitting = network.serving(group) if group else []
        if status == S.FORWARDED and fitting:
            for project_id in rng.sample(fitting, min(len(fitting), rng.randint(1, 2))):
                rows.add(
                    Forwarding,
                    inquiry_id=inquiry_id,
                    project_id=project_id,
                    forwarded_on=min(today, received + dt.timedelta(days=rng.randrange(1, 6))),
                    note="",
                )


def _consent_to_pass_on(rows: RowSet, inquiry_id: int, received: dt.date) -> None:
    """Ticked in the web form: the inquiry may be passed on to a project."""
    rows.add(
        ConsentRecord,
        subject_kind="inquiry",
        subject_id=inquiry_id,
        purpose="pass_on",
        basis="consent",
        given_on=received,
        source="Webformular",
        text_version="2025-1",
        given_by="",
        withdrawn_on=None,
        recorded_at=dt.datetime.combine(received, dt.time(9, 0)),
    )
