"""One grammar for every command (issue #16), measured on the real program in a subprocess, as a script would
run it: every command with --format json writes valid JSON (JSON Lines for watch) on stdout and nothing else,
validated against 'aspdiag schema KIND'; -o FILE writes the format its suffix names; -o - is stdout; a
format and a suffix that disagree are exit 2; every --help lists the command's exit codes, as the README does.

The only packets sent go to 127.0.0.1 (check against loopback)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from aspdiag.cli import main
from aspdiag.cli.exits import EXIT_CODES
from aspdiag.report.schemas import SCHEMAS, schema_for
from tests.conftest import REPO

DOUBLE = REPO / "tests" / "ascp_double" / "ascp"
EXPLAIN_LOG = REPO / "tests" / "data" / "explain" / "auth-19.txt"
LOOPBACK_CHECK = ["127.0.0.1", "--ssh-port", "9", "--udp-port", "9", "--method", "socket", "--timeout", "0.5"]


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def aspdiag(workdir: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Run:
    """``python -m aspdiag ARGS`` in ``workdir`` with its own HOME (history, presets) and no terminal."""
    tmp = workdir / "tmp"  # the transfer's temporary directory stays out of the shared /tmp other tests watch
    tmp.mkdir(exist_ok=True)
    base = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "PYTHONPATH": str(REPO),
        "HOME": str(workdir),
        "TMPDIR": str(tmp),
        "XDG_DATA_HOME": str(workdir / "data"),
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-m", "aspdiag", *args],
        cwd=workdir,
        env={**base, **(env or {})},
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=60,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with what the commands read: two saved reports and a history (from real checks against
    loopback), a run's state file, a small tree to catalogue (and its catalogue), a directory to watch."""
    work = tmp_path_factory.mktemp("grammar")
    for name in ("one", "two"):
        done = aspdiag(
            work, "check", *LOOPBACK_CHECK, "--no-reports", "--history", "h.sqlite", "-o", f"{name}.json", "-q"
        )
        assert done.code in (0, 1, 4, 5), done.stderr
    tree = work / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.fastq.gz").write_bytes(b"x" * 1500)
    (tree / "sub" / "b.txt").write_text("hello\n")
    done = aspdiag(work, "catalog", "tree", "--reports-dir", "cat", "-q")
    assert done.code == 0, done.stderr
    (work / "watched").mkdir()
    (work / "watched" / "part").write_bytes(b"y" * 2000)
    done = aspdiag(work, "run", "--any-command", "-q", "--state-file", "state.json", "--", "sh", "-c", "exit 0")
    assert done.code == 0, done.stderr
    return work


def _catalogue(work: Path) -> str:
    return str(next((work / "cat").glob("*.tsv")).relative_to(work))


# Every command that writes a document (or a stream), its JSON kind, and the exit codes a fine run may have.
MATRIX: list[tuple[str, list[str], str, tuple[int, ...]]] = [
    ("check", ["check", *LOOPBACK_CHECK, "--no-reports", "--no-history"], "report", (0, 1, 4, 5)),
    (
        "transfer",
        ["transfer", *LOOPBACK_CHECK, "--remote-file", "/x", "--user", "u", "--ascp", str(DOUBLE), "--time-limit", "2"],
        "report",
        (0, 1, 4, 5),
    ),
    ("report render", ["report", "render", "one.json"], "report", (0,)),
    ("report merge", ["report", "merge", "one.json", "two.json"], "merged", (0,)),
    ("explain", ["explain", str(EXPLAIN_LOG)], "explain", (1,)),
    ("ascp", ["ascp", "--ascp", str(DOUBLE)], "ascp", (0,)),
    ("presets", ["presets"], "presets", (0,)),
    ("schema", ["schema"], "schema-kinds", (0,)),
    ("catalog", ["catalog", "tree", "--no-reports"], "catalog", (0,)),
    ("catalog --verify", ["catalog", "tree", "--verify", "{catalogue}"], "catalog-verification", (0,)),
    ("watch", ["watch", "watched", "--expected", "1kB", "--interval", "0.05"], "watch", (0,)),
    ("run", ["run", "--any-command", "--", "sh", "-c", "echo hello; exit 0"], "run-state", (0,)),
    ("status", ["status", "state.json"], "run-state", (0,)),
    ("history", ["history", "--history", "h.sqlite"], "history", (0,)),
]
STREAMS = {"watch"}
"""Commands whose JSON is JSON Lines (one object per line)."""


def _args(args: list[str], work: Path, *options: str) -> list[str]:
    """The command line with ``options`` added (before ``--``, after which everything is the run's command)."""
    filled = [a.replace("{catalogue}", _catalogue(work)) for a in args]
    cut = filled.index("--") if "--" in filled else len(filled)
    return [*filled[:cut], *options, *filled[cut:]]


def _documents(name: str, stdout: str) -> list[object]:
    if name in STREAMS:
        return [json.loads(line) for line in stdout.splitlines()]
    return [json.loads(stdout)]


@pytest.mark.parametrize(("name", "args", "kind", "codes"), MATRIX, ids=[m[0] for m in MATRIX])
def test_every_command_writes_valid_json_and_only_json(work, name, args, kind, codes):
    # A credential in the environment: an insisted test transfer without one stops before it starts (#15).
    done = aspdiag(work, *_args(args, work, "--format", "json"), env={"ASPERA_SCP_PASS": "grammar-test"})
    assert done.code in codes, (done.code, done.stderr)
    documents = _documents(name, done.stdout)  # raises if anything but JSON is on stdout
    assert documents
    schema = schema_for(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    for document in documents:
        jsonschema.validate(document, schema)
    assert "\x1b[" not in done.stdout + done.stderr


def test_the_schema_command_covers_every_kind_and_each_is_a_valid_schema(work):
    listed = json.loads(aspdiag(work, "schema", "--format", "json").stdout)
    assert [k["kind"] for k in listed["kinds"]] == list(SCHEMAS)
    for kind in SCHEMAS:
        done = aspdiag(work, "schema", kind)
        assert done.code == 0, done.stderr
        jsonschema.Draft202012Validator.check_schema(json.loads(done.stdout))
    covered = {kind for _name, _args, kind, _codes in MATRIX} | {"schema-kinds"}
    assert covered == set(SCHEMAS), "every kind is validated against a real output above"
    unknown = aspdiag(work, "schema", "nonsense")
    assert unknown.code == 2 and "report" in unknown.stderr and len(unknown.stderr.splitlines()) == 1


DOCUMENT_COMMANDS = [m for m in MATRIX if m[0] not in STREAMS and m[0] != "transfer"]


def _looks_like(suffix: str, text: str) -> bool:
    if suffix == ".json":
        json.loads(text)
        return True
    if suffix == ".html":
        return text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    return text.lstrip().startswith("#") and "<!DOCTYPE" not in text and not text.lstrip().startswith("{")


@pytest.mark.parametrize("suffix", [".json", ".md", ".html"])
@pytest.mark.parametrize(("name", "args", "kind", "codes"), DOCUMENT_COMMANDS, ids=[m[0] for m in DOCUMENT_COMMANDS])
def test_output_suffix_decides_the_format(work, name, args, kind, codes, suffix, capsys, monkeypatch):
    # In-process (the entry point itself) to keep the machine free: the JSON matrix above runs real processes.
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(work))
    target = work / f"out-{name.replace(' ', '-')}{suffix}"
    target.unlink(missing_ok=True)
    code = main(_args(args, work, "-o", target.name))
    captured = capsys.readouterr()
    assert code in codes, (code, captured.err)
    assert captured.out == "", "with -o the document goes to the file, and stdout stays empty"
    if suffix == ".json":
        jsonschema.validate(json.loads(target.read_text()), schema_for(kind))
    assert _looks_like(suffix, target.read_text()), target.read_text()[:300]


def test_format_and_suffix_that_disagree_are_one_line_and_exit_2(work):
    for args in (["report", "render", "one.json"], ["presets"], ["check", *LOOPBACK_CHECK, "--no-reports"]):
        done = aspdiag(work, *args, "--format", "json", "-o", "clash.html")
        assert done.code == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "does not match" in lines[0] and "hint:" in lines[0]
        assert not (work / "clash.html").exists()


def test_dash_is_stdout_and_never_a_file(work):
    done = aspdiag(work, "report", "render", "one.json", "-o", "-", "--format", "markdown")
    assert done.code == 0 and done.stdout.startswith("# aspdiag check")
    assert not (work / "-").exists()
    done = aspdiag(work, "presets", "-o", "-")
    assert done.code == 0 and "ena" in done.stdout and not (work / "-").exists()


def test_existing_files_are_never_replaced_without_force(work):
    precious = work / "precious.md"
    precious.write_text("mine")
    for args in (["presets"], ["report", "render", "one.json"], ["schema", "report"], ["ascp", "--ascp", str(DOUBLE)]):
        done = aspdiag(work, *args, "-o", "precious.md")
        assert done.code == 2 and "already exists" in done.stderr, done.stderr
        assert precious.read_text() == "mine"
    done = aspdiag(work, "presets", "-o", "precious.md", "--force")
    assert done.code == 0 and precious.read_text().startswith("# Presets")


def test_watch_is_a_stream_and_says_so_for_documents(work):
    done = aspdiag(work, "watch", "watched", "--expected", "1kB", "--interval", "0.05", "-o", "w.html")
    assert done.code == 2 and "terminal, json" in done.stderr and not (work / "w.html").exists()
    done = aspdiag(work, "watch", "watched", "--expected", "1kB", "--interval", "0.05", "-o", "w.jsonl")
    assert done.code == 0 and done.stdout == ""
    kinds = [json.loads(line)["kind"] for line in (work / "w.jsonl").read_text().splitlines()]
    assert kinds[0] == "watch-sample" and kinds[-1] == "watch-event"


def test_quiet_leaves_only_the_document_and_no_color_honours_no_color(work):
    done = aspdiag(work, "catalog", "tree", "-q", "--reports-dir", "quiet-cat")
    assert done.code == 0 and done.stderr == "" and "File catalogue" in done.stdout
    loud = aspdiag(work, "catalog", "tree", "--reports-dir", "loud-cat")
    assert "catalogue: " in loud.stderr  # notes go to stderr, never to stdout
    assert "catalogue: " not in loud.stdout


def test_no_color_everywhere(work, monkeypatch):
    import io

    from aspdiag.cli.output import Destination
    from aspdiag.render import OutputFormat

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Tty())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Destination(OutputFormat.TERMINAL, None).color
    assert not Destination(OutputFormat.TERMINAL, None, no_color=True).color
    assert not Destination(OutputFormat.JSON, None).color
    assert not Destination(OutputFormat.TERMINAL, Path("x.txt")).color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Destination(OutputFormat.TERMINAL, None).color


# --------------------------------------------------------------------------- exit codes in --help and README


def _help(work: Path, *command: str) -> str:
    done = aspdiag(work, *command, "--help", env={"COLUMNS": "400", "NO_COLOR": "1", "TERM": "dumb"})
    assert done.code == 0, done.stderr
    return " ".join(done.stdout.split())


@pytest.mark.parametrize("command", list(EXIT_CODES))
def test_every_help_lists_its_exit_codes(work, command):
    text = _help(work, *command.split())
    assert "Exit codes:" in text
    for code, meaning in EXIT_CODES[command]:
        assert f"{int(code)} {meaning}" in text, (command, code)
    assert "--debug" in text  # accepted by every command, so every --help says so


def test_readme_lists_the_same_exit_codes():
    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("### Exit codes per command") :]
    for command, codes in EXIT_CODES.items():
        row = next((line for line in section.splitlines() if line.startswith(f"| `{command}` |")), None)
        assert row is not None, f"README has no exit-code row for {command}"
        numbers = [int(n) for n in re.findall(r"(?<![\w.])(\d+) ", row.split("|")[2])]
        assert numbers == [int(code) for code, _ in codes], (command, row)


def test_every_command_is_in_the_exit_code_table(work):
    listed = re.findall(r"│ (\w[\w-]*)\s", aspdiag(work, "--help", env={"COLUMNS": "200"}).stdout)
    commands = {c for c in listed if c not in ("report",)} | {"report render", "report merge"}
    assert commands <= set(EXIT_CODES), commands - set(EXIT_CODES)


def test_nothing_is_written_by_help_or_errors(work):
    before = sorted(p.name for p in work.iterdir())
    aspdiag(work, "catalog", "--help")
    aspdiag(work, "presets", "--format", "xml")
    assert sorted(p.name for p in work.iterdir()) == before
    assert shutil.which("sh"), "the run tests need a shell"
    assert os.path.isfile(DOUBLE)


def test_status_json_is_kept_as_an_alias_of_format_json(work):
    new = aspdiag(work, "status", "state.json", "--format", "json")
    old = aspdiag(work, "status", "state.json", "--json")
    assert new.code == old.code == 0
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert "--json" not in _help(work, "status")  # hidden: --format json is the one documented


def test_check_quiet_prints_the_verdict_line_alone(work):
    done = aspdiag(work, "check", *LOOPBACK_CHECK, "--no-reports", "--no-history", "-q")
    assert done.code in (0, 1, 4, 5)
    assert len(done.stdout.splitlines()) == 1 and done.stdout.split(":", 1)[0] in (
        "ready",
        "ready but unconfirmed",
        "degraded",
        "blocked",
        "cannot tell",
    )
