"""benchmarks.chart: what is drawn and where, computed without matplotlib; then the drawing.

The layout (rows, marks, every text's place) is pure and tested on made-up runs whatever is
installed; the tests that draw need matplotlib (the ``bench`` extra, not ``test``) and are
skipped without it. They check the layout's text estimates against the rendered text, so
that "no overlap in the layout" means no overlap in the PNG.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from benchmarks import chart
from hypothesis import given
from hypothesis import strategies as st

EMPTY = {"p": None, "r": None, "f": None, "n": 0}


def _summary(p: float, r: float, key: str = "text", n: int = 10) -> dict[str, Any]:
    """A system's summary in benchmarks.run's shape with one scored metric."""
    summary: dict[str, Any] = {k: dict(EMPTY) for k in ("text", "snippets", "body")}
    summary[key] = {"p": p, "r": r, "f": 2 * p * r / (p + r), "n": n}
    return summary


def _result(file: str, scores: dict[str, tuple[float, float]], key: str = "text") -> dict[str, Any]:
    return {
        "file": f"/data/{file}.jsonl.gz",
        "pages": 10,
        "systems": {name: _summary(p, r, key) for name, (p, r) in scores.items()},
    }


def _run(started: str, *results: dict[str, Any]) -> dict[str, Any]:
    return {"started": started, "files": list(results)}


# Every shown system within 0.003 of the others: the hardest case for P and R labels.
CLOSE = {
    "articlekit_html": (0.901, 0.902),
    "articlekit_text": (0.902, 0.901),
    "trafilatura": (0.9015, 0.9015),
    "trafilatura_precision": (0.903, 0.900),
    "readability": (0.900, 0.903),
    "newspaper4k": (0.9012, 0.9011),
    "goose3": (0.9011, 0.9012),
    "justext": (0.901, 0.901),
    "resiliparse": (0.902, 0.902),
    "boilerpy3": (0.903, 0.903),
    "page_text": (0.900, 0.900),
}


def _inside(text: chart.Text, width: float, height: float) -> bool:
    x0, y0, x1, y1 = text.box()
    return x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height


# --- spread: labels on a line ------------------------------------------------------------------


@given(
    st.lists(
        st.tuples(st.floats(0, 5), st.floats(0.01, 0.5)),
        min_size=1,
        max_size=8,
    )
)
def test_spread_keeps_the_order_and_never_overlaps(labels: list[tuple[float, float]]) -> None:
    xs = [x for x, _ in labels]
    widths = [w for _, w in labels]
    pad = 0.02
    centres = chart.spread(xs, widths, 0.0, 5.0, pad)
    order = sorted(range(len(xs)), key=lambda i: (xs[i], i))
    for a, b in pairwise(order):
        assert centres[b] - centres[a] >= (widths[a] + widths[b]) / 2 + pad - 1e-9
    if sum(widths) + pad * (len(widths) - 1) <= 5.0:
        for x, w in zip(centres, widths, strict=True):
            assert w / 2 - 1e-9 <= x <= 5.0 - w / 2 + 1e-9


def test_spread_leaves_labels_with_room_where_they_are() -> None:
    assert chart.spread([1.0, 3.0, 2.0], [0.1, 0.1, 0.1], 0.0, 5.0) == [1.0, 3.0, 2.0]


def test_spread_centres_a_crowded_pair_on_their_place() -> None:
    left, right = chart.spread([1.0, 1.0], [0.1, 0.1], 0.0, 5.0, pad=0.02)
    assert left == pytest.approx(0.94)
    assert right == pytest.approx(1.06)


def test_spread_moves_labels_off_the_edges() -> None:
    assert chart.spread([0.0, 5.0], [0.2, 0.4], 0.0, 5.0) == [0.1, 4.8]


# --- what is drawn -----------------------------------------------------------------------------


def test_unknown_series_are_left_out_unless_asked_for() -> None:
    scores = {
        "articlekit_text_oneline": (0.8, 0.9),
        "trafilatura": (0.9, 0.9),
        "articlekit_html": (0.95, 0.94),
        "mystery": (0.7, 0.7),
    }
    run = _run("2026-12-05T10:00:00+00:00", _result("l3s-gn1", scores))
    (shown,) = chart.panels([run])
    assert [r.system for r in shown.rows] == ["articlekit_html", "trafilatura"]
    (everything,) = chart.panels([run], all_systems=True)
    assert [r.label for r in everything.rows] == [
        "clean_html (ours)",
        "trafilatura",
        "articlekit_text_oneline",
        "mystery",
    ]
    assert [r.ours for r in everything.rows] == [True, False, True, False]
    text = chart.caption(everything.rows)
    assert "articlekit_text_oneline and mystery: experimental rows of the benchmark" in text
    assert "experimental" not in chart.caption(shown.rows)


def test_every_row_is_named_in_the_caption() -> None:
    (found,) = chart.panels([_run("2026-12-05", _result("wcxb-dev", CLOSE))])
    assert [r.system for r in found.rows] == list(chart.SHOWN)
    text = chart.caption(found.rows)
    for row in found.rows:
        assert row.label in text
    assert "clean_html (ours): articlekit on the HTML page." in text
    assert "newspaper4k, goose3, resiliparse and boilerpy3: their default settings." in text


def test_the_metric_is_main_text_then_snippets_then_body() -> None:
    both = _result("wcxb-dev", {"trafilatura": (0.9, 0.8)})
    both["systems"]["trafilatura"]["snippets"] = {"p": 0.5, "r": 0.5, "f": 0.5, "n": 3}
    snippets = _result("trafilatura-eval", {"trafilatura": (0.6, 0.7)}, key="snippets")
    body = _result("messy-dev", {"articlekit_text": (0.97, 0.96)}, key="body")
    found = chart.panels([_run("2026-12-05", both, snippets, body)])
    assert [(p.name, p.metric, p.unit) for p in found] == [
        ("wcxb-dev", "main text", "pages"),
        ("trafilatura-eval", "snippets", "pages"),
        ("messy-dev", "body", "records"),
    ]
    assert [(r.p, r.r) for p in found for r in p.rows] == [(0.9, 0.8), (0.6, 0.7), (0.97, 0.96)]


def test_several_files_make_one_chart() -> None:
    first = _run("2026-12-04T23:16:11+00:00", _result("l3s-gn1", CLOSE))
    second = _run(
        "2026-12-05T00:10:00+00:00",
        _result("dragnet", {"articlekit_html": (0.92, 0.88), "readability": (0.92, 0.89)}),
        _result("trafilatura-eval", {"articlekit_html": (0.93, 0.96)}, key="snippets"),
    )
    assert chart.run_dates([first, second]) == "2026-12-04 to 2026-12-05"
    assert chart.run_dates([second]) == "2026-12-05"
    found = chart.panels([first, second])
    assert [p.name for p in found] == ["l3s-gn1", "dragnet", "trafilatura-eval"]
    laid = chart.layout(found, "t")
    rects = [p.rect for p in laid.panels]
    # stacked top to bottom, one shared x axis
    for (x0, y0, w0, _), (x1, y1, w1, h1) in pairwise(rects):
        assert (x1, w1) == (x0, w0)
        assert y1 + h1 < y0
    assert not chart.overlaps(laid.texts)


def test_a_file_without_a_shown_system_has_no_panel() -> None:
    odd = _result("messy-dev", {"articlekit_text_flat": (0.9, 0.9)}, key="body")
    found = chart.panels([_run("2026-12-05", _result("l3s-gn1", CLOSE), odd)])
    assert [p.name for p in found] == ["l3s-gn1"]
    with pytest.raises(SystemExit):
        chart.plan(_run("2026-12-05", odd))


# --- where it is drawn -------------------------------------------------------------------------


def test_close_points_give_texts_that_never_overlap() -> None:
    laid = chart.layout(chart.panels([_run("2026-12-05", _result("l3s-gn1", CLOSE))]), "title")
    assert not chart.overlaps(laid.texts)
    assert all(_inside(t, laid.width, laid.height) for t in laid.texts)
    letters = [t for t in laid.texts if t.text in ("P", "R")]
    assert len(letters) == 2 * len(CLOSE)
    # P and R of a row are side by side, in the order of their values
    (panel,) = laid.panels
    for row, (p, r) in zip(
        panel.panel.rows, zip(letters[::2], letters[1::2], strict=True), strict=True
    ):
        assert (p.x < r.x) == (row.p <= row.r)  # equal values keep P first


def test_the_first_rows_letters_stay_under_the_panel_title() -> None:
    # P of the first row at the axis' left end, under a title as long as the axis
    scores = {"articlekit_html": (0.80, 0.95), "trafilatura": (0.95, 0.96)}
    result = _result("a-benchmark-file-with-a-rather-long-name", scores, key="snippets")
    laid = chart.layout(chart.panels([_run("2026-12-05", result)]), "title")
    assert not chart.overlaps(laid.texts)


def test_the_layout_is_for_the_docs_width() -> None:
    laid = chart.layout(chart.panels([_run("2026-12-05", _result("l3s-gn1", CLOSE))]))
    assert laid.width * 100 == 560  # one inch is 100 px at the docs' scale
    assert chart.DPI * laid.width == 1120
    assert min(t.size for t in laid.texts) >= 7.5  # 10 px or more at 560 px


def test_the_overlap_check_sees_overlaps() -> None:
    a = chart.Text(1.0, 1.0, "clean_html", 9)
    assert chart.overlaps([a, chart.Text(1.2, 1.05, "R", 7.5)]) == [
        (a, chart.Text(1.2, 1.05, "R", 7.5))
    ]
    below = chart.Text(1.0, 1.0 - chart.line(9), "clean_text", 9)
    assert chart.overlaps([a, below]) == []  # stacked lines only touch


def test_a_collapsed_peer_is_clipped_at_the_floor() -> None:
    scores = {"articlekit_html": (0.93, 0.96), "justext": (0.83, 0.13)}
    laid = chart.layout(chart.panels([_run("", _result("t", scores, key="snippets"))]))
    assert laid.x_range == (chart.FLOOR, 1.0)
    mark = laid.panels[0].marks[1]
    assert mark.clipped
    assert (mark.f, mark.lo) == (chart.FLOOR, chart.FLOOR)
    assert mark.hi == 0.83
    texts = [t.text for t in laid.texts]
    assert "<R" in texts
    assert "0.225" in texts  # the F1 column still gives the value: 2PR / (P + R)
    assert not chart.overlaps(laid.texts)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0.805, 0.963], (0.8, 1.0)),
        ([0.86, 0.93], (0.85, 0.95)),
        ([0.1, 0.9], (0.5, 0.95)),
        ([0.2, 0.3], (0.5, 0.55)),  # all under the floor: still a range
        ([1.0, 1.0], (0.95, 1.0)),
    ],
)
def test_the_axis_is_the_values_span_in_steps_of_005(
    values: list[float], expected: tuple[float, float]
) -> None:
    assert chart.axis_range(values) == pytest.approx(expected)


def test_ticks() -> None:
    assert chart.ticks(0.8, 1.0) == (0.8, 0.85, 0.9, 0.95, 1.0)
    assert chart.ticks(0.5, 1.0) == (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


# --- the drawing (matplotlib) ------------------------------------------------------------------


def _rendered_boxes(fig: Any) -> list[tuple[str, Any]]:
    renderer = fig.canvas.get_renderer()
    texts = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.texts]
    for ax in fig.axes:
        texts += [(t.get_text(), t.get_window_extent(renderer)) for t in ax.get_xticklabels()]
    return [(s, box) for s, box in texts if s]


@pytest.mark.parametrize("all_systems", [False, True])
def test_the_drawn_texts_never_overlap_and_fit(all_systems: bool) -> None:
    import matplotlib.pyplot as plt  # the test extra installs matplotlib: these tests draw

    scores = {**CLOSE, "articlekit_text_oneline": (0.5, 0.99), "justext": (0.83, 0.13)}
    runs = [
        _run("2026-12-05", _result("l3s-gn1", scores)),
        _run("2026-12-05", _result("trafilatura-eval", CLOSE, key="snippets")),
    ]
    laid = chart.plan(runs, all_systems)
    fig = chart.figure(laid)
    try:
        drawn = _rendered_boxes(fig)
        frame = fig.bbox
        for text, box in drawn:
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1, text
            assert frame.y0 <= box.y0 and box.y1 <= frame.y1, text
        for k, (a, box_a) in enumerate(drawn):
            for b, box_b in drawn[k + 1 :]:
                assert not box_a.overlaps(box_b), (a, b)
        # the layout's estimate of each text is at least as wide as the drawn text
        scale = fig.dpi
        for estimate, (text, box) in zip(laid.texts, drawn, strict=False):
            assert estimate.text == text
            x0, _, x1, _ = estimate.box()
            assert box.width <= (x1 - x0) * scale + 1, text
    finally:
        plt.close(fig)


def test_the_command_draws_several_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import matplotlib  # noqa: F401 - the test extra installs it: these tests draw
    from PIL import Image

    paths = []
    for name, key in (("l3s-gn1", "text"), ("trafilatura-eval", "snippets")):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(_run("2026-12-05", _result(name, CLOSE, key))), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "img" / "chart.png"
    assert chart.main([*paths, "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"chart: {out}\n"
    with Image.open(out) as image:
        size = image.size
    runs = [json.loads(Path(path).read_text(encoding="utf-8")) for path in paths]
    assert size[0] == 1120
    assert abs(size[1] - chart.plan(runs).height * chart.DPI) <= 1
    assert len(chart.plan(runs).panels) == 2
