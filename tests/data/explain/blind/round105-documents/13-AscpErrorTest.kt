package org.example.transfer

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.datatest.withData

class AscpErrorTest : FunSpec({

    context("Session Stop lines map to FaspError") {
        withData(
            "Session Stop  (Error: failed to authenticate)" to FaspError.AUTH,
            "Session Stop  (Error: Failed to open TCP connection for SSH)" to FaspError.SSH_CONNECT,
            "Session Stop  (Error: failed to open ssh session.)" to FaspError.SSH_SESSION,
            "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))" to FaspError.UDP,
            "Session Stop  (Error: Disk write failed (server))" to FaspError.DISK,
            "Session Stop  (Error: Server aborted session: No such file or directory)" to FaspError.NOT_FOUND,
        ) { (line, expected) ->
            AscpOutput.parseStop(line) shouldBe expected
        }
    }

    test("a line without Session Stop is not an error") {
        AscpOutput.parseStop("Completed: 4417K bytes transferred in 4 seconds") shouldBe null
    }
})
