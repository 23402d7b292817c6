"""Draw a benchmark run: main-text (or snippet) precision against recall, one panel per file.

Usage (from the repository root)::

    python -m benchmarks.chart RESULTS.json [--out docs/img/benchmark.png]

``python -m benchmarks.run ... --chart PNG`` draws the same chart at the end of a run. Each
system is a point (precision, recall) with dotted F1 contours, so a system up and to the right
is better and the distance along a contour shows the precision/recall trade. Needs matplotlib
(``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Systems drawn bold (ours); the others are peers.
OURS = ("articlekit_html", "articlekit_text")


def _points(result: dict[str, Any]) -> tuple[str, list[tuple[str, float, float]]]:
    """The metric drawn for one file (main text, else snippets, else a plain-text record's body)
    and each system's (P, R)."""
    systems = result["systems"]
    for key, label in (("text", "main text"), ("snippets", "snippets"), ("body", "body")):
        points = [
            (name, s[key]["p"], s[key]["r"])
            for name, s in systems.items()
            if isinstance(s.get(key), dict) and s[key].get("n")
        ]
        if points:
            return label, points
    return "", []


def draw(run: dict[str, Any], out: Path) -> Path:
    """Draw ``run`` (the JSON ``benchmarks.run`` writes) into the PNG ``out``."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    panels = [(Path(r["file"]).name, *_points(r)) for r in run["files"]]
    panels = [p for p in panels if p[2]]
    if not panels:
        msg = "no file of this run has text or snippet scores to draw"
        raise SystemExit(msg)
    fig, axes = plt.subplots(1, len(panels), figsize=(5.2 * len(panels), 5), squeeze=False)
    for ax, (name, label, points) in zip(axes[0], panels, strict=True):
        # A collapsed peer (jusText's English stoplist on German pages) would squash the rest:
        # the axes start at 0.5 at most and such a point sits on the edge, marked off-scale.
        low = min(min(p, r) for _, p, r in points)
        lo = max(0.5, min(0.8, low - 0.03))
        grid = [lo + i * (1 - lo) / 200 for i in range(201)]
        for f in (0.8, 0.85, 0.9, 0.95):
            xs = [p for p in grid if 2 * p - f > 0 and f * p / (2 * p - f) <= 1]
            ax.plot(xs, [f * p / (2 * p - f) for p in xs], ":", color="0.75", lw=0.8)
            ax.annotate(f"F1 {f}", (1.0, f / (2 - f)), fontsize=7, color="0.5", ha="right")
        for system, p0, r0 in sorted(points, key=lambda x: x[0]):
            ours = system in OURS
            p, r = max(p0, lo), max(r0, lo)
            off = (p, r) != (p0, r0)
            marker = "x" if off else ("o" if ours else "s")
            ax.scatter(p, r, s=60 if ours else 30, zorder=3, marker=marker)
            ax.annotate(
                f"{system} (P {p0:.2f}, R {r0:.2f})" if off else system,
                (p, r),
                xytext=(4, 3),
                textcoords="offset points",
                fontsize=8,
                fontweight="bold" if ours else "normal",
            )
        ax.set(xlim=(lo, 1.0), ylim=(lo, 1.0), xlabel=f"{label} precision")
        ax.set(ylabel=f"{label} recall", title=name)
        ax.grid(alpha=0.3)
    fig.suptitle(f"articlekit and peers, {run.get('started', '')[:10]}", fontsize=11)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.chart", description=__doc__)
    parser.add_argument("results", type=Path, help="a JSON file written by benchmarks.run")
    parser.add_argument("--out", type=Path, default=Path("docs/img/benchmark.png"))
    args = parser.parse_args(argv)
    run = json.loads(args.results.read_text(encoding="utf-8"))
    print(f"chart: {draw(run, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
