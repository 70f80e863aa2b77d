"""The `patenbuero` entry point: a command when one is given, else the window."""

from __future__ import annotations

import gc
import sys

from patenbuero.app_logging import enable_fault_handler, setup_logging
from patenbuero.cli.parser import build_parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    setup_logging()
    earlier_crash = enable_fault_handler()
    if args.command is None:
        from patenbuero.ui.app import run_gui

        return run_gui(args.db, earlier_crash=earlier_crash)
    from patenbuero.cli.main import run_command

    if argv is None:
        # This process runs one command and ends. What is loaded by now (the command's
        # modules: SQLAlchemy, the models, the services) stays to the end, so the
        # garbage collector need not walk it again in every full collection: a
        # 10,000-row import ran several, a sixth of its time.
        gc.freeze()
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
