"""The pre-download checklist (pure): one line per stage of the preflight — done, problem, unconfirmed, or not
run with the reason and the option that runs it — then the steps to take around the long transfer.

Each line follows the evidence of its own stage, not the overall verdict: a test transfer that failed on its
password makes credentials the problem and leaves the firewall line to the port evidence (its SSH login got
through, so the network passed it); a transfer that moved data settles both.
"""

from __future__ import annotations

from collections.abc import Sequence

from aspdiag.core.model import (
    SIGNAL_WORDS,
    Audience,
    ChecklistItem,
    ItemStatus,
    PortState,
    Protocol,
    Report,
    Severity,
    SkippedStage,
    Verdict,
)
from aspdiag.core.units import ms_text, rate_text
from aspdiag.fasp.errors import failure_channel
from aspdiag.fasp.find import CONNECT4_KEY_NOTE
from aspdiag.measurements.ascp import installations_of
from aspdiag.measurements.bandwidth import bandwidths_of
from aspdiag.measurements.bandwidth.estimate import BandwidthStatus
from aspdiag.measurements.dns import OUTCOME_WORDS, dns_of
from aspdiag.measurements.dns.result import DnsOutcome
from aspdiag.measurements.path import paths_of
from aspdiag.measurements.reachability import ports_of
from aspdiag.measurements.reachability.result import BannerKind, PortResult
from aspdiag.measurements.route import routes_of
from aspdiag.measurements.route.result import RouteOutcome
from aspdiag.measurements.transfer import TransferOutcome, transfer_of

STAGES = ("DNS", "Route", "Firewall", "Path", "Bandwidth", "ascp", "Credentials", "Test transfer")
LOGIN_WORDS = {
    "password": "ASPERA_SCP_PASS is set",
    "token": "ASPERA_SCP_TOKEN is set",
    "key": "a key file is given",
}
CREDENTIALS_HINT = "set ASPERA_SCP_PASS (or ASPERA_SCP_TOKEN) in the environment, or give --key FILE"


def _skipped(report: Report, stage: str) -> SkippedStage | None:
    return next((s for s in report.settings.skipped if s.stage == stage), None)


def _cut_short(report: Report, stage: str) -> bool:
    """Whether a signal ended this stage's probe (its failure says 'interrupted'; its key is ``stage/...``)."""
    return any(f.key.split("/")[0] == stage and "interrupted" in f.reason for f in report.failures)


def _signal_words(report: Report) -> str:
    """The signal that ended the run, in words ('SIGTERM', 'Ctrl-C (SIGINT)')."""
    return SIGNAL_WORDS.get(report.interrupted_by or "SIGINT", report.interrupted_by)


def _not_run(item: str, report: Report, stage: str, default: str = "") -> ChecklistItem:
    """A stage that did not run: the reason the check recorded, else no address (or not asked for)."""
    skipped = _skipped(report, stage)
    if skipped is not None:
        return ChecklistItem(item, ItemStatus.NOT_RUN, skipped.reason, skipped.option)
    cut = _cut_short(report, stage)
    if cut or (report.interrupted and report.addresses):
        # A review: SIGTERM 5 s into the test transfer read 'not run in this check', with no option.
        words = _signal_words(report)
        said = f"interrupted by {words} before it finished" if cut else f"not reached: {words} ended it"
        return ChecklistItem(item, ItemStatus.NOT_RUN, said, "run the check again")
    if not report.addresses and not default:
        return ChecklistItem(item, ItemStatus.NOT_RUN, "no address to measure")
    return ChecklistItem(item, ItemStatus.NOT_RUN, default or "not run in this check")


def dns_item(report: Report) -> ChecklistItem:
    """Name resolution."""
    item = "Name resolution (DNS)"
    dns = dns_of(report)
    if dns is None:
        return ChecklistItem(item, ItemStatus.NOT_RUN, "interrupted before the lookup finished", "run the check again")
    if dns.literal:
        return ChecklistItem(item, ItemStatus.DONE, "an IP address was given: no lookup needed")
    if not dns.addresses:
        words = OUTCOME_WORDS.get(dns.outcome, dns.outcome.value)
        asked = dns.nameserver or ", ".join(dns.configured_resolvers) or "no resolver"
        return ChecklistItem(item, ItemStatus.PROBLEM, f"{words} (asked {asked})", "--dns-server ADDR to ask another")
    found = ", ".join(dns.addresses)
    if dns.outcome is DnsOutcome.HOSTS_FILE:
        note = f"{found}, from this machine's hosts file only (DNS does not know it)"
        return ChecklistItem(item, ItemStatus.DONE, note)
    return ChecklistItem(item, ItemStatus.DONE, f"{found} (answered by {dns.nameserver or 'the resolver'})")


def route_item(report: Report) -> ChecklistItem:
    """The local route to every address."""
    item = "Route from this machine"
    routes = routes_of(report)
    if not routes:
        # No address (DNS found none) is the usual reason; with addresses, the run was cut short.
        return ChecklistItem(item, ItemStatus.NOT_RUN, "interrupted" if report.addresses else "no address to route to")
    bad = [r for r in routes if r.outcome is not RouteOutcome.OK]
    if bad:
        return ChecklistItem(
            item, ItemStatus.PROBLEM, "; ".join(f"{r.address}: {r.outcome.value}" for r in bad), "see the routes table"
        )
    ways = sorted({f"{r.interface or '?'} (source {r.source_address or '?'})" for r in routes})
    return ChecklistItem(item, ItemStatus.DONE, "via " + "; ".join(ways))


def _carries(mine: Sequence[PortResult], *, proven: bool) -> bool:
    """Whether one address's ports carry SSH control and FASP data. ``proven``: an SSH control port proven by
    its greeting (a handshake whose service could not be told — a stateful firewall on an asymmetric path
    lets the SYN-ACK through, not the session — is not enough) and every data port open end to end; else
    an open control port and data ports that cross the client's network."""
    control = any(
        p.protocol is Protocol.TCP
        and p.state is PortState.OPEN
        and (not proven or p.banner is None or p.banner.kind is BannerKind.SSH)
        for p in mine
    )
    data = [p for p in mine if p.protocol is Protocol.UDP]
    return control and bool(data) and all(p.path_open if proven else p.passes_client_network for p in data)


def usable_somewhere(report: Report, ports: Sequence[PortResult]) -> bool:
    """Whether some address carries SSH control and FASP data (then a dead address alone is a warning)."""
    return any(_carries([p for p in ports if p.address == a], proven=False) for a in report.addresses)


def firewall_item(report: Report) -> ChecklistItem:
    """SSH control and FASP data through the perimeter, from the port evidence and a test transfer that moved
    data; never from a transfer that failed for another reason (a wrong password is no firewall problem)."""
    item = "Firewall: SSH control (TCP) and FASP data (UDP)"
    ports = ports_of(report)
    transfer = transfer_of(report)
    moved = transfer is not None and transfer.outcome is TransferOutcome.SUCCESS
    if moved:
        return ChecklistItem(item, ItemStatus.DONE, "the test transfer logged in and moved data")
    if not ports:
        reason = "no address to probe" if not report.addresses else "interrupted before the ports were probed"
        return ChecklistItem(item, ItemStatus.NOT_RUN, reason)
    needed = [r for r in report.change_request if r.needed]
    if needed:
        rules = ", ".join(f"{r.protocol.value.upper()} {r.ports} to {r.destination_address}" for r in needed)
        note = f"send the change request to your network team ({rules})"
        return ChecklistItem(item, ItemStatus.PROBLEM, note, "the change request is in this report")
    unrouted = sorted({p.address for p in ports if p.no_route})
    if unrouted and not usable_somewhere(report, ports):
        note = f"no route to {', '.join(unrouted)}: a router on the way has none (routing, not a port rule)"
        return ChecklistItem(item, ItemStatus.PROBLEM, note, "ask your network team about the route")
    server_side = [
        f
        for f in report.assessment.findings
        if f.proven and f.audience is Audience.SERVER_OPERATORS and f.severity is Severity.BLOCKER
    ]
    if server_side:
        note = f"on the server's side: {server_side[0].title}"
        return ChecklistItem(item, ItemStatus.PROBLEM, note, "send the operators' note to the data provider")
    local = [p for p in ports if p.refused_here]
    if local:
        flows = ", ".join(sorted({f"{p.protocol.value.upper()} {p.port} to {p.address}" for p in local}))
        note = f"this machine's own firewall blocks {flows}"
        return ChecklistItem(item, ItemStatus.PROBLEM, note, "allow it in this machine's firewall, then check again")
    down = sorted({p.address for p in ports if p.host_down})
    if down and not usable_somewhere(report, ports):
        note = f"the server does not answer at {', '.join(down)}: a router says it cannot deliver to it (off?)"
        return ChecklistItem(item, ItemStatus.PROBLEM, note, "ask the data provider whether the server is up")
    proven = {a: _carries([p for p in ports if p.address == a], proven=True) for a in report.addresses}
    if proven and all(proven.values()):
        return ChecklistItem(item, ItemStatus.DONE, "SSH control and FASP data reach the server")
    if report.assessment.verdict is Verdict.READY and any(proven.values()):
        # Ready on the address ascp uses (IPv4) while another one fails: the proven part is done; the warnings
        # name what the other address lacks (its change-request rows are optional).
        good = ", ".join(a for a, ok in proven.items() if ok)
        bad = ", ".join(a for a, ok in proven.items() if not ok)
        return ChecklistItem(
            item, ItemStatus.DONE, f"SSH control and FASP data reach {good}; not shown for {bad} (see the warnings)"
        )
    return ChecklistItem(
        item,
        ItemStatus.UNKNOWN,
        "no rule is proven missing, but not all of it is proven open (see the unconfirmed findings)",
        "a capped test transfer settles it (--transfer)",
    )


def path_item(report: Report) -> ChecklistItem:
    """RTT, loss and path MTU."""
    item = "Path: RTT, loss, MTU"
    paths = paths_of(report)
    if not paths:
        return _not_run(item, report, "path")
    holes = [p for p in paths if p.black_hole or p.needs_z]
    if holes:
        p = holes[0]
        return ChecklistItem(
            item,
            ItemStatus.PROBLEM,
            f"{p.address}: full-size packets are lost ({p.detail}); ascp needs -Z",
            "the suggested ascp command carries -Z",
        )
    sized = [p for p in paths if p.large_datagrams_lost_bytes]
    if sized:
        p = sized[0]
        return ChecklistItem(
            item,
            ItemStatus.UNKNOWN,
            f"{p.address}: datagrams of {p.large_datagrams_lost_bytes} bytes and more get no answer, small ones do "
            "(a filter on size, or a tiny MTU): FASP's full-size datagrams may not get through",
            "a capped test transfer settles it (--transfer)",
        )
    if all(p.rtt_median_ms is None and p.loss_pct is None for p in paths):
        # Nothing answered the handshakes the RTT comes from (a review: 'done' with 'RTT -, loss -').
        mtus = "; ".join(f"{p.address}: MTU {p.mtu_text}" for p in paths)
        return ChecklistItem(item, ItemStatus.UNKNOWN, f"no RTT or loss: no TCP handshake was answered ({mtus})")
    notes = []
    for p in paths:
        mtu = f"MTU {p.mtu_text}"
        loss = f"handshake loss {p.loss_pct:g} %" if p.loss_pct is not None else "loss -"
        notes.append(f"{p.address}: RTT {ms_text(p.rtt_median_ms)}, {loss}, {mtu}")
    return ChecklistItem(item, ItemStatus.DONE, "; ".join(notes))


def bandwidth_item(report: Report) -> ChecklistItem:
    """The client-to-server rate."""
    item = "Bandwidth (client → server, TCP)"
    found = bandwidths_of(report)
    if not found:
        return _not_run(item, report, "bandwidth")
    measured = [b for b in found if b.status is not BandwidthStatus.NOT_MEASURED]
    if not measured:
        return ChecklistItem(item, ItemStatus.UNKNOWN, f"not measured: {found[0].estimate.reason}")
    notes = []
    for b in measured:
        mark = "≥ " if b.status is BandwidthStatus.LOWER_BOUND else ""
        bound = f" (lower bound: {b.limited_by.value})" if mark else ""
        notes.append(f"{b.address}: {mark}{rate_text(b.rate_mbps)}{bound}")
    lower = any(b.status is BandwidthStatus.LOWER_BOUND for b in measured)
    option = "--bandwidth-budget 4 for the full rate" if lower else ""
    return ChecklistItem(item, ItemStatus.DONE, "; ".join(notes), option)


def ascp_item(report: Report) -> ChecklistItem:
    """The ascp found and its version."""
    item = "ascp installed"
    found = installations_of(report)
    if not found:
        if not report.settings.ascp_searched:
            return _not_run(item, report, "ascp", "not looked for in this check")
        return ChecklistItem(
            item,
            ItemStatus.PROBLEM,
            "no ascp found (PATH, ASPDIAG_ASCP and the usual install locations)",
            "install IBM Aspera Connect or the Transfer SDK, or give --ascp PATH",
        )
    used = next((i for i in found if i.used), found[0])
    v = used.version
    if v is None or used.version_error:
        return ChecklistItem(item, ItemStatus.PROBLEM, f"{used.path}: {used.version_error or 'ascp -A failed'}")
    product = f" ({v.product} {v.product_version or ''}".rstrip() + ")" if v.product else ""
    what = f"ascp {v.ascp_version or '?'}{product}"
    # The note on Connect 4's missing public DSA key is moot when the login has its own credentials (a password,
    # a token, or a key file the user gave: a review saw 'problem' beside 'logged in' with -i KEY).
    moot = report.settings.login in ("password", "token", "key")
    warnings = [w for w in used.warnings if not (moot and w == CONNECT4_KEY_NOTE)]
    if warnings:
        return ChecklistItem(item, ItemStatus.PROBLEM, f"{what} at {used.path}: {warnings[0]}")
    more = f"; {len(found) - 1} more found" if len(found) > 1 else ""
    return ChecklistItem(item, ItemStatus.DONE, f"{what} at {used.path}{more}")


def _logged_in(report: Report) -> bool:
    """Whether the test transfer got past the login (it succeeded, moved data, or failed on a file)."""
    transfer = transfer_of(report)
    if transfer is None or transfer.outcome is TransferOutcome.ERROR:
        return False
    kind = failure_channel(transfer.error_code, transfer.error_message, transfer.bytes)
    return transfer.outcome is TransferOutcome.SUCCESS or transfer.bytes > 0 or kind == "file"


def credentials_item(report: Report) -> ChecklistItem:
    """Whether the login works: known only from a test transfer."""
    item = "Account and credentials"
    transfer = transfer_of(report)
    login = LOGIN_WORDS.get(report.settings.login, "")
    if _logged_in(report):
        return ChecklistItem(item, ItemStatus.DONE, "the test transfer logged in")
    if transfer is not None and transfer.outcome is not TransferOutcome.ERROR:
        kind = failure_channel(transfer.error_code, transfer.error_message, transfer.bytes)
        if kind in ("auth", "hostkey"):
            return ChecklistItem(
                item,
                ItemStatus.PROBLEM,
                "the login was refused"
                f" ({transfer.error_meaning or transfer.error_message or 'authentication failed'})",
                f"fix the user name and the password, token or key ({CREDENTIALS_HINT})",
            )
    if login and _cut_short(report, "transfer"):
        # Not 'no test transfer logged in': it may well have, before the signal (a review, SIGTERM 5 s in).
        return ChecklistItem(
            item,
            ItemStatus.UNKNOWN,
            f"{login}; not confirmed: {_signal_words(report)} ended the test transfer",
            "run the check again",
        )
    if login:
        return ChecklistItem(item, ItemStatus.UNKNOWN, f"{login}; not tested (no test transfer logged in)")
    return ChecklistItem(
        item, ItemStatus.UNKNOWN, "not checked: no credentials were found for a test transfer", CREDENTIALS_HINT
    )


def transfer_item(report: Report) -> ChecklistItem:
    """The capped test transfer."""
    item = "Capped test transfer"
    t = transfer_of(report)
    if t is None:
        return _not_run(item, report, "transfer")
    rate = f" at {rate_text(t.rate_mbps)}" if t.rate_mbps else ""
    if t.outcome is TransferOutcome.SUCCESS:
        cap = f", stopped by its {t.stopped_by}" if t.stopped_by else ""
        return ChecklistItem(item, ItemStatus.DONE, f"moved {t.bytes / 1e6:.1f} MB in {t.duration_s:g} s{rate}{cap}")
    if t.outcome is TransferOutcome.TIMED_OUT and t.bytes > 0 and not t.error_message:
        note = f"moved {t.bytes / 1e6:.1f} MB{rate}, slower than the {t.target_rate_mbps:g} Mbit/s asked"
        return ChecklistItem(item, ItemStatus.DONE, note, "compare with the bandwidth line")
    return ChecklistItem(item, ItemStatus.PROBLEM, t.diagnosis or t.error_message or t.outcome.value, t.check)


def checklist(report: Report) -> tuple[ChecklistItem, ...]:
    """Every stage's line, then the steps around the long transfer."""
    return (
        dns_item(report),
        route_item(report),
        firewall_item(report),
        path_item(report),
        bandwidth_item(report),
        ascp_item(report),
        credentials_item(report),
        transfer_item(report),
        ChecklistItem(
            "Run the long transfer inside screen or tmux (it survives a closed terminal)",
            ItemStatus.TODO,
            "e.g. tmux new -s download, then the ascp command; detach with Ctrl-b d",
        ),
        ChecklistItem(
            "Monitoring: watch progress and get told when it stops",
            ItemStatus.TODO,
            "aspdiag run -- ascp ... (progress, stall alerts, retries), or aspdiag watch DIR for other tools",
        ),
        ChecklistItem(
            "File catalogue at the end (sizes, checksums) for the people who use the data",
            ItemStatus.TODO,
            "aspdiag catalog DIR --checksum sha256 (TSV, JSON and a Markdown summary)",
        ),
    )
