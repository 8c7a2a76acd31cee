"""Blind round 62's misses (tests/data/explain/blind/round62-*) and round 61's left in its order of runs, each in
its smallest form: runs listed as they started (concatenated hosts' logs, a refusal among logins, a change of
daylight saving time), lines that name Aspera with no transfer of ascp's, a title that tells no cause, and a
command whose comment says it worked."""

from __future__ import annotations

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import causes

_A = "0718c1a4-b173-41da-8dd1-73e9522aeca5"
_B = "019e310f-a1bd-4574-95ab-e2002ae710d8"
_C = "10abffe1-5bfe-4688-9b80-4cd57c7573a5"


def _session(stamp_start: str, stamp_stop: str, host: str, pid: int, uuid: str, stop: str) -> str:
    return (
        f"{stamp_start} {host} ascp[{pid}]: LOG FASP Session Start uuid={uuid} op=send status=started "
        "source=/pub/a.gz dest=. source_prefix=- local=10.8.1.11:33001 peer=203.0.113.77:33001 tcp_port=22\n"
        f"{stamp_stop} {host} ascp[{pid}]: LOG FASP Session Stop uuid={uuid} op=send {stop}\n"
    )


_OK = "status=success source=/pub/a.gz dest=. source_prefix=- local=10.8.1.11:33001 peer=203.0.113.77:33001"
_GONE = 'status=failed errcode=4 errstr="No such file or directory"'
_STALLED = 'status=failed errcode=40 errstr="Data transfer stalled, timed out"'


def test_two_hosts_logs_concatenated_are_listed_as_their_sessions_started():
    """``for h in dl-a dl-b; do ssh $h journalctl ...; done``: dl-a's sessions (09:02, 09:40), then dl-b's (09:20):
    the 09:20 session is the second run (listed third before)."""
    text = (
        _session("Jun  2 09:02:14", "Jun  2 09:04:40", "dl-a", 30211, _A, _OK)
        + _session("Jun  2 09:40:51", "Jun  2 09:40:52", "dl-a", 30877, _C, _GONE)
        + _session("Jun  2 09:20:07", "Jun  2 09:58:33", "dl-b", 8820, _B, _STALLED)
    )
    assert [c for c, _ in causes(text)] == ["ok", "stall", "no-such-file"]


def test_one_log_in_order_keeps_its_order_even_with_stops_out_of_order():
    """A log in time order (sessions overlapping: the later one ends first) stays as its starts are."""
    text = _session("Jun  2 09:02:14", "Jun  2 09:40:52", "dl-a", 30211, _A, _GONE) + _session(
        "Jun  2 09:20:07", "Jun  2 09:22:33", "dl-a", 8820, _B, _OK
    )
    assert [c for c, _ in causes(text)] == ["no-such-file", "ok"]


def test_a_log_across_a_year_end_is_not_reordered():
    text = _session("Dec 31 23:58:14", "Dec 31 23:59:40", "dl-a", 30211, _A, _OK) + _session(
        "Jan  1 00:01:51", "Jan  1 00:01:52", "dl-a", 30877, _C, _GONE
    )
    assert [c for c, _ in causes(text)] == ["ok", "no-such-file"]


def test_across_a_change_of_daylight_saving_time_rfc3339_offsets_order_the_runs():
    """02:58+02:00 failed, then 02:10+01:00 (later in real time) worked: listed as they happened (a sort by the
    clock alone put the success first)."""
    text = _session(
        "2024-10-27T02:58:40.551027+02:00", "2024-10-27T02:00:21.337804+01:00", "fasp-mx", 40388, _B, _GONE
    ) + _session("2024-10-27T02:10:05.660913+01:00", "2024-10-27T02:16:49.124470+01:00", "fasp-mx", 40502, _C, _OK)
    assert [c for c, _ in causes(text)] == ["no-such-file", "ok"]


def test_a_refusal_between_logins_and_their_session_starts_comes_after_those_logins():
    """Two clients logged in at 09:00:01, a third dropped past MaxStartups at 09:00:02 before the first two's Session
    Start lines: the drop is the third attempt (listed first before)."""
    text = (
        "Jun 04 09:00:01 fasp01 sshd-session[22031]: Accepted password for student07 from 192.0.2.40 port 40098 ssh2\n"
        "Jun 04 09:00:01 fasp01 sshd-session[22044]: Accepted password for student12 from 192.0.2.40 port 40104 ssh2\n"
        "Jun 04 09:00:02 fasp01 sshd[1187]: drop connection #10 from [192.0.2.40]:40112 on [10.20.0.15]:22 past "
        "MaxStartups\n"
        + _session("Jun 04 09:00:02", "Jun 04 09:00:19", "fasp01", 22060, _A, _OK)
        + _session("Jun 04 09:00:02", "Jun 04 09:00:21", "fasp01", 22071, _B, _OK)
        + "Jun 04 09:01:10 fasp01 sshd-session[22140]: Accepted password for student03 from 192.0.2.40 port 40377 "
        "ssh2\n" + _session("Jun 04 09:01:11", "Jun 04 09:01:28", "fasp01", 22152, _C, _OK)
    )
    assert [c for c, _ in causes(text)] == ["ok", "ok", "ssh-refused", "ok"]


def test_a_refusal_before_a_later_login_stays_before_that_session():
    text = (
        "Jun 04 09:00:02 fasp01 sshd[1187]: drop connection #10 from [192.0.2.40]:40112 on [10.20.0.15]:22 past "
        "MaxStartups\n"
        "Jun 04 09:00:05 fasp01 sshd-session[22031]: Accepted password for student07 from 192.0.2.40 port 40098 ssh2\n"
        + _session("Jun 04 09:00:06", "Jun 04 09:00:19", "fasp01", 22060, _A, _OK)
    )
    assert [c for c, _ in causes(text)] == ["ssh-refused", "ok"]


def test_a_title_that_tells_no_cause_is_no_run_of_its_own_beside_the_output_below_it():
    """aspera-cli#98: "Aspera cli upload failure #98" as the title, then ascli's output: one run (two, the title's
    unknown, before)."""
    text = (
        "Aspera cli upload failure #98\n\n"
        "i get the below error when i try to browse share from linux cli.\n\n"
        "ERROR: Other: connection closed by remote host\n\n"
        "/home/u/.local/share/gem/ruby/gems/net-ssh-6.1.0/lib/net/ssh/transport/server_version.rb:57:in `rescue in "
        "block (2 levels) in negotiate!': connection closed by remote host (Net::SSH::Disconnect)\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-refused"]


def test_a_title_that_tells_a_cause_stays_a_run_of_its_own_when_the_output_says_another():
    text = (
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert [c for c, _ in causes(text)] == ["auth", "no-such-file"]


def test_lines_that_name_aspera_with_no_transfer_are_no_run():
    """Connect's installer, a CLI's HTTP API call, a wrapper reading its own settings (each an unknown run, low,
    before)."""
    installer = (
        "> Installing IBM Aspera Connect\n"
        "Deploying IBM Aspera Connect (/home/u/.aspera/connect) for the current user only.\n"
        "Unable to update desktop database, IBM Aspera Connect may not be able to auto-launch\n"
        "Install complete.\n"
    )
    api = (
        'aspera faspex send -H "$IP" --file f.mxf --title "Test Title" --recipient "content upload" -i\n'
        "Building JSON... done\nSerializing JSON... done\n"
        "POSTing to https://$IP:$PORT/aspera/faspex/send... JSON parse error at character 0: Invalid value.\n"
    )
    settings = (
        "% ./enaDataGet -a aspera.ini -f fastq SRR3309615\n\n"
        "ERROR: cannot read aspera settings from aspera.ini\n"
        "local variable 'ASPERA_PRIVATE_KEY' referenced before assignment\n"
    )
    for text in (installer, api, settings):
        assert explain_text(text) == [], text


def test_a_wrapper_that_failed_starting_ascp_is_still_a_run():
    assert [c for c, _ in causes("ERROR: aspera download failed, falling back to FTP\n")] == ["unknown"]


def test_a_commands_comment_saying_it_worked_is_a_completed_run():
    """IDR: ``$ ./ascp -P3..... # worked as above!`` (its output left out): a run told completed, at low confidence
    (no run before)."""
    (s,) = explain_text("```\n$ cd /.aspera/cli/bin\n$ ./ascp -P3..... # worked as above! \n```\n")
    assert (s.outcome, s.confidence) == ("success", "low")
    assert "comment on the command" in s.cause
    text = "$ ascp -QT -l 300m -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.gz . # works but slow\n"
    assert all(s.outcome != "success" or s.confidence != "low" for s in explain_text(text))


def test_runs_started_at_once_whose_two_lines_part_are_counted_once_each():
    """``xargs -P 6``: three failed runs' "ascp: ..., exiting." and "Session Stop" lines interleave (four runs
    before), then three completed."""
    text = (
        "$ cat files.txt | xargs -P 6 -I{} ascp -T -l 200m -P 33001 --mode=recv --user=u --host=h {} /scratch/\n"
        "ascp: failed to open ssh session., exiting.\n\n"
        "Session Stop  (Error: failed to open ssh session.)\n"
        "ascp: failed to open ssh session., exiting.\n"
        "ascp: failed to open ssh session., exiting.\n\n"
        "Session Stop  (Error: failed to open ssh session.)\n\n"
        "Session Stop  (Error: failed to open ssh session.)\n"
    )
    done = "".join(
        f"S0{i}_R1.fastq.gz      100% 4182MB 36.4Mb/s    15:48\nCompleted: 4282368K bytes transferred in 948 seconds\n"
        " (36138K bits/sec), in 1 file.\n"
        for i in (1, 2, 3)
    )
    assert sorted(c for c, _ in causes(text + done)) == ["ok"] * 3 + ["server-session"] * 3


def test_the_same_run_printing_both_lines_in_order_is_one_run_and_two_runs_stay_two():
    one = "ascp: failed to open ssh session., exiting.\n\nSession Stop  (Error: failed to open ssh session.)\n"
    assert [c for c, _ in causes(one)] == ["server-session"]
    assert [c for c, _ in causes(one + one)] == ["server-session", "server-session"]


def test_a_summarys_lines_mapping_ascps_words_to_their_meaning_are_no_run():
    """A thread's closing notes ("- `Key passphrase:` -> you're pointing -i at the .putty key") after the runs it
    is about: no runs of their own (two more runs before)."""
    text = (
        "$ ascp -QT -l 300m -P33001 -i ~/.aspera/connect/etc/aspera_tokenauth_id_rsa "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz .\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n\n"
        "So to summarise for anyone landing here from google:\n"
        "- `Key passphrase:` -> you're pointing -i at the .putty key (or a key that doesn't exist)\n"
        "- `ascp: Failed to open TCP connection for SSH, exiting.` -> check -P33001 before blaming the firewall\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-port"]
    # a wrapper carrying a run's error to its next step is that run, not a summary's mapping
    assert [c for c, _ in causes("Session Stop  (Error: Session data transfer timeout) -> retrying (2/5)\n")] == [
        "stall"
    ]


def test_the_second_line_of_ascps_summary_alone_tells_a_completed_run():
    """``tail -n 4`` of a task's log cut "Completed:" off: its second line follows that one only (no run
    before)."""
    text = "$ tail -n 4 work/9f/be1277/.command.log\n (118407K bits/sec), in 1 file.\nSRX5146791.fastq.gz: OK\n"
    assert [c for c, _ in causes(text)] == ["ok"]
    whole = (
        "x.gz 100% 1MB 1Mb/s 00:01\nCompleted: 1024K bytes transferred in 1 seconds\n (8192K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(whole)] == ["ok"]


def test_bashs_job_lines_are_no_runs_of_their_own():
    """Four runs started with ``&``: bash's "[2]   Exit 1   ascp ..." lines (one more run, unknown, before)."""
    stop = "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
    text = (
        "$ for f in a b; do ascp -T -P 33001 --mode=recv --host=h --user=u /out/$f /in/ & done; wait\n"
        "[1] 30411\n[2] 30412\n\n" + stop + "a.tar      100% 3686MB 94.1Mb/s    05:29\n"
        "Completed: 3774464K bytes transferred in 329 seconds\n (91780K bits/sec), in 1 file.\n"
        "[1]-  Done                    ascp -T -P 33001 --mode=recv --host=h --user=u /out/$f /in/\n"
        "[2]+  Exit 1                  ascp -T -P 33001 --mode=recv --host=h --user=u /out/$f /in/\n"
    )
    assert sorted(c for c, _ in causes(text)) == ["ok", "permission"]


def test_a_notebooks_note_to_self_is_the_persons_and_nextflows_note_is_a_run():
    text = (
        "In [3]: !ascp -QT -l 300m -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:x data/\n"
        "/bin/bash: line 1: ascp: command not found\n\n"
        "Note to self: ascp is not installed on the hub image, install it with ascli into ~/.aspera/sdk.\n"
    )
    assert [c for c, _ in causes(text)] == ["ascp-missing"]
    note = "NOTE: Process `ascp (ERX1659439)` terminated with an error exit status (1) -- Error is ignored\n"
    assert [c for c, _ in causes(note)] == ["unknown"]


def test_a_time_limits_kill_ends_the_task_and_the_next_tasks_session_stop_is_its_own():
    """Array tasks' outputs one after another: task 5 killed at its time limit, task 6 "No such file" (one run,
    no-such-file, before)."""
    text = (
        "== slurm-88231_5.out\ntask 5 start Tue Mar 12 01:07:35 CET 2024 ERR10417735\n"
        "ERR10417735.fastq.gz                                       80%   42GB  102Mb/s    15:01 ETA\n"
        "slurmstepd: error: *** JOB 88236 ON cn041 CANCELLED AT 2024-03-12T02:07:36 DUE TO TIME LIMIT ***\n"
        "== slurm-88231_6.out\ntask 6 start Tue Mar 12 01:20:37 CET 2024 ERR1041773\n\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert [c for c, _ in causes(text)] == ["cancelled", "no-such-file"]


def test_a_wrappers_retry_then_its_word_of_success_is_a_second_run():
    """Webin-CLI: "WARN : Retrying file upload." then "INFO : Files have been successfully uploaded." (one run
    before)."""
    text = (
        "WARN : Aspera upload failed. Client exit code : 1\nWARN : Client error : \n"
        "LB_S07_R2.fastq.gz          37% 1571MB 12.4Mb/s    41:07 ETA\n"
        "Session Stop  (Error: Data transfer stalled, timed out)\n\n"
        "WARN : Retrying file upload.\nINFO : Files have been successfully uploaded.\n"
    )
    assert [c for c, _ in causes(text)] == ["stall", "ok"]
    without_retry = text.replace("WARN : Retrying file upload.\n", "")
    assert [c for c, _ in causes(without_retry)] == ["stall"]


def test_the_transfer_sdks_status_lines_tell_a_completed_run():
    text = (
        "INFO     ======Test 1: download\nINFO     transfer: QUEUED\nINFO     transfer: RUNNING\n"
        "INFO     transfer: COMPLETED\nINFO     ======Test 2: upload file\nINFO     transfer: RUNNING\n"
        "INFO     transfer: FAILED\n"
        "Exception: transfer failed: Server aborted session: Server requires content protection\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "content-protection"]


def test_pretty_printed_transfer_status_objects_are_runs_in_start_order():
    """The Connect SDK's ``getAllTransfers`` (newest first, JSON.stringify(r, null, 2)) and the Node API's
    ``/ops/transfers`` (a failed transfer whose own error is 27's "Some individual files failed", its files'
    56): read as runs, in start order (a person's sentence read as a stall, low, before; nothing for the Node
    API)."""
    import json

    def transfer(start: str, status: str, code: int, desc: str, written: int) -> dict[str, object]:
        return {
            "add_time": start,
            "bytes_expected": 9126805504,
            "bytes_written": written,
            "error_code": code,
            "error_desc": desc,
            "start_time": start,
            "status": status,
            "transfer_spec": {"direction": "receive", "remote_host": "faspex.example.org", "ssh_port": 33001},
        }

    sdk = {
        "iteration_token": 41,
        "transfers": [
            transfer("2025-05-06T06:21:46", "failed", 40, "Data transfer stalled, timed out", 3766585344),
            transfer("2025-05-06T05:58:04", "completed", 0, "", 9126805504),
        ],
    }
    text = 'Customer says it "hung and then turned red". Their output:\n\n' + json.dumps(sdk, indent=2) + "\n"
    assert [c for c, _ in causes(text)] == ["ok", "stall"]
    node = {
        "id": "16016a07-d66e-456b-859d-18f635be2308",
        "status": "failed",
        "start_spec": {"direction": "receive", "remote_host": "instr-export01.example.org"},
        "sessions": [{"status": "failed", "error_code": 27, "error_desc": "Some individual files failed"}],
        "error_code": 27,
        "error_desc": "Some individual files failed",
        "files": [
            {"path": "a.tiff", "status": "completed", "error_code": 0, "error_desc": ""},
            {
                "path": "b:1.tiff",
                "status": "failed",
                "error_code": 56,
                "error_desc": "Windows path contains illegal characters",
            },
        ],
    }
    assert [
        c for c, _ in causes("$ curl -s .../ops/transfers/1 | python3 -m json.tool\n" + json.dumps(node, indent=4))
    ] == ["path-name"]


def test_ena_file_downloaders_lines_on_each_file_are_runs():
    log = (
        "2023-05-09 15:22:56.204 DEBUG 30412 --- [pool-2-thread-1] u.a.e.e.b.service.FileDownloaderClient   : "
        "SUCCESSFUL download remoteFile:ERR1045613_1.fastq.gz, parentId:ERR1045613\n"
        "2023-05-09 15:23:38.650 ERROR 30412 --- [pool-2-thread-1] u.a.e.e.b.service.FileDownloaderClient   : "
        "Download for file ERR1045613_2.fastq.gz could not be completed.\n"
        "2023-05-09 15:24:55.671  WARN 30412 --- [main] u.a.e.e.b.service.BackendServiceImpl     : Number of "
        "files:0 successfully downloaded for accessionField:run_accession, format:READS_FASTQ\n"
    )
    assert [c for c, _ in causes(log)] == ["ok", "unknown"]


def test_another_programs_error_code_is_no_fasp_error():
    """ "what wget's error code 8 means" beside a Docker build's wget (read as FASP error 8, usage, before)."""
    text = (
        "Downloading Aspera in our docker images no longer works\n\n"
        "The command '/bin/sh -c wget -q https://download.asperasoft.com/x.sh' returned a non-zero code: 8\n\n"
        "The first step is to figure out what wget's error code 8 means, then go from there.\n"
    )
    assert explain_text(text) == []


def _task(n: int, body: str, header: str = "==> logs/fetch_ena_4417312_{n}.out <==") -> str:
    return header.format(n=n) + f"\ntask {n} start\n" + body


_DONE = "x.gz      100% 5121MB   96Mb/s    07:27\nCompleted: 5243904K bytes transferred in 447 seconds\n"
_MISSING = "\nSession Stop  (Error: Server aborted session: No such file or directory)\n"


def test_an_arrays_output_files_pasted_in_glob_order_are_listed_by_task():
    """``tail -n +1 logs/*.out`` prints task 10 after task 1: the runs are listed as the tasks are numbered (task
    10, the last, second before)."""
    text = "$ tail -n +1 logs/fetch_ena_4417312_*.out\n" + "".join(
        _task(n, _MISSING if n == 10 else _DONE) for n in (1, 10, 2, 3)
    )
    assert [c for c, _ in causes(text)] == ["ok", "ok", "ok", "no-such-file"]
    loop = "".join(_task(n, _MISSING if n == 10 else _DONE, "== slurm-88231_{n}.out") for n in (1, 10, 2))
    assert [c for c, _ in causes(loop)] == ["ok", "ok", "no-such-file"]


def test_files_pasted_in_an_order_of_the_persons_own_keep_it():
    """Not the glob's order (3, 1, 2: the person's), or two jobs' files: as pasted."""
    text = "".join(_task(n, _MISSING if n == 3 else _DONE) for n in (3, 1, 2))
    assert [c for c, _ in causes(text)] == ["no-such-file", "ok", "ok"]
    two_jobs = _task(10, _MISSING, "==> a_{n}.out <==") + _task(2, _DONE, "==> b_{n}.out <==")
    assert [c for c, _ in causes(two_jobs)] == ["no-such-file", "ok"]


_LICENCE = "Session Stop  (Error: Failure processing peer license: Deprecated peer license)\n"
_AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
_WORKED = (
    "x.gz      100%  412MB  266Mb/s    00:13\nCompleted: 421888K bytes transferred in 13 seconds\n"
    " (259623K bits/sec), in 1 file.\n"
)


def test_a_top_posted_mail_thread_is_read_oldest_mail_first():
    """Outlook's replies above the mails they answer (Sent: going back in time): the runs as they happened (ok,
    auth, licence before)."""
    text = (
        "From: Priya\nSent: Wednesday, 13 March 2024 16:20\nSubject: RE: RE: ascp broken\n\nThat did it:\n\n"
        + _WORKED
        + "\n-----Original Message-----\nFrom: Priya\nSent: Wednesday, 13 March 2024 11:47\n\nNow:\n\n"
        + _AUTH
        + "\n-----Original Message-----\nFrom: Priya\nSent: Tuesday, 12 March 2024 15:12\n\nI get:\n\n"
        + _LICENCE
    )
    assert [c for c, _ in causes(text)] == ["licence", "auth", "ok"]
    gmail = text.replace("Sent: Wednesday, 13 March 2024 16:20", "On Wed, 13 Mar 2024 at 16:20, Priya wrote:")
    assert [c for c, _ in causes(gmail)] == ["licence", "auth", "ok"]


def test_a_mail_thread_in_time_order_keeps_its_order():
    text = (
        "From: Priya\nSent: Tuesday, 12 March 2024 15:12\n\nI get:\n\n"
        + _LICENCE
        + "\nFrom: Priya\nSent: Wednesday, 13 March 2024 16:20\n\nThat did it:\n\n"
        + _WORKED
    )
    assert [c for c, _ in causes(text)] == ["licence", "ok"]


_UDP = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"


def test_one_runs_error_quoted_again_in_each_reply_of_a_thread_is_one_run():
    """Round 61's forwarded chain: the first mail's paste with its command, then two replies quoting the line
    again (three runs, high, before)."""
    text = (
        "From: Priya\nSent: Wednesday, 14 February 2024 09:12\n\nSure, it's the one I pasted in my first mail:\n\n"
        "> > > " + _UDP + "\nFrom: Desk\nSent: Tuesday, 13 February 2024 16:40\n\nCould you paste it again?\n\n"
        "> > " + _UDP + ">\n> Is it this one?\n\n"
        "> From: Priya\n> Sent: Tuesday, 13 February 2024 14:05\n>\n> It just sits there and gives up:\n>\n"
        "> > [praman@lab-ws07 ~]$ ascp -P 33001 -l 200m --mode=recv --host=aspera.partnerseq.org --user=u /out ./in/\n"
        "> >\n> > " + _UDP
    )
    assert [c for c, _ in causes(text)] == ["udp"]


def test_two_runs_each_with_its_command_in_a_thread_stay_two():
    run = "$ ascp -P 33001 --mode=recv --host=h --user=u /out ./in/\n" + _UDP
    text = (
        "From: Priya\nSent: Wednesday, 14 February 2024 09:12\n\nRan it again today:\n\n" + run + "\n"
        "From: Priya\nSent: Tuesday, 13 February 2024 14:05\n\nIt gives up:\n\n" + run
    )
    assert [c for c, _ in causes(text)] == ["udp", "udp"]
