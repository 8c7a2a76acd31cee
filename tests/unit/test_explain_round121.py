"""explain: what blind round 121 found, and round 120's last misses (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids


def test_a_french_person_s_own_output_after_il_m_affiche():
    """ "il m'affiche juste ça :" (it just shows me this) before a second command's usage text: the person's own
    run, not a sample (the second run, a missing destination, had not been read)."""
    text = (
        "$ ascp -QT -l 1g -P33001 -k1 -i ~/.aspera/connect/etc/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR104/005/ERR1049765/ERR1049765_2.fastq.gz /media/julie/WD/\n"
        "ERR1049765_2.fastq.gz                  15% 1163MB  0.0Kb/s    --:-- ETA\n\n"
        "Session Stop  (Error: Session data transfer timeout)\n\n"
        "Ensuite j'ai voulu relancer moins vite, mais là il ne se passe plus rien du tout, il m'affiche juste ça :\n\n"
        "$ ascp -QT -l 200m -P33001 -k1 -i ~/.aspera/connect/etc/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR104/005/ERR1049765/ERR1049765_2.fastq.gz\n"
        "Usage: ascp [OPTION] SRC... DEST\n"
        "          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n"
    )
    assert cause_ids(text) == ["stall", "usage"]


def test_a_shell_s_killed_ascp_and_an_oom_kill_events_line_are_a_cancel():
    """bash's "line 41: 118734 Killed   ascp ..." and slurmstepd's "Detected 1 oom-kill event(s) in StepId=...":
    the run was cut off from outside, cancelled, whatever the wrapper's "network problem?" (it had read as cannot
    tell)."""
    text = (
        "[2024-11-18 02:14:07] fetching ERR3238946 with ascp (Connect 4.2.12)\n"
        "ERR3238946_1.fastq.gz                     27% 3581MB  297Mb/s    04:12 ETA\n"
        "/var/spool/slurmd/job5521907/slurm_script: line 41: 118734 Killed                  ascp -QT -l 300m -P33001 "
        '-k1 -i "$KEY" era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR323/006/ERR3238946/ERR3238946_1.fastq.gz '
        '"$TMPDIR/"\n'
        "[2024-11-18 02:18:39] WARNING: ascp exit 137 for ERR3238946 -- network problem? will be retried\n"
        "slurmstepd: error: Detected 1 oom-kill event(s) in StepId=5521907.batch. Some of your processes may have "
        "been killed by the cgroup out-of-memory handler.\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_sshd_s_negotiation_failure_with_a_masked_address_tells_the_handshake():
    """The server's "Unable to negotiate with 193.136.xx.xx port 50318: no matching key exchange method found"
    (the address masked in the paste) under the client's "failed to authenticate": the SSH handshake (it had read as
    auth, medium)."""
    text = (
        "$ ASPERA_SCP_PASS='********' ascp -P 33001 -l 300m -k 2 -d /runs/NV0451/fastq/ "
        "envios_core@aspera.lopeslab-example.pt:/incoming/NV0451/\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n\n"
        "No /var/log/auth.log aparece isto para o vosso IP em cada tentativa:\n\n"
        "Nov 10 09:12:44 aspera sshd[48211]: Unable to negotiate with 193.136.xx.xx port 50318: no matching key "
        "exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]\n"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_a_turkish_runbook_s_call_out_says_its_outputs_are_examples():
    """A runbook whose call-out at its top says "Aşağıdaki çıktılar örnektir; gerçek bir aktarıma ait değildir"
    (the outputs below are examples; they belong to no real transfer): no run (it had read as auth, medium)."""
    text = (
        "# Runbook: Aspera (ascp) hata mesajları\n\n"
        "> Bu sayfa bir başvuru kaynağıdır. Aşağıdaki çıktılar örnektir; gerçek bir aktarıma ait değildir.\n\n"
        "## 1. Kimlik doğrulama\n\n"
        "```\nascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n```\n\n"
        "* Kullanıcı/şifre (`ASPERA_SCP_PASS`) veya `-i` ile verilen anahtar yanlış.\n"
    )
    assert cause_ids(text) == []


def test_a_newsletter_s_scripts_will_stop_at_is_a_sample():
    """A newsletter's "Scripts still pointing to asperaweb_id_dsa.openssh will stop at" over "Key passphrase:", and
    "or, ..., with" over ascp's words: samples, no run (it had read as the key file, medium)."""
    text = (
        "2. Aspera on the DTNs: new client, new key\n"
        "   * The key for public EBI/ENA downloads is now /apps/aspera/etc/aspera_bypass_rsa.pem.\n"
        "     Scripts still pointing to asperaweb_id_dsa.openssh will stop at\n"
        "         Key passphrase:\n"
        "     or, if the old file happens to still exist in your home directory, with\n"
        "         ascp: failed to authenticate, exiting.\n"
        "   * ascp 4.x checks the server's highest host key (also ECDSA).\n"
    )
    assert cause_ids(text) == []


def test_a_log_cut_out_between_scissors_lines_is_the_person_s_own():
    """ "---8<--- puller.log ---8<---" around a nightly job's log: the person's own run, not a copied document (it
    had read as no run)."""
    text = (
        "English: login works after the password reset, but downloading the folder fails. Our puller logged this:\n\n"
        "---8<--- puller.log ---8<---\n"
        "[2025-10-21 02:00:01] cmd: ascp -P 33001 -O 33001 -l 500m -k 2 --mode=recv --host=aspera.example.com "
        "--user=nordlys_film /FROM_DISTRIBUTOR/NORDLYS/TRL/ /Volumes/RAID_A/INGEST/\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        "[2025-10-21 02:00:04] ascp exit=1\n"
        "---8<------8<---\n"
    )
    assert cause_ids(text) == ["permission"]


def test_a_copied_document_between_scissors_lines_is_still_no_run():
    """Guard: scissors around a copied page (no log named) keep its samples out."""
    text = (
        "I copied the lab wiki page here:\n"
        "--8<--\n"
        "A failed login looks like this:\n"
        "    ascp: failed to authenticate, exiting.\n"
        "--8<--\n"
    )
    assert cause_ids(text) == []


def test_an_arabic_question_s_own_output_after_its_intro():
    """ "أحاول تنزيل ملفات ... ثم تظهر هذه الرسالة:" (I'm trying to download files ... then this message appears)
    before the person's prompt and ascp's words: their run (the intro had been read as a sample's: no run)."""
    text = (
        "أحاول تنزيل ملفات من DDBJ عبر Aspera من حاسوبي المحمول، والأمر يتوقف بعد حوالي دقيقة ثم تظهر هذه الرسالة:\n\n"
        "mohammed@thinkpad:~/thesis/raw$ ascp -QT -l 100m -P 33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh "
        "anonftp@ascp.ddbj.nig.ac.jp:/ddbj_database/dra/fastq/DRA015/DRA015771/DRX446120/DRR461902.fastq.bz2 ./\n"
        "ascp: Session initiation failed, read timed out, exiting.\n\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n"
    )
    assert cause_ids(text) == ["session-start"]


def test_an_html_page_s_title_quoting_ascp_is_no_run():
    """A blog post whose <title> quotes "Remote host is not who we expected", its body the run: one run (the title
    had read as a second)."""
    text = (
        '<!DOCTYPE html>\n<html lang="pl">\n<head><meta charset="utf-8"><title>Aspera i „Remote host is not who we '
        "expected” – notatka z wtorku</title></head>\n<body>\n<pre>\n"
        "$ ascp -P 33001 -l 200m -i ~/.ssh/id_partner gc_pull@xfer.partner-lab.example.net:/outgoing/ /data/in/\n"
        "ascp: Remote host is not who we expected, exiting.\n"
        "Session Stop  (Error: Remote host is not who we expected)\n</pre>\n</body>\n</html>\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_an_ansible_result_s_stderr_lines_repeat_its_stderr():
    """Ansible's "fatal: [instance]: FAILED! => {... "stderr": "/bin/sh: line 1: ascp: command not found",
    "stderr_lines": ["/bin/sh: line 1: ascp: command not found"] ...}": one run (it had read as two)."""
    text = (
        "TASK [Smoke transfer to demo server] *******************************************\n"
        'fatal: [instance]: FAILED! => {"changed": true, "cmd": "ascp -T -l 10m -P 33001 --user=asperaweb '
        '--host=demo.asperasoft.com --mode=recv aspera-test-dir-tiny/200KB.1 /tmp/", "msg": "non-zero return code", '
        '"rc": 127, "stderr": "/bin/sh: line 1: ascp: command not found", "stderr_lines": ["/bin/sh: line 1: ascp: '
        'command not found"], "stdout": "", "stdout_lines": []}\n'
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_an_ansible_loop_s_stdout_lines_alone_are_kept():
    """Guard: a loop item's result with only "stdout_lines" (no "stdout") keeps them: its completed run is read."""
    text = (
        'changed: [localhost] => (item=hsts-ist.example.net) => {"changed": true, "rc": 0, "stdout_lines": '
        '["nightly.tar      100% 2870MB  238Mb/s    01:41", "Completed: 2938880K bytes transferred in 101 seconds", '
        '" (232720K bits/sec), in 1 file."]}\n'
    )
    assert cause_ids(text) == ["ok"]


def _syslog_ng(date: str, program: str, pid: str, message: str) -> str:
    return json.dumps(
        {"DATE": date, "HOST": "hsts-syd2", "PROGRAM": program, "PID": pid, "FACILITY": "local2", "MESSAGE": message}
    )


def _stalled_session(uuid: str, pid: str, start: str, stop: str, port: int) -> list[str]:
    return [
        _syslog_ng(
            start,
            "sshd",
            str(int(pid) - 1),
            f"Accepted publickey for kiwi_post from 192.0.2.31 port {port} ssh2: RSA SHA256:pX2mC8tQ0eY7rKb4Lw1nVd9",
        ),
        _syslog_ng(
            start,
            "ascp",
            pid,
            f"LOG FASP Session Start uuid={uuid} op=recv status=started source=- dest=/mnt/cifs/ep210 "
            f"local=10.88.0.22:33001 peer=192.0.2.31:{port} tcp_port=22",
        ),
        _syslog_ng(stop, "ascp", pid, "ERR Data transfer stalled, timed out"),
        _syslog_ng(
            stop,
            "ascp",
            pid,
            f'LOG FASP Session Stop uuid={uuid} op=recv status=failed errcode=40 errstr="Session data transfer '
            f'timeout" source=- dest=/mnt/cifs/ep210 local=10.88.0.22:33001 peer=192.0.2.31:{port}',
        ),
    ]


def test_syslog_ng_s_json_template_in_capitals_is_read_as_the_server_s_syslog():
    """syslog-ng's JSON lines ("DATE", "HOST", "PROGRAM", "PID", "MESSAGE"): two sessions' records, each stalled,
    read as the server's two sessions (they had read as one run from the lines' text, low)."""
    lines = _stalled_session(
        "2d8e61b0-7a43-4c9f-95d2-b0e13f7c8a46", "8815", "2025-11-30T21:00:04+11:00", "2025-11-30T21:15:10+11:00", 60044
    ) + _stalled_session(
        "f5a0c3d9-1e6b-4872-a0c4-8d39e2b1f705", "9117", "2025-11-30T21:12:56+11:00", "2025-11-30T21:28:02+11:00", 60187
    )
    assert cause_ids("\n".join(lines) + "\n") == ["stall", "stall"]


def _otel_record(number: int, time: str, app: str, body: str) -> str:
    return (
        f"LogRecord #{number}\n"
        f"ObservedTimestamp: {time}.000512 +0000 UTC\n"
        f"Timestamp: {time} +0000 UTC\n"
        "SeverityText: info\n"
        f"Body: Str({body})\n"
        "Attributes:\n"
        f"     -> appname: Str({app})\n"
        "     -> hostname: Str(faspex-edge2)\n"
        "Trace ID: \nSpan ID: \nFlags: 0\n"
    )


def test_the_otel_collector_s_debug_exporter_records_are_read_as_syslog():
    """The OpenTelemetry Collector's debug exporter (``verbosity: detailed``): each LogRecord's Body and appname
    read as the server's syslog line: a session refused for content protection (it had read as no run)."""
    uuid = "d43b8e17-2a6c-4f05-9b3e-71c0e5a9f284"
    text = (
        '2025-11-25T10:13:02.114Z\tinfo\tLogsExporter\t{"kind": "exporter", "data_type": "logs", "name": "debug"}\n'
        "2025-11-25T10:13:02.114Z\tinfo\tResourceLog #0\n"
        "Resource attributes:\n     -> host.name: Str(faspex-edge2)\nScopeLogs #0\n"
        + _otel_record(
            0,
            "2025-11-25 10:03:59",
            "ascp",
            f"LOG FASP Session Start uuid={uuid} op=recv status=started source=- dest=/faspex/inboxes/x "
            "local=10.60.4.20:33001 peer=203.0.113.212:49620 tcp_port=33001",
        )
        + _otel_record(
            1, "2025-11-25 10:03:59", "ascp", "ERR Server aborted session: Server requires content protection"
        )
        + _otel_record(
            2,
            "2025-11-25 10:03:59",
            "ascp",
            f'LOG FASP Session Stop uuid={uuid} op=recv status=failed errcode=34 errstr="Unauthorized"',
        )
    )
    assert cause_ids(text) == ["content-protection"]


def test_flux_s_job_timeout_exception_is_a_cancel():
    """Flux's "job.exception type=timeout severity=0 resource allocation expired" after the run's last bar: the
    job's time limit, cancelled (it had read as cannot tell)."""
    text = (
        "$ cat flux-f2tMPJ9Bqj1.out\n"
        "CRR1093779_r2.fq.gz                                    61% 5212MB  287Mb/s    02:08 ETA\n\n"
        "$ flux job attach f2tMPJ9Bqj1 2>&1 | tail -2\n"
        "2700.014s: job.exception type=timeout severity=0 resource allocation expired\n"
        "flux-job: task(s) exited with exit code 143\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_grid_engine_s_accounting_of_a_limit_kill_is_a_cancel():
    """qacct's "failed 37 : qmaster enforced h_rt, h_cpu, or h_vmem limit" after the job's log, which ends in a
    bar: cancelled (it had read as cannot tell)."""
    text = (
        "==> ena_pull.o7781245 <==\n"
        "ascp -QT -l 25m -P33001 -k 1 -i /share/apps/aspera/etc/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/run/ERR123/ERR12345678/metaG_S12.bam /scratch/mg/\n"
        "metaG_S12.bam                                                      63%   42GB 24.7Mb/s    2:15:08 ETA\n\n"
        "==> qacct -j 7781245 <==\n"
        "jobnumber    7781245\n"
        "failed       37  : qmaster enforced h_rt, h_cpu, or h_vmem limit\n"
        "exit_status  137                  (Killed)\n"
    )
    assert cause_ids(text) == ["cancelled"]
