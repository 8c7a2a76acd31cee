"""explain: what blind round 122 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_busybox_s_not_found_from_a_script_for_an_ascp_that_is_there_is_its_missing_loader():
    """An entrypoint script's "exec: line 11: ascp: not found" (busybox) where `which ascp` finds it and `ls -l`
    shows it executable: its dynamic loader is missing (glibc build on musl), died at start (it had read as ascp
    missing, high)."""
    text = (
        "```\n"
        "$ docker run --rm -v $PWD/data:/data ena-fetch:0.9.0-alpine \\\n"
        "    ascp -QT -l 300m -P33001 -i /opt/aspera/etc/aspera_bypass_rsa.pem \\\n"
        "    era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR322/004/ERR3229964/ERR3229964_1.fastq.gz /data/\n"
        "/usr/local/bin/docker-entrypoint.sh: exec: line 11: ascp: not found\n"
        "$ echo $?\n127\n```\n\nBut:\n\n```\n"
        "$ docker run --rm --entrypoint sh ena-fetch:0.9.0-alpine -c 'which ascp; ls -l /opt/aspera/bin/ascp; file "
        "/opt/aspera/bin/ascp'\n"
        "/opt/aspera/bin/ascp\n"
        "-rwxr-xr-x    1 root     root       5943712 Mar 11 09:20 /opt/aspera/bin/ascp\n"
        "/opt/aspera/bin/ascp: ELF 64-bit LSB executable, x86-64, version 1 (GNU/Linux), dynamically linked, "
        "interpreter /lib64/ld-linux-x86-64.so.2, for GNU/Linux 3.2.0, stripped\n```\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_an_ansible_role_s_commented_defaults_are_no_run():
    """An Ansible role's defaults file (keys at the left edge, its author's comments quoting ascp's lines, no block
    text): a document, no run (it had read as three runs, two of them high)."""
    text = (
        "---\n"
        "# roles/aspera_client/defaults/main.yml\n"
        "# Installs the IBM Aspera Transfer SDK (ascp) on data-transfer nodes.\n\n"
        'aspera_sdk_version: "1.1.9"\n'
        "aspera_sdk_root: /opt/aspera/sdk\n"
        "aspera_ena_user: era-fasp\n"
        "aspera_ena_host: fasp.sra.ebi.ac.uk\n"
        'aspera_ena_ssh_port: 33001          # ascp defaults to 22 -> "Failed to open TCP connection for SSH"\n'
        "aspera_resume_level: 1\n\n"
        "# Without the UDP rule every session ends with\n"
        "#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "aspera_firewalld_rules:\n"
        "  - { port: 33001, proto: udp, direction: out }\n"
        "ena_pull_never_retry_on:\n"
        '  - "failed to authenticate"\n'
        '  - "Private key file not found at path"\n'
    )
    assert cause_ids(text) == []


def test_a_page_saying_its_lines_are_not_from_a_live_incident_has_no_run():
    """A runbook's "The log lines below are examples copied from past tickets ...; they are not from a live
    incident": its samples are no runs (a token refusal among them had read as unauthorized, high)."""
    text = (
        "This page is a reference for on-call. The log lines below were copied from past tickets and anonymised; "
        "they are not from a live incident.\n\n"
        "ascp[2211]: ERR Management authorization refused: token denied by server\n"
    )
    assert cause_ids(text) == []


def test_a_summary_of_data_moved_in_no_file_stays_open_for_its_session_stop():
    """ "Completed: 2325761K bytes ..." with " (13048K bits/sec), in 0 files." then "Session Stop  (Error: Session
    data transfer timeout)": one run that stalled (it had read as a completed run and a second, stalled one)."""
    text = (
        "DRR284012_1.fastq.gz                   41% 2271MB  0.0Kb/s    --:-- ETA\n"
        "Completed: 2325761K bytes transferred in 1426 seconds\n"
        " (13048K bits/sec), in 0 files.\n"
        "Session Stop  (Error: Session data transfer timeout)\n"
    )
    assert cause_ids(text) == ["stall"]


def test_a_summary_of_a_file_that_arrived_then_another_run_s_stop():
    """Guard: "..., in 1 file." closes its run; a Session Stop error after it is another run's."""
    text = (
        "Completed: 2325761K bytes transferred in 1426 seconds\n"
        " (13048K bits/sec), in 1 file.\n"
        "Session Stop  (Error: Session data transfer timeout)\n"
    )
    assert cause_ids(text) == ["ok", "stall"]
