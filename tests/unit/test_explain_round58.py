"""Blind round 58's misses (tests/data/explain/blind/round58-*), each in its smallest form: a PowerShell command
through a variable, Ctrl-C after a transfer had stalled, OpenSSH penalty drops of scanners and of a monitor's probes,
a cause told only by a report's title, and a person's word that a run made again worked."""

from __future__ import annotations

import pytest

from tests.unit.test_explain_evidence import explain_text

ENA = "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz ."


def causes(text: str) -> list[tuple[str, str]]:
    return [("ok" if s.outcome == "success" else s.cause_id, s.confidence) for s in explain_text(text)]


def cause_ids(text: str) -> list[str]:
    """The causes ``causes`` gives, without their confidence."""
    return [cause for cause, _ in causes(text)]


def test_a_powershell_command_through_a_variable_starts_a_run():
    """``& $ascp -T ...`` after PowerShell's prompt is ascp's command: the usage text before it is the first run's,
    the summary after it the second's (they had been read as one failed run)."""
    text = (
        f"PS C:\\data> & $ascp -T -l 300m -P 33001 -i $keyfile {ENA}\n"
        "Usage: ascp [OPTION] SRC... DEST\n"
        "          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n"
        'PS C:\\data> $keyfile = "C:\\keys\\aspera_bypass_rsa.pem"\n'
        f"PS C:\\data> & $ascp -T -l 300m -P 33001 -i $keyfile {ENA}\n"
        "ERR164407.fastq.gz                                 100%   72MB  41.2Mb/s    01:48\n"
        "Completed: 74523K bytes transferred in 108 seconds\n"
        " (5652K bits/sec), in 1 file.\n"
    )
    assert causes(text) == [("usage", "high"), ("ok", "high")]


def _batch(last_rate: str) -> str:
    return (
        f"$ ascp -QT -l 300m -P33001 -i key {ENA}\n"
        "a.fastq.gz                       100% 1238MB  287Mb/s    00:38\n"
        "Completed: 1268224K bytes transferred in 38 seconds\n"
        " (271630K bits/sec), in 1 file.\n"
        f"$ ascp -QT -l 300m -P33001 -i key {ENA}\n"
        f"b.fastq.gz                        37%  779MB  {last_rate}    2:41:07 ETA\n"
        "^C\n"
    )


def test_ctrl_c_after_the_rate_collapsed_is_the_stall_not_a_cancel():
    """The third file of a batch at 3.1 Mb/s where the others ran at 287, then ^C: the person stopped a transfer
    that had stalled (round 58's iSeq report, read as 'cancelled' with high confidence)."""
    (_, run) = explain_text(_batch("3.1Mb/s"))
    assert (run.cause_id, run.confidence) == ("stall", "medium")
    assert "271.63 Mb/s" in run.reasoning[-1] and not any("documented" in r for r in run.reasoning)


def test_ctrl_c_at_a_normal_rate_stays_a_cancel():
    (_, run) = explain_text(_batch("250Mb/s"))
    assert (run.cause_id, run.confidence) == ("cancelled", "high")


def test_ctrl_c_after_its_own_progress_collapsed_is_the_stall():
    text = (
        f"$ ascp -QT -l 300m -P33001 -i key {ENA}\n"
        "b.fastq.gz                        10%  200MB  280Mb/s    00:50 ETA\n"
        "b.fastq.gz                        20%  400MB  120Mb/s    01:40 ETA\n"
        "b.fastq.gz                        21%  410MB  2.0Mb/s    3:10:00 ETA\n"
        "^C\n"
    )
    assert causes(text) == [("stall", "medium")]


_SESSION = (
    "Oct 21 {t} edge ascp[{pid}]: LOG FASP Session Start uuid={u} op=recv status=started source=/a dest=/in "
    "local=10.0.3.7:33001 peer={peer}:42587 tcp_port=33001\n"
    'Oct 21 {t} edge ascp[{pid}]: LOG FASP Session Params uuid={u} userid=1300 user="xfer" targetrate=300000000\n'
    "Oct 21 {t} edge ascp[{pid}]: LOG FASP Session Stop uuid={u} op=recv status=success source=/a dest=/in "
    "local=10.0.3.7:33001 peer={peer}:42587 tcp_port=33001\n"
)


def _session(t: str, n: int, peer: str = "198.51.100.51") -> str:
    login = (
        f"Oct 21 {t} edge sshd-session[{n}]: Accepted publickey for xfer from {peer} port 40727 ssh2: RSA SHA256:x\n"
    )
    return login + _SESSION.format(t=t, pid=n + 1, u=f"4e81a7e7-4078-482e-affc-a7af6ee7{n:04d}", peer=peer)


def _drop(t: str, peer: str, why: str = "failed authentication", port: int = 51087) -> str:
    return f"Oct 21 {t} edge sshd[1211]: drop connection #0 from [{peer}]:{port} on [10.0.3.7]:33001 penalty: {why}\n"


GUESSING = "".join(
    f"Oct 21 06:{m:02d}:40 edge sshd-session[2150{m}]: Invalid user oracle from 203.0.113.{m} port 475{m:02d}\n"
    for m in range(10, 30)
)


def test_penalty_drops_of_scanners_in_a_log_with_guessing_are_no_runs():
    """Among the internet's password guessing, the drops of addresses that are nobody's client are its scanners
    (round 58: four drops read as four refused transfers, medium)."""
    text = GUESSING + _drop("06:44:30", "203.0.113.13") + _session("06:45:12", 5103) + _drop("07:04:50", "203.0.113.41")
    assert causes(text) == [("ok", "high")]


def test_penalty_drops_of_a_client_are_runs_among_guessing():
    """The same drops from an address sshd let in (a partner's) are that partner's attempts."""
    text = GUESSING + _drop("06:44:30", "198.51.100.51") + _session("06:45:12", 5103)
    assert [c for c, _ in causes(text)] == ["ssh-refused", "ok"]


def test_penalty_drops_in_a_quiet_log_are_runs():
    text = _drop("06:44:30", "203.0.113.13") + _session("06:45:12", 5103)
    assert [c for c, _ in causes(text)] == ["ssh-refused", "ok"]


def test_drops_on_a_monitors_beat_are_its_probes_and_the_ones_off_it_the_transfers():
    """A Nagios check_ssh every 20 s from a partner's NAT address earns it penalties for connections that never
    tried to authenticate; the drops on that beat are the probe's, the ones off it the partner's three uploads
    (round 58's ticket: 26 drops had been read as 26 refused transfers)."""
    noauth = "connections without attempting authentication"
    times = [f"10:{m:02d}:{s:02d}" for m in range(9, 20) for s in (3, 23, 43)]
    tries = ["10:14:05", "10:15:40", "10:17:12"]
    stamps = sorted(times + tries)
    text = "".join(_drop(t, "203.0.113.50", noauth, 40000 + i) for i, t in enumerate(stamps))
    text += _session("10:31:20", 4767, "203.0.113.50")
    read = explain_text(text)
    assert [s.cause_id for s in read] == ["ssh-refused"] * 3 + ["ok"]
    assert [s.time for s in read[:3]] == [f"Oct 21 {t}" for t in tries]


def test_a_script_retrying_on_a_beat_after_failed_logins_is_still_runs():
    """A client's own retries every 20 s, penalised for failed authentication (not for connections that never
    tried), are its attempts, beat or not."""
    times = [f"10:{m:02d}:{s:02d}" for m in range(9, 12) for s in (3, 23, 43)]
    text = "".join(_drop(t, "203.0.113.50", "failed authentication", 40000 + i) for i, t in enumerate(times))
    text += _session("10:31:20", 4767, "203.0.113.50")
    assert [s.cause_id for s in explain_text(text)] == ["ssh-refused"] * len(times) + ["ok"]


def test_a_cause_told_only_by_the_reports_title_is_low():
    """kingfisher-download#3: the title says 'Failed to Authenticate', the traceback below only 'exit status 1'
    (its thread suspected a withdrawn file): auth, at low confidence, not medium."""
    text = (
        "Failed to Authenticate\n\nHaving the following error when running the software on a particular dataset:\n\n"
        "subprocess.CalledProcessError: Command 'ascp -QT -l 300m -P33001 -i key "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR524/000/SRR5245600/SRR5245600.fastq.gz .' returned non-zero "
        "exit status 1.\n"
    )
    ((cause, confidence),) = causes(text)
    assert (cause, confidence) == ("auth", "low")


def test_the_same_words_in_the_output_keep_their_confidence():
    text = (
        "Failed to Authenticate\n\n$ ascp -QT -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.gz .\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
    )
    assert [c for c, _ in causes(text)] == ["auth"] and causes(text)[0][1] != "low"


FAILED_DNS = (
    f'PS C:\\data\\ena> & "C:\\Program Files\\IBM\\Aspera Connect\\bin\\ascp.exe" -QT -l 300m -P33001 -i key {ENA}\n'
    "ascp.exe: Cannot resolve target host., exiting.\n\n"
)


@pytest.mark.parametrize(
    "words",
    [
        "-- edit: never mind, my notes say .co.uk, it's fasp.sra.ebi.ac.uk. Works now, sorry for the noise.",
        "The partner re-ran it by hand with -T added and that upload worked, but that's not what we want.",
    ],
)
def test_words_after_a_failed_run_that_it_was_made_again_and_worked_add_a_completed_run(words):
    assert causes(FAILED_DNS + words + "\n") == [("dns", "high"), ("ok", "low")]


@pytest.mark.parametrize(
    "words",
    [
        "Is the hostname in the docs out of date? Nothing works now.",
        "If it works now I'll close this.",
        "Firefox opens the ENA browser fine, so the download worked before?",
        "It still doesn't work now.",
    ],
)
def test_words_that_do_not_tell_a_rerun_worked_add_nothing(words):
    assert causes(FAILED_DNS + words + "\n") == [("dns", "high")]


def _syn(t: str, src: str, sport: int, dport: int = 33001, prefix: str = "dmz-in-drop:") -> str:
    return (
        f"Jan 27 {t} dmz1 kernel: [947601.638744] {prefix} IN=eth0 OUT= MAC=52:54:00 SRC={src} DST=192.0.2.10 "
        f"LEN=60 TOS=0x00 PREC=0x00 TTL=51 ID=41886 DF PROTO=TCP SPT={sport} DPT={dport} WINDOW=64240 RES=0x00 "
        "SYN URGP=0 \n"
    )


def _partner_session(t: str, n: int) -> str:
    return (
        f"Jan 27 {t} dmz1 sshd[{n}]: Accepted publickey for xfer_rtv from 203.0.113.12 port 39021 ssh2: RSA SHA256:x\n"
        + _SESSION.format(
            t=t, pid=n + 1, u=f"f9f5aa22-87e8-4cdc-a3df-283e3e6f{n % 10000:04d}", peer="203.0.113.12"
        ).replace("Oct 21", "Jan 27")
    )


def test_a_servers_firewall_dropping_a_clients_retransmitted_syns_is_its_attempt():
    """A new partner missing from the firewall's allowed set: each connection's SYN to 33001 sent again and
    dropped (the kernel's logged rule) is an attempt that never reached sshd, the server operator's to fix, listed
    where it happened; a scanner's single SYN to 22, 445 or 23 is none (round 58's ticket)."""
    first = "".join(_syn(f"12:03:{s:02d}", "198.51.100.160", 50412) for s in (10, 11, 13, 17, 25))
    second = "".join(_syn(f"12:09:{s:02d}", "198.51.100.160", 50588) for s in (44, 45, 47, 51))
    scanners = _syn("12:01:17", "203.0.113.243", 36879, 445) + _syn("12:02:07", "203.0.113.230", 41983, 22)
    text = _partner_session("11:58:04", 21428) + scanners + first + _partner_session("12:06:30", 49629) + second
    read = explain_text(text)
    assert [s.cause_id for s in read] == ["ok", "ssh-port", "ok", "ssh-port"]
    refused = read[1]
    assert (refused.peer_address, refused.side, refused.confidence) == ("198.51.100.160", "server", "medium")
    assert "this server's operator" in refused.who and "allow TCP 33001" in refused.next_step


def test_a_firewall_line_that_let_the_syn_through_is_no_attempt():
    text = _partner_session("11:58:04", 21428) + "".join(
        _syn(f"12:03:{s:02d}", "198.51.100.160", 50412, prefix="[UFW ALLOW]") for s in (10, 11, 13)
    )
    assert [s.cause_id for s in explain_text(text)] == ["ok"]


def test_the_partners_pasted_error_beside_the_drops_is_one_of_those_attempts():
    """The partner's "Failed to open TCP connection for SSH" pasted above the operator's journal is one of the two
    attempts the firewall dropped, with the server's remedy (not 'ask the network team')."""
    paste = 'Partner wrote: "We tried twice around 12:00:\n  ascp: Failed to open TCP connection for SSH, exiting."\n\n'
    first = "".join(_syn(f"12:03:{s:02d}", "198.51.100.160", 50412) for s in (10, 11, 13))
    second = "".join(_syn(f"12:09:{s:02d}", "198.51.100.160", 50588) for s in (44, 45, 47))
    read = explain_text(
        paste + _partner_session("11:58:04", 21428) + first + _partner_session("12:06:30", 49629) + second
    )
    assert [s.cause_id for s in read] == ["ok", "ssh-port", "ok", "ssh-port"]
    assert all("this server's operator" in s.who for s in read if s.cause_id == "ssh-port")
