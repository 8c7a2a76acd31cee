"""What a measurement is: the protocol every measurement package implements, the probes it plans, the
adapters (ports) they receive, and the format-neutral report section each one contributes.

A measurement package (``aspdiag.measurements.<name>``) exports one object satisfying :class:`Measurement`;
the registry lists them in the order they run, and the engine, the verdict, the codec, the renderers and
the progress display iterate over that list instead of naming measurements.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from aspdiag.core.config import CheckConfig
    from aspdiag.core.facts import Facts
    from aspdiag.core.model import Assessment, Finding, Grade, Report

T = TypeVar("T")
R_co = TypeVar("R_co", covariant=True)


# --------------------------------------------------------------------------- adapters


@dataclass(frozen=True)
class AdapterKey(Generic[T]):
    """Names one I/O port. The consumer that declares the port also declares its key, e.g.
    ``RESOLVER: AdapterKey[Resolver] = AdapterKey("resolver")``; the composition root supplies the adapter."""

    name: str


class MissingAdapter(LookupError):
    """A probe asked for an adapter the composition root did not supply."""


@dataclass(frozen=True)
class ProbeContext:
    """The I/O adapters of one run, by key. Tests pass fakes."""

    adapters: Mapping[str, object] = field(default_factory=dict)

    @staticmethod
    def of(*pairs: tuple[AdapterKey[Any], object]) -> ProbeContext:
        """A context from (key, adapter) pairs."""
        return ProbeContext({key.name: adapter for key, adapter in pairs})

    def get(self, key: AdapterKey[T]) -> T | None:
        """The adapter for ``key``, or None when this run has none."""
        adapter = self.adapters.get(key.name)
        return adapter  # type: ignore[return-value]  # stored by key; the key's type parameter says what

    def need(self, key: AdapterKey[T]) -> T:
        """The adapter for ``key``; MissingAdapter when this run has none."""
        adapter = self.get(key)
        if adapter is None:
            raise MissingAdapter(f"no {key.name} adapter in this run")
        return adapter

    def has(self, key: AdapterKey[Any]) -> bool:
        """Whether this run has an adapter for ``key``."""
        return key.name in self.adapters


# --------------------------------------------------------------------------- probes


class Probe(Protocol[R_co]):
    """One unit of measuring work. ``run`` must honour ``timeout_s``; the engine enforces it with a margin."""

    @property
    def key(self) -> str:
        """Unique id within a run, e.g. ``reach/198.18.3.2``."""
        ...

    @property
    def label(self) -> str:
        """Short text for progress displays."""
        ...

    @property
    def timeout_s(self) -> float:
        """How long the probe may take at most."""
        ...

    def run(self, ctx: ProbeContext) -> R_co:
        """Measure and return the result; never raise for network outcomes."""
        ...

    def failed(self, reason: str) -> R_co:
        """The result to record when the probe could not finish (timeout, crash, interruption)."""
        ...


# --------------------------------------------------------------------------- report sections


@dataclass(frozen=True)
class Cell:
    """One table cell; ``tone`` colours it where the format can (ok, warn, bad, error, info)."""

    text: str
    tone: str = ""


@dataclass(frozen=True)
class Table:
    """A table. ``brief`` is how many leading columns a terminal shows (None: all)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    ident: str = ""
    brief: int | None = None
    title: str = ""


@dataclass(frozen=True)
class FactList:
    """Label/value rows (a two-column table without headings)."""

    rows: tuple[tuple[str, str], ...]
    ident: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A sentence or two; ``muted`` for small print, ``code`` for a command line."""

    text: str
    muted: bool = False
    code: bool = False


@dataclass(frozen=True)
class Items:
    """A bullet list; ``heading`` introduces it (a sub-heading in documents)."""

    items: tuple[str, ...]
    heading: str = ""


@dataclass(frozen=True)
class Chart:
    """A picture for the HTML report (inline SVG markup, already escaped); other formats skip it."""

    title: str
    svg: str


@dataclass(frozen=True)
class Line:
    """One line of the terminal view; ``tone`` as for cells, ``dim`` for evidence under a line."""

    text: str
    tone: str = ""
    bold_prefix: str = ""
    dim: bool = False


Block = Table | FactList | Paragraph | Items | Chart


@dataclass(frozen=True)
class Section:
    """What one measurement shows in a report: ``blocks`` for documents (Markdown, HTML), ``terminal`` for
    the terminal view (shorter: a line or a narrow table)."""

    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    terminal: tuple[Line | Table, ...] = ()


@dataclass(frozen=True)
class OverviewColumn:
    """A column a measurement adds to the one-row-per-address overview table."""

    header: str
    cells: Mapping[str, Cell]
    """Address -> cell."""


# --------------------------------------------------------------------------- the measurement protocol


class Measurement(Protocol):
    """One measurement: what it plans, what it found, what it means, how it shows."""

    @property
    def key(self) -> str:
        """Its key in ``Report.sections`` (and ``report.<key>``), e.g. ``paths``."""
        ...

    @property
    def json_key(self) -> str:
        """Its key in the JSON report, e.g. ``path``."""
        ...

    @property
    def stage(self) -> str:
        """The progress title while its probes run, e.g. ``Path``."""
        ...

    @property
    def section_type(self) -> Any:
        """The type of its section, for the codec (``tuple[PathResult, ...]``, ``DnsResult | None``)."""
        ...

    @property
    def empty(self) -> Any:
        """Its section when it did not run (``()`` or None)."""
        ...

    @property
    def max_parallel(self) -> int:
        """How many of its probes may run at once (1 for probes that would share a bottleneck)."""
        ...

    def wanted(self, config: CheckConfig) -> bool:
        """Whether this run includes it."""
        ...

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """Its probes for this run, given what earlier measurements found."""
        ...

    def collect(self, results: Sequence[Any]) -> Any:
        """Its section from its probes' results (in planning order; None for a probe that never finished)."""
        ...

    def derive(self, config: CheckConfig, sections: Mapping[str, Any]) -> Any:
        """Its section when it plans no probes (computed from the settings and earlier sections)."""
        ...

    @property
    def json_wrap(self) -> str:
        """When set, its JSON value is an object holding the section under this key (``{"installations":
        [...]}``); else the section itself."""
        ...

    def learn(self, facts: Facts, section: Any) -> Facts:
        """``facts`` plus what later measurements may use from its section."""
        ...

    def progress(self, result: object) -> str | None:
        """One readable line about a finished probe's result, or None when the result is not its own."""
        ...

    def findings(self, report: Report) -> Sequence[Finding]:
        """What its section means for a transfer."""
        ...

    def grades(self, report: Report) -> Mapping[str, Grade]:
        """Per address, how well its section shows a transfer can use it (proven, probable, unknown, blocked);
        addresses it has no opinion on are left out."""
        ...

    @property
    def stops_address(self) -> bool:
        """When it grades an address BLOCKED, later measurements' findings about that address are left out
        (a missing local route makes every port probe to it fail for the same reason)."""
        ...

    def decide(self, report: Report) -> Assessment | None:
        """The verdict by itself, when its section alone settles it (no address resolved); else None."""
        ...

    def amend(self, report: Report, assessment: Assessment) -> Assessment:
        """The verdict after its say (a failed test transfer overrides paths that look fine)."""
        ...

    def overview(self, report: Report) -> Sequence[OverviewColumn]:
        """Columns it adds to the per-address overview table (often none)."""
        ...

    def section(self, report: Report) -> Section | None:
        """Its part of the report (None when there is nothing to show)."""
        ...

    def internal_addresses(self, section: Any) -> Sequence[str]:
        """Addresses of the client's side in its section (``--redact`` replaces them)."""
        ...


class MeasurementBase:
    """Defaults for the optional parts of :class:`Measurement` (a measurement overrides what it needs)."""

    max_parallel = 16
    stops_address = False
    empty: Any = ()
    json_wrap = ""

    def derive(self, config: CheckConfig, sections: Mapping[str, Any]) -> Any:
        """The section of a measurement that needs no probe of its own (computed from the run's settings
        and the sections before it); ``empty`` for one that probes."""
        return self.empty

    def learn(self, facts: Facts, section: Any) -> Facts:
        """Nothing for later measurements."""
        return facts

    def progress(self, result: object) -> str | None:
        """No line of its own."""
        return None

    def findings(self, report: Report) -> Sequence[Finding]:
        """No findings."""
        return ()

    def grades(self, report: Report) -> Mapping[str, Grade]:
        """No opinion on any address."""
        return {}

    def decide(self, report: Report) -> Assessment | None:
        """Never decides alone."""
        return None

    def amend(self, report: Report, assessment: Assessment) -> Assessment:
        """Leaves the verdict as it is."""
        return assessment

    def overview(self, report: Report) -> Sequence[OverviewColumn]:
        """No overview columns."""
        return ()

    def section(self, report: Report) -> Section | None:
        """No section."""
        return None

    def internal_addresses(self, section: Any) -> Sequence[str]:
        """No client-side addresses."""
        return ()
