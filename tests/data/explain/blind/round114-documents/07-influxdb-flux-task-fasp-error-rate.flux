// Task: fasp_error_rate_5m
// Reads the Telegraf "tail" input that parses HSTS syslog lines like
//   Mar  3 02:14:55 hsts01 ascp[18822]: LOG FASP Session Stop uuid=... op=recv status=failed errcode=40 ...
// into measurement "fasp_session" (tags: host, op, status, errcode).
// The sample line above is illustrative only; no session of ours is quoted here.
//
// Error codes we alert on (from the FASP error table):
//   15  Timeout establishing UDP connection (check UDP port and firewall)
//   19  Authentication failure
//   36  Disk write error
//   40  Data transfer stalled, timed out
//   44  UDP session initiation fatal error

option task = {name: "fasp_error_rate_5m", every: 5m, offset: 30s}

alerting = ["15", "19", "36", "40", "44"]

sessions = from(bucket: "hsts_logs")
    |> range(start: -task.every)
    |> filter(fn: (r) => r._measurement == "fasp_session" and r._field == "count")

failed = sessions
    |> filter(fn: (r) => r.status == "failed" and contains(value: r.errcode, set: alerting))
    |> group(columns: ["host", "errcode"])
    |> sum()
    |> map(fn: (r) => ({r with _measurement: "fasp_error_rate", _field: "failed"}))

total = sessions
    |> group(columns: ["host"])
    |> sum()
    |> map(fn: (r) => ({r with _measurement: "fasp_error_rate", _field: "total"}))

union(tables: [failed, total])
    |> to(bucket: "hsts_alerts", org: "rc-ops")

// Notification rule (UI): CRIT when failed{errcode="36"} > 0 for 2 checks
//   -> "Disk write failed on receiver: check /data quota on ${r.host}"
// WARN when failed{errcode=~"15|44"} / total > 0.2
//   -> "UDP problems: many sessions never got data through"
