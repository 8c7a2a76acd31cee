"""Reachability logic without I/O: the hop search, the port-state classification and the localisation.

Facts it relies on (Linux routers; see DEVELOPERS.md): TTL expiry is decided before the forward filter,
so a firewall at hop k still answers a probe sent with TTL k and rejects or drops from TTL k+1 on; an
answer that comes from the target really comes from hop ``hops_to_target``, so the same kind of answer
elicited by a smaller TTL, or carrying a reply TTL that shows fewer hops, was made by a device before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from aspdiag.model import AnswerKind, HopRef, PortResult, PortState, ProbeAnswer, Protocol

TERMINAL = frozenset(
    {AnswerKind.SYN_ACK, AnswerKind.UDP_REPLY, AnswerKind.RESET, AnswerKind.PORT_UNREACHABLE, AnswerKind.UNREACHABLE}
)
FROM_TARGET = frozenset({AnswerKind.SYN_ACK, AnswerKind.UDP_REPLY, AnswerKind.RESET, AnswerKind.PORT_UNREACHABLE})


@dataclass
class HopSearch:
    """Which TTLs to probe next for one flow.

    Parallel back-ends (raw packets, UDP sockets that can tell their answers apart) get every TTL up to
    ``max_ttl`` in one round. Sequential ones (a TCP socket can hold one 5-tuple at a time) go up one TTL
    at a time and stop at the first decisive answer, or after two silent TTLs beyond the last hop that
    answered: that is where the flow dies.
    """

    max_ttl: int
    sequential: bool
    answers: dict[int, ProbeAnswer] = field(default_factory=dict)

    def next_ttls(self) -> list[int]:
        """TTLs to send now (empty when the search is done)."""
        if self.done:
            return []
        missing = [t for t in range(1, self.max_ttl + 1) if t not in self.answers]
        return missing[:1] if self.sequential else missing

    def record(self, answers: Iterable[ProbeAnswer]) -> None:
        """Add the answers of the last round."""
        for answer in answers:
            self.answers[answer.ttl] = answer

    @property
    def done(self) -> bool:
        """Whether more probes would add nothing."""
        if all(t in self.answers for t in range(1, self.max_ttl + 1)):
            return True
        if not self.answers:
            return False
        if not self.sequential:
            return True
        if any(a.kind in TERMINAL or a.kind is AnswerKind.LOCAL_ERROR for a in self.answers.values()):
            return True
        last = max((t for t, a in self.answers.items() if a.answered), default=0)
        silent_after = [t for t, a in self.answers.items() if t > last and not a.answered]
        return len(silent_after) >= 2


def path_hops(traces: Iterable[Sequence[ProbeAnswer]]) -> dict[int, str]:
    """Hop index -> router address, from the time-exceeded answers of every trace to one address."""
    hops: dict[int, str] = {}
    for trace in traces:
        for answer in trace:
            if answer.kind is AnswerKind.TIME_EXCEEDED and answer.responder:
                hops.setdefault(answer.ttl, answer.responder)
    return hops


def _spoof_suspect(answer: ProbeAnswer) -> bool:
    """An answer whose reply TTL shows it came from closer than the TTL it needed: not from the target."""
    return answer.reply_hops is not None and answer.ttl < 64 and answer.reply_hops < answer.ttl


def hops_to_target(address: str, answers: Iterable[ProbeAnswer]) -> int | None:
    """Hop distance of the target: the smallest TTL that reached it, confirmed where possible.

    Confirmed answers (a SYN-ACK, or an answer whose reply TTL agrees with the TTL that elicited it) win
    over unconfirmed ones (a reset seen through a socket, which shows no reply TTL): a firewall that
    injects resets can otherwise pass itself off as the target.
    """
    confirmed: list[int] = []
    unconfirmed: list[int] = []
    full_ttl: list[int] = []
    for answer in answers:
        if answer.kind not in FROM_TARGET or answer.responder != address:
            continue
        if answer.ttl >= 64:
            if answer.reply_hops is not None:
                full_ttl.append(answer.reply_hops)
            continue
        if _spoof_suspect(answer):
            continue
        if answer.kind in (AnswerKind.SYN_ACK, AnswerKind.UDP_REPLY) or answer.reply_hops == answer.ttl:
            confirmed.append(answer.ttl)
        else:
            unconfirmed.append(answer.ttl)
    for group in (confirmed, unconfirmed, full_ttl):
        if group:
            return min(group)
    return None


@dataclass(frozen=True)
class Classification:
    """State, evidence-based location and explanation of one port."""

    state: PortState
    detail: str
    last_responding_hop: HopRef | None = None
    blocked_at: HopRef | None = None
    location: str = ""


def _hop_text(hop: HopRef) -> str:
    return f"hop {hop.hop} ({hop.address})" if hop.address else f"hop {hop.hop}"


def _last_time_exceeded(trace: Sequence[ProbeAnswer]) -> HopRef | None:
    times = [a for a in trace if a.kind is AnswerKind.TIME_EXCEEDED]
    if not times:
        return None
    last = max(times, key=lambda a: a.ttl)
    return HopRef(last.ttl, last.responder)


def _device_hop(
    offender: str | None, answer: ProbeAnswer, trace: Sequence[ProbeAnswer], hops: dict[int, str]
) -> HopRef | None:
    """Which hop sent a reject: by its address on the path, by reply TTL, or by the first TTL it answered."""
    if offender is not None:
        for index, router in sorted(hops.items()):
            if router == offender:
                return HopRef(index, offender)
    if answer.reply_hops is not None:
        # The address the path shows at that hop beats the offender's, which may be forged.
        return HopRef(answer.reply_hops, hops.get(answer.reply_hops) or offender)
    same = [a.ttl for a in trace if a.kind is answer.kind]
    if same:
        # TTL expiry comes before filtering on a router, so the device answered the TTL before this one itself.
        index = max(1, min(same) - 1)
        return HopRef(index, offender or hops.get(index))
    return None


def _injected(
    answer: ProbeAnswer, trace: Sequence[ProbeAnswer], target_hops: int | None, hops: dict[int, str]
) -> HopRef | None:
    """The hop of the device that forged a 'target' answer (reset, port-unreachable), or None if genuine."""
    if _spoof_suspect(answer) or (answer.reply_hops is not None and target_hops and answer.reply_hops < target_hops):
        index = answer.reply_hops or 1
        return HopRef(index, hops.get(index))
    if target_hops is not None:
        early = [a.ttl for a in trace if a.kind is answer.kind and a.ttl < target_hops]
        if early:
            index = max(1, min(early) - 1)
            return HopRef(index, hops.get(index))
    return None


def classify(
    protocol: Protocol,
    address: str,
    probes: Sequence[ProbeAnswer],
    trace: Sequence[ProbeAnswer],
    target_hops: int | None,
    hops: dict[int, str],
) -> Classification:
    """Decide a port's state from its full-TTL probes and its TTL-limited trace (pure)."""
    answer = next((p for p in probes if p.answered), None)
    target_ref = HopRef(target_hops, address) if target_hops else None
    reached = f"reaches the target at hop {target_hops}" if target_hops else "reaches the target"
    if answer is None:
        local = next((p for p in probes if p.kind is AnswerKind.LOCAL_ERROR), None)
        if local is not None:
            return Classification(PortState.ERROR, local.detail or "the probe could not be sent")
        return _dropped(protocol, address, probes, trace, target_hops, hops)
    if answer.kind is AnswerKind.SYN_ACK:
        return Classification(PortState.OPEN, "TCP handshake completed (SYN-ACK)", target_ref, None, reached)
    if answer.kind is AnswerKind.UDP_REPLY:
        return Classification(
            PortState.OPEN, "a UDP reply came back: a service answers on this port", target_ref, None, reached
        )
    icmp = answer.icmp
    sender = answer.responder or "an unknown address"
    if answer.kind is AnswerKind.UNREACHABLE:
        device = _device_hop(answer.responder, answer, trace, hops)
        name = f"ICMP {icmp.name} ({icmp.type}/{icmp.code})" if icmp else "ICMP destination-unreachable"
        where = f"at {_hop_text(device)}" if device else f"by {sender}"
        return Classification(
            PortState.REJECTED, f"{name} from {sender}: rejected before the target", device, device, f"rejected {where}"
        )
    if answer.kind is AnswerKind.TIME_EXCEEDED:
        return Classification(PortState.ERROR, f"TTL exceeded at full TTL from {sender}: a routing loop?")
    # RESET or PORT_UNREACHABLE: from the target, or forged by a device before it?
    what = "TCP reset" if answer.kind is AnswerKind.RESET else "ICMP port-unreachable"
    if answer.responder and answer.responder != address:
        device = _device_hop(answer.responder, answer, trace, hops)
        return Classification(
            PortState.REJECTED,
            f"{what} sent by {sender}, not by the target: a firewall reject disguised as 'closed'",
            device,
            device,
            f"rejected at {_hop_text(device)}" if device else f"rejected by {sender}",
        )
    forged_at = _injected(answer, trace, target_hops, hops)
    if forged_at is not None:
        return Classification(
            PortState.REJECTED,
            f"{what} carrying the target's address but made by a device at {_hop_text(forged_at)}"
            + (f", before the target at hop {target_hops}" if target_hops else "")
            + " (hop distance of the answer is shorter than the target's)",
            forged_at,
            forged_at,
            f"forged at {_hop_text(forged_at)}",
        )
    if protocol is Protocol.UDP and answer.kind is AnswerKind.PORT_UNREACHABLE:
        detail = (
            "ICMP port-unreachable from the target itself: UDP crosses every firewall on the path "
            "(an idle Aspera server answers exactly this)"
        )
    elif answer.kind is AnswerKind.RESET:
        detail = "TCP reset from the target: reachable, nothing listening"
        if target_hops is None:
            detail += " (the hop distance could not be confirmed)"
    else:
        detail = f"{what} from the target"
    return Classification(PortState.CLOSED, detail, target_ref, None, reached)


def _dropped(
    protocol: Protocol,
    address: str,
    probes: Sequence[ProbeAnswer],
    trace: Sequence[ProbeAnswer],
    target_hops: int | None,
    hops: dict[int, str],
) -> Classification:
    sent = len(probes)
    last = _last_time_exceeded(trace)
    k = last.hop if last else 0
    first_silent = HopRef(k + 1, address if target_hops == k + 1 else hops.get(k + 1))
    base = f"no answer to {sent} probe(s)"
    if not trace:
        return Classification(PortState.DROPPED, f"{base}: dropped on the path or at the target")
    if target_hops is not None and k + 1 >= target_hops:
        where = f"at or just before the target (hop {target_hops}): every router answered, only the target is silent"
        return Classification(PortState.DROPPED, f"{base}; {where}", last, HopRef(target_hops, address), where)
    if last is None:
        where = "at the first hop: not even hop 1 answered (a local firewall or the first router drops it)"
        return Classification(PortState.DROPPED, f"{base}; {where}", None, first_silent, where)
    where = f"between {_hop_text(last)} and {_hop_text(first_silent)}"
    if first_silent.address is None:
        where += f" (hop {k + 1} may also just not answer traceroute probes)"
    return Classification(PortState.DROPPED, f"{base}; dropped {where}", last, first_silent, where)


RATE_LIMIT_NOTE = (
    " (the target answered other UDP ports, so it may only be rate-limiting its ICMP replies: Linux sends"
    " about one per second after a burst of six; re-check this port on its own)"
)


def flag_rate_limited(results: Sequence[PortResult]) -> list[PortResult]:
    """Mark UDP ports that only the target left unanswered while it answered other UDP ports (pure)."""
    answered = any(r.protocol is Protocol.UDP and r.state is PortState.CLOSED for r in results)
    flagged = []
    for result in results:
        at_target = result.blocked_at is not None and result.blocked_at.address == result.address
        if answered and result.protocol is Protocol.UDP and result.state is PortState.DROPPED and at_target:
            result = replace(
                result,
                rate_limit_suspected=True,
                location=result.location + RATE_LIMIT_NOTE,
                detail=result.detail + RATE_LIMIT_NOTE,
            )
        flagged.append(result)
    return flagged
