"""``Article.to_dict`` writes each block, removal, contributor and image as ``dataclasses.asdict``
would, and ``from_dict`` reads every field back.

The rows are built field by field (``asdict``'s deep copy of immutable values cost ten times
the dict); this checks the shortcut against ``asdict`` itself on generated records.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from articlekit.article import (
    BLOCK_KINDS,
    SPAN_KINDS,
    Article,
    Block,
    Contributor,
    Image,
    Removal,
    Span,
)

_text = st.text(max_size=30)


@st.composite
def _block(draw: st.DrawFn) -> Block:
    text = draw(_text)
    spans = []
    for _ in range(draw(st.integers(0, 3)) if text else 0):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(sorted(SPAN_KINDS)))
        spans.append(Span(start, end, kind, draw(_text) if kind == "link" else None))
    return Block(
        draw(st.sampled_from(sorted(BLOCK_KINDS))),
        text,
        draw(st.integers(0, 500)),
        draw(st.integers(0, 10_000)),
        draw(st.integers(0, 6)),
        draw(st.booleans()),
        tuple(spans),
    )


_blocks = _block()
_removals = st.builds(
    Removal,
    cleaner=_text,
    reason=_text,
    text=_text,
    block_index=st.integers(0, 500),
    offset=st.integers(0, 10_000),
    score=st.none() | st.floats(allow_nan=False),
)
_contributors = st.builds(
    Contributor,
    name=st.text(min_size=1, max_size=20),
    organisation=st.none() | _text,
)


def _listed(row: dict[str, object]) -> dict[str, object]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}


_images = st.builds(Image, src=_text, alt=st.none() | _text, caption=st.none() | _text)
_urls = st.none() | _text


@given(
    st.lists(_blocks, max_size=5),
    st.lists(_removals, max_size=5),
    st.lists(_contributors, max_size=3),
    st.lists(_images, max_size=3),
    st.lists(_text, max_size=4),
    _urls,
    _urls,
)
def test_rows_are_asdict(
    blocks: list[Block],
    removed: list[Removal],
    contributors: list[Contributor],
    images: list[Image],
    tags: list[str],
    canonical_url: str | None,
    image: str | None,
) -> None:
    article = Article(
        blocks=tuple(blocks),
        removed=tuple(removed),
        contributors=tuple(contributors),
        images=tuple(images),
        tags=tuple(tags),
        canonical_url=canonical_url,
        image=image,
    )
    out = article.to_dict()
    assert (out["tags"], out["canonical_url"], out["image"]) == (tags, canonical_url, image)
    pairs = (
        ("blocks", blocks),
        ("removed", removed),
        ("contributors", contributors),
        ("images", images),
    )
    for key, items in pairs:
        # asdict keeps a block's spans a tuple; the JSON-ready dict has lists.
        expected = [_listed(dataclasses.asdict(item)) for item in items]
        assert out[key] == expected
        # the same keys in the same order: the JSON a batch writes is unchanged
        assert [list(row) for row in out[key]] == [list(row) for row in expected]
    assert Article.from_dict(out) == article
