"""Forward an inquiry: the chosen projects, the date (today unless changed) and a note."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.inquiries.forwarding import ForwardResult
from patenbuero.ui.common.widgets import ERROR_STYLE, OptionalDateEdit

Forwarder = Callable[[dt.date | None, str], ForwardResult]
"""Records the forwarding on the given date with the note; raises UserError."""


class ForwardDialog(QDialog):
    """Stays open and says why when the service refuses; ``outcome`` holds what happened."""

    def __init__(
        self,
        inquiry_name: str,
        project_names: Sequence[str],
        forwarder: Forwarder,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Anfrage weiterleiten"))
        self.setMinimumWidth(520)
        self._forwarder = forwarder
        self.outcome: ForwardResult | None = None
        names = "".join(f"<li>{html.escape(name)}</li>" for name in project_names)
        intro = QLabel(
            self.tr("Die Anfrage von <b>%1</b> geht an:").replace("%1", html.escape(inquiry_name))
            + f"<ul>{names}</ul>",
            self,
        )
        intro.setWordWrap(True)
        self.date = OptionalDateEdit(self)
        self.date.set_value(today)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("z. B. per E-Mail mit Einverständnis"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        explanation = QLabel(
            self.tr(
                "Die Weiterleitung wird mit Datum gespeichert und die Anfrage gilt dann als "
                "„weitergeleitet“. Danach können Sie den E-Mail-Text an das Projekt kopieren "
                "oder im E-Mail-Programm öffnen."
            ),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Weitergeleitet am:"), self.date)
        form.addRow(self.tr("Notiz:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Weiterleitung speichern"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Abbrechen"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(explanation)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.error.hide()
        try:
            self.outcome = self._forwarder(self.date.value(), self.note.text())
        except UserError as error:
            self.error.setText(error.message)
            self.error.show()
            if error.field == "forwarded_on":
                self.date.setFocus()
            return
        self.accept()
