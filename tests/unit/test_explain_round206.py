"""explain: what blind round 206 found that was mended, with guards (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_russian_heading_saying_its_examples_are_ibms_not_ours():
    """An on-call wiki's "## Примеры (взяты из документации IBM, НЕ из наших журналов)" (examples taken from IBM's
    documentation, not from our logs) over three samples: no run (two had read as confident runs)."""
    assert cause_ids(_blind("round206-servers/22-runbook-hsts-syslog-ru.md")) == []


def test_slurms_oom_kill_under_a_transfer_still_going_cuts_it_off():
    """A job's first file completed, the second at 61 % and moving, then "slurmstepd: error: Detected 1 oom_kill
    event in StepId=771204.batch": ok, cancelled (the second had read as a stall a colleague's note told)."""
    text = _blind("round206-hard-middle/11-slurm-step-oom-kills-ascp.out")
    assert cause_ids(text) == ["ok", "cancelled"]


def test_guard_slurms_oom_kill_after_the_runs_ended_is_another_process():
    """Guard: the oom_kill event after ascp's run completed killed another process (samtools, gzip): no run."""
    assert cause_ids(_blind("round165-hard-middle/04-slurm-oom-after-ascp-completed.log")) == ["ok", "ok"]


def test_greps_file_name_before_a_servers_syslog_lines():
    """grep over several logs ("/var/log/syslog:Feb 20 14:58:41 hsts-lon04 ascp[61030]: LOG FASP Session Start
    ..." and its Session Stop): the session that completed (it had read as a session with no end)."""
    text = (
        "/var/log/syslog:Feb 20 14:58:41 hsts-lon04 ascp[61030]: LOG FASP Session Start uuid=2d4f6a8c-0e1b-4c3d-9e5f-"
        "7a8b9c0d1e2f op=recv status=started source=- dest=/deliveries/bbc source_prefix=- local=10.30.0.8:33001 "
        "peer=81.2.69.160:61190 tcp_port=33001\n"
        "/var/log/syslog:Feb 20 15:04:12 hsts-lon04 ascp[61030]: LOG FASP Session Stop uuid=2d4f6a8c-0e1b-4c3d-9e5f-"
        "7a8b9c0d1e2f op=recv status=success source=- dest=/deliveries/bbc\n"
    )
    assert cause_ids(text) == ["ok"]
