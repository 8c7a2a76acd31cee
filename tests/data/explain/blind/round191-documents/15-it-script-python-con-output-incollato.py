#!/usr/bin/env python3
"""
scarica_lotto.py – scarica i file di un lotto dal server Aspera del consorzio.

Storico problemi (output incollato dal terminale, NON cancellare, serve a Marta):

--- 2025-02-03, prima versione (lista file vuota perché lotto_07.txt non era stato generato) ---
$ python3 scarica_lotto.py lotto_07
eseguo: ascp -P 33001 -l 200m --mode=recv --host=fasp.consorzio.example.it --user=lab_pd --file-list= /dati/lotto_07
ascp: Source file list not specified, exiting.

--- 2025-02-10, seconda versione con subprocess.run(..., capture_output=True) e niente stampa ---
$ python3 scarica_lotto.py lotto_08
eseguo: ascp -P 33001 -l 200m --mode=recv --host=fasp.consorzio.example.it --user=lab_pd --file-list=/dati/liste/lotto_08.txt /dati/lotto_08
ERRORE: ascp è uscito con codice 1
(l'output di ascp non è stato salvato: capture_output=True e poi non lo stampavamo. Sistemato sotto.)
"""
import os
import subprocess
import sys

HOST = "fasp.consorzio.example.it"
UTENTE = "lab_pd"


def scarica(lotto: str) -> int:
    lista = f"/dati/liste/{lotto}.txt"
    if not os.path.exists(lista):
        print(f"manca {lista}, genero prima la lista!", file=sys.stderr)
        return 2
    cmd = ["ascp", "-P", "33001", "-l", "200m", "--mode=recv", f"--host={HOST}",
           f"--user={UTENTE}", f"--file-list={lista}", f"/dati/{lotto}"]
    print("eseguo:", " ".join(cmd))
    r = subprocess.run(cmd, capture_output=True, text=True)
    # adesso stampiamo sempre stdout/stderr di ascp
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        print(f"ERRORE: ascp è uscito con codice {r.returncode}", file=sys.stderr)
    return r.returncode


if __name__ == "__main__":
    sys.exit(scarica(sys.argv[1]))
