"""explain: what blind round 215 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_ctrl_c_told_after_the_key_prompt_ends_that_run():
    """A Rocket.Chat export: "Key passphrase:" alone, "... mit Strg-C abgebrochen", then after the admin's answer the
    run with the right key completed. Two runs (the completion had been read as the prompted run's own)."""
    text = (BLIND / "round215-documents/04-rocketchat-export-de-putty-schluessel.json").read_text(encoding="utf-8")
    assert cause_ids(text) == ["key-file", "ok"]


def test_a_passphrase_typed_at_the_prompt_is_still_one_run():
    """Guard: the prompt, then the summary with no word of a stop between: the person typed the passphrase, one run."""
    text = (
        "$ ascp -i key.openssh -P 33001 u@h:/a.bin .\n"
        "Key passphrase:\n"
        "a.bin   100%   10MB  9.9Mb/s    00:08\n"
        "Completed: 10240K bytes transferred in 8 seconds\n"
        " (10066K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["ok"]


def test_nu_gick_det_tells_the_retry_worked():
    """A Swedish ticket: content protection refused twice (no encryption, then a short passphrase), then "Nu gick det
    med en ny, längre lösenfras!": the third upload worked, told."""
    text = (BLIND / "round215-clients/19-desktop-app-ticket-content-protection-sv.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["content-protection", "content-protection", "ok"]


def test_a_retry_told_once_more_with_an_error_is_a_run():
    """A Dutch WhatsApp chat: the session-start failure pasted, then "Nog een keer geprobeerd zonder VPN, toen gaf ie
    ook een fout, exit code 1, maar ik had het venster al dichtgedaan": a second run, its cause not shown."""
    text = (BLIND / "round215-ordinary/19-whatsapp-nl-retry-then-silent.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["session-start", "unknown"]


def test_an_exit_named_in_the_line_that_introduces_the_paste_is_the_pastes():
    """A Polish Mattermost export: "Job z LSF wraca z exit 1, wklejam maila z LSF:", then the job's mail with ascp's
    "failed to authenticate" and the server's refused key exchange, then the SDK's run: the handshake, then the
    success (the intro's exit had read as a run of its own)."""
    text = (BLIND / "round215-clients/01-lsf-bsub-old-cli-kex-then-sdk-pl.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-handshake", "ok"]


def test_timeouts_124_under_a_wrappers_echoed_limit_is_the_limit():
    """A German wrapper: "starte: timeout 20m ascp ...", the bar at 84 % and steady, then "ascp Rückgabewert 124":
    the time limit stopped it (it had read as unknown)."""
    text = (BLIND / "round215-hard-middle/13-de-timeout-wrapper-exit124-not-stall.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ok", "cancelled"]


def test_ctrl_c_named_before_more_of_the_runs_prompts_is_that_run():
    """Guard: "Pressing Enter just asks again, and Ctrl-C kills it:", the prompts again below: one run."""
    text = (BLIND / "round139-ordinary/06-conda-aspera-wrong-key-path-passphrase.md").read_text(encoding="utf-8")
    assert cause_ids(text) == ["key-file"]
