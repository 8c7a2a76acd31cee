## tests/tclassify.nim -- run with `nimble test`
import std/unittest
import ../src/faspwatch/classify

suite "ascp stderr classification":
  test "udp blocked":
    check classify("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))") == fcUdp

  test "ssh port":
    const msg = "ascp: Failed to open TCP connection for SSH, exiting.\n\nSession Stop  (Error: Failed to open TCP connection for SSH)"
    check classify(msg) == fcSshPort

  test "authentication":
    check classify("ascp: failed to authenticate, exiting.") == fcAuth

  test "remote file missing":
    check classify("Session Stop  (Error: Server aborted session: No such file or directory)") == fcNoSuchFile

  test "dns":
    check classify("ascp: Cannot resolve target host., exiting.") == fcDns

  test "stronger encryption":
    check classify("Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)") == fcEncryption

  test "success is not an error":
    const ok = "Completed: 378151K bytes transferred in 13 seconds\n (227709K bits/sec), in 1 file."
    check classify(ok) == fcNone
