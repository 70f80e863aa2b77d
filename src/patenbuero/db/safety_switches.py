"""Switches that only the concurrency tests set, to show that those tests have power.

Each concurrency test runs once as the office uses the program and once with one
safeguard switched off (its "negative control"): then the failure it guards
against must happen (overbooking, a failed booking, a lost update). The program
itself never sets the variable.

``PATENBUERO_TEST_DISABLE_LOCKS`` holds comma-separated names:

- ``serialisation``: SQLite writers begin like the plain driver (no lock before
  the first write) and PostgreSQL takes neither the event row lock nor the
  creation lock for persons and Träger;
- ``versions``: a save does not compare the version the user started from;
- ``commit-order``: a registration keeps the time of the call instead of the time
  it got its place in the queue.
"""

from __future__ import annotations

import os

ENV_VARIABLE = "PATENBUERO_TEST_DISABLE_LOCKS"
SERIALISATION = "serialisation"
VERSIONS = "versions"
COMMIT_ORDER = "commit-order"


def disabled(name: str) -> bool:
    """True when a test switched the safeguard ``name`` off."""
    value = os.environ.get(ENV_VARIABLE, "")
    return bool(value) and name in value.split(",")
