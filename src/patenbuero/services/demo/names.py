"""Names as Halle looks today, and how persons get e-mail addresses and name keys."""

from __future__ import annotations

import random
import re
import unicodedata
from typing import NamedTuple


class Name(NamedTuple):
    first: str
    last: str
    latin: str = ""  # Latin transcription for names in Cyrillic or Arabic script


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(","))


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.strip().split("=") for pair in text.split(","))  # type: ignore[misc]


# Persons every demo database has: they show what the program must handle.
FEATURED = (
    Name("Jürgen", "Großmann"),
    Name("Juergen", "Grossmann"),  # a likely duplicate of the one above
    Name("Anna-Lena", "Müller-Lüdenscheidt"),
    Name("Özlem", "Yılmaz"),
    Name("Małgorzata", "Wiśniewska"),
    Name("Thị Hương", "Nguyễn"),
    Name("Олена", "Коваленко", "Olena Kovalenko"),
    Name("Дмитрий", "Смирнов", "Dmitrij Smirnow"),
    Name("محمد", "الحسن", "Mohammed Al-Hassan"),
    Name("زهرا", "احمدی", "Zahra Ahmadi"),
    Name("Hans-Joachim", "Schäfer"),
    Name("Renée", "Köhler-Weiß"),
)

GERMAN_FIRST = _words(
    "Jürgen, Ursula, Günter, Brigitte, Hans-Peter, Anna-Lena, Jörg, Käthe, Sören, Björn, "
    "Mareike, Lea, Jonas, Friederike, Maximilian, Uwe, Heike, Sabine, Thomas, Andrea, Kerstin, "
    "Matthias, Doreen, Ronny, Mandy, Paul, Marie, Emil, Charlotte, Frieda, Ole, Henriette, "
    "Gisela, Wolfgang, Dörte"
)
GERMAN_LAST = _words(
    "Müller, Schröder, Weiß, Großmann, Krüger, Schäfer, Böhm, Köhler, Voß, Hoffmann, Lehmann, "
    "Schulze, Günther, Jäger, Fröhlich, Strauß, Kühn, Meißner, Wagner, Richter, Neumann, "
    "Zöllner, Bräuer, Lößner, Hübner, Schmidt-Rößler, Becker, Mühlberg, Sauer, Pätzold, "
    "Thiele, Engelhardt"
)
TURKISH = (
    _words("Özlem, Ayşe, Mehmet, Emre, Gülşen, Çağla, Hüseyin, Elif"),
    _words("Yılmaz, Öztürk, Kaya, Şahin, Çelik, Doğan, Aydın, Güneş"),
)
POLISH = (
    _words("Małgorzata, Krzysztof, Agnieszka, Łukasz, Zofia, Paweł, Wojciech"),
    _words("Kowalczyk, Wójcik, Nowak, Mazur, Król, Wróbel, Kaczmarek"),
)
VIETNAMESE = (
    _words("Thị Hương, Văn Minh, Thị Lan, Đức Anh, Thu Trang, Quang Huy"),
    _words("Nguyễn, Trần, Lê, Phạm, Hoàng, Vũ"),
)
# Ukrainian and Russian names in Cyrillic, each with its German transcription.
CYRILLIC_LATIN = _pairs(
    "Олена=Olena, Оксана=Oksana, Андрій=Andrij, Наталія=Natalija, Дмитрий=Dmitrij, "
    "Ирина=Irina, Сергей=Sergej, Юлія=Julija, Коваленко=Kovalenko, Шевченко=Schewtschenko, "
    "Бондаренко=Bondarenko, Ткаченко=Tkatschenko, Мельник=Melnyk, Кравець=Krawez, "
    "Лисенко=Lyssenko"
)
CYRILLIC = (tuple(CYRILLIC_LATIN)[:8], tuple(CYRILLIC_LATIN)[8:])
# Arabic and Persian names in Arabic script, with their usual Latin spelling.
ARABIC_LATIN = _pairs(
    "محمد=Mohammed, فاطمة=Fatima, أحمد=Ahmad, مريم=Maryam, علي=Ali, زهرا=Zahra, رضا=Reza, "
    "ليلى=Leila, الحسن=Al-Hassan, الخطيب=Al-Khatib, حداد=Haddad, احمدی=Ahmadi, "
    "رضایی=Rezaei, کریمی=Karimi"
)
ARABIC = (tuple(ARABIC_LATIN)[:8], tuple(ARABIC_LATIN)[8:])
# How often each origin appears among generated persons (out of 100).
ORIGIN_WEIGHTS = (("de", 58), ("tr", 9), ("pl", 6), ("vi", 6), ("cy", 11), ("ar", 10))


def random_name(rng: random.Random) -> Name:
    origin = rng.choices([o for o, _ in ORIGIN_WEIGHTS], [w for _, w in ORIGIN_WEIGHTS])[0]
    if origin == "de":
        first, last = rng.choice(GERMAN_FIRST), rng.choice(GERMAN_LAST)
        second = rng.choice(GERMAN_LAST)
        if rng.random() < 0.08 and second != last and "-" not in last + second:
            last = f"{last}-{second}"
        return Name(first, last)
    pools = {"tr": TURKISH, "pl": POLISH, "vi": VIETNAMESE, "cy": CYRILLIC, "ar": ARABIC}
    firsts, lasts = pools[origin]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if origin == "cy":
        return Name(first, last, f"{CYRILLIC_LATIN[first]} {CYRILLIC_LATIN[last]}")
    if origin == "ar":
        return Name(first, last, f"{ARABIC_LATIN[first]} {ARABIC_LATIN[last]}")
    return Name(first, last)


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l", "ı": "i", "đ": "d"})


def ascii_slug(text: str) -> str:
    """``Müller-Lüdenscheidt`` → ``mueller-luedenscheidt``, for e-mail addresses."""
    text = text.lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def email_local(name: Name) -> str:
    """A plausible local part: ``anna-lena.mueller-luedenscheidt``."""
    if name.latin:
        first, _, last = name.latin.partition(" ")
    else:
        first, last = name.first, name.last
    return f"{ascii_slug(first).replace('-', '')}.{ascii_slug(last)}"


def key_of(name: Name) -> str:
    from patenbuero.services.registrations import duplicate_key

    return duplicate_key(name.first, name.last)


class EmailBook:
    """Hands out unique e-mail addresses (unique ignoring case)."""

    def __init__(self, domain: str = "example.org") -> None:
        self.domain = domain
        self._used: set[str] = set()
        self._last_number: dict[str, int] = {}

    def address(self, local: str, domain: str | None = None) -> str:
        domain = domain or self.domain
        base = f"{local}@{domain}".lower()
        number = self._last_number.get(base, 1)
        candidate = local if number == 1 else f"{local}{number}"
        while f"{candidate}@{domain}".lower() in self._used:
            number += 1
            candidate = f"{local}{number}"
        self._last_number[base] = number
        address = f"{candidate}@{domain}"
        self._used.add(address.lower())
        return address


def phone(rng: random.Random, mobile: bool = False) -> str:
    if mobile:
        return f"0{rng.choice((151, 160, 172, 176))} {rng.randrange(1000000, 9999999)}"
    return f"0345 {rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
