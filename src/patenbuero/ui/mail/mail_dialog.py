"""E-Mails: choose the kind, see the real text per recipient, send it or save drafts.

Who gets nothing and why is shown beside the recipients; persons without an
e-mail address can be printed as a phone list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.mail.account import smtp_account
from patenbuero.services.mail.compose import EVENT_KINDS, MailBatch, compose
from patenbuero.services.mail.kinds import KINDS
from patenbuero.services.mail.phone_list import phone_list_pdf
from patenbuero.services.mail.sending import (
    DEFAULT_PAUSE_SECONDS,
    SendReport,
    list_records,
    write_drafts,
)
from patenbuero.ui.common import prompts
from patenbuero.ui.mail.send_worker import SendWorker


class MailDialog(QDialog):
    def __init__(
        self,
        db: Database,
        event_id: int | None = None,
        *,
        kind: str = "",
        forwarding_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("E-Mails"))
        self.resize(980, 640)
        self._db = db
        self._event_id = event_id
        self._forwarding_ids = list(forwarding_ids)
        self.batch: MailBatch | None = None
        self.worker: SendWorker | None = None
        self.pool = QThreadPool.globalInstance()
        self.kind = QComboBox(self)
        for info in KINDS:
            usable = (info.kind in EVENT_KINDS) == (event_id is not None)
            if usable:
                self.kind.addItem(info.label, info.kind.value)
        if kind:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.recipients = QListWidget(self)
        self.recipients.setMinimumWidth(260)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Vorschau"))
        self.records = QTreeWidget(self)
        self.records.setRootIsDecorated(False)
        self.records.setHeaderLabels(
            [self.tr("Zeit"), self.tr("Art"), self.tr("An"), self.tr("Weg"), self.tr("Ergebnis")]
        )
        self.records.setMaximumHeight(150)
        self.pause = QDoubleSpinBox(self)
        self.pause.setRange(0, 60)
        self.pause.setSuffix(self.tr(" s Pause"))
        self.pause.setValue(DEFAULT_PAUSE_SECONDS)
        self.pause.setToolTip(self.tr("Pause zwischen zwei Mails, damit der Server nicht bremst"))
        self.send_button = QPushButton(self.tr("&Senden"), self)
        self.stop_button = QPushButton(self.tr("Anhalten"), self)
        self.stop_button.setVisible(False)
        self.drafts_button = QPushButton(self.tr("&Entwürfe speichern …"), self)
        self.phones_button = QPushButton(self.tr("&Telefonliste …"), self)
        self.close_button = QPushButton(self.tr("Schließen"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.last_report: SendReport | None = None
        self._build()
        self.kind.currentIndexChanged.connect(self.reload)
        self.recipients.currentRowChanged.connect(self._show_mail)
        self.send_button.clicked.connect(self.send)
        self.stop_button.clicked.connect(self.stop)
        self.drafts_button.clicked.connect(self.save_drafts)
        self.phones_button.clicked.connect(self.save_phone_list)
        self.close_button.clicked.connect(self.reject)
        self.reload()
        self.show_records()

    def _build(self) -> None:
        top = QFormLayout()
        top.addRow(self.tr("Art der Mail:"), self.kind)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Empfänger:innen")))
        left_layout.addWidget(self.recipients, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("So kommt die Mail an")))
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 680])
        bar = QHBoxLayout()
        bar.addWidget(self.phones_button)
        bar.addWidget(self.drafts_button)
        bar.addStretch(1)
        bar.addWidget(self.pause)
        bar.addWidget(self.send_button)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(self.tr("Bisher verschickt")))
        layout.addWidget(self.records)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(bar)

    def reload(self) -> None:
        self.recipients.clear()
        self.preview.clear()
        try:
            self.batch = compose(
                self._db,
                str(self.kind.currentData()),
                self._event_id,
                forwarding_ids=self._forwarding_ids,
            )
        except UserError as error:
            self.batch = None
            self.summary.setText(error.message)
            self._update_buttons()
            return
        batch = self.batch
        for mail in batch.mails[:1] if batch.group else batch.mails:
            text = self.tr("Verteiler (BCC)") if batch.group else mail.recipient
            item = QListWidgetItem(text if batch.group else f"{text}\n{mail.address}")
            self.recipients.addItem(item)
        for nobody in batch.phone_list:
            item = QListWidgetItem(f"☎ {nobody.name}\n{nobody.phone or self.tr('keine Nummer')}")
            item.setForeground(Qt.GlobalColor.darkYellow)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.recipients.addItem(item)
        for nobody in batch.left_out:
            item = QListWidgetItem(f"✕ {nobody.name}\n{nobody.reason}")
            item.setForeground(Qt.GlobalColor.gray)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.recipients.addItem(item)
        parts = [
            self.tr("%1 Mails an „%2“.")
            .replace("%1", str(len(batch.mails)))
            .replace("%2", batch.title)
        ]
        if batch.group:
            parts.append(self.tr("Eine Mail an alle, die Adressen stehen in BCC."))
        if batch.phone_list:
            parts.append(
                self.tr("%1 ohne E-Mail-Adresse (Telefonliste).").replace(
                    "%1", str(len(batch.phone_list))
                )
            )
        if batch.left_out:
            parts.append(
                self.tr("%1 bekommen diese Mail nicht (Datenschutz).").replace(
                    "%1", str(len(batch.left_out))
                )
            )
        self.summary.setText(" ".join(parts))
        if batch.mails:
            self.recipients.setCurrentRow(0)
        self._update_buttons()

    def show_records(self) -> None:
        """What went to whom and when (for this event, or all)."""
        labels = {info.kind.value: info.label for info in KINDS}
        self.records.clear()
        for record in list_records(self._db, self._event_id):
            way = self.tr("gesendet") if record.way == "smtp" else self.tr("Entwurf")
            self.records.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        f"{record.at:%d.%m.%Y %H:%M}",
                        labels.get(record.kind, record.kind),
                        f"{record.recipient} <{record.address}>",
                        way,
                        self.tr("ok") if record.ok else record.error,
                    ]
                )
            )

    def _show_mail(self, row: int) -> None:
        batch = self.batch
        if batch is None or not 0 <= row < len(batch.mails):
            return
        mail = batch.mails[row]
        to = (
            self.tr("BCC an den Verteiler") if batch.group else f"{mail.recipient} <{mail.address}>"
        )
        self.preview.setPlainText(
            self.tr("An: ") + to + "\n" + self.tr("Betreff: ") + mail.subject + "\n\n" + mail.body
        )

    def _update_buttons(self) -> None:
        has_mails = self.batch is not None and bool(self.batch.mails)
        sending = self.worker is not None
        self.send_button.setEnabled(has_mails and not sending)
        self.drafts_button.setEnabled(has_mails and not sending)
        self.phones_button.setEnabled(self.batch is not None and bool(self.batch.phone_list))
        self.kind.setEnabled(not sending)
        self.close_button.setEnabled(not sending)

    # --- ways out -----------------------------------------------------------------

    def send(self) -> None:
        if self.batch is None or self.worker is not None:
            return
        try:
            account, password = smtp_account(self._db)
        except UserError as error:
            prompts.refuse(self, self.tr("Senden"), error.message)
            return
        if password is None and account.user:
            prompts.refuse(
                self,
                self.tr("Senden"),
                self.tr(
                    "Für das Mailkonto ist kein Passwort gespeichert. Tragen Sie es unter "
                    "Bearbeiten → Mailkonto und Mailtexte ein."
                ),
            )
            return
        self.worker = SendWorker(self._db, self.batch, account, password, self.pause.value())
        self.worker.signals.progress.connect(self._on_progress)
        self.worker.signals.finished.connect(self._on_finished)
        self.worker.signals.failed.connect(self._on_failed)
        self.progress.setRange(0, max(1, len(self.batch.mails)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.status.setText(self.tr("Verbinde mit dem Mailserver …"))
        self._update_buttons()
        self.pool.start(self.worker)

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.status.setText(self.tr("Wird nach der laufenden Mail angehalten …"))

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        if name:
            self.status.setText(
                self.tr("%1 von %2: %3")
                .replace("%1", str(done + 1))
                .replace("%2", str(total))
                .replace("%3", name)
            )

    def _on_finished(self, report: SendReport) -> None:
        self._done()
        self.last_report = report
        self.status.setText(report.message())

    def _on_failed(self, message: str) -> None:
        self._done()
        self.status.setText(message)
        prompts.refuse(self, self.tr("Senden"), message)

    def _done(self) -> None:
        self.worker = None
        self.show_records()
        self.stop_button.setVisible(False)
        self._update_buttons()

    def save_drafts(self) -> None:
        if self.batch is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Ordner für die Entwürfe"))
        if folder:
            self.write_drafts_to(Path(folder))

    def write_drafts_to(self, folder: Path) -> None:
        assert self.batch is not None
        try:
            report = write_drafts(self._db, self.batch, folder)
        except (UserError, OSError) as error:
            prompts.refuse(self, self.tr("Entwürfe"), str(error))
            return
        text = self.tr(
            "%1 Entwürfe gespeichert. Doppelklicken Sie eine Datei, um sie im Mailprogramm "
            "zu öffnen und abzuschicken."
        ).replace("%1", str(len(report.files)))
        self.status.setText(text)
        self.show_records()

    def save_phone_list(self) -> None:
        if self.batch is None:
            return
        path = prompts.save_file(
            self, self.tr("Telefonliste speichern"), "Telefonliste.pdf", "PDF (*.pdf)"
        )
        if path:
            write_private(Path(path), phone_list_pdf(self._db, self.batch))
            self.status.setText(self.tr("Telefonliste gespeichert."))

    def reject(self) -> None:
        if self.worker is None:
            super().reject()
