"""Two workplaces import registration lists at once, on SQLite and on PostgreSQL.

The lists are for two events and share three new persons, in different orders.
With the locks, both imports go through, each person exists once and the second
import waited for the first. Negative control (PATENBUERO_TEST_DISABLE_LOCKS): the
second import fails completely, as measured on PostgreSQL before.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import exc, func, select

from patenbuero.db.models import Person, Registration
from patenbuero.errors import UserError
from patenbuero.services.core.importing import apply_import, preview_import, read_import_file
from patenbuero.services.registrations import import_writer
from patenbuero.services.registrations.importing import RegistrationImporter
from tests.helpers.persons import START, add_event
from tests.helpers.two_pcs import Rendezvous, race

SHARED = [
    "Đặng;Minh;minh@example.org",
    "Öztürk;Elif;elif@example.org",
    "Weiß;Jörg;joerg@example.org",
]


def _file(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text("Nachname;Vorname;E-Mail\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _importing(db, event_id: int, path: Path):
    importer = RegistrationImporter(event_id, START)
    table = read_import_file(path)
    preview = preview_import(db, importer, table, source=str(path))
    assert preview.can_import
    return lambda: apply_import(db, importer, table, preview.mapping)


@pytest.mark.parametrize("control", [False, True], ids=["locked", "control-unlocked"])
def test_two_imports_at_once_share_new_persons(two_pcs, monkeypatch, tmp_path, control) -> None:
    pc_a, pc_b = two_pcs.open(disable="serialisation" if control else "")
    fachtag = add_event(pc_a, capacity=30)
    treffen = add_event(pc_a, capacity=30, title="Vernetzungstreffen", kind="network_meeting")
    list_a = _file(tmp_path, "a.csv", [*SHARED, "Kowalska;Zofia;zofia@example.org"])
    list_b = _file(tmp_path, "b.csv", [*reversed(SHARED), "Haddad;Rami;rami@example.org"])
    import_a, import_b = _importing(pc_a, fachtag, list_a), _importing(pc_b, treffen, list_b)
    meeting = Rendezvous()
    lookup = import_writer._persons_by_key
    waited: set[str] = set()

    def looked_up_then_meet(session, keys):
        found = lookup(session, keys)
        name = threading.current_thread().name
        if len(found) < len(keys) and name not in waited:  # new persons to create: meet once
            waited.add(name)
            meeting.wait()
        return found

    monkeypatch.setattr(import_writer, "_persons_by_key", looked_up_then_meet)
    first, second = race(import_a, import_b)

    with pc_a.reading() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        per_event = dict(
            session.execute(
                select(Registration.event_id, func.count()).group_by(Registration.event_id)
            ).all()
        )
    if control:
        assert sorted(meeting.met) == ["PC A", "PC B"]
        errors = [o.error for o in (first, second) if o.error is not None]
        # The unique e-mail key stops the second import (or PostgreSQL ends the two
        # imports' deadlock over the shared persons): one import fails completely.
        assert len(errors) == 1, errors
        assert isinstance(errors[0], (exc.IntegrityError, UserError))
        assert sorted(per_event.values()) == [4]  # the failed import wrote nothing at all
        return
    assert first.error is None and second.error is None
    assert meeting.met == []
    assert people == 5  # three shared persons once, plus one of each list
    assert per_event == {fachtag: 4, treffen: 4}
