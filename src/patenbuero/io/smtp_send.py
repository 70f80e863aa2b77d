"""Sending through the office's own mail account: SMTP with TLS (STARTTLS or SSL).

The password is kept in the operating system's keyring (``keyring``: Windows
Credential Manager, macOS Keychain, Secret Service), never in the database or a
file of the program.
"""

from __future__ import annotations

import base64
import contextlib
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

import keyring
import keyring.errors

KEYRING_SERVICE = "Patenbüro SMTP"


@dataclass(frozen=True)
class SmtpAccount:
    host: str
    port: int
    security: str  # "starttls" or "ssl"
    user: str
    sender_address: str
    sender_name: str
    timeout: float = 30.0


class SendError(Exception):
    """One German sentence about why sending did not work."""


def store_password(user: str, host: str, password: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, _key(user, host), password)
    except keyring.errors.KeyringError as error:
        raise SendError(
            "Der Passwortspeicher des Betriebssystems ist nicht erreichbar; "
            "das Passwort wurde nicht gespeichert."
        ) from error


def stored_password(user: str, host: str) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, _key(user, host))
    except keyring.errors.KeyringError:
        return None


def forget_password(user: str, host: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _key(user, host))


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """Log in by AUTH PLAIN with UTF-8 (RFC 4616) over the encrypted connection.

    ``smtplib.login`` encodes the credentials as ASCII (fails on "ß") and tries
    further mechanisms after a refusal; it is used only where PLAIN is not offered.
    """
    smtp.ehlo_or_helo_if_needed()
    if "PLAIN" not in smtp.esmtp_features.get("auth", "").upper().split():
        smtp.login(user, password)
        return
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _key(user: str, host: str) -> str:
    return f"{user}@{host}"


class SmtpConnection:
    """An open, logged-in connection; use as a context manager."""

    def __init__(
        self,
        account: SmtpAccount,
        password: str | None,
        *,
        context: ssl.SSLContext | None = None,
    ) -> None:
        self._account = account
        self._password = password
        # The system's trusted certificates; tests pass a context that trusts their own CA.
        self._context = context or ssl.create_default_context()
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpConnection:
        account = self._account
        try:
            if account.security == "ssl":
                self._smtp = smtplib.SMTP_SSL(
                    account.host, account.port, timeout=account.timeout, context=self._context
                )
            else:
                self._smtp = smtplib.SMTP(account.host, account.port, timeout=account.timeout)
                self._smtp.starttls(context=self._context)
            if account.user:
                _login(self._smtp, account.user, self._password or "")
        except smtplib.SMTPAuthenticationError as error:
            self._close()
            raise SendError(
                "Anmeldung am Mailserver abgelehnt: Benutzer oder Passwort falsch."
            ) from error
        except smtplib.SMTPNotSupportedError as error:
            self._close()
            raise SendError(
                "Der Mailserver bietet keine verschlüsselte Verbindung (STARTTLS) an."
            ) from error
        except ssl.SSLError as error:
            self._close()
            raise SendError(
                "Die verschlüsselte Verbindung zum Mailserver kam nicht zustande."
            ) from error
        except (OSError, smtplib.SMTPException) as error:
            self._close()
            raise SendError(
                f"Der Mailserver {account.host}:{account.port} ist nicht erreichbar."
            ) from error
        return self

    def send(self, message: EmailMessage) -> None:
        assert self._smtp is not None
        try:
            self._smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            raise SendError("Der Mailserver hat die Empfängeradresse abgelehnt.") from error
        except (TimeoutError, OSError, smtplib.SMTPException) as error:
            raise SendError("Der Mailserver hat die Mail nicht angenommen.") from error

    def __exit__(self, *_exc: object) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._smtp.quit()
        self._close()

    def _close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None
