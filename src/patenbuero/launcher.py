"""The `patenbuero` entry point: a command when one is given, else the window."""

from __future__ import annotations

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

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
