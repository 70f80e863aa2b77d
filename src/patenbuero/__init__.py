"""Patenbüro: the office application of the Patenschaftsnetzwerk Halle.

The version number lives in one place, ``version`` in pyproject.toml. Installed (as a
wheel, editable, or inside the frozen bundle, which carries the package metadata) it is
read from the package metadata; in a bare source checkout from pyproject.toml itself.
"""

from __future__ import annotations


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("patenbuero")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            with pyproject.open("rb") as handle:
                return str(tomllib.load(handle)["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unbekannt"


def __getattr__(name: str) -> str:
    # Read on first use: importlib.metadata costs a command like `patenbuero info` 40 ms.
    if name == "__version__":
        version = _version()
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
