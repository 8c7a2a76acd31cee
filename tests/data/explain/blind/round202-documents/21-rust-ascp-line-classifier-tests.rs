//! tests/classify_lines.rs — unit tests for the `fasplog` crate's line classifier.
//! The fixture strings are ascp output quoted from public sources (IBM support
//! articles, user READMEs). They are test data only; nothing here runs ascp.

use fasplog::{classify, LineKind};

#[test]
fn session_stop_with_two_spaces() {
    let l = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))";
    assert_eq!(classify(l), LineKind::SessionStop { error: Some("Client unable to connect to server (check UDP port and firewall)".into()) });
}

#[test]
fn stderr_exiting_line_unix_and_windows() {
    assert_eq!(classify("ascp: failed to authenticate, exiting."), LineKind::Exiting("failed to authenticate".into()));
    assert_eq!(classify("ascp.exe: Failed to open TCP connection for SSH, exiting."), LineKind::Exiting("Failed to open TCP connection for SSH".into()));
}

#[test]
fn completed_summary() {
    assert_eq!(classify("Completed: 74523K bytes transferred in 118 seconds"), LineKind::Completed { kbytes: 74523, seconds: 118 });
    assert_eq!(classify(" (5132K bits/sec), in 1 file."), LineKind::SummaryTail);
}

#[test]
fn partial_completion() {
    let l = "Partial Completion: 19711732K bytes transferred in 3695 seconds";
    assert!(matches!(classify(l), LineKind::Partial { .. }));
}

#[test]
fn progress_line_with_eta() {
    let l = "FAF15586-82266371-Bham-R9.4-Ultra.tar.gz                                                                                 0%  126MB 96.7Mb/s    45:03 ETA";
    assert!(matches!(classify(l), LineKind::Progress { percent: 0, .. }));
}

#[test]
fn log_file_session_start_failed() {
    let l = r#"2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send status=failed errcode=19 errstr="Authentication failure""#;
    assert_eq!(classify(l), LineKind::LogSessionStart { failed: true, errcode: Some(19) });
}

#[test]
fn server_aborted_no_such_file() {
    let l = "Session Stop  (Error: Server aborted session: No such file or directory)";
    assert!(matches!(classify(l), LineKind::SessionStop { .. }));
}

#[test]
fn deprecated_peer_license_single_space() {
    // one user report shows a single space after "Stop"
    let l = "Session Stop (Error: Failure processing peer license: Deprecated peer license)";
    assert!(matches!(classify(l), LineKind::SessionStop { .. }));
}
