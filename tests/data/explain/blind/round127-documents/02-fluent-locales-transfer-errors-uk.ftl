# transfer-desk/locales/uk/errors.ftl
# Fluent (Project Fluent) — українська локалізація повідомлень про помилки передавання.
# Ключі відповідають англійським рядкам ascp, які класифікатор знаходить у stdout/stderr.
# НЕ перекладати текст у `-ascp-raw-*` — це дослівні рядки ascp для пошуку.

-ascp-raw-auth = failed to authenticate
-ascp-raw-udp = Client unable to connect to server (check UDP port and firewall)
-ascp-raw-ssh = Failed to open TCP connection for SSH
-ascp-raw-stall = Data transfer stalled, timed out
-ascp-raw-filepass = File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS

transfer-error-auth =
    Сервер відхилив автентифікацію ({ -ascp-raw-auth }).
    Перевірте файл ключа (-i) або пароль у ASPERA_SCP_PASS.
transfer-error-udp =
    Не вдалося встановити з'єднання даних UDP ({ -ascp-raw-udp }).
    Попросіть мережевий відділ відкрити UDP 33001.
transfer-error-ssh =
    Не вдалося відкрити TCP-з'єднання для SSH ({ -ascp-raw-ssh }).
    Для ENA потрібен параметр -P 33001.
transfer-error-stall =
    Передавання зупинилося ({ -ascp-raw-stall }). Зменште швидкість (-l 100m).
transfer-error-filepass =
    Для шифрування файлів потрібна парольна фраза ({ -ascp-raw-filepass }).
transfer-error-unknown =
    Передавання завершилося з кодом { $code }. Додайте -L- і надішліть журнал.

transfer-done =
    { $files ->
        [one] Передано { $files } файл за { $seconds } с.
        [few] Передано { $files } файли за { $seconds } с.
       *[many] Передано { $files } файлів за { $seconds } с.
    }
