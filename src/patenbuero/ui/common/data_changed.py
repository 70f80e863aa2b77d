"""One notification for every open view: "these data changed, show them fresh".

A tab or dialog that changed data through a service announces it once, e.g.
``announce(Kind.EVENTS, self)``; every view that shows such data listens with
:func:`refresh_on` and reloads: at once when it is on screen, else the next time it
is shown. No view needs F5 to see what another view just saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget


class Kind(Enum):
    EVENTS = "events"
    REGISTRATIONS = "registrations"
    PROJECTS = "projects"
    INQUIRIES = "inquiries"


class DataChanged(QObject):
    """The hub: one signal per kind of data; the argument is the announcing object."""

    events = Signal(object)
    registrations = Signal(object)
    projects = Signal(object)
    inquiries = Signal(object)

    def signal(self, kind: Kind) -> SignalInstance:
        instance: SignalInstance = getattr(self, kind.value)
        return instance


_hub: DataChanged | None = None


def hub() -> DataChanged:
    """The application's one hub (created with the application)."""
    global _hub
    if _hub is None:
        _hub = DataChanged(QCoreApplication.instance())
    return _hub


def announce(kind: Kind, source: object = None) -> None:
    """Tell every listening view that data of this kind changed."""
    hub().signal(kind).emit(source)


class _Refresher(QObject):
    """Reloads ``widget`` when data it shows changed elsewhere."""

    def __init__(self, widget: QWidget, reload: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget, self._reload = widget, reload
        self.stale = False
        widget.installEventFilter(self)

    def on_changed(self, source: object) -> None:
        if source is self._widget:
            return
        if self._widget.isVisible():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False


def refresh_on(widget: QWidget, kinds: Iterable[Kind], reload: Callable[[], object]) -> None:
    """Call ``reload`` whenever data of one of ``kinds`` changed (announced by another
    object than ``widget``); a hidden widget reloads when it is shown next."""
    refresher = _Refresher(widget, reload)
    for kind in kinds:
        hub().signal(kind).connect(refresher.on_changed)
