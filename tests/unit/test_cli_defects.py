"""The defects issue #16 lists, each with a test that would have caught it: a hint naming an option the command
rejects; catalog's exit 0 over unfinished transfers; run not finding the ascp 'aspdiag ascp' finds; "unknown
cause" after the user's own Ctrl-C; watch's ETA through a stall and its silent --max-time; Python exception
names in error messages."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspdiag.cli import main
from aspdiag.cli import root as cli
from aspdiag.cli.watch import eta_text
from aspdiag.core.exit_codes import ExitCode
from aspdiag.tools.watch import Tracker
from tests.conftest import REPO
from tests.unit.test_supervise import LOST, progress, supervise

# --------------------------------------------------------------------------- hints name accepted options


def _options_in_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> set[str]:
    assert main([*command, "--help"]) == 0
    return set(re.findall(r"--[a-z][a-z-]+", capsys.readouterr().out))


@pytest.mark.parametrize(
    "command",
    [
        ["catalog", "{tree}", "--reports-dir", "{bad}"],
        ["check", "198.18.3.2", "--reports-dir", "{bad}"],
        ["explain", "{log}", "--report", "--reports-dir", "{bad}"],
        ["run", "--any-command", "--reports-dir", "{bad}", "--", "true"],
    ],
    ids=lambda c: c[0],
)
def test_a_hint_names_only_options_the_command_accepts(command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree").mkdir()
    (tmp_path / "file").write_text("not a directory")
    log = REPO / "tests" / "data" / "explain" / "auth-19.txt"
    args = [a.format(tree=tmp_path / "tree", bad=tmp_path / "file" / "sub", log=log) for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    hint = err.split("(hint:", 1)[1]
    named = set(re.findall(r"--[a-z][a-z-]+", hint))
    assert named, err
    assert named <= _options_in_help([c for c in command if not c.startswith(("{", "-")) or c == "--"][:1], capsys)


# --------------------------------------------------------------------------- catalog: unfinished transfers


def _tree_with_partial(root: Path) -> Path:
    root.mkdir()
    (root / "done.bin").write_bytes(b"d" * 100)
    (root / "big.bin.partial").write_bytes(b"p" * 50)  # ascp is still writing big.bin
    return root


def test_catalog_exits_6_while_ascp_transfers_are_unfinished(tmp_path, capsys):
    tree = _tree_with_partial(tmp_path / "tree")
    assert main(["catalog", str(tree), "--reports-dir", str(tmp_path / "r")]) == int(ExitCode.INCOMPLETE) == 6
    err = capsys.readouterr().err
    assert "unfinished ascp transfer" in err and "big.bin.partial" in err
    catalogue = next((tmp_path / "r").glob("*.json"))
    assert main(["catalog", str(tree), "--verify", str(catalogue)]) == 6  # identical, but still not finished
    (tree / "big.bin.partial").rename(tree / "big.bin")
    capsys.readouterr()
    assert main(["catalog", str(tree), "--no-reports"]) == 0


def test_catalog_json_lists_the_partial_files(tmp_path, capsys):
    tree = _tree_with_partial(tmp_path / "tree")
    assert main(["catalog", str(tree), "--no-reports", "--format", "json"]) == 6
    data = json.loads(capsys.readouterr().out)
    assert [p["path"] for p in data["partial"]] == ["big.bin.partial"]


# --------------------------------------------------------------------------- run finds ascp as 'aspdiag ascp' does

FAKE_ASCP = """#!/bin/sh
if [ "$1" = "-A" ]; then
  echo "IBM Aspera Connect version 4.2.13.820"
  echo "ascp version 4.4.3.820 529a938b9"
  exit 0
fi
echo "fake ascp ran: $*" > "$HOME/ran.txt"
exit 0
"""


def _aspdiag(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "PYTHONPATH": str(REPO),
        "HOME": str(home),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "aspdiag", *args], cwd=home, env=env, capture_output=True, text=True, timeout=60
    )


def test_run_finds_the_connect_ascp_that_aspdiag_ascp_lists(tmp_path):
    connect = tmp_path / ".aspera" / "connect" / "bin"
    connect.mkdir(parents=True)
    (connect / "ascp").write_text(FAKE_ASCP)
    (connect / "ascp").chmod(0o755)
    listed = _aspdiag(tmp_path, "ascp", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    first = json.loads(listed.stdout)["installations"][0]
    assert first["path"] == str(connect / "ascp") and first["used"]
    ran = _aspdiag(tmp_path, "run", "-q", "--state-file", "s.json", "--", "ascp", "-P", "33001", "u@h:/x", ".")
    assert ran.returncode == 0, ran.stderr
    assert f"using {connect / 'ascp'}" in ran.stderr
    assert (tmp_path / "ran.txt").read_text().startswith("fake ascp ran: -P 33001")


def test_run_says_where_it_looked_when_there_is_no_ascp(tmp_path):
    done = _aspdiag(tmp_path, "run", "--", "ascp", "u@h:/x", ".")
    assert done.returncode == 2
    assert "known install locations" in done.stderr and "aspdiag ascp" in done.stderr


# --------------------------------------------------------------------------- run after the user's own Ctrl-C


def test_after_ctrl_c_the_diagnosis_says_the_user_stopped_it():
    sup, *_ = supervise([(LOST[:1], 30.0, 0)], stop_at=(1.2, signal.SIGINT))
    assert sup.run() == "interrupted"
    diagnosis = sup.diagnosis or {}
    assert "Ctrl-C" in diagnosis["cause"] and diagnosis["who"] == "you"
    assert "support" not in json.dumps(diagnosis) and "unknown" not in diagnosis["cause"]


def test_a_real_ctrl_c_ends_with_the_user_named_and_exit_130(tmp_path):
    script = tmp_path / "ascp"
    script.write_text(f"#!/bin/sh\necho '{progress('big.bin', 10, 1)}'\nexec sleep 30\n")
    script.chmod(0o755)
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "PYTHONPATH": str(REPO), "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "aspdiag", "run", "--state-file", "s.json", "--format", "json", "--", str(script)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        state = tmp_path / "s.json"
        if state.exists() and state.read_text().strip() and json.loads(state.read_text())["status"] == "running":
            break
        time.sleep(0.1)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=40)
    assert proc.returncode == 130, err
    data = json.loads(out)
    assert data["status"] == "interrupted" and data["diagnosis"]["who"] == "you"
    assert "Ctrl-C" in err and "support" not in err


# --------------------------------------------------------------------------- watch: ETA through a stall, --max-time


def test_eta_is_unknown_through_a_stall():
    t = Tracker(expected_bytes=10_000_000, stall_after_s=300)
    for second in range(0, 11):
        t.add(float(second), second * 125_000)
    growing = t.eta_s
    assert growing is not None and "ETA 1 min" in eta_text(growing, t.stalled_for_s)
    for second in range(11, 26):  # 15 s without growth: the minute's average rate is still high
        t.add(float(second), 1_250_000)
    assert t.rate_mbps > 0
    assert t.eta_s is None
    assert eta_text(t.eta_s, t.stalled_for_s) == "ETA unknown (stalled 15 s)"


def test_watch_says_why_it_stopped_at_max_time(tmp_path, capsys):
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "part").write_bytes(b"x" * 10)
    args = ["watch", str(tmp_path / "dl"), "--expected", "1MB", "--interval", "0.05", "--max-time", "0.3"]
    assert main([*args, "--format", "json"]) == int(ExitCode.INCOMPLETE) == 6
    captured = capsys.readouterr()
    assert "--max-time 0.3 s passed before the expected size arrived" in captured.err
    last = json.loads(captured.out.splitlines()[-1])
    assert last["kind"] == "watch-event" and last["outcome"] == "timeout" and last["exit_code"] == 6
    assert main([*args, "--quiet"]) == 6
    assert "watch ended: --max-time" in capsys.readouterr().err  # why it gave up is never silenced


# --------------------------------------------------------------------------- no exception class names


@pytest.mark.parametrize(
    ("exc", "needle"),
    [(ValueError("boom"), "aspdiag failed unexpectedly: boom"), (PermissionError(13, "Permission denied", "/x"), "")],
)
def test_internal_errors_name_no_exception_class(exc, needle, monkeypatch, capsys):
    def explode(**_kwargs):
        raise exc

    monkeypatch.setattr(cli, "app", explode)
    assert main(["presets"]) == 3
    err = capsys.readouterr().err
    assert type(exc).__name__ not in err and "Traceback" not in err
    assert needle in err and err.startswith("aspdiag: error: ")


def test_bad_files_are_described_without_exception_names(tmp_path, capsys):
    catalogue = tmp_path / "c.json"
    catalogue.write_text(json.dumps({"format": "aspdiag-catalog", "version": 1, "root": "/x"}))
    (tmp_path / "tree").mkdir()
    assert main(["catalog", str(tmp_path / "tree"), "--verify", str(catalogue)]) == 2
    err = capsys.readouterr().err
    assert "'created_utc'" in err or "'entries'" in err  # what is missing, in words
    for name in ("KeyError", "TypeError", "ValueError", "AttributeError"):
        assert name not in err


# --------------------------------------------------------------------------- a held-out review's findings


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "127.0.0.1", "--udp-port", "-5"], "--udp-port '-5' is not a port number"),
        (["check", "127.0.0.1", "--format", "xml"], "'xml' is not one of 'terminal'"),
        (["catalog", "{tree}", "--verify", "{nonutf8}"], "is not a catalogue (not UTF-8 text)"),
        (["status", "{missing}"], "state file that 'aspdiag run' wrote"),
        (["exporter", "--config", "{missing}"], "contrib/exporter.toml"),
        (["presets", "--presets", "{missing}"], "see 'aspdiag presets'"),
        # A --presets file given to check is read even when HOST is an address (it was ignored, exit 0).
        (["check", "127.0.0.1", "--quick", "--presets", "{missing}"], "cannot read preset file"),
        (["check", "x.invalid", "--quick", "--presets", "{badtoml}"], "is not valid TOML"),
    ],
)
def test_bad_input_is_one_plain_line_with_the_right_hint(args, needle, tmp_path, capsys):
    (tmp_path / "tree").mkdir()
    (tmp_path / "nonutf8.json").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "bad.toml").write_text("x = [\n")
    where = {"tree": "tree", "nonutf8": "nonutf8.json", "missing": "missing.toml", "badtoml": "bad.toml"}
    args = [a.format(**{k: str(tmp_path / v) for k, v in where.items()}) for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err, err
    assert "Value error" not in err and "codec can't decode" not in err
    assert "'aspdiag check --help'" not in err or args[0] == "check", err


def test_no_color_reaches_the_progress_displays(tmp_path, monkeypatch):
    """--no-color (or NO_COLOR) also plain for explain's and catalog's progress on stderr (they stayed coloured)."""
    from aspdiag.cli.catalog import _count_progress
    from aspdiag.cli.explain import _bytes_progress
    from aspdiag.tools.catalog import ScanProgress

    reader = _bytes_progress([], no_color=True)
    with reader:
        assert reader.progress.console.no_color
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    counter = _count_progress(ScanProgress(), "sha256", quiet=False, no_color=True)
    with counter:
        assert counter.live is not None and counter.live.console.no_color


def test_watch_quiet_still_ends_with_why(tmp_path, capsys):
    """--quiet drops the progress lines, never the last line saying why the watch ended (it dropped that line
    and kept the 'done' alert when the expected size arrived)."""
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "part").write_bytes(b"x" * 2000)
    args = ["watch", str(tmp_path / "dl"), "--expected", "1kB", "--interval", "0.05", "--max-time", "5", "--quiet"]
    assert main(args) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err and err[-1].startswith("aspdiag: watch ended:"), err


@pytest.mark.parametrize("columns", ["80", "100", "160"])
def test_help_never_cuts_an_option_name(columns, tmp_path):
    """At 80 columns typer's rich table cut '--responder-key-file' to '--responder-key-…'."""
    for command in (["check"], ["transfer"], ["run"], ["exporter"], ["report", "render"]):
        done = subprocess.run(
            [sys.executable, "-m", "aspdiag", *command, "--help"],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "COLUMNS": columns, "HOME": str(tmp_path)},
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "…" not in done.stdout, done.stdout
        if command == ["check"]:
            assert "--responder-key-file" in done.stdout and "--bandwidth-budget" in done.stdout


def test_a_program_that_prints_no_ascp_version_is_no_working_ascp(capsys):
    """A review: 'aspdiag ascp --ascp /bin/true' listed it as the ascp used, exit 0."""
    from aspdiag.cli import main

    assert main(["ascp", "--ascp", "/bin/true"]) == 1
    out = capsys.readouterr().out
    assert "printed no version" in out
    assert "None" not in out  # a second review: 'FIPS / AES-NI  None / None'


def test_an_aspdiag_ascp_path_that_is_not_there_is_named(capsys, monkeypatch):
    from aspdiag.cli import main

    monkeypatch.setenv("ASPDIAG_ASCP", "/nonexistent/ascp")
    main(["ascp"])
    assert "ASPDIAG_ASCP='/nonexistent/ascp' is not an executable ascp" in capsys.readouterr().err


def test_a_second_sigterm_while_the_run_ends_is_ignored():
    """timeout(1) and systemd send SIGTERM to the process and then to its group: the first ends the run (its
    report is still written), the second must not interrupt the writing (a review: nothing written, exit 130)."""
    import signal

    from aspdiag.cli import root
    from aspdiag.core.errors import Terminated

    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(Terminated):
            root._terminate(signal.SIGTERM, None)
        assert signal.getsignal(signal.SIGTERM) is root._ending
        root._ending(signal.SIGTERM, None)  # does not raise
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated_while_starting(monkeypatch, capsys, argv):
    """``aspdiag check`` whose run is ended by SIGTERM before the engine handles anything (still starting)."""
    import signal

    from aspdiag.cli import check, root

    def starting(*_a: object, **_k: object) -> None:
        root._terminate(signal.SIGTERM, None)

    monkeypatch.setattr(check, "run_check", starting)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        code = root.main(argv)
        return code, capsys.readouterr().err, signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_sigterm_while_the_command_starts_is_sigterm_not_ctrl_c(monkeypatch, capsys):
    """A loaded CI machine: SIGTERM 2.5 s in landed before the engine ran, click made it an abort and the tool said
    'interrupted (Ctrl-C)', exit 130."""
    code, err, _handler = _terminated_while_starting(monkeypatch, capsys, ["check", "198.18.0.1", "--no-reports"])
    assert code == 143 and "terminated (SIGTERM)" in err and "Ctrl-C" not in err, (code, err)


def test_the_process_keeps_ignoring_sigterm_after_the_first(monkeypatch, capsys):
    """The process (no argv given: sys.argv) ending on a SIGTERM must not restore the default handler on its way
    out: the group's second SIGTERM then killed it (status -15 instead of 143)."""
    from aspdiag.cli import root

    monkeypatch.setattr(sys, "argv", ["aspdiag", "check", "198.18.0.1", "--no-reports"])
    code, _err, handler = _terminated_while_starting(monkeypatch, capsys, None)
    assert code == 143 and handler is root._ending
    # A caller in the same process (argv given) gets its own handler back.
    code, _err, handler = _terminated_while_starting(monkeypatch, capsys, ["check", "198.18.0.1", "--no-reports"])
    assert code == 143 and handler is not root._ending


def test_run_quiet_says_nothing_when_all_went_well(tmp_path):
    """A CLI review: 'run -q -f json' still wrote the state file's name, the attempt's end, the outcome and the
    state path on stderr. -q leaves only what went wrong."""
    ok = _aspdiag(tmp_path, "run", "-q", "-f", "json", "--any-command", "--state-file", "s.json", "--", "true")
    assert ok.returncode == 0 and ok.stderr == "", ok.stderr
    json.loads(ok.stdout)
    failed = _aspdiag(
        tmp_path, "run", "-q", "-f", "json", "--any-command", "--retries", "0", "--state-file", "f.json", "--", "false"
    )
    assert failed.returncode != 0 and "failed" in failed.stderr


def test_an_out_of_range_integer_is_echoed_as_given(capsys):
    """A CLI review: '--retries 99999999999' was echoed as '1e+11'."""
    assert main(["run", "--retries", "99999999999", "--any-command", "--", "true"]) == 2
    assert "--retries 99999999999 is out of range" in capsys.readouterr().err
