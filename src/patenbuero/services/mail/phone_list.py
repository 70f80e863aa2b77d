"""The printable phone list of a mail batch: who has no e-mail address."""

from __future__ import annotations

from patenbuero.pdf.phone_list import PhoneEntry, build_phone_list
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.mail.compose import MailBatch


def phone_list_pdf(db: Database, batch: MailBatch) -> bytes:
    texts = load_texts(db)
    about = (
        f"„{batch.kind_label}“: Diese Personen haben keine E-Mail-Adresse. "
        "Bitte rufen Sie sie an und geben Sie die Nachricht mündlich weiter."
    )
    entries = [PhoneEntry(n.name, n.phone, n.reason) for n in batch.phone_list]
    return build_phone_list(texts.network_name, texts.office_name, batch.title, about, entries)
