# AscpParser.Tests.ps1 — Pester 5 tests for the in-house Get-AscpOutcome helper.
# The here-strings are fixtures copied from public examples (IBM support articles, GitHub READMEs);
# they are test data, nothing here was produced by a transfer on our machines.

BeforeAll {
    . $PSScriptRoot/AscpParser.ps1
}

Describe 'Get-AscpOutcome' {
    It 'recognises a clean completion' {
        $text = @'
ERR164407.fastq.gz                                                  100%  72MB 37.7Mb/s   01:58
Completed: 74523K bytes transferred in 118 seconds
 (5132K bits/sec), in 1 file.
'@
        (Get-AscpOutcome -Text $text).Status | Should -Be 'Completed'
    }

    It 'maps the Windows management-port failure' {
        $text = @'
ascp.exe: required management connection to port localhost:54792 failed.
ascp.exe: failed to connect to management socket, exiting.
'@
        (Get-AscpOutcome -Text $text).Category | Should -Be 'LocalStartup'
    }

    It 'maps a UDP block' {
        $text = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
        (Get-AscpOutcome -Text $text).Category | Should -Be 'Udp'
    }

    It 'maps the peer licence refusal' {
        $text = "Session Stop  (Error: Failure processing peer license: Deprecated peer license)"
        (Get-AscpOutcome -Text $text).Category | Should -Be 'Licence'
    }

    It 'maps errcode=19 from a log file line' {
        $text = @'
2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed
2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate
2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send status=failed errcode=19 errstr="Authentication failure"
'@
        (Get-AscpOutcome -Text $text).Code | Should -Be 19
    }

    It 'returns Unknown for unrelated text' {
        (Get-AscpOutcome -Text 'hello').Category | Should -Be 'Unknown'
    }
}
