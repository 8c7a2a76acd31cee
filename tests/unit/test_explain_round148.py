"""explain: what blind round 148 found, and the review's guards (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from pathlib import Path

from aspdiag.tools.explain.diagnose import symptom
from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_support_agents_advice_to_set_the_filepass_is_no_run():
    """ "set ASPERA_SCP_FILEPASS to a passphrase of 12+ characters" in an agent's note under the customer's run that
    the server refused for content protection: advice, not a second run (had been read as passphrase, high)."""
    text = (
        '"C:\\Program Files\\Aspera\\cli\\bin\\ascp.exe" -P 33001 -l 200m --user=cust_8812 '
        "--host=delivery.seqvendor.example.com D:\\runs\\run.tar /inbound/\n"
        "ascp.exe: Server aborted session: Management authorization refused: Server requires stronger content "
        "protection passphrase, exiting.\n\n"
        "Agent note: the customer's command has no --file-crypt=encrypt. Sent them the KB:\n"
        "set ASPERA_SCP_FILEPASS to a passphrase of 12+ characters and add --file-crypt=encrypt.\n"
    )
    assert cause_ids(text) == ["content-protection"]


def test_ascps_own_word_that_the_filepass_is_needed_stays_a_passphrase_run():
    """Guard: ascp's message naming the variable is still read."""
    text = "ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n"
    assert cause_ids(text) == ["passphrase"]


def test_jenkins_cancelling_nested_steps_due_to_timeout_ends_the_run():
    """Jenkins' timeout step ("Cancelling nested steps due to timeout", ..., "Timeout has been exceeded") while
    ascp moved at 198 Mb/s: cancelled at the job's limit (had been read as unknown)."""
    text = (BLIND / "round148-hard-middle" / "11-jenkins-timeout-interrupt-progress-fine.log").read_text(
        encoding="utf-8"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_transfer_named_after_another_programs_word_keeps_its_symptom():
    """Guard (the review of round 145's rule): "in the browser the upload stalls at 0 %", "during the video call the
    transfer hangs" are the transfer's symptoms; "my Zoom keeps freezing" is not."""
    assert symptom("In the browser the upload stalls at 0 %.") is not None
    assert symptom("During the video call the transfer hangs.") is not None
    assert symptom("yeah my Zoom keeps freezing, what rate did you give it?") is None
