"""explain: what blind round 124 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids

_ENA = "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR105/ERR10548211/ERR10548211_1.fastq.gz"


def test_a_container_runtime_that_cannot_execve_ascp_means_it_is_missing():
    """Charliecloud's "ch-run[418822]: error: can't execve(2): ascp: No such file or directory": no ascp in the
    image's PATH (it had read as the remote file missing, high)."""
    text = (
        f"$ ch-run -b /scratch/ngs:/mnt/0 /scratch/img/aspera-cli -- ascp -QT -l 300m -P 33001 {_ENA} /mnt/0/\n"
        "ch-run[418822]: error: can't execve(2): ascp: No such file or directory (ch_core.c:1156 2)\n"
        "$ echo $?\n1\n"
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_an_ids_rules_file_quoting_ascp_in_its_comments_is_no_run():
    """A Snort rules file whose header comments quote what users report: a document (it had read as two runs,
    high)."""
    text = (
        "# local.rules - FASP visibility rules for the DMZ sensor\n"
        "# Purpose: tell 'blocked at our edge' from 'blocked at the partner' when a user reports\n"
        "#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "# or\n#   ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "var ASPERA_PARTNERS [198.51.100.20,203.0.113.45]\n\n"
        'alert tcp $HOME_NET any -> $ASPERA_PARTNERS 33001 (msg:"LOCAL FASP SSH control"; flags:S; sid:1000611; '
        "rev:3;)\n"
        'alert udp $HOME_NET any -> $ASPERA_PARTNERS 33001 (msg:"LOCAL FASP UDP data"; sid:1000612; rev:2;)\n'
    )
    assert cause_ids(text) == []


def test_a_wiki_s_usage_text_shown_for_a_missing_destination_is_no_run():
    """A Galician guide's "Sen el `ascp` amosa só a axuda:" (without it ascp only shows its help) over the usage
    text; and the same in English: what ascp would print, no run (it had read as a usage error, high)."""
    usage = (
        "\n```\nUsage: ascp [OPTION] SRC... DEST\n          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n```\n"
    )
    assert cause_ids("Non esquezas o `.` final (o destino). Sen el `ascp` amosa só a axuda:\n" + usage) == []
    assert (
        cause_ids("Don't forget the final `.` (the destination). Without it `ascp` only shows its help:\n" + usage)
        == []
    )


def test_an_sms_export_s_direction_arrows_are_no_definitions():
    """An SMS thread exported with "->" and "<-" after each message's time: the on-call's pasted run (the arrows
    had read each line as a definition's explanation, no run)."""
    text = (
        "06/08/2025 02:03:11 AM  <- Ops Pager: [PD] TRIGGERED #88213 nightly_delivery FAILED (exit 1)\n"
        "06/08/2025 02:05:40 AM  -> Me: 4\n"
        "06/08/2025 02:19:57 AM  -> Me: Tail of job log on xfer-nyc-01:\n"
        "06/08/2025 02:19:58 AM  -> Me: + ascp -P 33001 -l 400m -k 1 /media/out/EP1107.mxf "
        "deliv@aspera.bcast-partner.example:/drop/\n"
        "06/08/2025 02:20:01 AM  -> Me: ascp: Cannot resolve target host., exiting.\n"
    )
    assert cause_ids(text) == ["dns"]


def test_a_bluesky_thread_export_s_post_is_read_as_its_lines():
    """A Bluesky thread's JSON (each post's ``record.text``): the run its first post pasted (it had read as no run)."""

    def post(handle: str, when: str, text: str) -> dict[str, object]:
        return {
            "$type": "app.bsky.feed.defs#threadViewPost",
            "post": {
                "author": {"handle": handle},
                "record": {"$type": "app.bsky.feed.post", "createdAt": when, "text": text},
            },
        }

    thread = post(
        "maya.bsky.social",
        "2024-11-27T14:08:51.204Z",
        f"anyone else getting this from ENA today?\n\nascp -T -l 300m -P 33001 -i $KEY {_ENA} .\n\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)",
    )
    thread["replies"] = [post("sam.bsky.social", "2024-11-27T14:21:09.877Z", "it is single-end: no _2 file")]
    assert cause_ids(json.dumps({"thread": thread}, indent=2)) == ["no-such-file"]


def test_a_consumer_s_json_log_carries_ascp_s_stderr_and_stdout():
    """A service's JSON log whose records hold the command (``"cmd": "/usr/local/bin/ascp ..."``) and what ascp
    wrote (``"stderr"``, ``"stdout"``, ``"stdout_tail"``): the first run failed to authenticate, the second completed
    (the first had read as "cannot tell")."""
    cmd = "/usr/local/bin/ascp --mode=send --host=aspera.example --user=svc -P 33001 -d /d/ /ingest/"
    records = [
        {"time": "2025-04-14T08:03:17.560Z", "level": "INFO", "msg": "exec", "cmd": cmd},
        {
            "time": "2025-04-14T08:03:19.018Z",
            "level": "ERROR",
            "msg": "ascp failed",
            "exit": 1,
            "stderr": "ascp: failed to authenticate, exiting.\n",
            "stdout": "\r\nSession Stop  (Error: failed to authenticate)\n",
        },
        {"time": "2025-04-14T08:05:02.774Z", "level": "INFO", "msg": "secret reloaded"},
        {"time": "2025-04-14T08:13:19.108Z", "level": "INFO", "msg": "exec", "cmd": cmd},
        {
            "time": "2025-04-14T08:14:52.640Z",
            "level": "INFO",
            "msg": "ascp finished",
            "exit": 0,
            "stdout_tail": "Completed: 2936012K bytes transferred in 93 seconds\n (258617K bits/sec), in 3 files.\n",
        },
    ]
    assert cause_ids("".join(json.dumps(record) + "\n" for record in records)) == ["auth", "ok"]


def test_a_chat_speaker_before_a_prompt_starts_a_new_run():
    """A Viber chat's "Thiri Aung: thiri@thiri-lt:~/ena$ ascp ..." after a run stopped with Ctrl-C: a second run (it
    had been read as the first run's rest)."""
    text = (
        f"[09/01/2025, 14:05] Thiri Aung: thiri@ygc-srv01:~/data$ ascp -T -l 100m -P 33001 -k 1 {_ENA} .\n"
        "ERR10548211_1.fastq.gz                        7% 2790MB 94.8Mb/s    53:40 ETA^C\n"
        "thiri@ygc-srv01:~/data$\n"
        f"[09/01/2025, 14:15] Thiri Aung: thiri@thiri-lt:~/ena$ ascp -T -l 100m -P 33001 -k 1 {_ENA} .\n"
        "Command 'ascp' not found, did you mean:\n"
        "  command 'ascd' from deb ascd (0.13.2-6)\n"
    )
    assert cause_ids(text) == ["cancelled", "ascp-missing"]


def test_scissors_naming_the_job_s_stderr_cut_out_its_own_output():
    """A mailing list post's "----8<---- Job 4491877 stderr ----8<----" around the failed job's stderr: that run (the
    scissors had made it a copied document, no run)."""
    text = (
        "stderr of one failed job:\n\n----8<---- Job 4491877 stderr ----8<----\n"
        f"+ ascp -QT -l 300m -P33001 -i /srv/galaxy/etc/asperaweb_id_dsa.openssh {_ENA} ./\n"
        "Session Stop  (Error: Failure processing peer license: Deprecated peer license)\n"
        "Fatal error: Exit code 1 ()\n----8<----\n"
    )
    assert cause_ids(text) == ["licence"]


def test_a_sentence_introducing_the_output_below_is_no_run_of_its_own():
    """ "... and ascp fails right away, nothing downloads:" over the command and its error: one run (the sentence had
    read as a run of its own, "cannot tell")."""
    text = (
        'installed Aspera Connect with the .sh installer (it said "Installation complete."),\n'
        "and ascp fails right away, nothing downloads:\n\n"
        f"    ubuntu@ip-10-0-3-41:~$ ~/.aspera/connect/bin/ascp -T -l 300m -P 33001 {_ENA} .\n"
        "    -bash: /home/ubuntu/.aspera/connect/bin/ascp: cannot execute binary file: Exec format error\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_a_platform_s_abort_forwarded_to_ascp_is_a_cancel():
    """A task platform's "received SIGTERM (task abort requested by user)" and "forwarding SIGTERM to ascp" during a
    steady transfer: cancelled (it had read as "cannot tell")."""
    text = (
        "2025-09-03 13:02:11  INFO  stagein: ascp -P 33001 -l 400m -k 2 --mode=recv --user=x --host=a.example "
        "--file-list=/w/batch3.list /out/\n"
        "S3-B-0048.cram                                        100% 22GB  398Mb/s    07:57\n"
        "S3-B-0049.cram                                         62% 13GB  398Mb/s    03:01 ETA\n"
        "2025-09-03 14:27:05  WARN  executor: received SIGTERM (task abort requested by user)\n"
        "2025-09-03 14:27:05  INFO  stagein: forwarding SIGTERM to ascp (pid 214)\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_compose_logs_with_timestamps_read_each_service_s_json():
    """``nerdctl compose logs --timestamps``: "transferd |2025-10-07T11:04:12.402119Z {...}": the daemon's JSON
    message read (the session's start failed; it had read as "cannot tell")."""

    def logged(stamp: str, level: str, msg: str) -> str:
        record = {"appname": "faspmanagerd", "level": level, "msg": msg, "time": stamp[:19] + "Z"}
        return f"transferd |{stamp} {json.dumps(record)}\n"

    text = (
        logged("2025-10-07T11:03:42.104117Z", "info", "transfer 9e2b state QUEUED")
        + logged("2025-10-07T11:03:42.155880Z", "info", "transfer 9e2b state RUNNING (ascp pid 88)")
        + logged("2025-10-07T11:04:12.402119Z", "error", "transfer 9e2b session error: Session initiation failed")
        + logged("2025-10-07T11:04:12.402688Z", "info", "transfer 9e2b state FAILED")
    )
    assert cause_ids(text) == ["session-start"]


def test_a_persian_if_you_see_tip_is_no_run():
    """A Persian blog's tip "اگر پیغام `ascp: Failed to open TCP connection for SSH, exiting.` دیدید، ..." (if you see
    ...) beside the post's run: advice (it had read as a second run, low)."""
    text = (
        "$ ascp -QT -l 100m -k1 -d ./sub subasp@upload.ncbi.nlm.nih.gov:uploads/x\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "## چند نکته\n\n"
        "- اگر پیغام `ascp: Failed to open TCP connection for SSH, exiting.` دیدید، مشکل TCP است نه UDP؛\n"
    )
    assert cause_ids(text) == ["udp"]


def test_journalctl_json_pretty_entries_are_read_as_syslog():
    """``journalctl -o json-pretty`` (each entry over many lines): sshd's refusals read as the server's (it had read
    as no run)."""

    def entry(micros: int, pid: int, message: str) -> str:
        return (
            "{\n"
            f'\t"__REALTIME_TIMESTAMP" : "{micros}",\n'
            '\t"_HOSTNAME" : "hsts-rhel9-02",\n'
            '\t"SYSLOG_IDENTIFIER" : "sshd",\n'
            f'\t"_PID" : "{pid}",\n'
            f'\t"MESSAGE" : "{message}"\n'
            "}\n"
        )

    text = (
        entry(1747312990014502, 10488, "Connection from 192.0.2.19 port 44810 on 10.3.0.8 port 33001")
        + entry(1747312992201337, 10488, "Failed password for clinic_up from 192.0.2.19 port 44810 ssh2")
        + entry(1747312993201337, 10488, "Connection closed by authenticating user clinic_up 192.0.2.19 port 44810")
    )
    assert cause_ids(text) == ["auth"]
