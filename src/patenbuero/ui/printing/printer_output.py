"""Sends finished PDF pages to a printer (or a PDF file) through Qt, A4, duplex if asked."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:  # type: ignore[no-untyped-def]
    """A QPdfDocument over the bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def prepare_printer(printer: QPrinter, *, two_sided: bool, landscape: bool) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)
    if two_sided:
        printer.setDuplex(
            QPrinter.DuplexMode.DuplexShortSide if landscape else QPrinter.DuplexMode.DuplexLongSide
        )


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Render every page at the printer's resolution; returns the number of pages printed."""
    document, buffer = load_pdf(data)
    pages = document.pageCount()
    painter = QPainter()
    if pages == 0 or not painter.begin(printer):
        document.close()
        buffer.close()
        return 0
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            size_points = document.pagePointSize(page)
            scale = min(
                target.width() / size_points.width(), target.height() / size_points.height()
            )
            image_size = QSize(int(size_points.width() * scale), int(size_points.height() * scale))
            image = document.render(page, image_size)
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


def is_landscape(data: bytes) -> bool:
    document, buffer = load_pdf(data)
    try:
        if document.pageCount() == 0:
            return False
        size = document.pagePointSize(0)
        return size.width() > size.height()
    finally:
        document.close()
        buffer.close()
