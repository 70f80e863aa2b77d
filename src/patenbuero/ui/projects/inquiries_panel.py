"""On a project's page: the inquiries forwarded to it and what came of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core.database import Database
from patenbuero.ui.common.formatting import format_date


class ProjectInquiriesPanel(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.today: Callable[[], dt.date] = dt.date.today
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                self.tr("Weitergeleitet"),
                self.tr("Anfrage"),
                self.tr("Anliegen"),
                self.tr("Ergebnis"),
                self.tr("Nachfrage am"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def show_project(self, project_id: int | None) -> None:
        self.tree.clear()
        if project_id is None:
            self.summary.setText("")
            return
        from patenbuero.services.inquiries.follow_up import project_forwardings

        rows = project_forwardings(self._db, project_id, today=self.today())
        started = sum(row.outcome == "started" for row in rows)
        for row in rows:
            outcome = row.outcome_label
            if row.outcome_on is not None:
                outcome += f" ({format_date(row.outcome_on)})"
            follow_up = "" if row.is_final else format_date(row.follow_up_on)
            if row.days_overdue:
                follow_up += self.tr(" – fällig")
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        format_date(row.forwarded_on),
                        row.inquiry_name,
                        row.kind_label,
                        outcome,
                        follow_up,
                    ]
                )
            )
        if rows:
            self.summary.setText(
                self.tr("%1 Anfragen weitergeleitet, daraus %2 Patenschaften begonnen.")
                .replace("%1", str(len(rows)))
                .replace("%2", str(started))
            )
        else:
            self.summary.setText(
                self.tr("An dieses Projekt wurde noch keine Anfrage weitergeleitet.")
            )
