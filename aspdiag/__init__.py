"""aspdiag: will this IBM Aspera (FASP/ascp) transfer work, how fast, and what must the network team open?"""

__version__ = "0.1.0"

__all__ = ["__version__"]
