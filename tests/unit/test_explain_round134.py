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


def test_a_wrapper_s_word_that_it_falls_back_after_the_failures_above_is_no_run():
    """A CI step's two attempts, each failing on UDP, then its warning "Aspera download failed twice, falling back to
    FTP" before wget, GitHub's stamps before each line: two runs (the fallback's words had read as a third,
    unknown)."""
    stop = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    attempt = ">> aspera attempt {n}/2: fasp-ebi@fasp.ebi.ac.uk:databases/ena/wgs/public/wya/WYAA01.dat.gz\n"
    text = (
        "##[group]Run ./ci/fetch_reference.sh\nshell: /usr/bin/bash -e {0}\n"
        "env:\n  ASCP: /home/runner/.aspera/sdk/ascp\n"
        "##[endgroup]\n"
        + attempt.format(n=1)
        + "Completed: 0K bytes transferred in 61 seconds\n"
        + stop
        + ">> ascp returned 1\n"
        + attempt.format(n=2)
        + "Completed: 0K bytes transferred in 61 seconds\n"
        + stop
        + ">> ascp returned 1\n"
        "##[warning]Aspera download failed twice, falling back to FTP (slow)\n"
        "--2025-05-21 08:16:15--  https://ftp.ebi.ac.uk/pub/databases/ena/wgs/public/wya/WYAA01.dat.gz\n"
        "2025-05-21 08:16:31 (2.82 MB/s) - 'ref/WYAA01.dat.gz' saved [48230517/48230517]\n"
        "reference OK: ref/WYAA01.dat.gz\n"
        "##[group]Run pytest -q tests/test_parse_embl.py\n"
    )
    stamped = "".join(f"2025-05-21T08:16:{at:02d}.1180312Z {line}\n" for at, line in enumerate(text.splitlines()))
    assert cause_ids(stamped) == ["udp", "udp"]


def test_a_wiki_s_example_that_is_a_named_colleague_s_logged_run_in_japanese():
    """A lab wiki's "実行例（2025-01-22 に佐々木が実行したときのログ、そのまま貼付）" (the log of Sasaki's
    run, pasted as is): that run (it had been read as the page's sample)."""
    text = (
        "# DRA データの取得手順\n\n"
        "## 2. 実行例（2025-01-22 に佐々木が実行したときのログ、そのまま貼付）\n\n"
        "```\n"
        "$ ascp -QT -l 300m -P33001 -i key.openssh anonftp@ascp.ddbj.nig.ac.jp:/ddbj_database/dra/fastq/x.bz2 ./\n"
        "Completed: 411826K bytes transferred in 14 seconds\n (240164K bits/sec), in 1 file.\n"
        "```\n"
    )
    assert cause_ids(text) == ["ok"]
