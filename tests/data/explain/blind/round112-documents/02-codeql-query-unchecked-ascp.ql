/**
 * @name Aspera ascp invoked without checking its summary line
 * @description Treats any non-zero exit of `ascp` as a generic failure and drops the
 *              "Session Stop  (Error: ...)" text, so that retries are spent on errors
 *              that can never succeed (e.g. "No such file or directory", errcode 4,
 *              or "failed to authenticate", errcode 19).
 * @kind problem
 * @problem.severity warning
 * @precision medium
 * @id py/aspera-ascp-unclassified-failure
 * @tags maintainability
 *       external/cwe/cwe-390
 */

import python
import semmle.python.ApiGraphs

/*
 * Retry-worthy per IBM's table (as transcribed by ascli): 12-18, 23, 32, 33, 35-37, 39, 40, 44, 45, 61.
 * Not retry-worthy: 3-8, 19, 24-26, 29, 30, 34 (except 37 alias), 41, 42, 48-51, 55, 56, 64.
 *
 * Example of text the caller should look at (documentation only):
 *   ascp: Cannot resolve target host., exiting.
 *   Session Stop  (Error: Server aborted session: No such file or directory)
 */

class AscpCall extends API::CallNode {
  AscpCall() {
    this = API::moduleImport("subprocess").getMember(["run", "call", "check_call", "Popen"]).getACall() and
    exists(StrConst s |
      s.getText().regexpMatch("(.*/)?ascp(\\.exe)?") and
      DataFlow::localFlow(DataFlow::exprNode(s), this.getArg(0).getALocalSource().(DataFlow::Node))
    )
  }
}

predicate discardsOutput(AscpCall c) {
  c.getArgByName("stderr").asExpr().(Attribute).getName() = "DEVNULL"
  or
  c.getArgByName("stdout").asExpr().(Attribute).getName() = "DEVNULL"
}

from AscpCall c
where discardsOutput(c)
select c, "ascp output is discarded; failures such as 'Session Stop  (Error: ...)' cannot be classified."
