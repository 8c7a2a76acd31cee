"""Find every ascp installation: --ascp, ASPDIAG_ASCP, PATH, and the known install locations of Aspera
Connect, Desktop Client, HSTS/Aspera CLI, the Transfer SDK, ascli's SDK folder and conda environments.

``candidates()`` is pure (a function of home, environment and platform); ``discover()`` checks the files
and runs ``ascp -A`` through the injected runner, with a timeout because some builds hang there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from aspdiag.core.codec import at
from aspdiag.core.errors import ToolFailedError, ToolNotFoundError
from aspdiag.core.ports import CommandRunner
from aspdiag.fasp.parse import AscpVersion, parse_version

VERSION_TIMEOUT_S = 5.0
KEY_FILES = (
    "asperaweb_id_dsa.openssh",
    "aspera_tokenauth_id_rsa",
    "aspera_bypass_rsa.pem",
    "aspera_bypass_dsa.pem",
)


@dataclass(frozen=True)
class Candidate:
    """A place where ascp may be, and why we look there."""

    path: str
    origin: str


def candidates(
    home: str, env: Mapping[str, str], platform: str = "linux", explicit: str | None = None
) -> list[Candidate]:
    """Every location to look at, in order of preference (pure)."""
    out: list[Candidate] = []
    if explicit:
        out.append(Candidate(explicit, "--ascp"))
    if env.get("ASPDIAG_ASCP"):
        out.append(Candidate(env["ASPDIAG_ASCP"], "ASPDIAG_ASCP"))
    for directory in env.get("PATH", "").split(os.pathsep):
        if directory and os.path.isabs(directory):  # never run ./ascp from wherever we happen to be
            out.append(Candidate(os.path.join(directory, "ascp"), "PATH"))
            out.append(Candidate(os.path.join(directory, "ascp4"), "PATH (ascp4)"))
    h = home
    known: list[tuple[str, str]] = [
        (f"{h}/.aspera/connect/bin/ascp", "IBM Aspera Connect (per user)"),
        (f"{h}/.aspera/cli/bin/ascp", "Aspera CLI v3 (per user, deprecated)"),
        (f"{h}/.aspera/sdk/ascp", "IBM Aspera Transfer SDK / ascli SDK folder"),
        (f"{h}/.aspera/ascli/sdk/ascp", "ascli SDK folder (older versions)"),
        ("/opt/aspera/bin/ascp", "IBM Aspera High-Speed Transfer Server / Desktop Client"),
        ("/opt/aspera/bin/ascp4", "IBM Aspera HSTS (ascp4)"),
        ("/opt/aspera/connect/bin/ascp", "IBM Aspera Connect (system)"),
        ("/usr/bin/ascp", "system package"),
        ("/usr/local/bin/ascp", "local install"),
    ]
    if platform == "darwin":
        for root in (f"{h}/Applications", "/Applications"):
            for app in ("Aspera Connect.app", "IBM Aspera Connect.app"):
                known.append((f"{root}/{app}/Contents/Resources/ascp", "IBM Aspera Connect (macOS)"))
        known += [
            ("/Applications/IBM Aspera.app/Contents/Resources/transferd/bin/ascp", "IBM Aspera for Desktop (macOS)"),
            (f"{h}/Applications/Aspera CLI/bin/ascp", "Aspera CLI v3 (macOS, deprecated)"),
            ("/Library/Aspera/bin/ascp", "IBM Aspera HSTS (macOS)"),
        ]
    conda_roots = [env[k] for k in ("CONDA_PREFIX",) if env.get(k)]
    for base in (f"{h}/miniconda3", f"{h}/anaconda3", f"{h}/miniforge3", f"{h}/mambaforge", "/opt/conda"):
        conda_roots.append(base)
    for root in conda_roots:
        known.append((f"{root}/opt/aspera/connect/bin/ascp", "conda environment"))
        known.append((f"{root}/bin/ascp", "conda environment"))
    out += [Candidate(path, origin) for path, origin in known]
    return out


@dataclass(frozen=True)
class AscpInstallation:
    """One ascp found on this machine."""

    path: str
    origin: str
    version: AscpVersion | None = field(default=None, metadata=at("."))
    version_error: str = ""
    key_files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    used: bool = False
    """The installation aspdiag (and a plain ``ascp`` command) uses: the first one found."""


CONNECT4_KEY_NOTE = (
    "Aspera Connect 4.x no longer ships the public DSA key asperaweb_id_dsa.openssh: public download recipes "
    "(ENA, NCBI) need the key the data provider documents (e.g. aspera_bypass_rsa.pem)"
)
"""Matters only for key logins to public services: a password or token login never reads that key."""


def version_warnings(version: AscpVersion) -> list[str]:
    """Known problems of a version (pure)."""
    notes: list[str] = []
    numbers = version.ascp_version_tuple
    if numbers and numbers < (3, 9, 6):
        notes.append(
            "ascp older than 3.9.6 checks only RSA host keys: a server with an ECDSA host key fails with error 51 "
            "('Remote host is not who we expected'); update the client"
        )
    if numbers and numbers < (3, 7):
        notes.append("ascp older than 3.7 is no longer supported by IBM; current servers may refuse it")
    product = (version.product or "").lower()
    if "connect" in product and version.product_version and version.product_version.split(".")[0] >= "4":
        notes.append(CONNECT4_KEY_NOTE)
    if "cli" in product and version.product_version and version.product_version.startswith("3."):
        notes.append("Aspera CLI v3 is deprecated by IBM")
    if version.is_ascp4:
        notes.append("this is ascp4, a different client: most recipes and this tool's test transfer expect ascp")
    return notes


def _key_files(ascp_path: str, exists: Callable[[str], bool]) -> tuple[str, ...]:
    folder = os.path.dirname(ascp_path)
    places = [
        folder,
        os.path.join(folder, "..", "etc"),
        os.path.join(folder, "etc"),
        os.path.join(folder, "..", "etc", "aspera"),
    ]
    found = []
    for place in places:
        for name in KEY_FILES:
            path = os.path.normpath(os.path.join(place, name))
            if exists(path) and path not in found:
                found.append(path)
    return tuple(found)


def _is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def discover(
    runner: CommandRunner,
    *,
    home: str,
    env: Mapping[str, str],
    platform: str = "linux",
    explicit: str | None = None,
    executable: Callable[[str], bool] = _is_executable,
    exists: Callable[[str], bool] = os.path.isfile,
) -> list[AscpInstallation]:
    """Every distinct ascp found (the first one is the one used), each with its version and key files."""
    found: list[AscpInstallation] = []
    seen: set[str] = set()
    for candidate in candidates(home, env, platform, explicit):
        real = os.path.realpath(candidate.path)
        if real in seen or not executable(candidate.path):
            continue
        seen.add(real)
        version: AscpVersion | None = None
        error = ""
        try:
            output = runner.run([candidate.path, "-A"], VERSION_TIMEOUT_S)
            version = parse_version(output.stdout + "\n" + output.stderr)
            if not version.ascp_version:
                error = "ascp -A printed no version"
        except ToolFailedError as exc:
            error = f"ascp -A failed: {exc}"
        except ToolNotFoundError as exc:
            error = str(exc)
        warnings = tuple(version_warnings(version)) if version else ()
        found.append(
            AscpInstallation(
                candidate.path,
                candidate.origin,
                version,
                error,
                _key_files(candidate.path, exists),
                warnings,
                used=not found,
            )
        )
    return found
