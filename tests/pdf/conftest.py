"""Fixtures for the PDF tests (sample office and participants in many scripts)."""

from __future__ import annotations

import datetime as dt

import pytest

from patenbuero.pdf.inputs import Funder, Office, Participant


@pytest.fixture
def office() -> Office:
    return Office(
        address_lines=("Leipziger Straße 82", "06108 Halle (Saale)"),
        phone="0345 2002810",
        email="netzwerk@example.org",
        website="www.patenschaften-halle.de",
    )


@pytest.fixture
def people() -> tuple[Participant, ...]:
    return (
        Participant("Jürgen", "Großmann", "Lesewelt Halle"),
        Participant("Özlem", "Yılmaz", "Willkommen in Halle", email="oezlem@example.org"),
        Participant("Małgorzata", "Wiśniewska", "Sprachpat:innen", phone="0176 5550123"),
        Participant("Thị Hương", "Nguyễn", "Familienpaten"),
        Participant("Олена", "Коваленко", "Max geht in die Oper"),
        Participant(
            "محمد",
            "الحسن",
            "Berufspatenschaften",
            latin_first_name="Mohammed",
            latin_last_name="Al-Hassan",
        ),
        Participant("Anna-Lena", "Müller-Lüdenscheidt", "Große für Kleine"),
        Participant("Zoë", "Straßburger", "Seelenpaten"),
    )


@pytest.fixture
def funder() -> Funder:
    return Funder("Stadt Halle (Saale)", "Qualifizierung von Pat:innen", "FB-2026-0417", 2.5)


@pytest.fixture
def event_date() -> dt.date:
    return dt.date(2026, 3, 12)
