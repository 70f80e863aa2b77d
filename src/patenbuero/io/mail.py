"""Address lists for the Verteiler: BCC text and mailto: links."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

# Windows passes a mailto: link to the mail program through a command line
# that is cut off at about 2048 characters; 2000 leaves a margin.
WINDOWS_MAILTO_LIMIT = 2000


def unique_addresses(emails: Iterable[str]) -> list[str]:
    """Addresses without blanks and without repeats (case ignored), in given order."""
    seen: set[str] = set()
    result: list[str] = []
    for email in emails:
        address = email.strip()
        if address and address.casefold() not in seen:
            seen.add(address.casefold())
            result.append(address)
    return result


def bcc_list(emails: Iterable[str], separator: str = "; ") -> str:
    """Addresses joined for pasting into a BCC field (Outlook: "; ", others: ", ")."""
    return separator.join(unique_addresses(emails))


def mailto_links(
    emails: Iterable[str],
    max_length: int = WINDOWS_MAILTO_LIMIT,
    *,
    to: str = "",
    subject: str = "",
) -> list[str]:
    """``mailto:`` links with the addresses in BCC, each at most ``max_length`` long.

    Addresses are percent-encoded and spread over as many links as needed;
    ``to`` and ``subject`` are repeated in every link. An address too long
    for any link gets a link of its own. No addresses give an empty list.
    """
    prefix = "mailto:" + quote(to.strip(), safe="@")
    fixed = f"subject={quote(subject, safe='')}&" if subject else ""
    links: list[str] = []
    batch: list[str] = []
    for address in (quote(a, safe="@") for a in unique_addresses(emails)):
        candidate = _link(prefix, fixed, [*batch, address])
        if batch and len(candidate) > max_length:
            links.append(_link(prefix, fixed, batch))
            batch = [address]
        else:
            batch.append(address)
    if batch:
        links.append(_link(prefix, fixed, batch))
    return links


def _link(prefix: str, fixed: str, batch: list[str]) -> str:
    return f"{prefix}?{fixed}bcc={','.join(batch)}"
