"""Progress reporting from the engine to whoever is watching (a rich display, a test, nobody)."""

from __future__ import annotations

from typing import Protocol


class Observer(Protocol):
    """Receives progress events. Implementations must be thread-safe and must not raise."""

    def stage_started(self, title: str, probe_count: int) -> None:
        """A group of probes that run concurrently is about to start."""
        ...

    def probe_started(self, key: str, label: str) -> None:
        """One probe started."""
        ...

    def probe_finished(self, key: str, label: str, result: object) -> None:
        """One probe produced its result (or the engine gave up and recorded a failure result)."""
        ...


class NullObserver:
    """Does nothing; the default for library use and JSON output."""

    def stage_started(self, title: str, probe_count: int) -> None:
        """Ignore."""

    def probe_started(self, key: str, label: str) -> None:
        """Ignore."""

    def probe_finished(self, key: str, label: str, result: object) -> None:
        """Ignore."""


class RecordingObserver:
    """Keeps every event in a list; useful in tests and for debugging."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def stage_started(self, title: str, probe_count: int) -> None:
        """Record."""
        self.events.append(("stage", title))

    def probe_started(self, key: str, label: str) -> None:
        """Record."""
        self.events.append(("started", key))

    def probe_finished(self, key: str, label: str, result: object) -> None:
        """Record."""
        self.events.append(("finished", key))
