"""Logos from disk (PNG, JPEG, SVG) scaled down and turned into PNG bytes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from patenbuero.errors import UserError
from patenbuero.services.projects.records import LOGO_MAX_PIXELS

LOGO_FILTER = "Bilder (*.png *.jpg *.jpeg *.svg)"


def load_logo(path: str | Path, max_pixels: int = LOGO_MAX_PIXELS) -> bytes:
    """The picture at ``path`` as PNG, at most ``max_pixels`` on its longer side."""
    path = Path(path)
    is_svg = path.suffix.lower() == ".svg"
    image = _render_svg(path, max_pixels) if is_svg else QImage(str(path))
    if image.isNull():
        raise UserError(
            f"„{path.name}“ lässt sich nicht als Bild öffnen. "
            "Erlaubt sind PNG-, JPEG- und SVG-Dateien."
        )
    if max(image.width(), image.height()) > max_pixels:
        image = image.scaled(
            max_pixels,
            max_pixels,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def _render_svg(path: Path, max_pixels: int) -> QImage:
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return QImage()
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(max_pixels, max_pixels)
    size = size.scaled(max_pixels, max_pixels, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def thumbnail(png: bytes | None, size: int = 96) -> QPixmap:
    pixmap = QPixmap()
    if png:
        pixmap.loadFromData(png, "PNG")
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
