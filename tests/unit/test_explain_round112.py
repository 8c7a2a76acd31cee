"""explain: what blind round 112 found, and round 111's leftovers (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes

_VERIFY = "ascp -P 33001 -l 200m -k 1 --user=uklink --host=aspera.partner.example --mode=recv /verify/t1G /scratch/\n"
_OK = (
    "t1G                          100% 1024MB  188Mb/s    00:47\nCompleted: 1048576K bytes transferred in 47 seconds\n"
)


def test_a_wiki_s_bold_sample_intro_makes_its_block_no_run():
    """ "__Erwartete Ausgabe (Beispiel aus der Doku, kein Lauf):__" (a Tiki wiki's bold line) before a code block:
    the block is the documentation's sample, no run (it had read as a completed run)."""
    text = (
        "__Befehl:__\n{CODE()}\n" + _VERIFY + "{CODE}\n\n"
        "__Erwartete Ausgabe (Beispiel aus der Doku, kein Lauf):__\n{CODE()}\n" + _OK + "{CODE}\n"
    )
    assert cause_ids(text) == []
    # (guard) the same bold line without a colon is a title, not a sample's intro
    assert cause_ids(text.replace("kein Lauf):__", "kein Lauf)__")) == ["ok"]


def test_runs_under_different_days_headings_are_no_burst_and_are_read_oldest_first():
    """A verification log kept newest first, each entry under a dated heading ("!!! 2024-06-11 — r.vogt — FEHLER"):
    a failure between two successes months apart is no burst of connections turned away (it had read as
    ssh-refused, medium), and the runs are listed by their days."""
    fail = (
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    text = (
        "!! Protokoll (neueste zuerst)\n\n"
        "!!! 2024-07-09 — r.vogt — OK\n{CODE()}\n$ " + _VERIFY + _OK + "{CODE}\n\n"
        "!!! 2024-06-11 — r.vogt — FEHLER\n{CODE()}\n$ " + _VERIFY + fail + "{CODE}\n\n"
        "!!! 2023-12-05 — m.berisha — OK\n{CODE()}\n$ " + _VERIFY + _OK.replace("47", "44") + "{CODE}\n"
    )
    assert causes(text) == [("ok", "high"), ("ssh-port", "high"), ("ok", "high")]
    # (guard) under one day's heading, the failure between two that got through is still read as a burst
    same_day = text.replace("2024-06-11", "2024-07-09").replace("2023-12-05", "2024-07-09")
    assert [c for c, _ in causes(same_day)] == ["ok", "ssh-refused", "ok"]


def test_an_incident_s_example_under_an_html_heading_after_a_paragraph_is_no_run():
    """A Confluence runbook: a paragraph in an ``ac:`` macro, then "<h2>Example from incident INC-3381 (for
    training)</h2>" and a <pre> block of ascp's log: the heading is not the paragraph's sentence going on, and the
    namespaced tags are HTML's (the example had read as a failed run)."""
    text = (
        '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>This page lists the messages we have seen from '
        "<code>ascp</code> on the ingest hosts and what fixed them</p></ac:rich-text-body></ac:structured-macro>\n"
        "<h2>Example from incident INC-3381 (for training)</h2>\n<pre>\n"
        "2024-10-02 03:14:55 [1a2f-7f3e9c5f6700] ERR Failed to open TCP connection for SSH\n</pre>\n"
    )
    assert cause_ids(text) == []
    # (guard) a heading that says what happened to us, over the same block, is a run
    own = text.replace("Example from incident INC-3381 (for training)", "What happened last night")
    assert cause_ids(own) == ["ssh-port"]
