"""explain: what blind rounds 200 to 203 found that was mended (and older sets the mends read right since), with
guards (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_nextflow_retry_note_followed_by_its_attempts_own_output_is_that_attempt():
    """.nextflow.log: "NOTE: Process `X` terminated ... -- Execution is retried (1)", then ".command.out tail:" with
    that attempt's stall, then the retry that worked: two runs (a copy of the last attempt had been told as a third,
    for an attempt the note was thought to leave untold)."""
    assert cause_ids(_blind("round199-hard-middle/10-nextflow-log-retry-stall-then-ok.log")) == ["stall", "ok"]
    text = _blind("round198-clients/06-nextflow-log-ascp-missing-then-putty-key.txt")
    assert cause_ids(text) == ["ascp-missing", "key-file"]


def test_a_nextflow_task_state_that_ended_well_is_no_failure():
    """ "Task completed > TaskHandler[...; status: COMPLETED; exit: 0; error: -; ...]" over the retry's "Completed:"
    (and a 120-character line before the next stamped one, no terminal's wrap): the stall, then ok (the retry had
    read as unknown, the state line taken for its error)."""
    assert cause_ids(_blind("round170-ordinary/13-nextflow-ena-stall-retry-ok.log")) == ["stall", "ok"]


def test_a_korean_question_introducing_the_wikis_error_examples():
    """A KakaoTalk chat: "지난번에 연구실 위키에 있던 에러 예시는 이거였죠?" (the error examples on the lab wiki were
    these, right?), then two quoted messages each mapped to its fix: no run (two confident runs had been read)."""
    assert cause_ids(_blind("round200-hard-middle/21-ko-kakaotalk-version-check-and-plan-no-run.txt")) == []


def test_slurm_seff_report_under_the_job_output_is_no_run():
    """seff's "Job ID: 8812043" / "State: TIMEOUT (exit code 0)" under the job killed at its time limit: the one
    cancelled run (the state's exit code 0 had read as a run that worked)."""
    assert cause_ids(_blind("round200-hard-middle/04-slurm-time-limit-while-slow-progress.out")) == ["cancelled"]


def test_guard_a_seff_report_alone_is_the_jobs_run():
    """Guard: seff's report with nothing above it is the job's run, unknown."""
    assert cause_ids("Job ID: 8812043\nCluster: hpc\nState: FAILED (exit code 1)\nCores: 1\n") == ["unknown"]


def test_ansibles_async_timeout_message_comes_after_the_commands_output():
    """An async task's result: "msg": "async task did not complete within the requested time - 900s" and
    "stdout": "Key passphrase: " (a PuTTY key): one key-file run (the message, written first, had been a run of its
    own)."""
    assert cause_ids(_blind("round200-clients/16-ansible-async-ascp-putty-key-timeout.txt")) == ["key-file"]


def test_a_nextflow_error_block_after_a_retried_attempt_is_the_retrys_run():
    """.nextflow.log: attempt 1's "ascp: command not found" under its retry note, then the retry's "Error executing
    process" block with its output sent to /dev/null ("Command output: (empty)"): ascp-missing, then unknown."""
    text = _blind("round200-documents/18-nextflow-log-fetch-ascp.log")
    assert cause_ids(text) == ["ascp-missing", "unknown"]


def test_guard_nextflow_logs_copy_of_an_error_block_shown_above_is_no_run():
    """Guard: the console's error block, then .nextflow.log's lines of the same task ending in its "Error executing
    process" heading again: no third run."""
    text = _blind("round122-ordinary/03-nextflow-awsbatch-ascp-missing.log")
    assert cause_ids(text) == ["ascp-missing", "ascp-missing"]


def test_fluent_bit_stdout_records_with_the_time_alone_before_them():
    """Fluent Bit's stdout output as versions before 2.1 print it ("[0] push.log: [1763964001.000000000, {"host"=>
    ..., "log"=>"ascp: Cannot resolve target host., exiting."}]"): the tailed file's lines, three nights' runs (no
    run had been read)."""
    text = _blind("round200-servers/22-fluentbit-stdout-hsts-yyz-outbound-push-three-nights.log")
    assert cause_ids(text) == ["dns", "ascp-missing", "usage"]


def test_a_scripts_comments_keeping_the_output_of_its_runs():
    """A script's header: "Output at the time:" over "#   $ ./sra_submit_batch.sh ...", "#   ascp: Source file list
    not specified, exiting", then the run after the fix; and a Dutch one ("Uitvoer van die ochtend hieronder
    geplakt"): their runs (the whole script had been read as code)."""
    text = _blind("round200-documents/23-bash-submit-script-with-pasted-output.sh")
    assert cause_ids(text) == ["usage", "ok"]
    assert cause_ids(_blind("round197-documents/24-nl-script-parallel-upload-partial.sh")) == ["ok", "partial-rename"]


def test_guard_a_scripts_expected_output_in_its_comments_is_no_run():
    """Guard: "# Expected output at the time of writing (2024):" over a summary: a sample, the script still code."""
    text = (
        "#!/bin/bash\n# fetch.sh\n# Expected output at the time of writing (2024):\n"
        "#   Completed: 100K bytes transferred in 1 seconds\n#    (800K bits/sec), in 1 file.\n"
        "ascp -QT -l 100m u@h:/x .\n"
    )
    assert cause_ids(text) == []


def test_a_ticket_systems_csv_export_each_ticket_telling_its_run():
    """ServiceNow's incidents as CSV ("number,opened_at,caller,short_description,...,work_notes"), each work note
    quoting its run's Session Stop (one as "ascp --mode=recv ... -> 'Session Stop ...'"): three runs (none had been
    read)."""
    text = _blind("round200-documents/16-servicenow-incidents-aspera-upload.csv")
    assert cause_ids(text) == ["content-protection", "exists", "permission"]


def test_a_command_and_its_output_after_an_arrow_on_one_line():
    """ "ascp ... -> "ascp: failed to authenticate, exiting."": the run that line tells (it had been a command
    without output)."""
    text = (
        'ascp -QT -P33001 -l 100m era-fasp@fasp.sra.ebi.ac.uk:/vol1/x . -> "ascp: failed to authenticate, exiting."\n'
    )
    assert cause_ids(text) == ["auth"]


def test_portuguese_i_ran_it_and_now_it_shows():
    """ "Funcionou! Rodei com `-resume` e agora o `.command.out` do mesmo processo mostra:" over the bar and
    "Completed:": the person's run that worked (it had been a sample's)."""
    text = _blind("round200-clients/09-github-issue-nextflow-port22-then-33001-pt.md")
    assert cause_ids(text) == ["ssh-port", "ok"]


def test_a_bar_after_the_loader_refused_to_start_ascp_is_another_run():
    """ "version `GLIBC_2.28' not found", a friend's advice in the chat, then the older transferd's bar and
    "Completed:": died-at-start, then ok (the bar had joined the run that never started)."""
    text = _blind("round200-hard-middle/24-zh-wechat-glibc-then-transferd-ok.txt")
    assert cause_ids(text) == ["died-at-start", "ok"]
    text = _blind("round98-servers/09-docker-glibc-restarts.txt")
    assert cause_ids(text) == ["died-at-start"] * 4 + ["ok"]


def test_guard_the_loaders_lines_one_per_missing_version_are_one_run():
    """Guard: the loader's two lines for one start stay one run."""
    text = (
        "$ ascp -QT -l 100m u@h:/x .\n"
        "ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
        "ascp: /lib64/libc.so.6: version `GLIBC_2.25' not found (required by ascp)\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_an_irc_log_with_the_time_unbracketed_before_the_speaker():
    """irssi's export ("10:03 <pnovak> Session Stop  (Error: Session initiation failed, read timed out)", the same
    again two minutes later): two runs (one had been read)."""
    text = _blind("round200-ordinary/24-cs-irc-log-gsa-session-init-retries.txt")
    assert cause_ids(text) == ["session-start", "session-start"]


def test_kubectl_describe_of_the_container_whose_log_was_shown_above():
    """ "kubectl logs ... -c ascp --previous" (the bar at 83 %), then describe's "ascp:" container, its "Command: ascp
    ..." field and "Reason: OOMKilled": one cancelled run (the log's run and the kill had been read as two)."""
    text = _blind("round200-hard-middle/16-kubectl-describe-pod-oomkilled-ascp-sidecar.txt")
    assert cause_ids(text) == ["cancelled"]


def test_a_hungarian_change_request_not_carried_out_yet():
    """ "még nem hajtottuk végre" (not carried out yet), "Teszt még nem futott" (no test has run yet), a table of the
    client's messages and their meaning: no run (two had been read)."""
    assert cause_ids(_blind("round200-servers/06-hu-valtozaskerelem-ufw-hsts-bud-udp-tartomany.md")) == []


def test_a_scripts_restarts_in_a_journal_each_a_run_of_its_own():
    """journalctl -r of a unit restarted by systemd: "asset-sync[48655]: + ascp ...", its "ascp: Cannot resolve
    target host., exiting.", then 48730's and 48812's same words: three runs (48730's had been read as an echo)."""
    text = _blind("round200-clients/10-systemd-journal-reverse-dns-restarts.txt")
    assert cause_ids(text) == ["dns", "dns", "dns"]


def test_guard_a_scripts_child_ascp_under_another_pid_is_the_same_run():
    """Guard: "push-lyon.sh[2288140]: + ascp ..." then "push-lyon.sh[2288143]: ascp: Cannot resolve target host."
    (ascp a child of the script), shown by systemctl status and again by journalctl: the two nights' runs."""
    assert cause_ids(_blind("round107-servers/18-systemctl-status-outbound-push-dns.txt")) == ["dns", "dns"]


def test_a_watch_folder_services_records_with_ascps_message_in_its_own_field():
    """NDJSON of a hot-folder service ("event": "session_end", "ascp_message": "Session Stop  (Error: Windows path
    contains illegal characters)"), then one that completed and, after a config change, "Aspera.conf contains
    invalid data and was rejected": three runs, the first at high confidence (the third had been lost)."""
    text = _blind("round200-documents/24-ndjson-watchfolder-history-win.ndjson")
    assert cause_ids(text) == ["path-name", "ok", "configuration"]


def test_a_german_would_with_a_message_like_introduces_a_sample():
    """Meeting notes: "Ohne Freigabe würde Aspera mit einer Meldung wie" / "`Session Stop  (Error: Client unable to
    connect ...)`" / "abbrechen": no run (a confident udp run had been read)."""
    assert cause_ids(_blind("round201-ordinary/24-de-meeting-notizen-hcp-download-plan.md")) == []


def test_a_korean_kb_article_that_says_it_records_no_incident():
    """ "특정 장애 기록이 아닙니다" (it is no record of a particular incident) over fenced messages: no run."""
    assert cause_ids(_blind("round201-documents/10-ko-kb-article-ascp-errors.md")) == []


def test_graylog_records_with_the_program_in_facility_and_the_host_in_source():
    """GELF records ("source": "hsts-ams2", "facility": "ascp", "pid": 30012): the ERR after a failed Session Start is
    that session's (content protection), not the next one's (the first had read as unauthorized)."""
    text = _blind("round201-servers/09-nl-teams-chat-graylog-ear-verplicht.md")
    assert cause_ids(text) == ["content-protection", "content-protection", "ok"]


def test_each_run_under_a_rule_naming_its_night_is_no_catalogue():
    """Three nights' cron mails under "---------- 27.05 02:30 ----------" rules, each ascp's own words: three runs
    (the three causes had read as a catalogue of messages)."""
    text = _blind("round201-servers/20-tr-cron-mail-uc-gece-hsts-ist2-ortak.eml")
    assert cause_ids(text) == ["key-file", "usage", "passphrase"]


def test_guard_a_timeline_under_dated_rules_quoting_messages_is_no_run():
    """Guard: a Fossil timeline's "=== 2026-04-21 ===" days over commit messages that quote ascp: no run."""
    assert cause_ids(_blind("round121-documents/10-fossil-timeline-enaget.txt")) == []


def test_i_have_tried_twice_before_the_one_paste():
    """ "Jag har provat två gånger:" (I have tried twice) over one paste of "Failed to open TCP connection for SSH":
    two runs, then the one that worked."""
    text = _blind("round201-servers/15-sv-mail-iptables-ssh-port-22-nytt-kontor.eml")
    assert cause_ids(text) == ["ssh-port", "ssh-port", "ok"]


def test_french_ascp_finished_with_return_code_zero():
    """ "ascp a fini avec le code retour 0" after the fix: the rerun that worked, told by its exit status."""
    text = _blind("round201-servers/03-fr-ticket-nftables-udp-33001-ferme-labo-nantes.txt")
    assert cause_ids(text) == ["udp", "udp", "ok"]


def test_ascli_logger_line_with_a_persons_sentence_after_its_words():
    """A ticket's note in an OpenSearch export: "WARN -- : An error occurred during transfer: Remote host is not who
    we expected. Our preset has sshfp pinned ...": host-key (it had been unknown)."""
    text = _blind("round201-servers/07-opensearch-ndjson-hsts-yul1-hostkey-rotation.ndjson")
    assert cause_ids(text) == ["host-key", "ok"]


def test_logcli_lines_of_a_unit_named_for_ascp():
    """logcli's '{unit="aspera-ascp"} LOG FASP Session Start ...': the server's session that worked, between two
    refused key exchanges (it had been lost)."""
    text = _blind("round201-servers/08-loki-logcli-hsts-waw1-old-ascp-kex.txt")
    assert cause_ids(text) == ["ssh-handshake", "ok", "ssh-handshake"]


def test_polish_the_same_at_seven_is_another_try():
    """ "To samo o 07:00 (sshd[73310], port 42890)" (the same at 07:00) after the 06:00 failure: two auth runs, then
    the one that worked."""
    text = _blind("round201-servers/11-pl-mattermost-wazuh-ssh-rsa-sha1-klucz-klienta.txt")
    assert cause_ids(text) == ["auth", "auth", "ok"]


def test_a_case_told_over_a_wrapped_line_is_no_run():
    """A firewall review: "Nếu họ gặp" (if they get) at a line's end, the next line "`Client unable to connect to
    server (check UDP port and firewall)` thì kiểm tra lại quy tắc [2]": no run (a low one had been read)."""
    assert cause_ids(_blind("round201-servers/17-vi-ufw-ra-soat-quy-tac-hsts-han1-khong-phien.md")) == []


def test_a_french_kb_article_whose_messages_are_quoted_as_examples():
    """ "Ils sont cités à titre d'exemple ; aucune des sorties ci-dessous ne provient d'un transfert de la plateforme"
    over a fenced auth failure and a table of messages: no run (an auth run at medium had been read)."""
    assert cause_ids(_blind("round202-documents/06-base-connaissances-fr-messages-ascp.md")) == []


def test_the_loaders_line_from_the_same_scripts_next_process_is_another_start():
    """A journal's "arhivs-push[20417]: ...: version `GLIBC_2.28' not found", then the timer's retry under 20733: two
    runs that died at the start (one had been read)."""
    text = _blind("round202-servers/19-journalctl-json-lv-centos7-sdk-ascp-glibc.json")
    assert cause_ids(text) == ["died-at-start", "died-at-start"]
    text = _blind("round194-hard-middle/19-journalctl-systemd-timer-glibc-two-days.txt")
    assert cause_ids(text) == ["died-at-start", "died-at-start"]


def test_a_run_left_at_its_prompt_ends_at_the_tickets_next_dated_message():
    """A Zendesk ticket: "Key passphrase:" (a .ppk key), the agent's answer, then "--- Kristjan Tamm, 04.12.2025
    14:41 ---" with the converted key's bar and "Completed:": key-file, then ok (the bar had joined the prompt's
    run)."""
    text = _blind("round202-servers/17-zendesk-ticket-et-ppk-voti-parooli-kusimus.txt")
    assert cause_ids(text) == ["key-file", "ok"]


def test_bulgarian_both_times_the_same():
    """ "опитал в 02:00 и после автоматично пак в 02:30, двата пъти същото" (tried at 02:00 and again at 02:30, both
    times the same) over one paste: two runs, then the one after the fix."""
    text = _blind("round202-servers/11-chat-bg-wazuh-firewalld-reject-tcp33001.txt")
    assert cause_ids(text) == ["ssh-port", "ssh-port", "ok"]


def test_three_nights_told_exactly_the_same_over_one_nights_log():
    """A postmortem: "Les trois nuits donnent exactement la même chose ; voici la nuit du 14" (wrapped over two lines)
    over one night's -L- log, then the manual rerun's "Completed:": three ssh-port runs, then ok (one run had been
    read, the rerun's summary joined to the failed night's logged session)."""
    text = _blind("round203-documents/03-postmortem-fr-miroir-ena-pare-feu.md")
    assert cause_ids(text) == ["ssh-port", "ssh-port", "ssh-port", "ok"]


def test_a_japanese_plan_for_the_other_file_is_no_word_on_the_runs_shown():
    """A Qiita post's "`_2.fastq.gz` の方は今夜まとめて流す予定（まだ実行していない）" (the _2 file tonight, not run
    yet) after the run that worked: key-file, then ok (the run that worked had been dropped)."""
    assert cause_ids(_blind("round203-documents/01-qiita-ja-ena-kagi-fuzai.md")) == ["key-file", "ok"]


def test_a_delivery_bots_records_listed_by_their_ends():
    """NDJSON, one record per job listed by "finished_at", its words in "error" or "summary", "ascp_exit": the four
    jobs in the order they started (the long first one listed last), the partial rename among them (it had been
    lost)."""
    text = _blind("round203-ordinary/19-ndjson-delivery-bot-by-finish-time.ndjson")
    assert cause_ids(text) == ["ok", "permission", "partial-rename", "ok"]


def test_polish_tried_twice_both_times_the_same():
    """ "cron próbował dwa razy (02:00 i 02:30), oba razy to samo" (tried twice, both times the same) over one paste:
    two host-key runs (one had been read)."""
    text = _blind("round203-servers/14-pl-mattermost-dyzur-hsts-waw-przebudowa-serwera.txt")
    assert cause_ids(text) == ["host-key", "host-key"]


def test_guard_an_apps_log_of_one_session_told_to_fail_again():
    """Guard: an app's aspera-scp-transfer.log of one licence failure, "next window failed the same way" told after
    it: the one logged session (the count is not copied onto a log file's session)."""
    assert cause_ids(_blind("round169-hard-middle/20-media-upload-licence-expired-log.txt")) == ["licence"]
