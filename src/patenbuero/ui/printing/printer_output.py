"""Sends finished PDF pages to a printer (or a PDF file) through Qt, A4, duplex if asked."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from patenbuero.errors import Cancelled, Progress, UserError
from patenbuero.failure_text import reason
from patenbuero.private_files import create_private_file
from patenbuero.ui.printing.pdf_pages import POINTS_PER_INCH, PdfPages

# Office printers print no finer than this; rendering at the driver's nominal 1200 dpi
# would build a 500 MB image per A4 page.
MAX_PRINT_DPI = 300
BAND_ROWS = 256  # image rows per drawImage call (see _draw_in_bands)
UNFINISHED = ".unfertig"  # a file being printed into, renamed when complete


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


def print_pdf(data: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Render every page for the printer; returns the number of pages printed.

    May run in a worker thread: Qt allows a QPainter on a QPrinter outside the GUI thread
    ("Thread-Support in Qt Modules", painting in threads). ``progress(done, total)`` hears
    of each page before it is drawn and may stop after the current one, but only where a
    stop leaves nothing behind (``can_stop``): a printer writing a file prints into a
    hidden file beside it, which takes the file's name only when every page is in it;
    a real printer hears every page.
    """
    target = printer.outputFileName()
    stoppable = can_stop(printer)
    pages = PdfPages(data)
    count = len(pages)
    if count == 0:
        pages.close()
        return 0
    unfinished = Path(target).with_name(f".{Path(target).name}{UNFINISHED}") if target else None
    if unfinished is not None:
        try:
            create_private_file(unfinished)
        except OSError as error:
            pages.close()
            raise UserError(
                f"Die Datei {target} kann nicht geschrieben werden: {reason(error)}"
            ) from error
        printer.setOutputFileName(str(unfinished))
    painter = QPainter()
    stopped = False
    try:
        if not painter.begin(printer):
            return 0
        try:
            stopped = _draw_pages(pages, printer, painter, progress, stoppable=stoppable)
        finally:
            painter.end()
        if stopped:
            raise Cancelled("Der Druck wurde abgebrochen; es wurde nichts gedruckt.")
        if unfinished is not None:
            try:
                os.replace(unfinished, target)
            except OSError as error:
                raise UserError(
                    f"Die Datei {target} kann nicht geschrieben werden: {reason(error)}"
                ) from error
            unfinished = None
    finally:
        pages.close()
        if unfinished is not None:
            unfinished.unlink(missing_ok=True)
        printer.setOutputFileName(target)
    return count


def can_stop(printer: QPrinter) -> bool:
    """Whether printing can stop halfway without a partial job: only into a file.

    Qt's print engines cannot take back a job once painting has begun
    (``QPrinter.abort()`` answers False): a stopped job would still print the pages
    sent so far. Printing to a real printer therefore runs to the end.
    """
    return bool(printer.outputFileName())


def _draw_pages(
    pages: PdfPages,
    printer: QPrinter,
    painter: QPainter,
    progress: Progress | None,
    *,
    stoppable: bool,
) -> bool:
    """Draw every page; True if ``progress`` said stop (heard only when ``stoppable``)."""
    count = len(pages)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    for index in range(count):
        if progress is not None and not progress(index, count) and stoppable:
            return True
        if index:
            printer.newPage()
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        size = pages.page_size(index)
        fit = min(target.width() / size.width(), target.height() / size.height())
        image = pages.render(index, dpi / POINTS_PER_INCH)
        _draw_in_bands(painter, image, size.width() * fit, size.height() * fit)
    if progress is not None:
        progress(count, count)
    return False


def is_landscape(data: bytes) -> bool:
    pages = PdfPages(data)
    try:
        if len(pages) == 0:
            return False
        size = pages.page_size(0)
        return size.width() > size.height()
    finally:
        pages.close()


def _draw_in_bands(painter: QPainter, image: QImage, width: float, height: float) -> None:
    """Draw ``image`` scaled to ``width`` × ``height``, in bands of BAND_ROWS rows.

    PySide holds Python's lock through each drawImage call, and the PDF engine compresses
    a whole 300 dpi page in one (0.2 s, over a second on a busy PC): the GUI thread would
    stand still meanwhile. Between two bands it gets its turn. Each band overlaps the next
    by one row, so no seam shows where they meet.
    """
    scale = height / image.height()
    for top in range(0, image.height(), BAND_ROWS):
        rows = min(BAND_ROWS + 1, image.height() - top)
        painter.drawImage(
            QRectF(0, top * scale, width, rows * scale),
            image,
            QRectF(0, top, image.width(), rows),
        )
