" Vim syntax file
" Language:    IBM Aspera ascp transfer log (aspera-scp-transfer.log) and console output
" Maintainer:  seq-tools team
" Last Change: 2025 Jan 30
" Usage:       au BufRead aspera-scp-transfer*.log setf fasplog

if exists("b:current_syntax")
  finish
endif

syn match  faspTimestamp  /^\d\{4}-\d\d-\d\d \d\d:\d\d:\d\d\(\.\d\+\)\=/
syn match  faspThread     /\[\x\+-\x\+\]/
syn keyword faspLevelLog  LOG
syn keyword faspLevelErr  ERR
syn keyword faspLevelDbg  DBG

" Session records, e.g.
"   LOG FASP Session Start uuid=... op=send status=failed errcode=19 errstr="Authentication failure"
syn match  faspSession    /FASP \(Session\|Transfer\) \(Start\|Stop\|Params\|Statistics\)/
syn match  faspFailed     /status=failed/
syn match  faspSuccess    /status=success/
syn match  faspErrcode    /errcode=\d\+/
syn region faspErrstr     start=/errstr="/ end=/"/

" Console lines
syn match  faspCompleted  /^\s*Completed: \d\+K bytes transferred in \d\+ seconds/
syn match  faspPartial    /^Partial Completion: .*/
syn match  faspStop       /^Session Stop  (Error: .*)$/
syn match  faspExiting    /^ascp\(\.exe\)\=: .*, exiting\.$/
syn match  faspPrompt     /^Key passphrase:/

hi def link faspTimestamp Comment
hi def link faspThread    Identifier
hi def link faspLevelLog  Statement
hi def link faspLevelErr  Error
hi def link faspLevelDbg  Comment
hi def link faspSession   Type
hi def link faspFailed    Error
hi def link faspSuccess   String
hi def link faspErrcode   Number
hi def link faspErrstr    String
hi def link faspCompleted String
hi def link faspPartial   WarningMsg
hi def link faspStop      Error
hi def link faspExiting   Error
hi def link faspPrompt    Todo

let b:current_syntax = "fasplog"
