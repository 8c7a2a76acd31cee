"""explain: what blind round 217 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_chinese_faq_that_says_it_records_no_transfer_has_no_run():
    """A group's FAQ: "本页只是整理常见报错原文 ... 不是某次具体传输的记录。" (only common error texts, not a record of
    any particular transfer), its questions quoting ascp and a sample "Completed:" block: no run (the sample had read
    as a confident success)."""
    text = (BLIND / "round217-documents/19-readme-faq-chuanshu-zh.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_sentence_ending_in_a_closing_quote_ends_before_the_intro():
    """A Spanish forum post: '... pasa a "Error". En el detalle de la transferencia pone exactamente:', then
    Connect's "Error: Client unable to connect ..." indented: the person's run (the intro's last sentence had run
    on from the one before, whose "aparece" made it a sample's intro)."""
    text = (BLIND / "round217-ordinary/06-hcp-connectomedb-udp-es.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["udp"]


def test_a_german_runbook_with_no_real_incidents_has_no_run():
    """A German runbook: "Hier sind keine echten Vorfälle dokumentiert", its alert rules, IBM's sample and a
    `logger` test line: no run (the logger line had read as a UDP failure, at low confidence)."""
    text = (BLIND / "round217-servers/12-wiki-de-runbook-aspera-alarme.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []
