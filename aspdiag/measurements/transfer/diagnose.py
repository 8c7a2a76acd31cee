"""Why a test transfer failed, in plain words, using the reachability results (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from aspdiag.core.facts import PortView
from aspdiag.core.model import Family, PortState, Protocol
from aspdiag.fasp.errors import failure_channel
from aspdiag.measurements.transfer.run import TransferOutcome, TransferResult


def _where(port: PortView) -> str:
    return f"{port.state.value} {port.location}".strip() if port.location else port.state.value


def diagnose(transfer: TransferResult, ports: Sequence[PortView], udp_port: int | None = None) -> str:
    """One or two sentences: what went wrong and where, from ascp's error and the reachability evidence."""
    if transfer.outcome is TransferOutcome.SUCCESS:
        rate = transfer.rate_mbps
        text = f"{transfer.bytes / 1e6:.1f} MB in {transfer.duration_s:g} s" + (
            f" at {rate:.1f} Mbit/s (target {transfer.target_rate_mbps:g})" if rate else ""
        )
        if transfer.stopped_by:
            text += f"; stopped by its {transfer.stopped_by} while moving data, as planned"
        return text
    if transfer.outcome is TransferOutcome.ERROR:
        return f"ascp could not be run: {transfer.error_message}"
    code = transfer.error_code
    message = transfer.error_message
    # Only the evidence about the ports and the address family ascp really used counts.
    families = {Family.of(p.address) for p in ports}
    family = Family.IPV6 if transfer.ipv6 or families == {Family.IPV6} else Family.IPV4
    used = [p for p in ports if Family.of(p.address) is family]
    udp_wanted = transfer.udp_port or udp_port
    udp = [p for p in used if p.protocol is Protocol.UDP and (udp_wanted is None or p.port == udp_wanted)]
    tcp = [p for p in used if p.protocol is Protocol.TCP and (transfer.ssh_port is None or p.port == transfer.ssh_port)]
    if transfer.outcome is TransferOutcome.TIMED_OUT and not message:
        if not transfer.last_progress:
            return (
                f"ascp printed nothing within the {transfer.time_limit_s:g} s cap and was stopped: it is probably "
                "waiting at an SSH prompt (host key, password) or hung; run the same ascp command once by hand"
            )
        rate = transfer.rate_mbps
        slow = f" but only at {rate:.1f} Mbit/s of the {transfer.target_rate_mbps:g} asked" if rate else ""
        return (
            f"the transfer was still running at the {transfer.time_limit_s:g} s cap{slow} (last progress: "
            f"{transfer.last_progress}): FASP got through, slowly; see the bandwidth figure, or raise --time-limit"
        )
    # Whether any data moved: unknown when ascp printed neither progress nor a summary.
    moved = transfer.bytes if transfer.bytes or transfer.last_progress else None
    kind = failure_channel(code, message, moved)
    if kind == "stall":
        return (
            "the data stream stalled after it had started: a shaper or stateful firewall drops UDP once the "
            "rate rises, or the target rate exceeds what the receiver's disk or the path can take"
        )
    tcp_blocked = [p for p in tcp if p.state is not PortState.OPEN]
    if kind == "ssh" or (kind == "session" and tcp_blocked and "UDP" not in message):
        if tcp_blocked:
            where = "; ".join(f"TCP {p.port} toward {p.address} {_where(p)}" for p in tcp_blocked)
            return f"the SSH control port is blocked: {where}"
        return "ascp could not open its SSH connection although the TCP port answered: check -P and the server's SSH"
    if kind in ("udp", "session") or "UDP" in message:
        blocked = [p for p in udp if not p.path_open]
        if blocked:
            where = "; ".join(f"UDP {p.port} toward {p.address} {_where(p)}" for p in blocked)
            return f"FASP data does not get through: the perimeter drops or rejects UDP ({where})"
        if "timeout" in message.lower() and code == 14:
            return (
                "the data stream stalled after it had started: a shaper or stateful firewall drops UDP once the "
                "rate rises, or the target rate exceeds what the receiver's disk or the path can take"
            )
        return (
            "UDP passed the reachability check, yet ascp's data connection failed: the server may negotiate "
            "another UDP port (a range on Windows/Isilon servers), or a stateful firewall drops the data stream"
        )
    if kind == "auth" or "authenticate" in message:
        answering = [p for p in tcp if p.state is PortState.OPEN]
        if answering:
            return (
                f"authentication failed while TCP {answering[0].port} answers with an SSH banner: the user name, "
                "password (ASPERA_SCP_PASS), token or key file is wrong, not the network"
            )
        return "authentication failed: check the user name, password (ASPERA_SCP_PASS), token or key file"
    if code in (4, 43) or "No such file" in message:
        return "the remote file does not exist or cannot be read: check --remote-file with the data provider"
    if "stronger encryption" in message:
        return "the server refuses the client's encryption: add -T (--no-encryption) as the provider documents"
    if transfer.check:
        return transfer.check
    return f"ascp failed: {message or f'exit status {transfer.exit_status}'}"
