"""The environment variables that carry Aspera credentials, and scrubbing their values out of text: ascp
output, logs and command lines shown to the user never contain a secret."""

from __future__ import annotations

from collections.abc import Iterable

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
