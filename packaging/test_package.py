"""`make package-test`: the frozen program and the .deb, checked as an office PC would use them.

    python packaging/test_package.py BUNDLE_DIR DEB_FILE

Runs the frozen program offscreen with a fresh home folder (HOME and the XDG folders in
a temporary directory, no PATENBUERO_DB): version, demo data through the frozen command
line, PDFs whose fonts are all embedded (pdffonts), the main window with German standard
buttons (PATENBUERO_SELFTEST), and, when PATENBUERO_TEST_DB names a PostgreSQL server,
the transfer with the bundled driver. Then unpacks the .deb into a scratch root
(dpkg-deb -x), validates its desktop entry and metainfo and starts the unpacked copy.
Prints sizes; exits 1 on the first failed check.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "de.freiwilligen_agentur.Patenbuero"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


class CheckFailed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)
    print(f"  ok  {message}")


def fresh_environment(home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PATENBUERO_", "XDG_", "QT_", "PYTHON"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",  # German must not depend on the machine's locale
    )
    return env


def run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        [str(program), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise CheckFailed(
            f"patenbuero {' '.join(args)} endete mit {result.returncode}:\n{result.stderr}"
        )
    return result.stdout


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def pdf_fonts(pdf: Path) -> list[list[str]]:
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def check_pdf(pdf: Path, expected_text: str) -> None:
    fonts = pdf_fonts(pdf)
    check(bool(fonts), f"{pdf.name}: enthält Schriften")
    # Columns: name type encoding emb sub uni object ID; emb is the 4th from the right.
    not_embedded = [f[0] for f in fonts if f[-4] != "yes"]
    check(not not_embedded, f"{pdf.name}: alle {len(fonts)} Schriften eingebettet")
    names = {f[0].split("+")[-1] for f in fonts}
    check(all(n.startswith("NotoSans") for n in names), f"{pdf.name}: nur Noto ({sorted(names)})")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    check(expected_text in text, f"{pdf.name}: Text „{expected_text}“ lesbar")


def test_bundle(bundle: Path, work: Path) -> None:
    program = bundle / "patenbuero"
    home = work / "home"
    home.mkdir()
    env = fresh_environment(home)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    print(f"Programmordner {bundle} ({size_mb(bundle):.0f} MB)")

    check(
        run(program, "--version", env=env, cwd=work).strip() == f"Patenbüro {version}",
        f"--version nennt {version}",
    )
    run(program, "demo", env=env, cwd=work)
    database = home / ".local" / "share" / "Patenbuero" / "patenbuero.sqlite3"
    check(database.is_file(), f"Beispieldaten im frischen Datenordner ({database})")
    info = run(program, "info", env=env, cwd=work)
    check("Anmeldungen" in info and "sqlite" in info, "info zeigt die neue Datenbank")

    events = list(
        csv.reader(
            io.StringIO(
                run(
                    program, "plan", "list", "--year", "2026", "--format", "csv", env=env, cwd=work
                ).lstrip("\ufeff")
            ),
            delimiter=";",
        )
    )
    header, rows = events[0], events[1:]
    busiest = max(rows, key=lambda r: int(r[header.index("bestätigt")] or 0))
    event_id = busiest[header.index("ID")]
    registrations = run(
        program, "registrations", "list", "--event", event_id, "--format", "csv", env=env, cwd=work
    ).lstrip("\ufeff")
    surname = list(csv.reader(io.StringIO(registrations), delimiter=";"))[1][1]

    run(
        program, "pdf", "teilnehmerliste", "--event", event_id, "-o", "liste.pdf", env=env, cwd=work
    )
    check_pdf(work / "liste.pdf", surname)
    run(program, "pdf", "handzettel", "-o", "handzettel.pdf", env=env, cwd=work)
    check_pdf(work / "handzettel.pdf", "Patenschaft")

    shown = run(program, env={**env, "PATENBUERO_SELFTEST": "1"}, cwd=work)
    check("sichtbar: ja" in shown, "Hauptfenster geöffnet")
    check("Abbrechen-Knopf: Abbrechen" in shown, "Standardknöpfe deutsch (qtbase_de im Paket)")
    check("Reiter: Mitgliedsprojekte" in shown, "Reiter da")
    check("Symbolgrößen: 16 24 32 48 64 128 256" in shown, "Fenstersymbol in allen Größen")
    versions = next(line for line in shown.splitlines() if line.startswith("Python "))
    check(
        "None-Verlust nach 2000 Qt-Aufrufen: 0" in shown,
        f"kein None-Leck im Paket ({versions})",
    )

    if os.environ.get("PATENBUERO_TEST_DB"):
        transfer_to_postgresql(program, env, work)
    else:
        print("  --  Übertragung auf PostgreSQL übersprungen (PATENBUERO_TEST_DB fehlt)")


def transfer_to_postgresql(program: Path, env: dict[str, str], work: Path) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(os.environ["PATENBUERO_TEST_DB"])
    schema = f"paket_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = base.update_query_dict({"options": f"-csearch_path={schema}"})
        target = url.render_as_string(hide_password=False)
        out = run(program, "transfer", "--to", target, env=env, cwd=work)
        check("Prüfsumme stimmen" in out, "transfer mit dem mitgelieferten PostgreSQL-Treiber")
        local = run(program, "info", env=env, cwd=work).splitlines()[2:]
        remote = run(program, "--db", target, "info", env=env, cwd=work).splitlines()[2:]
        check(local == remote, "gleiche Zahlen auf dem Server")
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_deb(deb: Path, work: Path) -> None:
    print(f"Debian-Paket {deb.name} ({size_mb(deb):.0f} MB)")
    root = work / "deb-root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    check("Package: patenbuero" in fields, "Steuerdatei lesbar")
    link = root / "usr" / "bin" / "patenbuero"
    check(
        link.is_symlink() and os.readlink(link) == "/opt/patenbuero/patenbuero",
        "/usr/bin/patenbuero zeigt auf /opt/patenbuero/patenbuero",
    )
    desktop = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    check(
        result.returncode == 0 and not result.stdout.strip(),
        f"desktop-file-validate {desktop.name} {result.stdout.strip()}",
    )
    metainfo = root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    check(
        result.returncode == 0,
        f"appstreamcli validate {metainfo.name}: "
        f"{result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ''}",
    )
    missing = [
        size
        for size in ICON_SIZES
        if not (root / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    ]
    check(not missing, f"Symbole {ICON_SIZES[0]}–{ICON_SIZES[-1]} px in hicolor")
    # The unpacked copy runs, also through a link as /usr/bin/patenbuero would be.
    link_elsewhere = work / "bin" / "patenbuero"
    link_elsewhere.parent.mkdir()
    link_elsewhere.symlink_to(root / "opt" / "patenbuero" / "patenbuero")
    home = work / "home-deb"
    home.mkdir()
    out = run(link_elsewhere, "--version", env=fresh_environment(home), cwd=work)
    check(out.startswith("Patenbüro "), "entpacktes Programm startet über einen Link")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    bundle, deb = Path(argv[1]).resolve(), Path(argv[2]).resolve()
    for tool in ("pdffonts", "pdftotext", "dpkg-deb", "desktop-file-validate", "appstreamcli"):
        if shutil.which(tool) is None:
            print(
                f"package-test: {tool} fehlt (poppler-utils, desktop-file-utils, appstream)",
                file=sys.stderr,
            )
            return 1
    with tempfile.TemporaryDirectory(prefix="patenbuero-paket-") as folder:
        try:
            test_bundle(bundle, Path(folder))
            test_deb(deb, Path(folder))
        except CheckFailed as failure:
            print(f"FEHLER: {failure}", file=sys.stderr)
            return 1
    print("Alle Prüfungen bestanden.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
