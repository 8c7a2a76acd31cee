"""explain: what blind round 106 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes

UDP_STOP = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)"


def test_a_hugo_faq_page_s_details_titled_by_ascp_s_words_is_no_run():
    """A Hugo page's source: two ``details`` shortcodes titled by what ascp says, each with its sample and advice."""
    text = (
        '+++\ntitle = "Aspera transfer errors"\n+++\n\n'
        '{{< details title="Server aborted session: No such file or directory" >}}\n'
        "```\nSession Stop  (Error: Server aborted session: No such file or directory)\n```\n"
        "The path after the colon does not exist on the server.\n{{< /details >}}\n\n"
        '{{< details title="Client unable to connect to server" >}}\n'
        f"```\n{UDP_STOP}\n```\nAllow UDP 33001 out.\n{{{{< /details >}}}}\n"
    )
    assert cause_ids(text) == []


def test_a_myst_page_s_admonitions_and_a_bootstrap_accordion_are_no_runs():
    """MyST admonitions around ascp's messages, and a Bootstrap FAQ accordion's items with <pre> samples."""
    myst = (
        "# Downloading with Aspera\n\n"
        f"````{{admonition}} ascp: failed to authenticate, exiting.\n:class: warning\n\n```text\n{AUTH}\n```\n\n"
        "Use the RSA key.\n````\n\n"
        f"````{{admonition}} Client unable to connect to server\n:class: danger\n\n```text\n{UDP_STOP}\n```\n\n"
        "UDP 33001 is blocked.\n````\n"
    )
    assert cause_ids(myst) == []
    accordion = (
        '<div class="accordion" id="faq">\n'
        '<div class="accordion-item"><h2>My upload reports "failed to authenticate"</h2>\n'
        f"<pre><code>{AUTH}</code></pre>\n<p>Fetch a fresh key.</p></div>\n"
        '<div class="accordion-item"><h2>The transfer hangs at 0%</h2>\n'
        f"<pre><code>{UDP_STOP}</code></pre>\n<p>Allow UDP 33001.</p></div>\n</div>\n"
    )
    assert cause_ids(accordion) == []


def test_a_reveal_js_deck_is_no_run():
    """A teaching deck's slides: the command, then the messages it may print (three of them had read as runs)."""
    text = (
        '<html>\n<head>\n<link rel="stylesheet" href="dist/reveal.css">\n</head>\n'
        '<div class="reveal">\n<div class="slides">\n'
        "ascp -QT -l 300m -P 33001 -k1 \\\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
        f"{UDP_STOP}\nascp: failed to authenticate, exiting.\n"
    )
    assert cause_ids(text) == []


def test_an_issue_s_folded_logs_are_runs_and_their_titles_none():
    """An issue whose two ``<details>`` blocks fold the reporter's own runs, each titled by its error: two runs (the
    first title had read as a third), and no FAQ page."""
    text = (
        "ascp fails on our cluster, first with the old key, then from the compute node.\n\n"
        "<details><summary>ascp: failed to authenticate</summary>\n\n```\n"
        "$ ascp -QT -l 300m -P33001 -i ~/.aspera/asperaweb_id_dsa.openssh era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n"
        f"{AUTH}\n```\n</details>\n\n"
        "<details><summary>Client unable to connect to server</summary>\n\n```\n"
        "$ ascp -QT -l 300m -P33001 -i ~/.aspera/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n"
        f"{UDP_STOP}\n```\n</details>\n"
    )
    assert cause_ids(text) == ["auth", "udp"]


DDBJ = "anonftp@ascp.ddbj.nig.ac.j:/ddbj_database/dra/fastq/DRA015/DRA015612/DRX443190/DRR458233_1.fastq.bz2 ."
TCP_FAIL = (
    "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
    "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
)


def test_a_run_to_a_name_the_user_s_lookup_found_not_to_exist_is_dns():
    """The run could not open its SSH connection; the user's ``host`` (or nslookup, or ping) of that very name
    found no such name: the name does not resolve (it had read as the SSH port blocked)."""
    for lookup in (
        "$ host ascp.ddbj.nig.ac.j\nHost ascp.ddbj.nig.ac.j not found: 3(NXDOMAIN)\n",
        "$ nslookup ascp.ddbj.nig.ac.j\nServer:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n"
        "** server can't find ascp.ddbj.nig.ac.j: NXDOMAIN\n",
        "$ ping -c1 ascp.ddbj.nig.ac.j\nping: ascp.ddbj.nig.ac.j: Name or service not known\n",
    ):
        text = f"$ ascp -QT -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.pem {DDBJ}\n{TCP_FAIL}{lookup}"
        assert causes(text) == [("dns", "medium")], lookup


def test_guard_a_lookup_of_another_name_leaves_the_run_as_it_was():
    """Guard: the failed lookup names another host (a colleague's typo): the run's own SSH connection failed."""
    text = (
        f"$ ascp -QT -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.pem {DDBJ.replace('.j:', '.jp:')}\n"
        f"{TCP_FAIL}$ host ascp.ddbj.nig.ac.j\nHost ascp.ddbj.nig.ac.j not found: 3(NXDOMAIN)\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_launcher_that_could_not_start_ascp_is_ascp_missing():
    """xargs, nohup, timeout or nice could not start ascp (cron's short PATH): ascp was not found, not a missing
    source file on the server (it had read as no-such-file)."""
    for said in (
        "xargs: ascp: No such file or directory",
        "nohup: failed to run command 'ascp': No such file or directory",
        "timeout: failed to run command 'ascp': No such file or directory",
        "nice: 'ascp': No such file or directory",
    ):
        text = (
            "+ xargs -P 3 -I{} ascp -QT -l 200m -P33001 era-fasp@fasp.sra.ebi.ac.uk:{} /data/ena/incoming/\n"
            f"{said}\n+ echo 'exit=127'\nexit=127\n"
        )
        assert cause_ids(text) == ["ascp-missing"], said


SECURE = (
    "Jun  2 03:10:12 edge sshd[918]: error: beginning MaxStartups throttling\n"
    "Jun  2 03:10:12 edge sshd[918]: drop connection #10 from [45.148.10.77]:41022 on [10.30.0.8]:22 past MaxStartups\n"
    "Jun  2 03:10:14 edge sshd[77021]: Invalid user admin from 45.148.10.77 port 41002\n"
    "Jun  2 03:10:15 edge sshd[77024]: Invalid user ubnt from 45.148.10.77 port 41006\n"
    "Jun  2 03:10:40 edge sshd[918]: drop connection #10 from [203.0.113.16]:58840 on [10.30.0.8]:22 past MaxStartups\n"
    "Jun  2 03:10:58 edge sshd[75120]: Unable to negotiate with 193.32.162.40 port 46812: no matching key exchange "
    "method found. Their offer: diffie-hellman-group1-sha1 [preauth]\n"
    "Jun  2 03:13:39 edge sshd[918]: exited MaxStartups throttling after 00:03:27, 188 connections dropped\n"
    "Jun  2 03:20:01 edge sshd[77655]: Accepted publickey for ftpsync from 203.0.113.16 port 59118 ssh2: RSA SHA256:x\n"
    "Jun  2 03:20:02 edge ascp[77670]: LOG FASP Session Start uuid=ab12cd34-ef56-4a78-9b0c-d1e2f3a4b5c6 op=send "
    'status=started source=/out dest=/in userid=1801 user="ftpsync" local=10.30.0.8:33001 peer=203.0.113.16:33001\n'
    "Jun  2 03:24:47 edge ascp[77670]: LOG FASP Session Stop uuid=ab12cd34-ef56-4a78-9b0c-d1e2f3a4b5c6 op=send "
    "status=success source=/out (318) dest=/in local=10.30.0.8:33001 peer=203.0.113.16:33001 tcp_port=22\n"
)


def test_a_small_scan_s_drops_and_a_lone_group1_offer_are_no_client_s():
    """A secure log with a scanner's wave: an address that tried two unknown accounts is a scanner however few its
    lines (its MaxStartups drop had read as a refused transfer), and one that offered only
    diffie-hellman-group1-sha1 is none of ascp's (it had read as a failed handshake). The partner's drop and its
    retry that worked stay."""
    assert cause_ids(SECURE) == ["ssh-refused", "ok"]


def test_guard_one_unknown_account_is_a_client_s_typo():
    """Guard: an address that tried one account the server does not have, and not one the internet guesses (a
    client's mistyped user), with no scan around it, is no scanner: its drop stays a refused attempt."""
    text = "".join(line for line in SECURE.splitlines(True) if "ubnt" not in line)
    # (the typo's own refused login is that client's run too)
    assert cause_ids(text.replace("Invalid user admin", "Invalid user ftpsyn")) == [
        "ssh-refused",
        "auth",
        "ssh-refused",
        "ok",
    ]


PROGRESS = "ERR4811023_2.fastq.gz                          46%   12GB  203Mb/s    16:49 ETA\n"


def test_a_kubernetes_deadline_told_before_the_pod_s_log_ends_its_run():
    """``kubectl describe job`` shows the job controller's DeadlineExceeded, then the pod's log shows a transfer
    going at 46 %: the deadline ended that run (it had read as unknown)."""
    text = (
        "$ kubectl -n seqdata describe job pull-cohort-b\nActive Deadline Seconds:  3600s\nEvents:\n"
        "  Type     Reason            Age   From            Message\n"
        "  Warning  DeadlineExceeded  11m   job-controller  Job was active longer than specified deadline\n\n"
        f"$ kubectl -n seqdata logs pull-cohort-b-7xk2p --previous | tail -2\n{PROGRESS}{PROGRESS}"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_parallel_job_ended_by_a_signal_is_cancelled():
    """GNU parallel's joblog shows the job whose transfer was at 91 % ended by signal 15 (--timeout): cancelled (it
    had read as unknown); its sibling that completed and the one that failed stay as they were."""
    cmd = "ascp -QT -l 100m -P33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR948/00{n}/ERR948021{n}_1.fastq.gz ."
    text = (
        "$ parallel -j3 --timeout 3600 --joblog pull.joblog ascp ... ::: a b c\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "ERR9480212_1.fastq.gz       100% 2116MB 97.4Mb/s    03:03\n"
        "Completed: 2166784K bytes transferred in 183 seconds\n (96998K bits/sec), in 1 file.\n"
        "ERR9480214_1.fastq.gz        91%   38GB 96.9Mb/s    05:47 ETA\n\n$ cat pull.joblog\n"
        "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n"
        f"1\t:\t1765209601.112\t 183.904\t0\t412\t0\t0\t{cmd.format(n=2)}\n"
        f"2\t:\t1765209601.118\t   3.207\t0\t74\t1\t0\t{cmd.format(n=3)}\n"
        f"3\t:\t1765209601.125\t3600.412\t0\t911\t-1\t15\t{cmd.format(n=4)}\n"
    )
    assert cause_ids(text) == ["ok", "no-such-file", "cancelled"]


def test_a_faq_entry_the_person_quotes_and_a_runbook_s_case_are_no_runs():
    """A ticket quoting the FAQ's entry it thinks fits ("I went through your FAQ and I think it is this entry,
    ...:"), then the person's own run; a runbook's "If `ascp` ends with `...` the change is not active yet": the
    quoted entry and the case are no runs (each had read as a udp run at low confidence)."""
    ticket = (
        "thanks for the link. I went through your FAQ and I think it is this entry, since our university changed "
        "the firewall over the weekend:\n\n> The transfer hangs at 0% and ends with a UDP error\n>\n"
        f">     {UDP_STOP}\n>\n> Allow outbound UDP to port 33001.\n\nThis is what I get from our lab server:\n\n"
        "$ ascp -i ~/keys/sub.openssh -QT -l100m -k1 -d ./batch3 subasp@upload.example.org:uploads/SUB88213\n"
        f"{AUTH}\n"
    )
    assert cause_ids(ticket) == ["auth"]
    runbook = (
        "## Known issues\n\n* If `ascp` ends with `Session Stop  (Error: Client unable to connect to server (check UDP "
        "port and firewall))`\n  the firewall change from step 2 is not active yet.\n\n## Verification log\n\n```\n"
        "$ ascp -QT -l 300m -P33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz /tmp/\n"
        "ERR164407.fastq.gz                   100%   72MB  268Mb/s    00:02\n"
        "Completed: 74523K bytes transferred in 3 seconds\n (198728K bits/sec), in 1 file.\n```\n"
    )
    assert cause_ids(runbook) == ["ok"]
