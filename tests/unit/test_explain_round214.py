"""explain: what blind round 214 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_task_scheduler_scripts_return_code_is_not_ascps():
    """Task Scheduler's "successfully completed task ... action "C:\\scripts\\pull.cmd" with return code 0" over a
    script that forces exit 0, and ascp's own log with errcode=56 (the path's ':'): one run, the path (the script's
    0 had read as a confident second run that worked)."""
    text = (BLIND / "round214-hard-middle/09-windows-taskscheduler-colon-names.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["path-name"]


def test_task_schedulers_own_ascp_action_still_tells_its_run():
    """Guard: the action that is ascp.exe itself, "with return code 0", is that run's end: a run that worked."""
    text = (
        'Task Scheduler launched action "C:\\Program Files\\Aspera\\cli\\bin\\ascp.exe" in instance "{7a2f}" of '
        'task "\\Aspera\\Nightly"\n'
        'Task Scheduler successfully completed task "\\Aspera\\Nightly" , instance "{7a2f}" , action '
        '"C:\\Program Files\\Aspera\\cli\\bin\\ascp.exe" with return code 0.\n'
    )
    stamped = "".join(f"2025-05-05 02:00:0{i} {line}\n" for i, line in enumerate(text.splitlines()))
    assert cause_ids(stamped) == ["ok"]


def test_full_console_output_before_a_cut_here_line_is_the_persons_run():
    """An Estonian/English mail to a help desk: "Webin-CLI tries the Aspera upload twice, both fail. Full console
    output:", then "----8<----" and the paste (its first line a shell prompt's command): two authentication failures
    (the paste had read as a document cut out, no run)."""
    text = (BLIND / "round214-documents/02-webin-helpdesk-et.eml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["auth", "auth"]


def test_a_run_that_completes_normally_is_no_sample():
    """A postmortem's timeline: "09:12 — morning delivery ... completes normally:", its bar and "Completed:" (read
    as a sample of what a run usually prints), then two UDP failures and the re-run: four runs."""
    text = (BLIND / "round214-documents/07-postmortem-fw-policy-udp33001.md").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ok", "udp", "udp", "ok"]


def test_normally_at_the_end_of_an_intro_is_still_a_sample():
    """Guard: "A transfer from the portal normally:" is what runs print in general, no run."""
    text = (
        "How the nightly job's output looks, normally:\n\n"
        "Completed: 236K bytes transferred in 1 seconds\n"
        " (1048K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == []


def test_two_cron_mails_forwarded_are_two_runs():
    """A Spanish mail forwarding two nights of cron's mails ("From: root@host (Cron Daemon)", each its "ascp: command
    not found"), then the server's session of the manual re-run: two failures and the success (the second night's
    mail had read as a quote of the first)."""
    text = (BLIND / "round214-servers/12-es-correo-cron-ascp-no-encontrado.eml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ascp-missing", "ascp-missing", "ok"]


def test_a_retry_told_to_have_failed_again_is_a_run():
    """A Spanish Slack export: the Connect failure pasted, then "le he dado a reintentar y otra vez: ha vuelto a
    fallar ... Esta vez no he copiado el mensaje": two runs, the second's cause not shown."""
    text = (BLIND / "round214-clients/10-slack-export-connect-udp-es.json").read_text(encoding="utf-8")
    assert cause_ids(text) == ["udp", "unknown"]


def test_failed_again_asked_or_as_a_case_adds_no_run():
    """Guard: "if it fails again" and an alert's "failed again?" tell no run of their own."""
    paste = "$ ascp -P 33001 u@h:/a.bin .\nascp: Failed to open TCP connection for SSH, exiting.\n\n"
    assert cause_ids(paste + "If it fails again tonight I will open a ticket.\n") == ["ssh-port"]
    assert cause_ids(paste + 'Alert: "aspera download failed again?"\n') == ["ssh-port"]


def test_the_key_prompt_named_in_a_japanese_sentence_is_no_run():
    """A Japanese Slack export: the run at "Key passphrase:" (^C), then the admin's "古い ascp は ... Key passphrase:
    を聞いてきます" (old ascp asks Key passphrase: instead), then the run that worked: two runs (the admin's
    sentence had read as a third)."""
    text = (BLIND / "round214-servers/13-ja-slack-export-key-passphrase.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["key-file", "ok"]
