// crates/fasp-watch/src/parse/tests.rs
//
// Fixture lines for the ascp output classifier. Every string below is copied from public
// material (IBM support articles, ENA/NCBI user READMEs, kingfisher-download README) so the
// parser is tested against real wording. None of these come from a transfer run in CI.

use super::{classify, Outcome};

const AUTH_STDERR: &str = "ascp: failed to authenticate, exiting.";
const AUTH_STOP: &str = "Session Stop  (Error: failed to authenticate)";
const DNS_STDERR: &str = "ascp: Cannot resolve target host., exiting.";
const UDP_STOP: &str = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))";
const SSH_TCP_STOP: &str = "Session Stop  (Error: Failed to open TCP connection for SSH)";
const NOFILE_STOP: &str = "Session Stop  (Error: Server aborted session: No such file or directory)";
const TIMEOUT_STOP: &str = "Session Stop  (Error: Session data transfer timeout)";
const INIT_STOP: &str = "Session Stop  (Error: Session initiation failed, read timed out)";
const DONE_1: &str = "Completed: 74523K bytes transferred in 118 seconds";
const DONE_2: &str = " (5132K bits/sec), in 1 file.";
const LOG_44: &str = "2015-04-30 11:13:34 [3ef3-0xb0103000] LOG FASP Session Start uuid=ab5ca8ca-da6e-4957-b74c-cad67dc77b88 op=send status=failed errcode=44 errstr=\"UDP session initiation fatal error\"";

#[test]
fn auth_lines_map_to_auth() {
    assert_eq!(classify(AUTH_STDERR), Outcome::Failed("auth"));
    assert_eq!(classify(AUTH_STOP), Outcome::Failed("auth"));
}

#[test]
fn dns_line() {
    assert_eq!(classify(DNS_STDERR), Outcome::Failed("dns"));
}

#[test]
fn network_lines() {
    assert_eq!(classify(UDP_STOP), Outcome::Failed("udp"));
    assert_eq!(classify(SSH_TCP_STOP), Outcome::Failed("ssh_tcp"));
    assert_eq!(classify(TIMEOUT_STOP), Outcome::Failed("stall"));
    assert_eq!(classify(INIT_STOP), Outcome::Failed("session_start"));
}

#[test]
fn missing_remote_file() {
    assert_eq!(classify(NOFILE_STOP), Outcome::Failed("no_such_file"));
}

#[test]
fn completion_pair() {
    assert_eq!(classify(DONE_1), Outcome::Completed);
    assert_eq!(classify(DONE_2), Outcome::Ignored);
}

#[test]
fn log_errcode_44() {
    assert_eq!(classify(LOG_44), Outcome::Failed("session_start"));
}
