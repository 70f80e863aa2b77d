"""Our holidays of Sachsen-Anhalt are those of the ``holidays`` package (a test dependency),
year by year; the program itself does not load that package (all countries' calendars)."""

import datetime as dt
import os
import subprocess
import sys

import holidays

from patenbuero.services.plan.public_holidays import sachsen_anhalt


def test_every_year_matches_the_holidays_package() -> None:
    for year in range(1985, 2101):
        expected = holidays.country_holidays("DE", subdiv="ST", years=year, language="de")
        assert sachsen_anhalt(year) == dict(sorted(expected.items())), year


def test_names_and_movable_days_of_one_year() -> None:
    found = sachsen_anhalt(2027)
    assert found[dt.date(2027, 3, 26)] == "Karfreitag"  # Easter 2027 is 28 March
    assert found[dt.date(2027, 5, 6)] == "Christi Himmelfahrt"
    assert found[dt.date(2027, 5, 17)] == "Pfingstmontag"
    assert list(found) == sorted(found)
    assert sachsen_anhalt(1994)[dt.date(1994, 11, 16)] == "Buß- und Bettag"
    assert sachsen_anhalt(1990) == {}


def test_the_year_overview_does_not_import_the_holidays_package() -> None:
    probe = (
        "import sys\n"
        "from patenbuero.services.plan import holidays_in\n"
        "holidays_in(2026)\n"
        "print('holidays' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
