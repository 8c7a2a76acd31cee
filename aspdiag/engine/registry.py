"""The registry: every measurement, in the order a check runs them and a report shows them.

Adding a measurement is one package under ``aspdiag/measurements/`` and one line here (plus its option
in the CLI); the engine, the verdict, the codec, the renderers and the progress display read this list.
"""

from __future__ import annotations

from aspdiag.core.measurement import Measurement
from aspdiag.engine import estimate
from aspdiag.measurements import ascp, bandwidth, capacity, dns, path, reachability, responder, route, transfer

MEASUREMENTS: tuple[Measurement, ...] = (
    dns.MEASUREMENT,
    route.MEASUREMENT,
    reachability.MEASUREMENT,
    path.MEASUREMENT,
    # The capacity trains read a shaper's bucket and queue: they go before the bandwidth stream, which
    # empties the bucket (a 1 MB bucket at 10 Mbit/s takes 0.8 s to refill) and leaves its queue draining.
    capacity.MEASUREMENT,
    bandwidth.MEASUREMENT,
    responder.MEASUREMENT,
    ascp.MEASUREMENT,
    transfer.MEASUREMENT,
    estimate.MEASUREMENT,
)


def by_key(key: str) -> Measurement:
    """The measurement whose section key is ``key``."""
    return next(m for m in MEASUREMENTS if m.key == key)
