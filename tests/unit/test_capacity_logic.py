"""The capacity estimator and the train monitor, on trains simulated through a token bucket / link / policer
/ ICMP rate limiter (timings as the kernel would stamp them), no sockets."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from aspdiag.measurements.capacity.result import ShaperState
from aspdiag.measurements.capacity.trains import TrainMonitor, TrainPacket, analyse_train, mbps, sender_stalls

SIZE = 1500
RTT_NS = 20_000_000


def simulate(
    pace_mbps: float,
    count: int,
    *,
    rate_mbps: float | None = None,
    bucket_bytes: float = 0.0,
    queue_ms: float = 100.0,
    policer: bool = False,
    answer_limit_pps: float | None = None,
    answer_burst: int = 50,
    answer_loss: float = 0.0,
    jitter_ns: int = 0,
    stall: tuple[int, int] | None = None,
    seed: int = 1,
) -> list[TrainPacket]:
    """Send ``count`` packets at ``pace_mbps`` through a token bucket (``rate_mbps``, ``bucket_bytes``) with a
    FIFO of ``queue_ms`` (tail drop), or a policer (no queue); answers through an optional token-bucket
    limiter (``answer_limit_pps``, like Linux's ICMP limit) and random answer loss. ``stall``: (packet index,
    ns) our sender pauses that long before that packet, then keeps its pace from there (as the pacer does)."""
    rng = random.Random(seed)
    interval = SIZE * 8 / (pace_mbps * 1e6) * 1e9
    tokens = bucket_bytes
    clock = 0.0  # time of the last departure / token update
    free_at = 0.0
    answer_tokens = float(answer_burst)
    answer_clock = 0.0
    packets = []
    for i in range(count):
        sent = i * interval + (stall[1] if stall is not None and i >= stall[0] else 0)
        departs: float | None = sent
        if rate_mbps is not None:
            bytes_per_ns = rate_mbps * 1e6 / 8 / 1e9
            start = max(sent, free_at)
            level = min(bucket_bytes, tokens + (start - clock) * bytes_per_ns) if bucket_bytes else tokens
            if not bucket_bytes:
                level = min(SIZE, tokens + (start - clock) * bytes_per_ns)
            wait = max(0.0, (SIZE - level) / bytes_per_ns)
            departs = start + wait
            if policer and wait > 0:
                departs = None  # dropped instead of queued; tokens keep filling
            elif departs - sent > queue_ms * 1e6:
                departs = None  # the queue is full: tail drop
            else:
                tokens = level + wait * bytes_per_ns - SIZE
                clock = departs
                free_at = departs
        answered = None
        if departs is not None and rng.random() >= answer_loss:
            arrive = departs + RTT_NS + (rng.randint(0, jitter_ns) if jitter_ns else 0)
            if answer_limit_pps is not None:
                answer_tokens = min(answer_burst, answer_tokens + (arrive - answer_clock) * answer_limit_pps / 1e9)
                answer_clock = arrive
                if answer_tokens >= 1:
                    answer_tokens -= 1
                    answered = round(arrive)
            else:
                answered = round(arrive)
        packets.append(TrainPacket(seq=i, sent_ns=round(sent), ip_bytes=SIZE, answered_ns=answered))
    return packets


def test_link_bottleneck_gives_its_rate_and_no_shaper():
    a = analyse_train(simulate(100, 600, rate_mbps=50), answers_are_icmp=False)
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(50, rel=0.01)
    assert not a.shaper_suspected and a.burst_bytes is None
    assert a.confidence == "high"


@pytest.mark.parametrize(("rate", "bucket"), [(10, 16_384), (50, 1_048_576), (20, 262_144)])
def test_token_bucket_gives_sustained_rate_burst_and_depth(rate, bucket):
    packets = simulate(100, 2600, rate_mbps=rate, bucket_bytes=bucket)
    a = analyse_train(packets, answers_are_icmp=False)
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(rate, rel=0.02)
    assert a.shaper_suspected
    assert a.burst_bytes == pytest.approx(bucket, rel=0.15)
    assert a.burst_mbps == pytest.approx(100, rel=0.05)


def test_path_faster_than_the_pace_is_a_lower_bound():
    a = analyse_train(simulate(100, 500, rate_mbps=400), answers_are_icmp=False)
    assert a.status == "lower-bound" and a.sustained_is_lower_bound
    assert a.sustained_mbps == pytest.approx(100, rel=0.02)
    assert not a.shaper_suspected


def test_a_train_inside_a_deep_bucket_bounds_a_burst_only():
    """A held-out review: 40 Mbit/s behind a 4 MB token bucket, a 2 MB train at 100 Mbit/s passes unqueued.
    That proves 100 Mbit/s for a 2 MB burst, nothing about a long transfer: never 'high' confidence, the
    detail says so, and the transfer estimate does not take it as 'at least this' (it read 'at most 800 s'
    for 10 GB that take about 2000 s)."""
    from dataclasses import replace as _replace

    from aspdiag.engine.estimate import planning_rate
    from aspdiag.measurements.capacity.result import CapacityResult

    a = analyse_train(simulate(100, 1500, rate_mbps=40, bucket_bytes=4_000_000), answers_are_icmp=False)
    assert a.status == "lower-bound" and a.confidence != "high"
    assert "burst" in a.detail and "token bucket deeper" in a.detail
    result = CapacityResult(
        "198.18.3.2", "ipv4", "lower-bound", "tcp-reset", 22, 1500, 100.0, 1500, 1500, 2_000_000, None, 100.0,
        True, None, False, a.confidence, False, a.detail, 0.2,
    )  # fmt: skip
    assert planning_rate((result,), (), None) == (None, None, None)
    ok = _replace(result, status="ok", sustained_mbps=39.6, sustained_is_lower_bound=False)
    assert planning_rate((ok,), (), None)[0] == 39.6


def test_icmp_rate_limit_without_a_bottleneck_is_reported_not_read_as_capacity():
    # Linux: about 1000 answers per second after a burst of 50; the path itself is not the limit.
    a = analyse_train(simulate(100, 2000, answer_limit_pps=1000), answers_are_icmp=True)
    assert a.status == "rate-limited" and a.rate_limited
    assert a.sustained_mbps is None and a.confidence == "none"


def test_per_peer_icmp_limit_six_answers():
    a = analyse_train(simulate(100, 300, answer_limit_pps=1, answer_burst=6), answers_are_icmp=True)
    assert a.status == "rate-limited" and a.answered_packets == 6


def test_counting_by_sequence_number_survives_rate_limited_answers():
    # Only about one answer in four comes back, but the packets in between went through the bottleneck.
    packets = simulate(100, 1500, rate_mbps=30, bucket_bytes=16_384, answer_limit_pps=1000)
    a = analyse_train(packets, answers_are_icmp=True)
    assert a.answered_packets < 0.6 * a.sent_packets
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(30, rel=0.03)
    # Counting arrivals instead would have said far less:
    times = [p.answered_ns for p in packets if p.answered_ns is not None][-200:]
    by_arrivals = mbps(SIZE * (len(times) - 1), (times[-1] - times[0]) / 1e9)
    assert by_arrivals < 20


def test_lost_answers_and_jitter_do_not_bias_the_rate():
    packets = simulate(100, 1500, rate_mbps=40, answer_loss=0.05, jitter_ns=100_000, seed=7)
    a = analyse_train(packets, answers_are_icmp=False)
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(40, rel=0.03)


def test_policer_drops_without_queueing():
    a = analyse_train(simulate(100, 2000, rate_mbps=20, bucket_bytes=65_536, policer=True), answers_are_icmp=False)
    assert a.status == "ok" and a.policer
    assert a.sustained_mbps == pytest.approx(20, rel=0.05)
    assert a.shaper_suspected


def test_no_answers():
    a = analyse_train([TrainPacket(i, i * 1000, SIZE) for i in range(300)], answers_are_icmp=False)
    assert a.status == "no-answers" and a.confidence == "none" and a.sustained_mbps is None


def test_tail_drop_plateau_is_left_out():
    # A short queue overflows quickly; the plateau's drops must not be counted as carried.
    a = analyse_train(simulate(100, 1500, rate_mbps=10, queue_ms=15), answers_are_icmp=False)
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(10, rel=0.03)


def _feed(monitor: TrainMonitor, packets: list[TrainPacket], *, lag: int = 0) -> int:
    """Play a simulated train into the monitor in time order; returns how many packets it let out."""
    events = sorted(
        [(p.sent_ns, 0, p) for p in packets] + [(p.answered_ns, 1, p) for p in packets if p.answered_ns is not None],
        key=lambda e: (e[0], e[1]),
    )
    sent = 0
    for _, kind, packet in events:
        if kind == 0:
            if not monitor.may_send(packet.ip_bytes):
                return sent
            monitor.sent(packet.seq, packet.sent_ns, packet.ip_bytes)
            sent += 1
        elif packet.seq < sent:
            monitor.answered(packet.seq, packet.answered_ns or 0)
    return sent


def test_monitor_stops_at_the_byte_budget():
    monitor = TrainMonitor(100, max_bytes=150_000)
    assert _feed(monitor, simulate(100, 1000)) == 100


def test_monitor_gives_up_when_nothing_answers():
    monitor = TrainMonitor(100)
    assert _feed(monitor, [TrainPacket(i, i * 120_000, SIZE) for i in range(2000)]) == 300


def test_monitor_slows_down_after_the_knee_and_stops_when_it_has_enough():
    monitor = TrainMonitor(100)
    sent = _feed(monitor, simulate(100, 2600, rate_mbps=10))
    assert monitor.retuned and monitor.pace_mbps == pytest.approx(15, rel=0.1)
    assert sent < 2600 and monitor.knee_at_packet is not None
    assert sent - monitor.knee_at_packet <= TrainMonitor.MAX_AFTER_KNEE


def _recorded(name: str) -> list[TrainPacket]:
    """A train recorded in the lab by TrainProber (times in ns from the first send; None: no answer)."""
    data = json.loads((Path(__file__).resolve().parents[1] / "data" / "trains" / f"{name}.json").read_text())
    return [
        TrainPacket(seq=i, sent_ns=sent, ip_bytes=data["ip_bytes"], answered_ns=answered)
        for i, (sent, answered) in enumerate(data["packets"])
    ]


def test_recorded_tcp_reset_train_through_tbf_10mbit_16k():
    # tc tbf rate 10mbit burst 16kb on router eth1, probe pace 100 Mbit/s (root, TCP resets, IPv4).
    a = analyse_train(_recorded("tcp-reset-tbf10-16k"), answers_are_icmp=False)
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(10 * 1500 / 1514, rel=0.02)
    assert a.shaper_suspected and a.burst_bytes == pytest.approx(16_384, rel=0.25)


def test_recorded_icmp_train_through_tbf_50mbit_1m_with_rate_limited_answers():
    # tc tbf rate 50mbit burst 1024kb, pace 100 Mbit/s, unprivileged UDP; the lab's target answers at most
    # 1000 ICMP per second, so most probes go unanswered and the rate rests on sequence numbers.
    packets = _recorded("udp-icmp-tbf50-1m")
    a = analyse_train(packets, answers_are_icmp=True)
    assert a.answered_packets < 0.5 * a.sent_packets
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(50 * 1500 / 1514, rel=0.02)
    assert a.shaper_suspected and a.burst_bytes == pytest.approx(1_048_576, rel=0.1)


# ------------------------------------------------------------------- stalls of our own sender (issue #14)


def test_shaper_seen_and_not_seen_without_stalls():
    a = analyse_train(simulate(100, 800, rate_mbps=20, bucket_bytes=16_384), answers_are_icmp=False)
    assert a.shaper is ShaperState.SUSPECTED and a.longest_stall_ms == 0
    a = analyse_train(simulate(100, 600, rate_mbps=50), answers_are_icmp=False)
    assert a.shaper is ShaperState.NOT_SEEN


@pytest.mark.parametrize("stall_ms", [3, 6, 8, 20])
@pytest.mark.parametrize("at", [2, 6, 10, 25])
def test_a_stall_before_the_queue_builds_makes_the_shaper_not_measurable_never_no(stall_ms, at):
    """Under CPU load a 6-8 ms stall in the first packets let a 16 KB bucket at 20 Mbit/s refill and the
    train read 'no shaper' with high confidence (issue #14). The rate stays right; the shaper is unjudged."""
    packets = simulate(100, 800, rate_mbps=20, bucket_bytes=16_384, stall=(at, stall_ms * 1_000_000))
    a = analyse_train(packets, answers_are_icmp=False)
    assert a.status == "ok"
    assert a.sustained_mbps == pytest.approx(20, rel=0.10)
    assert a.shaper is not ShaperState.NOT_SEEN
    assert a.confidence == "low"
    assert a.shaper is ShaperState.NOT_MEASURABLE or not sender_stalls(packets[: at + 1])
    assert a.longest_stall_ms == pytest.approx(stall_ms, rel=0.1)
    assert "stalled" in a.detail


def test_a_stall_long_after_the_knee_only_lowers_the_confidence():
    packets = simulate(100, 800, rate_mbps=20, bucket_bytes=16_384, stall=(120, 5_000_000))
    a = analyse_train(packets, answers_are_icmp=False)
    assert a.shaper is ShaperState.SUSPECTED
    assert a.confidence == "low" and "stalled" in a.detail
    # After the stretch the rate comes from (the queue full, tail drop), a stall changes nothing.
    a = analyse_train(
        simulate(100, 800, rate_mbps=20, bucket_bytes=16_384, stall=(700, 5_000_000)), answers_are_icmp=False
    )
    assert a.shaper is ShaperState.SUSPECTED and a.confidence == "high"


def test_a_path_that_kept_up_cannot_show_a_shaper():
    a = analyse_train(simulate(100, 500, rate_mbps=400), answers_are_icmp=False)
    assert a.shaper is ShaperState.NOT_MEASURABLE and not a.shaper_suspected


def test_ordinary_scheduling_jitter_is_not_a_stall():
    packets = [TrainPacket(i, i * 120_000 + (900_000 if i % 50 == 0 else 0), SIZE) for i in range(400)]
    assert sender_stalls(packets) == []


def test_old_reports_get_a_shaper_state():
    from aspdiag.measurements.capacity.result import CapacityResult

    assert CapacityResult.json_upgrade({"shaper_suspected": True, "status": "ok"})["shaper"] == "suspected"
    assert CapacityResult.json_upgrade({"shaper_suspected": False, "status": "ok"})["shaper"] == "not seen"
    assert CapacityResult.json_upgrade({"shaper_suspected": False, "status": "lower-bound"})["shaper"] == (
        "not measurable"
    )


def test_a_low_confidence_train_is_tried_once_more_and_the_surer_one_kept():
    """Answers that spread too widely (a busy machine) gave a low confidence with no stall of our own: a
    second train in a quieter moment may be surer, and the surer of the two is kept (seen once in CI:
    20 Mbit/s read right but with confidence 'low')."""
    from aspdiag.measurements.capacity.probe import _preferred, _stalled
    from aspdiag.measurements.capacity.result import ShaperState
    from aspdiag.measurements.capacity.trains import TrainAnalysis

    def train(confidence: str, stall_ms: float = 0.0) -> TrainAnalysis:
        return TrainAnalysis(
            "ok", 300, 300, 450_000, 100.0, sustained_mbps=19.8, confidence=confidence,
            shaper=ShaperState.SUSPECTED, longest_stall_ms=stall_ms,
        )  # fmt: skip

    assert _stalled(train("low")) and not _stalled(train("high")) and not _stalled(train("medium"))
    assert _preferred(train("high"), train("low")) and not _preferred(train("low"), train("high"))
    assert not _preferred(train("medium"), train("high"))


def test_recorded_slow_first_answer_is_not_the_start_of_the_queue():
    # tc tbf rate 20mbit burst 16kb, pace 100 Mbit/s (root, TCP resets): the train's first answer took 0.35 ms
    # (a cold path), the next eleven 0.01 ms, then the queue grew. Read as the queue's start, the first answer
    # put the unqueued packets into the stretch: spread 18 %, confidence low, no shaper, in ~1 lab run in 4.
    a = analyse_train(_recorded("tcp-reset-tbf20-16k-slow-first"), answers_are_icmp=False)
    assert a.status == "ok" and a.confidence == "high", a
    assert a.sustained_mbps == pytest.approx(20 * 1500 / 1514, rel=0.02)
    assert a.shaper is ShaperState.SUSPECTED and a.burst_bytes == pytest.approx(16_384, rel=0.35)


@pytest.mark.parametrize("slow_ns", [350_000, 900_000])
def test_a_lone_slow_answer_before_the_queue_does_not_start_it(slow_ns):
    packets = simulate(100, 800, rate_mbps=20, bucket_bytes=16_384)
    first = packets[0]
    assert first.answered_ns is not None
    packets[0] = TrainPacket(first.seq, first.sent_ns, first.ip_bytes, first.answered_ns + slow_ns)
    a = analyse_train(packets, answers_are_icmp=False)
    assert a.shaper is ShaperState.SUSPECTED and a.confidence == "high", a
    assert a.burst_bytes == pytest.approx(16_384, rel=0.35)


def test_recorded_pacer_catch_up_at_the_knee_keeps_the_bucket_depth():
    # tc tbf rate 20mbit burst 16kb, pace 100 Mbit/s: our pacer sent packets 7-11 back to back after a
    # 0.7 ms delay, right where the bucket ran dry. The knee fitted to the growing delays fell before them
    # and the depth read 7.6 KB; the token account of the queued packets gives the bucket.
    a = analyse_train(_recorded("tcp-reset-tbf20-16k-catch-up"), answers_are_icmp=False)
    assert a.status == "ok" and a.confidence == "high", a
    assert a.sustained_mbps == pytest.approx(20 * 1500 / 1514, rel=0.02)
    assert a.shaper is ShaperState.SUSPECTED and a.burst_bytes == pytest.approx(16_384, rel=0.2)


def test_recorded_bucket_at_200mbit_is_found_where_the_fitted_knee_fell_before_the_train():
    # tc tbf rate 200mbit burst 16kb, pace 400 Mbit/s (root, TCP resets): the queue grows by about 30 us a
    # packet, the fit of the first growing delays fell before packet 0 ('queue grew after 0 packets') and the
    # shaper read 'not seen' in 2 of 4 lab runs. The packet the bucket could not cover is the knee.
    a = analyse_train(_recorded("tcp-reset-tbf200-16k-early-fit"), answers_are_icmp=False)
    assert a.sustained_mbps == pytest.approx(200 * 1500 / 1514, rel=0.03)
    assert a.shaper is ShaperState.SUSPECTED and a.burst_bytes == pytest.approx(16_384, rel=0.35), a
    assert not a.detail.startswith("queue grew after 0 packets"), a.detail


def test_a_second_trains_bucket_is_a_floor_when_the_gap_could_not_refill_it(monkeypatch):
    """A lab run under load: the first train stalled before the knee (shaper 'not measurable'), the second,
    0.1 s later, read a 1 MB bucket as 154 kB: all the bucket could refill in the gap. Such a depth is a
    floor, said as 'at least'."""
    from aspdiag.core.facts import AddressFacts, PortFact
    from aspdiag.core.measurement import ProbeContext
    from aspdiag.core.model import PortState, Protocol
    from aspdiag.measurements.capacity import probe as capacity_probe
    from aspdiag.measurements.capacity.port import CAPACITY

    trains = [
        simulate(40, 2000, rate_mbps=10, bucket_bytes=1_048_576, stall=(20, 20_000_000)),
        simulate(40, 2000, rate_mbps=10, bucket_bytes=130_000),  # what 0.1 s refilled, plus a little
    ]

    class Prober:
        def train(self, method, address, port, size, monitor, left_s):
            return trains.pop(0)

    # started, budget check, train 1 begins, ends; budget check, train 2 begins 0.1 s after train 1 ended, ...
    ticks = [0.0, 0.0, 0.0, 0.8, 0.85, 0.9, 1.7, 1.8]
    from types import SimpleNamespace

    fake_time = SimpleNamespace(monotonic=lambda: ticks.pop(0) if len(ticks) > 1 else ticks[0], sleep=lambda s: None)
    monkeypatch.setattr("aspdiag.measurements.capacity.probe.time", fake_time)  # this module's clock only
    facts = AddressFacts("198.18.3.2", ports=(PortFact("198.18.3.2", Protocol.TCP, 22, PortState.OPEN),))
    result = capacity_probe.CapacityProbe(facts, pace_mbps=40, raw=True).run(ProbeContext.of((CAPACITY, Prober())))
    assert result.attempts == 2 and result.shaper_suspected, result
    assert result.burst_is_lower_bound and "at least" in result.detail, result
