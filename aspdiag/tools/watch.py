"""Watch a download directory grow (``aspdiag watch``): for transfers started elsewhere (browser plugin, another tool).

Two parts: :class:`DirSampler` measures the tree cheaply and repeatedly, and :class:`Tracker` is a pure state
machine over (time, bytes) samples that yields rate, ETA, stall and done.

Why incremental: a tree with hundreds of thousands of files cannot be re-walked every few seconds. A
directory's mtime changes when entries are added or removed, so only directories whose mtime changed are
listed again; only "hot" files (new, or whose size changed recently) are stat'ed each sample; and every
``full_every`` samples everything is stat'ed once, to catch a cold file that starts growing again (a resumed
file in a directory that got no new entries). Nothing is ever read or hashed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field

from aspdiag.core.errors import ConfigError

_HOT_SAMPLES = 3  # a file stays hot for this many samples after it last changed


@dataclass(frozen=True)
class Sample:
    """One measurement of the tree. ``stat_calls`` says what it cost."""

    at_s: float
    total_bytes: int
    files: int
    stat_calls: int
    full: bool


class DirSampler:
    """Incremental size of a tree; regular files only, symbolic links not followed."""

    def __init__(self, root: str, *, full_every: int = 30) -> None:
        if not os.path.isdir(root):
            raise ConfigError(f"not a directory: {root}", "give the directory the transfer writes to")
        self.root = root
        self.full_every = max(1, full_every)
        self._dirs: dict[str, int] = {}  # directory -> mtime_ns when last listed
        self._subdirs: dict[str, list[str]] = {}  # directory -> its subdirectories when last listed
        self._dir_files: dict[str, set[str]] = {}  # directory -> its files when last listed
        self._files: dict[str, int] = {}  # file -> size
        self._hot: dict[str, int] = {}  # file -> samples left hot
        self._count = 0

    def _forget(self, d: str) -> None:
        for path in self._dir_files.pop(d, set()):
            self._files.pop(path, None)
            self._hot.pop(path, None)
        for sub in self._subdirs.pop(d, []):
            self._forget(sub)
        self._dirs.pop(d, None)

    def sample(self, now_s: float) -> Sample:
        full = self._count % self.full_every == 0
        self._count += 1
        calls = 0
        fresh: set[str] = set()  # stat'ed just now as new files: no second stat in step 2
        if full:
            self._dirs.clear()
        # 1. Directories: re-list those that are new or whose mtime changed (entries added/removed).
        stack = [self.root]
        while stack:
            d = stack.pop()
            try:
                mtime = os.stat(d).st_mtime_ns
            except OSError:
                self._forget(d)
                continue
            calls += 1
            if self._dirs.get(d) == mtime:
                stack.extend(self._subdirs.get(d, []))
                continue
            try:
                with os.scandir(d) as it:
                    entries = list(it)
            except OSError:
                continue
            self._dirs[d] = mtime
            subdirs: list[str] = []
            files: set[str] = set()
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append(entry.path)
                    elif entry.is_file(follow_symlinks=False):
                        files.add(entry.path)
                        if entry.path not in self._files:
                            self._files[entry.path] = entry.stat(follow_symlinks=False).st_size
                            self._hot[entry.path] = _HOT_SAMPLES
                            fresh.add(entry.path)
                            calls += 1
                except OSError:
                    continue
            # Files and directories that vanished (a .partial renamed to its final name, a deleted tree).
            for path in self._dir_files.get(d, set()) - files:
                self._files.pop(path, None)
                self._hot.pop(path, None)
            for sub in set(self._subdirs.get(d, [])) - set(subdirs):
                self._forget(sub)
            self._dir_files[d] = files
            self._subdirs[d] = subdirs
            stack.extend(subdirs)
        # 2. Files: every one on a full sample, otherwise only the hot ones.
        targets = [p for p in (self._files if full else self._hot) if p not in fresh]
        for path in targets:
            try:
                st = os.stat(path, follow_symlinks=False)
            except OSError:
                self._files.pop(path, None)
                self._hot.pop(path, None)
                continue
            calls += 1
            if not stat.S_ISREG(st.st_mode):
                continue
            if st.st_size != self._files.get(path):
                self._files[path] = st.st_size
                self._hot[path] = _HOT_SAMPLES
            elif path in self._hot:
                self._hot[path] -= 1
                if self._hot[path] <= 0:
                    del self._hot[path]
        return Sample(now_s, sum(self._files.values()), len(self._files), calls, full)


@dataclass
class Tracker:
    """Pure: (time, bytes) samples in, rate / ETA / stall / done out. Times in seconds, monotonic."""

    expected_bytes: int
    stall_after_s: float
    window_s: float = 60.0
    samples: list[tuple[float, int]] = field(default_factory=list)
    last_growth_s: float | None = None
    stall_reported: bool = False

    def add(self, at_s: float, total_bytes: int) -> None:
        grew = bool(self.samples) and total_bytes > self.samples[-1][1]
        if grew:
            self.stall_reported = False  # re-arm: the next stall gets its own alert
        if grew or not self.samples:
            self.last_growth_s = at_s
        self.samples.append((at_s, total_bytes))
        # Keep the rate window plus one older sample as its left edge.
        while len(self.samples) > 2 and self.samples[1][0] <= at_s - self.window_s:
            self.samples.pop(0)

    @property
    def total_bytes(self) -> int:
        return self.samples[-1][1] if self.samples else 0

    @property
    def rate_mbps(self) -> float:
        """Growth over the window, in Mbit/s (0 before two samples)."""
        if len(self.samples) < 2:
            return 0.0
        (t0, b0), (t1, b1) = self.samples[0], self.samples[-1]
        return max(0.0, (b1 - b0) * 8 / 1e6 / (t1 - t0)) if t1 > t0 else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds to the expected size at the window's rate; None (unknown) while the tree is not growing:
        the minute's average would otherwise promise an ETA that a stall never keeps (issue #16)."""
        if self.done:
            return 0.0
        rate = self.rate_mbps
        if rate <= 0 or self.stalled_for_s > 0:
            return None
        return (self.expected_bytes - self.total_bytes) * 8 / 1e6 / rate

    @property
    def done(self) -> bool:
        return self.total_bytes >= self.expected_bytes

    @property
    def stalled_for_s(self) -> float:
        if not self.samples or self.last_growth_s is None:
            return 0.0
        return self.samples[-1][0] - self.last_growth_s

    def stall_event(self) -> bool:
        """True once per stall: no growth for ``stall_after_s`` (re-armed when the tree grows again)."""
        if self.done or self.stall_reported or self.stalled_for_s < self.stall_after_s:
            return False
        self.stall_reported = True
        return True


@dataclass(frozen=True)
class WatchOutcome:
    """How a watch ended: ``done`` (expected size reached), ``stalled`` (with exit_on_stall) or ``timeout``
    (``max_s`` passed first)."""

    state: str
    total_bytes: int
    elapsed_s: float
    stalls: int
    stalled_s: float = 0.0
    """How long the tree had not grown when the watch ended."""


def run_watch(
    sampler: DirSampler,
    tracker: Tracker,
    *,
    interval_s: float,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
    on_sample: Callable[[Sample, Tracker], None],
    on_event: Callable[[str, Tracker], None],
    exit_on_stall: bool = False,
    max_s: float | None = None,
) -> WatchOutcome:
    """Sample until the expected size is reached (event ``done``), alerting once per stall (event ``stall``)."""
    started = clock()
    stalls = 0
    while True:
        now = clock()
        sample = sampler.sample(now)
        tracker.add(now, sample.total_bytes)
        on_sample(sample, tracker)
        if tracker.done:
            on_event("done", tracker)
            return WatchOutcome("done", tracker.total_bytes, now - started, stalls, tracker.stalled_for_s)
        if tracker.stall_event():
            stalls += 1
            on_event("stall", tracker)
            if exit_on_stall:
                return WatchOutcome("stalled", tracker.total_bytes, now - started, stalls, tracker.stalled_for_s)
        if max_s is not None and now - started >= max_s:
            return WatchOutcome("timeout", tracker.total_bytes, now - started, stalls, tracker.stalled_for_s)
        sleep(interval_s)
