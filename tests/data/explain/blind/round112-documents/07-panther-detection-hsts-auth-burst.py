# panther-analysis/rules/aspera_rules/aspera_hsts_auth_failure_burst.py
# Rule YAML (aspera_hsts_auth_failure_burst.yml):
#   AnalysisType: rule
#   RuleID: Aspera.HSTS.AuthFailureBurst
#   LogTypes: [Custom.AsperaSyslog]
#   Threshold: 20
#   DedupPeriodMinutes: 15
#   Severity: Medium
#   Description: Many ascp sessions failing with errcode=19 from one source in 15 minutes
#                (password spraying, or a partner's script with a revoked key looping).
#   Tests:
#     - Name: auth failure record
#       ExpectedResult: true
#       Log:
#         host: xfer-eu-02
#         program: ascp
#         message: 'LOG FASP Session Start uuid=ff820f21-0000-4ab5-ab7e-000000000000 op=send status=failed errcode=19 errstr="Authentication failure"'
#         src_ip: 198.51.100.23
#     - Name: successful session is ignored
#       ExpectedResult: false
#       Log:
#         host: xfer-eu-02
#         program: ascp
#         message: 'LOG FASP Session Stop uuid=a9063e44-0000-4bca-8e71-000000000000 op=recv status=success source=in/batch7.tar (1) dest=/data/in'
#         src_ip: 198.51.100.23
#     - Name: UDP failure is not an auth failure
#       ExpectedResult: false
#       Log:
#         host: xfer-eu-02
#         program: ascp
#         message: 'LOG FASP Session Stop uuid=0c1d2e3f-0000-4000-8000-000000000000 op=send status=failed errcode=15 errstr="Timeout establishing UDP connection (check UDP port and firewall)"'
#         src_ip: 203.0.113.77

import re

from panther_base_helpers import deep_get

_ERRCODE = re.compile(r"\berrcode=(\d+)\b")
_STATUS = re.compile(r"\bstatus=(\w+)\b")


def rule(event):
    if event.get("program") != "ascp":
        return False
    msg = event.get("message", "")
    if "LOG FASP Session" not in msg:
        return False
    status = _STATUS.search(msg)
    code = _ERRCODE.search(msg)
    return bool(status and status.group(1) == "failed" and code and code.group(1) == "19")


def title(event):
    return f"ascp authentication failures from {event.get('src_ip', '<unknown>')} on {event.get('host')}"


def dedup(event):
    return f"{event.get('host')}:{event.get('src_ip')}"


def alert_context(event):
    return {
        "host": event.get("host"),
        "src_ip": event.get("src_ip"),
        "sample": deep_get(event, "message"),
        "runbook": "https://wiki.internal/ops/aspera/auth-failures",
    }
