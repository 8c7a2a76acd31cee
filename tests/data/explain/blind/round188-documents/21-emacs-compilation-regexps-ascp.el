;;; ascp-compile.el --- highlight IBM Aspera ascp failures in *compilation* buffers  -*- lexical-binding: t; -*-

;; Author: R. Lindqvist <rl@example.org>
;; Version: 0.3
;; Keywords: tools, processes
;; URL: https://git.example.org/rl/dotfiles/src/branch/main/lisp/ascp-compile.el

;;; Commentary:

;; I run my download scripts with M-x compile; these regexps make ascp's failure lines
;; stand out.  The message texts are taken from IBM support articles and public bug
;; reports (see the comments); none of the example strings below come from my own runs.
;;
;; Example strings used by `ascp-compile--selftest':
;;   "ascp: failed to authenticate, exiting."
;;   "Session Stop  (Error: failed to authenticate)"
;;   "ascp: Cannot resolve target host., exiting."
;;   "Session Stop  (Error: Server aborted session: No such file or directory)"
;;   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
;;   "Partial Completion: 19711732K bytes transferred in 3695 seconds"
;;
;; TODO: I will try it on the cluster's real ENA download tomorrow and adjust the faces.

;;; Code:

(require 'compile)

(defconst ascp-compile--error-re
  (rx (or (seq bol "ascp" (? ".exe") ": " (group (+? nonl)) ", exiting.")
          (seq "Session Stop  (Error: " (group (+ nonl)) ")" eol)))
  "Lines that mean an ascp run failed.")

(defconst ascp-compile--partial-re
  (rx bol "Partial Completion: " (+ digit) "K bytes transferred")
  "Summary of a run where some files failed.")

(defconst ascp-compile--ok-re
  (rx bol "Completed: " (+ digit) "K bytes transferred in " (+ digit) " seconds")
  "Summary of a finished run (check for a Session Stop line too).")

(add-to-list 'compilation-error-regexp-alist-alist
             `(ascp-error ,ascp-compile--error-re nil nil nil 2))
(add-to-list 'compilation-error-regexp-alist-alist
             `(ascp-partial ,ascp-compile--partial-re nil nil nil 1))
(add-to-list 'compilation-error-regexp-alist-alist
             `(ascp-ok ,ascp-compile--ok-re nil nil nil 0))
(dolist (sym '(ascp-error ascp-partial ascp-ok))
  (add-to-list 'compilation-error-regexp-alist sym))

(defun ascp-compile--selftest ()
  "Check the regexps against the example strings in the commentary."
  (cl-assert (string-match-p ascp-compile--error-re "ascp: failed to authenticate, exiting."))
  (cl-assert (string-match-p ascp-compile--error-re
                             "Session Stop  (Error: Server aborted session: No such file or directory)"))
  (cl-assert (string-match-p ascp-compile--partial-re
                             "Partial Completion: 19711732K bytes transferred in 3695 seconds"))
  (cl-assert (string-match-p ascp-compile--ok-re
                             "Completed: 74523K bytes transferred in 118 seconds"))
  t)

(provide 'ascp-compile)
;;; ascp-compile.el ends here
