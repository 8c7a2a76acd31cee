"""explain: what blind round 114 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_sentence_naming_ena_s_err_prefix_is_no_ascp_err_line():
    """A Vietnamese post: "thay mã ERR vào đường dẫn thì bị lỗi như sau:" (I put the ERR code into the path and got
    this error): a word before "ERR" makes it a sentence's word, not ascp's ERR level (it had read as a run of its
    own, unknown)."""
    text = (
        "Em làm theo hướng dẫn trên trang ENA, thay mã ERR vào đường dẫn thì bị lỗi như sau:\n\n"
        "$ ascp -T -l 300m -P 33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR124/ERR1245678/x.fastq.gz .\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["no-such-file"]
    assert cause_ids("replace the ERR in the path\n") == []
    # (guard) ascp's ERR after a wrapper's tag or a time is still its line
    assert cause_ids("2024-01-01 10:00:00.230 ERR failed to authenticate\n") == ["auth"]


_PS_RECORD = (
    "No linha:1 caractere:1\n"
    "+ ascp -QT -l 300m -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz .\n"
    "+ ~~~~\n"
    "    + CategoryInfo          : ObjectNotFound: (ascp:String) [], CommandNotFoundException\n"
    "    + FullyQualifiedErrorId : CommandNotFoundException\n"
)


def test_powershell_s_command_not_found_in_portuguese_and_its_record():
    """PowerShell in Portuguese ("O termo 'ascp' não é reconhecido como nome de cmdlet ...") and its error record
    ("ObjectNotFound: (ascp:String) [], CommandNotFoundException", the same in every language): ascp is missing,
    one run (it had read as nothing)."""
    prompt = "PS C:\\Users\\lucas\\tcc> ascp -QT -l 300m -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n"
    words = (
        "ascp : O termo 'ascp' não é reconhecido como nome de cmdlet, função, arquivo de script ou programa operável.\n"
    )
    assert cause_ids(prompt + words + _PS_RECORD) == ["ascp-missing"]
    # the record alone, its words in a language not known: the record tells it
    assert cause_ids(prompt + "ascp : Thuật ngữ 'ascp' không được nhận dạng.\n" + _PS_RECORD) == ["ascp-missing"]
    # (guard) two such attempts are two runs
    assert cause_ids((prompt + _PS_RECORD) * 2) == ["ascp-missing", "ascp-missing"]


def test_a_logger_s_line_telling_the_ascp_command_it_runs_starts_a_run():
    """Galaxy's ascp file source: "... [pN:main.1,p:20817,...] Executing ascp command (key path hidden): ascp -i
    <ssh-key> ..." before each of five attempts, each ending "ascp transfer failed (attempt N/5): ... Session Stop
    (Error: Client unable to connect to server (check UDP port and firewall))": five runs (they had read as two)."""
    prefix = "galaxy.files.sources.ascp_fsspec {} 2026-03-11 09:{} [pN:main.1,p:20817,tN:FileSourceWorker-3] "
    path = "vol1/fastq/ERR324/001/ERR3242151/ERR3242151_1.fastq.gz"
    command = "Executing ascp command (key path hidden): ascp -i <ssh-key> -l 300m -P 33001 -T -k 1 " + (
        f"era-fasp@fasp.sra.ebi.ac.uk:{path} /srv/galaxy/database/tmp/tmpk2v9q1xw/ERR3242151_1.fastq.gz\n"
    )
    failed = (
        f"ascp transfer failed (attempt {{}}/5): ascp transfer failed for {path} with exit code 1. Error: Session "
        "Stop  (Error: Client unable to connect to server (check UDP port and firewall)). Retrying in {} seconds...\n"
    )
    times: list[tuple[str, str | None]] = [("14:02,118", "14:33,540"), ("14:38,548", "15:09,871")]
    times += [("15:34,881", "16:06,214"), ("17:06,230", "17:37,902"), ("18:37,919", None)]
    text = ""
    for n, (started, ended) in enumerate(times):
        if n:
            text += prefix.format("DEBUG", started) + f"Resume enabled for retry attempt {n + 1}\n"
        text += prefix.format("DEBUG", started) + command
        if ended is not None:
            text += prefix.format("WARNING", ended) + failed.format(n + 1, ("5.0", "25.0", "60.0", "60.0")[n])
    text += (
        "galaxy.tools.data_fetch ERROR 2026-03-11 09:19:09,455 [pN:main.1,p:20817,tN:FileSourceWorker-3] Failed to "
        f"fetch ascp://era-fasp@fasp.sra.ebi.ac.uk/{path}\n"
        f"galaxy.exceptions.MessageException: ascp transfer failed for {path} with exit code 1. Error: Session Stop  "
        "(Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    assert cause_ids(text) == ["udp"] * 5
    # (guard) kingfisher's "Running command: ascp ..." is left as it was: its title and its output are one run
    kingfisher = (
        "03/12/2021 02:28:13 PM INFO: Running command: ascp -T -l 300m -P33001 -i key era-fasp@host:/vol1/x .\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids("# Failed to authenticate\n\n" + kingfisher) == ["auth"]


def test_a_kql_hunting_query_s_comments_are_no_runs():
    """A Microsoft Sentinel hunting query ("// Background for analysts: ... "ascp: failed to authenticate,
    exiting."", then "Syslog | where ... | summarize ..."): the query's comments quote ascp, no run (they had read as
    two, one of them auth at medium)."""
    text = (
        "// Name: HSTS: bursts of Aspera authentication failures per source\n"
        "// Background for analysts: an Aspera client that fails SSH auth logs on its side\n"
        '//   "ascp: failed to authenticate, exiting." and the server logs\n'
        '//   "LOG FASP Session Start ... status=failed errcode=19".\n'
        "let lookback = 1d;\n"
        "Syslog\n"
        "| where TimeGenerated > ago(lookback)\n"
        '| where ProcessName == "ascp" and SyslogMessage has "FASP Session Start"\n'
        '| extend errcode = toint(extract(@"errcode=(\\d+)", 1, SyslogMessage))\n'
        "| summarize Failures = count() by bin(TimeGenerated, 15m)\n"
    )
    assert cause_ids(text) == []


def test_a_siem_s_event_mapping_and_its_synthetic_test_payloads_are_no_runs():
    """QRadar DSM notes: 'Session Stop / failed -> "Aspera transfer failed"' (an event mapping) and "Test payloads
    used in the DSM editor (synthetic, written by us; NOT events)" before three FASP records: no run (they had read
    as auth at medium and a stall)."""
    text = (
        "QID mapping (Event ID + status):\n"
        '    Session Stop / success   -> "Aspera transfer completed"          (Low Level Category: File Transfer)\n'
        '    Session Stop / failed    -> "Aspera transfer failed"             (Low Level Category: Error)\n\n'
        "3. Test payloads used in the DSM editor (synthetic, written by us; NOT events)\n"
        "-------------------------------------------------------------------------------\n"
        "<14>Jan 29 03:12:45 hsts-dmz-02 ascp[20940]: LOG FASP Session Stop uuid=00000000-1111-2222-3333-555555555555 "
        'op=send status=failed errcode=40 errstr="Data transfer stalled, timed out"\n'
    )
    assert cause_ids(text) == []


def test_a_dokuwiki_table_of_messages_and_a_page_s_quoted_samples_are_no_runs():
    """DokuWiki's table ("^ Meldung ^ Bedeutung ^", rows "| ''ascp: ...'' | ... |") and a review page's sample
    "(taken from the IBM error-code page)" beside the page's own check runs: the table's rows and the sample are no
    runs (they had read as auth at medium and ssh-port at high)."""
    page = (
        "=== 2024-03-12 (mweiss) ===\n<code>\nCompleted: 1048576K bytes transferred in 44 seconds\n"
        " (195022K bits/sec), in 1 file.\n</code>\nOK.\n\n"
        "===== Typische Fehler =====\n\n"
        "^ Meldung ^ Bedeutung ^\n"
        "| ''ascp: failed to authenticate, exiting.'' | Schlüssel falsch/abgelaufen |\n"
        "| ''ascp: Failed to open TCP connection for SSH, exiting.'' | TCP 33001 gesperrt |\n"
    )
    assert cause_ids(page) == ["ok"]
    review = (
        "What the partner's ascp prints in both cases (taken from the IBM error-code page):\n\n"
        "```\nascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(review) == []


def test_task_scheduler_s_return_code_0_of_a_shell_action_is_not_ascp_s():
    """Task Scheduler's 'Event 201: ... action "C:\\Windows\\SYSTEM32\\cmd.exe" with return code 0.' beside ascp's
    log of a failed session: the script's last command's status (its "echo done"), not a run that worked (it had
    read as one, high)."""
    text = (
        'Event 201: Task Scheduler successfully completed task "\\Studio\\PushRendersYVR" , instance "{9b1e3c77}" , '
        'action "C:\\Windows\\SYSTEM32\\cmd.exe" with return code 0.\n\n'
        "2025-03-04 01:00:04.218 [1d4c-00002a18] ERR Failed to open TCP connection for SSH\n"
        "2025-03-04 01:00:04.219 [1d4c-00001f30] LOG FASP Session Start uuid=2a6b9d14-55c0-4f1e-8b0a-7e9d3c1b0a44 "
        'op=send status=failed errcode=44 errstr="UDP session initiation fatal error"\n'
    )
    assert cause_ids(text) == ["ssh-port"]


def test_nothing_moved_and_exit_1_beside_its_own_log_s_failed_session_is_that_session():
    """ "Completed: 0K bytes transferred in 2 seconds / (0K bits/sec), in 0 files." then `echo $?` saying 1, then its
    -L log's Transfer Stop (errcode=42 "File or directory already exists") and Session Stop: one failed run, the
    file kept by --overwrite=never (it had read as a run that worked, high, beside the failure)."""
    uuid = "7d2c0e91-4b6a-4f35-9e18-3a0c5b7d2e64"
    text = (
        "(base) hoa@may-lab:~/sra$ ascp -QT -l 300m -P33001 -k1 --overwrite=never -L ./log -i key.pem "
        "anonftp@ftp.ncbi.nlm.nih.gov:/sra/SRR21783344.sra .\n"
        "Completed: 0K bytes transferred in 2 seconds\n (0K bits/sec), in 0 files.\n"
        "(base) hoa@may-lab:~/sra$ echo $?\n1\n"
        '(base) hoa@may-lab:~/sra$ grep -E "ERR|Transfer Stop|Session Stop" log/aspera-scp-transfer.log\n'
        f"2025-03-15 21:02:18.406 [5f21-7f3a0c2e1740] LOG FASP Transfer Stop uuid={uuid} op=recv status=failed "
        'file="/home/hoa/sra/SRR21783344.sra" size=0 errcode=42 errstr="File or directory already exists"\n'
        f"2025-03-15 21:02:18.409 [5f21-7f3a0c2e1740] LOG FASP Session Stop uuid={uuid} op=recv status=failed "
        'errcode=27 errstr="Some individual files failed" peer=130.14.250.7:33001\n'
    )
    assert cause_ids(text) == ["exists"]
    # (guard) exit 0 after such a summary leaves it a run that completed
    assert cause_ids(text.replace("echo $?\n1\n", "echo $?\n0\n").split("(base) hoa@may-lab:~/sra$ grep")[0]) == ["ok"]


def test_a_partial_file_s_rename_failing_with_no_such_file_is_the_rename_s_failure():
    """ "ascp: Cannot rename partial file X.aspx to X: No such file or directory, exiting.": the errno's words tell
    how the rename failed (another run renamed it first), not that the source is missing (it had read as
    no-such-file, high)."""
    text = "ascp: Cannot rename partial file /srv/in/x.bam.aspx to /srv/in/x.bam: No such file or directory, exiting.\n"
    assert cause_ids(text) == ["partial-rename"]
