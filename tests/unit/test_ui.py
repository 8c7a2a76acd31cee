"""The live progress observer and the colour decision."""

import io

from rich.console import Console

from aspdiag.cli.common import use_color as _use_color
from aspdiag.core.model import PortState, Protocol
from aspdiag.measurements.reachability.result import AnswerKind, HopRef, PortResult, ProbeAnswer
from aspdiag.ui.progress import RichProgressObserver


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_prints_one_line_per_finished_probe():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, no_color=True)
    with RichProgressObserver(console) as observer:
        observer.stage_started("Probing", 2)
        observer.probe_started("tcp/198.18.3.2/22", "TCP 22 on 198.18.3.2")
        observer.probe_finished(
            "tcp/198.18.3.2/22",
            "TCP 22 on 198.18.3.2",
            (
                PortResult(
                    "198.18.3.2",
                    Protocol.TCP,
                    22,
                    PortState.OPEN,
                    probes=(ProbeAnswer(64, AnswerKind.SYN_ACK, "198.18.3.2", rtt_ms=0.25),),
                ),
                PortResult(
                    "198.18.3.2",
                    Protocol.UDP,
                    33001,
                    PortState.DROPPED,
                    last_responding_hop=HopRef(2, "198.18.2.2"),
                    blocked_at=HopRef(3, "198.18.5.2"),
                ),
            ),
        )
    assert "TCP 22 on 198.18.3.2: tcp/22 open 0.25 ms; udp/33001 DROPPED after hop 2 (198.18.2.2)" in out.getvalue()


def test_color_only_on_a_tty_and_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color(False, FakeTty()) is True
    assert _use_color(True, FakeTty()) is False
    assert _use_color(False, io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(False, FakeTty()) is False
