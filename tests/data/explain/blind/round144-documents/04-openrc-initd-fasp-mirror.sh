#!/sbin/openrc-run
# /etc/init.d/fasp-mirror -- keep a local mirror of the partner drop box in sync
# Maintainer: platform team <platform@geo-lab.example>
#
# This service runs a loop that calls ascp every $MIRROR_INTERVAL seconds.
# It does NOT restart on every failure: some ascp errors are permanent and
# retrying only hammers the partner's sshd (they use MaxStartups 10:30:60).
#
# Permanent (service goes to "crashed", page the on-call):
#   ascp: failed to authenticate, exiting.
#   Session Stop  (Error: Server aborted session: No such file or directory)
#   Session Stop  (Error: Remote host is not who we expected)
#   Session Stop  (Error: Failure processing peer license: Deprecated peer license)
#
# Transient (retry after $MIRROR_BACKOFF):
#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
#   Session Stop  (Error: Session data transfer timeout)
#   Session Stop  (Error: Session initiation failed, read timed out)
#   ascp: Failed to open TCP connection for SSH, exiting.

name="fasp-mirror"
description="Aspera mirror of partner drop box"
command="/usr/local/libexec/fasp-mirror-loop"
command_user="mirror:mirror"
command_background=true
pidfile="/run/${RC_SVCNAME}.pid"
output_log="/var/log/fasp-mirror/loop.log"
error_log="/var/log/fasp-mirror/loop.err"

: ${MIRROR_INTERVAL:=900}
: ${MIRROR_BACKOFF:=300}
: ${ASCP:=/opt/aspera/bin/ascp}

export MIRROR_INTERVAL MIRROR_BACKOFF ASCP

depend() {
	need net
	after firewall
	use logger dns
}

start_pre() {
	checkpath -d -o mirror:mirror -m 0750 /var/log/fasp-mirror
	if [ ! -x "$ASCP" ]; then
		eerror "ascp not found at $ASCP (is the transfer SDK installed?)"
		return 1
	fi
	if ! "$ASCP" -A >/dev/null 2>&1; then
		eerror "$ASCP -A failed; broken installation?"
		return 1
	fi
}

# Example of what `rc-service fasp-mirror status` prints after a permanent error
# (from the README, not from this host):
#   * status: crashed
#   * last error: ascp: failed to authenticate, exiting.
