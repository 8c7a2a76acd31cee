# /etc/rsyslog.d/ascp.rulebase  -- liblognorm v2 rulebase for ascp syslog lines
# Used by: module(load="mmnormalize") + action(type="mmnormalize" rulebase="/etc/rsyslog.d/ascp.rulebase")
# Tests:   lognormalizer -r ascp.rulebase -e json < samples.txt
#
# The samples in comments are copied from IBM support articles / ascli docs. They are
# NOT from our servers; keep them here so the rules can be tested without real traffic.
version=2

type=@uuid:%uuid:char-to:" "%

# LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send status=failed errcode=19 errstr="Authentication failure"
rule=fasp,session_start,failed:LOG FASP Session Start uuid=%uuid:word% op=%op:word% status=failed errcode=%errcode:number% errstr="%errstr:char-to:"%"%rest:rest%

# LOG FASP Session Start uuid=... op=recv status=started source=... dest=... local=... peer=...:33001 tcp_port=22 ...
rule=fasp,session_start,started:LOG FASP Session Start uuid=%uuid:word% op=%op:word% status=started %rest:rest%

# LOG FASP Session Stop uuid=a9063e44-f785-4bca-8e71-3eaa20a64b32 op=recv status=success source=aspera-test-dir-large/1GB (1) dest=/tmp ...
rule=fasp,session_stop:LOG FASP Session Stop uuid=%uuid:word% op=%op:word% status=%status:word% %rest:rest%

# LOG FASP Transfer Stop uuid=... op=recv status=success file="/tmp/1GB" size=1048576000 start_byte=0 rate=96.36Mbps elapsed=87.05s loss=0.00 ...
rule=fasp,transfer_stop:LOG FASP Transfer Stop uuid=%uuid:word% op=%op:word% status=%status:word% file="%file:char-to:"%" size=%size:number% start_byte=%start_byte:number% rate=%rate:word% elapsed=%elapsed:word% %rest:rest%

# ERR FASP sender had error, errcode 73 errstr [Server aborted session: Management authorization refused: user acampos denied by server]
rule=fasp,sender_error:ERR FASP sender had error, errcode %errcode:number% errstr [%errstr:char-to:]%]

# ERR Failed to open TCP connection for SSH
rule=fasp,ssh_tcp:ERR Failed to open TCP connection for SSH

# ERR [ascp] SSH authentication failed
rule=fasp,auth:ERR [ascp] SSH authentication failed

# catch-all so nothing from ascp is dropped
rule=fasp,unparsed:%level:word% %msg:rest%
