"""explain: what blind round 140 and the earlier rounds' leftovers found (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_session_start_that_failed_before_its_uuid_tells_its_code():
    """ascp's own log: "LOG FASP Session Start uuid=- op=send status=failed errcode=50 errstr=..." after the "ERR
    aspera.conf: XML parse error" line (blind round 136's Control-M sysout): a rejected configuration (it had read
    unknown, low: the record without a uuid was skipped)."""
    text = (
        "+ /opt/aspera/bin/ascp -P 33001 -l 100m --mode=send --user=eod --host=mft.example -L /var/log/mft "
        "/data/out/EOD.tar /inbound/\n"
        "+ RC=1\n"
        "+ tail -n 3 /var/log/mft/aspera-scp-transfer.log\n"
        "2026-05-07 04:10:02.311 [7e2a-7f3c2a1fb740] LOG Configuration file: /opt/aspera/etc/aspera.conf\n"
        "2026-05-07 04:10:02.312 [7e2a-7f3c2a1fb740] ERR aspera.conf: XML parse error at line 57: mismatched tag\n"
        '2026-05-07 04:10:02.312 [7e2a-7f3c2a1fb740] LOG FASP Session Start uuid=- op=send status=failed errcode=50 '
        'errstr="Aspera.conf contains invalid data and was rejected"\n'
        "+ exit 1\n"
    )
    assert cause_ids(text) == ["configuration"]
