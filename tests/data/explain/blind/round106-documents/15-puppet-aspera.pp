# == Class: profile::aspera_client
#
# Installs IBM Aspera Connect on the data transfer nodes and the
# nightly ENA mirror job.
#
# Known failure messages seen in the mirror job's mail, for on-call:
#   ascp: Failed to open TCP connection for SSH, exiting.
#     -> campus firewall change; TCP 33001 to 193.62.192.0/21 must be allowed
#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
#     -> same for UDP 33001
#   ascp: failed to authenticate, exiting.
#     -> key path changed with Connect 4.x, see $key_file below
#
class profile::aspera_client (
  String  $version  = '4.2.12.780',
  String  $user     = 'enamirror',
  String  $key_file = '/opt/aspera/connect/etc/aspera_bypass_rsa.pem',
  String  $rate     = '500m',
  Boolean $mirror   = false,
) {

  package { 'ibm-aspera-connect':
    ensure => $version,
  }

  file { '/etc/profile.d/aspera.sh':
    ensure  => file,
    mode    => '0644',
    content => "export PATH=/opt/aspera/connect/bin:\$PATH\n",
    require => Package['ibm-aspera-connect'],
  }

  firewall { '110 aspera fasp udp out':
    chain  => 'OUTPUT',
    proto  => 'udp',
    dport  => 33001,
    action => 'accept',
  }

  firewall { '111 aspera ssh tcp out':
    chain  => 'OUTPUT',
    proto  => 'tcp',
    dport  => 33001,
    action => 'accept',
  }

  if $mirror {
    cron { 'ena-mirror':
      ensure  => present,
      user    => $user,
      hour    => 2,
      minute  => 15,
      command => "/opt/aspera/connect/bin/ascp -QT -l ${rate} -P 33001 -k1 -i ${key_file} --mode recv --host fasp.sra.ebi.ac.uk --user era-fasp --file-list /srv/ena/list.txt /srv/ena/incoming >> /var/log/ena-mirror.log 2>&1",
      require => Package['ibm-aspera-connect'],
    }
  }
}
