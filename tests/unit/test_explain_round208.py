"""explain: what blind round 208 found that was mended, with guards (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_czech_pull_request_that_transferred_nothing_yet():
    """ "Nic jsem zatím nepřenášel, jen jsem v novém obraze ověřil verzi" (nothing transferred yet, only the version
    checked) and a reviewer recalling a partner's old licence failure inline: no run (it had read as a confident
    licence failure)."""
    assert cause_ids(_blind("round208-clients/24-pr-review-ascp-version-cs.md")) == []


def test_a_runbooks_typical_client_output_for_reference_only():
    """ "Typical client output (for reference only, from IBM/user reports):" over a fenced Session Stop: no run (it had
    read as a confident UDP failure)."""
    assert cause_ids(_blind("round208-servers/18-firewalld-runbook-alert-rule-norun.md")) == []


def test_a_scripts_comments_keeping_pasted_output_in_ukrainian():
    """ "# ІСТОРІЯ / вставлений вивід:" (history / pasted output) over two cron mails kept in the script's comments:
    the shell's "ascp: not found", then the run with the full path that completed (nothing had been read)."""
    assert cause_ids(_blind("round208-documents/21-uk-cron-obhortka-ascp.sh")) == ["ascp-missing", "ok"]


def test_swedish_nothing_tested_but_the_version():
    """ "inte hunnit testa något", "det enda jag kört är versionen": no run (a colleague's advice quoting "failed to
    authenticate" had read as one)."""
    assert cause_ids(_blind("round208-hard-middle/20-rocketchat-version-only-no-run-sv.txt")) == []


def test_a_notebook_cell_at_its_passphrase_prompt_interrupted():
    """A notebook's "!ascp ... -i ~/keys/lab_transfer.ppk ..." cell, "Key passphrase: ", then KeyboardInterrupt, the
    host named "hsts.lab-voorbeeld.nl": the .ppk key's run, then the converted key's run (the command and its prompt
    had read as a sample's intro, the Dutch "voorbeeld" in the host's name)."""
    assert cause_ids(_blind("round208-clients/15-jupyter-lab-hsts-ppk-key-nl.ipynb")) == ["key-file", "ok"]


def test_guard_a_dutch_voorbeeld_intro_stays_a_sample():
    """Guard: "Voorbeeld van een geslaagde download:" over ascp's summary is a page's sample, no run."""
    text = (
        "Voorbeeld van een geslaagde download:\n\n"
        "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n\n"
        "Vraag het servicedesk als je iets anders ziet.\n"
    )
    assert cause_ids(text) == []


def test_a_japanese_ticket_telling_two_runs_with_the_same_display():
    """ "（10:05 と 10:20 に同じコマンドで2回実行、いずれも同じ表示）" under one pasted licence failure: two runs, then
    the server's session after the upgrade."""
    text = _blind("round208-servers/11-ticket-ja-旧クライアントライセンス.txt")
    assert cause_ids(text) == ["licence", "licence", "ok"]


def test_a_vietnamese_retry_told_completed():
    """ "Đã thử tải lại vào D:\\tmp\\ thì 5 file còn lại về được, trạng thái Completed." after a long-path failure:
    the retry, told."""
    text = _blind("round208-clients/21-aspera-desktop-windows-long-path-vi.txt")
    assert cause_ids(text) == ["path-name", "ok"]
