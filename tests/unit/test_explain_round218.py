"""explain: what blind round 218 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_pipeline_stage_that_deployed_the_jobs_manifest_is_no_run():
    """A Spinnaker execution: "Stage 2  Deploy (Manifest) job/ascp-push  SUCCEEDED", then the Run Job stage whose
    container log holds ascp's "Deprecated peer license": one run, the licence (the deploy stage had read as a
    confident run that worked)."""
    text = (BLIND / "round218-clients/13-spinnaker-stage-licence.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["licence"]


def test_a_wrappers_word_that_its_ascp_job_succeeded_is_still_a_run():
    """Guard: a stage that ran the job ("Run Job (Manifest) ascp-push  SUCCEEDED") is its run."""
    text = "Stage 3  Run Job (Manifest) ascp-push completed successfully  00:04:21\n"
    assert cause_ids(text) == ["ok"]


def test_a_swahili_change_request_whose_test_has_not_run_has_no_run():
    """A Swahili change request: the messages quoted "si kutoka kwa seva yetu" (not from our server), the test plan
    and "Jaribio halijafanyika bado" (the test has not been done yet): no run (two had read as confident failures)."""
    text = (BLIND / "round218-servers/17-sw-ombi-mabadiliko-firewall-hsts-nbo.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_retry_not_yet_made_leaves_the_run_shown():
    """Guard: a Swahili summary's "Juma atajaribu tena kesho (jaribio hilo halijafanyika bado)" tells of the retry
    not made yet: the stall shown above is still a run."""
    text = (BLIND / "round167-documents/01-swahili-ena-stall-muhtasari.md").read_text(encoding="utf-8")
    assert cause_ids(text) == ["stall"]
