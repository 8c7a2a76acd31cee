<#
  pull_vendor_deliverables.ps1
  Nightly pull of graded masters from the colour vendor's Aspera server into the Windows ingest share.
  Owner: post-production engineering.  Runs as scheduled task "VendorPull" on INGEST-WS04.

  CHANGELOG
    2024-10-02  added -k 2 (resume) and transcript logging
    2024-10-09  see incident note at the bottom (illegal file names from vendor)
#>

$ErrorActionPreference = 'Stop'
$Ascp    = "$env:LOCALAPPDATA\Programs\Aspera\Aspera Connect\bin\ascp.exe"
$Dest    = 'D:\Ingest\Vendor'
$LogDir  = 'D:\Ingest\logs'
$env:ASPERA_SCP_PASS = '<placeholder-from-credential-manager>'

Start-Transcript -Path (Join-Path $LogDir ("pull_{0:yyyyMMdd}.txt" -f (Get-Date))) -Append

& $Ascp -P 33001 -l 400m -k 2 -d --mode=recv --user=studio_pull --host=aspera.grade-vendor.example.com `
        '/deliveries/SHOW_S02E05/' $Dest
$rc = $LASTEXITCODE
Write-Host "ascp exit code: $rc"

Stop-Transcript
exit $rc

<# ---------------------------------------------------------------------------
   INCIDENT NOTE 2024-10-09 (pasted from the transcript of the 08 Oct run)

   **********************
   Windows PowerShell transcript start
   Start time: 20241008020000
   Username: STUDIO\svc_ingest
   Machine: INGEST-WS04 (Microsoft Windows NT 10.0.19045.0)
   **********************
   SHOW_S02E05_REEL1_v3.mxf                                   100% 1843MB  372Mb/s    00:41
   SHOW_S02E05_REEL2_v3.mxf                                   100% 1790MB  369Mb/s    00:40
   Partial Completion: 3719168K bytes transferred in 83 seconds
    (367051K bits/sec), in 2 files, 1 directory; 1 file failed.

   Session Stop  (Error: Path being written to Windows file system contains illegal characters)
   ascp exit code: 1
   **********************
   Windows PowerShell transcript end
   End time: 20241008020124
   **********************

   The failed file is "SHOW_S02E05 Promo 16:9 FINAL?.mov" -- the vendor's Linux server accepts ':'
   and '?' in names, NTFS does not. Asked the vendor to stop using them; until then pull that
   folder onto the Linux NAS instead. Network/credentials were fine (the other two reels arrived).
--------------------------------------------------------------------------- #>
