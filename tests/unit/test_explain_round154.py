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


def test_review_guards_commented_examples_and_self_test_data_stay_no_runs():
    """Guards (the session's review): a module's "# --- Output ---" over a commented example, and a script's
    "__DATA__" of test lines "captured 2023-05-01 for the parser", are no runs."""
    module = (
        "import os\nimport sys\n\ndef a():\n    pass\n\ndef b():\n    pass\n# --- Output ---\n"
        "# ascp: failed to authenticate, exiting.\n#\n# Session Stop  (Error: failed to authenticate)\n# done\n"
    )
    assert cause_ids(module) == []
    script = (
        "#!/usr/bin/perl\nuse strict;\n__DATA__\nTest log captured 2023-05-01 for the parser:\n"
        "ascp: failed to authenticate, exiting.\n"
    )
    assert cause_ids(script) == []


def test_review_guards_a_persons_real_report_keeps_its_run():
    """Guards (the session's review): "We haven't started the transfers yet because the test ascp run failed with:"
    and "The output lines below are all copied from our prod server's /var/log/messages" keep their runs."""
    first = "We haven't started the transfers yet because the test ascp run failed with:\n\n"
    first += "ascp: failed to authenticate, exiting.\n"
    assert cause_ids(first) == ["auth"]
    second = (
        "The output lines below are all copied from our prod server's /var/log/messages, sample attached:\n\n"
        "Jun  1 10:00:00 h ascp[12]: LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send "
        'status=failed errcode=19 errstr="Authentication failure"\n'
    )
    assert cause_ids(second) == ["auth"]


def test_review_guard_a_permissive_selinux_denial_is_no_failed_start():
    """Guard (the session's review): SELinux in permissive mode only logs the denial; the exec went ahead."""
    text = (
        "Dec  2 08:50:03 h sshd[7710]: Accepted publickey for u from 203.0.113.201 port 40022 ssh2: RSA SHA256:x\n"
        "Dec  2 08:50:03 h kernel: audit: type=1400 audit(1733129403.401:512): avc:  denied  { execute } for  "
        'pid=7714 comm="aspshell" name="ascp" dev="dm-0" ino=1 scontext=u:r:t:s0 tcontext=s:o:d:s0 tclass=file '
        "permissive=1\n"
        "Dec  2 08:50:03 h sshd[7710]: Received disconnect from 203.0.113.201 port 40022:11: disconnected by user\n"
    )
    assert cause_ids(text) == []
