r"""Clean a crawl with Dask: a bag or a dataframe of pages, on one machine or a cluster.

The cleaning is :mod:`articlekit.batch`'s, partition by partition: the same records, the same
output rows (:meth:`Result.to_dict() <articlekit.batch.Result.to_dict>`), the same failures
reported in place — only spread over Dask's workers. Whatever scheduler is active runs it:
Dask's default threads, a ``distributed.LocalCluster``, or a real cluster
(``Client("tcp://scheduler:8786")``), with the same code.

- :func:`read_pages`: JSON Lines and WARC files (and text and HTML files) into a bag of
  :class:`~articlekit.batch.Record`\ s, one partition per file.
- :func:`clean_bag`: a bag of records, dicts or strings into a bag of output rows.
- :func:`clean_dataframe`: a dataframe with a page column gets the Article's columns.
- :func:`to_frame`, :func:`to_jsonl`, :func:`to_parquet`: write the rows out as JSON Lines
  or Parquet (Arrow-typed columns, so every partition writes the same schema).

Needs ``pip install 'articlekit[dask]'``; the files must be readable by every worker (a
shared file system).

Example:
    >>> import dask, dask.bag as db
    >>> pages = db.from_sequence([
    ...     {"id": 1, "url": "https://news.test/a", "text": "Advertisement\nTalks resumed in "
    ...      "Istanbul on Monday, officials said."},
    ...     {"id": 2, "url": "https://news.test/b"},
    ... ], npartitions=2)
    >>> rows = clean_bag(pages).compute(scheduler="sync")
    >>> rows[0]["id"], rows[0]["text"], [r["reason"] for r in rows[0]["removed"]]
    (1, 'Talks resumed in Istanbul on Monday, officials said.', ['ad_label'])
    >>> rows[1]["error"]["message"]
    'no string field html or text or page_text or content or body'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from articlekit.batch import (
    InputFormat,
    Record,
    clean_record,
    expand_inputs,
    read_inputs,
    record_from_dict,
)
from articlekit.integrations import DEFAULT_FIELDS, check_fields, require
from articlekit.pipeline import Pipeline

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from dask.bag import Bag
    from dask.dataframe import DataFrame

__all__ = [
    "clean_bag",
    "clean_dataframe",
    "read_pages",
    "to_frame",
    "to_jsonl",
    "to_parquet",
]

#: How a page is cleaned: "auto" as HTML when it comes from an ``html`` field or starts with
#: "<", else as text.
PageKind = Literal["auto", "html", "text"]

# Article fields that are lists (of strings, of Removal/Block/Contributor dicts).
_LIST_FIELDS = (
    "authors",
    "date_assumptions",
    "contributors",
    "images",
    "tags",
    "blocks",
    "removed",
)


def _bag() -> Any:
    return require("dask.bag", "dask")


def _pipeline(
    pipeline: Pipeline | None, make_pipeline: Callable[[], Pipeline] | None
) -> Pipeline | None:
    return make_pipeline() if pipeline is None and make_pipeline is not None else pipeline


def _check_kind(kind: str) -> None:
    if kind not in ("auto", "html", "text"):
        msg = f"kind must be 'auto', 'html' or 'text', got {kind!r}"
        raise ValueError(msg)


# --- reading -------------------------------------------------------------------------------


def _read_files(
    paths: Iterable[str],
    input_format: InputFormat,
    encoding: str,
    field_name: str | None,
    url_field: str,
) -> list[Record]:
    return list(
        read_inputs(
            paths,
            input_format=input_format,
            encoding=encoding,
            field_name=field_name,
            url_field=url_field,
        )
    )


def read_pages(
    inputs: Sequence[str] | str,
    *,
    input_format: InputFormat = "auto",
    encoding: str = "utf-8",
    field_name: str | None = None,
    url_field: str = "url",
) -> Bag:
    """Read JSON Lines, WARC, HTML and text files into a bag of records, one partition per file.

    The files are read as ``articlekit clean`` reads them (:func:`articlekit.batch.read_inputs`):
    a JSON Lines line or a WARC response per record, an unreadable line or file an "error"
    record in its place. Folders and glob patterns are expanded here, on the client; the files
    are read by the workers. A partition holds a whole file: ``.repartition(npartitions=...)``
    spreads the cleaning of a few big files over more workers.

    Args:
        inputs: Files, folders, glob patterns (one string or several).
        input_format: How to read them ("auto": by name).
        encoding: Encoding of text and JSON Lines files.
        field_name: The JSON Lines field with the page (default: the first of
            :data:`~articlekit.batch.TEXT_FIELDS` holding a string).
        url_field: The JSON Lines field with the URL.

    Returns:
        A bag of :class:`~articlekit.batch.Record`.
    """
    files = expand_inputs([inputs] if isinstance(inputs, str) else list(inputs))
    paths = _bag().from_sequence(files, partition_size=1)
    return paths.map_partitions(_read_files, input_format, encoding, field_name, url_field)


# --- cleaning ------------------------------------------------------------------------------


def _to_record(
    item: object, source: str, field_name: str | None, url_field: str, kind: PageKind
) -> Record:
    if isinstance(item, Record):
        record = item
    elif isinstance(item, Mapping):
        record = record_from_dict(item, source=source, field_name=field_name, url_field=url_field)
    elif isinstance(item, str):
        markup = item.lstrip()[:1] == "<"
        record = Record(source, None, "html" if markup else "text", item)
    elif isinstance(item, bytes):  # a fetched page, decoded from its own charset
        record = Record(source, None, "html", item)
    else:
        what = type(item).__name__
        msg = f"a {what}, not a Record, a dict or a page string"
        record = Record(source, None, "error", error=msg)
    if kind != "auto" and record.kind != "error":
        record = replace(record, kind=kind)
    return record


def _clean_partition(
    items: Iterable[object],
    source: str,
    field_name: str | None,
    url_field: str,
    kind: PageKind,
    pipeline: Pipeline | None,
    make_pipeline: Callable[[], Pipeline] | None,
    url: str | None,
    reference_date: datetime | None,
) -> list[dict[str, Any]]:
    # Built once per partition, in the worker: pipelines of your own cleaners need not pickle.
    cleaners = _pipeline(pipeline, make_pipeline)
    rows = []
    for item in items:
        record = _to_record(item, source, field_name, url_field, kind)
        result = clean_record(record, cleaners, url=url, reference_date=reference_date)
        rows.append(result.to_dict())
    return rows


def clean_bag(
    bag: Bag,
    *,
    field_name: str | None = None,
    url_field: str = "url",
    kind: PageKind = "auto",
    pipeline: Pipeline | None = None,
    make_pipeline: Callable[[], Pipeline] | None = None,
    url: str | None = None,
    reference_date: datetime | None = None,
    source: str = "bag",
) -> Bag:
    """Clean every page of a bag into the output rows of ``articlekit clean``.

    Args:
        bag: records (:class:`~articlekit.batch.Record`, from :func:`read_pages`), dicts (JSON
            Lines objects, scraped items: the page in ``field_name``, its URL in
            ``url_field``, other plain fields passed through), or page strings.
        field_name: The dict field with the page (default: the first of
            :data:`~articlekit.batch.TEXT_FIELDS` holding a string).
        url_field: The dict field with the URL.
        kind: "html" or "text" to clean every page as that; "auto" decides per page (an
            ``html`` field, or a page starting with "<", is HTML).
        pipeline: The cleaners (default pipeline when None); shipped to the workers, so it
            must pickle — else use ``make_pipeline``.
        make_pipeline: A function building the pipeline, called once per partition on the
            worker.
        url: The URL of pages that have none of their own.
        reference_date: Anchors year-less and relative dates.
        source: The ``path`` of rows made from dicts and strings (records keep their own).

    Returns:
        A bag of dicts (:meth:`Result.to_dict() <articlekit.batch.Result.to_dict>`): ``path``,
        ``record``, the passed-through fields, then the Article's fields — or an ``error``
        object — one per page, in the bag's order.

    Raises:
        ValueError: If ``kind`` is not "auto", "html" or "text".
    """
    _check_kind(kind)
    return bag.map_partitions(
        _clean_partition,
        source,
        field_name,
        url_field,
        kind,
        pipeline,
        make_pipeline,
        url,
        reference_date,
    )


# --- tables --------------------------------------------------------------------------------


def _arrow_types(fields: Iterable[str]) -> dict[str, pa.DataType]:
    pa = require("pyarrow", "dask")
    string, integer = pa.string(), pa.int64()
    contributor = [("name", string), ("role", string), ("organisation", string), ("kind", string)]
    span = [("start", integer), ("end", integer), ("kind", string), ("href", string)]
    block = [
        ("kind", string),
        ("text", string),
        ("index", integer),
        ("offset", integer),
        ("level", integer),
        ("ordered", pa.bool_()),
        ("spans", pa.list_(pa.struct(span))),
    ]
    removal = [
        ("cleaner", string),
        ("reason", string),
        ("text", string),
        ("block_index", integer),
        ("offset", integer),
        ("score", pa.float64()),
    ]
    image = [("src", string), ("alt", string), ("caption", string), ("before", integer)]
    lists = {
        "authors": pa.list_(string),
        "date_assumptions": pa.list_(string),
        "contributors": pa.list_(pa.struct(contributor)),
        "images": pa.list_(pa.struct(image)),
        "tags": pa.list_(string),
        "blocks": pa.list_(pa.struct(block)),
        "removed": pa.list_(pa.struct(removal)),
    }
    return {name: lists.get(name, string) for name in fields}


def _article_dtypes(fields: Sequence[str]) -> dict[str, Any]:
    # Arrow-backed dtypes: Dask turns "object" columns into strings, lists included, and a
    # list column typed by its values would differ between partitions (no authors here,
    # some there) and break Parquet's one schema.
    pandas = require("pandas", "dask")
    types = _arrow_types([*fields, "error_type", "error"])
    return {name: pandas.ArrowDtype(t) for name, t in types.items()}


def _article_columns(result_row: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    error = result_row.get("error")
    out = {name: result_row.get(name) for name in fields}
    out.update((name, out[name] or []) for name in _LIST_FIELDS if name in out)
    out["error_type"] = error["type"] if error else None
    out["error"] = error["message"] if error else None
    return out


def _frame(rows: list[dict[str, Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame:
    pandas = require("pandas", "dask")
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=list(dtypes)).astype(dict(dtypes))
    return frame


def _with_columns(part: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    out = part.drop(columns=[c for c in added.columns if c in part.columns])
    for name in added.columns:
        # The partition's own index (it need not be unique), so that nothing is realigned.
        out[name] = added[name].set_axis(part.index)
    return out


def _clean_frame_partition(
    part: pd.DataFrame,
    column: str | None,
    url_column: str,
    kind: PageKind,
    fields: Sequence[str],
    pipeline: Pipeline | None,
    make_pipeline: Callable[[], Pipeline] | None,
    reference_date: datetime | None,
) -> pd.DataFrame:
    cleaners = _pipeline(pipeline, make_pipeline)
    rows = []
    for data in part.to_dict("records"):
        record = _to_record(data, "dataframe", column, url_column, kind)
        result = clean_record(record, cleaners, reference_date=reference_date)
        rows.append(_article_columns(result.to_dict(), fields))
    return _with_columns(part, _frame(rows, _article_dtypes(fields)))


def clean_dataframe(
    df: DataFrame,
    *,
    column: str | None = None,
    url_column: str = "url",
    kind: PageKind = "auto",
    fields: Sequence[str] = DEFAULT_FIELDS,
    pipeline: Pipeline | None = None,
    make_pipeline: Callable[[], Pipeline] | None = None,
    reference_date: datetime | None = None,
) -> DataFrame:
    """Add the Article's columns to a dataframe of pages, one row per page.

    Args:
        df: A Dask dataframe with a page column (HTML or text) and, optionally, a URL column.
        column: The page column (default: the first of
            :data:`~articlekit.batch.TEXT_FIELDS` that holds a string in the row).
        url_column: The URL column.
        kind: "html" or "text" to clean every page as that; "auto" decides per page.
        fields: The Article fields to add as columns (see
            :data:`~articlekit.integrations.ARTICLE_FIELDS`). Columns are Arrow-typed: text
            and dates (ISO 8601, with their offset) strings, ``authors``,
            ``date_assumptions`` and ``tags`` lists of strings, ``removed``, ``blocks``,
            ``contributors`` and ``images`` lists of structs with the fields of
            :class:`~articlekit.Removal`, :class:`~articlekit.Block`,
            :class:`~articlekit.Contributor` and :class:`~articlekit.Image`.
        pipeline: The cleaners (must pickle; else ``make_pipeline``).
        make_pipeline: A function building the pipeline, called once per partition.
        reference_date: Anchors year-less and relative dates.

    Returns:
        The dataframe with the Article columns plus ``error_type`` and ``error`` (null when
        the row was cleaned); a column of the same name is replaced (cleaning a ``text``
        column in place). Rows that failed keep their other columns.

    Raises:
        ValueError: If a field is not an Article field or ``kind`` is not known.
    """
    _check_kind(kind)
    fields = check_fields(fields)
    meta = _with_columns(df._meta, _frame([], _article_dtypes(fields)))
    return df.map_partitions(
        _clean_frame_partition,
        column,
        url_column,
        kind,
        fields,
        pipeline,
        make_pipeline,
        reference_date,
        meta=meta,
    )


def _rows_partition(
    rows: Iterable[Mapping[str, Any]], fields: Sequence[str], extra: Mapping[str, Any]
) -> pd.DataFrame:
    table = []
    for row in rows:
        out = {"path": row.get("path"), "record": row.get("record"), "url": row.get("url")}
        out.update((name, row.get(name)) for name in extra)
        out.update(_article_columns(row, fields))
        table.append(out)
    pandas = require("pandas", "dask")
    string = pandas.ArrowDtype(require("pyarrow", "dask").string())
    dtypes = {"path": string, "record": "Int64", "url": string, **extra}
    dtypes.update(_article_dtypes([f for f in fields if f != "url"]))
    return _frame(table, dtypes)


def to_frame(
    rows: Bag,
    *,
    fields: Sequence[str] = DEFAULT_FIELDS,
    extra_columns: Mapping[str, Any] | None = None,
) -> DataFrame:
    """Turn the rows of :func:`clean_bag` into a dataframe with one column per field.

    Args:
        rows: The bag :func:`clean_bag` returns.
        fields: The Article fields to keep as columns (typed as in :func:`clean_dataframe`).
        extra_columns: Passed-through fields to keep too, with their pandas dtype
            (``{"id": "Int64"}``).

    Returns:
        A dataframe with ``path``, ``record``, ``url``, the extra columns, the Article
        fields, ``error_type`` and ``error``, in the bag's order.

    Raises:
        ValueError: If a field is not an Article field.
    """
    fields = check_fields(fields)
    extra = dict(extra_columns or {})
    meta = _rows_partition([], fields, extra)
    delayed = require("dask", "dask").delayed
    frames = [delayed(_rows_partition)(part, fields, extra) for part in rows.to_delayed()]
    return require("dask.dataframe", "dask").from_delayed(frames, meta=meta)


def _name(i: int) -> str:
    return f"{i:05d}"


def to_jsonl(rows: Bag, path: str, *, compute: bool = True) -> Any:
    """Write the rows of :func:`clean_bag` as JSON Lines, one file per partition, in order.

    Args:
        rows: The bag.
        path: A folder (files ``00000.jsonl``, ``00001.jsonl``...) or a pattern with one
            ``*`` (``"out/*.jsonl.gz"`` compresses).
        compute: Write now; else return the delayed writes.

    Returns:
        The files written (in the bag's order), or the delayed writes.
    """
    pattern = path if "*" in path else os.path.join(path, "*.jsonl")
    lines = rows.map(json.dumps, ensure_ascii=False)
    return lines.to_textfiles(pattern, name_function=_name, last_endline=True, compute=compute)


def _nested_columns(meta: pd.DataFrame) -> dict[str, pa.DataType]:
    pandas, pa = require("pandas", "dask"), require("pyarrow", "dask")
    return {
        str(name): dtype.pyarrow_dtype
        for name, dtype in meta.dtypes.items()
        if isinstance(dtype, pandas.ArrowDtype) and pa.types.is_nested(dtype.pyarrow_dtype)
    }


def _plain_nested(part: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    pandas = require("pandas", "dask")
    out = part.copy()
    for name in names:
        out[name] = pandas.Series(part[name].tolist(), index=part.index, dtype=object)
    return out


def to_parquet(
    data: DataFrame | Bag,
    path: str,
    *,
    fields: Sequence[str] = DEFAULT_FIELDS,
    extra_columns: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Write cleaned pages as a Parquet dataset, one file per partition.

    The list columns (``authors``, ``removed``...) are written as Parquet lists of their
    fixed type, so every partition has the same schema and any Parquet reader (pandas,
    pyarrow, Dask, DuckDB, Spark) reads them back as lists.

    Args:
        data: The rows of :func:`clean_bag` (turned into columns by :func:`to_frame` with
            ``fields`` and ``extra_columns``), or a dataframe (from :func:`clean_dataframe`).
        path: The dataset's folder.
        fields: For a bag: the Article fields to keep.
        extra_columns: For a bag: passed-through fields to keep, with their pandas dtype.
        **kwargs: Passed on to Dask's ``DataFrame.to_parquet`` (``compute``,
            ``compression``...); ``schema`` (a dict) types columns of Python objects that
            cannot be inferred.

    Returns:
        What Dask's ``to_parquet`` returns.
    """
    if isinstance(data, _bag().Bag):
        data = to_frame(data, fields=fields, extra_columns=extra_columns)
    pa = require("pyarrow", "dask")
    # pandas cannot read back the dtype name of a nested Arrow column from the metadata it
    # writes ("list<item: string>[pyarrow]"): such columns are written from Python lists,
    # with their Arrow type given, so the file says "object" and readers rebuild the lists.
    types = _nested_columns(data._meta)
    types.update(kwargs.pop("schema", None) or {})
    meta = data._meta
    if types:
        data = data.map_partitions(
            _plain_nested, list(types), meta=_plain_nested(meta, list(types))
        )
    rest = [c for c in meta.columns if c not in types]
    inferred = pa.Schema.from_pandas(meta[rest], preserve_index=False)
    schema = pa.schema(
        [pa.field(c, types[c]) if c in types else inferred.field(c) for c in meta.columns]
    )
    kwargs.setdefault("write_index", False)
    return data.to_parquet(path, schema=schema, **kwargs)
