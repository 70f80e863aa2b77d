"""Shared pieces of the inquiry tests: a small network with known fits.

The ``network`` fixture is registered in tests/conftest.py (service and GUI tests use it).
"""

import datetime as dt

import pytest

from patenbuero.db.models import Contact, District, MemberProject, TargetGroup

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def network(db) -> dict[str, int]:
    """Target groups, districts and projects whose fit to a "Kinder in Neustadt" is known.

    Returns the ids by name.
    """
    with db.unit_of_work() as session:
        kids = TargetGroup(name="Kinder", sort_order=1)
        seniors = TargetGroup(name="Senior:innen", sort_order=2)
        neustadt = District(name="Neustadt")
        glaucha = District(name="Glaucha")
        projects = [
            MemberProject(name="Lesewelt Halle", target_groups=[kids], districts=[neustadt]),
            MemberProject(name="Lernengel", target_groups=[kids], districts=[glaucha]),
            MemberProject(
                name="Besuchspatenschaften", target_groups=[seniors], districts=[neustadt]
            ),
            MemberProject(
                name="Stadtweite Paten",
                target_groups=[seniors],
                serves_whole_city=True,
                seeks_volunteers=True,
                email="stadt@example.org",
            ),
            MemberProject(
                name="Familienpaten",
                target_groups=[seniors],
                districts=[glaucha],
                contacts=[Contact(first_name="Ayşe", last_name="Yılmaz", email="ayse@example.org")],
            ),
            MemberProject(
                name="Alte Kinderpaten", target_groups=[kids], districts=[neustadt], status="left"
            ),
            MemberProject(
                name="Pausierte Kinderpaten",
                target_groups=[kids],
                districts=[neustadt],
                status="paused",
            ),
        ]
        session.add_all(projects)
        session.flush()
        ids = {p.name: p.id for p in projects}
        ids |= {
            "Kinder": kids.id,
            "Senior:innen": seniors.id,
            "Neustadt": neustadt.id,
            "Glaucha": glaucha.id,
        }
    return ids
