"""aspdiag run in the lab: the ascp test double moves real packets; retries, resume, stall, signals, status."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SAFE_PATH
from tests.lab import Lab

DOUBLE = REPO / "tests" / "ascp_double" / "ascp"


def _env(workdir: Path, secret: str) -> dict[str, str]:
    return {
        "PATH": SAFE_PATH,
        "PYTHONPATH": str(REPO),
        "HOME": str(workdir),
        "LANG": "C.UTF-8",
        "ASPERA_SCP_PASS": secret,
        "ASCP_DOUBLE_EXPECT_PASS": secret,
        "ASCP_DOUBLE_ARGV_LOG": str(workdir / "argv.log"),
    }


def _ascp(workdir: Path, remote: str, *extra: str) -> list[str]:
    dest = workdir / "data"
    dest.mkdir(exist_ok=True)
    return [
        str(DOUBLE),
        "-P",
        "33001",
        "-O",
        "33001",
        "-l",
        "10m",
        *extra,
        f"aspdiag@aspera.lab.test:{remote}",
        str(dest),
    ]


def run(
    lab: Lab, workdir: Path, remote: str, *options: str, timeout: float = 90, expect_password: str | None = None
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any], str]:
    """``aspdiag run`` of the double in the lab; ``expect_password`` makes the double want another password."""
    secret = secrets.token_hex(8)
    state = workdir / "state.json"
    argv = [
        sys.executable,
        "-m",
        "aspdiag",
        "run",
        "--state-file",
        str(state),
        "--on-done",
        f"env | grep ^ASPDIAG_ > {workdir / 'done.env'}",
        *options,
        "--",
        *_ascp(workdir, remote),
    ]
    env = _env(workdir, secret)
    if expect_password is not None:
        env["ASCP_DOUBLE_EXPECT_PASS"] = expect_password
    result = lab.exec("client", argv, env=env, cwd=workdir, timeout=timeout)
    text = state.read_text()
    for blob in (result.stdout, result.stderr, text):
        assert secret not in blob, "a credential leaked"
    return result, json.loads(text), secret


def _vars(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def _argv_log(workdir: Path) -> list[list[str]]:
    return [json.loads(line) for line in (workdir / "argv.log").read_text().splitlines()]


def test_success_with_done_notification(transfer_lab, workdir):
    result, state, _ = run(transfer_lab, workdir, "/data/run-ok-2MB")
    assert result.returncode == 0, result.stderr
    assert state["status"] == "succeeded" and len(state["attempts"]) == 1
    assert (workdir / "data" / "run-ok-2MB").stat().st_size == 2 * 1024 * 1024
    done = _vars(workdir / "done.env")
    assert done["ASPDIAG_EVENT"] == "done" and done["ASPDIAG_OUTCOME"] == "succeeded"
    assert done["ASPDIAG_ATTEMPTS"] == "1" and done["ASPDIAG_EXIT_STATUS"] == "0"
    assert "ASPERA_SCP_PASS" not in (workdir / "done.env").read_text()
    assert len(_argv_log(workdir)) == 1 and "-k" not in _argv_log(workdir)[0]


def test_retryable_failure_then_success_with_resume(transfer_lab, workdir):
    result, state, _ = run(transfer_lab, workdir, "/data/flaky-3MB", "--backoff", "0.5", "--retries", "2")
    assert result.returncode == 0, result.stderr
    first, second = state["attempts"]
    assert (first["fasp_code"], first["fasp_name"], first["decision"]) == (16, "CONNECTION_LOST", "retry")
    assert second["decision"] == "success"
    runs = _argv_log(workdir)
    assert len(runs) == 2 and "-k" not in runs[0]
    assert runs[1][:2] == ["-k", "1"] and runs[1][2:] == runs[0]  # -k 1 added, the rest untouched
    assert (workdir / "data" / "flaky-3MB").stat().st_size == 3 * 1024 * 1024
    # The retry resumed: the second attempt moved only the rest (about two thirds), not the whole file.
    assert second["bytes_done"] == 3 * 1024 * 1024
    assert 1.8 * 1024 * 1024 <= second["bytes_transferred"] <= 2.2 * 1024 * 1024, second
    assert "retrying in" in result.stderr


@pytest.mark.parametrize(
    ("remote", "code", "name"),
    [("/data/missing-file", 4, "NO_SUCH_FILE"), ("/data/run-auth-2MB", 19, "AUTH")],
)
def test_non_retryable_failure_is_not_retried(transfer_lab, workdir, remote, code, name):
    wrong = "something-else" if code == 19 else None  # a wrong password: the double expects another one
    result, state, _ = run(transfer_lab, workdir, remote, "--retries", "3", "--backoff", "0.1", expect_password=wrong)
    done = _vars(workdir / "done.env")
    assert done["ASPDIAG_OUTCOME"] == "failed" and done["ASPDIAG_FASP_CODE"] == str(code)
    assert done["ASPDIAG_CAUSE"]
    assert result.returncode == 1, result.stderr
    assert len(_argv_log(workdir)) == 1, "a non-retryable error must not be retried"
    (attempt,) = state["attempts"]
    assert (attempt["fasp_code"], attempt["decision"]) == (code, "not-retryable")
    assert attempt["fasp_name"] == name
    assert state["diagnosis"] and state["diagnosis"]["cause"]
    assert "diagnosis:" in result.stdout  # the outcome is the document: on stdout (issue #16)


def test_stall_alert_fires_with_variables(transfer_lab, workdir):
    result, state, _ = run(
        transfer_lab,
        workdir,
        "/data/stall-3MB",
        "--stall-after",
        "1",
        "--retries",
        "0",
        "--on-stall",
        f"env | grep ^ASPDIAG_ > {workdir / 'stall.env'}",
    )
    assert result.returncode == 1
    stall = _vars(workdir / "stall.env")
    assert stall["ASPDIAG_EVENT"] == "stall" and float(stall["ASPDIAG_STALLED_S"]) >= 1
    assert 0 < int(stall["ASPDIAG_BYTES"]) < 3 * 1024 * 1024 and stall["ASPDIAG_FILE"] == "stall-3MB"
    assert state["stalls"] >= 1 and state["attempts"][0]["fasp_code"] == 40
    assert state["attempts"][0]["decision"] == "retries-exhausted"
    assert "stall: no progress" in result.stderr
    assert _vars(workdir / "done.env")["ASPDIAG_OUTCOME"] == "failed"


def _status(state_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``aspdiag status FILE`` from another process (outside the lab: it only reads the file)."""
    return subprocess.run(
        [sys.executable, "-m", "aspdiag", "status", str(state_path)],
        env={**env, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=30,
    )


def _double_running(marker: str) -> bool:
    listing = subprocess.run(["ps", "-eww", "-o", "args"], capture_output=True, text=True).stdout
    return any(str(DOUBLE) in line and marker in line for line in listing.splitlines())


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_is_passed_to_ascp_and_recorded_and_status_works(transfer_lab, workdir, sig):
    marker = f"/data/slow-{os.getpid()}-{sig.value}-40MB"
    state_path = workdir / "state.json"
    env = _env(workdir, secrets.token_hex(8))
    proc = subprocess.Popen(
        transfer_lab.exec_argv(
            "client",
            [sys.executable, "-m", "aspdiag", "run", "--state-file", str(state_path), "--", *_ascp(workdir, marker)],
        ),
        env=env,
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        state: dict[str, Any] = {}
        while time.monotonic() < deadline:
            if state_path.exists() and state_path.read_text().strip():
                state = json.loads(state_path.read_text())
                if (state.get("progress") or {}).get("bytes_done"):
                    break
            time.sleep(0.2)
        assert state.get("status") == "running", state
        status = _status(state_path, env)
        assert status.returncode == 0, status.stderr
        assert "status: running" in status.stdout and "progress:" in status.stdout
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=45)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    state = json.loads(state_path.read_text())
    assert state["status"] == "interrupted" and state["stop_signal"] == sig.name
    assert state["attempts"][0]["exit_status"] == 128 + sig.value  # the double ended on the passed-on signal
    time.sleep(0.3)
    assert not _double_running(marker), "ascp outlived aspdiag run"
    after = _status(state_path, env)
    assert after.returncode == 1 and "status: interrupted" in after.stdout
