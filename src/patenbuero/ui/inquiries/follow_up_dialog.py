"""Fällige Nachfragen: forwardings whose project should be asked what came of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.inquiries.follow_up import FollowUpRow
from patenbuero.ui.common.formatting import format_date

_ROW_ROLE = Qt.ItemDataRole.UserRole


class FollowUpDialog(QDialog):
    """Lists what is due; "Anfrage öffnen" closes it with ``chosen_inquiry`` set."""

    def __init__(
        self,
        rows: Sequence[FollowUpRow],
        parent: QWidget | None = None,
        on_mail: Callable[[list[int]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fällige Nachfragen"))
        self.resize(760, 420)
        self.chosen_inquiry: int | None = None
        self._rows = {row.forwarding_id: row for row in rows}
        intro = QLabel(
            self.tr(
                "Bei diesen Weiterleitungen ist der Tag der Nachfrage da und das Projekt hat "
                "noch kein endgültiges Ergebnis gemeldet."
            )
            if rows
            else self.tr("Zurzeit ist keine Nachfrage fällig.")
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                self.tr("Nachfrage am"),
                self.tr("Projekt"),
                self.tr("Anfrage"),
                self.tr("Weitergeleitet"),
                self.tr("Bisher"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row in rows:
            item = QTreeWidgetItem(
                [
                    format_date(row.follow_up_on),
                    row.project_name,
                    row.inquiry_name,
                    format_date(row.forwarded_on),
                    row.outcome_label,
                ]
            )
            item.setData(0, _ROW_ROLE, row.forwarding_id)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.open_button = QPushButton(self.tr("Anfrage öffnen"), self)
        self.open_button.setEnabled(bool(rows))
        self.open_button.clicked.connect(self._open)
        self.tree.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.mail_button = QPushButton(self.tr("Nachfrage-Mail …"), self)
        self.mail_button.setToolTip(self.tr("Die Nachfrage an das gewählte Projekt schreiben"))
        self.mail_button.setEnabled(bool(rows) and on_mail is not None)
        self._on_mail = on_mail
        self.mail_button.clicked.connect(self._mail)
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def current_row(self) -> FollowUpRow | None:
        item = self.tree.currentItem()
        return None if item is None else self._rows.get(int(item.data(0, _ROW_ROLE)))

    def _mail(self) -> None:
        row = self.current_row()
        if row is not None and self._on_mail is not None:
            self._on_mail([row.forwarding_id])

    def _open(self, *_args: object) -> None:
        row = self.current_row()
        if row is not None:
            self.chosen_inquiry = row.inquiry_id
            self.accept()
