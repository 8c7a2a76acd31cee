"""aspdiag run's supervisor with a scripted child and a fake clock: retries, resume, stall, signals, state."""

from __future__ import annotations

import json
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from aspdiag.cli import main
from aspdiag.tools.supervise.supervisor import (
    Attempt,
    RunProgress,
    RunSettings,
    Supervisor,
    backoff_s,
    is_ascp,
    read_state,
    redact_argv,
    resume_level,
    with_resume,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class ScriptedChild:
    """Output lines at given seconds after start, then an exit status; signals end it with 128+signal."""

    def __init__(self, clock: Clock, lines: Sequence[tuple[float, str, str]], exit_at: float, code: int) -> None:
        self.clock = clock
        self.start = clock.now
        self.lines = list(lines)
        self.exit_at = clock.now + exit_at
        self.code = code
        self.signals: list[int] = []
        self.pid = 4242

    def read(self, timeout_s: float) -> list[tuple[str, str]]:
        horizon = self.clock.now + timeout_s
        due = [x for x in self.lines if self.start + x[0] <= horizon]
        self.lines = [x for x in self.lines if self.start + x[0] > horizon]
        nxt = min([self.start + x[0] for x in self.lines] + [self.exit_at, horizon])
        self.clock.now = max(
            self.clock.now, min(horizon, nxt) if not due else max(self.start + due[-1][0], self.clock.now)
        )
        return [(stream, line) for _, stream, line in due]

    def poll(self) -> int | None:
        if self.clock.now >= self.exit_at and not self.lines:
            return self.code
        return None

    def send_signal(self, signum: int) -> None:
        self.signals.append(signum)
        if signum != signal.SIGKILL and len(self.signals) == 1:
            self.exit_at, self.code, self.lines = self.clock.now + 0.2, 128 + signum, []


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def on_start(self, attempt: int, argv: Sequence[str]) -> None:
        self.events.append(("start", list(argv)))

    def on_progress(self, state: RunProgress) -> None:
        self.events.append(("progress", state.bytes_done))

    def on_line(self, stream: str, line: str) -> None:
        self.events.append(("line", line))

    def on_stall(self, state: RunProgress, stalled_s: float) -> None:
        self.events.append(("stall", stalled_s))

    def on_attempt_end(self, attempt: Attempt) -> None:
        self.events.append(("end", attempt.decision))

    def on_wait(self, delay_s: float) -> None:
        self.events.append(("wait", delay_s))


def progress(name: str, pct: int, mb: int) -> str:
    return f"{name:<30} {pct:>3}% {mb}MB  10.0Mb/s    00:10 ETA"


OK = [
    (1.0, "stdout", progress("big.bin", 50, 4)),
    (2.0, "stdout", progress("big.bin", 100, 8)),
    (2.5, "stdout", "Completed: 8192K bytes transferred in 2 seconds"),
]
LOST = [(1.0, "stdout", progress("big.bin", 30, 3)), (1.5, "stdout", "Session Stop  (Error: Connection lost)")]
AUTH = [
    (0.5, "stderr", "ascp: failed to authenticate, exiting."),
    (0.6, "stdout", "Session Stop  (Error: failed to authenticate)"),
]


def supervise(
    scripts: list[tuple[list[tuple[float, str, str]], float, int]],
    *,
    stop_at: tuple[float, int] | None = None,
    child_cls: type[ScriptedChild] = ScriptedChild,
    **settings: Any,
) -> tuple[Supervisor, list[tuple[str, ...]], Recorder, list[dict[str, Any]], list[ScriptedChild], Clock]:
    clock = Clock()
    launched: list[tuple[str, ...]] = []
    children: list[ScriptedChild] = []
    states: list[dict[str, Any]] = []
    recorder = Recorder()

    def launch(argv: Sequence[str]) -> ScriptedChild:
        launched.append(tuple(argv))
        lines, exit_at, code = scripts[min(len(launched) - 1, len(scripts) - 1)]
        child = child_cls(clock, lines, exit_at, code)
        children.append(child)
        if stop_at is not None:
            plain_read = child.read

            def read(timeout_s: float) -> list[tuple[str, str]]:
                if clock.now - child.start >= stop_at[0] and sup.stop_signal is None:
                    sup.request_stop(stop_at[1])
                return plain_read(timeout_s)

            child.read = read  # type: ignore[method-assign]
        return child

    def wait(seconds: float) -> None:
        clock.now += seconds

    base: dict[str, Any] = {"argv": ("ascp", "-P", "33001", "user@host:/big.bin", "/data"), "backoff_s": 10.0}
    base.update(settings)
    sup = Supervisor(
        RunSettings(**base),
        launch,
        clock=clock,
        wait=wait,
        observer=recorder,
        write_state=lambda d: states.append(json.loads(json.dumps(d))),
        secrets=["hunter2-secret"],
    )
    return sup, launched, recorder, states, children, clock


def test_success_first_time_runs_once() -> None:
    sup, launched, rec, states, _, _ = supervise([(OK, 3.0, 0)])
    assert sup.run() == "succeeded"
    assert len(launched) == 1 and sup.attempts[0].decision == "success"
    assert sup.attempts[0].bytes_done == 8 * 1024 * 1024
    assert states[-1]["status"] == "succeeded" and states[-1]["ended_utc"]


def test_retryable_error_is_retried_with_resume_added_and_backoff() -> None:
    sup, launched, rec, states, _, clock = supervise([(LOST, 2.0, 1), (LOST, 2.0, 1), (OK, 3.0, 0)])
    assert sup.run() == "succeeded"
    assert launched[0] == ("ascp", "-P", "33001", "user@host:/big.bin", "/data")
    assert launched[1] == ("ascp", "-k", "1", "-P", "33001", "user@host:/big.bin", "/data")
    assert launched[2] == launched[1]  # -k 1 added once
    assert [a.decision for a in sup.attempts] == ["retry", "retry", "success"]
    assert sup.attempts[0].fasp_code == 16 and sup.attempts[0].retryable
    assert [e[1] for e in rec.events if e[0] == "wait"] == [10.0, 20.0]
    assert any(s["status"] == "waiting" and s["retry_in_s"] == 10.0 for s in states)


def test_explicit_resume_level_is_kept() -> None:
    sup, launched, *_ = supervise([(LOST, 2.0, 1), (OK, 3.0, 0)], argv=("ascp", "-k0", "u@h:/f", "/d"))
    sup.run()
    assert launched[1] == ("ascp", "-k0", "u@h:/f", "/d")


def test_non_retryable_error_is_not_retried() -> None:
    sup, launched, *_ = supervise([(AUTH, 1.0, 1)], retries=5)
    assert sup.run() == "failed"
    assert len(launched) == 1
    a = sup.attempts[0]
    assert (a.fasp_code, a.decision, a.retryable) == (19, "not-retryable", False)
    assert sup.diagnosis and "authent" in json.dumps(sup.diagnosis).lower()


def test_unknown_failure_is_not_retried_and_retries_run_out() -> None:
    sup, launched, *_ = supervise([([(0.5, "stdout", "something odd")], 1.0, 7)], retries=2)
    assert sup.run() == "failed" and len(launched) == 1
    assert "unknown" in sup.attempts[0].detail
    sup, launched, *_ = supervise([(LOST, 2.0, 1)], retries=2)
    assert sup.run() == "failed" and len(launched) == 3
    assert sup.attempts[-1].decision == "retries-exhausted"


def test_stall_is_reported_once_per_stall_and_recorded() -> None:
    stalled = (
        [(1.0, "stdout", progress("f.bin", 30, 3))]
        + [
            (1.0 + i, "stdout", progress("f.bin", 30, 3))
            for i in range(1, 12)  # same numbers: no progress
        ]
        + [(13.0, "stdout", progress("f.bin", 40, 4)), (30.0, "stdout", progress("f.bin", 40, 4))]
    )
    sup, _, rec, states, _, _ = supervise([(stalled, 31.0, 0)], stall_after_s=5.0)
    sup.run()
    stalls = [e for e in rec.events if e[0] == "stall"]
    assert len(stalls) == 2, stalls  # 1 s..13 s, then again after 13 s
    assert all(5.0 <= s[1] < 6.0 for s in stalls)
    assert sup.attempts[0].stalls == 2
    assert any(s["status"] == "stalled" for s in states)


class Stubborn(ScriptedChild):
    """Ignores SIGINT/SIGTERM; only SIGKILL ends it."""

    def send_signal(self, signum: int) -> None:
        self.signals.append(signum)
        if signum == signal.SIGKILL:
            self.exit_at, self.code, self.lines = self.clock.now, -9, []


def test_stop_signal_is_passed_on_and_recorded() -> None:
    sup, _, _, states, children, _ = supervise([(OK, 3.0, 0)], stop_at=(1.0, signal.SIGINT))
    assert sup.run() == "interrupted"
    assert children[0].signals == [signal.SIGINT]
    assert states[-1]["stop_signal"] == "SIGINT" and states[-1]["status"] == "interrupted"
    assert "SIGINT passed on" in states[-1]["outcome"]
    assert sup.attempts[0].exit_status == 130


def test_a_child_that_ignores_the_signal_is_killed_after_the_grace() -> None:
    sup, _, _, _, children, _ = supervise(
        [([], 1e9, 0)], stop_at=(1.0, signal.SIGTERM), child_cls=Stubborn, stop_grace_s=2.0
    )
    assert sup.run() == "interrupted"
    assert children[0].signals == [signal.SIGTERM, signal.SIGKILL]
    assert sup.attempts[0].ended_by_signal == "SIGKILL"


def test_stop_while_waiting_to_retry_ends_the_run() -> None:
    sup, launched, *_ = supervise([(LOST, 2.0, 1)], retries=3)
    sup._wait = lambda seconds: sup.request_stop(signal.SIGTERM)
    assert sup.run() == "interrupted" and len(launched) == 1
    assert "while waiting to retry" in sup.outcome_detail


def test_secrets_never_reach_state_or_display() -> None:
    lines = [(0.5, "stdout", "debug: password hunter2-secret"), *OK]
    sup, launched, rec, states, *_ = supervise([(lines, 3.0, 0)], argv=("ascp", "-W", "tok-value-123", "u@h:/f", "/d"))
    sup.run()
    assert launched[0][2] == "tok-value-123"  # the command itself is run untouched
    blob = json.dumps(states) + json.dumps(rec.events)
    assert "hunter2-secret" not in blob and "tok-value-123" not in blob
    assert "[redacted]" in blob


@pytest.mark.parametrize("argv", [("echo", "-W", "tokenABCDEF123"), ("echo", "-WtokenABCDEF123")])
def test_a_child_printing_its_token_is_redacted(argv: tuple[str, ...]) -> None:
    """A review: 'run --any-command -- echo -W token' showed the attempt redacted but the child's own output
    (the token) in clear."""
    lines = [(0.5, "stdout", "-W tokenABCDEF123"), *OK]
    sup, _launched, rec, states, *_ = supervise([(lines, 3.0, 0)], argv=argv)
    sup.run()
    blob = json.dumps(states) + json.dumps(rec.events)
    assert "tokenABCDEF123" not in blob and "[redacted]" in blob


def test_helpers() -> None:
    assert is_ascp(["/opt/aspera/bin/ascp", "-A"]) and is_ascp(["ascp4"]) and not is_ascp(["rsync"])
    assert resume_level(["ascp", "-k", "2", "a", "b"]) == "2" and resume_level(["ascp", "-k3"]) == "3"
    assert resume_level(["ascp", "-P", "33001", "a", "b"]) is None
    assert with_resume(["ascp", "a", "b"]) == ("ascp", "-k", "1", "a", "b")
    assert redact_argv(["ascp", "-Wabc", "x"]) == ["ascp", "-W[redacted]", "x"]
    assert [backoff_s(n, 30, 900) for n in (1, 2, 3, 6)] == [30, 60, 120, 900]


def test_state_file_version_check() -> None:
    with pytest.raises(ValueError, match="not JSON"):
        read_state("{")
    with pytest.raises(ValueError, match="not an aspdiag run state"):
        read_state('{"format": "other"}')
    with pytest.raises(ValueError, match="version 99"):
        read_state('{"format": "aspdiag-run-state", "version": 99, "tool_version": "9.0"}')


def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        ["run"],
        ["run", "--", "rsync", "a", "b"],
        ["run", "--retries", "-1", "--", "ascp", "a", "b"],
        ["run", "--stall-after", "0", "--", "ascp", "a", "b"],
        ["run", "--state-file", str(tmp_path / "no" / "s.json"), "--", "ascp", "a", "b"],
        ["run", "--any-command", "--reports-dir", str(tmp_path), "--", str(tmp_path / "nothing-here")],
        ["status", str(tmp_path / "missing.json")],
        ["status", "--reports-dir", str(tmp_path / "empty")],
    ]
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": "aspdiag-run-state", "version": 0, "tool_version": "0.1"}))
    cases += [["status", str(bad)], ["status", str(old)]]
    existing = tmp_path / "taken.json"
    existing.write_text("mine")
    cases.append(["run", "--state-file", str(existing), "--", "ascp", "a", "b"])
    for argv in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("aspdiag: error:"), (argv, err)
        assert "Traceback" not in err[0]
    assert existing.read_text() == "mine"


def test_cli_any_command_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "done.env"
    code = main(
        [
            "run",
            "--any-command",
            "-q",
            "--on-done",
            f"env | grep ^ASPDIAG_ > {marker}",
            "--",
            "sh",
            "-c",
            "echo working; exit 0",
        ]
    )
    assert code == 0
    env = dict(line.split("=", 1) for line in marker.read_text().splitlines())
    assert env["ASPDIAG_OUTCOME"] == "succeeded" and env["ASPDIAG_ATTEMPTS"] == "1"
    capsys.readouterr()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "status: succeeded" in out
    state = next((tmp_path / "reports").glob("run-*.state.json"))
    assert json.loads(state.read_text())["command"] == ["sh", "-c", "echo working; exit 0"]


def test_status_says_when_the_supervisor_is_gone() -> None:
    import subprocess

    from aspdiag.cli.run import describe_state

    dead = subprocess.Popen(["true"])
    dead.wait()
    text, healthy = describe_state(
        {"status": "running", "supervisor_pid": dead.pid, "updated_utc": "2026-11-21T00:00:00Z", "attempts": []}
    )
    assert not healthy and f"(pid {dead.pid}) is gone" in text
    import os

    text, healthy = describe_state(
        {"status": "running", "supervisor_pid": os.getpid(), "updated_utc": "2026-11-21T00:00:00Z"},
        now_utc=1795305610.0,
    )
    assert healthy and "last update" in text


def test_a_stopped_non_ascp_command_is_not_promised_a_resume_option() -> None:
    from aspdiag.tools.supervise.supervisor import stopped_diagnosis

    assert "-k 1, which aspdiag adds" in stopped_diagnosis(signal.SIGINT)["next_step"]
    assert "adds no resume option" in stopped_diagnosis(signal.SIGINT, ascp=False)["next_step"]
