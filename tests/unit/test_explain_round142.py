"""explain: what blind round 142 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_transfer_stopped_for_being_too_slow_is_the_persons_cancel():
    """ "3%에서 너무 느려서 Ctrl+C로 끊고 다시 돌렸는데" (so slow at 3 % that I stopped it), a bar at 8.4 Mb/s and ^C,
    then the rerun on a cable at 97 Mb/s: cancelled, then ok (it had read as a stall: a confident wrong)."""
    text = (
        "[질문] ascp 다운로드가 3%에서 너무 느려서 Ctrl+C로 끊고 다시 돌렸는데, 첫 번째가 에러로 남아 있어서요.\n\n"
        "$ ascp -QT -l 100m -P33001 -k 1 era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR155/066/SRR15545666/"
        "SRR15545666_2.fastq.gz .\n"
        "SRR15545666_2.fastq.gz                                 3%  102MB 8.4Mb/s    58:31 ETA^C\n"
        "$ ascp -QT -l 100m -P33001 -k 1 era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR155/066/SRR15545666/"
        "SRR15545666_2.fastq.gz .\n"
        "SRR15545666_2.fastq.gz                               100% 3318MB 97.2Mb/s    04:38\n"
        "Completed: 3397760K bytes transferred in 279 seconds\n"
        " (99712K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["cancelled", "ok"]


def test_busyboxs_not_found_for_an_ascp_ls_shows_in_usr_local_bin_is_a_start_that_failed():
    """BuildKit's RUN in an Alpine image: "#10 0.214 -rwxr-xr-x ... /usr/local/bin/ascp", then "#10 0.219 /bin/sh:
    ascp: not found": ascp is there on the default PATH, its loader is missing (died-at-start; it had read
    ascp-missing, high: a confident wrong)."""
    text = (
        "#10 [5/6] RUN ls -l /usr/local/bin/ascp && ascp -QT -l 100m -P33001 era-fasp@fasp.sra.ebi.ac.uk:"
        "/vol1/fastq/ERR000/ERR000589/ERR000589.fastq.gz /ref/\n"
        "#10 0.214 -rwxr-xr-x    1 root     root       9361408 Nov 20 10:12 /usr/local/bin/ascp\n"
        "#10 0.219 /bin/sh: ascp: not found\n"
        '#10 ERROR: process "/bin/sh -c ls -l /usr/local/bin/ascp && ascp -QT ..." did not complete successfully: '
        "exit code: 127\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_a_homes_key_that_the_listing_of_that_home_does_not_show_is_missing():
    """A push script's KEY=~/.ssh/partner_uk_id_rsa, ascp's "Key passphrase:" and "failed to authenticate", then
    "sudo -u aspera ls -l /home/aspera/.ssh/" listing no such key: the key file (it had read auth: a confident
    wrong)."""
    text = (
        "/var/log/partner-push/push.log:Key passphrase:\n"
        "/var/log/partner-push/push.log:ascp: failed to authenticate, exiting.\n"
        "/var/log/partner-push/push.log:\n"
        "/var/log/partner-push/push.log:Session Stop  (Error: failed to authenticate)\n"
        "/var/log/partner-push/push.log:[2026-11-24 23:30:03] push FAILED rc=1\n"
        "[root@fasp-ldn-4 ~]# sed -n '12,17p' /home/aspera/bin/partner-push.sh\n"
        "KEY=~/.ssh/partner_uk_id_rsa\n"
        'ascp -P 33001 -l 300m -k 1 -i "$KEY" -d "$SRC" xfer_ldn@ingest.partner-uk.example:/incoming/\n'
        "[root@fasp-ldn-4 ~]# sudo -u aspera ls -l /home/aspera/.ssh/\n"
        "total 8\n"
        "-rw-r--r--. 1 aspera aspera  97 Oct  2 10:14 authorized_keys\n"
        "-rw-r--r--. 1 aspera aspera 742 Nov 20 16:31 known_hosts\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_plain_text_export_in_columns_is_read_as_the_servers_syslog():
    """Better Stack's plain-text export (time, host, program[pid] and message apart by spaces, no colon): a UDP
    session's records, then aspshell's "exec of ascp failed: /usr/bin/ascp: No such file or directory" after an
    upgrade (they had read as one console run: ascp-missing, high, a confident wrong, and another)."""
    text = (
        "2026-11-19 19:40:12.004  hsts-post-1  sshd[11820]     Accepted publickey for xfer_conform from "
        "203.0.113.30 port 57401 ssh2: RSA SHA256:u1m9Qz0bF3c2nV8xK4rT7yW6pL5dH2sJ0aE9gC1iZoM\n"
        "2026-11-19 19:40:12.391  hsts-post-1  ascp[11829]     LOG FASP Session Start "
        "uuid=b83f0e5d-6a21-4c97-8d04-e1c5a2f7b936 op=recv status=started source=- dest=/post source_prefix=- "
        'local=192.0.2.12:33001 peer=203.0.113.30:33001 tcp_port=33001 user="xfer_conform"\n'
        "2026-11-19 19:40:32.398  hsts-post-1  ascp[11829]     ERR Session initiation failed, read timed out\n"
        "2026-11-19 19:40:32.399  hsts-post-1  ascp[11829]     LOG FASP Session Stop "
        'uuid=b83f0e5d-6a21-4c97-8d04-e1c5a2f7b936 op=recv status=failed errcode=44 errstr="UDP session initiation '
        'fatal error"\n'
        "2026-11-19 20:31:45.207  hsts-post-1  sshd[12390]     Accepted publickey for xfer_conform from "
        "203.0.113.30 port 57922 ssh2: RSA SHA256:u1m9Qz0bF3c2nV8xK4rT7yW6pL5dH2sJ0aE9gC1iZoM\n"
        "2026-11-19 20:31:45.301  hsts-post-1  aspshell[12397] exec of ascp failed: /usr/bin/ascp: No such file or "
        "directory\n"
        "2026-11-19 20:31:45.305  hsts-post-1  sshd[12390]     Received disconnect from 203.0.113.30 port 57922:11: "
        "disconnected by user\n"
    )
    assert cause_ids(text)[1:] == ["server-session"]
    assert cause_ids(text)[0] in ("udp", "session-start")


def test_ascli_logger_lines_in_the_journal_behind_the_wrappers_tag_tell_each_attempt():
    """A systemd unit's wrapper running ascli: its Ruby Logger lines behind the journal's host and tag ("pull[40211]:
    E, [...] ERROR -- : ascp failed: pid 40219 exit 1", then "An error occurred during transfer: Error writing to
    disk"): two attempts, both disk (they had read unknown, low)."""
    text = ""
    for at, pid, words in (
        ("01:58:44", "40219", "Error writing to disk"),
        ("01:58:47", "40244", "No space left on disk"),
    ):
        text += (
            f"Nov 21 {at} ingest-vm01 pull[40211]: E, [2025-11-21T{at}.102551 #40211] ERROR -- : ascp failed: "
            f"pid {pid} exit 1\n"
            f"Nov 21 {at} ingest-vm01 pull[40211]: W, [2025-11-21T{at}.102893 #40211]  WARN -- : An error occurred "
            f"during transfer: {words}\n"
        )
    text += "Nov 21 01:58:47 ingest-vm01 pull[40211]: ERROR: Transfer: No space left on disk\n"
    assert cause_ids(text) == ["disk", "disk"]
