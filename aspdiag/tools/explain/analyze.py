"""From ascp output and log lines to one explanation per session (pure, streaming, bounded memory).

Lines are fed one at a time; sessions are keyed by their uuid (several may be interleaved in one file);
console output (progress, summary, error lines) without a uuid forms one session per input. Only a few
evidence lines are kept per session, so a multi-gigabyte log needs no more memory than a small one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from aspdiag.fasp.errors import describe
from aspdiag.fasp.parse import code_for_message, parse_errors, parse_progress

MAX_EVIDENCE = 12
MAX_SESSIONS = 10_000

_SYSLOG = re.compile(r"^(?:- )?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ ascp\d?\[\d+\]: ")
_STAMP = re.compile(r"^(?:- )?(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")
_SYSLOG_STAMP = re.compile(r"^(?:- )?([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d)")
_UUID = re.compile(r"\b(?:uuid|id)=([0-9a-fA-F]{8}-[0-9a-fA-F-]{27})")
_KV = re.compile(r'(\w[\w/]*)=("[^"]*"|\S+)')
_SUMMARY = re.compile(r"(Completed|Partial Completion): (\d+)K bytes transferred in (\d+) seconds?")
_RATE = re.compile(r"\((\d+)K bits/sec\)")
_EXIT = re.compile(r"(?:exit(?:ed)?(?: with)?(?: status)?|returned non-zero exit status)\s*[:=]?\s*(\d+)", re.I)


@dataclass(frozen=True)
class KnowledgeEntry:
    """One known cause."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    codes: tuple[int, ...]
    code: int | None
    """The code a matching session most likely ended with, when its lines name none."""
    cause: str
    confidence: str
    next: str
    who: str
    check: str


@cache
def knowledge() -> tuple[KnowledgeEntry, ...]:
    """The knowledge base, from aspdiag/data/explain_kb.json."""
    data = json.loads(resources.files("aspdiag").joinpath("data/explain_kb.json").read_text(encoding="utf-8"))
    return tuple(
        KnowledgeEntry(
            e["id"],
            tuple(re.compile(p, re.I) for p in e["patterns"]),
            tuple(e["codes"]),
            e.get("code"),
            e["cause"],
            e["confidence"],
            e["next"],
            e["who"],
            e["check"],
        )
        for e in data["entries"]
    )


@dataclass
class _Session:
    source: str
    uuid: str | None
    time: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    bytes: int | None = None
    seconds: float | None = None
    rate_kbps: int | None = None
    completed: bool | None = None
    files_ok: int = 0
    files_failed: int = 0
    losses: list[float] = field(default_factory=list)
    rates_mbps: list[float] = field(default_factory=list)
    last_progress: str | None = None
    exit_status: int | None = None
    lines: int = 0

    def note(self, line: str) -> None:
        if len(self.evidence) < MAX_EVIDENCE:
            self.evidence.append(line.strip()[:400])


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
    """True when no line named the code and the knowledge base supplied the likely one."""
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


class Analyzer:
    """Feed lines (``feed``) per input, then ``results()``."""

    def __init__(self) -> None:
        self._sessions: dict[tuple[str, str], _Session] = {}
        self._console: dict[str, _Session] = {}
        self._pending: dict[str, list[str]] = {}
        """Error lines seen before any session started in an input: they belong to the next one."""
        self._last_fasp: dict[str, _Session] = {}
        self.lines_seen = 0
        self.ascp_lines = 0

    def _session(self, source: str, uuid: str | None) -> _Session:
        if uuid is None:
            return self._console.setdefault(source, _Session(source, None))
        key = (source, uuid)
        if key not in self._sessions and len(self._sessions) < MAX_SESSIONS:
            self._sessions[key] = _Session(source, uuid)
        return self._sessions.get(key) or self._console.setdefault(source, _Session(source, None))

    def feed(self, source: str, raw: str) -> None:
        """One line of input."""
        self.lines_seen += 1
        line = _SYSLOG.sub("", raw.rstrip("\r\n").replace("\x00", ""))
        if not line.strip():
            return
        stamp = _STAMP.match(raw) or _SYSLOG_STAMP.match(raw)
        uuid_match = _UUID.search(line) if ("FASP " in line) else None
        if uuid_match:
            self.ascp_lines += 1
            session = self._session(source, uuid_match.group(1))
            session.lines += 1
            if session.time is None and stamp:
                session.time = stamp.group(1)
            for pending in self._pending.pop(source, []):
                session.errors.append(pending)
                session.note(pending)
            self._fasp_line(session, line)
            self._last_fasp[source] = session
            return
        if not stamp and re.match(r"^\s*\w+=", line) and source in self._last_fasp:
            # A long FASP line wrapped by whoever copied the log: continue the previous one.
            self._fasp_line(self._last_fasp[source], "FASP Session Stop " + line)
            return
        errors = parse_errors(line, "")
        summary = _SUMMARY.search(line)
        progress = parse_progress(line)
        exit_match = _EXIT.search(line)
        is_err = " ERR " in f" {line} "
        if not (errors or summary or progress or exit_match or is_err or "ascp" in line.lower()):
            # A bare rate line after a summary: " (227709K bits/sec), in 1 file."
            rate = _RATE.search(line)
            if rate and self._console.get(source) is not None:
                self._console[source].rate_kbps = int(rate.group(1))
            return
        self.ascp_lines += 1
        if is_err and not any(src == source for src, _ in self._sessions):
            self._pending.setdefault(source, []).append(line.split(" ERR ", 1)[-1].strip()[:300])
            del self._pending[source][:-20]
            return
        # In a log, lines without a uuid belong to the most recent session of that input.
        session = self._latest(source)
        if session.time is None and stamp:
            session.time = stamp.group(1)
        session.lines += 1
        if errors or is_err or "not found" in line:
            session.errors.append((errors[0].message if errors else line.split(" ERR ", 1)[-1]).strip()[:300])
            del session.errors[:-20]
            session.note(line)
        if summary:
            session.completed = summary.group(1) == "Completed"
            session.bytes = int(summary.group(2)) * 1024
            session.seconds = float(summary.group(3))
            session.note(line)
        if progress:
            session.last_progress = f"{progress.file} {progress.percent}% {progress.bytes_text}"
            if progress.rate_mbps is not None:
                session.rates_mbps.append(progress.rate_mbps)
                del session.rates_mbps[:-50]
        if exit_match and "ascp" in line.lower() or exit_match and "status" in line.lower():
            session.exit_status = int(exit_match.group(1)) if exit_match else None
            session.note(line)

    def _latest(self, source: str) -> _Session:
        candidates = [s for (src, _), s in self._sessions.items() if src == source]
        return candidates[-1] if candidates else self._session(source, None)

    def _fasp_line(self, session: _Session, line: str) -> None:
        kv = {k: v.strip('"') for k, v in _KV.findall(line)}
        if "FASP Session Start" in line or "FASP Session Stop" in line or "FASP Session Params" in line:
            for key in (
                "op",
                "status",
                "errcode",
                "errstr",
                "peer",
                "local",
                "tcp_port",
                "user",
                "targetrate",
                "source",
                "dest",
            ):
                if key in kv:
                    session.fields[key] = kv[key]
            if "FASP Session Stop" in line or kv.get("status") == "failed":
                session.note(line)
        elif "FASP Transfer Stop" in line or "FASP Transfer Start" in line:
            if "op" in kv:
                session.fields.setdefault("op", kv["op"])
            if "FASP Transfer Stop" in line:
                ok = kv.get("status") == "success"
                session.files_ok += ok
                session.files_failed += not ok
                if kv.get("size", "").isdigit() and ok:
                    session.bytes = (session.bytes or 0) + int(kv["size"])
                for key, target in (("loss", session.losses), ("rate", session.rates_mbps)):
                    value = kv.get(key, "").removesuffix("Mbps")
                    try:
                        target.append(float(value))
                        del target[:-50]
                    except ValueError:
                        pass
                elapsed = kv.get("elapsed", "").removesuffix("s")
                try:
                    session.seconds = (session.seconds or 0.0) + float(elapsed)
                except ValueError:
                    pass
                if not ok:
                    session.note(line)
        elif "FASP Session Statistics" in line:
            delay = re.search(r"solicited_rex=([\d.]+)%", line)
            if delay:
                session.losses.append(float(delay.group(1)))
            tx = re.search(r"tx_bytes (\d+)", line)
            if tx:
                session.bytes = max(session.bytes or 0, int(tx.group(1)))

    def results(self) -> list[SessionExplanation]:
        """Every session seen, explained."""
        for source, pending in self._pending.items():  # errors with no session after them
            console = self._session(source, None)
            console.lines += len(pending)
            for line in pending:
                console.errors.append(line)
                console.note(line)
        self._pending.clear()
        sessions = list(self._sessions.values())
        sessions += [
            s
            for s in self._console.values()
            if s.lines and (s.errors or s.completed is not None or s.last_progress or s.exit_status)
        ]
        return [explain(s) for s in sessions]


def _match(text: str, code: int | None) -> KnowledgeEntry | None:
    for entry in knowledge():
        if any(p.search(text) for p in entry.patterns):
            return entry
    if code is not None:
        for entry in knowledge():
            if code in entry.codes:
                return entry
    return None


def _peer(session: _Session) -> tuple[str | None, int | None]:
    peer = session.fields.get("peer")
    if not peer or ":" not in peer:
        return None, None
    host, _, port = peer.rpartition(":")
    return host.strip("[]"), int(port) if port.isdigit() else None


def _limit(target: float | None, achieved: float | None, loss: float | None) -> str | None:
    if achieved is None:
        return None
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


def explain(session: _Session) -> SessionExplanation:
    """Turn one collected session into its explanation (pure)."""
    status = session.fields.get("status")
    code_text = session.fields.get("errcode", "")
    code = int(code_text) if code_text.isdigit() and code_text != "0" else None
    messages = [*session.errors, session.fields.get("errstr", "")]
    message = next((m for m in session.errors if m), session.fields.get("errstr", ""))
    if code is None:
        code = next((c for m in messages if m and (c := code_for_message(m)) is not None), None)
    failed = (
        status == "failed" or bool(session.errors) or session.files_failed > 0 or (session.exit_status not in (None, 0))
    )
    if session.completed is False or (session.files_failed and session.files_ok):
        outcome = "partial"
    elif failed:
        outcome = "failed"
    elif status == "success" or session.completed or session.files_ok:
        outcome = "success"
    else:
        outcome = "unknown"
    text = " | ".join(m for m in messages if m) + (
        f" | exit status {session.exit_status}" if session.exit_status is not None else ""
    )
    entry = _match(text, code) if outcome in ("failed", "partial", "unknown") and (text.strip(" |") or code) else None
    inferred = False
    if code is None and entry is not None and entry.code is not None:
        code, inferred = entry.code, True
    meaning = describe(code)
    peer_address, udp_port = _peer(session)
    tcp_port = int(session.fields["tcp_port"]) if session.fields.get("tcp_port", "").isdigit() else None
    target = int(session.fields["targetrate"]) / 1e6 if session.fields.get("targetrate", "").isdigit() else None
    achieved = None
    if session.bytes and session.seconds:
        achieved = session.bytes * 8 / session.seconds / 1e6
    elif session.rate_kbps:
        achieved = session.rate_kbps / 1000
    elif session.rates_mbps:
        achieved = session.rates_mbps[-1]
    loss = max(session.losses) if session.losses else None
    check = None
    if peer_address and (entry is None or entry.check in ("tcp", "udp", "dns")):
        check = f"aspdiag check {peer_address} --ssh-port {tcp_port or '22,33001'} --udp-port {udp_port or 33001}"
    if outcome == "success":
        cause_id, cause, confidence, next_step, who = "ok", "the transfer completed", "high", "nothing to fix", "-"
    elif entry is not None:
        cause_id, cause, confidence, next_step, who = entry.id, entry.cause, entry.confidence, entry.next, entry.who
    elif outcome == "unknown" and not text.strip(" |"):
        cause_id, cause, confidence = (
            "unknown",
            "the session has no end in this input (still running, or cut off)",
            "low",
        )
        next_step, who = "look for the rest of the log, or the ascp output of that run", "you"
    else:
        cause_id, cause, confidence = (
            "unknown",
            "unknown: no known cause matches these lines (shown as evidence)",
            "low",
        )
        next_step, who = "send the evidence lines to the data provider's support", "the data provider"
    return SessionExplanation(
        source=session.source,
        uuid=session.uuid,
        time=session.time,
        direction=session.fields.get("op"),
        user=session.fields.get("user"),
        peer_address=peer_address,
        udp_port=udp_port,
        tcp_port=tcp_port,
        target_rate_mbps=target,
        bytes=session.bytes,
        duration_s=session.seconds,
        rate_mbps=round(achieved, 3) if achieved is not None else None,
        loss_pct=loss,
        outcome=outcome,
        error_code=code,
        code_inferred=inferred,
        error_message=message,
        error_meaning=meaning.message if meaning else "",
        cause_id=cause_id,
        cause=cause,
        confidence=confidence,
        next_step=next_step,
        who=who,
        check_command=check,
        limit=_limit(target, achieved, loss) if outcome in ("success", "partial") else None,
        evidence=tuple(session.evidence),
    )


def summary_counts(results: list[SessionExplanation]) -> dict[str, Any]:
    """How many sessions ended how."""
    counts: dict[str, Any] = {}
    for result in results:
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    return counts
