"""Entry point for ``python -m aspdiag``."""

import sys


def _run() -> int:
    # Import inside the function so that a Ctrl-C during a slow import still exits with 130.
    try:
        from aspdiag.cli import main
    except KeyboardInterrupt:
        return 130
    return main()


if __name__ == "__main__":
    sys.exit(_run())
