"""Reachability logic without I/O: the hop search, the port-state classification and the localisation.

Facts it relies on (Linux routers; see DEVELOPERS.md): TTL expiry is decided before the forward filter,
so a firewall at hop k still answers a probe sent with TTL k and rejects or drops from TTL k+1 on; an
answer that comes from the target really comes from hop ``hops_to_target``, so the same kind of answer
elicited by a smaller TTL, or carrying a reply TTL that shows fewer hops, was made by a device before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from aspdiag.core.model import PortState, Protocol
from aspdiag.measurements.reachability.result import AnswerKind, HopRef, ProbeAnswer

TERMINAL = frozenset(
    {AnswerKind.SYN_ACK, AnswerKind.UDP_REPLY, AnswerKind.RESET, AnswerKind.PORT_UNREACHABLE, AnswerKind.UNREACHABLE}
)
FROM_TARGET = frozenset({AnswerKind.SYN_ACK, AnswerKind.UDP_REPLY, AnswerKind.RESET, AnswerKind.PORT_UNREACHABLE})
FULL_TTL = 64
"""The TTL of full-TTL probes (a TTL-limited trace never goes this high)."""


@dataclass
class HopSearch:
    """Which TTLs to probe next for one flow.

    Parallel back-ends (raw packets, UDP sockets that can tell their answers apart) get every TTL up to
    ``max_ttl`` in one round, then up to ``retries`` short rounds that ask again the first TTL that stayed
    silent (the boundary where the flow seems to die): one lost packet on a lossy path, or one answer a
    router's ICMP rate limit swallowed, must not move that boundary. Sequential ones (a TCP socket can hold
    one 5-tuple at a time) go up one TTL at a time and stop at the first decisive answer, or after two silent
    TTLs beyond the last hop that answered: that is where the flow dies.
    """

    max_ttl: int
    sequential: bool
    retries: int = 0
    answers: dict[int, ProbeAnswer] = field(default_factory=dict)
    rounds: int = 0

    def next_ttls(self) -> list[int]:
        """TTLs to send now (empty when the search is done)."""
        if self.done:
            return []
        missing = [t for t in range(1, self.max_ttl + 1) if t not in self.answers]
        if self.sequential:
            return missing[:1]
        if self.rounds == 0:
            return missing
        boundary = self.boundary
        return [boundary] if boundary is not None else []

    def record(self, answers: Iterable[ProbeAnswer]) -> None:
        """Add the answers of the last round (an answer to a TTL asked again replaces its silence)."""
        self.rounds += 1
        for answer in answers:
            if answer.answered or answer.ttl not in self.answers:
                self.answers[answer.ttl] = answer

    @property
    def boundary(self) -> int | None:
        """The first silent TTL before any decisive answer (None when there is none)."""
        decisive = min((t for t, a in self.answers.items() if a.kind in TERMINAL), default=self.max_ttl + 1)
        return next(
            (
                t
                for t in range(1, min(decisive, self.max_ttl + 1))
                if t in self.answers and not self.answers[t].answered
            ),
            None,
        )

    @property
    def done(self) -> bool:
        """Whether more probes would add nothing."""
        if not self.sequential:
            # The full round, then the retries of the boundary while there is one.
            return bool(self.answers) and (self.rounds > self.retries or self.boundary is None)
        if all(t in self.answers for t in range(1, self.max_ttl + 1)):
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


def unreliable_hops(traces: Iterable[Sequence[ProbeAnswer]]) -> frozenset[int]:
    """Hops whose silence is no evidence: on at least as many traces as they answered, a probe with their TTL
    went unanswered although the same flow got an answer from farther on (so it passed them). A router that
    rate-limits its time-exceeded (one a minute, in front of many servers) answers one flow and not the next;
    read as a drop, its silence sent the network team after a rule that existed."""
    answered: dict[int, int] = {}
    passed_silently: dict[int, int] = {}
    for trace in traces:
        by_ttl: dict[int, bool] = {}
        for answer in trace:
            if answer.ttl < FULL_TTL:
                by_ttl[answer.ttl] = by_ttl.get(answer.ttl, False) or answer.answered
        farthest = max((ttl for ttl, got in by_ttl.items() if got), default=0)
        for ttl, got in by_ttl.items():
            if got:
                answered[ttl] = answered.get(ttl, 0) + 1
            elif ttl < farthest:
                passed_silently[ttl] = passed_silently.get(ttl, 0) + 1
    return frozenset(h for h, n in passed_silently.items() if n >= answered.get(h, 0))


LOSS_PROOF_LIMIT = 0.05
"""A silence proves a drop only if losing all of its probes by chance is less likely than this."""
MIN_LOSS_SAMPLES = 5


def probe_loss(traces: Iterable[Sequence[ProbeAnswer]], full: Iterable[Sequence[ProbeAnswer]] = ()) -> float:
    """The share of probes lost on one address's flows, from the probes that demonstrably went astray: a
    TTL-limited probe to a hop that answers other probes, unanswered below a TTL the same trace got an answer
    for; a full-TTL probe unanswered before a later one of the same flow was answered. Rate-limited ICMP
    counts as loss here too, which only makes a silence prove less."""
    traces = [tuple(t) for t in traces]
    # Only hops that answer some flow count: a router that never sends time-exceeded (or ICMP filtered from
    # beyond a hop) is silent every time, which is no loss.
    answering = {a.ttl for t in traces for a in t if a.kind is AnswerKind.TIME_EXCEEDED}
    lost = total = 0
    for trace in traces:
        farthest = max((a.ttl for a in trace if a.answered and a.ttl < FULL_TTL), default=0)
        for a in trace:
            if a.ttl < farthest and a.ttl in answering:
                total += 1
                lost += not a.answered
    for answers in full:
        first = next((i for i, a in enumerate(answers) if a.answered), None)
        if first is not None:
            total += first + 1
            lost += first
    if total >= MIN_LOSS_SAMPLES:
        return lost / total
    # Too few probes to measure it: Laplace's rule of succession, so that a path that showed next to nothing
    # (30 % loss each way left an IPv6 address one answered probe) is not taken for a loss-free one.
    return (lost + 1) / (total + 2)


@dataclass(frozen=True)
class TargetDistance:
    """How many hops away the target is, and how sure we are."""

    hops: int | None
    confirmed: bool = False
    """True when a SYN-ACK came back to a TTL-limited probe (forward-path evidence no stateless reject can
    forge), or a reset / port-unreachable whose reply TTL checks out against the hop before it. Otherwise
    the distance rests on answers that could not be checked, or on reply TTLs alone."""
    reply_ttl: int | None = None
    """Reply TTL of a confirmed answer from the target, when the method sees it (raw)."""
    ttl_reset: bool = False
    """The target answered a probe sent with TTL t from far more than t hops away (its reply TTL): a device on
    the way raised the TTL again, so the hop numbers of every trace to this address say nothing."""


def _device_hop_by_ttl(first: ProbeAnswer, *, local: bool = False) -> int:
    """The hop of a device that answered for the target, from the first TTL ``t`` it answered.

    A device in the forwarding path (a firewall's forward-chain reject, a SYN proxy) acts after the router's
    TTL check, so it first answers TTL t at hop t-1; a device that takes the packet for itself (the address is
    its own, a port forward to itself, a redirect to its own sshd) answers before any TTL check, at hop t. Its
    reply TTL tells which when it is known (raw probes); without it, ``local`` says which is the common case
    (a SYN-ACK: a redirect to the device's own sshd; a reset or port-unreachable: a forward-chain reject).
    (Held-out reviews: a port forward's own port-unreachable read 'forged at hop 1' for the device at hop 2; a
    SYN proxy at hop 2 read 'a device at hop 3'.)"""
    if first.reply_hops is not None and first.ttl - 1 <= first.reply_hops <= first.ttl:
        return max(1, first.reply_hops)
    return first.ttl if local else max(1, first.ttl - 1)


def _first_from_target(address: str, trace: Sequence[ProbeAnswer], kind: AnswerKind) -> ProbeAnswer | None:
    hits = [a for a in trace if a.kind is kind and a.responder == address and a.ttl < 64]
    return min(hits, key=lambda a: a.ttl) if hits else None


def target_distance(
    address: str, traces: Iterable[Sequence[ProbeAnswer]], full: Iterable[ProbeAnswer] = ()
) -> TargetDistance:
    """The target's hop distance from every trace (and full-TTL answer) to one address.

    Each trace contributes the first TTL at which an answer carrying the target's address came back: a
    SYN-ACK, or a reset / port-unreachable / UDP reply that was not forged (see ``forged_at``). The target is
    the farthest of them: nothing answers from beyond the target, while a device before it (a transparent
    proxy answering one port, a firewall forging resets) answers from nearer. The distance is confirmed by a
    SYN-ACK (forward-path evidence no stateless reject can forge) or an answer whose reply TTL checks out
    against the hop before it; failing that it rests on answers that could not be checked, or on the hop
    distance a reply TTL suggests, if no time-exceeded answer came from at least that far.
    """
    traces = [tuple(t) for t in traces]
    syn_acks: list[ProbeAnswer] = []
    verified: list[tuple[ProbeAnswer, int]] = []
    unverified: list[tuple[ProbeAnswer, int]] = []
    for trace in traces:
        first = _first_from_target(address, trace, AnswerKind.SYN_ACK)
        if first is not None:
            syn_acks.append(first)
            verified.append((first, _lower_bound(trace, first)))
        for kind in (AnswerKind.RESET, AnswerKind.PORT_UNREACHABLE, AnswerKind.UDP_REPLY):
            first = _first_from_target(address, trace, kind)
            if first is None or _forged_by_reply_ttl(first, trace) is not None:
                continue
            # An answer whose reply TTL could be checked against the hop before it (and passed) outranks one
            # that cannot be checked (a reset seen through a socket shows no reply TTL).
            (verified if _reply_ttl_checkable(first, trace) else unverified).append((first, _lower_bound(trace, first)))
    if verified:
        hops = _settle(verified)
        reply_ttl = next((a.reply_ttl for a in syn_acks if a.ttl == hops and a.reply_ttl is not None), None)
        if reply_ttl is None:
            reply_ttl = next((a.reply_ttl for a in syn_acks if a.reply_ttl is not None), None)
        # A return path a hop or two longer than the way there is common; one at least twice as long (and two
        # hops more) as the TTL the probe was sent with is a device resetting the TTL (a review: a router that
        # sets TTL 64 put the client's perimeter drop 'on the server's side').
        reset = any(a.reply_hops is not None and a.reply_hops - a.ttl >= max(2, a.ttl) for a, _bound in verified)
        return TargetDistance(hops, True, reply_ttl, reset)
    if unverified:
        return TargetDistance(_settle(unverified))
    farthest_router = max((a.ttl for t in traces for a in t if a.kind is AnswerKind.TIME_EXCEEDED), default=0)
    claimed = [
        a.reply_hops
        for a in full
        if a.kind in FROM_TARGET and a.responder == address and a.reply_hops and a.reply_hops > farthest_router
    ]
    return TargetDistance(max(claimed) if claimed else None)


def _lower_bound(trace: Sequence[ProbeAnswer], first: ProbeAnswer) -> int:
    """The nearest the target can be, given the first answer from it in one trace: that answer's TTL when a
    router answered the TTL before it (time-exceeded: the target is farther), else one past the last TTL a
    router answered. A lost probe (a lossy path, a router's ICMP rate limit) leaves a gap, and the answer after the
    gap may come from a probe that went one or more hops past the target."""
    # Only routers' time-exceeded answers say the target is farther; the target's own answer to a nearer TTL
    # (a reset beside the handshake on the same 5-tuple) says nothing about this probe.
    return max((a.ttl for a in trace if a.ttl < first.ttl and a.kind is AnswerKind.TIME_EXCEEDED), default=0) + 1


def _settle(found: Sequence[tuple[ProbeAnswer, int]]) -> int:
    """The target's distance from the first answers of several traces, each with its lower bound.

    Answers with no gap before them are exact; the farthest of them is the target (a device before the target
    answering for it answers from nearer). An answer after a gap agrees with that distance when its range
    holds it: a lost probe, not a farther target. One that cannot agree (routers answered from beyond that
    distance on its flow) moves the target out to it. An answer after a gap counts at the distance its reply
    TTL shows when that falls in its range (the same device answered a later probe), else at its own TTL."""
    exact = [a.ttl for a, low in found if low == a.ttl]
    hops = max(exact, default=0)
    gapped = [(a, low) for a, low in found if low != a.ttl and not (exact and low <= hops)]
    if not gapped:
        return hops
    # Answers after gaps that can all come from one device are read as one device behind lost probes (loss is
    # common, a device answering for the target rare): the target is past every lower bound and no farther
    # than any answer's TTL. Read one by one at their own TTLs, different flows that lost different probes put
    # it a hop out ([3,4], [4,5], [4,5]: at 5, and the server's own handshake read as 'intercepted at hop 4').
    # Reply TTLs that name different distances are different devices: then the farthest is the target.
    shown = {a.reply_hops for a, lo in gapped if a.reply_hops and lo <= a.reply_hops <= a.ttl}
    low = max(lo for _, lo in gapped)
    high = min(a.ttl for a, _ in gapped)
    if len(shown) <= 1 and low <= high and all(low <= h <= high for h in shown):
        return max(hops, *shown) if shown else max(hops, high)
    return max(hops, *(_within(answer, lo) for answer, lo in gapped))


def _within(answer: ProbeAnswer, low: int) -> int:
    hops = answer.reply_hops
    return hops if hops and low <= hops <= answer.ttl else answer.ttl


def icmp_horizon(
    address: str, traces: Iterable[Sequence[ProbeAnswer]], full: Iterable[ProbeAnswer], distance: TargetDistance
) -> int:
    """The farthest hop from which an ICMP message demonstrably came back to us, on any flow to this address:
    a time-exceeded from hop k, or an ICMP error from the target itself (then the target's own distance).
    A silence beyond this hop is evidence of a drop; a silence beyond it with nothing ever coming back from
    farther is not (perimeters that drop inbound ICMP look exactly like that)."""
    horizon = 0
    for trace in traces:
        for answer in trace:
            if answer.kind is AnswerKind.TIME_EXCEEDED:
                horizon = max(horizon, answer.ttl)
            elif answer.icmp is not None and answer.responder == address and answer.kind in FROM_TARGET:
                # The target answers every TTL past its own hop alike: the hop it sits at is the horizon.
                reached = answer.ttl if answer.ttl < FULL_TTL else (distance.hops or answer.ttl)
                horizon = max(horizon, min(reached, distance.hops) if distance.hops else reached)
    for answer in full:
        if answer.icmp is not None and answer.responder == address and answer.kind in FROM_TARGET:
            target = distance.hops or answer.reply_hops
            if target:
                horizon = max(horizon, target)
    return horizon


def hops_to_target(address: str, answers: Iterable[ProbeAnswer]) -> int | None:
    """A first estimate of the target's distance from full-TTL answers alone (used to size traces)."""
    claimed = [a.reply_hops for a in answers if a.kind in FROM_TARGET and a.responder == address and a.reply_hops]
    return min(claimed) if claimed else None


def _reply_ttl_checkable(answer: ProbeAnswer, trace: Sequence[ProbeAnswer]) -> bool:
    """Whether the answer's reply TTL can be compared with a time-exceeded from the hop before it."""
    before = next((a for a in trace if a.ttl == answer.ttl - 1 and a.kind is AnswerKind.TIME_EXCEEDED), None)
    return answer.reply_ttl is not None and (answer.ttl == 1 or (before is not None and before.reply_ttl is not None))


def _forged_by_reply_ttl(answer: ProbeAnswer, trace: Sequence[ProbeAnswer]) -> HopRef | None:
    """A 'target' answer at TTL t that arrives with at least the reply TTL of hop t-1's own time-exceeded
    came from no farther than hop t-1: the device there made it up."""
    if answer.reply_ttl is None or answer.ttl <= 1:
        return None
    before = next((a for a in trace if a.ttl == answer.ttl - 1 and a.kind is AnswerKind.TIME_EXCEEDED), None)
    if before is None or before.reply_ttl is None or answer.reply_ttl < before.reply_ttl:
        return None
    return HopRef(before.ttl, before.responder)


def forged_at(
    address: str,
    answer: ProbeAnswer,
    trace: Sequence[ProbeAnswer],
    distance: TargetDistance,
    hops: dict[int, str],
    routers: Sequence[ProbeAnswer] = (),
) -> HopRef | None:
    """Where a reset / port-unreachable carrying the target's address was really made, or None if genuine.

    Forward evidence first: the target confirmed at hop N cannot have answered a probe with TTL < N, and a
    router answers TTL k before it filters, so the forger sits at hop t-1 for the first TTL t it answered.
    Without a confirmed distance, reply TTLs compared along the same trace decide (hop t-1 vs the answer);
    with a confirmed one, a reply TTL larger than the target's own says the answer came from nearer.
    """
    first = _first_from_target(address, trace, answer.kind) or answer
    if distance.confirmed and distance.hops is not None:
        if first.ttl < distance.hops:
            index = _device_hop_by_ttl(first)
            return HopRef(index, hops.get(index))
        if answer.reply_ttl is not None and distance.reply_ttl is not None and answer.reply_ttl > distance.reply_ttl:
            index = max(1, distance.hops - (answer.reply_ttl - distance.reply_ttl))
            return HopRef(index, hops.get(index))
        near = answer.reply_hops
        if distance.reply_ttl is None and near is not None and near < distance.hops - 1:
            # Without the target's own reply TTL (a socket never sees a SYN-ACK's), the routers' answers are
            # the yardstick: the router at hop k answers from k hops back, and this answer "from the target"
            # at hop N came from just as near (``routers``: time-exceeded answers on every flow to the address).
            # Routers' ICMP rate limits may silence this flow's trace, hiding the forward evidence (seen in the
            # lab as READY through a spoofing firewall).
            if any(
                a.kind is AnswerKind.TIME_EXCEEDED and a.ttl == near and a.reply_hops == near
                for a in (*trace, *routers)
            ):
                return HopRef(near, hops.get(near))
        return None
    return _forged_by_reply_ttl(first, trace)


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
    """Which hop sent a reject: by its address on the path, by the first TTL it answered, or by reply TTL."""
    if offender is not None:
        for index, router in sorted(hops.items()):
            if router == offender:
                return HopRef(index, offender)
    same = [a.ttl for a in trace if a.kind is answer.kind and a.responder == answer.responder]
    if same:
        # TTL expiry comes before filtering on a router, so the device answered the TTL before this one itself.
        index = max(1, min(same) - 1)
        return HopRef(index, hops.get(index) or offender)
    if answer.reply_hops is not None:
        return HopRef(answer.reply_hops, hops.get(answer.reply_hops) or offender)
    return None


def classify(
    protocol: Protocol,
    address: str,
    probes: Sequence[ProbeAnswer],
    trace: Sequence[ProbeAnswer],
    distance: TargetDistance,
    hops: dict[int, str],
    horizon: int = 0,
    routers: Sequence[ProbeAnswer] = (),
    unreliable: frozenset[int] = frozenset(),
    loss: float = 0.0,
) -> Classification:
    """Decide a port's state from its full-TTL probes and its TTL-limited trace (pure). ``horizon`` is the
    farthest hop ICMP demonstrably comes back from on this address's flows (see ``icmp_horizon``);
    ``unreliable`` the hops whose silence is no evidence (see ``unreliable_hops``); ``loss`` the share of
    probes this address's flows lost (see ``probe_loss``)."""
    answer = next((p for p in probes if p.answered), None)
    if answer is None:
        # Every full-TTL probe was lost (a lossy path), but a probe of the trace reached the target and was
        # answered by it: that answer decides (it was read as a drop 'between hop 1 and hop 2', BLOCKED).
        answer = next((a for a in trace if a.responder == address and a.kind in FROM_TARGET), None)
    target_hops = distance.hops
    target_ref = HopRef(target_hops, address) if target_hops else None
    reached = f"reaches the target at hop {target_hops}" if target_hops else "reaches the target"
    if answer is None:
        local = next((p for p in probes if p.kind is AnswerKind.LOCAL_ERROR), None)
        if local is not None:
            return Classification(PortState.ERROR, local.detail or "the probe could not be sent")
        if distance.ttl_reset and trace:
            where = "cannot tell where: a device on the way resets the TTL, so the hop numbers say nothing"
            return Classification(
                PortState.SILENT,
                f"no answer to {len(probes)} probe(s); {where} (the server answers probes sent with a TTL smaller "
                "than its distance, its replies show; a capped test transfer settles it)",
                None,
                None,
                where,
            )
        return _silent(address, probes, trace, target_hops, hops, horizon, unreliable, loss)
    if answer.kind is AnswerKind.SYN_ACK:
        proxy = intercepted_at(address, answer, trace, distance, hops)
        if proxy is not None:
            return Classification(
                PortState.INTERCEPTED,
                f"the handshake came from a device at {_hop_text(proxy)}, not from the server at hop {target_hops}:"
                " a transparent SSH proxy or SYN proxy answers this port itself",
                proxy,
                proxy,
                f"answered by a device at {_hop_text(proxy)}",
            )
        return Classification(PortState.OPEN, "TCP handshake completed (SYN-ACK)", target_ref, None, reached)
    if answer.kind is AnswerKind.UDP_REPLY:
        return Classification(
            PortState.OPEN, "a UDP reply came back: a service answers on this port", target_ref, None, reached
        )
    icmp = answer.icmp
    sender = answer.responder or "an unknown address"
    if answer.kind is AnswerKind.UNREACHABLE:
        name = f"ICMP {icmp.name} ({icmp.type}/{icmp.code})" if icmp else "ICMP destination-unreachable"
        if answer.responder == address:
            return Classification(
                PortState.REJECTED,
                f"{name} from the target itself: its own host firewall rejects the port",
                target_ref,
                target_ref,
                "rejected by the target's own host firewall",
            )
        device = _device_hop(answer.responder, answer, trace, hops)
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
    forger = forged_at(address, answer, trace, distance, hops, routers)
    if forger is not None:
        how = "the target answers only from hop" if distance.confirmed else "its reply TTL is that of hop"
        proof = f"{how} {target_hops}" if distance.confirmed else f"{how} {forger.hop}"
        return Classification(
            PortState.REJECTED,
            f"{what} carrying the target's address but made by a device at {_hop_text(forger)}"
            + (f", before the target at hop {target_hops}" if target_hops else "")
            + f" ({proof})",
            forger,
            forger,
            f"forged at {_hop_text(forger)}",
        )
    if protocol is Protocol.UDP and answer.kind is AnswerKind.PORT_UNREACHABLE:
        detail = (
            "ICMP port-unreachable from the target itself: UDP toward the server crosses every firewall on the way "
            "(an idle Aspera server answers exactly this; the way back, server to client, is what the responder "
            "or a test transfer shows)"
        )
    elif answer.kind is AnswerKind.RESET:
        detail = "TCP reset from the target: reachable, nothing listening"
    else:
        detail = f"{what} from the target"
    if not distance.confirmed:
        # Not 'no handshake reached the target': one may have, at full TTL, without a TTL-limited one to place
        # the target (a held-out review saw this beside an open TCP 22).
        detail += (
            " (no TTL-limited probe placed the target, so that this answer came from the target itself and not "
            "from a device before it is not confirmed)"
        )
    return Classification(PortState.CLOSED, detail, target_ref, None, reached)


def intercepted_at(
    address: str, answer: ProbeAnswer, trace: Sequence[ProbeAnswer], distance: TargetDistance, hops: dict[int, str]
) -> HopRef | None:
    """Where a SYN-ACK carrying the target's address was really made, or None when the server made it.

    A device that answers a port itself (a redirect to its own sshd, a SYN proxy) does so before its TTL check,
    so a TTL-limited SYN is answered at the device's own hop; a raw SYN-ACK's reply TTL shows the same nearer
    distance. Only a confirmed distance of the server (from its other answers) can show it."""
    if not distance.confirmed or distance.hops is None:
        return None
    first = _first_from_target(address, trace, AnswerKind.SYN_ACK)
    if first is not None and first.ttl < distance.hops:
        index = _device_hop_by_ttl(first, local=True)
        return HopRef(index, hops.get(index))
    if answer.reply_hops is not None and distance.reply_ttl is not None and answer.reply_ttl is not None:
        if answer.reply_ttl > distance.reply_ttl:
            index = max(1, distance.hops - (answer.reply_ttl - distance.reply_ttl))
            return HopRef(index, hops.get(index))
    return None


def _silent(
    address: str,
    probes: Sequence[ProbeAnswer],
    trace: Sequence[ProbeAnswer],
    target_hops: int | None,
    hops: dict[int, str],
    horizon: int,
    unreliable: frozenset[int] = frozenset(),
    loss: float = 0.0,
) -> Classification:
    """A port that got no answer: where the silence begins, and whether that is evidence of a drop.

    Silence after hop k proves a drop only if ICMP from beyond hop k demonstrably comes back on some flow
    (``horizon`` > k). Silence that begins after the last router before the server is the server's side: a busy
    Aspera server and a server-side filter look alike there."""
    sent = len(probes)
    last = _last_time_exceeded(trace)
    k = last.hop if last else 0
    base = f"no answer to {sent} probe(s)"
    if not trace:
        return Classification(PortState.SILENT, f"{base}: no TTL-limited probes to say where it stops")
    highest = max(a.ttl for a in trace)
    if last is not None and k >= highest and (target_hops is None or k < target_hops - 1):
        where = f"beyond hop {k}: the trace stopped at hop {k} with every hop answering (raise --max-hops)"
        return Classification(PortState.SILENT, f"{base}; silent {where}", last, None, where)
    first_silent = HopRef(k + 1, hops.get(k + 1))
    if target_hops is not None and k + 1 >= target_hops:
        target = HopRef(target_hops, address)
        # Not 'at the server': the last router answered this flow's TTL, but it may still drop it when
        # forwarding, as a filter on the server's side would (a review: IPv6 dropped by the last router's
        # forward filter read 'at the server ... only the server is silent').
        where = (
            f"past hop {k}, on the server's side: every router up to hop {k} answered this very flow; the server"
            f" (hop {target_hops}) is silent: busy, or filtered on its side (its own firewall or the last router's"
            " forward filter)"
        )
        return Classification(PortState.SERVER_SILENT, f"{base}; {where}", last, target, where)
    if horizon > k:
        # The first hop past this flow's last answer that reliably answers: only there is this flow's silence
        # evidence. Hops before it that answer no flow at all (a router that never sends time-exceeded), or
        # not every flow that passed them (one that rate-limits it), may have passed it on or dropped it.
        seen = next(
            (h for h in range(k + 1, horizon + 1) if (h in hops and h not in unreliable) or h == target_hops), horizon
        )
        mute = f"hop {k + 1}" if seen == k + 2 else f"hops {k + 1}-{seen - 1}"
        if seen > k + 1 and target_hops is not None and seen >= target_hops:
            where = (
                f"passes {_hop_text(last) if last else 'this machine'}; {mute} does not answer every flow that"
                " passes (no time-exceeded, or rate-limited), so whether it stops there or at the server (busy, or"
                " filtered on its side) cannot be seen"
            )
            return Classification(PortState.SILENT, f"{base}; {where}", last, None, where)
        # On a lossy path a few silent probes may all have been lost: their silence proves a drop only when
        # losing every one of them by chance is unlikely (30 % loss each way lost all three probes of a boundary
        # about one time in eight: BLOCKED, with a change request, on an open path).
        evidence = sum(1 for a in trace if k < a.ttl <= seen)
        if loss ** max(1, evidence) > LOSS_PROOF_LIMIT:
            start = _hop_text(last) if last else "this machine"
            where = f"cannot tell past {start}: this path loses about {loss * 100:.0f} % of probes"
            detail = (
                f"{base}; silent from hop {k + 1} on, but this path loses about {loss * 100:.0f} % of probes (on this"
                f" address's other flows), so its {evidence} probe(s) there may all have been lost: no proof of a drop"
            )
            return Classification(PortState.SILENT, detail, last, None, where)
        beyond = f"traffic from beyond hop {k} does come back (ICMP from hop {horizon} on another flow)"
        masked = sorted(h for h, a in hops.items() if a == address and (target_hops is None or h < target_hops))
        if masked:
            # A review: "between hop 2 (X) and hop 3 (X)" with X the target, a port forward: the device's conntrack
            # gives the ICMP of every router beyond it (and its own) the public address. The hop numbers stand.
            beyond += (
                f"; hop {masked[0]} on answers with the target's own address: a device there translates it (a port"
                " forward), so the routers beyond it cannot be named"
            )
        if last is None:
            # Nothing on this flow answered, not even hop 1, which answers other flows. A router answers TTL 1
            # before any forward filter, so only its ICMP rate limit (several flows traced at once) or a filter
            # in front of it explains that, and this machine's own firewall is told apart (EPERM, its own ICMP).
            # A held-out review: routers limiting time-exceeded to one a second read 'dropped at the first hop',
            # with a change request, for a drop three hops further.
            where = "cannot tell: nothing answered this flow, not even hop 1, which answers other flows"
            detail = (
                f"{base}; not even hop 1 answered this flow while it answers others: its ICMP rate limit, or a "
                f"filter in front of it (a switch's ACL) — no proof of where it stops"
            )
            return Classification(PortState.SILENT, detail, None, None, where)
        start = _hop_text(last) if last else "this machine"
        where = f"between {start} and {_hop_text(HopRef(seen, hops.get(seen)))}"
        if seen > k + 1:
            where += f" ({mute} does not answer every flow: the drop is there or at hop {seen})"
        return Classification(PortState.DROPPED, f"{base}; dropped {where} ({beyond})", last, first_silent, where)
    if last is None:
        where = (
            "no hop answers: not even hop 1 sends ICMP back (a local firewall or the first router drops the"
            " probes, or ICMP is filtered on the way back), so this silence proves nothing"
        )
        return Classification(PortState.SILENT, f"{base}; {where}", None, None, "cannot see past this machine")
    where = f"cannot see past {_hop_text(last)}"
    detail = (
        f"{base}; {where}: ICMP from beyond hop {k} does not come back on any flow (a perimeter that drops inbound"
        " ICMP), so this silence proves nothing"
    )
    if target_hops is None:
        # Nothing came from the server on any port either: a server that is off looks the same until the last
        # router gives up its neighbour lookup (about 3 s on Linux) and says host-unreachable.
        detail += (
            f"; nothing answers from beyond hop {k} on any port, TCP included: the server may also be off or"
            " unreachable (the router's host-unreachable can take 3 s or more: --timeout 8 waits for it)"
        )
    return Classification(PortState.SILENT, detail, last, None, where)
