# policy/transfer_audit.rego
# Classifies ascp session summaries shipped by fluent-bit (field: input.log)
# into ticket categories for the data-office queue. Evaluated by OPA sidecar.
package transfer.audit

import rego.v1

default category := "uncategorised"

# ascp prints "Session Stop  (Error: <text>)" on stdout (two spaces after Stop)
session_error := trim_space(substring(input.log, indexof(input.log, "(Error: ") + 8, -1)) if {
	startswith(input.log, "Session Stop")
	indexof(input.log, "(Error: ") >= 0
}

category := "firewall-udp" if {
	contains(session_error, "check UDP port and firewall")
}

category := "firewall-tcp" if {
	contains(input.log, "Failed to open TCP connection for SSH")
}

category := "credentials" if {
	contains(lower(input.log), "failed to authenticate")
}

category := "remote-path" if {
	contains(session_error, "Server aborted session: No such file or directory")
}

category := "storage" if {
	startswith(session_error, "Disk write failed")
}

category := "legacy-client" if {
	contains(session_error, "Deprecated peer license")
}

category := "authorization" if {
	contains(session_error, "Management authorization refused")
}

# Test data lives in transfer_audit_test.rego, e.g.
#   {"log": "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"}
#   {"log": "ascp: failed to authenticate, exiting."}
#   {"log": "Completed: 378151K bytes transferred in 13 seconds"}   -> "uncategorised"

deny contains msg if {
	category == "uncategorised"
	not startswith(input.log, "Completed:")
	msg := sprintf("unclassified ascp line: %q", [input.log])
}
