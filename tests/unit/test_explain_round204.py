"""explain: what blind round 204 found that was mended (and older sets the mends read right since), with guards
(each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_japanese_wiki_saying_its_lines_are_all_quotes_has_no_run():
    """ "ここに載っている行はすべて過去の問い合わせや公開資料からの引用です" (the lines here are all quotes from past
    inquiries and public material) over an error table and an IBM log sample: no run (the sample had read as a
    confident auth run)."""
    assert cause_ids(_blind("round204-documents/06-wiki-ja-error-table-quote.md")) == []


def test_an_old_failure_recalled_before_a_planned_run_is_no_run():
    """A Korean chat: "예전 노드에서는 이런 에러 났었죠?" (on the old node we had this error, right?) over last year's
    quoted failure, then a run planned for tonight; a Finnish chat: "Tikettiin kirjattiin silloin tämä rivi" (the
    ticket recorded this line back then). No run in either (each had read as a confident failure)."""
    assert cause_ids(_blind("round204-hard-middle/13-ko-kakaotalk-version-only-no-run.txt")) == []
    assert cause_ids(_blind("round202-ordinary/19-fi-teams-suunnitelma-hcp-ei-ajoa.txt")) == []


def test_gnu_parallel_jobs_killed_by_halt_are_cancelled():
    """A joblog whose healthy jobs show "Exitval 0, Signal 15" after --halt now,fail=1 ended them: cancelled, dns,
    cancelled in start order (exit value 0 had read as two runs that worked)."""
    text = _blind("round204-hard-middle/04-gnu-parallel-halt-now-typo-host.txt")
    assert cause_ids(text) == ["cancelled", "dns", "cancelled"]


def test_docker_compose_logs_are_read_service_by_service_in_start_order():
    """`docker compose logs -t`: the download's service listed first but started second; the upload's loader line
    of exactly 120 characters, then compose's "qc-upload-1 exited with code 1"; a database's warning (no ascp):
    died-at-start, then no-such-file (the loader's line had been joined with compose's, and the database's
    "Operation not permitted" read as a permission run)."""
    text = _blind("round204-hard-middle/23-es-ar-docker-compose-two-services.log")
    assert cause_ids(text) == ["died-at-start", "no-such-file"]


def test_guard_docker_compose_logs_without_time_stamps_keep_their_order():
    """Guard: compose's service tags without time stamps are not reordered (no time to order them by)."""
    text = (
        "fetch-1  | ascp: Cannot resolve target host., exiting.\n"
        "upload-1 | Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["dns", "auth"]


def test_a_japanese_plan_for_the_other_file_done_the_same_way_keeps_the_runs():
    """A wiki draft's two runs, then "`_2.fastq.bz2` も同じ要領で取る（まだ実行していない、明日やる）" (the _2 file the
    same way, not run yet, tomorrow): no-such-file, ok (the note had made the whole input one with no run)."""
    assert cause_ids(_blind("round204-ordinary/05-ja-ddbj-ascp-path-typo-then-ok.md")) == ["no-such-file", "ok"]


def test_a_chinese_note_of_the_other_file_not_yet_downloaded_keeps_the_runs():
    """Notes with a stall and the rerun that completed, then "另外 `_2.fastq.gz` 还没下，明天再跑" (the _2 file not
    downloaded yet, tomorrow): stall, ok (the note had dropped the rerun)."""
    assert cause_ids(_blind("round204-documents/16-notes-zh-ena-stall.md")) == ["stall", "ok"]


def test_a_scripts_missing_ascp_beside_a_servers_session_records():
    """journalctl -o json: two cron slots whose script says "line 18: ascp: command not found", then ascp's own
    session records of the slot after the fix: ascp-missing twice, then ok (the fast path read ascp's records only);
    a Coralogix export whose script's line has no stamp of its own is listed at the line before's time."""
    text = _blind("round204-servers/19-journal-json-cron-path-relay.ndjson")
    assert cause_ids(text) == ["ascp-missing", "ascp-missing", "ok"]
    text = _blind("round188-servers/24-coralogix-json-export-cron-push-path-then-conf.json")
    assert cause_ids(text) == ["ascp-missing", "configuration", "ok"]


def test_the_other_machines_run_told_the_same_in_chinese():
    """ "另一台 node09 用的是账号密码（ASPERA_SCP_PASS），也是同样的 failed to authenticate" (the other one, node09,
    uses the password, also the same failed to authenticate) after node07's paste: auth, auth, then the fix that
    worked."""
    assert cause_ids(_blind("round204-servers/17-dingtalk-dsa-key-and-password-zh.txt")) == ["auth", "auth", "ok"]


def test_a_swedish_incidents_evening_run_told_ok_after_logged_failures():
    """A ServiceNow incident's pasted "Session Start ... status=failed errcode=51" records, the fix, then "Kvällens
    körning OK enligt övervakningen" (the evening's run OK per monitoring): three host-key runs and the told one."""
    text = _blind("round204-servers/15-servicenow-vardnyckel-efter-ominstallation-sv.txt")
    assert cause_ids(text) == ["host-key", "host-key", "host-key", "ok"]


def test_guard_a_download_told_to_have_worked_beside_logged_sessions_is_one_of_them():
    """Guard: "the first download worked, the second one failed" under a server's logged sessions tells of those
    sessions, no further run."""
    text = _blind("round170-hard-middle/17-server-syslog-tac-ok-and-token-denied.log")
    assert cause_ids(text) == ["ok", "unauthorized"]


def test_pythons_subprocess_timeout_in_a_notebook_is_a_cancelled_run():
    """A notebook's cell: subprocess.run(..., timeout=600) raising "TimeoutExpired: Command '[...]' timed out after
    600 seconds" after a run that completed, or after the shell could not find ascp: the killed run, cancelled."""
    assert cause_ids(_blind("round204-hard-middle/17-vi-jupyter-subprocess-timeout.ipynb")) == ["ok", "cancelled"]
    text = _blind("round202-hard-middle/24-pt-jupyterhub-not-on-path-then-subprocess-timeout.ipynb")
    assert cause_ids(text) == ["ascp-missing", "cancelled"]


def test_a_scripts_rc_124_from_its_timeout_is_a_cancel():
    """A cron mail: the second file at 49 %, then the script's "resultaat: rc=124 (timeout: transfer na 7200 s
    afgebroken door het script)": ok, cancelled (the run had no end)."""
    assert cause_ids(_blind("round204-documents/11-cron-mail-nl-timeout-kill.eml")) == ["ok", "cancelled"]


def test_guard_a_runbook_saying_what_exit_124_means_has_no_run():
    """Guard: "Exit 124 means our `timeout` wrapper fired" in a runbook under its error table: no run."""
    assert cause_ids(_blind("round171-hard-middle/13-wiki-runbook-error-table-no-run.md")) == []


def test_an_r_scripts_comments_keep_its_console_and_its_stop_is_code():
    """An R script's "##   " comments holding a console (a PuTTY key's "Key passphrase:" then ^C; the .openssh
    key's run that completed), then its function's 'if (status != 0) stop("ascp failed with status ", status)':
    key-file, ok (the comments had read as markdown headings, and the stop() call as a run)."""
    assert cause_ids(_blind("round204-documents/19-r-script-pasted-key-putty.R")) == ["key-file", "ok"]


def test_a_spanish_paste_of_one_samples_output_is_the_persons_run():
    """ "Pego la salida de una sola muestra:" (I paste one sample's output) over kingfisher's log of a "Deprecated
    peer license": licence, then the new image's run (the noun "muestra" had read as a sample intro)."""
    assert cause_ids(_blind("round204-documents/08-slack-export-es-peer-license.json")) == ["licence", "ok"]


def test_guard_a_portuguese_copy_of_ibms_list_for_reference_is_no_run():
    """Guard: "copio aqui para referência:" over IBM's list of refusal reasons is the documentation's (only the
    person's own run counts)."""
    text = _blind("round140-hard-middle/17-pt-email-quotes-ibm-list-plus-own-run.eml")
    assert "unauthorized" not in cause_ids(text)


def test_asclis_logger_telling_the_code_it_logged_in_words_is_the_same_run():
    """ascli's bar at 100 %, "ERROR -- : code: 64", then "WARN -- : An error occurred: Can't rename a partial file.":
    one partial-rename run, then the retry that completed (the words had opened a second failed run)."""
    text = _blind("round204-ordinary/14-pl-jira-ascli-upload-dwa-razy-ten-sam-plik.txt")
    assert cause_ids(text) == ["partial-rename", "ok"]


def test_asclis_ascp_failed_under_its_own_command_is_a_run_of_its_own():
    """A ticket: ascli's "Destination: File exists" run, then a second "$ ascli server upload ..." whose only line is
    "ERROR -- : ascp failed (pid 7810 exit 1)", and the server's log of the first: exists, unknown (the second had
    been folded into the first)."""
    assert cause_ids(_blind("round204-servers/13-jira-overwrite-never-ko.txt")) == ["exists", "unknown"]


def test_jenkins_parallel_branches_are_read_branch_by_branch():
    """Jenkins' "[Pipeline] { (Branch: kanal-A)" ... and each branch's lines tagged "[kanal-A] ": the two branches
    that completed started first, the two sshd refused after them (the runs had been listed by their output, the
    failures first)."""
    text = _blind("round204-hard-middle/18-cs-jenkins-parallel-stages-maxstartups.log")
    assert cause_ids(text) == ["ok", "ok", "ssh-refused", "ssh-refused"]


def test_a_spanish_wrappers_exit_code_without_its_accent():
    """A nohup script's "ascp termino con codigo 1" (no accent on "terminó"): a run whose cause is not told (it had
    been no run at all)."""
    text = "[2025-02-17 23:10:02] descargando EMPIAR-11632\n[2025-02-17 23:41:57] ascp termino con codigo 1\n"
    assert cause_ids(text) == ["unknown"]
