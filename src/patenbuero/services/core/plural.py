"""German plurals: "1 Punkt", "3 Punkte" – never "1 Punkte" or "Punkt(e)".

Plain Python so that services (messages, CLI output) and widgets share one helper.
"""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """The number with the fitting noun: ``plural(1, "Seite", "Seiten")`` → "1 Seite"."""
    return f"{count} {one if count == 1 else many}"


def noun(count: int, one: str, many: str) -> str:
    """Only the fitting noun (for a spin box suffix: "alle 1 Monat", "alle 2 Monate")."""
    return one if count == 1 else many
