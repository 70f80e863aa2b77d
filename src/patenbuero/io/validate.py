"""Checks and parsers for single cells of imported tables.

Each function raises ``ValueError`` with a German message that can be shown
to the office next to the file's line number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

_MIN_PHONE_DIGITS = 6
_TRUE = frozenset({"ja", "j", "x", "yes", "y", "1", "wahr", "true", "✓", "✔"})
_FALSE = frozenset({"nein", "n", "no", "0", "falsch", "false", "-", "–"})
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S")
_PHONE_LABEL = re.compile(r"^(tel|telefon|fon|phone|mobil|handy|mobile)\.?:?\s*", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")
_NAMED_ADDRESS = re.compile(r"[^<>]*<([^<>]+)>")  # "Name <address>" from a mail program
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)

# Target groups whose names contain a slash; split_list_cell keeps them whole.
SLASH_TERMS: tuple[str, ...] = ("Geflüchtete/Zugewanderte", "Umwelt/Grünflächen")


def check_email(text: str) -> str:
    """Return the e-mail address in normalised form (domain lower case).

    Accepts "mailto:" and "Name <adresse>" as pasted from mail programs.
    Does not look the domain up. Raises ``ValueError`` with a German reason.
    """
    return _checked_email(text)


@lru_cache(maxsize=65536)  # preview and import check each address: half a millisecond each
def _checked_email(text: str) -> str:
    # Imported on first use: printing or listing need no address checks at start-up.
    from email_validator import EmailNotValidError, validate_email

    raw = text.strip()
    match = _NAMED_ADDRESS.fullmatch(raw)
    address = match.group(1).strip() if match else raw
    address = _MAILTO.sub("", address)
    if not address:
        raise ValueError("E-Mail-Adresse fehlt.")
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError(f"E-Mail-Adresse ungültig: „{raw}“ – {_email_reason(address)}") from None


def _email_reason(address: str) -> str:
    if "@" not in address:
        return "das Zeichen @ fehlt."
    if address.count("@") > 1:
        return "das Zeichen @ kommt mehrmals vor."
    local, domain = address.split("@")
    if not local:
        return "vor dem @ fehlt der Name."
    if re.search(r"\s", address):
        return "die Adresse enthält Leerzeichen."
    if "." not in domain:
        return "nach dem @ fehlt eine Domain mit Punkt (z. B. example.org)."
    return "die Schreibweise ist nicht zulässig."


def check_phone(text: str) -> str:
    """Return a phone number in readable form; German numbers are assumed (region DE).

    German numbers come back in national form ("0345 1234567"), others in
    international form ("+90 532 123 45 67"). Numbers that are possible but
    not known to the numbering plan are kept as typed, spaces tidied. A
    leading "Tel." or "Mobil:" is dropped; any other letters are an error.
    """
    return _checked_phone(text)


@lru_cache(maxsize=65536)  # one parse per distinct number: each costs half a millisecond
def _checked_phone(text: str) -> str:
    import phonenumbers  # on first use, like email_validator above

    raw = " ".join(text.split())
    digits = _PHONE_LABEL.sub("", raw)
    if not digits:
        raise ValueError("Telefonnummer fehlt.")
    if re.search(r"[^\W\d_]", digits):
        # phonenumbers would read letters as keypad digits ("0800 FLOWERS").
        raise ValueError(f"Telefonnummer ungültig: „{raw}“ – enthält Buchstaben.")
    try:
        number = phonenumbers.parse(digits, "DE")
    except phonenumbers.NumberParseException:
        raise ValueError(f"Telefonnummer ungültig: „{raw}“ – keine Ziffernfolge erkannt.") from None
    if phonenumbers.is_valid_number(number):
        style = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if number.country_code == 49
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        return phonenumbers.format_number(number, style)
    too_short = len(str(number.national_number)) < _MIN_PHONE_DIGITS
    if too_short or not phonenumbers.is_possible_number(number):
        raise ValueError(f"Telefonnummer ungültig: „{raw}“ – zu kurz oder zu lang.")
    return digits


def check_url(text: str) -> str:
    """Return a web address with ``http``/``https``; a bare domain gets ``https://``.

    Raises ``ValueError`` for anything that is not a web address.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("Webadresse fehlt.")
    url = raw if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw) else f"https://{raw}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError(f"Webadresse ungültig: „{raw}“.") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    labels = host.split(".")
    valid = (
        scheme in ("http", "https")
        and not re.search(r"\s", raw)
        and not parts.username
        and len(labels) >= 2
        and all(_HOST_LABEL.match(label) for label in labels)
        and not labels[-1].isdigit()
    )
    if not valid:
        raise ValueError(
            f"Webadresse ungültig: „{raw}“ – erwartet wird z. B. www.example.org "
            "oder https://example.org/projekt."
        )
    netloc = host.lower() + (f":{port}" if port else "")
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


def parse_bool_de(text: str) -> bool | None:
    """Read ja/nein, x, yes/no, 1/0, wahr/falsch (any case); empty gives ``None``."""
    value = text.strip().casefold()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"„{text.strip()}“ ist weder „ja“ noch „nein“.")


def parse_date_de(text: str) -> dt.date | dt.datetime | None:
    """Read a date (31.12.2026, 2026-12-31, 31.12.26) or a date with time.

    With a time ("2026-08-03 09:14", "03.08.2026 09:14", "2026-08-03T09:14:05")
    a naive ``datetime`` in local time (Europe/Berlin) is returned, otherwise
    a ``date``. Two-digit years are read as 20xx. Empty gives ``None``.
    """
    value = " ".join(text.replace("T", " ").replace(",", " ").split())
    if not value:
        return None
    date_part, _, time_part = value.partition(" ")
    time_part = time_part.removesuffix(" Uhr")
    for date_format in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(date_part, date_format).date()
        except ValueError:
            continue
        if not time_part:
            return day
        for time_format in _TIME_FORMATS:
            try:
                clock = dt.datetime.strptime(time_part, time_format).time()
            except ValueError:
                continue
            return dt.datetime.combine(day, clock)
    raise ValueError(
        f"Datum nicht erkannt: „{text.strip()}“ – erwartet wird z. B. 31.12.2026 "
        "oder 31.12.2026 09:30."
    )


def split_list_cell(text: str, keep: Iterable[str] = SLASH_TERMS) -> list[str]:
    """Split a cell with several values on ``,`` ``;`` ``/`` and line breaks.

    Values in ``keep`` (by default the target groups whose names contain a
    slash, e.g. "Umwelt/Grünflächen") stay whole; pass the current list of
    names to keep others. Items are stripped, empties dropped.
    """
    protected = {term.casefold(): term for term in keep if "/" in term}
    masked = text
    for folded, term in protected.items():
        pattern = re.compile(r"\s*/\s*".join(map(re.escape, folded.split("/"))), re.IGNORECASE)
        masked = pattern.sub(term.replace("/", "\x00"), masked)
    items = re.split(r"[,;/\n\r]", masked)
    return [" ".join(item.replace("\x00", "/").split()) for item in items if item.strip()]
