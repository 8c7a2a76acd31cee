"""Evidence readable at 80 columns (issue #16): whole IPv6 addresses and hops, never '…'; port ranges that read
as one; lines that fit the width; tables that become one block per row when they cannot fit; one unit rule."""

from __future__ import annotations

import re

import pytest

from aspdiag.core.config import parse_size
from aspdiag.core.measurement import Cell
from aspdiag.core.units import port_ranges, size_text
from aspdiag.render import OutputFormat
from aspdiag.render.console import string_console
from aspdiag.render.merged import render_merged
from aspdiag.render.terminal import fitted_table
from tests.reports import WIDE_FW6, WIDE_SOURCE6, WIDE_V4, WIDE_V6, wide_report
from tests.unit.test_render import V6, sample_report  # noqa: F401  (fixture)

WIDTHS = [80, 120]


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


@pytest.mark.parametrize("mixed", [False, True], ids=["one-range", "every-other-port"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_address_and_hop_is_whole_and_nothing_is_cut(width, mixed):
    text = OutputFormat.TERMINAL.to_renderer(width=width)(wide_report(mixed=mixed))
    assert "…" not in text
    assert max(len(line) for line in _lines(text)) <= width
    for address in (WIDE_V4, WIDE_V6, WIDE_FW6, WIDE_SOURCE6):
        assert any(address in line for line in _lines(text)), address
    hop = f"after hop 2 ({WIDE_FW6})"
    assert any(hop in line for line in _lines(text)), "the hop where traffic stops, whole on one line"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_port_range_reads_as_one(width):
    report = wide_report()
    text = OutputFormat.TERMINAL.to_renderer(width=width)(report)
    assert "UDP 33001-33010" in text and "UDP 33002" not in text
    blockers = [f for f in report.assessment.findings if f.severity.value == "blocker"]
    assert [f.title for f in blockers] == [
        f"UDP 33001-33010 (FASP data) blocked toward {WIDE_V4}",
        f"UDP 33001-33010 (FASP data) blocked toward {WIDE_V6}",
    ]
    # The checklist of the preflight (issue #15) takes its dozen lines at the top.
    assert len(_lines(text)) < 75, "ten ports on two addresses stay about one screen"


def test_ports_with_the_same_evidence_are_one_finding_even_when_not_neighbours():
    report = wide_report(mixed=True)
    titles = [f.title for f in report.assessment.findings if f.severity.value == "blocker"]
    assert titles == [
        f"UDP 33001, 33003, 33005, 33007, 33009 (FASP data) blocked toward {WIDE_V4}",
        f"UDP 33001, 33003, 33005, 33007, 33009 (FASP data) blocked toward {WIDE_V6}",
    ]


def test_the_documents_still_list_every_port():
    markdown = OutputFormat.MARKDOWN.to_renderer()(wide_report())
    for port in range(33001, 33011):
        assert f"udp/{port}" in markdown  # the evidence table keeps one row per port


def test_sample_at_80_columns_keeps_the_ipv6_target_whole(sample_report):  # noqa: F811
    text = OutputFormat.TERMINAL.to_renderer(width=80)(sample_report)
    assert "…" not in text and V6 in text and max(len(line) for line in _lines(text)) <= 80


def test_fitted_table_is_a_table_when_it_fits_and_blocks_when_not():
    header = ["Address", "TCP 22", "UDP 33001"]
    rows = [[Cell(WIDE_V6), Cell("open 0.40 ms"), Cell(f"DROPPED after hop 2 ({WIDE_FW6})")]]
    for width, boxed in ((200, True), (60, False)):
        console, buffer = string_console(color=False, width=width)
        console.print(fitted_table(console, header, rows))
        text = buffer.getvalue()
        assert ("┃" in text) is boxed
        assert WIDE_V6 in text and WIDE_FW6 in text and "…" not in text


def test_merged_terminal_view_fits_80_columns(tmp_path):
    one, two = wide_report(), wide_report()
    text = render_merged([one, two], OutputFormat.TERMINAL, width=80)
    assert "…" not in text and max(len(line) for line in _lines(text)) <= 80
    assert WIDE_V6 in text


# --------------------------------------------------------------------------- one unit rule: decimal, labelled


def test_sizes_are_decimal_with_their_unit():
    assert [size_text(n) for n in (999, 1000, 1_500_000, 64_000_000, 2_300_000_000_000)] == [
        "999 B",
        "1.00 kB",
        "1.50 MB",
        "64.0 MB",
        "2.30 TB",
    ]


def test_sizes_given_read_decimal_unless_binary_is_said():
    assert parse_size("2.3TB", "--expected") == 2_300_000_000_000
    assert parse_size("64MB", "--max-bytes") == 64_000_000
    assert parse_size("64MiB", "--max-bytes") == 64 * 2**20
    assert parse_size("500k", "--x") == 500_000 and parse_size("1048576", "--x") == 1_048_576


def test_no_binary_units_printed_as_decimal_names():
    from aspdiag.render.views import catalog_document
    from aspdiag.tools import catalog as cat

    catalog = cat.Catalog("/d", "2026-11-21T10:00:00Z", "", (cat.CatalogEntry("a/x.bin", 3_000_000_000, 0),))
    for text in (cat.to_markdown(catalog), str(catalog_document(catalog).blocks)):
        assert "3.00 GB" in text and not re.search(r"\b(KiB|MiB|GiB|TiB)\b", text)


def test_port_ranges():
    assert port_ranges([33003, 33001, 33002, 22, 33005]) == "22, 33001-33003, 33005"


def test_the_cli_lays_out_for_columns(tmp_path, monkeypatch, capsys):
    """COLUMNS=80 reaches the renderer through the CLI (report render of a saved wide report)."""
    from aspdiag.cli import main

    saved = tmp_path / "wide.json"
    saved.write_text(OutputFormat.JSON.to_renderer()(wide_report()))
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["report", "render", str(saved)]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in _lines(out)) <= 80 and "…" not in out
    assert any(WIDE_V6 in line for line in _lines(out)) and any(WIDE_FW6 in line for line in _lines(out))


def test_commands_to_copy_break_between_words_with_a_continuation():
    """A review: at 60 columns the suggested ascp command and explain's check command wrapped inside a word
    and back to column 0, so a copied command no longer ran."""
    from aspdiag.render.console import command_lines

    command = "ascp -P 33001 -O 33001 -l 100m -k 1 -6 <user>@fasp.lab.test:<remote path> <local directory>"
    lines = command_lines(command, 60, len("Suggested: "))
    assert len(lines) == 2 and lines[0].endswith(" \\") and len("Suggested: " + lines[0]) <= 60, lines
    assert all(len(line) <= 60 for line in lines[1:])
    # Joined back (the continuation removed), it is the same command: no word or placeholder was split.
    assert " ".join(part.removesuffix(" \\").strip() for part in lines) == command


def test_explain_keeps_wrapped_values_under_their_column_at_60():
    import io
    from pathlib import Path

    from aspdiag.render.explain import render_explain
    from aspdiag.tools.explain.run import explain_inputs

    sample = Path(__file__).resolve().parents[1] / "data" / "explain" / "syslog-interleaved.log"
    report = explain_inputs([str(sample)], io.BytesIO(b""))
    lines = render_explain(report, OutputFormat.TERMINAL, color=False, width=60).splitlines()
    too_wide = [line for line in lines if len(line.rstrip()) > 60 and " " in line.strip()]
    assert not too_wide, too_wide
    wrapped = [i for i, line in enumerate(lines) if line.startswith("  Error ")]
    assert wrapped and lines[wrapped[-1] + 1].startswith(" " * 15), lines[wrapped[-1] : wrapped[-1] + 2]
    check = [i for i, line in enumerate(lines) if line.startswith("  Check ")]
    assert check and lines[check[0]].rstrip().endswith("\\") and lines[check[0] + 1].startswith(" " * 15)
