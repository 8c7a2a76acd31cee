"""One codec for every result type: JSON values from a dataclass, the dataclass back from them, and the
JSON Schema — all three read from the same definition (its fields, their type hints, two declarations).

Declarations a result type may make:

- ``field(metadata=at("evidence.trace"))``: the field's place in the JSON when it is not its own name
  (a dotted path nests it; ``at(".")`` merges a nested dataclass's keys into this object);
  ``field(metadata=SKIP)`` keeps a field out of the JSON (the caller encodes it some other way);
- ``JSON_DERIVED: ClassVar[Mapping[str, str]]``: read-only values for readers of the JSON, JSON path ->
  property name (a property such as ``path_open`` that scripts want, but that is derived, not stored).
- ``json_upgrade(data) -> data`` (a static method): fills in what an older report version lacks, before
  the object is decoded.
- ``Annotated[int, Bounds(1, 65535)]`` / ``Annotated[str, IP]``: value checks applied on decoding and
  written into the schema (``Port``, ``Ttl``, ``Address`` below).

Why not msgspec, cattrs or pydantic: the JSON report keeps the layout that scripts already read (fields at
nested paths, derived values exported read-only), and none of them can put a stdlib-dataclass field at a
nested path or export a property; wrapping them to do so would be longer than this module.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import math
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass
from enum import Enum
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

MAX_ITEMS = 100_000
"""The longest array a decoded document may hold (a report is written by us; this bounds a forged one)."""


@dataclass(frozen=True)
class Bounds:
    """An inclusive range check for a number (``Annotated[int, Bounds(0, 255)]``)."""

    low: float
    high: float


@dataclass(frozen=True)
class IpLiteral:
    """The string must be an IPv4 or IPv6 address literal."""


IP = IpLiteral()
Port = Annotated[int, Bounds(1, 65535)]
Ttl = Annotated[int, Bounds(0, 255)]
Address = Annotated[str, IP]

_PATH = "json"
_MERGE = "."


def at(path: str) -> dict[str, str]:
    """Field metadata: where the field sits in the JSON object (dotted path), or ``"."`` to merge it."""
    return {_PATH: path}


SKIP: Mapping[str, Any] = {_PATH: None}
"""Field metadata: not in the JSON (the caller encodes the field itself)."""


class DecodeError(ValueError):
    """A JSON value that does not fit the type it should hold; ``where`` is its JSON path."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


# --------------------------------------------------------------------------- definitions


@dataclass(frozen=True)
class _Field:
    name: str
    path: tuple[str, ...] | None
    """Place in the JSON object; () merges a nested dataclass into this object; None: not in the JSON."""
    hint: Any
    required: bool
    default: Any


@cache
def _fields(cls: Any) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        raw = f.metadata.get(_PATH, f.name) if _PATH in f.metadata else f.name
        path = None if raw is None else (() if raw == _MERGE else tuple(raw.split(".")))
        required = f.default is MISSING and f.default_factory is MISSING
        default = f.default if f.default is not MISSING else f.default_factory
        out.append(_Field(f.name, path, hints[f.name], required, default))
    return tuple(out)


@cache
def _derived(cls: Any) -> tuple[tuple[tuple[str, ...], str, Any], ...]:
    declared: Mapping[str, str] = getattr(cls, "JSON_DERIVED", {})
    out = []
    for path, attribute in declared.items():
        prop = getattr(cls, attribute)
        fget = prop.fget if isinstance(prop, property) else prop
        hint = typing.get_type_hints(fget, include_extras=True).get("return", Any)
        out.append((tuple(path.split(".")), attribute, hint))
    return tuple(out)


def _strip(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """(the bare type, its Annotated checks)."""
    if get_origin(hint) is Annotated:
        bare, *checks = get_args(hint)
        return bare, tuple(checks)
    return hint, ()


def _is_union(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType)


# --------------------------------------------------------------------------- encode


def encode(value: Any) -> Any:
    """A JSON-ready value (dicts, lists, str, numbers, bool, None) for a result value."""
    if value is None or isinstance(value, bool | int | float | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode_object(value)
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, Sequence):
        return [encode(v) for v in value]
    raise TypeError(f"cannot encode {type(value).__name__}")


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _encode_object(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cls: Any = type(obj)
    for f in _fields(cls):
        if f.path is None:
            continue
        value = encode(getattr(obj, f.name))
        if f.path == ():
            if isinstance(value, dict):
                out.update(value)
            continue
        _put(out, f.path, value)
    for path, attribute, _hint in _derived(cls):
        _put(out, path, encode(getattr(obj, attribute)))
    return out


# --------------------------------------------------------------------------- decode


def decode(data: Any, hint: Any, where: str = "$") -> Any:
    """The value of type ``hint`` that ``data`` (parsed JSON) encodes; DecodeError when it does not."""
    bare, checks = _strip(hint)
    value = _decode_bare(data, bare, where)
    for check in checks:
        _check(value, check, where)
    return value


def _decode_bare(data: Any, hint: Any, where: str) -> Any:
    if hint is Any or hint is object:
        return data
    if _is_union(hint):
        options = get_args(hint)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return decode(data, option, where)
            except DecodeError as exc:
                errors.append(exc.problem)
        raise DecodeError(where, " / ".join(errors) or "unexpected null")
    if hint is type(None):
        if data is not None:
            raise DecodeError(where, "expected null")
        return None
    origin = get_origin(hint)
    if origin is typing.Literal:
        if data not in get_args(hint):
            raise DecodeError(where, f"{data!r} is not one of {', '.join(map(repr, get_args(hint)))}")
        return data
    if origin in (tuple, list, Sequence):
        if not isinstance(data, list):
            raise DecodeError(where, f"expected an array, got {_kind(data)}")
        if len(data) > MAX_ITEMS:
            raise DecodeError(where, f"more than {MAX_ITEMS} items")
        args = get_args(hint)
        if origin is tuple and args and args[-1] is not Ellipsis:
            if len(data) != len(args):
                raise DecodeError(where, f"expected {len(args)} items, got {len(data)}")
            return tuple(decode(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(data, args, strict=True)))
        item = args[0] if args else Any
        items = [decode(v, item, f"{where}[{i}]") for i, v in enumerate(data)]
        return items if origin is list else tuple(items)
    if origin in (dict, Mapping):
        if not isinstance(data, dict):
            raise DecodeError(where, f"expected an object, got {_kind(data)}")
        _key, value_hint = get_args(hint) or (str, Any)
        return {str(k): decode(v, value_hint, f"{where}.{k}") for k, v in data.items()}
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in hint)
            raise DecodeError(where, f"{data!r} is not one of {allowed}") from None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_object(data, hint, where)
    if hint is bool:
        if not isinstance(data, bool):
            raise DecodeError(where, f"expected true or false, got {_kind(data)}")
        return data
    if hint is int:
        if not isinstance(data, int) or isinstance(data, bool):
            raise DecodeError(where, f"expected a whole number, got {_kind(data)}")
        return data
    if hint is float:
        if not isinstance(data, int | float) or isinstance(data, bool):
            raise DecodeError(where, f"expected a number, got {_kind(data)}")
        if not math.isfinite(data):
            raise DecodeError(where, f"{data!r} is not a finite number")
        return float(data)
    if hint is str:
        if not isinstance(data, str):
            raise DecodeError(where, f"expected a string, got {_kind(data)}")
        return data
    raise TypeError(f"the codec cannot decode {hint!r}")


def _kind(data: Any) -> str:
    if data is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(type(data), repr(data))


def _get(data: dict[str, Any], path: tuple[str, ...]) -> tuple[bool, Any]:
    current: Any = data
    for part in path:
        if not isinstance(current, dict) or part not in current:
            return False, None
        current = current[part]
    return True, current


def _decode_object(data: Any, cls: type, where: str) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(where, f"expected an object, got {_kind(data)}")
    upgrade = getattr(cls, "json_upgrade", None)
    if upgrade is not None:
        data = upgrade(dict(data))
    values: dict[str, Any] = {}
    for f in _fields(cls):
        if f.path is None:
            continue
        if f.path == ():
            values[f.name] = _decode_merged(data, f.hint, where)
            continue
        found, raw = _get(data, f.path)
        inner = f"{where}.{'.'.join(f.path)}"
        if not found:
            if f.required:
                raise DecodeError(inner, "missing")
            continue
        values[f.name] = decode(raw, f.hint, inner)
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
        raise DecodeError(where, str(exc)) from None


def _decode_merged(data: dict[str, Any], hint: Any, where: str) -> Any:
    """A nested dataclass whose keys sit in its parent object; an optional one is None when none of its
    keys holds a value."""
    options = [h for h in get_args(hint) if h is not type(None)] if _is_union(hint) else [hint]
    nested = _strip(options[0])[0]
    keys = {f.path[0] for f in _fields(nested) if f.path}
    if _is_union(hint) and not any(data.get(k) is not None for k in keys):
        return None
    return decode({k: v for k, v in data.items() if k in keys}, nested, where)


def _check(value: Any, check: Any, where: str) -> None:
    if value is None:
        return
    if isinstance(check, Bounds):
        if not check.low <= value <= check.high:
            raise DecodeError(where, f"{value!r} is outside {check.low:g}..{check.high:g}")
    elif isinstance(check, IpLiteral):
        try:
            ipaddress.ip_address(str(value).split("%", 1)[0])
        except ValueError:
            raise DecodeError(where, f"{value!r} is not an IP address") from None


# --------------------------------------------------------------------------- schema


def schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of ``hint``; dataclasses go into ``defs`` (``#/$defs/Name``) once each."""
    bare, checks = _strip(hint)
    out = _schema_bare(bare, defs)
    for check in checks:
        if isinstance(check, Bounds):
            out = {**out, "minimum": check.low, "maximum": check.high}
        elif isinstance(check, IpLiteral):
            out = {**out, "description": "an IPv4 or IPv6 address"}
    return out


def _schema_bare(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if hint is Any or hint is object:
        return {}
    if _is_union(hint):
        return {"anyOf": [schema(option, defs) for option in get_args(hint)]}
    if hint is type(None):
        return {"type": "null"}
    origin = get_origin(hint)
    if origin is typing.Literal:
        return {"enum": list(get_args(hint))}
    if origin in (tuple, list, Sequence):
        args = get_args(hint)
        if origin is tuple and args and args[-1] is not Ellipsis:
            return {"type": "array", "prefixItems": [schema(a, defs) for a in args], "minItems": len(args)}
        return {"type": "array", "items": schema(args[0] if args else Any, defs)}
    if origin in (dict, Mapping):
        args = get_args(hint)
        return {"type": "object", "additionalProperties": schema(args[1] if args else Any, defs)}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [m.value for m in hint]}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: a type that (indirectly) holds itself refers back to it
            defs[name] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"the codec has no schema for {hint!r}")


def _place(node: dict[str, Any], path: tuple[str, ...], value: dict[str, Any], required: bool) -> None:
    for part in path[:-1]:
        child = node.setdefault("properties", {}).setdefault(part, {"type": "object"})
        if required:
            node.setdefault("required", [])
            if part not in node["required"]:
                node["required"].append(part)
        node = child
    node.setdefault("properties", {})[path[-1]] = value
    if required:
        node.setdefault("required", []).append(path[-1])


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "object"}
    doc = (cls.__doc__ or "").strip().split("\n")[0]
    if doc:
        node["description"] = doc
    for f in _fields(cls):
        if f.path is None:
            continue
        if f.path == ():
            bare = _strip(f.hint)[0]
            nested = next(h for h in get_args(bare) if h is not type(None)) if _is_union(bare) else bare
            merged = _object_schema(nested, defs)
            node.setdefault("properties", {}).update(merged.get("properties", {}))
            continue
        _place(node, f.path, schema(f.hint, defs), f.required)
    for path, _attribute, hint in _derived(cls):
        _place(node, path, {**schema(hint, defs), "readOnly": True}, True)
    return node
