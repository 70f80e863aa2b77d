"""What the user did, in the log: the kind of action, the record's id, success or failure.

Never names, addresses or messages (they may quote names): only the kind, ids and the
class of an error. One decorator on the service functions serves the window and the
command line alike.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from patenbuero.errors import UserError

log = logging.getLogger("patenbuero.actions")

P = ParamSpec("P")
R = TypeVar("R")


def _record_id(args: tuple[object, ...], result: object) -> str:
    if isinstance(result, int) and not isinstance(result, bool):
        return str(result)
    record = getattr(result, "id", None) or getattr(result, "registration_id", None)
    if isinstance(record, int):
        return str(record)
    for value in args[1:]:  # args[0] is the database
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return "-"


def logged_action(kind: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Log each call of the decorated service function as one line "kind id=… ok"."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                result = function(*args, **kwargs)
            except UserError as error:
                log.info(
                    "%s id=%s abgelehnt (%s)", kind, _record_id(args, None), type(error).__name__
                )
                raise
            except Exception as error:
                log.warning(
                    "%s id=%s fehlgeschlagen (%s)",
                    kind,
                    _record_id(args, None),
                    type(error).__name__,
                )
                raise
            log.info("%s id=%s ok", kind, _record_id(args, result))
            return result

        return run

    return decorate
