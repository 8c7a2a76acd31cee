package fasplog_test

import (
	"fmt"
	"strings"

	"example.org/seqtools/fasplog"
)

const udpBlocked = `ERR3277890_1.fastq.gz                          0%    0KB    0.0Kb/s    --:--
Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
`

const stalled = `SRR12976775_1.fastq.gz                        41%  582MB  0.0Kb/s    04:10 ETA
Session Stop  (Error: Data transfer stalled, timed out)
`

const done = `SRR12976775_1.fastq.gz 100% 1420MB 10.7Mb/s 10:12
Completed: 1454518K bytes transferred in 612 seconds
(19438K bits/sec), in 1 file.
`

func ExampleParse() {
	for _, out := range []string{udpBlocked, stalled, done} {
		r := fasplog.Parse(strings.NewReader(out))
		fmt.Printf("ok=%v err=%q\n", r.OK, r.Error)
	}
	// Output:
	// ok=false err="Client unable to connect to server (check UDP port and firewall)"
	// ok=false err="Data transfer stalled, timed out"
	// ok=true err=""
}

func ExampleResult_Retryable() {
	r := fasplog.Parse(strings.NewReader("Completed: 0K bytes transferred in 0 seconds\nSession Stop  (Error: Server aborted session: No such file or directory)\n"))
	fmt.Println(r.Retryable())
	// Output: false
}
