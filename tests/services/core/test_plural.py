"""German plurals: one helper for every count the program writes."""

from patenbuero.services.core.plural import noun, plural


def test_one_is_singular_everything_else_plural() -> None:
    assert plural(1, "Punkt", "Punkte") == "1 Punkt"
    assert plural(0, "Punkt", "Punkte") == "0 Punkte"
    assert plural(3, "Seite", "Seiten") == "3 Seiten"
    assert noun(1, "Monat", "Monate") == "Monat"
    assert noun(2, "Monat", "Monate") == "Monate"
