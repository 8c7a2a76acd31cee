"""explain: what blind round 223 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_an_admonition_between_a_samples_intro_and_its_block_keeps_it_a_sample():
    """A French docs page: "vous pourriez obtenir une erreur comme :", then an MkDocs admonition's header ('!!!
    warning "Erreur d'authentification"') over the indented block of ascp's words: no run (a confident
    authentication failure before)."""
    text = (BLIND / "round223-documents/03-wiki-fr-transfert-aspera-ascp.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_fence_right_under_a_samples_intro_opens_the_sample():
    """The same in English without the admonition, the fence's language line right under the intro: no run."""
    text = (
        "With an old ascp you might get an error like:\n"
        "```text\n"
        "Error with Aspera:\n"
        "\n"
        "ascp: failed to authenticate, exiting.\n"
        "\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "```\n"
    )
    assert cause_ids(text) == []


def test_a_persons_own_output_under_a_fence_is_still_a_run():
    """Guard: "I get this:" over a fenced block of ascp's words is the person's run."""
    text = (
        "I get this:\n```text\nascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(text) == ["auth"]
