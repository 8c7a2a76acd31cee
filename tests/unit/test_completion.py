"""Shell completion through typer's own mechanism: the scripts print for bash, zsh and fish and install into
a private HOME; the shell's Tab requests (the _ASPDIAG_COMPLETE protocol) complete commands, options, presets,
saved reports and state files; a real bash sources the script and completes a preset."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aspdiag.cli.completion import complete_files
from tests.conftest import REPO


def _env(home: Path, **more: str) -> dict[str, str]:
    return {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "PYTHONPATH": str(REPO),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        **more,
    }


def aspdiag(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aspdiag", *args],
        cwd=home,
        env=_env(home, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def bash_complete(home: Path, line: str) -> list[str]:
    """What bash's Tab would offer for ``line`` (the words so far; a trailing space starts a new word)."""
    words = line.split(" ")
    done = aspdiag(home, _ASPDIAG_COMPLETE="complete_bash", COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    ("shell", "needle"),
    [("bash", "complete -o default -F"), ("zsh", "compdef"), ("fish", "complete --command aspdiag")],
)
def test_show_completion_prints_the_script(tmp_path, shell, needle):
    # No test switch: the shell named wins over the one detected (this suite runs under bash or sh, never
    # fish), as a user who types '--show-completion fish' from bash expects.
    done = aspdiag(tmp_path, "--show-completion", shell)
    assert done.returncode == 0, done.stderr
    assert needle in done.stdout and "_ASPDIAG_COMPLETE" in done.stdout


@pytest.mark.parametrize(
    ("shell", "installed"),
    [
        ("bash", ".bash_completions/aspdiag.sh"),
        ("zsh", ".zfunc/_aspdiag"),
        ("fish", ".config/fish/completions/aspdiag.fish"),
    ],
)
def test_install_completion_writes_into_home(tmp_path, shell, installed):
    done = aspdiag(tmp_path, "--install-completion", shell)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / installed).is_file()
    assert "_ASPDIAG_COMPLETE" in (tmp_path / installed).read_text()


def test_a_shell_without_completion_is_one_line(tmp_path):
    done = aspdiag(tmp_path, "--show-completion", "tcsh")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "bash, zsh, fish" in done.stderr, done.stderr


def test_commands_options_and_presets_complete(tmp_path):
    assert "check" in bash_complete(tmp_path, "aspdiag ch")
    assert "catalog" in bash_complete(tmp_path, "aspdiag ca")
    assert "--format" in bash_complete(tmp_path, "aspdiag check --fo")
    assert bash_complete(tmp_path, "aspdiag check e") == ["ena"]
    assert {"ena", "ibm-demo", "immport"} <= set(bash_complete(tmp_path, "aspdiag check "))
    assert set(bash_complete(tmp_path, "aspdiag check x.example --format ")) == {"terminal", "json", "markdown", "html"}


def test_user_presets_complete_too(tmp_path):
    config = tmp_path / ".config" / "aspdiag"
    config.mkdir(parents=True)
    (config / "presets.toml").write_text('[mydtn]\nhost = "dtn.example.org"\n')
    assert bash_complete(tmp_path, "aspdiag check my") == ["mydtn"]


def test_reports_state_files_and_schema_kinds_complete(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "fasp-20261121T100000Z.json").write_text("{}")
    (reports / "fasp-20261121T100000Z.html").write_text("")
    (reports / "run-20261121T100000Z-1.state.json").write_text("{}")
    (reports / "explain-20261121T100000Z.json").write_text("{}")
    (reports / "catalog-data-20261121T100000Z.json").write_text("{}")
    offered = bash_complete(tmp_path, "aspdiag report render ")
    assert "reports/fasp-20261121T100000Z.json" in offered and not any(o.endswith(".html") for o in offered)
    # Run states, explain reports and catalogues share the directory; report render reads none of them.
    assert not any(o.endswith(".state.json") or "explain-" in o or "catalog-" in o for o in offered), offered
    assert bash_complete(tmp_path, "aspdiag report render reports/fa") == ["reports/fasp-20261121T100000Z.json"]
    assert "reports/run-20261121T100000Z-1.state.json" in bash_complete(tmp_path, "aspdiag status ")
    assert bash_complete(tmp_path, "aspdiag schema cat") == ["catalog", "catalog-verification"]
    (reports / "catalog-data-20261121T100000Z.tsv").write_text("")
    offered = bash_complete(tmp_path, "aspdiag catalog data --verify ")
    assert "reports/catalog-data-20261121T100000Z.tsv" in offered


def test_complete_files_never_fails(tmp_path):
    assert complete_files(str(tmp_path / "missing" / "x"), (".json",)) == []
    assert complete_files("~/x", (".json",)) == []
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / ".hidden.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    assert complete_files(f"{tmp_path}/", (".json",)) == [f"{tmp_path}/sub/", f"{tmp_path}/a.json"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_real_bash_sources_the_script_and_completes_a_preset(tmp_path):
    script = aspdiag(tmp_path, "--show-completion", "bash", _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1").stdout
    launcher = tmp_path / "bin" / "aspdiag"
    launcher.parent.mkdir()
    launcher.write_text(f'#!/bin/sh\nexec {sys.executable} -m aspdiag "$@"\n')
    launcher.chmod(0o755)
    probe = (
        f"{script}\n"
        "COMP_WORDS=(aspdiag check im); COMP_CWORD=2; _aspdiag_completion aspdiag; "
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = _env(tmp_path)
    env["PATH"] = f"{launcher.parent}:{env['PATH']}"
    done = subprocess.run(["bash", "-c", probe], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["immport"], (done.stdout, done.stderr)
    assert os.path.exists(launcher)
