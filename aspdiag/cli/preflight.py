"""What a plain ``aspdiag check HOST`` runs, decided before the first packet: every stage of the preflight
unless ``--quick`` or a ``--no-...`` option leaves it out, and the capped test transfer whenever it can run —
credentials in the environment or a key, a user, and a test file or upload folder (given on the command line
or by a preset). Each stage left out is recorded with its reason and the option that runs it; a transfer the
user insisted on (``--transfer``, ``--remote-file``, ``--upload``) that cannot run is one line and exit 2
before anything is sent.

Credentials are only ever looked up by name here (ASPERA_SCP_PASS, ASPERA_SCP_TOKEN): their values stay in
the environment ascp inherits.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aspdiag.core.config import CheckConfig, TransferSettings, parse_size
from aspdiag.core.errors import ConfigError
from aspdiag.core.model import SkippedStage
from aspdiag.core.presets import Preset

CREDENTIALS_HINT = (
    "set ASPERA_SCP_PASS (the password) or ASPERA_SCP_TOKEN in the environment, or give --key FILE; "
    "never on the command line"
)
DEFAULT_RATE_MBPS = 10.0
DEFAULT_TIME_LIMIT_S = 20.0
AUTO_BYTES_SHARE = 0.5
"""The automatic byte cap: what the target rate moves in half the time limit, so that a healthy transfer ends
by its byte cap well before the time cap (SSH login and FASP's ramp take a few seconds)."""
MIN_AUTO_BYTES = 1_000_000


@dataclass(frozen=True)
class TransferOptions:
    """The test-transfer options as given on the command line."""

    insist: bool | None
    """True: --transfer (or --remote-file / --upload); False: --no-transfer; None: when it can run."""
    remote_file: str | None
    upload: bool
    to_folder: str | None
    user: str | None
    key: Path | None
    ascp: str | None
    rate_mbps: float
    max_rate_mbps: float
    time_limit_s: float
    max_bytes: str
    """``auto`` or a size."""
    no_encryption: bool


def login_kind(env: Mapping[str, str], key: str | None) -> str:
    """``password``, ``token``, ``key`` or '' (no credential found): names only, never values."""
    if env.get("ASPERA_SCP_PASS"):
        return "password"
    if env.get("ASPERA_SCP_TOKEN"):
        return "token"
    return "key" if key else ""


def auto_max_bytes(rate_mbps: float, time_limit_s: float) -> int:
    """The byte cap that agrees with the rate and time caps (see ``AUTO_BYTES_SHARE``)."""
    return max(MIN_AUTO_BYTES, int(rate_mbps * 1e6 / 8 * time_limit_s * AUTO_BYTES_SHARE))


def preset_key(preset: Preset | None, installations: Sequence[Any]) -> str | None:
    """The key file a preset's public downloads need, when the ascp in use ships it."""
    if preset is None or not preset.key_files or not installations:
        return None
    used = next((i for i in installations if getattr(i, "used", False)), installations[0])
    return next((path for path in used.key_files if os.path.basename(path) in preset.key_files), None)


def plan(
    config: CheckConfig,
    *,
    quick: bool,
    path: bool,
    bandwidth: bool,
    options: TransferOptions,
    preset: Preset | None,
    env: Mapping[str, str],
    find_ascp: Any,
) -> CheckConfig:
    """``config`` with the stages of this run decided (see the module docstring)."""
    check_own_values(options)  # a malformed value is bad input whether or not the transfer runs
    skipped: list[SkippedStage] = []
    if quick:
        if options.insist:
            raise ConfigError(
                "--quick runs DNS, routes and ports only: it cannot run a test transfer",
                "drop --quick, or drop the transfer options",
            )
        why, how = "--quick: DNS, routes and ports only", "run without --quick"
        skipped += [SkippedStage(stage, why, how) for stage in ("path", "bandwidth", "ascp", "transfer")]
        return replace(config, path=False, bandwidth=False, skipped=tuple(skipped))
    if not path:
        skipped.append(SkippedStage("path", "--no-path", "run without --no-path"))
    if not bandwidth:
        skipped.append(SkippedStage("bandwidth", "--no-bandwidth", "run without --no-bandwidth"))
    installations = tuple(find_ascp(options.ascp))
    config = replace(config, path=path, bandwidth=bandwidth, ascp_installations=installations, ascp_searched=True)
    key = str(options.key) if options.key is not None else preset_key(preset, installations)
    login = login_kind(env, key)
    config = replace(config, login=login)
    if options.insist is False:
        skipped.append(SkippedStage("transfer", "--no-transfer", "run without --no-transfer"))
        return replace(config, skipped=tuple(skipped))
    test_file = options.remote_file or (preset.test_file if preset and not options.upload else None)
    user = options.user or (preset.user if preset else None)
    if options.insist:
        check_values(options)  # a malformed option is named before anything that is merely missing
    missing = _missing(installations, login, user, test_file, options)
    if missing:
        if options.insist:
            # Everything it lacks in one line: one item per run made the user fix and re-run several times.
            if len(missing) == 1:
                raise ConfigError(missing[0][1], missing[0][2])
            raise ConfigError(
                "the test transfer cannot run: " + "; ".join(m[1] for m in missing), "; ".join(m[2] for m in missing)
            )
        reasons = "; ".join(m[1] for m in missing)
        skipped.append(SkippedStage("transfer", reasons, "; ".join(m[2] for m in missing)))
        return replace(config, skipped=tuple(skipped))
    settings = transfer_settings(installations, user, test_file, key, options)
    return replace(config, transfer=settings, skipped=tuple(skipped))


def _missing(
    installations: Sequence[Any], login: str, user: str | None, test_file: str | None, options: TransferOptions
) -> list[tuple[str, str, str]]:
    """What the test transfer lacks: (stage, problem, what to give), credentials first (the one thing the
    user must set in the environment, never on the command line), then ascp, the file or folder, the user."""
    out = []
    if not login:
        out.append(("credentials", "the test transfer needs credentials and none were found", CREDENTIALS_HINT))
    if not installations:
        out.append(
            (
                "ascp",
                "no ascp was found for the test transfer",
                "install IBM Aspera Connect or the Transfer SDK, or give --ascp PATH / ASPDIAG_ASCP",
            )
        )
    if options.upload and not options.to_folder:
        out.append(("target", "--upload needs --to-folder DIR", "give the remote folder that accepts the test upload"))
    elif not options.upload and not test_file:
        out.append(
            (
                "target",
                "a test transfer needs either --remote-file PATH (download) or --upload --to-folder DIR",
                "e.g. --remote-file /aspera-test/10MB.bin (a file on the server)",
            )
        )
    if user is None:
        out.append(("user", "the test transfer needs a user name", "give --user NAME (or use a preset that has one)"))
    return out


def check_own_values(o: TransferOptions) -> None:
    """The test-transfer values that are wrong in themselves, whichever stages run (a review: --rate -5,
    --max-bytes 5XB or a --key that does not exist gave a normal report with --quick)."""
    if o.key is not None and not o.key.is_file():
        raise ConfigError(f"--key {str(o.key)!r} is not a file", "give the path of the SSH private key file")
    if not o.rate_mbps > 0:
        raise ConfigError(f"--rate {o.rate_mbps:g} is not a rate", "give a target rate above 0 Mbit/s")
    if not 1 <= o.time_limit_s <= 600:
        raise ConfigError(f"--time-limit {o.time_limit_s:g} is out of range", "give 1 to 600 seconds")
    if o.max_bytes.strip().lower() != "auto":
        parse_size(o.max_bytes, "--max-bytes")


def check_values(o: TransferOptions) -> None:
    """The test-transfer options that were given, each checked on its own (one line and exit 2)."""
    from aspdiag.measurements.transfer.run import validate_remote_path, validate_user

    if o.upload and o.remote_file:
        raise ConfigError(
            "a test transfer needs either --remote-file PATH (download) or --upload --to-folder DIR, not both",
            "test a download or an upload",
        )
    if o.remote_file is not None:
        validate_remote_path(o.remote_file, "--remote-file")
    if o.to_folder is not None:
        validate_remote_path(o.to_folder, "--to-folder")
    if o.user is not None:
        validate_user(o.user)
    if o.key is not None and not o.key.is_file():
        raise ConfigError(f"--key {str(o.key)!r} is not a file", "give the path of the SSH private key file")
    if not 0 < o.rate_mbps <= o.max_rate_mbps:  # --max-rate itself was checked before
        raise ConfigError(
            f"--rate {o.rate_mbps:g} Mbit/s is not within 0 and --max-rate {o.max_rate_mbps:g}",
            "lower --rate, or raise --max-rate if the network owner agrees",
        )
    if not 1 <= o.time_limit_s <= 600:
        raise ConfigError(f"--time-limit {o.time_limit_s:g} is out of range", "give 1 to 600 seconds")
    if o.max_bytes.strip().lower() != "auto":
        parse_size(o.max_bytes, "--max-bytes")


def transfer_settings(
    installations: Sequence[Any], user: str | None, test_file: str | None, key: str | None, o: TransferOptions
) -> TransferSettings:
    """Validate the caps and paths (every problem is one line and exit 2)."""
    from aspdiag.measurements.transfer.run import validate_remote_path, validate_user

    check_values(o)
    if o.max_bytes.strip().lower() == "auto":
        max_bytes = auto_max_bytes(o.rate_mbps, o.time_limit_s)
    else:
        max_bytes = parse_size(o.max_bytes, "--max-bytes")
    assert user is not None
    return TransferSettings(
        ascp=installations[0].path,
        user=validate_user(user),
        download=not o.upload,
        remote_path=validate_remote_path(
            (o.to_folder if o.upload else test_file) or "", "--to-folder" if o.upload else "--remote-file"
        ),
        rate_mbps=o.rate_mbps,
        time_limit_s=o.time_limit_s,
        max_bytes=max_bytes,
        key_file=key,
        encrypt=not o.no_encryption,
    )
