;;; ascp-log-mode.el --- Font-lock and triage for IBM Aspera ascp logs  -*- lexical-binding: t; -*-

;; Author: Dorota K. <dk@example.org>
;; Version: 0.4.0
;; Keywords: tools, convenience
;; URL: https://codeberg.org/dorotak/ascp-log-mode

;;; Commentary:

;; Highlights the lines that matter in output of `ascp -L-' or in
;; aspera-scp-transfer.log, and offers `ascp-log-explain' (C-c C-e) which
;; prints a one-line hint for the error on the current line.
;;
;; Lines it knows (copied from real output):
;;
;;   2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed
;;   2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH
;;   LOG FASP Session Start uuid=... op=send status=failed errcode=44 errstr="UDP session initiation fatal error"
;;   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
;;   Completed: 1024000K bytes transferred in 87 seconds
;;
;; This is a reading aid, not a monitoring tool.

;;; Code:

(defgroup ascp-log nil
  "Viewing IBM Aspera ascp logs."
  :group 'tools)

(defconst ascp-log--hints
  '(("SSH authentication failed\\|failed to authenticate"
     . "SSH auth: wrong key (-i) or password; ENA refuses the DSA key.")
    ("Failed to open TCP connection for SSH"
     . "TCP to the SSH port did not open: -P 33001? firewall?")
    ("check UDP port and firewall"
     . "UDP data channel blocked (default UDP/33001).")
    ("Cannot resolve target host"
     . "DNS: host name does not resolve here.")
    ("No such file or directory"
     . "Remote path does not exist.")
    ("Disk write failed"
     . "Destination disk full / read-only / quota.")
    ("File encryption needs a passphrase"
     . "Set ASPERA_SCP_FILEPASS.")
    ("Management authorization refused"
     . "Server-side authorization denied this user/token.")
    ("Remote host is not who we expected"
     . "Host key fingerprint mismatch (--check-sshfp).")))

(defconst ascp-log-font-lock-keywords
  `((,(rx bol (? (+ (not (any "\n"))) " ") "ERR " (* nonl)) . font-lock-warning-face)
    (,(rx bol "Session Stop" (+ " ") "(Error:" (* nonl)) . font-lock-warning-face)
    (,(rx bol (* " ") "Completed: " (+ digit) "K bytes transferred" (* nonl)) . font-lock-string-face)
    (,(rx "status=" (or "failed" "success")) . font-lock-keyword-face)
    (,(rx "errcode=" (+ digit)) . font-lock-constant-face)))

;;;###autoload
(define-derived-mode ascp-log-mode special-mode "ascp-log"
  "Major mode for ascp logs."
  (setq-local font-lock-defaults '(ascp-log-font-lock-keywords)))

(defun ascp-log-explain ()
  "Echo a hint for the ascp error on the current line."
  (interactive)
  (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
    (message "%s"
             (or (cdr (seq-find (lambda (h) (string-match-p (car h) line)) ascp-log--hints))
                 "No hint for this line."))))

(define-key ascp-log-mode-map (kbd "C-c C-e") #'ascp-log-explain)

;;;###autoload
(add-to-list 'auto-mode-alist '("aspera-scp-transfer.*\\.log\\'" . ascp-log-mode))

(provide 'ascp-log-mode)
;;; ascp-log-mode.el ends here
