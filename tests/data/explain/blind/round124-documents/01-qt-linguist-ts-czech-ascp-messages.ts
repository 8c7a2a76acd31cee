<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ" sourcelanguage="en_US">
<context>
    <name>TransferErrorDialog</name>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="58"/>
        <source>ascp: failed to authenticate, exiting.</source>
        <translation>ascp: ověření selhalo (nesprávný klíč nebo heslo), ukončuji.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="61"/>
        <source>Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))</source>
        <translation>Relace ukončena (Chyba: klient se nemůže spojit se serverem – zkontrolujte UDP port 33001 a firewall)</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="64"/>
        <source>ascp: Failed to open TCP connection for SSH, exiting.</source>
        <translation>ascp: nelze otevřít TCP spojení pro SSH (port 22 nebo 33001?), ukončuji.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="67"/>
        <source>Session Stop  (Error: Server aborted session: No such file or directory)</source>
        <translation>Relace ukončena (Chyba: server přerušil relaci – soubor nebo adresář neexistuje)</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="70"/>
        <source>Session Stop  (Error: Disk write failed (server))</source>
        <translation>Relace ukončena (Chyba: zápis na disk selhal (server))</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="73"/>
        <source>ascp: Cannot resolve target host., exiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="76"/>
        <source>Session Stop  (Error: Failure processing peer license: Deprecated peer license)</source>
        <translation>Relace ukončena (Chyba: licence klienta je zastaralá – aktualizujte Aspera Connect)</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="79"/>
        <source>ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.</source>
        <translation>ascp: šifrování souborů vyžaduje heslo v proměnné prostředí ASPERA_SCP_FILEPASS, ukončuji.</translation>
    </message>
</context>
<context>
    <name>TransferProgressWidget</name>
    <message numerus="yes">
        <location filename="../src/transferprogresswidget.cpp" line="112"/>
        <source>Completed: %1K bytes transferred in %2 seconds, in %n file(s).</source>
        <translation>
            <numerusform>Dokončeno: přeneseno %1K bajtů za %2 s, %n soubor.</numerusform>
            <numerusform>Dokončeno: přeneseno %1K bajtů za %2 s, %n soubory.</numerusform>
            <numerusform>Dokončeno: přeneseno %1K bajtů za %2 s, %n souborů.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/transferprogresswidget.cpp" line="131"/>
        <source>Transfer cancelled by user</source>
        <translation>Přenos zrušen uživatelem</translation>
    </message>
</context>
</TS>
