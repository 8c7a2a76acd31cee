"""Misses found this session (the session of 2026-12-02, sixth): kept blind sets' remaining misses and blind round
65's, each in its smallest form."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_UUIDS = [f"{n:08x}-0000-4000-8000-00000000000{n}" for n in range(1, 5)]


def _verbose_journal(order: str, udp: bool = False) -> str:
    """sshd at LogLevel VERBOSE: three clients connect (ports 40001, 40002, 40004) and one is dropped past
    MaxStartups (40003) between the second and third arrivals; the logins and Session Start lines come after the
    drop. ``order``: the order of the three sessions' start lines (they need not follow the arrivals)."""
    lines = []
    head = "May 21 02:00:0{s} hsts sshd[{pid}]: "
    for pid, port in ((5103, 40001), (5106, 40002)):
        lines.append(head.format(s=1, pid=pid) + f"Connection from 198.51.100.77 port {port} on 10.50.0.8 port 33001")
    lines.append(
        head.format(s=2, pid=1021) + "drop connection #10 from [198.51.100.77]:40003 on [10.50.0.8]:33001 past "
        "MaxStartups"
    )
    lines.append(head.format(s=2, pid=5112) + "Connection from 198.51.100.77 port 40004 on 10.50.0.8 port 33001")
    for pid, port in ((5103, 40001), (5106, 40002), (5112, 40004)):
        lines.append(head.format(s=3, pid=pid) + f"Accepted publickey for mill from 198.51.100.77 port {port} ssh2")
    ports = {"1": 40001, "2": 40002, "4": 40004} if not udp else {"1": 52113, "2": 38870, "4": 60211}
    for n in order:
        lines.append(
            f"May 21 02:00:0{5} hsts ascp[{6000 + int(n)}]: LOG FASP Session Start uuid={_UUIDS[int(n) - 1]} "
            f"op=recv status=started source=/r/{n} dest=/in peer=198.51.100.77:{ports[n]} tcp_port=33001"
        )
    for n in order:
        lines.append(
            f"May 21 02:03:0{n} hsts ascp[{6000 + int(n)}]: LOG FASP Session Stop uuid={_UUIDS[int(n) - 1]} "
            f"op=recv status=success source=/r/{n} (1) dest=/in peer=198.51.100.77:{ports[n]} tcp_port=33001"
        )
    return "\n".join(lines) + "\n"


def test_a_client_dropped_between_arrivals_is_listed_between_them():
    """Blind round 63's 14 pushes at once: the drop came after two clients had connected and before the third, so
    it is listed third, though all three logged in and started after it (it had been listed first)."""
    assert [c for c, _ in causes(_verbose_journal("124"))] == ["ok", "ok", "ssh-refused", "ok"]
    # a server's records name the client's UDP port: the k-th session of an address is its k-th connection
    assert [c for c, _ in causes(_verbose_journal("124", udp=True))] == ["ok", "ok", "ssh-refused", "ok"]
    # without VERBOSE's "Connection from" lines the logins are the arrivals: all three came after the drop
    quiet = "".join(line + "\n" for line in _verbose_journal("124").splitlines() if "Connection from" not in line)
    assert [c for c, _ in causes(quiet)] == ["ssh-refused", "ok", "ok", "ok"]


def test_background_jobs_are_listed_by_their_job_numbers():
    """bash numbers background jobs in the order it started them; its "Done" and "Exit 1" lines tell which
    numbers completed (blind round 62: jobs 2 and 4 refused, their errors printed before jobs 1 and 3 finished;
    they had been listed first)."""
    command = "ascp -T -P 33001 --mode=recv --host=h --user=u /out/$f /in/"
    text = (
        f"$ for f in a b c d; do {command} & done; wait\n[1] 30411\n[2] 30412\n[3] 30413\n[4] 30414\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        "a                                                100% 3686MB 94.1Mb/s    05:29\n"
        "Completed: 3774464K bytes transferred in 329 seconds\n (91780K bits/sec), in 1 file.\n"
        "c                                                100% 4017MB 93.8Mb/s    05:58\n"
        "Completed: 4113408K bytes transferred in 358 seconds\n (91919K bits/sec), in 1 file.\n"
        f"[1]   Done                    {command}\n[2]   Exit 1                  {command}\n"
        f"[3]-  Done                    {command}\n[4]+  Exit 1                  {command}\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "permission", "ok", "permission"]
    # the job lines do not say which run is which when their count differs from the runs'
    assert [c for c, _ in causes(text.replace(f"[4]+  Exit 1                  {command}\n", ""))] == [
        "permission",
        "permission",
        "ok",
        "ok",
    ]


_STOPPED = (
    "$ ascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR139/035/SRR13926435/SRR13926435_1.fastq.gz "
    "./\nSRR13926435_1.fastq.gz                                  37%  874MB 17.9Mb/s    13:24 ETA\n^C\n\n"
)


def test_a_run_the_person_stopped_after_it_hung_is_a_stall():
    """Blind round 65: the progress line froze at 37 % for 40 minutes, then Ctrl-C (read as cancelled, high)."""
    for told in (
        "进度停在 37% 这一行不动了，等了 40 多分钟都没有变化，只能 ctrl+c 中断掉",
        "The transfer hangs at 37% and never moves.",
        "37% で止まったまま 40 分以上動かないので Ctrl+C で止めました。",
    ):
        assert causes(_STOPPED + told + "\n") == [("stall", "medium")], told
    # stopped for another reason, or a hang told as a case: the person's cancel
    assert causes(_STOPPED + "I got bored and pressed ctrl-c.\n") == [("cancelled", "high")]
    assert causes(_STOPPED + "如果卡住了就按 ctrl+c 重新下载。\n") == [("cancelled", "high")]


def test_a_transfer_the_person_says_is_still_running_is_no_run_yet():
    """Blind round 65: a failed run, then the rerun shown at 23 % "（还在跑）" (still running) at the end of the
    paste: one run, not a second whose outcome cannot be told."""
    failed = (
        "$ ascp -Q -k1 -l 100M -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR346/SRR346368/SRR346368.fastq.gz ./\n"
        "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n\n"
    )
    rerun = "SRR346368.fastq.gz                                         23%  412MB 94.6Mb/s    11:05 ETA\n"
    for said in ("我又加回去重新跑了，现在是这样（还在跑）：", "Added -T back, it is still running now:"):
        assert [c for c, _ in causes(failed + said + "\n\n" + rerun)] == ["stronger-encryption"], said
    # without those words: a second run whose end is not shown
    assert [c for c, _ in causes(failed + "Added -T back:\n\n" + rerun)] == ["stronger-encryption", "unknown"]


def test_a_support_articles_examples_and_definitions_are_no_run():
    """IBM's article on error 19 (blind round 65): sentences defining the error, an example introduced by "would
    result in the following", and "A sample of what would be logged" with aspera-scp-transfer.log's lines."""
    text = (
        "Error code 19: failed to authenticate\n\nDescription\n\n"
        "Error 19 is a FASP management error code that refers to authentication failures.\n\n"
        "This error can manifest itself in several ways, including the command line if you're transferring with "
        "ascp, and in the transfer log file.\n\n"
        "After attempting to run an ascp command, invalid credentials would result in the following error message:\n"
        "\nascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n\n\nLog file\n\n"
        "A sample of what would be logged for a failed transfer with error code 19 is the following:\n\n"
        "2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed\n"
        "2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate\n\nTroubleshooting\n"
    )
    assert causes(text) == []
    # the user's own output after "This command results in the following:" stays a run
    own = "This command results in the following:\n\nascp: failed to authenticate, exiting.\n"
    assert [c for c, _ in causes(own)] == ["auth"]


def test_a_readmes_faq_with_a_wrappers_sample_output_is_no_run():
    """kingfisher's README FAQ (blind round 65): markdown headings quoting ascp's words, "If you see this error ...
    as below:" and "This error manifests like this" before fenced wrapper logs."""
    log = (
        "```\n$ kingfisher get -r SRR5005053 -m ena-ascp\n"
        "10/26/2021 11:24:33 PM INFO: Running command: ascp -T -l 300m -P33001 -i key era-fasp@h:/v .\n"
        "STDERR was: b'ascp: failed to authenticate, exiting.\\n'STDOUT was: b'\\r\\nSession Stop  (Error: failed to "
        "authenticate)\\n'\n10/26/2021 11:24:45 PM WARNING: Method ena-ascp failed\n```\n"
    )
    text = (
        "## FAQ\n\n### ascp: not found\nIf you see this error `/bin/sh: 1: ascp: not found` as below:\n"
        "```\n/bin/sh: 1: ascp: not found\n```\nthen you have not installed the Aspera client correctly.\n\n"
        f"### Failed to authenticate with ascp\nThis error manifests like this\n{log}"
        "This could be caused by your network.\n"
    )
    assert causes(text) == []


def test_a_script_file_is_no_run():
    """A job script that greps logs for ascp's words, with a catalogue of them after its ``exit`` (blind round
    65): its first line a shebang."""
    text = (
        "#!/bin/sh\nfor f in logs/*.txt; do\n  grep -q 'Server aborted session' $f && echo $f\ndone\nexit\n\n"
        "# known errors\nascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    assert causes(text) == []


def test_a_sample_introduced_in_a_chat_before_the_writers_empty_message_is_no_run():
    """A chat export (blind round 65): "this is what it should look like:", the writer's empty message, then the
    sample; the other person's own failure after it is a run."""
    text = (
        "[10:04] anna: works for me. this is what it should look like (from the README):\n[10:04] anna:\n```\n"
        "ERR164407.fastq.gz                                 100%  72MB 37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n```\n"
        "[10:09] tobi: mine:\n```\nascp: Private key file not found at path /h/k.openssh, exiting.\n```\n"
    )
    assert [c for c, _ in causes(text)] == ["key-file"]


def test_a_headings_sample_and_a_unified_diffs_strings_are_no_run():
    """A wiki's heading "## 2. 正常输出示例（仅供对照，不是报错）" over sample output (blind round 65); a patch whose
    lines hold ascp's words in code (read as confident runs before)."""
    wiki = (
        "## 2. 正常输出示例（仅供对照，不是报错）\n\n"
        "    ERR164407.fastq.gz                                   100%  72MB 37.7Mb/s   01:58\n"
        "    Completed: 74523K bytes transferred in 118 seconds\n"
    )
    assert causes(wiki) == []
    patch = (
        "diff --git a/fetch.py b/fetch.py\n--- a/fetch.py\n+++ b/fetch.py\n@@ -1,3 +1,4 @@\n"
        ' patterns = [\n-    "ascp binary not found",\n+    "Session Stop  (Error: failed to authenticate)",\n ]\n'
    )
    assert all(confidence == "low" for _, confidence in causes(patch))


def test_ascli_table_of_fasp_error_codes_is_no_run():
    """``ascli config ascp errors`` (blind round 65): a text table of codes, mnemonics and messages."""
    rule = "+------+------------------+-------+----------------------------------------+\n"
    text = (
        "$ ascli config ascp errors\n"
        + rule
        + "| code | mnemonic         | retry | info                                   |\n"
        f"{rule}| 8    | USAGE            | no    | Incorrect usage of Aspera scp command  |\n"
        "| 19   | AUTH             | no    | Authentication failure                 |\n"
        "| 40   | DATA_TRANSFER_TIMEOUT | yes | Data transfer stalled, timed out     |\n" + rule
    )
    assert causes(text) == []


def test_a_runbooks_examples_said_to_be_no_incidents_are_no_run():
    """Blind round 65's runbooks: "examples, not from a specific incident" with sshd's and ascp's lines, and "these
    are documentation samples, not from our servers:" before aspera-scp-transfer.log's lines; the incident's own
    journal after it is read, and the partner's quoted words for the session that failed are that session."""
    examples = (
        "Symptoms (what it looks like - examples, not from a specific incident)\n"
        "----------------------------------------------------------------------\n"
        "    sshd[1123]: drop connection #10 from [203.0.113.44]:50122 on [198.18.20.11]:33001 past MaxStartups\n"
        "    ascp: failed to authenticate, exiting.\n"
    )
    assert causes(examples) == []
    uuid = "b71d94c0-5e2a-4f63-8c0b-91f2a7d3e5c8"
    incident = (
        "2. Read errcode= on the Session Stop line. Examples from the IBM articles\n"
        "   (these are documentation samples, not from our servers):\n"
        "       2015-09-16 17:46:56 [273c-00001afc] LOG FASP Session Start uuid=5d53ece3-6b41-41f9-b1c8-8496c117be65 "
        'op=send status=failed errcode=34 errstr="Unauthorized"\n\n'
        f"May 14 02:40:02 hsts01 ascp[29140]: LOG FASP Session Start uuid={uuid} op=recv status=started source=- "
        "dest=/data/in peer=203.0.113.57:61740 tcp_port=33001\n"
        f"May 14 02:57:31 hsts01 ascp[29140]: LOG FASP Session Stop uuid={uuid} op=recv status=failed errcode=25 "
        'errstr="No space left on disk" source=- dest=/data/in peer=203.0.113.57:61740 tcp_port=33001\n\n'
        '@rvarga: partner\'s side showed "Session Stop  (Error: Disk write failed (server))" for that batch.\n'
    )
    assert [c for c, _ in causes(incident)] == ["disk"]


def test_a_port_monitors_drop_on_its_beat_is_not_a_transfer():
    """OpenSSH 9.9 penalises a partner's NAT address for its port monitor's bare connects (every 10 s); of the
    three drops that follow, the one on the monitor's beat is the monitor's, the two others the partner's ascli
    tries (blind round 65: three refused runs before)."""
    lines = []
    for second, port in ((36, 40982), (46, 41004), (56, 41036)):
        lines.append(
            f"Sep 03 02:14:{second} xfer01 sshd-session[9{second}]: kex_exchange_identification: Connection "
            "closed by remote host"
        )
        lines.append(
            f"Sep 03 02:14:{second} xfer01 sshd-session[9{second}]: Connection closed by 203.0.113.77 port {port}"
        )
    for at, drop in (("01", 41230), ("03", 41244), ("06", 41262)):
        lines.append(
            f"Sep 03 02:15:{at} xfer01 sshd[1021]: drop connection #0 from [203.0.113.77]:{drop} on "
            "[198.18.7.20]:33001 penalty: connections without attempting authentication"
        )
    assert [c for c, _ in causes("\n".join(lines) + "\n")] == ["ssh-refused", "ssh-refused"]
    # without the monitor's own connections shown, every drop is an attempt
    drops = [line for line in lines if "drop connection" in line]
    assert [c for c, _ in causes("\n".join(drops) + "\n")] == ["ssh-refused"] * 3


def test_stdout_with_a_path_retouched_by_hand_is_the_same_runs():
    """iSeq#13 as pasted (blind round 65): the reporter took the user name out of the paths by hand and left
    "/homeuser/" in one Session Stop line; it still echoes the stderr line above it (five runs read before)."""
    said = "Private key file not found at path /home/user/.ssh/-QT and path /home/user/.ssh/-QT"
    retouched = said[: said.rindex("/home/user")] + "/homeuser/.ssh/-QT"
    pair = f"ascp: {said}, exiting.\n\nSession Stop  (Error: {retouched})\n"
    assert [c for c, _ in causes(pair + pair)] == ["key-file", "key-file"]
    other = f"ascp: {said}, exiting.\n\nSession Stop  (Error: Server aborted session: No such file or directory)\n"
    assert [c for c, _ in causes(other)] == ["key-file", "no-such-file"]


def test_an_issue_title_quoting_the_runs_words_is_that_run():
    """aspera-cli#137 (blind round 65): the title quotes 'Deprecated peer license', ascli's two tries below say it
    in full: two runs, not three."""
    text = (
        "ascp/fasp download from ebi gives 'Deprecated peer license' error  #137\n\n"
        "mdehollander opened this issue on Mar 13, 2024\n\nNow it returns with an error. This is what I get:\n\n```\n"
        "ascli -N server download --url=ssh://fasp.sra.ebi.ac.uk:33001 --username=era-fasp --to-folder=. /vol1/x.gz\n"
        "E, [2024-03-13T15:58:12.581419 #3204711] ERROR -- : ascp failed: pid 3204715 exit 1\n"
        "W, [2024-03-13T15:58:12.581663 #3204711]  WARN -- : An error occurred during transfer: Failure processing "
        "peer license: Deprecated peer license\n"
        "W, [2024-03-13T15:58:12.581807 #3204711]  WARN -- : Resuming in 2 seconds (retry left:6)\n"
        "E, [2024-03-13T15:58:16.176103 #3204711] ERROR -- : ascp failed: pid 3204720 exit 1\n"
        "W, [2024-03-13T15:58:16.176317 #3204711]  WARN -- : An error occurred during transfer: Failure processing "
        "peer license: Deprecated peer license\n```\n"
    )
    assert [c for c, _ in causes(text)] == ["licence", "licence"]


def test_one_unknown_account_an_address_tried_in_a_quiet_log_is_a_clients_failure():
    """Blind round 65: a QA job's ascli logs in as "qa-bot" (no such account) twice, between other users'
    sessions, in a log without password guessing: two failed attempts, not the internet's guessing (which tries
    names such as admin or oracle: still no run)."""
    lines = [
        "Apr 08 09:04:30 hsts01 sshd[48990]: Invalid user qa-bot from 203.0.113.61 port 50412",
        "Apr 08 09:04:31 hsts01 sshd[48990]: Connection closed by invalid user qa-bot 203.0.113.61 port 50412 "
        "[preauth]",
        "Apr 08 09:04:33 hsts01 sshd[48996]: Invalid user qa-bot from 203.0.113.61 port 50418",
        "Apr 08 09:04:34 hsts01 sshd[48996]: Connection closed by invalid user qa-bot 203.0.113.61 port 50418 "
        "[preauth]",
    ]
    assert [c for c, _ in causes("\n".join(lines) + "\n")] == ["auth", "auth"]
    bot = "\n".join(line.replace("qa-bot", "oracle") for line in lines) + "\n"
    assert causes(bot) == []
