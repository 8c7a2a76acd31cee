//
//  AsperaFailure.swift
//  UploadKit (macOS menu-bar uploader for the imaging core)
//
//  Maps the text that `ascp` prints after "Session Stop  (Error: ...)" to a user-facing reason.
//  Raw values are copied from the FASP error code table published in IBM's ascli
//  (lib/aspera/ascp/management.rb). Keep them verbatim: matching is by `contains`.
//

import Foundation

enum AsperaFailure: String, CaseIterable {
    case authentication      = "failed to authenticate"
    case sshConnection       = "Failed to open TCP connection for SSH"
    case udpConnection       = "Client unable to connect to server (check UDP port and firewall)"
    case noSuchFile          = "Server aborted session: No such file or directory"
    case readAccessDenied    = "Server aborted session: Read access denied for user"
    case hostKeyMismatch     = "Remote host is not who we expected"
    case stalled             = "Data transfer stalled, timed out"
    case deprecatedLicense   = "Failure processing peer license: Deprecated peer license"
    case contentProtection   = "Server requires content protection"

    /// Short text for the menu-bar notification.
    var userMessage: String {
        switch self {
        case .authentication:    return NSLocalizedString("Login to the server failed.", comment: "")
        case .sshConnection:     return NSLocalizedString("Server not reachable (SSH port).", comment: "")
        case .udpConnection:     return NSLocalizedString("Data port blocked by a firewall.", comment: "")
        case .noSuchFile:        return NSLocalizedString("The file is not on the server.", comment: "")
        case .readAccessDenied:  return NSLocalizedString("No permission to read the file.", comment: "")
        case .hostKeyMismatch:   return NSLocalizedString("Server identity changed.", comment: "")
        case .stalled:           return NSLocalizedString("Transfer stalled.", comment: "")
        case .deprecatedLicense: return NSLocalizedString("Please update the Aspera client.", comment: "")
        case .contentProtection: return NSLocalizedString("Server requires encrypted upload.", comment: "")
        }
    }

    /// Returns the first case whose raw value appears in ascp's output.
    /// Example input (unit test fixture, see AsperaFailureTests.swift):
    ///     "\r\nSession Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    static func match(_ output: String) -> AsperaFailure? {
        allCases.first { output.contains($0.rawValue) }
    }
}
