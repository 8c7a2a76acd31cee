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
