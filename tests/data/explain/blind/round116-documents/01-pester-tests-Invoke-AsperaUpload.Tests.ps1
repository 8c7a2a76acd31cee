#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
<#
    Invoke-AsperaUpload.Tests.ps1
    Unit tests for Send-ToPartnerHsts / ConvertFrom-AscpOutput (module MediaOps.Transfer)
    Nothing in here talks to a real server: ascp.exe is never executed, every call goes
    through Invoke-AscpProcess, which is mocked below with canned stdout/stderr.
    Run:  Invoke-Pester -Path .\tests\Invoke-AsperaUpload.Tests.ps1 -Output Detailed
#>

BeforeAll {
    Import-Module "$PSScriptRoot\..\MediaOps.Transfer\MediaOps.Transfer.psd1" -Force

    # canned outputs, copied from the wording in the ascp docs / our old tickets
    $script:Fixtures = @{
        Success = @(
            'promo_30s_v7_ProRes.mov                            100%  2.1GB  612Mb/s    00:29'
            'Completed: 2201344K bytes transferred in 30 seconds'
            ' (601117K bits/sec), in 1 file.'
        )
        AuthFail = @{
            StdErr = 'ascp.exe: failed to authenticate, exiting.'
            StdOut = "`r`nSession Stop  (Error: failed to authenticate)"
        }
        UdpBlocked = @{
            StdErr = ''
            StdOut = 'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))'
        }
        NoHost = @{
            StdErr = 'ascp.exe: Cannot resolve target host., exiting.'
            StdOut = ''
        }
    }
}

Describe 'ConvertFrom-AscpOutput' {

    It 'recognises a completed transfer' {
        $r = ConvertFrom-AscpOutput -StdOut $Fixtures.Success -ExitCode 0
        $r.Status     | Should -Be 'Completed'
        $r.BytesK     | Should -Be 2201344
        $r.FileCount  | Should -Be 1
    }

    It 'maps "failed to authenticate" to Category Auth' {
        $r = ConvertFrom-AscpOutput -StdErr $Fixtures.AuthFail.StdErr -StdOut $Fixtures.AuthFail.StdOut -ExitCode 1
        $r.Status   | Should -Be 'Failed'
        $r.Category | Should -Be 'Auth'
    }

    It 'maps the UDP firewall message to Category Network.Udp' {
        $r = ConvertFrom-AscpOutput -StdOut $Fixtures.UdpBlocked.StdOut -ExitCode 1
        $r.Category | Should -Be 'Network.Udp'
        $r.Hint     | Should -Match '33001'
    }

    It 'maps an unresolvable host to Category Dns' {
        $r = ConvertFrom-AscpOutput -StdErr $Fixtures.NoHost.StdErr -ExitCode 1
        $r.Category | Should -Be 'Dns'
    }

    It 'does not treat the progress line as an error just because it contains %' {
        $r = ConvertFrom-AscpOutput -StdOut @('x.mov   37%  800MB  590Mb/s    00:41 ETA') -ExitCode $null
        $r.Status | Should -Be 'Running'
    }
}

Describe 'Send-ToPartnerHsts' {

    Context 'retry policy' {
        BeforeEach {
            Mock -ModuleName MediaOps.Transfer Invoke-AscpProcess {
                [pscustomobject]@{ ExitCode = 1; StdErr = $Fixtures.AuthFail.StdErr; StdOut = $Fixtures.AuthFail.StdOut }
            }
            Mock -ModuleName MediaOps.Transfer Start-Sleep { }
        }

        It 'does not retry an authentication failure' {
            { Send-ToPartnerHsts -Path 'D:\Deliveries\promo.mov' -Partner 'acme-post' } | Should -Throw '*Auth*'
            Should -Invoke -ModuleName MediaOps.Transfer Invoke-AscpProcess -Times 1 -Exactly
        }
    }

    Context 'UDP failures are retried three times' {
        BeforeEach {
            Mock -ModuleName MediaOps.Transfer Invoke-AscpProcess {
                [pscustomobject]@{ ExitCode = 1; StdErr = ''; StdOut = $Fixtures.UdpBlocked.StdOut }
            }
            Mock -ModuleName MediaOps.Transfer Start-Sleep { }
        }

        It 'calls ascp 1 + 3 times and then throws' {
            { Send-ToPartnerHsts -Path 'D:\Deliveries\promo.mov' -Partner 'acme-post' -MaxRetry 3 } | Should -Throw '*Network.Udp*'
            Should -Invoke -ModuleName MediaOps.Transfer Invoke-AscpProcess -Times 4 -Exactly
        }
    }

    Context 'command line' {
        BeforeEach {
            Mock -ModuleName MediaOps.Transfer Invoke-AscpProcess {
                [pscustomobject]@{ ExitCode = 0; StdErr = ''; StdOut = $Fixtures.Success }
            }
        }

        It 'passes -P 33001 and the key from the vault path' {
            Send-ToPartnerHsts -Path 'D:\Deliveries\promo.mov' -Partner 'acme-post' | Out-Null
            Should -Invoke -ModuleName MediaOps.Transfer Invoke-AscpProcess -ParameterFilter {
                $ArgumentList -contains '-P' -and $ArgumentList -contains '33001' -and
                ($ArgumentList -join ' ') -match '-i .+acme-post_ed25519'
            }
        }
    }
}
