"""The lab's link meter (tests.lab.linkmeter), on made-up samples: the bandwidth tests lean on its judgement
to tell a link that forwarded its rate from one that did not, so the judgement itself is checked here."""

from __future__ import annotations

from tests.lab.linkmeter import LinkReading


def samples(rate_mbit: float, seconds: float, qlen: int = 3, *, every_s: float = 0.002, start: float = 100.0):
    """tbf sending steadily at ``rate_mbit`` with ``qlen`` packets held, one sample every ``every_s``."""
    step = rate_mbit * 1e6 / 8 * every_s
    return [(start + i * every_s, round(i * step), qlen) for i in range(round(seconds / every_s) + 1)]


def test_a_link_at_its_rate_is_not_disturbed():
    judged = LinkReading(samples(37, 1.0)).judge()
    assert judged.active_rate_mbps is not None and abs(judged.active_rate_mbps - 37) < 0.01
    assert judged.backlog_share == 1.0 and not judged.disturbed(37)


def test_a_link_that_lost_tokens_is_disturbed():
    judged = LinkReading(samples(31.5, 1.0)).judge()
    assert judged.disturbed(37) and judged.backlog_share == 1.0


def test_idle_samples_around_the_stream_do_not_count():
    """Before and after the stream tbf holds nothing; the active stretch is the backlogged part only."""
    stream = samples(100, 0.5, start=10.0)
    sent = stream[-1][1]
    before = [(9.0 + i * 0.01, 0, 0) for i in range(100)]
    after = [(10.6 + i * 0.01, sent, 0) for i in range(100)]
    judged = LinkReading(before + stream + after).judge()
    assert judged.active_rate_mbps is not None and abs(judged.active_rate_mbps - 100) < 0.1
    assert not judged.disturbed(100)


def test_a_link_not_kept_full_shows_in_the_backlog_share():
    """Gaps without a backlog (upstream or our sender did not keep it fed): the rate over the stretch falls,
    the rate while it held packets does not."""
    rows, sent, t = [], 0, 0.0
    for i in range(500):
        held = 0 if i % 4 == 3 else 2
        rows.append((t, sent, held))
        t += 0.002
        sent += 0 if held == 0 else round(50e6 / 8 * 0.002)
    judged = LinkReading(rows).judge()
    assert 0.7 < judged.backlog_share < 0.8
    assert judged.backlogged_rate_mbps is not None and judged.backlogged_rate_mbps > 0.95 * 50
    assert judged.disturbed(50)


def test_no_backlog_no_judgement():
    judged = LinkReading([(0.0, 0, 0), (0.1, 1000, 0)]).judge()
    assert (judged.active_rate_mbps, judged.backlogged_rate_mbps, judged.backlog_share) == (None, None, 0.0)
