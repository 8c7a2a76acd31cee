BeforeAll {
    . $PSScriptRoot/../src/Invoke-AsperaDownload.ps1
}

Describe 'Get-AscpFailureReason' {

    It 'flags a missing ascp' {
        $msg = "ascp : The term 'ascp' is not recognized as the name of a cmdlet, function, script file, or operable program."
        Get-AscpFailureReason -Output $msg | Should -Be 'NotInstalled'
    }

    It 'flags a blocked SSH port' {
        $msg = @"
ascp: Failed to open TCP connection for SSH, exiting.
Session Stop  (Error: Failed to open TCP connection for SSH)
"@
        Get-AscpFailureReason -Output $msg | Should -Be 'SshPort'
    }

    It 'flags a blocked UDP port' {
        $msg = 'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))'
        Get-AscpFailureReason -Output $msg | Should -Be 'Udp'
    }

    It 'returns Success for a completed transfer' {
        $msg = @"
Completed: 1487223K bytes transferred in 58 seconds
 (208716K bits/sec), in 1 file.
"@
        Get-AscpFailureReason -Output $msg | Should -Be 'Success'
    }
}

Describe 'Invoke-AsperaDownload' {
    It 'does not call ascp when -WhatIf is used' {
        Mock Start-Process {}
        Invoke-AsperaDownload -Accession ERR3624703 -WhatIf
        Should -Invoke Start-Process -Times 0
    }
}
