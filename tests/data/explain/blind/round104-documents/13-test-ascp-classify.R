# tests/testthat/test-ascp-classify.R
test_that("ascp failures are classified", {
  expect_equal(
    classify_ascp("ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)"),
    "auth"
  )
  expect_equal(
    classify_ascp("Session Stop  (Error: Server aborted session: No such file or directory)"),
    "missing_remote"
  )
  expect_equal(
    classify_ascp("ascp: Cannot resolve target host., exiting."),
    "dns"
  )
  expect_equal(
    classify_ascp("sh: ascp: command not found"),
    "not_installed"
  )
})

test_that("a completed transfer is not an error", {
  out <- c("SRR292241_1.fastq.gz   100%  369MB  238Mb/s    00:13",
           "Completed: 378151K bytes transferred in 13 seconds",
           " (227709K bits/sec), in 1 file.")
  expect_null(classify_ascp(paste(out, collapse = "\n")))
})

test_that("retry decision follows the FASP error table", {
  expect_true(is_retryable("Session Stop  (Error: Session data transfer timeout)"))
  expect_false(is_retryable("Session Stop  (Error: Server aborted session: No such file or directory)"))
})
