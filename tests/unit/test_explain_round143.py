"""explain: what blind round 143 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_cron_mails_of_three_nights_with_a_wrappers_stamped_lines_are_runs_not_a_catalogue():
    """Three cron mails, each with the wrapper's "[2025-11-03 01:30:01] push_cro: ..." lines around ascp's words
    (not found, no source, failed to authenticate after ls said the -i key is missing): three runs (the input had
    read as a catalogue of ascp's messages, no run)."""
    nights = (
        ("03", "/home/xferbot/bin/push_cro.sh: 14: ascp: not found\n", "127"),
        ("04", "ascp: Source file list not specified, exiting.\n", "1"),
        (
            "05",
            "ls: cannot access '/home/xferbot/.ssh/cro_partner_rsa': No such file or directory\n"
            "[2025-11-05 01:30:01] push_cro: ascp -P 33001 -l 200m -k 1 -i /home/xferbot/.ssh/cro_partner_rsa "
            "/export/cro/outbound/2025-11-04 cro_in@sftp.cro-partner.example:/inbound\n"
            "ascp: failed to authenticate, exiting.\n\n"
            "Session Stop  (Error: failed to authenticate)\n",
            "1",
        ),
    )
    text = ""
    for day, said, code in nights:
        text += (
            "From: Cron Daemon <root@hsts-pharma-01.corp.example>\n"
            "Subject: Cron <xferbot@hsts-pharma-01> /home/xferbot/bin/push_cro.sh\n"
            f"Date: Mon, {day} Nov 2025 01:30:02 +0100\n\n"
            f"[2025-11-{day} 01:30:01] push_cro: sending /export/cro/outbound to cro-partner\n"
            f"{said}"
            f"[2025-11-{day} 01:30:01] push_cro: FAILED rc={code}\n\n"
        )
    assert cause_ids(text) == ["ascp-missing", "usage", "key-file"]


def test_a_transfer_clients_json_lines_tell_the_failure_in_their_error_fields():
    """A Go service's JSON lines ("msg": "transfer event", "status": "FAILED", "error_description": "failed to
    authenticate"; "err": "transfer ... failed: failed to authenticate (code 19)"): one run, auth (nothing had been
    read)."""
    text = (
        '{"time":"2025-10-02T14:20:01.311Z","level":"INFO","msg":"transfer submitted","transfer_id":"5e1f2d0a",'
        '"remote_host":"fasp.partner-lab.example.org","ssh_port":33001}\n'
        '{"time":"2025-10-02T14:20:03.902Z","level":"WARN","msg":"transfer event","transfer_id":"5e1f2d0a",'
        '"status":"FAILED","error_code":19,"error_description":"failed to authenticate"}\n'
        '{"time":"2025-10-02T14:20:03.903Z","level":"ERROR","msg":"pull failed","err":"transfer 5e1f2d0a failed: '
        'failed to authenticate (code 19)"}\n'
        '{"time":"2025-10-02T14:20:03.951Z","level":"INFO","msg":"exiting","code":1}\n'
    )
    assert cause_ids(text) == ["auth"]


def test_a_circleci_step_ended_for_its_silence_is_a_cancelled_run():
    """CircleCI's step (its shell line first, then the quiet "ascp -q ..." command), ended by "Too long with no output
    (exceeded 10m0s): context deadline exceeded": the CI's time limit cancelled the run (nothing had been read: the
    step had read as a script file)."""
    text = (
        "#!/bin/bash -eo pipefail\n"
        "mkdir -p /tmp/refdata\n"
        "ascp -q -k2 -l 150m -P33001 --mode=recv --user=ci_refdata --host=aspera.refdata-hub.example.org \\\n"
        "  /bundles/hg38_v0_bundle_2025Q1.tar /tmp/refdata/\n\n"
        "Too long with no output (exceeded 10m0s): context deadline exceeded\n"
    )
    assert cause_ids(text) == ["cancelled"]
