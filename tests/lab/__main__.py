"""Bring a lab up or down by hand, or run the demo: ``python -m tests.lab {up,down,list,demo}``."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.lab import STATE_DIR, Lab, remove_namespaces, sweep_stale, unavailable_reason
from tests.lab.scenarios import SCENARIOS

REPO = Path(__file__).resolve().parents[2]


def _require_lab() -> None:
    reason = unavailable_reason()
    if reason:
        sys.exit(f"lab: {reason}")


def cmd_up(args: argparse.Namespace) -> int:
    """Build a lab that stays up after this command exits."""
    _require_lab()
    lab = Lab().up()
    lab.scenario(args.scenario)
    # Hand the lab over to the user: forget the child processes (they keep running in the namespaces)
    # and mark the state file as manual so automatic sweeps leave it alone.
    lab.processes.clear()
    state = STATE_DIR / f"{lab.id}.json"
    data = json.loads(state.read_text())
    data["owner_pid"] = None
    state.write_text(json.dumps(data))
    print(f"lab {lab.id} is up (firewall scenario: {args.scenario})")
    print(f"  namespaces: {' '.join(lab.namespaces)}")
    print(f"  try:        ip netns exec {lab.ns('client')} aspdiag check aspera.lab.test")
    print(f"  remove:     python -m tests.lab down {lab.id}")
    return 0


def cmd_down(args: argparse.Namespace) -> int:
    """Remove one lab (by id) or all of them."""
    targets = sorted(STATE_DIR.glob("*.json")) if STATE_DIR.is_dir() else []
    if not args.all:
        targets = [t for t in targets if t.stem in args.ids]
    for state_file in targets:
        data = json.loads(state_file.read_text())
        remove_namespaces(data.get("namespaces", []))
        subprocess.run(["rm", "-rf", "--", data.get("workdir", "/nonexistent")], check=False)
        state_file.unlink(missing_ok=True)
        print(f"removed {state_file.stem}")
    return 0


def cmd_list(_args: argparse.Namespace) -> int:
    """List labs that have a state file."""
    sweep_stale()
    for state_file in sorted(STATE_DIR.glob("*.json")) if STATE_DIR.is_dir() else []:
        data = json.loads(state_file.read_text())
        owner = data.get("owner_pid") or "manual"
        print(f"{state_file.stem}  owner={owner}  {' '.join(data.get('namespaces', []))}")
    return 0


DEMO_PRESET = """# The demo preset: a lab host, its transfer user and a test file (the test double serves any name)
[demo]
description = "aspdiag lab demo server"
host = "aspera.lab.test"
user = "demo"
test_file = "/data/aspdiag-demo-6MB"
"""


def cmd_demo(args: argparse.Namespace) -> int:
    """The whole preflight in a lab: a 50 Mbit/s bottleneck (tc tbf), the perimeter scenario, the ascp test
    double (tests/ascp_double, not IBM's ascp) found through ASPDIAG_ASCP with a password in ASPERA_SCP_PASS,
    and a preset naming a test file, so that a plain ``aspdiag check demo`` runs every stage: DNS, route,
    ports, path, bandwidth, ascp, the capped test transfer, the checklist and the reports in ./reports/."""
    import secrets
    import tempfile

    _require_lab()
    print(
        f"demo: building a lab: perimeter scenario '{args.scenario}', a 50 Mbit/s bottleneck on the router,"
        " the ascp TEST DOUBLE (not IBM's ascp) and its FASP stand-in on the server",
        file=sys.stderr,
    )
    secret = secrets.token_hex(8)
    with Lab() as lab, tempfile.TemporaryDirectory(prefix="aspdiag-demo-") as scratch:
        lab.scenario(args.scenario)
        lab.shape("router", "eth1", 50, 64)
        standin = subprocess.Popen(
            lab.exec_argv("server", [sys.executable, str(REPO / "tests" / "ascp_double" / "standin.py"), "33001"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        lab.processes.append(standin)
        lab.wait_listening("server", "udp", 33001)
        presets = Path(scratch) / "presets.toml"
        presets.write_text(DEMO_PRESET)
        # --no-history: the demo's lab is thrown away, its checks do not belong in the user's history.
        check = [sys.executable, "-m", "aspdiag", "check", "demo", "--presets", str(presets), "--no-history"]
        check += args.extra
        argv = lab.exec_argv("client", check)
        print(f"demo: {' '.join(check[2:])}  (inside namespace {lab.ns('client')})", file=sys.stderr)
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "ASPDIAG_ASCP": str(REPO / "tests" / "ascp_double" / "ascp"),
            "ASPERA_SCP_PASS": secret,  # in the environment only, as with the real ascp
            "ASCP_DOUBLE_EXPECT_PASS": secret,
        }
        code = subprocess.run(argv, cwd=REPO, env=env, check=False).returncode
    print(
        f"demo: aspdiag exited with {code} (see 'aspdiag check --help' for the codes); the lab is removed",
        file=sys.stderr,
    )
    return 0 if code in (0, 1, 4) else code


def main() -> int:
    """Parse the sub-command and run it."""
    parser = argparse.ArgumentParser(prog="python -m tests.lab", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="build a lab and leave it running")
    up.add_argument("--scenario", choices=sorted(SCENARIOS), default="open")
    up.set_defaults(func=cmd_up)
    down = sub.add_parser("down", help="remove labs")
    down.add_argument("ids", nargs="*")
    down.add_argument("--all", action="store_true")
    down.set_defaults(func=cmd_down)
    sub.add_parser("list", help="list labs").set_defaults(func=cmd_list)
    demo = sub.add_parser("demo", help="run the whole preflight (aspdiag check) in a lab, test transfer included")
    demo.add_argument("--scenario", choices=sorted(SCENARIOS), default="open")
    demo.add_argument("extra", nargs=argparse.REMAINDER, help="extra aspdiag check options")
    demo.set_defaults(func=cmd_demo)
    args = parser.parse_args()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
