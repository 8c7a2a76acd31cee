"""Bad input through the real entry point: exit 2, exactly one line on stderr, no traceback, no probe sent."""

import os
import threading

import pytest

from aspdiag import __version__
from aspdiag.cli import main
from aspdiag.cli import root as cli

BAD_ARGS = [
    ["check", ""],
    ["check", "fasp example.org"],
    ["check", "a;b"],
    ["check", "$(id)"],
    ["check", "--", "-fasp.example.org"],
    ["check", "a" * 254],
    ["check", "a" * 64 + ".example"],
    ["check", "xn--a.example"],
    ["check", "☃.example"],
    ["check", "x.example", "--ssh-port", "0"],
    ["check", "x.example", "--ssh-port", "65536"],
    ["check", "x.example", "--udp-port", "abc"],
    ["check", "x.example", "--bogus"],
    ["check", "x.example", "--responder-port", "abc"],
    ["check", "x.example", "--responder-seconds", "0"],
    ["check", "x.example", "--responder", "--responder-key-file", "/nonexistent/key"],
    ["check", "-x"],
    ["check"],
    ["check", "x.example", "--format", "xml"],
    ["check", "x.example", "--timeout", "0"],
    ["check", "x.example", "--timeout", "abc"],
    ["check", "x.example", "--dns-server", "dns.example"],
    ["nosuchcommand"],
    ["check", "x.example", "--ssh-port", "\u00b2"],
    ["check", "x.example", "--ssh-port", "\u0663"],
    ["check", "::1%$(id)"],
    ["check", "::1% x"],
    ["check", "[fe80::1%;rm]"],
    ["check", "x.example", "--timeout", "nan"],
    ["check", "x.example", "--timeout", "inf"],
    ["check", "x.example", "--timeout", "-1"],
    ["check", "x.example", "--dns-server", "127.0.0.1:\u00b2"],
    ["check", "x.example", "--dns-server", "[::1]:99999"],
]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Bad input must be rejected before any probe runs: make probing explode if reached."""
    import aspdiag.cli.check as cli

    def forbidden(*_a, **_k):
        raise AssertionError("probes must not run on bad input")

    monkeypatch.setattr(cli, "run_check", forbidden)


@pytest.mark.parametrize("args", BAD_ARGS, ids=lambda a: " ".join(a)[:40])
def test_bad_input_one_line_exit_2(args, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(args)
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("aspdiag: error: ")
    assert "hint:" in lines[0]
    assert "Traceback" not in captured.err + captured.out
    assert not os.listdir(tmp_path), "nothing may be written on bad input"


def test_debug_shows_traceback(capsys):
    assert main(["check", "a;b", "--debug"]) == 2
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make_path", "needle"),
    [
        (lambda d: d, "is a directory"),
        (lambda d: d / "missing" / "r.json", "does not exist"),
        (lambda d: d / "plainfile" / "r.json", "is not a directory"),
        (lambda d: d / "exists.json", "already exists"),
    ],
)
def test_unwritable_output(make_path, needle, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plainfile").write_text("keep me")
    (tmp_path / "exists.json").write_text("keep me too")
    code = main(["check", "198.18.3.2", "--output", str(make_path(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2, err
    assert needle in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "exists.json").read_text() == "keep me too"


def test_unwritable_output_in_proc(capsys):
    assert main(["check", "198.18.3.2", "--output", "/proc/aspdiag-report.json"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_unwritable_reports_dir(tmp_path, capsys):
    (tmp_path / "f").write_text("")
    assert main(["check", "198.18.3.2", "--reports-dir", str(tmp_path / "f" / "sub")]) == 2
    assert "reports directory" in capsys.readouterr().err


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"aspdiag {__version__}"
    assert main(["check", "-h"]) == 0
    out = capsys.readouterr().out
    for option in ("--ssh-port", "--udp-port", "--format", "--output", "--quiet", "--no-color", "--debug"):
        assert option in out


def test_bad_output_creates_no_reports_dir(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exists.json").write_text("x")
    assert main(["check", "198.18.3.2", "--output", "exists.json"]) == 2
    assert not (tmp_path / "reports").exists()


def test_symlink_and_special_file_outputs_are_refused(tmp_path, capsys):
    target = tmp_path / "real.json"
    target.write_text("precious")
    (tmp_path / "link.json").symlink_to(target)
    assert main(["check", "198.18.3.2", "--output", str(tmp_path / "link.json"), "--force"]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert main(["check", "198.18.3.2", "--output", "/dev/null", "--force"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert target.read_text() == "precious"


@pytest.mark.parametrize(
    ("command", "needle"),
    [
        (["check"], "reports/<host>-<UTC time>.html"),
        (["explain"], "explain-<UTC time>.{html,md,json}"),
        (["catalog"], "catalog-<dir>-<UTC time>.{tsv,json,md}"),
    ],
)
def test_help_keeps_placeholders_and_reflows_paragraphs(command: list[str], needle: str) -> None:
    """Help is rendered as Markdown (paragraphs reflow); <placeholders> must not vanish as HTML tags."""
    import subprocess
    import sys

    env = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "aspdiag", *command, "--help"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert needle in out


def _app_with_failing_thread(**kwargs):
    def fail():
        raise BrokenPipeError(32, "Broken pipe")

    thread = threading.Thread(target=fail, name="scapy sender")
    thread.start()
    thread.join()
    return 0


def test_library_thread_exception_prints_no_traceback(monkeypatch, capsys):
    # scapy's sender thread can hit a closed pipe when Ctrl-C stops its sniffer (seen once in CI).
    seen: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type.__name__))
    monkeypatch.setattr(cli, "app", _app_with_failing_thread)
    hook = threading.excepthook
    assert main(["check", "198.18.3.2"]) == 0
    assert seen == []  # the default hook (which prints the traceback) was not called
    assert "Traceback" not in capsys.readouterr().err
    assert threading.excepthook is hook  # restored after the run


def test_library_thread_exception_reaches_default_hook_with_debug(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type.__name__))
    monkeypatch.setattr(cli, "app", _app_with_failing_thread)
    assert main(["check", "198.18.3.2", "--debug"]) == 0
    assert seen == ["BrokenPipeError"]
