"""From chunks of bytes to the few lines that can matter, with their time, process and message (pure).

Speed comes from not looking at most lines. In a syslog-form chunk (a server's ``/var/log/messages``, where
ascp's lines sit among sshd, kernel and cron lines) every line of ascp's carries the tag ``ascp[pid]:``; one
regular expression per chunk that starts with that literal (``SYSLOG_RECORD``) lets the engine skip every
other line in C, and rejects ascp's own LOG lines that cannot matter there too, so Python code runs only for
the FASP session and file records and for error lines; nothing else is decoded. ascp's own log files get the
same treatment (``FILE_RECORD``, anchored on the ``[pid-thread]`` prefix). Where the extension ``_records.c`` was
built, ``records`` and ``sshd_lines`` are its compiled searches, held by tests to the regular
expressions here (``records_py`` and the others), which run where it was not. Other input (captured console
output, small pasted logs) is split into lines (``other_lines``), prefixes taken apart so that the analyzer
sees the message and the process it came from (interleaved sessions are told apart by process).
"""

from __future__ import annotations

import csv
import email
import email.policy
import html
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any, NamedTuple

from aspdiag.tools.explain.status import STATUS_KEYS, events_oldest_first

_BSD_STAMP = re.compile(rb"(?:- )?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)? ")
_PRI = rb"(?:<\d{1,3}>1 )?"
"""RFC 5424's header before its time stamp (``<14>1 ``): rsyslog's and syslog-ng's "syslog protocol" templates."""
_PROCESS = rb"[\[ ](?P<pid>\d+)(?:\]: ?+| \S+ (?:- |\[[^\n]*?\] ))"
"""After a tag: ``[pid]: `` (BSD syslog, journalctl), or RFC 5424's `` PROCID MSGID STRUCTURED-DATA ``."""
_ISO_STAMP = re.compile(_PRI + rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)? ")
_STAMP = (
    rb"(?P<stamp>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?"
    rb"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)"
)
"""A syslog line's time stamp: BSD (with journalctl's fractions) or ISO 8601 (rsyslog's high precision, RFC 5424)."""
_SYSLOG = re.compile(
    rb"(?:- )?" + _PRI + _STAMP + rb"(?: (?P<host>\S+))? (?P<tag>ascp4?(?:\.exe)?|\(ascp4?\))" + _PROCESS
)
"""A syslog line of ascp's; its host is missing in ``journalctl --no-hostname``."""
_FILE_FORM = re.compile(
    rb"(?P<stamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)?) \[(?P<pid>[0-9A-Fa-fx]+)-[0-9A-Fa-fx]+\] "
)

UUID = rb"[0-9a-fA-F-]{8,36}(?![0-9a-fA-F-])"
"""A FASP session's uuid: 36 characters as ascp logs it, or shortened (to 8 or more) where a person pasting a log
trimmed them (blind round 33's operator: "uuids shortened by me"); a session whose records were dropped for that
vanished from the explanation."""

_RECORD = (
    # A file's end, the most frequent record, with its figures taken in the same pass (layout as ascp logs it).
    rb"(?:LOG FASP Transfer Stop uuid=(?P<file_uuid>" + UUID + rb") op=\w+ status=(?P<status>\w+) "
    rb"[^\n]*? size=(?P<size>\d+) [^\n]*?rate=(?P<rate>[\d.]+)(?P<unit>[KMG]?)bps "
    rb"elapsed=(?P<elapsed>[\d.]+)s loss=(?P<loss>[\d.]+)"
    rb"|LOG FASP (?P<kind>Session Start|Session Stop|Session Params|Session Statistics|Transfer Stop) "
    rb"(?:uuid=|\[\w+\] id=)(?P<uuid>" + UUID + rb")"
    # (or any other line but ascp's other LOG and DBG lines: not its Session Start that failed before it had a uuid,
    # "LOG FASP Session Start uuid=- ... status=failed errcode=50"; blind round 188's syslog export)
    rb"|(?P<receiver>LOG Receiver bl )|(?!LOG (?!FASP Session Start uuid=- )|DBG ))"
)
RECEIVER_PROGRESS = re.compile(rb"LOG Receiver bl [^\n]*? prog t/f/e=(\d+)/")
"""The receiver's periodic statistics line: its ``prog t/f/e=`` holds the bytes received so far (equal to the file's
size at its end in the documented sample), the only byte count a receiving side logs before its Session Stop."""
SYSLOG_RECORD = re.compile(rb"ascp4?" + _PROCESS + _RECORD)
"""One ascp line of a syslog chunk that can matter: a FASP session or file record (its kind and uuid), the start of
the receiver's statistics line (its byte count is then found by a plain search), or any line that is not another
LOG or DBG line (ERR lines, console text). The regular expression starts with the literal ``ascp``, so the engine
skips every other line in C; ascp's many other LOG lines (file starts, the sender's statistics, configuration) are
rejected there too, before any Python code runs for them."""
_GREP_FILE = rb"(?:[\w./-]{1,200}:(?:\d{1,9}[:-])?)?"
"""grep's file name (and line number) before each line it found in several files (``/var/log/secure:Nov 18 ...``)."""
SSHD_TAG = rb"sshd(?:-session)?(?:\[\d+\]:|:| \d+ \S+ (?:-|\[[^\n]*?\])) "
"""sshd's tag and process: ``sshd[812]: `` (or ``sshd-session[...]``), RFC 5424's ``sshd 812 - - ``, or ``sshd: ``
alone (Windows' OpenSSH log file, its process before the time)."""
SSHD_HINT = re.compile(
    SSHD_TAG + rb"(?:error: )?"
    rb"(?:Unable to negotiate with |drop connection #|refused connect from "
    rb"|Failed (?:password|publickey|keyboard-interactive/pam) for (?!invalid user )|Invalid user "
    rb"|(?:Connection closed by|Disconnected from) authenticating user |User \S+ (?:from \S+ )?not allowed because )"
)
"""Where in a chunk the sshd lines ``SSHD_REFUSAL`` reads may be: one search per chunk that starts with the
literal ``sshd`` (the engine skips other lines in C; one pass instead of a scan per message), each hit then
read whole from its line's start."""
_SSHD_STAMP = (
    rb"(?:" + _PRI + _STAMP + rb" (?:\S+ )?"
    # (or one whose month is in the host's language: journalctl's "окт 02 22:14:07"; blind round 108)
    # (and its fraction: ``-o short-precise``'s "kesä 03 09:02:00.114502"; blind round 133)
    rb"|(?:[A-Za-z]|[\x80-\xff]){2,12}\.? [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})? (?:\S+ )?"
    # (or Windows' OpenSSH log file, sshd.log: its process, then its local time; blind round 159's ticket)
    rb"|\d{1,7} (?P<wstamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?) )?"
)
"""What may stand before sshd's tag in a line it logged: its time stamp and host, or nothing (cut off in a paste)."""
_REFUSAL_MESSAGE = (
    rb"(?P<message>Unable to negotiate with (?P<peer>[0-9A-Fa-fxX*.:]+) port (?P<port>\d+): no matching [^\n]*?found"
    rb"(?:\. Their offer: [\w@.,+-]*)?"
    rb"|drop connection #\d+ from \[(?P<dpeer>[0-9A-Fa-f.:]+)\]:(?P<dport>\d+) on \[(?P<local>[0-9A-Fa-f.:]+)\]:"
    rb"(?P<lport>\d+) (?:(?:past )?Max[Ss]tartups|penalty: [^\n]*)"
    rb"|refused connect from \S+ \((?P<wpeer>[0-9A-Fa-f.:]+)\)"
    rb"|Failed (?:password|publickey|keyboard-interactive/pam) for (?P<fuser>\S+) from (?P<fpeer>[0-9A-Fa-f.:]+) "
    rb"port (?P<fport>\d+)"
    rb"|Invalid user (?P<iuser>\S+) from (?P<ipeer>[0-9A-Fa-f.:]+) port (?P<iport>\d+)"
    rb"|(?:Connection closed by|Disconnected from) authenticating user (?P<cuser>\S+) (?P<cpeer>[0-9A-Fa-f.:]+) "
    rb"port (?P<cport>\d+)"
    rb"|User (?P<nuser>\S+) (?:from (?P<npeer>[0-9A-Fa-f.:]+) )?not allowed because [^\n\r]*)"
)
_CHAT_PREFIX = rb"(?P<chat>\[\d{1,2}:\d\d(?::\d\d)?\] (?:<[\w.@-]{1,32}> |[A-Za-z][\w.-]{0,30}: ))?"
"""A chat log's time and speaker before a line someone pasted (IRC's ``[09:16] <maja> ``; blind round 176)."""
SSHD_REFUSAL = re.compile(
    rb"[ \t>|]*"
    + _CHAT_PREFIX
    + rb"(?:- )?"
    + _GREP_FILE
    + _SSHD_STAMP
    + SSHD_TAG
    + rb"(?:error: )?"
    + _REFUSAL_MESSAGE
)
"""sshd (OpenSSH) turning a client away before any ascp session (also as pasted into a mail or an issue: indented
or quoted, or with its time stamp and host cut off: ``sshd[88412]: Unable to negotiate ...``, blind round 107): a
handshake with no algorithm in common,
credentials refused for an existing account (``Failed password for USER from X port P``), a login to an account
this server does not have (``Invalid user USER from X port P``: a client's mistyped name, or the internet's guessing;
told apart at the end), a client that gave up during authentication (``Connection closed by authenticating user
USER X port P [preauth]``: none of its keys was accepted),
(and TCP wrappers' ``refused connect from HOST (ADDR)``, hosts.deny),
(``Unable to negotiate with X port P: no matching MAC found``), a connection dropped by MaxStartups or by
OpenSSH 9.8+'s per-source penalties (``drop connection #0 from [X]:P on [Y]:33001 penalty: ...``), or an account sshd
does not let in whatever the key (``User xfer not allowed because shell /bin/aspshell does not exist``, its address
on the line or on the next one of the same process). A server's
operator sees here which clients fail before ascp ever logs a line for them."""


def sshd_line(found: re.Match[bytes]) -> str:
    """The sshd line ``SSHD_REFUSAL`` matched, without a chat log's time and speaker before it."""
    start = found.end("chat") if found.start("chat") >= 0 else found.start()
    return found.string[start : found.end()].decode("utf-8", "replace")


def sshd_stamp(found: re.Match[bytes]) -> bytes | None:
    """The time stamp of sshd's line ``SSHD_REFUSAL`` matched (syslog's, or Windows' log file's), if it has one."""
    return found["stamp"] or found["wstamp"]


REFUSAL_AT_TAG = re.compile(SSHD_TAG + rb"(?:error: )?" + _REFUSAL_MESSAGE)
"""``SSHD_REFUSAL``'s message read from sshd's tag (where ``SSHD_HINT`` found it) without the line's start: a
quick look at which client and account a refusal names, so that one already kept (or past the bound) is passed
over without the whole line's match (its stamp's and host's forms cost most of it: a server's log holds the
internet's guessing on every few lines)."""
UDP_DROP = re.compile(rb"PROTO=UDP SPT=\d+ DPT=(?P<dport>330\d\d)\b")
"""A netfilter LOG line (nftables' or iptables' ``log prefix``, ufw's ``[UFW BLOCK]``) about UDP to a FASP data port:
one search per chunk that starts with the literal ``PROTO=UDP``; its line is then read for the source, the stamp
and whether its rule dropped the packet (``udp_drop``)."""
SSH_SYN_DROP = re.compile(rb"PROTO=TCP SPT=(?P<sport>\d+) DPT=(?P<dport>22|33001) [^\n]*?\bSYN\b")
"""The same for a TCP SYN to an SSH port (22, or 33001 that ascp's -P names): a client's connection the server's
firewall logged; read by ``udp_drop`` too, and kept per source port (a retransmitted SYN is one connection that got
no answer)."""
_DROPPED = re.compile(rb"drop|block|reject|deny", re.I)
"""A firewall rule's log prefix that says the packet was dropped (``FASP-UDP-DROP:``, ``[UFW BLOCK]``, ``REJECT``)."""
_DROP_SOURCE = re.compile(rb"\bSRC=(?P<src>[0-9A-Fa-f.:]+) ")


def udp_drop(chunk: bytes, found: re.Match[bytes]) -> tuple[bytes, bytes | None, bytes] | None:
    """(source address, time stamp, line) of the kernel's line holding a ``UDP_DROP`` (or ``SSH_SYN_DROP``) hit, or
    None when the line
    is not the kernel's (its tag), its rule's prefix does not say it dropped the packet, or it names no source."""
    start, end = line_bounds(chunk, found.start())
    line = chunk[start:end]
    if b"kernel:" not in line[:200] or not _DROPPED.search(line, 0, max(line.find(b" IN="), 0)):
        return None  # not the kernel's, or a rule that let the packet through ([UFW ALLOW], an accept log)
    source = _DROP_SOURCE.search(line)
    if source is None:
        return None
    text = line.lstrip(b" \t>|")
    stamp = _BSD_STAMP.match(text) or _ISO_STAMP.match(text)
    return source.group("src"), stamp.group().strip(b" -") if stamp else None, line.strip()


FILE_RECORD = re.compile(rb"\[(?P<pid>[0-9A-Fa-fx]+)-[0-9A-Fa-fx]+\] " + _RECORD)
"""The same for ascp's own log files (``YYYY-MM-DD HH:MM:SS [pid-thread] LOG ...``)."""

Found = tuple[Any, ...]
"""One match of ``SYSLOG_RECORD`` or ``FILE_RECORD``: ``(last, start, end, pid, ...)``, ``last`` being the number
of its last group (which alternative matched). A session record (10) adds its kind, uuid, the rest of its line
(the record) and two values read from it (``read_ahead``); a file's end (8) its uuid, status, size, rate, unit,
elapsed and loss, and where its uuid starts; the receiver's statistics (11) and any other line (1) nothing."""


def raw_value(record: bytes, needle: bytes) -> bytes | None:
    """The text after the first ``needle`` (`` peer=``) in a FASP record, up to the next space."""
    at = record.find(needle)
    if at < 0:
        return None
    at += len(needle)
    end = record.find(b" ", at)
    return record[at : end if end >= 0 else len(record)]


def field_raw(record: bytes, needle: bytes) -> bytes | None:
    """As ``raw_value``, but a quoted value (``user="a b"``) is read up to its closing quote."""
    at = record.find(needle)
    if at < 0:
        return None
    at += len(needle)
    if record[at : at + 1] == b'"':
        end = record.find(b'"', at + 1)
        return record[at + 1 : end if end >= 0 else len(record)]
    if record[at : at + 2] == b'\\"':
        # the record quoted inside a JSON string (an alert's "Last matching line: ... errstr=\"UDP session ...\"";
        # blind round 123): its value runs to the escaped closing quote, not to the first space
        end = record.find(b'\\"', at + 2)
        return record[at + 2 : end if end >= 0 else len(record)]
    end = record.find(b" ", at)
    return record[at : end if end >= 0 else len(record)]


_SOLICITED = re.compile(rb"solicited_rex=([\d.]+)%")


def read_ahead(kind: bytes, record: bytes) -> tuple[bytes | None, bytes | None]:
    """What the analyzer reads from a session record, found with the record: a Session Start's peer and local
    ends, a Session Params' user, a Session Statistics' ``tx_bytes`` (all digits) and ``solicited_rex``."""
    if kind == b"Session Start":
        return raw_value(record, b" peer="), raw_value(record, b" local=")
    if kind == b"Session Params":
        return field_raw(record, b" user="), None
    if kind == b"Session Statistics":
        at = record.find(b"tx_bytes ")
        moved = None
        if at >= 0:
            end = record.find(b" ", at + 9)
            value = record[at + 9 : end if end > 0 else len(record)]
            moved = value if value.isdigit() else None
        rex = _SOLICITED.search(record)
        return moved, rex.group(1) if rex else None
    return None, None


def records_py(chunk: bytes, file_form: bool) -> list[Found]:
    """The records of a chunk (``FILE_RECORD``'s in ascp's own log file, else ``SYSLOG_RECORD``'s), found by the
    regular expressions themselves: the reference the compiled search (``_records.c``) is held to, and the search
    where that was not built."""
    found: list[Found] = []
    append = found.append
    for match in (FILE_RECORD if file_form else SYSLOG_RECORD).finditer(chunk):
        last = match.lastindex
        if last == 10:
            end = chunk.find(b"\n", match.end())
            record = chunk[match.end() : end if end >= 0 else len(chunk)].rstrip(b"\r")
            kind = match.group(9)
            append((10, match.start(), match.end(), *match.group(1, 9, 10), record, *read_ahead(kind, record)))
        elif last == 8:
            append((8, match.start(), match.end(), *match.group(1, 2, 3, 4, 5, 6, 7, 8), match.start(2)))
        else:
            append((last, match.start(), match.end(), match.group(1)))
    return found


SSHD_LOGIN = re.compile(SSHD_TAG + rb"Accepted \S+ for (\S+) from ([0-9A-Fa-f.:]+) port ")
"""sshd's successful login: which user a client address logged in as (the operator's per-client view)."""


def sshd_lines_py(chunk: bytes) -> tuple[list[int], list[tuple[bytes, bytes]]]:
    """Where ``SSHD_HINT`` matches in a chunk, and sshd's logins in it, (user, address) each: the reference of the
    compiled ``sshd_lines``."""
    return [found.start() for found in SSHD_HINT.finditer(chunk)], SSHD_LOGIN.findall(chunk)


records: Callable[[bytes, bool], list[Found]]
"""The records of a chunk (see ``records_py``), by the compiled search when it was built."""
sshd_lines: Callable[[bytes], tuple[list[int], list[tuple[bytes, bytes]]]]
"""sshd's refusal hints and logins in a chunk (see ``sshd_lines_py``), by the compiled search when it was built."""


def count_lines_py(chunk: bytes) -> int:
    return chunk.count(b"\n")


def contains_py(chunk: bytes, needle: bytes) -> bool:
    return needle in chunk


def which_py(chunk: bytes, needles: tuple[bytes, ...]) -> int:
    return sum(1 << k for k, needle in enumerate(needles) if needle in chunk)


count_lines: Callable[[bytes], int]
"""A chunk's line ends (memchr where the extension was built)."""
contains: Callable[[bytes, bytes], bool]
"""Whether a chunk holds a text anywhere (the compiled search where the extension was built)."""
which: Callable[[bytes, tuple[bytes, ...]], int]
"""Which of up to 32 texts a chunk holds, as bits (bit k: ``needles[k]``): one pass over the chunk where the
extension was built (``which_py`` is its reference)."""
apply: Callable[..., None] | None
"""The analyzer's loop over a chunk's records, compiled (``Analyzer._apply`` is its reference); None where the
extension was not built."""
count_success: Callable[[object, object, int, int], bool] | None
"""Whether a session ended by Python's own paths is a success beyond the kept ones that is only counted, and
count it (``Analyzer._finish``'s first branch compiled, for a client already tallied); None where not built."""
parse_fields: (
    Callable[[dict[str, str], list[tuple[bytes, bytes]], dict[bytes, tuple[tuple[str, bytes], ...]]], None] | None
)
"""``Collected.parsed``'s reading of its records' fields, compiled (the Python loop there is its reference); None
where not built."""
settle: Callable[[bytes, tuple[object, ...]], tuple[list[Found], int]] | None
"""``records`` of a syslog chunk with each plain success as two entries that ``apply`` counts (see ``_records.c``:
the same result as ``records`` + ``apply``, with less work); None where not built."""
try:
    from aspdiag.tools.explain._records import (
        apply,
        contains,
        count_lines,
        count_success,
        parse_fields,
        records,
        settle,
        sshd_lines,
        which,
    )
except ImportError:  # not built (no C compiler where it was installed): the same results, found more slowly
    records, sshd_lines, apply, count_success, parse_fields = records_py, sshd_lines_py, None, None, None
    settle = None
    count_lines, contains, which = count_lines_py, contains_py, which_py
COMPILED = records is not records_py
"""Whether the compiled record search is in use (``aspdiag explain --debug`` says so)."""


class Line(NamedTuple):
    """One line that can matter: its message (bytes, prefix removed), when and from which process."""

    message: bytes
    stamp: bytes | None
    process: bytes | None
    """``host/pid`` for syslog, the pid for the file form, None for console output."""
    syslog: bool
    quoted: bool = False
    """A console line a mail or a post quoted (``> ``): perhaps another person's output."""
    after_gap: bool = False
    """A console line after a blank one (a paragraph's or a block's start)."""
    inline: bool = False
    """A console line that held markdown's inline code with other words or signs beside it (``ascp answers these
    with `Session Stop ...`;``): a sentence quoting the words, not output (ascp never prints a backtick); or a
    markdown heading (``### Failed to authenticate with ascp``)."""
    diff: bool = False
    """A line of a unified diff (its header, hunks and the lines they add, remove or keep): a patch, no output."""


def _samples(chunk: bytes) -> list[int]:
    middle = chunk.find(b"\n", len(chunk) // 2) + 1
    return [0] if middle <= 0 or middle >= len(chunk) else [0, middle]


_SRA_TOOLS = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d [\w-]+\.\d+\.\d+\.\d+(?: [a-z]+)?: ")
"""NCBI's sra-tools (prefetch, fasterq-dump) stamp their own console lines the way rsyslog stamps syslog:
``2019-07-10T08:35:23 prefetch.2.8.1 err: ...`` (and ``prefetch.2.8.1: ...`` for its notes) is console output
carrying ascp's failure, not syslog."""


_SYSLOG_TAG = re.compile(rb"\S+ [^\s:\[\]]+(?:\[\d+\])?:(?: |$)", re.M)
"""What follows a syslog time stamp: the host, then the tag (``sshd[812]:``, ``kernel:``). A CI runner's stamped
lines (GitHub Actions' ``2024-03-05T10:00:11.1234567Z Session Stop (Error: ...)``) carry the stamp but not this."""


def is_journal_json(chunk: bytes) -> bool:
    """Whether a chunk is ``journalctl -o json`` output (one JSON object per line with the journal's fields)."""
    # anywhere: a pasted command may come first
    return contains(chunk, b'"__REALTIME_TIMESTAMP"') and contains(chunk, b'"MESSAGE"')


def is_journal_export(chunk: bytes) -> bool:
    """Whether a chunk is ``journalctl -o export`` output (each entry a block of ``FIELD=value`` lines)."""
    return (
        contains(chunk, b"\n__REALTIME_TIMESTAMP=") or chunk.startswith(b"__CURSOR=") and contains(chunk, b"\nMESSAGE=")
    )


def journal_export_as_syslog(chunk: bytes) -> bytes:
    """``journalctl -o export`` entries as the syslog lines ``journalctl -o short-iso`` would print (time, host,
    ``IDENTIFIER[PID]: MESSAGE``), each entry's fields read up to the blank line that ends it (blind round 68: an
    operator's export of an HSTS). Lines outside the entries stay; a message stored in the export's binary form (not
    UTF-8) is left out."""
    out: list[bytes] = []
    fields: dict[bytes, bytes] = {}

    def flush() -> None:
        message, micros = fields.get(b"MESSAGE"), fields.get(b"__REALTIME_TIMESTAMP", b"")
        if message is not None and micros.isdigit():
            entry = {name.decode("ascii"): value.decode("utf-8", "replace") for name, value in fields.items()}
            out.extend(_journal_lines(entry, entry["MESSAGE"]))
        fields.clear()

    for raw in chunk.split(b"\n"):
        name, sep, value = raw.partition(b"=")
        if sep and name and _EXPORT_FIELD.fullmatch(name) is not None:
            fields[name] = value.rstrip(b"\r")
            continue
        if fields:
            flush()
        if raw.strip():
            out.append(raw)
    if fields:
        flush()
    return b"\n".join(out) + b"\n"


_EXPORT_FIELD = re.compile(rb"_{0,2}[A-Z][A-Z0-9_]*")
"""A journal field's name (``MESSAGE``, ``_HOSTNAME``, ``__CURSOR``)."""
_LOKI_PREFIX = re.compile(rb"(?m)^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d) \{[^{}\n]{1,400}\} (?=\S)")
"""What Loki's ``logcli query`` puts before each line it prints: its time stamp and the stream's labels
(``2024-12-03T03:00:04Z {filename="/var/log/aspera.log", host="hsts-eu1"} ``)."""


_LOCAL_MONTHS = {
    word: number
    for number, words in enumerate(
        (
            "ene gen janv jan. sty oca янв",
            "fev fév févr feb. lut şub фев",
            "mär mrt mars кві мар",
            "abr avr avril kwi nis апр",
            "mai mag mei maj мая май",
            "giu juin cze haz июн",
            "lug juil lip tem июл",
            "ago août aou sie ağu авг",
            "set sept wrz eyl сен",
            "out ott okt paź eki окт",
            "kas lis ноя",
            "dic dez déc gru ara дек",
        ),
        start=1,
    )
    for word in words.split()
}
"""Months' abbreviations that journalctl and syslog write in the host's language (glibc's ``%b``): Spanish,
Italian, Portuguese, French, German, Dutch, Polish, Turkish and Russian (and, lower-cased, the English ones those
languages share: "jun", "mar")."""
_ENGLISH_MONTHS = (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec")
_LOCAL_MONTHS.update({m.decode().lower(): n for n, m in enumerate(_ENGLISH_MONTHS, start=1)})
_LOCAL_FORMS = sorted(
    {form for word in _LOCAL_MONTHS for form in (word, word.title())} - {m.decode() for m in _ENGLISH_MONTHS},
    key=len,
    reverse=True,
)
"""Each month word as written (lower case, or a capital first as German does), never the English one syslog writes
itself: an English log is read as it is, with no rewriting."""
_LOCAL_STAMP = re.compile(
    rb"^(?P<lead>[ \t]*)(?:(?P<word>(?:"
    + b"|".join(re.escape(w.encode()) for w in _LOCAL_FORMS)
    + rb")\.?)|[Tt]hg (?P<vn>1[0-2]|0?[1-9])|(?P<cjk>1[0-2]|0?[1-9])\s?(?:\xe6\x9c\x88|\xec\x9b\x94))"
    rb" {1,2}(?P<day>[ \d]?\d) (?P<hms>\d\d:\d\d:\d\d)",
    re.M,
)
"""A line's time stamp whose month is in the host's language ("jun 17 09:58:40.118302 host ascp[...]", Vietnamese
"Thg 3 14 02:00:01", Japanese and Chinese " 3月 14 02:00:01", Korean " 3월 14 ...")."""
_LOCAL_STAMP_PROBE = 16384


def english_stamps(chunk: bytes) -> bytes | None:
    """The chunk with each line's syslog time stamp whose month is in the host's language given its English month
    ("jun 17" -> "Jun 17"), or None when its first lines have none (read as it is). A server's journal in a Spanish
    or Russian locale otherwise reads as lines without times (blind round 110: its sessions' records not taken as
    syslog's)."""
    if _LOCAL_STAMP.search(chunk, 0, _LOCAL_STAMP_PROBE) is None:
        return None
    return _LOCAL_STAMP.sub(_english_stamp, chunk)


def epoch_stamps(chunk: bytes) -> bytes | None:
    """The chunk with each journal line's epoch time stamp (``journalctl -o short-unix``: ``1772488802.114077 host
    ascp[220411]: ...``) in ISO form (UTC), so that its lines read as syslog's; None when its first lines have none
    (blind round 113: a node's pushes read as one run of lines without times)."""
    if _UNIX_STAMP.search(chunk, 0, _LOCAL_STAMP_PROBE) is None:
        return None
    return _UNIX_STAMP.sub(_iso_stamp, chunk)


_UNIX_STAMP = re.compile(rb"(?m)^(\d{10})\.(\d{1,6}) (?=\S+ [^\s:\[\]]+(?:\[\d+\])?: )")
"""A journal line's epoch time stamp before its host and tag."""


def weekday_stamps(chunk: bytes) -> bytes | None:
    """The chunk with each journal line's ``journalctl -o short-full`` time stamp (``Sat 2026-02-21 04:00:02 CET host
    sshd[612070]: ...``) in ISO form (the local time, its zone's name dropped), so that its lines read as syslog's;
    None when its first lines have none (blind round 128: a server's sshd refusals read as no run at all)."""
    if _FULL_STAMP.search(chunk, 0, _LOCAL_STAMP_PROBE) is None:
        return None
    return _FULL_STAMP.sub(rb"\1T\2 ", chunk)


_FULL_STAMP = re.compile(
    rb"(?m)^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d{1,6})?) (?:[A-Z]{2,5}|[+-]\d{4}) "
    rb"(?=\S+ [^\s:\[\]]+(?:\[\d+\])?: )"
)
"""A journal line's weekday, date, time and zone (``journalctl -o short-full``) before its host and tag."""


def column_stamps(chunk: bytes) -> bytes | None:
    """The chunk with each line of a log search's table (``2024-04-22 10:27:03.511   hsts-paris-03   ascp[56340]:
    LOG ...``, its time, host and message in columns set apart by spaces: Graylog's, pasted) in syslog's ISO form,
    so that its lines read as syslog's; None when its first lines have none (blind round 162: the session that
    worked, in such a table, was no run at all)."""
    if _COLUMN_STAMP.search(chunk, 0, _LOCAL_STAMP_PROBE) is None:
        return None
    return _COLUMN_STAMP.sub(rb"\1T\2 \3 ", chunk)


_COLUMN_STAMP = re.compile(
    rb"(?m)^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d{1,6})?)[ \t]{2,}([\w.-]+)[ \t]{2,}(?=[^\s:\[\]]+\[\d+\]: )"
)
"""A log table's time, its host in the next column and a syslog tag after it (two spaces or more between)."""


def _iso_stamp(found: re.Match[bytes]) -> bytes:
    return f"{_utc(int(found.group(1)))}.{found.group(2).decode()}Z ".encode()


def _utc(seconds: int) -> str:
    """An epoch time's second in ISO form, UTC (the zone an epoch time is counted in)."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _english_stamp(found: re.Match[bytes]) -> bytes:
    word, vn, cjk = found.group("word"), found.group("vn"), found.group("cjk")
    if word is not None:
        month = _LOCAL_MONTHS.get(word.decode("utf-8", "replace").rstrip(".").lower())
        if month is None:  # (a case the table lacks, such as a capital's non-ASCII lower form)
            return found.group(0)
    else:
        month = int(vn or cjk)
    day = int(found.group("day"))
    return b"%s%s %2d %s" % (found.group("lead"), _ENGLISH_MONTHS[month - 1], day, found.group("hms"))


def loki_as_lines(chunk: bytes) -> bytes | None:
    """``logcli query`` output with each line's stamp and labels taken off: the log lines it holds (a syslog
    line is then read as syslog); None when the chunk's first lines show no such prefix."""
    if b"} " not in chunk[:65536] or _LOKI_PREFIX.search(chunk, 0, 65536) is None:
        return None
    return _LOKI_PREFIX.sub(b"", chunk)


def notebook_as_lines(chunk: bytes) -> bytes | None:
    """A Jupyter notebook (``.ipynb``, JSON) as its owner saw it run: each code cell's input after IPython's prompt
    (``In [4]: !ascp ...``, its further lines after ``   ...: ``) and the text of its outputs (streams, results,
    errors). Markdown cells are left out: the notebook's prose and its tables of ascp's messages are no run's output
    (blind round 66: an executed Colab notebook's error table read as two more runs), all but the time-stamped sshd
    lines it quotes. None when the chunk is no whole notebook."""
    head = chunk[:4096].lstrip()
    if not head.startswith(b"{") or b'"cells"' not in chunk or b'"nbformat"' not in chunk:
        return None
    try:
        notebook = json.loads(chunk)
        cells = notebook["cells"]
    except (ValueError, KeyError, TypeError):
        return None  # not JSON, or a notebook longer than this chunk: read as lines
    if not isinstance(cells, list):
        return None
    out: list[str] = []
    for number, cell in _as_executed(cells):
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            # (but a server's sshd line with its time that the prose quotes, the partner's log of this client's
            # attempt: "Unable to negotiate with ... Their offer: ..." under a run that "failed to authenticate";
            # blind round 145)
            prose = _text(cell.get("source"))
            quoted = [
                line
                for line in prose.splitlines()
                if "sshd" in line
                and (found := SSHD_REFUSAL.match(line.encode("utf-8", "replace")))
                and sshd_stamp(found)
            ]
            # (only where the prose says they are a log's, not what one would see: "sent this line from their sshd
            # log", not "if the server's OpenSSH is too new you'll see:")
            if quoted and _LOG_TOLD.search(prose) is not None and _SEEN_IF.search(prose) is None:
                out.extend((*quoted, ""))
            continue
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        prompt = f"In [{cell.get('execution_count') or number}]: "
        for at, line in enumerate(_text(cell.get("source")).splitlines()):
            out.append((prompt if at == 0 else "   ...: ") + line)
        for output in cell.get("outputs") or ():
            if not isinstance(output, dict):
                continue
            kind = output.get("output_type")
            if kind == "stream":
                out.extend(_text(output.get("text")).splitlines())
            elif kind in ("execute_result", "display_data"):
                data = output.get("data")
                out.extend(_text(data.get("text/plain") if isinstance(data, dict) else None).splitlines())
            elif kind == "error":
                # (Jupyter colours its traceback with ANSI escapes: "\x1b[0;31mKeyboardInterrupt\x1b[0m: " is read
                # as Python's last line only without them; blind round 127's interrupted kernel)
                traceback = "\n".join(_text(line) for line in output.get("traceback") or ())
                out.extend(_ANSI_SGR.sub("", traceback).splitlines())
        out.append("")
    return ("\n".join(out) + "\n").encode("utf-8", "replace")


_LOG_TOLD = re.compile(r"\b(?:logs?|logged|journal(?:ctl)?|sent (?:us |me )?(?:this|these|the))\b", re.I)
"""A notebook's prose saying the lines it quotes come from a log (the partner's sshd log, a journal)."""
_SEEN_IF = re.compile(r"\byou(?:'ll| will| would)? see\b|\bif\b|\bfor example\b|\be\.g\.", re.I)
"""Prose telling what one would see (a tutorial's example), not what a log held."""


def _as_executed(cells: list[Any]) -> list[tuple[int, Any]]:
    """A notebook's cells numbered as they stand, those that ran in the order they ran (their execution counts:
    cells moved after running keep their counts; blind rounds 129 and 132, "In [7]" above "In [6]"), the others in
    their places. As they stand where a count is missing or repeated among the cells that ran."""
    numbered = list(enumerate(cells, start=1))
    ran = [at for at, (_, cell) in enumerate(numbered) if isinstance(cell, dict) and cell.get("outputs")]
    counts = [numbered[at][1].get("execution_count") for at in ran]
    if not all(type(count) is int for count in counts) or len(set(counts)) < len(counts):
        return numbered
    out = list(numbered)
    for at, (_, moved) in zip(ran, sorted(zip(counts, ran, strict=True)), strict=True):
        out[at] = numbered[moved]
    return out


_ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")
"""A terminal's colour escape (SGR)."""


def asciicast_as_text(chunk: bytes) -> bytes | None:
    """An asciinema recording (``.cast``: a JSON header, then one ``[time, "o", "text"]`` event a line) as the
    terminal showed it: its output events' text joined, each carriage return a line of its own (a progress line
    redrawn in place is each of its states). None when the chunk is no recording."""
    if not chunk.startswith(b'{"version": ') and not chunk.startswith(b'{"version":'):
        return None
    header, _, events = chunk.partition(b"\n")
    if b'"width"' not in header or not events.lstrip().startswith(b"["):
        return None
    out: list[str] = []
    for raw in events.split(b"\n"):
        if not raw.strip():
            continue
        try:
            event = json.loads(raw)
        except ValueError:
            return None  # not a recording (or one cut short in this chunk): read as lines
        if isinstance(event, list) and len(event) == 3 and event[1] == "o" and isinstance(event[2], str):
            out.append(event[2])
    text = "".join(out).replace("\r\n", "\n").replace("\r", "\n")
    return text.encode("utf-8", "replace")


def posts_dump_as_text(chunk: bytes) -> bytes | None:
    """A Stack Exchange data dump's ``Posts.xml`` (``<row Id=".." Title=".." Body="&lt;p&gt;..&#xA;.."/>``) as its
    posts' titles and bodies, the HTML in each body as its text: a ``<pre>`` block as a fenced block, line by line
    (blind round 112: a question's pasted run inside an escaped attribute). None for another input."""
    head = chunk[:2048]
    if b"<row " not in head or b' Body="' not in chunk or (b"<posts" not in head and b"PostTypeId=" not in head):
        return None
    out: list[str] = []
    for row in _POST_ROW.finditer(chunk.decode("utf-8", "replace")):
        title = _POST_TITLE.search(row.group(0))
        if title is not None:
            out.append(html.unescape(title.group(1)))
        body = html.unescape(row.group(1))
        body = _PRE_OPEN.sub("\n```\n", body)
        body = _PRE_CLOSE.sub("\n```\n", body)
        body = _BLOCK_TAG.sub("\n", body)
        out.extend(html.unescape(_ANY_TAG.sub("", body)).replace("\xa0", " ").split("\n"))
        out.append("")
    return ("\n".join(out) + "\n").encode("utf-8") if out else None


_POST_ROW = re.compile(r'<row\b[^>]*?\sBody="([^"]*)"[^>]*?/?>', re.S)
_POST_TITLE = re.compile(r'\sTitle="([^"]*)"')
_PRE_OPEN = re.compile(r"<pre[^>]*>\s*(?:<code[^>]*>)?")
_PRE_CLOSE = re.compile(r"(?:</code>\s*)?</pre>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|br|h[1-6]|blockquote)\b[^>]*>")
_ANY_TAG = re.compile(r"<[^<>\n]{1,200}>")


def bluesky_thread_as_text(chunk: bytes) -> bytes | None:
    """A Bluesky thread exported as JSON (``app.bsky.feed.getPostThread``: each post's ``record.text`` under its
    ``author.handle``, replies nested) as its posts' texts, oldest first, each under its writer's handle, so that what
    a post pasted is read as the lines it was (blind round 124: a run inside an escaped string). None for another
    input."""
    document = _marked_json(chunk, b'"app.bsky.feed.post"')
    if document is None:
        return None
    posts: list[tuple[str, str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            record = node.get("record")
            if isinstance(record, dict) and isinstance(record.get("text"), str) and len(posts) < 10_000:
                author = node.get("author")
                handle = author.get("handle", "") if isinstance(author, dict) else ""
                posts.append((str(record.get("createdAt", "")), str(handle), record["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return _posts_as_text(posts)


def _marked_json(chunk: bytes, marker: bytes) -> Any:
    """A pasted JSON object that holds ``marker`` (a format's own type name), parsed; None for another input (too
    large for a paste, without the marker, not an object, not JSON)."""
    if len(chunk) > PASTE_MAX or marker not in chunk or chunk.lstrip()[:1] != b"{":
        return None
    try:
        return json.loads(chunk)
    except ValueError:
        return None


def _exported_messages(chunk: bytes, marker: bytes, beside: str | None = None) -> list[Any] | None:
    """A chat export's ``"messages"`` list (Element's, DiscordChatExporter's, Telegram Desktop's), given the format's
    own marker and, where it has one, a key beside the list (Discord's ``"channel"``); None for another input."""
    document = _marked_json(chunk, marker)
    if not isinstance(document, dict) or (beside is not None and beside not in document):
        return None
    messages = document.get("messages")
    return messages if isinstance(messages, list) else None


def _posts_as_text(posts: list[tuple[str, str, str]]) -> bytes | None:
    """Posts (their time as a sortable string, writer, text) as their texts, oldest first, each under its writer."""
    if not posts:
        return None
    out: list[str] = []
    for _, writer, text in sorted(posts, key=lambda post: post[0]):
        out.extend((f"{writer}:" if writer else "", *text.split("\n"), ""))
    return "\n".join(out).encode("utf-8")


def pmwiki_page_as_text(chunk: bytes) -> bytes | None:
    """A PmWiki page file (``version=pmwiki-2.3.32 ...`` then ``text=`` holding the page with its line ends written
    ``%0a``) as the page's text, its ``[@ ... @]`` blocks as fenced blocks, so that the runs it logs are read as the
    lines they were (blind round 126: a DTN team's notes). None for another input."""
    if not chunk.startswith(b"version=pmwiki") or b"\ntext=" not in chunk or len(chunk) > PASTE_MAX:
        return None
    out: list[bytes] = []
    for raw in chunk.split(b"\n"):
        if raw.startswith(b"text="):
            page = raw[5:].replace(b"%0a", b"\n").replace(b"%3c", b"<").replace(b"%25", b"%")
            out.append(page.replace(b"[@", b"\n```\n").replace(b"@]", b"\n```\n"))
        elif raw.startswith(b"title="):
            out.append(raw[6:])
    return b"\n".join(out) + b"\n"


def matrix_export_as_text(chunk: bytes) -> bytes | None:
    """A Matrix room exported as JSON by Element (``"messages": [{"type": "m.room.message", "sender": ...,
    "origin_server_ts": ..., "content": {"body": "..."}}]``) as its messages' texts, oldest first, each under its
    sender, so that a pasted run is read as the lines it was (blind round 126: a run inside an escaped string). None
    for another input."""
    messages = _exported_messages(chunk, b'"m.room.message"')
    if messages is None:
        return None
    posts: list[tuple[str, str, str]] = []
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, dict) and isinstance(content.get("body"), str):
            stamp = message.get("origin_server_ts", 0)
            when = f"{stamp:020d}" if isinstance(stamp, int) else str(stamp)
            posts.append((when, str(message.get("sender", "")), content["body"]))
    return _posts_as_text(posts)


def discord_export_as_text(chunk: bytes) -> bytes | None:
    """A Discord channel exported as JSON by DiscordChatExporter (``"guild": {...}, "channel": {...}, "messages":
    [{"timestamp": ..., "content": "...", "author": {"name": ...}}]``) as its messages' texts, oldest first, each
    under its author, so that a pasted run and a server's sshd lines are read as the lines they were (blind round
    130: both inside escaped strings). None for another input."""
    messages = _exported_messages(chunk, b'"guild"', beside="channel")
    if messages is None:
        return None
    posts: list[tuple[str, str, str]] = []
    for message in messages:
        if isinstance(message, dict) and isinstance(message.get("content"), str):
            author = message.get("author")
            name = author.get("nickname") or author.get("name") if isinstance(author, dict) else None
            posts.append((str(message.get("timestamp", "")), str(name or ""), message["content"]))
    return _posts_as_text(posts)


def telegram_export_as_text(chunk: bytes) -> bytes | None:
    """A Telegram chat exported as JSON by Telegram Desktop (``"messages": [{"type": "message", "date": ..., "from":
    ..., "text": "..." or a list of strings and entities, "text_entities": [...]}]``) as its messages' texts, oldest
    first, each under its writer: once each (its ``text_entities`` repeat its ``text``; blind round 133: one pasted
    run read as two). None for another input."""
    messages = _exported_messages(chunk, b'"text_entities"')
    if messages is None:
        return None
    posts: list[tuple[str, str, str]] = []
    for message in messages:
        if not isinstance(message, dict) or message.get("type") != "message" or "date" not in message:
            continue
        said = message.get("text")
        parts = said if isinstance(said, list) else [said]
        # (a part that is neither text nor an entity object is none of Telegram's: left out)
        text = "".join(
            part if isinstance(part, str) else _text(part.get("text")) if isinstance(part, dict) else ""
            for part in parts
            if part
        )
        posts.append((str(message["date"]), str(message.get("from") or ""), text))
    return _posts_as_text(posts)


_PRE_STAMPED = re.compile(
    rb"(?m)^[ \t]*<pre(?:\s[^>\n]*)?>(?:<code[^>\n]*>)?"
    rb"((?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)[^\n<]*)(?:</code>)?</pre>[ \t]*$"
)


def html_pre_stamped(chunk: bytes) -> bytes | None:
    """An HTML page (a chat's export) whose one-line ``<pre>`` blocks hold a server's stamped log lines (``<pre>Apr  9
    14:11:52 aspera sshd[40218]: Unable to negotiate ...</pre>``) with those lines bare, so that they are read as the
    server's records they are (blind round 136: an sshd line in Element's export, read as no line of sshd's). None
    where no such block is."""
    if len(chunk) > PASTE_MAX or b"<pre" not in chunk:
        return None
    converted, count = _PRE_STAMPED.subn(rb"\1", chunk)
    return converted if count else None


def trello_export_as_text(chunk: bytes) -> bytes | None:
    """A Trello card (or board) exported as JSON (``"actions": [{"type": "commentCard", "date": ...,
    "memberCreator": {"fullName": ...}, "data": {"text": "..."}}]``, newest first) as the card's name and
    description, then its comments' texts oldest first, each under its writer, so that a pasted run is read as the
    lines it was and the runs in the order they were made (blind round 136: two runs inside escaped strings, the
    later first). None for another input."""
    document = _marked_json(chunk, b'"commentCard"')
    if not isinstance(document, dict) or not isinstance(document.get("actions"), list):
        return None
    posts: list[tuple[str, str, str]] = []
    head = "\n".join(_text(document.get(key)) for key in ("name", "desc") if _text(document.get(key)))
    if head:
        posts.append(("", "", head))  # (the card's own words: before any comment)
    for action in document["actions"]:
        if not isinstance(action, dict) or action.get("type") != "commentCard":
            continue
        data = action.get("data")
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            member = action.get("memberCreator")
            name = member.get("fullName") or member.get("username") if isinstance(member, dict) else None
            posts.append((str(action.get("date", "")), str(name or ""), data["text"]))
    return _posts_as_text(posts)


def ticket_json_as_text(chunk: bytes) -> bytes | None:
    """A help desk's ticket exported as JSON (Freshdesk's ``{"subject": ..., "description_text": "...\\n...",
    "conversations": [{"user": ..., "body_text": ...}]}``, Zendesk's ``"comments": [{"body": ...}]``) as its subject
    and each message's text, oldest first, under its writer's name, so that what a requester pasted is read as the
    lines it was (blind round 117: a run inside an escaped string). None for another input."""
    head = chunk.lstrip()[:1]
    if head != b"{" or len(chunk) > PASTE_MAX or not any(key in chunk for key in _TICKET_TEXT_KEYS):
        return None
    try:
        document = json.loads(chunk)
    except ValueError:
        return None
    if not isinstance(document, dict):
        return None
    # (Zendesk's API nests the ticket's own fields under "ticket", its comments beside it; blind round 126)
    meta = document["ticket"] if isinstance(document.get("ticket"), dict) else document
    if isinstance(document.get("fields"), dict) and "key" in document:
        # (Jira's issue: its own fields under "fields", its comments under "comment": {"comments": [...]}; blind
        # round 177's service desk export)
        meta = document["fields"]
        if isinstance(meta.get("comment"), dict) and "comments" not in meta:
            meta = {**meta, "comments": meta["comment"].get("comments")}
    if not any(key in meta for key in _TICKET_TITLE_KEYS):
        return None
    messages: list[tuple[str, str]] = []
    for key in ("description_text", "description_stripped", "description", "body_text", "body"):
        if isinstance(meta.get(key), str):
            messages.append((_text(meta.get("requester_name") or ""), meta[key]))
            break
    first_comment = len(messages)
    stamps: list[str] = []
    for key in ("conversations", "comments", "replies", "notes", "articles", "attachments"):
        # (beside the ticket's fields, or among them: "ticket": {..., "comments": [...]}; blind round 137)
        listed = document.get(key) or (meta.get(key) if meta is not document else None)
        for entry in listed if isinstance(listed, list) else ():
            if not isinstance(entry, dict):
                continue
            said = next((entry[k] for k in _TICKET_COMMENT_KEYS if isinstance(entry.get(k), str)), None)
            if said is None and key == "attachments" and isinstance(entry.get("content"), (dict, list)):
                # (an attached JSON document, as its text: a Connect window's transfer details; blind round 127)
                said = json.dumps(entry["content"], indent=2, ensure_ascii=False)
            if said is not None:
                writer = entry.get("user") or entry.get("author") or entry.get("from") or entry.get("actor") or ""
                if key == "attachments":
                    # (a text file attached to the ticket, under its name: "attempt1.txt" and the run it holds;
                    # blind round 172's ticket export)
                    writer = entry.get("name") or entry.get("filename") or ""
                if isinstance(writer, dict):
                    # (Zendesk's exports name the author in an object; Jira's as its "displayName")
                    writer = writer.get("name") or writer.get("displayName") or ""
                messages.append((writer if isinstance(writer, str) else "", said))
                stamps.append(str(next((entry[k] for k in _TICKET_STAMP_KEYS if isinstance(entry.get(k), str)), "")))
    if not messages or not any("\n" in said for _, said in messages):
        return None
    if len(stamps) >= 2 and all(stamps) and len(stamps) == len(messages) - first_comment and stamps[0] > stamps[-1]:
        # comments listed newest first (Zendesk's "comments_sort_order": "desc"; blind round 182's export), their
        # ISO times going back: read oldest first, as the runs they paste were made
        messages[first_comment:] = messages[first_comment:][::-1]
    out = [str(next(meta[key] for key in _TICKET_TITLE_KEYS if key in meta)), ""]
    for writer, said in messages:
        if writer:
            out.append(f"{writer}:")
        out.extend(said.replace("\r\n", "\n").split("\n"))
        out.append("")
    return "\n".join(out).encode("utf-8")


TICKET_RULE = "--- ticket "
"""How ``ticket_csv_as_text`` begins each ticket's titled rule (``--- ticket INC0081822 (...): title ---``)."""
_TICKET_CSV_KEYS = ("number", "key", "issue key", "ticket", "ticket id", "incident", "case number", "id")
_TICKET_CSV_TITLES = ("short_description", "summary", "subject", "title", "short description")
_TICKET_CSV_TEXTS = (
    "description",
    "work_notes",
    "comments",
    "comments_and_work_notes",
    "close_notes",
    "resolution",
    "work notes",
    "additional comments",
    "body",
)
_TICKET_CSV_WHEN = ("opened_at", "created", "sys_created_on", "opened", "created_at", "date")
_TICKET_CSV_WHO = ("caller", "caller_id", "reporter", "requester", "opened_by")


def ticket_csv_as_text(chunk: bytes) -> bytes | None:
    """A ticket system's list exported as CSV (ServiceNow's incidents: ``number,opened_at,caller,
    short_description,...,work_notes``; Jira's ``Issue key,Summary,...,Description``) as each ticket's text under a
    rule naming it (``--- ticket INC0081822 (2024-04-04 10:17:33, Luis Ortega): Cannot pull dailies ... ---``), oldest
    first: each ticket's told run is its own (blind round 200: three incidents' work notes read as one line each,
    no run). None for another input: a header without a ticket's key, title and text columns."""
    if len(chunk) > PASTE_MAX:
        return None
    end = chunk.find(b"\n")
    header = chunk[: end if end > 0 else len(chunk)].decode("utf-8", "replace").strip().lower()
    if "," not in header or not any(title in header for title in _TICKET_CSV_TITLES):
        return None
    try:
        rows = list(csv.reader(io.StringIO(chunk.decode("utf-8", "replace"))))
    except csv.Error:
        return None
    if len(rows) < 2:
        return None
    names = [name.strip().lower() for name in rows[0]]

    def column(choices: tuple[str, ...]) -> int | None:
        return next((names.index(name) for name in choices if name in names), None)

    key, title, when, who = (
        column(c) for c in (_TICKET_CSV_KEYS, _TICKET_CSV_TITLES, _TICKET_CSV_WHEN, _TICKET_CSV_WHO)
    )
    texts = [at for at, name in enumerate(names) if name in _TICKET_CSV_TEXTS]
    if key is None or title is None or not texts:
        return None
    tickets: list[tuple[str, list[str]]] = []
    for row in rows[1:]:
        if len(row) != len(names):
            return None  # no such export: its rows have the header's cells
        about = ", ".join(row[at].strip() for at in (when, who) if at is not None and row[at].strip())
        head = f"{TICKET_RULE}{row[key].strip()}{f' ({about})' if about else ''}: {' '.join(row[title].split())} ---"
        body = [text for at in texts if row[at].strip() for text in (*row[at].replace("\r\n", "\n").split("\n"), "")]
        tickets.append((row[when].strip() if when is not None else "", [head, *body]))
    stamps = [stamp for stamp, _ in tickets]
    if len(stamps) >= 2 and all(stamps) and stamps[0] > stamps[-1]:
        tickets.reverse()  # (listed newest first: read as they were opened)
    return "\n".join(text for _, lines in tickets for text in (*lines, "")).encode("utf-8")


_TICKET_TEXT_KEYS = (
    b'"description_text"',
    b'"body_text"',
    b'"comments"',
    b'"conversations"',
    b'"attachments"',
    b'"articles"',
)
"""(Jira's issue holds its comments under "comments" too, in its "fields"; Zammad's ticket its messages under
"articles", beside "ticket")"""
_TICKET_TITLE_KEYS = ("subject", "title", "summary", "name")
"""(Plane's issue names its title "name", its texts "description_stripped" and "comment_stripped", its writer
"actor"; blind round 123)"""
_TICKET_COMMENT_KEYS = ("body_text", "body", "plain_body", "text", "comment_stripped", "content")
_TICKET_STAMP_KEYS = ("created_at", "created", "updated_at", "date")
"""A ticket's comment's time (ISO, so that its strings sort in time order)."""


def mail_as_text(chunk: bytes) -> bytes | None:
    """A raw e-mail (an ``.eml``) whose body has alternative parts (text and HTML) as its headers and its text part,
    decoded (quoted-printable, base64): the HTML part says the same again (blind round 68: each run counted twice).
    None when the chunk is no such message."""
    head = chunk[:8192]
    if _MAIL_HEADER.match(head) is None or _ALTERNATIVE.search(head) is None:
        return None
    message = email.message_from_bytes(chunk, policy=email.policy.default)
    # (and a text file attached, after its name: a bot's mail with "ascp output is attached for reference", the run
    # itself; blind round 127)
    texts = [part for part in message.walk() if part.get_content_type() == "text/plain"]
    if not texts:
        return None
    out = [f"{name}: {message[name]}" for name in ("From", "To", "Date", "Subject") if message[name]]
    for part in texts:
        if part.is_attachment():
            out.append(f"\nAttachment: {part.get_filename() or 'text'}\n")
        try:
            out.append(str(part.get_content()))
        except (LookupError, ValueError):
            return None  # an unknown charset: read the message as it is
    return ("\n".join(out) + "\n").encode("utf-8", "replace")


_MAIL_HEADER = re.compile(
    rb"\A(?:Received|Return-Path|From|Date|Message-ID|MIME-Version|Delivered-To|X-[\w-]+): ", re.I
)
_ALTERNATIVE = re.compile(rb"(?im)^Content-Type:\s*multipart/(?:alternative|mixed|related)\b")


def org_as_lines(chunk: bytes) -> bytes | None:
    """An Emacs org-mode file with source blocks run in it (``#+BEGIN_SRC`` ... ``#+RESULTS:``) as its owner saw them
    run: each block's command after a prompt, then its results (their ``: `` taken off). Its prose, its
    ``#+BEGIN_EXAMPLE`` blocks and its lists quoting ascp's words are the notebook's text, left out (blind round 68:
    a lab notebook's sample and its list of other people's failures read as runs). None when the chunk is no such
    file."""
    head = chunk[:4096]
    if not (head.lstrip().startswith(b"#+") or b"\n#+TITLE:" in head) or b"#+RESULTS:" not in chunk:
        return None
    out: list[bytes] = []
    in_src = in_results = False
    for raw in chunk.split(b"\n"):
        line = raw.rstrip(b"\r")
        upper = line.strip().upper()
        if upper.startswith(b"#+BEGIN_SRC"):
            in_src, in_results = True, False
            continue
        if upper.startswith(b"#+END_SRC"):
            in_src = False
            continue
        if upper.startswith(b"#+RESULTS"):
            in_results = True
            continue
        if in_src:
            out.append(b"$ " + line.strip())
        elif in_results and (line.startswith(b":") or upper.startswith((b"#+BEGIN_EXAMPLE", b"#+END_EXAMPLE"))):
            if line.startswith(b":"):
                out.append(line[2:] if line.startswith(b": ") else line[1:])
        elif in_results and not line.strip():
            continue
        else:
            in_results = False
    return b"\n".join(out) + b"\n"


def knitted_as_lines(chunk: bytes) -> bytes | None:
    """An R Markdown file (or knitr's Markdown) with its chunks' output beside them, as its owner saw them run: each R
    chunk that has an output block after it becomes its commands after a prompt, then the output with knitr's ``## ``
    taken off, R's printed strings (``[1] "Key passphrase: "``) as their text and the ``attr(,"status")`` that
    ``system2()`` returns as the shell's exit status. Prose and chunks without output stay as they are (a chunk shown
    but not run is no run). Blind round 171: a chunk's ``system2(ascp, ...)`` that sat at the key's prompt until R's
    timeout was read as no run; round 168: two chunks' outputs read as three runs. None when nothing ran."""
    head = chunk[:65536]
    if b"```" not in head or _KNITR_CHUNK.search(head) is None or b"\n## " not in chunk:
        return None
    lines = chunk.split(b"\n")
    out: list[bytes] = []
    ran = False
    at = 0
    while at < len(lines):
        line = lines[at]
        if _KNITR_CHUNK.match(line) is None:
            out.append(line)
            at += 1
            continue
        end = next((k for k in range(at + 1, len(lines)) if lines[k].strip().startswith(b"```")), None)
        if end is None:
            out.extend(lines[at:])
            break
        after = next((k for k in range(end + 1, len(lines)) if lines[k].strip()), None)
        if after is None or lines[after].strip().strip(b"`") or not lines[after].strip().startswith(b"```"):
            out.extend(lines[at : end + 1])  # (shown, not run: as it stands)
            at = end + 1
            continue
        close = next((k for k in range(after + 1, len(lines)) if lines[k].strip().startswith(b"```")), len(lines))
        body = [line.rstrip(b"\r") for line in lines[after + 1 : close]]
        if not any(line.startswith(b"##") for line in body):
            out.extend(lines[at : end + 1])
            at = end + 1
            continue
        ran = True
        # (a shell chunk's command continued over lines, "ascp ... \" / "  era-fasp@...": one command)
        commands = b"\n".join(line.rstrip(b"\r") for line in lines[at + 1 : end]).replace(b"\\\n", b" ")
        out.extend(b"$ " + line.strip() for line in commands.split(b"\n") if line.strip())
        out.extend(_knitr_output(body))
        out.append(b"")
        at = close + 1
    return b"\n".join(out) if ran else None


_KNITR_CHUNK = re.compile(rb"(?m)^\s*```+\s*(?:\{(?:[rR]|bash|sh|zsh)(?=[\s,}])[^}\n]*\}|[rR])\s*$")
"""An R chunk's opening fence: R Markdown's ``{r name, eval=TRUE}`` or knitted Markdown's ``r``; or a chunk knitr runs
in a shell (``{bash, error=TRUE}``; blind round 197's notes, its ascp at the key's prompt)."""
_R_VECTOR = re.compile(rb"\s*\[\d+\]\s(.*)")
_R_STRING = re.compile(rb'"((?:[^"\\]|\\.)*)"')


def _knitr_output(body: list[bytes]) -> list[bytes]:
    """knitr's output lines as R's console would have them: ``## `` taken off, a printed character vector as its
    strings (R escapes their quotes), ``attr(,"status")``'s value as the shell's ``echo $?``."""
    out: list[bytes] = []
    status = False
    for raw in body:
        line = raw[3:] if raw.startswith(b"## ") else raw[2:] if raw.startswith(b"##") else raw
        if line.strip() == b'attr(,"status")':
            status = True
            continue
        vector = _R_VECTOR.fullmatch(line)
        if vector is not None and status:
            out.extend((b"$ echo $?", vector.group(1).strip()))
        elif vector is not None and (strings := _R_STRING.findall(vector.group(1))):
            out.extend(text.replace(b'\\"', b'"').replace(b"\\\\", b"\\") for text in strings)
        else:
            out.append(line)
        status = False
    return out


_EXPORT_TIME = re.compile(
    r"@?_?(?:timestamp|time|date|datetime|event[ _]?time|created(?:[ _]at)?|time[ _]?created|messagetime|receipttime"
    r"|dt|date and time|datum und uhrzeit|date et heure|fecha y hora|data e hora|data e ora)|@t"
    r"|_ts",  # (Mezmo's export: "_ts" in epoch milliseconds beside "_line"; blind round 197)
    re.I,
)
"""(Sumo Logic's ``_messagetime`` and ``_receipttime``, blind round 120; Serilog's compact JSON's ``@t``, round
133; Better Stack's ``dt``, round 141; PowerShell's ``TimeCreated``, round 163; Event Viewer's "Date and Time" in its
languages, round 196)"""
_EXPORT_MESSAGE = re.compile(
    r"@?_?(?:message|msg|raw|log|line|text|content|event|short_message|body|rawstring)(?:[_.](?:excerpt|original))?",
    re.I,
)
"""(OpenTelemetry's log record names its text ``body``: SigNoz's export, blind round 129; LogScale's (Humio's)
``@rawstring``, round 132; a saved search's ``message_excerpt`` and ECS's ``event.original``, round 192)"""
_ERRSTR_FIELD = re.compile(r'errstr="[^"\n]*"')
"""A Session Stop record's field of its error's words."""
_EXPORT_ERROR = re.compile(r"err(?:or)?[_ ]?(?:text|str|string|message|msg|desc(?:ription)?)", re.I)
"""A log export's column of an error's words (``aspera.error_text``, ``errstr``, ``error_message``)."""
_EXPORT_STAMP = re.compile(r"\s*\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\s*\d{10}(?:\d{3}(?:\d{3}(?:\d{3})?)?)?(?:\.\d+)?\s*$")
_EXPORT_MAX = 8 << 20
_EXPORT_HEADER = re.compile(rb"(?i:message|msg|_raw|\blog\b|\bline\b|\btext\b|content|\bevent\b|\bbody\b|@rawstring)")


def log_export_as_lines(chunk: bytes) -> bytes | None:
    """A log search's export as CSV (Datadog's, Splunk's, Kibana's: a header with a time column and a message
    column, one record per row, often newest first) as its messages, oldest first: a record's message may be a
    line of ascp's log file or of syslog, read then as what it is (blind round 73: a Datadog export listed newest
    first put a session's stop before its start). None for another input (a help desk's queue has no message
    column; its rows are read as they are)."""
    if len(chunk) > _EXPORT_MAX:
        return None
    if chunk[:1] == b"#":
        # (after the export's own comment lines: '# Export from "Transfer jobs" page, ..., sorted by started
        # (desc)'; blind round 132)
        chunk = _COMMENT_LINES.sub(b"", chunk, count=1)
    first = chunk.lstrip()[:400].split(b"\n", 1)[0]
    # (or tab-separated: Papertrail's archives, "id<TAB>generated_at<TAB>...<TAB>program<TAB>message"; blind round
    # 132)
    tabs = first.count(b"\t") >= 2 and first.count(b"\t") > first.count(b",")
    if (b"," not in first and not tabs) or first.startswith((b"#", b"{", b"[", b"$")):
        return None  # (decided on the first line, before the chunk is decoded)
    if _EXPORT_HEADER.search(first) is None:
        return None
    text = chunk.decode("utf-8", "replace").lstrip("\ufeff")
    try:
        if tabs:  # (a tab-separated export quotes nothing: a message's quotes are its own)
            rows = list(csv.reader(io.StringIO(text.lstrip()), delimiter="\t", quoting=csv.QUOTE_NONE))
        else:
            rows = list(csv.reader(io.StringIO(text.lstrip())))
    except csv.Error:
        return None
    header = [field.strip() for field in rows[0]]
    # (a column's name without its unit: Log Analytics' "TimeGenerated [UTC]")
    names = [name.split(" [", 1)[0].lower() for name in header]
    when = _export_column(header, names, _EXPORT_TIME, "time")
    said = _export_column(header, names, _EXPORT_MESSAGE, "message")
    if said is not None and "message" not in names[said]:
        # (the message's own column where another name of the kind comes first: CloudWatch Logs Insights'
        # "@timestamp,@logStream,@log,@message", its "@log" the log group's name; blind round 220)
        said = next((at for at, name in enumerate(names) if name.lstrip("@_") == "message"), said)
    if when is None or said is None or not all(0 < len(name) <= 40 for name in header):
        return None
    # (not an export's comment lines after its rows: "# Notes (ops, 2025-09-19):"; blind round 132)
    records = [row for row in rows[1:] if any(field.strip() for field in row) and row[0][:1] != "#"]
    if not records or any(len(row) <= max(when, said) or _export_time(row[when]) is None for row in records):
        return None
    program = _export_column(header, names, _EXPORT_PROGRAM, "program")
    service = names.index("service") if program is None and "service" in names else None
    host = _export_column(header, names, _EXPORT_HOST, "host")
    pid = _export_column(header, names, _EXPORT_PID, "pid")
    level = next((names.index(key) for key in ("log.level", "level") if key in names), None)
    # (a column of the error's words beside a record cut short: an OpenSearch export's "aspera.error_text" beside
    # "LOG FASP Session Stop uuid=... status=failed" without its errstr; blind round 192)
    error = next((at for at, name in enumerate(names) if _EXPORT_ERROR.fullmatch(name.rsplit(".", 1)[-1])), None)
    lines = []
    for row in records:
        stamp = _export_time(row[when]) or ""
        message = row[said].rstrip("\r\n")
        told = _cell(row, level, "")
        if told in _ASCP_LEVELS and not message.startswith(told + " "):
            # ascp's level in a column of its own (an OpenSearch export's "log.level": "LOG", its message "FASP
            # Session Stop ..."; blind round 133): put back before its words, as ascp wrote them
            message = f"{told} {message}"
        # (its time in ISO form, "T" between date and time, as syslog's readers know it: Papertrail's archive writes
        # "2024-09-12 08:14:03"; blind round 132)
        iso = stamp.replace(" ", "T", 1) if stamp[10:11] == " " and stamp[:4].isdigit() else stamp
        if iso[-6:-5] == " " and iso[-5:-4] in ("+", "-") and iso[-4:].isdigit():
            # (its zone after a space, Sumo Logic's "2025-04-02 22:00:02.101 +0200": joined to its time, as ISO
            # writes it, so that sshd's lines are read in syslog's form too; blind round 190)
            iso = iso[:-6] + iso[-5:]
        named = _cell(row, program, "") or _service_program(_cell(row, service, ""))
        if not named and program is None and pid is not None and message[:4] in _ASCP_HEADS and message[4:9] == "FASP ":
            # (no column names the program, its message ascp's own record, its level first, its process in a column:
            # an OpenSearch Discover export's "@timestamp", "host.name", "process.pid", "message"; blind round 188):
            # ascp's, its time kept. Not without the process, which tells one session's lines from another's.
            named = "ascp"
        told = _cell(row, error, "").strip()
        if told and told not in message and "Session Stop" in message:
            # (the record's own field; or in place of its errstr where that is only the code's name: "errcode=34
            # errstr="Unauthorized"", the error column "Management authorization refused: Server requires ...")
            field = 'errstr="' + told.replace('"', "'") + '"'
            found = _ERRSTR_FIELD.search(message)
            message = (
                f"{message[: found.start()]}{field}{message[found.end() :]}"
                if found is not None
                else f"{message.rstrip()} {field}"
            )
        message = _export_syslog(iso, message, named, _cell(row, host, "-"), _cell(row, pid, "0"))
        lines.append((_order_key(stamp), message))
    # (ISO times compare as text once "T" and " " agree; epoch times as numbers)
    if lines[0][0] > lines[-1][0]:
        # (listed newest first: the records of one second too, a run's "Completed:" above its progress line in a
        # Splunk export whose _time has whole seconds; blind round 185): their order turned before the stable sort
        lines.reverse()
    lines.sort(key=lambda line: line[0])
    return "".join(message + "\n" for message in _sessions_apart([m for _, m in lines])).encode("utf-8")


def exports_within(chunk: bytes) -> bytes | None:
    """A log search's CSV export pasted inside a mail, a ticket or a page (its header row, then its rows up to a blank
    line or a fence's end) read as ``log_export_as_lines`` reads a whole export, each record a log line in its form,
    the words around it as they stand (blind round 176: a Datadog export in a reply's body, its sshd drops and
    ascp's sessions read as no log). None where no such block is in it."""
    if len(chunk) > _WITHIN_MAX or b"," not in chunk:
        return None
    out: list[bytes] = []
    at = 0
    for header in _EXPORT_HEADER_ROW.finditer(chunk):
        if header.start() < at or _EXPORT_HEADER.search(header.group(0)) is None:
            continue
        end = len(chunk)
        for stop in (b"\n\n", b"\n\r\n", b"\n```", b"\n~~~"):
            found = chunk.find(stop, header.end())
            if found >= 0:
                end = min(end, found + 1)
        block = chunk[header.start() : end]
        if block.count(b"\n") < 2:
            continue  # (a header and one row at least, its own line each)
        lines = log_export_as_lines(block)
        if lines is None:
            continue
        out.extend((chunk[at : header.start()], lines))
        at = end
    if not out:
        return None
    out.append(chunk[at:])
    return b"".join(out)


_WITHIN_MAX = 256 << 10
"""The largest input an export is looked for inside (a mail's or a ticket's size; a whole log is no such page)."""
_EXPORT_HEADER_ROW = re.compile(
    rb'(?m)^[ \t]*"?[\w@.\[\] -]{1,40}"?(?:[,\t][ \t]*"?[\w@.\[\] -]{1,40}"?){2,15}[ \t]*\r?\n'
)
"""A CSV header row: three to sixteen column names."""


_TABLE_RULE = re.compile(r"[ \t]*-{3,}(?:(?:[ \t]+|[ \t]*\+[ \t]*)-{3,})+[ \t]*\r?$")
"""A text table's rule under its header: runs of dashes, one per column, apart by spaces or ``+`` (psql's)."""
_MARKDOWN_RULE = re.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|){2,}[ \t]*\r?$")
"""A Markdown table's rule under its header (``|-----|:---|``), two columns or more."""
_TABLE_NAME = re.compile(r"\s*([\w@.]+)")
_TABLE_COLUMN = {
    "time": re.compile(r"@?_?(?:\w+_)?(?:timestamp|time|date|datetime|timegenerated|eventtime|ts)|\w+_at|started"),
    "message": re.compile(r"@?_?(?:message|msg|raw|log|line|text|syslogmessage|rendereddescription|content)"),
    "program": re.compile(r"_?(?:processname|program|appname|app_name|application_name|syslog_identifier|ident)"),
    "host": re.compile(r"_?(?:computer|host|hostname|host_name|source_host|source_name)"),
    "pid": re.compile(r"_?(?:processid|pid|process_id|procid)"),
}
"""The columns a log search's text table is read by, by role, each its usual names (KQL's ``TimeGenerated``,
``Computer``, ``ProcessName``, ``ProcessID``, ``SyslogMessage``; Splunk's ``_time``, ``host``, ``_raw``; psql's)."""


def log_table_as_lines(chunk: bytes) -> bytes | None:
    """A log search's result printed as a text table (a header, a rule of dashes under each column, a row per record:
    Log Analytics' KQL, Splunk's or psql's table) with each row read as its record in syslog's form (``TIME HOST
    sshd[PID]: message``, so that a server's sshd and ascp records are read as such; blind round 113's KQL table of
    MaxStartups drops), rows in time order, the other lines kept where they are. None for another input (no rule
    under a header naming a time and a message column)."""
    if len(chunk) > _EXPORT_MAX:
        return None
    if b"---" not in chunk:
        return _unruled_table(chunk)
    lines = chunk.decode("utf-8", "replace").split("\n")
    for at in range(1, len(lines)):
        rule = lines[at]
        if rule[:1] == "|" and _MARKDOWN_RULE.match(rule) is not None:
            # (a Markdown table's rule, "|-----|-----|": a log search's result pasted in a ticket as one; blind round
            # 149's CloudWatch Logs Insights rows, "| @timestamp | @message |")
            return _read_table(lines, at, [], "|")
        if rule[:1] not in ("-", " ", "\t") or _TABLE_RULE.match(rule) is None:
            continue
        bounds = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
        if "+" in rule or "|" in lines[at - 1]:
            return _read_table(lines, at, bounds, "|")
        return _read_table(lines, at, bounds, "")
    return _unruled_table(chunk)


_UNRULED_HEADER = re.compile(
    rb"(?m)^[ \t]*@?_?(?:time|timestamp|TimeGenerated)[ \t]{2,}\S[^\n]*?[ \t]{2,}(?:message|_raw)[ \t]*\r?$"
)
"""A text table's header with no rule under it (Axiom's APL result: ``_time  host  pid  message``; Splunk's
``table _time host _raw``, blind round 136)."""


def _unruled_table(chunk: bytes) -> bytes | None:
    """``log_table_as_lines`` for a table whose header has no rule under it, its columns where the header's names
    start (blind round 129: an Axiom query's result, each row a server's syslog record)."""
    header = _UNRULED_HEADER.search(chunk)
    if header is None:
        return None
    lines = chunk.decode("utf-8", "replace").split("\n")
    at = chunk.count(b"\n", 0, header.start())
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", lines[at])]
    return _read_table([*lines[: at + 1], "", *lines[at + 1 :]], at + 1, bounds, "")


def _read_table(lines: list[str], at: int, bounds: list[tuple[int, int]], bar: str) -> bytes | None:
    """``log_table_as_lines`` for the table whose rule is line ``at``: its cells cut at the rule's columns (or at
    ``bar``s, psql's), the last column taking the rest of its line."""

    def cells(line: str) -> list[str]:
        if bar:
            return [cell.strip() for cell in line.strip().strip(bar).split(bar)]
        starts = [start for start, _ in bounds] + [len(line)]
        return [
            line[starts[n] : starts[n + 1] if n + 1 < len(bounds) else len(line)].strip() for n in range(len(bounds))
        ]

    header = [(_TABLE_NAME.match(name.lower()) or _TABLE_NAME.match("-")) for name in cells(lines[at - 1])]
    names = [found.group(1) if found is not None else "" for found in header]
    column = {
        role: next((n for n, name in enumerate(names) if pattern.fullmatch(name)), None)
        for role, pattern in _TABLE_COLUMN.items()
    }
    when, said = column["time"], column["message"]
    if when is None or said is None:
        return None
    rows: list[tuple[str, str]] = []
    end = at + 1
    while end < len(lines) and lines[end].strip() and not lines[end].lstrip().startswith("("):
        row = cells(lines[end].rstrip("\r"))
        if len(row) != len(names) or _export_time(row[when]) is None:
            break
        stamp = _export_time(row[when]) or ""

        named = {role: row[n] if n is not None else "" for role, n in column.items()}
        message = _export_syslog(stamp.replace(" ", "T", 1), row[said], named["program"], named["host"], named["pid"])
        rows.append((_order_key(stamp), message))
        end += 1
    if len(rows) < 2:
        return None
    rows.sort(key=lambda row: row[0])
    out = lines[: at - 1] + [message for _, message in rows] + lines[end:]
    return "\n".join(out).encode("utf-8")


def _cell(row: list[str], at: int | None, missing: str) -> str:
    """A CSV row's cell in a column that may be absent (``at`` None) or past the row's end."""
    return row[at] if at is not None and at < len(row) else missing


def _export_column(
    header: list[str], names: list[str], usual: re.Pattern[str] | tuple[str, ...], role: str
) -> int | None:
    """Where a log export's column of this role is: by the export's usual names (``usual``), else by a log search's
    (``_TABLE_COLUMN``: KQL's ``ProcessName``, ``SyslogMessage``)."""
    if isinstance(usual, tuple):
        found = next((names.index(key) for key in usual if key in names), None)
    else:
        found = next((at for at, name in enumerate(header) if usual.fullmatch(name)), None)
    if found is not None:
        return found
    return next((at for at, name in enumerate(names) if _TABLE_COLUMN[role].fullmatch(name)), None)


def session_table_as_records(chunk: bytes) -> bytes | None:
    """A table of a server's sessions exported as CSV (a node API's or a database's: a row per session with its
    uuid, start, status and FASP error code, often newest first; blind round 112) as ascp's Session Start and Stop
    records in syslog's form, oldest first, so that each row is read as the session it is. None for another input
    (no uuid, start, status and error code columns, or a row that is not a session's)."""
    # (after the export's own comment lines: "# Aspera Console - Activity export - node: ..."; blind round 130)
    whole = chunk.lstrip(b"\xef\xbb\xbf").lstrip()
    body = _COMMENT_LINES.sub(b"", whole, count=1)
    first = body[:400].split(b"\n", 1)[0].lower()
    if b"status" not in first and len(body) < len(whole):
        # (its header kept as the comments' last line: "# started,finished,session_uuid,...,status,errcode,errstr";
        # blind round 165's report of a backup job's sessions)
        comments = whole[: len(whole) - len(body)].rstrip(b"\r\n").split(b"\n")
        header = comments[-1].lstrip(b"#").strip()
        if b"," in header and b"uuid" in header.lower():
            body = header + b"\n" + body
            first = header.lower()
    if len(chunk) > _EXPORT_MAX or b"," not in first or b"status" not in first or b"err" not in first:
        return None
    try:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8", "replace"))))
    except csv.Error:
        return None
    # (a column's name in words or with its zone: "Session ID", "started_at_utc")
    named = {_SESSION_ZONE.sub("", name.strip().lower().replace(" ", "_")): at for at, name in enumerate(rows[0])}
    column = {
        role: next((named[name] for name in names if name in named), None) for role, names in _SESSION_COLUMNS.items()
    }
    # (the error's code, or its words alone: a console's export names no code; blind round 130)
    if any(column[role] is None for role in ("uuid", "start", "status")) or (
        column["code"] is None and column["errstr"] is None
    ):
        return None
    # (not the export's comment lines after its rows: "# notes (M. Adeyemi): ..."; blind round 131)
    records = [row for row in rows[1:] if any(field.strip() for field in row) and not row[0].lstrip().startswith("#")]
    out = []
    for number, row in enumerate(records, start=1):

        def cell(role: str, row: list[str] = row) -> str:
            at = column[role]
            return row[at].strip() if at is not None and at < len(row) else ""

        start, end = _export_time(cell("start")), _export_time(cell("end") or cell("start"))
        status = cell("status").lower()
        if (
            len(row) != len(rows[0])
            or start is None
            or end is None
            or _SESSION_UUID.fullmatch(cell("uuid")) is None
            or status not in _SESSION_STATES
            or not (
                cell("code").isdigit()
                or (column["code"] is None and column["errstr"] is not None)
                # (a session that worked, its code's cell empty: Splunk's stats table of sessions; blind round 221)
                or (not cell("code") and status in _SESSION_DONE)
            )
        ):
            return None
        start, end = start.replace(" ", "T"), end.replace(" ", "T")
        head = f"uuid={cell('uuid')} op={cell('op') or '-'}"
        peer = f" peer={cell('peer')}:0" if cell("peer") else ""
        user = f' user="{cell("user")}"' if cell("user") else ""
        told = "success" if status in _SESSION_DONE else "failed"
        errstr = cell("errstr").replace('"', "'")
        code = f" errcode={cell('code')}" if cell("code") else ""
        stop = f"status={told}{code}" + (f' errstr="{errstr}"' if told == "failed" else "")
        out.append(
            (start, f"{start} sessions ascp[{number}]: LOG FASP Session Start {head} status=started{peer}{user}")
        )
        out.append((end, f"{end} sessions ascp[{number}]: LOG FASP Session Stop {head} {stop}{peer}"))
    if not out:
        return None
    out.sort(key=lambda line: line[0])
    return "".join(line + "\n" for _, line in out).encode("utf-8")


_SESSION_DONE = ("success", "completed", "complete", "ok")
"""A session table's words for a session that worked (any other state is its failure)."""
_SESSION_COLUMNS = {
    "uuid": ("session_id", "uuid", "session_uuid", "sessionid", "session"),
    # (or the one time a dashboard's table shows, "Time": Grafana's table export; blind round 144)
    "start": ("started_at", "start_time", "started", "start", "start_at", "time", "timestamp", "_time"),
    "end": ("ended_at", "end_time", "ended", "end", "stopped_at"),
    "status": ("status", "state"),
    "code": ("errcode", "error_code", "err_code"),
    "errstr": ("errstr", "error", "error_message", "errmsg", "error_desc", "error_description"),
    "op": ("direction", "op"),
    "peer": ("peer_ip", "peer", "remote_ip", "client_ip", "remote_host", "client_address", "contact"),
    "user": ("remote_user", "user", "username"),
}
"""The columns of a session table export, by role: each role's usual names."""
_SESSION_ZONE = re.compile(r"_(?:utc|gmt|local)$")
_COMMENT_LINES = re.compile(rb"\A(?:[ \t]*#[^\n]*\n)+")
_SESSION_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,28}")
_SESSION_STATES = frozenset(("success", "completed", "complete", "ok", "failed", "error", "cancelled", "canceled"))


_KIBANA_STAMP = re.compile(r"\s*([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) @ (\d\d:\d\d:\d\d(?:\.\d+)?)\s*$")
"""Kibana's (OpenSearch Dashboards') time in a Discover export (``Sep 3, 2024 @ 09:40:58.114``)."""


_ASCP_LEVELS = frozenset(("LOG", "ERR", "DBG", "WRN"))
"""The levels ascp's log lines begin with."""
_ASCP_HEADS = frozenset(("LOG ", "ERR ", "DBG ", "WRN "))
"""The same levels as a message's first four characters."""


def _export_time(value: str) -> str | None:
    """A log export's time as it is (ISO, epoch) or in ISO form (Kibana's, the Azure portal's), or None when it is
    no time."""
    kibana = _KIBANA_STAMP.match(value)
    if kibana is not None and kibana.group(1).encode() in _MONTH_INDEX:
        month, day = _MONTH_INDEX[kibana.group(1).encode()] + 1, int(kibana.group(2))
        return f"{kibana.group(3)}-{month:02d}-{day:02d}T{kibana.group(4)}"
    portal = _US_STAMP.match(value)
    if portal is not None:
        us_month, us_day, year, hour, rest, half, zone = portal.groups()
        hour24 = int(hour) % 12 + (12 if half.upper() == "PM" else 0) if half else int(hour)
        if int(us_month) > 12:
            us_month, us_day = us_day, us_month  # (a day first: the only reading of "13/03/2026")
        offset = f"{zone[:3]}:{zone[-2:]}" if zone else ""
        return f"{year}-{int(us_month):02d}-{int(us_day):02d}T{hour24:02d}:{rest}{offset}"
    return value.strip() if _EXPORT_STAMP.match(value) else None


_US_STAMP = re.compile(
    r"\s*(\d{1,2})/(\d{1,2})/(\d{4}),? (\d{1,2}):(\d\d:\d\d(?:\.\d+)?)(?: ([AaPp][Mm]))?(?: ?([+-]\d\d:?\d\d))?\s*$"
)
"""The Azure portal's time in a Log Analytics export (``3/11/2025, 9:02:14.000 AM``, month first), or Sumo Logic's
(``12/03/2026 09:52:40.003 +0100``, month first, 24 hours and the zone; blind round 120)."""


def _export_syslog(stamp: str, message: str, program: str, host: str, pid: str) -> str:
    """A log export's record in syslog's form where it names its program (``TIME HOST ascp[PID]: message``, so that
    ascp's records are read as a server's) or its message starts with its program's tag (``sshd[14390]: Accepted
    ...``; a firewall's logged packet, the kernel's), else its message alone. An epoch time is written in ISO form
    (UTC), the form syslog's readers know (blind round 113: a New Relic export's epoch milliseconds)."""
    host = host.replace(" ", "_") or "-"
    if program.endswith(".service"):
        program = program[: -len(".service")]  # (a systemd unit's name: its program's tag, "sshd")
    if host != "-" and message.startswith(f"{host} ") and _TAGGED_MESSAGE.match(message, len(host) + 1) is not None:
        # (its message holds its host and its tag, a syslog line without its time: "fasp-gw-2 ascp[77120]: LOG FASP
        # ..." beside the record's "host" label; blind round 168's logcli records)
        return f"{_epoch_as_iso(stamp)} {message}"
    if message[:3] in _MONTH_HEADS and _WHOLE_SYSLOG.match(message) is not None:
        # (its raw text a whole syslog line already: LogScale's "@rawstring" beside its own "app" and "host"
        # columns, "Jan 27 08:02:19 fasp-ena-mirror sshd[71022]: ..."; blind round 141)
        return message
    if not program or " " in program:
        if _FIREWALL_LINE.match(message) is not None:
            tag = "" if message.startswith("kernel: ") else "kernel: "
            return f"{_epoch_as_iso(stamp)} {host} {tag}{message}"
        if _TAGGED_MESSAGE.match(message) is not None:
            # (its host unnamed, "-" stands for it: a CloudWatch export's "ascp[8102]: LOG FASP Session Stop ...",
            # its time kept with it, in ISO form; blind round 179)
            iso = _epoch_as_iso(stamp)
            if iso[10:11] == " " and iso[:4].isdigit():
                iso = iso.replace(" ", "T", 1)
            return f"{iso} {host} {message}"
        return message
    if message.startswith(f"{program}[") and _TAGGED_MESSAGE.match(message) is not None:
        # (its message holds its own tag already: Graylog's "ascp[40211]: LOG FASP ..."; blind round 112's export)
        return f"{_epoch_as_iso(stamp)} {host} {message}"
    if program.endswith("]") and _PROGRAM_WITH_PID.fullmatch(program) is not None:
        # (its program column holds its pid already: "ascp[30211]"; blind round 162's export)
        return f"{_epoch_as_iso(stamp)} {host} {program}: {message}"
    return f"{_epoch_as_iso(stamp)} {host} {program}[{pid if pid.isdigit() else 0}]: {message}"


_PROGRAM_WITH_PID = re.compile(r"[A-Za-z][\w./-]{0,40}\[\d+\]")
"""A program's name and its process id in an export's column (``ascp[30211]``)."""
_MONTH_HEADS = frozenset(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))
_WHOLE_SYSLOG = re.compile(r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ [A-Za-z][\w./-]{0,40}\[\d+\]: ")
"""A record in syslog's own form, its time, host and program's tag (``Jan 27 08:02:19 host sshd[71022]: ``)."""
_TAGGED_MESSAGE = re.compile(r"[A-Za-z][\w./-]{0,40}\[\d+\]: ")
"""A message that starts with its program's syslog tag (``sshd[14390]: ``)."""
_FIREWALL_LINE = re.compile(r"[^\n]{0,80}\bIN=\S* OUT=[^\n]*\bSRC=\S+ DST=\S+ [^\n]*\bPROTO=")
"""A netfilter LOG line (``nft-drop-tcp: IN=ens5 OUT= ... SRC=... DST=... PROTO=TCP ...``), the kernel's."""
_EPOCH = re.compile(r"\s*(\d{10})(\d{3}(?:\d{3}(?:\d{3})?)?)?(?:\.(\d+))?\s*$")
"""An epoch time: seconds, then milliseconds, microseconds or nanoseconds run on (OpenObserve's "_timestamp" in
microseconds; blind round 205), or a fraction."""


def _order_key(stamp: str) -> str:
    """An export's time as a key its records sort by: ISO times as text once "T" and " " agree, epoch times (seconds
    or milliseconds, a fraction of any length) as fixed-width text (a GELF export's float "1745395598.34" beside
    "1745395201.114", blind round 188: by width alone the former had come first)."""
    epoch = _EPOCH.match(stamp)
    if epoch is None:
        return stamp.replace("T", " ").rjust(30)
    seconds, millis, fraction = epoch.groups()
    return f"{seconds}.{(millis or fraction or '').ljust(9, '0')[:9]}".rjust(30)


def _epoch_as_iso(stamp: str) -> str:
    """An export's time in ISO form: an epoch time (seconds or milliseconds) as UTC, another as it is."""
    epoch = _EPOCH.match(stamp)
    if epoch is None:
        return stamp
    seconds, millis, fraction = epoch.groups()
    return f"{_utc(int(seconds))}.{millis or (fraction or '0')[:6]}Z"


_EXPORT_PROGRAM = (
    "application_name",
    "program",
    "appname",
    "app_name",
    "syslog_identifier",
    "process",
    "ident",
    "process.name",
    "syslog.appname",  # (an OpenTelemetry syslog receiver's attribute, before the service it names; blind round 133)
    "service.name",  # (OpenTelemetry's resource attribute, the program a syslog receiver read: SigNoz's export)
    "app",  # (a log stream's label: VictoriaLogs', Loki's)
    "kubernetes.container_name",  # (a pod's container, as Fluent Bit and LogScale name it; blind round 132)
    "application",  # (Serilog's property, as Seq's syslog input sets it; blind round 133)
    "unit",  # (a systemd unit, "sshd.service": OpenObserve's journald records; blind round 205)
)
_SERVICE_PROGRAMS = frozenset(("sshd", "ssh"))
"""A log service's ``service`` field that names the program itself (Datadog's "service": "sshd" where no syslog
appname is given; blind round 168): read as its program. Other services name a team's application, not ascp's tag
(nor "ascp" itself: with no pid column, its lines that name no session, an ERR line, could not be told apart by
process from the sessions' records; blind round 147's NFS read error)."""


def _service_program(service: str) -> str:
    """The program a log export's ``service`` field names (``_SERVICE_PROGRAMS``: sshd), else none ("")."""
    return "sshd" if service in _SERVICE_PROGRAMS else ""


_EXPORT_HOST = (
    # (a "host" column before "source", which some services name the log's stream: Better Stack's "hsts-syslog",
    # "kern"; Graylog's "source" is its host where it has no other; blind round 141)
    "host",
    "source",
    "hostname",
    "host_name",
    "host.name",
    "host.hostname",
    "_sourcehost",
    "kubernetes.pod_name",  # (each pod a host of its own: a job's run in its pod)
)
_EXPORT_PID = ("pid", "process_id", "procid", "_pid", "process.pid", "syslog.procid")


def json_export_as_lines(chunk: bytes) -> bytes | None:
    """A log search's export as one JSON document (Graylog's ``{"messages": [{"timestamp": ..., "source": ...,
    "application_name": "ascp", "message": "LOG FASP Session Start ..."}]}``, or a list of such records; blind round
    108) as its records' lines, oldest first, in syslog's form where a record names its program (``TIME HOST
    ascp[PID]: message``, so that ascp's records are read as a server's), else its message alone. None for another
    input (no list of records each with a time and a message)."""
    head = chunk.lstrip()[:1]
    if head not in (b"{", b"[") or len(chunk) > _EXPORT_MAX or not any(key in chunk for key in _EXPORT_MESSAGE_KEYS):
        return None
    try:
        document = json.loads(chunk)
    except ValueError:
        document = _json_lines(chunk)
        if document is None:
            return None
    lists = [document] if isinstance(document, list) else [v for v in document.values() if isinstance(v, list)]
    if isinstance(document, dict):
        # an event's trail of records under "values" (Sentry's event JSON: "breadcrumbs": {"values": [{"timestamp",
        # "category", "message"}, ...]}, a wrapper's subprocess calls and their output; blind round 132)
        lists += [v["values"] for v in document.values() if isinstance(v, dict) and isinstance(v.get("values"), list)]
    if isinstance(document, dict) and isinstance(results := document.get("results"), list):
        # New Relic's NRQL response: its query's records under "results": [{"events": [...]}] (blind round 182)
        lists += [r["events"] for r in results if isinstance(r, dict) and isinstance(r.get("events"), list)]
    hits = document.get("hits") if isinstance(document, dict) else None
    if isinstance(hits, dict) and isinstance(hits.get("hits"), list):
        # Elasticsearch's (OpenSearch's) search response, each hit's record under "_source" with ECS's nested fields
        # ("host": {"name"}, "process": {"name", "pid"}; blind round 153's Filebeat hits): their dotted names
        sources = [hit["_source"] for hit in hits["hits"] if isinstance(hit, dict) and "_source" in hit]
        lists.append(
            [
                {key: value for key, value in _flat(source).items() if not isinstance(value, list)}
                if isinstance(source, dict)
                else source
                for source in sources
            ]
        )
    lists = [[_log_entry_flat(_field_pairs(record)) for record in records] for records in lists]
    for records in lists:
        if len(records) < 2 or not all(
            # (flat records only: a workflow's events nest ascp's output in their errors and metadata)
            isinstance(record, dict) and not any(isinstance(v, (dict, list)) for v in record.values())
            for record in records
        ):
            continue
        rows = []
        tagged = False  # whether a record named its task run (``_TASK_KEYS``)
        for record in records:
            keys = {str(key).lower(): key for key in record}
            when = next((keys[k] for k in keys if _EXPORT_TIME.fullmatch(k)), None)
            if when is None and "ts" in keys and "line" in keys:
                when = keys["ts"]  # (Loki's API record, "ts" beside its "labels" and "line"; blind round 188)
            said = next((keys[k] for k in keys if _EXPORT_MESSAGE.fullmatch(k)), None)
            if when is None or said is None or not _EXPORT_STAMP.match(str(record[when])):
                break
            message = _text(record[said]).rstrip("\r\n")
            level = next((record[keys[k]] for k in ("level", "severity") if k in keys), None)
            if level in _ASCP_LEVELS and not message.startswith(level + " ") and message.startswith("FASP "):
                # (ascp's own level kept in a field of its own, "level": "LOG", "message": "FASP Session Stop ...":
                # its record as ascp wrote it; blind round 198's Kibana export)
                message = f"{level} {message}"
            stamp = str(record[when]).strip()
            # (GELF's additional fields start with "_": "_application_name", "_pid")
            program = next((_text(record[keys[k]]) for k in _EXPORT_PROGRAM for k in (k, "_" + k) if k in keys), "")
            if not program and "service" in keys:
                program = _service_program(str(record[keys["service"]]))
            host = next((_text(record[keys[k]]) for k in _EXPORT_HOST for k in (k, "_" + k) if k in keys), "-")
            # (a number too: Kibana's NDJSON "pid": 30417; blind round 198, its sessions had read as one process's)
            pid = next((_scalar(record[keys[k]]) for k in _EXPORT_PID if k in keys), "0")
            task = next((record[keys[k]] for k in _TASK_KEYS if k in keys and isinstance(record[keys[k]], str)), "")
            if not program and _TASK_NAME.fullmatch(task) is not None:
                # (a mapped task's run named on each record, Prefect's "task_run_name": "upload_batch-1": its tag
                # before the message, so that runs started together are told apart; blind round 207)
                message, tagged = f"[{task}] {message}", True
            rows.append((_order_key(stamp), _export_syslog(stamp, message, program, host, pid)))
            at = rows[-1][0]
            lowered = {low: record[key] for low, key in keys.items()}  # (the record's fields by lower-case name)
            rows.extend((at, line) for line in _record_output(lowered.get))
            error = next((keys[k] for k in _EXPORT_ERRORS if k in keys and isinstance(record[keys[k]], str)), None)
            if error is not None and record[error].strip() and record[error].strip() != message.strip():
                # the error object a failed event carries, its message as the record's next line (a Node
                # service's pino log: "msg": "transfer event", "error": {"message": "Cannot resolve target
                # host."}; blind round 123)
                told = record[error].strip().split("\n", 1)[0]
                rows.append((_order_key(stamp), _export_syslog(stamp, told, program, host, pid)))
        else:
            if rows[0][0] > rows[-1][0]:
                rows.reverse()  # newest first: records of the same second in the order they were made
            rows.sort(key=lambda row: row[0])
            lines = "".join(message + "\n" for message in _sessions_apart([m for _, m in rows])).encode("utf-8")
            return (tagged_runs_apart(lines) or lines) if tagged else lines
    return None


def _field_pairs(record: Any) -> Any:
    """A result row given as its fields' list (CloudWatch Logs Insights' ``get-query-results``: ``[{"field":
    "@timestamp", "value": "..."}, {"field": "@message", "value": "..."}]``; blind round 150) as one record of
    those fields; another record as it is."""
    if (
        isinstance(record, list)
        and record
        and all(isinstance(pair, dict) and set(pair) == {"field", "value"} for pair in record)
    ):
        return {str(pair["field"]): pair["value"] for pair in record}
    return record


_FAILED_START = re.compile(r"FASP Session Start .*\bstatus=failed\b")
"""A session's start record that tells it failed (it logs no stop)."""
_NO_PID_ASCP = re.compile(r"(\S+(?: \d\d:\d\d:\d\d\S*)? \S+ ascp)\[0\]: ")
"""An exported ascp record in syslog's form whose record named no process (``ascp[0]``)."""


def _sessions_apart(lines: list[str]) -> list[str]:
    """An export's ascp records that name no process, each session given one of its own (a number past the last
    Session Stop): ascp's ERR line before a session's stop is that session's, not the session that stopped minutes
    before it (blind round 130: VictoriaLogs' records, two uploads' content-protection refusals read as one)."""
    if not any("ascp[0]: " in line for line in lines):
        return lines
    session = 1
    out = []
    for line in lines:
        tagged = _NO_PID_ASCP.match(line)
        if tagged is None:
            out.append(line)
            continue
        said = line[tagged.end() :]
        out.append(f"{tagged.group(1)}[{session}]: {said}")
        if "FASP Session Stop " in said or said.startswith("Session Stop  (") or _FAILED_START.search(said) is not None:
            # (its end: a logged stop, ascp's console summary under a unit's name, or a start that failed; blind
            # round 198's Kibana export of a unit's two pushes)
            session += 1
    return out


def _log_entry_flat(record: Any) -> Any:
    """Google Cloud Logging's LogEntry (``{"jsonPayload": {"message", "ident", "pid", "hostname"}, "timestamp": ...,
    "resource": {...}}``, or its ``"textPayload"``) as a flat record: its payload's fields and its time (blind round
    123: an HSTS VM's syslog exported from Logs Explorer); another record as it is."""
    if isinstance(record, dict) and isinstance(record.get("_stream"), str) and "_msg" in record:
        # VictoriaLogs' record: its stream's labels in one string ('{host="vault-hsts",app="ascp"}'; blind round 130)
        labels = dict(_STREAM_LABEL.findall(record["_stream"]))
        return {**{k: v for k, v in labels.items() if k not in record}, **record}
    if isinstance(record, dict) and isinstance(record.get("labels"), dict) and isinstance(record.get("line"), str):
        # logcli's JSON record ({"labels": {"host", "job", "unit"}, "timestamp", "line"}; blind round 168): its labels
        # as its fields, beside its time and its line
        labels = {key: value for key, value in record["labels"].items() if not isinstance(value, (dict, list))}
        return {**labels, **{key: value for key, value in record.items() if key != "labels"}}
    if isinstance(record, dict) and isinstance(record.get("message"), dict) and "timestamp" in record["message"]:
        # Graylog's search API ({"messages": [{"message": {"timestamp", "source", "application_name", "message"},
        # "index": ...}]}; blind round 137): the record inside, its lists of stream ids left out
        return {key: value for key, value in record["message"].items() if not isinstance(value, (dict, list))}
    inner = (record.get("attributes") or record.get("content")) if isinstance(record, dict) else None
    if isinstance(inner, dict) and "timestamp" in inner and "message" in inner:
        # Datadog's Logs API record ({"type": "log", "attributes": {"timestamp", "host", "service", "message",
        # "attributes": {"syslog": {"appname", "procid"}}}}; blind round 131; its list API's "content" in place of
        # the outer "attributes", blind round 137): its fields, its program syslog's
        flat = {key: value for key, value in inner.items() if not isinstance(value, (dict, list))}
        nested = inner.get("attributes")
        syslog = nested.get("syslog") if isinstance(nested, dict) else None
        # (not where the message is the whole syslog line already, its own tag in it: round 125's export)
        if isinstance(syslog, dict) and f"{syslog.get('appname')}[" not in str(inner["message"])[:200]:
            flat.update({key: syslog[key] for key in ("appname", "procid") if isinstance(syslog.get(key), str)})
        return flat
    content = record.get("content") if isinstance(record, dict) and "date" in record else None
    if isinstance(content, dict) and "message" in content:
        # Datadog's Log Explorer export (``{"date", "host", "service", "status", "content": {"message"}}``; blind
        # round 159): the record's own fields, and its content's beside them
        flat = {key: value for key, value in record.items() if not isinstance(value, (dict, list))}
        for key, value in content.items():
            if not isinstance(value, (dict, list)):
                flat.setdefault(key, value)
        return flat
    if not isinstance(record, dict) or "timestamp" not in record:
        return record
    if isinstance(record.get("body"), dict) or isinstance(record.get("event"), dict):
        # a search API's hit whose message and program sit one or two objects down (Quickwit's OTel record, "body":
        # {"message": ...}, its "app_name" beside; Loggly's event, "raw" beside "event": {"syslog": {"appName",
        # "procId", "host"}}; blind round 133): their leaves as its fields, lists of words left out
        flat = {key: value for key, value in record.items() if not isinstance(value, (dict, list))}
        for key in ("body", "event"):
            for name, value in _leaves(record.get(key)):
                flat.setdefault(name, value)
        return flat
    payload = record.get("jsonPayload")
    if isinstance(payload, dict):
        flat = {key: value for key, value in payload.items() if not isinstance(value, (dict, list))}
    elif isinstance(record.get("textPayload"), str):
        flat = {"message": record["textPayload"]}
    else:
        return record
    flat["timestamp"] = record["timestamp"]
    return flat


def _leaves(node: Any, depth: int = 2) -> Iterator[tuple[str, Any]]:
    """An object's text and number fields, and those of the objects in it (to ``depth``), by their own names."""
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if isinstance(value, dict):
            if depth > 1:
                yield from _leaves(value, depth - 1)
        elif not isinstance(value, list):
            yield str(key), value


_STREAM_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
"""One label of a log stream's label set (``app="ascp"``)."""
_EXPORT_MESSAGE_KEYS = (
    b'"message',
    b'"msg"',
    b'_message"',
    b'"MESSAGE"',
    b'"Message"',
    b'"_msg"',
    b'"raw"',
    b'"@message"',
    b'"line"',  # (logcli's JSON record: "labels", "timestamp", "line"; blind round 168)
    b'"_line"',  # (Mezmo's export: "_ts", "_host", "_app", "_line"; blind round 197)
    b'"log"',  # (Fluent Bit's record: "@timestamp", "host", "log", "tag"; blind round 179's OpenSearch hits)
    b'"text"',  # (Coralogix's record: "timestamp", "applicationName", "subsystemName", "text"; blind round 188)
)
"""(syslog-ng's JSON template names its fields in capitals: ``"DATE"``, ``"HOST"``, ``"PROGRAM"``, ``"MESSAGE"``;
blind round 121)"""


def _json_lines(chunk: bytes) -> list[dict[str, Any]] | None:
    """A log export's JSON lines (NDJSON: Graylog's GELF, Kibana's and Loki's exports, one object per line) as its
    records, nested objects flattened to dotted keys (``kubernetes.pod.name``); None when a line is not an object."""
    records = []
    for line in chunk.split(b"\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            return None
        if not isinstance(record, dict):
            return None
        if isinstance(record.get("_source"), dict):
            # a search hit per line (elasticdump's, an OpenSearch export's: "_index", "_id", then its record under
            # "_source"; blind round 179): the record
            record = record["_source"]
        records.append(_flat(record))
    return records


def _flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A JSON object with its nested objects' keys brought up as dotted keys (``{"pod": {"name": x}}`` as
    ``{"pod.name": x}``)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


PASTE_MAX = 1 << 20
"""The largest first chunk the paste readers below look at (a paste, not a server's log)."""
_RECORDS_MIN = 3
_SERVICE_TAG = re.compile(
    rb"[\w.-]{1,60}[ \t]+\|[ \t]*(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?[ \t]+)?(?=\{)"
)
"""docker compose's tag of the service a line came from (``transferd-1  | ``), before a JSON line; with
``--timestamps`` (nerdctl's ``transferd |2025-10-07T11:03:42.101934Z {...}``; blind round 124) its time too."""
"""Lines of a structured logger's form that make a paste its log."""
_JSON_MESSAGE_KEYS = ("full_log", "msg", "message", "log", "text", "@message", "m", "ascp_message")
"""(Wazuh's alerts and archives keep the line its agent read whole in ``full_log``, syslog's form included: read
first, so that a server's sshd and ascp lines keep their program and process; blind round 120. ``m`` last: a journal
cut down by jq to ``{t, pid, m}``; blind round 158. ``ascp_message``: a watch-folder service's record of a session's
end, ascp's last words in it; blind round 200)"""
_JSON_ARGV_KEYS = ("argv", "args", "cmd", "command")
_JSON_ERROR_KEYS = ("description", "errstr", "error_description")
_JSON_EXIT_KEYS = ("exit", "exit_code", "exitcode", "returncode", "rc", "status_code", "ascp_exit")
_ASCP_PROGRAM = re.compile(r"(?:^|[/\\])(?:ascp4?|ascli)(?:\.exe)?$")
_JSON_READ_ELSEWHERE = (b'"__REALTIME_TIMESTAMP"', b'"SYSLOG_IDENTIFIER"', b'"_raw"', b'"_source"')
"""Keys of JSON records read by their own readers (the journal's, a log search's); a transfer's status has its
keys (``status.STATUS_KEYS`` beside ``"status"``), not a logger's ``"status": "FAILED"`` field alone."""
_JSON_STREAM_KEYS = ("stdout", "stderr", "stdout_tail", "stderr_tail", "ascp_log_tail", "log_tail")
"""Keys of a logger's record holding a program's output (a wrapper logging what its ascp printed)."""
_OUTPUT_NAMED = re.compile(r"\b(?:stdout|stderr|output)\b", re.I)
"""A logger's message naming a program's stream ("ascp stdout"): the record's ``line`` field is what it wrote."""
_JSON_NESTED_ERRORS = ("error", "err")
"""Keys of an error object a logger's record carries (pino's ``"err": {"type", "message", "stack"}``, a Transfer SDK
event's ``"error": {"code": 0, "message": "Cannot resolve target host."}``)."""


_EXPORT_ERRORS = (
    *(f"{key}.message" for key in _JSON_NESTED_ERRORS),
    # (a Transfer SDK client's event: "error_description": "failed to authenticate", "error": {"code": 56,
    # "description": "..."}, or its own "err" string; blind round 143)
    *(f"{key}.description" for key in _JSON_NESTED_ERRORS),
    "error_description",
    *_JSON_NESTED_ERRORS,
)
"""A record's error words: its nested error's message or description (flattened by ``_json_lines``:
``error.message``), or a field of its own."""


def _record_output(field: Callable[[str], Any]) -> list[str]:
    """The lines a logger's record carries of the ascp it ran, given how to read one of its fields: the command as
    one string (``"cmd": "/usr/local/bin/ascp ..."``, as a traced ``+ `` line) and what ascp wrote (``"stderr":
    "ascp: failed to authenticate, exiting.\\n"``, ``"stdout_tail": "Completed: ..."``; blind round 124's consumer).
    Shared by ``json_lines_as_messages`` and ``json_export_as_lines``."""
    lines = []
    command = next((value for key in _JSON_ARGV_KEYS if isinstance(value := field(key), str)), "")
    if command and _ASCP_PROGRAM.search(command.split(maxsplit=1)[0]):
        lines.append("+ " + command)
    for key in _JSON_STREAM_KEYS:
        if isinstance(stream := field(key), str) and stream.strip():
            lines.extend(stream.strip("\r\n").split("\n"))
        elif isinstance(stream, list):
            # (a stream's lines as a list: "stdout_tail": ["Session Stop  (Error: ...)"] beside the record's "msg":
            # "ascp failed"; blind round 207's Loki export)
            lines.extend(str(part).rstrip("\r\n") for part in stream)
    return lines


_ANSIBLE_JSON_RESULT = re.compile(
    rb"(?m)^(?P<head>[ \t]*(?:fatal|failed|changed|ok): \[[^\]\n]{1,200}\](?:(?: =>)? \(item=[^\n]{0,400}?\))?"
    rb"(?:: FAILED!)?) => (?P<json>\{[^\n]*\})[ \t]*\r?$"
)
"""An Ansible task's result in the default callback's form: its host's verdict, then the result as one JSON line."""
_ANSIBLE_SCALARS = ("cmd", "msg", "rc")
_VERSION_CHECK = re.compile(r"\s*(?:\S*[/\\])?ascp4?(?:\.exe)?\s+(?:-A|--version|-h|--help)\s*")
"""A command that only asks ascp for its version or its help."""
_ANSIBLE_STREAMS = (("stdout", "stdout_lines"), ("stderr", "stderr_lines"))
"""A result's streams: their text's key and their lines' key."""


def ansible_results_as_yaml(chunk: bytes) -> bytes | None:
    """Ansible's task results printed as one JSON line each (``fatal: [host]: FAILED! => {"cmd": ..., "rc": 1,
    "stderr": "...", ...}``) in the form its YAML callback prints them: the command, its exit status and its
    streams' lines under ``stderr: |-`` and ``stdout: |-``, read then as that command's run (blind rounds 146 and
    148: a line of several hundred characters, its streams past what a line is read for). None where no result
    holds a command's streams."""
    if b"=> {" not in chunk or len(chunk) > PASTE_MAX:
        return None
    out: list[bytes] = []
    at = found = 0
    for result in _ANSIBLE_JSON_RESULT.finditer(chunk):
        try:
            record = json.loads(result.group("json"))
        except ValueError:
            continue
        if not isinstance(record, dict) or not any(k in record for pair in _ANSIBLE_STREAMS for k in pair):
            continue
        command = record.get("cmd")
        command = " ".join(str(part) for part in command) if isinstance(command, list) else str(command or "")
        if _VERSION_CHECK.fullmatch(command) is not None:
            continue  # (a check that ascp is there, "ascp -A": its result is no transfer's; blind round 121)
        found += 1
        out.append(chunk[at : result.start()])
        lines = [result.group("head") + b" => changed=" + (b"true" if record.get("changed") else b"false")]
        told_last: list[bytes] = []
        for key in _ANSIBLE_SCALARS:
            value = record.get(key)
            if isinstance(value, list):
                value = " ".join(str(part) for part in value)
            if value is not None and value != "":
                # (Ansible's own message on the task's end after the command's streams, where it came: "async task
                # did not complete within the requested time - 900s" stopped an ascp waiting at "Key passphrase: ";
                # blind round 200, read as two runs)
                (told_last if key == "msg" else lines).append(f"  {key}: {value}".encode("utf-8", "replace"))
        streams = {}
        for text_key, lines_key in _ANSIBLE_STREAMS:
            told = record.get(lines_key)
            streams[text_key] = (
                [str(part) for part in told] if isinstance(told, list) else str(record.get(text_key) or "").split("\n")
            )
        before, stderr, after = _as_a_terminal_shows(streams["stdout"], streams["stderr"])
        ordered = (("stdout", before), ("stderr", stderr), ("stdout", after))
        for key, parts in ordered:
            if any(part.strip() for part in parts):
                lines.append(f"  {key}: |-".encode())
                lines.extend(f"    {part}".encode("utf-8", "replace") for part in parts)
        out.append(b"\n".join(lines + told_last))
        at = result.end()
    if not found:
        return None
    out.append(chunk[at:])
    return b"".join(out)


def ansible_json_as_yaml(chunk: bytes) -> bytes | None:
    """A playbook's results as Ansible's json callback prints them (one document: ``{"plays": [{"tasks": [{"task":
    {"name": ...}, "hosts": {"<host>": {<result>}}}]}], "stats": ...}``, a loop's items under its ``results``) in the
    form its YAML callback prints them (``ansible_results_as_yaml``): each task's banner, then each host's or item's
    command, exit status and streams, in the order they ran (blind round 192: a loop of three uploads read as two
    runs, the first one's "complete" lost). None for another input."""
    if b'"plays"' not in chunk[:4096] or b'"tasks"' not in chunk or len(chunk) > PASTE_MAX:
        return None
    try:
        document = json.loads(chunk)
    except ValueError:
        return None
    plays = document.get("plays") if isinstance(document, dict) else None
    if not isinstance(plays, list):
        return None
    out: list[str] = []
    for play in plays:
        tasks = play.get("tasks") if isinstance(play, dict) else None
        for task in tasks if isinstance(tasks, list) else ():
            if not isinstance(task, dict) or not isinstance(hosts := task.get("hosts"), dict):
                continue
            named = task.get("task")
            name = named.get("name") if isinstance(named, dict) else None
            out.append(f"TASK [{name or 'task'}] " + "*" * 40)
            for host, result in hosts.items():
                if not isinstance(result, dict):
                    continue
                items = result.get("results")
                for record in items if isinstance(items, list) else (result,):
                    if not isinstance(record, dict):
                        continue
                    verdict = "failed" if record.get("failed") else "changed" if record.get("changed") else "ok"
                    item = f" (item={json.dumps(record['item'])})" if "item" in record else ""
                    out.append(f"{verdict}: [{host}]{item} => {json.dumps(record)}")
    if not out:
        return None
    return ansible_results_as_yaml("\n".join(out).encode("utf-8") + b"\n")


def loki_response_as_lines(chunk: bytes) -> bytes | None:
    """Loki's query API answer as one JSON document (``{"data": {"resultType": "streams", "result": [{"stream":
    {...}, "values": [["<ns>", "<line>"], ...]}]}}``, newest first by default) as its log lines, oldest first (blind
    round 165: a mirror's three sessions read backwards). None for another input."""
    if b'"resultType"' not in chunk[:4096] or b'"values"' not in chunk or len(chunk) > _EXPORT_MAX:
        return None
    try:
        document = json.loads(chunk)
    except ValueError:
        return None
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict) or data.get("resultType") != "streams" or not isinstance(data.get("result"), list):
        return None
    lines: list[tuple[int, int, str]] = []
    for stream in data["result"]:
        values = stream.get("values") if isinstance(stream, dict) else None
        for pair in values if isinstance(values, list) else ():
            if (
                isinstance(pair, list)
                and len(pair) >= 2
                and isinstance(pair[0], str)
                and pair[0].isdigit()
                and isinstance(pair[1], str)
            ):
                # (lines of one nanosecond as the answer lists them, which is newest first: reversed with the rest)
                lines.append((int(pair[0]), -len(lines), pair[1].replace("\n", " ")))
    if not lines:
        return None
    lines.sort()
    return "".join(line + "\n" for _, _, line in lines).encode("utf-8")


def job_steps_as_lines(chunk: bytes) -> bytes | None:
    """A pipeline's record of its steps as one JSON document (``{"steps": [{"name": "upload_reads", "command": "ascp
    ...", "exit_code": 1, "stdout_tail": [...], "stderr_tail": [...]}]}``) as what each ascp step printed: its command
    traced (``+ ascp ...``), its streams' lines in the order a terminal shows them (progress, then ascp's last words on
    standard error, then its Session Stop) and its exit status (blind round 165: the record had read as a document).
    None where no object of the document ran ascp with its streams kept."""
    head = chunk.lstrip()[:1]
    if head not in (b"{", b"[") or len(chunk) > PASTE_MAX or b"ascp" not in chunk:
        return None
    try:
        document = json.loads(chunk)
    except ValueError:
        return None
    if any(key in record for record in _objects(document) for key in _STEP_TIME_KEYS):
        return None  # (a logger's records with their times: a log, read as one by the readers after this one)
    out: list[str] = []
    for step in _objects(document):
        command = next((value for key in _JSON_ARGV_KEYS if isinstance(value := step.get(key), str)), "")
        if not command.strip() or not _ASCP_PROGRAM.search(command.split(maxsplit=1)[0]):
            continue
        if _VERSION_CHECK.fullmatch(command) is not None:
            continue  # (a check that ascp is there: no transfer)
        streams = {key: _step_lines(step.get(key)) for key in _JSON_STREAM_KEYS}
        stdout = streams["stdout"] + streams["stdout_tail"]
        stderr = streams["stderr"] + streams["stderr_tail"]
        if not stdout and not stderr:
            continue
        out.append("+ " + command)
        for part in _as_a_terminal_shows(stdout, stderr):
            out.extend(part)
        exit_value = next((step[key] for key in _JSON_EXIT_KEYS if isinstance(step.get(key), int)), None)
        if exit_value is not None:
            out.append(f"ascp exited with status {exit_value}")
        out.append("")
    if out:
        # (and the server's sshd lines the record carries in its notes, a string each: "partner sshd log (sent by
        # their admin)": "Apr 22 11:03:19 upload sshd[20417]: Unable to negotiate ..."; blind round 177: they say why
        # the step's ascp "failed to authenticate")
        out.extend(
            text
            for text in _strings(document)
            if "sshd" in text and (found := SSHD_REFUSAL.match(text.encode("utf-8", "replace"))) and sshd_stamp(found)
        )
    return "\n".join(out).encode("utf-8") if out else None


def _strings(node: Any) -> Iterator[str]:
    """Every string value of a JSON document (a list's items too), one line each."""
    if isinstance(node, str):
        yield from (line for line in node.split("\n") if line.strip())
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


_STEP_TIME_KEYS = ("ts", "time", "timestamp", "@timestamp", "@t", "date", "datetime", "time_stamp")
"""Keys of a logger's record's time (a document whose objects carry one is a log, not a record of steps)."""


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON document, outermost first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


def _step_lines(value: Any) -> list[str]:
    """A stream's lines as a record keeps them: one string, or a list of lines."""
    if isinstance(value, str):
        return value.strip("\r\n").split("\n") if value.strip() else []
    if isinstance(value, list):
        return [str(line) for line in value]
    return []


def _as_a_terminal_shows(stdout: list[str], stderr: list[str]) -> tuple[list[str], list[str], list[str]]:
    """A command's two streams kept apart, in the order a terminal shows them: what the run printed as it went (its
    progress), its last words on standard error ("ascp: ..., exiting."), then its Session Stop and what follows it (a
    bar after the error would read as another run's start, a Session Stop before "..., exiting." as one run's end and
    the next's)."""
    stop = next((at for at in range(len(stdout) - 1, -1, -1) if stdout[at].lstrip().startswith("Session Stop")), None)
    return (stdout, stderr, []) if stop is None else (stdout[:stop], stderr, stdout[stop:])


def json_lines_as_messages(chunk: bytes) -> bytes | None:
    """A structured logger's JSON lines (pino's, bunyan's, a container runtime's: one object per line with a ``msg``
    or ``message`` field) with each such line replaced by its message, the other lines kept, so that ascp's words a
    wrapper logged are read as its lines (blind round 75: a Node.js worker's three attempts). None when fewer than
    three lines are such objects."""
    if (
        len(chunk) > PASTE_MAX
        or b'{"' not in chunk
        or any(key in chunk for key in _JSON_READ_ELSEWHERE)
        or (b'"status"' in chunk and any(key in chunk for key in STATUS_KEYS))
    ):
        return None
    if chunk.lstrip()[:1] == b"{":
        # (a wrapper's history listed newest first, a record per run: oldest first, as the runs ran; blind round 195)
        chunk = events_oldest_first(chunk.decode("utf-8", "replace")).encode("utf-8")
    out: list[bytes] = []
    found = 0
    commanded = False  # whether a message-less event has logged an ascp command
    for raw in chunk.split(b"\n"):
        stripped = raw.strip()
        if stripped.endswith(b"},"):
            stripped = stripped[:-1]  # a record of a JSON array pasted a line each (a log search's export)
        prefix = b""
        if (
            stripped[:1] != b"{"
            and b" {" in stripped[:120]
            and b"|" in stripped[:62]
            and (service := _SERVICE_TAG.match(stripped)) is not None
        ):
            # docker compose's service tag before a container's JSON line ("transferd-1  | {...}"): kept before the
            # message, so the service's lines stay told apart (blind round 112's transferd beside its worker)
            prefix, stripped = stripped[: service.end()], stripped[service.end() :]
        if stripped.startswith(b"{") and stripped.endswith(b"}"):
            try:
                record = json.loads(stripped)
            except ValueError:
                record = None
            if isinstance(record, dict):
                said = next((record[key] for key in _JSON_MESSAGE_KEYS if isinstance(record.get(key), str)), None)
                if said is None and (bare := _bare_event(record, commanded)) is not None:
                    # (a wrapper's event with no message: its ascp command, a management frame's fields spread over
                    # the record's keys, its ascp's exit; blind round 192's '{"event": "mgmt", "Type": "ERROR",
                    # "Code": 56, ...}')
                    found += 1
                    commanded = commanded or any(line.startswith(b"+ ") for line in bare)
                    out.extend(bare)
                    continue
                if said is not None and "previous_output" in record and "full_log" in record:
                    # (a Wazuh correlation alert, its rule's "frequency" reached: its full_log repeats the last
                    # event it counted, already read from that event's own alert; blind round 188's fourth
                    # "drop connection #12 ... past MaxStartups")
                    found += 1
                    continue
                if said is not None:
                    found += 1
                    logged = _daemon_record(record, said)
                    if logged is not None:
                        # (a journal's records cut down by jq to their time, identifier, pid and message: sshd's and
                        # ascp's lines in syslog's form again, so that a server's refusals and sessions are read as
                        # such; blind round 150's '{"t": ..., "id": "sshd", "pid": ..., "msg": ...}')
                        out.extend(logged)
                        continue
                    out.extend(prefix + part.encode("utf-8") for part in said.rstrip("\n").split("\n"))
                    # the ascp command a wrapper logged as its argument list ("argv": ["/opt/aspera/sdk/ascp", ...]),
                    # as a traced command; the error a management event carried ("description": "Destination: File
                    # exists"), as its own line (blind round 108's Go service)
                    if (traced := _argv_traced(record)) is not None:
                        out.append(traced)
                    out.extend(line.encode("utf-8") for line in _record_output(record.get))
                    if isinstance(shown := record.get("line"), str) and _OUTPUT_NAMED.search(said) is not None:
                        # a wrapper's record of each line its ascp wrote, the line apart from the message ("msg":
                        # "ascp stdout", "line": "Session Stop  (Error: ...)"; blind round 154's sync job)
                        out.append(shown.rstrip("\r\n").encode("utf-8"))
                    told = next((record[key] for key in _JSON_ERROR_KEYS if isinstance(record.get(key), str)), None)
                    if (
                        told is None
                        and isinstance(record.get("error"), str)
                        and "transfer_id" in record
                        and ("error_code" in record or str(record.get("status", "")).upper() == "FAILED")
                    ):
                        # (a transfer's own end, its words in a plain "error" field: a Go uploader's zap log, "status":
                        # "FAILED", "error_code": 36, "error": "Disk write failed (server)"; blind round 138; not a
                        # file's error before it)
                        told = record["error"]
                    if told and record.get("type") != "FILEERROR":  # (a file's error: its session's ERROR follows)
                        out.append(told.strip().encode("utf-8"))
                    for key in _JSON_NESTED_ERRORS:
                        # the error object of a failed transfer's event, its message as a line of its own (a Node
                        # service's pino log of the Transfer SDK's "FAILED" event; blind round 123)
                        nested = record.get(key)
                        if isinstance(nested, dict) and isinstance(message := nested.get("message"), str) and message:
                            out.append(message.strip().split("\n", 1)[0].encode("utf-8"))
                    status = next((record[key] for key in _JSON_EXIT_KEYS if type(record.get(key)) is int), None)
                    if status is not None and "ascp" in said:
                        out.append(f"ascp exit code {status}".encode())  # the wrapper's word of its ascp's end
                    continue
        out.append(raw)
    return b"\n".join(out) if found >= _RECORDS_MIN else None


_TASK_KEYS = ("task_run_name",)
"""A record's field naming the task run that logged it (Prefect's)."""
_TASK_NAME = re.compile(r"[\w.-]{0,60}\d[\w.-]{0,20}")
"""A task run's name with its map index or number (``upload_batch-1``), as ``_JOB_TAG`` takes a tag."""


_FRAME_TYPE = re.compile(r"[A-Z]{3,12}")
"""A management frame's type (``INIT``, ``FILEERROR``, ``ERROR``, ``DONE``)."""


def _argv_traced(record: dict[str, Any]) -> bytes | None:
    """The ascp command a wrapper logged as its argument list (``"argv": ["/opt/aspera/sdk/ascp", ...]``) as a traced
    command's line (``+ /opt/aspera/sdk/ascp ...``), or None where the record holds none."""
    argv = next((record[key] for key in _JSON_ARGV_KEYS if isinstance(record.get(key), list)), None)
    if argv and all(isinstance(arg, str) for arg in argv) and _ASCP_PROGRAM.search(argv[0]):
        return ("+ " + " ".join(argv)).encode("utf-8")
    return None


def _bare_event(record: dict[str, Any], commanded: bool) -> list[bytes] | None:
    """The lines a wrapper's event without a message carries: its ascp command (``"cmd": "ascp.exe ..."``, or its
    argument list) as a traced one; its output (a stream as text or as a list of lines, ``"line": "complete"``); the
    words of its error in a field of their own (``"mgmt_description"``); a management frame's fields as the record's
    own keys (``"Type": "ERROR", "Code": 56, "Description": ...``) as the frame's lines; its ascp's exit status, once
    a command was logged (``commanded``). None for another record."""
    lines = [line.encode("utf-8") for line in _record_output(record.get)]
    if (traced := _argv_traced(record)) is not None:
        lines.insert(0, traced)
    if isinstance(shown := record.get("line"), str) and shown.strip():
        # (one line of its program's output: "event": "ascli_output")
        lines.append(shown.rstrip("\r\n").encode("utf-8"))
    said = next(
        (value for key, value in record.items() if isinstance(value, str) and value and _BARE_ERROR_KEY.search(key)),
        None,
    )
    if said is not None and not any(said.encode("utf-8") in line for line in lines):
        # (the error a management event carried, in a field of its own: "mgmt_description": "Server aborted session:
        # Read access denied for user"; blind round 190's history export)
        lines.append(said.strip().encode("utf-8"))
    kind = record.get("Type")
    if isinstance(kind, str) and _FRAME_TYPE.fullmatch(kind) is not None:
        fields = [
            f"{key}: {value}"
            for key, value in record.items()
            if key[:1].isupper() and isinstance(value, (str, int)) and not isinstance(value, bool)
        ]
        lines.extend([b"FASPMGR 2", *(field.encode("utf-8") for field in fields), b""])
    status = next((record[key] for key in _JSON_EXIT_KEYS if type(record.get(key)) is int), None)
    if status is None and lines and isinstance(told := record.get("status"), str):
        # (a job's result word, no exit status: a dashboard's "status": "failed" beside its "detail"; blind round 199)
        status = _STATUS_EXIT.get(told.lower())
    if status is not None and (commanded or lines or any(key in record for key in _JSON_STREAM_KEYS)):
        # (and a run's record whose streams were not kept, "stdout_tail": null beside "exit_code": 1: a run told by
        # its exit alone, not a part of the run before or after it; blind rounds 187 and 195)
        lines.append(f"ascp exit code {status}".encode())
    return lines or None


_STATUS_EXIT = {**dict.fromkeys(("completed", "success", "succeeded"), 0), **dict.fromkeys(("failed", "error"), 1)}
"""A job's result word as the exit status it stands for."""
_BARE_ERROR_KEY = re.compile(r"(?:^|_)(?:errstr|error_desc|error_description|description|detail|error|summary)$")
"""A field of a wrapper's event holding the words of its transfer's error (``mgmt_description``, ``fasp_errstr``;
not a management frame's own ``Description``, read with its frame), or of its end (a dashboard's "detail":
"Completed: ..." or "Code: 28 Cancelled by user"; blind round 199), or a delivery bot's "error" and "summary" (blind
round 203)."""
_DAEMON_TAG_KEYS = ("SYSLOG_IDENTIFIER", "syslog_identifier", "identifier", "ident", "id", "_COMM", "comm", "facility")
"""(Graylog's GELF records name the program in "facility" and the host in "source"; blind round 201)"""
_DAEMON_TIME_KEYS = ("__REALTIME_TIMESTAMP", "realtime", "t", "ts", "time", "timestamp")
_HOST_NAME = re.compile(r"[\w.-]{1,253}")
"""A host's name as a record gives it (not a transfer's "source" path)."""
_DAEMONS = frozenset(("sshd", "sshd-session", "ascp", "ascp4", "aspshell", "kernel", "asperanoded", "firewalld"))
"""Programs whose syslog lines a server's log is read by (sshd's refusals and logins, ascp's records)."""


def _daemon_record(record: dict[str, Any], said: str) -> list[bytes] | None:
    """A JSON record of one of the server's daemons (``_DAEMONS``, by its identifier) with its time (epoch seconds,
    milliseconds or microseconds, or ISO 8601) as the syslog lines journalctl would print for it; None for another
    record (a wrapper's own, or one with no time)."""
    tag = next((record[key] for key in _DAEMON_TAG_KEYS if isinstance(record.get(key), str)), None)
    if tag not in _DAEMONS:
        return None
    when = next((record[key] for key in _DAEMON_TIME_KEYS if isinstance(record.get(key), (str, int))), None)
    text = str(when) if when is not None else ""
    if text.isdigit() and len(text) in (10, 13, 16):
        stamp = datetime.fromtimestamp(int(text) / 10 ** (len(text) - 10), tz=UTC).isoformat()
    elif _ISO_STAMP.match(text.encode("ascii", "replace") + b" ") is not None:
        stamp = text
    else:
        return None
    pid = next((str(record[key]) for key in ("pid", "_PID", "SYSLOG_PID") if str(record.get(key, "")).isdigit()), "0")
    host = next(
        (
            record[key]
            for key in ("host", "hostname", "_HOSTNAME", "source")
            if isinstance(record.get(key), str) and _HOST_NAME.fullmatch(record[key]) is not None
        ),
        "-",
    )
    return [f"{stamp} {host} {tag}[{pid}]: {part}".encode() for part in said.rstrip("\n").split("\n")]


_STREAM_FIELD = re.compile(rb"""(?:[\w.]+=\S+\s+){0,8}std(?:err|out)=(["'])((?:(?!\1)[^\\\n])+)\1\s*$""")
"""A record's last field holding one line ascp wrote, in quotes without escapes (``exit=1 stderr="ascp: ..."``)."""
_LOGFMT_FIELD = re.compile(
    r"""(?:^|\s)(?:line|msg|message|output|text)=(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")"""
)
_LOGFMT_PAIRS = re.compile(r"(?:^|\s)[\w.]+=\S")
_LOGFMT_PLAIN = re.compile(r"(?:^|\s)([\w.]+)=([^\s\"']+)")
"""A record's unquoted field (its time, host, program, pid)."""
_LOGFMT_PROGRAM_KEYS = ("app", "program", "ident", "syslog_identifier")
_LOGFMT_PROGRAM = re.compile(r"sshd|ascp|asperanoded|asperacentral|asperaredisd|kernel")
"""The programs whose lines a collector's record is written back in syslog's form for."""


def logfmt_as_messages(chunk: bytes) -> bytes | None:
    """A key=value logger's lines (structlog's, logfmt: ``timestamp='...' level='debug' event='ascp_output'
    line='Session Stop  (Error: ...)'``) with each line that carries ascp's output in a ``line``, ``msg`` or
    ``message`` field replaced by it, the other lines kept (blind round 75's LIMS upload log). None when fewer than
    three lines are such records."""
    if len(chunk) > PASTE_MAX or b"=" not in chunk:
        return None
    out: list[str] = []
    found = 0
    for raw in chunk.decode("utf-8", "replace").split("\n"):
        field = _LOGFMT_FIELD.search(raw) if "=" in raw else None
        if field is not None and len(_LOGFMT_PAIRS.findall(raw)) >= 3:
            found += 1
            said = field.group(1) if field.group(1) is not None else field.group(2)
            # (a source's tag before the record kept: "pod-1873401112: time=... msg=..." in argo logs, so the line
            # stays that pod's; blind round 112)
            tag = raw[: _LOGFMT_PAIRS.search(raw).start()].rstrip()  # type: ignore[union-attr]  # found above
            tag = tag + " " if tag[-1:] in (":", "|") else ""
            said = said.replace("\\'", "'").replace('\\"', '"')
            fields = dict(_LOGFMT_PLAIN.findall(raw))
            stamp = next((fields[key] for key in ("ts", "time", "timestamp") if key in fields), "")
            host = fields.get("host") or fields.get("hostname") or ""
            program = next((fields[key] for key in _LOGFMT_PROGRAM_KEYS if key in fields), "")
            if not tag and host and _LOGFMT_PROGRAM.fullmatch(program) and _EXPORT_STAMP.match(stamp):
                # a collector's record of a server's program (Loki's logfmt: "ts=... host=hsts-mad01 app=sshd
                # pid=2211 msg=..."): its line in syslog's form, its time, host and program kept, so that sshd's
                # and ascp's lines are read as a server's log (blind round 176: the two refused logins and the
                # session that worked after them had read as two refusals, their times gone)
                said = _export_syslog(stamp, said, program, host, fields.get("pid", "0"))
            out.append(tag + said)
            continue
        out.append(raw)
    return "\n".join(out).encode("utf-8") if found >= _RECORDS_MIN else None


_LINE_TIME = re.compile(
    rb"[ \t]*(?:(?P<iso>\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?)"
    rb"|(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?P<day>[ \d]\d) (?P<hms>\d\d:\d\d:\d\d(?:\.\d+)?))\b"
)
_MONTH_INDEX = {m: i for i, m in enumerate(_ENGLISH_MONTHS)}
_NEWEST_FIRST_MIN = 3


def _line_time(line: bytes) -> bytes | None:
    """A line's leading time stamp as a key that sorts in time order within one log (ISO, or syslog's month, day and
    time), or None."""
    found = _LINE_TIME.match(line)
    if found is None:
        return None
    if found.group("iso") is not None:
        return found.group("iso").replace(b"T", b" ").replace(b",", b".")
    return b"%02d %02d %s" % (_MONTH_INDEX[found.group("mon")], int(found.group("day")), found.group("hms"))


_GUTTER = re.compile(rb"[ \t]*(\d{1,6})(?:[ \t]{1,3}|$)")
_GUTTER_MIN = 5
_GUTTER_START_MAX = 40
_GUTTER_SHARE = 0.8


def without_line_numbers(chunk: bytes) -> bytes | None:
    """A paste copied from a CI service's or an editor's view with its line numbers ("  4  + ascp -P 33001 ...", " 6
    Usage: ascp ...") with them taken off, or None when it has none: one run of numbers counting up by one from
    the first numbered line, on most of the lines after it (five or more). The numbers hide the lines' own forms
    (the ``+`` of bash's trace, ascp's ``Usage:``; blind round 110's Harness step)."""
    if not any(_GUTTER.match(raw) for raw in chunk.split(b"\n", _GUTTER_START_MAX)[:_GUTTER_START_MAX]):
        return None  # (a look at the first lines only: most inputs have no numbers)
    lines = chunk.split(b"\n")
    first = None
    numbered = expected = counted = 0
    for at, raw in enumerate(lines):
        found = _GUTTER.match(raw)
        if first is None:
            if found is not None:
                first, expected = at, int(found.group(1))
            elif at >= _GUTTER_START_MAX:
                return None  # (a header of a few lines at most before the numbered ones)
            else:
                continue
        if not raw.strip():
            continue  # (an empty line's number may be copied without it)
        counted += 1
        if found is not None and int(found.group(1)) == expected:
            numbered += 1
            expected += 1
        elif found is not None and int(found.group(1)) > expected:
            expected = int(found.group(1)) + 1  # (an empty line's number skipped)
            numbered += 1
    if first is None or numbered < _GUTTER_MIN or numbered < _GUTTER_SHARE * counted:
        return None
    out = lines[:first]
    for raw in lines[first:]:
        found = _GUTTER.match(raw)
        out.append(raw[found.end() :] if found is not None else raw)
    return b"\n".join(out)


_EVENT = re.compile(rb"<Event(?:\s[^>]*)?>(.*?)</Event>", re.S)
_EVENT_FIELD = {
    name: re.compile(pattern, re.S)
    for name, pattern in (
        # (attributes in double quotes as Event Viewer saves them, in single quotes as wevtutil prints them; blind
        # round 123)
        ("time", r"""<TimeCreated\s+SystemTime=["']([^"']+)["']"""),
        ("id", r"<EventID(?:\s[^>]*)?>(\d+)</EventID>"),
        ("provider", r"""<Provider\s+Name=["']([^"']+)["']"""),
        ("computer", r"<Computer>([^<]*)</Computer>"),
        ("pid", r"""<Execution\s+ProcessID=["'](\d+)["']"""),
        ("message", r"<Message>(.*?)</Message>"),
    )
}
_EVENT_DATA = re.compile(r"""<Data(?:\s+Name=["']([^"']*)["'])?\s*>(.*?)</Data>""", re.S)
_TASK_SCHEDULER_WORDS = {
    "100": 'Task Scheduler started "{InstanceId}" instance of the "{TaskName}" task for user "{UserContext}".',
    "102": 'Task Scheduler successfully finished "{InstanceId}" instance of the "{TaskName}" task for user '
    '"{UserContext}".',
    "111": 'Task Scheduler terminated "{InstanceId}" instance of the "{TaskName}" task.',
    "129": 'Task Scheduler launch task "{TaskName}" , instance "{Path}" with process ID {ProcessID}.',
    "200": 'Task Scheduler launched action "{ActionName}" in instance "{TaskInstanceId}" of task "{TaskName}".',
    "201": 'Task Scheduler successfully completed task "{TaskName}" , instance "{TaskInstanceId}" , action '
    '"{ActionName}" with return code {ResultCode}.',
    "202": 'Task Scheduler failed to complete instance "{TaskInstanceId}" of task "{TaskName}" , action '
    '"{ActionName}" with return code {ResultCode}.',
    "203": 'Task Scheduler failed to launch action "{ActionName}" in instance "{TaskInstanceId}" of task '
    '"{TaskName}". Additional Data: Error Value: {ResultCode}.',
    "329": 'Task Scheduler stopped "{InstanceId}" instance of task "{TaskName}" due to a timeout.',
}
"""Task Scheduler's words for its events, as Event Viewer renders them (en-US), for an export that left them out
(``wevtutil qe ... /f:xml`` keeps only the events' data)."""
_SSHD_PROVIDER = re.compile(r"(?i)(?:OpenSSH|sshd)$")
"""An event's provider or process that is OpenSSH's server (Win32-OpenSSH logs as provider ``OpenSSH``)."""


def event_xml_as_lines(chunk: bytes) -> bytes | None:
    """Windows events exported as XML (Event Viewer's "Save as XML", ``wevtutil qe /f:xml``: an ``<Event>`` element
    per event, often newest first) as one line per event, oldest first, each its time and its words: the rendered
    message where the export kept it, else Task Scheduler's words for its event (from the event's data), else the
    event's data; OpenSSH's in syslog's form (``TIME HOST sshd[PID]: message``) so that sshd's lines are read as a
    server's. Where a Task Scheduler instance's action was ascp and the export lacks its "launched action" event
    (event 200; filters often keep only 100, 102, 111 and 201), that event's words follow the instance's start, so
    that each instance is a run of its own. Lines outside the events stay before and after them. None for another
    input. Blind rounds 112-120: Task Scheduler's history of a nightly pull and OpenSSH's operational log, read as no
    run at all or as one. (Read by patterns, not an XML parser: such exports arrive cut, pasted among a ticket's
    words and comments, which a parser rejects whole.)"""
    if len(chunk) > _EXPORT_MAX or b"<Event" not in chunk or b"<TimeCreated" not in chunk:
        return None
    found = list(_EVENT.finditer(chunk))
    if not found:
        return None
    events: list[tuple[str, str, str, dict[str, str], str]] = []  # time, provider, event id, data, words
    for event in found:
        body = event.group(1).decode("utf-8", "replace")
        field = {name: pattern.search(body) for name, pattern in _EVENT_FIELD.items()}
        if field["time"] is None:
            return None
        pairs = [(name, html.unescape(value).strip()) for name, value in _EVENT_DATA.findall(body)]
        data = {name: value for name, value in pairs if name}
        provider = field["provider"].group(1) if field["provider"] else ""
        event_id = field["id"].group(1) if field["id"] else ""
        words = html.unescape(field["message"].group(1)).strip() if field["message"] else ""
        if not words and "TaskScheduler" in provider:
            words = _task_words(event_id, data)
        if not words:
            words = data.get("payload", "")  # (Win32-OpenSSH's line: its "process" and "payload" data)
        if not words:
            words = "\n".join(value for name, value in pairs if not name) or " ".join(
                f"{name}={value}" for name, value in data.items()
            )
        program = data.get("process", provider)
        if _SSHD_PROVIDER.search(program) or _SSHD_PROVIDER.search(provider):
            host = field["computer"].group(1).split(".")[0] if field["computer"] else "-"
            pid = field["pid"].group(1) if field["pid"] else "0"
            words = f"{host} sshd[{pid}]: " + words.removeprefix("sshd: ")
        events.append((field["time"].group(1), provider, event_id, data, words))
    events.sort(key=lambda event: event[0])
    # each Task Scheduler instance's action (events 200-202 name it) and the instances whose launch is shown
    # (else the task's: an instance ended before its action's end was logged, by its time limit, ran the same)
    actions: dict[str, str] = {}
    by_task: dict[str, str] = {}
    for _, provider, _, data, _ in events:
        if "TaskScheduler" in provider and "ActionName" in data:
            actions[data.get("TaskInstanceId", "")] = by_task[data.get("TaskName", "")] = data["ActionName"]
    launched = {data.get("TaskInstanceId") for _, _, event_id, data, _ in events if event_id == "200"}
    lines = []
    for stamp, provider, event_id, data, words in events:
        lines.append(f"{stamp} {words}")
        instance = data.get("InstanceId", "")
        action = actions.get(instance) or by_task.get(data.get("TaskName", ""))
        if event_id == "100" and "TaskScheduler" in provider and action and instance not in launched:
            launch = {"TaskName": data.get("TaskName", ""), "TaskInstanceId": instance, "ActionName": action}
            lines.append(f"{stamp} {_task_words('200', launch)}")
    head, tail = chunk[: found[0].start()], chunk[found[-1].end() :]
    if b"<!--" in tail and not any(_ASCP_PROGRAM.search(action.strip('"')) for action in actions.values()):
        # a comment after the export's last event holds what the person appended (a ticket's excerpt of the
        # server's transfer log under OpenSSH's events; blind round 123): its lines are read, not a
        # configuration's note. Not where the events' own tasks ran ascp: the appended log is that run's, told
        # already (blind round 112's Task Scheduler history, its killed run's log tail)
        tail = tail.replace(b"<!--", b"").replace(b"-->", b"")
    return head + "\n".join(lines).encode("utf-8") + tail


def _task_words(event_id: str, data: dict[str, str]) -> str:
    """Task Scheduler's words for one of its events, from the event's data ("" for another event, or one whose data
    lacks what the words name)."""
    try:
        return _TASK_SCHEDULER_WORDS[event_id].format(**data) if event_id in _TASK_SCHEDULER_WORDS else ""
    except KeyError:
        return ""


_OTEL_FIELD = re.compile(
    r"\s*(?:->\s*)?(?P<key>Timestamp|ObservedTimestamp|Body|appname|app_name|hostname|host\.name|proc_id|pid"
    r"|process\.pid):\s*(?:Str\((?P<str>.*)\)|(?P<plain>.*?))\s*$"
)
_OTEL_STAMP = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) \+0000 UTC")


_SIEM_HEADER = re.compile(
    r"^(?:<\d{1,3}>)?(?P<lead>[^|\n]*?)(?P<kind>LEEF:[12]\.0|CEF:\d)\|(?P<fields>(?:[^|\n]*\|){4,6})(?P<ext>[^\n]*)$"
)
"""A SIEM's record: QRadar's LEEF (``<134>Jun 03 09:04:12 host LEEF:1.0|IBM|Aspera HSTS|4.4.4|ascp|devTime=...\t
...\tmsg=...``) or ArcSight's CEF (``CEF:0|vendor|product|version|id|name|severity|... msg=...``), after the syslog
header that carried it."""
_CEF_KEY = re.compile(r"\s(?=[\w.]+=)")
"""Where a CEF extension's next key starts (values may hold spaces)."""


def siem_records_as_lines(chunk: bytes) -> bytes | None:
    """A SIEM's LEEF or CEF records (a QRadar export's payload column, a forwarder's LEEF template) with each record
    that holds a message (``msg=``) as that message in syslog's form (``TIME HOST program[0]: message``, the program
    from the header's event id for LEEF, so that ascp's and sshd's records are read as a server's); the other lines
    stay. None when fewer than two lines are such records. Blind round 123: an HSTS's log forwarded to QRadar, read
    as one record's words. (Read by hand: no kept Python library parses both, and only ``msg`` is needed.)"""
    if len(chunk) > _EXPORT_MAX or (b"LEEF:" not in chunk and b"CEF:" not in chunk):
        return None
    out: list[str] = []
    found = 0
    for raw in chunk.decode("utf-8", "replace").split("\n"):
        record = _SIEM_HEADER.match(raw.rstrip("\r")) if ("LEEF:" in raw or "CEF:" in raw) else None
        if record is None:
            out.append(raw)
            continue
        fields = record.group("fields").split("|")[:-1]
        ext = record.group("ext")
        if record.group("kind").startswith("LEEF"):
            # LEEF 2.0 names its delimiter as a sixth header field (a character, or its hex "x09"); 1.0's is a tab
            delimiter = "\t"
            if record.group("kind") == "LEEF:2.0" and len(fields) >= 5 and fields[4]:
                mark = fields[4]
                delimiter = chr(int(mark[-2:], 16)) if mark.lower().startswith(("x", "0x")) else mark[0]
            pairs = dict(part.split("=", 1) for part in ext.split(delimiter) if "=" in part)
            program = fields[3] if len(fields) > 3 else ""
        else:
            pairs = dict(part.split("=", 1) for part in _CEF_KEY.split(ext) if "=" in part)
            pairs = {key: value.replace("\\=", "=").replace("\\\\", "\\") for key, value in pairs.items()}
            program = pairs.get("dproc") or pairs.get("sproc") or ""
        message = pairs.get("msg")
        if not message:
            out.append(raw)
            continue
        found += 1
        lead = record.group("lead").split()
        stamp, host = (" ".join(lead[:-1]), lead[-1]) if len(lead) >= 2 else ("", "-")
        if not program or not program.replace("-", "").replace("_", "").isalnum():
            out.append(f"{stamp} {message}".strip())
        else:
            out.append(_export_syslog(stamp, message, program, host, "0").strip())
    return "\n".join(out).encode("utf-8") if found >= 2 else None


_CHAT_ARROW = re.compile(
    rb"^(?P<lead>[ \t]*\d[\d/.:\- ]{6,24}(?:[AP]M)?)[ \t]+(?:->|<-|\xe2\x86\x92|\xe2\x86\x90)[ \t]+(?=[^\n:]{1,40}: )",
    re.M,
)


def chat_arrows_as_lines(chunk: bytes) -> bytes | None:
    """A message export that marks each message's direction with an arrow after its time (SMS Backup & Restore's
    ``06/08/2025 02:20:01 AM  -> Me: ascp: ...``, ``<- Ops Pager: ...``) without the arrow, so that each line reads as
    its sender's words (``-> `` opens a definition's explanation elsewhere; blind round 124's on-call SMS thread).
    None when fewer than three lines have one."""
    if len(chunk) > _EXPORT_MAX or (b"-> " not in chunk and b"<- " not in chunk and b"\xe2\x86" not in chunk):
        return None
    if len(_CHAT_ARROW.findall(chunk, 0, 1 << 20)) < 3:
        return None
    return _CHAT_ARROW.sub(rb"\g<lead> ", chunk)


_LOGCLI_LINE = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d))"
    # (its message after one space or a few: logcli pads the labels' column; blind round 161)
    r" \{(?P<labels>[^{}\n]*)\} {1,8}(?P<message>.*)$",
    re.M,
)
_LOGCLI_TAGGED = re.compile(
    r"(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d |\d{4}-\d\d-\d\d[T ]\d\d:\d\d|<\d{1,3}>|" + _TAGGED_MESSAGE.pattern + ")"
)
"""A message that carries its own syslog form: a stamp, a priority, or its program's tag (``_TAGGED_MESSAGE``)."""
_LOGCLI_COMMON = re.compile(r"Common labels: \{([^{}\n]*)\}")
_LOGCLI_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def logcli_as_lines(chunk: bytes) -> bytes | None:
    """Grafana Loki's ``logcli query`` output (``2026-04-07T07:41:09+02:00 {labels} message``, the labels all lines
    share printed once as ``Common labels: {host="seqgate-2", unit="sshd.service"}``) with each line in syslog's form
    (``TIME HOST program[0]: message``, the program from the ``unit``, ``app``, ``job`` or ``syslog_identifier``
    label), so that a server's sshd and ascp lines are read as its log (blind rounds 122 and 125: sshd's refusals read
    as no run). None when fewer than three lines are such."""
    if len(chunk) > _EXPORT_MAX or b"} " not in chunk:
        return None
    text = chunk.decode("utf-8", "replace")
    messages = [line.group("message") for line in _LOGCLI_LINE.finditer(text, 0, 1 << 20)]
    if len(messages) < 3:
        return None
    tagged = [_LOGCLI_TAGGED.match(said) is not None for said in messages]
    if any(own and not _TAGGED_MESSAGE.match(said) for own, said in zip(tagged, messages, strict=True)):
        # its messages carry their own syslog form: those alone, oldest first (an rsyslog stream's lines under
        # logcli's time and empty labels, "2024-06-13T07:42:19Z {} Jun 13 07:42:19 fasp-mirror-02 ascp[48211]:
        # LOG FASP Session Stop ..."; blind round 156)
        if not all(tagged):
            return None  # (some of them: read as they are, by the readers after this one)
        own = _LOGCLI_LINE.sub(lambda line: line.group("message"), text).encode("utf-8")
        return oldest_first(own) or own
    common_found = _LOGCLI_COMMON.search(text)
    common = dict(_LOGCLI_LABEL.findall(common_found.group(1))) if common_found is not None else {}

    def syslog_form(line: re.Match[str]) -> str:
        labels = {**common, **dict(_LOGCLI_LABEL.findall(line.group("labels")))}
        host = labels.get("host") or labels.get("hostname") or labels.get("instance", "-").split(":")[0] or "-"
        if _TAGGED_MESSAGE.match(line.group("message")) is not None:
            # (its message names its program itself: "sshd[77102]: Failed password for ..."; blind round 138)
            return f"{line.group('stamp')} {host.replace(' ', '_')} {line.group('message')}"
        program = next(
            (labels[key] for key in ("syslog_identifier", "unit", "app", "service_name") if labels.get(key)), ""
        ).removesuffix(".service")
        if program == "ssh":
            program = "sshd"  # (Debian's unit: ssh.service)
        elif program != "ascp" and "ascp" in program and line.group("message").startswith(("LOG ", "ERR ")):
            program = "ascp"  # (a unit named for it, "aspera-ascp": ascp's own records; blind round 201)
        if not program or not program.replace("-", "").replace("_", "").replace(".", "").isalnum():
            return line.group(0)
        return _export_syslog(line.group("stamp"), line.group("message"), program, host, "0")

    converted = _LOGCLI_LINE.sub(syslog_form, text).encode("utf-8")
    # (logcli lists the newest first unless told --forward: read oldest first, as ``oldest_first`` reads any log)
    return oldest_first(converted) or converted


_YAML_ENTRY_KEY = re.compile(r"^(textPayload|timestamp|jsonPayload):[ \t]*(.*)$")
_YAML_PAYLOAD_KEY = re.compile(
    r"^[ \t]{2,}(message|MESSAGE|ident|SYSLOG_IDENTIFIER|pid|_PID|hostname|host):[ \t]*(.*)$"
)
_OWN_SYSLOG = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S*)"
    r" \S+ [^\s:]+: "
)
"""A message that is a whole syslog line of its own (its stamp, its host, its tag)."""


_SINGLE_CLOSED = re.compile(r"(?<!')'(?:'')*$")
"""A single-quoted YAML scalar's closing quote (after any doubled quotes, each one quote of the value)."""
_DOUBLE_CLOSED = re.compile(r'(?<!\\)(?:\\\\)*"$')
"""A double-quoted YAML scalar's closing quote (not one escaped with a backslash)."""


def _yaml_scalar(lines: list[str], at: int, first: str) -> tuple[str, int]:
    """A YAML scalar value that starts as ``first`` on line ``at``: quoted (single: '' for a quote; double: backslash
    escapes), over as many lines as it takes (folded with spaces, as YAML does), or plain on its line. Returns the
    value and the index of its last line."""
    quote = first[:1]
    if quote not in ("'", '"'):
        return first.strip(), at
    text, end = first, at
    closing = _SINGLE_CLOSED if quote == "'" else _DOUBLE_CLOSED
    while True:
        body = text[1:].rstrip()
        closed = body != "" and closing.search(body) is not None
        if closed or end + 1 >= len(lines) or lines[end + 1].strip() == "---":
            break
        end += 1
        text += " " + lines[end].strip()
    value = text.strip()[1:]
    value = value[:-1] if value.endswith(quote) else value
    if quote == "'":
        return value.replace("''", "'"), end
    try:
        return json.loads('"' + value + '"'), end
    except ValueError:
        return value, end


def gcloud_yaml_as_lines(chunk: bytes) -> bytes | None:
    """``gcloud logging read``'s default output: Google Cloud Logging's LogEntries as YAML documents (``---``, then
    ``textPayload: 'Mar  4 21:47:09 hsts-ew4-01 ascp[20417]: LOG FASP Session Stop ...'``, ``timestamp: ...``, or a
    ``jsonPayload:`` with its ``message``), newest first: each entry's message as one line in syslog's form, oldest
    first, so that a server's ascp and sshd records are read as its log (blind round 127: an HSTS VM's sessions read
    as one run without a time). The lines before the first entry stay. None for another input.

    Read by hand, not with a YAML library: none is among the dependencies, and a paste with the command or prose
    around the entries is no valid YAML document; only the few top-level keys above are read."""
    if len(chunk) > _EXPORT_MAX or b"logName: " not in chunk or b"\ntimestamp: " not in chunk:
        return None
    if b"\ntextPayload: " not in chunk and b"\njsonPayload:" not in chunk:
        return None
    lines = chunk.decode("utf-8", "replace").splitlines()
    head: list[str] = []
    rows: list[tuple[str, str]] = []
    entry: dict[str, str] = {}
    started = False
    in_payload = False

    def flush() -> None:
        message = entry.get("textPayload") or entry.get("message") or entry.get("MESSAGE") or ""
        if message:
            stamp = entry.get("timestamp", "")
            if _OWN_SYSLOG.match(message) is None:
                program = entry.get("ident") or entry.get("SYSLOG_IDENTIFIER") or ""
                pid = entry.get("pid") or entry.get("_PID") or "0"
                host = entry.get("hostname") or entry.get("host") or "-"
                message = _export_syslog(stamp, message, program, host, pid)
            rows.append((stamp, message))
        entry.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        if line.strip() == "---":
            if started:
                flush()
            started, in_payload = True, False
        elif not started:
            head.append(line)
        elif (key := _YAML_ENTRY_KEY.match(line)) is not None:
            in_payload = key.group(1) == "jsonPayload"
            if not in_payload:
                value, index = _yaml_scalar(lines, index, key.group(2))
                entry[key.group(1)] = value
        elif in_payload and (field := _YAML_PAYLOAD_KEY.match(line)) is not None:
            value, index = _yaml_scalar(lines, index, field.group(2))
            entry[field.group(1)] = value
        elif line[:1] not in (" ", "\t", ""):
            in_payload = False
        index += 1
    if started:
        flush()
    if len(rows) < 1:
        return None
    if rows[0][0] > rows[-1][0]:
        rows.reverse()  # newest first, as gcloud lists them: entries of the same second in the order they were made
    rows.sort(key=lambda row: row[0])
    return "".join(f"{line}\n" for line in (*head, *(message for _, message in rows))).encode("utf-8")


_HOST_PREFIX = re.compile(
    rb"^[a-z][\w.-]{0,62}: (?=\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S* \S+ [^\s:]+: "
    rb"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d \S+ [^\s:]+: )",
    re.M,
)


def node_prefixed_as_lines(chunk: bytes) -> bytes | None:
    """A parallel shell's output of several nodes' syslog (pdsh's, clush's ``hsts-node2: 2025-12-02T09:14:27...
    hsts-node2 ascp[1928811]: ...``) without the node's name before each line, so that each line is read as that
    node's syslog, its stamp too (blind round 123: three nodes' sessions read without a time, so never put in the
    order they started). None when fewer than two lines have such a prefix."""
    return _without_prefix(chunk, _HOST_PREFIX, b": ", 2)


def _without_prefix(chunk: bytes, prefix: re.Pattern[bytes], hint: bytes, least: int) -> bytes | None:
    """``chunk`` without ``prefix`` before its lines, where at least ``least`` lines (in its first MiB) have it and
    the plain ``hint`` is in it; None otherwise (another input, or too large to be a paste)."""
    if len(chunk) > _EXPORT_MAX or hint not in chunk or len(prefix.findall(chunk, 0, 1 << 20)) < least:
        return None
    return prefix.sub(b"", chunk)


_RUNDECK_PREFIX = re.compile(
    rb"(?m)^\d\d:\d\d:\d\d[ \t]{1,2}\[[^\]\n]{1,80}@[^\]\n]{1,120}\]"
    rb"(?:\[(?:NORMAL|ERROR|WARN(?:ING)?|VERBOSE|DEBUG)\] | )"
)
"""Rundeck's prefix on each line of a job's output (``02:00:04 [rundeck@xfer-gw-02 1. Push dailies][NORMAL] ``, or
without its level in the execution page's text: ``03:00:00  [rundeck@xfer-01 1. Command] ``)."""


def rundeck_log_as_lines(chunk: bytes) -> bytes | None:
    """A Rundeck execution's log without its prefix on each output line (its time, user@node and step, its level),
    so that the step's command and output are read as the lines they were (blind round 137: an ascli bar at 100 %
    and its "complete" behind the prefix, read as nothing). None when fewer than two lines have it."""
    return _without_prefix(chunk, _RUNDECK_PREFIX, b"@", 2)


_PACKER_BUILD = re.compile(rb"(?m)^==> ([a-z][\w-]{0,40}(?:\.[\w-]{1,60})?): ")
"""Packer's line about a build's step (``==> amazon-ebs.render: Provisioning with shell script: ...``)."""


_R_BANNER = re.compile(rb"\A\s*R version \d+\.\d+\.\d+ \(\d{4}-\d\d-\d\d\)")
"""R's start-up banner, the first line of a console transcript (``R version 4.4.1 (2024-06-14) -- "..."``)."""
_R_PROMPT = re.compile(rb"(?m)^> (?=\S)")


def r_console_as_lines(chunk: bytes) -> bytes | None:
    """An R console's transcript (an ``.Rout`` file, RStudio's console: R's banner, then each expression after R's
    ``> `` prompt) with its prompts written as a shell's (``$ ``), so that each typed call is read as the person's
    command, not as a quote, and a call typed again after a fix is another run (blind round 194: ImmPortR's download
    typed twice, its second failure read as the first's). None for another input."""
    if len(chunk) > _EXPORT_MAX or _R_BANNER.match(chunk) is None:
        return None
    return _R_PROMPT.sub(b"$ ", chunk)


def packer_output_as_lines(chunk: bytes) -> bytes | None:
    """A ``packer build``'s output without its build's name before each line (``==> amazon-ebs.render: `` before its
    own steps, four spaces and the name before a provisioner's output: ``    amazon-ebs.render: Usage: ascp ...``),
    so that a shell provisioner's traced command and ascp's lines are read as such (blind round 192: ascp's usage
    text behind the prefix, read as nothing). None unless two of Packer's own lines name the build."""
    if len(chunk) > _EXPORT_MAX or b"==> " not in chunk:
        return None
    names = {match.group(1) for match in _PACKER_BUILD.finditer(chunk, 0, 1 << 20)}
    if not names or len(_PACKER_BUILD.findall(chunk, 0, 1 << 20)) < 2:
        return None
    alternatives = b"|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.sub(rb"(?m)^(?:==> |    )(?:" + alternatives + rb"): ", b"", chunk)


_PFLOG_LINE = re.compile(
    rb"(?m)^((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d)(?:\.\d+)? "
    rb"rule \S+ (block|drop) in on (\S+): (\d{1,3}(?:\.\d{1,3}){3})\.(\d+) > (\d{1,3}(?:\.\d{1,3}){3})\.(\d+): "
    rb"S [^\n]*$"
)
"""OpenBSD pf's log of a blocked TCP SYN, as ``tcpdump -n -e -ttt -r /var/log/pflog`` prints it."""


def pflog_as_kernel_lines(chunk: bytes) -> bytes | None:
    """pf's blocked SYNs (``tcpdump -r /var/log/pflog``) as the firewall log lines a Linux kernel writes for them
    (``... kernel: PF-BLOCK: IN=em0 OUT= SRC=... DST=... PROTO=TCP SPT=... DPT=22 SYN``), so that a client's
    retransmitted SYNs to an SSH port are read as its attempts (blind round 139: a front firewall's pflog, no line of
    the server's). None when fewer than two lines are such."""
    if len(chunk) > _EXPORT_MAX or b" rule " not in chunk or len(_PFLOG_LINE.findall(chunk, 0, 1 << 20)) < 2:
        return None

    def kernel(found: re.Match[bytes]) -> bytes:
        stamp, verdict, iface, src, sport, dst, dport = found.groups()
        return (
            b"%s pf kernel: PF-%s: IN=%s OUT= SRC=%s DST=%s LEN=60 PROTO=TCP SPT=%s DPT=%s WINDOW=64240 SYN URGP=0"
            % (
                stamp,
                verdict.upper(),
                iface,
                src,
                dst,
                sport,
                dport,
            )
        )

    return _PFLOG_LINE.sub(kernel, chunk)


_HOSTLESS = re.compile(
    rb"(?m)^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?) "
    rb"(?:\[[A-Z]{3,5} ?\] )?((?:ascp4?|sshd|asperanoded|asperacentral|aspshell)\[\d+\]: )"
)
"""A syslog-like record stamped in ISO form with its program's tag but no host (``2026-05-12 10:04:19.215
ascp[81455]: LOG FASP ...``; a node's own log beside sshd's and ascp's)."""


_PRIORITY_FIELD = re.compile(
    rb"(?m)^((?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\S+) \S+ )"
    rb"[a-z0-9]+(?:\|[a-z0-9]+)*[.:](?:emerg|alert|crit|err|error|warn|warning|notice|info|debug) "
    rb"(?=[A-Za-z][\w./-]{0,40}\[\d+\]: )"
)
"""A syslog line's facility and priority between its host and its tag (AIX's syslogd with its ``-f`` format,
syslog-ng's ``$FACILITY.$PRIORITY``: ``aixmft01 auth|security:info sshd[12845290]: ...``)."""


def priority_syslog_as_lines(chunk: bytes) -> bytes | None:
    """Syslog lines with their facility and priority before the tag, without it, so that ascp's and sshd's records
    are read as a server's (blind round 151: an AIX host's auth log, its TCP wrappers' refusals unread). None when
    fewer than two lines have that form."""
    if len(chunk) > _EXPORT_MAX or b"]: " not in chunk or len(_PRIORITY_FIELD.findall(chunk, 0, 1 << 20)) < 2:
        return None
    return _PRIORITY_FIELD.sub(rb"\1", chunk)


def hostless_syslog_as_lines(chunk: bytes) -> bytes | None:
    """Records stamped and tagged as syslog's but naming no host (a log a daemon writes itself, or a collector that
    dropped the host) with a host put in, so that ascp's and sshd's records are read as the server's they are
    (blind round 138: a Faspex node's log read as a console's lines, its success unseen). None when fewer than
    three lines have that form."""
    if len(chunk) > _EXPORT_MAX or b"]: " not in chunk or len(_HOSTLESS.findall(chunk, 0, 1 << 20)) < 3:
        return None
    converted = _HOSTLESS.sub(lambda found: found.group(1).replace(b" ", b"T") + b" localhost " + found.group(2), chunk)
    return oldest_first(converted) or converted  # (a log search's context lines are often newest first)


_SPLUNK_EVENT = re.compile(rb"(?m)^(?:>|\[[+-]\])?[ \t]+\d\d?/\d\d?/\d\d \d\d?:\d\d:\d\d\.\d{3} [AP]M[ \t]+(?=\S)")
"""Splunk's event list (its search page copied as text): the expand mark and the event's time before its raw text
(``>  11/20/25 9:41:07.266 AM  Nov 20 09:41:07 fpx-prod-02 ascp[30722]: ...``)."""
_SPLUNK_FIELDS = re.compile(rb"(?m)^[ \t]+host = [^\n]*\bsource(?:type)? = [^\n]*\n?(?:[ \t]*\n(?=>|\[[+-]\]))?")
"""The selected fields Splunk prints under each event (``host = fpx-prod-02   source = ...   sourcetype = ...``),
with the blank line after them where the next event follows."""


def splunk_events_as_lines(chunk: bytes) -> bytes | None:
    """Splunk's event list copied from its search page, each event's raw text alone on its line (without the list's
    expand mark, Splunk's own time and the fields under it), in time order (the list runs newest first), so that a
    server's syslog records are read as that server's (blind round 140: two senders' uploads read as one failure,
    one console paste). None when fewer than two lines are such events."""
    if len(chunk) > _EXPORT_MAX or (b" AM " not in chunk and b" PM " not in chunk):
        return None
    if len(_SPLUNK_EVENT.findall(chunk, 0, 1 << 20)) < 2:
        return None
    events = _SPLUNK_EVENT.sub(b"", _SPLUNK_FIELDS.sub(b"", chunk))
    return oldest_first(events) or events


_COLUMNED_SYSLOG = re.compile(
    rb"(?m)^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) {2,}([\w.-]{1,100}) {2,}"
    rb"([A-Za-z][\w./-]{0,40}\[\d+\]):? {1,}(?=\S)"
)
"""A log service's plain-text export in columns (``2026-11-19 19:40:12.391  hsts-post-1  ascp[11829]     LOG FASP
...``): its time, host and program's tag apart by runs of spaces, no colon after the tag (Better Stack's)."""


def columned_syslog_as_lines(chunk: bytes) -> bytes | None:
    """Syslog's records exported in columns (time, host, program's tag, message; blind round 142's Better Stack
    export) in syslog's own form, so that ascp's and sshd's records are read as that server's. None when fewer
    than three lines have that form."""
    if len(chunk) > _EXPORT_MAX or b"]  " not in chunk or len(_COLUMNED_SYSLOG.findall(chunk, 0, 1 << 20)) < 3:
        return None
    converted = _COLUMNED_SYSLOG.sub(lambda found: b"%sT%s %s %s: " % found.groups(), chunk)
    return oldest_first(converted) or converted


SCRIPT_OUTPUT_RULE = "---- output kept in the script's comments ----"
"""The rule ``script_output_as_console`` writes under a script, over the output of its runs its comments kept."""
_SCRIPT_FIRST = re.compile(rb"#!/\S+(?:[ \t]+-?[\w.-]+){0,2}[ \t]*\r?\n")
_SCRIPT_OUTPUT_INTRO = re.compile(
    r"\b(?:output|uitvoer|ausgabe|sortie|salida|sa[íi]da|console|terminal)\b[^:\n]{0,80}?(?:\bat the time\b"
    r"|\b(?:that|this) (?:day|morning|night|evening|run)\b|\bvan (?:die|dat|deze)\b|\bpasted\b|\bgeplakt\b"
    r"|\bkept (?:here|below)\b|\b(?:19|20)\d\d\b)"
    # (a report pasted verbatim: "Known problem (2025-02-06, reported by a student on VM lab-17, pasted as-is):";
    # blind round 211's Python wrapper, in its docstring)
    r"|\bpasted (?:as[- ]is|verbatim)\b"
    # (a run's log in Japanese, Chinese or Korean: "--- 実行ログ (コピペ版) ---", the run log, pasted; blind round 207)
    r"|実行(?:ログ|結果)|(?:运行|执行)(?:日志|结果)|실행 (?:로그|결과)"
    # (pasted output in Ukrainian and Russian: "ІСТОРІЯ / вставлений вивід:"; blind round 208's cron script)
    r"|\b(?:вставлен|скопійован|скопирован)\w* (?:вивід|вывод)\b"
    # (or the other way round: "ИСТОРИЯ ЗАПУСКОВ (вывод вставлен вручную, ...)"; blind round 209's script)
    r"|\b(?:вивід|вывод) (?:вставлен|скопійован|скопирован)\w*",
    re.I,
)
"""A script's comment saying the output of one of its runs is kept below it ("Output at the time:", Dutch "Uitvoer
van die ochtend hieronder geplakt", that morning's output pasted below; a run's log in Japanese, Chinese or Korean;
pasted output in Ukrainian or Russian)."""
_SCRIPT_SAMPLE = re.compile(
    r"\b(?:expected|example|sample|typical|e\.g\.|voorbeeld|erwartet|attendu|esperad)|例|サンプル|想定|示例|样例|예시",
    re.I,
)
"""Words that make such a comment a sample's, not a run's ("Expected output (2024 docs):")."""


def script_output_as_console(chunk: bytes) -> bytes | None:
    """A script file (a shebang first) whose comments keep the output of its runs under a comment saying so ("#
    ... Output at the time:", then "#   $ ./sra_submit_batch.sh ...", "#   ascp: Source file list not specified,
    exiting"): the script as it is, then that output without the comments' marks under ``SCRIPT_OUTPUT_RULE``, read
    as a console's (blind rounds 197 and 200: a script's header with the failed run and the one after the fix). The
    kept output is the comment lines indented under the intro, up to the first line that is no comment; the comment's
    own sentences between them stay (a later run's intro, "After fixing the cd the same call worked:"). None for
    another input."""
    if chunk[:3] != b"#!/" or len(chunk) > PASTE_MAX or _SCRIPT_FIRST.match(chunk) is None:
        return None
    lines = chunk.decode("utf-8", "replace").split("\n")
    kept: list[str] = []
    indent: int | None = None
    docstring: str | None = None  # the quotes of a Python script's module docstring, while inside it
    for text in lines[1:]:
        if docstring is None and indent is None and text[:3] in ('"""', "'''") and not kept:
            # a Python script's module docstring, read as its comments are ("Known problem (..., pasted as-is):",
            # then the run's output indented; blind round 211's wrapper); its first line's words after the quotes
            docstring, text = text[:3], "#" + text[3:]
            if docstring in text:
                docstring = None  # (a docstring of one line)
        elif docstring is not None:
            if docstring in text:
                docstring = None
                if indent is not None:
                    break  # the docstring ends: the script's code
                continue
            text = "#" + text
        if text[:1] != "#":
            if indent is not None:
                break  # the comment ends: the script's code
            continue
        body = text[1:].rstrip("\r")
        depth = len(body) - len(body.lstrip(" "))
        if indent is None:
            if _SCRIPT_OUTPUT_INTRO.search(body) is not None and _SCRIPT_SAMPLE.search(body) is None:
                indent = 0  # its depth is the first indented line's
            continue
        if not body.strip():
            kept.append("")
        elif depth < 2:
            kept.append(body.strip())  # the comment's own sentence
        else:
            indent = indent or depth
            kept.append(body[min(indent, depth) :])
    if not any(kept):
        return None
    return chunk.rstrip(b"\r\n") + ("\n\n" + SCRIPT_OUTPUT_RULE + "\n" + "\n".join(kept) + "\n").encode("utf-8")


_FLUENT_BIT_RECORD = re.compile(
    rb"(?m)^\[\d+\] [\w.-]+: \[(?:\[\d+(?:\.\d+)?, \{[^\n]*?\}\]|\d+(?:\.\d+)?), \{([^\n]*)\}\]\s*$"
)
"""Fluent Bit's ``stdout`` output: ``[3] syslog.0: [[1764941402.403, {}], {"host"=>"h", "ident"=>"ascp", ...}]``,
or with the time alone before the record, as its versions before 2.1 print it (``[0] push.log: [1763964001.000000000,
{"log"=>"..."}]``; blind round 200)."""
_FLUENT_BIT_PAIR = re.compile(rb'"([\w.-]+)"=>"((?:\\.|[^"\\])*)"')


def fluent_bit_stdout_as_lines(chunk: bytes) -> bytes | None:
    """Fluent Bit's records printed by its ``stdout`` output (each a Ruby-style hash of the syslog record's fields:
    time, host, ident, pid, message) as the syslog lines they were, so that a server's ascp and sshd records are
    read as that server's (blind round 144: a cipher refusal read as one console line). None when fewer than two
    lines are such records."""
    if len(chunk) > _EXPORT_MAX or b'"=>"' not in chunk:
        return None
    if len(_FLUENT_BIT_RECORD.findall(chunk, 0, 1 << 20)) < 2:
        return None

    def line(found: re.Match[bytes]) -> bytes:
        fields = {
            key.decode("utf-8", "replace"): value.decode("utf-8", "replace").replace('\\"', '"').replace("\\\\", "\\")
            for key, value in _FLUENT_BIT_PAIR.findall(found.group(1))
        }
        message = fields.get("message") or fields.get("log") or ""
        if not message:
            return found.group(0)
        if "ident" not in fields and "time" not in fields:
            # a tailed file's line (its "log" field, the input plugin ``tail``'s): the line as the file holds it,
            # with its own stamp if it has one, not a syslog record's fields
            return message.encode("utf-8")
        stamp = fields.get("time", "")
        return _export_syslog(
            stamp, message, fields.get("ident", ""), fields.get("host", ""), fields.get("pid", "0")
        ).encode("utf-8")

    return _FLUENT_BIT_RECORD.sub(line, chunk)


_ARGO_PREFIX = re.compile(rb"(?m)^[a-z0-9][a-z0-9.-]{2,100}-\d{8,12}: ")
"""``argo logs``' pod name before each line of a workflow's pods (``ftp-migrate-7xq2k-copy-1834511207: ``)."""


def argo_logs_as_lines(chunk: bytes) -> bytes | None:
    """``argo logs`` of a workflow without the pod's name before each line, so that each pod's output is read as the
    lines it was (blind round 137: ascli's "ERROR: Transfer: Remote host is not who we expected" behind it, read as
    no failure of ascp's). None when fewer than three lines have such a prefix."""
    return _without_prefix(chunk, _ARGO_PREFIX, b"argo", 3)


def otel_debug_as_lines(chunk: bytes) -> bytes | None:
    """The OpenTelemetry Collector's debug exporter at ``verbosity: detailed`` (a block per log record: ``LogRecord
    #N``, its ``Timestamp``, ``Body: Str(...)`` and attributes ``-> appname: Str(sshd)``, ``-> hostname: ...``) with
    each record as one line in syslog's form (``TIME HOST appname[PID]: body``), so that a server's sshd and ascp
    records are read as such; the other lines stay. None for another input. Blind rounds 100 and 121: a collector's
    console between a Faspex host's syslog and its log store."""
    if len(chunk) > _EXPORT_MAX or b"LogRecord #" not in chunk or b"Body: " not in chunk:
        return None
    out: list[str] = []
    record: dict[str, str] | None = None
    resource_host = "-"

    def flush() -> None:
        if record is not None and "Body" in record:
            stamp = record.get("Timestamp", "")
            if not _OTEL_STAMP.match(stamp) or stamp.startswith("1970-01-01"):
                stamp = record.get("ObservedTimestamp", stamp)
            iso = _OTEL_STAMP.sub(r"\1T\2Z", stamp)
            host = record.get("hostname") or record.get("host.name") or resource_host
            program = record.get("appname") or record.get("app_name") or ""
            pid = record.get("proc_id") or record.get("pid") or record.get("process.pid") or "0"
            out.append(_export_syslog(iso, record["Body"], program, host, pid))

    for raw in chunk.decode("utf-8", "replace").split("\n"):
        if raw.startswith("LogRecord #"):
            flush()
            record = {}
            continue
        found = _OTEL_FIELD.match(raw)
        if found is not None and found.group("key") == "host.name" and record is None:
            resource_host = found.group("str") or found.group("plain") or "-"
            continue
        if record is not None:
            if found is not None:
                key = found.group("key")
                value = found.group("str") if found.group("str") is not None else found.group("plain")
                record.setdefault(key, value)
                continue
            if raw.startswith(("ResourceLog #", "ScopeLogs #", "Resource ")) or (raw[:4].isdigit() and "\t" in raw):
                flush()
                record = None
                out.append(raw)
            continue  # (a record's other fields: its severity, attributes' names, trace and span ids)
        out.append(raw)
    flush()
    return "\n".join(out).encode("utf-8")


def oldest_first(chunk: bytes) -> bytes | None:
    """A paste whose stamped lines run newest first (Loki's or Kibana's Explore view, ``journalctl -r``, a log
    viewer's export) with each such block put in time order, or None when none does. A block is a run of three or
    more consecutive lines that each start with a time stamp; it is sorted (stably) only when its stamps go back in
    time more often than forward: a log that steps back once (two files concatenated) is read as it is (the
    analyzer orders its sessions). Blind round 73: Loki's lines newest first put a session's stop before its
    start."""
    if len(chunk) > PASTE_MAX:
        return None
    lines = chunk.split(b"\n")
    # (stamps whose month is in the host's language read as their English ones: "mars 05 09:02:44" from a French
    # host's journalctl -r; blind round 181. The lines themselves stay as they are, their rewriting comes later)
    english = english_stamps(chunk)
    times = [_line_time(line) for line in (lines if english is None else english.split(b"\n"))]
    changed = False
    at = 0
    while at < len(lines):
        if times[at] is None:
            at += 1
            continue
        end = at
        while end < len(lines) and times[end] is not None:
            end += 1
        if end - at >= _NEWEST_FIRST_MIN:
            keys = [time or b"" for time in times[at:end]]
            back = sum(later < earlier for earlier, later in pairwise(keys))
            forward = sum(later > earlier for earlier, later in pairwise(keys))
            if back > forward and back >= _NEWEST_FIRST_MIN - 1:
                # (reversed before the stable sort: lines of one second are listed newest first too, as logcli,
                # journalctl -r and a log viewer list them; blind round 179's "Completed" before its 100% line)
                order = sorted(range(end - at - 1, -1, -1), key=lambda i: keys[i])
                lines[at:end] = [lines[at + i] for i in order]
                changed = True
        at = end
    return b"\n".join(lines) if changed else None


_BRACKET_TAG = rb"[^\[\]\n:]{0,40}\d[^\[\]\n:]{0,40}"
"""A job's tag between brackets: a number or an accession somewhere in it."""
_JOB_TAG = re.compile(
    rb"[ \t]*(?:(?:\d{4}-\d\d-\d\d[T ])?\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?[ \t]+)?"
    # (the node's tag before the job's, Rundeck's "[hpc-transfer01] [amostra=SRR5005053] ascp ..."; blind round 207)
    rb"(?:\[[^\[\]\n:]{1,60}\][ \t]+(?=\[" + _BRACKET_TAG + rb"\][ \t]))?"
    rb"(?:\[(?![0-9A-Fa-fx]+-[0-9A-Fa-fx]+\])(?P<bracket>" + _BRACKET_TAG + rb")\][ \t]"
    # (an empty tag: the job whose argument was empty, "[] Usage: ascp ..."; blind round 179's xargs jobs)
    rb"|\[(?P<empty>)\][ \t](?=\S)"
    rb"|(?P<tab>[^\t\n :]{0,60}\d[^\t\n :]{0,60})\t"
    rb"|(?P<label>\d{1,4}): |(?P<service>[\w.-]{0,60}\d[\w.-]{0,60}) +\| )"
)
"""A tag that names which of several jobs wrote a line, after an optional time stamp: a script's ``[job5]``,
``[SRR1234567]``, GNU parallel's ``--tag`` (the argument and a tab), Slurm's ``srun --label`` (``3: ``), docker
compose's ``fetch-2  | ``; or an empty ``[]``, the job whose argument was empty. Otherwise it holds a digit: a job's
number or an accession, not a level (``[INFO]``) or a stream; not ascp's own log file's ``[pid-thread]``, whose lines
the logged sessions' reading takes apart by process."""
_JENKINS_BRANCH = re.compile(rb"\[Pipeline\] \{ \(Branch: ([^()\n]{1,60})\)")
"""Jenkins' start of a parallel branch, its name (the tag of the branch's lines)."""
_JOB_STARTED = re.compile(rb"\[\d{1,3}\][+-]?\s+\d+\s*$")
"""bash's line for a background job it started, its job number and process id (``[1] 30411``)."""
_ASCP_SAID = re.compile(rb"ascp|ascli|Session Stop|Completed: |Partial Completion|FASP|fasp")
_TAGGED_MIN = 2
"""Jobs with ascp's words in their lines that make a paste one of parallel jobs."""


_TAGLESS_OUTPUT = re.compile(rb"\s\d{1,3}%\s|^\s*(?:Completed: |Session Stop |Partial Completion: )")
"""ascp's progress line or summary, not a tagged line's wrapped rest."""


def _named_jobs(lines: list[bytes], tags: list[bytes | None]) -> bytes | None:
    """Tagged jobs' commands and ends as a wrapper's "start NAME ascp ..." and "NAME exit=N" (see
    ``tagged_runs_apart``); None when no tagged line is either."""
    out: list[bytes] = []
    changed = False
    for line, tag in zip(lines, tags, strict=True):
        command = _TAGGED_COMMAND.match(line) if tag is not None else None
        ended = _TAGGED_END.match(line) if tag is not None and command is None else None
        if command is not None:
            line = b"start " + command.group(1) + b" " + line[command.end() :]
        elif ended is not None:
            line = ended.group(1) + b" exit=" + ended.group(2)
        changed = changed or command is not None or ended is not None
        out.append(line)
    return b"\n".join(out) if changed else None


_TAGGED_COMMAND = re.compile(rb"\[([\w.:-]{2,40})\][ \t]+(?=(?:\S*/)?ascp4?(?:\.exe)?[ \t]+-)")
"""A job's ascp command echoed under the job's tag in brackets ("[SDY1412] ascp -v -O 33001 ...")."""
_TAGGED_END = re.compile(
    rb"\[([\w.:-]{2,40})\][ \t]+(?:(?:\S*/)?ascp4?(?:\.exe)?[ \t]+)?"
    rb"(?i:exit(?:ed)?(?:[ \t]+with)?(?:[ \t]+(?:status|code))?[ \t]*[=:]?[ \t]*|rc[ \t]*=[ \t]*)(-?\d+)[ \t]*\r?$"
)
"""The same job's end under its tag ("[SDY1563] ascp exit status 1", "[SDY1412] exit=0")."""


def tagged_runs_apart(chunk: bytes) -> bytes | None:
    """A paste of parallel jobs' output, each line tagged with its job (``[job5] ...``, ``parallel --tag``), whose
    jobs' lines are interleaved, with each job's lines put together where the job's first line was, or None when the
    paste is not one. The tags stay on the lines (the scanner takes them off); only the order changes, so that each
    job's run reads as one run and the runs stay in the order they started. Blind round 72: six uploads started at
    once from cron, two failing, read as runs merged across jobs."""
    if len(chunk) > PASTE_MAX or (
        b"[" not in chunk and b"\t" not in chunk and b": " not in chunk and b"| " not in chunk
    ):
        return None
    lines = chunk.split(b"\n")
    tags: list[bytes | None] = []
    said: set[bytes] = set()
    previous: bytes | None = None
    # (Jenkins' parallel branches, declared by name: "[Pipeline] { (Branch: kanal-A)", then each line "[kanal-A] ...";
    # blind round 204's four uploads, their names without a digit)
    branches = set(_JENKINS_BRANCH.findall(chunk)) if b"(Branch: " in chunk else set()
    for line in lines:
        found = _JOB_TAG.match(line)
        tag = None
        # (bash's job control lines, "[1] 30411" and "[2]   Exit 1   ascp ...": a background job's number, no tag)
        if found is not None and _JOB_STARTED.match(line) is None and _JOB_ENDED.match(line) is None:
            tag = found.group(found.lastgroup or 0)
        elif branches and line[:1] == b"[" and (close := line.find(b"] ", 1, 62)) > 0 and line[1:close] in branches:
            tag = line[1:close]
        elif previous is not None and line[:1] in b" \t" and line.strip() and _TAGLESS_OUTPUT.search(line) is None:
            tag = previous  # a tagged line's wrapped rest, indented (not ascp's own indented progress line)
        tags.append(tag)
        if tag is not None and tag not in said and _ASCP_SAID.search(line) is not None:
            said.add(tag)
        previous = tag if line.strip() else None
    if len(said) < _TAGGED_MIN:
        return None
    services = _compose_services(lines, tags, said)
    if services is not None:
        return services
    first = tags.index(next(tag for tag in tags if tag is not None))
    last = len(tags) - 1 - tags[::-1].index(next(tag for tag in reversed(tags) if tag is not None))
    if any(
        tag is None and (_ASCP_SAID.search(line) is not None or _TAGLESS_OUTPUT.search(line) is not None)
        for line, tag in zip(lines[first:last], tags[first:last], strict=True)
    ):
        # (ascp's own lines untagged between the tagged ones: the jobs tagged only their commands and ends, "[SDY1412]
        # ascp -v ...", "[SDY1563] ascp exit status 1"; blind round 177's nohup jobs. The lines stay where they are;
        # each job's command and end are written as a wrapper names the runs it starts and ends, "start SDY1412
        # ascp ..." and "SDY1563 exit=1", so that each output is its job's and the runs are listed as they started)
        return _named_jobs(lines, tags)
    # interleaved: some job's lines come in two stretches with another job's between
    stretches = [tag for before, tag in pairwise([None, *tags]) if tag is not None and tag != before]
    named = [tag for tag in tags if tag is not None]
    if len(stretches) <= len(set(named)):
        return None
    groups: dict[bytes, list[bytes]] = {}
    for line, tag in zip(lines, tags, strict=True):
        if tag is not None:
            groups.setdefault(tag, []).append(line)
    out: list[bytes] = []
    for line, tag in zip(lines, tags, strict=True):
        if tag is None:
            out.append(line)
        elif tag in groups:
            out.extend(groups.pop(tag))
    return b"\n".join(out)


_COMPOSE_EXIT = rb"(?P<service>[\w.-]+) exited with code -?\d+\s*$"
"""docker compose's own word that a service's container ended (``qc-upload-1 exited with code 1``)."""
_COMPOSE_LINE = re.compile(rb"[\w.-]+ +\| (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?) ")
"""A line of ``docker compose logs -t``: the service's tag, then the container's time stamp."""
_COMPOSE_EXITED = re.compile(_COMPOSE_EXIT)


def _compose_services(lines: list[bytes], tags: list[bytes | None], said: set[bytes]) -> bytes | None:
    """``docker compose logs -t``, which lists each service's lines together, service after service (not by time):
    the services that ran ascp, each with its "exited with code" line, in the order their first lines were
    stamped; the other services' lines (a database's warnings) are none of ascp's and left out. None unless every
    tagged line is compose's with a time stamp (blind round 204: the upload that died at once listed second)."""
    stamps: dict[bytes, bytes] = {}
    for line, tag in zip(lines, tags, strict=True):
        if tag is None:
            continue
        found = _COMPOSE_LINE.match(line)
        if found is None:
            return None
        stamps.setdefault(tag, found.group(1))
    groups: dict[bytes, list[bytes]] = {}
    before: list[bytes] = []
    after: list[bytes] = []
    for line, tag in zip(lines, tags, strict=True):
        ended = _COMPOSE_EXITED.match(line) if tag is None else None
        if ended is not None and ended.group("service") in stamps:
            tag = ended.group("service")
        if tag is not None:
            groups.setdefault(tag, []).append(line)
        else:
            (after if groups else before).append(line)
    out = list(before)
    for tag in sorted((tag for tag in groups if tag in said), key=stamps.__getitem__):
        out.extend(groups[tag])
    out.extend(after)
    return b"\n".join(out) if out != lines else None


def _scalar(value: Any) -> str:
    """A record's field as text: a string, or an integer's digits (not a boolean); else ''."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _text(value: Any) -> str:
    """A notebook's multi-line string: a list of lines (each with its line end) or one string."""
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def journal_as_syslog(chunk: bytes) -> bytes:
    """``journalctl -o json`` lines (or ``-o json-pretty`` entries) as the syslog lines ``journalctl -o short-iso``
    would print (time, host, ``IDENTIFIER[PID]: MESSAGE``), so that every other reading applies; a line that is no
    journal entry stays."""
    out = []
    entries: list[tuple[int, list[bytes]]] = []  # each entry's time (microseconds) and lines
    plain = 0  # lines that are no entry
    lines = chunk.split(b"\n")
    at = 0
    while at < len(lines):
        raw = lines[at]
        at += 1
        if raw[:1] == b"\x1e":
            raw = raw[1:]  # ``-o json-seq``: each entry after the record separator (RFC 7464; blind round 133)
        elif raw[:7] == b"data: {":
            raw = raw[6:]  # ``-o json-sse``: each entry as a server-sent event's data (blind round 139)
        if not raw.startswith(b"{"):
            out.append(raw)
            plain += bool(raw.strip())
            continue
        if raw.rstrip() == b"{":
            # ``-o json-pretty``: an entry over many lines, up to its closing brace (blind round 124)
            end = next((i for i in range(at, min(at + 400, len(lines))) if lines[i].rstrip() == b"}"), None)
            if end is not None:
                raw = b"\n".join(lines[at - 1 : end + 1])
                at = end + 1
        try:
            entry = json.loads(raw)
            message = entry.get("MESSAGE") or ""
            if isinstance(message, list):  # journald's form for a message that is not UTF-8: its bytes
                message = bytes(message).decode("utf-8", "replace")
            told = _journal_lines(entry, str(message))
            out.extend(told)
            entries.append((int(entry["__REALTIME_TIMESTAMP"]), told))
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, OSError):
            out.append(raw)
            plain += bool(raw.strip())
    if not plain and len(entries) >= 2 and entries[0][0] > entries[-1][0]:
        # ``journalctl -r -o json``: its entries newest first (blind round 220: each session's stop before its
        # start); put in the order they were made, as ``-o json`` prints them
        out = [part for _, told in reversed(entries) for part in told]
    return b"\n".join(out)


_ASCP_RECORD_MESSAGE = re.compile(r"LOG FASP (?:Session|Transfer) (?:Start|Stop|Params|Statistics)\b")
"""A message that is one of ascp's records (its LOG line), whoever the journal names."""


def _journal_lines(entry: dict[str, Any], message: str) -> list[bytes]:
    """One journal entry's syslog lines as ``journalctl -o short-iso`` prints them (its time, host and
    ``IDENTIFIER[PID]: ``, one line per line of its message), from its fields (``-o json``'s or ``-o export``'s)."""
    stamp = datetime.fromtimestamp(int(entry["__REALTIME_TIMESTAMP"]) / 1e6, tz=UTC)
    tag = entry.get("SYSLOG_IDENTIFIER") or entry.get("_COMM")
    if not tag:
        # fields cut by a grep (only the time, host, PID and message kept; blind round 129): ascp's own records
        # say whose they are ("LOG FASP Session Start ...")
        tag = "ascp" if _ASCP_RECORD_MESSAGE.match(message) is not None else "-"
    pid = entry.get("SYSLOG_PID") or entry.get("_PID")
    host = entry.get("_HOSTNAME") or "-"
    # (an export that kept no process id, its _PID field left out: "[0]", so that its records are still read in
    # syslog's form, ``ascp[PID]: LOG FASP ...``, and sshd's too; blind round 149's journald export)
    process = f"{tag}[{pid or 0}]"
    return [f"{stamp.isoformat()} {host} {process}: {part}".encode("utf-8", "replace") for part in message.split("\n")]


def is_syslog(chunk: bytes) -> bool:
    """Whether a chunk is in syslog form (its first and a middle line carry a syslog time stamp)."""
    return all(
        _BSD_STAMP.match(chunk, at) or (_ISO_STAMP.match(chunk, at) and not _SRA_TOOLS.match(chunk, at))
        for at in _samples(chunk)
    )


def has_syslog_tags(chunk: bytes) -> bool:
    """Whether a chunk's first and a middle line carry host and tag after their time stamp (``is_syslog``'s test
    of the stamp alone also holds for a CI runner's or a container runtime's stamped lines)."""
    for at in _samples(chunk):
        stamp = _BSD_STAMP.match(chunk, at) or _ISO_STAMP.match(chunk, at)
        if stamp is None or not _SYSLOG_TAG.match(chunk, stamp.end()):
            return False
    return True


def is_file_form(chunk: bytes) -> bool:
    """Whether a chunk is one of ascp's own log files (its first and a middle line carry the file prefix)."""
    return len(chunk) > 1 << 16 and all(_FILE_FORM.match(chunk, at) for at in _samples(chunk))


def line_bounds(chunk: bytes, at: int) -> tuple[int, int]:
    """Start and end (exclusive, without the line end) of the line holding position ``at``."""
    end = chunk.find(b"\n", at)
    return chunk.rfind(b"\n", 0, at) + 1, len(chunk) if end < 0 else end


def syslog_prefix(chunk: bytes, tag_at: int) -> tuple[bytes, bytes]:
    """(time stamp, host) of the syslog line whose tag starts at ``tag_at``."""
    start = chunk.rfind(b"\n", 0, tag_at) + 1
    if chunk.startswith(b"- ", start):
        start += 2  # pastebin's list markers in copies of logs
    if chunk.startswith(b"<", start):
        start = chunk.find(b" ", start, tag_at) + 1  # RFC 5424's <PRI>VERSION
    host_at = chunk.rfind(b" ", start, tag_at - 1)
    return chunk[start:host_at], chunk[host_at + 1 : tag_at - 1]


def file_prefix(chunk: bytes, bracket_at: int) -> bytes:
    """The time stamp of the file-form line whose ``[pid-thread]`` starts at ``bracket_at``."""
    start = chunk.rfind(b"\n", 0, bracket_at) + 1
    return chunk[start : bracket_at - 1]


_NOT_A_CONTINUATION = re.compile(
    rb"\s*(?:ascp|Session Stop|Completed|Partial Completion|LOG |ERR |DBG |\S+\s+\d{1,3}%"
    rb"|[A-Z][\w-]*(?: [\w-]+)?: |\S*[$#>] |\S+@\S+(?: \S+)? ?[$#%](?: |\r?$)|\[[^\]\n]{1,60}\][$#] "
    rb"|[-=_*~]{10,}\s*$|\(|\d{4}-\d\d-\d\d[ T]|[DIWEF], \[\d{4}-|\[[A-Z][\w .-]{0,40}\]:? "
    # (and ascli's logger line without its head: "ERROR -- : Cannot rename partial file" under a command of exactly 80
    # characters; blind round 186)
    rb"|(?:DEBUG|INFO|WARN|ERROR|FATAL) -- : "
    # (and a line about ascp by its path, the loader's or the shell's: "/home/runner/.aspera/sdk/ascp: /lib64/
    # libc.so.6: version `GLIBC_2.28' not found ..." under a command of exactly 80 characters; blind round 194)
    rb"|\S*/ascp4?(?:\.exe)?: "
    # (and a row of kubectl describe's events: "Normal   BackOff    96s (x171 over 41m)  kubelet  ..."; round 194)
    rb"|(?:Warning|Normal) {2,}[A-Z]\w+ {2,}"
    # (and docker compose's word that a service's container ended: "qc-upload-1 exited with code 1" under its loader
    # line of exactly 120 characters; blind round 204)
    rb"|" + _COMPOSE_EXIT + rb"|\[[0-9a-f]{2}/[0-9a-f]{6}\] )"
)
"""Lines that start something of their own (ascp's forms, a capitalised label such as ``Error:``, a shell
prompt, a time stamp, ascli's logger line, a wrapper's tag such as ``[Transporter Error Output]:``, Nextflow's
work directory ``[5d/2b8e41]``), never the wrapped rest of the log line before them."""
_QUOTE_MARK = rb"[ \t]*(?:>+(?!=)|#{1,6}(?= )|[-*+](?= )|\d{1,2}\.(?= ))"
_QUOTED = re.compile(rb"(?:" + _QUOTE_MARK + rb"|[ \t]*\|(?=[ \t]|$))*[ \t]*")
"""What a paste puts in front of every line: markdown quote markers (``> ``, ``>> ``, ``| ``), headings and list
markers (``### ``, ``- ``, ``1. ``) and indentation (a code block in a forum post; Nextflow's ``Command error:``
indents the tool's output by two spaces)."""
_QUOTED_AROUND = re.compile(rb"(?:" + _QUOTE_MARK + rb")*[ \t]*")
"""The same but the pipe, which also starts a table's row."""
_LOGGED = re.compile(
    rb"\[?(?P<stamp>\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"
    # (Airflow 2's task log: "[2024-09-02, 01:41:07 UTC] {subprocess.py:93} INFO - ..."; blind round 220's attempts
    # printed newest first)
    rb"|\d{4}-\d\d-\d\d, \d\d:\d\d:\d\d(?:[.,]\d+)?(?=(?: UTC)?\])"
    rb"|\d\d/\d\d/\d{4},? \d\d?:\d\d:\d\d(?:[.,]\d+)?(?: [AP]M)?|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?"
    # (Prefect's time of day alone, before its level between bars: "10:02:15.379 | INFO    | Task run ..."; blind
    # round 145)
    rb"|\d\d:\d\d:\d\d\.\d{3}(?=[ \t]+\|[ \t]*(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)[ \t]*\|)"
    # (Rundeck's log view: the time of day alone, two spaces after it, "10:40:03  Time: 00:01:12 ==== 100% ..."; blind
    # round 177: ascli's bar after it had not been read)
    rb"|\d\d:\d\d:\d\d(?=  \S)"
    # (or one space before its node's tag and its job's: Rundeck's "22:00:01 [hpc-transfer01] [amostra=SRR5005053] ascp
    # ..."; blind round 207. Not a timeline's "16:40:03 [b82e55a1c9] Use the new ...", round 125's Fossil, nor
    # parallel-ssh's header, "[1] 14:22:09 [SUCCESS] node07")
    rb"|\d\d:\d\d:\d\d(?= \[[^\[\]\n]{1,80}\] \[[^\[\]\n]{1,80}\] ))"
    rb"(?: UTC)?\]?[ \t]+"
    rb"(?:(?:-[ \t]+[\w.]+[ \t]+)?[-|]?[ \t]*\[?(?:DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|CRITICAL|FATAL)\]?"
    # (a logger's name after the level: loguru's "mod:fn:12 - ", Prefect's "Task run 'ascp_download-0' - ")
    rb"(?:[ \t]*[-|:][ \t]*|[ \t]+)(?:[\w.]+:[\w<>]+:\d+[ \t]+-[ \t]+|(?:Task|Flow) run '[^'\n]{1,80}'[ \t]+-[ \t]+)?)?"
    rb"|(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\w.]+:"
    rb"|(?:ERRR|WARN|INFO|DEBG|FATL|TRA1|TRA2|UNKN)[ \t]+(?=\S)"
    # (TeamCity's build log, its time and its message's status: "[18:27:04] :   [Publish via ascli] E, [...] ERROR -- :
    # Destination: File exists", "[18:03:41]W: ..."; blind round 220: ascli's logger line behind it had been no line)
    rb"|\[\d\d:\d\d:\d\d\](?: |[iWEF]):[ \t]+"
    rb"|\[(?![0-9a-f]{2}/[0-9a-f]{6}\] )[^\[\]\n]{1,80}\][ \t]+"
    # (Airflow's task log, its module and line, then its level: "{subprocess.py:93} INFO - "; blind round 175)
    rb"|\{[\w.]{1,60}:\d{1,6}\}[ \t]+(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)[ \t]+-[ \t]?"
    rb"|\d{1,5}:[ \t]"
    rb"|\d{1,6}:[0-2]>[ \t]?"
    rb"|[\w.-]{1,60}[ \t]+\|[ \t]"
    rb"|[a-z0-9][a-z0-9-]{2,80}-[a-z0-9]{5,12}:[ \t]"
    rb"|(?:build|simple|error|command)\t\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d\t"
    rb"|pid=\d+ tid=\w+(?: class=\S+)?(?: jid=\w+)?(?: elapsed=[\d.]+)? (?:DEBUG|INFO|WARN|ERROR|FATAL): "
    rb"|[^\t\n :]{1,80}\t(?=[^\t\n]*$)"
    rb"|\d{10}(?:\d{3})?(?:\.\d+)?,(?=\")"
    rb"|(?:[\w.-]{1,40}:[ \t]+)?ascp4?[ \t]+(?:stdout|stderr)[ \t]*[:>|][ \t]?"
    rb"|(?:[\w.-]{1,40}[ \t]+)?[\w.-]{1,40}:[ \t]+std(?:out|err):[ \t]?"
    rb"|(?:[\w.-]{1,40}:[ \t]+)?ascp:[ \t]+(?=\S+[ \t]+\d{1,3}%[ \t])"
    # (a job log's name for ascli before its own lines: its logger's, its bar, its "complete"; "[pid 41877] ascli: E,
    # [2024-07-08T01:09:51.413802 #41877] ERROR -- : Cannot rename partial file"; blind round 205's postmortem)
    rb"|ascli:[ \t]+(?=[DIWEF], \[\d{4}-|Time: \d|complete\s*$)"
)
"""What a logger, a CI runner or a job runner puts in front of the lines it passes on: a time stamp (GitHub
Actions' ``2024-03-05T10:00:11.1234567Z``, Python logging's ``2024-03-05 10:11:12,345``, ``03/05/2024 10:11:12
AM``, moreutils' ts ``Mar 05 10:11:00``), with the level and logger name that follow it (``- root - INFO -``,
``INFO:``, ``| INFO | mod:fn:12 -``), or Python's default ``ERROR:root:``; a source's tag: in brackets (``[job 12
task 0]``, ``[pod/x/ascp]``), Slurm's ``srun --label`` (``0: ``), HyperQueue's ``hq log ... show`` (task and
stream: ``0:2> ``; blind round 125), docker compose's ``fetch-1  | ``, a pod's name
(``argo logs``' ``nightly-8kz4m-ascp-pull-1873401112: ``), Bamboo's kind and time (``build<TAB>09-Jun-2025
10:12:33<TAB>``), Sidekiq's process, thread, job and level (``pid=9 tid=2p3 class=X jid=5b1f INFO: ``), or one
field and
a tab (``parallel --tag``, ``cat -n``); newer ascli's four-letter level (``ERRR ...``, ``WARN ...``); a log
export's epoch time and comma before the quoted message (CloudWatch's CSV: ``1718011204388,"ascp: ..."``); a
wrapper's name for the stream it passes on (``push: ascp stderr: ascp: ..., exiting.``, ``worker-1 ascp_runner:
stdout: ...``, a function's ``PullNightlyStems: ascp: `` before ascp's progress line). Not
Nextflow's abbreviated work directory (``[5d/2b8e41] NOTE: ...``): it names the task's attempt, which a later
``cat work/5d/2b8e41*/.command.log`` may show (the analyzer notes it, then drops it). Tried only after ascp's own
prefixes (its log file's stamp is followed by ``[pid-thread]``, syslog's by host and tag), so those keep their
meaning."""
_ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|[@-Z\\-_])|[^\n]\x08")
"""Terminal escape sequences (colours, erasing the line: ``ESC[31m``, ``ESC[2K``), window titles, and
``script``'s or man's overstrike (``X BS X``): what a terminal shows, not what was said."""
_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LOOKALIKES = (
    (b"\xc2\xa0", b" "),  # no-break space (a copy from a web page)
    (b"\xe2\x80\x8b", b""),  # zero-width space
    (b"\xef\xbb\xbf", b""),  # a byte-order mark inside the text (pastes joined)
    (b"\xe2\x80\x9c", b'"'),
    (b"\xe2\x80\x9d", b'"'),
    (b"\xe2\x80\x98", b"'"),
    (b"\xe2\x80\x99", b"'"),
    (b"&quot;", b'"'),
    (b"&#39;", b"'"),
    (b"&#x27;", b"'"),
    (b"&apos;", b"'"),
    (b"&gt;", b">"),
    (b"&lt;", b"<"),
    (b"&amp;", b"&"),
)
_LONE_NBSP = re.compile(rb"(?<=[\x00-\x7f])\xa0")
"""A no-break space saved as one byte (Windows-1252, "ANSI" Notepad): a space, unless it continues a UTF-8
character."""


def as_pasted(chunk: bytes) -> bytes:
    """The text a person sees in a paste: without terminal escapes and overstrike or other control characters,
    with web pages' look-alikes (no-break and zero-width spaces, curly quotes, HTML entities) made plain. For
    console output and copies of it; a log file's or a syslog's fast path never needs it."""
    if b"\x1b" in chunk or b"\x08" in chunk:
        chunk = _ESCAPES.sub(b"", chunk)
    chunk = _CONTROLS.sub(b"", chunk) if _CONTROLS.search(chunk) else chunk
    for odd, plain in _LOOKALIKES:
        if odd in chunk:
            chunk = chunk.replace(odd, plain)
    if b"\xa0" in chunk:
        chunk = _LONE_NBSP.sub(b" ", chunk)
    return chunk


_JOB_ENDED = re.compile(rb"\[\d{1,3}\][+-]?\s+(?:Done|Exit \d+|Terminated|Killed|Stopped|Hangup|Interrupt)\b")
"""bash's line for a background job that ended, its job number first."""


_CHAT_NICK = re.compile(rb"<[@+%~&]?[A-Za-z][\w.|^`-]{0,30}> ")
"""An IRC-style chat log's speaker ("<raj> "), after the time the log stamps each line with."""
_IRC_TIME = re.compile(rb"(\d{1,2}:\d\d(?::\d\d)?) ")
"""A chat log's time of day without brackets, before its speaker's ``<nick>``."""
_TAB_CHAT = re.compile(rb"\d{1,2}:\d\d(?::\d\d)?\t[^\t\r\n]{1,60}\t(?=\S)")
"""A chat export's time and speaker, each ended by a tab (LINE's ``08:58\tName (Team)\t``), before the message."""
_CHAT_NAME = re.compile(rb"[A-Za-z][\w.-]{0,30}: ")
"""A chat export's speaker by name ("ana.r: "), after the time the export stamps each message with."""


def _undecorated(raw: bytes) -> tuple[bytes, bytes | None]:
    """The line without a logger's or CI runner's prefixes (a tag, then a stamp and level, at most three), and
    their time stamp (None without one)."""
    stamp = None
    for _ in range(3):
        first = raw[:1]
        if (first.isdigit() or first.isupper() or first == b"-") and (_FILE_FORM.match(raw) or _SYSLOG.match(raw)):
            break  # ascp's own prefix: taken apart by the caller
        if first == b"[" and _JOB_ENDED.match(raw) is not None:
            break  # bash's job number ("[2]   Exit 1   ascp ..."): which job, not a logger's tag
        if raw[:2] == b"[!":
            break  # a markdown alert's or an Obsidian callout's type ("[!bug] UDP blocked"), not a logger's level
        found = _LOGGED.match(raw)
        if found is not None and found.end() == len(raw) and raw.rstrip()[-1:] in (b":", b"|"):
            return b"", stamp  # a source's tag before an empty line ("pod-1873401112: "): the line is blank
        if found is None or found.end() == len(raw):
            break
        raw, stamp = raw[found.end() :], stamp or found.group("stamp")
    if stamp is not None and stamp[10:12] == b", ":
        stamp = stamp[:10] + stamp[11:]  # (Airflow's "2024-09-02, 01:41:07": the date and time as ISO's)
    return raw, stamp


def _prefixed(
    raw: bytes,
    file_form: Callable[[bytes], re.Match[bytes] | None],
    syslog: Callable[[bytes], re.Match[bytes] | None],
) -> Line | None:
    """The line as ascp's log file or syslog writes it (prefix taken apart), or None."""
    first = raw[:1]
    if first.isdigit():
        found = file_form(raw)
        if found is not None:
            return Line(raw[found.end() :].rstrip(b"\r"), found.group("stamp"), found.group("pid"), False)
    if first.isdigit() or first.isupper() or first == b"-":
        found = syslog(raw)
        if found is not None:
            process = (found.group("host") or b"") + b"/" + found.group("pid")
            return Line(raw[found.end() :].rstrip(b"\r"), found.group("stamp"), process, True)
    return None


_CODE_SPAN = re.compile(rb"`[^`\n]+`")
_LIST_MARK = re.compile(rb"^\s*(?:[-*+>#]+\s*|\d{1,2}[.)]\s+|\[[ xX]\]\s*)*")


def _inline_code(raw: bytes) -> bool:
    """Whether a line holds markdown's inline code that does not stand alone: words or signs beside the span, past
    a list's or a quote's marks (a line that is only `` `ascp: ...` `` may be a paste)."""
    if raw.count(b"`") < 2 or raw.lstrip()[:3] == b"```":
        return False
    rest = _CODE_SPAN.sub(b"", raw)
    if len(rest) == len(raw):
        return False
    return bool(rest[_LIST_MARK.match(rest).end() :].strip())  # type: ignore[union-attr]  # matches "" at least


_DOC_ELEMENT = re.compile(
    rb"\s*(?:<details\b[^<>\n]{0,200}>\s*)?"
    rb"<(description|summary|title|comment|help|documentation|note|remark|label|h[1-6])\b[^<>\n]{0,200}>.*</\1>\s*$"
)
"""An XML element holding a file's prose (a rule's description, a package's summary), an HTML heading or a folded
block's title (``<details><summary>ascp: failed to authenticate</summary>`` over an issue's log; blind round 106)."""
_HEREDOC = re.compile(rb"(?<!<)<<(?!<)[~-]?[ \t]*['\"]?([A-Z_][A-Z0-9_]{1,20})['\"]?(?![\w'\"])")
"""A here-document's opening (Ruby's ``<<~LOG``, a shell's ``cat <<'EOF' > file``): the word that ends it."""
_TRIPLE_QUOTED = re.compile(rb"(?:=|@\w+|\(|\breturn)[ \t]*[rbuRB]?(?:\"\"\"|''')$")
"""A triple-quoted string opened at a line's end, after an assignment, a module attribute or a call's parenthesis."""
_HEREDOC_LINES = 200
"""A here-document's lines at most: one never closed in a paste ends there."""
_CODE_LANGUAGES = frozenset(
    b"rust rs go golang js javascript jsx ts typescript tsx kotlin kt swift java c cpp c++ csharp cs ruby rb php scala"
    b" perl python py r groovy lua dart elixir haskell ocaml clojure julia matlab vb vba fsharp objc objective-c"
    b" zig nim".split()
)
"""A markdown fence's language names of source code (not a console's, a shell's or a log's)."""
_LEADER_ROW = re.compile(rb"[ \t]*\S[^\n]*? \.{4,} ?\d{1,3}(?:[.,]\d+)?[ \t]?%[ \t]*$")
"""A tally's row with a dot leader (``failed to authenticate ........ 19%``): a report's count of a reason."""
_NUMBERED_QUESTION = re.compile(rb"[ \t]*[A-Za-z]{0,2}\d{1,2}[.)][ \t]+\xc2\xbf")
"""A numbered FAQ question opened with Spanish's (or Quechua's) inverted question mark (``2. ¿Imanasqataq "..."``)."""
_NUMBERED_QUOTE = re.compile(rb'[ \t]*[A-Za-z]{0,2}\d{1,2}[.)][ \t]+"[^"\n]{8,}"(?:[ \t.,:;-]|\xe2\x80\x94)*$')
"""A numbered item that is one quoted message (``2. "ascp: failed to authenticate, exiting."``)."""
_CODE_ASSIGN = re.compile(
    rb"[ \t]*(?:(?:pub|export|public|private|static|final|readonly)[ \t]+)*"
    rb"(?:const|let|var|val|local|my|our|auto|String|string)[ \t]+[A-Za-z_$][\w$]*[ \t]*(?::[ \t]*[\w\[\]<>*&. ]+)?="
    rb"[ \t]*[rbuf]?[\"'`]"
    # (PowerShell's, Perl's or PHP's variable: '$err = "ascp.exe: failed to authenticate, exiting."' in a Pester
    # test's mocked output; blind round 136)
    rb"|[ \t]*\$[A-Za-z_][\w:]*[ \t]*=[ \t]*[\"']"
)
"""A source line that assigns a string literal (``const line = "ascp: ...";``, ``let a = '...'``): code's data."""
_TEST_CODE = re.compile(
    rb"[ \t]*(?:[A-Za-z_][\w.]*[ \t]*<<?-[ \t]|(?:expect(?:[._]\w+)*|assert(?:[._]\w+|That|Equals?)*|self\.assert\w+"
    rb"|test_that)[ \t]*\()"
)
"""A test's code line (R's assignment ``out <- c(...)``, testthat's ``expect_equal(``, an ``assert...(`` call), whose
string literals are what the test feeds or expects, no output (blind round 94's testthat file)."""
_TRANSLATION_ELEMENT = re.compile(
    rb"\s*<(source|translation|target|string|value|numerusform)\b[^<>\n]{0,200}>.*</\1>\s*$"
)
"""A translation file's string (Qt's .ts ``<source>``/``<translation>``, XLIFF's ``<target>``, Android's
``<string>``, .resx's ``<value>``): a program's message text and its translation, never output."""
_JSON_FILE_HEAD = re.compile(rb"\s*[\w./-]{1,200}\.json:?[ \t]*\r?\n(?:[-=]+\r?\n)?[ \t]*[\[{][ \t]*\r?\n")
"""A JSON file's name on the input's first line, then the document (its name underlined or not)."""
JSON_FIXTURES = re.compile(
    rb'^([ \t]*)"[\w$.@-]{0,40}(?:tests?|examples?|samples?|fixtures?|test_?cases|cases)"\s*:\s*[\[{][ \t]*\r?$',
    re.I | re.M,
)
"""A JSON document's key opening a list of tests or examples (``"extractor_tests": [``), its indentation first:
the lines indented deeper are its items (read here line by line, and by the analyzer over a chunk's records)."""
_JSON_STRING_FIELD = re.compile(rb'[ \t]*"[\w$.@-]{1,80}"\s*:\s*"')
"""A pretty-printed JSON document's field whose value is a string."""
_JSON_PROSE_FIELD = re.compile(
    rb'[ \t]*"(?:[Dd]escription|[Ss]ummary|[Tt]itle|[Cc]omment|[Hh]elp|[Rr]emark|[Nn]ote)"\s*:\s*"'
)
"""A JSON field of prose (a security group's, a rule's or a schema's ``"Description": "..."``): a document's words."""
_JSON_BODY_FIELD = re.compile(rb'[ \t]*"(?:body|jsonBody|responseBody|response_body|bodyFile)"\s*:\s*"')
"""A recorded or stubbed HTTP exchange's body as a JSON string (a mock server's simulation, a recording)."""
_PROSE_KEYS = rb"summary|description|message|title|help|details?|note|comment"
"""The keys of a configuration's fields of prose (a rule's summary, a resource's description)."""
_HCL_PROSE = re.compile(
    rb"[ \t]*[-+~]?[ \t]*(?:" + _PROSE_KEYS + rb')[ \t]*=[ \t]*"[^\n]*"(?:[ \t]*->[ \t]*"[^\n]*")?[ \t]*$'
)
"""An HCL attribute of prose, as Terraform's plan shows it (``+ description = "..."``, ``~ description = "a" ->
"b"``; blind round 113's security group rule): a configuration's words, no output."""
_QUOTED_FIELD = re.compile(rb"[ \t]*(?:-[ \t]+)?(?:" + _PROSE_KEYS + rb"|msg|text):[ \t]+[\"'][^\"'\n]+[\"']\s*$")
"""A YAML or configuration field of prose whose value is a quoted string (an alert rule's ``summary: "..."``)."""
GLOSS = r"(?:, exiting\.|\)\)?)[ \t]+(?:=|—|→|->|=>)[ \t]+\S"
"""ascp's message, at its end, followed by what it means: an equals sign, an em dash or an arrow, and words (a
glossary's entry: "ascp: failed to authenticate, exiting. \u2014 key or password", "...) = UDP blocked"); the
analyzer's replay of a person's quotes skips such lines too."""
_GLOSSED = re.compile(GLOSS.encode())
"""``GLOSS`` over a line's bytes (``->`` read so only in an indented line or a list's item: a wrapper's own line
writes it before what it does next, "... -> retrying (2/5)")."""
_QUOTED_MEANS = re.compile(
    rb"(?:, exiting\.|\)\)?|\bfailed to authenticate)(?:[\"'`]|\xe2\x80\x9d)[ \t]+"
    rb"(?:means|is not|isn't|is never|does(?:n't| not)(?: always)? mean|is a symptom)\b"
)
"""A quote of ascp's words closed, then what they mean as a sentence goes on ('"..." means', '"..." is not always')."""
_HTML_CODE = re.compile(rb"<code>.*?</code>")
"""HTML's inline code span."""
_CLOSERS_AT_END = re.compile(
    rb"</(?:pre|samp)>(?:[ \t]*</(?:pre|code|div|p|span|td|li|blockquote|samp|tt)>)*[ \t]*\r?$"
)
"""HTML's closing tags at a line's end, a block of output's first (``</pre></div>``)."""
_HTML_PROSE_OPEN = re.compile(rb"<(?:li|p)(?:\s[^<>]*)?>")
"""An HTML list item's or paragraph's opening tag."""
_HTML_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9_:-]{0,40}(?:\s[^<>\n]{0,200})?>")
"""An HTML tag (``<li>``, ``</code>``, ``<a href="...">``), a namespaced one too (Confluence's storage format,
``<ac:structured-macro ac:name="info">``; blind round 111)."""
_LISTED_CODE = re.compile(rb"\s*(?:[-*+]|\d{1,2}[.)])\s+`[^`\n]+`\s*$")
"""A list item that is inline code alone (``  - `Server aborted session: ...` ``)."""
_CODE_TICK = re.compile(rb"`(?![\w.+-]+')")
"""Markdown's inline-code backtick, not the dynamic loader's opening quote (``version `GLIBC_2.28' not found``)."""

_RUBY_LOGGER = frozenset((b"D, [", b"I, [", b"W, [", b"E, [", b"F, ["))
"""How ascli's (Ruby Logger's) lines start: ``W, [2023-09-14T16:38:14.730109 #217265]  WARN -- : ...``."""

_WHOLE_ENDINGS = (b"No such file or directory", b"Permission denied", b", exiting.", b"*****")
"""How the C library's and ascp's messages end: a line ending so was not cut at a terminal's width (nor Ansible's
banner, "TASK [aspera : descargar ERR3240175] ****...", stars to the width; blind round 146)."""
_TERMINAL_WIDTHS = frozenset((80, 100, 120, 132))
"""Widths at which terminals and consoles cut long lines: a line of exactly this length, followed by one that
starts nothing of its own, was cut."""
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
"""Every digit as 0: two lines' starts compared by their form (a stamp's, a counter's), not their values."""


def _docker_json(raw: bytes) -> bytes:
    """The text of one line of docker's json-file log (``{"log":"...\\n","stream":"stderr","time":"..."}``)."""
    try:
        text = json.loads(raw).get("log", "")
    except (ValueError, AttributeError):
        return raw
    return str(text).rstrip("\n").encode("utf-8", "replace")


_ESCAPE = re.compile(rb"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")
"""One escape of a Python or JSON string literal, taken left to right (``\\\\n`` is a backslash, then n)."""
_PLAIN_ESCAPES = {b"\\n": b"\n", b"\\r": b"", b"\\t": b"\t", b"\\'": b"'", b'\\"': b'"', b"\\\\": b"\\", b"\\/": b"/"}
"""The escapes such literals use and what they stand for (a carriage return is dropped: CRLF output)."""
_OPENING_QUOTE = re.compile(rb"""(?<![\\\w])b?(['"])""")
"""Where a literal may open: a quote (after Python's ``b`` prefix) that no letter or backslash precedes."""
_DRIVE = re.compile(rb"(?<![\w\\])[A-Za-z]:\\(?!\\)")
"""A Windows drive's path written plainly (``C:\\Users``): its ``\\n`` (``C:\\new``) is no line break."""
_CLOSING = re.compile(rb"""\s*['"]?(?:[,;)\]}'"]\s*)*""")
"""What may follow a literal's last line: its closing quote and the brackets or braces around it."""


_COMMAND_LIST = re.compile(rb"""\[\s*(['"])[^\s'"]{1,60}\1\s*,\s*['"]-""")
"""A program's command list as Python prints it (``['ascp', '-QT', ...]``: a word, then an option), not a list of
output lines."""
_QUOTED_WHOLE = re.compile(rb"""(?:\[ ?)?b?(?P<quote>['"])(?P<text>.+)(?P=quote)[ \t]*[,\]]?[ \t\r]*""")
"""A line quoted whole: R's ``[1] "..."`` after its index is gone, or ``'...',`` as one item of a Python list of
lines, the first opening the list (``['``) and the last closing it (``']``)."""


def _unescaped(escape: re.Match[bytes]) -> bytes:
    text = escape.group()
    plain = _PLAIN_ESCAPES.get(text)
    if plain is not None:
        return plain
    if len(text) < 4:
        return text  # a backslash and one character that is no escape (a path's "\\u" in C:\\users)
    if text[1:2] == b"x":
        return bytes((int(text[2:], 16),))  # a bytes repr's raw byte (UTF-8 in two of them: b'caf\xc3\xa9')
    # JSON's \u00e9; half of a surrogate pair (an emoji) cannot stand alone in UTF-8
    return chr(int(text[2:], 16)).encode("utf-8", "replace")


def _unfolded(raw: bytes) -> list[bytes] | None:
    """The lines a line holds as one string literal, or None: Python's repr of captured output
    (``stderr=b'ascp: failed to authenticate, exiting.\\n\\nSession Stop  (Error: ...)\\n'``) or a JSON field
    (a structured log's ``"output": "...\\n..."``), escapes undone. Only when every backslash starts an escape
    such a literal has and the breaks look like line ends (two of them, or one before ascp's own line or the
    closing quote): a Windows path (``C:\\Users\\me\\ncbi``) stays one line."""
    if _DRIVE.search(raw):
        return None  # a Windows path written plainly (a literal would double its backslash)
    both = _STDERR_THEN_STDOUT.search(raw) if b"STDOUT was: " in raw else None
    if both is not None:
        # kingfisher's "STDERR was: b'...'STDOUT was: b'...'": ascp's progress and Session Stop (stdout) came
        # before its last words on stderr; read in that order, they are one run (blind round 59)
        raw = raw[: both.start()] + b"STDOUT was: " + both.group(3) + b" STDERR was: " + both.group(1)
    breaks = 0
    first = -1
    for escape in _ESCAPE.finditer(raw):
        text = escape.group()
        if text == b"\\n":
            breaks += 1
            first = escape.start() if first < 0 else first
        elif text not in _PLAIN_ESCAPES and text[1:2] not in b"xu":
            return None  # \U, \m, \S: a path's separators, not an escape
    if not breaks:
        return None
    after = raw[first + 2 :]
    if breaks < 2 and not (_NOT_A_CONTINUATION.match(after) or _CLOSING.fullmatch(after)):
        return None
    opening = max(_OPENING_QUOTE.finditer(raw, 0, first), key=lambda quote: quote.start(), default=None)
    # What comes before the literal (``{"msg": "ascp failed", "output": ``) is a wrapper's framing, and as a line
    # of its own it would open a run apart from the one the literal holds.
    body = raw[opening.end() :] if opening is not None else raw
    if opening is not None:
        closed = body.rfind(opening.group(1))
        if closed > body.rfind(b"\\n") and _CLOSING.fullmatch(body, closed):
            body = body[:closed]  # the literal closes on this line: its quote and what closes around it
    lines = _ESCAPE.sub(_unescaped, body).split(b"\n")
    if _CLOSING.fullmatch(lines[-1]):
        lines.pop()  # the literal's closing quote and brackets
    return lines


_STDERR_THEN_STDOUT = re.compile(rb"""STDERR was: (b?(['"]).*?\2)\s*STDOUT was: (b?(['"]).*\4)\s*$""")
_JOINED_AT = re.compile(
    # (not after an ellipsis: a quote that leaves words out, '("/bin/sh: ... ascp: not found")'; blind round 133)
    rb"(?<=\S)(?<!\.\.\.)(?<!\xe2\x80\xa6) +(?=ascp: |Session Stop  ?\(|Completed: \d|Partial Completion: "
    rb"|(?:LOG|ERR) [A-Z\[]"
    rb"|[DIWEF], \[\d{4}-|ERROR: |Key passphrase:|\d\d/\d\d/\d{4},? \d\d?:\d\d:\d\d |\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)"
)
"""Where a line that holds many starts of ascp's, ascli's or a logger's lines was joined from them: a paste
without a code block, rendered as one paragraph (its line breaks became spaces) and copied from the page."""
_JOINED_WIDTH = 200
_SEEN_LINES = 2000
"""The most lines a paste's repeated values are compared with."""


def _rejoined(raw: bytes) -> list[bytes] | None:
    """The lines a paragraph joined from them held (see ``_JOINED_AT``), or None: only a long line (one of
    ascp's messages is shorter) with such a start inside it. A line that starts as a log's line (ascp's log
    file, syslog, a logger's stamp) is cut only where the next such line starts: its own long message (ascp's
    Receiver statistics, a FASP record, an ERR line quoting ``ascp: ...``) stays whole."""
    cuts = [found.end() for found in _JOINED_AT.finditer(raw)]
    # (indented or quoted as a mail or a ticket pastes it: "  Feb 26 10:14:23 aspera ascp[77124]: LOG FASP ...")
    if cuts and _logged_line(raw.lstrip(b" \t>")):
        cuts = [cut for cut in cuts if _logged_line(raw[cut:])]
    if not cuts:
        return None
    return [raw[start:end].rstrip() for start, end in zip([0, *cuts], [*cuts, len(raw)], strict=True)]


def _logged_line(raw: bytes) -> bool:
    """Whether a line starts with a log's prefix: ascp's log file's or syslog's, or a logger's time stamp."""
    return bool(_FILE_FORM.match(raw) or _SYSLOG.match(raw) or _LOGGED_STAMP.match(raw))


_LOGGED_STAMP = re.compile(
    rb"\[?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d|\d\d/\d\d/\d{4},? \d\d?:\d\d:\d\d|[DIWEF], \[\d{4}-)"
)
"""A logger's time stamp at a line's start (Python logging's, ``ts``'s, ascli's Ruby Logger's)."""


_LISTED_WIDTH = 16_384
"""Longer lines are not read as a list of lines (a repr that long is no paste of output)."""
_LITERAL = re.compile(rb"""b?(['"])((?:\\.|(?!\1)[^\\\n])*)\1""")
"""One quoted string on a line, its escapes kept (undone by ``_unescaped``)."""
_LIST_FRAME = re.compile(rb"[\s\[\](),\d-]*")
"""What may surround the items of a printed list or tuple of lines: brackets, commas, numbers (an exit status)."""


def _listed(raw: bytes) -> list[bytes] | None:
    """The lines a Python list of lines printed on one line holds (``subprocess``'s ``stdout.splitlines()``, in a
    tuple: ``('ERR1', 1, ['', 'Session Stop  (Error: ...)'], ['ascp: ..., exiting.'])``), or None."""
    if len(raw) > _LISTED_WIDTH:
        return None
    items = [found.group(2) for found in _LITERAL.finditer(raw)]
    if len(items) < 2 or max(len(item) for item in items) < 20:
        return None
    if not _LIST_FRAME.fullmatch(_LITERAL.sub(b"", raw)):
        return None  # words of the line's own around the items (a logger's "download failed for [...]: ...")
    return [_ESCAPE.sub(_unescaped, item) for item in items]


_GLUED_SUMMARY = re.compile(rb"\d:\d\d(?: ETA)? *(?=(?:Completed|Partial Completion): \d)")
"""ascp's summary right after its last progress line on one line (``... 97.8Mb/s    00:25 ETAPartial Completion:
...``): ascp redraws its bar with a carriage return and starts the summary without a line break, so a copied
terminal shows them joined."""
_PROMPTED = re.compile(rb"\s*(?:\S*[$#>%]|\[[^\]\n]{1,60}\][$#]) ")
"""A command line after a shell prompt: its ``\\n`` (``printf 'done\\n'``) is the command's, not a line break."""


def _physical(chunk: bytes) -> Iterator[tuple[bytes, bool]]:
    """The lines of a paste, and whether each was held inside a string literal on one line (see ``_unfolded``,
    ``_listed``) or a paragraph (``_rejoined``): such a line was never cut by a terminal."""
    seen: set[bytes] = set()  # the lines shown so far (only where a test framework repeats a value it printed)
    repeats = b"Actual value: " in chunk
    for raw in as_pasted(chunk).split(b"\n"):
        if b"\\n" in raw and (b'"' in raw or b"'" in raw) and _TEST_CODE.match(raw) is not None:
            continue  # a test's code whose string holds canned output ('assert.is_true(f("Session Stop ...\n"))')
        folded = _unfolded(raw) if b"\\n" in raw and not _PROMPTED.match(raw) else None
        if repeats:
            if (
                folded is not None
                and raw.startswith(b"Actual value: ")
                and all(not line.strip() or line.strip() in seen for line in folded)
            ):
                continue  # testthat's print of the value it compared, the output shown above it again
            if len(seen) < _SEEN_LINES:
                seen.add(raw.strip())
        if folded is None and raw[:1] in b"([" and (b"', " in raw or b'", ' in raw) and not _COMMAND_LIST.match(raw):
            folded = _listed(raw)  # a list of output lines (not a command list, which stays one line)
        if folded is None and len(raw) >= _JOINED_WIDTH:
            folded = _rejoined(raw)
        if folded is None and (b"Completed: " in raw or b"Partial Completion: " in raw):
            glued = _GLUED_SUMMARY.search(raw)
            if glued is not None:
                folded = [raw[: glued.end()].rstrip(), raw[glued.end() :]]
        if folded is None:
            yield raw, False
        else:
            for line in folded:
                yield line, True


def _unfinished(held: bytes, following: bytes) -> bool:
    """Whether a console line was cut by a terminal's or a mail's line width and ``following`` is its rest: ascp's
    ``Session Stop  (Error: ...`` without its closing parenthesis, ``ascp: ...`` before its ``, exiting.``, or a
    sentence inside a quote it opened near its end."""
    rest = following.rstrip()
    opened = held.rfind(b"(Error: ")
    if opened >= 0 and held.find(b")", opened) < 0:
        return b")" in rest and not _NOT_A_CONTINUATION.match(following)
    if len(held) >= 60 and not _NOT_A_CONTINUATION.match(following) and _quote_open(held, following):
        # a sentence wrapped inside the words it quotes ("... sinon le message serait "Failed to open TCP" /
        # "connection for SSH"). À notre avis ..."; blind round 194's ticket): one line, the quote whole
        return True
    return (
        len(held) >= 40
        and held.lstrip().startswith(b"ascp: ")
        and b"exiting" not in held
        and rest.endswith((b"exiting.", b"exiting"))
        and not _NOT_A_CONTINUATION.match(following)
    )


_QUOTE_PAIRS = ((b"\xc2\xab", b"\xc2\xbb"), (b"\xe2\x80\x9c", b"\xe2\x80\x9d"))
"""Quotes that open and close with different signs (guillemets, typographic double quotes), UTF-8 encoded."""


def _quote_open(held: bytes, following: bytes) -> bool:
    """Whether a line ends inside a quote it opened in its last words (a straight double quote, guillemets, a
    typographic quote) and the next line closes it early on: a sentence wrapped mid-quote."""
    if held.count(b'"') % 2 == 1:
        return len(held) - held.rfind(b'"') <= 40 and 0 <= following.find(b'"') <= 60 and following.count(b'"') % 2 == 1
    for opening, closing in _QUOTE_PAIRS:
        at = held.rfind(opening)
        if at >= 0 and held.find(closing, at) < 0 and len(held) - at <= 60:
            shut = following.find(closing)
            return 0 <= shut <= 60 and following.find(opening, 0, shut) < 0
    return False


_SENTENCE = re.compile(rb"[A-Z][a-z]+(?: [^\s=]+){6,}[.!?]\s*$")
"""A whole sentence on a line: a capitalised first word, seven words or more, no ``key=value``, a full stop last."""
_OTHER_PROGRAM = re.compile(rb"\S+ (?:[\w.-]+\[\d+\]|kernel): ")
"""After a syslog time stamp: a host and another program's tag (``sshd[812]:``, ``kernel:``), a line of its own."""


_GREP_NAMED = re.compile(
    rb"/(?:[\w.-]+/)+[\w.-]+:(?=(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)\S* )"
)
"""grep's file name before a stamped log line it found (``grep -H``, or grep over several files)."""
_RICH_SOURCE = re.compile(rb"[ \t]{2,}[\w.-]{1,40}\.py:\d{1,5}[ \t]*\r?$")
"""Rich's logging handler's column at a line's right edge: the source file and line that logged it."""
_HEADING = re.compile(rb"#{2,6}[ \t]{1,2}\S")
"""A markdown heading of the second level or deeper (a root prompt is one ``#``); not a script's comment indented
further, a console's lines kept in it (R's "##   Key passphrase:"; blind round 204's R script)."""
DIFF_HEADER = r"diff --git |diff -[a-zA-Z]*u |@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@"
"""Where a unified diff starts (git's header, or a hunk's): the scanner marks the diff's lines, the analyzer takes the
input for a document at its header."""
_DIFF_START = re.compile(DIFF_HEADER.encode())
_DIFF_LINES = (b"diff ", b"index ", b"new file", b"deleted file", b"similarity ", b"rename ", b"old mode", b"new mode")
r"""A diff's own lines besides its hunks' (which start with a space, ``+``, ``-``, ``@`` or ``\``)."""


def _same_cells(first: bytes, second: bytes) -> bool:
    """Whether two lines are rows of one CSV table: as many cells each, four or more (quoted commas inside a cell)."""
    if first.count(b",") < 3 or second.count(b",") < 3:
        return False
    rows = list(csv.reader([first.decode("utf-8", "replace"), second.decode("utf-8", "replace")]))
    return len(rows) == 2 and len(rows[0]) == len(rows[1])


def other_lines(chunk: bytes) -> Iterator[Line]:
    """Every line of a chunk that is not in syslog form (ascp's own log files, console output).

    What a paste, a logger or a job runner put in front of a line (quote markers, indentation, a time stamp, a
    tag) is taken off first. Cut lines are joined back: a line that fills a terminal's width exactly and its rest
    (cut mid-word), ascp's ``Session Stop  (Error: ...`` before its closing parenthesis and ``ascp: ...`` before
    its ``, exiting.``, OpenSSH's wrapped offer, and a line without a prefix right after a file-form log line
    (copies of logs in articles and issues wrap long ``FASP Session`` and ``ERR`` lines).
    """
    file_form = _FILE_FORM.match
    syslog = _SYSLOG.match
    quoted = _QUOTED.match
    quoted_around = _QUOTED_AROUND.match
    held: Line | None = None
    held_width = 0
    gap = False
    listing = False  # the line before held inline code in a sentence (a list of code items may follow)
    in_diff = False
    julia_help = False
    # a pretty-printed JSON document (a test snapshot, an export; its first line "{" or "[" alone): its strings are
    # data, not a printed list of output lines (blind round 88's nf-test snapshot of "parsed lines")
    json_document = chunk.lstrip()[:1] in b"{[" and chunk.lstrip()[1:2] in b"\r\n"
    # a JSON file shown under its name ("pacts/portal-orchestrator.json", then its "{"): a file's data (a contract's
    # or a fixture's expected answers), whose string values are no output (blind round 94's Pact contract)
    json_file = _JSON_FILE_HEAD.match(chunk) is not None
    json_document = json_document or json_file
    fixture_indent: int | None = None  # the indentation of a JSON document's tests' key, inside them
    last_raw = b""
    code_fence = False  # inside a markdown code block whose language is a programming language's
    heredoc: bytes | None = None  # the word that ends a here-document being read (its lines are a file's text)
    heredoc_lines = 0
    html_prose = False  # inside an HTML list item's or paragraph's text, its element open on an earlier line
    for raw, unfolded in _physical(chunk):
        raw = raw.lstrip(b"\r")  # a terminal's redraw from the first column (after an erased line)
        if heredoc is not None:
            heredoc_lines += 1
            if (
                raw.strip() == heredoc
                or heredoc_lines > _HEREDOC_LINES
                or (len(heredoc) == 3 and raw.rstrip().endswith(heredoc))
            ):
                heredoc = None  # (or never closed in the paste: what follows is read again)
            continue  # a here-document's text (a test's canned output, a file written by cat): no output
        if b"<<" in raw:
            opened = _HEREDOC.search(raw)
            if opened is not None:
                heredoc, heredoc_lines = opened.group(1), 0
        elif raw[-3:] in (b'"""', b"'''") and _TRIPLE_QUOTED.search(raw) is not None:
            heredoc, heredoc_lines = raw[-3:], 0  # a triple-quoted string's text (Python's, Elixir's): code's data
        if b"```" in raw or code_fence:
            # a fenced block of source code (```rust, ```go, ```kotlin: an enum of ascp's messages, a test's canned
            # output; blind round 96): code, no output, up to its closing fence
            fence = raw.strip().lstrip(b">").strip()
            if code_fence:
                code_fence = not fence.startswith(b"```")
                continue
            if fence.startswith(b"```") and fence[3:].strip().lower() in _CODE_LANGUAGES:
                code_fence = True
                continue
        before, last_raw = last_raw, raw
        if raw[:1] == b"h" and raw.startswith(b"help?> "):
            julia_help = True  # Julia's help mode: the docstring it prints is indented, to the next prompt
            continue
        if julia_help:
            if raw[:1] in b" \t" or not raw.strip() or raw.startswith(b"search: "):
                continue  # the docstring's text and its examples (their output too): no run's lines
            julia_help = False
        if not raw.strip():
            gap = True
            listing = False
            continue
        # (a line holding a tab was never cut by a terminal, which shows tabs as spaces: a file's tab-separated row,
        # GNU parallel's joblog; blind round 81)
        width = 0 if unfolded or b"\t" in raw else len(raw.rstrip(b"\r"))
        if width in _TERMINAL_WIDTHS and not raw.isascii():
            # a terminal wraps at a width in characters, not bytes ("... sourcetype \u2014 reviewed 2025-10-14", 78
            # characters in 80 bytes, is whole; blind round 155's Splunk configuration)
            width = len(raw.rstrip(b"\r").decode("utf-8", "replace"))
        if raw.startswith(b'{"log":'):
            raw, width = _docker_json(raw), 0
        inline = False
        if b"`" in raw:
            inline = _inline_code(raw)
            if not inline and listing and _LISTED_CODE.match(raw) is not None:
                inline = True  # one item of a list a sentence with inline code opened ("currently matches" / "- `...`")
            listing = inline
            raw = _CODE_TICK.sub(b"", raw)  # markdown's inline code (ascp never prints a backtick)
        else:
            listing = False
        if b"...." in raw and _LEADER_ROW.match(raw) is not None:
            continue  # a tally's row (a dashboard's top failure reasons; blind round 97's SLO chapter)
        if b"\xc2\xbf" in raw[:12] and _NUMBERED_QUESTION.match(raw) is not None:
            inline = True  # an FAQ's numbered question (blind round 99's Quechua FAQ: '2. ¿... "ascp: ..." ...?')
        if b'"' in raw[:12] and _NUMBERED_QUOTE.match(raw) is not None:
            # a numbered list's or an FAQ's item that is a quoted message ('2. "Session Stop  (Error: ...)"', 'S5.
            # "..."', its meaning below it; blind round 96's bilingual page and Somali FAQ): a document's words
            inline = True
        if b"=" in raw and _CODE_ASSIGN.match(raw) is not None:
            continue  # a string assigned in source code (blind round 99's Zig tests: 'const line = "ascp: ...";')
        if b'"' in raw and _TEST_CODE.match(raw) is not None:
            continue  # a test's code: the strings it expects or feeds (R's 'out <- c("", "Session Stop ...")')
        if b".py:" in raw[-48:] and (source_at := _RICH_SOURCE.search(raw)) is not None:
            # Rich's logging handler's source file and line at the right edge ("... in 1 file.   nodes.py:53"; blind
            # round 205's Kedro log): no words of the line's own
            raw = raw[: source_at.start()]
        if b"</" in raw and raw.rstrip()[-1:] == b">" and (closed := _CLOSERS_AT_END.search(raw)) is not None:
            if closed.start() > 0 and b"<" not in raw[: closed.start()]:
                # the last line of an HTML block, its closing tags after it ("Session Stop  (Error: ...)</pre></div>"
                # in a chat's export; blind round 132): the line's own words
                raw = raw[: closed.start()]
        if b"</" in raw and _TRANSLATION_ELEMENT.match(raw) is not None:
            continue  # (blind round 92's Qt .ts file: its strings quote ascp's words, in German too)
        if b"</" in raw and _DOC_ELEMENT.match(raw) is not None:
            # an XML file's element of prose (a rule's "<description>Aspera: FASP session $(fasp_uuid)
            # completed</description>"; blind round 89's Wazuh rules): the file's words, no run's output
            inline = True
            heading = raw.lstrip()[:3] in (b"<h1", b"<h2", b"<h3", b"<h4", b"<h5", b"<h6")
            raw = _HTML_TAG.sub(b"", raw)
            if heading:
                # kept a heading (a sample's title is read as markdown's; the paragraph above it does not go on in
                # it: blind round 111's "<h2>Example from incident INC-3381 (for training)</h2>")
                raw = b"## " + raw.strip()
                gap = True  # (it starts a block: the words above it do not go on in it, though no blank line is)
        if fixture_indent is not None:
            # (a line unfolded from a longer one is that line's: its indentation is the longer line's)
            if unfolded or len(raw) - len(raw.lstrip()) > fixture_indent:
                continue  # a JSON document's tests or examples: their strings are data, no output
            fixture_indent = None
        if json_document and raw[:1] in b" \t" and b'"' in raw and JSON_FIXTURES.match(raw) is not None:
            # a JSON document's list of tests or examples ('"extractor_tests": [' in a Graylog content pack, its
            # messages ascp's records; blind round 113): to its end (the lines indented deeper than its key)
            fixture_indent = len(raw) - len(raw.lstrip())
            continue
        if json_file and raw[:1] in b" \t" and _JSON_STRING_FIELD.match(raw) is not None:
            continue  # a JSON file's string value ('"errorText": "Server aborted session: ..."'): its data
        if raw[:1] in b" \t" and b'": "' in raw and _JSON_PROSE_FIELD.match(raw) is not None:
            inline = True  # a JSON document's prose field (blind round 98's security group descriptions)
        if json_document and raw[:1] in b" \t" and _JSON_BODY_FIELD.match(raw) is not None:
            continue  # a mock's or a recording's response body (Hoverfly's '"body": "{\"status\":...'): its data
        if b'= "' in raw and _HCL_PROSE.match(raw) is not None:
            continue  # a Terraform attribute's prose (a plan's '+ description = "... Without this: Session Stop ..."')
        if raw[:1] in b" \t-sdmthnc" and b": " in raw and _QUOTED_FIELD.match(raw) is not None:
            # a rule's or a configuration's prose field, its words quoted ('    summary: "ascp: failed to
            # authenticate - check keys"' in an alert rule; blind round 89's exporter README): a document's words
            inline = True
        in_prose = html_prose
        if b"<li" in raw or b"<p" in raw or b"</li>" in raw or b"</p>" in raw:
            closes = b"</li>" in raw or b"</p>" in raw
            html_prose = not closes and _HTML_PROSE_OPEN.search(raw) is not None or (html_prose and not closes)
        if b"</code>" in raw and b"<code>" in raw:
            # (on a line of its own inside a list item's sentence, its words on the lines around it: "Fra
            # gæstenettet vil I typisk se" / "<code>Session Stop  (Error: ...)</code>" / "— brug i stedet ...";
            # blind round 160's newsletter)
            inline = inline or in_prose
            # HTML's inline code (a release note's "<li>fixed: <code>ascp.exe: failed to connect ...</code> on some
            # hosts</li>" in a pull request's body; blind round 88): with words beside it, a document's
            rest = _HTML_TAG.sub(b"", _HTML_CODE.sub(b"", raw))
            inline = inline or bool(rest[_LIST_MARK.match(rest).end() :].strip())  # type: ignore[union-attr]
            raw = _HTML_TAG.sub(b"", raw)
        if raw[:2] == b"##" and _HEADING.match(raw) is not None:
            inline = True  # a markdown heading ("### Failed to authenticate with ascp"): a document's words
        if (
            b" = " in raw
            or b"\xe2\x80\x94 " in raw
            or b"\xe2\x86\x92 " in raw
            or (b"> " in raw and raw[:1] in b" \t-*")
        ) and _GLOSSED.search(raw) is not None:
            # ascp's words, then what they mean ("ascp: failed to authenticate, exiting. \u2014 key or password", "...
            # (check UDP port and firewall)) = UDP blocked"; blind round 107's blog): a glossary's entry
            inline = True
        if b" mean" in raw or b" is " in raw or b" not " in raw:
            if _QUOTED_MEANS.search(raw) is not None:
                # ascp's words in quotes as a sentence's subject ('"Client unable to connect to server (check UDP port
                # and firewall)" means SSH worked'; blind round 119's newsletter): a person's words about them
                inline = True
        if raw[:1] in b"d@" and _DIFF_START.match(raw) is not None:
            in_diff = True
        if in_diff:
            # a unified diff's lines (a patch of a wrapper's code: its strings quote ascp's words) up to the first
            # line that is none of a diff's
            # (a string literal's lines unfolded from one of its lines are that line's: a test's canned output)
            in_diff = unfolded or raw[:1] in b" +-@\\" or raw.startswith(_DIFF_LINES)
            inline = inline or in_diff
        quote = False
        if raw[:1] in b" \t>#-*+" or raw[:1].isdigit() and raw[1:3].startswith((b". ", b"0. ", b"1. ")):
            cut = quoted_around(raw).end()  # type: ignore[union-attr]  # matches the empty string at least
            quote = b">" in raw[:cut]
            raw = raw[cut:]
        table = raw[:1] == b"|" and raw.rstrip()[-1:] == b"|"  # a table's row (ascli's results), not a quote
        if raw[:1] == b"|" and not table:
            raw = raw[quoted(raw).end() :]  # type: ignore[union-attr]
        elif raw[:4] == b"\xe2\x94\x83 ":
            raw = raw[4:]  # Dagger's heavy bar before a step's output ("┃ Usage: ascp ..."; blind round 116)
        if not raw.strip():
            gap = True
            continue
        after_gap, gap = gap, False
        if raw[:1] == b"/" and (grepped := _GREP_NAMED.match(raw)) is not None:
            # grep's name of the file a line came from, across several ("/var/log/syslog:Feb 20 14:58:41 hsts-lon04
            # ascp[61030]: LOG FASP Session Start ..."; blind round 206): the log's own line after it
            raw = raw[grepped.end() :]
        line = _prefixed(raw, file_form, syslog)
        message, stamp = raw, None
        logged = False
        if line is None and table:
            message, stamp = raw.rstrip(b"\r"), None
        elif line is None:
            message, stamp = _undecorated(raw)
            if not message:
                gap = True
                continue
            if b"std" in message and (field := _STREAM_FIELD.match(message)) is not None:
                # a wrapper's key=value record of what its ascp wrote ('attempt=1 exit=1 stderr="ascp: Failed to
                # open TCP connection for SSH, exiting."'; blind round 112's Sidekiq job): those words, as ascp's
                message = field.group(2)
            if (
                stamp is None
                and message[:1].isdigit()
                and (irc := _IRC_TIME.match(message)) is not None
                and _CHAT_NICK.match(message, irc.end()) is not None
            ):
                # irssi's and WeeChat's time without brackets before the speaker ("10:03 <pnovak> Session Stop ...";
                # blind round 200's exported channel log), as "[10:03] <pnovak> " is taken
                message, stamp = message[irc.end() :], irc.group(1)
            if stamp is None and message[:1].isdigit() and (tabbed := _TAB_CHAT.match(message)) is not None:
                # LINE's chat export: the time and the speaker, each before a tab ("08:58\tปิยะนุช (Studio CM)\tTime:
                # 00:03:41 ==== 100% 480 Mbps"; blind round 219's chat), then the message, ascli's bar there (no
                # logger's stamp: the time a person's message was sent)
                message = message[tabbed.end() :]
            if (
                message[:1] == b"<"
                and len(message) < len(raw)  # (after a time or a tag taken off)
                and (nick := _CHAT_NICK.match(message)) is not None
            ):
                message = message[nick.end() :]  # a chat log's speaker after the time ("[09:15] <raj> ls: ...")
            elif (
                message[:1].isalpha()
                and len(message) < len(raw)
                and (name := _CHAT_NAME.match(message)) is not None
                and _prefixed(message[name.end() :], file_form, syslog) is not None
            ):
                # a chat export's speaker after the time, before the log line they pasted ("[09:41] ana.r: Sep 02
                # 09:39:02 hsts-mad ascp[5388]: LOG FASP Session Stop ..."; blind round 168): the line is the log's
                message = message[name.end() :]
            # a logger's prefix taken off (a stamp, a level): a record of its own, never a wrapped line's rest
            logged = len(message) < len(raw)
            message = message.replace(b"\t", b" ")  # after a tab-separated tag is gone: tabs as spaces
            if (
                len(message) > 2
                and message[:1] in b"\"'[b"
                and not json_document
                # (not a sentence's rest in quotes: '... epi ou ap jwenn' / '"ascp: Failed to open TCP connection for
                # SSH, exiting."', a guide's prose wrapped at the quote; blind round 89)
                and not (message[:1] == b'"' and before.rstrip()[-1:].isalpha() and len(before.split()) >= 4)
                and _COMMAND_LIST.match(message) is None
            ):
                item = _QUOTED_WHOLE.fullmatch(message)
                if item is not None:  # R's print of a line, or one item of Python's list of lines (IPython's !cmd)
                    text = item.group("text")
                    message, stamp = _undecorated(text if _DRIVE.search(text) else _ESCAPE.sub(_unescaped, text))
            line = None if message is raw else _prefixed(message, file_form, syslog)
        if line is None:
            if (
                held is not None
                and held_width in _TERMINAL_WIDTHS
                # (not a line that ends as a whole message does, 132 characters by chance: the loader's "...: cannot
                # open shared object file: No such file or directory", then the wrapper's line; blind round 122)
                and not held.message.rstrip().endswith(_WHOLE_ENDINGS)
                and not after_gap  # a terminal's wrap has no blank line in it
                and stamp is None
                and not logged
                and not _NOT_A_CONTINUATION.match(message)
                # the same form again (its digits aside: a logger's next stamp, "Mar-22 03:59:48.102 [Task monitor]"
                # after a line of 120 "Mar-22 03:16:03.415 ..."; blind round 170): the next line, not a rest
                and message[:16].translate(_DIGITS_AS_ZERO) != held.message[:16].translate(_DIGITS_AS_ZERO)
                # (nor the next row of a table with as many cells, a row of 100 or 132 characters by chance: a
                # Nextflow trace's header and rows read as CSV; blind round 197)
                and not _same_cells(held.message, message)
            ):
                # The line before filled a terminal's width exactly: this is its rest, cut mid-word.
                held = held._replace(message=held.message.rstrip(b"\r") + message.strip())
                held_width = width
                continue
            if held is not None and held.process is None and _unfinished(held.message, message):
                held = held._replace(message=held.message.rstrip(b"\r") + message.strip())  # a terminal's wrap
                continue
            if (
                held is not None
                and held.message[:4] in _RUBY_LOGGER
                and held.message.rstrip().endswith(b":")
                and not _NOT_A_CONTINUATION.match(message)
            ):
                # ascli's logger line cut after its label ("WARN -- : An error occurred:"): the rest is its words
                held = held._replace(message=held.message.rstrip() + b" " + message.strip())
                continue
            if held is not None and held.message.rstrip().endswith(b"Their offer:"):
                held = held._replace(message=held.message.rstrip() + b" " + message.strip())  # OpenSSH's list, wrapped
                continue
            if (
                held is not None
                and held.process is not None
                and len(held.message) >= 40
                and not after_gap  # a blank line ends a wrapped log line: what follows is the writer's own
                and not (stamp is not None and _OTHER_PROGRAM.match(message))
                and not _NOT_A_CONTINUATION.match(message)
                # (a sentence of its own after it, not the rest of a record's fields: a config file's comment under
                # its sample log lines, "The examples below are test fixtures ..., not real sessions."; round 82)
                and _SENTENCE.match(message) is None
            ):
                held = held._replace(message=held.message + b" " + message.strip())
                continue
            line = Line(message.rstrip(b"\r"), stamp, None, False, quote, after_gap, inline)
        if in_diff:
            line = line._replace(inline=True, diff=True)
        if held is not None:
            yield held
        held, held_width = line, width
    if held is not None:
        yield held
