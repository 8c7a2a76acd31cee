"""Run a user's notification command (``--on-stall``, ``--on-done``) with the outcome in ASPDIAG_* variables.

The command goes through ``/bin/sh -c`` because it is the user's own one-liner (``mail ...``, ``curl ...``);
values are passed only as environment variables, never pasted into the command text, so a file name
cannot inject shell syntax. Aspera credentials are removed from the command's environment: a notification
hook has no business seeing ASPERA_SCP_PASS.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping

from aspdiag.fasp.secrets import SECRET_VARIABLES

TIMEOUT_S = 60


def notification_env(variables: Mapping[str, str]) -> dict[str, str]:
    """The environment for a notification command: ours, minus credentials, plus ``variables``."""
    env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
    env.update(variables)
    return env


def notify(command: str, kind: str, variables: Mapping[str, str]) -> bool:
    """Run ``command`` (capped at 60 s); its failure is a warning on stderr, never fatal. True when it exited 0."""
    try:
        done = subprocess.run(
            ["/bin/sh", "-c", command],
            env=notification_env(variables),
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        print(f"aspdiag: warning: the {kind} command ran over {TIMEOUT_S} s and was stopped", file=sys.stderr)
        return False
    except OSError as exc:
        print(f"aspdiag: warning: cannot run the {kind} command: {exc.strerror or exc}", file=sys.stderr)
        return False
    if done.returncode != 0:
        print(f"aspdiag: warning: the {kind} command exited with {done.returncode}", file=sys.stderr)
    return done.returncode == 0
