"""explain: what blind round 147 found (each test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_czech_rule_file_whose_samples_are_not_our_transfers_has_no_runs():
    """A log collector's rules in Czech, its header "NEJSOU to záznamy z našich přenosů" (they are not records of
    our transfers) and its tests "nejde o skutečné běhy" (no real runs): no run (three had been read, dns at high)."""
    text = (BLIND / "round147-documents" / "16-cs-logparse-rules.yaml").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_dagsters_termination_request_and_canceled_run_cancel_the_step():
    """Dagster's "Received a termination request (user: ... via Dagster UI), sending SIGTERM to step processes."
    and "RUN_CANCELED - Execution of run ... canceled." while its step's ascp moved at 388 Mb/s: cancelled from
    outside (had been read as unknown)."""
    head = "2025-04-02 16:0{m} +0000 - dagster - {level} - hcp_bulk - 3f2a9c1e - "
    text = (
        head.format(m="5:12", level="INFO")
        + "hcp_unprocessed_100206 - Executing: /opt/ibm-aspera/transferd/bin/ascp -QT -l 400m -k 1 -P 33001 "
        "--mode=recv --host=203.0.113.15 --user=hcp_mirror /HCP_1200/100206/unprocessed/3T/ /lab/hcp/100206/\n"
        + head.format(m="7:02", level="INFO")
        + "hcp_unprocessed_100206 - ascp: 100206_3T_rfMRI_REST1_LR.nii.gz       86% 3190MB  388Mb/s    00:31 ETA\n"
        + head.format(m="7:09", level="WARNING")
        + "71502 - ENGINE_EVENT - Received a termination request (user: m.okafor via Dagster UI), sending SIGTERM "
        "to step processes.\n"
        + head.format(m="7:10", level="ERROR")
        + '71502 - RUN_CANCELED - Execution of run for "hcp_bulk" canceled.\n'
    )
    assert cause_ids(text) == ["cancelled"]
