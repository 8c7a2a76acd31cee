"""The history: what changed between two checks (pure), the SQLite database (versioned, concurrent, never
touching a file that is not ours), 'check --history' and 'aspdiag history'."""

import hashlib
import json
import multiprocessing
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from aspdiag.adapters.history import APPLICATION_ID, SCHEMA_VERSION, HistoryError, HistoryStore
from aspdiag.cli import main
from aspdiag.core.config import CheckConfig, validate_host
from aspdiag.core.history import ChangeKind
from aspdiag.core.model import SourceAddress, Verdict
from aspdiag.engine.run import check
from aspdiag.render import OutputFormat
from aspdiag.report.changes import compare, rate_beyond_noise, rtt_beyond_noise, summarize, vantage_of
from aspdiag.report.codec import report_from_dict, report_schema, report_to_dict
from tests.fakes import FAKE_ENVIRONMENT, FakeNetwork, FakeResolver, Rule, fake_context, resolved

NAME = "aspera.lab.test"
V4, V6 = "198.18.3.2", "2001:db8:3::2"
ENVIRONMENT = replace(FAKE_ENVIRONMENT, sources=(SourceAddress("198.18.1.2", "eth0"),))


def fake_check(rules=None, started="2026-11-20T08:00:00.000Z"):
    cfg = CheckConfig(target=validate_host(NAME), timeout_s=0.5)
    ctx = fake_context(FakeResolver(resolved(NAME, (V4,), (V6,))), None, FakeNetwork(rules=rules or {}))
    report = check(cfg, ctx, ENVIRONMENT)
    return replace(report, started_utc=started, finished_utc=started)


@pytest.fixture(scope="module")
def open_report():
    return fake_check()


@pytest.fixture(scope="module")
def dropped_report():
    return fake_check({(None, "udp", 33001): Rule("drop", hop=2)}, "2026-11-28T09:10:00.000Z")


# --------------------------------------------------------------------------- comparison


def test_a_firewall_change_is_dated_evidence(open_report, dropped_report):
    changes = compare(open_report, dropped_report)
    kinds = [c.kind for c in changes]
    assert kinds[0] is ChangeKind.VERDICT and changes[0].worse is True
    udp = [c for c in changes if c.kind is ChangeKind.PORT and c.subject == f"udp/33001 {V4}"]
    assert len(udp) == 1, changes
    text = udp[0].text
    assert text.startswith(f"UDP 33001 on {V4} reached the server on 2026-11-20 08:00 UTC; since 2026-11-28 09:10 UTC")
    assert "stops after hop 2" in text and udp[0].worse is True
    # Ports whose state did not change are not listed; nor are hops (the trace only stops earlier).
    assert not [c for c in changes if "tcp/" in c.subject]
    assert not [c for c in changes if c.kind is ChangeKind.HOP]
    back = compare(dropped_report, open_report)
    assert any(c.kind is ChangeKind.PORT and c.worse is False and "it reaches the server" in c.text for c in back)


def test_nothing_changed_between_equal_checks(open_report):
    assert compare(open_report, replace(open_report, started_utc="2026-11-21T00:00:00.000Z")) == ()


@pytest.mark.parametrize(
    ("before", "after", "beyond"),
    [(10.0, 14.9, False), (10.0, 15.1, True), (100.0, 119.0, False), (100.0, 121.0, True), (100.0, 79.0, True)],
)
def test_rtt_noise_is_max_of_20_percent_and_5_ms(before, after, beyond):
    assert rtt_beyond_noise(before, after) is beyond


def test_rate_noise_is_20_percent():
    assert not rate_beyond_noise(100.0, 81.0) and rate_beyond_noise(100.0, 79.0) and rate_beyond_noise(100.0, 121.0)


def test_summary_and_vantage(open_report, dropped_report):
    summary = summarize(dropped_report)
    assert summary.vantage == vantage_of(dropped_report) and summary.vantage.text == "client (198.18.1.2)"
    udp = next(m for m in summary.ports if m.key == f"udp/33001 {V4}")
    assert not udp.path_open and udp.state == "dropped" and "hop 2" in udp.where
    assert summary.verdict == "blocked"


def test_changes_travel_in_the_json_and_schema_1_reports_stay_readable(open_report, dropped_report):
    from aspdiag.report.changes import changes_since

    report = replace(dropped_report, changes=changes_since(dropped_report, open_report, [summarize(open_report)]))
    data = report_to_dict(report)
    jsonschema.validate(data, report_schema())
    assert data["changes"]["previous_utc"] == "2026-11-20T08:00:00.000Z" and data["changes"]["items"]
    assert report_from_dict(data).changes == report.changes
    del data["changes"]  # a report written before the history existed
    assert report_from_dict(data).changes is None


def test_every_format_shows_the_changes_first(open_report, dropped_report):
    from aspdiag.report.changes import changes_since

    report = replace(dropped_report, changes=changes_since(dropped_report, open_report, [summarize(open_report)]))
    for fmt in (OutputFormat.TERMINAL, OutputFormat.MARKDOWN, OutputFormat.HTML):
        text = fmt.to_renderer(width=200)(report)
        assert "reached the server on 2026-11-20 08:00 UTC" in text, fmt
        assert text.index("Changed since 2026-11-20 08:00 UTC") < text.index("Firewall change request"), fmt
    assert "<svg" in OutputFormat.HTML.to_renderer()(report)  # the timeline chart


# --------------------------------------------------------------------------- the database


def test_record_and_find_the_previous_check(tmp_path, open_report, dropped_report):
    path = tmp_path / "sub" / "history.sqlite"
    with HistoryStore.open(path) as store:
        vantage = vantage_of(open_report)
        assert store.previous(NAME, vantage) is None
        store.record(open_report, summarize(open_report))
        store.record(dropped_report, summarize(dropped_report))
        previous = store.previous(NAME, vantage)
        assert previous is not None and previous.assessment.verdict is Verdict.BLOCKED
        assert store.previous(NAME, replace(vantage, host="elsewhere")) is None
        assert [s.verdict for s in store.summaries(NAME, vantage)] == ["ready", "blocked"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT target, verdict FROM checks ORDER BY id").fetchall() == [
        (NAME, "ready"),
        (NAME, "blocked"),
    ]
    db.close()
    assert sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["history.sqlite"]


def _record_many(path: str, count: int) -> None:
    report = fake_check()
    with HistoryStore.open(Path(path)) as store:
        for _ in range(count):
            store.record(report, summarize(report))


def test_concurrent_checks_do_not_corrupt_it(tmp_path):
    path = tmp_path / "history.sqlite"
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_record_many, args=(str(path), 10)) for _ in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM checks").fetchone()[0] == 60
    db.close()


def _foreign_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER)")
    db.commit()
    db.close()


def _ours_then_damaged(path: Path) -> None:
    report = fake_check()
    with HistoryStore.open(path) as store:
        for _ in range(30):
            store.record(report, summarize(report))
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xa5" * 8192  # two pages in the middle: the header stays intact
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    _record_many(str(path), 1)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda p: p.write_text("my notes\n" * 50), "is not an SQLite database"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (_foreign_sqlite, "of another application"),
        (_ours_then_damaged, "is damaged"),
        (_newer, "schema version 2"),
        (lambda p: p.mkdir(), "not a regular file"),
    ],
)
def test_a_file_that_is_not_our_database_is_refused_and_left_alone(tmp_path, make, needle, capsys, monkeypatch):
    import aspdiag.cli.check as cli

    path = tmp_path / "history.sqlite"
    make(path)
    before = sorted(tmp_path.iterdir())
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    with pytest.raises(HistoryError, match=needle):
        HistoryStore.open(path)
    monkeypatch.setattr(cli, "run_check", lambda *a, **k: pytest.fail("no probe with an unusable history"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", V4, "--history", str(path), "--no-reports"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("aspdiag: error: "), err
    assert needle in err or "is a directory" in err, err  # typer refuses a directory itself
    # Nothing new beside it (SQLite's own -wal/-shm of a WAL database of ours may appear on a read-only open).
    assert [p for p in sorted(tmp_path.iterdir()) if not p.name.endswith(("-wal", "-shm"))] == before
    if digest is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


# --------------------------------------------------------------------------- the commands


@pytest.fixture
def two_checks(tmp_path, monkeypatch, open_report, dropped_report):
    """'check --history' twice, across a firewall change (the engine replaced by recorded reports)."""
    import aspdiag.cli.check as cli

    reports = iter([open_report, dropped_report])
    monkeypatch.setattr(cli, "run_check", lambda *a, **k: next(reports))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "h.sqlite"
    return path


def test_check_records_and_shows_what_changed(two_checks, capsys):
    path = two_checks
    assert main(["check", NAME, "--history", str(path), "--no-reports", "-f", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["changes"]["previous_utc"] is None and first["changes"]["items"] == []
    assert main(["check", NAME, "--history", str(path), "--no-reports", "-f", "json"]) == 1
    second = json.loads(capsys.readouterr().out)
    texts = [item["text"] for item in second["changes"]["items"]]
    assert any(t.startswith(f"UDP 33001 on {V4} reached the server on 2026-11-20") for t in texts), texts
    assert [p["verdict"] for p in second["changes"]["timeline"]] == ["ready", "blocked"]


def test_no_history_writes_nothing(tmp_path, monkeypatch, open_report, capsys):
    import aspdiag.cli.check as cli

    monkeypatch.setattr(cli, "run_check", lambda *a, **k: open_report)
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert main(["check", NAME, "--no-history", "--no-reports", "-q"]) == 0
    assert not data.exists()
    assert main(["check", NAME, "--no-reports", "-q"]) == 0  # the default: the user's data directory
    assert (data / "aspdiag" / "history.sqlite").is_file()


def test_history_command_lists_and_charts(two_checks, capsys):
    path = two_checks
    for _ in range(2):
        main(["check", NAME, "--history", str(path), "--no-reports", "-q"])
    capsys.readouterr()
    assert main(["history", "--history", str(path), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["verdict"] for c in listed["checks"]] == ["ready", "blocked"]
    assert main(["history", NAME, "--history", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{NAME} from client (198.18.1.2): 2 checks" in out
    assert f"udp/33001 {V4}" in out and "█x" in out and "RB" in out
    assert main(["history", "--history", str(path), "-f", "html"]) == 0
    assert "<svg" in capsys.readouterr().out
    assert main(["history", "other.example", "--history", str(path), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["checks"] == []


def test_history_command_never_creates_a_database(tmp_path, capsys):
    # A --history path that is not there is a typo (a review: it read 'No checks recorded', exit 0): bad input.
    path = tmp_path / "none.sqlite"
    assert main(["history", "--history", str(path)]) == 2
    assert "does not exist" in capsys.readouterr().err and not path.exists()
    # The default database is created by the first check only: before that, nothing recorded yet.
    assert main(["history"]) == 0
    assert "No checks recorded" in capsys.readouterr().out


def test_threads_sharing_one_file(tmp_path, open_report):
    path = tmp_path / "history.sqlite"
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with HistoryStore.open(path) as store:
                for _ in range(5):
                    store.record(open_report, summarize(open_report))
                    store.previous(NAME, vantage_of(open_report))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with HistoryStore.open(path) as store:
        assert len(store.entries()) == 40


@pytest.mark.parametrize("width", [80, 120, 200])
def test_history_never_cuts_addresses_and_keeps_its_chart_aligned(width):
    """A CLI review: the history table cut IPv6 addresses and dates ('2001:db8…') at 80 and 120 columns, the
    chart's state columns slipped behind labels over 40 characters, and ten ports read as ten entries."""
    from aspdiag.render.history import render_history_terminal
    from tests.reports import wide_report

    report = wide_report()
    entries = [(1, summarize(report)), (2, summarize(report))]
    text = render_history_terminal(entries, "h.sqlite", width=width)
    assert "…" not in text.replace(" … ", " "), text  # (the title's date span uses one)
    v6 = next(a for a in report.addresses if ":" in a)
    assert v6 in text.replace("\n", "")
    assert "udp/33001-33010" in text and "2 checks" in text
    # The chart's cells start in one column for every row.
    title = next(i for i, line in enumerate(text.splitlines()) if "2 checks," in line)
    body = text.splitlines()[title + 1 :]
    chart = [
        line
        for line in body[: next(i for i, line in enumerate(body) if "R ready" in line)]
        if line.startswith("  ") and line[-2:].strip()
    ]
    starts = {len(line.rstrip()) - 2 for line in chart}
    assert len(starts) <= 1, chart
