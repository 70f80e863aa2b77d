"""A real SMTP server on a loopback port (aiosmtpd), with STARTTLS or SSL and login.

Its certificate comes from a throwaway CA (trustme); the client trusts that CA only.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "buero@example.org"
PASSWORD = "geheim-ß-123"


@dataclass
class Received:
    envelopes: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def messages(self) -> list[EmailMessage]:
        return [
            message_from_bytes(raw, policy=policy.default)  # type: ignore[misc]
            for _from, _to, raw in self.envelopes
        ]


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
    )
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SmtpServer:
    port: int
    received: Received
    client_context: ssl.SSLContext


@contextmanager
def smtp_server(security: str = "starttls") -> Iterator[SmtpServer]:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_context)
    client_context = ssl.create_default_context()
    ca.configure_trust(client_context)
    received = Received()
    port = free_port()
    options: dict[str, object] = {"authenticator": _authenticate}
    if security == "ssl":
        # The whole connection is TLS; aiosmtpd's auth_require_tls only knows STARTTLS.
        options["auth_require_tls"] = False
        controller = Controller(
            received,
            hostname="127.0.0.1",
            port=port,
            ssl_context=server_context,
            server_hostname="127.0.0.1",
            **options,
        )
    else:
        controller = Controller(
            received,
            hostname="127.0.0.1",
            port=port,
            tls_context=server_context,
            require_starttls=True,
            auth_require_tls=True,
            **options,
        )
    controller.start()
    try:
        yield SmtpServer(port, received, client_context)
    finally:
        controller.stop()
