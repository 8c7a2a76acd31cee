"""aspdiag watch: the incremental sampler agrees with a full walk, the tracker's rate/ETA/stall, the CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aspdiag.cli import main
from aspdiag.tools.watch import DirSampler, Sample, Tracker, run_watch


def _truth(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def _bump_dir_mtime(path: Path) -> None:
    # Directory mtimes have coarse granularity on some file systems; make every change visible.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_incremental_samples_agree_with_a_full_walk(tmp_path: Path) -> None:
    root = tmp_path / "dl"
    (root / "a" / "b").mkdir(parents=True)
    for i in range(50):
        (root / "a" / f"f{i}").write_bytes(b"x" * i)
    sampler = DirSampler(str(root), full_every=1000)
    first = sampler.sample(0.0)
    assert (first.total_bytes, first.files) == _truth(root)

    def grow() -> None:  # a hot file grows
        with (root / "a" / "f3").open("ab") as fh:
            fh.write(b"grow" * 100)

    def add() -> None:  # a new file in a subdirectory
        (root / "a" / "b" / "new.partial").write_bytes(b"p" * 500)

    def rename() -> None:  # ascp renames the partial file at the end
        (root / "a" / "b" / "new.partial").rename(root / "a" / "b" / "new")

    def delete() -> None:
        (root / "a" / "f10").unlink()

    def remove_tree() -> None:
        for p in (root / "a" / "b").iterdir():
            p.unlink()
        (root / "a" / "b").rmdir()

    def new_dir() -> None:
        (root / "c").mkdir()
        (root / "c" / "late").write_bytes(b"z" * 7)

    steps = [grow, add, rename, delete, remove_tree, new_dir]
    for n, step in enumerate(steps, start=1):
        step()
        for d in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
            _bump_dir_mtime(d)
        s = sampler.sample(float(n))
        assert (s.total_bytes, s.files) == _truth(root), f"after step {n}"
        assert not s.full


def test_incremental_samples_stat_only_what_changes(tmp_path: Path) -> None:
    root = tmp_path / "dl"
    for d in range(20):
        (root / f"d{d}").mkdir(parents=True)
        for i in range(100):
            (root / f"d{d}" / f"f{i}").write_bytes(b"x")
    growing = root / "d7" / "f5"
    sampler = DirSampler(str(root), full_every=1000)
    first = sampler.sample(0.0)
    assert first.files == 2000
    for n in range(1, 6):
        with growing.open("ab") as fh:
            fh.write(b"y" * 1000)
        s = sampler.sample(float(n))
        assert s.total_bytes == 2000 + 1000 * n
    # Once the initial files have cooled, a sample costs the directories plus the one growing file.
    assert s.stat_calls <= 21 + 1
    assert first.stat_calls >= 2000


def test_a_cold_file_that_grows_again_is_caught_by_the_next_full_sample(tmp_path: Path) -> None:
    root = tmp_path / "dl"
    root.mkdir()
    f = root / "resumed.bin"
    f.write_bytes(b"a" * 10)
    sampler = DirSampler(str(root), full_every=10)
    for n in range(6):
        sampler.sample(float(n))  # the file cools down
    with f.open("ab") as fh:
        fh.write(b"b" * 90)
    sizes = [sampler.sample(float(n)).total_bytes for n in range(6, 11)]
    assert sizes[-1] == 100  # sample 10 is a full one


def test_tracker_rate_eta_and_one_alert_per_stall() -> None:
    t = Tracker(expected_bytes=10_000_000, stall_after_s=30)
    for second in range(0, 11):
        t.add(float(second), second * 125_000)  # 1 Mbit/s
    assert t.rate_mbps == pytest.approx(1.0)
    assert t.eta_s == pytest.approx((10_000_000 - 1_250_000) * 8 / 1e6)
    assert not t.stall_event()
    for second in range(11, 45):
        t.add(float(second), 1_250_000)
    assert t.stalled_for_s == pytest.approx(34)
    assert t.stall_event()
    assert not t.stall_event()  # once per stall
    t.add(45.0, 1_300_000)
    for second in range(46, 80):
        t.add(float(second), 1_300_000)
    assert t.stall_event()  # re-armed by growth
    t.add(81.0, 10_000_000)
    assert t.done and t.eta_s == 0.0 and not t.stall_event()


def test_run_watch_with_a_fake_clock() -> None:
    class Fake:
        def __init__(self, sizes: list[int]) -> None:
            self.sizes = sizes

        def sample(self, now: float) -> Sample:
            return Sample(now, self.sizes.pop(0), 1, 1, False)

    clock = {"t": 0.0}
    events: list[str] = []
    outcome = run_watch(
        Fake([0, 10, 10, 10, 10, 20, 40]),  # type: ignore[arg-type]
        Tracker(expected_bytes=40, stall_after_s=2),
        interval_s=1,
        clock=lambda: clock["t"],
        sleep=lambda s: clock.__setitem__("t", clock["t"] + s),
        on_sample=lambda s, t: None,
        on_event=lambda kind, t: events.append(kind),
    )
    assert outcome.state == "done" and outcome.stalls == 1 and events == ["stall", "done"]


def test_cli_runs_the_done_command_with_the_outcome(tmp_path: Path) -> None:
    root = tmp_path / "dl"
    root.mkdir()
    (root / "all.bin").write_bytes(b"x" * 4096)
    record = tmp_path / "env.txt"
    command = (
        f'printf "%s %s %s %s" "$ASPDIAG_EVENT" "$ASPDIAG_BYTES" "$ASPDIAG_EXPECTED_BYTES" "$ASPDIAG_DIR" > {record}'
    )
    # 4KiB = 4096 bytes: binary only when the unit says so (4K would be 4000, as aspdiag writes sizes)
    assert main(["watch", str(root), "--expected", "4KiB", "--interval", "0.05", "--on-done", command]) == 0
    assert record.read_text() == f"done 4096 4096 {root.resolve()}"


def test_cli_stall_alert_runs_the_stall_command_and_exit_on_stall(tmp_path: Path) -> None:
    root = tmp_path / "dl"
    root.mkdir()
    (root / "half.bin").write_bytes(b"x" * 100)
    record = tmp_path / "stall.txt"
    rc = main(
        [
            "watch",
            str(root),
            "--expected",
            "1M",
            "--interval",
            "0.05",
            "--stall-after",
            "0.2",
            "--exit-on-stall",
            "--on-stall",
            f'echo "$ASPDIAG_EVENT $ASPDIAG_BYTES" > {record}',
        ]
    )
    assert rc == 1
    assert record.read_text().strip() == "stall 100"


@pytest.mark.parametrize(
    "args",
    [
        ["watch", "/nonexistent-dir", "--expected", "1G"],
        ["watch", "{dir}", "--expected", "lots"],
        ["watch", "{dir}", "--expected", "0"],
        ["watch", "{dir}", "--expected", "1G", "--interval", "0"],
        ["watch", "{dir}", "--expected", "1G", "--stall-after", "-1"],
        ["watch", "{dir}"],
    ],
)
def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main([a.format(dir=tmp_path) for a in args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("aspdiag: error:")


@pytest.mark.parametrize(("sig", "code", "said"), [("SIGTERM", 143, "SIGTERM"), ("SIGINT", 130, "Ctrl-C")])
def test_a_watch_stopped_by_a_signal_says_why(tmp_path: Path, sig: str, code: int, said: str) -> None:
    """A review: SIGINT or SIGTERM ended a watch with exit 130, nothing on stderr and no 'stopped' JSON line,
    although the last line always says why the watch ended."""
    import json
    import signal
    import subprocess
    import sys
    import time

    from aspdiag.report.schemas import schema_for

    (tmp_path / "part.bin").write_bytes(b"x" * 1000)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aspdiag",
            "watch",
            str(tmp_path),
            "--expected",
            "1GB",
            "--interval",
            "0.1",
            "-f",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # the first sample: the watch is running
    time.sleep(0.2)
    proc.send_signal(getattr(signal, sig))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, (proc.returncode, err)
    assert err.strip().splitlines()[-1].startswith("aspdiag: watch ended: stopped by") and said in err, err
    last = json.loads(out.strip().splitlines()[-1])
    assert last["event"] == "stopped" and last["outcome"] == "interrupted" and last["exit_code"] == code, last
    import jsonschema

    jsonschema.validate(last, schema_for("watch"))
