"""explain: what blind round 210 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_rules_file_saying_nothing_below_is_a_real_session():
    """A Wazuh rules file's "# NOTE: these are detection patterns and test fixtures only. Nothing below is a real
    session." over its examples and fixtures: no run (three had read as confident runs)."""
    text = (BLIND / "round210-servers/24-wazuh-rules-aspera-runbook.yaml").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_client_record_of_failed_authentication_in_the_second_of_sshds_refused_key_exchange():
    """A Fluent Bit export of a client and its gateway: the gateway's sshd "Unable to negotiate with ... no matching
    key exchange method found" 7 ms before the old client's "ERR failed to authenticate" and its errcode=19 record.
    One run, the handshake (it had read as an authentication failure and a handshake beside it), then the other
    host's run that died at start."""
    text = (BLIND / "round210-hard-middle/21-fluentbit-ndjson-two-hosts.ndjson").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-handshake", "died-at-start"]


def test_a_refused_key_exchange_a_minute_before_a_failed_authentication_stays_two_runs():
    """Guard: sshd's refused key exchange and a session's authentication failure a minute apart are two attempts."""
    text = (BLIND / "round210-hard-middle/21-fluentbit-ndjson-two-hosts.ndjson").read_text(encoding="utf-8")
    text = text.replace(
        '"ts":"2024-11-18T09:15:01.733Z","host":"xfer-gw"', '"ts":"2024-11-18T09:14:01.733Z","host":"xfer-gw"'
    )
    assert "09:14:01.733Z" in text
    assert sorted(cause_ids(text)) == ["auth", "died-at-start", "ssh-handshake"]
