"""The adapters: the only package that imports ``socket``, ``subprocess``, scapy or dnspython.

Each adapter implements a port its consumer declares (``aspdiag.measurements.<name>.port``,
``aspdiag.core.ports``); the composition root (``aspdiag.compose``) wires them to a configuration.
Socket helpers shared by several adapters are public in ``sockets``.
"""
