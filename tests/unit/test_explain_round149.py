"""explain: what blind round 149 found, and guards beside the fixes (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_jobs_log_kept_in_comments_under_its_workflow_is_read():
    """A GitHub Actions workflow with its job's log pasted below it, each line behind "# ", after "# ---- job log
    (Download ENA test run) ----": ascp's usage text is that job's run (the whole file had been a document)."""
    assert cause_ids(_blind("round149-ordinary/11-gha-key-swallows-source.yaml")) == ["usage"]


def test_a_workflows_commented_sample_output_stays_no_run():
    """Guard: "# --- expected output ---" over commented lines shows what a run would print."""
    text = (
        "name: fetch\non: [workflow_dispatch]\njobs:\n  fetch:\n    runs-on: ubuntu-22.04\n    steps:\n"
        "      - run: ascp -QT -l 300m -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz .\n"
        "# --- expected output when the key is missing ---\n"
        "# ascp: failed to authenticate, exiting.\n# \n# Session Stop  (Error: failed to authenticate)\n"
        "# (fix: set ENA_KEY)\n"
    )
    assert cause_ids(text) == []


def test_a_newsletter_printing_a_readers_own_output_is_their_run():
    """An Italian bulletin prints a reader's letter with "Pubblichiamo (con permesso) il loro output:" over their
    typed ascp and its Session Stop: a run (newsletters had all been documents without a run)."""
    assert cause_ids(_blind("round149-documents/19-italian-newsletter-licence.txt")) == ["licence"]


def test_a_newsletter_of_advice_stays_no_run():
    """Guard: a newsletter quoting ascp's messages as advice, no reader's output."""
    assert cause_ids(_blind("round130-documents/12-italian-hpc-newsletter.txt")) == []


def test_nextflows_warning_that_it_copies_outputs_is_no_failure():
    """ "WARN: [ASPERA_DOWNLOAD (SRR...)] Unable to publish files: ..." names the task, not a failed transfer: the
    task's ascp completed (had been read as unknown)."""
    text = (
        "executor >  local (1)\n[7a/03c2e1] process > ASPERA_DOWNLOAD (SRR14530748) [100%] 1 of 1 \u2714\n"
        "WARN: [ASPERA_DOWNLOAD (SRR14530748)] Unable to publish files: missing `publishDir` mode 'link' support on "
        "this filesystem, falling back to 'copy'\n"
        "Succeeded   : 1\n\n$ cat work/7a/03c2e1*/.command.log\n"
        "ascp -QT -l 300m -P33001 -k1 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR145/SRR14530748.fastq.gz .\n"
        "Completed: 2963456K bytes transferred in 104 seconds\n (232857K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_question_from_people_who_have_not_started_yet_is_no_run():
    """ "we have not started yet" in a list mail asking about ports and "before transfers stall?": no run (the
    question had been read as a stall)."""
    assert cause_ids(_blind("round149-hard-middle/21-mailing-list-question-before-hcp-download.txt")) == []


def test_a_wrappers_transfer_failed_line_after_the_session_stop_is_the_same_run():
    """ "ERROR: Transfer failed: <words>" under ascp's Session Stop with the same words: one run's end (two runs)."""
    text = (
        "$ ascli aoc files download x\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n"
        "ERROR: Transfer failed: Session initiation failed, read timed out\n"
    )
    assert cause_ids(text) == ["session-start"]


def test_a_faqs_title_quoting_command_not_found_is_no_run_of_its_own():
    """A French FAQ's title, "« ascp: command not found » dans un job Slurm", over the job's output quoted below:
    one run, the job's (the title had been a second run)."""
    assert cause_ids(_blind("round149-documents/14-french-faq-ascp-missing.md")) == ["ascp-missing"]


def test_a_markdown_table_of_a_log_searchs_rows_is_read_as_records():
    """CloudWatch Logs Insights rows in a Markdown table ("| @timestamp | @message |", a rule "|---|---|"): the
    completed session is read beside the refused one (it had been lost)."""
    assert cause_ids(_blind("round149-servers/08-cloudwatch-insights-node-token.txt")) == ["ok", "unauthorized"]


APPARMOR = (
    "Dec  2 08:50:03 fasp-ubuntu sshd[7710]: Accepted publickey for partner_ul from 203.0.113.201 port 40022 ssh2: "
    "RSA SHA256:x\n"
    "Dec  2 08:50:03 fasp-ubuntu kernel: [812233.401122] audit: type=1400 audit(1733129403.401:512): "
    "{denial}\n"
    "Dec  2 08:50:03 fasp-ubuntu sshd[7710]: Received disconnect from 203.0.113.201 port 40022:11: disconnected by "
    "user\n"
)


def test_the_kernel_refusing_aspshells_exec_of_ascp_is_a_failed_attempt():
    """AppArmor's (or SELinux's, in the kernel's form) denial of aspshell's exec of /opt/aspera/bin/ascp right after
    sshd let the client in: the server's side never started (nothing had been read)."""
    apparmor = (
        'apparmor="DENIED" operation="exec" profile="/usr/sbin/sshd//partner_ul" name="/opt/aspera/bin/ascp" '
        'pid=7714 comm="aspshell" requested_mask="x" denied_mask="x" fsuid=1005 ouid=0'
    )
    selinux = (
        'avc:  denied  { execute } for  pid=7714 comm="aspshell" name="ascp" dev="dm-0" ino=1837261 '
        "scontext=unconfined_u:unconfined_r:unconfined_t:s0 tcontext=system_u:object_r:default_t:s0 tclass=file "
        "permissive=0"
    )
    for denial in (apparmor, selinux):
        assert cause_ids(APPARMOR.replace("{denial}", denial)) == ["server-session"]


def test_a_denial_of_another_program_is_no_attempt():
    """Guard: AppArmor denying aspshell another program's exec is not ascp's start."""
    other = (
        'apparmor="DENIED" operation="exec" profile="/usr/sbin/sshd//partner_ul" name="/usr/bin/rsync" '
        'pid=7714 comm="aspshell" requested_mask="x" denied_mask="x" fsuid=1005 ouid=0'
    )
    assert cause_ids(APPARMOR.replace("{denial}", other)) == []


def test_a_journal_export_without_process_ids_is_read_as_syslog():
    """``journalctl -o export`` entries with no _PID field: their ascp records are still sessions (they had been
    lost)."""
    entries = [
        ("1718012401000000", "sshd", "Accepted publickey for push from 198.51.100.60 port 53110 ssh2: RSA SHA256:x"),
        (
            "1718012401420000",
            "ascp",
            "LOG FASP Session Start uuid=0c7b3e21-9f46-4a8d-b5e2-16d0a9f3c847 op=recv status=started dest=/d "
            "peer=198.51.100.60:53110 tcp_port=33001",
        ),
        (
            "1718012655030000",
            "ascp",
            "LOG FASP Session Stop uuid=0c7b3e21-9f46-4a8d-b5e2-16d0a9f3c847 op=recv status=success files=22 dest=/d",
        ),
    ]
    text = "".join(
        f"__REALTIME_TIMESTAMP={t}\n_HOSTNAME=hsts-a\nSYSLOG_IDENTIFIER={tag}\nMESSAGE={message}\n\n"
        for t, tag, message in entries
    )
    assert cause_ids(text) == ["ok"]


def test_a_dsa_key_refused_then_closed_is_a_clients_attempt_among_guessing():
    """sshd refusing a client's DSA key ("key type ssh-dss not in PubkeyAcceptedAlgorithms"), then "Connection
    closed by authenticating user ext_collab": ascp's old key, a failed login, even in a log with the internet's
    guessing (it had been passed over as guessing)."""
    assert cause_ids(_blind("round149-servers/23-busy-core-syslog-morning.log")) == [
        "ok",
        "auth",
        "ok",
        "udp",
        "ok",
        "cancelled",
    ]
