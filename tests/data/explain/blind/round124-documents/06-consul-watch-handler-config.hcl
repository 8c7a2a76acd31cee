# /etc/consul.d/watch-aspera-outbox.hcl
# Consul watch: when the key service/aspera-outbox/trigger changes, push the outbox to the
# partner HSTS with ascp. Handler output goes to journald (unit consul.service).
#
# Known messages seen from the handler in the past (for on-call, see runbook RB-114):
#   "ascp: Failed to open TCP connection for SSH, exiting."      -> partner's TCP/33001 closed, or we forgot -P 33001
#   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
#                                                                -> UDP 33001 blocked (egress ACL on fw-dmz-2)
#   "Session Stop  (Error: Server aborted session: Management authorization refused: user outbox_svc denied by server)"
#                                                                -> partner disabled our account / token
#   "Session Stop  (Error: Session data transfer timeout)"       -> rate too high for the partner's NAS; lower RATE
# Nothing below is executed by Consul except the handler script.

watches = [
  {
    type         = "key"
    key          = "service/aspera-outbox/trigger"
    handler_type = "script"
    args         = ["/usr/local/libexec/aspera-outbox-push.sh"]
  }
]

services = [
  {
    name = "aspera-outbox"
    tags = ["transfer", "fasp"]
    port = 33001
    check = {
      id       = "aspera-outbox-last-run"
      name     = "last ascp push succeeded"
      args     = ["/usr/local/libexec/check-last-ascp.sh", "/var/log/aspera-outbox/last.status"]
      interval = "5m"
      timeout  = "10s"
    }
  }
]

# aspera-outbox-push.sh (abridged, kept here for review):
#   export ASPERA_SCP_PASS="$(consul kv get secret/aspera-outbox/pass)"
#   RATE="$(consul kv get service/aspera-outbox/rate || echo 500m)"
#   /opt/aspera/bin/ascp -P 33001 -O 33001 -l "$RATE" -k 2 --overwrite=diff \
#        --remove-after-transfer -d /srv/outbox/ outbox_svc@hsts.partner.example:/inbound/ \
#        >>/var/log/aspera-outbox/push.log 2>&1
#   echo $? > /var/log/aspera-outbox/last.status
