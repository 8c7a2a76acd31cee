"""explain: what blind round 211 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"
ENA = "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR173/001/ERR1739691/ERR1739691_1.fastq.gz ."


def test_a_client_log_of_error_19_beside_a_quoted_refused_key_exchange_is_the_handshake():
    """A Jira export: Connect's log of an errcode=19 session, then the network admin's comment that the gateway's
    auth.log shows for that client only 'Unable to negotiate with ... no matching key exchange method found'. The
    run is the handshake (it had read as an authentication failure), then the run after the upgrade worked."""
    text = (BLIND / "round211-clients/23-jira-export-nl-oude-connect-kex.csv").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-handshake", "ok"]


def test_a_page_that_says_it_is_a_reference_only_holds_no_run():
    """A Portuguese lab KB page, "Esta página é só referência. Não cole aqui a saída do seu terminal", with ascp's
    summary as a sample under "Quando termina bem, ele imprime o resumo": no run (it had read as a success)."""
    text = (BLIND / "round211-documents/01-kb-pt-br-mensagens-ascp-laboratorio.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_person_who_says_see_the_reference_manual_keeps_their_run():
    """Guard: "reference" in a person's own words before their paste is no page's word on its samples."""
    text = (
        "Here is my run, see the reference manual link below.\n"
        f"$ ascp -QT -P33001 -i k.pem {ENA}\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["auth"]


def test_a_sample_under_for_example_abbreviated_in_hungarian():
    """A Hungarian runbook: "A naplófájlban ... a kód is látszik, pl.:" (for example), then a logged errcode=19
    record: a sample, no run (it had read as an authentication failure)."""
    text = (BLIND / "round211-documents/22-hu-runbook-aspera-hibauzenetek.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_an_abbreviated_for_example_inside_a_sentence_is_no_sample_intro():
    """Guard: Polish "np." inside the person's sentence, their own run after it."""
    text = (
        "Dzień dobry, np. wczoraj wieczorem uruchomiłem:\n"
        f"$ ascp -QT -P33001 -i k.pem {ENA}\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["auth"]


def test_kingfishers_stderr_under_its_exit_127_is_the_same_run():
    """kingfisher's "Command ... returned non-zero exit status 127.", then "STDERR was: b'/bin/sh: 1: ascp: not
    found\\n'" in a Telegram export: one run whose ascp was not found (it had read as two)."""
    text = (BLIND / "round211-ordinary/13-ru-telegram-kingfisher-notfound.json").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ascp-missing"]


def test_two_loop_iterations_each_not_found_then_exit_127_stay_two_runs():
    """Guard: the shell's "not found" before each exit 127 of a loop: two runs, the second's words not the first's."""
    text = (
        '$ for f in a b; do ascp -QT x@y:$f . ; echo "exit status $?"; done\n'
        "bash: ascp: command not found\nexit status 127\n"
        "bash: ascp: command not found\nexit status 127\n"
    )
    assert cause_ids(text) == ["ascp-missing", "ascp-missing"]


def test_a_korean_plan_not_run_yet_under_an_old_message_quoted():
    """A Korean Slack export: `ascp -A`, an old "Session Stop (Error: Client unable to connect ...)" someone had
    posted, quoted inline, and the planned command "(아직 안 돌렸어요)" (not run yet): no run (it had read as UDP)."""
    text = (BLIND / "round211-hard-middle/09-ko-slack-version-check-plan-only.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_korean_not_run_yet_after_the_fix_keeps_the_run_shown():
    """Guard: "방화벽 고친 뒤에는 아직 안 돌렸어요" (not run again since the firewall was fixed) after the person's run:
    the run stays."""
    text = (
        "[오전 9:12] 박지훈: 어제 돌린 결과입니다\n```\n"
        f"$ ascp -QT -l100m -P33001 -i key.pem {ENA}\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n```\n"
        "[오전 9:16] 박지훈: 방화벽 고친 뒤에는 아직 안 돌렸어요\n"
    )
    assert cause_ids(text) == ["udp"]


def test_a_failure_pasted_as_is_in_a_python_scripts_docstring():
    """A Python wrapper whose module docstring keeps a student's run "pasted as-is" ("ascp: Source file list not
    specified, exiting."): that run, read as a console's (the script had read as source code alone)."""
    text = (BLIND / "round211-documents/16-python-wrapper-docstring-pasted-failure.py").read_text(encoding="utf-8")
    assert cause_ids(text) == ["usage"]


def test_an_example_output_in_a_python_docstring_is_no_run():
    """Guard: the docstring's "Example output (pasted as-is from the docs)" is a sample."""
    text = (
        '#!/usr/bin/env python3\n"""fetch.py - wrapper.\n\nExample output (pasted as-is from the docs):\n\n'
        '    ascp: Source file list not specified, exiting.\n"""\nimport sys\n'
    )
    assert cause_ids(text) == []


def test_ascli_logger_lines_under_a_template_units_tag():
    """ascli's Ruby Logger lines in a journal under a systemd template unit's tag ("gw ingest-watch@east[2201]: E,
    [...] ERROR -- : Cannot rename partial file"): ascli's own words (they had not been read at all)."""
    text = (
        "2026-10-21T10:00:01+0200 gw ingest-watch@east[2201]: D, [2026-10-21T10:00:01.512033 #2201] DEBUG -- : "
        "execute: /opt/ascli/sdk/ascp -M 40121 --mode send\n"
        "2026-10-21T11:50:37+0200 gw ingest-watch@east[2201]: E, [2026-10-21T11:50:37.331902 #2201] ERROR -- : "
        "Cannot rename partial file\n"
    )
    assert cause_ids(text) == ["partial-rename"]


def test_a_summary_of_bytes_after_a_run_that_gave_up_before_moving_any_is_another_run():
    """A Teams chat: ascp's "failed to connect to management socket, exiting." and ascli's "ascp failed (pid 45812
    exit 1)", "y a las 08:30 exactamente lo mismo" (the same at 08:30), then the run relaunched by hand, its
    "Completed: 204800K bytes ...": two runs that died at start and one that worked (it had read as one run)."""
    text = (BLIND / "round211-servers/19-teams-es-ascli-puerto-gestion.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["died-at-start", "died-at-start", "ok"]


def test_a_summary_of_nothing_after_a_run_that_gave_up_is_that_runs():
    """Guard: ascp's "Completed: 0K bytes ..." after its "..., exiting." is the same run's summary."""
    text = (
        f"$ ascp -QT -P33001 -i k.pem {ENA}\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n"
        "Completed: 0K bytes transferred in 1 seconds\n"
        " (0K bits/sec), in 0 files.\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_two_tries_told_both_alike_in_spanish():
    """A GLPI ticket: "Dos intentos esta mañana, los dos igual:" (two tries, both alike) over the UDP failure, then
    the run after the server's fix: two UDP failures, then the success (the tries had read as one)."""
    text = (BLIND / "round211-servers/10-ufw-y-ticket-es-udp.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["udp", "udp", "ok"]
