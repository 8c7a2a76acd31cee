"""Running ``aspdiag responder`` in the lab's server namespace and ``probe_responder`` in the client's,
for the lab tests and the bench. The key travels in the environment only (never in argv)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.lab import Lab

REPO = Path(__file__).resolve().parents[2]
SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
PORT = 33002

PROBE = """
import dataclasses, json, os, sys
from aspdiag.adapters.responder_client import probe_responder
args = json.loads(sys.argv[1])
key = os.environ["ASPDIAG_RESPONDER_KEY"].encode()
print(json.dumps(dataclasses.asdict(probe_responder(key=key, **args))))
"""


def env(key: str) -> dict[str, str]:
    """The environment for aspdiag in the lab, with the responder key."""
    return {"PATH": SAFE_PATH, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "ASPDIAG_RESPONDER_KEY": key}


@dataclass
class RunningResponder:
    """A responder started in the server namespace."""

    proc: subprocess.Popen[bytes]
    log: Path

    def log_lines(self) -> list[str]:
        """What it has logged so far."""
        return self.log.read_text(errors="replace").splitlines() if self.log.exists() else []

    def session_lines(self) -> list[str]:
        """Its one-line-per-test log lines."""
        return [line for line in self.log_lines() if " session client=" in line]

    def wait_for_lines(self, count: int, timeout_s: float = 10.0) -> list[str]:
        """Wait until at least ``count`` session lines are logged."""
        deadline = time.monotonic() + timeout_s
        while len(self.session_lines()) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.session_lines()

    def terminate(self, timeout_s: float = 5.0) -> int:
        """SIGTERM and wait; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout_s)


@contextmanager
def responder(
    lab: Lab,
    key: str,
    *options: str,
    port: int = PORT,
    binds: tuple[str, ...] | None = None,
) -> Iterator[RunningResponder]:
    """``aspdiag responder --bind server4 --bind server6 --port PORT`` in the server namespace; stopped after."""
    log = lab.workdir / f"responder-{time.monotonic_ns()}.log"
    argv = [sys.executable, "-m", "aspdiag", "responder", "--port", str(port), "--log", str(log), *options]
    for address in binds or (lab.addr.server4, lab.addr.server6):
        argv += ["--bind", address]
    # ``ip netns exec`` execs the interpreter, so the child's pid is the responder's own.
    proc = subprocess.Popen(
        lab.exec_argv("server", argv),
        env=env(key),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    running = RunningResponder(proc, log)
    try:
        lab.wait_listening("server", "udp", port)
        lab.wait_listening("server", "tcp", port)
        yield running
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def probe(lab: Lab, key: str, address: str, timeout: float = 90.0, **kwargs: Any) -> dict[str, Any]:
    """``probe_responder(address, ...)`` run inside the client namespace; the result as a dict."""
    args = {"address": address, "port": PORT, **kwargs}
    result = lab.exec("client", [sys.executable, "-c", PROBE, json.dumps(args)], env=env(key), timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"probe_responder failed: {result.stderr}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def client_python(lab: Lab, code: str, key: str, *args: str, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
    """Run a Python snippet in the client namespace (with the key in the environment)."""
    return lab.exec("client", [sys.executable, "-c", code, *args], env=env(key), timeout=timeout)
