package ascpworker

// Tests for the Temporal activity that runs ascp and maps its output to a
// non-retryable / retryable ApplicationError. The strings below are copied
// from public reports of real ascp output; nothing here runs ascp.

import "testing"

func TestClassifyAscpOutput(t *testing.T) {
	cases := []struct {
		name      string
		stdout    string
		stderr    string
		retryable bool
	}{
		{"auth", "\r\nSession Stop  (Error: failed to authenticate)\n", "ascp: failed to authenticate, exiting.\n", false},
		{"ssh port", "\r\nSession Stop  (Error: Failed to open TCP connection for SSH)\n", "ascp: Failed to open TCP connection for SSH, exiting.\n", true},
		{"udp", "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n", "", true},
		{"missing file", "Completed: 0K bytes transferred in 0 seconds\nSession Stop  (Error: Server aborted session: No such file or directory)\n", "", false},
		{"license", "Session Stop  (Error: Failure processing peer license: Deprecated peer license)\n", "", false},
		{"ok", "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := classify(c.stdout, c.stderr)
			if got.Retryable != c.retryable {
				t.Fatalf("%s: retryable=%v, want %v", c.name, got.Retryable, c.retryable)
			}
		})
	}
}
