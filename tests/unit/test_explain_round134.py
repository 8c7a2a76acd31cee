"""explain: what blind round 134 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_rules_file_shown_by_tail_is_no_run():
    """logcheck's rule files shown by ``tail`` (``==> /etc/logcheck/... <==`` before each): their anchored regular
    expressions quote ascp's words, no run (a "License expired" rule had read as a licence failure, high)."""
    rule = r"^\w{3} [ :[:digit:]]{11} xfer01 ascp\[[[:digit:]]+\]: "
    text = (
        "==> /etc/logcheck/ignore.d.server/local-aspera <==\n"
        "# lines from the HSTS that are normal\n"
        + rule
        + "LOG FASP Session Start uuid=[-0-9a-f]+ op=(send|recv) status=started .*$\n"
        + rule
        + "LOG FASP Session Stop uuid=[-0-9a-f]+ op=(send|recv) status=success .*$\n\n"
        "==> /etc/logcheck/violations.d/local-aspera <==\n"
        + rule
        + "ERR .*License expired.*$\n"
        + rule
        + "ERR .*(No space left on disk|Disk write failed).*$\n"
    )
    assert cause_ids(text) == []


_NAT = "185.199.10.33"


def _server_log(guesses: str) -> str:
    return (
        f"Jan 28 16:40:02 hsts sshd[3301]: Accepted publickey for xfer_cut from {_NAT} port 40112 ssh2: RSA SHA256:x\n"
        "Jan 28 16:40:02 hsts ascp[3308]: LOG FASP Session Start uuid=a3f80d1b-5c2e-4f96-8b07-e4d9c1a62f35 op=recv "
        f"status=started source=- dest=/cut local=10.8.0.12:33001 peer={_NAT}:40113\n"
        "Jan 28 16:41:17 hsts ascp[3308]: LOG FASP Session Stop uuid=a3f80d1b-5c2e-4f96-8b07-e4d9c1a62f35 op=recv "
        f"status=success source=- dest=/cut local=10.8.0.12:33001 peer={_NAT}:40113\n"
        + "".join(
            f"Jan 28 16:52:3{i} hsts sshd[372{i}]: Invalid user {name} from {_NAT} port 5122{i}\n"
            for i, name in enumerate(guesses.split())
        )
    )


def test_a_bot_s_guessed_names_behind_a_client_s_address_are_no_attempts():
    """ "Invalid user admin" and "Invalid user test" from the address a client's sessions came from (a NAT): the
    internet's guesses, no client's attempts (they had read as two auth failures)."""
    assert cause_ids(_server_log("admin test")) == ["ok"]


def test_a_client_s_mistyped_name_stays_its_attempt():
    """Guard: an unknown name no bot guesses ("xfer_cutt") from the client's address is its typo: an attempt."""
    assert cause_ids(_server_log("xfer_cutt")) == ["ok", "auth"]
