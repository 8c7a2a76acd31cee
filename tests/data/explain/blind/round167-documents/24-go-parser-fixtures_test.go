package ascplog

import "testing"

// Fixtures copied from public reports of ascp output. They exercise the line classifier only;
// no transfer is run by these tests.
var fixtures = []struct {
	name string
	line string
	want Kind
}{
	{"progress", "ERR164407.fastq.gz                          100%  72MB 37.7Mb/s   01:58", Progress},
	{"completed", "Completed: 74523K bytes transferred in 118 seconds", Completed},
	{"auth", "Session Stop  (Error: failed to authenticate)", Failed},
	{"udp", "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))", Failed},
	{"disk", "Session Stop  (Error: Disk write failed (server))", DiskWrite},
	{"partial", "Partial Completion: 19711732K bytes transferred in 3695 seconds", Partial},
	{"exiting", "ascp: Cannot resolve target host., exiting.", Failed},
	{"hostkey-prompt", "The server's host key is not cached in the registry.", HostKeyPrompt},
}

func TestClassify(t *testing.T) {
	for _, f := range fixtures {
		if got := Classify(f.line); got != f.want {
			t.Errorf("%s: Classify(%q) = %v, want %v", f.name, f.line, got, f.want)
		}
	}
}
