//! Parsing of `ascp` (IBM Aspera) console output.
//!
//! ```
//! use fasp_log::{parse_stop, StopReason};
//!
//! let out = "ascp: Failed to open TCP connection for SSH, exiting.\n\n\
//!            Session Stop  (Error: Failed to open TCP connection for SSH)\n";
//! assert_eq!(parse_stop(out), Some(StopReason::Error(
//!     "Failed to open TCP connection for SSH".into())));
//! ```

/// Why an ascp session stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The transfer completed.
    Completed { kbytes: u64, seconds: u64 },
    /// `Session Stop  (Error: ...)`.
    Error(String),
}

/// Finds the final status of an ascp run.
///
/// ```
/// use fasp_log::{parse_stop, StopReason};
///
/// let ok = "ERR164407.fastq.gz    100%  72MB 37.7Mb/s   01:58\n\
///           Completed: 74523K bytes transferred in 118 seconds\n \
///           (5132K bits/sec), in 1 file.\n";
/// assert_eq!(parse_stop(ok), Some(StopReason::Completed { kbytes: 74523, seconds: 118 }));
///
/// let enc = "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)";
/// assert!(matches!(parse_stop(enc), Some(StopReason::Error(e)) if e.contains("stronger encryption")));
///
/// assert_eq!(parse_stop("nothing here"), None);
/// ```
pub fn parse_stop(out: &str) -> Option<StopReason> {
    for line in out.lines().rev() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Session Stop  (Error: ") {
            return Some(StopReason::Error(rest.trim_end_matches(')').to_string()));
        }
        if let Some(rest) = line.strip_prefix("Completed: ") {
            let kb = rest.split('K').next()?.parse().ok()?;
            let secs = rest.split(" in ").nth(1)?.split(' ').next()?.parse().ok()?;
            return Some(StopReason::Completed { kbytes: kb, seconds: secs });
        }
    }
    None
}
