"""Druck: choose a document, see its pages, print or save as PDF."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import Cancelled, UserError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import (
    Funding,
    funding_summary,
    get_event_funding,
    get_series_funding,
    set_event_funding,
    set_series_funding,
)
from patenbuero.services.core.plural import plural
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.printing.catalog import DOCUMENTS, DocumentSpec
from patenbuero.services.printing.request import PrintResult
from patenbuero.services.projects.use_cases import list_projects, list_target_groups
from patenbuero.services.registrations.series import list_series
from patenbuero.ui.common import folders
from patenbuero.ui.common.background import run_with_progress
from patenbuero.ui.common.data_changed import Kind, refresh_on
from patenbuero.ui.common.funding import FundingDialog
from patenbuero.ui.printing.document_options import DocumentOptions
from patenbuero.ui.printing.pdf_preview import PdfPreview
from patenbuero.ui.printing.pdf_worker import PdfBuilder
from patenbuero.ui.printing.printer_offset import PrinterOffset
from patenbuero.ui.printing.printer_output import (
    can_stop,
    is_landscape,
    prepare_printer,
    print_pdf,
)

PREVIEW_DELAY_MS = 300


class PrintTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        refresh_on(self, (Kind.EVENTS, Kind.REGISTRATIONS, Kind.PROJECTS), self.refresh)
        self._db = db
        self.result: PrintResult | None = None

        self.documents = QListWidget()
        for spec in DOCUMENTS.values():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.description)
            self.documents.addItem(item)
        self.documents.currentItemChanged.connect(self._on_document)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #444;")
        self.options = DocumentOptions()
        self.options.changed.connect(self.schedule_preview)
        self.options.changed.connect(self._show_funding)
        self.options.funding_requested.connect(self.edit_funding)
        self.offset = PrinterOffset(db)
        self.offset.saved.connect(self.schedule_preview)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Als PDF speichern …"))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("Drucken …"))
        # clicked(bool) must not arrive as the printer: the dialog asks for one
        self.print_button.clicked.connect(lambda: self.print_document())

        left = QWidget()
        left.setMaximumWidth(520)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("<b>Dokument</b>")))
        self.documents.setMaximumHeight(
            self.documents.sizeHintForRow(0) * (self.documents.count() + 1) + 8
        )
        left_layout.addWidget(self.documents)
        left_layout.addWidget(self.description)
        left_layout.addWidget(self.options)
        left_layout.addWidget(self.offset)
        left_layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        left_layout.addLayout(buttons)
        left_layout.addStretch(1)

        self.preview = PdfPreview()
        zoom_bar = QHBoxLayout()
        zoom_bar.addStretch(1)
        for text, tip, keys, slot in (
            (
                "−",
                self.tr("Verkleinern (Strg+Minus)"),
                QKeySequence.StandardKey.ZoomOut,
                self.preview.zoom_out,
            ),
            (
                "+",
                self.tr("Vergrößern (Strg+Plus)"),
                QKeySequence.StandardKey.ZoomIn,
                self.preview.zoom_in,
            ),
            (
                self.tr("Seitenbreite"),
                self.tr("An die Breite anpassen (Strg+0)"),
                QKeySequence("Ctrl+0"),
                self.preview.fit_width,
            ),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            zoom_bar.addWidget(button)
            QShortcut(QKeySequence(keys), self, slot)
        self.preview_hint = QLabel(self.tr("Die Vorschau erscheint hier."))
        self.preview_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(zoom_bar)
        right_layout.addWidget(self.preview_hint)
        right_layout.addWidget(self.preview, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.builder = PdfBuilder(db, self)
        self.builder.started.connect(self._on_started)
        self.builder.ready.connect(self._on_ready)
        self.builder.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._stale = True
        self._set_actions_enabled(False)

    def refresh(self) -> None:
        this_year = dt.date.today().year
        events = list_events(self._db, this_year - 1) + list_events(self._db, this_year)
        events += list_events(self._db, this_year + 1)
        self.options.set_events(events)
        self.options.set_series(list_series(self._db))
        self.options.set_projects(list_projects(self._db))
        self.options.set_target_groups(
            [c.name for c in list_target_groups(self._db) if not c.retired]
        )
        self.offset.load()
        if self.documents.currentRow() < 0:
            self.documents.setCurrentRow(0)
        else:
            self.schedule_preview()

    def focus_search(self) -> None:
        self.documents.setFocus()

    def select_document(self, key: str) -> None:
        for row in range(self.documents.count()):
            if self.documents.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.documents.setCurrentRow(row)
                return

    def show_document(
        self, key: str, *, event_id: int | None = None, project_ids: tuple[int, ...] = ()
    ) -> None:
        """Choose a document for one event or some projects (from a list's context menu)."""
        self.select_document(key)
        if event_id is not None:
            index = self.options.event_choice.findData(event_id)
            if index >= 0:
                self.options.event_choice.setCurrentIndex(index)
        if project_ids:
            self.options.tick_only(project_ids)
        self.schedule_preview()

    def current_spec(self) -> DocumentSpec | None:
        item = self.documents.currentItem()
        return DOCUMENTS.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def schedule_preview(self) -> None:
        """Previews are built only while the tab is on screen; showing it builds one."""
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            # Shown: start at once; the delay only gathers quick changes of the options.
            self._timer.stop()
            QTimer.singleShot(0, self.update_preview)

    def shutdown(self) -> None:
        """Wait for a PDF still being built, before the window goes away."""
        self._timer.stop()
        self.builder.wait()
        self.preview.set_pdf(None)

    def update_preview(self) -> None:
        if self.current_spec() is not None:
            request = replace(self.options.request(), offset_mm=self.offset.values())
            self.builder.request(request)

    def save_pdf(self) -> None:
        if self.result is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("PDF speichern"),
            folders.start_path(folders.PDF, self.result.file_name),
            self.tr("PDF-Dateien (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_private(Path(path), self.result.pdf)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("PDF speichern"),
                self.tr("Die Datei konnte nicht gespeichert werden: %1").replace(
                    "%1", error.strerror or str(error)
                ),
            )
            return
        folders.remember(folders.PDF, path)
        self.status.setText(self.tr("Gespeichert: %1").replace("%1", path))

    def print_document(self, printer: QPrinter | None = None) -> int:
        """Print the previewed document; returns the number of pages sent."""
        if self.result is None:
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(
                printer, two_sided=self.result.two_sided, landscape=is_landscape(self.result.pdf)
            )
            printer.setDocName(self.result.file_name)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        data, on_printer = self.result.pdf, printer
        try:
            pages = run_with_progress(
                self,
                self.tr("Das Dokument wird gedruckt …"),
                lambda progress: print_pdf(data, on_printer, progress),
                step_label=self._page_text,
                cancellable=can_stop(printer),
            )
        except Cancelled as stopped:
            self.status.setText(str(stopped))
            return 0
        except UserError as error:
            QMessageBox.warning(self, self.tr("Drucken"), str(error))
            return 0
        if pages == 0:
            QMessageBox.warning(
                self,
                self.tr("Drucken"),
                self.tr("Der Drucker konnte nicht angesprochen werden; es wurde nichts gedruckt."),
            )
            return 0
        self.status.setText(
            self.tr("%1 Seiten an den Drucker geschickt.").replace("%1", str(pages))
        )
        return pages

    def _page_text(self, done: int, total: int) -> str:
        """The page being printed, counted from 1 ("Seite 3 von 41")."""
        return (
            self.tr("Seite %1 von %2 wird gedruckt …")
            .replace("%1", str(min(done + 1, total)))
            .replace("%2", str(total))
        )

    def edit_funding(self) -> None:
        """Edit the stored funding of the chosen event (or series) in a small dialog."""
        spec, request = self.current_spec(), self.options.request()
        if spec is None:
            return
        db = self._db
        if "event" in spec.needs and request.event_id is not None:
            event_id = request.event_id
            title = self.tr("Förderung der Veranstaltung")
            funding = get_event_funding(db, event_id)

            def save(value: Funding) -> None:
                set_event_funding(db, event_id, value)

        elif "series" in spec.needs and request.series_id is not None:
            series_id = request.series_id
            title = self.tr("Förderung der Fortbildungsreihe")
            funding = get_series_funding(db, series_id)

            def save(value: Funding) -> None:
                set_series_funding(db, series_id, value)

        else:
            return
        if FundingDialog(db, title, funding, save, self).exec():
            self._show_funding()
            self.schedule_preview()

    def _show_funding(self) -> None:
        spec = self.current_spec()
        if spec is None or "funder" not in spec.options:
            return
        request = self.options.request()
        event_id = request.event_id if "event" in spec.needs else None
        series_id = request.series_id if "series" in spec.needs else None
        self.options.funding_label.setText(funding_summary(self._db, event_id, series_id))

    def _on_document(self) -> None:
        spec = self.current_spec()
        if spec is None:
            return
        self.description.setText(spec.description)
        self.options.show_for(spec)
        self._show_funding()
        self.offset.setVisible("labels" in spec.needs)
        self.schedule_preview()

    def _on_started(self) -> None:
        self.status.setText(self.tr("PDF wird erstellt …"))
        self._set_actions_enabled(False)

    def _on_ready(self, result: PrintResult) -> None:
        self.result = result
        self.preview.set_pdf(result.pdf)
        self.preview_hint.hide()
        pages = self.preview.page_count()
        text = self.tr("%1 · %2").replace("%1", plural(pages, self.tr("Seite"), self.tr("Seiten")))
        text = text.replace("%2", result.file_name)
        if result.warnings:
            text += "<br><b>" + "<br>".join(map(html.escape, result.warnings)) + "</b>"
        self.status.setText(text)
        self._set_actions_enabled(True)

    def _on_failed(self, message: str) -> None:
        self.result = None
        self.preview.set_pdf(None)
        self.preview_hint.setText(message)
        self.preview_hint.show()
        self.status.setText("")
        self._set_actions_enabled(False)

    def _set_actions_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled)
