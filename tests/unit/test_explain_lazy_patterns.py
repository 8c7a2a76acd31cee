"""explain's patterns are compiled where first used, not at import (the start of every run paid some 0.4 s for
some four hundred patterns a server log's run never uses)."""

from __future__ import annotations

import re
import subprocess
import sys


def test_importing_the_analyzer_compiles_next_to_none_of_its_patterns():
    """In a fresh interpreter: after the import, nearly every module-level pattern is still waiting to be compiled."""
    code = (
        "import aspdiag.tools.explain.analyze as a\n"
        "lazy = [v for v in vars(a).values() if isinstance(v, a._LazyPattern)]\n"
        "done = [v for v in vars(a).values() if isinstance(v, __import__('re').Pattern)]\n"
        "print(len(lazy), len(done))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    lazy, done = int(out[0]), int(out[1])
    assert lazy >= 300
    assert done <= lazy // 20


def test_a_lazy_pattern_answers_as_the_compiled_one_and_takes_its_place():
    from aspdiag.tools.explain import analyze

    pattern = analyze._compile(r"(?P<word>ab+)c", re.I)
    analyze._LAZY_PROBE = pattern  # type: ignore[attr-defined]
    try:
        compiled = re.compile(r"(?P<word>ab+)c", re.I)
        text = "xxABBC abc abbbbc"
        assert pattern.search(text).group("word") == compiled.search(text).group("word")  # type: ignore[union-attr]
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert pattern.sub("-", text) == compiled.sub("-", text)
        assert pattern.pattern == compiled.pattern and pattern.groupindex == compiled.groupindex
        assert isinstance(analyze._LAZY_PROBE, re.Pattern)  # type: ignore[attr-defined]
    finally:
        del analyze._LAZY_PROBE  # type: ignore[attr-defined]


def test_every_deferred_pattern_compiles():
    """A pattern a knowledge-base edit broke fails here, not at its first use in some user's run."""
    code = (
        "import aspdiag.tools.explain.analyze as a\n"
        "lazy = [v for v in list(vars(a).values()) if isinstance(v, a._LazyPattern)]\n"
        "for v in lazy: v._compiled()\n"
        "print(len(lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) >= 300


def test_a_deferred_pattern_survives_copy_and_pickle():
    import copy
    import pickle

    from aspdiag.tools.explain import analyze

    pattern = analyze._compile(r"ab+")
    assert copy.copy(pattern).search("xabb").group() == "abb"  # type: ignore[union-attr]
    assert copy.deepcopy(pattern).pattern == "ab+"
    assert pickle.loads(pickle.dumps(pattern)).search("abbb").group() == "abbb"


def test_sysctl_output_beside_a_run_is_no_properties_file():
    """Guard: "net.core.rmem_max = 16777216" lines pasted above ascp's failure: the run stands."""
    from tests.unit.test_explain_round58 import cause_ids

    text = (
        "net.core.rmem_max = 16777216\n"
        "net.core.wmem_max = 16777216\n"
        "net.core.rmem_default = 212992\n"
        "net.core.wmem_default = 212992\n"
        "net.ipv4.udp_mem = 188313 251084 376626\n\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert cause_ids(text) == ["ssh-port"]
