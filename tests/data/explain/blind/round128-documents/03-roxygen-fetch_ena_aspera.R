#' Download ENA run files with Aspera
#'
#' Builds and runs one \code{ascp} command per file URL returned by the ENA
#' file report. Files already present with the expected size are skipped.
#'
#' @param urls Character vector of \code{fasp.sra.ebi.ac.uk:/vol1/...} paths.
#' @param dest Destination directory. Created if it does not exist.
#' @param key Path to the private key. Defaults to the RSA bypass key of the
#'   Aspera Transfer SDK / Connect 4.x (\code{aspera_bypass_rsa.pem}).
#' @param rate Target rate passed to \code{-l}, e.g. \code{"300m"}.
#' @param port SSH port passed to \code{-P}. ENA needs \code{33001}.
#'
#' @return Invisibly, a data frame with one row per file and the columns
#'   \code{url}, \code{status} and \code{message}.
#'
#' @section Errors:
#' \code{ascp} writes a short message to stderr and a \code{Session Stop} line
#' to stdout. The function copies the stderr message into \code{message}.
#' Typical messages and what to do:
#' \describe{
#'   \item{\code{ascp: Private key file not found at path ..., exiting.}}{
#'     Connect 4.x no longer ships \code{asperaweb_id_dsa.openssh}; pass
#'     \code{key =} explicitly.}
#'   \item{\code{ascp: failed to authenticate, exiting.}}{
#'     Usually the old DSA key. ENA accepts the RSA key only.}
#'   \item{\code{ascp: Cannot resolve target host., exiting.}}{
#'     The machine cannot resolve \code{fasp.sra.ebi.ac.uk}; on most clusters
#'     compute nodes have no outside DNS, run on a transfer node.}
#'   \item{\code{Session Stop  (Error: Session data transfer timeout)}}{
#'     Lower \code{rate}; 300m is too much for many home directories.}
#' }
#'
#' @examples
#' \dontrun{
#' runs <- ena_file_report("PRJEB12345", fields = "fastq_aspera")
#' fetch_ena_aspera(runs$fastq_aspera, dest = "raw/", rate = "100m")
#' }
#' @seealso \url{https://ena-docs.readthedocs.io/en/latest/retrieval/file-download.html}
#' @export
fetch_ena_aspera <- function(urls, dest = ".", key = default_aspera_key(),
                             rate = "300m", port = 33001L) {
  stopifnot(is.character(urls), length(urls) > 0)
  ascp <- Sys.which("ascp")
  if (!nzchar(ascp)) stop("ascp not found on PATH; install Aspera Connect or the Transfer SDK")
  dir.create(dest, showWarnings = FALSE, recursive = TRUE)
  res <- lapply(urls, function(u) {
    args <- c("-QT", "-l", rate, sprintf("-P%d", port), "-k", "1", "-i", key,
              paste0("era-fasp@", u), dest)
    out <- suppressWarnings(system2(ascp, args, stdout = TRUE, stderr = TRUE))
    st <- attr(out, "status")
    msg <- grep("^ascp: ", out, value = TRUE)
    data.frame(url = u, status = if (is.null(st)) 0L else st,
               message = if (length(msg)) msg[[1]] else NA_character_)
  })
  invisible(do.call(rbind, res))
}
