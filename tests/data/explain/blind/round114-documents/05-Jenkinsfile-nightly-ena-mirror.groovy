// Jenkinsfile — ночная синхронизация ENA → /storage/mirror
// Владелец: группа биоинформатики (a.sokolova). Не запускать вручную в рабочее время.
//
// Классификация ошибок ascp (см. wiki «Aspera: частые ошибки»):
//   'failed to authenticate'                 -> проверить ключ (-i), ENA больше не принимает DSA
//   'Cannot resolve target host'             -> DNS агента, не ENA
//   'Client unable to connect to server'     -> UDP 33001 закрыт на периметре
//   'Data transfer stalled, timed out'       -> снизить -l, повторить
//   'No such file or directory'              -> путь в ENA устарел, перезапросить filereport
// Эти строки — шаблоны, а не вывод реальных запусков.

pipeline {
    agent { label 'dtn-01' }
    options {
        timeout(time: 6, unit: 'HOURS')   // после 6 часов Jenkins прерывает ascp (SIGTERM)
        timestamps()
        buildDiscarder(logRotator(numToKeepStr: '30'))
    }
    environment {
        ASCP = '/opt/aspera/connect/bin/ascp'
        KEY  = '/opt/aspera/connect/etc/aspera_bypass_rsa.pem'
        RATE = '300m'
    }
    stages {
        stage('Список файлов') {
            steps {
                sh 'python3 tools/filereport.py --project PRJEB40977 --out urls.txt'
            }
        }
        stage('Загрузка') {
            steps {
                script {
                    def failures = [:]
                    readFile('urls.txt').readLines().each { path ->
                        def rc = sh(returnStatus: true,
                                    script: "${ASCP} -QT -l ${RATE} -P 33001 -k 1 -i ${KEY} era-fasp@fasp.sra.ebi.ac.uk:${path} /storage/mirror/ 2>ascp.err | tee -a ascp.out")
                        if (rc != 0) {
                            def err = readFile('ascp.err')
                            if (err.contains('failed to authenticate')) {
                                failures[path] = 'auth'
                            } else if (err.contains('Cannot resolve target host')) {
                                failures[path] = 'dns'
                            } else if (err =~ /check UDP port and firewall/) {
                                failures[path] = 'udp'
                            } else {
                                failures[path] = 'other'
                            }
                        }
                    }
                    if (failures) {
                        writeJSON file: 'failures.json', json: failures
                        unstable("ascp: ${failures.size()} файлов не скачано")
                    }
                }
            }
        }
    }
    post {
        always  { archiveArtifacts artifacts: 'ascp.out,ascp.err,failures.json', allowEmptyArchive: true }
        failure { mail to: 'bioinf-ops@example.org', subject: "ENA mirror FAILED #${env.BUILD_NUMBER}", body: "${env.BUILD_URL}" }
    }
}
