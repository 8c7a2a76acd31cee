"""explain: what blind round 111 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_zero_byte_summary_then_the_session_s_error_is_one_failed_run():
    """ "Completed: 0K bytes transferred in 1 seconds" / " (0K bits/sec), in 1 file." then "Session Stop  (Error:
    Server aborted session: Permission denied)": one run that failed (it had read as a completed run and a failed
    one)."""
    text = (
        "$ ascp -P 33001 -l 500m -k 1 -d a07.bam up@aspera.parceiro.example.pt:/entregas/lote3/\n"
        "a07.bam                                   0%    0KB    0.0Kb/s    --:--\n"
        "Completed: 0K bytes transferred in 1 seconds\n (0K bits/sec), in 1 file.\n"
        "Session Stop  (Error: Server aborted session: Permission denied)\n"
    )
    assert cause_ids(text) == ["permission"]
    # (guard) a summary that moved bytes ends its run: an error after it is the next run's
    moved = text.replace("Completed: 0K", "Completed: 759808K").replace("(0K bits", "(98108K bits")
    assert cause_ids(moved) == ["ok", "permission"]


def test_an_auth_failure_with_a_key_ls_says_is_not_there_is_the_key_file():
    """ "failed to authenticate" with ``-i "$ASP/etc/asperaweb_id_dsa.openssh"``, then ``ls`` of that path: "No such
    file or directory": the key file (newer Connect ships another key), not the account (it had read as auth)."""
    text = (
        '$ "$ASP/bin/ascp.exe" -T -l 300m -P 33001 -i "$ASP/etc/asperaweb_id_dsa.openssh" '
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR986/ERR9860011/ERR9860011.fastq.gz .\n"
        "ascp.exe: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n\n"
        '$ ls "$ASP/etc/asperaweb_id_dsa.openssh"\n'
        "ls: cannot access '/mnt/c/Aspera Connect/etc/asperaweb_id_dsa.openssh': No such file or directory\n"
    )
    assert cause_ids(text) == ["key-file"]
    # (guard) ls of another file that is missing says nothing of the key
    other = text.replace("/etc/asperaweb_id_dsa.openssh': No", "/etc/notes.txt': No")
    assert cause_ids(other) == ["auth"]


def test_a_feature_request_naming_errors_it_should_handle_by_an_example_holds_no_run():
    """ "It should fall back to FTP/HTTPS on errors like `Session Stop (Error: ...)`": what should be done about a
    kind of error, no run (it had read as a UDP failure, high)."""
    text = (
        "It would be nice to have Aspera for DDBJ too. It should fall back to FTP/HTTPS on errors like "
        "`Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))`\n"
    )
    assert cause_ids(text) == []
    # (guard) a person telling what they get, by the same words, reports a run
    told = "I keep getting errors like `Session Stop  (Error: Client unable to connect to server (check UDP port"
    assert cause_ids(told + " and firewall))`\n") != []


def test_dash_s_not_found_for_the_path_a_directory_listing_shows_is_a_missing_loader():
    """A container job's trace: ``+ ls -l /opt/aspera/sdk`` listing "ascp" executable, then ``+ /opt/aspera/sdk/ascp
    ...`` and "/bin/sh: /opt/aspera/sdk/ascp: not found": the glibc build cannot start on Alpine, ascp died at its
    start (it had read as not installed)."""
    text = (
        "+ ls -l /opt/aspera/sdk\ntotal 31644\n"
        "-rwxr-xr-x    1 root     root      11482496 Jun 30 09:12 ascp\n"
        "-rw-r--r--    1 root     root          1675 Jun 30 09:12 aspera_bypass_rsa.pem\n"
        "+ /opt/aspera/sdk/ascp -P 33001 -l 500m --mode=recv --host=xfer.vendor.example --user=bot /out/ /mnt/in/\n"
        "/bin/sh: /opt/aspera/sdk/ascp: not found\n"
    )
    assert cause_ids(text) == ["died-at-start"]
    # (guard) without the listing, "not found" is ascp missing
    assert cause_ids(text[text.index("+ /opt/aspera/sdk/ascp") :]) == ["ascp-missing"]


def test_a_vendor_s_fix_list_and_its_example_record_hold_no_run():
    """A fix list as a text table ("APAR/ID   Component   Summary" over a rule) whose rows quote ascp's messages,
    then "Example record (from the vendor notes, not from our systems):" and a bare FASP record: no run (they had
    read as a died-at-start and a host-key failure)."""
    text = (
        "APAR/ID      Component  Summary\n-----------  ---------  ---------------------------------\n"
        'HSTS-2301    ascp       ascp exits with "required management connection to port\n'
        '                        localhost:NNNNN failed." when a local firewall blocks loopback.\n\n'
        "Example record (from the vendor notes, not from our systems):\n"
        "  LOG FASP Session Stop uuid=00000000-0000-0000-0000-000000000000 op=recv status=failed errcode=51 "
        'errstr="Remote host is not who we expected"\n'
    )
    assert cause_ids(text) == []


def test_ascp_s_debug_log_of_a_failed_handshake_and_its_console_words_are_one_run():
    """ascp -DD's log lines ("ERR libssh2_session_handshake failed: -5 (Unable to exchange encryption keys)"), then
    its console's "failed to authenticate", then the person's Korean question quoting those words in bold: one run,
    the handshake (it had read as three: the log's, the console's and the question's)."""
    text = (
        "[dev@b7 ~]$ ascp -DD -T -P 33001 -i ~/.ssh/partner_rsa u@fasp.partner.example.com:/inbox/ ./r.zip\n"
        "2024-12-04 13:20:11 [2e41-7f8a1c2b9740] DBG 1 ascp: TCP connection established\n"
        "2024-12-04 13:20:11 [2e41-7f8a1c2b9740] ERR libssh2_session_handshake failed: -5 (Unable to exchange "
        "encryption keys)\n"
        "2024-12-04 13:20:11 [2e41-7f8a1c2b9740] ERR [ascp] SSH authentication failed\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n```\n\n"
        "**failed to authenticate** 이 부분이 문제인 것 같은데 협력사에 공개키를 다시 보내야 할까요?\n"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_an_html_table_of_what_messages_mean_holds_no_run():
    """A wiki page's HTML table "Message (as printed) | Meaning | First thing to check" whose cells quote ascp's
    words: documentation, the page's own check below it its one run (the rows had read as runs at low confidence)."""
    rows = "".join(
        f"<tr><td><code>{said}</code></td><td>{meaning}</td><td>check</td></tr>\n"
        for said, meaning in (
            ("ascp: failed to authenticate, exiting.", "SSH login refused"),
            ("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))", "UDP"),
            ("Session Stop  (Error: Data transfer stalled, timed out)", "stall after start"),
        )
    )
    text = (
        "<h1>Runbook: Aspera transfer failures</h1>\n<table>\n"
        "<tr><th>Message (as printed)</th><th>Meaning</th><th>First thing to check</th></tr>\n" + rows + "</table>\n"
        "<p>Last night's check from the ingest host:</p>\n"
        "<pre>\n$ ascp -P 33001 -l 100m u@h.example.com:/x/a.bin /in/\n"
        "Completed: 1024K bytes transferred in 2 seconds\n (4194K bits/sec), in 1 file.\n</pre>\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_version_control_log_quoting_ascp_in_its_commit_messages_holds_no_run():
    """``jj log`` (and git's alike): commit messages quoting ascp's words and a test's golden summary: no run (they
    had read as a failed and a completed one)."""
    text = (
        "$ jj log -r 'ancestors(@, 3)' --no-graph -T builtin_log_detailed\n"
        "Commit ID: 8e3d1c0b9a7f6e5d4c3b2a19081726354a5b6c7d\nChange ID: rwkyvsupnzqmlxto\n"
        "Author   : Lukas Brandt <l.brandt@example.org> (2024-09-03 11:05:57)\n\n"
        '    retry: do not retry "No such file or directory"\n\n'
        '    "Session Stop  (Error: Server aborted session: No such file or directory)"\n    is final.\n\n'
        "Commit ID: 0a1b2c3d4e5f60718293a4b5c6d7e8f901a2b3c4\nChange ID: yxwvutsrqponmlkj\n"
        "Author   : Lukas Brandt <l.brandt@example.org> (2024-08-30 09:00:12)\n\n"
        "    tests: golden outputs for Completed lines\n\n"
        "    Completed: 74523K bytes transferred in 118 seconds\n     (5132K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == []
    assert cause_ids(text.replace("Commit ID: ", "commit ").replace("$ jj log", "$ git log")) == []


def test_a_feature_request_s_example_wrapped_after_its_modal_holds_no_run():
    """A markdown list item wrapped before its inline code ("... so it should fall back to FTP/HTTPS on" / "  errors
    like `Session Stop ...`"): the sentence's start tells what it is, no run (it had read as a UDP failure, high)."""
    text = (
        "- TCP and UDP 33001 outbound allowed, not true on every HPC — so it should fall back to FTP/HTTPS on\n"
        "  errors like `Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))`\n"
    )
    assert cause_ids(text) == []
