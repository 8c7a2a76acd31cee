"""Misses found this session (the session of 2026-12-02, sixth): kept blind sets' remaining misses and blind round
65's, each in its smallest form."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_UUIDS = [f"{n:08x}-0000-4000-8000-00000000000{n}" for n in range(1, 5)]


def _verbose_journal(order: str, udp: bool = False) -> str:
    """sshd at LogLevel VERBOSE: three clients connect (ports 40001, 40002, 40004) and one is dropped past
    MaxStartups (40003) between the second and third arrivals; the logins and Session Start lines come after the
    drop. ``order``: the order of the three sessions' start lines (they need not follow the arrivals)."""
    lines = []
    head = "May 21 02:00:0{s} hsts sshd[{pid}]: "
    for pid, port in ((5103, 40001), (5106, 40002)):
        lines.append(head.format(s=1, pid=pid) + f"Connection from 198.51.100.77 port {port} on 10.50.0.8 port 33001")
    lines.append(
        head.format(s=2, pid=1021) + "drop connection #10 from [198.51.100.77]:40003 on [10.50.0.8]:33001 past "
        "MaxStartups"
    )
    lines.append(head.format(s=2, pid=5112) + "Connection from 198.51.100.77 port 40004 on 10.50.0.8 port 33001")
    for pid, port in ((5103, 40001), (5106, 40002), (5112, 40004)):
        lines.append(head.format(s=3, pid=pid) + f"Accepted publickey for mill from 198.51.100.77 port {port} ssh2")
    ports = {"1": 40001, "2": 40002, "4": 40004} if not udp else {"1": 52113, "2": 38870, "4": 60211}
    for n in order:
        lines.append(
            f"May 21 02:00:0{5} hsts ascp[{6000 + int(n)}]: LOG FASP Session Start uuid={_UUIDS[int(n) - 1]} "
            f"op=recv status=started source=/r/{n} dest=/in peer=198.51.100.77:{ports[n]} tcp_port=33001"
        )
    for n in order:
        lines.append(
            f"May 21 02:03:0{n} hsts ascp[{6000 + int(n)}]: LOG FASP Session Stop uuid={_UUIDS[int(n) - 1]} "
            f"op=recv status=success source=/r/{n} (1) dest=/in peer=198.51.100.77:{ports[n]} tcp_port=33001"
        )
    return "\n".join(lines) + "\n"


def test_a_client_dropped_between_arrivals_is_listed_between_them():
    """Blind round 63's 14 pushes at once: the drop came after two clients had connected and before the third, so
    it is listed third, though all three logged in and started after it (it had been listed first)."""
    assert [c for c, _ in causes(_verbose_journal("124"))] == ["ok", "ok", "ssh-refused", "ok"]
    # a server's records name the client's UDP port: the k-th session of an address is its k-th connection
    assert [c for c, _ in causes(_verbose_journal("124", udp=True))] == ["ok", "ok", "ssh-refused", "ok"]
    # without VERBOSE's "Connection from" lines the logins are the arrivals: all three came after the drop
    quiet = "".join(line + "\n" for line in _verbose_journal("124").splitlines() if "Connection from" not in line)
    assert [c for c, _ in causes(quiet)] == ["ssh-refused", "ok", "ok", "ok"]


def test_background_jobs_are_listed_by_their_job_numbers():
    """bash numbers background jobs in the order it started them; its "Done" and "Exit 1" lines tell which
    numbers completed (blind round 62: jobs 2 and 4 refused, their errors printed before jobs 1 and 3 finished;
    they had been listed first)."""
    command = "ascp -T -P 33001 --mode=recv --host=h --user=u /out/$f /in/"
    text = (
        f"$ for f in a b c d; do {command} & done; wait\n[1] 30411\n[2] 30412\n[3] 30413\n[4] 30414\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        "a                                                100% 3686MB 94.1Mb/s    05:29\n"
        "Completed: 3774464K bytes transferred in 329 seconds\n (91780K bits/sec), in 1 file.\n"
        "c                                                100% 4017MB 93.8Mb/s    05:58\n"
        "Completed: 4113408K bytes transferred in 358 seconds\n (91919K bits/sec), in 1 file.\n"
        f"[1]   Done                    {command}\n[2]   Exit 1                  {command}\n"
        f"[3]-  Done                    {command}\n[4]+  Exit 1                  {command}\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "permission", "ok", "permission"]
    # the job lines do not say which run is which when their count differs from the runs'
    assert [c for c, _ in causes(text.replace(f"[4]+  Exit 1                  {command}\n", ""))] == [
        "permission",
        "permission",
        "ok",
        "ok",
    ]
