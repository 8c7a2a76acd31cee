"""Running ascp safely (caps, bounded output, process groups), finding it, and rejecting bad transfer input.
Everything here runs locally: no packet leaves the machine."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from aspdiag.adapters.commands import SubprocessRunner
from aspdiag.adapters.process import KEEP_BYTES, CappedRunner
from aspdiag.cli import main
from aspdiag.core.errors import ToolFailedError, ToolNotFoundError
from aspdiag.fasp.find import candidates, discover, version_warnings
from aspdiag.fasp.parse import AscpVersion
from aspdiag.measurements.transfer.run import Direction, TransferRequest, build_argv

DOUBLE = Path(__file__).resolve().parents[1] / "ascp_double" / "ascp"
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def test_megabytes_of_binary_output_are_bounded():
    code = "import sys; sys.stdout.buffer.write(bytes(range(256)) * 40000); sys.stdout.flush()"
    result = CappedRunner().run([sys.executable, "-c", code], env=ENV, timeout_s=30)
    assert result.returncode == 0 and result.truncated
    assert len(result.stdout.encode("utf-8", "replace")) < 5 * KEEP_BYTES


def test_hang_is_stopped_with_its_whole_process_group(tmp_path):
    marker = tmp_path / "child.pid"
    code = (
        "import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']);"
        f" open({str(marker)!r}, 'w').write(str(p.pid)); time.sleep(60)"
    )
    started = time.monotonic()
    result = CappedRunner().run([sys.executable, "-c", code], env=ENV, timeout_s=1.5)
    assert result.timed_out and result.returncode is None
    assert time.monotonic() - started < 10
    child = int(marker.read_text())
    time.sleep(0.2)
    status = Path(f"/proc/{child}/status")
    # The grandchild went with the group: gone, or a zombie waiting for init to reap it.
    assert not status.exists() or "State:\tZ" in status.read_text()


def test_killed_by_a_signal():
    result = CappedRunner().run(
        [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"], env=ENV, timeout_s=10
    )
    assert result.returncode == -9 and not result.timed_out


def test_not_executable_and_missing(tmp_path):
    script = tmp_path / "ascp"
    script.write_text("#!/bin/sh\necho hi\n")
    with pytest.raises(ToolFailedError):
        CappedRunner().run([str(script)], env=ENV, timeout_s=5)
    with pytest.raises(ToolNotFoundError):
        CappedRunner().run([str(tmp_path / "nope")], env=ENV, timeout_s=5)


def test_lines_are_reported_as_they_come():
    seen: list[tuple[str, str]] = []
    CappedRunner().run(
        [sys.executable, "-c", "import sys; print('a\\rb'); print('oops', file=sys.stderr)"],
        env=ENV,
        timeout_s=10,
        on_line=lambda stream, line: seen.append((stream, line)),
    )
    assert ("stdout", "a") in seen and ("stdout", "b") in seen and ("stderr", "oops") in seen


def test_candidates_cover_the_known_locations():
    paths = [c.path for c in candidates("/home/u", {"PATH": "/x/bin", "CONDA_PREFIX": "/c"}, "linux", "/my/ascp")]
    assert paths[0] == "/my/ascp" and "/x/bin/ascp" in paths and "/x/bin/ascp4" in paths
    for expected in (
        "/home/u/.aspera/connect/bin/ascp",
        "/home/u/.aspera/sdk/ascp",
        "/opt/aspera/bin/ascp",
        "/c/opt/aspera/connect/bin/ascp",
    ):
        assert expected in paths
    mac = [c.path for c in candidates("/Users/u", {}, "darwin")]
    assert "/Applications/Aspera Connect.app/Contents/Resources/ascp" in mac


def test_version_warnings():
    assert any("ECDSA" in w for w in version_warnings(AscpVersion(ascp_version="3.9.1.168302")))
    assert any(
        "DSA key" in w
        for w in version_warnings(
            AscpVersion(product="IBM Aspera Connect", product_version="4.2.13", ascp_version="4.4.3.820")
        )
    )
    assert (
        version_warnings(AscpVersion(product="IBM Aspera SDK", product_version="1.1.1", ascp_version="4.4.2.572")) == []
    )


def test_discover_reads_the_double_and_survives_a_hanging_version(monkeypatch, tmp_path):
    found = discover(SubprocessRunner(), home=str(tmp_path), env={"PATH": ""}, explicit=str(DOUBLE))
    assert found[0].path == str(DOUBLE) and found[0].version is not None
    assert found[0].version.ascp_version == "4.4.3.820"
    monkeypatch.setenv("ASCP_DOUBLE_HANG_VERSION", "1")
    started = time.monotonic()
    hung = discover(SubprocessRunner(), home=str(tmp_path), env={"PATH": ""}, explicit=str(DOUBLE))
    assert "did not finish" in hung[0].version_error and time.monotonic() - started < 15


def test_ascp_command_lists_the_double(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable))  # the double's interpreter, and no real ascp
    assert main(["ascp", "--ascp", str(DOUBLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ascp installations (1 found; the first is used)")
    assert f"Path              {DOUBLE}" in out and "Used              yes" in out
    assert "4.4.3.820" in out and "DSA key" in out


def test_argv_never_carries_a_secret():
    request = TransferRequest(
        ascp="/opt/aspera/bin/ascp",
        host="fasp.example.org",
        user="era-fasp",
        direction=Direction.DOWNLOAD,
        remote_path="/vol1/x.fastq.gz",
        ssh_port=33001,
        udp_port=33001,
        rate_mbps=10,
        time_limit_s=20,
        max_bytes=1024,
        key_file="/k/id",
    )
    argv = build_argv(request, "/tmp/d", "/tmp/l", "name")
    assert argv[:8] == ["/opt/aspera/bin/ascp", "-P", "33001", "-O", "33001", "-l", "10m", "-L"]
    assert "-@" in argv and "0:1024" in argv and "--user=era-fasp" in argv and "-i" in argv
    assert not any("PASS" in a or "TOKEN" in a for a in argv)


@pytest.fixture
def no_probe(monkeypatch):
    import aspdiag.cli.check as cli

    monkeypatch.setattr(cli, "run_check", lambda *a, **k: pytest.fail("no probe on bad input"))


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--remote-file", "/data/x;rm -rf ~"], "shell metacharacters"),
        (["--remote-file", "-oProxyCommand=x"], "starts with '-'"),
        (["--remote-file", "/x", "--user", "-oProxyCommand=x"], "not a valid user name"),
        (["--remote-file", "/x", "--rate", "500"], "--max-rate"),
        (["--remote-file", "/x", "--time-limit", "0"], "--time-limit"),
        (["--remote-file", "/x", "--max-bytes", "lots"], "not a size"),
        (["--upload"], "--to-folder"),
        (["--remote-file", "/x", "--upload", "--to-folder", "/in"], "either"),
        (["--transfer"], "either"),
        (["--remote-file", "/x", "--key", "/nonexistent/key"], "is not a file"),
    ],
)
def test_bad_transfer_input_is_exit_2(extra, needle, capsys, no_probe, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["check", "198.18.3.2", "--user", "u", "--ascp", str(DOUBLE), *extra])
    err = capsys.readouterr().err.strip()
    assert code == 2 and needle in err and len(err.splitlines()) == 1


def test_ascp_not_executable_is_exit_2(tmp_path, capsys, no_probe):
    fake = tmp_path / "ascp"
    fake.write_text("not a program")
    fake.chmod(stat.S_IRUSR)
    assert main(["check", "198.18.3.2", "--transfer", "--remote-file", "/x", "--user", "u", "--ascp", str(fake)]) == 2
    assert "not an executable" in capsys.readouterr().err


def test_unwritable_temp_dir_is_a_clear_error(monkeypatch):
    import tempfile

    from aspdiag.measurements.transfer.run import TransferOutcome, run_transfer

    monkeypatch.setattr(tempfile, "tempdir", "/proc/aspdiag-cannot-write-here")
    request = TransferRequest(
        ascp=str(DOUBLE),
        host="198.18.3.2",
        user="u",
        direction=Direction.DOWNLOAD,
        remote_path="/x",
        ssh_port=33001,
        udp_port=33001,
        rate_mbps=10,
        time_limit_s=5,
        max_bytes=1024,
    )
    result = run_transfer(request, CappedRunner(), ENV)
    assert result.outcome is TransferOutcome.ERROR and "temporary directory" in result.error_message


def test_log_statistics_give_rtt_and_loss():
    from aspdiag.fasp.parse import parse_log

    line = (
        "2020-08-21 19:48:44.622 [112c-00001cf0] LOG FASP Session Statistics [Sender] "
        "id=029c1333-c732-4636-83c1-e1acec2864cb delay=64ms rex_delay=72ms solicited_rex=0.01%"
    )
    sessions = parse_log([line])
    assert sessions[0].statistics["delay"] == "64ms"


def test_preset_key_warning(monkeypatch):

    from aspdiag.core.config import validate_host
    from aspdiag.core.model import CheckSettings, Environment, Severity
    from aspdiag.fasp.find import AscpInstallation
    from tests.reports import make_report, revise
    from tests.unit.test_render import sample_report as _fixture  # noqa: F401

    report = make_report(
        "0.1.0",
        validate_host("fasp.sra.ebi.ac.uk"),
        CheckSettings((33001,), (33001,), 3, 5, preset="ena", preset_key_files=("aspera_bypass_rsa.pem",)),
        Environment("h", "Linux", "3.11", 0, True),
        "2026-11-21T10:00:00.000Z",
        "2026-11-21T10:00:01.000Z",
        ascp=(AscpInstallation("/opt/aspera/bin/ascp", "PATH"),),
    )
    titles = [f.title for f in report.assessment.findings if f.severity is Severity.WARNING]
    assert any("No public-download key file" in t for t in titles)
    with_key = revise(report, ascp=(AscpInstallation("/x/ascp", "PATH", key_files=("/x/aspera_bypass_rsa.pem",)),))
    assert not any("key file" in f.title for f in with_key.assessment.findings)
