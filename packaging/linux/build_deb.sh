#!/usr/bin/env bash
# Build the Debian package from the frozen bundle, with dpkg-deb only.
#   packaging/linux/build_deb.sh BUNDLE_DIR OUTPUT_DIR
# BUNDLE_DIR is PyInstaller's one-folder output (…/dist/patenbuero). The package puts it
# in /opt/patenbuero, a launcher link in /usr/bin, the desktop entry, the AppStream
# metainfo and the icons in hicolor. The user's data (~/.local/share/Patenbuero) belongs
# to no package: removing or updating the package leaves it alone.
set -euo pipefail

BUNDLE=$(realpath "$1")
OUT=$(realpath "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP_ID=de.freiwilligen_agentur.Patenbuero

VERSION=$("$BUNDLE/patenbuero" --version | awk '{print $2}')
UPSTREAM=$(python3 -c "import tomllib;print(tomllib.load(open('$ROOT/pyproject.toml','rb'))['project']['version'])")
if [ "$VERSION" != "$UPSTREAM" ]; then
  echo "build_deb: the bundle says $VERSION, pyproject.toml $UPSTREAM; build the bundle again" >&2
  exit 1
fi
ARCH=$(dpkg --print-architecture)
RELEASE_DATE=$(git -C "$ROOT" log -1 --format=%cs 2>/dev/null || date -u +%F)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

install -d "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/patenbuero" "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/patenbuero"
ln -s /opt/patenbuero/patenbuero "$STAGE/usr/bin/patenbuero"

install -m 644 "$HERE/$APP_ID.desktop" "$STAGE/usr/share/applications/"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$RELEASE_DATE/" "$HERE/$APP_ID.metainfo.xml" \
  > "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
chmod 644 "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
for png in "$ROOT"/resources/icons/png/patenbuero-*.png; do
  size=$(basename "$png" .png); size=${size#patenbuero-}
  install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -D -m 644 "$ROOT/resources/icons/patenbuero.svg" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"

cat > "$STAGE/usr/share/doc/patenbuero/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Patenbüro
Upstream-Contact: Freiwilligen-Agentur Halle

Files: *
Copyright: Freiwilligen-Agentur Halle
License: GPL-3.0-or-later
 On Debian systems, the full text is in /usr/share/common-licenses/GPL-3.

Files: opt/patenbuero/_internal/patenbuero/resources/fonts/*
Copyright: The Noto Project Authors
License: OFL-1.1
 The licence text is in opt/patenbuero/_internal/patenbuero/resources/fonts/OFL.txt.

Files: opt/patenbuero/_internal/*
Comment: Python, Qt (PySide6, LGPL-3.0), SQLAlchemy, reportlab and the other libraries
 the program is built from, each under its own licence (see the dist-info folders).
COPYRIGHT
gzip -9n -c "$ROOT/CHANGELOG.md" > "$STAGE/usr/share/doc/patenbuero/changelog.gz"

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: patenbuero
Version: $VERSION-1
Architecture: $ARCH
Maintainer: Freiwilligen-Agentur Halle <buero@freiwilligen-agentur.de>
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= 2.28), libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, libdbus-1-3, libxcb-cursor0, libxkbcommon-x11-0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxcb-randr0
Recommends: libcups2, fonts-dejavu-core
Section: misc
Priority: optional
Homepage: https://www.freiwilligen-agentur.de/
Description: Büro-Software für das Patenschaftsnetzwerk Halle
 Mitgliedsprojekte und Verteiler, Jahresplanung, Anmeldungen mit Warteliste,
 Druck von Handzetteln, Listen, Namensschildern und Bescheinigungen, Anfragen.
 Die Daten liegen in einer SQLite-Datei im Benutzerordner oder auf einem
 PostgreSQL-Server im Büronetz.
CONTROL

mkdir -p "$OUT"
DEB="$OUT/patenbuero_${VERSION}-1_${ARCH}.deb"
dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-xz}" --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
