"""Hard crashes leave a report; the next start keeps it and says where it is."""

import os
import stat
import subprocess
import sys
from pathlib import Path

from patenbuero.app_logging import CRASH_FILE_NAME, enable_fault_handler


def test_a_hard_crash_writes_its_stack_into_the_crash_file(tmp_path: Path) -> None:
    script = (
        "import faulthandler, pathlib, sys\n"
        "from patenbuero.app_logging import enable_fault_handler\n"
        "enable_fault_handler(pathlib.Path(sys.argv[1]))\n"
        "def book_the_last_place():\n"
        "    faulthandler._sigsegv()\n"
        "book_the_last_place()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, check=False
    )
    assert result.returncode != 0
    report = (tmp_path / CRASH_FILE_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in report and "book_the_last_place" in report
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / CRASH_FILE_NAME).stat().st_mode) == 0o600


def test_the_next_start_keeps_the_report_under_its_date(tmp_path: Path) -> None:
    import faulthandler

    (tmp_path / CRASH_FILE_NAME).write_text("Fatal Python error: …\n", encoding="utf-8")
    earlier = enable_fault_handler(tmp_path)
    assert earlier is not None and earlier.name.startswith("absturz_")
    assert earlier.read_text(encoding="utf-8").startswith("Fatal Python error")
    assert (tmp_path / CRASH_FILE_NAME).stat().st_size == 0
    assert enable_fault_handler(tmp_path) is None  # an empty file is no report
    faulthandler.enable(file=sys.__stderr__)
