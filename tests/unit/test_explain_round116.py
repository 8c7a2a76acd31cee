"""explain: what blind round 116 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes


def test_docker_s_exec_no_such_file_for_an_ascp_ls_shows_is_a_missing_loader():
    """Docker's "exec /usr/local/bin/ascp: no such file or directory" (lower case) while `ls -l` in the same input
    shows that file, executable: its loader is missing (a glibc build in Alpine), ascp died at its start (it had
    read as ascp missing, high)."""
    text = (
        "$ docker run --rm seqpipe:0.4 ascp -QT -l 300m -P33001 -i /keys/k.pem era-fasp@fasp.sra.ebi.ac.uk:/x /raw/\n"
        "exec /usr/local/bin/ascp: no such file or directory\n\n"
        "$ docker run --rm --entrypoint sh seqpipe:0.4 -c 'ls -l /usr/local/bin/ascp; file /usr/local/bin/ascp'\n"
        "-rwxr-xr-x    1 root     root       7338744 Jan  9 12:01 /usr/local/bin/ascp\n"
        "/usr/local/bin/ascp: ELF 64-bit LSB executable, x86-64, dynamically linked, interpreter "
        "/lib64/ld-linux-x86-64.so.2\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_the_next_sample_file_a_pull_request_names_is_a_sample_too():
    """A pull request's fixtures: "... one file per class, e.g. `udp.txt`:" and its block, then "and `auth.txt`:"
    and its block: both samples, no run (the second had read as auth, medium)."""
    text = (
        "**Tests**\n\n"
        "`tests/fixtures/ascp_stderr/` has one file per class, e.g. `udp.txt`:\n\n"
        "```\nSession Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n```\n\n"
        "and `auth.txt`:\n\n"
        "```\nascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(text) == []


def test_a_sample_word_in_an_earlier_sentence_does_not_make_the_intro_a_sample_s():
    """ "En la web del ENA sí aparece el accession. Salida del script:" (it does appear on ENA's site. The script's
    output:): "aparece" (appears) belongs to the sentence before; the script's output that follows is the person's
    three runs (they had read as nothing)."""
    text = (
        "¿El archivo ya no existe? En la web del ENA sí aparece el accession. Salida del script:\n\n"
        "$ bash bajar_ena.sh\n"
        ">>> ERR4082119\n"
        "Completed: 831644K bytes transferred in 37 seconds\n (183420K bits/sec), in 1 file.\n"
        ">>> ERR4082120\n"
        "Completed: 0K bytes transferred in 0 seconds\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        ">>> ERR4082121\n"
        "Completed: 816224K bytes transferred in 35 seconds\n (185912K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["ok", "no-such-file", "ok"]
    # (guard) the intro's own word in its last sentence still makes it a sample
    sample = "La salida normal aparece así:\n\nCompleted: 831644K bytes transferred in 37 seconds\n"
    assert cause_ids(sample) == []


def test_a_transfer_sdk_client_s_failed_status_lines_are_its_attempts():
    """A Spring Boot service's log of the Transfer SDK: "[0b6f2e48] FAILED errorCode=19 errorDescription="failed to
    authenticate"" for each of three attempts of its retry loop: three failed runs, auth (they had read as none)."""
    prefix = "2025-02-18T06:{}Z ERROR 1 --- [archive-shipper] [grpc-default-executor-{}] c.e.a.transfer.AsperaShipper"
    text = "".join(
        prefix.format(at, n) + f'             : [{tid}] FAILED errorCode=19 errorDescription="failed to authenticate"\n'
        for n, (at, tid) in enumerate((("15:07.592", "0b6f2e48"), ("15:39.640", "7d3a91c5"), ("16:41.702", "c2e4a6b8")))
    )
    assert cause_ids(text) == ["auth", "auth", "auth"]


def test_dagger_s_bar_before_a_step_s_output_is_taken_off():
    """Dagger's "┃ " before each line of a step's output ("┃ Usage: ascp [OPTION] SRC... DEST"): ascp's usage, so
    the run without a destination is a usage error (it had read as unknown)."""
    text = (
        "┃ 14:02:39 publish: exec ascp -P 33001 -l 500m -i /run/secrets/fasp_key --mode=send --host=h --user=u /out/a\n"
        "┃ Usage: ascp [OPTION] SRC... DEST\n"
        "┃ \n"
        "┃ Display full usage: -h,--help\n"
        "✘ exec ascp -P 33001 -l 500m -i /run/secrets/fasp_key /out/a ERROR [0.4s]\n"
    )
    assert cause_ids(text) == ["usage"]


def test_ascli_s_ascp_that_never_reached_its_management_port_died_at_its_start():
    """ascli: "ERROR: Transfer: ascp did not connect to management port (no event received)" after qemu's segfault
    of an amd64 ascp on arm64: ascp died at its start (it had read as unknown)."""
    text = (
        "qemu: uncaught target signal 11 (Segmentation fault) - core dumped\n"
        "D, [2025-02-27T15:01:44.915662 #1] DEBUG -- : ascp failed (pid 14 exit 139)\n"
        "ERROR: Transfer: ascp did not connect to management port (no event received)\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_ascp_s_words_in_quotes_as_a_sentence_s_subject_are_no_run():
    """A newsletter's list: '* "Client unable to connect to server (check UDP port and firewall)" means SSH worked
    and UDP didn't' and '"failed to authenticate" is not always about keys': a person's words about the messages,
    no run (they had read as UDP, high, and auth). Round 119's documents."""
    text = (
        "Three things I've learned the hard way:\n"
        '  * "failed to authenticate" is not always about keys. An ascp from the 3.9\n'
        "    era still reports it as an authentication failure.\n"
        '  * "Client unable to connect to server (check UDP port and firewall)" means\n'
        "    SSH worked and UDP didn't.\n"
    )
    # (at most the person's own words read at low confidence: no confident answer from the quoted messages)
    assert all(confidence == "low" for _, confidence in causes(text))
