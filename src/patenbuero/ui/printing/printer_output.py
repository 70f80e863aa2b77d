"""Sends finished PDF pages to a printer (or a PDF file) through Qt, A4, duplex if asked."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from patenbuero.ui.printing.pdf_pages import POINTS_PER_INCH, PdfPages

# Office printers print no finer than this; rendering at the driver's nominal 1200 dpi
# would build a 500 MB image per A4 page.
MAX_PRINT_DPI = 300


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
    """Render every page for the printer; returns the number of pages printed."""
    pages = PdfPages(data)
    count = len(pages)
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        pages.close()
        return 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for index in range(count):
            if index:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            size = pages.page_size(index)
            fit = min(target.width() / size.width(), target.height() / size.height())
            image = pages.render(index, dpi / POINTS_PER_INCH)
            painter.drawImage(QRectF(0, 0, size.width() * fit, size.height() * fit), image)
    finally:
        painter.end()
        pages.close()
    return count


def is_landscape(data: bytes) -> bool:
    pages = PdfPages(data)
    try:
        if len(pages) == 0:
            return False
        size = pages.page_size(0)
        return size.width() > size.height()
    finally:
        pages.close()
