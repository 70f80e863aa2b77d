"""Where the bundled files (fonts, icons) are: in the installed package, else the checkout."""

from __future__ import annotations

from pathlib import Path


def resource_dir(name: str) -> Path:
    """The folder ``resources/<name>``: from an installed wheel first, then the source tree."""
    # An installed package on disk has its files beside its modules; importlib.resources
    # (nine modules, imported before the first paint otherwise) only for other loaders.
    packaged = Path(__file__).resolve().parent / "resources" / name
    if packaged.is_dir():
        return packaged
    import importlib.resources

    try:
        candidate = importlib.resources.files("patenbuero") / "resources" / name
        if candidate.is_dir():
            return Path(str(candidate))
    except (ModuleNotFoundError, TypeError):
        pass
    source = Path(__file__).resolve().parents[2] / "resources" / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"Programmdateien nicht gefunden (gesucht in {source})")
