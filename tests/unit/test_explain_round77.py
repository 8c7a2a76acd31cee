"""Misses found in the session of 2026-12-03 (second): parallel jobs' tagged output, and blind round 77's confident
wrong answers, each in its smallest form, with the cases beside them that must still read as before."""

from __future__ import annotations

from aspdiag.tools.explain.scan import tagged_runs_apart
from tests.unit.test_explain_round58 import causes

_AUTH = "ascp: failed to authenticate, exiting.\n{t}Session Stop  (Error: failed to authenticate)\n"
_DONE = "Completed: 74523K bytes transferred in 118 seconds\n{t} (5132K bits/sec), in 1 file.\n"
_UDP = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"


def _tagged(tag: str, text: str) -> str:
    return "".join(f"{tag}{line}\n" for line in text.format(t="").splitlines())


def test_parallel_jobs_tagged_lines_are_each_jobs_run_in_start_order():
    """Three uploads started at once, each line tagged with its job (blind round 72's cron script): the second
    job's failure ends first, the first job's success last. Each job is one run, in the order the jobs started."""
    text = (
        "[job1] start ascp -P 33001 -i k --mode=send --user=u --host=h /a /in\n"
        "[job2] start ascp -P 33001 -i k --mode=send --user=u --host=h /b /in\n"
        "[job3] start ascp -P 33001 -i k --mode=send --user=u --host=h /c /in\n"
        + _tagged("[job2] ", _AUTH)
        + "[job2] rc=1\n"
        + _tagged("[job3] ", _UDP)
        + "[job3] rc=1\n"
        + _tagged("[job1] ", _DONE)
        + "[job1] rc=0\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "auth", "udp"]
    # GNU parallel's --tag (the argument, a tab): the same
    tab = (
        "SRR101\tascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/a.fastq.gz .\n"
        "SRR102\tascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/b.fastq.gz .\n"
        + _tagged("SRR102\t", _UDP)
        + _tagged("SRR101\t", _DONE)
    )
    assert [c for c, _ in causes(tab)] == ["ok", "udp"]


def test_tagged_lines_that_are_not_interleaved_are_read_as_they_are():
    """Jobs one after another (each job's lines together), one job's tag only, and bash's job control lines
    (``[1] 30411``, ``[2]   Exit 1   ascp ...``) are no parallel jobs' tags: nothing is reordered."""
    one_after_another = "[job1] ascp -QT u@h:/a .\n" + _tagged("[job1] ", _DONE) + "[job2] ascp -QT u@h:/b .\n"
    one_after_another += _tagged("[job2] ", _UDP)
    assert tagged_runs_apart(one_after_another.encode()) is None
    assert [c for c, _ in causes(one_after_another)] == ["ok", "udp"]
    one_job = "[job1] ascp -QT u@h:/a .\n[job1] Session Stop  (Error: failed to authenticate)\n[job1] rc=1\n"
    assert tagged_runs_apart(one_job.encode()) is None
    bash = (
        "$ for f in a b; do ascp -QT u@h:/$f . & done; wait\n[1] 30411\n[2] 30412\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        + _DONE.format(t="")
        + "[1]   Exit 1                  ascp -QT u@h:/$f .\n[2]   Done                    ascp -QT u@h:/$f .\n"
    )
    assert tagged_runs_apart(bash.encode()) is None


def test_an_address_a_person_calls_a_scanner_makes_no_runs_of_its_drops():
    """An operator's journal of MaxStartups drops, one from the partner and two from an address they say is a
    scanner (blind round 75: three runs read where the partner's one failed). A scanner behind the clients' NAT
    (its address also logged in) keeps the drops: they may be the clients'."""
    journal = (
        "Jun 11 02:00:02 hsts01 sshd[41177]: error: beginning MaxStartups throttling\n"
        "Jun 11 02:00:02 hsts01 sshd[41177]: drop connection #10 from [192.0.2.77]:40122 on [203.0.113.10]:33001 "
        "past MaxStartups\n"
        "Jun 11 02:00:03 hsts01 sshd[41177]: drop connection #10 from [198.18.40.7]:51544 on [203.0.113.10]:33001 "
        "past MaxStartups\n"
        "Jun 11 02:00:03 hsts01 sshd[41177]: drop connection #11 from [192.0.2.77]:40130 on [203.0.113.10]:33001 "
        "past MaxStartups\n"
    )
    said = "\n198.18.40.7 is the partner. 192.0.2.77 is a scanner hammering us at 02:00 every night.\n"
    assert [c for c, _ in causes(journal + said)] == ["ssh-refused"]
    assert [c for c, _ in causes(journal)] == ["ssh-refused"] * 3
    shared = journal + (
        "Jun 11 02:00:05 hsts01 sshd[41190]: Accepted publickey for lab from 192.0.2.77 port 40150 ssh2\n" + said
    )
    assert [c for c, _ in causes(shared)][:3] == ["ssh-refused"] * 3


_AUTH_PAIR = "ascp: failed to authenticate, exiting.\nSession Stop  (Error: failed to authenticate)\n"


def test_a_definition_lists_entry_of_two_lines_is_no_run():
    """A guide's entry of ascp's two lines, then "-> what they mean" (blind round 77's Finnish guide read an auth
    failure at medium confidence); a person's own run before an arrow further on stays a run."""
    guide = f"Virheilmoituksia ja niiden syitä\n\n{_AUTH_PAIR}  -> Väärä tai vanhentunut avain.\n"
    assert causes(guide) == []
    own = f"$ ascp -QT -P 33001 u@h:/f .\n{_UDP}$ wget ftp://h/f\n--2024-10-08 15:22:41--  ftp://h/f\n"
    own += "           => 'f'\n"
    assert [c for c, _ in causes(own)] == ["udp"]


def test_japanese_quotes_and_a_japanese_samples_intro_and_disclaimer():
    """A lab FAQ in Japanese: ascp's words in 「」 inside a sentence are the sentence's (no high confidence), a
    sentence ending "次のように表示されます。" introduces a sample, and "実際の実行結果ではありません" says the
    samples are no run's (blind round 77)."""
    quoted = (
        "A1. 共用サーバでは /opt/aspera/connect/bin/ascp にあります。PATH に入っていない場合、\n"
        "    「ascp: コマンドが見つかりません」と表示されます。~/.bashrc に次を追加してください。\n"
    )
    assert [conf for _, conf in causes(quoted)] == ["low"]
    intro = f"旧鍵のままだと次のように表示されます。\n\n      {_AUTH_PAIR.replace(chr(10), chr(10) * 2 + '      ')}"
    assert causes(intro) == []
    said = f"（ここに載せている出力例は実際の実行結果ではありません。）\n\n{_AUTH_PAIR}"
    assert causes(said) == []
    # a person's own run in Japanese words ("running it gives the following") stays a run
    own = "実行すると以下のようになります。\n\n$ ascp -QT u@h:/f .\n" + _DONE.format(t="")
    assert [c for c, _ in causes(own)] == ["ok"]


def test_samples_said_to_be_the_docs_or_a_fixture_are_no_runs():
    """Notes that say where their sample comes from ("Expected ... (from the docs, ...):", "the article's log
    sample, copied for my notes:"), a review naming a test's fixture before it, a parenthetical sentence about
    ascp, and a README shown with sed (blind round 77's daily notes, Gerrit review and pip-audit paste)."""
    docs = 'Expected at the end of each file (from the docs, so I know what "good" looks like):\n```\n'
    docs += _DONE.format(t="") + "```\n"
    assert causes(docs) == []
    article = "- the article's log sample, copied for my notes:\n  ```\n"
    article += "  2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH\n  ```\n"
    assert causes(article) == []
    fixture = "One more thought for a follow-up: test_udp_blocked's fixture\n\n    " + _UDP
    fixture += "\nshould map to network in the parser.\n"
    assert causes(fixture) == []
    aside = "(ascp is not installed in the CI image; the tests feed the fixtures to the parser.)\n"
    assert all(conf == "low" for _, conf in causes(aside))
    readme = "$ sed -n 1,40p README.md\n# fetcher\n\nA good file ends with\n\n    " + _DONE.format(t="")
    assert causes(readme) == []


def test_the_same_log_line_after_ascps_last_words_is_the_next_attempt():
    """Two attempts through one old libssh2, each its ERR line and "..., exiting." (blind round 78: the second
    attempt's ERR line was read as the first's again, and the second read as a plain authentication failure); and
    a wrapper's "aspera attempt 1 failed (exit 1)" ends its attempt."""
    attempt = (
        "[libssh2] Failure Event: -5 - Unable to exchange encryption keys\n"
        "ERR [asssh] SSH connection startup failed, err = -5\nascp: failed to authenticate, exiting.\n"
    )
    assert [c for c, _ in causes(attempt * 2)] == ["ssh-handshake"] * 2
    wrapped = "NA12718: trying aspera (attempt 1/2)\n" + attempt + "NA12718: aspera attempt 1 failed (exit 1)\n"
    wrapped += "NA12718: trying aspera (attempt 2/2)\n" + attempt + "NA12718: aspera attempt 2 failed (exit 1)\n"
    assert [c for c, _ in causes(wrapped)] == ["ssh-handshake"] * 2


def test_a_job_scripts_stderr_file_under_its_banner_is_its_run():
    """A ticket showing the job script, then Grid Engine's stderr file of its run (``--- dl_ena.sh.e4417021 ---``;
    blind round 78 read the stderr file as the script's text and found no run)."""
    ticket = (
        "--- dl_ena.sh ---\n#!/bin/bash\n#$ -cwd\nascp -QT -l 300m -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:f ./\n\n"
        "--- dl_ena.sh.e4417021 ---\nascp: Cannot resolve target host., exiting.\n"
    )
    assert [c for c, _ in causes(ticket)] == ["dns"]
    script = (
        "--- dl_ena.sh ---\n#!/bin/bash\n# fails with: ascp: Cannot resolve target host., exiting.\nascp -QT h:f .\n"
    )
    assert causes(script) == []


def test_a_snakemake_rules_block_then_its_output_pasted_below_is_one_run():
    """Snakemake's error block pasted first, then the rule's ascp output, then Snakemake's shutdown (blind round 79
    read two runs); a block whose run printed nothing before the shutdown stays a run of its own, in its place."""
    block = (
        "Error in rule download:\n    jobid: 14\n    shell:\n        ascp -QT -l 300m -k 1 -i key u@h:f data/f\n"
        "        (one of the commands exited with non-zero exit code; note that snakemake uses bash strict mode!)\n\n"
    )
    output = "ascp: failed to open ssh session., exiting.\n\nSession Stop  (Error: failed to open ssh session.)\n\n"
    shutdown = "Shutting down, this might take some time.\nExiting because a job execution failed. Look above\n"
    assert [c for c, _ in causes(block + output + shutdown)] == ["server-session"]
    swallowed = block + shutdown + "\n$ ascp -QT u@h:f data/f\n" + _UDP
    assert [c for c, _ in causes(swallowed)] == ["unknown", "udp"]


_DONE_PLAIN = "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n"


def test_pages_in_more_languages_introduce_samples_and_say_they_are_no_runs():
    """A Hungarian page's "(PÉLDA, nem valós futás):", a Tamil blog's "மாதிரி:" before each sample, and a Danish
    wiki saying its blocks are examples, "ikke kørsler" (blind round 79 read their samples as runs); Russian
    "Примерно через минуту" (after about a minute) introduces no sample."""
    hungarian = (
        "Sikeres letöltés után ehhez hasonló sorokat kell látnia (PÉLDA, nem valós futás):\n\n    " + _DONE_PLAIN
    )
    assert causes(hungarian) == []
    tamil = "## 3. பிழை\n\nமாதிரி:\n```\nascp: Failed to open TCP connection for SSH, exiting.\n```\n"
    assert causes(tamil) == []
    danish = (
        "OBS: Denne side er dokumentation. Alle output-blokke herunder er EKSEMPLER – de er\n"
        "ikke kørsler på vores klynge.\n\n* `ascp: failed to authenticate, exiting.` – forkert nøgle.\n"
        "* `Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))`\n"
        "  – UDP er blokeret.\n"
    )
    assert all(conf == "low" for _, conf in causes(danish))
    russian = f"$ ascp -QT -P 33001 u@h:/f .\n{_UDP}\nПримерно через минуту ожидания. Попробовал ещё раз:\n\n"
    russian += f"$ ascp -QT -P 33001 -O 33001 u@h:/f .\n{_UDP}"
    assert [c for c, _ in causes(russian)] == ["udp", "udp"]


def test_a_status_page_a_history_an_info_manual_and_a_docstring_are_no_runs():
    """A status page's "fail immediately with messages such as" / '"ascp: ..." or', ``hg log``'s commit messages,
    an Info manual's node, a version history's sentence wrapping into a quote, and a Julia docstring's commented
    example output (blind round 79); the REPL's own run after the docstring stays a run."""
    status = (
        "We are receiving reports that Aspera downloads fail immediately with messages such as\n"
        '"ascp: Failed to open TCP connection for SSH, exiting." or\n'
        '"Session Stop  (Error: Failed to open TCP connection for SSH)". We are investigating.\n'
    )
    assert all(conf == "low" for _, conf in causes(status))
    history = "$ hg log -v -l 8\n212:8e41c0d9a7b2 2025-05-20 14:02 +0200 Pieter Claes\n"
    history += 'aspera: stop retrying on "No such file or directory"\n\nWithout it ascp stops with\n' + _UDP
    assert causes(history) == []
    info = "File: aspera.info,  Node: Ports,  Next: Stalls,  Up: Troubleshooting\n\nA blocked port looks like this\n\n"
    info += "     ascp: Failed to open TCP connection for SSH, exiting.\n"
    assert causes(info) == []
    wrapped = "  v3 (2025-02-03) – switched default key to aspera_bypass_rsa.pem; added rule for\n"
    wrapped += '                    "No such file or directory".\n'
    assert all(conf == "low" for _, conf in causes(wrapped))
    julia = (
        'help?> upload_encrypted\n  Examples\n  julia> upload_encrypted(["t.tar"], "/in"; host="h")\n'
        "  # t.tar                              100%  512MB  198Mb/s    00:21\n"
        "  # Completed: 524288K bytes transferred in 21 seconds\n  #  (199728K bits/sec), in 1 file.\n\n"
        'julia> upload_encrypted(["o.tar"], "/in"; host="h")\n'
        "ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n"
    )
    assert [c for c, _ in causes(julia)] == ["passphrase"]


def test_a_rendered_docs_page_its_headings_and_its_note_on_samples():
    """A Sphinx page as text (its "View page source" and footer), a reStructuredText heading naming a failure, and a
    page's note that its blocks are examples (blind round 77 read seven runs in one page)."""
    page = (
        "seqfetch » User guide » Troubleshooting                                      View page source\n\n"
        "Connection failures\n===================\n\n  ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Check that your site allows outbound TCP 33001.\n"
    )
    assert causes(page) == []
    heading = "Intro text here.\n\nascp is not found\n=================\n\nInstall the SDK and add it to PATH.\n"
    assert causes(heading) == []
    note = (
        "This page lists the messages you are most likely to see. The blocks below are **examples**; your paths\n"
        "and numbers will differ.\n\nAuthentication failures\n=======================\n\n  " + _AUTH_PAIR
    )
    assert all(conf == "low" for _, conf in causes(note))


def test_a_ticket_with_a_dll_error_and_a_pasted_support_article():
    """A Windows ticket: the wrapper's log with ascp.exe's exit code 0xC0000135 (a DLL not found, as a negative
    number), Event Viewer's popup, and an IBM article pasted between rules with its sample log lines (blind round 77
    read the article's sample as the run and the popup not at all)."""
    ticket = (
        "---- wrapper log ----\n2025-03-13 01:00:02 start upload_partner.cmd\n"
        "2025-03-13 01:00:03 ascp.exe exit code -1073741515\n---- end ----\n\n"
        "---- Event Viewer export ----\n"
        "Application popup: ascp.exe - System Error : The code execution cannot proceed because VCRUNTIME140.dll was "
        "not found. Reinstalling the program may fix this problem.\n---- end ----\n\n"
        '---- pasted by requester: IBM support article "Error 44: UDP session initiation fatal error" ----\n'
        "Error 44 is a FASP error that refers to connectivity problems.\n"
        "  2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH\n---- end ----\n"
    )
    assert [c for c, _ in causes(ticket)] == ["died-at-start"]
    assert [c for c, _ in causes("2025-03-13 01:00:03 ascp.exe exit code -1073741515\n")] == ["died-at-start"]


def test_a_report_tools_csv_export_with_its_title_above_the_header_is_a_table():
    """Power BI's export: its title and filters, each one quoted field, above the header; the rows count failures
    by message (blind round 77 read a no-such-file run at high confidence)."""
    export = (
        "\"Aspera transfer failures by category - export from Power BI report 'Transfer Ops'\"\n"
        '"Filters: Status = Failed"\n"Error category","Message","Jan 2025","Total"\n'
        '"Authentication","failed to authenticate","41","62"\n'
        '"SSH connection","Failed to open TCP connection for SSH","7","32"\n'
        '"Remote path","Server aborted session: No such file or directory","18","55"\n'
    )
    assert causes(export) == []


def test_test_suites_macros_and_plans_are_no_runs():
    """A Gherkin feature file, an exported VBA module, a Go test's txtar archive (file-form log lines in it), and a
    change request's test plan "to be performed after implementation" (blind round 81 read their messages as runs,
    some at high confidence)."""
    gherkin = (
        "Feature: Explain ascp failures\n\n  Scenario Outline: a known message maps to a hint\n"
        '    Given ascp wrote "<stdout>" to stdout\n\n    Examples:\n      | stdout |\n'
        "      | Session Stop  (Error: Server aborted session: No such file or directory) |\n"
        "      | Session Stop  (Error: Client unable to connect to server (check UDP port and firewall)) |\n"
    )
    assert causes(gherkin) == []
    vba = (
        'Attribute VB_Name = "modAsperaUpload"\nOption Explicit\n'
        "Public Function ClassifyAscp(ByVal txt As String) As String\n"
        '    Case InStr(txt, "failed to authenticate") > 0\n        ClassifyAscp = "ascp.exe not found - install"\n'
    )
    assert causes(vba) == []
    txtar = (
        "# internal/fasplog/testdata/classify.txtar\n\n-- auth.log --\n"
        "2026-01-05 10:00:00 [1a2b-00000001] ERR failed to authenticate\n"
        "2026-01-05 10:00:00 [1a2b-00000002] LOG FASP Session Start uuid=00000000-0000-0000-0000-000000000019 "
        'op=recv status=failed errcode=19 errstr="Authentication failure"\n-- auth.want --\n{"sessions":[]}\n'
    )
    assert causes(txtar) == []
    plan = (
        "6. TEST PLAN (to be performed after implementation)\n   Pass criterion  : output ends with Completed\n"
        '   Fail indicators : "Failed to open TCP connection for SSH" (rule 1 missing)\n'
        '                     "Client unable to connect to server (check UDP port and firewall)" (rule 2 missing)\n'
    )
    assert causes(plan) == []


def _joblog(rows: list[tuple[float, float, int, str]]) -> str:
    head = "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n"
    return head + "".join(
        f"{n}\t:\t{start:.3f}\t{runtime:8.3f}\t0\t171\t{exitval}\t0\t{command}\n"
        for n, (start, runtime, exitval, command) in enumerate(rows, 1)
    )


def test_a_joblogs_jobs_are_runs_in_start_order_matched_by_their_seconds():
    """GNU parallel's --tag output grouped as the person pasted it, not in the order jobs ended: each completed run
    is the job whose run time is its summary's seconds (blind round 81); a joblog pasted whole beside only the
    failures' lines makes each other job a run (exit 0: completed; coreutils' timeout's 124: cancelled)."""
    cmd = "ascp -QT -l 400m -P33001 -i k u@h:sra/{}.sra ."
    rows = [
        (1715757601.112, 41.220, 0, cmd.format("A")),
        (1715757601.125, 10.412, 1, cmd.format("B")),
        (1715757601.137, 65.113, 0, cmd.format("C")),
        (1715757601.157, 60.228, 0, cmd.format("D")),
    ]
    done = "{n}\tCompleted: 1918105K bytes transferred in {s} seconds\n{n}\t (381630K bits/sec), in 1 file.\n"
    output = (
        done.format(n="A", s=40)
        + "B\tascp: failed to authenticate, exiting.\nB\tSession Stop  (Error: failed to authenticate)\n"
        + done.format(n="C", s=64)
        + done.format(n="D", s=59)
    )
    read = [c for c, _ in causes(output + "\n" + _joblog(rows))]
    # (several started at once, one refused: read as sshd's refusal or as authentication, either in its place)
    assert read[0] == read[2] == read[3] == "ok" and read[1] in ("auth", "ssh-refused") and len(read) == 4
    timed = "timeout 3600 " + cmd
    whole = _joblog(
        [
            (1731002401.112, 1012.455, 0, timed.format("A")),
            (1731002401.143, 3600.004, 124, timed.format("B")),
            (1731003413.723, 0.734, 1, timed.format("C")),
        ]
    )
    whole += "\nC\tascp: Cannot resolve target host., exiting.\n"
    assert [c for c, _ in causes(whole)] == ["ok", "cancelled", "dns"]


def test_a_wrappers_named_starts_and_ends_with_the_output_on_one_line():
    """A wrapper's log: "launch S01 ascp ..." or "start 01 R01.fastq.gz" for each job, then "S02 exit=1 stderr:
    ascp: ..." or "02 FAILED (exit 1): ascp: ..." with each job's output on its end line, failures first (blind
    rounds 78 and 79 listed the failures first): the runs are listed as the wrapper started them."""
    launched = "".join(f"launch S0{n} ascp -QT -P 33001 --host=h --user=u /d/S0{n}.tar /up/\n" for n in range(1, 4))
    launched += "S02 exit=1 stderr: ascp: Failed to open TCP connection for SSH, exiting.\n"
    launched += "S03 exit=0 Completed: 8847360K bytes transferred in 889 seconds\n"
    launched += "S01 exit=0 Completed: 8912896K bytes transferred in 907 seconds\n"
    assert [c for c, _ in causes(launched)] == ["ok", "ssh-port", "ok"]
    started = "".join(f"[2024-03-12 10:15:02] start 0{n} R2301_0{n}.fastq.gz\n" for n in range(1, 4))
    started += "[2024-03-12 10:15:03] 03 FAILED (exit 1): ascp: Failed to open TCP connection for SSH, exiting.\n"
    started += "[2024-03-12 10:15:41] 01 ok: Completed: 301220K bytes transferred in 38 seconds\n"
    started += "[2024-03-12 10:15:44] 02 ok: Completed: 318874K bytes transferred in 41 seconds\n"
    assert [c for c, _ in causes(started)] == ["ok", "ok", "ssh-port"]


def test_round_82s_documents_and_a_code_with_its_errnos_words():
    """Blind round 82: a Basque FAQ ("ikusten baduzu, behean bezala:"), a Nepali sample intro (नमूना), an etiquette
    page ("What you see then looks like ...:", "A full quota shows up as"), a package's postinst and changelog shown
    by head, a config file's comment under its sample log lines, a list of links naming the messages a FAQ covers;
    and a server's log where 64 (a partial file's rename) comes with the rename's "No such file or directory"."""
    basque = (
        "`/bin/sh: 1: ascp: not found` errorea ikusten baduzu, behean bezala:\n\n```\n"
        "/bin/sh: 1: ascp: not found\n```\n"
    )
    assert all(conf == "low" for _, conf in causes(basque))
    nepali = "४. सफल भएमा यस्तो देखिनुपर्छ (नमूना आउटपुट):\n\n       " + _DONE_PLAIN
    assert all(conf == "low" for _, conf in causes(nepali))
    etiquette = (
        "What you see then looks like an authentication or connection problem, but it is not:\n"
        "  ascp: failed to authenticate, exiting.\n\n   * Write to scratch. A full quota shows up as\n"
        "       Session Stop  (Error: Disk write failed)\n"
    )
    assert all(conf == "low" for _, conf in causes(etiquette))
    package = (
        "==> lab-tools_2.3.0_all.deb: DEBIAN/postinst <==\n#!/bin/sh\n"
        "echo \"WARNING: ascp not found, every call will fail with '/bin/sh: 1: ascp: not found'\"\n\n"
        "==> lab-tools_2.3.0_all.deb: usr/share/doc/lab-tools/changelog.Debian.gz (zcat) <==\n"
        '  * treat "Server aborted session: No such file or directory" as permanent; do not retry,\n'
    )
    assert all(conf == "low" for _, conf in causes(package))
    config = (
        "# Line format, per IBM samples:\n"
        "#   2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed\n"
        "#   2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=... op=send status=failed errcode=19\n"
        "# The examples below are test fixtures for the regex, not real sessions.\n"
    )
    assert all(conf == "low" for _, conf in causes(config))
    links = "* ENA docs: https://ena-docs.readthedocs.io/\n* kingfisher FAQ (ascp: not found, Failed to authenticate)\n"
    assert all(conf == "low" for _, conf in causes(links))
    server = (
        "2024-12-02 18:51:58.914 [3a22-7f1e2c0b9700] ERR Failed to rename partial file /r/x.tar.partial: No such file "
        "or directory\n2024-12-02 18:51:58.930 [3a22-7f1e2c0b9700] LOG FASP Session Stop uuid=c7d1a3f9-5e2b-4086-9c4a-"
        '1f3e8b0d6a25 op=recv status=failed errcode=64 errstr="Can\'t rename a partial file." source=- dest=/r\n'
    )
    assert [c for c, _ in causes(server)] == ["partial-rename"]


def test_round_83s_lessons_help_pages_and_a_quoted_prompt():
    """Blind round 83: a Carpentries episode (its ``::: callout`` blocks; its typed commands are the lesson's), a
    help page listing common errors in guillemets (three causes or more, no run: each at low confidence at most), a
    protocol's note quoting the key prompt in a sentence, and its "Expected result (..., not from our data):"."""
    lesson = (
        "::::::::::::::::: callout\n\n## When things go wrong\n\nHere is what the messages look like:\n\n```error\n"
        + _AUTH_PAIR
        + "```\n\n```error\n"
        + _UDP
        + "```\n\n:::::::::::::::::\n"
    )
    assert causes(lesson) == []
    lesson_typed = "$ ascp -QT u@h:/f .\n" + lesson
    assert causes(lesson_typed) == []
    guillemets = (
        "  \u00abascp: failed to authenticate, exiting.\u00bb\n      Use the RSA key.\n"
        "  \u00abascp: Failed to open TCP connection for SSH, exiting.\u00bb\n      Check -P33001.\n"
        "  \u00abSession Stop  (Error: Client unable to connect to server (check UDP port and firewall))\u00bb\n"
        "      UDP is blocked.\n"
    )
    assert all(conf == "low" for _, conf in causes(guillemets))
    note = 'ascp.exe asks "Key passphrase:" if it is given a key it cannot read. Press Ctrl+C and check the\n'
    assert all(conf == "low" for _, conf in causes(note))
    expected = "  3  Expected result (example from the help page, not from our data):\n       " + _DONE_PLAIN
    assert causes(expected) == []


def test_a_scripts_run_under_a_banner_that_names_it_is_a_run():
    """A mail with its upload script's run under ``----- upload_p2291.sh, Lauf vom 14.10.2025 -----`` (the script's
    run of that day, not its text; blind round 83 read no run)."""
    mail = (
        "----- upload_p2291.sh, Lauf vom 14.10.2025 -----\n"
        "[07:30:01] Versuch 1/3: ascp -P 33001 --mode=send --user=p --host=h /a /inbound/\n"
        "Session Stop  (Error: failed to open ssh session.)\n[07:30:03] ascp beendet mit Status 1\n-----\n"
    )
    assert [c for c, _ in causes(mail)] == ["server-session"]
    script = "----- upload_p2291.sh -----\n#!/bin/bash\n# Session Stop  (Error: failed to open ssh session.)\n-----\n"
    assert causes(script) == []


def test_the_persons_own_ssh_turned_away_by_the_server_tells_why_ascp_failed():
    """An old box's ascp 3.7 says "failed to authenticate" to a server rebuilt with a newer crypto policy; the
    person's own ssh from the same box to the same port says "Unable to negotiate ... no matching key exchange
    method found" (blind round 84): the SSH handshake failed, not the key. The ssh test alone is no run."""
    ssh = (
        "[u@box ~]$ ssh -p 33001 -i key u@xfer.lab.example\n"
        "Unable to negotiate with 203.0.113.40 port 33001: no matching key exchange method found. Their offer: "
        "curve25519-sha256,ecdh-sha2-nistp256\n"
    )
    run = "[u@box ~]$ ascp -P 33001 -i key f.tar u@xfer.lab.example:/in/\n" + _AUTH_PAIR + "\n"
    assert [c for c, _ in causes(run + ssh)] == ["ssh-handshake"]
    assert causes(ssh) == []


def test_a_trimmed_joblog_and_named_jobs_output_lines():
    """A joblog shown with some of its columns ("Seq  Starttime  Exitval  Command", dates for start times), only the
    failures' stderr pasted (blind round 85); and a wrapper's "S01 start: ascp ..." lines with each job's output as
    "S04 stderr: ..." / "S02 stdout: ..." (round 84): each job a run, in the order the jobs started."""
    cmd = "ascp -P 33001 -i k a@h:/vault/p{}.tar /stage/"
    trimmed = "Seq  Starttime            Exitval  Command\n"
    trimmed += "".join(
        f"{n}    2024-09-03 02:00:0{(n - 1) // 2}  {1 - n % 2}        {cmd.format(n)}\n" for n in range(1, 5)
    )
    trimmed += "\nstderr of job 2:\nascp: Failed to open TCP connection for SSH, exiting.\n\nstderr of job 4:\n"
    trimmed += "ascp: Failed to open TCP connection for SSH, exiting.\n"
    # (job 2, started beside job 1 and before job 3, both of which got through to the same server: the burst turned
    # away, as _beside_successes reads it; job 4, after the last that worked, keeps its own words)
    assert [c for c, _ in causes(trimmed)] == ["ok", "ssh-refused", "ok", "ssh-port"]
    named = "".join(f"[2025-11-03 23:40:02.11{n}] S0{n} start: ascp -QT -P 33001 S0{n}.cram u@h:/in/\n" for n in (1, 2))
    named += "[2025-11-03 23:40:02.690] S02 stderr: ascp: Failed to open TCP connection for SSH, exiting.\n"
    named += "[2025-11-03 23:46:51.305] S01 stdout: Completed: 9841123K bytes transferred in 408 seconds\n"
    named += "[2025-11-03 23:46:51.305] S01 stdout:  (197561K bits/sec), in 1 file.\n"
    assert [c for c, _ in causes(named)] == ["ok", "ssh-port"]


def test_a_partial_files_rename_named_by_its_path_with_64():
    """A server's syslog: "ERR Failed to rename /drop/x.tif.partial to /drop/x.tif, No such file or directory (2)"
    and the session's errcode 64 (blind round 85 read the errno's words as a missing remote path)."""
    log = (
        "Jul 07 22:15:43 hsts ascp[8131]: ERR Failed to rename /drop/p.tif.partial to /drop/p.tif, No such file or "
        "directory (2)\nJul 07 22:15:43 hsts ascp[8131]: LOG FASP Session Stop uuid=ae5a6be2-b949-430b-91f0-"
        '2b9c39d85984 op=recv status=failed errcode=64 errstr="Can\'t rename a partial file" source=/o/p.tif '
        "dest=/drop local=198.18.80.2:33001 peer=203.0.113.42:33001 tcp_port=33001\n"
    )
    assert [c for c, _ in causes(log)] == ["partial-rename"]


def test_a_german_exit_code_line_is_a_run_and_a_conditional_one_is_not():
    """ "ascp beendet mit Exit-Code 1" in a chat (stderr thrown away; blind round 85) is a run whose cause cannot be
    told; a runbook's "auch wenn der Exit-Code 0 ist" (even if the exit code is 0) is no run."""
    chat = "    ascp -QT -l 300m -P33001 -i k era-fasp@fasp.sra.ebi.ac.uk:/vol1/f.fastq.gz /w/\n"
    chat += "    ascp beendet mit Exit-Code 1\n"
    assert [c for c, _ in causes(chat)] == ["unknown"]
    runbook = "Alles andere ist ein Fehler, auch wenn der Exit-Code 0 ist (kommt bei Wrappern vor).\n"
    assert causes(runbook) == []


def test_usually_in_the_middle_of_a_chinese_sentence_introduces_no_sample():
    """A person's "网上说通常是忘记加 -P33001，于是加上：" (people say it is usually a forgotten -P33001, so I
    added it) before their second attempt: their run, not a sample (blind round 83 read two attempts as one)."""
    attempt = (
        'PS D:\\gsa> & "C:\\Aspera Connect\\bin\\ascp.exe" {p}-i k -QT a@h:f D:\\gsa\n'
        "ascp.exe: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n\n"
    )
    text = attempt.format(p="") + "网上说通常是忘记加 -P33001，于是加上：\n\n" + attempt.format(p="-P33001 ")
    assert [c for c, _ in causes(text)] == ["ssh-port", "ssh-port"]
    assert causes("正常的输出一般是这样：\n\n" + _DONE_PLAIN) == []
