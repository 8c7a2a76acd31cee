// markdownlint custom rule: TD042 "ascp-error-verbatim"
// Docs team, transfer-platform handbook. Added in docs PR !318.
//
// Our troubleshooting pages must quote ascp's error text exactly as ascp prints it,
// so that people can search for what they see in their terminal. Writers kept
// "fixing" the double space after "Session Stop" and the odd full stop in
// "Cannot resolve target host., exiting." -- this rule flags those edits.
//
// Reference strings (copied from aspera-facts / IBM error code table, do NOT reformat):
//   ascp: failed to authenticate, exiting.
//   Session Stop  (Error: failed to authenticate)
//   ascp: Failed to open TCP connection for SSH, exiting.
//   ascp: Cannot resolve target host., exiting.
//   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
//   Session Stop  (Error: Server aborted session: No such file or directory)
//   Session Stop  (Error: Disk write failed (server))
//   ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.

"use strict";

const WRONG = [
  { bad: /Session Stop \(Error:/, fix: "Session Stop  (Error:", why: "ascp prints TWO spaces after 'Stop'" },
  { bad: /Cannot resolve target host, exiting/, fix: "Cannot resolve target host., exiting.", why: "keep ascp's stray full stop" },
  { bad: /failed to authenticate\.\)/, fix: "failed to authenticate)", why: "no full stop inside the parenthesis" },
  { bad: /check UDP ports? and firewalls\)/, fix: "check UDP port and firewall)", why: "singular in ascp's text" },
];

module.exports = {
  names: ["TD042", "ascp-error-verbatim"],
  description: "ascp error messages must be quoted verbatim",
  tags: ["transfer-docs", "aspera"],
  function: function TD042(params, onError) {
    params.tokens
      .filter((t) => t.type === "fence" || t.type === "code_inline" || t.type === "inline")
      .forEach((token) => {
        for (const w of WRONG) {
          if (w.bad.test(token.content)) {
            onError({
              lineNumber: token.lineNumber,
              detail: `${w.why}; write "${w.fix}"`,
              context: token.line.slice(0, 60),
            });
          }
        }
      });
  },
};

/* test fixture output (npm run lint:docs), 2025-11-03:
 *
 * docs/troubleshooting/dns.md:14 TD042/ascp-error-verbatim ascp error messages must be quoted verbatim
 *   [keep ascp's stray full stop; write "Cannot resolve target host., exiting."] [Context: "    ascp: Cannot resolve target host, exiting."]
 * docs/troubleshooting/udp.md:22 TD042/ascp-error-verbatim ascp error messages must be quoted verbatim
 *   [ascp prints TWO spaces after 'Stop'; write "Session Stop  (Error:"] [Context: "Session Stop (Error: Client unable to connect to server (c"]
 */
