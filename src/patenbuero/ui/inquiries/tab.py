"""Anfragen: record inquiries, find fitting projects, forward them and close them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.services.core.database import Database
from patenbuero.services.inquiries import use_cases as inquiries
from patenbuero.services.inquiries.follow_up import (
    count_due_follow_ups,
    due_follow_ups,
    record_outcome,
)
from patenbuero.services.inquiries.forwarding import forward_inquiry, forwarding_mail
from patenbuero.services.inquiries.matching import suggest_projects
from patenbuero.services.projects import use_cases as projects
from patenbuero.ui.common import prompts
from patenbuero.ui.common.conflict_dialog import THEIRS, resolve_conflict
from patenbuero.ui.common.data_changed import Kind, announce, refresh_on
from patenbuero.ui.inquiries.follow_up_dialog import FollowUpDialog
from patenbuero.ui.inquiries.form import InquiryForm
from patenbuero.ui.inquiries.forward_dialog import ForwardDialog
from patenbuero.ui.inquiries.forwarding_panel import ForwardingPanel
from patenbuero.ui.inquiries.list_panel import InquiryListPanel
from patenbuero.ui.inquiries.mail_dialog import MailDialog as ForwardingMailDialog

if TYPE_CHECKING:
    from patenbuero.ui.inquiries.finder_window import ProjectFinder


class InquiriesTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        refresh_on(self, (Kind.PROJECTS, Kind.INQUIRIES), self.refresh)
        self._db = db
        self.last_message = ""
        # Replaced in tests: the day the office works on, and how dialogs are shown.
        self.today: Callable[[], dt.date] = dt.date.today
        self.run_dialog: Callable[[QDialog], bool] = prompts.run_dialog
        self.panel = InquiryListPanel(self)
        self.list = self.panel.list
        self.form = InquiryForm(self)
        self.forwarding = ForwardingPanel(self)
        self.new_button = QPushButton(self.tr("Neue Anfrage"), self)
        self.due_button = QPushButton(self.tr("Fällige Nachfragen"), self)
        self.finder_button = QPushButton(self.tr("Projektfinder (Infostand)"), self)
        self.finder_button.setToolTip(
            self.tr("Vollbild für Besucher:innen; beenden mit Strg+Umschalt+Q")
        )
        self.finder: ProjectFinder | None = None
        self.details = QTabWidget(self)
        self._shown_once = False
        self._build()
        self._connect()
        self._show_nothing()

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(self.finder_button)
        bar.addWidget(self.due_button)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.panel, 1)
        self.details.addTab(self.form, self.tr("Angaben"))
        self.details.addTab(self.forwarding, self.tr("Passende Projekte"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.panel.inquiry_chosen.connect(self._on_inquiry_chosen)
        self.new_button.clicked.connect(self.new_inquiry)
        self.due_button.clicked.connect(self.show_due)
        self.finder_button.clicked.connect(self.open_finder)
        self.form.save_button.clicked.connect(self.save)
        self.form.revert_button.clicked.connect(self._revert)
        self.form.close_button.clicked.connect(self.close_current)
        self.form.reopen_button.clicked.connect(self.reopen_current)
        self.forwarding.forward_requested.connect(self.forward_checked)
        self.forwarding.mail_requested.connect(self.show_mail)
        self.forwarding.outcome_requested.connect(self.record_outcome)
        self.forwarding.show_all_changed.connect(lambda _on: self._load_matches())

    # --- tab protocol -------------------------------------------------------------

    def refresh(self) -> None:
        kinds = inquiries.kind_choices()
        self.panel.set_kinds(kinds)
        self.form.set_choices(
            kinds,
            inquiries.status_choices(),
            projects.list_target_groups(self._db),
            projects.list_districts(self._db),
        )
        self.panel.set_rows(inquiries.list_inquiries(self._db, today=self.today()))
        due = count_due_follow_ups(self._db, today=self.today())
        self.due_button.setText(
            self.tr("Fällige Nachfragen (%1)").replace("%1", str(due))
            if due
            else self.tr("Fällige Nachfragen")
        )
        current = self.form.inquiry_id
        if current is not None and not self.form.is_dirty:
            self._reload_current(current)
        self.panel.select_inquiry(current)

    def focus_search(self) -> None:
        self.list.search_field.setFocus()
        self.list.search_field.selectAll()

    def confirm_leave(self) -> bool:
        """False when the user cancels leaving a form with unsaved changes."""
        return self._may_leave_form()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            rows = self.panel.visible_rows()
            if rows and self.form.inquiry_id is None and not self.form.isEnabled():
                self.panel.select_inquiry(rows[0].id)
                self.open_inquiry(rows[0].id)

    # --- actions ------------------------------------------------------------------

    def open_inquiry(self, inquiry_id: int | None) -> None:
        try:
            detail = inquiries.get_inquiry(self._db, inquiry_id) if inquiry_id else None
        except UserError as error:
            self._say(error.message)
            self.form.load(None)
            self.refresh()
            detail = None
        self._show_detail(detail)

    def _reload_current(self, inquiry_id: int) -> None:
        """The shown inquiry read again (F5, a change elsewhere): redrawn only where it
        changed, so the ticked projects and the outcome date stay when nothing did."""
        try:
            detail = inquiries.get_inquiry(self._db, inquiry_id)
        except UserError:
            self.open_inquiry(inquiry_id)  # says it is gone and shows nothing
            return
        if detail != self.form.loaded:
            self._show_detail(detail)
        else:
            self._load_matches(keep_if_same=True)

    def _show_detail(self, detail: inquiries.InquiryDetail | None) -> None:
        if detail is None:
            self._show_nothing()
            return
        self.form.load(detail)
        self.form.setEnabled(True)
        self.forwarding.show_forwardings(detail.forwardings)
        today = self.today()
        self.forwarding.outcome_date.setDate(QDate(today.year, today.month, today.day))
        self._load_matches()

    def new_inquiry(self) -> None:
        if not self._may_leave_form():
            return
        self.panel.select_inquiry(None)
        self.form.load(None, self.today())
        self.form.setEnabled(True)
        self.forwarding.show_matches([], has_inquiry=False)
        self.forwarding.show_forwardings([])
        self._set_match_count(None)
        self.details.setCurrentWidget(self.form)
        self.form.name.setFocus()

    def save(self) -> bool:
        self.form.clear_errors()
        inquiry_id = self.form.inquiry_id
        choice = ""
        try:
            try:
                inquiry_id = inquiries.save_inquiry(
                    self._db, inquiry_id, self.form.values(), today=self.today()
                )
            except ConflictError as conflict:
                choice = self._resolve_conflict(conflict)
                if not choice:
                    return False
        except UserError as error:
            self.form.show_error(error.field, error.message)
            self.details.setCurrentWidget(self.form)
            return False
        name = self.form.display_name()
        self.form.load(None)
        self.form.inquiry_id = inquiry_id
        self.refresh()
        announce(Kind.INQUIRIES, self)
        if choice == THEIRS:
            self._say(self.tr("Die andere Fassung wurde übernommen."))
        else:
            self._say(self.tr("Anfrage von „%1“ gespeichert.").replace("%1", name))
        return True

    def _resolve_conflict(self, conflict: ConflictError) -> str:
        """Both versions field by field; the choice saved against the stored version."""
        inquiry_id = self.form.inquiry_id
        return resolve_conflict(
            self,
            self.form.display_name(),
            conflict,
            self.form.base,
            self.form.field_labels(),
            lambda chosen, version: inquiries.save_inquiry(
                self._db,
                inquiry_id,
                replace(chosen, expected_version=version),
                today=self.today(),
            ),
            self.form.show_value,
        )

    def close_current(self) -> None:
        self._change_status(inquiries.close_inquiry, self.tr("„%1“ ist erledigt."))

    def reopen_current(self) -> None:
        self._change_status(inquiries.reopen_inquiry, self.tr("„%1“ ist wieder offen."))

    def forward_checked(self) -> None:
        """Ask for date and note, record the forwarding, then offer the e-mail text."""
        inquiry_id = self.form.inquiry_id
        project_ids = self.forwarding.checked_project_ids()
        if inquiry_id is None or not project_ids or not self._may_leave_form():
            return
        dialog = ForwardDialog(
            self.form.display_name(),
            self.forwarding.checked_names(),
            lambda day, note: forward_inquiry(
                self._db, inquiry_id, project_ids, day, note, today=self.today()
            ),
            self.today(),
            self,
        )
        if not self.run_dialog(dialog) or dialog.outcome is None:
            return
        self.refresh()
        announce(Kind.INQUIRIES, self)
        self._say(dialog.outcome.message())
        project_ids = [f.project_id for f in dialog.outcome.forwarded]
        self._show_mails(inquiry_id, project_ids)

    def record_outcome(self, forwarding_id: int, outcome: str, on: dt.date | None = None) -> None:
        """What came of a forwarding, e.g. a new Pat:in (counted in the Sachbericht)."""
        try:
            status = record_outcome(self._db, forwarding_id, outcome, on, today=self.today())
        except UserError as error:
            prompts.refuse(self, self.tr("Nicht geändert"), error.message)
            return
        if self.form.inquiry_id is not None and not self.form.is_dirty:
            self.open_inquiry(self.form.inquiry_id)
        self.forwarding.select_forwarding(forwarding_id)
        announce(Kind.INQUIRIES, self)
        if status == "closed":
            self._say(self.tr("Ergebnis eingetragen; die Anfrage ist damit erledigt."))
        else:
            self._say(self.tr("Ergebnis der Weiterleitung eingetragen."))

    def open_finder(self, *, full_screen: bool = True) -> ProjectFinder:
        """The info stand's full-screen mode; new visits show up here when it ends."""
        from patenbuero.ui.inquiries.finder_window import ProjectFinder  # PDFs, printing

        finder = ProjectFinder(self._db)
        finder.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        finder.destroyed.connect(lambda: announce(Kind.INQUIRIES, None))
        self.finder = finder
        if full_screen:
            finder.showFullScreen()
        else:
            finder.show()
        return finder

    def show_due(self) -> None:
        """The forwardings to ask about; opening one shows its inquiry."""
        from patenbuero.ui.mail.mail_dialog import MailDialog  # SMTP, keyring, PDFs

        dialog = FollowUpDialog(
            due_follow_ups(self._db, today=self.today()),
            self,
            on_mail=lambda ids: self.run_dialog(
                MailDialog(self._db, kind="follow_up", forwarding_ids=ids, parent=self)
            ),
        )
        if self.run_dialog(dialog) and dialog.chosen_inquiry is not None:
            if not self._may_leave_form():
                return
            self.panel.select_inquiry(dialog.chosen_inquiry)
            self.open_inquiry(dialog.chosen_inquiry)
            self.details.setCurrentWidget(self.forwarding)

    def show_mail(self, project_id: int) -> None:
        if self.form.inquiry_id is not None:
            self._show_mails(self.form.inquiry_id, [project_id])

    # --- helpers ------------------------------------------------------------------

    def _show_mails(self, inquiry_id: int, project_ids: list[int]) -> None:
        try:
            mails = [forwarding_mail(self._db, inquiry_id, pid) for pid in project_ids]
        except UserError as error:
            prompts.refuse(self, self.tr("E-Mail-Text"), error.message)
            return
        if mails:
            self.run_dialog(ForwardingMailDialog(mails, self))

    def _change_status(self, change: Callable[[Database, int], object], done: str) -> None:
        inquiry_id = self.form.inquiry_id
        if inquiry_id is None or not self._may_leave_form():
            return
        name = self.form.display_name()
        try:
            change(self._db, inquiry_id)
        except UserError as error:
            prompts.refuse(self, self.tr("Nicht geändert"), error.message)
            return
        self.refresh()
        announce(Kind.INQUIRIES, self)
        self._say(done.replace("%1", name))

    def _load_matches(self, *, keep_if_same: bool = False) -> None:
        inquiry_id = self.form.inquiry_id
        if inquiry_id is None:
            return
        try:
            matches = suggest_projects(
                self._db, inquiry_id, include_all=self.forwarding.show_all.isChecked()
            )
        except UserError as error:
            self._say(error.message)
            return
        self.forwarding.show_matches(matches, keep_if_same=keep_if_same)
        self._set_match_count(sum(1 for m in matches if m.fits and m.forwarded_on is None))

    def _set_match_count(self, count: int | None) -> None:
        index = self.details.indexOf(self.forwarding)
        text = self.tr("Passende Projekte")
        self.details.setTabText(index, text if count is None else f"{text} ({count})")

    def _show_nothing(self) -> None:
        self.form.load(None)
        self.form.title.setText(
            self.tr("Wählen Sie links eine Anfrage oder erfassen Sie eine mit „Neue Anfrage“.")
        )
        self.form.close_button.hide()
        self.form.reopen_button.hide()
        self.form.setEnabled(False)
        self.forwarding.show_matches([], has_inquiry=False)
        self.forwarding.show_forwardings([])
        self._set_match_count(None)

    def _on_inquiry_chosen(self, inquiry_id: int) -> None:
        if inquiry_id == self.form.inquiry_id:
            return
        if not self._may_leave_form():
            self.panel.select_inquiry(self.form.inquiry_id)
            return
        self.open_inquiry(inquiry_id)

    def _may_leave_form(self) -> bool:
        if not self.form.is_dirty:
            return True
        self.details.setCurrentWidget(self.form)
        return prompts.may_leave(self, self.form.display_name(), self.save, self._revert)

    def _revert(self) -> None:
        if self.form.inquiry_id is None:
            self._show_nothing()
        else:
            self.open_inquiry(self.form.inquiry_id)

    def _say(self, text: str) -> None:
        self.last_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 6000)
