*** Settings ***
Documentation     Acceptance tests for the ``xferctl`` wrapper's error classification.
...               ascp is replaced by ``tests/fakes/fake_ascp.sh``, which prints the canned
...               text given in FAKE_ASCP_OUTPUT and exits with FAKE_ASCP_RC. No real transfer.
Library           Process
Library           OperatingSystem
Suite Setup       Set Environment Variable    XFERCTL_ASCP    ${CURDIR}/fakes/fake_ascp.sh

*** Variables ***
${AUTH_OUT}       ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)
${UDP_OUT}        Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
${STALL_OUT}      Session Stop  (Error: Data transfer stalled, timed out)
${DNS_OUT}        ascp: Cannot resolve target host., exiting.
${OK_OUT}         x.bin 100% 10MB 95.1Mb/s 00:01\nCompleted: 10240K bytes transferred in 1 seconds\n (83886K bits/sec), in 1 file.

*** Test Cases ***
Authentication Failure Is Classified As Auth
    Classification Should Be    ${AUTH_OUT}     1    auth

Blocked UDP Is Classified As Udp And Not Retried
    ${result}=    Run Xferctl    ${UDP_OUT}    1
    Should Contain        ${result.stdout}    reason=udp
    Should Not Contain    ${result.stdout}    retrying

Stall Is Retried With Lower Rate
    ${result}=    Run Xferctl    ${STALL_OUT}    1
    Should Contain    ${result.stdout}    reason=stall
    Should Contain    ${result.stdout}    retrying with -l 150m

Unresolvable Host Is Classified As Dns
    Classification Should Be    ${DNS_OUT}      1    dns

Completed Transfer Is Ok
    Classification Should Be    ${OK_OUT}       0    ok

*** Keywords ***
Run Xferctl
    [Arguments]    ${output}    ${rc}
    Set Environment Variable    FAKE_ASCP_OUTPUT    ${output}
    Set Environment Variable    FAKE_ASCP_RC        ${rc}
    ${result}=    Run Process    xferctl    get    demo@example.invalid:/x.bin    /tmp/out/
    RETURN    ${result}

Classification Should Be
    [Arguments]    ${output}    ${rc}    ${expected}
    ${result}=    Run Xferctl    ${output}    ${rc}
    Should Contain    ${result.stdout}    reason=${expected}
