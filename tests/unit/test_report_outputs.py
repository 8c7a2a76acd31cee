"""The evidence report: Markdown parses, JSON meets its schema, redaction hides every internal value in
every format, render/merge reject bad files, presets resolve."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from aspdiag.cli import main
from aspdiag.render import OutputFormat
from aspdiag.report.codec import report_schema, report_to_dict
from aspdiag.report.redact import redact, redaction_map
from tests.unit.test_render import FW, V4, V6, sample_report  # noqa: F401  (fixture)

REPORT_SCHEMA = report_schema()

INTERNAL = ["198.18.1.2", "198.18.1.1", FW, "2001:db8:1::2", "2001:db8:1::1", "dtn-secret-01", "198.18.1.0"]


@pytest.fixture
def saved(sample_report, tmp_path):  # noqa: F811
    path = tmp_path / "report.json"
    path.write_text(OutputFormat.JSON.to_renderer()(sample_report))
    return path


def test_json_matches_the_schema(sample_report):  # noqa: F811
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)
    jsonschema.validate(report_to_dict(sample_report), REPORT_SCHEMA)
    broken = report_to_dict(sample_report)
    broken["reachability"][0]["state"] = "sort of open"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, REPORT_SCHEMA)


def test_schema_command_prints_it(capsys):
    assert main(["schema", "report"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["schema_version"]["const"] == "2"
    assert main(["schema"]) == 0  # no kind: the list of kinds
    assert "report" in capsys.readouterr().out


def test_markdown_parses_into_the_expected_tables(sample_report):  # noqa: F811
    tokens = MarkdownIt("commonmark").enable("table").parse(OutputFormat.MARKDOWN.to_renderer()(sample_report))
    headers = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    for column in ("Source", "Destination", "Protocol / port", "Direction", "Action", "Justification", "Expires"):
        assert column in headers
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[:4] == [
        "aspdiag check: fasp.lab.test",
        "Pre-download checklist",
        "Firewall change request",
        "Findings",
    ]
    rows = sum(1 for t in tokens if t.type == "tr_open")
    assert rows > 10


def _internal_leaks(text: str) -> list[str]:
    return [value for value in INTERNAL if value in text]


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_redaction_leaves_nothing_internal(sample_report, fmt):  # noqa: F811
    report = replace(sample_report, environment=replace(sample_report.environment, hostname="dtn-secret-01"))
    plain = fmt.to_renderer()(report)
    assert _internal_leaks(plain), "the sample must contain internal values for this test to mean anything"
    hidden = fmt.to_renderer()(redact(report))
    assert _internal_leaks(hidden) == []
    assert V4 in hidden and V6 in hidden  # the target stays


def test_redaction_tokens_are_stable(sample_report):  # noqa: F811
    mapping = redaction_map(sample_report)
    assert mapping[FW] == mapping[FW] and len(set(mapping.values())) == len(mapping)
    once = OutputFormat.JSON.to_renderer()(redact(sample_report))
    assert once == OutputFormat.JSON.to_renderer()(redact(sample_report))


def test_render_and_merge(saved, tmp_path, capsys):
    assert main(["report", "render", str(saved), "--format", "html", "-o", str(tmp_path / "r.html")]) == 0
    assert 'id="change-request-table"' in (tmp_path / "r.html").read_text()
    other = tmp_path / "other.json"
    data = json.loads(saved.read_text())
    data["environment"]["hostname"] = "dtn2"
    other.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["report", "merge", str(saved), str(other), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| Target | Address | Port | client (198.18.1.2) | dtn2 (198.18.1.2) |" in out
    assert main(["report", "merge", str(saved), str(other), "--format", "json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert merged["kind"] == "merged" and len(merged["vantages"]) == 2


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"{", "not valid JSON"),
        (b"\xff\xfe\x00binary", "not UTF-8"),
        (b'{"tool": {"name": "nmap"}}', "not an aspdiag report"),
        (b'{"tool": {"name": "aspdiag"}, "schema_version": "0"}', "schema version '0'"),
        (b'{"tool": {"name": "aspdiag", "version": "x"}, "schema_version": "1", "run": {}}', "not a complete"),
        (b"[1, 2]", "not an aspdiag report"),
    ],
)
@pytest.mark.parametrize("command", ["render", "merge"])
def test_bad_report_files_are_one_line_exit_2(tmp_path, capsys, content, needle, command):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert main(["report", command, str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert needle in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_missing_and_directory_report_files(tmp_path, capsys):
    assert main(["report", "render", str(tmp_path / "nope.json")]) == 2
    assert main(["report", "merge", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "is a directory" in err


def test_presets(tmp_path, monkeypatch):
    from aspdiag.cli.check import find_preset

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    ena = find_preset("ena", None)
    assert ena is not None and (ena.host, ena.user, ena.ssh_ports) == ("fasp.sra.ebi.ac.uk", "era-fasp", (33001,))
    assert find_preset("fasp.sra.ebi.ac.uk", None) is None
    extra = tmp_path / "mine.toml"
    extra.write_text('[lab]\nhost = "aspera.lab.test"\nuser = "me"\nssh_ports = [33001]\n')
    lab = find_preset("LAB", extra)
    assert lab is not None and lab.host == "aspera.lab.test"
    extra.write_text("[broken\n")
    with pytest.raises(Exception, match="not valid TOML"):
        find_preset("lab", extra)


def test_preset_with_bad_option_is_exit_2_before_any_probe(capsys, monkeypatch):
    import aspdiag.cli.check as cli

    monkeypatch.setattr(cli, "run_check", lambda *a, **k: pytest.fail("no probe on bad input"))
    assert main(["check", "ena", "--udp-port", "0"]) == 2
    assert main(["check", "ena", "--rule-days", "0"]) == 2


def test_redaction_catches_ports_case_mapped_and_zones(sample_report):  # noqa: F811
    from aspdiag.measurements.dns.result import DnsQuery, DnsResult
    from tests.reports import revise

    dns = sample_report.dns
    assert dns is not None
    odd = revise(
        sample_report,
        environment=replace(sample_report.environment, hostname="aspera"),
        settings=replace(sample_report.settings, dns_servers=("198.18.9.9:5353", "[2001:DB8:9::53]:53")),
        command="aspdiag check fasp.lab.test --dns-server 198.18.9.9:5353",
        dns=DnsResult(
            dns.name,
            (*dns.queries, DnsQuery("TXT", dns.queries[0].outcome)),
            ("198.18.9.9@5353", "2001:db8:9::53"),
            dns.lookup_ms,
        ),
        ports=tuple(
            replace(p, detail=p.detail + " via ::ffff:198.18.1.1 and FE80::1%eth0 and 2001:0DB8:0001::0002")
            for p in sample_report.ports
        ),
        routes=tuple(replace(r, gateway="fe80::1") if ":" in r.address else r for r in sample_report.routes),
    )
    for fmt in OutputFormat:
        text = fmt.to_renderer()(redact(odd))
        for leaked in (
            "198.18.9.9",
            "2001:DB8:9::53",
            "2001:db8:9::53",
            "::ffff:198.18.1.1",
            "FE80::1",
            "2001:0DB8:0001::0002",
            "198.18.1.1",
        ):
            assert leaked not in text, (fmt, leaked)
        assert "aspera.lab.test" in text or fmt is OutputFormat.TERMINAL  # the client's name is not cut out of it


def test_merge_redaction_uses_one_map(saved, tmp_path, capsys):
    other = tmp_path / "other.json"
    data = json.loads(saved.read_text())
    data["environment"]["hostname"] = "dtn-two"
    other.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["report", "merge", str(saved), str(other), "--redact", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "host-1 (ip-1)" in out and "host-2 (ip-1)" in out  # same client address, two host names


def test_a_report_without_its_verdict_is_not_rendered(saved, tmp_path, capsys):
    """A saved report with 'verdict' deleted (it fails 'aspdiag schema report') rendered as 'CANNOT TELL – not
    judged', exit 0; the verdict it was saved with is gone, so it is one line and exit 2."""
    data = json.loads(saved.read_text())
    del data["verdict"]
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(data))
    assert main(["report", "render", str(cut)]) == 2
    assert "has no verdict" in capsys.readouterr().err


def test_report_render_reads_standard_input_and_names_other_documents(tmp_path, capsys, monkeypatch):
    """A review: 'report render -' said '- does not exist'; a merged document said only 'not an aspdiag
    report'; schema_version 2 as a number said 'version 2; this aspdiag reads version 1 and 2'."""
    import io
    import json as _json

    from aspdiag.cli import main

    sample = (Path(__file__).resolve().parents[1] / "data" / "snapshots" / "sample.json").read_text()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(sample.encode())))
    assert main(["report", "render", "-", "-f", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# aspdiag check")
    merged = tmp_path / "m.json"
    merged.write_text(_json.dumps({"kind": "merged", "reports": []}))
    assert main(["report", "render", str(merged)]) == 2
    assert "aspdiag merged document, not a check report" in capsys.readouterr().err
    numbered = tmp_path / "n.json"
    numbered.write_text(sample.replace('"schema_version": "2"', '"schema_version": 2'))
    assert main(["report", "render", str(numbered), "-f", "markdown"]) == 0


def test_the_report_names_its_kind_and_render_names_an_explanation(tmp_path, capsys):
    """Every JSON document names its kind, the check report too; an explanation (which carries tool.name
    'aspdiag') is named as such instead of 'has no verdict'."""
    import json as _json

    from aspdiag.cli import main

    sample = _json.loads((Path(__file__).resolve().parents[1] / "data" / "snapshots" / "sample.json").read_text())
    assert sample["kind"] == "report"
    explanation = tmp_path / "e.json"
    explanation.write_text(_json.dumps({"schema_version": "2", "kind": "explain", "tool": {"name": "aspdiag"}}))
    assert main(["report", "render", str(explanation)]) == 2
    assert "aspdiag explain document, not a check report" in capsys.readouterr().err
    older = tmp_path / "old.json"
    del sample["kind"]  # reports written before the field still render
    older.write_text(_json.dumps(sample))
    assert main(["report", "render", str(older), "-f", "markdown"]) == 0


def test_merged_comparison_summarises_port_ranges():
    """A CLI review: 'report merge' listed udp/33002 ... 33010 one row each, all 'REJECTED at hop 4'."""
    from aspdiag.render.merged import comparison
    from tests.reports import wide_report

    report = wide_report()
    _header, rows = comparison([report, report])
    labels = [row[2] for row in rows]
    assert "udp/33001-33010" in labels, labels
    assert len([label for label in labels if label.startswith("udp/")]) == len(report.addresses)
