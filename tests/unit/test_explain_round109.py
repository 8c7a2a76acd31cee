"""explain: what blind round 109 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids

UDP = "Client unable to connect to server (check UDP port and firewall)"


def test_a_regex_tester_s_export_with_its_date_holds_no_run():
    """regex101's export ("exportedAt": a time) whose test strings quote ascp's lines, one of them a stamped FASP
    record: its own date and its tests' texts are no trace of a run (it had read as eleven runs)."""
    doc = {
        "title": "ascp outcome classifier",
        "exportedAt": "2025-10-02T14:11:08Z",
        "entries": [
            {
                "regex": r"^Session Stop\s{1,2}\(Error: (?<msg>.+)\)$",
                "testString": f"Session Stop  (Error: failed to authenticate)\nSession Stop  (Error: {UDP})",
                "unitTests": [{"input": "ascp: Cannot resolve target host., exiting.", "criteria": "DOES_MATCH"}],
            },
            {
                "regex": "LOG FASP Session Start",
                "testString": "2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-"
                'ab7e-ceba3a18a81c op=send status=failed errcode=19 errstr="Authentication failure"',
            },
        ],
    }
    assert cause_ids(json.dumps(doc, indent=2)) == []
    # (guard) a search's export whose records carry their own times and messages is read as what it holds
    records = [
        {"timestamp": "2025-10-02T14:11:08Z", "message": "ascp: Cannot resolve target host., exiting."},
        {"timestamp": "2025-10-02T14:11:08Z", "message": "Session Stop  (Error: Cannot resolve target host.)"},
    ]
    assert cause_ids(json.dumps({"exportedAt": "2025-10-02T14:12:00Z", "results": records}, indent=2)) == ["dns"]


def test_an_api_client_s_collection_export_quoting_failures_in_its_descriptions_holds_no_run():
    """Insomnia's export ("__export_date") whose requests' descriptions paste example failure records: no run (it
    had read as an unauthorized one)."""
    example = '{"id":"f1b3","status":"failed","error_code":34,"error_desc":"Server aborted session: Management '
    example += 'authorization refused"}'
    doc = {
        "_type": "export",
        "__export_date": "2025-12-11T09:24:02.118Z",
        "resources": [
            {"_type": "request", "name": "GET /ops/transfers", "description": f"Example:\n```json\n{example}\n```"}
        ],
    }
    assert cause_ids(json.dumps(doc, indent=1)) == []


def test_a_siem_rule_in_yaml_quoting_a_fasp_record_holds_no_run():
    """A Sentinel analytics rule: top-level keys, a description block quoting a failed Session Start record as its
    test's example: a document (it had read as an auth failure)."""
    text = (
        "# Microsoft Sentinel scheduled analytics rule\n"
        "id: 5e0b7d3c-2f61-4c8e-9a4b-1d2e3f405162\n"
        "name: Aspera HSTS - burst of ascp authentication failures\n"
        "description: |\n"
        "  Fires on many failed FASP sessions with errcode 19 from one peer. Example line:\n"
        "    ascp[4711]: LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send status=failed "
        'errcode=19 errstr="Authentication failure"\n'
        "severity: Medium\n"
        "queryFrequency: 15m\n"
        "query: |\n"
        '  Syslog | where SyslogMessage has "errcode=19"\n'
        "kind: Scheduled\n"
        "version: 1.0.3\n"
    )
    assert cause_ids(text) == []


def test_a_task_result_in_yaml_holds_its_command_s_output_in_its_stderr_block():
    """Ansible's YAML callback: a failed task's result with ascp's words in its "stderr: |-" block: that run's output,
    not a document's text (it had read as no run)."""
    text = (
        "fatal: [dtn01]: FAILED! =>\n  changed: false\n  cmd: ascp -P 33001 -l 100m /out/a.tar u@h.example:/in/\n"
        "  msg: non-zero return code\n  rc: 1\n  stderr: |-\n    ascp: Cannot resolve target host., exiting.\n"
        "    Session Stop  (Error: Cannot resolve target host.)\n  stderr_lines: <omitted>\n"
    )
    assert cause_ids(text) == ["dns"]
    # (guard) an alert rule's description block quoting the same words is its text, no run
    rule = "groups:\n- name: aspera\n  rules:\n  - alert: AsperaDns\n    annotations:\n      description: |\n"
    assert cause_ids(rule + "        ascp: Cannot resolve target host., exiting.\n") == []


def test_module_docs_showing_an_illustrative_failed_run_hold_no_run():
    """Generated module docs: "A failed run typically looks like the example below (illustrative, from the module's
    VM test ...):" and a journal excerpt in a fence: no run (it had read as an auth failure)."""
    text = (
        "## Notes\n\nThe unit logs ascp's output to the journal. A failed run typically looks like the\n"
        "example below (illustrative, from the module's VM test, which uses a fake `ascp` script):\n\n"
        "```\naspera-mirror-start[913]: ascp: failed to authenticate, exiting.\n"
        "aspera-mirror-start[913]: Session Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(text) == []


def test_a_talk_s_transcript_with_bracketed_slide_markers_holds_no_run():
    """A lightning talk's transcript ("［スライド2］" headings) in which the speaker reads out errors from last year:
    no run (they had read as auth and UDP failures)."""
    text = (
        "【文字起こし】ライトニングトーク #4\n\n［スライド1］\nはい、田村です。\n\n［スライド2］\n"
        "去年の夏に出た出力です。\n「ascp: failed to authenticate, exiting.」\n鍵が古かったです。\n\n［スライド3］\n"
        f"後輩のやつ。\n「Session Stop (Error: {UDP})」\nUDP が止まってました。\n\n［スライド4］\nまとめです。\n"
    )
    assert cause_ids(text) == []


def test_a_busybox_shell_s_not_found_for_an_ascp_which_finds_is_a_missing_loader():
    """An Alpine image: "/bin/sh: ascp: not found", while ``which ascp`` prints its path and ``ls -l`` shows it
    executable: the glibc build's loader is missing, ascp died at its start (it had read as not installed)."""
    path = "/root/.aspera/connect/bin/ascp"
    text = (
        "$ docker run --rm ena-submit:dev ascp -QT -l 300m -L- /reads/a.fastq.gz Webin-1@webin.ebi.ac.uk:.\n"
        "/bin/sh: ascp: not found\n"
        f"$ docker run --rm ena-submit:dev sh -c 'ls -l {path}; which ascp'\n"
        f"-rwxr-xr-x    1 root     root       6283160 Oct 10 14:02 {path}\n"
        f"{path}\n"
    )
    assert cause_ids(text) == ["died-at-start"]
    # (guard) without which's answer, "not found" is ascp missing from the PATH the shell had
    assert cause_ids(text.replace(f"{path}\n", "", 1).rsplit("\n", 2)[0] + "\n") == ["ascp-missing"]


def test_ascp_s_warning_that_it_cannot_open_its_log_is_no_cause():
    """ "Cannot open log file: ...: Permission denied" (``-L /var/log/aspera``), highlighted by the person, then the
    UDP failure: ascp goes on without its log, the data connection is the cause (it had read as permission)."""
    text = (
        "$ ascp -P 33001 -l 500m -L /var/log/aspera -d ./run/ u@aspera.vendor.example.com:/inbox/\n"
        ">>> Cannot open log file: /var/log/aspera/aspera-scp-transfer.log: Permission denied\n"
        "run/SampleSheet.csv                                  0%    0KB  0.0Kb/s    --:-- ETA\n"
        f"ascp: {UDP}, exiting.\n\nSession Stop  (Error: {UDP})\n"
    )
    assert cause_ids(text) == ["udp"]


def test_a_chat_s_docs_example_introduced_in_chinese_is_no_run():
    """A chat export: "文档里的例子：" (the docs' example:) and a fenced Session Stop: the docs', no run (it had read
    as a UDP failure, high)."""
    text = (
        "**Lily**：我们组的做法是先 `ascp -A` 看版本，再看 `-L-` 的日志。文档里的例子：\n\n"
        f"```\nSession Stop  (Error: {UDP})\n```\n\n这种就是 UDP 33001 被防火墙挡了。\n"
    )
    assert cause_ids(text) == []


def test_sshd_s_penalty_words_quoted_without_tag_or_time_are_no_attempt():
    """A forum question quoting what a penalty "will look like" (sshd's "drop connection #0 from [...] penalty: ..."
    with neither sshd's tag nor a time): no client's run (it had read as ssh-refused)."""
    text = (
        "A blog post I found says the log will look like this once a source is penalised — I just want to be sure "
        "I'd recognise it:\n\n"
        "> `srclimit_penalise: ipv4: new 1.2.3.4/32 active penalty of 15 seconds for penalty: connections without "
        "attempting authentication`\n"
        "> `drop connection #0 from [1.2.3.4]:50544 on [10.0.0.5]:33001 penalty: connections without attempting "
        "authentication`\n\nNothing is broken today, this is prep.\n"
    )
    assert cause_ids(text) == []
