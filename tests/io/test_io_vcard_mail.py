"""vCard export and mail helpers."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from patenbuero.io.export import VCardContact, bcc_list, mailto_links, to_vcards
from patenbuero.io.vcard import escape_text, fold_line


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_vcard_fields_and_line_endings() -> None:
    contact = VCardContact(
        first_name="Jürgen",
        last_name="Großmann",
        email="j.grossmann@example.org",
        phone="0345 1234567",
        organisation="Lesewelt Halle; Freiwilligen-Agentur",
        role="Koordinator:in, Vorlesepat:innen",
    )
    data = to_vcards([contact, VCardContact("", "Schulze")])
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")
    lines = unfold(text).split("\r\n")
    assert lines[:9] == [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Jürgen Großmann",
        "N:Großmann;Jürgen;;;",
        "EMAIL;TYPE=work:j.grossmann@example.org",
        "TEL;TYPE=voice:0345 1234567",
        "ORG:Lesewelt Halle\\; Freiwilligen-Agentur",
        "ROLE:Koordinator:in\\, Vorlesepat:innen",
        "END:VCARD",
    ]
    assert lines[9:] == [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Schulze",
        "N:Schulze;;;;",
        "END:VCARD",
        "",
    ]


def test_vcard_without_name_uses_organisation() -> None:
    text = to_vcards([VCardContact("", "", organisation="Bürgerstiftung Halle")]).decode()
    assert "FN:Bürgerstiftung Halle\r\n" in text


def test_escaping() -> None:
    assert escape_text("a\\b,c;d\ne\r\nf") == "a\\\\b\\,c\\;d\\ne\\nf"


def test_long_umlaut_names_fold_without_breaking_characters() -> None:
    first = "Anna-Lena Özgül Ümran Äöüß"
    last = "Müller-Lüdenscheidt-Großkreutz-Wiśniewski-Nguyễn-Коваленко-الحسن"
    data = to_vcards([VCardContact(first, last, organisation="Ä" * 100)])
    physical = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in physical)
    assert any(len(line) > 70 for line in physical)
    for line in physical:
        line.decode("utf-8")  # every physical line is valid UTF-8 on its own
    text = unfold(data.decode("utf-8"))
    assert f"FN:{first} {last}\r\n" in text
    assert f"N:{last};{first};;;\r\n" in text
    assert "ORG:" + "Ä" * 100 + "\r\n" in text


def test_fold_line_limits() -> None:
    assert fold_line("x" * 75) == "x" * 75
    folded = fold_line("x" * 76)
    assert folded == "x" * 75 + "\r\n x"
    assert fold_line("ü" * 40).split("\r\n")[0] == "ü" * 37


def test_bcc_list() -> None:
    emails = ["a@example.org", " B@example.org ", "", "b@EXAMPLE.org", "c@example.org"]
    assert bcc_list(emails) == "a@example.org; B@example.org; c@example.org"
    assert bcc_list(emails, ", ") == "a@example.org, B@example.org, c@example.org"
    assert bcc_list([]) == ""


def addresses(link: str) -> list[str]:
    query = parse_qs(urlsplit(link).query)
    return [unquote(a) for a in query["bcc"][0].split(",")]


def test_mailto_links_split_at_windows_limit() -> None:
    emails = [f"teilnehmer.in{n:03d}+verteiler@example.org" for n in range(200)]
    links = mailto_links(emails)
    assert len(links) > 1
    assert all(len(link) <= 2000 for link in links)
    assert all(link.startswith("mailto:?bcc=") for link in links)
    assert "%2B" in links[0] and "+" not in links[0]
    assert [a for link in links for a in addresses(link)] == emails


def test_mailto_links_with_to_and_subject() -> None:
    emails = ["zoe.weiss@example.org", "olena.k@example.org", "lan.nguyen@example.org"]
    links = mailto_links(emails, 115, to="buero@example.org", subject="Einladung Fachtag & mehr")
    assert len(links) == 2
    for link in links:
        assert len(link) <= 115
        assert link.startswith("mailto:buero@example.org?subject=Einladung%20Fachtag%20%26%20mehr&")
    assert [a for link in links for a in addresses(link)] == emails


def test_mailto_links_edge_cases() -> None:
    assert mailto_links([]) == []
    assert mailto_links(["a@example.org", "A@example.org"]) == ["mailto:?bcc=a@example.org"]
    assert mailto_links(["a@example.org", "b@example.org"], max_length=10) == [
        "mailto:?bcc=a@example.org",
        "mailto:?bcc=b@example.org",
    ]
