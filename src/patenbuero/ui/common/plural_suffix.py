"""A spin box whose unit follows its number: "1 Jahr", "2 Jahre" – never "Jahr(e)"."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from patenbuero.services.core.plural import noun


def follow_plural(box: QSpinBox, one: str, many: str) -> None:
    """Keep the box's suffix (" Jahr" / " Jahre") fitting its value, now and on every change."""

    def update(value: int) -> None:
        box.setSuffix(" " + noun(value, one, many))

    box.valueChanged.connect(update)
    update(box.value())
