"""The environment variables that carry Aspera credentials, and scrubbing their values out of text: ascp
output, logs and command lines shown to the user never contain a secret."""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Mapping

SECRET_VARIABLES = (
    "ASPERA_SCP_PASS",
    "ASPERA_SCP_TOKEN",
    "ASPERA_SCP_FILEPASS",
    "ASPERA_SCP_COOKIE",
    "ASPERA_PROXY_PASS",
    "ASPERA_SRC_PASS",
    "ASPERA_DST_PASS",
)


def scrub_values(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every secret value (three characters or more) replaced by ``[redacted]``."""
    for secret in secrets:
        if secret and len(secret) >= 3:
            text = text.replace(secret, "[redacted]")
    return text


def secrets_in(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The values of the credential variables set in ``environ`` (default: this process's environment)."""
    env = os.environ if environ is None else environ
    return tuple(v for name in SECRET_VARIABLES if (v := env.get(name)))


def scrub_document(text: str, secrets: Iterable[str | None]) -> str:
    """``scrub_values`` for a rendered document: also the forms a secret takes once escaped for JSON or
    HTML (a password with a quote or an ampersand no longer matches its raw text there)."""
    forms: list[str] = []
    for secret in secrets:
        if secret and len(secret) >= 3:
            forms += [secret, json.dumps(secret)[1:-1], html.escape(secret), html.escape(secret, quote=False)]
    # Longest first: an escaped form may contain the raw one.
    ordered: list[str] = sorted(set(forms), key=len, reverse=True)
    return scrub_values(text, ordered)
