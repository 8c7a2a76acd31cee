"""explain: what blind rounds 154 and 155 found that was mended in this session, with guards (each test but the
guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_named_persons_first_attempt_is_their_run():
    """ "User's first attempt (copied from a blog post that dropped the -P option):": what was copied is the command;
    the output under it is the user's, then their second attempt completes."""
    assert cause_ids(_blind("round154-ordinary/19-port22-then-33001.txt")) == ["ssh-port", "ok"]


def test_an_issue_copied_for_the_wiki_keeps_its_run():
    """ "From the GitHub issue on our internal download helper (copied here for the wiki):": the wiki is where the
    paste is kept, not the document pasted; the issue's Session Stop line is the reporter's run."""
    assert cause_ids(_blind("round154-ordinary/18-batch-read-timed-out.txt")) == ["session-start"]


def test_a_ci_jobs_failure_after_ascp_completed_is_no_run():
    """GitLab's "ERROR: Job failed: exit code 1" (and GitHub Actions' "Error: Process completed with exit code 1.")
    after the transfer's "Completed:": a later step failed (the md5 check), no second run."""
    assert cause_ids(_blind("round154-hard-middle/01-gitlab-ci-md5-wrapper-fails-after-complete.log")) == ["ok"]
    actions = (
        "Run ./fetch.sh\nascp -T era-fasp@fasp.sra.ebi.ac.uk:/vol1/a.fastq.gz .\n"
        "a.fastq.gz   100% 1MB 1Mb/s 00:01\nCompleted: 1024K bytes transferred in 1 seconds\n"
        " (241398K bits/sec), in 1 file.\nmd5 mismatch for a.fastq.gz\nError: Process completed with exit code 1.\n"
    )
    assert cause_ids(actions) == ["ok"]


def test_guard_a_ci_jobs_failure_after_a_failed_run_stays_that_runs():
    """Guard: after a run that failed, the job's failure line is still no run of its own."""
    text = "$ ascp -P 33001 u@h:/a .\nascp: failed to authenticate, exiting.\nERROR: Job failed: exit code 1\n"
    assert cause_ids(text) == ["auth"]


def test_a_pods_sidecar_oomkilled_is_not_the_ascp_containers_end():
    """kubectl describe pod: "log-shipper:"'s OOMKilled and exit 137 are the sidecar's; the ascp container's exit 1
    and its log's "Client requests stronger encryption than server allows" are one run."""
    text = _blind("round154-hard-middle/11-k8s-describe-sidecar-oomkilled-ascp-cipher.txt")
    assert cause_ids(text) == ["stronger-encryption"]


def test_a_json_loggers_line_field_is_ascps_output():
    """{"msg": "ascp stdout", "line": "Session Stop  (Error: Server aborted session: Read access denied for user)"}:
    the run's words, whatever the wrapper says after ("transfer complete")."""
    assert cause_ids(_blind("round154-hard-middle/20-jsonl-wrapper-logs-success-anyway.jsonl")) == ["permission"]


def test_ascli_logger_lines_behind_airflows_logger_are_read():
    """Airflow's "{subprocess.py:93} INFO - E, [...] ERROR -- : Destination: File exists": ascli's own line."""
    assert cause_ids(_blind("round154-clients/15-airflow-ascli-overwrite-never-exists.log")) == ["exists"]


def test_a_splunk_configurations_sample_event_is_no_run():
    """props.conf with "# Example event used while writing the regexes (synthetic, ...):" and a sample FASP Session
    Stop line, then saved searches: a configuration file, no run (it had read as a success)."""
    assert cause_ids(_blind("round155-servers/16-splunk-props-aspera-sourcetype.conf")) == []


def test_a_line_of_80_bytes_but_78_characters_was_not_cut_by_a_terminal():
    """A terminal wraps at a width in characters: a line with an em dash (78 characters, 80 bytes) is whole, and
    the next line's sample intro is read as its own."""
    text = (
        "# notes for the aspera sourcetype \u2014 reviewed 2025-10-14 by the platform team!!\n"
        "# Example event used while writing the regexes (synthetic):\n"
        "#   LOG FASP Session Stop uuid=a9063e44-1b2c-4d5e-8f90-a1b2c3d4e5f6 op=recv status=success\n"
    )
    assert len(text.splitlines()[0]) == 78 and len(text.splitlines()[0].encode()) == 80
    assert cause_ids(text) == []


def test_sshds_allow_groups_refusal_is_an_authentication_failure():
    """ "User seq_upload2 from ... not allowed because none of user's groups are listed in AllowGroups", with the
    client's "failed to authenticate": the account is refused at login (auth), not a server session that would
    not start."""
    assert cause_ids(_blind("round155-servers/22-mail-nl-allowgroups-nieuw-account.eml")) == ["auth"]


def test_guards_sshds_other_refusals_keep_their_readings():
    """Guards: a missing shell (aspshell) stays a server session that could not start; "User root ... not listed
    in AllowUsers" in a log of the internet's guessing is no client's attempt."""
    shell = _blind("round67-servers/18-slack-aspshell-missing-after-upgrade.txt")
    assert cause_ids(shell) == ["server-session", "server-session", "ok"]
    guessing = _blind("round118-servers/07-pt-br-crowdsec-cscli-alertas-sem-transferencias.txt")
    assert cause_ids(guessing) == []


def test_asclis_last_line_repeating_its_runs_failure_is_that_run():
    """ascli's logger "Destination: File exists", "ascp failed (pid 2298 exit 1)", then its last line "ERROR:
    FASP(ascp): File or directory already exists": one run, then the retry that worked."""
    assert cause_ids(_blind("round155-clients/01-buildkite-ascli-faspex5-exists-then-ok.log")) == ["exists", "ok"]


def test_asclis_hint_under_its_last_line_is_that_run():
    """ "ERROR: FASP(ascp): Remote host is not who we expected", then "Hint: Remote host is not who we expected:
    Check the SSH host key fingerprint ...": ascli's advice, no second run."""
    assert cause_ids(_blind("round155-clients/09-luigi-ascli-server-sshfp-mismatch.log")) == ["host-key"]


def test_systemds_runtime_limit_cancels_the_run_ascps_journal_lines_told():
    """journalctl of a service: ascp[48113]'s bars, then "dailies-pull.service: Service reached runtime time limit.
    Stopping.": that run was cancelled by the unit's RuntimeMaxSec."""
    assert cause_ids(_blind("round155-documents/14-systemd-unit-journal-cancelled.txt")) == ["cancelled"]
    journal = (
        "2024-06-11T05:00:02+0200 gw systemd[1]: Started pull.service - Pull.\n"
        "2024-06-11T05:00:09+0200 gw ascp[48113]: a.mxf    100% 8412MB  388Mb/s    02:54\n"
        "2024-06-11T05:45:02+0200 gw ascp[48113]: b.mxf     62%   71GB  394Mb/s    16:30 ETA\n"
        "2024-06-11T05:45:02+0200 gw systemd[1]: pull.service: Service reached runtime time limit. Stopping.\n"
        "2024-06-11T05:45:03+0200 gw systemd[1]: pull.service: Main process exited, code=killed, status=15/TERM\n"
    )
    assert cause_ids(journal) == ["cancelled"]


def test_a_bulletins_colleague_who_got_an_error_ran_it():
    """A newsletter's tip: "Um colega ... reaproveitou o token de um script antigo e recebeu:", then the typed ascp
    and its Session Stop: the colleague's run, not the bulletin's sample."""
    text = _blind("round155-documents/24-portuguese-newsletter-immport-token.html")
    assert cause_ids(text) == ["unauthorized"]


def test_the_form_of_a_command_is_no_sample_of_output():
    """ "The command used for every run was of the following form (key path abbreviated):" over a verbatim block of
    the command and its output: a thesis appendix's run."""
    assert cause_ids(_blind("round155-documents/09-latex-thesis-appendix-ok.tex")) == ["ok"]


def test_guard_a_message_of_the_following_form_stays_a_sample():
    """Guard: "An authentication failure has the following form:" over ascp's words is a document's sample."""
    assert (
        cause_ids("An authentication failure has the following form:\n\nascp: failed to authenticate, exiting.\n") == []
    )


def test_heads_banner_of_the_jobs_output_ends_the_scripts_copy():
    """head's "==> fetch_one.sh <==" (the job's script) then "==> out/fetch.88412.0.out <==": the .out file's
    Session Stop is the job's run (it had read as the script's text), as is the .err's "Key passphrase:"."""
    text = _blind("round155-documents/15-htcondor-job-files-server-session.txt")
    assert cause_ids(text) == ["server-session"]
    assert cause_ids(_blind("round154-clients/02-htcondor-ncbi-upload-key-prompt.txt")) == ["key-file"]


def test_a_parallel_makes_runs_are_listed_in_the_order_it_started_them():
    """make -j echoes its jobs' commands first; each run is the job its bar's file (or the directory it is in)
    names, a failure the job whose target make's error names: listed in that order, not in the order their last
    words came."""
    assert cause_ids(_blind("round155-hard-middle/03-make-j3-ena-three-downloads.log")) == ["ok", "no-such-file", "ok"]
    assert cause_ids(_blind("round133-hard-middle/08-make-j3-three-providers.log")) == ["ok", "ssh-port", "permission"]
    assert cause_ids(_blind("round145-hard-middle/05-make-j3-gsa-missing-P.log")) == ["ok", "ssh-port", "ok"]
    text = (
        "$ make -j2 all\nascp -QT era-fasp@h:/vol1/a/A_1.fastq.gz raw/\nascp -QT era-fasp@h:/vol1/b/B_1.fastq.gz raw/\n"
        "A_1.fastq.gz   10%  1MB 1Mb/s 00:10 ETA\nascp: failed to authenticate, exiting.\n"
        "make: *** [Makefile:3: raw/B_1.fastq.gz] Error 1\nA_1.fastq.gz  100%  9MB 1Mb/s 00:01\n"
        "Completed: 9216K bytes transferred in 1 seconds\n (1000K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["ok", "auth"]


def test_guard_a_parallel_make_whose_runs_name_no_job_keeps_its_order():
    """Guard: a run that names no job (no bar, no make error) leaves the runs in the order their words came."""
    text = (
        "$ make -j2 all\nascp -QT era-fasp@h:/vol1/a/A_1.fastq.gz raw/\nascp -QT era-fasp@h:/vol1/b/B_1.fastq.gz raw/\n"
        "ascp: failed to authenticate, exiting.\nascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    assert cause_ids(text) == ["auth", "ssh-port"]


def test_xargs_tracing_its_parallel_commands_orders_its_runs_too():
    """xargs -t -P 3 echoes each "sh -c ascp ..." it starts: a failure right after a bar a later completed run
    shows again is the job no bar names (blind rounds 110 and 141)."""
    text = _blind("round141-hard-middle/02-xargs-t-three-accessions-one-withdrawn.txt")
    assert cause_ids(text) == ["ok", "no-such-file", "ok"]
    assert cause_ids(_blind("round110-hard-middle/02-xargs-P3-verbose-interleaved.log")) == ["ok", "no-such-file", "ok"]


def test_round156_a_kb_article_and_a_catalog_csv_are_no_runs():
    """ "# KB-0412 — ..." over its symptom's log line, and a CSV catalog "code;mnemonique;message_ascp;
    cause_probable;action_recommandee": documents, no runs (they had read as ssh-refused, auth and configuration)."""
    assert cause_ids(_blind("round156-documents/01-kb-sshd-maxstartups-aspera.md")) == []
    assert cause_ids(_blind("round156-documents/06-fr-catalogue-codes-fasp.csv")) == []


def test_guard_a_transfer_reports_csv_with_a_time_column_keeps_its_runs():
    """Guard: a report's CSV whose header has a time column and an error column is rows of runs."""
    text = _blind("round137-documents/17-weekly-transfer-report-kw37.csv")
    assert sorted(cause_ids(text)) == ["exists", "ok", "permission"]


def test_round156_a_question_before_any_transfer_quotes_no_run():
    """Russian: "Передач ещё не было" (no transfers yet), then a line the documentation shows: no run."""
    assert cause_ids(_blind("round156-servers/20-forum-ru-question-before-first-transfer.txt")) == []


def test_round156_prefects_flow_timeout_cancels_the_run():
    """Prefect's "Flow run exceeded timeout of 3600.0 second(s)" while ascp's bar moved: cancelled."""
    assert cause_ids(_blind("round156-clients/20-prefect-flow-timeout-cancelled.log")) == ["cancelled"]


def test_round156_a_bracketed_counterfactual_quote_is_no_run():
    """'(annars hade det stått / "failed to authenticate")' beside the run's licence failure: no second run."""
    assert cause_ids(_blind("round156-documents/13-sv-nyhetsbrev-gammal-connect-licens.txt")) == ["licence"]


def test_round156_logcli_lines_holding_whole_syslog_lines_are_a_servers_log():
    """logcli's "2024-06-13T07:42:19Z {} Jun 13 07:42:19 host ascp[48211]: LOG FASP Session Stop ...", newest
    first: the server's sessions, oldest first (they had read as one low-confidence failure)."""
    text = _blind("round156-servers/01-loki-logcli-ena-style-mirror-pulls.log")
    assert cause_ids(text) == ["ok", "ok", "no-such-file"]


def test_round157_french_minutes_quoting_documented_errors_hold_no_run():
    """ "Exemple de message d'erreur ... (tiré de la documentation/des forums, pas de notre infrastructure — aucun
    transfert n'a encore été tenté ...)" and "et, si le TCP est aussi bloqué :": samples, no runs."""
    assert cause_ids(_blind("round157-documents/05-compte-rendu-reunion-pare-feu.md")) == []


def test_round157_an_operator_who_set_the_passphrase_is_no_passphrase_failure():
    """ "operator j.k. set ASPERA_SCP_FILEPASS in the job vault" then ascp's "Server requires stronger content
    protection passphrase": the run's words decide (content protection), not the operator's note."""
    text = _blind("round157-documents/17-vendor-delivery-log-content-protection.log")
    assert cause_ids(text) == ["content-protection", "content-protection", "ok"]


def test_round157_what_a_client_usually_reports_is_no_run():
    """Italian: "e il client ascp riporta di solito soltanto "failed to authenticate"" in a change review: no run."""
    assert cause_ids(_blind("round157-servers/21-review-sshd-config-it.txt")) == []


def test_round157_a_count_of_other_customers_successful_sessions_is_no_run():
    """ "aspera-eu is up; 41 successful sessions from other customers": the operator's count, no success of the
    customer's (whose run failed to resolve the host)."""
    assert cause_ids(_blind("round157-servers/22-ticket-dns-nothing-on-server.txt")) == ["dns"]


def test_guard_a_conditional_intro_with_a_persons_run_keeps_it():
    """Guard: "If I run it with -T, I get:" over ascp's output is the person's run, no sample."""
    assert cause_ids("If I run it with -T, I get:\n\nascp: failed to authenticate, exiting.\n") == ["auth"]


def test_review_a_later_steps_make_error_is_not_a_failed_runs_target():
    """Review: "make: *** [...: raw/A_1.fastq.gz.ok] Error 1" after A's ascp completed (its md5 step) is passed
    over; B's and C's failures keep their own targets' order."""
    text = (
        "$ make -j3 -k all\nascp -QT era-fasp@h:/vol1/a/A_1.fastq.gz raw/\n"
        "ascp -QT era-fasp@h:/vol1/b/B_1.fastq.gz raw/\n"
        "ascp -QT era-fasp@h:/vol1/c/C_1.fastq.gz raw/\nA_1.fastq.gz  100%  9MB 1Mb/s 00:01\n"
        "Completed: 9216K bytes transferred in 1 seconds\n (1000K bits/sec), in 1 file.\n"
        "make: *** [fetch.mk:12: raw/A_1.fastq.gz.ok] Error 1\nSession Stop  (Error: Disk write failed (server))\n"
        "make: *** [fetch.mk:10: raw/B_1.fastq.gz] Error 1\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n"
        "make: *** [fetch.mk:10: raw/C_1.fastq.gz] Error 1\n"
    )
    assert cause_ids(text) == ["ok", "disk", "no-such-file"]


def test_review_a_persons_report_in_spanish_italian_or_under_a_ticket_key_keeps_its_run():
    """Review: "Generalmente ... funciona, pero anoche el ascp dijo "..."", "Se lo lancio a mano con -T ottengo:" and
    a title "TN-512 - nightly push to partner fails" over the output are the person's runs."""
    spanish = (
        'Generalmente la subida nocturna funciona, pero anoche el ascp dijo "Session Stop  (Error: failed to '
        'authenticate)" y se cortó.\n'
    )
    assert cause_ids(spanish) == ["auth"]
    assert cause_ids("Se lo lancio a mano con -T ottengo:\n\nascp: failed to authenticate, exiting.\n") == ["auth"]
    assert cause_ids("TN-512 - nightly push to partner fails\n\nascp: failed to authenticate, exiting.\n") == ["auth"]


def test_review_sshds_locked_account_and_a_transfer_accounts_list_refusal():
    """Review: "account is locked" stays a server session that could not start (the operator's account set-up);
    "User backup ... not listed in AllowUsers" from a private address is a client's failed login, not guessing."""
    locked = (
        "Jun  1 10:00:00 h sshd[7]: User xfer from 10.20.0.5 not allowed because account is locked\n"
        "Jun  1 10:00:00 h sshd[7]: Connection closed by invalid user xfer 10.20.0.5 port 5122 [preauth]\n"
    )
    assert cause_ids(locked) == ["server-session"]
    listed = (
        "Jun  1 10:00:00 h sshd[7]: User backup from 10.20.0.5 not allowed because not listed in AllowUsers\n"
        "Jun  1 10:00:00 h sshd[7]: Connection closed by invalid user backup 10.20.0.5 port 5122 [preauth]\n"
    )
    assert cause_ids(listed) == ["auth"]


def test_round158_a_journal_cut_by_jq_to_t_pid_m_is_ascps_log():
    """jq's '{t: .__REALTIME_TIMESTAMP, pid: ._PID, m: .MESSAGE}': ascp's records by their "m", the ERR line naming
    the stronger encryption the server refused (it had read as a bare "Unauthorized")."""
    text = _blind("round158-servers/07-journalctl-json-stronger-encryption.txt")
    assert cause_ids(text) == ["stronger-encryption", "ok"]


def test_round158_we_have_not_tried_a_transfer_yet():
    """ "We have not tried a transfer yet." before the service desk's quoted UDP message: no run."""
    assert cause_ids(_blind("round158-servers/22-partner-question-ports-before-first-transfer.txt")) == []


def test_round158_a_samples_intro_under_its_heading_keeps_the_block_after_it_a_sample():
    """A heading "## 2. 正常時の出力例 (参考)", then its intro
    "以下はマニュアルから転記した例であり、実際の実行ログではない。" (copied from the manual, no real run's log),
    a blank line and the fenced sample: no run; the incident's cron log below is one."""
    assert cause_ids(_blind("round158-documents/05-japanese-runbook-session-init.md")) == ["session-start"]


def test_guard_a_headings_sample_still_ends_at_a_blank_line_without_an_intro():
    """Guard: a sample heading's one line, a blank line, then a person's own run: the run stays."""
    text = (
        "## Sample output (reference)\nCompleted: 1024K bytes transferred in 1 seconds\n\n"
        "$ ascp -P 33001 u@h:/a .\nascp: failed to authenticate, exiting.\n"
    )
    assert cause_ids(text) == ["auth"]
