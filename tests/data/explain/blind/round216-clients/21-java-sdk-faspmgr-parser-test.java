package com.example.mediaflow.aspera;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Unit tests for FaspMgrEventParser: turns management-port frames (ascp -M) into TransferEvent objects.
 * Frames below are fixtures only; nothing here talks to ascp.
 */
class FaspMgrEventParserTest {

    private static final String INIT_FRAME =
        "FASPMGR 2\n"
        + "Type: INIT\n"
        + "Direction: Send\n"
        + "Operation: Transfer\n"
        + "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
        + "UserStr: 6a31a3b4-3b89-4af4-99ab-1b7dd2d00000\n";

    private static final String ERROR_FRAME =
        "FASPMGR 2\n"
        + "Type: ERROR\n"
        + "Code: 5\n"
        + "Description: Server aborted session: Read access denied for user\n"
        + "Loss: 0\n"
        + "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
        + "UserStr: 6a31a3b4-3b89-4af4-99ab-1b7dd2d00000\n";

    // stdout fallback lines the parser must also understand when -M is disabled
    private static final String STDOUT_AUTH = "\r\nSession Stop  (Error: failed to authenticate)\n";
    private static final String STDERR_UDP =
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))";

    private final FaspMgrEventParser parser = new FaspMgrEventParser();

    @Test
    void parsesInit() {
        TransferEvent ev = parser.parse(INIT_FRAME);
        assertEquals(EventType.INIT, ev.type());
        assertEquals("Send", ev.get("Direction"));
    }

    @Test
    void parsesErrorCodeAndDescription() {
        TransferEvent ev = parser.parse(ERROR_FRAME);
        assertEquals(EventType.ERROR, ev.type());
        assertEquals(5, ev.code());
        assertTrue(ev.description().contains("Read access denied"));
        assertEquals(Category.PERMISSION, Classifier.classify(ev));
    }

    @Test
    void classifiesStdoutFallback() {
        assertEquals(Category.AUTH, Classifier.classifyLine(STDOUT_AUTH));
        assertEquals(Category.NETWORK_UDP, Classifier.classifyLine(STDERR_UDP));
    }
}
