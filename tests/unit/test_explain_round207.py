"""explain: what blind round 207 found that was mended, with guards (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_german_mail_saying_no_download_was_started_yet():
    """ "Ich habe aber noch KEINEN Download gestartet" beside an old wiki's UDP failure line from 2019: no run (it had
    read as a confident UDP failure)."""
    assert cause_ids(_blind("round207-ordinary/04-hcp-download-plan-de.eml")) == []


def test_a_windows_loader_dialog_in_a_note_that_never_names_ascp():
    """A help desk note: opening the Connect application shows "The procedure entry point SystemParametersInfoForDpi
    could not be located in the dynamic link library."; no ascp named anywhere: no run (it had read as ascp dying
    at its start)."""
    assert cause_ids(_blind("round207-clients/12-connect-dll-error-nl.md")) == []


def test_guard_a_loader_dialog_of_ascp_exe_stays_its_run():
    """Guard: the same kind of dialog where ascp.exe is the program started is ascp's run dying at its start."""
    assert cause_ids(_blind("round77-documents/17-windows-ticket-eventviewer.txt")) == ["died-at-start"]


def test_a_hostless_journals_traced_command_then_systemd_stopping_the_service():
    """journalctl --no-hostname: the script's "ena-mirror.sh[51807]: + /opt/aspera/sdk/ascp ..." after a run that
    completed, then "systemd[1]: Stopping ena-mirror.service - ...": that next run cancelled (it had not been read)."""
    text = _blind("round207-ordinary/16-systemd-journal-ena-mirror-sv.txt")
    assert cause_ids(text) == ["udp", "ok", "cancelled"]


def test_ascli_logger_lines_make_its_last_line_the_runs_words():
    """A CronJob's log: ascli's logger ("ERROR -- : ascp failed: pid 17 exit 1"), then "ERROR: Transfer: Remote host
    is not who we expected": host-key (it had read as a wrapper's failure with no cause)."""
    assert cause_ids(_blind("round207-clients/14-k8s-cronjob-hostkey.txt")) == ["host-key"]


def test_guard_ascli_last_line_repeating_its_loggers_words_is_no_second_run():
    """Guard: "ERROR -- : Destination: File exists", then "ERROR: Transfer: Destination: File exists": one run."""
    text = _blind("round191-clients/22-cron-mail-ascli-nightly-download-file-exists.eml")
    assert cause_ids(text) == ["exists"]


def test_a_scripts_comments_keeping_its_run_log_in_japanese():
    """A script whose comments keep "--- 実行ログ (コピペ版) ---" (the run's log, pasted): the pasted command's usage
    error, then the retyped one told to have completed ("手で打ち直したら転送は最後まで正常に完了した")."""
    assert cause_ids(_blind("round207-documents/21-japanese-script-nbsp-usage.sh")) == ["usage", "ok"]


def test_a_count_of_tries_under_the_last_of_several_failures():
    """A forum thread: one poster's encryption failure and its fix, then another's host-key failure with "Dah cuba
    dua kali, sama." (tried twice, the same): two host-key runs."""
    text = _blind("round207-documents/13-malay-forum-encryption-hostkey.html")
    assert cause_ids(text) == ["stronger-encryption", "ok", "host-key", "host-key"]


def test_guard_french_twice_pareil_stays_one_run():
    """Guard: "J'ai recommencé deux fois, pareil." was read by its reviewers as the one run shown."""
    assert cause_ids(_blind("round124-ordinary/07-ena-bam-usb-fat32-file-too-big-fr.txt")) == ["disk"]


def test_snakemakes_finished_job_after_bars_without_a_summary():
    """Snakemake restarts the job; its ascp's bars reach 100 % with no "Completed:" line, then "Finished job 1.":
    that run completed (it had read as a session with no end)."""
    text = _blind("round207-clients/20-snakemake-session-init-retry.log")
    assert cause_ids(text) == ["session-start", "ok"]


def test_spanish_no_transfer_launched_yet():
    """ "solo he comprobado la versión, todavía no he lanzado ninguna transferencia" and a planned command with a
    conditional "Si ves ...": no run."""
    assert cause_ids(_blind("round207-clients/22-teams-chat-planned-no-run-es.txt")) == []


def test_a_records_output_as_a_list_of_lines():
    """NDJSON records whose "stdout_tail" is a list of ascp's lines beside "msg": "ascp failed": each attempt's own
    words (they had read as failures with no cause)."""
    text = _blind("round207-hard-middle/12-loki-export-newest-first-mirror-retries.ndjson")
    assert cause_ids(text) == ["udp", "session-start", "ok"]


def test_a_count_of_password_prompts_is_no_count_of_runs():
    """ "`Password:` も3回とも Enter だけ押しました" (Enter at all three password prompts): one run (it had read as
    three)."""
    assert cause_ids(_blind("round207-ordinary/05-qa-forum-putty-key-ja.md")) == ["key-file"]


def test_containers_named_for_ascli_in_a_journal():
    """Two cron containers' lines ("docker-host ascli-pull-a[24410]: ... complete", "ascli-pull-b[24877]: ...
    Cannot rename partial file"): the first completed (it had not been read)."""
    assert cause_ids(_blind("round207-ordinary/13-teams-synology-partial-nl.txt")) == ["ok", "partial-rename"]


def test_a_told_fix_after_the_servers_sshd_line_the_person_pasted():
    """A forum thread: the failed run, the server's sshd line, then "Instalé Connect 4.2 y bajó todo." (installed
    Connect 4.2 and it downloaded everything): the fix's run, told (it had not been read)."""
    text = _blind("round207-ordinary/18-foro-windows-connect-viejo-es.txt")
    assert cause_ids(text) == ["ssh-handshake", "ok"]


def test_guard_works_now_under_a_logged_session_that_worked():
    """Guard: "Works now, closing." under the sshd refusals and the session that worked is that session."""
    assert cause_ids(_blind("round105-servers/04-rhel9-ssh-rsa-old-ascp.txt")) == ["auth", "auth", "ok"]


def test_guard_another_programs_word_before_the_sshd_lines():
    """Guard: "`ssh -p 33001` werkt nu gewoon" in a postmortem's timeline is ssh's, not a run of ascp's."""
    text = _blind("round134-documents/23-postmortem-nl-parallel-burst-maxstartups.md")
    assert cause_ids(text) == ["ssh-refused", "ssh-refused"]


def test_the_clients_server_aborted_words_beside_the_servers_errstr():
    """A ticket: the client's "Session Stop  (Error: Server aborted session: Client requests stronger encryption
    than server allows)" and the server's "ERR FASP receiver had error, errcode 34 errstr [Client requests ...]":
    one attempt (it had read as two)."""
    assert cause_ids(_blind("round207-servers/08-ca-redmine-xifratge.txt")) == ["stronger-encryption", "ok"]


def test_a_word_that_it_worked_denied_in_brackets():
    """ "CI is green, so the upload worked — merging." (it did not: ...): no run told (it had read as one)."""
    text = _blind("round207-hard-middle/11-gitlab-ci-filepass-then-no-encrypt.log")
    assert cause_ids(text) == ["passphrase", "content-protection"]


def test_the_stderr_of_the_first_attempt_shown_after_the_retry():
    """ascli's first attempt failed at its management port, its retry completed, then "stderr of the first ascp
    attempt, captured by our wrapper:" and that attempt's two lines: two runs (they had read as three)."""
    text = _blind("round207-clients/23-ascli-node-docker-mgmt-retry.txt")
    assert cause_ids(text) == ["died-at-start", "ok"]


def test_rundecks_node_tag_before_each_jobs_tag():
    """ "22:00:01 [hpc-transfer01] [amostra=SRR5005053] ascp ..." for two parallel jobs, then a third: three runs
    (the two had read as one)."""
    text = _blind("round207-documents/19-portuguese-rundeck-ena-parallel.log")
    assert cause_ids(text) == ["auth", "auth", "ok"]


def test_guard_parallel_ssh_headers_keep_their_hosts_apart():
    """Guard: "[1] 14:22:09 [SUCCESS] node07" headers: each host's ascp its own run."""
    text = _blind("round132-hard-middle/20-pssh-success-but-udp-and-glibc.txt")
    assert cause_ids(text) == ["died-at-start", "udp"]


def test_icelandic_three_tries_with_the_same_result():
    """ "Ég reyndi þrisvar með sama árangri" under the portal's error (after a DNS failure above it): three
    server-session runs."""
    text = _blind("round207-documents/04-icelandic-mail-typo-then-portal.eml")
    assert cause_ids(text) == ["dns", "server-session", "server-session", "server-session"]


def test_ukrainian_tried_again_the_same():
    """ "Спробувала ще раз — те саме: ascp.exe: Failed to open TCP connection for SSH, exiting.": a second failed
    try, then the run with -P 33001 that completed."""
    assert cause_ids(_blind("round207-servers/04-uk-telegram-export-ufw.json")) == ["ssh-port", "ssh-port", "ok"]


def test_prefects_mapped_task_runs_told_apart():
    """Prefect's NDJSON with "task_run_name" on each record: upload_batch-0 completed, upload_batch-1 and its retry
    refused for encryption, listed as they started (the success had read last)."""
    text = _blind("round207-clients/11-prefect-mapped-encryption.ndjson")
    assert cause_ids(text) == ["ok", "stronger-encryption", "stronger-encryption"]


def test_prefects_task_runs_in_start_order_with_a_silent_failure_of_its_own():
    """Round 205's Prefect export: push_one-0 completed, push_one-1's logged read error, push_one-2's "Finished in
    state Failed(... exit status 1.)" under its own command, a run of its own (they had read in another order)."""
    text = _blind("round205-documents/20-prefect-flow-run-logs.ndjson")
    assert cause_ids(text) == ["ok", "read-error", "unknown"]
