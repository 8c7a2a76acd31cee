# salt/aspera/client.sls
# Installs the IBM Aspera Transfer SDK for batch users and drops a wrapper.
# Pillar: aspera:sdk_version, aspera:users
{% set sdk = salt['pillar.get']('aspera:sdk_version', '1.1.9') %}

aspera-sdk-dir:
  file.directory:
    - name: /opt/aspera/sdk
    - makedirs: True

aspera-sdk-archive:
  archive.extracted:
    - name: /opt/aspera/sdk
    - source: salt://aspera/files/ibm-aspera-transfer-sdk-linux-amd64-{{ sdk }}.tar.gz
    - enforce_toplevel: False
    - if_missing: /opt/aspera/sdk/ascp
    - require:
      - file: aspera-sdk-dir

# Put ascp on the PATH for everybody. Without this, cron jobs fail with
#   /bin/sh: 1: ascp: not found
# because cron's PATH is only /usr/bin:/bin.
/usr/local/bin/ascp:
  file.symlink:
    - target: /opt/aspera/sdk/ascp
    - require:
      - archive: aspera-sdk-archive

# Old hosts (EL7) cannot run the new ascp:
#   ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ascp)
# They get the 1.1.1 SDK via pillar instead - see pillar/aspera/el7.sls.

/usr/local/bin/fasp-pull:
  file.managed:
    - source: salt://aspera/files/fasp-pull.sh
    - mode: '0755'

aspera-egress-firewalld:
  firewalld.present:
    - name: public
    - ports:
      - 33001/tcp
      - 33001/udp
    - prune_ports: False
