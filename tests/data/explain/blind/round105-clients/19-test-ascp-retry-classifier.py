# tests/test_ascp_retry.py  (excerpt, pasted for review of PR #212)

class TestAscpRetryClassification:
    """Failure classification for the aspera download step."""

    def test_unknown_stderr_is_retried(self, ascp_fs):
        """Unrecognised stderr → retried."""
        count = self._run_pipeline(ascp_fs, "xyzzy something never seen before 42")
        assert count == 3

    def test_session_stop_stderr_is_retried(self, ascp_fs):
        """Session stop stderr → retried (classified as session-stop, which is retryable)."""
        count = self._run_pipeline(ascp_fs, "Session Stop  (Error: some server reason)")
        assert count == 3

    def test_auth_failure_is_not_retried(self, ascp_fs):
        count = self._run_pipeline(ascp_fs, "ascp: failed to authenticate, exiting.")
        assert count == 1

    def test_empty_stderr_is_retried(self, ascp_fs):
        """Empty stderr on failure → retried (generic error, retryable)."""
        count = self._run_pipeline(ascp_fs, "")
        assert count == 3
