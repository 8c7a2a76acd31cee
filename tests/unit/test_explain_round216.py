"""explain: what blind round 216 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_question_about_the_documentations_table_of_errors_is_no_run():
    """A Polish Matrix chat: "w dokumentacji IBM jest tabela błędów, np. "Session Stop  (Error: Client unable to
    connect ...)" — to oznacza zamknięty UDP 33001?", the download only planned: no run (it had read as a UDP
    failure, at low confidence)."""
    text = (BLIND / "round216-ordinary/24-matrix-plan-pl.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_person_quoting_what_they_got_is_still_a_run():
    """Guard: the words quoted as what the person got, with no documentation named, are their run."""
    text = (
        'Gestern bekam ich "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"\n'
    )
    assert cause_ids(text) == ["udp"]


def test_italian_retry_identical_and_everything_arrived_with_the_change():
    """An Italian forum thread: Nextflow's task stalls ("Session data transfer timeout"), "Nextflow riprova ... e
    succede di nuovo identico", then "Confermo, con -l 300m è arrivato tutto": two stalls and the run that worked."""
    text = (BLIND / "round216-ordinary/08-nextflow-stall-forum-it.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["stall", "stall", "ok"]


def test_everything_arrived_of_the_run_shown_adds_no_run():
    """Guard: "Il file è arrivato tutto (la barra arriva al 100%)" tells of the run shown, no run of its own."""
    text = (BLIND / "round125-documents/19-it-forum-cleanup-partial.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["partial-rename"]
