"""Shared fixtures: the network lab, and running aspdiag inside the lab's client namespace."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.lab import Lab, unavailable_reason, which

REPO = Path(__file__).resolve().parents[1]
SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# A suite started as a background job of a non-interactive shell (`make test &`, nohup) inherits SIGINT
# ignored, and so would every aspdiag it starts: the Ctrl-C tests would then test the shell, not aspdiag.
# A Python handler here is reset to the default at exec, so the children get Python's usual Ctrl-C again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything that uses the lab is marked ``lab`` (select with -m lab / -m 'not lab')."""
    for item in items:
        if "lab" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.lab)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own user data directory: a check run in-process records its history there, never
    in the real ~/.local/share/aspdiag."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="session")
def lab() -> Iterator[Lab]:
    """One lab for the session; skipped with the reason when it cannot be built (failed in CI)."""
    reason = unavailable_reason()
    if reason:
        if os.environ.get("ASPDIAG_REQUIRE_LAB") == "1":
            pytest.fail(f"ASPDIAG_REQUIRE_LAB=1 but {reason}")
        pytest.skip(reason)
    instance = Lab().up()
    try:
        yield instance
    finally:
        instance.down()


@pytest.fixture
def fw(lab: Lab) -> Iterator[Lab]:
    """The lab with an open firewall before and after the test (tests set their own rules)."""
    lab.firewall([])
    yield lab
    lab.firewall([])


@dataclass
class ToolRun:
    """One aspdiag run inside the lab."""

    code: int
    stdout: str
    stderr: str
    cwd: Path

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)

    def reports(self, suffix: str) -> list[Path]:
        return sorted((self.cwd / "reports").glob(f"*{suffix}"))


def _dependency_tops(root: str) -> set[Path]:
    """Top-level package directories and modules of every installed runtime dependency of ``root``."""
    import tomllib
    from importlib import metadata

    tops: set[Path] = set()
    seen: set[str] = set()
    # The working tree's declared dependencies too: the installed metadata may predate a new one.
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    stack = [root, *declared]
    while stack:
        name = re.split(r"[ ;<>=!~\[(]", stack.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        stack.extend(req for req in dist.requires or [] if "extra ==" not in req)
        if name == root:
            continue  # the project itself is copied from the working tree
        for file in dist.files or []:
            first = file.parts[0]
            if first in ("..", "__pycache__") or first.endswith((".dist-info", ".pth")):
                continue
            tops.add(Path(str(dist.locate_file(first))))
    return tops


def _stage_for_unprivileged() -> tuple[str, str]:
    """An interpreter and a PYTHONPATH that the user ``nobody`` can read.

    This project's Python may live under /root (pyenv), which ``nobody`` cannot enter. Then we copy the
    packages aspdiag imports into a world-readable directory and use the system interpreter of the same
    minor version. The tool itself runs unchanged; only where its files are read from differs.
    """
    probe = subprocess.run(
        [
            "setpriv",
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            sys.executable,
            "-c",
            "import aspdiag.cli, aspdiag.engine",
        ],
        capture_output=True,
        env={"PATH": SAFE_PATH, "PYTHONPATH": str(REPO)},
        cwd="/",
    )
    if probe.returncode == 0:
        return sys.executable, str(REPO)
    stage = Path(tempfile.mkdtemp(prefix="aspdiag-nobody-"))
    os.chmod(stage, 0o755)
    for top in _dependency_tops("aspdiag"):
        if top.is_dir():
            shutil.copytree(top, stage / top.name, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        elif top.is_file():
            shutil.copy2(top, stage / top.name)
    shutil.copytree(
        REPO / "aspdiag", stage / "aspdiag", dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    for directory, _dirs, files in os.walk(stage):
        os.chmod(directory, 0o755)
        for name in files:
            os.chmod(os.path.join(directory, name), 0o644)
    interpreter = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
    if not Path(interpreter).exists():
        pytest.fail(f"cannot run aspdiag as nobody: {sys.executable} is unreadable and {interpreter} is missing")
    return interpreter, str(stage)


@pytest.fixture(scope="session")
def nobody_python() -> Iterator[tuple[str, str]]:
    """(interpreter, PYTHONPATH) usable by ``nobody``."""
    if which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("running as nobody needs root and setpriv")
    interpreter, pythonpath = _stage_for_unprivileged()
    yield interpreter, pythonpath
    if pythonpath != str(REPO):
        shutil.rmtree(pythonpath, ignore_errors=True)


@pytest.fixture
def workdir() -> Iterator[Path]:
    """A fresh directory anyone can write (the unprivileged run writes its reports there)."""
    path = Path(tempfile.mkdtemp(prefix="aspdiag-run-"))
    os.chmod(path, 0o777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def run_aspdiag(
    lab: Lab,
    args: list[str],
    cwd: Path,
    *,
    python: tuple[str, str] | None = None,
    user: str | None = None,
    timeout: float = 60.0,
) -> ToolRun:
    """Run ``python -m aspdiag ARGS`` in the lab's client namespace (as ``user`` when given)."""
    interpreter, pythonpath = python or (sys.executable, str(REPO))
    # HOME (and so the user data directory, where a check records its history) is the run's own directory.
    env = {"PATH": SAFE_PATH, "PYTHONPATH": pythonpath, "LANG": "C.UTF-8", "HOME": str(cwd)}
    result = lab.exec("client", [interpreter, "-m", "aspdiag", *args], user=user, env=env, cwd=cwd, timeout=timeout)
    return ToolRun(result.returncode, result.stdout, result.stderr, cwd)


def check_json(
    lab: Lab,
    cwd: Path,
    *args: str,
    user: str | None = None,
    python: tuple[str, str] | None = None,
    host: str = "aspera.lab.test",
) -> ToolRun:
    """``aspdiag check HOST ARGS --format json --no-reports`` in the client namespace; the run must
    reach a verdict (exit 0 ready, 1 blocked/degraded, 4 unconfirmed, 5 cannot tell) with no failed probe."""
    run = run_aspdiag(
        lab,
        ["check", host, *args, "--format", "json", "--no-reports"],
        cwd,
        user=user,
        python=python,
        timeout=120,
    )
    assert run.code in (0, 1, 4, 5), run.stderr
    assert not run.json["failures"], run.json["failures"]
    return run


STANDIN = REPO / "tests" / "ascp_double" / "standin.py"


@pytest.fixture
def transfer_lab(lab: Lab) -> Iterator[Lab]:
    """The lab with the FASP stand-in listening on the server's UDP 33001 (only during the test)."""
    lab.scenario("open")
    proc = subprocess.Popen(
        lab.exec_argv("server", [sys.executable, str(STANDIN), "33001"]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lab.wait_listening("server", "udp", 33001)
        yield lab
    finally:
        proc.kill()
        proc.wait()
        lab.scenario("open")
