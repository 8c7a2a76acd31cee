"""Report files: names, exclusive creation, atomic --force replacement, never touching others' files."""

from datetime import UTC, datetime

import pytest

from aspdiag.core.errors import OutputError
from aspdiag.report.files import check_output, report_stem, write_output, write_report_set


def test_report_stem_is_filename_safe():
    when = datetime(2026, 11, 21, 15, 4, 5, tzinfo=UTC)
    assert report_stem("aspera.lab.test", when) == "aspera.lab.test-20261121T150405Z"
    assert report_stem("2001:db8::2", when) == "2001-db8--2-20261121T150405Z"
    assert report_stem("::1", when) == "ipv6---1-20261121T150405Z"


def test_report_sets_share_a_name_and_never_overwrite(tmp_path):
    (tmp_path / "r.md").write_text("someone else's")
    first = write_report_set(tmp_path, "r", {".json": "{}", ".md": "# 1"})
    assert [p.name for p in first] == ["r-2.json", "r-2.md"]
    assert (tmp_path / "r.md").read_text() == "someone else's"
    assert not (tmp_path / "r.json").exists(), "a half-written set is removed again"
    second = write_report_set(tmp_path, "r", {".json": "{}", ".md": "# 2"})
    assert [p.name for p in second] == ["r-3.json", "r-3.md"]


def test_write_output_new_and_forced(tmp_path):
    path = tmp_path / "out.json"
    check_output(path, force=False)
    assert not path.exists(), "checking creates nothing"
    write_output(path, "one", force=False)
    with pytest.raises(OutputError):
        check_output(path, force=False)
    with pytest.raises(OutputError):
        write_output(path, "two", force=False)
    check_output(path, force=True)
    assert path.read_text() == "one", "checking with --force does not truncate"
    write_output(path, "two", force=True)
    assert path.read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], "no temporary files left behind"


def test_a_state_file_name_aspdiag_chose_is_numbered_when_taken(tmp_path):
    from aspdiag.report.files import StateFile

    taken = tmp_path / "run-20261121T100000Z-42.state.json"
    taken.write_text("someone else's")
    state = StateFile(taken, numbered=True)
    assert state.path.name == "run-20261121T100000Z-42-2.state.json"
    assert taken.read_text() == "someone else's"
    with pytest.raises(OutputError):
        StateFile(taken)  # a name the user gave is never replaced, nor renamed
