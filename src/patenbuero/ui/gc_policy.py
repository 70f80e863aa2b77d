"""When Python's cycle collector may run in the window.

A full pass of the collector walks every object the program holds: once every tab is
loaded (modules, widgets, 30,000 persons, 3,000 inquiries …) that took 0.1-0.5 s, and it
came at random moments, in the middle of a click. Nearly all of these objects live as
long as the program, so they are set aside (``gc.freeze``) once they are made: later
passes walk only what is made afterwards. Frozen objects are still freed when nothing
refers to them any more (a list reloaded with F5 gives its old rows back at once).

PySide6 reads the source text of every module imported after it (its import hook looks
for the word "PySide6" to decide on ``__feature__`` switching), and Python's
``linecache`` keeps those lines for good: 15 MB of text, 35 MB of memory with every tab
loaded. The cache is emptied whenever a tab has loaded; a traceback reads the lines it
needs again.
"""

from __future__ import annotations

import gc
import linecache


def hold() -> None:
    """No passes while the program starts (imports and the first rows)."""
    gc.disable()


def set_aside() -> None:
    """Forget the read source lines, collect the young garbage, set aside what exists now."""
    linecache.clearcache()
    gc.collect(1)
    gc.freeze()


def set_aside_imports() -> None:
    """Set aside what exists now without a collection pass (the quick start, when its
    worker has imported SQLAlchemy, the models and the services).

    Imports leave next to no garbage, and one pass over their 100,000 objects blocked the
    window for 60-90 ms: set aside unwalked, the pass in :func:`settle` walks only what
    the start made afterwards.
    """
    if not gc.isenabled():
        gc.freeze()


def settle() -> None:
    """After the first rows show: set aside what the start made; passes run again."""
    if not gc.isenabled():
        set_aside()
        gc.enable()
