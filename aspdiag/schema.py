"""The JSON Schema (draft 2020-12) of aspdiag's JSON report, printed by ``aspdiag schema``."""

from __future__ import annotations

from typing import Any

from aspdiag.model import (
    SCHEMA_VERSION,
    AnswerKind,
    CapacityResult,
    PathResult,
    PortState,
    ResponderResult,
    TransferEstimate,
    Verdict,
)

_STR_OR_NULL: dict[str, Any] = {"type": ["string", "null"]}
_NUM_OR_NULL: dict[str, Any] = {"type": ["number", "null"]}
_INT_OR_NULL: dict[str, Any] = {"type": ["integer", "null"]}


def _object(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "required": sorted(required),
        "properties": {**required, **(optional or {})},
    }


_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}


def _flat(cls: Any, extra: dict[str, str] | None = None) -> dict[str, Any]:
    """The schema of a flat result dataclass, from its field annotations (``int | None`` -> integer or null)."""
    from dataclasses import fields

    props: dict[str, Any] = {}
    for f in fields(cls):
        parts = [p.strip() for p in str(f.type).split("|")]
        types = [_TYPES[p] if p in _TYPES else "null" for p in parts]
        props[f.name] = {"type": types if len(types) > 1 else types[0]}
    for name, kind in (extra or {}).items():
        props[name] = {"type": _TYPES[kind]}
    return _object(props)


_ICMP = {
    "oneOf": [
        {"type": "null"},
        _object(
            {"type": {"type": "integer"}, "code": {"type": "integer"}, "name": {"type": "string"}},
            {"offender": _STR_OR_NULL, "info": {"type": "integer"}},
        ),
    ]
}
_HOP = {"oneOf": [{"type": "null"}, _object({"hop": {"type": "integer", "minimum": 0}, "address": _STR_OR_NULL})]}
_ANSWER = _object(
    {
        "ttl": {"type": "integer", "minimum": 1},
        "answer": {"enum": [k.value for k in AnswerKind]},
        "responder": _STR_OR_NULL,
        "icmp": {"$ref": "#/$defs/icmp"},
        "reply_ttl": _INT_OR_NULL,
        "reply_hops": _INT_OR_NULL,
        "rtt_ms": _NUM_OR_NULL,
        "sent_utc": {"type": "string"},
    }
)
_REACHABILITY = _object(
    {
        "address": {"type": "string"},
        "family": {"enum": ["ipv4", "ipv6"]},
        "protocol": {"enum": ["tcp", "udp"]},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535},
        "state": {"enum": [s.value for s in PortState]},
        "path_open": {"type": "boolean"},
        "method": {"enum": ["raw", "socket"]},
        "hops_to_target": _INT_OR_NULL,
        "last_responding_hop": {"$ref": "#/$defs/hop"},
        "blocked_at": {"$ref": "#/$defs/hop"},
        "location": {"type": "string"},
        "icmp": {"$ref": "#/$defs/icmp"},
        "detail": {"type": "string"},
        "banner": {"oneOf": [{"type": "null"}, _object({"kind": {"type": "string"}, "text": {"type": "string"}})]},
        "evidence": _object(
            {
                "probes_sent": {"type": "integer"},
                "probes_answered": {"type": "integer"},
                "rtt_ms": _NUM_OR_NULL,
                "rtts_ms": {"type": "array", "items": {"type": "number"}},
                "offender": _STR_OR_NULL,
                "reply_ttl": _INT_OR_NULL,
                "reply_hops": _INT_OR_NULL,
                "started_utc": {"type": "string"},
                "rate_limit_suspected": {"type": "boolean"},
                "probes": {"type": "array", "items": {"$ref": "#/$defs/answer"}},
                "trace": {"type": "array", "items": {"$ref": "#/$defs/answer"}},
            }
        ),
    }
)
_RULE = _object(
    {
        "source_address": _STR_OR_NULL,
        "source_subnet": _STR_OR_NULL,
        "nat_note": {"type": "string"},
        "destination_name": _STR_OR_NULL,
        "destination_address": {"type": "string"},
        "protocol": {"enum": ["tcp", "udp", "icmp", "icmpv6"]},
        "ports": {"type": "string"},
        "direction": {"type": "string"},
        "action": {"type": "string"},
        "justification": {"type": "string"},
        "expires": {"type": "string"},
        "evidence": {"type": "string"},
    },
    {"needed": {"type": "boolean"}},
)
_ROUTE = {
    "oneOf": [
        {"type": "null"},
        _object(
            {"outcome": {"enum": ["ok", "no_route", "error"]}},
            {
                "source_address": _STR_OR_NULL,
                "interface": _STR_OR_NULL,
                "gateway": _STR_OR_NULL,
                "interface_mtu_bytes": _INT_OR_NULL,
                "route_mtu_bytes": _INT_OR_NULL,
                "source_prefix_len": _INT_OR_NULL,
                "source_subnet": _STR_OR_NULL,
                "detail": {"type": "string"},
            },
        ),
    ]
}

REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"https://aspdiag.invalid/schema/report-{SCHEMA_VERSION}.json",
    "title": "aspdiag check report",
    "description": "What one aspdiag check measured toward an IBM Aspera server, and what it concluded.",
    **_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "tool": _object({"name": {"const": "aspdiag"}, "version": {"type": "string"}}),
            "target": _object(
                {"input": {"type": "string"}, "host": {"type": "string"}, "is_literal": {"type": "boolean"}}
            ),
            "verdict": _object(
                {
                    "verdict": {"enum": [v.value for v in Verdict]},
                    "summary": {"type": "string"},
                    "next_step": {"type": "string"},
                    "findings": {
                        "type": "array",
                        "items": _object(
                            {
                                "severity": {"enum": ["blocker", "warning", "info"]},
                                "title": {"type": "string"},
                                "detail": {"type": "string"},
                                "action": {"type": "string"},
                            }
                        ),
                    },
                }
            ),
            "run": _object(
                {
                    "started_utc": {"type": "string"},
                    "finished_utc": {"type": "string"},
                    "interrupted": {"type": "boolean"},
                    "command": {"type": "string"},
                    "settings": _object(
                        {
                            "tcp_ports": {"type": "array", "items": {"type": "integer"}},
                            "udp_ports": {"type": "array", "items": {"type": "integer"}},
                            "timeout_s": {"type": "number"},
                            "dns_timeout_s": {"type": "number"},
                            "method": {"enum": ["raw", "socket"]},
                        },
                        {"max_hops": {"type": "integer"}, "rule_days": {"type": "integer"}},
                    ),
                }
            ),
            "environment": _object(
                {
                    "hostname": {"type": "string"},
                    "os": {"type": "string"},
                    "python": {"type": "string"},
                    "uid": {"type": "integer"},
                    "privileged": {"type": "boolean"},
                }
            ),
            "dns": {
                "oneOf": [
                    {"type": "null"},
                    _object(
                        {
                            "name": {"type": "string"},
                            "outcome": {"type": "string"},
                            "addresses": {"type": "array", "items": {"type": "string"}},
                            "queries": {"type": "array"},
                        }
                    ),
                ]
            },
            "addresses": {
                "type": "array",
                "items": _object(
                    {
                        "address": {"type": "string"},
                        "family": {"enum": ["ipv4", "ipv6"]},
                        "route": {"$ref": "#/$defs/route"},
                    }
                ),
            },
            "reachability": {"type": "array", "items": {"$ref": "#/$defs/reachability"}},
            "change_request": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
            "recommendations": _object(
                {
                    "ascp_command": {"type": "string"},
                    "checklist": {
                        "type": "array",
                        "items": _object(
                            {
                                "item": {"type": "string"},
                                "status": {"enum": ["done", "to do", "unknown"]},
                                "note": {"type": "string"},
                            }
                        ),
                    },
                }
            ),
            "failures": {
                "type": "array",
                "items": _object({"probe": {"type": "string"}, "reason": {"type": "string"}}),
            },
        },
        {
            "path": {"oneOf": [{"type": "null"}, {"type": "array", "items": _flat(PathResult, {"z_advice": "str"})}]},
            "capacity": {"oneOf": [{"type": "null"}, {"type": "array", "items": _flat(CapacityResult)}]},
            "responder": {"oneOf": [{"type": "null"}, {"type": "array", "items": _flat(ResponderResult)}]},
            "estimate": {"oneOf": [{"type": "null"}, _flat(TransferEstimate)]},
        },
    ),
    "$defs": {
        "icmp": _ICMP,
        "hop": _HOP,
        "answer": _ANSWER,
        "reachability": _REACHABILITY,
        "rule": _RULE,
        "route": _ROUTE,
    },
}
