"""explain: what blind rounds 168 onward found that was mended in this session (and older sets the mends read right
since), with guards (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_an_operations_manuals_table_with_one_rule_and_its_list_of_codes():
    """A German operations manual: "Meldung (stderr bzw. stdout)   Erstmaßnahme" over one run of dashes, each of
    ascp's messages beside its first action, then "50  Aspera.conf contains invalid data and was rejected" in a
    list of codes: no run (it had read as seven confident failures)."""
    assert cause_ids(_blind("round168-documents/02-german-betriebshandbuch-fehlertabelle.txt")) == []


def test_a_partners_paste_and_the_servers_log_of_that_session_are_one_run():
    """The partner's "Server requires content protection" paste, then the server's syslog of the same session
    (errcode=48 beside its ERR naming content protection), then the retry that worked: two runs, not three."""
    text = _blind("round168-servers/09-ticket-content-protection-ja.md")
    assert cause_ids(text) == ["content-protection", "ok"]


def test_a_job_killed_at_its_time_limit_seen_by_the_server_as_a_peer_abort_is_one_run():
    """Slurm's "CANCELLED ... DUE TO TIME LIMIT" under the client's bar, then the server's session of that upload
    ending in errcode 39 (the peer aborted): the one cancelled run (the server's side had read as a second run)."""
    assert cause_ids(_blind("round165-servers/19-zh-gsa-slurm-time-limit.txt")) == ["cancelled"]
    assert cause_ids(_blind("round77-servers/20-slurm-timelimit-and-server.txt")) == ["cancelled"]


def test_a_bar_that_stops_then_its_own_log_lines_are_one_run():
    """A chat: the download's bar at 61 %, "then it exited", and the -L log's last lines (a write failure, "No
    space left on device"): one disk run (the bar had read as a second, unknown run)."""
    assert cause_ids(_blind("round166-ordinary/04-gsa-download-disk-full-zh.txt")) == ["disk"]


def test_guard_a_console_paste_and_a_later_log_of_other_words_stay_two_runs():
    """Guard: ascp's -L- lines amid the console, after their own typed command (no time stamps): the second try's,
    not the first paste's seen again."""
    text = _blind("round97-clients/12-macos-upload-content-protection.txt")
    assert cause_ids(text)[:2] == ["content-protection", "passphrase"]


def test_guard_the_logs_more_telling_words_win_over_the_paste():
    """Guard: a wrapper's "failed to authenticate" and the -L log's "Unable to exchange encryption keys" before its
    own "failed to authenticate": the log's reading, ssh-handshake, is the one run."""
    assert cause_ids(_blind("round138-clients/16-java-sdk-old-ascp-kex-debug.log")) == ["ssh-handshake"]


def test_a_chat_exports_speaker_before_a_pasted_syslog_line():
    """ "[09:41] ana.r: ```Sep 02 09:39:02 hsts-mad ascp[5388]: LOG FASP Session Stop ... status=success```": the
    server's record of the retry that worked (the speaker's name before it had hidden it)."""
    text = _blind("round168-servers/10-slack-cifrado-es.txt")
    assert cause_ids(text) == ["stronger-encryption", "ok"]


def test_logcli_json_records_whose_line_holds_host_and_tag():
    """logcli's JSON records ({"labels", "timestamp", "line": "fasp-gw-2 ascp[78833]: LOG FASP ..."}): read as the
    server's syslog, the retry's success among them (it had read as an unknown run)."""
    assert cause_ids(_blind("round168-servers/03-logcli-udp-timeout-then-ok.json")) == ["udp", "ok"]


def test_datadog_records_whose_service_is_sshd():
    """Datadog's API records with "service": "sshd" and no syslog appname: sshd's "drop connection ... past
    MaxStartups" lines are the two parallel uploads it refused (they had not been read)."""
    text = _blind("round168-servers/04-datadog-maxstartups-fanout.json")
    assert cause_ids(text) == ["ok", "ok", "ssh-refused", "ok", "ssh-refused", "ok"]
    text = _blind("round145-servers/03-datadog-export-penalty-uptime-and-ingest.json")
    assert cause_ids(text) == ["ssh-refused", "ssh-refused", "ok"]


def test_the_servers_peer_abort_then_the_users_ctrl_c_paste_are_one_run():
    """A chat: the server's Session Stop with errcode 39 first, then "I pressed Ctrl-C. My terminal said Session Stop
    (Error: User aborted session)": one cancelled run (the server's side had read as a stall)."""
    assert cause_ids(_blind("round168-servers/19-chat-ctrl-c-cancel.txt")) == ["cancelled"]


def test_guard_a_replys_paste_and_the_quoted_mails_server_log_stay_two_runs():
    """Guard: the reply's paste of today's try, the quoted earlier mail's server log of yesterday's: two runs of one
    cause, not one seen from both ends."""
    text = _blind("round114-servers/13-email-parceiro-licenca-peer-deprecated-pt.eml")
    assert cause_ids(text) == ["licence", "licence"]


def test_a_shown_scripts_timeout_and_the_shells_124_after_it_run():
    """``cat fetch.sh`` shows ``timeout 20m ascp ...``; ``./fetch.sh`` runs it, its bar moving, and ``echo $?`` says
    124: timeout's own status, the run cut at the script's limit (it had read as an unknown run)."""
    assert cause_ids(_blind("round169-hard-middle/10-timeout-wrapper-exit124.txt")) == ["cancelled"]


def test_grid_engines_qdel_and_bashs_terminated_ascp():
    """The job's .e file: "line 9: 40118 Terminated   ascp ..."; qacct: "deleted_by mhughes@login01 (qdel)": the
    run was cancelled, and the resubmitted job's run worked (the first had read as unknown)."""
    assert cause_ids(_blind("round169-hard-middle/19-sge-qdel-then-resume-ok.txt")) == ["cancelled", "ok"]


def test_a_chat_speakers_line_alone_is_no_rest_of_a_wrapped_intro():
    """A Slack export: "rkim: ok installed, trying", then "rkim:" alone over the paste: the paste is rkim's run
    (joined to the lines before, "... you'll see ..." from another speaker had made it a sample)."""
    text = _blind("round169-ordinary/06-slack-connect42-key-missing-then-sdk.txt")
    assert cause_ids(text) == ["key-file", "ok"]


def test_a_help_pages_example_command_followed_is_the_persons_run():
    """ "按照 GSA 帮助页面的示例命令下载 CRA 项目：" (downloaded following the help page's example command) over the
    command and "ascp: Cannot resolve target host., exiting.": the writer's run (it had read as a sample)."""
    assert cause_ids(_blind("round169-ordinary/02-gsa-download-host-typo-zh.md")) == ["dns"]


def test_a_german_i_have_not_run_it_yet_before_the_questions():
    """ "Ich habe es noch NICHT ausgeführt." in a mail to HPC support that quotes a tutorial's sample output: no run
    (it had read as a confident auth failure). A guard: "Von zu Hause aus habe ich es noch nicht probiert" (of one
    other way only) still leaves the run."""
    assert cause_ids(_blind("round170-hard-middle/22-question-before-running-de.eml")) == []
    assert cause_ids(_blind("round140-hard-middle/13-de-ascp-A-expiry-looks-scary-tcp.txt")) == ["ssh-port"]


def test_an_italian_runbook_that_says_it_describes_no_incident():
    """ "Questa pagina spiega *dove* guardare, non descrive un incidente.": its sample lines are no runs (they had
    read as a confident ssh-refused run)."""
    assert cause_ids(_blind("round170-servers/09-it-runbook-turno-interpretare-log-ascp.md")) == []


def test_argos_pod_active_longer_than_its_deadline():
    """ "Pod was active on the node longer than the specified deadline" over the pod's log, its bar still moving:
    the workflow's deadline cancelled the run."""
    assert cause_ids(_blind("round170-clients/03-argo-gsa-fetch-active-deadline.txt")) == ["cancelled"]


def test_a_tickets_title_guessing_a_cause_beside_the_run_that_says_another():
    """'Ticket #88213 - "Aspera licence expired?? transfers to London failing"' above the run that ends "Client
    unable to connect to server (check UDP port and firewall)": one udp run, the title's guess no second one."""
    assert cause_ids(_blind("round170-hard-middle/13-ascp-A-expired-line-then-udp.txt")) == ["udp"]


def test_what_a_change_is_for_is_no_failure_told():
    """ "... and quote it ("$ASPERA_KEY") so it fails more obviously next time.": advice, no second run."""
    assert cause_ids(_blind("round170-ordinary/15-empty-key-variable-usage.txt")) == ["usage"]


def test_a_scripts_terminal_under_a_rule():
    """A shell script, then "---- terminal ----" and its run printing ascp's usage: the run (the whole input had been
    read as the script's code)."""
    assert cause_ids(_blind("round170-hard-middle/19-empty-outdir-usage-wrapper-unreachable.txt")) == ["usage"]


def test_prefetch_downloading_via_https_after_ascp_not_found():
    """prefetch -vv: "ascp not found", then " Downloading via HTTPS..." and the download worked: ascp-missing at low
    confidence only, no ascp run failed (it had read as a confident failure)."""
    text = _blind("round171-ordinary/03-prefetch-vv-falls-back-https.txt")
    assert [(s.cause_id, s.confidence) for s in explain_text(text)] == [("ascp-missing", "low")]


def test_a_thesis_summary_of_the_form_then_verbatim():
    """ "A successful transfer ends with a two-line summary of the form" over \\begin{verbatim}: the thesis's sample
    (it had read as a confident ok run)."""
    assert cause_ids(_blind("round171-documents/07-latex-thesis-appendix-ascp.tex")) == []


def test_an_icelandic_newsletters_samples():
    """ "lítur það venjulega svona út:" (it usually looks like this) and "Þetta eru dæmi úr skjölum" (these are
    examples from documents): no runs (two had read as confident failures)."""
    assert cause_ids(_blind("round171-documents/13-icelandic-newsletter-firewall.md")) == []


def test_a_japanese_runbooks_examples_for_explanation():
    """ "成功したセッションの例:" (an example of a successful session) and "説明用の引用であり、本番サーバーの記録では
    ありません" (quotes for explanation, not a production server's records): no runs."""
    assert cause_ids(_blind("round171-servers/08-runbook-ja-hsts-syslog-fields.md")) == []


def test_words_said_to_be_absent_do_not_make_a_catalogue():
    """A triage note's 'no "failed to authenticate", no "Failed to open TCP connection for SSH" in the output' beside
    the one run's Session Stop: the run stands (the input had read as a catalogue of messages)."""
    assert cause_ids(_blind("round171-ordinary/18-aws-vm-session-init-timeout.txt")) == ["session-start"]


def test_a_session_record_whose_id_is_a_placeholder():
    """An onboarding mail: "ascp[1388]: LOG FASP Session Stop uuid=<uuid> ... errcode=15 ..." as what UDP blocked
    looks like: a pattern, no session (it had read as a confident udp failure)."""
    assert cause_ids(_blind("round172-servers/19-onboarding-mail-before-first-transfer.eml")) == []


def test_a_yaml_rules_files_patterns_and_test_lines():
    """A log linter's YAML rules ("match: '^ascp(\\.exe)?: Failed to open TCP connection for SSH, exiting\\.$'") and
    its tests ("- line: ..."): no runs (two had read as confident failures)."""
    assert cause_ids(_blind("round172-documents/22-yaml-lint-rules-ascp.yaml")) == []


def test_a_github_actions_warning_is_no_quiz_and_its_step_timeout_cancels():
    """ "::warning::Node.js 16 actions are deprecated" had made the job's log a GIFT quiz (its lines no runs); then
    "##[error]The action has timed out." under the moving bar: the step's time limit cancelled the run."""
    assert cause_ids(_blind("round172-hard-middle/16-gha-step-timeout-cancelled.log")) == ["cancelled"]
    text = _blind("round118-clients/15-forgejo-actions-old-connect-deprecated-license.log")
    assert cause_ids(text) == ["licence"]


def test_a_tickets_attached_text_files_are_read():
    """A ticket exported as JSON, its two attempts in "attachments": [{"name": "attempt1.txt", "content": "..."}]:
    the stall, then the retry that worked (nothing had been read). An attached JSON document is read as its text
    (round 127's Connect transfer details)."""
    assert cause_ids(_blind("round172-ordinary/22-ticket-export-aws-vm-stall.json")) == ["stall", "ok"]
    assert cause_ids(_blind("round127-ordinary/14-faspex-connect-json-ssh-session.json")) == ["server-session"]


def test_a_chinese_not_run_of_the_fixs_retry_leaves_the_run_shown():
    """A forum thread: the run's "ascp: Cannot resolve target host., exiting.", then "改了之后还没跑" (after
    changing it I have not run it yet): the not-run is of the retry; the run shown stands."""
    assert cause_ids(_blind("round173-ordinary/01-gsa-cra-host-typo-zh.md")) == ["dns"]


def test_github_actions_named_step_timeout():
    """ "##[error]The action 'Upload assets' has timed out after 30 minutes." under the moving bar: cancelled."""
    assert cause_ids(_blind("round174-hard-middle/04-gha-timeout-minutes-mid-upload.log")) == ["cancelled"]


def test_a_mail_subject_quoting_ascps_words_in_guillemets():
    """ "Objet : Échec de dépôt Webin par Aspera (ENA) – « Deprecated peer license »" over the paste of that run: the
    subject's words are the run's, one run (the subject had read as a second)."""
    assert cause_ids(_blind("round174-ordinary/15-webin-upload-peer-license-fr.txt")) == ["licence"]


def test_a_time_limit_told_in_prose_and_the_shells_124():
    """ "(I run it with `nohup timeout 6h ./get_ega_ena.sh &`)", the traced ascp's bar moving, then `echo $?` 124:
    timeout's own status under the limit told: cancelled (it had read as an unknown run)."""
    assert cause_ids(_blind("round173-hard-middle/03-nohup-timeout-124-progress-fine.txt")) == ["cancelled"]


def test_airflows_module_and_level_prefix_is_taken_off():
    """Airflow's task log ("[2024-07-01, 04:00:04 UTC] {subprocess.py:93} INFO - Key passphrase:"): ascp's prompt
    seen as such, then "failed to authenticate": the .putty key could not be used, key-file (it had read as a
    confident auth failure)."""
    assert cause_ids(_blind("round175-clients/13-airflow-putty-key-prompt.log")) == ["key-file"]
    assert cause_ids(_blind("round158-hard-middle/11-airflow-empty-key-param-usage.log")) == ["usage"]


def test_an_r_markdown_chunks_knitted_output_is_the_run_it_shows():
    """R Markdown: a chunk's ``system2(ascp, args, timeout = 120)`` and knitr's ``## [1] "Key passphrase: "`` and
    ``## attr(,"status")`` ``## [1] 124`` under it: a key-file run (it had read as no run); two chunks, each with its
    output, are two runs (a first chunk's "Completed: 0K" had read as a run of its own)."""
    assert cause_ids(_blind("round171-documents/14-rmarkdown-hcp-putty-key.Rmd")) == ["key-file"]
    text = _blind("round168-documents/20-rmarkdown-immport-path-typo.Rmd")
    assert cause_ids(text) == ["no-such-file", "ok"]
    assert cause_ids(_blind("round153-documents/09-immport-token-download.Rmd")) == ["unauthorized"]


def test_guard_an_r_chunk_shown_without_output_is_no_run():
    """Guard: a vignette's chunk that calls ascp with no output block after it (eval=FALSE) stays as it stands."""
    text = (
        '## Download\n\n```{r fetch, eval=FALSE}\nsystem2(ascp, c("-QT", "-l", "300m", "-P", "33001",\n'
        '  "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR123/SRR123_1.fastq.gz", "."))\n```\n\n'
        "The chunk is not run when the vignette is built.\n"
    )
    assert cause_ids(text) == []


def test_an_lsf_mail_whose_output_shows_ascp_ending_by_itself_gives_the_kill_to_the_next_program():
    """LSF's mail: TERM_MEMLIMIT, then the output: ascp's "Session Stop (Error: Client unable to connect ...)" and
    bwa's lines after it. One UDP run (the memory kill had read as a second, cancelled run)."""
    assert cause_ids(_blind("round176-hard-middle/17-ko-lsf-memlimit-after-udp-fail.txt")) == ["udp"]
    assert cause_ids(_blind("round142-clients/04-lsf-bjobs-runlimit-faspex.txt")) == ["cancelled"]


def test_guard_an_lsf_mail_whose_output_shows_no_run_is_the_kill():
    """Guard: LSF's mail of a job killed at its run limit whose output shows nothing of ascp (-q): one cancelled run."""
    text = (
        "Job <pull> was submitted from host <login1> by user <ana>.\n"
        "Your job looked like:\n\n"
        "# LSBATCH: User input\n"
        "ascp -q -QT -l 300m -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR1/ERR1.fastq.gz .\n\n"
        "TERM_RUNLIMIT: job killed after reaching LSF run time limit.\n"
        "Exited with exit code 140.\n\n"
        "The output (if any) follows:\n\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_ci_install_step_that_failed_is_no_run():
    """GitHub Actions: "Run ./ci/install_aspera.sh", curl's 404, "##[error]Process completed with exit code 22.", and
    the summary's "✗ Install Aspera Connect ..." and "⊘ Pull runs from ENA (ascp) skipped": no run (it had read as an
    unknown failure)."""
    assert cause_ids(_blind("round176-hard-middle/24-gh-actions-install-failed-ascp-skipped.log")) == []


def test_a_knowledge_base_articles_header_names_it_so():
    """ "БАЗА ЗНАНИЙ ЛАБОРАТОРИИ · Статья KB-0412": its symptom section's sample is the article's; the real case it
    shows (no -P 33001, then the retry with it) is two runs (the sample had read as a third)."""
    assert cause_ids(_blind("round176-documents/03-ru-kb-ena-port-33001.txt")) == ["ssh-port", "ok"]


def test_a_yaml_inventory_with_an_incidents_command_and_output():
    """A YAML file named in its first comment, an inventory of ascp builds and one "incident:" with its ascp
    "command:", its "output: |" and "exit_status: 1": the one licence run (the file had read as settings, no run)."""
    assert cause_ids(_blind("round176-documents/14-ascp-fleet-inventory.yaml")) == ["licence"]


def test_a_loki_logfmt_export_keeps_its_times_hosts_and_programs():
    """Loki's logfmt ("ts=... host=hsts-mad01 app=sshd pid=2211 msg=...") with its exporter's comments amid the
    records: two refused logins, then the session that worked (the success had been lost, its times gone)."""
    assert cause_ids(_blind("round176-servers/04-es-loki-logfmt-old-key-publickey.txt")) == ["auth", "auth", "ok"]


def test_sshd_lines_pasted_in_an_irc_log():
    """ "[09:16] <maja> Mar 24 08:41:10 sftp-sto02 sshd[6120]: Failed password for ...": each refused login a run
    of its own (the chat's time and speaker had hidden them); the evidence is sshd's line without them."""
    text = _blind("round176-servers/11-sv-irc-fail2ban-after-wrong-password.txt")
    assert sorted(cause_ids(text)) == ["auth", "auth", "auth", "ssh-port"]
    said = [line for s in explain_text(text) for line in s.evidence if "Failed password" in line]
    assert said and all(line.startswith("Mar 24 ") for line in said)


def test_a_log_searchs_csv_export_pasted_inside_a_page_or_a_query():
    """A Graylog CSV export in a German ticket's fence, and a Sentinel export under its KQL query: each record read as
    the server's log line it holds (the ticket had read as three runs, the query's export as none)."""
    assert cause_ids(_blind("round161-servers/03-graylog-denyusers-externe-de.md")) == ["auth", "auth"]
    text = _blind("round121-servers/04-sentinel-kql-syslog-export-old-ascp-kex-dsa.txt")
    assert cause_ids(text) == ["ssh-handshake", "auth"]


def test_a_servers_syslog_session_with_no_local_end_and_its_peer_on_33001_is_the_servers():
    """A server's syslog records name the client's end only ("peer=198.51.100.7:33001": a client's UDP port is 33001
    by default): the server's sessions, so a pasted failure is placed where sshd logged it (they had read as the
    client's own log, the paste listed first)."""
    assert cause_ids(_blind("round148-servers/11-mail-de-falsches-passwort.eml")) == ["auth", "ok"]
    text = _blind("round148-servers/04-ticket-es-maxstartups-lote.txt")
    assert cause_ids(text) == ["ok", "ok", "ssh-refused", "ssh-refused", "ok"]


def test_guard_a_servers_log_in_an_older_mail_is_not_the_replys_paste():
    """Guard: the operator's mail of yesterday quotes the server's licence refusal; the partner's reply pastes today's
    try with the same failure: two runs, not one seen from both ends."""
    assert cause_ids(_blind("round114-servers/13-email-parceiro-licenca-peer-deprecated-pt.eml")) == [
        "licence",
        "licence",
    ]


def test_one_failure_among_three_runs_is_no_burst():
    """A Slurm array of three tasks, the middle one without "-P 33001" ("Failed to open TCP connection for SSH"): its
    own port, not sshd turning a burst away (three connections come nowhere near MaxStartups; it had read as a
    confident ssh-refused)."""
    assert cause_ids(_blind("round177-clients/06-slurm-array-three-tasks-one-port22.txt")) == ["ok", "ssh-port", "ok"]


def test_a_job_records_notes_carry_the_servers_sshd_line():
    """Ansible's JSON result of an old ascp's "failed to authenticate", its "_debug_notes" holding the partner's sshd
    line "Unable to negotiate ... no matching key exchange method found": the handshake (it had read as auth)."""
    assert cause_ids(_blind("round177-hard-middle/24-ansible-old-ascp-kex.json")) == ["ssh-handshake"]


def test_a_pods_description_above_the_log_of_the_run_it_killed():
    """``kubectl describe`` (State: Terminated, Reason: OOMKilled), then ``kubectl logs --previous``: a bar at 79 %
    and nothing after it: cancelled (it had read as an unknown run)."""
    assert cause_ids(_blind("round177-hard-middle/16-k8s-oomkilled-describe.yaml")) == ["cancelled"]


def test_a_jira_issue_exported_as_json():
    """Jira's issue JSON ("key", "fields": {"summary", "description", "comment": {"comments": [...]}}): the pasted
    run in its description is read (the export had read as a document with no run)."""
    assert cause_ids(_blind("round177-documents/08-jira-export-immport-filepass.json")) == ["passphrase"]


def test_rundecks_time_of_day_before_ascli_s_bar():
    """Rundeck's log view ("10:40:03  Time: 00:01:12 ==== 100% 412 Mbps"): ascli's bar after two management-port
    failures is the retry that worked (the time of day had hidden it)."""
    text = _blind("round177-clients/03-rundeck-windows-ascli-mgmt-port-retry.txt")
    assert cause_ids(text) == ["died-at-start", "died-at-start", "ok"]


def test_jobs_that_tag_only_their_commands_and_ends():
    """Two nohup jobs sharing one file, each tagging only its command and its end ("[SDY1412] ascp -v ...", "[SDY1563]
    ascp exit status 1"), ascp's own lines untagged between: the runs in the order the jobs started, each its own
    output (the first job's completion had been listed after the second's refusal)."""
    assert cause_ids(_blind("round177-hard-middle/13-nohup-two-background-jobs.txt")) == ["ok", "permission"]


def test_guard_fully_tagged_parallel_jobs_are_still_put_apart():
    """Guard: jobs whose every line is tagged, interleaved: each job's lines together, one run each."""
    text = (
        "[a] ascp -QT -P33001 -i k era-fasp@fasp.sra.ebi.ac.uk:/vol1/a .\n"
        "[b] ascp -QT -P33001 -i k era-fasp@fasp.sra.ebi.ac.uk:/vol1/b .\n"
        "[b] ascp: Server aborted session: No such file or directory, exiting.\n"
        "[a] a.fastq.gz   100%  10MB 80Mb/s    00:01\n"
        "[b] Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "[a] Completed: 10240K bytes transferred in 1 seconds\n"
    )
    assert sorted(cause_ids(text)) == ["no-such-file", "ok"]


def test_ascli_debug_management_events_tell_the_run():
    """ascli with --progress-bar=no under Prefect: its debug lines 'management event: {"type"=>"STOP",
    "transferbytes"=>"2147483648", ...}' and '{"type"=>"DONE"}' are the run's success (it had read as no run)."""
    assert cause_ids(_blind("round178-clients/01-prefect3-ascli-hsts-promo-pull-ok.log")) == ["ok"]


def test_ascli_s_complete_after_its_resumer_is_the_retry_that_worked():
    """Jenkins: three management-port failures, each "Resuming in N seconds (retry left:N)", then ascli's "complete"
    and exit 0: the fourth attempt completed (it had been left out)."""
    text = _blind("round178-clients/20-jenkins-win-ascli-mgmt-port-retries-ok.txt")
    assert cause_ids(text) == ["died-at-start", "died-at-start", "died-at-start", "ok"]


def test_a_paste_that_opens_with_html_markup_is_no_xml_configuration():
    """A QQ group's chat export titled "<b>[QQ群 ...聊天记录]</b>": its usage run is read (the first element, <b>, had
    made it an XML configuration file, no run)."""
    assert cause_ids(_blind("round178-ordinary/20-gsa-missing-destination-usage.txt")) == ["usage"]


def test_a_chinese_not_yet_tried_of_another_machine_leaves_the_run_shown():
    """ "同一个命令在实验室的台式机上我还没试过" (not yet tried on the lab's desktop) after the login node's run: that
    run stands (the input had read as no run)."""
    assert cause_ids(_blind("round178-ordinary/02-gsa-download-session-init-timeout-zh.md")) == ["session-start"]


def test_an_incident_reports_log_excerpt_block_is_the_run():
    """A Norwegian incident report in YAML, its "logg_utdrag: |" block holding ascli's command and ascp.exe's
    management-port failure: that run (the block had read as the document's text, an unknown run)."""
    assert cause_ids(_blind("round178-documents/24-norwegian-hendelse-mgmt-port.yaml")) == ["died-at-start"]


def test_lines_of_one_second_listed_newest_first_are_read_oldest_first():
    """logcli's default order, newest first, with ascp's "Completed:" above its own 100 % line in the same second:
    the retry is one run that completed (it had read as three runs, one unknown)."""
    text = _blind("round179-hard-middle/01-logcli-loki-backward-udp-then-O-port.log")
    assert cause_ids(text) == ["udp", "ok"]


def test_guard_a_journals_script_saying_starting_ascp_begins_each_run():
    """Guard: journalctl -r of a unit started twice, each start's "pull.sh[N]: starting ascp -P 33001 ..." then the
    loader's GLIBC error: two runs, read oldest first (lines of one second now reversed too: the script's word
    begins each run)."""
    assert cause_ids(_blind("round121-hard-middle/23-journalctl-reverse-unit-restarts-glibc.txt")) == [
        "died-at-start",
        "died-at-start",
    ]


def test_more_schedulers_time_limits_cancel_the_run():
    """Nomad's "Sent interrupt. Waiting 5s before force killing", Ansible's "async task did not complete within the
    requested time", Tekton's 'TaskRun "..." failed to finish within "30m0s"', AWS Batch's "Job attempt duration
    exceeded timeout": the run they ended was cancelled (each had read as unknown, or not at all)."""
    assert cause_ids(_blind("round179-hard-middle/02-nomad-alloc-status-kill-timeout-cs.txt")) == ["cancelled"]
    assert cause_ids(_blind("round179-clients/15-ansible-async-ascp-timeout-nl.txt")) == ["cancelled"]
    text = _blind("round179-clients/02-tekton-taskrun-ena-pull-udp-retries-de.txt")
    assert cause_ids(text) == ["udp", "udp", "cancelled"]
    text = _blind("round179-hard-middle/13-cloudwatch-insights-desc-batch-attempts.csv")
    assert cause_ids(text) == ["session-start", "cancelled"]


def test_an_empty_job_tag_is_a_job_of_its_own():
    """xargs' jobs tagged by their argument, one of them empty ("[] + ascp ... ./raw/", "[] Usage: ascp ..."): the
    runs in the order the jobs started, the completed one first (they had read in the order they ended)."""
    text = _blind("round179-hard-middle/03-xargs-P3-empty-field-and-withdrawn-fi.log")
    assert cause_ids(text)[0] == "ok" and cause_ids(text)[-1] == "no-such-file"


def test_search_hits_one_per_line_are_read_as_their_records():
    """An OpenSearch export, one hit per line with its record under "_source" (Fluent Bit's "log" field), newest
    first: three tries in the order they ran (it had read as quotes, backwards)."""
    text = _blind("round179-hard-middle/16-opensearch-hits-desc-encryption-three-tries.ndjson")
    assert cause_ids(text) == ["content-protection", "passphrase", "ok"]


def test_ascli_s_idle_bar_under_its_error_is_the_same_run():
    """ascli's logger error "Server aborted session: Client requests stronger encryption ...", then its bar at 0 %
    and "ERROR: Transfer: ...": one run (the bar had opened a second)."""
    text = _blind("round179-clients/01-woodpecker-ci-ascli-node-upload-stronger-encryption.log")
    assert cause_ids(text) == ["stronger-encryption"]


def test_ascp_s_words_again_after_ascli_told_it_failed_are_the_retry():
    """ascli's ascp.exe failing at its management port, "ascp failed (pid 45812 exit 1)", then the same words from
    the next pid, then the bar at 100 %: two failed runs and the one that worked (the two had read as one)."""
    text = _blind("round179-clients/24-windmill-windows-worker-ascli-mgmt-port-retries.txt")
    assert cause_ids(text) == ["died-at-start", "died-at-start", "ok"]


def test_guard_ascp_s_words_after_ascli_s_failed_line_are_its_reason():
    """Guard: ascli's "ascp failed (pid 41880 exit 1)" and then ascp's own "Remote host is not who we expected,
    exiting.": its reason, one run."""
    assert cause_ids(_blind("round118-ordinary/18-ascli-preset-old-sshfp-hostkey.txt")) == ["host-key"]


def test_a_person_saying_the_run_shown_at_100_percent_worked():
    """A Hebrew chat: the retry's bars at 100 % with "..." between them and no summary, then "עבד!!" (it worked)
    and that all 42 files arrived: that run completed (it had read as unknown)."""
    text = _blind("round179-ordinary/02-he-whatsapp-empiar-ascp-not-found-then-ok.txt")
    assert cause_ids(text) == ["ascp-missing", "ok"]


def test_an_exports_tagged_message_keeps_its_time_without_a_host():
    """A CloudWatch CSV export whose messages are "ascp[8102]: LOG FASP Session Stop ... status=success" and name
    no host: read as the server's syslog with the record's time (the retry had read as unknown)."""
    text = _blind("round179-servers/08-cloudwatch-logs-insights-hsts-dub-stall-then-retry.csv")
    assert cause_ids(text) == ["stall", "ok"]


def test_systemd_starting_the_service_again_then_its_runtime_limit():
    """A journal of four nightly starts: the fourth "Starting aspera-push-dr.service", then "Service reached runtime
    time limit. Stopping." with nothing printed: that start's run, cancelled (it had read as a stall)."""
    text = _blind("round179-servers/20-journalctl-systemd-timer-outbound-push-hsts-cph.txt")
    assert cause_ids(text) == ["key-file", "dns", "ok", "cancelled"]


def test_a_polish_exit_code_told_in_prose_is_a_run():
    """ "Nasz skrypt nocny (wywołuje ascp) zakończył się kodem 1 o 02:00": the night's run, its reason not told,
    before the morning's run the server logged (it had been left out)."""
    assert cause_ids(_blind("round179-servers/19-pl-jira-zgloszenie-exit1-bez-sladu.txt")) == ["unknown", "ok"]


def test_a_snakemake_job_that_sends_its_output_to_a_file_is_the_one_not_shown():
    """Four Snakemake jobs; the second's output is shown (No such file), the third's command ends "> logs/...log
    2>&1": the unshown failure is the third (it had been placed second)."""
    text = _blind("round179-documents/15-snakemake-ena-fetch-loop.log")
    assert cause_ids(text) == ["ok", "no-such-file", "unknown", "ok"]


def test_a_runbook_that_gives_a_real_sessions_record_has_runs():
    """An AsciiDoc runbook (title, ":toc:") that leaves "la sesión real del 1 de julio" below as an example: its
    listing block holds that day's two runs (the page had been read as examples only, no run)."""
    assert cause_ids(_blind("round179-documents/12-es-runbook-subida-cifrada.adoc")) == ["content-protection", "ok"]


def test_a_clients_missing_passphrase_is_not_the_servers_refusal_seen_again():
    """The server's session refused for want of content protection, then the partner's next try that stopped at
    "File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting." (never reaching the
    server), then the success: three runs (the refusal had been taken for the paste's twin and dropped)."""
    text = _blind("round179-servers/06-ko-kakaowork-logcli-content-protection-partner.txt")
    assert sorted(cause_ids(text)) == ["content-protection", "ok", "passphrase"]


def test_a_job_logs_lines_cut_out_with_scissors_are_its_run():
    """A Zabbix mail: "---8<---", the cron wrapper's stamped log with ascp's "Cannot resolve target host.", "---8<---":
    the job's own record, its dns run (the cut-out block had been taken for a copied document, no run)."""
    assert cause_ids(_blind("round180-clients/03-zabbix-alarm-cron-dns-de.eml")) == ["dns"]


def test_guard_scissors_around_a_copied_page_still_cut_out_a_document():
    """Guard: a "cut here" block that holds no stamped log lines stays a copied document."""
    text = "Kopie:\n---8<---\n$ ascp -P33001 user@host:/x .\nascp: failed to authenticate, exiting.\n---8<---\n"
    assert cause_ids(text) == []


def test_grid_engines_abort_mail_cancels_the_run_its_epilog_shows():
    """Grid Engine's "Job 7781234 (ega_pull_b12) Aborted" mail, "job 7781234.1 died through signal KILL (9)" above
    the tail of the job's output at 68 %: one run, cancelled (the mail's exit status had read as a run of its own,
    the bar as another, unknown)."""
    assert cause_ids(_blind("round180-clients/11-sge-job-abort-mail-ascp-progress.eml")) == ["cancelled"]


def test_ascli_files_commands_begin_a_run():
    """ "ascli shares files download ..." under a post-mortem's second build: the retry, a run of its own (it had
    been read as the failed build's)."""
    assert cause_ids(_blind("round180-clients/20-postmortem-concourse-ascli-file-exists-ru.md")) == ["exists", "ok"]


def test_a_mails_subject_with_the_jobs_exit_is_no_run_of_its_own():
    """ "Subject: [AutoSys] FAILURE: DWH_POBIERZ_RAPORTY_ASPERA (exit 1)" over the body's run: one permission run
    (the subject had read as an unknown run before it)."""
    assert cause_ids(_blind("round180-clients/24-autosys-job-mail-read-access-denied-pl.eml")) == ["permission"]


def test_pbs_epilogues_exit_status_is_the_jobs_not_a_run():
    """A PBS job's output: a refused first try, the retry with -T that completed, then the epilogue's "Resources
    Used: ..." and "Exit Status: 0": two runs (the job's status had read as a third, completed)."""
    text = _blind("round180-clients/23-pbs-job-output-stronger-encryption-then-T-ko.txt")
    assert cause_ids(text) == ["stronger-encryption", "ok"]


def test_a_case_in_the_subjunctive_quoting_ascps_words_is_no_run():
    """A Czech mail before the first try, after ``ascp --version``: "Kdyby to hodilo "failed to authenticate", je to
    na naší straně?" (if it were to say ...): no run (it had read as a low auth run)."""
    assert cause_ids(_blind("round180-ordinary/24-cs-email-pred-stahovanim-ascp-verze.txt")) == []


def test_the_sending_hosts_own_syslog_of_a_started_session_is_the_pasted_run():
    """journalctl -r of a sender: the script's "starting ascp ...", its ascp's "LOG FASP Session Start" (no end),
    the script's "Disk write failed (server)", then a retry that completed: two runs (the started session had read
    as a third, unknown, run of its own)."""
    text = _blind("round180-hard-middle/02-journalctl-reverse-oom-java-disk-full-partner.txt")
    assert cause_ids(text) == ["disk", "ok"]


def test_logins_whose_pam_session_closed_at_once_are_attempts_the_server_did_not_start():
    """A Greek mail: the client's "failed to open ssh session." tried twice, the admin's quoted /var/log/secure with
    two logins each closed by PAM in the same second ("session closed for user archive_up"), no ascp, a /sbin/nologin
    shell: two runs (one had been read)."""
    text = _blind("round180-servers/14-el-email-hsts-ath-nologin-session.eml")
    assert cause_ids(text) == ["server-session", "server-session"]


def test_two_addresses_guessing_common_accounts_make_a_third_ones_invalid_user_a_scanners():
    """An Elastic Watcher mail, "Top 8 of 214 events": "Invalid user oracle" from one address, "Invalid user admin"
    from another, "Invalid user aspera" from a third, and "Aspera transfer events ...: 0": no run (the third had read
    as a client's refused login, auth at medium)."""
    text = _blind("round181-servers/22-elastic-watcher-mail-sshd-scanners-tcp33001-no-transfers.eml")
    assert cause_ids(text) == []


def test_guard_a_quiet_logs_one_unknown_account_is_still_a_clients_typo():
    """Guard: one address's "Invalid user aspera_up" and no guessing around it stays that client's refused login."""
    text = (
        "Mar  3 10:00:01 hsts sshd[100]: Invalid user aspera_up from 198.51.100.9 port 50000\n"
        "Mar  3 10:00:01 hsts sshd[100]: Connection closed by invalid user aspera_up 198.51.100.9 port 50000"
        " [preauth]\n"
    )
    assert cause_ids(text) == ["auth"]


def test_ascli_logger_line_pasted_without_its_head_tells_the_runs_failure():
    """A cron mail: ascli's bar at 100 %, then "ERROR -- : Cannot rename partial file" (the Ruby logger's line without
    its "E, [time #pid]" head, as aspera-cli issues #96 and #215 show it pasted), then the next hour's run: a
    partial-rename run and a completed one (the first had read as completed)."""
    text = _blind("round181-ordinary/22-el-cron-mail-ascli-overlap-partial-rename.eml")
    assert cause_ids(text) == ["partial-rename", "ok"]


def test_guard_a_polish_pages_examples_not_logs_are_no_run():
    """Guard, now that ascli's logger line is read without its head: a Polish documentation page, "Poniższe
    komunikaty to przykłady z dokumentacji, a nie logi z naszych serwerów", above a fenced "ERROR -- : Remote host is
    not who we expected": no run."""
    assert cause_ids(_blind("round152-documents/14-polish-ascli-hostkey-docs.md")) == []


def test_a_run_tables_stderr_excerpt_column_and_a_row_with_nothing_captured():
    """A LIMS export with "exit_code" and "stderr_excerpt" columns: a refused login, a row with exit 1 and nothing
    captured, a completed row: three runs (the silent row had been missed)."""
    text = _blind("round181-ordinary/24-lims-transfer-history-export.csv")
    assert cause_ids(text) == ["auth", "unknown", "ok"]


def test_a_french_hosts_newest_first_journal_is_read_oldest_first():
    """journalctl -r on a French host ("mars 05 09:02:44 ..."): the night's "Cannot resolve target host." before the
    morning's completed run (the months in French had kept the listing's order, the bar joining the dns run)."""
    text = _blind("round181-hard-middle/02-journalctl-reverse-timer-fr.log")
    assert cause_ids(text) == ["dns", "ok"]


def test_ascps_cancelled_by_user_right_after_systemds_kill_is_the_killed_run():
    """A Russian journalctl -r: systemd's "start operation timed out. Terminating." and then, read oldest first,
    ascp's "Session Stop (Error: Cancelled by user)" of the same run: a dns run and one cancelled run (the Session
    Stop had read as a third run)."""
    text = _blind("round115-hard-middle/14-ru-journalctl-reverse-systemd-timeout.txt")
    assert cause_ids(text) == ["dns", "cancelled"]
    # (the same journal in English months, which were read oldest first already)
    assert cause_ids(text.replace("\u043d\u043e\u044f ", "Nov ")) == ["dns", "cancelled"]


def test_a_node_api_export_of_transfers_is_a_run_table():
    """The Node API's /ops/transfers as CSV, newest first, "status" and "error_desc" columns: a stall, a cancel and a
    completed run in start order (the rows had read as one cancelled run)."""
    text = _blind("round181-hard-middle/16-node-api-transfers-export-newest-first.csv")
    assert cause_ids(text) == ["stall", "cancelled", "ok"]


def test_sacct_exit_code_cells_make_a_slurm_export_a_run_table():
    """sacct's CSV with "ExitCode" cells "0:0" and "1:0": the task whose bar the time limit cut is a cancelled run of
    its own (it had been missed)."""
    text = _blind("round181-clients/04-slurm-sacct-array-export-mixed.csv")
    assert cause_ids(text) == ["ok", "cancelled", "disk", "unknown"]


def test_each_row_of_a_markdown_table_of_jobs_is_its_own_run():
    """A matrix summary in a Markdown table, two rows with the same "failed to authenticate" and the vendor's
    MaxStartups drops: three runs (the two failed rows had read as one)."""
    text = _blind("round181-clients/18-gha-matrix-three-shards-maxstartups.md")
    assert cause_ids(text) == ["ok", "ssh-refused", "ssh-refused"]


def test_aspera_consoles_export_with_error_rows_and_an_unquoted_comma():
    """Aspera Console's transfers, newest first: status "Error" beside an error code, the bare words in the message
    column, one message with its comma unquoted: six runs in start order (only the stall had been read, low)."""
    text = _blind("round181-documents/14-console-history-export-newest-first.csv")
    assert cause_ids(text) == ["ok", "stall", "cancelled", "disk", "read-error", "exists"]


def test_guard_a_line_of_several_rows_run_on_is_no_row():
    """Guard: a CSV whose rows (each of 100 characters) had run on into one line keeps its No such file run (the
    run-on cells are not one message's commas); its rows are read apart since round 197."""
    assert "no-such-file" in cause_ids(_blind("round173-ordinary/12-batch-summary-ena.csv"))


def test_ascli_complete_under_airflows_output_is_a_completed_run():
    """Two Airflow task logs: "Running command: [..., 'ascli server download ...']", "Output:", "complete", exit 0;
    then the duplicate task's "Cannot rename partial file": a completed run, then the partial-rename (the "complete"
    had been missed and the exit 0 joined the failure)."""
    text = _blind("round181-documents/15-airflow-task-log-two-tasks-partial.log")
    assert cause_ids(text) == ["ok", "partial-rename"]


def test_the_shells_127_for_another_word_is_not_ascps_exit():
    """A PBS job whose line continuation broke on a space after its backslash: ascp's "Source file list not specified",
    the shell's "-d: command not found", the script's "ascp exit: 127", then the epilogue's "Exit Status: 0": one
    usage run (the 127 and the epilogue had read as a second run, completed: a confident wrong answer)."""
    assert cause_ids(_blind("round182-ordinary/09-pbs-ncbi-upload-trailing-backslash.txt")) == ["usage"]


def test_a_greek_wiki_page_that_holds_no_real_incidents_is_no_run():
    """A Greek wiki page, "**Δεν** περιέχει πραγματικά περιστατικά" (it holds no real incidents), with sample blocks of
    ascp's words: no run (they had read as an auth and a udp run: a confident wrong answer)."""
    assert cause_ids(_blind("round182-servers/20-el-wiki-odigos-ermineias-hsts-syslog-no-sessions.md")) == []


def test_a_chinese_not_run_of_the_rest_leaves_the_runs_shown():
    """Notes ending "其余 CRR 明天批量下载（还没跑）" (the rest download tomorrow, not run yet) under a dns failure
    and a completed run: both runs (the completed one had been dropped as not run)."""
    assert cause_ids(_blind("round182-ordinary/08-zh-hpc-compute-node-gsa-dns.md")) == ["dns", "ok"]


def test_a_session_stop_quoted_in_an_exceptions_repr_is_the_same_run():
    """A Luigi worker's log: "ascp stdout: Session Stop (Error: ... undefined token)", then the traceback's
    "AsperaError: (1, 'Session Stop  (Error: ... undefined token)')": one run (the repr's closing quote had made its
    words another failure, a second run)."""
    assert cause_ids(_blind("round182-clients/21-luigi-worker-undefined-token.log")) == ["unauthorized"]


def test_console_session_stop_after_an_l_logs_session_start_is_that_session():
    """PBS output of ascp -L-: its "[2f4a-...] LOG FASP Session Start ... status=started" line, then the console's
    "Session Stop (Error: Failure processing peer license: ...)": one licence run (the started session had read as an
    unknown run of its own)."""
    assert cause_ids(_blind("round182-clients/05-pbs-output-ticket-fr-peer-license.txt")) == ["licence"]


def test_ansibles_changed_loop_item_of_an_ascp_task_is_a_run_that_worked():
    """TASK [ascp upload]: "changed: [xfer01] => (item={...})", then a failed item with ascp's "failed to
    authenticate": two runs (the changed item had been missed)."""
    assert cause_ids(_blind("round182-clients/08-ansible-loop-ru-auth.txt")) == ["ok", "auth"]


def test_guard_a_changed_item_of_a_task_that_transfers_nothing_is_no_run():
    """Guard: "changed: [...] => (item=aspera.conf)" under "TASK [aspera : template aspera.conf]" is no run."""
    text = "TASK [aspera : template aspera.conf] ****\nchanged: [xfer01] => (item=aspera.conf)\n"
    assert cause_ids(text) == []


def test_a_container_runtimes_exec_not_found_under_kubectl_describe():
    """kubectl describe's "Message: ... exec: "ascp": executable file not found in $PATH": ascp-missing (Go's own quotes
    had made it a person's quote, the run unknown)."""
    assert cause_ids(_blind("round182-clients/14-kubectl-describe-job-no-ascp.txt")) == ["ascp-missing"]


def test_management_frames_behind_a_loggers_prefix():
    """A Java listener logging each frame line, "DEBUG TransferListener - Type: ERROR", two sessions: host-key, then
    permission (the prefix had hidden the frames, the two errors read as one run)."""
    assert cause_ids(_blind("round182-clients/19-teamcity-cos-sdk-faspmanager-frames.txt")) == [
        "host-key",
        "permission",
    ]


def test_new_relics_nrql_results_are_a_log_export():
    """New Relic's NRQL JSON, "results": [{"events": [...]}], newest first: the failed upload, then the resend that
    worked (the events had not been read as records)."""
    text = _blind("round182-servers/17-newrelic-nrql-json-windows-hsts-yyz-colon-in-filename.json")
    assert cause_ids(text) == ["path-name", "ok"]


def test_a_german_wrappers_return_value_is_an_exit_status():
    """A wrapper's log, "ascp beendet, Rueckgabewert 0" one night and "Rueckgabewert 1" the next, ascp's output sent
    to /dev/null: a completed run and an unknown one (no run had been read)."""
    assert cause_ids(_blind("round182-documents/22-deutsch-wrapper-log-zweite-nacht-unbekannt.log")) == [
        "ok",
        "unknown",
    ]


def test_what_a_persons_ping_printed_is_no_run_of_ascp():
    """A Frisian mail: the run's "Cannot resolve target host.", then 'I also tried "ping fasp.sra.ebi.ac.uk", that
    gives "Name or service not known"': one dns run (ping's words had read as a second, low)."""
    assert cause_ids(_blind("round182-documents/03-frysk-mail-chipseq-dns.eml")) == ["dns"]


def test_a_zendesk_export_with_comments_newest_first_is_read_oldest_first():
    """A Zendesk ticket, "comments_sort_order": "desc": the key-file failure pasted on the 17th before the run that
    worked on the 18th (the listing's order had put the success first)."""
    text = _blind("round182-hard-middle/02-zendesk-export-newest-first-de.json")
    assert cause_ids(text) == ["key-file", "ok"]


def test_xmllints_parser_error_on_aspera_conf_is_no_run():
    """An operator's terminal: two sessions failed with errcode=50, xmllint's "aspera.conf:41: parser error : ...", the
    fix, then the push that completed: three runs (xmllint's error had begun a run the completed one joined)."""
    text = _blind("round182-servers/23-sv-terminal-hsts-got1-egen-push-trasig-aspera-conf.txt")
    assert cause_ids(text) == ["configuration", "configuration", "ok"]


def test_a_persons_count_of_tries_with_the_same_words_makes_that_many_runs():
    """An Italian thread: the run's "Remote host is not who we expected" quoted once, "L'ho lanciato tre volte in
    tutto, sempre lo stesso messaggio (non lo incollo di nuovo)", then a colleague's run that completed: three host-key
    runs, two of them at low confidence, then the completed one (one had been read)."""
    text = _blind("round182-hard-middle/15-it-mail-thread-two-machines-fingerprint.eml")
    assert cause_ids(text) == ["host-key", "host-key", "host-key", "ok"]


def test_guard_a_count_without_the_same_words_adds_no_run():
    """Guard: "I tried three times" with no word that each try said the same adds no run."""
    text = (
        "$ ascp -P33001 user@host:/x .\nascp: failed to authenticate, exiting.\n"
        "I tried three times yesterday, then gave up.\n"
    )
    assert cause_ids(text) == ["auth"]


def test_guard_an_sdks_logger_repeating_the_frames_description_is_the_same_run():
    """Guard, now that frames behind a logger's prefix are read: a Rundeck job's "[faspmanager] DEBUG Type: ERROR"
    frames of two nodes, each followed by the logger's "ERROR transfer failed: ... (code N)": two runs, not three."""
    text = _blind("round181-clients/21-rundeck-exec-faspmanager-java-exists-and-rename.txt")
    assert cause_ids(text) == ["exists", "partial-rename"]


def test_guard_a_sessions_error_frame_after_its_fileerror_is_its_end():
    """Guard: a FILEERROR frame ("Error reading source file from disk"), then the same session's ERROR frame ("Some
    individual files failed"): one read-error run, not another after it."""
    text = _blind("round122-hard-middle/19-java-faspmanager-permission-then-nfs-read.log")
    assert cause_ids(text) == ["permission", "read-error"]


def test_a_chinese_clients_quoted_original_mails_put_the_thread_in_time_order():
    """A top-posted thread whose quoted mails carry "-----原始邮件-----" and "发送时间: 2026-11-12 18:03:40": the
    first mail's unauthorized run before the reply's completed one (the listing's order had put the success first)."""
    text = _blind("round183-hard-middle/16-zh-top-posted-mail-user-denied-then-ok.eml")
    assert cause_ids(text) == ["unauthorized", "ok"]


def test_another_pods_log_after_a_deadline_kill_ends_the_run_it_waited_for():
    """kubectl describe's "Job was active longer than specified deadline", the first pod's log (its bar at 81 %), then
    "$ kubectl ... logs" of the retried pod (100 % of the same file, Completed): a cancelled run and a completed one
    (the two pods' bars had read as one run, completed)."""
    text = _blind("round183-hard-middle/15-k8s-job-deadline-exceeded-then-retry.txt")
    assert cause_ids(text) == ["cancelled", "ok"]


def test_an_italian_paste_between_cut_here_lines_is_the_persons_run():
    """ "ti incollo quello che è rimasto nel terminale" (I paste what was left in the terminal), then "-----8<-----"
    around a Partial Completion and "Disk write failed (server)": a disk run (the block had read as a copied
    document, no run)."""
    assert cause_ids(_blind("round183-hard-middle/07-paste-cut-at-start-upload-server-disk-it.txt")) == ["disk"]


def test_an_italian_page_that_holds_no_real_transfer_logs_is_no_run():
    """An Italian TechDocs page, "**Non contiene log di trasferimenti reali**", with fenced samples of four messages: no
    run (they had read as four runs at high confidence: a confident wrong answer)."""
    assert cause_ids(_blind("round184-documents/06-it-techdocs-guida-errori-ascp.md")) == []


def test_a_job_scripts_arrow_before_its_exit_status_is_no_definition():
    """PBS output files whose script prints "=> exit status 1" under ascp's Session Stop: a stall run and a completed
    one (the arrow had made the lines a definition list's entry, no run)."""
    assert cause_ids(_blind("round184-clients/20-pbs-job-ko-stall-then-lower-rate.txt")) == ["stall", "ok"]


def test_makes_dry_run_prints_commands_not_runs():
    """ "$ make -n -j4 fetch ...": the ascp commands make would run, each "|| { echo ...; exit 1; }": no run (the shell
    code's "exit 1" had read as a run's exit status)."""
    assert cause_ids(_blind("round184-hard-middle/22-make-n-dry-run-no-transfer.txt")) == []


def test_a_japanese_plan_for_tomorrow_not_run_yet_leaves_the_runs_shown():
    """A Quarto journal ending "`_2.fastq.gz` は明日まとめて ... 取る（まだ実行していない）" (the _2 files tomorrow, not
    run yet) under a key-file failure and a completed run: both runs (the completed one had been dropped)."""
    assert cause_ids(_blind("round184-documents/01-quarto-lab-journal-ja.qmd")) == ["key-file", "ok"]


def test_a_spanish_runbook_that_describes_no_real_incidents_is_no_run():
    """ "Este documento NO describe incidentes reales; solo define qué buscar", with a synthetic Session Stop injected
    by logger to test an alert: no run (it had read as a UDP failure at high confidence: a confident wrong answer)."""
    assert cause_ids(_blind("round185-servers/19-es-runbook-graylog-alertas-aspera.md")) == []


def test_what_clients_typically_see_and_would_see_if_tcp_were_closed_is_no_run():
    """A Teams chat before a migration: 'Typiskt "Session Stop  (Error: ...UDP...)"' (typically) and 'Om TCP är stängt
    kommer "ascp: Failed to open TCP connection for SSH, exiting."' (if TCP is closed): no run (a confident UDP
    failure had been read)."""
    assert cause_ids(_blind("round185-servers/20-sv-teams-chatt-planerad-migrering.txt")) == []


def test_a_japanese_page_that_explains_known_messages_is_no_run():
    """ "このページは手順と既知のメッセージの説明です" (this page explains procedures and known messages), its fenced
    "failed to authenticate" pair: no run (it had read as an auth failure at medium confidence)."""
    assert cause_ids(_blind("round185-documents/10-ja-shanai-kb-sshfp-kyuu-ascp.md")) == []


def test_an_audit_exports_error_code_column_tells_each_runs_result():
    """A transfer audit's CSV, newest first, with "errcode,errstr" and no exit column: eight runs in time order, each
    by its FASP code (0 a run that worked); it had read as none."""
    text = _blind("round185-documents/21-transfer-audit-export-newest-first.csv")
    assert cause_ids(text) == ["ok", "host-key", "unauthorized", "exists", "path-name", "read-error", "cancelled", "ok"]


def test_a_nextflow_trace_without_output_is_a_run_per_transfer_task():
    """A Nextflow trace (tab-separated: name, status, exit, submit): three ASCP_FETCH tasks, COMPLETED 0, FAILED 1,
    COMPLETED 0: three runs, the middle one's cause untold (it had read as one run)."""
    assert cause_ids(_blind("round185-ordinary/13-nextflow-trace-gsa-fetch.tsv")) == ["ok", "unknown", "ok"]


def test_guard_a_nextflow_trace_with_its_tasks_logs_in_comments_reads_the_logs():
    """Guard: a trace whose task logs are kept in comment lines under it: the logs' stall and completed run."""
    assert cause_ids(_blind("round181-clients/15-nextflow-trace-tsv-stall-and-ok.tsv")) == ["stall", "ok"]


def test_an_indonesian_count_of_tries_with_the_same_result():
    """ "Sudah saya coba 3 kali, hasilnya selalu sama" (tried 3 times, always the same) under the last attempt's
    management-port failure: three runs of that cause (one had been read)."""
    text = _blind("round185-ordinary/15-id-windows-ascli-port-manajemen.txt")
    assert cause_ids(text) == ["died-at-start"] * 3


def test_what_an_exit_code_usually_means_is_no_run():
    """A help desk's "l'exit code 1 di ascp di solito vuol dire autenticazione" (usually means authentication) quoted
    in a reply under a wrapper's logged exit 1: one run, cause untold (the agent's sentence had read as another)."""
    assert cause_ids(_blind("round185-hard-middle/09-it-mail-wrapper-exit1-agent-guesses-auth.eml")) == ["unknown"]


def test_a_bar_then_its_l_log_pasted_after_it_is_one_run():
    """An R Markdown chunk's output: ascp's bar at 41 %, R's "[1] 1", then the -L log's "errcode 35" session: one
    read-error run (the bar had read as a run of its own, its end unseen)."""
    text = _blind("round185-hard-middle/22-rmarkdown-knit-log-config-then-read-error.Rmd")
    assert cause_ids(text) == ["configuration", "read-error"]


def test_a_thai_no_error_from_ascp_is_no_run():
    """A PBS walltime kill, then a colleague's "ไม่ได้ error อะไรจาก ascp เลย" (no error at all from ascp): the one
    cancelled run (the sentence had read as another)."""
    assert cause_ids(_blind("round185-clients/09-torque-walltime-ncbi-upload-th.txt")) == ["cancelled"]


def test_a_scripts_docstring_history_with_the_output_it_got():
    """A Python script whose docstring keeps "Output we got then:" with the prompt's command and ascp's words, and the
    run after the fix: a usage run and a completed one (the file had read as code, no run)."""
    assert cause_ids(_blind("round185-documents/19-py-script-ena-batch-met-output.py")) == ["usage", "ok"]


def test_tickets_listed_from_newest_to_oldest_in_french():
    """ "Conversations triées de la plus récente à la plus ancienne": the no-such-file run of the first message before
    the completed run of the last (they had read in the page's order)."""
    text = _blind("round185-hard-middle/04-freshdesk-ticket-fr-newest-first-nosuchfile-then-ok.html")
    assert cause_ids(text) == ["no-such-file", "ok"]


def test_a_polish_yesterday_without_problems_puts_that_run_first():
    """ "ja z laptopa wysłałem wczoraj wieczorem bez problemu" (I sent it from my laptop yesterday evening without a
    problem), its paste after today's failure: the completed run first."""
    text = _blind("round185-hard-middle/12-pl-discord-two-machines-stronger-encryption.txt")
    assert cause_ids(text) == ["ok", "stronger-encryption"]


def test_a_tickets_numbered_articles_are_no_copied_document():
    """OTRS's "--- Artículo #1 (cliente, 18/06/2024 09:12) ---" rules around a client's paste of two runs: two
    no-such-file runs (the article had read as a copied document, the runs as a person's words)."""
    text = _blind("round185-documents/04-es-ticket-otrs-ficheros-retirados.txt")
    assert cause_ids(text) == ["no-such-file", "no-such-file"]


def test_a_log_export_listed_newest_first_keeps_each_seconds_lines_in_order():
    """A Splunk CSV export, newest first, whose _time has whole seconds: a run's "Completed:" and its bar in one
    second read in the order ascp wrote them: one completed run, then auth and ssh-port (the second's lines had read
    as three runs)."""
    text = _blind("round185-clients/05-splunk-export-supervisord-pusher-newest-first.csv")
    assert cause_ids(text) == ["ok", "auth", "ssh-port"]


def test_a_chinese_for_example_before_quoted_errors_is_no_run():
    """A WeChat question: "教程后面还列了几个常见报错，比如" (the tutorial also lists common errors, e.g.) over two of
    ascp's messages, then "我还没开始跑" (I have not started yet): no run (an auth failure had been read at medium
    confidence: a confident wrong answer)."""
    assert cause_ids(_blind("round186-ordinary/13-zh-wechat-question-before-download-no-run.txt")) == []


def test_an_italian_kb_page_with_no_real_transfer_behind_inline_markup_is_no_run():
    """ "<strong>Non</strong> contiene log di un trasferimento reale" over a table of six messages: no run (six
    confident failures had been read)."""
    assert cause_ids(_blind("round186-documents/04-kb-it-catalogo-messaggi-ascp.html")) == []


def test_a_chinese_not_started_downloading_with_its_verb_cut_short_is_no_run():
    """ "还没开始下" (not started downloading yet) after a version check, a colleague's remark quoting "failed to
    authenticate" from someone else: no run."""
    assert cause_ids(_blind("round186-hard-middle/22-zh-wechat-version-check-no-transfer.txt")) == []


def test_an_intro_word_in_a_clause_before_the_turn_is_no_sample_intro():
    """ "O arquivo aparece no portal, mas o download termina na hora:" (the file appears in the portal, but the
    download ends at once), then the person's command and ascp's lines: their no-such-file run (the "aparece" had made
    the block a sample)."""
    assert cause_ids(_blind("round186-ordinary/12-pt-br-chamado-ena-arquivo-removido.txt")) == ["no-such-file"]


def test_guard_a_clause_that_only_denies_keeps_the_sample_intro():
    """Guard: "What you see then looks like an authentication or connection problem, but it is not:" over two of
    ascp's messages in a house-rules page: still a sample, no run."""
    assert cause_ids(_blind("round82-documents/11-transfer-node-etiquette.txt")) == []


def test_a_run_tables_scheduled_row_is_no_run_and_no_reason_to_doubt_the_table():
    """A dashboard's export, newest first, whose first row is "scheduled" (queued, not started): the four runs below it
    in time order (the scheduled row had made it no run table: two runs had been read)."""
    text = _blind("round186-hard-middle/24-transfer-dashboard-export-newest-first.csv")
    assert cause_ids(text) == ["ok", "unknown", "ok", "unauthorized"]


def test_a_job_scripts_output_pasted_under_it_in_comments_is_its_run():
    """An sbatch script with "# ---- Επικολλημένη έξοδος από ena_pull_883412.out ... ----" (pasted output) over the
    job's bars and Slurm's time-limit kill, kept as comments: a cancelled run (the script had read as code only)."""
    assert cause_ids(_blind("round186-documents/19-sbatch-el-script-with-output-timelimit.sh")) == ["cancelled"]


def test_a_clients_completed_beside_the_servers_session_already_open_is_one_run():
    """A Datadog export of both ends: the server's session opened before the client's "Completed:" line came, its
    Session Stop after: one completed run beside the content-protection failure (three runs had been read)."""
    text = _blind("round186-servers/02-datadog-logs-export-dropzone-encryption-policy.json")
    assert cause_ids(text) == ["content-protection", "ok"]


def test_ascps_usage_text_ends_its_run():
    """ascp's short usage text ending "Display full usage: -h,--help", then a pipeline's later run with its bar and
    Completed: a usage run and a completed one (they had read as one usage run)."""
    assert cause_ids(_blind("round186-hard-middle/07-es-jira-nbsp-usage-then-ok-oom-other.md")) == ["usage", "ok"]


def test_an_ascli_logger_line_under_a_command_of_terminal_width_is_its_own():
    """ "$ ascli server download ..." of exactly 80 characters, then "ERROR -- : Cannot rename partial file": the
    logger's line is no wrapped rest of the command; a completed run and a partial-rename one."""
    text = _blind("round186-ordinary/20-github-issue-two-ascli-same-file-rename.md")
    assert cause_ids(text) == ["ok", "partial-rename"]


def test_ansibles_failed_item_with_its_result_hidden_is_a_run_of_its_own():
    """A loop over three sites: changed (Completed), failed with "Destination: File exists", and failed with
    "censored": ... no_log: three runs, the last one's cause untold (two had been read)."""
    text = _blind("round186-clients/12-ansible-loop-ascli-three-sites.txt")
    assert cause_ids(text) == ["ok", "exists", "unknown"]


def test_a_hungarian_not_tried_yet_before_a_colleagues_quoted_error_is_no_run():
    """ "Még nem próbáltam, mert tavaly egy kollégának a "Session Stop  (Error: ...UDP...)" hibát adta ki" (I have not
    tried yet, because last year a colleague got ...): no run (a UDP failure had been read at high confidence)."""
    assert cause_ids(_blind("round187-ordinary/22-mail-question-immport-ports-before-download-hu.eml")) == []


def test_a_hebrew_not_run_any_download_yet_is_no_run():
    """ "עוד לא הרצתי שום הורדה" (I have not run any download yet) under a forum's quoted UDP error and an `ascp -A`:
    no run (a confident UDP failure had been read)."""
    assert cause_ids(_blind("round187-hard-middle/17-he-mail-planning-no-run.eml")) == []


def test_an_xml_comment_saying_its_payloads_are_fixtures_makes_them_no_runs():
    """A QRadar DSM export whose comment says "Sample payloads below are test fixtures ... do not describe any real
    session on our servers", its payloads IBM's sample records: no run (three failures had been read, two at high
    confidence)."""
    assert cause_ids(_blind("round187-servers/20-qradar-dsm-aspera-custom-properties.xml")) == []


def test_a_scripts_dated_comment_over_a_commented_prompt_keeps_that_runs_output():
    """A bash script in Hindi whose comment "नोट (2023-08-03): ... यह आउटपुट आया था (...):" (this output came) sits over
    "#   $ ./immport_download.sh ..." and ascp's "Source file list not specified": a usage run (the file had read as
    code only)."""
    assert cause_ids(_blind("round187-documents/24-hi-shell-script-immport-khali-sutra.sh")) == ["usage"]


def test_a_hungarian_ticket_sorted_from_newest_to_oldest():
    """ "A megjegyzések a legújabbtól a legrégebbi felé vannak rendezve": the first comment's DNS failure before the
    last comment's completed run (they had read in the page's order)."""
    text = _blind("round187-hard-middle/01-hu-redmine-ticket-newest-first-dns-then-ok.md")
    assert cause_ids(text) == ["dns", "ok"]


def test_a_finnish_what_remained_visible_between_cut_here_lines_is_the_persons_run():
    """ "tässä se mitä jäi näkyviin:" (here is what remained visible), then "---8<---" around the bars that slow to
    0.0Kb/s and the data-transfer timeout: a stall run (the block had read as a copied document, no run)."""
    assert cause_ids(_blind("round187-hard-middle/06-fi-foorumi-liitetty-loki-alku-puuttuu.txt")) == ["stall"]


def test_a_faspmanager_session_error_event_is_a_failure_label():
    """A PRIDE uploader's "Transfer event SESSION_ERROR: Client unable to connect to server (check UDP port and
    firewall)": a UDP run (it had read as nothing)."""
    text = _blind("round187-clients/24-pride-uploader-faspmanager-udp-then-user-cancel.log")
    assert cause_ids(text)[:1] == ["udp"]


def test_a_nextflow_traces_task_ids_are_no_line_numbers():
    """A Nextflow trace whose first column counts 1, 2, 3 (task_id): read as the trace's rows, not stripped as line
    numbers (one run had been read; four of its six rows are read now)."""
    text = _blind("round187-clients/10-nextflow-trace-ascp-tasks.tsv")
    assert cause_ids(text)[:4] == ["ok", "unknown", "ok", "unknown"]


def test_htcondors_job_aborted_in_its_event_log_before_the_output_cancels_the_run():
    """HTCondor's event log first ("009 (4120077.000.000) ... Job was aborted." by SYSTEM_PERIODIC_REMOVE), then the
    job's .out with the bar at 58 %: a cancelled run (its cause had been untold)."""
    assert cause_ids(_blind("round187-hard-middle/09-htcondor-job-removed-periodic-remove.log")) == ["cancelled"]


def test_a_traced_docker_run_of_ascp_starts_a_run():
    """A Jenkins pipeline's "+ docker run --rm ... ibmcom/aspera-cli:3.7.2 ascp -QT ..." after a usage failure: its
    licence failure is a run of its own before the completed one (it had joined the usage run)."""
    text = _blind("round187-clients/15-jenkins-console-webin-old-image-ru.txt")
    assert cause_ids(text) == ["usage", "licence", "ok"]


def test_a_retry_told_with_the_same_result_is_a_second_run():
    """ "De prøvede igen kl. 10:52 med samme resultat" (they tried again at 10:52 with the same result) under the
    client's pasted ssh-port failure: two runs of it (one had been read)."""
    assert cause_ids(_blind("round187-servers/11-da-mail-hsts-cph3-firewalld-nyt-kontor.eml")) == ["ssh-port"] * 2


def test_a_sigma_rule_quoting_ascps_words_is_no_run():
    """A Sigma rule (logsource, detection, condition; "status: experimental") whose strings and commented example line
    are ascp's words: no run (three failures had been read at high confidence)."""
    assert cause_ids(_blind("round188-documents/15-sigma-rule-aspera-ascp-failures.yml")) == []


def test_a_key_missing_from_another_folder_is_not_the_key_the_run_used():
    """A notebook: ``ls`` says Connect's folder has no asperaweb_id_dsa.openssh, then the run uses a copy under
    ~/keys that ``ls -l`` shows: its "failed to authenticate" is the account's (it had read as a missing key)."""
    text = _blind("round188-documents/01-jupyter-de-ena-dsa-dann-rsa.ipynb")
    assert cause_ids(text) == ["auth", "ok"]


def test_a_missing_key_with_escaped_spaces_in_its_path_is_still_the_runs_key():
    """Guard: ``-i /Applications/IBM\\ Aspera\\ Connect.app/.../asperaweb_id_dsa.openssh`` and ls's "No such file or
    directory" for the same path written without the escapes: the missing key (passes before and after)."""
    assert cause_ids(_blind("round140-ordinary/04-mac-connect42-key-path-mailing-list.txt")) == ["key-file"]


def test_tries_told_in_romanian_ukrainian_and_danish_are_runs():
    """ "Am mai încercat o dată la 10:08, același rezultat", "сьогодні двічі (о 10:40 та о 11:05) ..., обидва рази" and
    "vores natlige upload fejlede kl. 02:00 og jeg fik samme fejl": one more run each (one had been read)."""
    assert cause_ids(_blind("round188-servers/03-ro-tichet-client-udp-firewalld-zona-public.txt")) == ["udp"] * 2
    assert (
        cause_ids(_blind("round188-servers/19-uk-lyst-session-initiation-read-timed-out.eml")) == ["session-start"] * 2
    )
    text = _blind("round188-servers/08-da-teams-chat-ny-vaert-noegle-efter-genopbygning.txt")
    assert cause_ids(text) == ["host-key", "host-key", "ok"]


def test_another_job_told_to_have_failed_the_same_way_is_a_run_but_several_others_are_not():
    """ "the 2d-old job (partner-push-29210400) failed the same way per its log": a second run of the failure shown;
    "Previous three partitions failed the same way last week" stays one run (the guard)."""
    assert cause_ids(_blind("round188-clients/13-k8s-job-old-cli-image-sshd-kex.txt")) == [
        "ssh-handshake",
        "ssh-handshake",
        "ok",
    ]
    assert cause_ids(_blind("round151-clients/02-dagster-ncbi-upload-udp.txt")) == ["udp"]


def test_an_opensearch_export_without_a_program_column_keeps_its_times():
    """An OpenSearch Discover export ("@timestamp", "host.name", "process.pid", "message") listed newest first, its
    messages ascp's records: read oldest first, the stalled session, the refused one, the one that worked (the
    success had been lost)."""
    text = _blind("round188-servers/04-opensearch-discover-hsts-ams-newest-first.csv")
    assert cause_ids(text) == ["stall", "unauthorized", "ok"]


def test_a_wazuh_correlation_alert_repeating_the_last_event_is_no_run():
    """Wazuh's frequency rule ("previous_output": "(see 3 alerts above)") repeats the last sshd drop it counted: three
    refused connections, not four."""
    text = _blind("round188-servers/02-wazuh-alerts-sshd-past-maxstartups.ndjson")
    assert cause_ids(text) == ["ok", "ssh-refused", "ssh-refused", "ssh-refused"]


def test_gelf_epoch_times_of_different_precision_sort_by_value():
    """A Graylog GELF export's epoch times "1745395598.34" and "1745395201.114": the read-error session (started
    first) before the cancelled one (they had been sorted by the times' width)."""
    text = _blind("round188-servers/12-graylog-gelf-ndjson-zrh-nfs-read-and-cancel.ndjson")
    assert cause_ids(text) == ["read-error", "cancelled", "ok"]


def test_a_finnish_if_at_a_later_sentences_start_and_an_alert_on_a_code_are_no_runs():
    """A Finnish chat: "... heräävät. Jos tulee `Session Stop ...`" (if it says) and "Lisään myös Grafanaan hälytyksen
    `errcode=15` -riveille" (an alert for errcode=15 lines): no run (a UDP failure had been read)."""
    assert cause_ids(_blind("round188-servers/06-fi-slack-export-hsts-hel-kayttoonotto-ei-siirtoja.json")) == []


def test_an_estonian_page_saying_it_holds_no_real_session_is_no_run():
    """ "Siin ei ole ühtegi päris seanssi – kõik read on näited" (not one real session here, all lines are examples):
    no run (an alert rule's LogQL had read as an unknown failure)."""
    assert cause_ids(_blind("round188-servers/23-et-wiki-hsts-logide-lugemine-naited.md")) == []


def test_a_syslog_session_start_that_failed_before_its_uuid_is_a_run():
    """ "ascp[61208]: LOG FASP Session Start uuid=- op=send status=failed errcode=50 ..." in a server's syslog (a
    Coralogix export): a configuration run before the session that worked (it had been skipped as one of ascp's
    other LOG lines)."""
    text = _blind("round188-servers/24-coralogix-json-export-cron-push-path-then-conf.json")
    assert cause_ids(text)[-2:] == ["configuration", "ok"]
    line = "Apr  2 08:55:03 h ascp[61208]: LOG FASP Session Start uuid=- op=send status=failed errcode=50"
    assert cause_ids(line + ' errstr="Invalid configuration"\n') == ["configuration"]


def test_ascli_retrying_after_its_error_opens_the_retrys_run():
    """ascli's "ERROR -- : An error occurred during transfer: ... timeout waiting mgt port connect", then "INFO -- :
    Retrying transfer (attempt 2)", its bar at 100 % and "complete": two runs (the retry had joined the failure)."""
    assert cause_ids(_blind("round188-ordinary/02-gitlab-ci-ascli-mgt-port-retry.log")) == ["died-at-start", "ok"]


def test_a_sample_sheet_aside_opens_no_sample():
    """ "wrote 0 paths to upload_list.txt   <-- (sample sheet column renamed ...)": a person's aside, no sample intro;
    the usage failure under it is a run (it had read as a sample, no run)."""
    text = _blind("round188-hard-middle/18-bash-history-sra-submit-empty-filelist-usage.txt")
    assert cause_ids(text) == ["usage"]


def test_task_schedulers_polish_event_111_cancels_the_run():
    """ "Harmonogram zadań zakończył wystąpienie „{...}” zadania „\\Archiwum\\WysylkaAspera”" (Task Scheduler terminated
    the instance) after the bar at 24 %: a cancelled run (its cause had been untold)."""
    assert cause_ids(_blind("round188-clients/24-teams-chat-task-scheduler-stop-task-pl.txt")) == ["cancelled"]


def test_the_next_typed_command_after_a_passphrase_prompt_starts_another_run():
    """An Obsidian note: iseq's run stops at "Key passphrase:" (Ctrl-C told in words), then "(iseq) lzh@gpu03:~/sc$
    iseq -i ..." again and the completed download: two runs (the second's output had joined the first)."""
    text = _blind("round188-documents/12-obsidian-zh-iseq-key-passphrase.md")
    assert cause_ids(text) == ["key-file", "ok"]


def test_bitbuckets_failed_step_line_is_the_failed_runs():
    """Bitbucket's "---- step failed (exit code 1), 0m 31s ----" after the ssh-port failure: no run of its own, and the
    next pipeline's completed upload reads as ok (it had read as an unknown failure)."""
    text = _blind("round188-documents/03-bitbucket-pipelines-ncbi-upload.txt")
    assert cause_ids(text) == ["ssh-port", "ok"]


def test_lokis_api_records_with_ts_are_read_oldest_first():
    """Loki's API records ({"ts", "labels", "line"}) listed backward: the refused session before the one that worked."""
    text = _blind("round188-hard-middle/13-loki-ndjson-backward-server-two-users.ndjson")
    assert cause_ids(text) == ["unauthorized", "ok"]


def test_a_done_frame_of_another_session_after_an_error_frame_is_a_run_that_worked():
    """Two threads' management frames interleaved: one session's ERROR (code 5), then the other's DONE (another
    SessionId): a permission run and one that worked. A failed session's own DONE after its ERROR (the same
    SessionId) stays its run (the guard: round 161's debug socket capture)."""
    text = _blind("round188-hard-middle/24-java-cos-aspera-two-threads-faspmgr-frames.log")
    assert cause_ids(text) == ["permission", "ok"]
    assert cause_ids(_blind("round161-documents/03-faspmgr-readaccess-cos.log")) == ["permission"]


def test_another_containers_oom_kill_cuts_off_no_run():
    """kubectl describe: ascp's init container "Completed", exit 0, and the fastp container "OOMKilled": the one
    download that worked (a cancelled run had been read); a container named for its job, the only one, still is
    ascp's (the guard: round 118's raw-sync pod)."""
    text = _blind("round189-hard-middle/01-kubectl-describe-oomkilled-main-after-ascp-init-ok.txt")
    assert cause_ids(text) == ["ok"]
    assert cause_ids(_blind("round118-hard-middle/03-kubectl-oomkilled-then-restart.txt")) == ["cancelled", "ok"]


def test_a_run_table_under_an_export_line_with_a_code_column_beside_its_status_words():
    """ "exported_at,...,order,newest_first,..." over a console export's header (session_start, status, errcode,
    errstr): four runs, oldest first, each failed row's cause by its FASP code (nothing had been read)."""
    text = _blind("round189-hard-middle/15-transfer-console-export-newest-first.csv")
    assert cause_ids(text) == ["auth", "unauthorized", "cancelled", "ok"]


def test_argos_step_tree_row_with_a_deadline_kill_cancels_the_steps_run():
    """ "└─✖ fetch ... 30m  Pod was active on the node longer than the specified deadline" under the step's log at
    1 %: a cancelled run (its cause had been untold)."""
    assert cause_ids(_blind("round189-clients/12-argo-pod-deadline-cancelled-ko.txt")) == ["cancelled"]


def test_a_management_frame_logged_on_one_line_is_read_as_frames():
    """A Prefect export's "FASPMGR 2 | Type: ERROR | Code: 5 | Description: Server aborted session: Read access
    denied for user | ...": a permission run (an unknown failure had been read); a service's own summary after such
    frames stays their run (the guard: round 121's .NET service)."""
    assert cause_ids(_blind("round189-clients/17-prefect-flow-run-logs-read-denied.csv")) == ["permission"]
    text = _blind("round121-clients/17-dotnet-faspmanager-service-log-read-denied-then-exists.log")
    assert cause_ids(text) == ["permission", "exists"]


def test_a_retry_policy_on_an_error_code_is_no_run():
    """ "Plan: state "PullPartner" → ascp --mode=recv ... with -P 33001, retry 2x on errcode 15.": a plan, no run
    (a UDP failure had been read)."""
    assert cause_ids(_blind("round189-clients/24-teams-chat-step-functions-version-check-no-run.txt")) == []


def test_a_finnish_rerun_told_with_the_same_result():
    """ "ajettiin uudestaan käsin klo 8.58, sama juttu" (run again by hand at 8.58, same thing): a second host-key
    run (one had been read)."""
    text = _blind("round189-servers/05-fi-teams-chat-hsts-hel-uudet-isantaavaimet.txt")
    assert cause_ids(text)[:2] == ["host-key", "host-key"]


def test_a_finnish_change_request_before_any_transfer_is_no_run():
    """ "Yhtään siirtoa ei ole vielä ajettu" (not one transfer has been run yet) and "jos UDP 33001 unohtuu, kumppanit
    näkevät virheen "..."" (if UDP 33001 is forgotten, the partners will see): no run (a UDP failure had been read at
    high confidence)."""
    text = _blind("round190-servers/22-fi-muutospyynto-palomuuri-hsts-hel-ennen-kayttoonottoa.txt")
    assert cause_ids(text) == []


def test_libssh2s_key_exchange_failure_under_the_command_tells_failed_to_authenticate():
    """ascp -DD's "[libssh2] Failure Event: -5 - Unable to exchange encryption keys" right under the command, then
    "ascp: failed to authenticate, exiting.": the handshake (it had read as the account's login, medium); beside its
    own -L- log lines it stays the one run (the guard: round 137)."""
    assert cause_ids(_blind("round190-ordinary/21-gitlab-issue-old-ascp-handshake.md")) == ["ssh-handshake", "ok"]
    text = _blind("round137-ordinary/24-old-connect395-handshake-then-rsa-ok.txt")
    assert cause_ids(text) == ["ssh-handshake", "ok"]


def test_a_grepped_kubectl_describe_still_tells_its_containers_apart():
    """ "kubectl describe pod ... | grep -E 'ascp:|thumbnailer:|State|Reason|Exit Code'": the thumbnailer's
    OOMKilled exit 137 is no run beside ascp's container that completed (an unknown failure had been read)."""
    text = _blind("round190-hard-middle/15-kubectl-cronjob-sidecar-oomkilled.txt")
    assert cause_ids(text) == ["host-key", "ok"]


def test_the_next_ascp_command_in_a_chat_after_a_passphrase_prompt_starts_another_run():
    """A WhatsApp chat: ascp with the .putty key stops at "Key passphrase:", then "נועה ברק: ascp -QT ... .openssh ..."
    and its completed download: two runs (the second's output had joined the first)."""
    assert cause_ids(_blind("round190-documents/24-whatsapp-he-connect-putty-key.txt")) == ["key-file", "ok"]


def test_sumo_logic_times_with_a_spaced_zone_keep_sshds_lines():
    """A Sumo Logic export ("2025-04-02 22:00:02.101 +0200"): sshd's two "drop connection ... past MaxStartups" are
    refused runs between the sessions that worked (they had been lost)."""
    text = _blind("round190-servers/03-de-sumo-logic-export-maxstartups-welle-partner.csv")
    assert cause_ids(text) == ["ok", "ok", "ssh-refused", "ssh-refused", "ok"]


def test_a_failure_of_last_year_quoted_for_reference_beside_a_planned_run_is_no_run():
    """A Jira ticket: "ascp -A", a planned command, then "For reference, last year's failure with the old key was:"
    and "ascp: failed to authenticate, exiting.": no run (an authentication failure had been read at medium)."""
    assert cause_ids(_blind("round191-hard-middle/19-jira-plan-and-version-check-no-run.txt")) == []


def test_sshds_key_exchange_refusal_inside_a_json_chats_message_tells_the_pasted_failure():
    """A Slack export: the partner's "failed to authenticate", then the server's sshd line inside a message's code
    block, "```Jun 17 07:11:48 hsts-cph-2 sshd[220914]: Unable to negotiate ... [preauth]": the handshake (the
    account's login had been read at medium)."""
    assert cause_ids(_blind("round191-servers/05-da-slack-export-hsts-cph-kex-old-ascp.json")) == ["ssh-handshake"]


def test_an_argo_output_parameter_named_as_a_log_is_the_steps_output():
    """ "argo get -o yaml": "- name: ascp-log" with "value: |" and ascp's "Failure processing peer license:
    Deprecated peer license" under it: the licence (the block had been read as a document's value, an unknown
    failure left)."""
    assert cause_ids(_blind("round192-clients/22-argo-workflow-status-peer-license.yaml")) == ["licence"]


def test_a_yaml_description_block_still_quotes_no_run():
    """A guard: a block under a key that is no log's ("description: |") still quotes ascp's words, no run."""
    text = (
        "alert:\n  description: |\n    Session Stop (Error: Failure processing peer license: Deprecated peer license)\n"
    )
    assert cause_ids(text) == []


def test_packers_build_prefix_is_taken_off_a_provisioners_output():
    """ "    amazon-ebs.render: Usage: ascp [OPTION] SRC... DEST": ascp's usage text behind Packer's build name (an
    unknown failure had been read from "Script exited with non-zero exit status: 1")."""
    assert cause_ids(_blind("round192-clients/13-packer-shell-provisioner-usage-banner.txt")) == ["usage"]


def test_a_wrappers_message_less_events_carry_a_management_frame():
    """NDJSON events with no message: '"event": "mgmt", "Type": "ERROR", "Code": 56, "Description": "Windows path
    contains illegal characters"' after the command's event: the path name (nothing had been read)."""
    assert cause_ids(_blind("round192-ordinary/20-xfersvc-ndjson-windows-timecode-names.ndjson")) == ["path-name"]


def test_a_schedulers_start_and_end_of_a_named_ascp_job_without_output():
    """ "START vk_nattleverans  (ascp -P 33001 ...)" and "END   vk_nattleverans  rc=1", ascp's output discarded: a run
    that failed for a reason not told (nothing had been read)."""
    text = _blind("round192-servers/23-sv-arende-hsts-got-partnerjobb-exit1-loggar-roterade.txt")
    assert cause_ids(text) == ["unknown"]


def test_another_exit_status_after_a_run_told_by_its_own_alone_is_another_run():
    """A wiki note: the failed night's cron mail "status: exit 1", then "※ 2/21 は status: exit 0" (both runs' output
    discarded): two runs (the second's status had overwritten the first's, one run that worked); a CI job's exit 1
    after ascp's own words stays that run's end (the guard: round 184's job)."""
    assert cause_ids(_blind("round192-ordinary/24-ja-cron-quiet-ena-sync-exit1.txt")) == ["unknown", "ok"]
    assert cause_ids(_blind("round184-ordinary/05-gitlab-ci-job-ascp-not-found.log")) == ["ascp-missing"]
    text = _blind("round119-clients/16-ecs-fargate-cloudwatch-two-task-streams.txt")
    assert cause_ids(text) == ["ssh-handshake", "died-at-start"]


def test_ascps_exit_under_a_traced_command_ends_that_run_before_the_next_command():
    """ "+ ascp ...", "ascp exit code 1", "+ ascp ...", "ascp exit code 0" (a pipeline's events, the output
    discarded): a failed run, then one that worked (they had been one run)."""
    assert cause_ids(_blind("round190-ordinary/20-ena-sync-pipeline-quiet.ndjson")) == ["unknown", "ok"]


def test_ansibles_json_callback_output_is_read_as_its_tasks_results():
    """ANSIBLE_STDOUT_CALLBACK=json: a loop's three items under "results", the first's ascli bar and "complete", the
    others' ascp errors: three runs (the first had been lost)."""
    text = _blind("round192-clients/16-ansible-json-callback-loop-ascli.json")
    assert cause_ids(text) == ["ok", "permission", "exists"]


def test_a_bridges_transfer_end_events_without_a_message_are_transfers():
    """'"event": "transfer_end", "transfer_id": ..., "status": "completed", "error_code": 0, "error_desc": ""', then
    a failed one: two transfers (the completed one had been lost)."""
    text = _blind("round192-documents/23-ndjson-connect-transfer-events.ndjson")
    assert cause_ids(text) == ["ok", "server-session"]


def test_ascli_logger_lines_of_another_process_start_another_run():
    """ "E, [... #103512] ERROR -- : Destination: File exists", then half an hour later "E, [... #104077] ERROR -- :
    Cannot rename partial file" and its bar at 100 %: two runs (the second had joined the first)."""
    text = _blind("round192-documents/24-romanian-teams-ascli-exists-partial.txt")
    assert cause_ids(text)[:2] == ["exists", "partial-rename"]


def test_a_run_table_listed_newest_first_is_still_a_run_table():
    """A delivery portal's history, newest first, "status,errcode,errstr" columns: four rows in the order they ran,
    each its own run (the two failures had been one run, the successes lost)."""
    text = _blind("round192-ordinary/23-core-facility-transfer-history-newest-first.csv")
    assert cause_ids(text) == ["ok", "read-error", "exists", "ok"]


def test_a_semicolon_run_table_with_its_columns_in_the_local_language():
    """Aspera for Desktop's activity export in Portuguese ("Início";"Fim";...;"Estado";"Mensagem", "Concluído",
    "Falhou", "Cancelado") under its quoted title; a Czech job history ("navratovy_kod";"posledni_radek_vystupu"),
    newest first: a run per row (the rows had been merged, the cancelled one and the ones that worked lost)."""
    text = _blind("round192-clients/14-desktop-activity-export-three-transfers-pt.csv")
    assert cause_ids(text) == ["ok", "path-name", "cancelled"]
    text = _blind("round192-documents/18-czech-export-historie-prenosu.csv")
    assert cause_ids(text) == ["ok", "no-such-file", "unknown", "ok"]


def test_a_log_exports_error_column_completes_a_session_stop_cut_short():
    """An OpenSearch export: "message_excerpt" holds "LOG FASP Session Stop ... status=failed" without its words,
    "aspera.error_text" holds "Server aborted session: Server requires content protection" (and the fuller words
    beside "errstr="Unauthorized""): content protection twice, then the run that worked (one run had been read)."""
    text = _blind("round192-servers/09-opensearch-discover-export-hsts-lab-content-protection.csv")
    assert cause_ids(text) == ["content-protection", "content-protection", "ok"]


def test_an_indonesian_question_before_a_first_download_is_no_run():
    """ "Belum saya jalankan sama sekali" (I have not run it at all) before a lab wiki's quoted "Session Stop (Error:
    Client unable to connect to server ...)": no run (a UDP failure had been read at high confidence); "Belum
    dijalankan ulang" (not run again yet) after a run still leaves that run (the guard: round 178's note)."""
    assert cause_ids(_blind("round193-ordinary/19-id-forum-pertanyaan-sebelum-unduh.txt")) == []
    assert cause_ids(_blind("round178-documents/21-indonesian-script-missing-dest.txt")) == ["usage"]


def test_a_persons_word_on_the_same_runs_key_exchange_failure_tells_the_handshake():
    """A blog post: "ascp: failed to authenticate, exiting.", then "同じ実行の -L- のログ ... libssh2 の `Unable to
    exchange encryption keys` で落ちていました" (the same run's log showed the key exchange failing): the handshake
    (the account's login had been read at medium)."""
    assert cause_ids(_blind("round193-ordinary/17-ja-zenn-old-connect-kex-then-upgrade.md")) == ["ssh-handshake", "ok"]


def test_a_secrets_agents_permission_denied_in_the_journal_is_no_run():
    """A host's journal: vault-agent's "template render failed: secret/data/aspera/offsite: permission denied" after
    the night's run that lacked its file passphrase: no run of its own (a permission failure had been read at high
    confidence)."""
    text = _blind("round193-servers/21-journalctl-offsite-encrypted-push-hsts-vie.txt")
    assert cause_ids(text) == ["usage", "passphrase", "read-error", "ok"]


def test_a_wrappers_events_with_each_output_line_in_a_line_field():
    """NDJSON events '"event": "ascli_output", "line": "E, [...] ERROR -- : Destination: File exists"' with no message:
    the second attempt's cause (it had read as an unknown failure)."""
    assert cause_ids(_blind("round193-ordinary/18-ndjson-transfer-wrapper-events-exists.ndjson")) == ["ok", "exists"]


def test_a_retry_loops_next_attempt_killed_at_the_walltime_before_any_output():
    """PBS's job output: two attempts failed with the peer licence, "attempt 3 Tue Jun  4 04:00:15 CEST 2024", then
    "=>> PBS: job killed: walltime 21614 exceeded limit 21600": the third attempt, cancelled (it had been lost)."""
    text = _blind("round193-hard-middle/05-pbs-walltime-retry-loop-old-client.txt")
    assert cause_ids(text) == ["licence", "licence", "cancelled"]


def test_a_ci_jobs_exit_status_line_is_the_jobs_end():
    """GitLab's "ERROR: Job failed: exit status 1" (not only "exit code") after ascp's summary and a later step: no
    failed run of its own beside the one that worked (an unknown failure had been read)."""
    assert cause_ids(_blind("round122-hard-middle/04-gitlab-ci-ascp-ok-md5-step-fails.log")) == ["ok"]
    text = _blind("round185-documents/05-gitlab-ci-refdata-sync.log")
    assert cause_ids(text) == ["ascp-missing", "unknown", "ok"]


def test_a_graylog_pipeline_rule_and_its_simulator_inputs_are_no_run():
    """A Graylog pipeline rule ('rule "..."', when, then, end) whose comments give its simulator inputs, ascp's
    "LOG FASP Session Start ... status=failed errcode=19": no run (an authentication failure had been read at high
    confidence)."""
    assert cause_ids(_blind("round194-servers/15-graylog-pipeline-rule-aspera-errcode-tagging.txt")) == []


def test_a_row_of_kubectl_describes_events_is_read_as_its_message():
    """ "Warning  Failed  8h  kubelet  Error: ... exec: "ascp": executable file not found in $PATH": ascp missing from
    the image (an unknown failure had been read); an image not pulled ("Failed to pull image", "ImagePullBackOff")
    starts no container, no run of ascp's."""
    text = _blind("round194-clients/12-k8s-cronjob-distroless-image-sv.txt")
    assert cause_ids(text)[:1] == ["ascp-missing"]
    pulled = (
        "Events:\n"
        '  Warning  Failed     39m (x4 over 41m)   kubelet            Failed to pull image "reg/tools/ascp:4.27.0": '
        "rpc error: code = NotFound desc = failed to pull and unpack image: not found\n"
        "  Warning  Failed     96s (x171 over 41m) kubelet            Error: ImagePullBackOff\n"
    )
    assert cause_ids(pulled) == []


def test_a_loader_line_under_a_command_of_exactly_eighty_characters_is_a_line_of_its_own():
    """ "$ $HOME/.aspera/sdk/ascp -QT -l 300m -L- -d reads/ Webin-61234@webin.ebi.ac.uk:." (80 characters), then
    "/home/gitlab-runner/.aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found": ascp could not start
    (the loader's line had been joined to the command as its wrapped rest; an unknown failure read)."""
    text = _blind("round194-clients/19-gitlab-ci-transferd-glibc-then-old-connect-ru.txt")
    assert cause_ids(text) == ["died-at-start", "licence"]


def test_a_schedulers_transfer_events_by_session_id_are_transfers():
    """NDJSON "transfer_done" events with "session_id", "status": "success" or "failed", "error_code" 42 or 51: four
    transfers (only the first had been read)."""
    text = _blind("round194-ordinary/13-promo-pull-scheduler-events.ndjson")
    assert cause_ids(text) == ["ok", "exists", "host-key", "host-key"]


def test_a_run_table_named_only_by_fasps_errcode_and_errstr_columns():
    """A transfer report "sorted by status, then host" with "errcode,errstr" columns and no program named: four rows,
    in the order they started (one failure had been read)."""
    text = _blind("round194-hard-middle/23-transfer-report-sorted-by-status.csv")
    assert cause_ids(text) == ["stronger-encryption", "ok", "read-error", "exists"]


def test_an_r_console_transcript_reads_each_typed_call():
    """An .Rout transcript: ImmPortR's download typed twice, "download failed (status 127)" after "sh: 1: ascp: not
    found", then "download failed (status 1)" after the PATH fix: two runs (the second had been lost)."""
    text = _blind("round194-ordinary/22-rstudio-console-immportr-two-tries.Rout")
    assert cause_ids(text) == ["ascp-missing", "unknown"]
    assert cause_ids(_blind("round174-documents/17-immport-r-console-token.txt")) == ["unauthorized"]


def test_a_sentence_wrapped_inside_the_words_it_quotes_stays_one_sentence():
    """A ticket: "... sinon le message serait "Failed to open TCP" / "connection for SSH"). ..." (otherwise the message
    would be ...): no run beside the pasted one (an unknown failure had been read)."""
    assert cause_ids(_blind("round194-hard-middle/02-fr-glpi-ticket-agent-blames-firewall.txt")) == ["auth"]


def test_a_turkish_note_of_last_months_error_beside_a_planned_run_is_no_run():
    """ "Geçen ay eski sunucuda aldığımız hatayı da not düşeyim, tekrar görürsek tanırız:" (let me note last month's
    error so we recognise it) and the quoted UDP failure, the first run only planned: no run (a UDP failure had been
    read at high confidence)."""
    assert cause_ids(_blind("round195-clients/24-teams-chat-ascp-version-plan-no-run-tr.txt")) == []


def test_a_wikis_if_you_see_after_a_sentence_introduces_a_sample():
    """ "... run your transfers on `dtn1`/`dtn2`. If you see" over a fenced Session Stop, "you are most probably on a
    login node"; and a chat's "what partners see when UDP is blocked:": no run (UDP failures had been read at high
    confidence)."""
    assert cause_ids(_blind("round195-documents/03-wiki-hpc-modulo-ascp-antiguo.md")) == []
    assert cause_ids(_blind("round195-servers/23-sematext-slack-capacity-planning-no-run.txt")) == []


def test_a_czech_wiki_that_says_it_holds_no_real_runs():
    """ "Nejsou zde žádné skutečné běhy" (there are no real runs here) above a table of messages and a commented
    expected output: no run (a run that worked had been read at high confidence)."""
    assert cause_ids(_blind("round195-clients/20-wiki-wrapper-error-table-no-run-cs.md")) == []


def test_a_command_shown_from_a_process_listing_after_a_passphrase_prompt_is_the_same_run():
    """iseq stops at "Key passphrase:", "Mirando `ps` veo que iseq llama a ascp así" and the .putty command, then the
    Enter pressed and "failed to authenticate": one key-file run (the login had been read as a run of its own)."""
    assert cause_ids(_blind("round195-ordinary/03-es-foro-iseq-putty-key-passphrase.md")) == ["key-file"]


def test_content_protection_words_beside_a_file_encryption_code_tell_the_servers_refusal():
    """A server's "ERR ... errstr [Server aborted session: Server requires content protection]" beside its
    "errcode=48": content protection (a missing passphrase had been read at high confidence); ascp's own "File
    encryption needs a passphrase" still tells the passphrase (the guard: round 97's upload)."""
    text = _blind("round195-servers/09-el-email-hsts-ath-content-protection.eml")
    assert cause_ids(text)[:2] == ["content-protection", "ok"]
    assert cause_ids(_blind("round97-clients/12-macos-upload-content-protection.txt"))[:2] == [
        "content-protection",
        "passphrase",
    ]


def test_a_wrappers_session_end_events_listed_newest_first():
    """NDJSON "session_end" events ("status", "error_code", "bytes"), newest first: three transfers in the order they
    ran, the Windows path failure between two that worked (a wrapper's notice had been read as an unknown failure)."""
    assert cause_ids(_blind("round195-hard-middle/15-nas-wrapper-events-newest-first.ndjson")) == [
        "ok",
        "path-name",
        "ok",
    ]


def test_a_wrappers_run_history_with_argument_lists_and_management_descriptions():
    """A history export, a record per run: "argv" as a list, "stdout_tail" as lines, "mgmt_description" with the
    error's words: five runs read by their words (three had been low or lost); a history listed newest first by its
    "started" times is read oldest first."""
    text = _blind("round190-documents/23-xferctl-history-export.ndjson")
    assert cause_ids(text) == ["ok", "permission", "session-start", "configuration", "exists"]
    text = _blind("round195-documents/24-wrapper-history-el-nightly-push.ndjson")
    assert cause_ids(text)[:4] == ["ok", "cancelled", "read-error", "partial-rename"]


def test_a_run_record_whose_output_was_not_kept_is_a_run_of_its_own():
    """A LIMS's transfer events, one per line: a licence failure, then a run with "stdout_tail": null and
    "exit_code": 1 ("output capture disabled"), then the run that worked: three runs, the middle one unknown (it had
    joined the run after it); a nightly job's history whose 11-07 row ("exit": 1, an empty "ascp_log_tail") is a
    run between the 11-06 and 11-08 failures (it had been lost)."""
    text = _blind("round187-ordinary/14-lims-transfer-events-ena-webin-licence.ndjson")
    assert cause_ids(text) == ["licence", "unknown", "ok"]
    text = _blind("round195-documents/24-wrapper-history-el-nightly-push.ndjson")
    assert cause_ids(text) == ["ok", "cancelled", "read-error", "partial-rename", "unknown", "configuration"]


def test_a_run_record_with_its_command_and_exit_alone_is_a_run_of_its_own():
    """A wrapper's history, a record per attempt with its "cmd", "exit" and streams as lists: the third attempt's
    streams empty ("wrapper lost output"): its own unknown run between the failure before it and the run that
    worked (it had been folded into the failure before); the same in a Finnish history."""
    text = _blind("round197-documents/23-transferlog-wrapper-newest-first.ndjson")
    assert cause_ids(text) == ["ok", "session-start", "server-session", "unknown", "ok"]
    text = _blind("round196-documents/18-fi-wrapper-history-siirtoajot.ndjson")
    assert cause_ids(text) == ["ascp-missing", "usage", "unknown", "ok"]


def test_guard_a_wrappers_exit_under_its_command_in_text_is_the_logged_runs():
    """Guard: a script's "[pull] ascp -P ..." and "[pull] ascp exit code 1" (text, no JSON records), then the -L
    log of that attempt: one passphrase run."""
    assert cause_ids(_blind("round175-hard-middle/21-decrypt-wrapper-says-auth.txt")) == ["passphrase"]


def test_guard_a_wrappers_exit_after_its_logged_failure_is_that_runs():
    """Guard: a job's record with its ascp log's failed session and its exit: one run, the exit no run of its own."""
    text = _blind("round195-documents/24-wrapper-history-el-nightly-push.ndjson")
    assert cause_ids(text).count("unknown") == 1


def test_a_swedish_mail_before_any_run_is_no_run():
    """ "Jag har inte kört något än" (I have not run anything yet) above the command from ENA's documentation and a
    FAQ's UDP error: no run (a UDP failure had been read at high confidence)."""
    assert cause_ids(_blind("round196-ordinary/14-sv-mail-fraga-portar-ingen-korning.txt")) == []


def test_a_change_notice_of_errors_to_report_if_seen_is_no_run():
    """ "If after the window you see either of these, please open a ticket with the full output:" over two Session
    Stop lines: no run (two failures had been read at high confidence)."""
    assert cause_ids(_blind("round196-servers/24-en-mail-change-notice-ufw-before-migration.eml")) == []


def test_an_lsf_job_mails_kill_ends_the_run_that_sat_at_its_passphrase_prompt():
    """LSF's "TERM_RUNLIMIT" mail whose output is ascp's "Key passphrase:" alone: one key-file run (a second run,
    cancelled, had been read at high confidence)."""
    assert cause_ids(_blind("round196-clients/08-lsf-job-mail-putty-key-runlimit.eml")) == ["key-file"]


def test_a_person_who_stops_a_slow_run_themselves_cancelled_it():
    """ "va a 3 Mb/s ... Lo interrompo e riparto stasera" (it goes at 3 Mb/s, I interrupt it and start again
    tonight), the bar at 41 % and "^C": cancelled, then the resumed run (a stall had been read at medium)."""
    assert cause_ids(_blind("round196-ordinary/10-it-teams-empiar-ctrlc-then-resume.txt")) == ["cancelled", "ok"]


def test_an_event_viewer_export_by_its_date_and_time_column_is_read_oldest_first():
    """Event Viewer's CSV export ("Level","Date and Time","Source","Event ID","Task Category","Message"), newest
    first: its runs in the order they ran (the run that worked had been lost behind the failure listed above it)."""
    assert cause_ids(_blind("round119-hard-middle/06-windows-eventvwr-newest-first.csv")) == ["ssh-port", "ok"]
    text = _blind("round191-hard-middle/11-win-task-scheduler-export-newest-first.csv")
    assert cause_ids(text) == ["ok", "died-at-start"]


def test_a_mezmo_export_newest_first_is_read_oldest_first():
    """Mezmo's export ({"lines": [{"_ts": <epoch ms>, "_host", "_app", "_line"}]}), newest first: the server's three
    sessions in the order they ran, disk, cancelled, ok (they had been read in the export's order)."""
    text = _blind("round197-servers/01-mezmo-export-hsts-sgp1-newest-first.json")
    assert cause_ids(text) == ["disk", "cancelled", "ok"]


def test_a_french_voici_ce_que_ascp_affiche_is_the_persons_own_output():
    """ "Voici ce que ascp affiche (un seul essai ...) :" (here is what ascp shows, one try) over the command and its
    Session Stop: the person's run, a permission failure (it had read as a document's sample, no run)."""
    assert cause_ids(_blind("round197-servers/05-ticket-fr-ausearch-selinux-lecture.txt")) == ["permission"]


def test_guard_what_ascp_shows_in_general_is_a_sample():
    """Guard: "ascp affiche en général :" over a Session Stop is a page's sample, no run."""
    assert (
        cause_ids(
            "Si le port UDP est bloqué, ascp affiche en général :\n\n"
            "    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        )
        == []
    )


def test_tries_told_with_the_same_error_or_both_times_in_japanese():
    """ "Dos intentos, mismo error" (two tries, same error) and "2回とも失敗しました" (failed both times) over one
    pasted failure: two runs of that cause, the second at low confidence, then the run that worked."""
    assert cause_ids(_blind("round197-servers/06-rocketchat-es-nft-udp-drops.md")) == ["udp", "udp", "ok"]
    assert cause_ids(_blind("round197-servers/11-zulip-ja-hostkey-rebuilt-vm.txt")) == ["host-key", "host-key", "ok"]


def test_a_paste_cut_at_its_start_is_read_as_the_wording_whose_tail_it_holds():
    """ "nect to server (check UDP port and firewall))" and "olve target host., exiting." as the first line a person
    pasted (the terminal had scrolled): a UDP failure and a DNS failure, each before the run that worked (each had
    been lost)."""
    text = _blind("round197-hard-middle/06-pl-chat-paste-cut-at-start-udp-then-hotspot-ok.txt")
    assert cause_ids(text) == ["udp", "ok"]
    assert cause_ids(_blind("round192-hard-middle/07-pt-chat-paste-cut-at-start-dns-then-ok.txt")) == ["dns", "ok"]


def test_guard_a_chats_smiley_brackets_and_a_quoted_tail_are_no_run():
    """Guard: a Russian chat's "))" after a sentence, and a person quoting the tail of a wording inside a sentence:
    no run."""
    assert cause_ids("спасибо, теперь всё понятно))\n") == []
    text = 'The ending "(check UDP port and firewall))" is the classic sign, ask your network team.\n'
    assert cause_ids(text) == []


def test_the_ssh_librarys_line_first_in_an_ansible_results_stderr_tells_its_failure():
    """Ansible's result of "ascp ...", its stderr "[libssh2] Failure Event: -5 - Unable to exchange encryption
    keys" before "ascp: failed to authenticate": the SSH handshake (auth at low confidence had been read), then the
    next host's run that worked and the third's missing ascp."""
    text = _blind("round197-hard-middle/22-ansible-serial-three-hosts-kex-ok-missing.txt")
    assert cause_ids(text) == ["ssh-handshake", "ok", "ascp-missing"]


def test_a_nextflow_traces_rows_each_a_run_in_their_submit_order():
    """Nextflow trace files whose header or a row is 100 or 132 characters long (it had been joined to the next as a
    terminal's wrap), a note in comment lines under one, rows listed as the tasks finished: each row its run, in the
    order of the "submit" column."""
    text = _blind("round197-clients/17-nextflow-fetchngs-trace-retry-no-stderr.tsv")
    assert cause_ids(text) == ["ok", "unknown", "ok", "ok"]
    text = _blind("round191-clients/13-nextflow-trace-ascp-download-exit1.tsv")
    assert cause_ids(text) == ["ok", "unknown", "ok", "unknown"]
    text = _blind("round187-clients/10-nextflow-trace-ascp-tasks.tsv")
    assert cause_ids(text) == ["ok", "unknown", "ok", "unknown", "unknown", "ok"]


def test_guard_a_trace_with_its_tasks_logs_in_comments_is_read_by_them():
    """Guard: a trace whose comment lines hold its tasks' logs is read by those logs (stall, then ok)."""
    assert cause_ids(_blind("round181-clients/15-nextflow-trace-tsv-stall-and-ok.tsv")) == ["stall", "ok"]


def test_a_run_tables_header_or_row_of_a_terminals_width_is_no_wrap():
    """A scheduler's export newest first whose header is 100 characters long, and a batch summary whose rows are: its
    first row had been joined to the header (read as a title and dropped) and its runs read in the table's order;
    now each row is its run, oldest first."""
    text = _blind("round190-ordinary/19-media-scheduler-export-newest-first.csv")
    assert cause_ids(text) == ["ok", "permission", "session-start", "ok"]
    assert cause_ids(_blind("round173-ordinary/12-batch-summary-ena.csv")) == ["ok", "ok", "no-such-file", "ok"]


def test_ipythons_traceback_head_of_a_keyboard_interrupt_cancels_the_run():
    """A notebook's output ending "KeyboardInterrupt    Traceback (most recent call last)" (the kernel's stop button)
    under ascli's fourth attempt's bar: that attempt cancelled (it had read unknown), after three session failures."""
    text = _blind("round197-clients/23-sagemaker-notebook-ascli-tcia-session-init-interrupted.ipynb")
    assert cause_ids(text) == ["session-start", "session-start", "session-start", "cancelled"]
    text = _blind("round125-hard-middle/17-notebook-home-fibre-stall-then-interrupt.ipynb")
    assert cause_ids(text) == ["stall", "cancelled"]


def test_an_r_markdown_bash_chunks_output_is_its_run():
    """R Markdown's ```{bash, error=TRUE}``` chunk, its ascp command continued over two lines, then knitr's "##
    Key passphrase:" three times: the PuTTY key's run (it had read as no run)."""
    assert cause_ids(_blind("round197-documents/10-ja-rmarkdown-ena-kagi-passphrase.Rmd")) == ["key-file"]


def test_an_italian_page_of_examples_taken_from_ibms_documentation_is_no_run():
    """A Confluence page: "I messaggi sotto sono esempi presi dalla documentazione IBM ...; non provengono dai nostri
    server", then a table of messages and IBM's error-19 log sample: no run (auth had been read at high)."""
    assert cause_ids(_blind("round198-documents/08-confluence-it-guida-errori-ascp.html")) == []


def test_a_notebooks_next_cell_ends_a_look_at_which_ascp():
    """ "!which ascp", then the next cell's "rc = !{cmd}" and ascp's "Cannot resolve target host": a DNS run (the
    output had been read as code shown by which)."""
    assert cause_ids(_blind("round198-ordinary/07-it-notebook-ena-typo-host.ipynb")) == ["dns"]


def test_a_french_mails_end_of_its_output_between_cut_here_lines_is_its_run():
    """ "Je n'ai ... que la fin de la sortie, mon terminal tmux avait un historique limité ... :", then "---8<---"
    around the paste: the person's run, a server disk failure (it had read as a copied document)."""
    assert cause_ids(_blind("round198-hard-middle/06-fr-mail-paste-cut-at-start-server-disk.eml")) == ["disk"]


def test_a_kibana_export_with_ascps_level_in_its_own_field_and_numeric_pids():
    """Kibana's NDJSON export newest first, "level": "LOG" beside "message": "FASP Session Stop ...", "pid" a number:
    three sessions, unauthorized, read error and the one that worked (the last two had been lost)."""
    text = _blind("round198-hard-middle/14-ndjson-transfer-monitor-newest-first.ndjson")
    assert cause_ids(text) == ["unauthorized", "read-error", "ok"]


def test_a_units_console_summaries_in_an_export_are_runs_of_their_own():
    """Kibana's CSV of a server's systemd push unit: ascp's "Session Stop  (Error: ...)" under the unit, twice, then
    an inbound session that worked: three runs (the export's process-less ascp lines had joined into one)."""
    text = _blind("round198-servers/21-kibana-csv-hsts-dub1-outbound-push-and-inbound.csv")
    assert cause_ids(text) == ["session-start", "udp", "ok"]


def test_a_dutch_wikis_error_you_may_get_such_as_is_a_sample():
    """ "... kun je een fout krijgen zoals:" (you may get an error such as) over a <pre> of ascp's words: no run (auth
    had been read at medium)."""
    assert cause_ids(_blind("round199-documents/09-mediawiki-nl-aspera-oude-versie.wiki")) == []


def test_a_hungarian_run_table_by_its_column_names():
    """A wrapper's history with Hungarian columns (inditas, parancs, kilepesi_kod, kimenet_utolso_sor): each row its
    run, the one with its output discarded unknown (only the No such file row had been read)."""
    text = _blind("round199-documents/24-naplo-hu-wrapper-history.csv")
    assert cause_ids(text) == ["ok", "unknown", "no-such-file", "ok"]


def test_turkish_comments_newest_on_top_are_read_oldest_first():
    """A Jira export's "Yorumlar (en yeni en üstte)" (comments, newest on top): the docroot failure, then the retry
    that worked."""
    text = _blind("round199-hard-middle/23-jira-comments-newest-first-docroot-tr.txt")
    assert cause_ids(text) == ["permission", "ok"]


def test_a_dashboards_job_records_each_end_their_run():
    """A vendor dashboard's NDJSON, a job per record ("status": "completed"/"failed", its "detail" the last words):
    the completed job, then the read-access failure at high confidence (it had been a quote's, low)."""
    text = _blind("round199-ordinary/22-media-vendor-transfer-dashboard-export.ndjson")
    assert cause_ids(text)[:2] == ["ok", "permission"]


def test_the_next_task_output_file_of_a_job_array_is_another_run():
    """sacct's three array tasks, then "cat logs/9182734_0.out", "_1.out", "_2.out": the last task's "ascp exit 1"
    alone is its own unknown run (it had joined the stall of the task before); a job's .out and .err stay one run."""
    text = _blind("round199-clients/15-slurm-array-sacct-stall-ok-unknown.txt")
    assert cause_ids(text) == ["ok", "stall", "unknown"]
    assert cause_ids(_blind("round88-hard-middle/18-slurm-timelimit-second-file.log")) == ["ok", "cancelled"]


def test_a_ci_jobs_last_word_under_its_scripts_report_rule_is_that_runs():
    """A GitLab job: the test script's ascp fails ("Failed to open TCP connection for SSH"), its "==== Report ===="
    rule, then "ERROR: Job failed: exit code 1": one ssh-port run (the job's end had read as a second, unknown)."""
    assert cause_ids(_blind("round199-documents/03-gitlab-ci-metabolights-private-study.log")) == ["ssh-port"]


def test_ascli_telling_its_failure_twice_in_one_second_is_one_run():
    """ascli's "ERROR -- : Cannot rename partial file", then, in the same second and process, "WARN -- : An error
    occurred during transfer: Can't rename a partial file.": one run (two had been read); its retries seconds apart
    stay runs of their own."""
    text = _blind("round199-ordinary/20-ascli-shares-two-jobs-partial-rename.txt")
    assert cause_ids(text) == ["partial-rename"]
    assert cause_ids(_blind("round97-clients/11-ascli-windows-mgmt-port.txt")) == ["died-at-start", "died-at-start"]
    text = _blind("round179-clients/24-windmill-windows-worker-ascli-mgmt-port-retries.txt")
    assert cause_ids(text) == ["died-at-start", "died-at-start", "ok"]
