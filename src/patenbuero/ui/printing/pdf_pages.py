"""PDF pages as Qt images, rendered by PDFium (pypdfium2).

PDFium is not thread-safe, not even for different documents; pypdfium2's documentation
allows threads if only one PDFium call runs at a time. The preview renders on the GUI
thread and printing in a worker thread, so every call here holds one lock (a page takes
a few milliseconds on screen, some tens at print resolution).
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0
_PDFIUM = threading.RLock()  # one PDFium call at a time, in the whole process


class PdfPages:
    """The pages of one PDF held in memory; ``close()`` frees PDFium's copy."""

    def __init__(self, data: bytes) -> None:
        with _PDFIUM:
            self._document = pdfium.PdfDocument(data)
            self._sizes = [
                QSizeF(*self._document.get_page_size(index)) for index in range(len(self._document))
            ]

    def __len__(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> QSizeF:
        """The page's size in points (1/72 inch)."""
        return self._sizes[index]

    def render(self, index: int, scale: float) -> QImage:
        """The page on white at ``scale`` pixels per point."""
        with _PDFIUM:
            return self._render(index, scale)

    def _render(self, index: int, scale: float) -> QImage:
        page = self._document[index]
        try:
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255), rev_byteorder=True)
            try:
                image = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGB888,
                )
                return image.copy()
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        with _PDFIUM:
            self._document.close()


def page_count(data: bytes) -> int:
    pages = PdfPages(data)
    try:
        return len(pages)
    finally:
        pages.close()
