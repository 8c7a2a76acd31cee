"""CappedRunner: run a long external program (ascp) with hard caps on wall time and captured output.

The child gets its own process group, so on timeout (or Ctrl-C) the whole group is stopped: ascp starts
ssh, and a hung ssh must not outlive us. Output is read as it comes (progress lines arrive with
``\\r``), kept within a byte budget (head and tail), and handed to a callback line by line.
"""

from __future__ import annotations

import atexit
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence

from aspdiag.core.errors import ToolFailedError, ToolNotFoundError
from aspdiag.measurements.transfer.port import ProcessResult

_LIVE: set[subprocess.Popen[bytes]] = set()
"""Children running right now. On Ctrl-C the engine returns while the runner's thread is still waiting, so
``stop_all`` (called by the CLI and at exit) stops them: ascp must never outlive aspdiag."""


def stop_all() -> None:
    """Stop every child still running (its whole process group)."""
    for proc in list(_LIVE):
        stop_group(proc, grace_s=1.0)
        _LIVE.discard(proc)


atexit.register(stop_all)

KEEP_BYTES = 256 * 1024
"""Of each stream, keep at most this much from the start and this much from the end."""


class _Buffer:
    def __init__(self) -> None:
        self.head = bytearray()
        self.tail = bytearray()
        self.dropped = False

    def add(self, data: bytes) -> None:
        if len(self.head) < KEEP_BYTES:
            room = KEEP_BYTES - len(self.head)
            self.head += data[:room]
            data = data[room:]
        if data:
            self.tail += data
            if len(self.tail) > KEEP_BYTES:
                self.dropped = True
                del self.tail[: len(self.tail) - KEEP_BYTES]

    def text(self) -> str:
        middle = "\n[... output truncated ...]\n" if self.dropped else ""
        return bytes(self.head).decode("utf-8", "replace") + middle + bytes(self.tail).decode("utf-8", "replace")


def stop_group(proc: subprocess.Popen[bytes], grace_s: float = 2.0) -> None:
    """SIGTERM the child's process group, then SIGKILL what is left after ``grace_s``."""
    for sig, wait in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _start(
    argv: Sequence[str],
    env: dict[str, str] | None,
    cwd: str | None,
    *,
    not_found: tuple[str, str],
    permission_hint: str,
) -> subprocess.Popen[bytes]:
    """Start a child in its own process group (so its whole group can be stopped), stdin closed, both
    output streams piped, and register it in ``_LIVE``. Start-up failures become one-line tool errors."""
    try:
        proc = subprocess.Popen(
            list(argv),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError as exc:
        raise ToolNotFoundError(*not_found) from exc
    except PermissionError as exc:
        raise ToolFailedError(f"{argv[0]} is not executable", permission_hint) from exc
    except OSError as exc:
        raise ToolFailedError(f"cannot run {argv[0]}: {exc.strerror or exc}") from exc
    _LIVE.add(proc)
    return proc


class CappedRunner:
    """Runs one program with a wall-time cap, bounded output capture and a per-line callback."""

    def run(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        timeout_s: float,
        cwd: str | None = None,
        on_line: Callable[[str, str], None] | None = None,
    ) -> ProcessResult:
        """Run ``argv`` (no shell) with exactly ``env``; never longer than ``timeout_s``."""
        started = time.monotonic()
        proc = _start(
            argv,
            dict(env),
            cwd,
            not_found=(f"{argv[0]} is not installed or not found", "give its path with --ascp"),
            permission_hint="check the file's permissions or --ascp",
        )
        buffers = {"stdout": _Buffer(), "stderr": _Buffer()}
        partial = {"stdout": b"", "stderr": b""}
        selector = selectors.DefaultSelector()
        assert proc.stdout is not None and proc.stderr is not None
        selector.register(proc.stdout, selectors.EVENT_READ, "stdout")
        selector.register(proc.stderr, selectors.EVENT_READ, "stderr")
        timed_out = False
        try:
            while selector.get_map():
                remaining = timeout_s - (time.monotonic() - started)
                if remaining <= 0:
                    timed_out = True
                    break
                for key, _ in selector.select(timeout=min(remaining, 0.5)):
                    name = key.data
                    chunk = os.read(key.fd, 65536)
                    if not chunk:
                        selector.unregister(key.fileobj)
                        continue
                    buffers[name].add(chunk)
                    if on_line is not None:
                        partial[name] += chunk
                        *complete, partial[name] = partial[name].replace(b"\r", b"\n").split(b"\n")
                        partial[name] = partial[name][-65536:]
                        for line in complete[-200:]:
                            if line.strip():
                                on_line(name, line.decode("utf-8", "replace"))
            if not timed_out:
                try:
                    proc.wait(timeout=max(0.1, timeout_s - (time.monotonic() - started)))
                except subprocess.TimeoutExpired:
                    timed_out = True
        finally:
            if timed_out or proc.poll() is None:
                stop_group(proc)
            else:
                # ascp may have left children (ssh) in its group: do not let them linger.
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            selector.close()
            proc.stdout.close()
            proc.stderr.close()
            _LIVE.discard(proc)
        return ProcessResult(
            returncode=None if timed_out else proc.returncode,
            stdout=buffers["stdout"].text(),
            stderr=buffers["stderr"].text(),
            duration_s=round(time.monotonic() - started, 3),
            timed_out=timed_out,
            truncated=buffers["stdout"].dropped or buffers["stderr"].dropped,
        )


class SupervisedChild:
    """A long-running command for ``aspdiag run``: its own process group, output read line by line.

    Unlike :class:`CappedRunner` it has no time cap (a transfer may take days) and keeps no output: the
    supervisor takes each line as it comes. stdin is not passed on (ascp must not stop to ask for a password:
    credentials come from the environment).
    """

    def __init__(self, argv: Sequence[str], env: Mapping[str, str] | None = None) -> None:
        self._proc = _start(
            argv,
            None if env is None else dict(env),
            None,
            not_found=(f"{argv[0]}: command not found", "give the full path of ascp"),
            permission_hint="check the file's permissions",
        )
        self.pid = self._proc.pid
        self._selector = selectors.DefaultSelector()
        assert self._proc.stdout is not None and self._proc.stderr is not None
        self._selector.register(self._proc.stdout, selectors.EVENT_READ, "stdout")
        self._selector.register(self._proc.stderr, selectors.EVENT_READ, "stderr")
        self._partial = {"stdout": b"", "stderr": b""}
        self._exited_at: float | None = None

    def read(self, timeout_s: float) -> list[tuple[str, str]]:
        """Lines (``\\r`` also ends one, for progress lines) that arrive within ``timeout_s``."""
        if not self._selector.get_map():
            if timeout_s > 0 and self._proc.poll() is None:
                time.sleep(min(timeout_s, 0.2))
            return []
        lines: list[tuple[str, str]] = []
        for key, _ in self._selector.select(timeout=timeout_s):
            name = key.data
            chunk = os.read(key.fd, 65536)
            if not chunk:
                self._selector.unregister(key.fileobj)
                rest, self._partial[name] = self._partial[name], b""
                if rest.strip():
                    lines.append((name, rest.decode("utf-8", "replace")))
                continue
            data = self._partial[name] + chunk
            *complete, last = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
            self._partial[name] = last[-65536:]
            lines.extend((name, line.decode("utf-8", "replace")) for line in complete if line.strip())
        return lines

    def poll(self) -> int | None:
        """The exit status once the command has ended and its output streams are at their end."""
        code = self._proc.poll()
        if code is None:
            return None
        if self._selector.get_map():
            # Something ascp started (ssh) may still hold the pipes open: give it 2 s, then stop it.
            if self._exited_at is None:
                self._exited_at = time.monotonic()
                return None
            if time.monotonic() - self._exited_at < 2.0:
                return None
            self.send_signal(signal.SIGKILL)
        self.close()
        return code

    def send_signal(self, signum: int) -> None:
        """Signal the whole process group (ascp and its ssh)."""
        try:
            os.killpg(self._proc.pid, signum)
        except (ProcessLookupError, PermissionError):
            pass

    def close(self) -> None:
        """Release the pipes (after the command ended)."""
        if self._proc in _LIVE:
            _LIVE.discard(self._proc)
            self._selector.close()
            for stream in (self._proc.stdout, self._proc.stderr):
                if stream is not None:
                    stream.close()
