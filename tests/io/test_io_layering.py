"""The io package stays below services and free of Qt and the database."""

from __future__ import annotations

import ast
from pathlib import Path

import patenbuero.io

FORBIDDEN = ("PySide6", "patenbuero.db", "patenbuero.services", "patenbuero.ui", "patenbuero.pdf")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_io_imports_nothing_from_higher_layers() -> None:
    package = Path(patenbuero.io.__file__).parent
    files = sorted(package.glob("*.py"))
    assert len(files) > 5
    for path in files:
        for module in imported_modules(path):
            assert not module.startswith(FORBIDDEN), f"{path.name} imports {module}"
