"""benchmarks.run on plain-text records (messy-dev's shape) and on pages, with records made here.

A plain-text record is ``{"id", "text", "gold": {"body", "junk", "title", "authors", "date",
"date_field"}}``: body lost and junk leaked count whole output lines, the date is the published
or the updated one as ``date_field`` says. A page's table must come out as it did before.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from benchmarks import run
from benchmarks.chart import panel
from benchmarks.metrics import Gold, line_counts
from benchmarks.systems import ALL_FIELDS, HTML, PLAIN, SYSTEMS, Prediction, System, prediction

BODY_1 = [
    "The council met on Tuesday to discuss the new bridge over the river.",
    "Work on the  bridge will start in\tspring, the mayor said.",  # odd white space in gold
    "Share",  # a body line that is also listed as junk
]
JUNK_1 = ["World", "By Jo Bloggs", "Updated: 3 March 2024", "Advertisement", "Share"]
MESSY_1 = {
    "id": "m1",
    "text": "\n\n".join(
        [
            "World",
            "By Jo Bloggs",
            "Updated: 3 March 2024",
            "The council met on Tuesday to discuss the new bridge over the river.",
            "Advertisement",
            "Work on the bridge will start in spring, the mayor said.",
            "Share",
        ]
    ),
    "gold": {
        "body": BODY_1,
        "junk": JUNK_1,
        "title": "Bridge works to start in spring",
        "authors": ["Jo Bloggs"],
        "date": "2024-03-03",
        "date_field": "updated",
    },
}
BODY_2 = [
    "Volunteers planted two hundred trees along the canal path on Saturday.",
    "More planting days are planned for the autumn.",
]
MESSY_2 = {
    "id": "m2",
    "text": "\n".join(["Most read", *BODY_2, "Sign up to our newsletter"]),
    "gold": {
        "body": BODY_2,
        "junk": ["Most read", "Sign up to our newsletter"],
        "title": None,
        "authors": [],
        "date": "2024-05-10",
        "date_field": "published",
    },
}

PAGE = {
    "id": "p1",
    "url": "https://example.org/news/bridge",
    "html": "<html><body><h1>Bridge</h1><p>The council met on Tuesday.</p></body></html>",
    "page_text": "Bridge\nThe council met on Tuesday.\nMost read",
    "gold": {
        "text": "The council met on Tuesday to discuss the new bridge.",
        "with": ["The council met"],
        "without": ["Most read"],
        "title": "Bridge",
        "authors": ["Jo Bloggs"],
        "date": "2024-03-01",
    },
}


def _fake(outputs: dict[str, Prediction], needs: str = PLAIN) -> System:
    """A system that answers each record by its id, with every field."""
    return System(
        name="fake",
        extract=lambda page: outputs[page["id"]],
        fields=ALL_FIELDS,
        needs=needs,
        modules=(),
        dists=(),
    )


def _summaries(
    monkeypatch: pytest.MonkeyPatch, systems: dict[str, System], records: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Each system over the records, as run_file adds them up (without its worker processes)."""
    for name, system in systems.items():
        monkeypatch.setitem(SYSTEMS, name, system)
    summaries = {}
    for name in systems:
        totals = run.Totals()
        for record in records:
            result = run.run_page(name, json.dumps(record))
            totals.add(result["id"], result["outcome"])
        summaries[name] = totals.summary()
    return summaries


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return path


# --- body lost, junk leaked --------------------------------------------------------------------


def test_everything_kept_loses_no_body_and_leaks_every_junk_line_but_the_body_one() -> None:
    gold = Gold.from_dict(MESSY_1["gold"])
    lost, leaked = line_counts(MESSY_1["text"], gold.body, gold.junk)
    assert lost == (0, 3)
    # "Share" is both: it is left out of the junk lines scored, not counted as leaked.
    assert leaked == (4, 4)


def test_white_space_is_normalised_on_both_sides() -> None:
    gold = Gold.from_dict(MESSY_1["gold"])
    output = (
        "  The council met on Tuesday to discuss the new   bridge over the river.\n"
        "Work on the bridge will start in spring, the mayor said. \r\n"
        "Share\n"
        "By\u00a0Jo  Bloggs"
    )
    lost, leaked = line_counts(output, gold.body, gold.junk)
    assert lost == (0, 3)
    assert leaked == (1, 4)  # the byline, its white space aside


def test_a_trimmed_or_merged_body_line_is_lost_and_junk_inside_a_line_has_not_leaked() -> None:
    gold = Gold.from_dict(MESSY_1["gold"])
    output = (
        "The council met on Tuesday to discuss the new bridge over the river\n"  # no full stop
        "Advertisement Work on the bridge will start in spring, the mayor said.\n"
        "Share"
    )
    lost, leaked = line_counts(output, gold.body, gold.junk)
    assert lost == (2, 3)
    assert leaked == (0, 4)


def test_empty_output_loses_every_body_block() -> None:
    gold = Gold.from_dict(MESSY_2["gold"])
    assert line_counts("", gold.body, gold.junk) == ((2, 2), (0, 2))


# --- dates -------------------------------------------------------------------------------------


def _date_scored(record: dict[str, Any], published: str | None, updated: str | None) -> bool:
    system = _fake({record["id"]: prediction("x", day=published, updated=updated)})
    scores = run.score(system, Gold.from_dict(record["gold"]), system.extract(record))
    return bool(scores["date"])


def test_date_field_updated_compares_the_updated_date() -> None:
    assert _date_scored(MESSY_1, published="2024-03-01", updated="2024-03-03T09:30:00+01:00")
    assert not _date_scored(MESSY_1, published="2024-03-03", updated=None)


def test_date_field_published_compares_the_published_date() -> None:
    assert _date_scored(MESSY_2, published="2024-05-10", updated="2024-05-12")
    assert not _date_scored(MESSY_2, published=None, updated="2024-05-10")


def test_a_page_without_date_field_is_scored_on_the_published_date() -> None:
    assert Gold.from_dict(PAGE["gold"]).date_field == "published"
    assert _date_scored(PAGE, published="2024-03-01", updated="2024-03-09")
    assert not _date_scored(PAGE, published=None, updated="2024-03-01")


def test_an_unknown_date_field_is_refused() -> None:
    with pytest.raises(ValueError, match="date_field"):
        Gold.from_dict({"date": "2024-03-01", "date_field": "modified"})


# --- tables ------------------------------------------------------------------------------------


def _cleaner_outputs() -> dict[str, Prediction]:
    """Record 1 cleaned exactly (dates both right), record 2 lost whole."""
    return {
        "m1": prediction(
            "\n".join(BODY_1),
            "Bridge works to start in spring",
            ["jo bloggs"],
            day="2024-03-01",
            updated="2024-03-03",
        ),
        "m2": prediction("", day="2024-05-10", updated="2024-05-12"),
    }


def test_messy_table(monkeypatch: pytest.MonkeyPatch) -> None:
    systems = {"fake": _fake(_cleaner_outputs()), "page_text": SYSTEMS["page_text"]}
    summaries = _summaries(monkeypatch, systems, [MESSY_1, MESSY_2])
    rows = run.table_rows(summaries)
    assert rows[0] == [
        "system",
        "body lost (5 blocks)",
        "junk leaked (6 lines)",
        "body F1 (P / R), n=2",
        "title acc (n=1)",
        "authors acc (n=1)",
        "date acc (n=2)",
        "seconds",
        "errors",
    ]
    # Body lost 2 of 5 blocks (all of record 2), no junk; precision is only defined on record 1.
    assert rows[1] == [
        "fake",
        "40.0 %",
        "0.0 %",
        "0.667 (1.000 / 0.500)",
        "1.000",
        "1.000",
        "1.000",
        "0.0",
        "0",
    ]
    # Doing nothing: nothing lost, every junk line leaked, no metadata ("-").
    assert rows[2][:3] == ["page_text", "0.0 %", "100.0 %"]
    assert rows[2][4:] == ["-", "-", "-", "0.0", "0"]
    markdown = run.render(rows, markdown=True).splitlines()
    assert markdown[0].startswith("| system | body lost (5 blocks) | junk leaked (6 lines) |")
    assert markdown[1] == "|---|---|---|---|---|---|---|---|---|"
    assert markdown[2] == (
        "| fake | 40.0 % | 0.0 % | 0.667 (1.000 / 0.500) | 1.000 | 1.000 | 1.000 | 0.0 | 0 |"
    )
    lost = summaries["fake"]["body_lost"]
    assert (lost["count"], lost["of"], lost["n"]) == (2, 5, 2)


def test_line_rates_are_micro_averaged(monkeypatch: pytest.MonkeyPatch) -> None:
    # Record 1 loses 1 of 3 blocks, record 2 none of 2: 1/5 = 20 %, not the mean of 33 % and 0 %.
    outputs = {"m1": prediction("\n".join(BODY_1[1:])), "m2": prediction("\n".join(BODY_2))}
    summaries = _summaries(monkeypatch, {"fake": _fake(outputs)}, [MESSY_1, MESSY_2])
    assert summaries["fake"]["body_lost"]["rate"] == pytest.approx(0.2)
    assert run.table_rows(summaries)[1][1] == "20.0 %"


def test_page_table_is_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = {
        "p1": prediction(
            "The council met on Tuesday to discuss the new bridge.",
            "Bridge",
            ["Jo Bloggs"],
            day="2024-03-01",
            updated="2024-03-09",
        )
    }
    systems = {"fake": _fake(outputs, needs=HTML), "page_text": SYSTEMS["page_text"]}
    summaries = _summaries(monkeypatch, systems, [PAGE])
    # The columns, headings and cells the table had before plain-text records were scored.
    assert run.render(run.table_rows(summaries), markdown=True).splitlines() == [
        "| system | main-text F1 (P / R), n=1 | snippet F (P / R), n=1 | title acc (n=1) "
        "| authors acc (n=1) | date acc (n=1) | seconds | errors |",
        "|---|---|---|---|---|---|---|---|",
        "| fake | 1.000 (1.000 / 1.000) | 1.000 (1.000 / 1.000) "
        "| 1.000 | 1.000 | 1.000 | 0.0 | 0 |",
        "| page_text | 0.333 (0.400 / 0.286) | 0.667 (0.500 / 1.000) | - | - | - | 0.0 | 0 |",
    ]


def test_chart_draws_the_body_of_plain_text_records(monkeypatch: pytest.MonkeyPatch) -> None:
    summaries = _summaries(monkeypatch, {"fake": _fake(_cleaner_outputs())}, [MESSY_1, MESSY_2])
    drawn = panel({"file": "messy-dev.jsonl.gz", "systems": summaries}, all_systems=True)
    assert (drawn.metric, [(r.system, r.p, r.r) for r in drawn.rows]) == (
        "body",
        [("fake", 1.0, 0.5)],
    )


# --- the command -------------------------------------------------------------------------------


def test_a_plain_text_file_leaves_out_the_html_systems(tmp_path: Path) -> None:
    assert SYSTEMS["articlekit_html"].missing_input(MESSY_1) is not None
    assert SYSTEMS["articlekit_text"].missing_input(MESSY_1) is None
    assert SYSTEMS["articlekit_html"].missing_input(PAGE) is None
    data = _write(tmp_path / "messy.jsonl.gz", [MESSY_1, MESSY_2])
    readers, skipped = run.readable_by(data, ["articlekit_html", "page_text", "articlekit_text"])
    assert readers == ["page_text", "articlekit_text"]
    assert skipped == {"articlekit_html": "needs HTML; these records have no html"}
    pages = _write(tmp_path / "pages.jsonl.gz", [PAGE])
    assert run.readable_by(pages, ["articlekit_html", "page_text"]) == (
        ["articlekit_html", "page_text"],
        {},
    )


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_the_command_on_a_plain_text_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _write(tmp_path / "messy.jsonl.gz", [MESSY_1, MESSY_2])
    out = tmp_path / "results.json"
    argv = [str(data), "--systems", "articlekit_html,page_text", "--markdown", "--out", str(out)]
    assert run.main(argv) == 0
    printed = capsys.readouterr()
    assert "notice: skipping articlekit_html on messy.jsonl.gz: needs HTML" in printed.err
    table = printed.out.splitlines()
    assert table[0].startswith("## messy.jsonl.gz: 2 pages")
    assert table[2].startswith("| system | body lost (5 blocks) | junk leaked (6 lines) |")
    assert table[4].startswith("| page_text | 0.0 % | 100.0 % |")
    assert "skipped articlekit_html: needs HTML; these records have no html" in table
    assert not any(line.startswith("| articlekit_html") for line in table)
    saved = out.read_text(encoding="utf-8")
    assert json.loads(saved)["files"][0]["skipped"] == {
        "articlekit_html": "needs HTML; these records have no html"
    }
    # Scores only: no line of the records' text reaches the results file.
    for record in (MESSY_1, MESSY_2):
        for line in record["text"].splitlines():
            assert len(line) < 10 or line not in saved


def test_the_command_with_no_system_for_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _write(tmp_path / "messy.jsonl.gz", [MESSY_1])
    argv = [str(data), "--systems", "articlekit_html", "--out", str(tmp_path / "r.json")]
    assert run.main(argv) == 0
    printed = capsys.readouterr().out
    assert "no selected system reads these records" in printed
    assert "skipped articlekit_html: needs HTML; these records have no html" in printed


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_the_command_draws_its_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import matplotlib  # noqa: F401 - the test extra installs it: these tests draw

    data = _write(tmp_path / "pages.jsonl.gz", [PAGE])
    chart = tmp_path / "chart.png"
    argv = [str(data), "--systems", "page_text", "--out", str(tmp_path / "r.json")]
    assert run.main([*argv, "--chart", str(chart)]) == 0
    assert f"chart: {chart}" in capsys.readouterr().err
    assert chart.read_bytes().startswith(b"\x89PNG")
