# Pester 5 tests for Get-AsperaFailureCategory (module AsperaOps.psm1)
# These fixtures are copied from the IBM support articles / ticket archive; nothing here calls ascp.

BeforeAll {
    Import-Module "$PSScriptRoot/../AsperaOps.psm1" -Force
}

Describe 'Get-AsperaFailureCategory' {

    It 'maps an SSH TCP failure to Network.SshPort' {
        $text = @'
ascp.exe: Failed to open TCP connection for SSH, exiting.

Session Stop  (Error: Failed to open TCP connection for SSH)
'@
        Get-AsperaFailureCategory -Text $text | Should -Be 'Network.SshPort'
    }

    It 'maps error 19 to Auth' {
        $text = @'
2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed
2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate
'@
        Get-AsperaFailureCategory -Text $text | Should -Be 'Auth'
    }

    It 'maps code 15 to Network.Udp' {
        $text = 'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))'
        Get-AsperaFailureCategory -Text $text | Should -Be 'Network.Udp'
    }

    It 'maps the content protection refusal' {
        $text = 'Session Stop  (Error: Server aborted session: Server requires content protection)'
        Get-AsperaFailureCategory -Text $text | Should -Be 'Policy.ContentProtection'
    }

    It 'returns Success for a completed summary' {
        $text = @'
Completed: 236K bytes transferred in 0 seconds
 (3548K bits/sec), in 1 file.
'@
        Get-AsperaFailureCategory -Text $text | Should -Be 'Success'
    }

    It 'does not treat the word exiting in a file name as failure' -Skip {
        # TODO: ncbi-vdb treats any line containing "exiting" as failed; we should not.
    }
}
