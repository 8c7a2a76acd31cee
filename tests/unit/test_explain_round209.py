"""explain: what blind round 209 found that was mended, with guards (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_sshds_line_inside_a_wazuh_alerts_json_tells_why_the_pasted_run_failed():
    """Wazuh alerts ('{"timestamp": ..., "full_log": "Sep  3 10:14:22 host sshd[44120]: Unable to negotiate with
    ... no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,..."}') beside the client's
    pasted "failed to authenticate": the handshake (it had read as a confident authentication failure)."""
    assert cause_ids(_blind("round209-servers/08-wazuh-alerts-kex-pt.txt")) == ["ssh-handshake"]


def test_a_russian_scripts_comments_keeping_its_pasted_output():
    """ "# ИСТОРИЯ ЗАПУСКОВ (вывод вставлен вручную, ...)" over two runs kept in the script's comments: the usage
    error, then the run that completed (nothing had been read)."""
    assert cause_ids(_blind("round209-documents/23-ru-skript-s-vyvodom-file-list.sh")) == ["usage", "ok"]


def test_a_traced_scripts_log_under_a_comment_naming_the_script():
    """ "# descarcare_datahub.sh — rulat de Andrei ..." over set -x's trace of two ascp commands and their failures:
    the script's run log, two runs (the comment naming a .sh file had made it a source file, no run)."""
    assert cause_ids(_blind("round209-ordinary/14-ro-script-ena-datahub-parola.log")) == ["auth", "auth"]


def test_aspera_for_desktops_transfers_window_status_line():
    """ "Mislukt — Path being written to Windows file system contains illegal characters (56)": the app's failed
    transfer (nothing had been read)."""
    text = _blind("round209-clients/20-aspera-desktop-windows-illegal-chars-nl.txt")
    assert cause_ids(text) == ["path-name"]


def test_a_scripts_output_rule_naming_stdout_is_no_file_banner():
    """ "--- run_sample.sh (stdout+stderr) ---" over the script's output, its download completed (the rule had read
    as a file's banner, its lines the file's)."""
    assert cause_ids(_blind("round209-hard-middle/05-oom-star-not-ascp-de.txt")) == ["ok"]


def test_guard_a_scripts_own_banner_stays_the_files_text():
    """Guard: "--- fetch.sh ---" over the script's own lines: its ascp command is code, no run."""
    text = (
        "--- fetch.sh ---\n"
        "#!/bin/bash\n"
        "ascp -QT -l 300m -P33001 -i ~/key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz .\n"
        "---\n"
    )
    assert cause_ids(text) == []
