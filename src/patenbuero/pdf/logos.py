"""Logos (PNG/JPEG bytes from the database) read and drawn into a box on the canvas."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas


def read_logo(data: bytes | None) -> ImageReader | None:
    """The logo as an image, or None if there is none or the bytes are no readable picture."""
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # a broken upload must not stop the print run
        return None
    return reader


def fit_box(image: ImageReader, max_width: float, max_height: float) -> tuple[float, float]:
    """Size of ``image`` scaled to fit ``max_width`` × ``max_height``, aspect ratio kept."""
    w, h = image.getSize()
    scale = min(max_width / w, max_height / h)
    return w * scale, h * scale


def draw_logo(
    canvas: Canvas,
    image: ImageReader,
    box: tuple[float, float, float, float],
    align: str = "left",
) -> tuple[float, float]:
    """Draw ``image`` into ``box`` (x, y, w, h) at the top; return the drawn width and height."""
    x, y, max_w, max_h = box
    w, h = fit_box(image, max_w, max_h)
    dx = {"left": 0.0, "center": (max_w - w) / 2, "right": max_w - w}[align]
    canvas.drawImage(image, x + dx, y + max_h - h, w, h, mask="auto")
    return w, h
