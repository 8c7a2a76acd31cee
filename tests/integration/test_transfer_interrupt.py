"""Ctrl-C and SIGTERM during a test transfer: ascp's process group is stopped and its temporary directory
removed (on loopback only; the ascp double hangs before it sends anything)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOUBLE = REPO / "tests" / "ascp_double" / "ascp"


def _temp_dirs(root: Path) -> set[str]:
    """The transfer directories in the run's own TMPDIR (tests in other workers run transfers too)."""
    return {p.name for p in root.glob("aspdiag-transfer-*")}


def _double_running(marker: str) -> bool:
    listing = subprocess.run(["ps", "-eww", "-o", "args"], capture_output=True, text=True).stdout
    return any(f"{DOUBLE} -P" in line and marker in line for line in listing.splitlines())  # the double itself


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupting_a_transfer_leaves_nothing(tmp_path, sig):
    marker = f"/hang-{os.getpid()}-{sig.value}"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    before = _temp_dirs(tmp)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "TMPDIR": str(tmp),
        "ASPERA_SCP_PASS": "x" * 12,
        "ASCP_DOUBLE_EXPECT_PASS": "x" * 12,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aspdiag",
            "check",
            "127.0.0.1",
            "--timeout",
            "0.5",
            "--transfer",
            "--remote-file",
            marker,
            "--user",
            "u",
            "--ascp",
            str(DOUBLE),
            "--time-limit",
            "60",
            "--no-reports",
            "-q",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while not _double_running(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _double_running(marker), "the double never started"
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig, err  # 130 after Ctrl-C, 143 after SIGTERM (issue #15: named)
    time.sleep(0.5)
    assert not _double_running(marker), "ascp outlived aspdiag"
    assert not _temp_dirs(tmp) - before, "the temporary transfer directory was left behind"
