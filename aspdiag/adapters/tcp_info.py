"""Linux's ``struct tcp_info`` (TCP_INFO) and BBR's ``TCP_CC_INFO``, parsed into plain values, and turned into
the samples the bandwidth estimate reads."""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass

from aspdiag.measurements.bandwidth.samples import TcpInfoSample

# struct tcp_info of include/uapi/linux/tcp.h, up to tcpi_total_rto_time (Linux 6.7+; 248 bytes). Every
# field is naturally aligned, so the standard-size native-order struct format below is the C layout.
# Older kernels return a shorter prefix: fields past the returned length are None. Linux 6.18 appends
# AccECN counters after byte 248, which aspdiag does not read.
_TCP_INFO_FIELDS: tuple[tuple[str, str], ...] = (
    ("state", "B"),
    ("ca_state", "B"),
    ("retransmits", "B"),
    ("probes", "B"),
    ("backoff", "B"),
    ("options", "B"),
    ("wscale", "B"),
    ("flags", "B"),
    ("rto_us", "I"),
    ("ato_us", "I"),
    ("snd_mss_bytes", "I"),
    ("rcv_mss_bytes", "I"),
    ("unacked_segments", "I"),
    ("sacked_segments", "I"),
    ("lost_segments", "I"),
    ("retrans_segments", "I"),
    ("fackets", "I"),
    ("last_data_sent_ms", "I"),
    ("last_ack_sent_ms", "I"),
    ("last_data_recv_ms", "I"),
    ("last_ack_recv_ms", "I"),
    ("pmtu_bytes", "I"),
    ("rcv_ssthresh_bytes", "I"),
    ("rtt_us", "I"),
    ("rttvar_us", "I"),
    ("snd_ssthresh_segments", "I"),
    ("snd_cwnd_segments", "I"),
    ("advmss_bytes", "I"),
    ("reordering", "I"),
    ("rcv_rtt_us", "I"),
    ("rcv_space_bytes", "I"),
    ("total_retrans", "I"),
    ("pacing_rate_bytes_per_s", "Q"),
    ("max_pacing_rate_bytes_per_s", "Q"),
    ("bytes_acked", "Q"),
    ("bytes_received", "Q"),
    ("segs_out", "I"),
    ("segs_in", "I"),
    ("notsent_bytes", "I"),
    ("min_rtt_us", "I"),
    ("data_segs_in", "I"),
    ("data_segs_out", "I"),
    ("delivery_rate_bytes_per_s", "Q"),
    ("busy_time_us", "Q"),
    ("rwnd_limited_us", "Q"),
    ("sndbuf_limited_us", "Q"),
    ("delivered_segments", "I"),
    ("delivered_ce_segments", "I"),
    ("bytes_sent", "Q"),
    ("bytes_retrans", "Q"),
    ("dsack_dups", "I"),
    ("reord_seen", "I"),
    ("rcv_ooopack", "I"),
    ("snd_wnd_bytes", "I"),
    ("rcv_wnd_bytes", "I"),
    ("rehash", "I"),
    ("total_rto", "H"),
    ("total_rto_recoveries", "H"),
    ("total_rto_time_ms", "I"),
)
_TCP_INFO_STRUCT = struct.Struct("=" + "".join(fmt for _name, fmt in _TCP_INFO_FIELDS))
TCP_INFO_BYTES = _TCP_INFO_STRUCT.size
_TCP_INFO_ENDS: dict[str, int] = {}
_offset = 0
for _name, _fmt in _TCP_INFO_FIELDS:
    _offset += struct.calcsize("=" + _fmt)
    _TCP_INFO_ENDS[_name] = _offset
TCP_INFO_BASE_BYTES = _TCP_INFO_ENDS["total_retrans"]  # what every Linux since 2.6 returns
TCP_INFO_INFINITE_SSTHRESH = 0x7FFFFFFF  # TCP_INFINITE_SSTHRESH: no loss yet, initial slow start

TCP_CC_INFO = 26  # not in Python's socket module
_BBR_INFO = struct.Struct("=5I")  # struct tcp_bbr_info: bw_lo, bw_hi, min_rtt, pacing_gain, cwnd_gain
BBR_UNIT = 256


@dataclass(frozen=True, slots=True)
class TcpInfo:
    """Linux ``struct tcp_info``: the kernel's names without ``tcpi_``, with the unit appended where the name
    does not say it. Fields newer than the running kernel are None."""

    length_bytes: int
    state: int
    ca_state: int
    retransmits: int
    probes: int
    backoff: int
    options: int
    snd_wscale: int
    rcv_wscale: int
    delivery_rate_app_limited: bool
    fastopen_client_fail: int
    rto_us: int
    ato_us: int
    snd_mss_bytes: int
    rcv_mss_bytes: int
    unacked_segments: int
    sacked_segments: int
    lost_segments: int
    retrans_segments: int
    fackets: int
    last_data_sent_ms: int
    last_ack_sent_ms: int
    last_data_recv_ms: int
    last_ack_recv_ms: int
    pmtu_bytes: int
    rcv_ssthresh_bytes: int
    rtt_us: int
    rttvar_us: int
    snd_ssthresh_segments: int
    snd_cwnd_segments: int
    advmss_bytes: int
    reordering: int
    rcv_rtt_us: int
    rcv_space_bytes: int
    total_retrans: int
    pacing_rate_bytes_per_s: int | None
    max_pacing_rate_bytes_per_s: int | None
    bytes_acked: int | None
    bytes_received: int | None
    segs_out: int | None
    segs_in: int | None
    notsent_bytes: int | None
    min_rtt_us: int | None
    data_segs_in: int | None
    data_segs_out: int | None
    delivery_rate_bytes_per_s: int | None
    busy_time_us: int | None
    rwnd_limited_us: int | None
    sndbuf_limited_us: int | None
    delivered_segments: int | None
    delivered_ce_segments: int | None
    bytes_sent: int | None
    bytes_retrans: int | None
    dsack_dups: int | None
    reord_seen: int | None
    rcv_ooopack: int | None
    snd_wnd_bytes: int | None
    rcv_wnd_bytes: int | None
    rehash: int | None
    total_rto: int | None
    total_rto_recoveries: int | None
    total_rto_time_ms: int | None


def parse_tcp_info(raw: bytes) -> TcpInfo:
    """Parse what ``getsockopt(IPPROTO_TCP, TCP_INFO)`` returned (any kernel since 2.6)."""
    if len(raw) < TCP_INFO_BASE_BYTES:
        raise ValueError(f"TCP_INFO of {len(raw)} bytes is shorter than the {TCP_INFO_BASE_BYTES}-byte base")
    padded = raw[:TCP_INFO_BYTES].ljust(TCP_INFO_BYTES, b"\0")
    v: dict[str, int] = dict(zip((name for name, _ in _TCP_INFO_FIELDS), _TCP_INFO_STRUCT.unpack(padded), strict=True))
    have = len(raw)

    def o(name: str) -> int | None:
        return v[name] if _TCP_INFO_ENDS[name] <= have else None

    # The two bytes of bitfields: C allocates them from the least significant bit on little-endian ABIs.
    wscale, flags = v["wscale"], v["flags"]
    if sys.byteorder == "little":
        snd_wscale, rcv_wscale = wscale & 0x0F, wscale >> 4
        app_limited, fastopen_fail = bool(flags & 0x01), (flags >> 1) & 0x03
    else:
        snd_wscale, rcv_wscale = wscale >> 4, wscale & 0x0F
        app_limited, fastopen_fail = bool(flags & 0x80), (flags >> 5) & 0x03
    return TcpInfo(
        length_bytes=len(raw),
        state=v["state"],
        ca_state=v["ca_state"],
        retransmits=v["retransmits"],
        probes=v["probes"],
        backoff=v["backoff"],
        options=v["options"],
        snd_wscale=snd_wscale,
        rcv_wscale=rcv_wscale,
        delivery_rate_app_limited=app_limited,
        fastopen_client_fail=fastopen_fail,
        rto_us=v["rto_us"],
        ato_us=v["ato_us"],
        snd_mss_bytes=v["snd_mss_bytes"],
        rcv_mss_bytes=v["rcv_mss_bytes"],
        unacked_segments=v["unacked_segments"],
        sacked_segments=v["sacked_segments"],
        lost_segments=v["lost_segments"],
        retrans_segments=v["retrans_segments"],
        fackets=v["fackets"],
        last_data_sent_ms=v["last_data_sent_ms"],
        last_ack_sent_ms=v["last_ack_sent_ms"],
        last_data_recv_ms=v["last_data_recv_ms"],
        last_ack_recv_ms=v["last_ack_recv_ms"],
        pmtu_bytes=v["pmtu_bytes"],
        rcv_ssthresh_bytes=v["rcv_ssthresh_bytes"],
        rtt_us=v["rtt_us"],
        rttvar_us=v["rttvar_us"],
        snd_ssthresh_segments=v["snd_ssthresh_segments"],
        snd_cwnd_segments=v["snd_cwnd_segments"],
        advmss_bytes=v["advmss_bytes"],
        reordering=v["reordering"],
        rcv_rtt_us=v["rcv_rtt_us"],
        rcv_space_bytes=v["rcv_space_bytes"],
        total_retrans=v["total_retrans"],
        pacing_rate_bytes_per_s=o("pacing_rate_bytes_per_s"),
        max_pacing_rate_bytes_per_s=o("max_pacing_rate_bytes_per_s"),
        bytes_acked=o("bytes_acked"),
        bytes_received=o("bytes_received"),
        segs_out=o("segs_out"),
        segs_in=o("segs_in"),
        notsent_bytes=o("notsent_bytes"),
        min_rtt_us=o("min_rtt_us"),
        data_segs_in=o("data_segs_in"),
        data_segs_out=o("data_segs_out"),
        delivery_rate_bytes_per_s=o("delivery_rate_bytes_per_s"),
        busy_time_us=o("busy_time_us"),
        rwnd_limited_us=o("rwnd_limited_us"),
        sndbuf_limited_us=o("sndbuf_limited_us"),
        delivered_segments=o("delivered_segments"),
        delivered_ce_segments=o("delivered_ce_segments"),
        bytes_sent=o("bytes_sent"),
        bytes_retrans=o("bytes_retrans"),
        dsack_dups=o("dsack_dups"),
        reord_seen=o("reord_seen"),
        rcv_ooopack=o("rcv_ooopack"),
        snd_wnd_bytes=o("snd_wnd_bytes"),
        rcv_wnd_bytes=o("rcv_wnd_bytes"),
        rehash=o("rehash"),
        total_rto=o("total_rto"),
        total_rto_recoveries=o("total_rto_recoveries"),
        total_rto_time_ms=o("total_rto_time_ms"),
    )


def bbr_pacing_gain(raw: bytes) -> float | None:
    """BBR's current pacing gain from ``TCP_CC_INFO`` (2.89 in STARTUP, ~1 once the pipe is full)."""
    if len(raw) < _BBR_INFO.size:
        return None
    _lo, _hi, _min_rtt, pacing_gain, _cwnd_gain = _BBR_INFO.unpack_from(raw)
    return float(pacing_gain) / BBR_UNIT


def to_sample(info: TcpInfo, *, t_s: float, bytes_written: int, pacing_gain: float | None = None) -> TcpInfoSample:
    """The fields of one TCP_INFO reading that the bandwidth estimate uses."""
    if info.delivery_rate_bytes_per_s is None or info.bytes_acked is None or info.min_rtt_us is None:
        raise ValueError("this kernel's TCP_INFO has no delivery rate (Linux >= 4.9 needed)")
    delivered = info.delivered_segments
    if delivered is None:  # before Linux 4.18: cumulative ACKs only
        delivered = info.bytes_acked // max(1, info.snd_mss_bytes)
    return TcpInfoSample(
        t_s=t_s,
        bytes_written=bytes_written,
        # tcpi_bytes_sent (4.19) counts retransmissions too; older kernels: what left our hands.
        bytes_sent=info.bytes_sent if info.bytes_sent is not None else bytes_written,
        bytes_acked=info.bytes_acked,
        delivered_segments=delivered,
        delivery_rate_bytes_per_s=info.delivery_rate_bytes_per_s,
        delivery_rate_app_limited=info.delivery_rate_app_limited,
        rtt_us=info.rtt_us,
        min_rtt_us=info.min_rtt_us,
        snd_cwnd_segments=info.snd_cwnd_segments,
        snd_ssthresh_segments=info.snd_ssthresh_segments,
        snd_mss_bytes=info.snd_mss_bytes,
        total_retrans=info.total_retrans,
        busy_time_us=info.busy_time_us or 0,
        rwnd_limited_us=info.rwnd_limited_us or 0,
        sndbuf_limited_us=info.sndbuf_limited_us or 0,
        notsent_bytes=info.notsent_bytes or 0,
        unacked_segments=info.unacked_segments,
        snd_wnd_bytes=info.snd_wnd_bytes,
        pacing_gain=pacing_gain,
    )
