# Tests/Invoke-AsperaFetch.Tests.ps1
# Pester 5 tests for the Invoke-AsperaFetch wrapper (lab-tools module).
# ascp is never executed here: every test mocks Start-AscpProcess and feeds it
# captured console text, then checks the classification the wrapper returns.

BeforeAll {
    Import-Module "$PSScriptRoot/../LabTools/LabTools.psd1" -Force
}

Describe 'Get-AscpFailureReason' {

    It 'maps the UDP/firewall stop line to Network' {
        $out = @(
            'ERR164407.fastq.gz                                 0%    0KB    0.0Kb/s    --:-- ETA',
            '',
            'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))'
        )
        Get-AscpFailureReason -Lines $out | Should -Be 'Network'
    }

    It 'maps failed to authenticate to Credentials' {
        $out = @(
            'ascp.exe: failed to authenticate, exiting.',
            '',
            'Session Stop  (Error: failed to authenticate)'
        )
        Get-AscpFailureReason -Lines $out | Should -Be 'Credentials'
    }

    It 'maps a missing remote file to NotFound' {
        $out = @(
            'Completed: 0K bytes transferred in 0 seconds',
            'Session Stop  (Error: Server aborted session: No such file or directory)'
        )
        Get-AscpFailureReason -Lines $out | Should -Be 'NotFound'
    }

    It 'maps the FILEPASS message to Encryption' {
        $out = @('ascp.exe: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.')
        Get-AscpFailureReason -Lines $out | Should -Be 'Encryption'
    }

    It 'returns Success for a completed summary' {
        $out = @(
            'SRR292241_1.fastq.gz                                100%  369MB  238Mb/s    00:13',
            'Completed: 378151K bytes transferred in 13 seconds',
            ' (227709K bits/sec), in 1 file.'
        )
        Get-AscpFailureReason -Lines $out | Should -Be 'Success'
    }

    It 'does not treat a Partial Completion as success' {
        $out = @(
            'Partial Completion: 19711732K bytes transferred in 3695 seconds',
            '(43691K bits/sec), in 6 files, 4 directories; 3 files failed.',
            '',
            'Session Stop  (Error: Disk write failed (server))'
        )
        Get-AscpFailureReason -Lines $out | Should -Be 'Storage'
    }
}

Describe 'Invoke-AsperaFetch retry policy' {
    It 'does not retry Credentials failures' {
        Mock Start-AscpProcess { @{ ExitCode = 1; Lines = @('ascp.exe: failed to authenticate, exiting.') } } -ModuleName LabTools
        Invoke-AsperaFetch -Accession ERR000001 -MaxAttempts 3 | Out-Null
        Should -Invoke Start-AscpProcess -Times 1 -Exactly -ModuleName LabTools
    }
}
