"""explain: what blind round 108 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes


def _read(text: str) -> list[str]:
    return [cause for cause, _ in causes(text)]


AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_ascp_s_debug_line_of_a_failed_handshake_is_its_error():
    """ascp -DD's "DBG ssh: libssh2_session_handshake failed: -5 Unable to exchange encryption keys" before its
    misleading "failed to authenticate": the handshake failed (it had read as auth)."""
    text = (
        "$ ascp -P33001 -i ~/keys/a.openssh -QT -l100m -k1 -d -DD a@download.cncb.ac.cn:gsa/CRA009121 /data/\n"
        "DBG ssh: connecting to download.cncb.ac.cn:33001\n"
        "DBG ssh: libssh2_session_handshake failed: -5 Unable to exchange encryption keys\n"
        f"ERR failed to authenticate\n{AUTH}"
    )
    assert _read(text) == ["ssh-handshake"]


def test_sshd_lines_stamped_in_the_host_s_language_say_why_the_client_failed():
    """The server's journal in Russian ("окт 02 22:14:07 ... sshd[...]: Unable to negotiate ... Their offer: ...")
    beside the client's two runs' "failed to authenticate": the handshake failed (they had read as one auth run)."""
    pod = "push-dailies-8mz2p-ascp-upload-{n}: "
    run = "".join(pod + line + "\n" for line in AUTH.splitlines())
    offer = "diffie-hellman-group-exchange-sha1,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1"
    text = (
        f"{pod.format(n=1)}+ ascp -P 33001 -l 300m -i /keys/id_rsa --mode=send --host=aspera.example.net "
        "--user=dailies /work/d/ /incoming/\n"
        + run.format(n=1)
        + f"{pod.format(n=2)}+ ascp -P 33001 -l 300m -i /keys/id_rsa --mode=send --host=aspera.example.net "
        "--user=dailies /work/d/ /incoming/\n"
        + run.format(n=2)
        + "\nИх админ прислал кусок journalctl:\n\n"
        + "".join(
            f"окт 02 22:14:{s} aspera-rhel9 sshd[1182{s}]: Unable to negotiate with 192.0.2.44 port 391{s}: no "
            f"matching key exchange method found. Their offer: {offer} [preauth]\n"
            for s in ("07", "29")
        )
    )
    assert _read(text) == ["ssh-handshake", "ssh-handshake"]


def test_a_penalty_drop_of_an_address_that_guessed_a_scanner_s_account_is_no_client_s():
    """A quiet journal whose one unknown account is the internet's usual guess ("Invalid user oracle"), then
    sshd's penalty drop of that address: a scanner's, no refused transfer (it had read as one)."""
    text = (
        "ноя 12 08:04:12 hsts sshd[71103]: Invalid user oracle from 218.92.0.112 port 27831\n"
        "ноя 12 08:04:14 hsts sshd[71103]: Connection closed by invalid user oracle 218.92.0.112 port 27831 "
        "[preauth]\n"
        "ноя 12 08:04:15 hsts sshd[1033]: drop connection #0 from [218.92.0.112]:28014 on [10.77.1.5]:33001 "
        "penalty: failed authentication\n"
    )
    assert _read(text) == []
    assert _read(text.replace("ноя 12", "Nov 12")) == []


def test_a_binary_that_is_there_but_cannot_be_started_died_at_its_start():
    """A glibc ascp in an Alpine image: the shell says "/usr/local/bin/ascp: No such file or directory", ``ls -l``
    shows the file, ``ldd`` shows musl's loader errors: ascp died at its start, it is not missing (it had read as
    three runs of ascp-missing); the rebuilt image's run completed."""
    text = (
        "$ docker run --rm registry.example.io/media/aspera-push:0.3.0\n"
        "[entrypoint] pushing /outbox/promo.mov to xfer@hsts.example.com:/incoming\n"
        "/entrypoint.sh: line 9: /usr/local/bin/ascp: No such file or directory\n[entrypoint] ascp exit code 127\n\n"
        "$ docker run --rm --entrypoint sh registry.example.io/media/aspera-push:0.3.0 -c 'ls -l /usr/local/bin/ascp; "
        "ldd /usr/local/bin/ascp'\n"
        "-rwxr-xr-x    1 root     root       8391216 Oct  2 09:14 /usr/local/bin/ascp\n"
        "\t/lib64/ld-linux-x86-64.so.2 (0x7f2c9a1d4000)\n"
        "Error loading shared library libc.so.6: No such file or directory (needed by /usr/local/bin/ascp)\n"
        "Error relocating /usr/local/bin/ascp: __memcpy_chk: symbol not found\n\n"
        "$ docker run --rm registry.example.io/media/aspera-push:0.3.1\n"
        "promo.mov                                        100% 6144MB  389Mb/s    02:13\n"
        "Completed: 6291456K bytes transferred in 133 seconds\n (387461K bits/sec), in 1 file.\n"
        "[entrypoint] ascp exit code 0\n"
    )
    assert _read(text) == ["died-at-start", "ok"]
