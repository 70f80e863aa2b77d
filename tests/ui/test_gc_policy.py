"""The collector policy of the window: what is set aside, and the source text PySide6 reads."""

import gc
import linecache
import sys

from patenbuero.ui import gc_policy


def test_set_aside_forgets_the_source_lines_pyside_read_while_importing(
    tmp_path, monkeypatch, qapp
) -> None:
    (tmp_path / "freshly_imported.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__("freshly_imported")  # an import statement, as the program does
        # PySide6's import hook read the new module's source into the line cache.
        assert str(tmp_path / "freshly_imported.py") in linecache.cache
        gc_policy.set_aside()
        assert linecache.cache == {}
        assert gc.get_freeze_count() > 0
    finally:
        sys.modules.pop("freshly_imported", None)
        gc.unfreeze()


def test_set_aside_imports_freezes_while_the_start_holds_the_collector() -> None:
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        before = gc.get_freeze_count()
        gc_policy.set_aside_imports()  # after the start: nothing to do
        assert gc.get_freeze_count() == before
        gc_policy.hold()
        made = [[] for _ in range(100)]  # young objects, as the start's imports make
        gc_policy.set_aside_imports()
        assert gc.get_freeze_count() >= before + len(made)
        assert gc.get_count()[0] < len(made)  # the next pass does not walk them
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
