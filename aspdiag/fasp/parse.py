"""Pure parsers for what ascp prints: ``ascp -A``, the progress line, the summary, error lines, log lines.

Formats are the documented ones (see the project's reference notes); every parser takes text and returns a
frozen record, never raises on odd input, and keeps memory bounded by working line by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4, "P": 1024**5}
_RATE_UNITS = {"b": 1e-6, "Kb": 1e-3, "Mb": 1.0, "Gb": 1e3, "Tb": 1e6}


@dataclass(frozen=True)
class AscpVersion:
    """What ``ascp -A`` says."""

    product: str | None = None
    product_version: str | None = None
    build: str | None = None
    ascp_version: str | None = None
    git_hash: str | None = None
    operating_system: str | None = None
    license_max_rate: str | None = None
    fips: bool | None = None
    aes_ni: bool | None = None
    is_ascp4: bool = False

    @property
    def ascp_version_tuple(self) -> tuple[int, ...]:
        """(4, 4, 8, 2592) for comparisons; () when unknown."""
        if not self.ascp_version:
            return ()
        return tuple(int(p) for p in self.ascp_version.split(".") if p.isdigit())


_PRODUCT = re.compile(
    r"^(?P<product>.+?) version (?P<version>[0-9][0-9.]*[0-9])(?:\.(?P<hash1>[0-9a-f]{6,}))?"
    r"(?:\s*\((?P<build>\d+)\))?\s*$"
)
_ASCP = re.compile(r"^(?P<name>ascp4?) version (?P<version>[0-9][0-9.]*[0-9])(?:\s+(?P<hash>[0-9a-f]{6,}))?\s*$")
_LICENSE = re.compile(r"License max rate=(?P<rate>[^,]+)")


def parse_version(text: str) -> AscpVersion:
    """Parse ``ascp -A`` output: the product line and the ``ascp version`` line separately."""
    values: dict[str, object] = {}
    for raw in text.replace("\r", "\n").splitlines()[:50]:
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        ascp = _ASCP.match(line)
        if ascp:
            values.setdefault("ascp_version", ascp.group("version"))
            if ascp.group("hash"):
                values.setdefault("git_hash", ascp.group("hash"))
            if ascp.group("name") == "ascp4":
                values["is_ascp4"] = True
            continue
        if line.startswith("Operating System:"):
            values["operating_system"] = line.split(":", 1)[1].strip()
            continue
        license_match = _LICENSE.search(line)
        if license_match:
            values["license_max_rate"] = license_match.group("rate").strip()
            continue
        if line.startswith("FIPS"):
            values["fips"] = True
            continue
        if line.startswith("AES-NI"):
            values["aes_ni"] = "not supported" not in line.lower() and "supported" in line.lower()
            continue
        product = _PRODUCT.match(line)
        if product and "product" not in values and not line.startswith("ascp"):
            values["product"] = product.group("product").removeprefix("$ ").strip()
            values["product_version"] = product.group("version")
            if product.group("build"):
                values["build"] = product.group("build")
    return AscpVersion(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Progress:
    """One state of the carriage-return updated progress line."""

    file: str
    percent: int
    bytes_text: str
    bytes: int | None
    rate_text: str | None
    rate_mbps: float | None
    time_text: str
    finished: bool
    """False while an ETA is shown (running), True when the time is the elapsed time."""


_PROGRESS = re.compile(
    r"^\s*(?:#\s*)?(?P<file>\S.*?)\s+(?P<pct>\d{1,3})%\s+(?P<size>\d+(?:\.\d+)?[KMGTP]?B)"
    r"(?:\s+(?P<rate>\d+(?:\.\d+)?[KMGT]?[bB]/s))?\s+(?P<time>(?:\d+:)?\d+:\d+|--:--)(?P<eta>\s+ETA)?\s*$"
)


_SIZE = re.compile(r"(\d+(?:\.\d+)?)([KMGTP]?)B")
_RATE = re.compile(r"(\d+(?:\.\d+)?)([KMGT]?)([bB])/s")


def _size_bytes(text: str) -> int | None:
    match = _SIZE.fullmatch(text)
    if not match:
        return None
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def _rate_mbps(text: str | None) -> float | None:
    if not text:
        return None
    match = _RATE.fullmatch(text)
    if not match:
        return None
    # ascp prints bits (Mb/s); copies made by other tools, and some pastes, show bytes (KB/s).
    return float(match.group(1)) * _RATE_UNITS[match.group(2) + "b"] * (8 if match.group(3) == "B" else 1)


_COUNTED_PROGRESS = re.compile(
    r"\s*(?P<file>\S+) (?P<done>\d[\d,]*)/(?P<total>\d[\d,]*) (?P<size>\S+)/\S+ (?P<pct>\d{1,3})%\s*$"
)
"""NCBI prefetch's own progress line while its ascp runs: ``SRR8615563 474,021,888/6,349,455,166 452M/5G 7%``."""


_ASCLI_PROGRESS = re.compile(
    r"\s*Time: (?P<time>\d\d:\d\d:\d\d) [-=> ]*?(?P<pct>\d{1,3})% (?P<rate>\d+(?:\.\d+)?) ?(?P<unit>[KMG]?)"
    r"(?P<kind>bps|B/sec|b/sec)(?P<eta>\s+ETA)?"
)
"""ascli's own progress bar while its ascp runs: ``Time: 00:00:03 ====== 100% 274 Mbps Time: 00:00:03`` (or
``... 1469 KB/sec``, ``... 0% 0 Mbps  ETA: ??:??:??`` while it waits)."""


def _ascli_progress(line: str) -> Progress | None:
    found = _ASCLI_PROGRESS.match(line)
    if found is None:
        return None
    rate = float(found.group("rate")) * _RATE_UNITS[found.group("unit") + "b"]
    if found.group("kind") == "B/sec":
        rate *= 8
    return Progress(
        "ascli",
        int(found.group("pct")),
        "",
        None,
        f"{found.group('rate')} {found.group('unit')}{found.group('kind')}",
        rate,
        found.group("time") + (" ETA" if found.group("eta") else ""),
        found.group("eta") is None,
    )


_BAR_PROGRESS = re.compile(
    r"\s*(?P<pct>\d{1,3})?%\s*\[[=>#. -]*\]\s*(?P<size>\d+(?:\.\d+)?[KMGTP]?B) / (?P<total>\d+(?:\.\d+)?[KMGTP]?B)"
    r"\s+@\s+(?P<rate>\d+(?:\.\d+)?[KMGT]?[bB]/s)\s+(?P<time>(?:\d+:)?\d+:\d+|--:--)(?P<eta>\s+ETA)?\s*$"
)
"""The older IBM Aspera CLI's (``aspera ats|faspex|shares ...``) bar: ``12% [====>   ] 108MB / 9.3GB @ 453Mb/s
06:45 ETA``."""


def _bar_progress(line: str) -> Progress | None:
    found = _BAR_PROGRESS.match(line)
    if found is None:
        return None
    done, total = _size_bytes(found.group("size")), _size_bytes(found.group("total"))
    percent = found.group("pct")
    return Progress(
        "aspera",
        int(percent) if percent else (min(100, done * 100 // total) if done is not None and total else 0),
        found.group("size"),
        done,
        found.group("rate"),
        _rate_mbps(found.group("rate")),
        found.group("time") + (" ETA" if found.group("eta") else ""),
        found.group("eta") is None,
    )


def parse_progress(line: str) -> Progress | None:
    """One progress line (one ``\\r``-separated segment), or None when it is not one."""
    match = _PROGRESS.match(line.rstrip("\r\n"))
    if not match:
        ascli = _ascli_progress(line) or _bar_progress(line)
        if ascli is not None:
            return ascli
        counted = _COUNTED_PROGRESS.match(line)
        if counted is None:
            return None
        done = int(counted.group("done").replace(",", ""))
        return Progress(
            counted.group("file"), int(counted.group("pct")), counted.group("size"), done, None, None, "", False
        )
    return Progress(
        file=match.group("file").strip(),
        percent=int(match.group("pct")),
        bytes_text=match.group("size"),
        bytes=_size_bytes(match.group("size")),
        rate_text=match.group("rate"),
        rate_mbps=_rate_mbps(match.group("rate")),
        time_text=match.group("time") + (" ETA" if match.group("eta") else ""),
        finished=match.group("eta") is None,
    )


@dataclass(frozen=True)
class Summary:
    """The ``Completed:`` / ``Partial Completion:`` summary."""

    completed: bool
    bytes: int
    seconds: int
    rate_kbps: int | None = None
    files: int | None = None
    files_failed: int | None = None

    @property
    def rate_mbps(self) -> float | None:
        """The rate ascp reports, in Mbit/s (its K is 1000 bits here)."""
        return self.rate_kbps / 1000 if self.rate_kbps is not None else None


_SUMMARY = re.compile(r"(?P<kind>Completed|Partial Completion): (?P<k>\d+)K bytes transferred in (?P<s>\d+) seconds?")
_SUMMARY_RATE = re.compile(
    r"\((?P<rate>\d+)K bits/sec\), in (?P<files>\d+) files?(?:.*?(?P<failed>\d+) files? failed)?"
)


def parse_summary(text: str) -> Summary | None:
    """The last summary in the output, if any."""
    found: Summary | None = None
    lines = text.replace("\r", "\n").splitlines()
    for index, line in enumerate(lines):
        match = _SUMMARY.search(line)
        if not match:
            continue
        rate = files = failed = None
        for follow in lines[index : index + 4]:
            rate_match = _SUMMARY_RATE.search(follow)
            if rate_match:
                rate = int(rate_match.group("rate"))
                files = int(rate_match.group("files"))
                failed = int(rate_match.group("failed")) if rate_match.group("failed") else None
                break
        found = Summary(
            completed=match.group("kind") == "Completed",
            bytes=int(match.group("k")) * 1024,
            seconds=int(match.group("s")),
            rate_kbps=rate,
            files=files,
            files_failed=failed,
        )
    return found


@dataclass(frozen=True)
class AscpError:
    """An error ascp reported on stderr (``ascp: ..., exiting.``) or stdout (``Session Stop  (Error: ...)``)."""

    message: str
    stream: str
    code: int | None = None


_EXITING = re.compile(r"\bascp(?:4)?(?:\.exe)?: (?P<msg>[^\n]+?),? exiting\.?")
_SESSION_STOP = re.compile(r"Session Stop\s+\(Error: (?P<msg>.+)\)")
_WRAPPED = re.compile(r"error description is '(?P<msg>[^']+)'")
"""A wrapper's form (Apple Transporter): ``... the error description is '<message> (15)'``."""
_SESSION_STOP_CUT = re.compile(r"Session Stop\s+\(Error: (?P<msg>[^)]+?)\s*$")
"""A ``Session Stop`` line cut before its closing parenthesis (copies of output in issues and logs)."""
_SERVER_ABORTED = re.compile(r"(?P<msg>Server aborted session: [^'\n]+?)(?:\s+\((?:[A-Z]\w*::)+[A-Z]\w*\))?\s*$")
"""The server's verdict as wrappers print it (ascli, the IBM SDKs, webin-cli): ``... Server aborted session: ...``,
without the class a Ruby backtrace names after it (``(Aspera::Transfer::Error)``)."""
_QUOTED_END = re.compile(r"\)['\"]\)?\]?$")
"""What a Session Stop line quoted in a repr ends with past its message: its parenthesis and the quote (``)')``)."""
_CODE_SUFFIX = re.compile(r"^(?P<msg>.*\S)\s+\((?P<code>\d{1,3})\)$")


def _unrepr(line: str) -> str:
    """Undo Python bytes-repr escapes that wrappers print (``b'...\\n'``)."""
    if "b'" in line or 'b"' in line:
        return line.replace("\\r", "\n").replace("\\n", "\n")
    return line


def parse_errors(stdout: str, stderr: str) -> list[AscpError]:
    """Every error line in ascp's output streams, in order (stderr first)."""
    errors: list[AscpError] = []
    for stream, text in (("stderr", stderr), ("stdout", stdout)):
        for raw in text.replace("\r", "\n").splitlines():
            for line in _unrepr(raw).splitlines():
                match = (
                    _EXITING.search(line)
                    or _SESSION_STOP.search(line)
                    or _WRAPPED.search(line)
                    or _SESSION_STOP_CUT.search(line)
                    or _SERVER_ABORTED.search(line)
                )
                if not match:
                    continue
                message = match.group("msg").strip()
                if match.re is _SESSION_STOP and (quoted := _QUOTED_END.search(message)) is not None:
                    # the line quoted inside a wrapper's repr, "AsperaError: (1, 'Session Stop  (Error: ...)')": its
                    # own closing parenthesis, not the quote and the tuple's after it
                    message = message[: quoted.start()].strip()
                code = None
                with_code = _CODE_SUFFIX.match(message)
                # Only a number in the FASP range is a FASP code; "(110)" after a system message is an errno.
                if with_code and int(with_code.group("code")) <= 80 and not _EXITING.search(line):
                    message, code = with_code.group("msg"), int(with_code.group("code"))
                errors.append(AscpError(message, stream, code if code is not None else code_for_message(message)))
    return errors


def code_for_message(message: str) -> int | None:
    """The FASP error code a documented error wording stands for (data: aspdiag/data/fasp_messages.json)."""
    from aspdiag.fasp.errors import message_table

    lowered = _unquoted(message)
    for text, code in message_table():
        if _unquoted(text) in lowered:
            return code
    return None


def _unquoted(message: str) -> str:
    """A wording compared without case or quotes: copies in articles drop them ("outside 'docroot' hierarchy")."""
    return message.lower().replace("'", "").replace('"', "")


@dataclass(frozen=True)
class LogSession:
    """One FASP session as the log tells it."""

    uuid: str
    op: str | None = None
    status: str | None = None
    errcode: int | None = None
    errstr: str | None = None
    user: str | None = None
    peer: str | None = None
    local: str | None = None
    tcp_port: int | None = None
    target_rate_bps: int | None = None
    files: list[dict[str, str]] = field(default_factory=list)
    statistics: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


_LINE_START = re.compile(r"^(?:- )?(?:\d{4}-\d\d-\d\d |[A-Z][a-z]{2} [ \d]\d \d\d:|(?:LOG|ERR|DBG|WRN) |ascp)")


def _joined(lines: Iterable[str]) -> Iterable[str]:
    """Log lines with wrapped continuations joined back (some copies wrap long FASP lines)."""
    current: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if current is not None and not _LINE_START.match(line):
            current += " " + line.strip()
            continue
        if current is not None:
            yield current
        current = line
    if current is not None:
        yield current


_KV = re.compile(r'(\w[\w/]*)=("(?:[^"]*)"|\S+)')
_UUID = re.compile(r"\b(?:uuid|id)=([0-9a-fA-F-]{36})")


def _fields(text: str) -> dict[str, str]:
    return {k: v.strip('"') for k, v in _KV.findall(text)}


def parse_log(lines: Iterable[str]) -> list[LogSession]:
    """Sessions from ascp log lines (file or syslog form; several sessions may be interleaved)."""
    sessions: dict[str, dict[str, object]] = {}
    order: list[str] = []
    pending_errors: list[str] = []
    for line in _joined(lines):
        if " ERR " in f" {line} " and "FASP Session" not in line:
            pending_errors.append(line.split(" ERR ", 1)[-1].strip())
        if "FASP Session" not in line and "FASP Transfer" not in line:
            continue
        uuid_match = _UUID.search(line)
        if not uuid_match:
            continue
        uuid = uuid_match.group(1)
        if uuid not in sessions:
            sessions[uuid] = {"uuid": uuid, "files": [], "statistics": {}, "errors": []}
            order.append(uuid)
        session = sessions[uuid]
        kv = _fields(line[uuid_match.start() :])
        if "FASP Session Start" in line or "FASP Session Stop" in line:
            for key, attr in (
                ("op", "op"),
                ("status", "status"),
                ("errstr", "errstr"),
                ("peer", "peer"),
                ("local", "local"),
            ):
                if key in kv:
                    session[attr] = kv[key]
            for key, attr in (("errcode", "errcode"), ("tcp_port", "tcp_port")):
                if key in kv and kv[key].isdigit():
                    session[attr] = int(kv[key])
            errors = session["errors"]
            assert isinstance(errors, list)
            errors.extend(pending_errors)
            pending_errors = []
        elif "FASP Session Params" in line:
            if "user" in kv:
                session["user"] = kv["user"]
            if kv.get("targetrate", "").isdigit():
                session["target_rate_bps"] = int(kv["targetrate"])
        elif "FASP Session Statistics" in line:
            stats = session["statistics"]
            assert isinstance(stats, dict)
            stats.update(_fields(line))
            for name in ("tx_bytes", "tx_time", "file_bytes"):
                found = re.search(rf"{name} (\d+)", line)
                if found:
                    stats[name] = found.group(1)
        elif "FASP Transfer" in line:
            files = session["files"]
            assert isinstance(files, list)
            files.append(kv)
            if "op" in kv:
                session.setdefault("op", kv["op"])
    return [LogSession(**sessions[u]) for u in order]  # type: ignore[arg-type]
