"""explain: what blind round 151 found, older kept misses mended beside it (rounds 126-150), and guards (each test
but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids
from tests.unit.test_explain_round149 import _blind


def test_an_aix_auth_log_with_facility_and_priority_is_read_as_syslog():
    """ "aixmft01 auth|security:info sshd[...]: refused connect from ..." (TCP wrappers): the partner's two runs are
    the refused connections, not a login failure (had been one run, auth at medium: a confident wrong answer)."""
    assert cause_ids(_blind("round151-servers/10-aix-tcpwrappers-refused-connect.log")) == [
        "ssh-refused",
        "ssh-refused",
        "ok",
    ]


def test_ls_h_sizes_list_the_key_file():
    """``ls -ltrh`` lists the -i key as "1.7K": the key is there, so "failed to authenticate" is the login's (had
    been key-file at medium: a confident wrong answer)."""
    assert cause_ids(_blind("round151-documents/01-hmp-dcc-schluessel-wiki-de.md")) == ["auth"]


def test_a_spanish_kb_of_illustrative_examples_is_no_run():
    """ "Ejemplo ilustrativo (no es un caso real)", "no contiene registros de incidentes": no run (three had been read,
    one at medium)."""
    assert cause_ids(_blind("round151-documents/08-kb-codigos-error-fasp-es.html")) == []


def test_a_runbooks_records_with_placeholder_uuids_are_no_runs():
    """Guard: "ascp[NNNN]: LOG FASP Session Stop uuid=... status=failed ..." in a runbook is a pattern."""
    assert cause_ids(_blind("round151-servers/23-runbook-sshd-patterns-for-aspera-oncall.html")) == []


def test_an_unnamed_session_start_is_the_same_run_as_the_err_line_before_it():
    """ascp -L-'s "ERR Aspera.conf contains invalid data and was rejected" and then its "LOG FASP Session Start
    uuid=- ... errcode=50 errstr="Invalid configuration"": one run (the record had been read as a person's quote,
    a second run)."""
    text = (
        "LOG ======= Aspera Transfer =======\n"
        "LOG Local configuration: /opt/aspera/etc/aspera.conf\n"
        "ERR Aspera.conf contains invalid data and was rejected\n"
        'LOG FASP Session Start uuid=- op=send status=failed errcode=50 errstr="Invalid configuration"\n'
    )
    assert cause_ids(text) == ["configuration"]


ANSIBLE_JSON = (
    "TASK [aspera : smoke test] ****************************************************\n"
    'fatal: [gw01]: FAILED! => {"changed": true, "cmd": "/opt/aspera/sdk/ascp -T -l 100m -P 33001 -i key '
    'era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz /tmp/", "delta": "0:00:00.006912", "msg": "non-zero return code", '
    '"rc": 1, "stderr": "/opt/aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28\' not found (required by '
    '/opt/aspera/sdk/ascp)", "stderr_lines": ["/opt/aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28\' not '
    'found (required by /opt/aspera/sdk/ascp)"], "stdout": "", "stdout_lines": []}\n\n'
    "PLAY RECAP *********************************************************************\n"
)


def test_an_ansible_json_result_is_read_as_its_commands_streams():
    """Ansible's result as one JSON line of several hundred characters: its stderr's loader line is the run's
    (the line had been cut before it: unknown)."""
    assert cause_ids(ANSIBLE_JSON) == ["died-at-start"]
    assert cause_ids(_blind("round146-clients/05-ansible-ena-putty-key-es.txt")) == ["key-file"]


def test_an_ansible_yaml_results_stderr_block_is_its_run():
    """The YAML callback's "stderr: |-" block: the loader's line under it is the run's (the block had made the
    input a document)."""
    text = (
        "fatal: [gw01]: FAILED! => changed=true\n"
        "  cmd: /opt/aspera/sdk/ascp -T -l 100m -P 33001 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz /tmp/\n"
        "  msg: non-zero return code\n  rc: 1\n  stderr: |-\n"
        "    /opt/aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found "
        "(required by /opt/aspera/sdk/ascp)\n"
        "  stdout: ''\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_a_policys_message_block_stays_a_document():
    """Guard: a Kyverno policy's "message: >-" quoting ascp's words is its text, no run."""
    assert cause_ids(_blind("round98-documents/14-kyverno-test-aspera-policy.txt")) == []


def test_ansible_loop_results_without_an_arrow_before_the_item_are_read():
    """Guard (the JSON results' reader): "failed: [ingest01] (item=lab-b) => {...}" beside "changed: [ingest01] =>
    (item=lab-a) => {...}": the completed item and the failed one."""
    assert cause_ids(_blind("round71-documents/19-ansible-playbook-run.txt")) == ["ok", "stronger-encryption"]


def test_an_ansible_results_bar_after_its_error_is_the_same_run():
    """Guard (the JSON results' reader): ascli's bar on stdout and its error on stderr in one result, ascp's
    "..., exiting." and its Session Stop: one run each, read in a terminal's order."""
    assert cause_ids(_blind("round147-clients/12-ansible-ascli-node-sshfp.txt")) == ["host-key"]
    assert cause_ids(_blind("round133-servers/23-awx-job-stdout-hsts-dub3-encrypted-offsite-push.txt")) == [
        "passphrase",
        "ok",
    ]


def test_a_session_table_with_one_time_column_is_read_as_sessions():
    """Grafana's table export ("Time", "Session UUID", "Status", "Error"): four sessions, oldest first (none had
    been read)."""
    assert cause_ids(_blind("round144-documents/20-grafana-table-export-transfers.csv")) == [
        "permission",
        "unauthorized",
        "ok",
        "stronger-encryption",
    ]


def test_a_prompt_without_a_space_after_it_is_no_wrap_of_the_bar_above():
    """zsh's "me@mbp ~ %" under a bar that filled 120 columns and ended in ^C: the next prompt, not the bar's rest
    (the cancelled run had vanished)."""
    bar = "ERR2162214_1.fastq.gz" + " " * 65 + "12%  903MB  187Mb/s    04:51 ETA^C"
    assert len(bar) == 120
    text = f"me@mbp ~ % ascp -QT -l 200m x@h:/a .\n{bar}\nme@mbp ~ %\n"
    assert cause_ids(text) == ["cancelled"]


def test_nextflow_logs_note_and_state_of_an_attempt_whose_files_are_shown_are_that_attempt():
    """.nextflow.log's "TaskHandler[...; exit: 137; ...; workDir: .../work/3c/8a11f0...]" and "[3c/8a11f0] NOTE:
    ... Execution is retried", then that directory's files: one attempt (had been three runs)."""
    assert cause_ids(_blind("round150-hard-middle/01-nextflow-ascp-exit137-then-retry-ok.log")) == ["cancelled", "ok"]


def test_nextflow_logs_notes_of_attempts_not_shown_stay_attempts():
    """Guard: attempts .nextflow.log names, their directories only in a sentence, are read from the last."""
    assert cause_ids(_blind("round81-hard-middle/04-nextflow-fetchngs-udp.txt")) == ["udp", "udp", "udp"]


def test_json_guard_field_value_rows_need_a_time():
    """Guard (the Insights reader): rows of field/value pairs without a time are no records."""
    rows = [[{"field": "job", "value": "x"}, {"field": "message", "value": "Session Stop  (Error: x)"}]] * 2
    assert cause_ids(json.dumps({"results": rows})) == []
