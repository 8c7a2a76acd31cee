"""explain: what blind rounds 86-87 found (each test failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_CMD = "ascp -QT -l 100m -P33001 -k 1 -i /home/u/keys/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:{} raw/"


def _started(jobid: int, when: str, rule: str = "download_fastq") -> str:
    return (
        f"[Tue May  7 {when} 2024]\nrule {rule}:\n    output: raw/R{jobid}.fastq.gz\n"
        f"    log: logs/ascp/R{jobid}.log\n    jobid: {jobid}\n    wildcards: run=R{jobid}\n\n"
    )


def _failed(jobid: int, when: str) -> str:
    return (
        f"[Tue May  7 {when} 2024]\nError in rule download_fastq:\n    jobid: {jobid}\n"
        f"    output: raw/R{jobid}.fastq.gz\n    log: logs/ascp/R{jobid}.log (check log file(s) for error details)\n"
        f"    shell:\n        {_CMD.format(f'vol1/R{jobid}.fastq.gz')} > logs/ascp/R{jobid}.log 2>&1\n"
        "        (one of the commands exited with non-zero exit code; note that snakemake uses bash strict mode!)\n\n"
    )


def _finished(jobid: int, when: str, step: int) -> str:
    return f"[Tue May  7 {when} 2024]\nFinished job {jobid}.\n{step} of 6 steps done\n"


_AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_snakemake_jobs_whose_output_is_not_shown_are_runs_listed_as_they_started():
    """Blind round 86: five jobs of one rule started in the same second with ``-j 6``; jobs 2 and 4 failed ("failed
    to authenticate", their logs shown), job 3's log tail shown, jobs 1 and 5 only "Finished job N.". Five runs (three
    had been read), in jobid order; the two failures between jobs that got through with the same key and server are
    the server's sshd turning the burst away, not a wrong key (as ``_beside_successes`` reads runs shown in order)."""
    text = "Output of `snakemake -j 6`:\n\n" + "".join(_started(n, "09:14:02") for n in range(1, 6))
    text += _failed(2, "09:14:05") + _failed(4, "09:14:05")
    text += _finished(1, "09:16:41", 1) + _finished(3, "09:17:10", 2) + _finished(5, "09:17:55", 3)
    text += "Exiting because a job execution failed. Look above for error message\n\n"
    text += "$ cat logs/ascp/R2.log logs/ascp/R4.log\n" + _AUTH + _AUTH + "\n"
    text += "$ tail -n 2 logs/ascp/R3.log\nCompleted: 1843310K bytes transferred in 186 seconds\n"
    text += " (81183K bits/sec), in 1 file.\n"
    assert [c for c, _ in causes(text)] == ["ok", "ssh-refused", "ok", "ssh-refused", "ok"]


def test_a_restarted_snakemake_job_is_another_run():
    """Blind round 68: ``--retries 1`` restarts a failed job under the same jobid ("Trying to restart job 2."): its
    second block is another run, and the first attempt's failure stays a run of its own."""
    text = "".join(_started(n, "09:14:02") for n in range(1, 4))
    text += _failed(2, "09:14:04") + "Trying to restart job 2.\n" + _started(2, "09:14:05")
    text += _finished(1, "09:16:41", 1) + _finished(3, "09:17:10", 2) + _finished(2, "09:18:10", 3)
    text += "\n$ cat logs/ascp/R2.log\n" + _AUTH
    text += "Completed: 2830336K bytes transferred in 243 seconds\n (87760K bits/sec), in 1 file.\n"
    assert [c for c, _ in causes(text)] == ["ok", "ssh-refused", "ok", "ok"]


def test_snakemake_jobs_of_a_rule_that_runs_no_ascp_are_no_runs():
    """Only jobs of a rule whose command ran ascp count: a ``localrule all`` or an indexing rule that finished is no
    transfer."""
    text = _started(1, "09:14:02") + _started(2, "09:14:02", rule="index_bam") + _failed(1, "09:14:04")
    text += _finished(2, "09:15:00", 1) + "\n$ cat logs/ascp/R1.log\n" + _AUTH
    assert [c for c, _ in causes(text)] == ["auth"]


def test_a_wrappers_run_then_the_same_command_typed_by_hand_are_two_runs():
    """Blind round 87: kingfisher's "Running command: ascp ..." and its "returned non-zero exit status 1", then the
    person typing the same command after a prompt to see why: two runs (the wrapper's words had been carried into the
    typed command's run, as Nextflow's exit words before the command it quotes are)."""
    key = "/home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh"
    command = f"ascp -T -l 300m -P33001 -k 2 -i {key} era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/E/E_1.fastq.gz ."
    text = f"06/23/2022 10:02:12 AM INFO: Running command: {command}\n"
    text += "06/23/2022 10:02:12 AM WARNING: Error downloading from ENA with ASCP: Command ... returned non-zero exit"
    text += " status 1.\n\nRunning the same command by hand:\n\n$ " + command + "\n"
    text += f"ascp: Private key file not found at path {key}, exiting.\n\n"
    text += f"Session Stop  (Error: Private key file not found at path {key})\n"
    assert [c for c, _ in causes(text)] == ["unknown", "key-file"]


def test_a_ci_steps_exit_code_after_another_steps_not_found_is_another_run():
    """Blind round 87: GitHub Actions' "line 1: ascp: command not found" / "exit code 127" in one workflow run, then
    the next workflow run's ascp step ending "Error: Process completed with exit code 1." (ascp ran with -q): two
    runs; the second's exit words are not the first failure's echo (another exit status)."""
    step = 'Run ascp -QT -P33001 -i "$K" era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz data/\n'
    step += '  ascp -QT -P33001 -i "$K" era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz data/\n'
    step += "  shell: /usr/bin/bash -e {0}\n"
    text = "## run #57\n\n" + step + "/home/runner/work/_temp/3f0c.sh: line 1: ascp: command not found\n"
    text += "Error: Process completed with exit code 127.\n\n## run #58 -- ascp installed now\n\n" + step
    text += "Error: Process completed with exit code 1.\n"
    assert [c for c, _ in causes(text)] == ["ascp-missing", "unknown"]


def test_sshd_drops_of_other_addresses_beside_a_clients_runs_are_not_its_runs():
    """Blind round 87 (and 67, 72): six parallel downloads, two "failed to open ssh session.", and the operator's
    journal of that minute with sshd dropping the client's two connections past MaxStartups and one of a partner
    site's: the client's runs take its own address's drops, and the partner's drop is no run of this input."""
    text = "Our address is 203.0.113.45. Output:\n\n"
    text += 2 * "ascp: failed to open ssh session., exiting.\n\nSession Stop  (Error: failed to open ssh session.)\n\n"
    text += "Completed: 4404019K bytes transferred in 182 seconds\n (193583K bits/sec), in 1 file.\n\n"
    text += "Journal on the server for that minute:\n\n"
    text += "Mar 11 10:40:01 hsts01 sshd[1187]: error: beginning MaxStartups throttling\n"
    for who, port in (("198.18.7.130", 60114), ("203.0.113.45", 49822), ("203.0.113.45", 49838)):
        text += (
            f"Mar 11 10:40:01 hsts01 sshd[1187]: drop connection #10 from [{who}]:{port} on [192.0.2.20]:33001"
            " past MaxStartups\n"
        )
    read = causes(text)
    assert [c for c, _ in read] == ["ssh-refused", "ssh-refused", "ok"], read
