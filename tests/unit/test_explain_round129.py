"""explain: what blind round 129 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes


def test_a_newsletter_s_typical_symptom_is_no_run():
    """ "... reject at the SSH stage; the typical symptom is" (wrapped), then the indented sample: no run (it had
    read as auth, medium)."""
    text = (
        "The old module will be removed. It bundles an\n"
        "ascp that many remote servers now reject at the SSH stage; the typical\n"
        "symptom is\n\n"
        "    ascp: failed to authenticate, exiting.\n\n"
        "even though your key is fine. Please switch to the new module.\n"
    )
    assert cause_ids(text) == []


def test_common_messages_heading_is_still_read_as_before():
    """Guard: a page's "## Common messages" heading alone is no sample intro (its admonitions' titles are read as
    they were)."""
    text = "## Common messages\n\nascp: failed to authenticate, exiting.\n"
    assert cause_ids(text) == ["auth"]


def test_a_salt_state_is_a_configuration_file():
    """A Salt state named on its first line, its comments quoting what hosts without it print: no run (it had read
    as ascp missing, high, and died at start)."""
    text = (
        "# salt/aspera/client.sls\n"
        "# Installs the IBM Aspera Transfer SDK for batch users.\n"
        "{% set sdk = salt['pillar.get']('aspera:sdk_version', '1.1.9') %}\n\n"
        "# Put ascp on the PATH for everybody. Without this, cron jobs fail with\n"
        "#   /bin/sh: 1: ascp: not found\n"
        "/usr/local/bin/ascp:\n  file.symlink:\n    - target: /opt/aspera/sdk/ascp\n\n"
        "# Old hosts (EL7) cannot run the new ascp:\n"
        "#   ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
    )
    assert cause_ids(text) == []


def test_a_mail_s_wrapped_quote_of_sshd_s_negotiation_tells_the_pasted_run():
    """The client's "failed to authenticate", then the server's sshd line quoted and wrapped in the reply ("> ...
    port 50412:" / "> no matching key exchange method found. Their offer: ..."): one run, the handshake (it had
    read as auth, medium, and a second run of its own)."""
    text = (
        "  user@gw:~$ ascp -P 33001 -l 100m -k 1 /export/batch/ labor_x@transfer.example.com:/inbox/\n"
        "  ascp: failed to authenticate, exiting.\n\n"
        "  Session Stop  (Error: failed to authenticate)\n\n"
        "Your log excerpt (quoted from your mail):\n\n"
        "> Jan 22 11:52:14 xfer01 sshd[418822]: Unable to negotiate with 193.0.2.45 port 50412:\n"
        "> no matching key exchange method found. Their offer:\n"
        "> diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]\n"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_error_44_after_the_far_end_answered_is_udp_at_low_confidence():
    """A server's session that logged the peer's version, then errcode=44: SSH worked, the first UDP exchange failed,
    a firewall or the path's MTU (error 44 is PMTU_BRTT_ERROR): udp, low (it had been medium)."""
    text = (
        "Feb 18 14:51:22 hsts sshd[1]: Accepted publickey for promo from 198.51.100.166 port 61502 ssh2\n"
        "Feb 18 14:51:22 hsts ascp[2]: LOG FASP Session Start uuid=8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d op=recv "
        "status=started source=- dest=/in local=192.0.2.101:33001 peer=198.51.100.166:33001 tcp_port=33001 "
        "ver=4.4.5.1034 peerver=4.4.1.891\n"
        "Feb 18 14:51:43 hsts ascp[2]: LOG FASP Session Stop uuid=8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d op=recv "
        'status=failed errcode=44 errstr="UDP session initiation fatal error" local=192.0.2.101:33001 '
        "peer=198.51.100.166:33001 tcp_port=33001\n"
    )
    assert causes(text) == [("udp", "low")]
