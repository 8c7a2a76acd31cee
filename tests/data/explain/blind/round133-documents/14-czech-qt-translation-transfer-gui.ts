<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ" sourcelanguage="en">
<context>
    <name>TransferErrorDialog</name>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="41"/>
        <source>The transfer failed.</source>
        <translation>Přenos selhal.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="58"/>
        <source>Authentication failed. Check the user name, password or key file.
(ascp: %1)</source>
        <translation>Ověření selhalo. Zkontrolujte uživatelské jméno, heslo nebo soubor s klíčem.
(ascp: %1)</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="66"/>
        <source>Could not reach the server on its SSH port (TCP). Ask your IT department whether port %1 is open.</source>
        <translation>Server není dostupný na SSH portu (TCP). Zeptejte se IT oddělení, zda je port %1 otevřený.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="73"/>
        <source>The data connection (UDP) could not be established: &quot;Client unable to connect to server (check UDP port and firewall)&quot;.</source>
        <translation>Datové spojení (UDP) nelze navázat: „Client unable to connect to server (check UDP port and firewall)“.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="81"/>
        <source>The server requires the files to be encrypted before upload. Enter an encryption passphrase.</source>
        <translation>Server vyžaduje, aby soubory byly před odesláním zašifrovány. Zadejte heslo pro šifrování.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="88"/>
        <source>The file no longer exists on the server.</source>
        <translation>Soubor již na serveru neexistuje.</translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="95"/>
        <source>The disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/transfererrordialog.cpp" line="102"/>
        <source>The server&apos;s host key has changed (&quot;Remote host is not who we expected&quot;). Do not continue unless your administrator confirms the new key.</source>
        <translation>Klíč hostitele serveru se změnil („Remote host is not who we expected“). Nepokračujte, dokud správce nový klíč nepotvrdí.</translation>
    </message>
</context>
<context>
    <name>TransferListModel</name>
    <message numerus="yes">
        <location filename="../src/transferlistmodel.cpp" line="210"/>
        <source>%n file(s) failed</source>
        <translation>
            <numerusform>%n soubor selhal</numerusform>
            <numerusform>%n soubory selhaly</numerusform>
            <numerusform>%n souborů selhalo</numerusform>
        </translation>
    </message>
</context>
</TS>
