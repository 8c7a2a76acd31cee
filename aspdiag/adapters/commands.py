"""SubprocessRunner: runs external programs from an argv list with a timeout."""

from __future__ import annotations

import logging
import os
import subprocess

from aspdiag.core.errors import ToolFailedError, ToolNotFoundError
from aspdiag.core.ports import CommandOutput

logger = logging.getLogger(__name__)


class SubprocessRunner:
    """The production CommandRunner."""

    def run(self, argv: list[str], timeout_s: float) -> CommandOutput:
        """Run ``argv`` (no shell), capture output as text, enforce ``timeout_s``."""
        logger.debug("running %s", " ".join([os.path.basename(argv[0]), *argv[1:]]))
        try:
            completed = subprocess.run(
                argv,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError as exc:
            raise ToolNotFoundError(
                f"{argv[0]} is not installed", f"install the package that provides {argv[0]}"
            ) from exc
        except subprocess.TimeoutExpired as exc:
            raise ToolFailedError(f"{argv[0]} did not finish within {timeout_s:g} s") from exc
        except OSError as exc:
            raise ToolFailedError(f"could not run {argv[0]}: {exc.strerror or exc}") from exc
        return CommandOutput(tuple(argv), completed.returncode, completed.stdout, completed.stderr)
