"""The office's mail account: server, port, encryption, user and sender in the settings.

The password is not here: it lives in the operating system's keyring (io.smtp_send).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.models import Setting
from patenbuero.errors import ValidationError
from patenbuero.io.smtp_send import SmtpAccount, forget_password, store_password, stored_password
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts

SECURITY_LABELS = {"starttls": "STARTTLS (meist Port 587)", "ssl": "SSL/TLS (meist Port 465)"}
_FIELDS = ("host", "port", "security", "user", "sender")


@dataclass(frozen=True)
class AccountSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""
    sender: str = ""  # the From address; empty: the user name or the office e-mail

    @property
    def configured(self) -> bool:
        return bool(self.host)


def load_account(db: Database) -> AccountSettings:
    with db.reading() as session:
        rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.like("smtp.%")))
        stored = {key: value for key, value in rows}
    port = stored.get("smtp.port", "587")
    return AccountSettings(
        host=stored.get("smtp.host", ""),
        port=int(port) if port.isdigit() else 587,
        security=stored.get("smtp.security", "starttls"),
        user=stored.get("smtp.user", ""),
        sender=stored.get("smtp.sender", ""),
    )


def save_account(db: Database, settings: AccountSettings, password: str | None = None) -> None:
    """Store server, port, encryption, user and sender; the password goes to the keyring."""
    host = settings.host.strip()
    if host and (" " in host or "/" in host):
        raise ValidationError("Der Name des Mailservers ist ungültig.", field="host")
    if not 1 <= settings.port <= 65535:
        raise ValidationError("Der Port muss zwischen 1 und 65535 liegen.", field="port")
    if settings.security not in SECURITY_LABELS:
        raise ValidationError("Bitte wählen Sie die Verschlüsselung.", field="security")
    sender = field_checks.email(settings.sender, field="sender") if settings.sender else ""
    values = {
        "host": host,
        "port": str(settings.port),
        "security": settings.security,
        "user": settings.user.strip(),
        "sender": sender,
    }
    if password:
        store_password(values["user"], host, password)
    with db.unit_of_work() as session:
        for name in _FIELDS:
            session.merge(Setting(key=f"smtp.{name}", value=values[name]))


def forget_account_password(db: Database) -> None:
    settings = load_account(db)
    forget_password(settings.user, settings.host)


def has_password(db: Database) -> bool:
    settings = load_account(db)
    return stored_password(settings.user, settings.host) is not None


def smtp_account(db: Database) -> tuple[SmtpAccount, str | None]:
    """What the sender needs; ValidationError when no server is set up."""
    settings = load_account(db)
    if not settings.configured:
        raise ValidationError(
            "Es ist kein Mailkonto eingerichtet. Tragen Sie Server, Port und Benutzer in den "
            "Einstellungen ein oder speichern Sie Entwürfe.",
            field="host",
        )
    texts = load_texts(db)
    sender = settings.sender or (settings.user if "@" in settings.user else texts.office_email)
    if not sender:
        raise ValidationError(
            "Bitte tragen Sie in den Einstellungen die Absenderadresse ein.", field="sender"
        )
    account = SmtpAccount(
        host=settings.host,
        port=settings.port,
        security=settings.security,
        user=settings.user,
        sender_address=sender,
        sender_name=texts.office_name or texts.network_name,
    )
    return account, stored_password(settings.user, settings.host)
