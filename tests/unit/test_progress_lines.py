"""Every measurement's probes show a readable progress line on a terminal: never a dataclass repr."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from aspdiag.core.config import CheckConfig, TransferSettings, validate_host
from aspdiag.core.facts import AddressFacts, Facts, PortFact
from aspdiag.core.model import PortState, Protocol
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.ui.progress import RichProgressObserver, describe

V4 = "198.18.3.2"
CONFIG = CheckConfig(
    target=validate_host("aspera.lab.test"),
    path=True,
    capacity=True,
    bandwidth=True,
    responder_port=33001,
    responder_key=b"k" * 32,
    transfer=TransferSettings("/usr/bin/ascp", "anonymous", True, "/data/1MB"),
    dataset_bytes=10**12,
)
FACTS = Facts(
    CONFIG.target,
    (V4,),
    {
        V4: AddressFacts(
            V4,
            ports=(
                PortFact(V4, Protocol.TCP, 33001, PortState.OPEN, speaks_ssh=True),
                PortFact(V4, Protocol.UDP, 33001, PortState.CLOSED, hops_to_target=4),
            ),
        )
    },
)
REPR = re.compile(r"\b[A-Z]\w+\(|\w+=[\w'\"(]")


def _probes():
    for measurement in MEASUREMENTS:
        if measurement.wanted(CONFIG):
            for probe in measurement.probes(CONFIG, FACTS):
                yield pytest.param(measurement, probe, id=f"{measurement.key}:{probe.key}")


@pytest.mark.parametrize(("measurement", "probe"), list(_probes()))
def test_progress_line_is_readable(measurement, probe):
    result = probe.failed("no answer within 3 s")
    text = describe(result)
    assert text == measurement.progress(result), "the measurement that made the result describes it"
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, no_color=True)
    with RichProgressObserver(console) as observer:
        observer.stage_started(measurement.stage, 1)
        observer.probe_started(probe.key, probe.label)
        observer.probe_finished(probe.key, probe.label, result)
    line = next(line for line in out.getvalue().splitlines() if probe.label in line)
    assert not REPR.search(line), line
    assert len(line.strip()) < 200, line


def test_every_probing_measurement_is_covered():
    covered = {m.key for m in MEASUREMENTS if m.wanted(CONFIG) and m.probes(CONFIG, FACTS)}
    assert covered >= {"dns", "routes", "ports", "paths", "bandwidths", "capacities", "responders", "transfer"}
