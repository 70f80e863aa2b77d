"""The generic part of every import: read a table, map columns, preview, apply all or nothing.

A concrete import (projects, registrations …) is an :class:`Importer`: it names
its fields, checks the mapped rows against the database without writing
(``analyse``) and writes them (``apply``). This module wraps both in a
preview the office confirms, and in one transaction that writes every row
or, if any row is bad, none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from patenbuero.errors import UserError, ValidationError
from patenbuero.io.errors import FileFormatError
from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.io.header_rows import detect_header, with_header
from patenbuero.io.mapping import FieldSpec, guess_mapping, missing_required
from patenbuero.io.tabular import Table, read_table
from patenbuero.services.core import field_checks, import_journal
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in total) while an import is checked or written."""


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


ACTION_LABELS = {
    Action.CREATE: "neu",
    Action.UPDATE: "wird geändert",
    Action.UNCHANGED: "unverändert",
    Action.ERROR: "fehlerhaft",
}


@dataclass(frozen=True)
class Record:
    """One data row of the file: its line number and the mapped field values."""

    line: int
    values: Mapping[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def has(self, key: str) -> bool:
        """True when a column of the file is mapped to this field."""
        return key in self.values

    def control_character_errors(self, specs: Sequence[FieldSpec] = ()) -> list[str]:
        """One message per field that holds a control character (never imported)."""
        limit = 100_000
        values = self.values.values()
        if field_checks.without_control_characters(values) and all(
            len(value) <= limit for value in values
        ):
            return []
        labels = {spec.key: spec.label_de for spec in specs}
        errors = []
        for key, value in self.values.items():
            label = f"Das Feld „{labels.get(key, key)}“"
            try:
                field_checks.limited(value, key, label, limit, multiline=True)
            except ValidationError as error:
                errors.append(error.message)
        return errors

    def length_errors(
        self, limits: Mapping[str, int], specs: Sequence[FieldSpec] = ()
    ) -> list[str]:
        """One message per field longer than the form of that field allows."""
        labels = {spec.key: spec.label_de for spec in specs}
        errors = []
        for key, limit in limits.items():
            value = self.get(key).strip()
            if len(value) > limit:
                errors.append(
                    f"„{labels.get(key, key)}“ ist zu lang ({len(value)} Zeichen, "
                    f"höchstens {limit} möglich)."
                )
        return errors


@dataclass(frozen=True)
class RowOutcome:
    """What the import does with one row, or why it cannot."""

    line: int
    label: str
    action: Action
    errors: tuple[str, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class FieldChange:
    """One field of one stored record that the import would change (old → new).

    ``key`` names the change across previews, so the office's choice (take it or keep
    the stored value) survives a new check. A change that would remove values (fewer
    target groups, an empty cell over a stored address) is kept unless the office
    takes it.
    """

    key: str
    line: int
    subject: str
    label: str
    old: str
    new: str
    removes: bool = False

    @property
    def taken_by_default(self) -> bool:
        return not self.removes


@dataclass(frozen=True)
class NewValue:
    """A value of a known list (e.g. a district) the import will add."""

    kind: str
    value: str


@dataclass(frozen=True)
class Analysis:
    outcomes: tuple[RowOutcome, ...]
    new_values: tuple[NewValue, ...] = ()
    notes: tuple[str, ...] = ()
    """What the office should know before importing (e.g. the order used)."""
    changes: tuple[FieldChange, ...] = ()
    """Each stored field that would change; the importer's ``decisions`` choose."""
    plan: object = None
    """What ``apply`` is to write, as the importer worked it out (its own type); handed
    back to ``apply`` in the same transaction, so no row is analysed twice."""


class Importer(Protocol):
    """What a concrete import provides; see ``project_import`` for an example."""

    @property
    def title(self) -> str:
        """What is imported, e.g. "Mitgliedsprojekte"."""
        ...

    @property
    def fields(self) -> Sequence[FieldSpec]:
        """The fields a column can be mapped to."""
        ...

    def analyse(self, session: Session, records: Sequence[Record], progress: Progress) -> Analysis:
        """Check every record against the database; must not write."""
        ...

    def apply(
        self,
        session: Session,
        records: Sequence[Record],
        progress: Progress,
        plan: object = None,
    ) -> None:
        """Write every record; called only when ``analyse`` found no errors.

        ``plan`` is the :attr:`Analysis.plan` of the analysis just made in the same
        transaction (``None``: the importer works the rows out again).
        """
        ...


@dataclass(frozen=True)
class ImportPreview:
    source: str
    table: Table
    mapping: Mapping[int, str]
    fields: tuple[FieldSpec, ...]
    rows: tuple[RowOutcome, ...]
    new_values: tuple[NewValue, ...] = ()
    problems: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = ()
    changes: tuple[FieldChange, ...] = ()

    @property
    def errors(self) -> list[str]:
        """Problems of the whole file first, then "Zeile N: reason" for every bad row."""
        lines = list(self.problems)
        for row in self.rows:
            lines.extend(f"Zeile {row.line}: {error}" for error in row.errors)
        return lines

    @property
    def bad_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.errors]

    def count(self, action: Action) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def can_import(self) -> bool:
        return not self.errors and any(r.action != Action.UNCHANGED for r in self.rows)

    def summary(self) -> str:
        """German one-liner such as "2 neu, 1 wird geändert, 5 unverändert, 1 fehlerhaft"."""
        parts = [f"{self.count(a)} {ACTION_LABELS[a]}" for a in Action if self.count(a)]
        return ", ".join(parts) or "keine Datenzeilen"


class ImportRefused(UserError):
    """The import wrote nothing because rows are bad; ``errors`` lists them."""

    def __init__(self, errors: Sequence[str]) -> None:
        count = len(errors)
        super().__init__(
            f"Der Import wurde abgelehnt ({count} Fehler); es wurde nichts geändert."
            if count != 1
            else "Der Import wurde abgelehnt (1 Fehler); es wurde nichts geändert."
        )
        self.errors = list(errors)


def read_import_file(
    path: str | Path, fields: Sequence[FieldSpec] | None = None, header_line: int | None = None
) -> Table:
    """The file as a table; its problems become UserErrors with a German message.

    With ``fields`` a title line or a two-row header above the real header is found
    (:func:`~patenbuero.io.header_rows.detect_header`); ``header_line`` sets it.
    """
    try:
        table = read_table(path)
        if header_line is not None:
            return with_header(table, header_line)
        return detect_header(table, fields) if fields else table
    except FileFormatError as error:
        raise UserError(error.message) from error


def choose_header(table: Table, header_line: int) -> Table:
    """The same file with another line as its header (chosen in the preview)."""
    try:
        return with_header(table, header_line)
    except FileFormatError as error:
        raise UserError(error.message) from error


def default_mapping(table: Table, fields: Sequence[FieldSpec]) -> dict[int, str]:
    return guess_mapping(table.headers, fields)


def records(table: Table, mapping: Mapping[int, str]) -> list[Record]:
    return [
        Record(row.line, {key: row.get(index) for index, key in mapping.items()})
        for row in table.rows
    ]


def preview_import(
    db: Database,
    importer: Importer,
    table: Table,
    *,
    source: str = "",
    mapping: Mapping[int, str] | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """What the import would do, row by row; writes nothing."""
    fields = tuple(importer.fields)
    mapping = dict(default_mapping(table, fields) if mapping is None else mapping)
    problems = _mapping_problems(mapping, fields)
    if problems:
        return ImportPreview(source, table, mapping, fields, (), (), tuple(problems))
    with db.reading() as session:
        analysis = importer.analyse(session, records(table, mapping), progress or _quiet)
    return ImportPreview(
        source,
        table,
        mapping,
        fields,
        analysis.outcomes,
        analysis.new_values,
        notes=analysis.notes,
        changes=analysis.changes,
    )


@logged_action("import.apply")
def apply_import(
    db: Database,
    importer: Importer,
    table: Table,
    mapping: Mapping[int, str],
    progress: Progress | None = None,
    *,
    source: str | Path = "",
) -> ImportPreview:
    """Write every row in one transaction, or none: ImportRefused lists the bad rows.

    The rows are checked again inside the transaction, so a preview that has
    gone stale in the meantime cannot slip through; that check is the analysis
    the importer writes from. What the import wrote goes into the import journal in
    the same transaction (``source``: only the bare file name is kept), so that it can
    be undone as a whole. Returns what was done, with the analysis' notes.
    """
    fields = tuple(importer.fields)
    problems = _mapping_problems(mapping, fields)
    if problems:
        raise ImportRefused(problems)
    rows = records(table, mapping)
    with db.unit_of_work() as session:
        analysis = importer.analyse(session, rows, progress or _quiet)
        done = ImportPreview(
            "",
            table,
            dict(mapping),
            fields,
            analysis.outcomes,
            analysis.new_values,
            notes=analysis.notes,
        )
        if done.errors:
            raise ImportRefused(done.errors)
        import_journal.begin_run(
            session,
            getattr(importer, "journal_kind", "import"),
            _run_description(session, importer),
            Path(str(source)).name if source else "",
            dt.datetime.now(),
        )
        try:
            importer.apply(session, rows, progress or _quiet, analysis.plan)
            import_journal.finish_run(session)
        finally:
            import_journal.close_run(session)
    return done


def _run_description(session: Session, importer: Importer) -> str:
    """What the journal lists for the run, e.g. the event registrations went into."""
    describe = getattr(importer, "journal_description", None)
    return str(describe(session)) if callable(describe) else importer.title


def import_template(importer: Importer, file_format: str) -> bytes:
    """An empty file with the headers the import understands ("Vorlage speichern")."""
    headers = [spec.label_de for spec in importer.fields]
    if file_format == "xlsx":
        return to_xlsx(headers, [], importer.title)
    return to_csv_excel(headers, [])


def _mapping_problems(mapping: Mapping[int, str], fields: Sequence[FieldSpec]) -> list[str]:
    problems: list[str] = []
    labels = {f.key: f.label_de for f in fields}
    used: dict[str, int] = {}
    for index, key in mapping.items():
        if key not in labels:
            raise ValidationError(f"Unbekanntes Feld „{key}“.", field="mapping")
        if key in used:
            problems.append(f"Das Feld „{labels[key]}“ ist mehreren Spalten zugeordnet.")
        used[key] = index
    problems.extend(
        f"Keine Spalte ist dem Pflichtfeld „{spec.label_de}“ zugeordnet. Steht die "
        "Kopfzeile weiter unten (z. B. unter einem Titel)? Dann wählen Sie sie in der "
        "Vorschau unter „Kopfzeile“ oder ordnen Sie die Spalte zu."
        for spec in missing_required(dict(mapping), fields)
    )
    return problems


def _quiet(_done: int, _total: int) -> None:
    return None
