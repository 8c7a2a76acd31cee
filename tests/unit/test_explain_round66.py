"""Misses found this session (the session of 2026-12-02, seventh): blind round 66's confident wrong answers, each in
its smallest form, and the cases beside them that must still read as runs."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import causes

_KEY_ERROR = "ascp: Private key file not found at path /home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh, exiting."
_UDP_STOP = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
_DONE = "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n"


def test_a_configuration_file_named_in_its_first_line_is_no_run():
    """An Ansible role's tasks file whose header comment quotes ascp's errors (blind round 66 read a key-file and a
    UDP failure at high confidence in it)."""
    text = (
        "# roles/aspera_client/tasks/main.yml\n# Notes from past tickets:\n"
        f"#   {_KEY_ERROR}\n#   If the smoke test prints\n#     {_UDP_STOP}\n#   UDP 33001 is blocked.\n\n"
        '- name: Smoke test\n  ansible.builtin.command:\n    argv: ["ascp", "-QT", "-P", "33001"]\n'
    )
    assert causes(text) == []
    # the same comment lines pasted as a person's own output read as runs
    assert [c for c, _ in causes(f"$ ascp -QT -P 33001 u@h:/f .\n{_KEY_ERROR}\n")] == ["key-file"]


def test_a_dockerfile_and_a_ci_workflow_and_a_pipeline_are_no_runs():
    """A Dockerfile without a header (its first instruction FROM), a GitHub Actions workflow and a Logstash
    pipeline whose test lines are a server's log lines in comments."""
    dockerfile = (
        f"# Known gotchas:\n#   * {_UDP_STOP}\n#   * ascp: failed to authenticate, exiting.\n\n"
        "FROM ubuntu:22.04\nRUN useradd -ms /bin/bash aspera\nUSER aspera\n"
        'ENTRYPOINT ["ascp", "-QT", "-P", "33001"]\n'
    )
    workflow = (
        "name: smoke\non:\n  schedule:\n    - cron: '17 3 * * *'\njobs:\n  ena:\n    steps:\n      - run: |\n"
        "          # expected: Session Stop  (Error: Server aborted session: No such file or directory)\n"
        '          "$ASCP" -QT -P 33001 "$SRC" /tmp/\n'
    )
    pipeline = (
        "# fixtures:\n#   2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH\n"
        "#   LOG FASP Session Start uuid=ab5ca8ca-da6e-4957-b74c-cad67dc77b88 op=send status=failed errcode=44 "
        'errstr="UDP session initiation fatal error"\n\nfilter {\n  grok { }\n}\n'
    )
    assert causes(dockerfile) == []
    assert causes(workflow) == []
    assert causes(pipeline) == []


def test_a_configuration_file_before_a_typed_command_is_read_as_a_report():
    """A person's Dockerfile and, after it, what they typed and what ascp printed: the run is theirs."""
    text = (
        'FROM ubuntu:22.04\nRUN useradd -ms /bin/bash aspera\nUSER aspera\nENTRYPOINT ["ascp"]\n\n'
        f"$ docker run --rm img -QT -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n{_UDP_STOP}\n"
    )
    assert [c for c, _ in causes(text)] == ["udp"]


def test_a_json_export_of_reply_templates_is_no_run_but_a_commands_result_is():
    """A help desk's macros export quotes ascp's words and a sample log in its templates: no run. Ansible's result
    of a task that ran ascp holds its stderr and exit status: a run."""
    macros = {
        "macros": [
            {
                "title": "Aspera::Connectivity::UDP",
                "actions": [{"field": "comment_value_html", "value": f"<p>The message <code>{_UDP_STOP}</code></p>"}],
            }
        ]
    }
    assert causes(json.dumps(macros, indent=2) + "\n") == []
    result = {"changed": True, "rc": 1, "cmd": ["ascp", "-QT"], "stderr": "ascp: failed to authenticate, exiting."}
    assert [c for c, _ in causes(json.dumps(result, indent=2) + "\n")] == ["auth"]


def test_a_slide_decks_text_export_is_no_run():
    """A training deck's "What success looks like" and its list of messages (round 66 read two successes)."""
    slides = "".join(
        f"{'-' * 40}\nSlide {n} - {title}\n{body}\n\n"
        for n, title, body in (
            (1, "Title", "  Moving data with ascp"),
            (
                2,
                "What success looks like",
                "  (example from the hands-on lab)\n\n     " + _DONE.replace("\n", "\n     "),
            ),
            (3, "Messages", f"  1. {_UDP_STOP}   -> UDP blocked"),
        )
    )
    assert causes(slides) == []


def test_samples_introduced_in_other_words_are_no_runs():
    """ "this is what it's *supposed* to look like, copied from the README:" before a fenced success; German's
    "Meldungen wie" (messages like) before an indented line; a Japanese heading marked ■ naming a display example."""
    slack = (
        "mira.k  10:02\nhas anyone got ascp working? this is what it's *supposed* to look like, copied from the\n"
        f"apptainer_ascp3 README:\n```\n{_DONE}```\n\nmira.k  10:04\nand this is what I actually get:\n```\n"
        f"$ ascp -T -P33001 -i k era-fasp@fasp.sra.ebi.ac.uk:/vol1/x .\n{_KEY_ERROR}\n```\n"
    )
    assert [c for c, _ in causes(slack)] == ["key-file"]
    wiki = (
        "== Wo finde ich ascp? ==\nNach module load aspera. Meldungen wie\n\n /bin/sh: 1: ascp: not found\n\n"
        "bedeuten ...\n"
    )
    assert causes(wiki) == []
    japanese = "■ 正常終了時の表示例（参考）\n    " + _DONE.replace("\n", "\n    ") + "\n■ 問い合わせ\n"
    assert causes(japanese) == []


def test_a_hang_told_before_the_run_makes_its_ctrl_c_a_stall():
    """A title and an intro telling the transfer hung halfway ("下到一半卡住不动"), then the run's last progress line
    and ^C: a stall, the Ctrl-C only the person's answer (round 66 read a cancel at high confidence)."""
    run = "SRR13191702_1.fastq.gz                37%  363MB  1.2Mb/s  1:08:53 ETA\n^C\n"
    told = "iSeq 批量下载 ENA 数据，下到一半卡住不动\n\n第三个 Run 卡在 37% 不动，只能 Ctrl+C 中断。\n\n"
    text = f"{told}$ iseq -i PRJNA1 -a\n{run}"
    assert causes(text) == [("stall", "medium")]
    # without the person's words it stays the cancel it shows
    assert [c for c, _ in causes(f"$ iseq -i PRJNA1 -a\n{run}")] == ["cancelled"]


def test_failures_of_runs_started_at_once_beside_others_told_to_have_worked_are_a_burst_turned_away():
    """Twelve uploads started at once in the background; the person shows the three logs with 'failed to
    authenticate' and tells everything else arrived with the same key: the server's sshd turned the burst away
    (round 66 read a wrong key). Either part of that told alone leaves the key as the reading."""
    logs = "".join(
        f"==> logs/upload_S{n:02d}.log <==\nascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n\n"
        for n in (4, 7, 11)
    )
    loop = "for d in S01 S02 S03; do\n  ascp -i k -QT -d $d subasp@h:up > logs/upload_$d.log 2>&1 &\ndone\nwait\n\n"
    worked = "Only these three logs have an error; everything else is there on the NCBI side.\n\n"
    both = f"My script starts one ascp per folder, all at once:\n\n{loop}{worked}$ tail -n 4 logs/*.log\n{logs}"
    assert causes(both) == [("ssh-refused", "medium")] * 3
    at_once = f"My script starts one ascp per folder, all at once:\n\n{loop}$ tail -n 4 logs/*.log\n{logs}"
    assert [c for c, _ in causes(at_once)] == ["auth"] * 3
    alone = f"{worked}$ tail -n 4 logs/*.log\n{logs}"
    assert [c for c, _ in causes(alone)] == ["auth"] * 3


def test_a_files_own_error_in_its_transfer_stop_tells_the_cause():
    """A log excerpt with only the failed files' Transfer Stop records (errcode=56, Windows' illegal characters):
    their words are the session's cause (round 66 read unknown)."""
    stop = (
        "2024-03-07 16:22:41.305 [1a2c-00003b18] LOG FASP Transfer Stop uuid=c8e51f20-7d3a-4b96-a0e2-91f4d6b3c5a7 "
        'op=recv status=failed file="D:/scans/b/overview_2024-03-01T10:22:13.tif" size=0 start_byte=0 rate=0.00Mbps '
        'elapsed=0.00s loss=0.00 rexreqs=0 overhead=0 errcode=56 errstr="Path being written to Windows file system '
        'contains illegal characters"\n'
    )
    assert causes(stop) == [("path-name", "high")]


def test_ascli_runs_one_after_another_are_each_a_run():
    """ascli's older final line names the exception's kind ("ERROR: FASP(ascp): ..."): two cron runs' logs one
    after the other are two runs (round 66 read one); and a bar after ascli told ascp's exit and its reason is the
    next run's (a merge request's failure, then its test run that completed)."""
    run = (
        "Receiving package {n}\n Time: 00:06:11 =====================================--- 96% 186 Mbps  ETA: 00:00:14\n"
        "E, [2025-09-16T21:36:14.253106 #1] ERROR -- : Cannot rename partial file\n"
        "ERROR: FASP(ascp): Cannot rename partial file\n"
    )
    assert [c for c, _ in causes(run.format(n=1) + run.format(n=2))] == ["partial-rename"] * 2
    failed = (
        "E, [2025-09-16T21:36:14.252871 #1] ERROR -- : ascp failed: pid 214 exit 1\n"
        "W, [2025-09-16T21:36:14.253007 #1]  WARN -- : An error occurred during transfer: Cannot rename partial file\n"
        "E, [2025-09-16T21:36:14.253106 #1] ERROR -- : Cannot rename partial file\n\n"
    )
    done = "Receiving package 1187\n Time: 00:00:41 ========== 100% 212 Mbps Time: 00:00:00\ncomplete\n"
    assert [c for c, _ in causes(failed + done)] == ["partial-rename", "ok"]


def test_runs_of_gnu_parallel_are_listed_by_their_joblogs_start_times():
    """parallel --tag prints each job's output when it ends and writes its joblog line then: the k-th run shown is
    the k-th line's job, listed by its start time (round 66: four refused runs printed first)."""
    failed = "S0{n}\tascp: failed to authenticate, exiting.\nS0{n}\tSession Stop  (Error: failed to authenticate)\n"
    done = "S0{n}\tCompleted: 9640214K bytes transferred in 398 seconds\nS0{n}\t (198421K bits/sec), in 2 files.\n"
    output = failed.format(n=3) + done.format(n=2) + done.format(n=1)
    joblog = (
        "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n"
        "3\t:\t1713860401.226\t   1.304\t0\t102\t1\t0\t./get.sh S03\n"
        "2\t:\t1713860401.219\t 398.120\t0\t291\t0\t0\t./get.sh S02\n"
        "1\t:\t1713860401.212\t 412.877\t0\t291\t0\t0\t./get.sh S01\n"
    )
    command = "$ parallel -j 3 --tag --joblog dl.joblog ./get.sh {} ::: S01 S02 S03\n"
    text = f"{command}{output}\n$ cat dl.joblog\n{joblog}"
    assert [c for c, _ in causes(text)] == ["ok", "ok", "auth"]
    # a joblog whose exit values disagree with the runs shown (another run's log): the order shown stays
    wrong = joblog.replace("\t1\t0\t./get.sh S03", "\t0\t0\t./get.sh S03")
    assert [c for c, _ in causes(f"{command}{output}\n$ cat dl.joblog\n{wrong}")] == ["auth", "ok", "ok"]


def test_a_refusal_goes_between_the_logins_in_a_log_of_the_sessions_ends():
    """A journal with sshd's logins and refusals and only the sessions' Session Stop lines: the k-th session's end of
    an address stands for its k-th login, so two uploads dropped between the second and third logins are listed
    third and fourth (round 66 listed them first)."""
    head = "Mar 12 08:14:0{s} hsts01 sshd[{pid}]: "
    lines = [
        head.format(s=1, pid=24702) + "Accepted publickey for lab7 from 203.0.113.57 port 50398 ssh2",
        head.format(s=1, pid=24705) + "Accepted publickey for lab7 from 203.0.113.57 port 50400 ssh2",
        head.format(s=2, pid=1931) + "drop connection #10 from [203.0.113.57]:50412 on [192.0.2.20]:33001 past "
        "MaxStartups",
        head.format(s=3, pid=24711) + "Accepted publickey for lab7 from 203.0.113.57 port 50416 ssh2",
    ]
    for n, pid in enumerate((24708, 24710, 24716), start=1):
        lines.append(
            f"Mar 12 08:16:4{n} hsts01 ascp[{pid}]: LOG FASP Session Stop uuid=5f0a9d3e-21c4-4b7e-8e6f-0d3b9a1c7e5{n} "
            f"op=recv status=success source=L00{n}.tar (1) dest=/in peer=203.0.113.57:4137{n} tcp_port=33001"
        )
    assert [c for c, _ in causes("\n".join(lines) + "\n")] == ["ok", "ok", "ssh-refused", "ok"]


def test_jobs_logs_that_open_with_date_are_listed_by_it():
    """Job logs shown in file-name order, each opening with `date`'s output (a Japanese locale's, or C's): their runs
    listed by those times (round 66 listed them in file-name order)."""
    sections = (
        ("SRX100431", "2019年  6月 12日 水曜日 04:02:17 JST", "ascp: Cannot resolve target host., exiting."),
        ("SRX100433", "2019年  6月 12日 水曜日 03:14:02 JST", _UDP_STOP),
        (
            "SRX100438",
            "Wed Jun 12 04:15:09 JST 2019",
            "Session Stop  (Error: Server aborted session: No such file or directory)",
        ),
    )
    text = "".join(f"== results/log/{name}.log.txt\n{when}\n{said}\n" for name, when, said in sections)
    assert [c for c, _ in causes(text)] == ["udp", "dns", "no-such-file"]


def test_a_maintainers_sentence_on_what_ascp_prints_is_no_run():
    """A maintainer's reply under the runs: 'When ascp prints "Key passphrase:" it could not use the key file it
    was given' explains the prompt (round 66 read a fifth run from it)."""
    run = "Key passphrase:\nPassword:\nascp: failed to authenticate, exiting.\n\n"
    run += "Session Stop  (Error: failed to authenticate)\n"
    reply = (
        '\n---\n\nBioOmics commented:\n\nIt is not ENA. When ascp prints "Key passphrase:" it could not use the key '
        "file it was given, and\nthen it falls back to asking for a password, which of course fails.\n"
    )
    assert [c for c, _ in causes(f"$ iseq -i DRR1 -a\n{run}{reply}")] == ["key-file"]


def test_a_title_quoting_the_runs_words_with_an_ellipsis_is_that_run():
    """'ascli on Windows: ascp.exe "required management connection ... failed" on every retry' above the runs: their
    words shortened, no run of its own (round 66 read one more)."""
    run = (
        "ascp.exe: required management connection to port localhost:54792 failed.\n"
        "ascp.exe: failed to connect to management socket, exiting.\n"
    )
    title = 'ascli on Windows: ascp.exe "required management connection ... failed" on every retry\n\n'
    assert [c for c, _ in causes(f"{title}PS C:\\Users\\a> ascli server download /x\n{run}")] == ["died-at-start"]


def _notebook(cells: list[dict[str, object]]) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 0, "metadata": {}, "cells": cells}, indent=1) + "\n"


def test_a_notebook_is_read_as_its_cells_ran():
    """An executed notebook: its code cells' outputs are runs, its markdown table of ascp's messages is none (round
    66 read two more runs from the table); a cell that was never run shows no run."""
    table: dict[str, object] = {
        "cell_type": "markdown",
        "source": ["| message | meaning |\n", "|---|---|\n", f"| `{_UDP_STOP}` | UDP blocked |\n"],
    }
    missing: dict[str, object] = {
        "cell_type": "code",
        "execution_count": 1,
        "source": ["!ascp -QT -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x /content/"],
        "outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["/bin/bash: line 1: ascp: command not found\n"]}
        ],
    }
    done: dict[str, object] = {
        "cell_type": "code",
        "execution_count": 4,
        "source": ["!~/.aspera/sdk/ascp -QT -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x /content/"],
        "outputs": [{"output_type": "stream", "name": "stdout", "text": _DONE.splitlines(keepends=True)}],
    }
    assert [c for c, _ in causes(_notebook([missing, done, table]))] == ["ascp-missing", "ok"]
    unrun = dict(done, execution_count=None, outputs=[])
    assert causes(_notebook([table, unrun])) == []


def test_a_spanish_faqs_you_will_see_introduces_a_sample():
    """A group FAQ quoted in a forum post: "Si el cortafuegos de la red bloquea UDP, verás:" then the message; the
    person's own run below is the only run (round 66 read the sample as a run too)."""
    faq = f"> Si el cortafuegos de la red\n> bloquea UDP, verás:\n>\n>     {_UDP_STOP}\n\n"
    faq += "Pues justo me sale lo primero:\n\n"
    run = f"C:\\Users\\l>ascp -QT -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x D:\\datos\n\n{_UDP_STOP}\n"
    assert [c for c, _ in causes(faq + run)] == ["udp"]


def test_a_jobs_kill_logged_before_its_runs_file_ends_that_run():
    """tail of two files of one job: the Slurm log with the time-limit kill, then the rule's log whose last
    progress line never ended: the run was cancelled by the batch system (round 67 read unknown)."""
    slurm = (
        "==> .snakemake/slurm_logs/rule_ascp/KR_017/4471823.log <==\nrule ascp_forward:\n"
        "slurmstepd: error: *** JOB 4471823 ON cn-0412 CANCELLED AT 2024-06-02T03:00:14 DUE TO TIME LIMIT ***\n\n"
    )
    rule = "==> logs/ascp/KR_017.log <==\nKR_017_R1.fq.gz                 71%   38GB  41.2Mb/s    1:52:40 ETA\n"
    assert [c for c, _ in causes(slurm + rule)] == ["cancelled"]
    # a run that ended on its own is not the kill's
    done = rule + "Completed: 53477376K bytes transferred in 7200 seconds\n (41200K bits/sec), in 1 file.\n"
    assert [c for c, _ in causes(slurm + done)] == ["ok"]


def test_documents_of_round_67_kinds_are_no_runs():
    """A manual page, a Galaxy tool's XML wrapper, a Helm values file named with a description, and documents that
    say in so many words that nothing in them ran (blind round 67: seven confident wrong answers)."""
    man = (
        "ASCP(1)                     Research Computing local pages                    ASCP(1)\n\nNAME\n"
        "       ascp - IBM Aspera FASP secure copy client\n\n       Called with too few arguments:\n\n"
        "       ascp: Source file list not specified, exiting.\n"
    )
    tool = (
        '<tool id="ena_ascp_fetch" name="Fetch ENA reads" version="0.3.1">\n    <stdio>\n'
        '        <regex match="failed to authenticate" source="both" level="fatal" description="ENA refused" />\n'
        "    </stdio>\n    <help>\n    ascp: failed to authenticate, exiting.\n    </help>\n</tool>\n"
    )
    values = f'# values.yaml -- aspera-hsts chart, site overrides\n#   "{_UDP_STOP}"\n#       -> udp blocked\nhsts:\n'
    declared = (
        "Examples are typical wording collected from public issue trackers, not outputs of our own jobs.\n"
        f"code\tmessage\texample\n15\tTimeout\t{_UDP_STOP}\n19\tAuth\tascp: failed to authenticate, exiting.\n"
    )
    quiz = (
        "The exhibits below are constructed teaching examples. They are NOT from tickets and no\n"
        f"transfer was run to produce them.\n\nQ1. Exhibit A\n    {_UDP_STOP}\n"
    )
    spanish = (
        "Síntomas habituales (ejemplos ilustrativos, no de un caso concreto)\n-----\n"
        "1) ascp termina con:\n\n       ascp: failed to authenticate, exiting.\n"
    )
    for text in (man, tool, values, declared, quiz, spanish):
        assert causes(text) == [], text[:40]
    # the same declaration does not hide a report's own run in an XML log of Windows events
    event = "<Event><System><TimeCreated SystemTime='2024-03-07T16:22:41Z'/></System>"
    assert causes(f"{event}<Data>ascp: failed to authenticate, exiting.</Data></Event>\n") != []


def test_release_notes_and_a_symptom_of_this_form_are_no_runs():
    """Release notes' text with a fixed issue's symptom "of this form" (round 67 read a died-at-start)."""
    text = (
        "IBM Aspera Transfer SDK 1.1.4 | Release Notes                                        Page 1 of 3\n\n"
        "  • direct agent: #174 Race condition fix with ascp: timeout waiting mgt port connect\n\n"
        "Before the fix, ascp could fail to start. The symptom has this form (port number varies):\n\n"
        "    ascp.exe: required management connection to port localhost:<port> failed.\n"
        "    ascp.exe: failed to connect to management socket, exiting.\n"
    )
    assert [(c, k) for c, k in causes(text) if k != "low"] == []


def test_a_digests_first_mail_holds_its_runs_and_a_reply_quotes_them():
    """Six runs that failed alike in one mail of a digest, two of them quoted in the reply: six runs (round 67 read
    two, the copies in one mail taken for one run quoted again)."""
    stop = "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    first = "Message: 1\nDate: Tue, 29 Sep 2020 16:02:11 +0200\nFrom: B <b@example.org>\n\n"
    first += f"This comes back:\n\n{stop * 6}\n"
    reply = (
        f"Message: 2\nDate: Tue, 29 Sep 2020 17:40:55 +0100\nFrom: K <k@example.net>\n\n> {stop}> {stop}> [...]\n\n"
        "Not on your side: those paths are gone.\n"
    )
    assert [c for c, _ in causes(first + reply)] == ["no-such-file"] * 6


def test_a_joblog_shown_sorted_is_matched_by_its_jobs_ends():
    """A joblog shown in Seq order (`head` of a sorted file): parallel printed each job's output when it ended, so
    the runs are matched to its lines by their ends (start plus run time), then listed by their starts (round
    67: two quick failures printed first)."""
    failed = (
        "{p}\tascp: failed to open ssh session., exiting.\n{p}\tSession Stop  (Error: failed to open ssh session.)\n"
    )
    done = "{p}\tCompleted: 2878520K bytes transferred in 237 seconds\n{p}\t (99502K bits/sec), in 1 file.\n"
    output = failed.format(p="b") + done.format(p="a")
    joblog = (
        "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n"
        "1\t:\t1718021501.112\t   245.871\t0\t231\t0\t0\tascp -QT a\n"
        "2\t:\t1718021501.118\t     3.201\t0\t97\t1\t0\tascp -QT b\n"
    )
    text = f"$ parallel -j 2 --tag --joblog j ascp -QT {{}} ::: a b\n{output}\n$ head j\n{joblog}"
    assert [c for c, _ in causes(text)] == ["ok", "server-session"]


def test_windows_cmd_saying_in_german_it_found_no_ascp_is_a_run():
    """cmd's 'Der Befehl "ascp" ist entweder falsch geschrieben oder' after the command: the shell's output (round
    67 took its quotes for a person quoting ascp and lost the run)."""
    text = (
        "C:\\Users\\m>ascp -QT -P33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n"
        'Der Befehl "ascp" ist entweder falsch geschrieben oder\nkonnte nicht gefunden werden.\n\n'
        'Dann mit dem vollen Pfad:\n\nC:\\Users\\m>"C:\\A\\ascp.exe" -QT -P33001 era-fasp@h:vol1/x .\n'
        "ascp.exe: Private key file not found at path C:\\k, exiting.\n"
    )
    assert [c for c, _ in causes(text)] == ["ascp-missing", "key-file"]


def test_webin_cli_saying_its_files_were_uploaded_after_failures_is_a_run_that_worked():
    """Webin-CLI's 'Files have been uploaded to webin.ebi.ac.uk.' in a second command after its Aspera upload and
    retry failed: a run that completed (round 67 left it out)."""
    failed = (
        "WARN : Aspera upload failed. Client exit code : 1\nWARN : Client error : \n\n"
        "Session Stop (Error: Failure processing peer license: Deprecated peer license)\n\n"
    )
    text = (
        f"$ java -jar webin-cli.jar -context reads -submit -ascp\n{failed}WARN : Retrying file upload.\n{failed}"
        "ERROR: Failed to upload files using Aspera.\n\n$ module load ascp\n"
        "$ java -jar webin-cli.jar -context reads -submit -ascp\nINFO : Files have been uploaded to webin.ebi.ac.uk.\n"
    )
    assert [c for c, _ in causes(text)] == ["licence", "licence", "ok"]


def test_a_scanners_failed_handshakes_are_no_clients_attempts():
    """An address that sent sshd an HTTP request on the SSH port, then offered only ssh-dss: a vulnerability scan,
    none of its lines a client's attempt (round 67 read two failed handshakes at high confidence); a client's own
    'Unable to negotiate' stays an attempt."""
    head = "Nov 27 08:30:1{s} aspera-uni sshd[9130{p}]: "
    scan = [
        head.format(s=1, p=30) + 'error: kex_exchange_identification: client sent invalid protocol identifier "GET / "',
        head.format(s=1, p=30) + "banner exchange: Connection from 198.18.200.5 port 44218: invalid format",
        head.format(s=4, p=36) + "Unable to negotiate with 198.18.200.5 port 44240: no matching host key type found. "
        "Their offer: ssh-dss [preauth]",
    ]
    client = (
        "Nov 27 08:31:00 aspera-uni sshd[913099]: Unable to negotiate with 198.19.8.12 port 39004: no matching key "
        "exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,"
        "diffie-hellman-group1-sha1 [preauth]"
    )
    assert causes("\n".join(scan) + "\n") == []
    assert [c for c, _ in causes("\n".join([*scan, client]) + "\n")] == ["ssh-handshake"]


def test_an_account_sshd_does_not_let_in_is_the_servers_refusal():
    """sshd's "User xfer_pub not allowed because shell /bin/aspshell does not exist" beside the client's 'failed to
    authenticate': the server refused the account whatever the key (round 67 read a wrong key at medium)."""
    client = (
        "$ ascp -P 33001 -i ~/.ssh/id_rsa_xfer --mode=recv --host=xfer.example.edu --user=xfer_pub /pub/v12/ ./v12/\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n\n"
    )
    server = (
        "Mar 14 08:57:41 xfer sshd[19088]: User xfer_pub not allowed because shell /bin/aspshell does not exist\n"
        "Mar 14 08:57:41 xfer sshd[19088]: Connection closed by invalid user xfer_pub 198.19.33.8 port 51120\n"
    )
    assert [c for c, _ in causes(server)] == ["server-session"]
    assert [c for c, _ in causes(client + "secure log:\n" + server)] == ["server-session"]


def test_a_servers_log_indented_in_a_ticket_keeps_its_lines_whole():
    """A long syslog record indented two spaces in a ticket is one log line, not a paragraph to cut where 'LOG
    FASP' starts: the server's session stays its own, apart from the two console runs before it (round 67 read
    one run)."""
    runs = (
        "  $ ascp -P 33001 -d ./results/ xfer_chen@aspera.exmaple.org:/projects/chen/\n"
        "  ascp: Cannot resolve target host., exiting.\n"
        "  $ ascp -P 33001 -d ./results/ xfer_chen@aspera-int:/projects/chen/\n"
        "  ascp: Cannot resolve target host., exiting.\n\n"
    )
    record = (
        "  Feb 26 10:16:51 aspera ascp[77124]: LOG FASP Session Stop uuid=ce2c20f4-fd42-4f99-8712-5932434ac8d5 "
        "op=recv status=success source=./results/ (58) dest=/projects/chen source_prefix=- "
        "local=203.0.113.140:33001 peer=198.19.21.7:47221 tcp_port=33001 ver=4.4.1.178477 lic=10:1:46011\n"
    )
    assert [c for c, _ in causes(runs + "confirmed:\n" + record)] == ["dns", "dns", "ok"]


def test_a_run_that_completed_without_a_byte_count_beside_the_servers_log_of_it_is_one_run():
    """ascli's bar and "complete" (no byte count), then the server's log of that session: one transfer seen from
    both ends (round 67 read two)."""
    client = (
        "nwops@nw-batch01:~$ ascli server upload --url=ssh://xfer2.example.net:33001 /opt/nw/out/d.csv.gz\n"
        "Time: 00:00:05 ============================================================ 100% 168 Mbps Time: 00:00:00\n"
        "complete\n\n"
    )
    server = (
        "Apr  3 14:21:15 xfer2 ascp[66106]: LOG FASP Session Stop uuid=2c80b9ed-87de-41de-acae-b258cbeddfc0 op=recv "
        "status=success source=/opt/nw/out/d.csv.gz (1) dest=/in/northwind peer=198.18.110.7:52006 tcp_port=33001\n"
    )
    assert [c for c, _ in causes(client + server)] == ["ok"]


def test_the_loaders_lines_for_one_start_are_one_run_and_a_retry_is_another():
    """The dynamic loader writes one line per missing version; a worker logs the exit and retries: two runs, each
    dying at start, then one that completed (round 67 read four failed runs); a paragraph's wrapped rest naming
    ascp and a failure is the person's, no run."""
    loader = (
        "/opt/aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /opt/aspera/sdk/ascp)\n"
        "/opt/aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.25' not found (required by /opt/aspera/sdk/ascp)\n"
    )
    exec_line = (
        "2025-03-04T07:1{m}:02.362Z INFO  worker.transfer   exec: /opt/aspera/sdk/ascp -P 33001 --mode=send x y\n"
    )
    exited = "2025-03-04T07:1{m}:02.371Z ERROR worker.transfer   ascp exited with status 127 after 0.01s\n"
    text = (
        "Context: the ingest-worker image was switched to the slim CentOS 7 base on Monday to cut its size. It shells\n"
        "out to the Transfer SDK's ascp for every finished plate. Jobs for plate_0042 failed twice this morning.\n\n"
        + exec_line.format(m=5)
        + loader
        + exited.format(m=5)
        + "2025-03-04T07:15:02.371Z WARN  worker.transfer   retrying plate_0042 in 60s (attempt 2/2)\n"
        + exec_line.format(m=6)
        + loader
        + exited.format(m=6)
        + "$ kubectl -n ingest logs ingest-worker-5f6b8d9c7-qm4lt\n"
        + exec_line.format(m=9)
        + _DONE
    )
    assert [c for c, _ in causes(text)] == ["died-at-start", "died-at-start", "ok"]


def test_a_command_typed_after_a_run_that_ended_starts_afresh():
    """ascp's short usage in one Job's log, then `kubectl get job` and the next Job's log with a transfer that
    completed: two runs (round 67 read the completion as the usage run's)."""
    text = (
        "$ kubectl -n results logs job/push-manual-0940\nUsage: ascp [OPTION] SRC... DEST\n"
        "          SRC to DEST, or multiple SRC to DEST dir\nDisplay full usage: -h,--help\n"
        "$ kubectl -n results get job push-manual-0940 -o jsonpath='{.status.failed}'\n1\n\n"
        f"$ kubectl -n results logs job/push-manual-0952\n{_DONE}"
    )
    assert [c for c, _ in causes(text)] == ["usage", "ok"]


def test_a_snakemake_rule_that_ran_ascp_and_failed_is_a_run_whose_cause_is_not_told():
    """Snakemake's error block for a rule whose shell ran ascp, its output swallowed: a run that failed for a cause
    it does not tell (round 67 left it out); where ascp's own words came just before the block, the block is theirs;
    where the command wrote to a log file, that file is the run when the input shows it."""
    block = (
        "[Tue May  6 09:31:02 2025]\nError in rule download_fastq:\n    jobid: 3\n    shell:\n"
        "        ascp -QT -l 300m -P33001 -i /home/m/k.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x /scratch/raw/{log}\n"
        "        (one of the commands exited with non-zero exit code; note that snakemake uses bash strict mode!)\n\n"
    )
    assert causes("Y esta mañana con Snakemake:\n\n" + block.format(log="")) == [("unknown", "low")]
    before = "ascp: Cannot resolve target host., exiting.\n"
    assert [c for c, _ in causes(before + block.format(log=""))] == ["dns"]
    redirected = block.format(log=" > logs/x.log 2>&1")
    assert [c for c, _ in causes(redirected + "$ cat logs/x.log\n" + before)] == ["dns"]
    # the log file shown empty (or not at all): the rule's failure is the run (round 69 read none)
    assert causes(redirected + "$ cat logs/x.log\n$\n") == [("unknown", "low")]


def test_a_penalty_drop_on_a_monitors_beat_is_the_monitors_whatever_the_penalty():
    """A NAT address earns an authentication penalty; its drops off a once-a-minute monitor's beat are a client's,
    the drop at the monitor's own minute is the monitor's, though the penalty names failed authentication (round
    67 read three refused transfers where the thread tells two)."""
    stamp = "2025-09-16T10:{m}+02:00 edge sshd{p}: "
    lines = []
    for minute in range(30, 37):
        lines.append(
            stamp.format(m=f"{minute}:00", p="-session[401]") + "error: kex_exchange_identification: "
            "Connection closed by remote host"
        )
        lines.append(
            stamp.format(m=f"{minute}:00", p="-session[401]") + f"Connection closed by 198.18.30.2 port 4{minute}00"
        )
    for second, port in (("36:18", 40432), ("36:41", 40439), ("37:00", 40450)):
        lines.append(
            stamp.format(m=second, p="[812]") + f"drop connection #0 from [198.18.30.2]:{port} on [203.0.113.20]:33001 "
            "penalty: failed authentication"
        )
    lines.append(stamp.format(m="38:00", p="-session[402]") + "Connection closed by 198.18.30.2 port 40470")
    assert [c for c, _ in causes("\n".join(lines) + "\n")] == ["ssh-refused", "ssh-refused"]


def test_runs_a_wrapper_named_at_their_start_are_listed_in_that_order():
    """A push script's log: "start L001 pid=..." for each upload, then "L003 exit=1" above each one's output as it
    ended: the runs are listed as they started (round 67 listed the quick failures first)."""
    starts = "".join(f"[2024-05-14 02:00:0{n}.112] start L00{n} pid=4021{n}\n" for n in (1, 2, 3))
    failed = "[2024-05-14 02:00:04.611] L003 exit=1\n    ascp: failed to authenticate, exiting.\n"
    done = "[2024-05-14 02:2{n}:44.870] L00{n} exit=0\n    Completed: 20971520K bytes transferred in 1302 seconds\n"
    text = starts + failed + done.format(n=2) + done.format(n=1)
    assert [c for c, _ in causes(text)] == ["ok", "ok", "auth"]


def test_a_scripts_own_ascp_failed_with_its_status_is_a_run_whose_cause_is_not_told():
    """A script that discards ascp's output and prints "ascp failed: 1": one run, cause not told (round 68 read
    none); the script's own echo of that line in its source is no run."""
    script = '    ascp -QT -l 200m -P 33001 "$SRC" "$DEST" > /dev/null 2>&1\n    echo "ascp failed: $rc" >&2\n\n'
    output = "output:\n\n    [2024-09-23 16:32:10] starting SDY1092 / ResultFiles\n    ascp failed: 1\n"
    assert causes(script + output) == [("unknown", "low")]
    assert causes(script) == []


def test_ascli_bar_at_100_then_its_error_is_one_run_that_failed():
    """ascli's bar at 100 % with the elapsed time, then its logger's "Cannot rename partial file": one run that
    failed at its end (round 68 read a success and a failure); after "complete" or another file's header the error
    is another run's."""
    bar = " Time: 00:36:11 ============================================================ 100% 148 Mbps Time: 00:00:00\n"
    error = "E, [2025-09-16T21:36:14.253106 #1] ERROR -- : Cannot rename partial file\n"
    assert [c for c, _ in causes(bar + error)] == ["partial-rename"]
    assert [c for c, _ in causes(bar + "complete\n\n---------- pull_0130.log ----------\n" + error)] == [
        "ok",
        "partial-rename",
    ]


def test_round_68_document_kinds_are_no_runs():
    """A Makefile, a Go test table, a PowerShell module, a Windows batch script, a Grafana dashboard, an Italian
    FAQ, a French KB article and a paper's methods quote ascp's words; none ran (round 68: eleven confident wrong
    answers on documents)."""
    makefile = (
        "# Makefile -- raw data pulls for the project\n\nASCP ?= $(HOME)/.aspera/sdk/ascp\n\nhelp:\n"
        "\t@echo \"  'ascp: Private key file not found at path ..., exiting.'\"\n"
    )
    go = (
        "// internal/ascp/classify_test.go\npackage ascp\n\nvar tests = []struct{ stderr string }{\n"
        '\t{stderr: "ascp: failed to authenticate, exiting.\\n"},\n}\n'
    )
    psm = (
        "# AsperaTools.psm1  (v0.6.2)  --  wrappers around ascp.exe\n\n$script:Map = @{\n"
        f"    '{_UDP_STOP}' = 'UdpBlocked'\n}}\n"
    )
    bat = "@echo off\nREM  upload_run.bat  -  push one run folder\n"
    bat += "REM  If you see: ascp: failed to authenticate, exiting.\n"
    grafana = json.dumps(
        {"panels": [{"type": "text", "options": {"content": f"```\n{_UDP_STOP}\n```"}}], "time": {"from": "now-24h"}}
    )
    italian = (
        "-----\nD4. Il comando termina con\n"
        f'    "{_UDP_STOP}"\n-----\nLa parte SSH ha funzionato. Le chiavi PuTTY non funzionano: in quel caso\n'
        'ascp chiede "Key passphrase:".\n'
    )
    french = (
        f"Comment l'erreur se manifeste\n-----\nEn ligne de commande, ascp affiche en général :\n\n    {_UDP_STOP}\n"
    )
    methods = (
        "S2.3 Error handling. A transfer was considered successful when ascp exited with status 0 and\n"
        'S2.5 Throughput. The median per-file throughput was reported by ascp in its "Completed:"\n'
        "summary.\n"
    )
    for text in (makefile, go, psm, bat, grafana + "\n", italian, french, methods):
        assert [(c, k) for c, k in causes(text) if k != "low"] == [], text[:40]


def test_a_journal_export_is_read_as_the_syslog_lines_it_holds():
    """journalctl -o export: each entry a block of FIELD=value lines (round 68 read its catalogue lines and missed
    the sessions)."""
    entry = (
        "__CURSOR=s=7c1d;i=2f1a\n__REALTIME_TIMESTAMP={t}\n_HOSTNAME=hsts01\nSYSLOG_IDENTIFIER={ident}\n"
        "SYSLOG_PID={pid}\nMESSAGE={message}\n\n"
    )
    stop = (
        "LOG FASP Session Stop uuid=6d0f0b7e-1c2a-4f3b-9a8e-0d1c2b3a4f5e op=recv status=success source=/p/x (1) "
        "dest=/in peer=198.18.7.22:45001 tcp_port=33001"
    )
    text = entry.format(
        t=1745330280104211, ident="aspera-logwatch", pid=2214, message="loaded pattern 'errcode=36' -> disk write"
    ) + entry.format(t=1745331010104211, ident="ascp", pid=381130, message=stop)
    assert [c for c, _ in causes(text)] == ["ok"]


def test_an_org_mode_notebook_is_read_as_its_source_blocks_ran():
    """An org-mode lab notebook: its example blocks and its list of other people's failures are text, its source
    blocks' results are runs (round 68 read six runs, four of them from the text)."""
    org = (
        "#+TITLE: raw data pull\n* Setup notes\n#+BEGIN_EXAMPLE\n" + _DONE + "#+END_EXAMPLE\n"
        "- =Session Stop  (Error: failed to authenticate)= :: old DSA key\n* Log\n"
        "#+BEGIN_SRC sh\nascp -QT -P33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh era-fasp@h:vol1/x . 2>&1\n"
        "#+END_SRC\n\n#+RESULTS:\n: " + _KEY_ERROR + "\n\n#+BEGIN_SRC sh\n~/.aspera/sdk/ascp -QT era-fasp@h:vol1/x .\n"
        "#+END_SRC\n\n#+RESULTS:\n: Completed: 1158723K bytes transferred in 35 seconds\n"
        ":  (266636K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(org)] == ["key-file", "ok"]


def test_a_two_column_table_of_errors_and_causes_is_documentation():
    """A blog's "| 报错 | 原因 |" table of errors collected online: no runs (round 68 read three)."""
    table = (
        "| 报错 | 原因 |\n|---|---|\n| ascp: Private key file not found at path ... | 密钥不存在 |\n"
        f"| {_UDP_STOP} | UDP 33001 被挡 |\n"
    )
    assert causes(table) == []


def test_a_wrappers_advice_quoting_ascps_words_is_no_run():
    """Ansible's debug message quoting a role README's advice ("if ascp says 'Remote host is not who we expected'
    the node was probably rebuilt"), then the task's real output: the advice is no run (round 68 read a host-key
    failure from it and took the next run's success into it)."""
    text = (
        'ok: [hsts-a] => {\n    "msg": "faux:///smoke -> hsts-a (role README: if ascp says \'Remote host is not '
        "who we expected' the node was probably rebuilt; refresh aspera_sshfp)\"\n}\n"
        'ok: [hsts-a] => {\n    "smoke.stdout_lines": [\n        "Completed: 10240K bytes transferred in 1 seconds",\n'
        '        " (81443K bits/sec), in 1 file."\n    ]\n}\n'
    )
    assert [c for c, _ in causes(text)] == ["ok"]


def test_a_nextflow_retry_told_only_in_a_sentence_is_another_attempt():
    """Nextflow retried a task and shows the last attempt's output; the person's sentence naming the first attempt's
    work directory ("The first attempt's .command.err (work/a1/3f9e07...) has the same two lines.") does not show
    that attempt's output, so it is read from the last one (round 68 read one run)."""
    text = (
        "[a1/3f9e07] NOTE: Process `FETCH:ASPERA_CLI (ERR1)` terminated with an error exit status (1) -- Execution is "
        "retried (1)\nERROR ~ Error executing process > 'FETCH:ASPERA_CLI (ERR1)'\n\nCommand error:\n  "
        + _KEY_ERROR
        + "\n\nWork dir:\n  /scratch/work/c2/4f0a91d8e3b7a2c6f19e05d4b8a3c1\n\n"
        "The first attempt's .command.err (work/a1/3f9e07...) has the same two lines.\n"
    )
    assert [c for c, _ in causes(text)] == ["key-file", "key-file"]


def test_round_69_document_kinds_are_no_runs():
    """An AsciiDoc page, an OpenAPI spec, a Protocol Buffers file, a README's GitHub alerts, a LaTeX table, an LLM
    transcript's "this is how other failures look", a Russian sentence quoting ascp's words (round 69: seven
    confident wrong answers on documents)."""
    asciidoc = (
        f"= HSTS transfer node\n:toc: left\n:icons: font\n\n== Errors\n\n----\n$ ascp -P 33001 x\n{_UDP_STOP}\n----\n"
    )
    openapi = f"openapi: 3.0.3\ninfo:\n  title: Transfer API\npaths:\n  /t:\n    get:\n      example: '{_UDP_STOP}'\n"
    proto = '// fasp_errors.proto\n// console: "ascp: failed to authenticate, exiting."\n\nsyntax = "proto3";\n'
    readme = f"### Failed\n\n> [!WARNING]\n> With that key the run ends with:\n>\n> ```\n> {_KEY_ERROR}\n> ```\n"
    latex = "\\begin{tabular}{ll}\nMessage & Action \\\\\n\\texttt{Session data transfer timeout} & retry \\\\\n"
    transcript = (
        "For comparison, this is how other failures look, so you know what to look for next time:\n\n"
        f"    {_UDP_STOP}\n                        <- UDP 33001 blocked\n"
    )
    russian = (
        "Если открыт только TCP, данные не идут, и ascp завершается ошибкой «Client unable to connect to server (check "
        "UDP port and\nfirewall)». Скорость задаётся ключом -l.\n"
    )
    for text in (asciidoc, openapi, proto, readme, latex, transcript, russian):
        assert [(c, k) for c, k in causes(text) if k != "low"] == [], text[:40]


def test_having_not_run_it_again_yet_keeps_the_run_shown():
    """ "I haven't run it again yet" after the run's output: the run shown stands (round 69 dropped it)."""
    text = (
        "$ ascp -P 33001 --mode=recv --host=h --user=u /o /in/\n"
        "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n\n"
        "What does this error mean? I haven't run it again yet.\n"
    )
    assert [c for c, _ in causes(text)] == ["stronger-encryption"]


def test_a_raw_mail_with_a_text_and_an_html_part_is_read_once():
    """An .eml whose body comes twice, as text and as HTML: the runs in it count once (round 68 counted each
    twice)."""
    mail = (
        "From: K <k@lab.example.org>\nTo: support@core.example.org\nSubject: RE: upload rejected\n"
        "Date: Tue, 3 Jun 2025 06:52:14 +0000\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset="us-ascii"\n\n'
        f"$ ascp -P 33001 --mode=send --host=h --user=u d /in\n{_UDP_STOP}\n\n--b1\n"
        'Content-Type: text/html; charset="us-ascii"\n\n'
        f"<html><body><pre>$ ascp -P 33001 --mode=send --host=h --user=u d /in\n{_UDP_STOP}</pre></body></html>\n"
        "--b1--\n"
    )
    assert [c for c, _ in causes(mail)] == ["udp"]


def test_a_batch_script_followed_by_its_run_at_a_prompt_is_read_as_a_report():
    """A Windows batch script pasted, then run at cmd's prompt with its output: the run is the person's (the
    script alone is no run)."""
    script = "@echo off\nREM  upload_run.bat  -  push one run folder\nREM  If you see: ascp: failed to authenticate\n"
    run = "\nC:\\Users\\k>upload_run.bat D:\\runs\\250612\nascp.exe: failed to authenticate, exiting.\n"
    assert causes(script) == []
    assert [c for c, _ in causes(script + run)] == ["auth"]


def test_round_70_document_kinds_are_no_runs():
    """An Lmod modulefile, a Tcl modulefile, a Texinfo manual, a Windows .reg file, a Homebrew formula, a Spack
    package, a Puppet class, an MkDocs page's "Expected output" tab (round 70: nine confident wrong answers)."""
    lmod = f"-- -*- lua -*-\n-- modulefiles/aspera-cli/4.14.lua\nhelp([[\n  If you see:\n    {_UDP_STOP}\n]])\n"
    tcl = f'#%Module1.0\nproc ModulesHelp {{ }} {{\n  puts stderr "{_UDP_STOP}"\n}}\n'
    texinfo = f"@c seqfetch.texi -- part of the manual\n@node Aspera backend\n@example\n{_UDP_STOP}\n@end example\n"
    reg = f'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\SeqFetch]\n"Hint1"="{_KEY_ERROR}"\n'
    formula = f'# Formula/aspera-cli.rb\nclass AsperaCli < Formula\n  def caveats\n    "{_KEY_ERROR}"\n  end\nend\n'
    spack = f"# Site fork: packages/aspera-cli/package.py\nfrom spack.package import *\n\n# {_UDP_STOP}\n"
    puppet = (
        f"# modules/aspera_hsts/manifests/sshd.pp\n#  - clients print: {_UDP_STOP}\nclass aspera_hsts::sshd {{\n}}\n"
    )
    mkdocs = f'=== "Expected output"\n\n    ```text\n    {_DONE.strip()}\n    ```\n'
    for text in (lmod, tcl, texinfo, reg, formula, spack, puppet, mkdocs):
        assert [(c, k) for c, k in causes(text) if k != "low"] == [], text[:40]


def test_a_pages_front_matter_is_its_metadata():
    """A blog post's YAML front matter whose summary quotes its run's words, then the run: one run (round 70 read
    two); a first "---" that opens no front matter (a rule) hides nothing."""
    post = (
        '---\ntitle: "ENA downloads fail on the new login nodes"\nsummary: "ascp fails with Failed to open TCP '
        'connection for SSH"\n---\n\n$ ascp -QT -P33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n'
        "ascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    assert [c for c, _ in causes(post)] == ["ssh-port"]
    rule = "---\nascp: Failed to open TCP connection for SSH, exiting.\n---\n"
    assert [c for c, _ in causes(rule)] == ["ssh-port"]


def test_runs_a_wrapper_launched_by_name_are_listed_in_that_order():
    """The same order when the wrapper writes "launched L001 (pid 4021)" or "START L001 pid=..." in capitals: the
    cheap test before the named-start pattern let only "start" through (found reading the code)."""
    failed = "[2024-05-14 02:00:04.611] L003 exit=1\n    ascp: failed to authenticate, exiting.\n"
    done = "[2024-05-14 02:2{n}:44.870] L00{n} exit=0\n    Completed: 20971520K bytes transferred in 1302 seconds\n"
    for started in ("launched L00{n} (pid 4021{n})", "LAUNCHING L00{n} pid=4021{n}", "START L00{n} PID=4021{n}"):
        starts = "".join(f"[2024-05-14 02:00:0{n}.112] " + started.format(n=n) + "\n" for n in (1, 2, 3))
        text = starts + failed + done.format(n=2) + done.format(n=1)
        assert [c for c, _ in causes(text)] == ["ok", "ok", "auth"], started


def test_a_summary_of_nothing_then_session_stop_is_one_failed_run():
    """ascp prints "Completed: 0K bytes ... in 0 files." before a failed session's Session Stop (ChIP-Atlas's notes):
    one run that failed, not a success and a failure (blind round 70's French ticket); alone it is still a run that
    completed."""
    run = "$ ascp -P 33001 u@h:/p/ ./\nCompleted: 0K bytes transferred in 1 seconds\n (0K bits/sec), in 0 files.\n"
    stop = "\nSession Stop  (Error: Server aborted session: Read access denied for user)\n"
    assert [c for c, _ in causes(run + stop)] == ["permission"]
    assert [c for c, _ in causes(run)] == ["ok"]


def test_each_ascp_command_a_wrapper_announced_before_its_word_of_success_is_a_run():
    """kingfisher logs "Running command: ascp ..." for each read file and hides ascp's output: two commands, then
    "Download method ena-ascp was successful", are two runs that completed (blind round 70 read one)."""
    stamp = "03/14/2024 09:31:0{n} AM INFO: "
    command = "Running command: ascp -T -l 300m -P33001 -i k.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/x_{n}.fastq.gz .\n"
    start = stamp.format(n=2) + "Attempting download method ena-ascp for run SRR1 ..\n"
    first, second = stamp.format(n=3) + command.format(n=1), stamp.format(n=5) + command.format(n=2)
    done = stamp.format(n=8) + "Download method ena-ascp was successful for run SRR1\n"
    assert [c for c, _ in causes(start + first + second + done)] == ["ok", "ok"]
    assert [c for c, _ in causes(start + first + done)] == ["ok"]
    failed = (
        stamp.format(n=4) + "WARNING: Method ena-ascp failed: Error was: Command 'ascp ...' returned non-zero exit "
        "status 1.\nSTDERR was: b'ascp: failed to authenticate, exiting.\\n'STDOUT was: b''\n"
    )
    assert [c for c, _ in causes(start + first + failed + second + done)] == ["auth", "ok"]


def test_a_table_export_listed_newest_first_is_read_oldest_record_first():
    """A help desk's queue exported as CSV, newest ticket first, each with the output pasted in its description:
    the runs listed as the tickets were created (blind round 69 listed them newest first); a queue listed oldest
    first keeps its order."""
    head = "Ticket,Created,Requester,Summary,Description,Status\n"
    missing = (
        'HD-4431,2025-02-05 08:47,h.sato,new node,"$ ascp -T -P 33001 u@h:/f .\nbash: ascp: command not found\n",Done\n'
    )
    auth = 'HD-4411,2025-02-03 09:14,m.lind,ENA,"kingfisher fails:\nascp: failed to authenticate, exiting.\n",Done\n'
    assert [c for c, _ in causes(head + missing + auth)] == ["auth", "ascp-missing"]
    oldest_first = head + missing + auth.replace("2025-02-03", "2025-02-06")
    assert [c for c, _ in causes(oldest_first)] == ["ascp-missing", "auth"]


def test_refused_logins_of_one_account_in_the_same_seconds_are_each_a_run():
    """A pipeline's twelve uploads started at once with a wrong key, each "Connection closed by authenticating user"
    in the same two seconds: twelve failed runs (blind round 67 told three); a script's retries spread through the
    night stay three, and root's guessed logins none."""
    head = "2025-09-16T10:36:0{s}+02:00 edge sshd-session[{pid}]: "
    accepted = (
        "2025-09-16T10:31:12+02:00 edge sshd-session[40115]: Accepted publickey for lab_pipe from 198.18.30.2 port "
        "40181 ssh2: RSA SHA256:tPAJOjdWJig1lkvLG7M/07azhqfrQIb1P/3Nu+D/BeI\n"
    )
    closed = "Connection closed by authenticating user {user} 198.18.30.2 port {port} [preauth]\n"
    burst = "".join(
        head.format(s=n // 8, pid=40150 + n) + closed.format(user="lab_pipe", port=40270 + n) for n in range(12)
    )
    assert [c for c, _ in causes(accepted + burst)] == ["auth"] * 12
    night = "".join(
        f"2025-09-16T{h:02d}:00:00+02:00 edge sshd-session[{40150 + h}]: "
        + closed.format(user="lab_pipe", port=40270 + h)
        for h in range(11, 23)
    )
    assert [c for c, _ in causes(accepted + night)] == ["auth"] * 3
    guessed = burst.replace("lab_pipe", "root")
    assert causes(accepted + guessed) == []


def test_round_71_documents_that_tell_what_ascp_prints_in_general_are_no_runs():
    """A chat's advice in the general second person, a German FAQ's section of error messages and their causes, an
    FAQ's unnumbered questions and a text table of messages and likely causes (blind round 71: ten confident wrong
    answers among them); a person's own "I just get" stays a report."""
    advice = 'without it ascp tries tcp 22 and on most networks you just get "Failed to open TCP connection for SSH"\n'
    assert causes(advice) == []
    assert [c for c, _ in causes('I just get "Failed to open TCP connection for SSH"\n')] == ["ssh-port"]
    faq_de = (
        'Fehlermeldungen und ihre häufigsten Ursachen\n\n„ascp: Failed to open TCP connection for SSH, exiting."\n'
        "    Die TCP-Verbindung kam nicht zustande. Meist fehlt -P 33001.\n"
    )
    assert causes(faq_de) == []
    faq = (
        'Frequently asked questions\n\nQ: I get "Session Stop  (Error: Failed to open TCP connection for SSH)".\n'
        "A: Your network does not let ascp reach TCP port 33001 at EBI.\n"
    )
    assert causes(faq) == []
    table = (
        "  Message                                             Likely cause\n"
        "  --------------------------------------------------  -----------------------------------------\n"
        "  Private key file not found at path ...              wrong -i path / key not shipped\n"
        "  Failed to open TCP connection for SSH               -P 33001 missing or TCP 33001 blocked\n"
    )
    assert causes(table) == []
    after = "\n$ ascp -QT -P33001 u@h:/f .\nascp: Failed to open TCP connection for SSH, exiting.\n"
    assert [c for c, _ in causes(table + after)] == ["ssh-port"]


def test_systemd_strace_and_shell_tools_lines_are_read_for_what_they_are():
    """systemd's "(ascp)[pid]" lines before the exec are that start's (one run, stamped: listed after the older run
    that worked), a shell tool's "ls: cannot access ..." is no run of ascp's, and strace's system calls quote ascp's
    prompt and errno's words without being its output (blind round 71: four confident wrong answers)."""
    unit = (
        "Feb 18 02:00:01 ingest01 (ascp)[48211]: aspera-pull.service: Unable to locate executable "
        "'/opt/aspera/bin/ascp': No such file or directory\n"
        "Feb 18 02:00:01 ingest01 (ascp)[48211]: aspera-pull.service: Failed at step EXEC spawning "
        "/opt/aspera/bin/ascp: No such file or directory\n\n"
        "Feb 17 02:13:47 ingest01 ascp[46930]: Completed: 41943040K bytes transferred in 824 seconds\n"
        "Feb 17 02:13:47 ingest01 ascp[46930]:  (407214K bits/sec), in 1 file.\n\n"
        "root@ingest01:~# ls /opt/aspera\nls: cannot access '/opt/aspera': No such file or directory\n"
    )
    assert [c for c, _ in causes(unit)] == ["ok", "ascp-missing"]
    traced = (
        "$ strace -f -tt -o /tmp/t ascp -QT -P33001 -i k era-fasp@fasp.sra.ebi.ac.uk:/vol1/x .\nKey passphrase: ^C\n"
        '31878 10:22:41.402177 openat(AT_FDCWD, "/home/p/k", O_RDONLY) = -1 ENOENT (No such file or directory)\n'
        '31878 10:22:41.402690 write(5, "Key passphrase: ", 16) = 16\n'
        "31878 10:22:52.377488 +++ killed by SIGINT +++\n"
    )
    assert [c for c, _ in causes(traced)] == ["key-file"]


def test_round_71_document_files_are_no_runs():
    """A Vim help file, an RFC-style memo, a PDF's text with its running header, a CSV decision table named in its
    first line, a risks table under a "Mitigation" header and a `git log -p` whose test strings unfold into ascp's
    lines (blind round 71: six confident wrong answers)."""
    stop = "Session Stop  (Error: failed to authenticate)"
    vim = (
        "*aspera-log.txt*\tSyntax highlighting for ascp logs\n\nExample: >\n"
        f"\tascp: failed to authenticate, exiting.\n\t{stop}\n<\n"
    )
    rfc = (
        "Internal Engineering Notes                                      R. Okafor\n"
        "Request for Comments: DX-0012                          Data Ingest Team\n\n"
        f"      ascp: failed to authenticate, exiting.\n\n      {stop}\n"
    )
    pdf = (
        "HPC-UG-07  Rev. 2.1 (March 2025)                                             Page 8 of 19\n\n"
        "   $ ascp -QT -P33001 u@h:/f .\n   ascp: failed to authenticate, exiting.\n"
    )
    csv_table = (
        "# ascp_triage_rules.csv  -- decision table used by the ingest bot\nrule_id,match_substring,stream,category\n"
        'R01,"ascp: not found",shell,client-install\nR03,"Private key file not found at path",stderr,client-key\n'
    )
    risks = (
        " Risk                                   Observed by             Mitigation\n"
        " -------------------------------------  ----------------------  ---------------------------\n"
        " too old: uploads refused with          the same cluster (NBIS  versioned modules\n"
        ' "Failure processing peer license:      submission notes)       check "ascp -A" before a batch.\n'
        ' Deprecated peer license"\n'
    )
    diff = (
        "commit 3f9d2c1a7e84b0d5c6a19e2f8b47d03c51e6a9f2\n\n"
        "diff --git a/tests/test_x.py b/tests/test_x.py\n--- /dev/null\n+++ b/tests/test_x.py\n@@ -0,0 +1,3 @@\n"
        '+CASES = [\n+    ("\\nSession Stop  (Error: Server aborted session: No such file or directory) \\n",\n'
        '+     "path"),\n+]\n'
    )
    for text in (vim, rfc, pdf, csv_table, risks, diff):
        assert causes(text) == [], text


def test_a_wrappers_next_command_ends_the_logged_session_before_it():
    """An Airflow task's first attempt logs its failed session through -L-; the second attempt's "Running command"
    then its summary is another run that completed (blind round 71 read it as the first attempt's)."""
    head = "[2026-04-02, 06:00:11 UTC] {subprocess.py:93} INFO - "
    command = (
        "[2026-04-02, 0{h}:00:11 UTC] {{subprocess.py:75}} INFO - Running command: ['/usr/bin/bash', '-c', "
        "'ascp -P 33001 --file-crypt=encrypt -d /x/ u@h:/in/ ']\n"
    )
    first = (
        command.format(h=6)
        + head
        + "ERR File encryption needs a passphrase in environment variable\n"
        + head
        + "LOG FASP Session Start uuid=8f98333d-7652-4302-8c22-03cb1df03357 op=send status=failed errcode=48 "
        'errstr="File encryption/decryption error, e.g. corrupt file"\n' + head + "Command exited with return code 1\n"
    )
    second = (
        command.format(h=9)
        + head
        + "Completed: 2013265K bytes transferred in 82 seconds\n"
        + head
        + " (201117K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(first + second)] == ["passphrase", "ok"]


def test_a_digest_of_tickets_is_read_ticket_by_ticket_in_the_order_they_were_opened():
    """A help-desk digest sorted by requester, each ticket under a titled rule with the time it was opened: a
    wrapper's "ascp failed with exit code 1" under the next ticket's rule is that ticket's run, not the run above
    echoed, and the runs are listed as the tickets were opened (blind round 71 left the run out and kept the
    digest's order)."""
    usage = (
        "--- #5509  requester: c.moreau  opened 10:05 ----------\n"
        "  $ ascp -d -P 33001 --file-list= /staging/lab7/\n  ascp: Source file list not specified, exiting.\n\n"
    )
    wrapper = (
        "--- #5503  requester: d.nakamura  opened 08:30 ----------\n"
        "    fetch_batch.sh: ascp failed with exit code 1 for ERR9912007\n    fetch_batch.sh: aborting\n"
    )
    assert [c for c, _ in causes(usage + wrapper)] == ["unknown", "usage"]
    # without a rule between them the wrapper's words are the run's above, echoed
    assert [c for c, _ in causes(usage.split("\n", 1)[1] + wrapper.split("\n", 1)[1])] == ["usage"]


def test_a_kubernetes_jobs_deadline_cancels_the_run_it_was_showing():
    """`kubectl logs -f` of a Job's ascp at 62 %, then the job controller's "Job was active longer than specified
    deadline": the run was cancelled by its time limit (blind round 71 could not tell)."""
    text = (
        "$ kubectl -n genomics logs -f job/ena-mirror-29082900\n"
        "panel_20250304.tar                                                   62%  161GB  390Mb/s    34:37 ETA\n"
        "$ kubectl -n genomics describe job ena-mirror-29082900\n"
        "  Warning  DeadlineExceeded  7h    job-controller  Job was active longer than specified deadline\n"
    )
    assert causes(text) == [("cancelled", "high")]


def test_the_loaders_same_line_again_is_another_start():
    """Two shards' stderr files shown together, each the loader's "version `GLIBC_2.28' not found": two runs that
    died at start (blind round 71 read one); one start's lines for two missing versions stay one run."""
    line = "/home/r/sdk/ascp: /lib64/libc.so.6: version `GLIBC_{v}' not found (required by /home/r/sdk/ascp)\n"
    both = "$ cat shard-*/execution/stderr\n" + line.format(v="2.28") * 2
    assert [c for c, _ in causes(both)] == ["died-at-start", "died-at-start"]
    assert [c for c, _ in causes(line.format(v="2.28") + line.format(v="2.25"))] == ["died-at-start"]


def test_a_workflows_job_logs_shown_in_the_shells_order_are_listed_as_the_jobs_started():
    """Snakemake's log names each job's log file as the job starts; `tail -n +1 logs/*.log` then shows them in the
    shell's order: the runs are listed as the jobs started (blind round 71 listed the failed job first)."""
    block = (
        "[Wed Mar 12 09:14:0{n} 2025]\nrule ena_ascp:\n    output: fastq/{acc}.fastq.gz\n"
        "    log: logs/ascp_{acc}.log\n    jobid: {n}\n\n"
    )
    done = (
        "{acc}.fastq.gz    100%   22MB 49.6Mb/s    00:04\n"
        "Completed: 22853K bytes transferred in 4 seconds\n (45706K bits/sec), in 1 file.\n"
    )
    text = (
        block.format(n=1, acc="SRR616044")
        + block.format(n=2, acc="SRR5245600")
        + "---- tail -n +1 logs/*.log ----\n==> logs/ascp_SRR5245600.log <==\n\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n\n"
        "==> logs/ascp_SRR616044.log <==\n" + done.format(acc="SRR616044")
    )
    assert [c for c, _ in causes(text)] == ["ok", "no-such-file"]


def test_a_title_pointing_at_the_log_below_is_no_run_of_its_own():
    """ "first try failed, log below (C:\\aspera_logs\\aspera-scp-transfer.log)": the person's title naming the log
    below, not a wrapper's word of a run (blind round 72 read a run there and gave it the next run's summary)."""
    text = (
        "Downloading the delivery - first try failed, log below (C:\\aspera_logs\\aspera-scp-transfer.log)\n\n"
        "2015-09-21 17:01:36 [2adc-000027f4] ERR File encryption needs a passphrase in environment variable\n"
        "2015-09-21 17:01:36 [2adc-000029d4] LOG FASP Session Start uuid=03e556c6-ca4d-47b2-a3ae-3854f06f03b6 "
        'op=recv status=failed errcode=48 errstr="File encryption/decryption error, e.g. corrupt file"\n\n'
        'C:\\Users\\mk> "C:\\Program Files\\Aspera\\cli\\bin\\ascp.exe" -P 33001 --file-crypt=decrypt u@h:/d D:\\in\n'
        "Completed: 957440K bytes transferred in 82 seconds\n (95648K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(text)] == ["passphrase", "ok"]


def test_round_72_document_kinds_are_no_runs():
    """A conda environment file described in its first line, an Elastic ingest pipeline typed in Kibana's console
    and a Redmine task's table of what users see and what to tell them (blind round 72: three confident wrong
    answers)."""
    env = (
        '# environment.yml for the "ena-download" project environment\n'
        '#  - If your job log says "ascp: command not found" you forgot `conda activate ena-download`.\n'
        "name: ena-download\ndependencies:\n  - aspera-cli=4.14\n"
    )
    pipeline = (
        "# Kibana Dev Tools console - ingest pipeline for Aspera client logs\n\nPUT _ingest/pipeline/aspera\n"
        '{"processors": []}\n\nPOST _ingest/pipeline/aspera/_simulate\n{"docs": [{"_source": {"message": '
        '"2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed"}}]}\n'
    )
    table = (
        "  | What the user sees                                 | What to tell them                        |\n"
        "  |----------------------------------------------------|------------------------------------------|\n"
        '  | "Private key file not found at path ..."           | path to -i is wrong / key not shipped    |\n'
        '  | "failed to authenticate"                           | old DSA key; use aspera_bypass_rsa.pem   |\n'
    )
    for text in (env, pipeline, table):
        assert causes(text) == [], text


def test_a_live_sessions_next_command_ends_a_documents_sample():
    """A README printed by Get-Content ends with its sample of a failure; the PowerShell session's next command and
    its output are a run of the user's (blind round 72 read them as the sample's)."""
    text = (
        "PS C:\\Users\\jm> Get-Content D:\\ena\\README-aspera.txt\n"
        "3. Example of a failure you may see if the key is wrong:\n"
        "       ascp.exe: failed to authenticate, exiting.\n       Session Stop  (Error: failed to authenticate)\n"
        "PS C:\\Users\\jm> & $ascp -T -l 300m -i $key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz D:\\ena\\\n"
        "ascp.exe: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-port"]


def test_a_configuration_file_named_under_an_environment_variable_is_no_run():
    """ "# $SPLUNK_HOME/etc/apps/x/local/savedsearches.conf": a configuration file named in its first line, its
    searches quoting ascp's words (blind round 72 read three runs at low confidence)."""
    text = (
        "# $SPLUNK_HOME/etc/apps/seqcore_transfers/local/savedsearches.conf\n\n"
        "[Aspera - client stops]\n"
        'search = index=hsts sourcetype=wrapper_log ("Session Stop  (Error:" OR "ascp: " ", exiting.")\n'
        'description = wrappers print "Session Stop  (Error: failed to authenticate)" with two spaces\n'
    )
    assert causes(text) == []


def test_a_forums_discussion_title_is_the_persons_words():
    """A forum export's "Discussion: ascp just sits at "Key passphrase:"" under its breadcrumb: the thread's title,
    not a run beside the one its first post shows (blind round 72 read both)."""
    text = (
        "BIOL 5420 > Forums > Q&A - Practical 2 (ENA downloads)\n"
        'Discussion: ascp just sits at "Key passphrase:"\n\n'
        "  emil@x1:~/biol$ ascp -QT -P33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.putty era-fasp@h:vol1/x .\n"
        "  Key passphrase:\n  Key passphrase:\n  ^C\n"
    )
    assert [c for c, _ in causes(text)] == ["key-file"]


def test_round_73_documents_are_no_runs():
    """A Helm chart's NOTES.txt template, a status page's incident mail ("Affected users see:" after a sentence about
    "our transfer nodes"), ascp's lines around a placeholder, a page's list of sources and a Turkish answer's sample
    intros (blind round 73: three confident wrong answers)."""
    helm = (
        "{{- /* charts/aspera-hsts/templates/NOTES.txt */ -}}\n"
        "SSH : {{ .Values.service.sshPort | default 33001 }}/TCP\n"
        '   "ascp: Failed to open TCP connection for SSH, exiting."\n       -> TCP not reachable (LB listener).\n'
    )
    status = (
        "Identified - After the SSH service on our transfer nodes was upgraded, older Aspera\n"
        "clients can no longer negotiate a connection. Affected users see:\n\n"
        "    ascp: failed to authenticate, exiting.\n\n    Session Stop  (Error: failed to authenticate)\n\n"
        "This message is misleading: the connection fails before your key is checked.\n"
    )
    placeholder = (
        "    ascp: Private key file not found at path /home/<kullanıcı>/.aspera/connect/etc/key.openssh, exiting.\n"
    )
    sources = 'Kaynaklar: IBM destek makalesi "Error code 19: failed to authenticate"; kingfisher README.\n'
    turkish = (
        "-L- ekleyip çalıştırırsanız log'da şu satırları arayın:\n\n"
        "    ERR [asssh] SSH connection startup failed, err = -5\n\n"
        "Başarılı olduğunda çıktı aşağı yukarı şuna benzer:\n\n"
        "    Completed: 74523K bytes transferred in 118 seconds\n     (5132K bits/sec), in 1 file.\n"
    )
    for text in (helm, status, placeholder, turkish + sources):
        assert causes(text) == [], text
    # a user's own "Session Stop (Error: ...)" with a real path is still a run
    assert [c for c, _ in causes(placeholder.replace("<kullanıcı>", "emre"))] == ["key-file"]


def test_a_person_citing_a_documents_words_is_no_run():
    """docker build's loader error, BuildKit's "failed to solve", then a note citing the README's words for it: one
    run (blind round 73 read the citation as a second); a person's own "my log says" is still theirs."""
    build = (
        "0.241 /root/.aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /root/x/ascp)\n"
        'ERROR: failed to solve: process "/bin/sh -c /root/.aspera/sdk/ascp --mode=recv -P 33001 x /tmp/" did not '
        "complete successfully: exit code: 1\n\n"
        '# note to self: the ascli README says for this: "ascp: /lib64/libc.so.6: version GLIBC_2.28 not found ...\n'
    )
    assert [c for c, _ in causes(build)] == ["died-at-start"]
    assert [c for c, _ in causes('my log says: "ascp: failed to authenticate, exiting."\n')] == ["auth"]


def test_a_table_of_three_or_more_messages_is_a_document_in_any_language():
    """A markdown table whose rows hold three or more of ascp's messages and name no run (Vietnamese header "Thông
    báo | Nghĩa là gì | Cách xử lý"): a table of what they mean (blind round 73 read seven runs); a user's own
    results table, its rows naming accessions, keeps its runs."""
    rows = (
        "| ascp: Private key file not found at path ..., exiting. | sai đường dẫn khóa | kiểm tra lại -i |\n"
        "| ascp: Failed to open TCP connection for SSH, exiting. | không mở được cổng TCP | thêm -P 33001 |\n"
        "| Session Stop  (Error: Server aborted session: No such file or directory) | đường dẫn sai | lấy lại |\n"
    )
    table = "| Thông báo | Nghĩa là gì | Cách xử lý |\n|---|---|---|\n" + rows + "\nHết.\n"
    assert causes(table) == []
    own = (
        "| run | error |\n|---|---|\n| SRR616044 | ascp: Failed to open TCP connection for SSH, exiting. |\n"
        "| SRR616045 | Session Stop  (Error: Server aborted session: No such file or directory) |\n"
        "| SRR616046 | Session Stop  (Error: failed to authenticate) |\n"
    )
    assert [c for c, _ in causes(own)] == ["ssh-port", "no-such-file", "auth"]


def test_a_wrappers_failure_introducing_its_log_is_not_carried_to_the_next_command():
    """A cron mail: "ascp failed (exit 1); last lines of x.log:" then the log's failed session; the next night's
    command and its success are a run of their own (blind round 73 gave the success to the wrapper's failure)."""
    first = (
        "[push] ascp -P 33001 --file-crypt=encrypt -d -L /var/log/xfer /outbound/ cro@h:/drop/\n"
        "[push] ascp failed (exit 1); last lines of /var/log/xfer/aspera-scp-transfer.log:\n"
        "2024-04-09 02:15:02 [2adc-000027f4] ERR File encryption needs a passphrase in environment variable\n"
        "2024-04-09 02:15:02 [2adc-000029d4] LOG FASP Session Start uuid=7bdf9bcd-0f8e-4369-b05a-3909381dc4d8 "
        'op=send status=failed errcode=48 errstr="File encryption/decryption error, e.g. corrupt file"\n\n'
    )
    second = (
        "[push] ascp -P 33001 --file-crypt=encrypt -d -L /var/log/xfer /outbound/ cro@h:/drop/\n"
        "Completed: 624640K bytes transferred in 19 seconds\n (269321K bits/sec), in 2 files, 1 directory.\n"
    )
    assert [c for c, _ in causes(first + second)] == ["passphrase", "ok"]


def test_a_log_search_exported_as_csv_newest_first_is_read_oldest_first():
    """A Datadog export (Date, Host, Service, Status, Message), newest first, whose messages are ascp's log lines:
    read as its messages oldest first, so each session's start comes before its stop (blind round 73 lost the run
    that worked); a help desk's queue, with no message column, is no log export."""
    row = '{t}Z,vm-03,ascp,info,"{t2} [{pid}] LOG FASP Session {what} uuid={uuid} op=recv status={status}"\n'
    ok = "e4a1c7f2-0d3b-4b6e-8f21-93c5a0d7b114"
    text = (
        "Date,Host,Service,Status,Message\n"
        + row.format(
            t="2025-03-04T02:31:58.733",
            t2="2025-03-04 02:31:58.733",
            pid="3e02-7f0a",
            what="Stop",
            uuid=ok,
            status="success",
        )
        + row.format(
            t="2025-03-04T02:31:42.611",
            t2="2025-03-04 02:31:42.611",
            pid="3e02-7f0a",
            what="Start",
            uuid=ok,
            status="started",
        )
        + '2025-03-04T02:10:12.118Z,vm-03,ascp,error,"2025-03-04 02:10:12.118 [2c7d-7f3b] ERR failed to authenticate"\n'
        + row.format(
            t="2025-03-04T02:10:12.119",
            t2="2025-03-04 02:10:12.119",
            pid="2c7d-7f3b",
            what="Start",
            uuid="5f03b9d8-2a64-47c1-9e0b-d1a8c24f6e37",
            status='failed errcode=19 errstr=""Authentication failure""',
        )
    )
    assert [c for c, _ in causes(text)] == ["auth", "ok"]


def test_stamped_lines_pasted_newest_first_are_read_oldest_first():
    """Loki's Explore view (or `journalctl -r`) lists a server's lines newest first: each session's stop came before
    its start (blind round 73 read an unknown and lost the one that worked); sorted back, both sessions read. Two
    logs concatenated (one step back) stay as they are."""
    line = "Feb 12 {t} hsts-01 ascp[{pid}]: LOG FASP Session {what} uuid={uuid} op=send status={status} source=/p\n"
    ok, bad = "2d07f6a3-91c4-4b7e-a0f5-6c8e13b2d4aa", "9b1e44d0-5c2f-4a0e-b7de-3f2a61c08e19"
    newest_first = (
        line.format(
            t="03:05:37",
            pid=51877,
            what="Stop",
            uuid=bad,
            status='failed errcode=40 errstr="Session data transfer timeout"',
        )
        + line.format(t="02:41:12", pid=49310, what="Stop", uuid=ok, status="success")
        + line.format(t="02:30:51", pid=51877, what="Start", uuid=bad, status="started")
        + line.format(t="02:10:04", pid=49310, what="Start", uuid=ok, status="started")
    )
    assert [c for c, _ in causes(newest_first)] == ["ok", "stall"]


def test_a_console_run_beside_its_log_that_ends_at_its_error_is_one_run():
    """Connect's ascp typed in a terminal, then its aspera-scp-transfer.log, which ends at the ERR line (no Session
    Stop yet): one run that failed (blind round 74 read two)."""
    text = (
        "% ascp -P 33001 -O 33001 -l 200m --user=core_dl --host=aspera.seqcore.example.edu /runs/NV0411/ ~/Downloads/\n"
        "Password:\nSession Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "and in ~/Library/Logs/Aspera_Connect/aspera-scp-transfer.log:\n\n"
        "2025-05-27 14:06:18.771 [b1f4-0x16f3d3000] LOG FASP Session Start uuid=4a8e2c71-0d5f-4b93-8e26-f1a7c3d90b58 "
        "op=recv status=started source=/runs/NV0411/ dest=/Users/p/Downloads/\n"
        "2025-05-27 14:06:40.913 [b1f4-0x16f3d3000] ERR Client unable to connect to server (check UDP port and "
        "firewall)\n"
    )
    assert [c for c, _ in causes(text)] == ["udp"]


def test_a_calls_stderr_then_its_script_and_stdout_shown_is_one_run():
    """Cromwell names a call's stderr ("ascp: Session initiation failed, read timed out, exiting."), the person
    greps the call's script (its ascp command is code) and cats its stdout (the Session Stop): one run (blind round
    74 read two)."""
    text = (
        "Check the content of stderr for potential additional information: /cx/FetchReads/3c0e/call-dl/execution/"
        "stderr.\n [First 3000 bytes]:ascp: Session initiation failed, read timed out, exiting.\n\n"
        "$ cat /cx/FetchReads/3c0e/call-dl/execution/script | grep ascp\n"
        "ascp -QT -l 300m -P33001 -k 1 -i /opt/aspera/key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz .\n\n"
        "$ cat /cx/FetchReads/3c0e/call-dl/execution/stdout\n\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n"
    )
    assert [c for c, _ in causes(text)] == ["session-start"]


def test_round_74_documents_are_no_runs():
    """Diagrams (Mermaid, Graphviz, PlantUML), a Pulumi program named in its docstring, a form's choices, a definition
    list's arrows, sections of common errors and sample intros in Swedish, Greek, Arabic and Hindi (blind round 74:
    eight confident wrong answers)."""
    stop = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
    texts = (
        f'%% docs/diagrams/ascp-triage.mmd\nflowchart TD\n    q1 -->|"{stop}"| udp[UDP blocked]\n',
        f'// fasp_session.dot -- how one ascp run works\ndigraph fasp {{\n    udp -> fail [label="{stop}"];\n}}\n',
        f"@startuml fasp\nC -> S : ascp -P 33001 u@h:p .\nS --> C : {stop}\n@enduml\n",
        '"""__main__.py -- Pulumi program for the ENA mirror.\n\nCloud-init prints\n    '
        'ascp: Failed to open TCP connection for SSH, exiting.\nif the port is closed."""\nimport pulumi\n',
        f"5. What did ascp print last?\n   ( ) ascp: Failed to open TCP connection for SSH, exiting.\n   ( ) {stop}\n",
        '   * "ascp: Failed to open TCP connection for SSH, exiting."\n       -> -P 33001 missing\n',
        "Vanliga felmeddelanden\n\n  ascp: Failed to open TCP connection for SSH, exiting.\n      Porten är stängd.\n",
        "   Παράδειγμα εξόδου (από την τεκμηρίωση):\n\n   Completed: 74523K bytes transferred in 118 seconds\n",
        f"   قبل البدء. إذا كان UDP ممنوعًا ستظهر لك رسالة مثل:\n       {stop}\n",
    )
    for text in texts:
        assert causes(text) == [], text
    # a person's own remark after a blank line, arrowed, leaves their run a run
    mine = "ascp: Cannot resolve target host., exiting.\n\n-> the admin says compute nodes have no DNS\n"
    assert [c for c, _ in causes(mine)] == ["dns"]


def test_a_wrapped_sentences_rest_naming_ascp_is_no_wrappers_word():
    """A reply's sentence wrapped mid-way ("... which the libssh2 in" / "ascp 3.9.x cannot negotiate; ..."): the
    person's words, not a wrapper's line of a failed run that the next run's summary then joins (blind round 74)."""
    text = (
        "--- reply (EBI) ---\n"
        "Two changes: fasp.sra.ebi.ac.uk runs OpenSSH 8.7 with modern key exchange only, which the libssh2 in\n"
        "ascp 3.9.x cannot negotiate; and the old anonymous DSA key is no longer accepted, please use the RSA key.\n\n"
        "$ ascp -i ~/keys/rsa.pem -T -Q -l 50m -P33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x.cram /download/\n"
        "Completed: 16794380K bytes transferred in 2773 seconds\n (49613K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(text)] == ["ok"]


def test_a_ci_jobs_time_limit_cancels_the_run_it_was_showing():
    """GitLab's "Job failed: execution took longer than 1h0m0s seconds" after ascli's bar at 98 %, GitHub Actions'
    and Jenkins' own time-limit lines: the run was cancelled by the CI's time limit (blind round 74 could not
    tell)."""
    bar = (
        "$ ascli server upload --url=ssh://h:33001 --username=ci dist/reel.mxf\n"
        " Time: 00:58:56 ========================================== 98% 116 Mbps  ETA: 00:01:12\n"
    )
    for limit in (
        "ERROR: Job failed: execution took longer than 1h0m0s seconds\n",
        "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.\n",
        "Build timed out (after 60 minutes). Marking the build as aborted.\n",
    ):
        assert causes(bar + limit) == [("cancelled", "high")], limit


def test_an_earlier_run_shown_after_the_later_one_is_listed_first():
    """ "Earlier the same session downloaded files fine, e.g." and that run's output, after the failed run: the
    person's own run (not a sample), listed first (blind round 74 left it out)."""
    text = (
        "$ ascp -O 33001 -P 33001 -W $TOKEN --user=databrowser h:'/SDY1092/a.fcs' /data/\n"
        "Session Stop  (Error: Server aborted session: Management authorization refused: token denied by server)\n\n"
        "Earlier the same session downloaded files fine, e.g.\n\n"
        "    pbmc_000.fcs                                    100%  236KB             --:--\n"
        "    Completed: 236K bytes transferred in 0 seconds\n     (3548K bits/sec), in 1 file.\n\n"
        "The token is requested once at the start of my script and reused for all files.\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "unauthorized"]
    # a documentation's "A successful download looks like this:" stays a sample
    sample = "A successful download looks like this:\n\n    Completed: 236K bytes transferred in 0 seconds\n"
    assert causes(sample) == []


def test_nextflows_error_block_and_the_same_attempts_files_are_one_run():
    """Nextflow's error block shows the last attempt's output and names its work directory; the person then shows
    each attempt's .command.err under a header naming its directory: three attempts, not four runs (blind round
    74)."""
    block = (
        "ERROR ~ Error executing process > 'NFCORE_FETCHNGS:SRA:ASPERA_CLI (ERR1109373)'\n\nCommand error:\n"
        "  ascp: failed to authenticate, exiting.\n\nWork dir:\n  /scratch/p/work/9b/41d07c5e2f8a4b6c1d3e7f9a0b2c4d\n\n"
        '$ for d in work/d1/3f8a20* work/2c/e6b1a4* work/9b/41d07c*; do echo "== $d"; cat $d/.command.err; done\n'
    )
    attempts = "".join(
        f"== work/{d}\nascp: failed to authenticate, exiting.\n"
        for d in (
            "d1/3f8a20e4b7c1d9f2a6e8b0c3d5f7a91",
            "2c/e6b1a4f0c2d4e6a8b0c2d4e6f8a0b2c",
            "9b/41d07c5e2f8a4b6c1d3e7f9a0b2c4d",
        )
    )
    assert [c for c, _ in causes(block + attempts)] == ["auth", "auth", "auth"]


def test_a_failed_rules_cluster_log_shown_after_it_is_the_same_job():
    """Snakemake submits the rule's job as Slurm job 9930112; its error block tells only that the command failed,
    and `slurm-9930112.out` shown after it holds ascp's words: one run, told by them (blind round 75 read two)."""
    text = (
        "rule download_fastq:\n    output: raw/SRR1_1.fastq.gz\n    jobid: 12\n\n"
        "Submitted job 12 with external jobid 'Submitted batch job 9930112'.\n"
        "Error in rule download_fastq:\n    jobid: 12\n    shell:\n"
        "        ascp -QT -l 300m -P33001 -i k.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz raw/\n"
        "        (one of the commands exited with non-zero exit code; note that snakemake uses bash strict mode!)\n\n"
        "==> slurm-9930112.out <==\nascp: Cannot resolve target host., exiting.\n"
    )
    assert [c for c, _ in causes(text)] == ["dns"]


def test_round_75_documents_are_no_runs():
    """An Airtable catalogue exported as CSV, a wiki diff's "ascp will sit at a "Key passphrase:" prompt", a
    vignette's sample "for example:", an Rd page, `go doc` output and a Malay "Jika ascp bertanya ..." (blind round
    75: six of its confident wrong answers)."""
    texts = (
        "Name,Message text (as printed),FASP code,Layer,Likely cause,Last modified\n"
        'Auth,"ascp: failed to authenticate, exiting.",19,SSH,"Wrong key",2025-03-14 10:02\n'
        'Port,"ascp: Failed to open TCP connection for SSH, exiting.",44,TCP,"Blocked",2025-03-14 10:03\n'
        'Path,"Session Stop  (Error: Server aborted session: No such file or directory)",4,Server,"Moved",'
        "2025-03-14 10:04\n",
        '[+] * Do NOT use the {{.putty}} key on Linux — ascp will sit at a "Key passphrase:" prompt.\n',
        "On a working installation the console shows ascp's progress line and summary, for example:\n\n```\n"
        "## Completed: 28813K bytes transferred in 3 seconds\n##  (74110K bits/sec), in 1 file.\n```\n",
        "% Generated by roxygen2: do not edit by hand\n\\name{ascpR}\n"
        "\\item \\code{ascp: failed to authenticate, exiting.} -- the server refused the key.\n",
        "$ go doc -all ./internal/fetch\n\ntype AsperaBackend struct{}\n    The backend shells out to ascp found on\n"
        "    $HOME/.aspera/sdk and always passes -T.\n\n"
        "        fetch: ascp: failed to authenticate, exiting.: exit status 1\n",
    )
    for text in texts:
        assert causes(text) == [], text
    malay = 'Jika ascp bertanya "Key passphrase:", anda tersilap guna fail .putty.\n'
    assert all(confidence == "low" for _, confidence in causes(malay))


def test_a_transcripts_slide_an_abstracts_prose_and_a_typical_exit_are_no_runs():
    """A talk's transcript ("i'm not going to run it live") with its slide's text, an abstract's sentences about
    failures in general, and "a wrapper typically reports only "returned non-zero exit status 1"" (blind round 75:
    its last two confident wrong answers)."""
    transcript = (
        "6:53\ni'm not going to run it live because the conference wifi here blocks udp\n\n"
        "[On-screen slide text at 6:58, captured from the video]\nERR164407.fastq.gz   100%   72MB  37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n"
    )
    abstract = (
        'Failures are common and their messages are terse: a wrapper typically reports only "returned non-zero exit\n'
        'status 1". Between 2021 and 2024 our hub logged every ascp invocation made by its download service.\n\n'
        "Authentication failures dominated in 2024 after ENA stopped accepting the DSA key shipped with older Aspera\n"
        "Connect releases.\n"
    )
    for text in (transcript, abstract):
        assert all(confidence == "low" for _, confidence in causes(text)), text
    assert causes(transcript) == []


def test_a_structured_loggers_json_lines_are_read_as_their_messages():
    """A Node.js worker's pino log (one JSON object per line, ascp's words in "msg") with three attempts, then a
    README's section quoted after "From README.md, "Retries":": three runs (blind round 75 read one and the
    README's words)."""
    line = '{{"level":{lv},"time":17273376{t},"pid":1,"name":"ingest","attempt":{a},"msg":"{msg}"}}\n'
    text = ""
    for attempt in (1, 2, 3):
        text += line.format(lv=30, t=f"{attempt}0000", a=attempt, msg="spawning ascp")
        text += line.format(
            lv=50, t=f"{attempt}2000", a=attempt, msg="ascp: Failed to open TCP connection for SSH, exiting."
        )
        text += line.format(lv=40, t=f"{attempt}2001", a=attempt, msg="ascp failed, will retry")
    readme = '\nFrom README.md, "Retries":\n> Retrying helps with "failed to authenticate" bursts.\n'
    assert [c for c, _ in causes(text + readme)] == ["ssh-port", "ssh-port", "ssh-port"]


def test_a_key_value_loggers_lines_are_read_as_the_output_they_carry():
    """structlog's key=value lines carrying ascp's output in line='...', and the wrapper's own record of the rule
    it matched: the first attempt stalls, the retry completes (blind round 75 read two stalls)."""
    head = "timestamp='2025-05-02T08:{m}Z' level='{lv}' event='ascp_output' attempt={a} line='{line}' logger='lims'\n"
    start = "LOG FASP Session Start uuid={u} op=send status=started source=/lims/S17_R1.fastq.gz (2) dest=."
    text = (
        head.format(m="14:04.100", lv="debug", a=1, line=start.format(u="0b9e3c52-4d7e-4f0a-9d63-5b8c1f2e7a10"))
        + head.format(m="14:04.882", lv="debug", a=1, line="S17_R1.fastq.gz    37% 3.1GB  291Mb/s    14:02 ETA")
        + head.format(m="27:12.019", lv="warning", a=1, line="Session Stop  (Error: Data transfer stalled, timed out)")
        + "timestamp='2025-05-02T08:27:12.025Z' level='warning' event='ascp_exit' attempt=1 returncode=1 "
        "matched_retry_rule='Data transfer stalled, timed out'\n"
        + "timestamp='2025-05-02T08:28:12.101Z' level='info' event='ascp_start' attempt=2 cmd='ascp -QT -l100M x y'\n"
        + head.format(m="28:13.760", lv="debug", a=2, line=start.format(u="5e21d9a0-1c3b-4b88-8f2e-77a0c4d91b3e"))
        + head.format(m="31:55.880", lv="info", a=2, line="Completed: 17614233K bytes transferred in 3822 seconds")
        + head.format(m="31:55.881", lv="info", a=2, line=" (37752K bits/sec), in 2 files.")
    )
    assert [c for c, _ in causes(text)] == ["stall", "ok"]


def test_a_person_telling_the_third_attempt_went_through_adds_that_run():
    """ascli's two attempts died at start, then "(third attempt went through, the folder is complete)": a third run
    that completed, told by the person (blind round 76 left it out)."""
    attempt = (
        "ascp.exe: required management connection to port localhost:54799 failed.\n"
        "ascp.exe: failed to connect to management socket, exiting.\n\n"
        "E, [2025-02-05T10:39:54.394470 #13096] ERROR -- : ascp failed (pid 46120 exit 1)\n\n"
        "W, [2025-02-05T10:39:54.395011 #13096]  WARN -- : Resuming in 4 seconds (retry left:5)\n\n"
    )
    told = "(third attempt went through, the folder is complete this morning: 412 files)\n"
    assert [c for c, _ in causes(attempt + attempt + told)] == ["died-at-start", "died-at-start", "ok"]


def test_round_76_documents_are_no_runs():
    """An installer's word of success (Homebrew's, an MSI log's), brew's sudo "Password:" and `which ascp`'s "ascp not
    found", a library guide's table of messages without their form, "Expected end of output (example only):", and a
    changelog's entries (blind round 76: its five confident wrong answers)."""
    brew = (
        "$ brew install --cask ibm-aspera-connect\n==> Running installer for ibm-aspera-connect with sudo\nPassword:\n"
        "installer: The install was successful.\n🍺  ibm-aspera-connect was successfully installed!\n\n"
        "$ ascp -QT -P33001 -i k.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.fastq.gz .\nzsh: command not found: ascp\n\n"
        "$ which ascp\nascp not found\n"
    )
    assert [c for c, _ in causes(brew)] == ["ascp-missing"]
    msi = "MSI (s) (A8:7C) [14:02:24:310]: Product: IBM Aspera Connect -- Installation completed successfully.\n"
    table = (
        "  | Message                                   | Usual reason                          |\n"
        "  |-------------------------------------------|---------------------------------------|\n"
        "  | ascp: command not found                   | ascp not installed                    |\n"
        "  | Failed to open TCP connection for SSH     | TCP 33001 blocked                     |\n"
        "  | Disk write failed                         | your disk or quota is full            |\n\nNeed help?\n"
    )
    expected = (
        "  3. From the DTN, run:\n       ascp -i <key_file> -QT -l100m -d <folder> subasp@h:uploads/<folder>/\n"
        "  4. Expected end of output (from the template, example only):\n"
        "       Completed: 12345678K bytes transferred in 1234 seconds\n"
        "        (80000K bits/sec), in 24 files, 1 directory.\n"
    )
    changelog = (
        "# Changelog — sra-grab\n\n## [2.4.0] - 2025-11-02\n### Changed\n- ENA no longer accepts the DSA key; using it "
        "gives\n  `ascp: failed to authenticate, exiting.`\n"
    )
    for text in (msi, table, expected, changelog):
        assert causes(text) == [], text


def test_the_clients_words_for_a_code_read_every_logged_session_with_it():
    """Two sessions logged errcode=34 "Unauthorized" and the client's one paste "for both tries" naming the content
    protection passphrase: both are content protection (blind round 76 read the second as unauthorized)."""
    stamp = "May  6 10:{m} hsts-sec1 ascp[{pid}]: LOG FASP Session Start uuid={uuid} op=recv status=failed errcode=34 "
    text = (
        stamp.format(m="09:31", pid=30118, uuid="93582919-51cd-484d-9c79-6243432e2f28")
        + 'errstr="Unauthorized"\n'
        + stamp.format(m="11:02", pid=30240, uuid="4d9f5d9a-9d6d-40ed-942d-1c5c91f6c554")
        + 'errstr="Unauthorized"\n'
        + "\nand the vendor's script output for both tries:\n"
        "$ ascp -P 33001 --file-crypt=encrypt -l 100m batch.zip vendor@h:/secure_drop/\n"
        "Session Stop  (Error: Server aborted session: Management authorization refused: Server requires stronger "
        "content protection passphrase)\n"
    )
    assert [c for c, _ in causes(text)] == ["content-protection", "content-protection"]


def test_nextflows_block_after_its_retry_notes_is_the_last_attempt():
    """Two notes "terminated with an error exit status (1) -- Execution is retried", then Nextflow's error block
    for the task's last attempt, all without ascp's words: three attempts (blind round 75 read two)."""
    note = (
        "[{w}] NOTE: Process `ASPERA_CLI (SRX1_SRR2)` terminated with an error exit status (1) -- Execution is "
        "retried ({n})\n"
    )
    block = (
        "ERROR ~ Error executing process > 'ASPERA_CLI (SRX1_SRR2)'\n\nCaused by:\n"
        "  Process `ASPERA_CLI (SRX1_SRR2)` terminated with an error exit status (1)\n\nCommand executed:\n\n"
        "  ascp -QT -l 300m -P33001 -k 2 -i $ASPERA_KEY era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz .\n\n"
        "Command exit status:\n  1\n\nCommand output:\n  (empty)\n"
    )
    text = note.format(w="9c/3e1b07", n=1) + note.format(w="d2/88f4c1", n=2) + block
    assert [c for c, _ in causes(text)] == ["unknown", "unknown", "unknown"]


def test_a_clients_success_and_the_servers_log_of_it_are_one_run():
    """A client's "Completed:" (with its byte count) and, after it, the server's syslog of the same session, which
    names no byte count: one run that completed (blind rounds 71 and 76 read two); a client's run pasted before the
    server's log of other sessions stays its own only where the log comes first."""
    client = (
        "$ ascp -P 33001 -l 200m -i k u@fasp.example-lab.org:/share/cohort2/ ./cohort2/\n"
        "Completed: 9437184K bytes transferred in 395 seconds\n (195733K bits/sec), in 1 file.\n\n"
    )
    server = (
        "Sep  2 16:27:06 fasp ascp[20818]: LOG FASP Session Start uuid=092dd9fc-1f58-459c-a92d-777079c97d68 op=send "
        "status=started source=/share/cohort2/ dest=./cohort2/ peer=203.0.113.214:50311\n"
        "Sep  2 16:33:41 fasp ascp[20818]: LOG FASP Session Stop uuid=092dd9fc-1f58-459c-a92d-777079c97d68 op=send "
        "status=success source=/share/cohort2/ dest=./cohort2/ peer=203.0.113.214:50311\n"
    )
    assert [c for c, _ in causes(client + server)] == ["ok"]
    assert [c for c, _ in causes(server + "\n" + client)] == ["ok", "ok"]
