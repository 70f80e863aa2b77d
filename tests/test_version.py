"""One version number: pyproject.toml; the command line, About dialog and packages read it."""

import tomllib
from pathlib import Path

import pytest

import patenbuero
from patenbuero.launcher import main

ROOT = Path(__file__).parents[1]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_package_version_is_the_pyproject_version() -> None:
    assert patenbuero.__version__ == pyproject_version()


def test_command_line_prints_it(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"Patenbüro {pyproject_version()}"


def test_a_bare_checkout_reads_pyproject(monkeypatch) -> None:
    from importlib import metadata

    def not_installed(_name: str) -> str:
        raise metadata.PackageNotFoundError("patenbuero")

    monkeypatch.setattr(metadata, "version", not_installed)
    assert patenbuero._version() == pyproject_version()


def test_changelog_has_an_entry_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {pyproject_version()} " in changelog
