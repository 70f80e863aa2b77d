"""The command line loads only the command module it needs, and knows where each lives."""

import argparse
import subprocess
import sys

import pytest

from patenbuero.cli import parser


def _top_level_commands(built: argparse.ArgumentParser) -> set[str]:
    actions = [a for a in built._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices) if actions else set()


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    everything = _top_level_commands(parser.build_parser(["--help"]))
    assert everything == set(parser.COMMAND_MODULES)
    for command in everything:
        only = _top_level_commands(parser.build_parser(["--db", "x.sqlite3", command]))
        assert command in only


def test_window_start_registers_no_command_module() -> None:
    assert parser.command_groups(["--db", "x.sqlite3"]) == []
    assert len(parser.command_groups(["unbekannt"])) == len(parser.COMMAND_GROUPS)


@pytest.mark.sqlite_only("info counts a SQLite file with sqlite3, without SQLAlchemy")
def test_info_does_not_import_pdf_or_spreadsheet_libraries(db) -> None:
    # On a file at the current schema: rows counted with sqlite3, without SQLAlchemy.
    code = (
        "import sys\n"
        "from patenbuero.launcher import main\n"
        f"main(['--db', {str(db.location.path)!r}, 'info'])\n"
        "heavy = [m for m in ('reportlab', 'openpyxl', 'patenbuero.pdf', 'PySide6',"
        " 'sqlalchemy', 'patenbuero.db.models', 'alembic')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8"
    )
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_the_command_line_entry_imports_no_pdf_library() -> None:
    code = "import sys, patenbuero.cli.main, patenbuero.launcher; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
