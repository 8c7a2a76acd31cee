"""aspdiag catalog: scanning, partial files, loops, checksums, TSV/JSON round trip, verify, CLI exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from aspdiag.cli import main
from aspdiag.core.errors import ConfigError
from aspdiag.tools import catalog as cat


def _tree(root: Path) -> Path:
    (root / "run1" / "lane2").mkdir(parents=True)
    (root / "meta").mkdir()
    (root / "run1" / "a.fastq.gz").write_bytes(b"A" * 1000)
    (root / "run1" / "lane2" / "b.fastq.gz").write_bytes(os.urandom(3 * (1 << 20) + 17))  # spans chunks
    (root / "meta" / "README").write_text("hello\n")
    (root / "meta" / "odd\tname\nx.txt").write_text("tab and newline in the name\n")
    (root / "meta" / "with space.tsv").write_text("x\n")
    return root


def test_scan_lists_files_sorted_with_sizes(tmp_path: Path) -> None:
    c = cat.scan(_tree(tmp_path / "t"))
    assert [e.path for e in c.entries] == sorted(e.path for e in c.entries)
    sizes = {e.path: e.size_bytes for e in c.entries}
    assert sizes["run1/a.fastq.gz"] == 1000
    assert sizes["run1/lane2/b.fastq.gz"] == 3 * (1 << 20) + 17
    assert c.total_bytes == sum(sizes.values())
    assert c.root == str((tmp_path / "t").resolve())
    assert not c.problems and not c.partial


def test_partial_files_and_their_companions_are_listed_apart(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    (root / "run1" / "c.bam").write_bytes(b"half")
    (root / "run1" / "c.bam.aspx").write_bytes(b"state")
    (root / "run1" / "d.bam.partial").write_bytes(b"p")
    (root / "run1" / "e.aspera-inprogress").write_bytes(b"p")
    (root / "run1" / "f.tmpdl").write_bytes(b"p")
    c = cat.scan(root, partial_suffixes=(*cat.PARTIAL_SUFFIXES, ".tmpdl"))
    partial = {s.path for s in c.partial}
    assert partial == {
        "run1/c.bam",
        "run1/c.bam.aspx",
        "run1/d.bam.partial",
        "run1/e.aspera-inprogress",
        "run1/f.tmpdl",
    }
    assert not partial & {e.path for e in c.entries}


def test_symlinks_are_skipped_by_default_and_loops_detected_when_followed(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    (root / "run1" / "loop").symlink_to("..")
    (root / "run1" / "dangling").symlink_to("nowhere")
    (root / "link.txt").symlink_to("meta/README")
    plain = cat.scan(root)
    assert {s.path for s in plain.skipped} == {"run1/loop", "run1/dangling", "link.txt"}
    followed = cat.scan(root, follow_symlinks=True)
    assert any(s.path == "run1/loop" and "loop" in s.reason for s in followed.skipped)
    assert any(s.path == "run1/dangling" and "broken" in s.reason for s in followed.problems)
    assert "link.txt" in {e.path for e in followed.entries}
    # The loop did not make the walk enter the tree twice.
    assert len({e.path for e in followed.entries}) == len(followed.entries) == len(plain.entries) + 1


def test_special_files_are_skipped(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    os.mkfifo(root / "fifo")
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(root / "sock"))
        c = cat.scan(root)
    finally:
        s.close()
    assert {x.path for x in c.skipped} == {"fifo", "sock"}


def test_checksums_match_hashlib_in_parallel(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    for algorithm in cat.ALGORITHMS:
        progress = cat.ScanProgress()
        c = cat.checksum_entries(cat.scan(root), algorithm, workers=3, progress=progress)
        assert c.algorithm == algorithm
        for e in c.entries:
            disk = root.joinpath(*e.path.split("/")).read_bytes()
            assert e.checksum == hashlib.new(algorithm, disk).hexdigest()
        assert progress.bytes_hashed == c.total_bytes


def test_unreadable_and_changing_files_are_problems_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path / "t")
    scanned = cat.scan(root)
    # A file appended to after the scan (a transfer still writing) must not get a checksum.
    with open(root / "run1" / "a.fastq.gz", "ab") as fh:
        fh.write(b"more")
    real_open = os.open

    def deny(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("README"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    # Root can read anything, so unreadability is simulated at the one call the catalogue opens files with.
    monkeypatch.setattr(os, "open", deny)
    c = cat.checksum_entries(scanned, "sha256")
    reasons = {s.path: s.reason for s in c.problems}
    assert "changed while being catalogued" in reasons["run1/a.fastq.gz"]
    assert "Permission denied" in reasons["meta/README"]
    assert {e.path for e in c.entries} == {e.path for e in scanned.entries} - set(reasons)


def test_tsv_and_json_round_trip_including_odd_names(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t w")  # a root with a space survives the TSV header
    c = cat.checksum_entries(cat.scan(root), "md5")
    for text, name in ((cat.to_tsv(c), "c.tsv"), (cat.to_json(c), "c.json")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        loaded = cat.load_catalog(path)
        assert loaded.entries == c.entries
        assert loaded.algorithm == "md5"
        assert loaded.root == c.root
    tsv = cat.to_tsv(c)
    assert len(tsv.splitlines()) == 2 + len(c.entries)  # one line per file even with a newline in a name


def test_verify_reports_missing_extra_and_changed(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    before = cat.checksum_entries(cat.scan(root), "sha256")
    assert cat.verify(before, cat.checksum_entries(cat.scan(root), "sha256")).identical
    os.utime(root / "meta" / "README", ns=(1, 1))  # a new mtime alone is not a change when checksums exist
    (root / "run1" / "a.fastq.gz").write_bytes(b"B" * 1000)  # same size, other content
    (root / "meta" / "with space.tsv").unlink()
    (root / "new.bin").write_bytes(b"n")
    result = cat.verify(before, cat.checksum_entries(cat.scan(root), "sha256"))
    assert [e.path for e in result.missing] == ["meta/with space.tsv"]
    assert [e.path for e in result.extra] == ["new.bin"]
    assert [(a.path, what) for a, _b, what in result.changed] == [("run1/a.fastq.gz", "sha256 differs")]
    text = cat.verification_text(result)
    assert "1 missing, 1 extra, 1 changed" in text


def test_verify_without_checksums_uses_size_and_mtime(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    before = cat.scan(root)
    os.utime(root / "meta" / "README", ns=(1, 1))
    result = cat.verify(before, cat.scan(root))
    assert [a.path for a, _b, _w in result.changed] == ["meta/README"]
    assert "mtime" in result.changed[0][2]


def test_summary_groups_by_directory_and_compound_extension(tmp_path: Path) -> None:
    c = cat.scan(_tree(tmp_path / "t"))
    by_dir, by_ext = cat.summary_rows(c)
    assert by_dir[0][0] == "run1/" and by_dir[0][1] == 2
    assert ("(none)", 1, 6) in by_ext
    assert any(name == ".fastq.gz" and files == 2 for name, files, _b in by_ext)
    md = cat.to_markdown(c)
    assert md.endswith("\n") and "| run1/ | 2 |" in md


@pytest.mark.parametrize(
    "content",
    [
        "",
        "[1, 2]",
        '{"format": "other"}',
        '{"format": "aspdiag-catalog", "version": 1, "root": "/", "created_utc": "", "entries": [{"path": "../x"}]}',
        "# aspdiag-catalog v1 created=x root=/\npath\tsize_bytes\tmtime_utc\tsha256\na\tnot-a-number\tx\ty\n",
        "# aspdiag-catalog v1 created=x root=/\npath\tsize\n",
    ],
)
def test_bad_catalogues_are_config_errors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "c.json"
    path.write_text(content)
    with pytest.raises(ConfigError):
        cat.load_catalog(path)


def test_other_format_version_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"format": "aspdiag-catalog", "version": 7}))
    with pytest.raises(ConfigError, match="version 7"):
        cat.load_catalog(path)


def test_cli_writes_three_files_then_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _tree(tmp_path / "t")
    out = tmp_path / "reports"
    assert main(["catalog", str(root), "--checksum", "sha256", "--reports-dir", str(out)]) == 0
    files = sorted(out.iterdir())
    assert [f.suffix for f in files] == [".json", ".md", ".tsv"]
    tsv = next(f for f in files if f.suffix == ".tsv")
    capsys.readouterr()
    assert main(["catalog", str(root), "--verify", str(tsv)]) == 0
    assert "0 missing, 0 extra, 0 changed" in capsys.readouterr().out
    (root / "meta" / "README").write_text("changed\n")
    assert main(["catalog", str(root), "--verify", str(tsv)]) == 1
    assert "changed: meta/README" in capsys.readouterr().out
    assert sorted(out.iterdir()) == files  # verify writes nothing


def test_cli_does_not_catalogue_its_own_output_inside_the_tree(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t")
    out = root / "reports"
    assert main(["catalog", str(root), "--reports-dir", str(out)]) == 0
    assert main(["catalog", str(root), "--reports-dir", str(out)]) == 0
    latest = max(out.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    paths = [e["path"] for e in json.loads(latest.read_text())["entries"]]
    assert not [p for p in paths if p.startswith("reports/")]
    # ... and verifying from the same place does not call them extra files.
    assert main(["catalog", str(root), "--verify", str(latest), "--reports-dir", str(out)]) == 0


@pytest.mark.parametrize(
    "args",
    [
        ["catalog", "/nonexistent-dir"],
        ["catalog", "{file}"],
        ["catalog", "{dir}", "--checksum", "sha1"],
        ["catalog", "{dir}", "--verify", "/nonexistent.tsv"],
        ["catalog", "{dir}", "--verify", "{file}"],
        ["catalog", "{dir}", "--workers", "0"],
        ["catalog", "{dir}", "--partial-suffix", "tmp"],
    ],
)
def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    root = _tree(tmp_path / "t")
    binary = tmp_path / "blob"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    filled = [a.format(dir=root, file=binary) for a in args]
    assert main([*filled, "--reports-dir", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("aspdiag: error:")
    assert "Traceback" not in err[0]


def test_interrupt_while_hashing_stops_promptly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "t"
    root.mkdir()
    for i in range(40):
        (root / f"f{i:02d}").write_bytes(b"x" * (2 << 20))
    scanned = cat.scan(root)
    calls = {"n": 0}

    def on_change(p: cat.ScanProgress) -> None:
        calls["n"] += 1
        if calls["n"] > 3:
            time.sleep(0.2)  # each further chunk is slow: the workers cannot finish every file first

    # Ctrl-C reaches the main thread while it waits for the hashing threads. Raised there directly once the
    # workers are under way: a signal sent with pthread_kill was delivered too late on a loaded CI machine
    # (all 40 files hashed before the main thread saw it), which tested the scheduler, not aspdiag.
    from concurrent.futures import Future

    result = Future.result

    def interrupted(self: Future[object], timeout: float | None = None) -> object:
        if threading.current_thread() is threading.main_thread():
            deadline = time.monotonic() + 30
            while calls["n"] < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            raise KeyboardInterrupt
        return result(self, timeout)

    monkeypatch.setattr(Future, "result", interrupted)
    progress = cat.ScanProgress(on_change=on_change)
    with pytest.raises(KeyboardInterrupt):
        cat.checksum_entries(scanned, "sha256", workers=2, progress=progress)
    # Queued files were cancelled and running ones stopped at their next chunk: far fewer than 40 files' chunks.
    assert progress.bytes_hashed < 10 * (2 << 20), progress.bytes_hashed
