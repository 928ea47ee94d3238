"""`translate` killed at a chosen point: `python -m tests.support.killed ARGS…` runs the CLI
and sends itself SIGKILL right after a rename whose target's path ends with the value of
`KILL_AFTER_RENAMING` (as a crash or the OOM killer would, nothing is cleaned up).

A kill timed from outside lands where the scheduler puts it; this one lands between two
renames of one chunk's files, the moment a re-run must recover from, every time.
"""

from __future__ import annotations

import os
import signal
import sys

from translate.cli import main

_replace = os.replace


def _replace_then_die(source, target, *args, **kwargs):  # os.replace's signature
    _replace(source, target, *args, **kwargs)
    if os.fspath(target).endswith(os.environ["KILL_AFTER_RENAMING"]):
        os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    os.replace = _replace_then_die
    sys.argv[0] = "translate"
    main()
