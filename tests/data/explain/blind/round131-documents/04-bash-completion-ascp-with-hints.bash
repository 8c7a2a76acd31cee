# bash completion for ascp, with error hints          -*- shell-script -*-
# Installed by the lab-tools RPM into /usr/share/bash-completion/completions/ascp
# Maintainer: research computing <rc-help@example.org>
#
# Besides completing options, `ascp-why "<error text>"` prints a one-line hint for
# an ascp error you paste. The messages below are ascp's own wording, taken from
# the IBM error table (ascli `config ascp errors`) and user transcripts; nothing
# here runs a transfer.

_ascp_opts='-h --help -A --version -T -d -p -q -v -6 -l -m -u -i -w -K -k -Z -g -G -L -R -S -e
 -O -P -C -N -E -f -W -@ -X -c --mode= --user= --host= --policy= --file-list= --file-pair-list=
 --source-prefix= --symbolic-links= --remove-after-transfer --move-after-transfer= --overwrite=
 --file-crypt= --file-checksum= --partial-file-suffix= --src-base= --ignore-host-key --check-sshfp='

_ascp() {
    local cur prev
    _init_completion || return
    case $prev in
        -i) _filedir '@(openssh|pem|key)'; return ;;   # NOT .putty/.ppk: ascp then asks "Key passphrase:"
        -P) COMPREPLY=($(compgen -W '22 33001' -- "$cur")); return ;;
        --policy) COMPREPLY=($(compgen -W 'fixed high fair low' -- "$cur")); return ;;
        --overwrite) COMPREPLY=($(compgen -W 'never always older diff diff+older' -- "$cur")); return ;;
        --file-crypt) COMPREPLY=($(compgen -W 'encrypt decrypt' -- "$cur")); return ;;
        -L|-R|-f) _filedir; return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$_ascp_opts" -- "$cur"))
    else
        _filedir
    fi
} && complete -F _ascp ascp

ascp-why() {
    case "$1" in
        *"failed to authenticate"*)                echo "SSH auth failed: key (-i), password (ASPERA_SCP_PASS) or an ascp too old for the server's algorithms" ;;
        *"Failed to open TCP connection for SSH"*) echo "TCP to the SSH port failed: check -P (22 vs 33001) and outbound firewall" ;;
        *"Cannot resolve target host"*)            echo "DNS: host name does not resolve from here" ;;
        *"check UDP port and firewall"*)           echo "UDP 33001 blocked between you and the server" ;;
        *"No such file or directory"*)             echo "remote path wrong or withdrawn" ;;
        *"Remote host is not who we expected"*)    echo "host key fingerprint mismatch (--check-sshfp)" ;;
        *"Deprecated peer license"*)               echo "client too old for the server; update Connect/ascp" ;;
        *"ASPERA_SCP_FILEPASS"*)                   echo "--file-crypt needs ASPERA_SCP_FILEPASS" ;;
        *"Session data transfer timeout"*)         echo "stalled: lower -l, check receiver disk / UDP shaping" ;;
        *)                                         echo "no hint; run again with -L- and send the log to rc-help" ;;
    esac
}

# Example (from the README, not a real session):
#   $ ascp-why 'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))'
#   UDP 33001 blocked between you and the server
