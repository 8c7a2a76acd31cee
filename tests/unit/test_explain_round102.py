"""explain: what blind round 102 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes


def test_a_file_that_failed_with_its_code_but_no_figures_makes_the_session_partial():
    """Blind round 102 (Connect's -L- log on Windows): "LOG FASP Transfer Stop ... status=failed file=... errcode=56
    errstr="Path being written to Windows file system contains illegal characters"" (no size or rate fields) is a
    file that failed for those words; the session had read as a success with nothing to show."""
    uuid = "2c9d4e10-7a3b-4f8e-a1c6-5b0e9d2f4a71"
    text = (
        f"2025-03-04 15:20:11.402 [1f40-000021c8] LOG FASP Transfer Stop uuid={uuid} op=recv status=success "
        'file="D:/m/plate01.tif" size=1048576 start_byte=0 rate=154.21Mbps elapsed=0.05s loss=0.00 rexreqs=0 '
        "overhead=0\n"
        f"2025-03-04 15:20:11.418 [1f40-000021c8] LOG FASP Transfer Stop uuid={uuid} op=recv status=failed "
        'file="D:/m/scan_10:22:31.tif" errcode=56 errstr="Path being written to Windows file system contains '
        'illegal characters"\n'
    )
    assert causes(text) == [("path-name", "high")]


def test_a_run_is_not_told_by_the_attempts_of_the_address_the_person_names_as_a_scanner():
    """Blind round 102: an Airflow task's second night ended "returned a non-zero exit code 1" with no output; the
    server's secure log that night "only has the weekly vulnerability scanner (198.19.5.10)", whose "Invalid user
    admin" had been read as the run's cause (auth, medium). The run stays one of unknown cause."""
    text = (
        "INFO - Running command: ['bash', '-c', 'ascp -P 33001 -T -l 400m --mode=recv --host=hsts.example.com "
        "--user=dwh /exports/ /data/']\nINFO - Output:\nINFO - Command exited with return code 1\n"
        "airflow.exceptions.AirflowException: Bash command failed. The command returned a non-zero exit code 1.\n\n"
        "/var/log/secure that night only has the weekly vulnerability scanner (198.19.5.10):\n"
        "Dec  3 02:10:01 hsts sshd[5520]: Did not receive identification string from 198.19.5.10 port 53110\n"
        "Dec  3 02:10:03 hsts sshd[5524]: Invalid user admin from 198.19.5.10 port 53122\n"
        "Dec  3 02:10:03 hsts sshd[5524]: Connection closed by invalid user admin 198.19.5.10 port 53122 [preauth]\n"
    )
    assert causes(text) == [("unknown", "low")]


def test_powershell_s_command_not_found_in_german_is_ascp_missing():
    """Blind round 102: PowerShell in German ("ascp : Die Benennung "ascp" wurde nicht als Name eines Cmdlet ...
    erkannt.") is ascp not on the PATH, as its English form is (the first attempt had been lost)."""
    text = (
        "PS C:\\Users\\jb\\Daten> ascp -T -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/x.gz .\n"
        'ascp : Die Benennung "ascp" wurde nicht als Name eines Cmdlet, einer Funktion, einer Skriptdatei oder eines\n'
        "ausführbaren Programms erkannt. Überprüfen Sie die Schreibweise des Namens.\n"
        "    + FullyQualifiedErrorId : CommandNotFoundException\n"
    )
    assert causes(text) == [("ascp-missing", "high")]


def test_ctrl_c_at_the_passphrase_prompt_ends_that_run():
    """Blind round 102 (iseq): "Key passphrase:" three times, then ^C; after a reinstall the same iseq command's bar
    and summary. Two runs, the prompt's and the one that completed (the success had been given to the first)."""
    command = "(iseq) lz@ws02:~/proj$ iseq -i SRR18898307 -a -g\nFile size: 2.38G\tDatabase: ENA\tMode: Aspera\n"
    text = (
        command
        + "Key passphrase:\nKey passphrase:\nKey passphrase:\n^C\n\nReinstalled it from conda, again:\n\n"
        + command
        + "SRR18898307_1.fastq.gz                                  100% 2437MB  251Mb/s    01:23\n"
        + "Completed: 2495538K bytes transferred in 83 seconds\n (245962K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(text)] == ["key-file", "ok"]
    # a handout quoted after the ^C, the prompt between its own quote marks, is no run of its own
    handout = "  the .putty file is for Windows tools and makes ascp ask for a 'Key passphrase:'.\n\n"
    quoted = text.replace("Reinstalled it from conda, again:\n\n", handout + "Then, with the .pem key:\n\n")
    assert [c for c, _ in causes(quoted)] == ["key-file", "ok"]
