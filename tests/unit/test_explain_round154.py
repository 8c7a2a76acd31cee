"""explain: what blind round 154 found that was mended in its session, and a guard (the test but the guard failed on
the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_pythons_no_such_file_for_bytes_ascp_is_ascp_missing():
    """Ansible's command module: "[Errno 2] No such file or directory: b'ascp'" (Python names the program as
    bytes): ascp is not on the task's PATH (nothing had been read)."""
    text = (BLIND / "round154-clients" / "03-ansible-gsa-pull-ascp-missing.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ascp-missing"]


def test_an_ansible_version_check_result_is_no_transfer():
    """Guard: "cmd": "ascp -A" failing the same way is the role's check, not a transfer of its own."""
    text = (BLIND / "round121-documents" / "05-molecule-verify-aspera-client-role.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ascp-missing"]
