"""One session's collected lines, and its explanation (pure).

The analyzer fills a ``Collected`` per session (a few evidence lines, counters, the raw Session
Start/Params/Stop records); ``explain`` turns it into a ``SessionExplanation`` when the session has ended:
outcome, figures, and, for a failure, the diagnosis (``diagnose.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from aspdiag.fasp.errors import describe
from aspdiag.tools.explain import scan
from aspdiag.tools.explain.diagnose import (
    TIMEOUT_EXPIRED,
    Diagnosis,
    Evidence,
    diagnose,
    slow_run,
    slowed_then_stopped,
    time_limited,
)
from aspdiag.tools.explain.scan import field_raw, raw_value

_UNPRINTABLE = dict.fromkeys([*range(0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])
"""Control characters (escape sequences among them) never reach a report: they would drive the reader's
terminal. Tabs and line ends stay."""
MAX_EVIDENCE = 12
MAX_TEXTS = 20

_LINE_KEYS = {
    b"Session Start": ("op", "status", "errcode", "errstr", "peer", "local", "tcp_port", "peerver"),
    b"Session Params": ("user", "targetrate"),
    b"Session Stop": ("op", "status", "errcode", "errstr", "peer", "local", "tcp_port"),
}
_NEEDLES = {key: b" " + key.encode() + b"=" for keys in _LINE_KEYS.values() for key in keys}
_KIND_NEEDLES = {kind: tuple((key, _NEEDLES[key]) for key in keys) for kind, keys in _LINE_KEYS.items()}
"""``_LINE_KEYS`` with each key's needle, as ``scan.parse_fields`` reads them."""


def field_value(record: bytes, key: str) -> str | None:
    """The value of ``key=value`` or ``key="quoted value"`` in a FASP record (after its uuid)."""
    value = field_raw(record, _NEEDLES.get(key) or b" " + key.encode() + b"=")
    return None if value is None else value.decode("utf-8", "replace")


_COMMENTED = re.compile(r"\S\s+#+\s*\w")
"""A command line with a shell comment after it (the person's word on how it went)."""


@dataclass(slots=True)
class Collected:
    """What the lines of one session said so far (bounded)."""

    source: str
    uuid: str | None
    order: int
    syslog: bool = False
    stamp: bytes | None = None
    """The first line's time stamp, decoded only when the session is explained."""
    ascp_said: bool = False
    """A line in one of ascp's own forms was seen (an ERR line, ``ascp: ...``, a progress line, a prompt), not only
    a wrapper's words about it."""
    worded: bool = False
    """As ``ascp_said``, but not for a wrapper's own progress bar (ascli's): ascp's words that could name a cause."""
    named: bool = False
    """Its Session Params record (which names the user) was seen."""
    quoted: bool = False
    """Told only by a person's lines quoting ascp's words (an input with no run of its own): low confidence."""
    target_mbps: float | None = None
    """Console run: the target rate its command gave with -l (None: no -l, or no command seen)."""
    commanded: bool = False
    """Console run: its ascp command line was seen (a run without -l then runs at ascp's default target)."""
    time_limit_s: float | None = None
    """Console run: the time limit its command put on ascp (``timeout 360s ascp ...``)."""
    unseen: bool = False
    """Console run: known only by the batch system's kill after a loop's completed runs (no line of its own shown):
    medium confidence at most."""
    told_ok: bool = False
    """Console run: shown only as its command, the person telling that it worked (no output of its own)."""
    prompted: bool = False
    """Console run: ascp asked for a password or the key's passphrase (it had reached SSH authentication)."""
    described: bool = False
    """Told only by a person's description of what the transfer did ("the rate drops to nothing and it just sits
    there"), in an input with no line of ascp's at all: its cause at low confidence."""
    from_quote: bool | None = None
    """Console run: whether its lines came in a mail's or a post's quote (``> ``) only (None before its first)."""
    login: bytes | None = None
    """The user sshd last let in from this session's peer before the session ended (for a session whose records
    name no user; a later login from the same address, NAT, is another user's)."""
    login_peer: bytes | None = None
    """For a session whose records name no client (a failed Session Start): the address of the login sshd let in
    just before it (within two minutes), so that the operator's per-client view still lists that client."""
    ended_stamp: bytes | None = None
    """The time stamp of the record that ended a logged session, where it was read line by line."""
    read_ahead: bool = True
    """Its Session Start and Params records came only by the fast path, which read their peer, local end and
    user (``peer_raw``, ``local_raw``, ``user_raw``) as it met them; ``stop_ok``: its last Session Stop said
    success. ``counted`` then needs not read its records again (False: it does)."""
    peer_raw: bytes | None = None
    local_raw: bytes | None = None
    user_raw: bytes | None = None
    stop_ok: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    records: list[tuple[bytes, bytes]] = field(default_factory=list)
    """(kind, text after the uuid) of its Session Start/Params/Stop records, parsed when explained."""
    open_files: set[bytes] | None = None
    """Names of files whose Transfer Start was seen without their Transfer Stop (bounded; kept only once a start
    is seen): a file still moving when the input ends."""
    code: int | None = None
    finals: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    bytes: int | None = None
    percent: int | None = None
    progress: str | None = None
    seconds: float | None = None
    rate_kbps: int | None = None
    skipped: int = 0
    """Files ascp's summary says it skipped ("in 46 files; 15 files skipped or empty")."""
    completed: bool | None = None
    files_ok: int = 0
    files_failed: int = 0
    losses: list[float] = field(default_factory=list)
    rates_mbps: list[float] = field(default_factory=list)
    exit_status: int | None = None
    lines: int = 0
    ended: bool = False
    ended_at: int = 0
    stopped: bool = False
    """Console run: its ``Session Stop`` line was seen (a second one starts the next run)."""
    exited: bool = False
    """Console run: its ``ascp: ..., exiting.`` line was seen."""

    def note(self, line: str) -> None:
        if len(self.evidence) < MAX_EVIDENCE:
            self.evidence.append(line.translate(_UNPRINTABLE).strip()[:400])

    def moved(self, n: int) -> None:
        self.bytes = n if self.bytes is None else max(self.bytes, n)

    def final(self, message: str) -> None:
        message = message.translate(_UNPRINTABLE)
        if message and message not in self.finals and len(self.finals) < MAX_TEXTS:
            self.finals.append(message[:300])

    def detail(self, message: str) -> None:
        message = message.translate(_UNPRINTABLE)
        if message and message not in self.details and len(self.details) < MAX_TEXTS:
            self.details.append(message[:300])

    def absorb(self, other: Collected) -> None:
        """Take over lines collected before this session's first record (ERR lines come first in ascp's
        logs; console output of a run with ``-L-`` precedes the log records)."""
        for m in other.finals:
            self.final(m)
        for m in other.details:
            self.detail(m)
        for line in other.evidence:
            self.note(line)
        if other.bytes is not None:
            self.moved(other.bytes)
        self.percent = other.percent if other.percent is not None else self.percent
        self.progress = other.progress or self.progress
        self.exit_status = other.exit_status if other.exit_status is not None else self.exit_status
        self.code = self.code if self.code is not None else other.code
        self.stamp = self.stamp or other.stamp
        self.lines += other.lines
        self.ascp_said = self.ascp_said or other.ascp_said
        self.worded = self.worded or other.worded

    def counted(self) -> tuple[bool, str | None, str | None, bool] | None:
        """For a session that will only be counted: (succeeded, peer address, user, server side), read
        straight from its records; None when it needs the full explanation (it failed or said more)."""
        if self.finals or self.details or self.files_failed or self.exit_status or self.completed is not None:
            return None
        if self.read_ahead:
            if not self.stop_ok:
                return None
            peer, local = self.peer_raw, self.local_raw
            user = None if self.user_raw is None else self.user_raw.decode("utf-8", "replace")
        else:
            status = peer = local = user = None
            for kind, record in self.records:
                if kind == b"Session Stop":
                    status = b" status=success" in record
                elif kind == b"Session Start":
                    peer, local = raw_value(record, b" peer="), raw_value(record, b" local=")
                elif kind == b"Session Params":
                    user = field_value(record, "user")
            if not status:
                return None
        peer_address, _, peer_port = (peer or b"").rpartition(b":")
        local_port = (local or b"").rpartition(b":")[2]
        server = ports_side(
            int(local_port) if local_port.isdigit() else None,
            int(peer_port) if peer_port.isdigit() else None,
            (local or b"").startswith(b"0.0.0.0"),
            self.syslog,
            True,
        )
        address = peer_address.strip(b"[]").decode("ascii", "replace") if peer_address else None
        return True, address, user, server == "server"

    def parsed(self) -> dict[str, str]:
        """Its fields from its Session Start/Params/Stop records (later records win)."""
        fields = dict(self.fields)
        if scan.parse_fields is not None:  # the loop below, compiled
            scan.parse_fields(fields, self.records, _KIND_NEEDLES)
            return fields
        for kind, record in self.records:
            for key in _LINE_KEYS.get(kind, ()):
                value = field_value(record, key)
                if value is not None:
                    fields[key] = value
        return fields


@dataclass(frozen=True)
class SessionExplanation:
    """What one session did, why it failed (if it did) and what to do next."""

    source: str
    uuid: str | None
    time: str | None
    direction: str | None
    user: str | None
    peer_address: str | None
    udp_port: int | None
    tcp_port: int | None
    target_rate_mbps: float | None
    bytes: int | None
    duration_s: float | None
    rate_mbps: float | None
    loss_pct: float | None
    outcome: str
    """success, partial, failed, or unknown (no end of session seen)."""
    error_code: int | None
    code_inferred: bool
    """True when no line named the code: ascp's words stand for it, or the cause does (``code_from``)."""
    error_message: str
    error_meaning: str
    cause_id: str
    cause: str
    confidence: str
    next_step: str
    who: str
    check_command: str | None
    limit: str | None
    """For a finished transfer: which limit it hit (target rate, loss, receiver/sender)."""
    evidence: tuple[str, ...]
    probe_summary: str | None = None
    progress: str | None = None
    """The last progress line (file, percent, size), when ascp printed one."""
    reasoning: tuple[str, ...] = ()
    """How the evidence was weighed (which code, which words, what progress)."""
    side: str | None = None
    """``server`` when this is the server's log of a client's session, ``client`` for the client's own."""
    code_from: str | None = None
    """Where ``error_code`` came from: ``log`` (a line gave it), ``words`` (the code ascp's words stand for),
    ``cause`` (the cause's usual code); None without a code."""


@dataclass
class ClientSummary:
    """One client (peer address and user) as a server's operator sees it."""

    peer: str
    user: str
    sessions: int = 0
    succeeded: int = 0
    failed: int = 0
    bytes: int = 0
    causes: Counter[str] = field(default_factory=Counter)
    last_failure: str | None = None


def endpoint(value: str | None) -> tuple[str | None, int | None]:
    """(address, port) of ``address:port`` (``[v6]:port`` too)."""
    if not value or ":" not in value:
        return None, None
    host, _, port = value.rpartition(":")
    return host.strip("[]"), int(port) if port.isdigit() else None


def served(port: int) -> bool:
    """A port a server listens on: below the ephemeral range, or FASP's 33001 and the ranges around it."""
    return port < 32768 or 33001 <= port <= 33100


def side(collected: Collected, fields: dict[str, str]) -> str | None:
    """Whose log this is (see ``ends_side``)."""
    if fields.get("seen_by") == "sshd":
        return "server"  # sshd's own line about a client it turned away (some carry no client port)
    return ends_side(fields.get("local"), fields.get("peer"), collected.syslog, collected.uuid is not None)


def ends_side(local: str | None, peer: str | None, syslog: bool, logged: bool) -> str | None:
    """Whose log a session's record is, from its two ends (``address:port``; see ``ports_side``)."""
    return ports_side(endpoint(local)[1], endpoint(peer)[1], (local or "").startswith("0.0.0.0"), syslog, logged)


def ports_side(
    local_port: int | None, peer_port: int | None, local_any: bool, syslog: bool, logged: bool
) -> str | None:
    """Whose log a session's record is. The server's end of a session holds the well-known UDP port (33001)
    and sees the client's ephemeral one; the client sees the server's. When the ports do not tell (both below the
    ephemeral range behind a NAT, or missing): syslog means a server (ascp on a server logs there; clients log to
    their own files or the console). ``local_any``: the local end is 0.0.0.0 (a client's unbound socket);
    ``logged``: the session has a uuid (FASP records)."""
    if local_port and peer_port and not local_any and served(local_port) and not served(peer_port):
        return "server"
    if peer_port and served(peer_port) and (not local_port or not served(local_port) or local_any):
        return "client"
    if not logged:
        return "client"
    return "server" if syslog else None


def _licence_mbps(fields: dict[str, str]) -> float | None:
    value = fields.get("licence_max_kbps", "")
    return int(value) / 1000 if value.isdigit() and int(value) > 0 else None


_ANSWERED_PROMPT = re.compile(r"\s*(?:Password|Key passphrase):\s*$")


def outcome(collected: Collected, fields: dict[str, str]) -> str:
    """success, partial, failed or unknown."""
    status = fields.get("status")
    failed = (
        status == "failed"
        or bool(collected.finals)
        or collected.files_failed > 0
        or collected.exit_status not in (None, 0)
        or (
            collected.uuid is None
            and bool(collected.details)
            # ascp's prompt for a password before a run that completed was answered: no failure
            and not (collected.completed and all(_ANSWERED_PROMPT.match(d) for d in collected.details))
        )
    )
    if collected.completed is False or (collected.files_failed and collected.files_ok):
        return "partial"
    if (
        collected.completed
        and collected.bytes == 0
        and collected.seconds is not None
        and collected.rate_kbps is None
        and not failed
    ):
        # "Completed: 0K bytes transferred in 0 seconds" is also the first line of a failure (the error follows);
        # only the summary's second line, "(0 bits/sec), in 1 file.", makes it a finished run.
        return "unknown"
    if failed:
        return "failed"
    if _files_without_end(collected) and (collected.records or collected.open_files):
        # Files finished, but the session's end is not in this input while its start is, or a file it started
        # has not ended: still running, or cut off.
        return "unknown"
    if status == "success" or collected.completed or collected.files_ok or collected.exit_status == 0:
        # ascp's exit status 0 (as a wrapper reports it: prefetch's "ascp exited with ... status=0") is success.
        return "success"
    return "unknown"


def _limit(
    target: float | None, achieved: float | None, loss: float | None, licence: float | None = None
) -> str | None:
    if achieved is None:
        return None
    if licence and target and target <= licence * 1.01 and achieved >= 0.8 * licence:
        # ascp lowers the target to its licence's maximum rate (its 'license max rate=' in kbit/s): raising -l
        # changes nothing (blind round 8: 'raise -l' under a 20 Mbit/s licence cap).
        return (
            f"it ran at {achieved:.1f} Mbit/s, the maximum rate of this ascp's licence ({licence:g} Mbit/s): the "
            "licence was the limit; a higher -l changes nothing, a licence with a higher rate would"
        )
    if target and achieved >= 0.8 * target:
        return (
            f"it ran at {achieved:.1f} Mbit/s, close to its target of {target:.1f}: the target rate (-l) was the "
            "limit; raise it if the path and the receiver allow"
        )
    if loss is not None and loss >= 1.0:
        return (
            f"it lost {loss:.1f} % of its packets: the path (congestion, or UDP shaping) was the limit; a lower "
            "-l may finish sooner"
        )
    if target:
        return (
            f"it ran at {achieved:.1f} Mbit/s, well below its target of {target:.1f} with little loss: the "
            "receiver's disk, the sender, or a licence cap was the limit"
        )
    return None


def _evidence(collected: Collected) -> tuple[str, ...]:
    """Its evidence lines, with the record that ended it (kept raw until now: most sessions are only counted)."""
    ending = [
        f"FASP {kind.decode()} uuid={collected.uuid}{record.decode('utf-8', 'replace')}"
        for kind, record in collected.records
        if kind == b"Session Stop" or (kind == b"Session Start" and b" status=failed" in record)
    ]
    return (*collected.evidence, *ending[-1:])[: MAX_EVIDENCE + 1]


_BEFORE_UDP = frozenset(("dns", "ssh-port", "ssh-handshake", "host-key", "ssh-refused", "auth"))
"""Causes that stop a session before ascp agrees on its UDP port."""


def _meaning_here(meaning: str, diagnosis: Diagnosis | None) -> str:
    """The code's name in IBM's table, and how it was read here when the evidence put it on another channel
    (44, "UDP session initiation fatal error", after the SSH connection never opened)."""
    if not meaning or diagnosis is None or diagnosis.read_as is None:
        return meaning
    return f"{meaning}; read here as '{diagnosis.read_as}', see Why"


def _files_without_end(collected: Collected) -> bool:
    """Whether files of a logged session finished but the session's own end is not in the input."""
    return bool(collected.files_ok) and collected.uuid is not None and not collected.ended


def _files_excerpt(collected: Collected) -> bool:
    """Whether a success is read from file records alone: no Session record of it is in the input (a log grepped
    for "Transfer", or trimmed to the file lines), and every file it started ended well."""
    return _files_without_end(collected) and not collected.records


def _cause_text(
    diagnosis: Diagnosis | None, result: str, files_ok: int, skipped: int = 0, excerpt: bool = False
) -> str:
    if diagnosis is None:
        if excerpt:
            return (
                f"the {files_ok:,} file(s) it logged completed; the session's own start and end are not in this "
                "input (file records only)"
            )
        if skipped:
            # -k (resume) skips what the destination already has complete; empty files are skipped too. People
            # read "skipped" as lost (blind round 13: an upload to ENA, found complete the next day).
            return (
                f"the transfer completed; the {skipped:,} file(s) ascp skipped were already complete at the "
                "destination (resume, -k) or empty, not lost"
            )
        return "the transfer completed"
    if result == "unknown" and files_ok:
        return f"{diagnosis.cause}; {files_ok:,} file(s) completed before the input ends"
    return diagnosis.cause


class Brief(NamedTuple):
    """What the operator's tallies take from a session that is counted but not listed (``brief``): the same
    values as its full explanation's."""

    outcome: str
    cause_id: str
    user: str | None
    peer_address: str | None
    side: str | None
    bytes: int | None
    time: str | None


class _Reading(NamedTuple):
    """The first half of ``explain``: the outcome, the ends and the diagnosis."""

    result: str
    whose: str | None
    peer_address: str | None
    udp_port: int | None
    finals: tuple[str, ...]
    details: tuple[str, ...]
    diagnosis: Diagnosis | None


def brief(collected: Collected, fields: dict[str, str] | None = None) -> Brief:
    """The values a session that is only counted gives the tallies, read as ``explain`` reads them (pure).
    Why: a server's log of thousands of failed sessions lists the first 2,000; building each later one's whole
    explanation (its evidence, next step and limit) only to count it was most of what counting it cost (issue 17)."""
    fields = collected.parsed() if fields is None else fields
    reading = _read(collected, fields)
    diagnosis = reading.diagnosis
    return Brief(
        outcome=reading.result,
        cause_id=diagnosis.cause_id if diagnosis else "ok",
        user=fields.get("user"),
        peer_address=reading.peer_address,
        side=reading.whose,
        bytes=collected.bytes,
        time=collected.stamp.decode("utf-8", "replace") if collected.stamp else None,
    )


def _read(collected: Collected, fields: dict[str, str]) -> _Reading:
    result = outcome(collected, fields)
    peer_address, udp_port = endpoint(fields.get("peer"))
    if fields.get("seen_by") == "sshd":
        udp_port = None  # sshd names the client's TCP source port
    whose = side(collected, fields)
    peerver = fields.get("peerver")
    finals = tuple(collected.finals)
    details = tuple(collected.details) + (
        (f"exit status {collected.exit_status}",) if collected.exit_status not in (None, 0, 1) else ()
    )
    diagnosis = None
    if result != "success":
        diagnosis = diagnose(
            Evidence(
                code=collected.code,
                finals=finals,
                details=details,
                bytes_moved=collected.bytes,
                peer_reached=None if peerver is None else peerver not in ("-", ""),
                outcome=result,
                server_side=whose == "server",
                speaker="sshd"
                if fields.get("seen_by") == "sshd"
                else "person"
                if collected.described
                else "wrapper"
                if collected.uuid is None and not collected.worded
                else "ascp",
            )
        )
    if (
        (result == "unknown" or collected.exit_status == TIMEOUT_EXPIRED and collected.time_limit_s)
        and collected.uuid is None
        and collected.commanded
        and diagnosis is not None
        and diagnosis.cause_id == "unknown"
        and not finals
    ):
        # Still running when the paste ends: its progress may say it crawls (a rate cap, the default target), or
        # its command's time limit ended it.
        recent = tuple(collected.rates_mbps[-5:])
        diagnosis = (
            slow_run(recent, collected.target_mbps)
            or time_limited(collected.time_limit_s, collected.bytes, recent, collected.exit_status)
            or diagnosis
        )
    if (
        diagnosis is not None
        and diagnosis.cause_id == "cancelled"
        and len(collected.rates_mbps) >= 2
        and any("^C" in said for said in details)
        and max(collected.rates_mbps[:-1]) >= 10 * max(collected.rates_mbps[-1], 0.01)
    ):
        # Stopped from the keyboard after its own progress had collapsed: the stall is why it was stopped.
        diagnosis = slowed_then_stopped(
            collected.rates_mbps[-1], max(collected.rates_mbps[:-1]), "earlier in its own progress"
        )
    if diagnosis is not None and diagnosis.cause_id in _BEFORE_UDP and whose != "server":
        udp_port = None  # the SSH connection never carried a session: the record's peer port is no UDP port
    return _Reading(result, whose, peer_address, udp_port, finals, details, diagnosis)


def explain(collected: Collected, fields: dict[str, str] | None = None) -> SessionExplanation:
    """Turn one collected session into its explanation (pure)."""
    fields = collected.parsed() if fields is None else fields
    result, whose, peer_address, udp_port, finals, details, diagnosis = _read(collected, fields)
    excerpt = result == "success" and _files_excerpt(collected)
    code = diagnosis.code if diagnosis else None
    meaning = describe(code)
    tcp_text = fields.get("tcp_port", "")
    tcp_port = int(tcp_text) if tcp_text.isdigit() else None
    target_text = fields.get("targetrate", "")
    target = int(target_text) / 1e6 if target_text.isdigit() else None
    achieved = None
    if collected.rate_kbps:
        # ascp's own figure for this run: a resumed run (-k 1) counts only what it moved, while progress lines
        # show the whole file (blind round 8: 163 Mbit/s from a 2.2 GB file for a run that moved 1.1 GB at 80).
        achieved = collected.rate_kbps / 1000
    elif collected.bytes and collected.seconds:
        achieved = collected.bytes * 8 / collected.seconds / 1e6
    elif collected.rates_mbps:
        achieved = collected.rates_mbps[-1]
    loss = max(collected.losses) if collected.losses else None
    check = None
    if peer_address and whose != "server" and (diagnosis is None or diagnosis.check in ("tcp", "udp", "dns")):
        check = f"aspdiag check {peer_address} --ssh-port {tcp_port or '22,33001'} --udp-port {udp_port or 33001}"
    return SessionExplanation(
        source=collected.source,
        uuid=collected.uuid,
        time=collected.stamp.decode("utf-8", "replace") if collected.stamp else None,
        direction=fields.get("op"),
        user=fields.get("user"),
        peer_address=peer_address,
        udp_port=udp_port,
        tcp_port=tcp_port,
        target_rate_mbps=target,
        bytes=collected.bytes,
        duration_s=collected.seconds,
        rate_mbps=round(achieved, 3) if achieved is not None else None,
        loss_pct=loss,
        outcome=result,
        error_code=code,
        code_inferred=diagnosis.code_inferred if diagnosis else False,
        code_from=diagnosis.code_from if diagnosis and code is not None else None,
        error_message=next((m for m in finals if m), next((m for m in details if m), "")),
        error_meaning=_meaning_here(meaning.message if meaning else "", diagnosis),
        cause_id=diagnosis.cause_id if diagnosis else "ok",
        cause=_cause_text(diagnosis, result, collected.files_ok, collected.skipped, excerpt)
        if not collected.told_ok
        else "the transfer completed, by the person's words: "
        + (
            "their comment on the command says it worked"
            if collected.evidence and _COMMENTED.search(collected.evidence[0]) is not None
            else "they say the change fixed it"
        )
        + " (no output is shown)",
        # file records alone: every file arrived, but the session's own end is not shown
        confidence=("medium" if collected.unseen and diagnosis.confidence == "high" else diagnosis.confidence)
        if diagnosis
        else "low"
        if collected.told_ok
        else "medium"
        if excerpt
        else "high",
        next_step=diagnosis.next_step if diagnosis else "nothing to fix",
        who=diagnosis.who if diagnosis else "-",
        check_command=check,
        limit=_limit(target, achieved, loss, _licence_mbps(fields)) if result in ("success", "partial") else None,
        evidence=_evidence(collected),
        progress=collected.progress,
        reasoning=diagnosis.reasoning if diagnosis else (),
        side=whose,
    )
