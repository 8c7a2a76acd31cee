import jetbrains.buildServer.configs.kotlin.*
import jetbrains.buildServer.configs.kotlin.buildSteps.script
import jetbrains.buildServer.configs.kotlin.failureConditions.BuildFailureOnText
import jetbrains.buildServer.configs.kotlin.failureConditions.failOnText
import jetbrains.buildServer.configs.kotlin.triggers.schedule

version = "2024.03"

project {
    buildType(AsperaSmoke)
}

/**
 * Nightly smoke test of the partner upload path.
 * Sends a 10 MB faux:// file to the partner's HSTS and fails the build on any
 * of the well-known ascp error texts below. The texts are listed so that the
 * build problem title is readable in the TeamCity UI; they are not output.
 */
object AsperaSmoke : BuildType({
    name = "Aspera partner upload smoke"

    params {
        param("env.ASPERA_HOST", "upload.partner.example.net")
        param("env.ASPERA_USER", "xfer_smoke")
        password("env.ASPERA_SCP_PASS", "credentialsJSON:7b1d6c2e-0000-0000-0000-000000000000")
    }

    steps {
        script {
            name = "faux upload"
            scriptContent = """
                set -eu
                command -v ascp || { echo "##teamcity[buildProblem description='ascp not installed on agent']"; exit 4; }
                ascp -P 33001 -l 100m --mode=send --host=%env.ASPERA_HOST% --user=%env.ASPERA_USER% \
                     'faux:///smoke-%build.number%?10m' /smoke/
            """.trimIndent()
        }
    }

    triggers {
        schedule { schedulingPolicy = daily { hour = 3 } ; branchFilter = "+:<default>" }
    }

    failureConditions {
        executionTimeoutMin = 15
        failOnText {
            conditionType = BuildFailureOnText.ConditionType.CONTAINS
            pattern = "Session Stop  (Error:"
            failureMessage = "ascp session failed"
            reverse = false
        }
        failOnText {
            conditionType = BuildFailureOnText.ConditionType.REGEXP
            pattern = "^ascp: .*, exiting\\.$"
            failureMessage = "ascp exited with an error"
            reverse = false
        }
        failOnText {
            conditionType = BuildFailureOnText.ConditionType.CONTAINS
            pattern = "Client unable to connect to server (check UDP port and firewall)"
            failureMessage = "UDP 33001 blocked between agent and partner"
            reverse = false
        }
        failOnText {
            conditionType = BuildFailureOnText.ConditionType.CONTAINS
            pattern = "Server requires content protection"
            failureMessage = "partner enabled EAR: add --file-crypt=encrypt"
            reverse = false
        }
    }
})
