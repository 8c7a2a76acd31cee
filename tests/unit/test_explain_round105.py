"""explain: what blind round 105 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes

_UDP = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
_GONE = "Session Stop  (Error: Server aborted session: No such file or directory)"


def test_perl_pod_is_a_document():
    """A Perl module's POD whose items quote ascp's words is a document (it had been three runs)."""
    text = (
        "=head1 NAME\n\nBio::Fetch::Errors - map ascp's words to retries\n\n=over 4\n\n"
        f"=item C<{_UDP}>\n\nRetryable.\n\n=item C<{_GONE}>\n\nNot retryable.\n\n"
        "=item C<Session Stop  (Error: failed to authenticate)>\n\nWrong key.\n\n=back\n"
    )
    assert cause_ids(text) == []


def test_a_docusaurus_mdx_page_is_a_document():
    """An MDX page importing its theme's components, its tabs holding ascp's failures in fences (three runs)."""
    text = (
        "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Troubleshooting\n\n"
        '<Tabs>\n  <TabItem value="ssh" label="SSH">\n\n```text\nascp: Failed to open TCP connection for SSH, '
        "exiting.\n```\n\n  </TabItem>\n"
        f'  <TabItem value="udp" label="UDP">\n\n```text\n{_UDP}\n```\n\n  </TabItem>\n</Tabs>\n'
    )
    assert cause_ids(text) == []


def test_a_latex_document_is_no_run():
    """A paper's LaTeX source listing the message it classified by (it had been a confident no-such-file)."""
    text = (
        "\\documentclass[11pt]{article}\n\\begin{document}\n\\section{Methods}\n"
        "A transfer was classified as permanently failed when \\texttt{ascp} reported\n"
        f"\\begin{{lstlisting}}\n{_GONE}\n\\end{{lstlisting}}\n\\end{{document}}\n"
    )
    assert cause_ids(text) == []


def test_an_obsidian_callout_is_the_note_s():
    """Obsidian's callouts ("> [!bug] UDP blocked") and the fenced messages inside them are a note's (the scanner
    had taken "[!bug]" for a logger's level and left the lines as runs)."""
    text = (
        "# Aspera cheat sheet\n\n"
        f"> [!bug] UDP blocked\n> ```\n> {_UDP}\n> ```\n> Happens on the guest wifi.\n\n"
        f"> [!bug] Gone from ENA\n> ```\n> {_GONE}\n> ```\n> Check the path.\n"
    )
    assert cause_ids(text) == []


def test_a_prometheus_rules_file_is_a_document():
    """Alert rules whose comments quote ascp's words (the comment's "# " taken off, they had stood as a run)."""
    text = (
        "groups:\n  - name: aspera\n    rules:\n      - alert: AsperaUdpBlocked\n"
        f"        # mtail counter: lines matching\n        #   {_UDP}\n"
        '        expr: increase(ascp_session_stop_total{reason="udp"}[15m]) > 3\n'
    )
    assert cause_ids(text) == []


def test_a_common_errors_heading_in_ukrainian_opens_a_document_s_section():
    """A lab wiki's "Типові помилки" (common errors) section quoting ascp's failures is the page's."""
    text = (
        "## Типові помилки\n\n* Помилка з'єднання:\n\n      ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "  Додайте `-P33001`.\n\n* Шифрування:\n\n      Session Stop  (Error: Server aborted session: Client "
        "requests stronger encryption than server allows)\n\n  Додайте параметр `-T`.\n"
    )
    assert cause_ids(text) == []


def test_brackets_calling_a_logged_pair_an_example_make_it_a_sample():
    """ "Typical success pair (example from the test box):" before a server's session: the page's sample (it had
    been read as a completed run)."""
    text = (
        "Typical success pair (example from the test box):\n\n```\n"
        "Jan 26 18:44:54 box ascp[1894]: LOG FASP Session Start uuid=09fe0c30-bf69-47d1-9db5-3bf60b8f1426 op=send "
        "status=started source=/data/t.bin dest=/data local=10.0.0.5:54338 peer=10.0.0.6:33001\n"
        "Jan 26 18:45:40 box ascp[1894]: LOG FASP Session Stop uuid=09fe0c30-bf69-47d1-9db5-3bf60b8f1426 op=send "
        "status=success source=/data/t.bin dest=/data\n```\n"
    )
    assert cause_ids(text) == []


def test_a_chat_log_s_speaker_is_taken_off_and_a_tool_s_error_is_no_run():
    """An operators' chat: "<raj> ls: cannot access '/opt/aspera/bin/ascp': ..." is ls's error, not a run of
    ascp missing (it had been a confident ascp-missing); the customer's pasted failure stays the one run."""
    text = (
        "[09:12] <dana> customer says every upload dies instantly with\n"
        "[09:12] <dana> ascp: failed to open ssh session., exiting.\n"
        "[09:12] <dana> Session Stop  (Error: failed to open ssh session.)\n"
        "[09:15] <raj> ls -l /opt/aspera/bin/ascp\n"
        "[09:15] <raj> ls: cannot access '/opt/aspera/bin/ascp': No such file or directory\n"
    )
    assert cause_ids(text) == ["server-session"]


def test_ctrl_c_echoed_after_ascli_s_time_left_cancels_the_run():
    """ascli's bar "ETA: 00:02:19^C", then "ERROR: Interruption:": the user stopped it (it had been unknown)."""
    text = (
        "$ ascli server upload --to-folder=/ingest ./camera_A/*.braw\n"
        " Time: 00:03:12 =========================---=---=---- 58% 640 Mbps  ETA: 00:02:19^C\n"
        "ERROR: Interruption: \n"
    )
    assert cause_ids(text) == ["cancelled"]


_SNAKE_ATTEMPT = (
    "[Mon Nov 24 11:20:{start} 2025]\nrule ascp_fastq:\n    output: raw/SRR1_1.fastq.gz\n    log: logs/SRR1_1.log\n"
    "    jobid: {job}\n\n[Mon Nov 24 11:20:{end} 2025]\nError in rule ascp_fastq:\n    jobid: {job}\n"
    "    log: logs/SRR1_1.log (check log file(s) for error details)\n    shell:\n"
    "        ascp -QT -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR1_1.fastq.gz raw/ > logs/x.log"
    " 2>&1\n        (one of the commands exited with non-zero exit code; note that snakemake uses bash strict"
    " mode!)\n\n"
)


def test_snakemake_s_restarts_of_one_job_read_as_the_failure_its_log_shows():
    """Snakemake restarted job 7 twice; its log, overwritten by each attempt, shows a withdrawn path: the earlier
    attempts read so too, at low confidence (they had been unknown)."""
    text = (
        "$ snakemake --cores 4 --restart-times 2\n"
        + _SNAKE_ATTEMPT.format(start="41", end="49", job=7)
        + "Trying to restart job 7.\n"
        + _SNAKE_ATTEMPT.format(start="50", end="57", job=7)
        + "Trying to restart job 7.\n"
        + _SNAKE_ATTEMPT.format(start="58", end="59", job=7)
        + "Exiting because a job execution failed. Look above for error message\n\n"
        "$ cat logs/SRR1_1.log\nCompleted: 0K bytes transferred in 0 seconds\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert causes(text) == [("no-such-file", "low"), ("no-such-file", "low"), ("no-such-file", "high")]


def test_a_person_who_says_the_second_paste_ran_first_orders_the_runs():
    """ "The SECOND block below is what I ran first": the passphrase prompts started first (the completed rerun had
    been listed first)."""
    text = (
        "I pasted these in the wrong order. The SECOND block below is what I ran first, the FIRST is the rerun.\n\n"
        "--- block 1 ---\n$ ascp -P33001 -i ~/.aspera/connect/etc/key.openssh -QT -l100m aspera01@example.org:f.gz .\n"
        "f.gz                               100% 2215MB 99.1Mb/s    03:08\n"
        "Completed: 2268160K bytes transferred in 188 seconds\n (98832K bits/sec), in 1 file.\n\n"
        "--- block 2 ---\n$ ascp -P33001 -i ~/.aspera/conect/etc/key.openssh -QT -l100m aspera01@example.org:f.gz .\n"
        "Key passphrase:\nKey passphrase:\n^C\n"
    )
    assert cause_ids(text) == ["key-file", "ok"]


def test_one_job_s_failure_beside_another_job_s_log_is_not_read_as_it():
    """Guard: a job told only by Snakemake's log beside another job's shown failure, no restart: still unknown."""
    text = (
        "$ snakemake --cores 2\n"
        + _SNAKE_ATTEMPT.format(start="41", end="49", job=7)
        + _SNAKE_ATTEMPT.format(start="50", end="57", job=8)
        + "\n$ cat logs/other.log\nSession Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text)[:1] == ["unknown"]


def test_runs_with_times_keep_their_order_whatever_the_person_says():
    """Guard: stamped prompts already order the two attempts; the person's "the bottom one is the first try" does
    not turn them round again."""
    text = (
        "sorry, the bottom one is the first try.\n\n"
        "[2025-06-02 15:41:07] ana@laptop ~/dl % ascp -QT -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:f.gz .\n"
        "Completed: 318772K bytes transferred in 27 seconds\n (96213K bits/sec), in 1 file.\n\n"
        "[2025-06-02 14:12:50] ana@laptop ~/dl % ascp -QT -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:f.gz .\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    assert cause_ids(text) == ["udp", "ok"]
