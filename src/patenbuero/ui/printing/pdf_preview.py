"""A scrolling PDF preview: pages one below the other, fit to width, zoom in and out.

Only the pages in view are rendered, at the current zoom; a few stay cached, so a
500-page list costs no more to show than a one-page letter.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import partial

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from patenbuero.ui.printing.pdf_pages import PdfPages

PAGE_GAP = 12
CACHED_PAGES = 8
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 6.0


class _PagesCanvas(QWidget):
    def __init__(self, preview: PdfPreview) -> None:
        super().__init__(preview)
        self._preview = preview
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()

    def clear_cache(self) -> None:
        self._cache.clear()

    def page_rects(self) -> list[QRect]:
        pages, scale = self._preview.pages, self._preview.scale()
        rects: list[QRect] = []
        top = PAGE_GAP
        if pages is None:
            return rects
        width = self.width()
        for index in range(len(pages)):
            size = pages.page_size(index)
            w, h = round(size.width() * scale), round(size.height() * scale)
            rects.append(QRect(max(PAGE_GAP, (width - w) // 2), top, w, h))
            top += h + PAGE_GAP
        return rects

    def content_size(self) -> QSize:
        rects = self.page_rects()
        if not rects:
            return QSize(0, 0)
        width = max(rect.width() for rect in rects) + 2 * PAGE_GAP
        return QSize(width, rects[-1].bottom() + PAGE_GAP)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#808080"))
        pages = self._preview.pages
        if pages is not None:
            ratio = self.devicePixelRatioF()
            for index, rect in enumerate(self.page_rects()):
                if rect.intersects(event.rect()):
                    painter.drawImage(rect, self._image(pages, index, ratio))
        painter.end()

    def _image(self, pages: PdfPages, index: int, ratio: float) -> QImage:
        key = (index, round(self._preview.scale() * ratio, 4))
        image = self._cache.get(key)
        if image is None:
            image = pages.render(index, key[1])
            self._cache[key] = image
            while len(self._cache) > CACHED_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image


def _close_all(open_pages: list[PdfPages]) -> None:
    for pages in open_pages:
        pages.close()
    open_pages.clear()


class PdfPreview(QScrollArea):
    """Shows the bytes of one PDF; ``set_pdf(None)`` empties it."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self._open: list[PdfPages] = []
        self.destroyed.connect(partial(_close_all, self._open))
        self._zoom: float | None = None  # None: fit the page width to the view
        self._canvas = _PagesCanvas(self)
        self.setWidget(self._canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(self.backgroundRole())
        self.setStyleSheet("QScrollArea { background: #808080; }")

    def set_pdf(self, data: bytes | None) -> None:
        _close_all(self._open)
        self.pages = PdfPages(data) if data is not None else None
        if self.pages is not None:
            self._open.append(self.pages)
        self._canvas.clear_cache()
        self._relayout()

    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def scale(self) -> float:
        """Screen pixels per PDF point at the current zoom."""
        if self._zoom is not None:
            return self._zoom
        if not self.pages:
            return 1.0
        widest = max(self.pages.page_size(i).width() for i in range(len(self.pages)))
        available = self.viewport().width() - 2 * PAGE_GAP
        return max(MIN_ZOOM, available / widest) if widest else 1.0

    def zoom_in(self) -> None:
        self._set_zoom(self.scale() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.scale() / ZOOM_STEP)

    def fit_width(self) -> None:
        self._zoom = None
        self._relayout()
        self.zoom_changed.emit(self.scale())

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._relayout()
        self.zoom_changed.emit(self._zoom)

    def _relayout(self) -> None:
        size = self._canvas.content_size()
        self._canvas.resize(max(size.width(), self.viewport().width()), size.height())
        self._canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)
