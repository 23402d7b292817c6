"""Draw benchmark runs for the docs: one panel per data file, one row per system.

Usage (from the repository root)::

    python -m benchmarks.chart RESULTS.json [MORE.json ...] [--out docs/img/benchmark.png]
        [--all-systems]

``python -m benchmarks.run ... --chart PNG`` draws the same chart at the end of a run. Each
row is a system: a dot at its F1 (the value printed on the right) on a line from its
precision (P) to its recall (R), all panels on one shared scale. The chart is laid out for
the docs page's width (560 px) and saved at twice that for sharp lines.

Only the systems worth showing (``SHOWN``) are drawn by default; experimental rows of the
harness (``articlekit_text_flat``, ``articlekit_text_oneline``, ``articlekit_scorer``...)
come in with ``--all-systems``, under their benchmark names.

Every position is computed by ``layout`` (no matplotlib: it is tested without it); ``draw``
only puts the pieces where the layout says. Needs matplotlib (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

#: The systems drawn by default, in row order, with the row's label in plain words.
SHOWN: dict[str, str] = {
    "articlekit_html": "clean_html (ours)",
    "articlekit_text": "clean_text (ours)",
    "trafilatura": "trafilatura",
    "trafilatura_precision": "trafilatura favor_precision",
    "readability": "readability-lxml",
    "newspaper4k": "newspaper4k",
    "goose3": "goose3",
    "justext": "jusText",
    "resiliparse": "resiliparse",
    "boilerpy3": "boilerpy3",
    "page_text": "page text, not cleaned",
}

#: What a row is, for the caption under the chart; a shown system missing here is a peer run
#: with its defaults, an unknown one an experiment of the harness.
DESCRIPTIONS: dict[str, str] = {
    "articlekit_html": "clean_html (ours): articlekit on the HTML page.",
    "articlekit_text": "clean_text (ours): articlekit on the page's text alone, as a scraper "
    "keeps it (menus, footers and comments flattened into lines); no peer reads that.",
    "trafilatura": "trafilatura: its default settings, comments left out.",
    "trafilatura_precision": "trafilatura favor_precision: its precision mode.",
    "readability": "readability-lxml: the Python port of Readability.",
    "justext": "jusText: the English stop list.",
    "page_text": "page text, not cleaned: the page's text as it is.",
}

#: The first metric of these that a file has scores for is drawn: main text, then
#: trafilatura's snippets, then a plain-text record's body. (summary key, title, unit)
METRICS = (
    ("text", "main text", "pages"),
    ("snippets", "snippets", "pages"),
    ("body", "body", "records"),
)

# --- geometry, in inches and points (1 in = 72 pt) ----------------------------------------------

WIDTH = 5.6  # the docs' content width at 100 px per inch; saved at DPI for sharp lines
DPI = 200
MARGIN = 0.08
ROW = 0.24  # one system
LABEL_PT = 9.0  # row labels, panel titles
VALUE_PT = 8.5  # the F1 column
LETTER_PT = 7.5  # P and R
TICK_PT = 7.5
TITLE_PT = 10.0
NOTE_PT = 7.5  # legend and caption
LINE = 1.25  # a text line's height in ems, with its leading
GAP = 0.06  # between a label and what it labels
LETTER_LIFT = 0.055  # P and R sit this far above their row's line, clear of the dot
PANEL_GAP = 0.14
TICKS = 0.24  # the tick labels under a panel
FLOOR = 0.5  # a collapsed peer (jusText's stop list on German pages) is clipped, not drawn at 0

INK, OURS_INK, BASE_INK, NOTE_INK = "#222222", "#1f5fbf", "#8c8c8c", "#555555"


@dataclass(frozen=True)
class Row:
    """One system's scores on one file."""

    system: str
    label: str
    ours: bool
    p: float
    r: float
    f: float


@dataclass(frozen=True)
class Panel:
    """One data file: its name, the metric drawn and the pages it covers, one row per system."""

    name: str
    metric: str
    n: int
    unit: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Text:
    """A piece of text, its box's bottom at ``y``; inches from the figure's lower left."""

    x: float
    y: float
    text: str
    size: float
    ha: str = "left"  # left, center or right of x
    bold: bool = False
    color: str = INK

    def box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) the text takes at most (the estimate of ``text_width``)."""
        width = text_width(self.text, self.size, self.bold)
        x0 = self.x - {"left": 0.0, "center": width / 2, "right": width}[self.ha]
        return x0, self.y, x0 + width, self.y + self.size * LINE / 72


@dataclass(frozen=True)
class Mark:
    """One row's drawing in its panel's data: the dot at ``f`` on a line from ``lo`` to ``hi``.

    Values under the axis are drawn at its left end (``clipped``); the text gives the value.
    """

    y: float  # the row's index in its panel, 0 at the top
    f: float
    lo: float
    hi: float
    clipped: bool
    color: str


@dataclass(frozen=True)
class PanelLayout:
    """A panel's axes (left, bottom, width, height in inches) and its rows' marks."""

    panel: Panel
    rect: tuple[float, float, float, float]
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Layout:
    """Everything ``draw`` puts on the figure."""

    width: float
    height: float
    x_range: tuple[float, float]
    ticks: tuple[float, ...]
    panels: tuple[PanelLayout, ...]
    texts: tuple[Text, ...]


# --- what is drawn -----------------------------------------------------------------------------


def metric(result: Mapping[str, Any]) -> tuple[str, str, str]:
    """The metric drawn for one file: (summary key, title, unit); ("", "", "") if none."""
    for key, title, unit in METRICS:
        if any(_scored(s, key) for s in result["systems"].values()):
            return key, title, unit
    return "", "", ""


def _scored(summary: Mapping[str, Any], key: str) -> bool:
    score = summary.get(key)
    return isinstance(score, dict) and bool(score.get("n")) and score.get("p") is not None


def shown(system: str, all_systems: bool) -> bool:
    """Whether a system gets a row: the fixed list, or every one with ``all_systems``."""
    return all_systems or system in SHOWN


def panel(result: Mapping[str, Any], all_systems: bool = False) -> Panel:
    """One file's panel: its rows in ``SHOWN``'s order, then the others in the run's order."""
    key, title, unit = metric(result)
    name = Path(result["file"]).name
    for suffix in (".gz", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    systems = result["systems"]
    order = [s for s in SHOWN if s in systems] + [s for s in systems if s not in SHOWN]
    rows = []
    for system in order:
        if not key or not shown(system, all_systems) or not _scored(systems[system], key):
            continue
        score = systems[system][key]
        f = score.get("f")
        if f is None:  # older results: F1 of the two averages, as metrics.harmonic gives it
            f = 2 * score["p"] * score["r"] / (score["p"] + score["r"] or 1.0)
        label = SHOWN[system] if system in SHOWN else str(system)
        rows.append(Row(system, label, system.startswith("articlekit"), score["p"], score["r"], f))
    n = max((systems[r.system][key]["n"] for r in rows), default=0)
    return Panel(name, title, n, unit, tuple(rows))


def panels(runs: Sequence[Mapping[str, Any]], all_systems: bool = False) -> list[Panel]:
    """Every file of every run, in order, that has a row to draw."""
    found = [panel(result, all_systems) for run in runs for result in run["files"]]
    return [p for p in found if p.rows]


def caption(rows: Sequence[Row]) -> str:
    """The series under the chart in plain words, in row order, each named once."""
    systems = list(dict.fromkeys(r.system for r in rows))
    parts = [DESCRIPTIONS[s] for s in systems if s in DESCRIPTIONS]
    plain = [SHOWN[s] for s in systems if s in SHOWN and s not in DESCRIPTIONS]
    if plain:
        parts.append(f"{_join(plain)}: {'their' if len(plain) > 1 else 'its'} default settings.")
    odd = [s for s in systems if s not in SHOWN]
    if odd:
        what = "experimental rows" if len(odd) > 1 else "an experimental row"
        parts.append(f"{_join(odd)}: {what} of the benchmark (benchmarks/README.md, Systems).")
    return " ".join(parts)


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def run_dates(runs: Sequence[Mapping[str, Any]]) -> str:
    """The day or days the runs started: "2026-12-05", or "2026-12-04 to 2026-12-05"."""
    days = sorted({str(run.get("started", ""))[:10] for run in runs} - {""})
    if not days:
        return ""
    return days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"


# --- layout (pure: no matplotlib) --------------------------------------------------------------


NARROW = frozenset(" .,:;'!|()[]-_/")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper estimate of a text's width in inches, in matplotlib's default DejaVu Sans.

    Measured widths in ems: lower case 0.50 to 0.60, digits 0.64, capitals up to 0.78,
    spaces and light punctuation 0.32 to 0.50, signs such as ``<`` 0.84; bold about 10 %
    wider. The estimate takes the top of each class, so that texts placed apart by it are
    apart on the figure too (the drawing tests check it against the rendered text).
    """
    ems = sum(
        0.62 if c.islower() else 0.66 if c.isdigit() else 0.5 if c in NARROW else 0.84 for c in text
    )
    return ems * size / 72 * (1.12 if bold else 1.0)


def axis_range(values: Sequence[float]) -> tuple[float, float]:
    """The shared x range: the values' span widened to 0.05 steps, never below ``FLOOR``."""
    lo = max(FLOOR, min(0.95, math.floor((min(values) - 0.004) * 20 + 1e-9) / 20))
    hi = math.ceil((max(values) + 0.004) * 20 - 1e-9) / 20
    return lo, min(1.0, max(hi, lo + 0.05))


def ticks(lo: float, hi: float) -> tuple[float, ...]:
    """Gridlines every 0.05 on a short range, every 0.1 on a long one."""
    step = 0.05 if hi - lo <= 0.3 + 1e-9 else 0.1
    first = math.ceil(lo / step - 1e-9)
    return tuple(round(k * step, 2) for k in range(first, math.floor(hi / step + 1e-9) + 1))


def spread(
    xs: Sequence[float], widths: Sequence[float], lo: float, hi: float, pad: float = 0.02
) -> list[float]:
    """Centres for labels of ``widths`` wanted at ``xs``, in order and never overlapping.

    Labels that would overlap are pushed apart as a group, centred on their places (the
    pool-adjacent-violators pass: the least squared shift that keeps order and spacing),
    then into [lo, hi] where there is room. Equal places keep the input order. When the
    labels are wider than the room they spill over ``hi`` rather than overlap.
    """
    order = sorted(range(len(xs)), key=lambda i: (xs[i], i))
    need = [(widths[a] + widths[b]) / 2 + pad for a, b in pairwise(order)]
    offset = [0.0]  # each label's distance from the first one's when packed tight
    for step in need:
        offset.append(offset[-1] + step)
    # A group of consecutive labels is packed tight; its base is where the first label's
    # place would put offset 0. Groups never overlap while their bases do not decrease.
    groups: list[tuple[int, float, int]] = []  # (first, base, size)
    for m, i in enumerate(order):
        first, base, size = m, xs[i] - offset[m], 1
        while groups and groups[-1][1] > base:
            first, prior, count = groups.pop()
            base = (prior * count + base * size) / (count + size)
            size += count
        groups.append((first, base, size))
    placed = [base + offset[m] for first, base, size in groups for m in range(first, first + size)]
    half = [widths[i] / 2 for i in order]
    last = len(placed) - 1
    for m in range(len(placed)):  # off the left edge
        placed[m] = max(placed[m], lo + half[m] if m == 0 else placed[m - 1] + need[m - 1])
    for m in reversed(range(len(placed))):  # off the right edge
        placed[m] = min(placed[m], hi - half[m] if m == last else placed[m + 1] - need[m])
    for m in range(1, len(placed)):  # overlap is worse than spilling over the right edge
        placed[m] = max(placed[m], placed[m - 1] + need[m - 1])
    centres = [0.0] * len(xs)
    for m, i in enumerate(order):
        centres[i] = placed[m]
    return centres


def line(size: float) -> float:
    """The height in inches of a line of text of ``size`` points."""
    return size * LINE / 72


#: Room above a panel's first row for its P and R, which stand above the row's line.
HEADROOM = max(0.0, LETTER_LIFT + line(LETTER_PT) - ROW / 2) + 0.03
LEGEND = "\u25cf F1, its value on the right    P precision    R recall    blue: ours"


@dataclass(frozen=True)
class Frame:
    """The horizontal geometry all panels share: the axes' ends in inches, their x range."""

    left: float
    right: float
    lo: float
    hi: float

    def x(self, value: float) -> float:
        """Inches from the figure's left of a score, clipped to the axis."""
        share = (min(max(value, self.lo), self.hi) - self.lo) / (self.hi - self.lo)
        return self.left + share * (self.right - self.left)


def row_layout(row: Row, index: int, centre: float, frame: Frame) -> tuple[Mark, list[Text]]:
    """A row's mark and texts: its label, its F1 value, P and R above its line."""
    color = OURS_INK if row.ours else BASE_INK if row.system == "page_text" else INK
    lo = frame.lo
    mark = Mark(
        index, max(row.f, lo), max(min(row.p, row.r), lo), max(row.p, row.r, lo), row.f < lo, color
    )
    letters = [("<" if v < lo else "") + c for c, v in (("P", row.p), ("R", row.r))]
    widths = [text_width(s, LETTER_PT) for s in letters]
    at = spread([frame.x(row.p), frame.x(row.r)], widths, frame.left, frame.right)
    texts = [
        Text(
            frame.left - GAP,
            centre - line(LABEL_PT) / 2,
            row.label,
            LABEL_PT,
            "right",
            row.ours,
            color,
        ),
        Text(frame.right + GAP, centre - line(VALUE_PT) / 2, f"{row.f:.3f}", VALUE_PT, color=color),
        *(
            Text(x, centre + LETTER_LIFT, s, LETTER_PT, "center", color=color)
            for s, x in zip(letters, at, strict=True)
        ),
    ]
    return mark, texts


def panel_height(found: Panel) -> float:
    """A panel's height with its title above and its tick labels below."""
    return line(LABEL_PT) + HEADROOM + len(found.rows) * ROW + TICKS


def panel_layout(found: Panel, top: float, frame: Frame) -> tuple[PanelLayout, list[Text]]:
    """A panel whose title's top is at ``top`` inches: its axes, marks and texts."""
    head = top - line(LABEL_PT)
    texts = [
        Text(
            MARGIN,
            head,
            f"{found.name}: {found.metric}, {found.n} {found.unit}",
            LABEL_PT,
            bold=True,
        ),
        Text(frame.right + GAP, head, "F1", VALUE_PT, bold=True),
    ]
    height = len(found.rows) * ROW
    bottom = head - HEADROOM - height
    marks = []
    for i, row in enumerate(found.rows):
        mark, row_texts = row_layout(row, i, bottom + height - (i + 0.5) * ROW, frame)
        marks.append(mark)
        texts += row_texts
    rect = (frame.left, bottom, frame.right - frame.left, height)
    return PanelLayout(found, rect, tuple(marks)), texts


def layout(found: Sequence[Panel], title: str = "", width: float = WIDTH) -> Layout:
    """Place every panel, row, mark and text of the chart of ``found``; sizes in inches."""
    rows = [r for p in found for r in p.rows]
    lo, hi = axis_range([v for r in rows for v in (r.p, r.r, r.f)])
    left = MARGIN + max(text_width(r.label, LABEL_PT, r.ours) for r in rows) + GAP
    right = width - MARGIN - GAP - text_width("0.000", VALUE_PT)
    frame = Frame(left, right, lo, hi)
    per_line = int((width - 2 * MARGIN) / text_width("n", NOTE_PT))
    notes = textwrap.wrap(caption(rows), width=per_line)
    header = MARGIN + line(TITLE_PT) + line(NOTE_PT) + PANEL_GAP
    body = sum(panel_height(p) + PANEL_GAP for p in found)
    height = header + body + len(notes) * line(NOTE_PT) + MARGIN
    top = height - MARGIN
    texts = [
        Text(MARGIN, top - line(TITLE_PT), title, TITLE_PT, bold=True),
        Text(MARGIN, top - line(TITLE_PT) - line(NOTE_PT), LEGEND, NOTE_PT, color=NOTE_INK),
    ]
    laid = []
    top = height - header
    for p in found:
        panel_laid, panel_texts = panel_layout(p, top, frame)
        laid.append(panel_laid)
        texts += panel_texts
        top -= panel_height(p) + PANEL_GAP
    texts += [
        Text(MARGIN, MARGIN + (len(notes) - 1 - k) * line(NOTE_PT), note, NOTE_PT, color=NOTE_INK)
        for k, note in enumerate(notes)
    ]
    return Layout(width, height, (lo, hi), ticks(lo, hi), tuple(laid), tuple(texts))


def overlaps(texts: Sequence[Text]) -> list[tuple[Text, Text]]:
    """Pairs of texts whose boxes intersect (a layout must have none).

    Boxes that only touch (one line's top the next line's bottom) do not overlap.
    """
    boxes = [(t, t.box()) for t in texts if t.text]
    eps = 1e-9
    return [
        (a, b)
        for k, (a, (ax0, ay0, ax1, ay1)) in enumerate(boxes)
        for b, (bx0, by0, bx1, by1) in boxes[k + 1 :]
        if ax0 < bx1 - eps and bx0 < ax1 - eps and ay0 < by1 - eps and by0 < ay1 - eps
    ]


# --- drawing -----------------------------------------------------------------------------------


def plan(run: Mapping[str, Any] | Sequence[Mapping[str, Any]], all_systems: bool = False) -> Layout:
    """The layout of the chart of one run (the JSON ``benchmarks.run`` writes) or several."""
    runs = [run] if isinstance(run, Mapping) else list(run)
    found = panels(runs, all_systems)
    if not found:
        msg = "no file of these runs has text, snippet or body scores to draw"
        raise SystemExit(msg)
    dates = run_dates(runs)
    return layout(found, "articlekit and peers" + (f", {dates}" if dates else ""))


def figure(chart: Layout) -> Any:
    """A matplotlib figure of ``chart``, every piece where the layout put it."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(chart.width, chart.height), dpi=DPI)
    for laid in chart.panels:
        x, y, w, h = laid.rect
        ax = fig.add_axes((x / chart.width, y / chart.height, w / chart.width, h / chart.height))
        ax.set_xlim(*chart.x_range)
        ax.set_ylim(len(laid.marks) - 0.5, -0.5)  # row i's centre where the layout put it
        ax.set_xticks(chart.ticks, [f"{t:.2f}" for t in chart.ticks], fontsize=TICK_PT)
        ax.set_yticks([])
        ax.tick_params(axis="x", length=2, pad=2, colors=NOTE_INK)
        ax.grid(axis="x", color="0.88", lw=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color("0.7")
        for m in laid.marks:
            ax.plot(
                [m.lo, m.hi], [m.y, m.y], color=m.color, lw=1.4, alpha=0.45, solid_capstyle="butt"
            )
            ax.plot(
                [m.f], [m.y], marker="<" if m.clipped else "o", ms=6, color=m.color, clip_on=False
            )
    for t in chart.texts:
        fig.text(
            t.x,
            t.y,
            t.text,
            fontsize=t.size,
            ha=t.ha,
            va="bottom",
            color=t.color,
            fontweight="bold" if t.bold else "normal",
            transform=fig.dpi_scale_trans,
        )
    return fig


def draw(
    run: Mapping[str, Any] | Sequence[Mapping[str, Any]], out: Path, all_systems: bool = False
) -> Path:
    """Draw one run (the JSON ``benchmarks.run`` writes) or several into the PNG ``out``."""
    fig = figure(plan(run, all_systems))
    import matplotlib.pyplot as plt  # after figure() chose the backend

    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=DPI, facecolor="white")
    plt.close(fig)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.chart", description=__doc__)
    parser.add_argument(
        "results", nargs="+", type=Path, help="JSON file(s) written by benchmarks.run"
    )
    parser.add_argument("--out", type=Path, default=Path("docs/img/benchmark.png"))
    parser.add_argument(
        "--all-systems",
        action="store_true",
        help="also draw the experimental rows (names not in chart.SHOWN)",
    )
    args = parser.parse_args(argv)
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in args.results]
    print(f"chart: {draw(runs, args.out, args.all_systems)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
