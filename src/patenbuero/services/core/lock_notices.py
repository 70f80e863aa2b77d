"""Where the window and the command line listen while a write waits for another PC.

Kept apart from :mod:`services.core.locks` (which needs SQLAlchemy) so that the
window and `patenbuero info` can listen before SQLAlchemy is loaded.
"""

from __future__ import annotations

from patenbuero.db import lock_wait

add_wait_listener = lock_wait.add_listener
remove_wait_listener = lock_wait.remove_listener
