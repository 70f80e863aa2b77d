"""Render resources/icons/patenbuero.svg into the PNG sizes and the Windows .ico.

Run with `make icons` after changing the SVG; the results are committed (the Windows
build and the .deb take them as files, without needing an SVG renderer). Qt's
QSvgRenderer draws the PNGs; Pillow (already installed with reportlab) writes the .ico.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "patenbuero.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / "png" / f"patenbuero-{size}.png"


def render(size: int, svg: Path = SOURCE) -> QImage:
    """The icon at ``size`` × ``size`` pixels, antialiased, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    (ICONS / "png").mkdir(exist_ok=True)
    for size in PNG_SIZES:
        png_path(size).write_bytes(png_bytes(render(size)))
    from PIL import Image

    # Each size drawn by Qt at that size (sharper than one image scaled down by Pillow).
    images = [Image.open(io.BytesIO(png_bytes(render(size)))) for size in ICO_SIZES]
    images[-1].save(
        ICONS / "patenbuero.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )
    print(f"{len(PNG_SIZES)} PNG-Dateien und patenbuero.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
