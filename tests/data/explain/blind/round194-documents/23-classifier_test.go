package asperalog

import "testing"

// Table-driven tests for the ascp line classifier. The inputs are message
// shapes documented by IBM and seen in public issues; they are fixtures, not
// transcripts of any transfer.
func TestClassifyLine(t *testing.T) {
	cases := []struct {
		line string
		want Kind
	}{
		{"ascp: failed to authenticate, exiting.", KindAuth},
		{"Session Stop  (Error: failed to authenticate)", KindAuth},
		{"ascp: Cannot resolve target host., exiting.", KindDNS},
		{"ascp: Failed to open TCP connection for SSH, exiting.", KindTCP},
		{"Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))", KindUDP},
		{"Session Stop  (Error: Server aborted session: No such file or directory)", KindNoFile},
		{"Session Stop  (Error: Disk write failed (server))", KindDisk},
		{"Session Stop  (Error: Session data transfer timeout)", KindStall},
		{"Completed: 74523K bytes transferred in 118 seconds", KindDone},
		{"ERR164407.fastq.gz                                   100%  72MB 37.7Mb/s   01:58", KindProgress},
		{"some unrelated line", KindOther},
	}
	for _, c := range cases {
		if got := ClassifyLine(c.line); got != c.want {
			t.Errorf("ClassifyLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
