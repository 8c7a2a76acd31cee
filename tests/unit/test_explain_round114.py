"""explain: what blind round 114 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_sentence_naming_ena_s_err_prefix_is_no_ascp_err_line():
    """A Vietnamese post: "thay mã ERR vào đường dẫn thì bị lỗi như sau:" (I put the ERR code into the path and got
    this error): a word before "ERR" makes it a sentence's word, not ascp's ERR level (it had read as a run of its
    own, unknown)."""
    text = (
        "Em làm theo hướng dẫn trên trang ENA, thay mã ERR vào đường dẫn thì bị lỗi như sau:\n\n"
        "$ ascp -T -l 300m -P 33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR124/ERR1245678/x.fastq.gz .\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["no-such-file"]
    assert cause_ids("replace the ERR in the path\n") == []
    # (guard) ascp's ERR after a wrapper's tag or a time is still its line
    assert cause_ids("2024-01-01 10:00:00.230 ERR failed to authenticate\n") == ["auth"]


_PS_RECORD = (
    "No linha:1 caractere:1\n"
    "+ ascp -QT -l 300m -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz .\n"
    "+ ~~~~\n"
    "    + CategoryInfo          : ObjectNotFound: (ascp:String) [], CommandNotFoundException\n"
    "    + FullyQualifiedErrorId : CommandNotFoundException\n"
)


def test_powershell_s_command_not_found_in_portuguese_and_its_record():
    """PowerShell in Portuguese ("O termo 'ascp' não é reconhecido como nome de cmdlet ...") and its error record
    ("ObjectNotFound: (ascp:String) [], CommandNotFoundException", the same in every language): ascp is missing,
    one run (it had read as nothing)."""
    prompt = "PS C:\\Users\\lucas\\tcc> ascp -QT -l 300m -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x .\n"
    words = (
        "ascp : O termo 'ascp' não é reconhecido como nome de cmdlet, função, arquivo de script ou programa operável.\n"
    )
    assert cause_ids(prompt + words + _PS_RECORD) == ["ascp-missing"]
    # the record alone, its words in a language not known: the record tells it
    assert cause_ids(prompt + "ascp : Thuật ngữ 'ascp' không được nhận dạng.\n" + _PS_RECORD) == ["ascp-missing"]
    # (guard) two such attempts are two runs
    assert cause_ids((prompt + _PS_RECORD) * 2) == ["ascp-missing", "ascp-missing"]


def test_a_logger_s_line_telling_the_ascp_command_it_runs_starts_a_run():
    """Galaxy's ascp file source: "... [pN:main.1,p:20817,...] Executing ascp command (key path hidden): ascp -i
    <ssh-key> ..." before each of five attempts, each ending "ascp transfer failed (attempt N/5): ... Session Stop
    (Error: Client unable to connect to server (check UDP port and firewall))": five runs (they had read as two)."""
    prefix = "galaxy.files.sources.ascp_fsspec {} 2026-03-11 09:{} [pN:main.1,p:20817,tN:FileSourceWorker-3] "
    path = "vol1/fastq/ERR324/001/ERR3242151/ERR3242151_1.fastq.gz"
    command = "Executing ascp command (key path hidden): ascp -i <ssh-key> -l 300m -P 33001 -T -k 1 " + (
        f"era-fasp@fasp.sra.ebi.ac.uk:{path} /srv/galaxy/database/tmp/tmpk2v9q1xw/ERR3242151_1.fastq.gz\n"
    )
    failed = (
        f"ascp transfer failed (attempt {{}}/5): ascp transfer failed for {path} with exit code 1. Error: Session "
        "Stop  (Error: Client unable to connect to server (check UDP port and firewall)). Retrying in {} seconds...\n"
    )
    times: list[tuple[str, str | None]] = [("14:02,118", "14:33,540"), ("14:38,548", "15:09,871")]
    times += [("15:34,881", "16:06,214"), ("17:06,230", "17:37,902"), ("18:37,919", None)]
    text = ""
    for n, (started, ended) in enumerate(times):
        if n:
            text += prefix.format("DEBUG", started) + f"Resume enabled for retry attempt {n + 1}\n"
        text += prefix.format("DEBUG", started) + command
        if ended is not None:
            text += prefix.format("WARNING", ended) + failed.format(n + 1, ("5.0", "25.0", "60.0", "60.0")[n])
    text += (
        "galaxy.tools.data_fetch ERROR 2026-03-11 09:19:09,455 [pN:main.1,p:20817,tN:FileSourceWorker-3] Failed to "
        f"fetch ascp://era-fasp@fasp.sra.ebi.ac.uk/{path}\n"
        f"galaxy.exceptions.MessageException: ascp transfer failed for {path} with exit code 1. Error: Session Stop  "
        "(Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    assert cause_ids(text) == ["udp"] * 5
    # (guard) kingfisher's "Running command: ascp ..." is left as it was: its title and its output are one run
    kingfisher = (
        "03/12/2021 02:28:13 PM INFO: Running command: ascp -T -l 300m -P33001 -i key era-fasp@host:/vol1/x .\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids("# Failed to authenticate\n\n" + kingfisher) == ["auth"]
