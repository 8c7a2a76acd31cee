"""The test-transfer probe: ports from the reachability results, hard caps, ascp through the runner."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aspdiag.core.config import TransferSettings
from aspdiag.core.facts import FASP_TCP_PORT, PortView, best_control_port
from aspdiag.core.measurement import ProbeContext
from aspdiag.measurements.transfer.diagnose import diagnose
from aspdiag.measurements.transfer.port import PROCESSES
from aspdiag.measurements.transfer.run import Direction, TransferOutcome, TransferRequest, TransferResult, run_transfer


def choose_ssh_port(ports: Sequence[PortView], tested: Sequence[int] = ()) -> int:
    """The SSH port the transfer uses: the open one of those tested that works on the most addresses (33001
    first among equals, as IBM recommends), else the first one tested (so the transfer shows what happens
    there), else 33001."""
    best = best_control_port(ports, tested)
    if best is not None:
        return best
    return tested[0] if tested else FASP_TCP_PORT


@dataclass(frozen=True)
class TransferProbe:
    """Run one capped test transfer."""

    settings: TransferSettings
    host: str
    ports: tuple[PortView, ...]
    udp_ports: tuple[int, ...]
    tcp_ports: tuple[int, ...] = ()

    @property
    def key(self) -> str:
        """Probe id."""
        return f"transfer/{self.host}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"test transfer with {os.path.basename(self.settings.ascp)}"

    @property
    def timeout_s(self) -> float:
        """The wall-time cap plus the time to stop the process group."""
        return self.settings.time_limit_s + 10.0

    def _request(self) -> TransferRequest:
        s = self.settings
        return TransferRequest(
            ascp=s.ascp,
            host=self.host,
            user=s.user,
            direction=Direction.DOWNLOAD if s.download else Direction.UPLOAD,
            remote_path=s.remote_path,
            ssh_port=choose_ssh_port(self.ports, self.tcp_ports),
            udp_port=self.udp_ports[0] if self.udp_ports else 33001,
            rate_mbps=s.rate_mbps,
            time_limit_s=s.time_limit_s,
            max_bytes=s.max_bytes,
            key_file=s.key_file,
            encrypt=s.encrypt,
        )

    def run(self, ctx: ProbeContext) -> TransferResult:
        """Run ascp under the caps (the environment carries the credentials, never the command line)."""
        runner = ctx.get(PROCESSES)
        if runner is None:
            return self.failed("no process runner")
        result = run_transfer(self._request(), runner, dict(os.environ))
        return replace(result, diagnosis=diagnose(result, self.ports, self.udp_ports[0] if self.udp_ports else None))

    def failed(self, reason: str) -> TransferResult:
        """A transfer that could not be run or finish."""
        request = self._request()
        return TransferResult(
            TransferOutcome.ERROR,
            request.direction,
            "",
            request.rate_mbps,
            request.time_limit_s,
            error_message=reason,
            diagnosis=f"ascp could not be run: {reason}",
        )
