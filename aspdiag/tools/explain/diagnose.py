"""Why one session failed: evidence ranked by strength, read against the knowledge base (pure).

The ranking (issue 17): an explicit FASP error code > the structured Session Stop fields > progress (0 bytes
versus started) > keywords. Two facts about ascp refine it, both from the order in which a session happens
(local checks, TCP, SSH handshake, authentication, the server's authorization, the UDP exchange, data):

- ascp's own documented words for an earlier step outrank a code for a later step, because the later step is
  never reached: ascp reports an SSH connection that never opened as 44 or even 14, and an SSH handshake
  that failed as "failed to authenticate";
- progress settles data timeouts: a session that never moved a byte and then timed out on data is the
  blocked-UDP symptom, not a stall; one that had moved data and lost its connection stalled.

Codes are read through the one FASP table shared with the transfer diagnosis (``aspdiag.fasp.errors``:
every code has a ``channel``); the knowledge base (``aspdiag/data/explain_kb.json``) ties its entries to those
channels. When the evidence is weak or contradictory the answer says so (low confidence, or "cannot tell").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from aspdiag.fasp.errors import channel, error_table, failure_channel, message_table
from aspdiag.fasp.parse import code_for_message

UNKNOWN = "unknown"


@dataclass(frozen=True)
class KnowledgeEntry:
    """One known cause."""

    id: str
    stage: int
    """Position of its step in a session (see ``stages`` in the data file)."""
    channel: str
    codes: tuple[int, ...]
    patterns: tuple[re.Pattern[str], ...]
    """Documented wordings: strong evidence."""
    weak: tuple[re.Pattern[str], ...]
    """Keywords: weak evidence (low confidence)."""
    code: int | None
    """The code a matching session most likely ended with, when its lines name none."""
    cause: str
    confidence: str
    next: str
    who: str
    check: str
    server_next: str | None
    """The next step in a server's log, for its operator (None: the same as ``next``)."""
    server_who: str | None = None
    """Who must act, as a server's operator reads it (None: the same as ``who``)."""
    ends_job: tuple[str, ...] = ()
    """A batch system's, CI's or scheduler's own words for ending the job that ran ascp, as written (no flags):
    among ``patterns`` too; the analyzer ends a console run where one of them stands."""


@dataclass(frozen=True)
class Knowledge:
    """The knowledge base: entries in stage order, and the stage names."""

    stages: tuple[str, ...]
    entries: tuple[KnowledgeEntry, ...]

    def by_id(self, entry_id: str) -> KnowledgeEntry:
        """The entry with this id."""
        return next(e for e in self.entries if e.id == entry_id)

    def for_code(self, code: int, kind: str | None = None) -> KnowledgeEntry | None:
        """The entry a code leads to: the one listing it, else the one with its channel (or ``kind``)."""
        listed = next((e for e in self.entries if code in e.codes), None)
        if listed is not None and (kind is None or kind == channel(code)):
            return listed
        wanted = kind if kind is not None else channel(code)
        if not wanted:
            return listed
        return next((e for e in self.entries if e.channel == wanted and not e.codes), listed)


@cache
def knowledge() -> Knowledge:
    """The knowledge base, from aspdiag/data/explain_kb.json."""
    data = json.loads(resources.files("aspdiag").joinpath("data/explain_kb.json").read_text(encoding="utf-8"))
    stages = tuple(data["stages"])
    entries = tuple(
        KnowledgeEntry(
            id=e["id"],
            stage=stages.index(e["stage"]),
            channel=e["channel"],
            codes=tuple(e["codes"]),
            patterns=tuple(re.compile(p, re.I | re.M) for p in (*e["patterns"], *e.get("ends_job", ()))),
            weak=tuple(re.compile(p, re.I | re.M) for p in e["weak"]),
            code=e.get("code"),
            cause=e["cause"],
            confidence=e["confidence"],
            next=e["next"],
            who=e["who"],
            check=e["check"],
            server_next=e.get("server_next"),
            server_who=e.get("server_who"),
            ends_job=tuple(e.get("ends_job", ())),
        )
        for e in data["entries"]
    )
    return Knowledge(stages, entries)


@dataclass(frozen=True)
class Evidence:
    """What one session's lines say, sorted by kind (built by the analyzer)."""

    code: int | None
    """An explicit FASP code: ``errcode=`` on Session Start/Stop, a wrapper's ``(15)``, a ``Code:`` frame."""
    finals: tuple[str, ...]
    """ascp's own final words: ``Session Stop (Error: ...)``, ``ascp: ..., exiting.``, ``errstr=``."""
    details: tuple[str, ...]
    """Other error lines: ``ERR ...`` log lines, prompts, wrappers' messages."""
    bytes_moved: int | None
    """Bytes the session moved as its progress, summary, statistics or file lines say; None: no figures."""
    peer_reached: bool | None
    """Whether the far end ever answered (``peerver`` on Session Start/Stop); None: not said."""
    outcome: str
    server_side: bool = False
    speaker: str = "ascp"
    """Whose words the lines are: ``ascp``'s own forms, only a ``wrapper``'s about its run ("ascp failed with 1"),
    or ``sshd``'s about a client it turned away."""


@dataclass(frozen=True)
class Diagnosis:
    """The cause of one session's failure and what to do."""

    cause_id: str
    cause: str
    confidence: str
    next_step: str
    who: str
    check: str
    code: int | None
    code_inferred: bool
    """True when no line gave the code (``code_from`` says where it came from)."""
    reasoning: tuple[str, ...]
    read_as: str | None = None
    """The channel the evidence put the code on when it differs from the code's own (44 read as 'ssh')."""
    code_from: str = "log"
    """Where the code came from: ``log`` (a line gave it), ``words`` (the code ascp's words stand for,
    fasp_messages.json), ``cause`` (the cause's usual code)."""


@dataclass(frozen=True)
class _Match:
    entry: KnowledgeEntry
    text: str
    final: bool


@cache
def _rename_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(knowledge().by_id("partial-rename").patterns)


_LOG_FILE_WARNING = re.compile(
    r"\b(?:Cannot|Can't|Could not|Couldn't|Unable to|Failed to) open (?:the )?log ?file\b", re.I
)
"""ascp's word that it cannot write its own log (``-L /var/log/aspera``: "Cannot open log file: ...: Permission
denied"): a warning, ascp goes on without it (blind round 109: a UDP failure after it was read as permission)."""


def _strong_matches(texts: tuple[str, ...], final: bool) -> list[_Match]:
    found = []
    for text in texts:
        if _LOG_FILE_WARNING.search(text) is not None:
            continue  # no cause of the run's failure: its words are about ascp's log
        # "Server aborted session: ..." is the server's verdict after SSH and authentication had worked:
        # words for earlier steps inside it ("Failed to authenticate: ... token") describe something else.
        floor = knowledge().stages.index("authorization") if "server aborted session" in text.lower() else 0
        if "rename" in text and any(p.search(text) for p in _rename_patterns()):
            # ("Cannot rename partial file X to Y: No such file or directory": the errno's words tell how the
            # rename failed, not that a source was missing; blind round 114's two runs into one folder)
            found.append(_Match(knowledge().by_id("partial-rename"), text, final))
            continue
        for entry in knowledge().entries:
            if entry.stage >= floor and any(p.search(text) for p in entry.patterns):
                found.append(_Match(entry, text, final))
                break
    return found


_LITERAL = re.compile(r"[\w ,.()'/-]+")
"""A knowledge-base pattern that is a plain wording (no pattern syntax but escaped brackets)."""
_CUT_MIN = 12
"""The fewest characters of a wording's tail a paste cut at its start must keep to be read as that wording."""


@cache
def _wordings() -> tuple[str, ...]:
    """Every documented wording as plain text: the FASP message table's and the knowledge base's plain patterns."""
    plain = [text for text, _ in message_table()]
    for entry in knowledge().entries:
        for pattern in entry.patterns:
            text = pattern.pattern.replace("\\(", "(").replace("\\)", ")").replace("\\.", ".")
            if _LITERAL.fullmatch(text) is not None and len(text) > _CUT_MIN:
                plain.append(text)
    return tuple(dict.fromkeys(plain))


def cut_wording(fragment: str) -> str | None:
    """The documented wording whose tail a line cut at its start holds ("nect to server (check UDP port and
    firewall)", "olve target host."; a terminal scrolled past the rest; blind rounds 192 and 197): the whole wording,
    where the cut falls inside one of its words and at least ``_CUT_MIN`` characters are left; else None."""
    tail = fragment.strip().rstrip(".").lower()
    if len(tail) < _CUT_MIN or not tail[:1].isalnum():
        return None
    for wording in _wordings():
        whole = wording.rstrip(".").lower()
        cut = len(whole) - len(tail)
        if cut > 0 and whole.endswith(tail) and whole[cut - 1].isalnum() and whole[cut].isalnum():
            return wording
    return None


def documented(text: str) -> bool:
    """Whether a line holds a documented ascp wording (for wrapper lines that carry no ascp form)."""
    return bool(_strong_matches((text,), False))


def documented_at(text: str) -> int | None:
    """Where the first documented ascp wording (strong or weak) in a line begins, or None."""
    found = _any_wording().search(text)
    return found.start() if found is not None else None


@cache
def _any_wording() -> re.Pattern[str]:
    # One alternation of every wording: its leftmost match starts where the earliest of them would.
    return re.compile(
        "|".join(f"(?:{p.pattern})" for e in knowledge().entries for p in (*e.patterns, *e.weak)), re.I | re.M
    )


def documented_cause(text: str) -> str | None:
    """The cause a documented ascp wording in a line stands for, or None."""
    found = _strong_matches((text,), False)
    return found[0].entry.id if found else None


def before_login(text: str) -> bool:
    """Whether a line's documented wording is a failure of a step before SSH authentication (ascp missing, its
    command line, DNS, the TCP connection, the SSH handshake): one that a run that had asked for a password or
    a key's passphrase is past."""
    found = _strong_matches((text,), False)
    return bool(found) and found[0].entry.stage < knowledge().stages.index("auth")


_BARE_PREFIX = (
    r"""^\s*(?:(?:error|err|fatal|description)\s*[:-]?\s*(?:(?:transfer|other)(?:\(\w+\))?:\s*)?"""
    r"""|(?:transfer|other)(?:\(\w+\))?:\s*|an error occurred during task:\s*"""
    r"""|(?:critical|warning|unknown) - \[transfer:)?(?:\*{1,2}|_{1,2})?["'`]?"""
)
"""What may precede a documented wording quoted on its own: an error label (ascli's last line, ``ERROR: Transfer:
...`` or ``ERROR: Other(RuntimeError): ...``, too, or ``Transfer: ...`` alone where a logger's stamp and level
were taken off; its resumer's ``An error occurred during task: ...``; its health check's ``CRITICAL -
[transfer:...]`` in Nagios form), or the ``Description:`` field of ascp's management-port ERROR message (``Type:
ERROR`` / ``Code: 64`` / ``Description: ...``); and Markdown's emphasis around a quoted wording in an issue
(``**"Token doesn't match file-list/file-pair-list"**``)."""


@cache
def _bare_documented() -> re.Pattern[str]:
    # One anchored alternation of every documented wording: a line that does not start with one fails after a
    # few characters, so even a long console capture pays little for it.
    return re.compile(
        _BARE_PREFIX + "(?:" + "|".join(f"(?:{p.pattern})" for e in knowledge().entries for p in e.patterns) + ")",
        re.I,
    )


def bare_documented(text: str) -> bool:
    """Whether a line is one of ascp's documented wordings on its own (``Failed to open TCP connection for SSH``,
    ``Error: "Remote host is not who we expected"``): pasted without the ``ascp:`` or ``Session Stop`` form
    around it, as documentation, FAQs and short reports quote it."""
    return bool(_bare_documented().match(text))


def _weak_match(texts: tuple[str, ...]) -> _Match | None:
    for text in texts:
        for entry in knowledge().entries:
            if any(p.search(text) for p in entry.weak):
                return _Match(entry, text, False)
    return None


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_FAR_END = re.compile(r"\bpeer\b|\(server\)|\bremote (?:disk|host|side)\b", re.I)
"""ascp's words that put an error on the other end of the transfer."""
WRAPPER_ONLY = (
    "unknown (cannot tell): these lines are a wrapper's; ascp's own words, which name the cause, are not among them"
)
"""The cause of a run told by a wrapper's words alone."""
_KEY_PROMPT = re.compile(r"\s*Key passphrase:")
_DENIED = re.compile(r"\bPermission denied\b", re.I)
"""ascp's prompt for the private key's passphrase, as a run's detail."""
PUTTY_KEY = "the key file given is in PuTTY format"
"""The detail the analyzer gives a run that asked for its key's passphrase when the command named a PuTTY key (the
knowledge base's key-file entry lists it)."""
_NOT_TIMED_OUT = re.compile(r"refused|unreachable|No route to host", re.I)
_UNCACHED = re.compile(r"Store key in cache\? \(y/n\)|host key is not cached", re.I)
"""PuTTY's words (ascp on Windows) for a host key it has not seen before, and its question whether to keep it."""
_DOCROOT = re.compile(r"outside '?docroot|violates docroot|docroot (?:check failed|containment)", re.I)
"""ascp's words for a path outside the account's docroot on the server."""


_SYMPTOMS = (
    (
        "udp",
        "a transfer that never moved any data",
        re.compile(
            r"\b(?:stuck|stays?|stayed|staying|sits?|sat|sitting|hangs?|hanging|hung|stalls?|stalled|frozen|freezes|"
            r"remains?|remained) (?:at|on) 0 ?%|\b0 ?% (?:and|then|forever|for ever)\b|\bnever (?:moves?|moved|"
            r"transfers?|transferred|sends?|sent|receives?|received|gets?|got) (?:a single|any|one) (?:byte|bit)"
            r"|\b(?:0|zero) (?:bytes|B|KB|kB) (?:are |were |get |got )?(?:transferred|moved|received|sent)\b"
            r"|\bno data (?:is |was |ever )*(?:transferred|moving|moved|received|sent|arrives|arrived|flows)\b",
            re.I,
        ),
    ),
    (
        "stall",
        "a transfer that slowed down or hung after it had started",
        re.compile(
            r"\b(?:rate|speed|throughput|bandwidth)(?: then| just| slowly| gradually)? (?:kept |keeps )?(?:dropp\w*|"
            r"drops|falls|fell|decreas\w*|goes down|went down)|\b(?:too|very|extremely|painfully|really|so) slow\b"
            r"|\b(?:gets?|got|getting|is|was|becomes?|became) stuck\b|\b(?:hangs|hanging|hung|freez(?:es|ing)|froze|"
            r"stall(?:s|ed|ing)?)\b|\bnever (?:finishes|finished|completes|completed)\b"
            r"|\b(?:to|would|will|just|still|then) (?:hang|freeze|stall)\b"
            r"|\bstuck (?:for (?:hours|days|ever|a long time)|at (?:the (?:very )?end|\d{1,2}(?:\.\d+)? ?%))"
            r"|\btak(?:es|ing|en) (?:about |around |over |more than |almost |nearly )?\d+ (?:hours|days)\b",
            re.I,
        ),
    ),
)
"""What a person's description of a transfer names (an input with no line of ascp's): the cause it stands for, the
symptom in words, and its wording. Data that never moved is UDP's block; a start, then a slowdown or a hang, a
stall (field realities: a transfer stuck at 0 % is UDP 33001 blocked)."""
_NEGATED = re.compile(r"(?:\bnot|n't|\bno longer|\bnever)\s+(?:\w+\s+)?\Z", re.I)
"""A symptom's word denied just before it ("it doesn't hang", "is not slow")."""
_CONDITIONAL = re.compile(r"\b(?:if|when|whenever|unless|in case|should)\b", re.I)
"""A symptom told as a case, not as what happened ("if the transfer hangs at 0 %, ..."): advice, documentation."""
_OTHER_SUBJECT = re.compile(
    r"\b(?:my|our|his|her|their|the)\s+(?:zoom|teams|skype|webex|google meet|video ?call|youtube|netflix|spotify)\b"
    r"(?:(?!transfer|upload|download|ascp|aspera|connect)[^.!?,;]){0,24}\Z",
    re.I,
)
"""Another program's symptom, that program the sentence's subject just before the word ("my Zoom keeps freezing"
while a transfer runs beside it; blind round 145's chat): not the transfer's. Not where the transfer is named
between ("in the browser the upload stalls", "during the video call the transfer hangs")."""


def symptom(text: str) -> tuple[str, str, str] | None:
    """(cause id, the symptom in words, the person's words for it) of a person's description of a transfer."""
    for cause_id, what, pattern in _SYMPTOMS:
        for found in pattern.finditer(text):
            before = re.split(r"[.!?:;]\s", text[max(0, found.start() - 120) : found.start()])[-1]
            if (
                _NEGATED.search(before[-24:]) is None
                and _CONDITIONAL.search(before) is None
                and _OTHER_SUBJECT.search(before) is None
            ):
                return cause_id, what, found.group(0)
    return None


@lru_cache(maxsize=4096)
def diagnose(ev: Evidence) -> Diagnosis:
    """The cause of a failed (or unfinished) session from its evidence (cached: a server's log repeats the
    same failure many times)."""
    kb = knowledge()
    reasons: list[str] = []
    words = _strong_matches(ev.finals, True) + _strong_matches(ev.details, False)
    # The earliest step ascp's own words name; its final words before its log lines, then KB order.
    best = min(words, key=lambda m: (m.entry.stage, not m.final), default=None)
    code = ev.code
    text = " | ".join((*ev.finals, *ev.details))
    confidence: str | None = None
    chosen: KnowledgeEntry | None = None
    read_as: str | None = None
    code_from = "log"
    described = symptom(text) if ev.speaker == "person" else None
    if described is not None:
        # No line of ascp's: the person's description of what it did, read at low confidence.
        chosen, confidence = kb.by_id(described[0]), "low"
        reasons.append(
            f"no line of ascp's is here: the person's words '{_short(described[2])}' describe {described[1]}; "
            "ascp's output or its log (aspera-scp-transfer.log) would say for sure"
        )
        code = None
    elif code is not None:
        reasons.append(
            f"ascp logged FASP error {code}"
            if ev.speaker != "person"
            else f"no line of ascp's is here: the person names FASP error {code}, read by what it stands for"
        )
        kind = failure_channel(code, text, ev.bytes_moved)
        by_code = kb.for_code(code, kind)
        if by_code is not None and kind != channel(code):
            read_as = kind
            reasons.append(f"read as '{kind}' rather than '{channel(code) or 'none'}': " + _channel_reason(kind, ev))
        # (the line with the earlier step's words also names the code's own cause: "Failed to rename partial file
        # ...: No such file or directory" with 64 is the rename's failure, its errno's words only how; blind round 82)
        same_line = by_code is not None and best is not None and any(p.search(best.text) for p in by_code.patterns)
        # The code says the SSH connection could not be established (12, 13: "check SSH port and firewall"), but
        # ascp's own words say the server closed it ("Server unexpectedly closed network connection"): the TCP port
        # is open, and a network team sent after it would chase a rule that exists (blind round 82)
        closed = (
            next((m for m in words if m.entry.id in _SERVER_CLOSED), None)
            if by_code is not None and by_code.id == "ssh-port"
            else None
        )
        # The code is an errno's (4 "No such file or directory", 5 "Permission denied") and ascp's own line says
        # what failed with it: renaming its partial file (blind round 107: "ERR Cannot rename partial file ...: No
        # such file or directory (2)" before errcode=4, another upload having renamed it first)
        renamed = (
            next((t for t in (*ev.finals, *ev.details) if any(p.search(t) for p in _rename_patterns())), None)
            if by_code is not None and by_code.id in ("no-such-file", "permission")
            else None
        )
        if renamed is not None:
            reasons.append(
                f"its own line '{_short(renamed)}' says what failed with the code's errno: renaming the partial file"
            )
            chosen = kb.by_id("partial-rename")
        elif by_code is not None and by_code.id == "ssh-port" and best is not None and best.entry.id == "session-start":
            # 13's words in the log are "Session initiation failed, read timed out": the session's start timed out
            # reading, which the table's "check SSH port" does not settle (the TCP connection may have come up);
            # read by the words, as the same words without the code are (blind round 113)
            reasons.append(
                f"its own words '{_short(best.text)}' say the session's start timed out waiting to read, which does "
                "not tell whether the SSH connection came up: the code's 'check the SSH port' is one possibility"
            )
            chosen = best.entry
        elif (
            by_code is not None
            and by_code.id == "passphrase"
            and (protected := next((m for m in words if m.entry.id == "content-protection"), None)) is not None
            # (not where ascp's own words ask for the passphrase: "File encryption needs a passphrase ...")
            and not any(m.entry.id == "passphrase" and "cryption error" not in m.text for m in words)
        ):
            # 48, the file encryption error, is what the server logs when it refused an upload that was not
            # encrypted: "Server requires content protection" says that was the reason, not a passphrase on the
            # client's side (blind round 195: the server's ERR line beside its errcode=48 record)
            reasons.append(
                f"its words '{_short(protected.text)}' say the server refused files not encrypted on the client's "
                "side, which the code's file encryption error stands for here"
            )
            chosen = protected.entry
        elif closed is not None:
            reasons.append(
                f"its own words '{_short(closed.text)}' say the TCP connection was made and the server closed it, so"
                " the port is not blocked; the code only says the SSH connection did not come up"
            )
            chosen = closed.entry
        elif best is not None and by_code is not None and best.entry.stage < by_code.stage and not same_line:
            # ascp's words say an earlier step failed: the step the code names was never reached.
            reasons.append(
                f"its own words '{_short(best.text)}' say an earlier step failed ({kb.stages[best.entry.stage]}), "
                f"so the code's step ({kb.stages[by_code.stage]}) was never reached"
                + ("; the far end never answered (peerver=-)" if ev.peer_reached is False else "")
            )
            chosen = best.entry
        elif best is not None and by_code is None:
            chosen = best.entry  # a code the knowledge base does not place: the words are specific
        elif (
            best is not None
            and by_code is not None
            and best.entry is not by_code
            and best.entry.stage == by_code.stage
            and (best.entry.code == code or (best.entry.code in by_code.codes and code in by_code.codes))
        ):
            # The words name one of the reasons the code stands for: 34 "Management authorization refused: Client
            # requests stronger encryption than server allows" is that reason, not a user or token refused; so for
            # 37, which the table uses interchangeably with 34 ("ERR Server requires content protection" before
            # errcode=37; blind round 101's dropbox).
            reasons.append(f"its words '{_short(best.text)}' name which of the code's reasons it was")
            chosen = best.entry
        else:
            chosen = by_code
            if best is not None and by_code is not None and best.entry is not by_code:
                # The same step: the code names what failed (29: its licence), the words how ("Permission denied").
                reasons.append(f"the code names what failed; its words '{_short(best.text)}' say how")
        if chosen is not None and best is not None and chosen is best.entry is by_code and chosen.confidence != "low":
            confidence = "high"  # the code and ascp's own words agree
    elif best is not None:
        chosen = best.entry
        whose = {"wrapper": "the", "sshd": "sshd's"}.get(ev.speaker, "ascp's")  # a wrapper's, a shell's: "the"
        if best.text.startswith(PUTTY_KEY):
            # Not ascp's words: the analyzer's, from the command line's -i and ascp's "Key passphrase:" prompt.
            reasons.append(
                f"the key file the command gave ({best.text[len(PUTTY_KEY) + 2 :]}) is in PuTTY format and ascp asked "
                "for its passphrase: this ascp cannot read that key as it is (the .openssh one works)"
            )
        else:
            reasons.append(f"{whose} words '{_short(best.text)}' are documented for this cause")
        # The code those words stand for (fasp_messages.json), when it leads to the same cause.
        worded = next((c for m in ev.finals if (c := code_for_message(m)) is not None), None)
        if worded is not None and kb.for_code(worded, failure_channel(worded, text, ev.bytes_moved)) is chosen:
            code, code_from = worded, "words"
            read_as = _read_as(worded, text, ev)
    else:
        weak = _weak_match((*ev.finals, *ev.details))
        if weak is not None:
            chosen, confidence = weak.entry, "low"
            reasons.append(f"only a keyword points here ('{_short(weak.text)}'); no code or documented wording")
        worded = next((c for m in ev.finals if (c := code_for_message(m)) is not None), None)
        if worded is not None:
            code, code_from = worded, "words"
            read_as = _read_as(worded, text, ev)
            by_code = kb.for_code(worded, failure_channel(worded, text, ev.bytes_moved))
            if by_code is not None:
                chosen, confidence = by_code, None
                reasons.append(f"ascp's message stands for FASP {worded}")
    if chosen is None:
        return _unknown(ev, code, reasons)
    if chosen.id == "auth" and any(_KEY_PROMPT.match(said) for said in ev.details):
        # ascp asks for the key's passphrase only when it cannot use the key file as it is; the password prompts
        # and the refusal that follow are its fallback failing (sra-tools#94, iSeq: a .putty key, or none).
        reasons.append(
            "ascp asked for the key's passphrase before authentication failed: it could not use the key file given "
            "with -i (missing, in PuTTY format, or encrypted), and the password it fell back to was refused"
        )
        chosen, confidence = kb.by_id("key-file"), "medium"
    unreadable = (
        chosen.id == "licence" and code == 29 and _DENIED.search(text) is not None and "licen" not in text.lower()
    )
    if unreadable:
        # 29 is "License not found or unable to access"; with "Permission denied" and no word of a licence, ascp
        # could not read its own files (aspera-cli#121: ascli's image run by Singularity as another user, libxml2's
        # "I/O error : Permission denied" for each file): its installation, not an expired or refused licence.
        reasons.append(
            "FASP error 29 is 'License not found or unable to access' and ascp's words are 'Permission denied': it "
            "could not read its own installation's files (its licence and configuration), not a licence refused"
        )
        chosen, confidence = kb.by_id("died-at-start"), "medium"
    chosen, confidence = _by_progress(chosen, confidence, code, ev, reasons)
    inferred = code is not None and code_from != "log"
    if code is None and chosen.code is not None:
        code, inferred, code_from = chosen.code, True, "cause"
        if chosen.id == "ssh-port" and _NOT_TIMED_OUT.search(text):
            code = 12  # refused or unreachable: FASP's "Error establishing", not its "Timeout establishing" (13)
    next_step = (chosen.server_next or chosen.next) if ev.server_side else chosen.next
    who = (chosen.server_who or chosen.who) if ev.server_side else chosen.who
    if chosen.id == "disk" and not ev.server_side and any(_FAR_END.search(t) for t in (*ev.finals, *ev.details)):
        # ascp names the far end's disk ("Peer FASP receiver had error ... Error writing to disk", "Disk write
        # failed (server)"): the data provider's to fix, not this machine's (blind round 8).
        reasons.append("ascp's words put the failed write on the far end (the server)")
        next_step = (
            "the server's disk could not be written (full, over quota or read-only): send these lines to the data "
            "provider, then resume with -k 1"
        )
        who = "the data provider (the server's disk)"
    docroot = chosen.id == "permission" and (code == 41 or any(_DOCROOT.search(t) for t in (*ev.finals, *ev.details)))
    if (
        chosen.id == "permission"
        and not docroot
        and not ev.server_side
        and any(_FAR_END.search(t) or "server aborted session" in t.lower() for t in (*ev.finals, *ev.details))
    ):
        # The server refused the path ("Server aborted session: Read access denied for user"): its permissions for
        # the account, not this machine's (blind round 17).
        reasons.append("ascp's words put the refused access on the far end (the server)")
        next_step = (
            "the server refused this account access to the path (its permissions there, not this machine's): send "
            "these lines to the data provider and ask for read (download) or write (upload) rights on it"
        )
        who = "the data provider (its permissions for your account)"
    if docroot:
        # The server's docroot, not a file's permissions: the path asked for lies outside what the account may
        # reach (IBM: "Path violates docroot containment", error 41).
        if code is None or (inferred and code != 41):
            code, inferred, code_from = 41, True, "cause"
        reasons.append("ascp's words put the path outside the account's docroot on the server")
        if ev.server_side:
            next_step = (
                "the client asked for a path outside its account's docroot: tell it the path inside the docroot, or "
                "widen the docroot in aspera.conf if that path should be served"
            )
            who = "the client (its path), or this server's docroot set-up"
        else:
            next_step = (
                "use the path as the provider documents it (relative to the account's docroot); if that is the path, "
                "ask the data provider to let the account reach it; this machine's permissions are not involved"
            )
            who = "you, then the data provider"
    cause = chosen.cause
    if docroot:
        cause = (
            "the server refused the path: it lies outside the account's docroot (the part of the server's file "
            "system the account may reach), so no file permission is involved"
        )
    if unreadable and chosen.id == "died-at-start":
        cause = (
            "ascp could not read its own installation's files (its licence and aspera.conf: permission denied), so "
            "it stopped before connecting; common when a container image or a copied installation is run by another "
            "user than the one owning its files"
        )
        next_step = (
            "make ascp's installation (its etc/ directory: aspera-license, aspera.conf) readable by the user that runs "
            "it, or run the container as the image's user; 'ascp -A' shows whether it can read its licence"
        )
        who = "you (this machine's Aspera installation)"
    if chosen.id == "session-start" and "server aborted session" in text.lower():
        # The server itself ended the session: SSH and the login had worked, so the TCP and SSH parts are ruled out.
        reasons.append("the server ended the session itself, so the SSH connection and the login had worked")
        cause = (
            "the server ended the session as it began: SSH and the login had worked, so either the server could not "
            "start its side or the first UDP exchange (UDP 33001) failed; these lines do not say which"
        )
        next_step = (
            "test UDP 33001 with aspdiag check (TCP got through); if it gets through, send these lines to the data "
            "provider"
        )
    if chosen.id == "host-key" and any(_UNCACHED.search(t) for t in (*ev.finals, *ev.details)):
        # PuTTY's prompt (Windows' ascp): the key is not known yet, not changed; nobody answered (a scheduled task).
        reasons.append("ascp asked whether to trust a host key it had not seen before, and no answer came")
        cause = (
            "ascp did not know the server's SSH host key yet and asked whether to trust it (\"Store key in cache? "
            '(y/n)"); no answer came (an unattended run cannot give one), so it abandoned the connection'
        )
        next_step = (
            "run the same ascp command once by hand as the same user and answer y (the key is then cached), or give "
            "the server's fingerprint with --check-sshfp"
        )
        who = "you"
    if chosen.id == "ssh-refused" and ev.server_side:
        remedy = next(((n, w) for words, n, w in _REFUSED_BECAUSE if words in text), None)
        if remedy is not None:
            next_step, who = remedy  # sshd named why: its remedy, not MaxStartups for every refusal
    if chosen.id == "ssh-handshake":
        read = _their_offer(text, ev.server_side)
        if read is not None:
            cause, next_step, who, reason = read
            reasons.append(reason)
    if ev.speaker == "person" and described is None and ev.code is not None:
        confidence = "low"  # a code the person names: what it stands for, not what ascp said
    return Diagnosis(
        cause_id=chosen.id,
        cause=cause,
        confidence=confidence or chosen.confidence,
        next_step=next_step,
        who=who,
        check=chosen.check,
        code=code,
        code_inferred=inferred,
        reasoning=tuple(reasons),
        read_as=read_as if code is not None else None,
        code_from=code_from if code is not None else "log",
    )


_SERVER_CLOSED = frozenset(("server-session", "ssh-refused"))
"""Causes whose words say the server's SSH service closed a connection that was made (not a blocked port)."""


def _read_as(code: int, text: str, ev: Evidence) -> str | None:
    """The channel the words put a code on when it is not the code's own (44's words "Failed to open TCP
    connection for SSH": 'ssh', not 'session')."""
    kind = failure_channel(code, text, ev.bytes_moved)
    return kind if kind and kind != channel(code) else None


_REFUSED_BECAUSE = (
    (
        "penalty: failed authentication",
        "OpenSSH 9.8+ refuses this address for a while after its failed logins: have the client fix its user, key "
        "or password (its earlier refusals here say which), or exempt its address (PerSourcePenaltyExemptList); "
        "raising MaxStartups does not help",
        "the client (its credentials), then this server's operator",
    ),
    (
        "penalty: connections without attempting authentication",
        "OpenSSH 9.8+ refuses this address for a while: it opened connections without logging in (port checks such "
        "as nc -z, a monitor, a load balancer's probe); stop those probes or exempt the address "
        "(PerSourcePenaltyExemptList)",
        "the client (its probes), or this server's operator",
    ),
    (
        "refused connect from",
        "sshd's TCP wrappers refuse this client's address: allow it in /etc/hosts.allow (or remove it from "
        "/etc/hosts.deny)",
        "this server's operator",
    ),
)
"""Why sshd refused a connection, in its words, and the remedy for that reason (server side)."""

_OFFER = re.compile(r"Their offer:\s*([\w@.,+-]+)")
_CURRENT_ALGORITHMS = re.compile(
    r"curve25519|ecdh-sha2|sntrup|mlkem|diffie-hellman-group(?:14-sha256|1[68]-sha512|-exchange-sha256)"
    r"|ssh-ed25519|ecdsa-sha2|rsa-sha2-|aes\d+-(?:ctr|gcm)|chacha20|hmac-sha2-|umac-128|-etm@"
)
"""SSH algorithms current OpenSSH releases offer by default (key exchange, host key, cipher, MAC)."""


def _their_offer(text: str, server_side: bool) -> tuple[str, str, str, str] | None:
    """(cause, next step, who, reason) from OpenSSH's ``no matching ... found. Their offer: ...``: the offer is the
    other end's list, so it says which end is out of date. In a server's log (sshd) it is the client's offer: a
    current list means the server allows too little; only old algorithms mean an old client. In a client's
    output it is the server's offer."""
    found = _OFFER.search(text)
    if found is None:
        return None
    offer = found.group(1).strip(",")
    current = _CURRENT_ALGORITHMS.search(offer) is not None
    shown = offer if len(offer) <= 80 else offer[:79] + "…"
    if server_side and current:
        return (
            "the SSH handshake failed: this server's sshd allows none of the algorithms the client offers, and the "
            f"client offers current ones ({shown}); the server's SSH configuration is the one out of date",
            "allow current algorithms in sshd_config (KexAlgorithms, HostKeyAlgorithms, Ciphers, MACs as the line "
            "names) and restart sshd; the client need not change",
            "this server's operator",
            "sshd's 'Their offer' is the client's list, and it holds current algorithms",
        )
    if server_side:
        return (
            f"the SSH handshake failed: the client offers only old algorithms ({shown}), which this sshd no longer "
            "allows: the client's ascp is too old (3.9 or older bundles an old libssh2)",
            "the client updates ascp (IBM Aspera Connect 4.x or the Transfer SDK); or, if that cannot be, sshd "
            "allows one of the algorithms it offers",
            "the client's user",
            "sshd's 'Their offer' is the client's list, and it holds only old algorithms",
        )
    if not current:
        return (
            f"the SSH handshake failed: the server offers only old algorithms ({shown}), which this client no "
            "longer accepts",
            "ask the server's operator to allow current SSH algorithms; until then a client that still accepts "
            "these is the only way in",
            "the data provider (the server's SSH configuration)",
            "'Their offer' is the server's list, and it holds only old algorithms",
        )
    return None


def _channel_reason(kind: str, ev: Evidence) -> str:
    if kind == "ssh":
        return "ascp's words say the SSH (TCP) connection never opened, so no UDP exchange ever started" + (
            " (the far end never answered: peerver=-)" if ev.peer_reached is False else ""
        )
    if kind == "udp" and ev.bytes_moved == 0:
        return "not a byte had moved: the data connection never carried anything"
    if kind == "stall":
        return "data had moved before it stopped"
    return "ascp's words decide"


def _by_progress(
    entry: KnowledgeEntry, confidence: str | None, code: int | None, ev: Evidence, reasons: list[str]
) -> tuple[KnowledgeEntry, str | None]:
    """Progress settles a data-stage failure: never started means UDP never got through; started means stall."""
    kb = knowledge()
    if entry.channel == "stall":
        if ev.bytes_moved == 0:
            reasons.append("0 bytes moved before the data timeout: the session started but no data ever arrived")
            return kb.by_id("udp"), "high"
        if ev.bytes_moved is None:
            reasons.append(
                "no progress figures: if nothing had moved, UDP is blocked rather than stalled (cannot tell which)"
            )
            return entry, "low"
        reasons.append(f"{ev.bytes_moved:,} bytes had moved before it stopped")
        return entry, confidence
    lost = code in (16, 17, 18) or (code is None and entry.id == "udp" and "lost" in " ".join(ev.finals).lower())
    if entry.channel == "udp" and lost and ev.bytes_moved:
        reasons.append(f"{ev.bytes_moved:,} bytes had moved before the connection was lost: a stall, not a block")
        return kb.by_id("stall"), confidence
    if entry.channel == "session" and ev.peer_reached:
        # Low, not medium: error 44 is PMTU_BRTT_ERROR (ascli's table), the first UDP exchange probing the path's
        # MTU and round trip; a firewall dropping UDP is the likelier cause, a path that drops large packets (a
        # VPN) the other (blind round 129: a partner's VPN box, the server's firewall logging no drops)
        reasons.append(
            "the far end had answered (peerver known): SSH worked, the first UDP exchange failed (UDP blocked, or "
            "packets too large for the path)"
        )
        return kb.by_id("udp"), "low"
    return entry, confidence


DEFAULT_TARGET_MBPS = 10.0
"""ascp's target rate when the command gives no -l and no aspera.conf sets one (IBM: "Default: 10000 Kbps")."""


def slow_run(rates_mbps: tuple[float, ...], target_mbps: float | None) -> Diagnosis | None:
    """A run the input shows still moving, far below its target: the last progress lines' rates against the -l the
    command gave (``target_mbps``), or, without one, pinned at ascp's default 10 Mb/s. None: not that."""
    if len(rates_mbps) < 2:
        return None
    fastest = max(rates_mbps)
    stall = knowledge().by_id("stall")
    if target_mbps is not None and target_mbps > 0 and fastest < target_mbps / 10:
        return Diagnosis(
            stall.id,
            f"the transfer was still running when the input ends, at {fastest:g} Mb/s or less against the target of "
            f"{target_mbps:g} Mb/s it was given (-l): something else limits it (the path, a rate cap in aspera.conf "
            "on either end, the disk, or the server's load)",
            "low",
            "run aspdiag check on the server to measure the path, and compare with the server's rate cap; if the "
            "path allows more, send these lines to the data provider",
            "you, then the data provider",
            "udp",
            None,
            False,
            (f"its progress lines show {fastest:g} Mb/s at most; the command asked for {target_mbps:g} Mb/s",),
        )
    if target_mbps is None and all(
        DEFAULT_TARGET_MBPS * 0.85 <= rate <= DEFAULT_TARGET_MBPS * 1.05 for rate in rates_mbps
    ):
        return Diagnosis(
            stall.id,
            f"the transfer runs at ascp's default target rate: the command gives no -l, so ascp aims for "
            f"{DEFAULT_TARGET_MBPS:g} Mb/s (10000 Kbps) unless an aspera.conf sets another, and its progress stays "
            "there",
            "medium",
            "give a target rate the link allows with -l (e.g. -l 300m; the provider may cap it lower)",
            "you",
            "none",
            None,
            False,
            (
                f"its progress lines stay at {min(rates_mbps):g}-{fastest:g} Mb/s and the command has no -l: ascp's "
                "documented default target is 10000 Kbps",
            ),
        )
    return None


def slowed_then_stopped(last_mbps: float, fastest_mbps: float, against: str) -> Diagnosis:
    """A run stopped with Ctrl-C after its rate had fallen to a tenth or less of what ``against`` shows
    (``fastest_mbps``: its own earlier progress, or the runs of the same input that got through): the person ended
    a transfer that had stalled, and the stall is what to act on (blind round 58: "the third file fell to 3.1 Mb/s
    and sat at 37 % for 40 minutes, so I pressed Ctrl-C", read as cancelled with high confidence)."""
    stall = knowledge().by_id("stall")
    return Diagnosis(
        stall.id,
        stall.cause,
        "medium",
        "resume it with -k 1 (ascp keeps what arrived); if it slows down again, retry with a lower -l and compare "
        "with aspdiag check's path measurements, then send these lines to the data provider",
        "you, then the data provider",
        "udp",
        None,
        False,
        (
            f"it was stopped from the keyboard (^C) after its rate had fallen to {last_mbps:g} Mb/s, against "
            f"{fastest_mbps:g} Mb/s {against}: the person stopped a transfer that had stalled",
        ),
    )


TIMEOUT_EXPIRED = 124
"""coreutils' timeout's exit value when it ended the command at its limit (ascp itself exits 0 or 1)."""


def time_limited(
    limit_s: float | None, bytes_moved: int | None, rates_mbps: tuple[float, ...], exit_status: int | None = None
) -> Diagnosis | None:
    """A run whose command put a time limit on ascp (``timeout 360s ascp ...``) and whose output stops mid-transfer
    with no error: the limit ended it (a wrapper's time limit is 'cancelled'). High when the run's exit value is
    timeout's own (124); medium when what it moved at its rate took about the limit; else low. None: no limit."""
    if limit_s is None or limit_s <= 0:
        return None
    cancelled = knowledge().by_id("cancelled")
    reasons = [
        f"its command runs ascp under a time limit of {limit_s:g} s (timeout), and its output stops with no error"
    ]
    confidence = "low"
    if exit_status == TIMEOUT_EXPIRED:
        confidence = "high"
        reasons.append(f"its exit value {TIMEOUT_EXPIRED} is timeout's when the limit ended the command")
    if bytes_moved and rates_mbps and rates_mbps[-1] > 0:
        took_s = bytes_moved * 8 / (rates_mbps[-1] * 1e6)
        if abs(took_s - limit_s) <= 0.25 * limit_s:
            confidence = "medium" if confidence == "low" else confidence
            reasons.append(
                f"{bytes_moved / 1e6:,.0f} MB at {rates_mbps[-1]:g} Mb/s take about {took_s:,.0f} s: the limit's time"
            )
    return Diagnosis(
        cancelled.id,
        f"the command's time limit ({limit_s:g} s, timeout) stopped ascp before the transfer finished: no network "
        "or server fault",
        confidence,
        "raise or drop the time limit for big files (or let ascp resume with -k 1 on the next run)",
        "you",
        "none",
        None,
        False,
        tuple(reasons),
    )


def _unknown(ev: Evidence, code: int | None, reasons: list[str]) -> Diagnosis:
    known = error_table().get(code) if code is not None else None
    if ev.outcome == "unknown" and not ev.finals and not ev.details:
        return Diagnosis(
            UNKNOWN,
            "the session has no end in this input (still running, or cut off)",
            "low",
            "look for the rest of the log, or the ascp output of that run",
            "you",
            "none",
            code,
            False,
            tuple(reasons),
        )
    if code is None and ev.speaker == "person":
        # A report that only says it failed ("I encountered an error", the error in a screenshot): a run, but
        # nothing here tells why.
        return Diagnosis(
            UNKNOWN,
            "unknown (cannot tell): the person says the transfer failed, but none of ascp's words are here",
            "low",
            "run it again keeping ascp's own output (or its aspera-scp-transfer.log, or -L- output) as text and "
            "explain that",
            "you",
            "none",
            code,
            False,
            (*reasons, "no line of ascp's is here: only the person's words that it failed"),
        )
    if code is None and ev.speaker == "wrapper":
        # Only a wrapper's words (a pipeline's "exit status 1", prefetch's "ascp failed with 1"): ascp's own
        # output, which names the cause, was not kept. Getting it is the next step, not a ticket to the provider.
        return Diagnosis(
            UNKNOWN,
            WRAPPER_ONLY,
            "low",
            "run it again keeping ascp's own output (the wrapper's verbose or debug option: prefetch -vv, ascli "
            "--log-level=debug, a Nextflow task's .command.err; or ascp's log with -L-) and explain that",
            "you",
            "none",
            code,
            False,
            tuple(reasons),
        )
    cause = "unknown (cannot tell): no known cause matches these lines (shown as evidence)"
    if known is not None:
        cause = f"unknown (cannot tell) beyond FASP {code} ({known.message}): no known cause matches these lines"
    if ev.server_side:
        next_step, who = (
            "ask the client for ascp's own output of that session (or its aspera-scp-transfer.log) and explain both",
            "this server's operator, with the client",
        )
    else:
        next_step, who = "send the evidence lines to the data provider's support", "the data provider"
    return Diagnosis(
        UNKNOWN,
        cause,
        "low",
        next_step + (f"; {known.check}" if known else ""),
        who,
        "none",
        code,
        False,
        tuple(reasons),
    )
