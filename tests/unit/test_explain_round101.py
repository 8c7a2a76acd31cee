"""explain: what the session after blind round 100 found open (each test but the guards failed on the code before
its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes


def test_a_ticket_telling_only_that_the_transfer_failed_is_one_run_of_unknown_cause():
    """Blind rounds 98 and 100: a help-desk ticket says only that "the Aspera upload of <what it moved> to <where>
    failed again last night", the error a screenshot not pasted. One run whose cause cannot be told (it had been
    read as none: the words between the transfer and "failed" hid it)."""
    ticket = (
        "Description:\nThe Aspera upload of the imaging batch to the partner archive failed again last night.\n"
        "There was a red error in the Aspera window; the form does not let me attach the screenshot.\n"
    )
    assert causes(ticket) == [("unknown", "low")]
    mail = (
        "Hi, the aspera transfer from the core facility to our share failed again overnight. I can't copy the "
        "text of the error box. Can you check whether something is blocked on our side?\n"
    )
    assert causes(mail) == [("unknown", "low")]


def test_guard_a_transfer_that_would_fail_is_no_run():
    """Guard: advice in the same words, as a case ("If the Aspera upload of a batch to the archive fails, ...") or
    denied, tells no run."""
    assert (
        causes("If the Aspera upload of a batch to the archive fails overnight, run it again in the morning.\n") == []
    )
    assert causes("The Aspera download of the reference set never failed for us.\n") == []
