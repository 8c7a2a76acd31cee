"""explain: what blind round 135 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_runbook_s_words_of_what_clients_will_fail_with_are_no_run():
    """A Spanish runbook: "Los clientes que fijan la huella con --check-sshfp fallarán con:" (will fail with), then
    ascp's words: the page's sample (it had read as a host-key failure, high)."""
    text = (
        "RUNBOOK DTN-07 — Cambio de clave de host en servidores Aspera\n\n"
        "1. CUÁNDO USAR ESTE RUNBOOK\n"
        "   Después de migrar un servidor HSTS, las claves SSH del host cambian. Los clientes que fijan la huella\n"
        "   con --check-sshfp fallarán con:\n\n"
        "       ascp: Remote host is not who we expected, exiting.\n\n"
        "2. VERIFICACIÓN\n"
    )
    assert cause_ids(text) == []
