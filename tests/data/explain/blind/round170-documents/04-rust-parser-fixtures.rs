// tests/fixtures.rs — canned ascp output for the `faspwatch` line classifier.
// These strings are copied from public bug reports; no transfer is run by this test.

use faspwatch::classify::{classify_line, LineKind};

const AUTH_STDERR: &str = "ascp: failed to authenticate, exiting.";
const AUTH_STDOUT: &str = "\r\nSession Stop  (Error: failed to authenticate)\n";
const UDP_STOP: &str =
    "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))";
const NO_FILE: &str = "Session Stop  (Error: Server aborted session: No such file or directory)";
const DONE_1: &str = "Completed: 74523K bytes transferred in 118 seconds";
const DONE_2: &str = " (5132K bits/sec), in 1 file.";
const PARTIAL: &str =
    "Partial Completion: 19711732K bytes transferred in 3695 seconds";

#[test]
fn stderr_exiting_is_failure() {
    assert_eq!(classify_line(AUTH_STDERR), LineKind::Failed);
}

#[test]
fn session_stop_has_two_spaces() {
    assert_eq!(classify_line(AUTH_STDOUT.trim()), LineKind::SessionStop);
    assert_eq!(classify_line(UDP_STOP), LineKind::SessionStop);
    assert_eq!(classify_line(NO_FILE), LineKind::SessionStop);
}

#[test]
fn completion_lines() {
    assert_eq!(classify_line(DONE_1), LineKind::Completed);
    assert_eq!(classify_line(DONE_2), LineKind::End);
    assert_eq!(classify_line(PARTIAL), LineKind::Partial);
}
