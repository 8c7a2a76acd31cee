# /srv/salt/aspera/push.sls
# Salt-state voor de wekelijkse Aspera-push naar het regionale archief.
# Eigenaar: team Platform (R. de Vries). Laatst aangepast: 2026-05-12.
#
# LET OP: dit bestand beschrijft alleen de configuratie. Er is nog niets mee gedraaid
# op de nieuwe minions; de eerste echte run staat gepland voor maandag 06:00 via de scheduler.
#
# Foutafhandeling in push-wrapper.sh (hieronder gedeployed): de wrapper zoekt in de
# uitvoer van ascp naar deze regels en zet een grain 'aspera_last_error':
#
#   "ascp: failed to authenticate, exiting."                          -> aspera_last_error: auth
#   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
#                                                                     -> aspera_last_error: udp
#   "Session Stop  (Error: Server aborted session: No such file or directory)"
#                                                                     -> aspera_last_error: pad
#   "Partial Completion:"                                             -> aspera_last_error: gedeeltelijk
#   "Completed: " + " bits/sec), in 1 file."                          -> aspera_last_error: geen
#
# Vraag aan de reviewers: moeten we "Session Stop  (Error: Session data transfer timeout)"
# ook afvangen? Voorstel: retry met -l gehalveerd.

aspera-sdk:
  archive.extracted:
    - name: /opt/aspera/sdk
    - source: salt://aspera/files/ibm-aspera-transfer-sdk-linux-amd64.tar.gz
    - enforce_toplevel: False

/usr/local/bin/push-wrapper.sh:
  file.managed:
    - source: salt://aspera/files/push-wrapper.sh
    - mode: '0755'

/etc/aspera/archief_rsa:
  file.managed:
    - contents_pillar: aspera:archief_private_key
    - mode: '0600'
    - user: aspera

aspera-weekly-push:
  schedule.present:
    - function: cmd.run
    - job_args:
      - /usr/local/bin/push-wrapper.sh /data/export/ archief@aspera.archief-regio.example:/inbox/
    - when: Monday 6:00am
    - returner: slack
