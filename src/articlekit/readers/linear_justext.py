"""jusText's context-sensitive paragraph classification in linear time, same results.

trafilatura falls back on jusText when its own extraction is short. jusText's
``revise_paragraph_classification`` finds each short or near-good paragraph's nearest good or
bad neighbour by walking to it, for every paragraph of a run: a page followed by 40,000
``<p>Reply</p>`` took 46 s in that function alone. :func:`revise_paragraph_classification`
computes the same neighbours with one pass each way. jusText's paragraph also joins and
re-normalises all its text nodes on every read of its ``text`` (its length, word count, stop
words and link density read it some ten times), one regex callback per gap: a page of 10,000
``Line<br>`` pieces, one paragraph, spent 0.4 s of its 0.6 s there. The paragraph maker of
:func:`_replacements` makes paragraphs that keep that text until a node is added.
:func:`linear_justext` puts both in the place trafilatura calls while articlekit runs it.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["linear_justext", "revise_paragraph_classification"]

_GOOD_OR_BAD = frozenset({"good", "bad"})
_GOOD_BAD_OR_NEARGOOD = frozenset({"good", "bad", "neargood"})


def _heading_pass(paragraphs: Sequence[Any], max_heading_distance: int, *, first: bool) -> None:
    """Run jusText's two "good headings" passes, as jusText writes them.

    Their walks are bounded by ``max_heading_distance`` characters.
    """
    for i, paragraph in enumerate(paragraphs):
        if first:
            paragraph.class_type = paragraph.cf_class
            if not (paragraph.heading and paragraph.class_type == "short"):
                continue
        elif not (
            paragraph.heading and paragraph.class_type == "bad" and paragraph.cf_class != "bad"
        ):
            continue
        j = i + 1
        distance = 0
        while j < len(paragraphs) and distance <= max_heading_distance:
            if paragraphs[j].class_type == "good":
                paragraph.class_type = "neargood" if first else "good"
                break
            distance += len(paragraphs[j].text)
            j += 1


def _nearest(classes: Sequence[str], wanted: frozenset[str], *, before: bool) -> list[str]:
    """For each position, the class of the nearest paragraph before it (or after it) in ``wanted``.

    "bad" when there is none (jusText's ``_get_neighbour``).
    """
    out = ["bad"] * len(classes)
    seen = "bad"
    order = range(len(classes)) if before else range(len(classes) - 1, -1, -1)
    for i in order:
        out[i] = seen
        if classes[i] in wanted:
            seen = classes[i]
    return out


def revise_paragraph_classification(
    paragraphs: Sequence[Any], max_heading_distance: int = 200
) -> None:
    """``justext.core.revise_paragraph_classification``, in linear time.

    Args:
        paragraphs: jusText's paragraphs, classified by ``classify_paragraphs``; their
            ``class_type`` is set in place.
        max_heading_distance: As in jusText.
    """
    _heading_pass(paragraphs, max_heading_distance, first=True)

    # Short paragraphs: the classes they see are the ones before this pass.
    classes = [p.class_type for p in paragraphs]
    prev_gb = _nearest(classes, _GOOD_OR_BAD, before=True)
    next_gb = _nearest(classes, _GOOD_OR_BAD, before=False)
    prev_any = _nearest(classes, _GOOD_BAD_OR_NEARGOOD, before=True)
    next_any = _nearest(classes, _GOOD_BAD_OR_NEARGOOD, before=False)
    new_classes: dict[int, str] = {}
    for i, cls in enumerate(classes):
        if cls != "short":
            continue
        before, after = prev_gb[i], next_gb[i]
        if before == "good" and after == "good":
            new_classes[i] = "good"
        elif before == "bad" and after == "bad":
            new_classes[i] = "bad"
        elif (before == "bad" and prev_any[i] == "neargood") or (
            after == "bad" and next_any[i] == "neargood"
        ):
            new_classes[i] = "good"
        else:
            new_classes[i] = "bad"
    for i, cls in new_classes.items():
        paragraphs[i].class_type = cls

    # Near-good paragraphs, in order: one sees the classes already revised before it and,
    # after it, the classes of this pass's start (the near-good ones after it are skipped).
    classes = [p.class_type for p in paragraphs]
    next_gb = _nearest(classes, _GOOD_OR_BAD, before=False)
    seen = "bad"
    for i, paragraph in enumerate(paragraphs):
        if paragraph.class_type == "neargood":
            both_bad = seen == "bad" and next_gb[i] == "bad"
            paragraph.class_type = "bad" if both_bad else "good"
        if paragraph.class_type in _GOOD_OR_BAD:
            seen = paragraph.class_type

    _heading_pass(paragraphs, max_heading_distance, first=False)


@functools.cache
def _replacements() -> dict[str, Any]:
    """The names in ``trafilatura.external`` that :func:`linear_justext` replaces, and with what.

    Made on first use: jusText is imported with trafilatura, not with articlekit.
    """
    from justext.core import ParagraphMaker as JusTextParagraphMaker
    from justext.paragraph import Paragraph as JusTextParagraph

    class _Paragraph(JusTextParagraph):  # type: ignore[misc]  # jusText is untyped
        """jusText's paragraph, whose ``text`` is joined and normalised once per node count.

        Its nodes are only ever appended to (while the page is read), so the count tells
        whether the text kept is still the paragraph's: the same string jusText would build.
        """

        _kept: tuple[int, str] | None = None

        @property
        def text(self) -> str:
            kept = self._kept
            if kept is None or kept[0] != len(self.text_nodes):
                kept = self._kept = (len(self.text_nodes), JusTextParagraph.text.fget(self))
            return kept[1]

    class ParagraphMaker(JusTextParagraphMaker):  # type: ignore[misc]  # jusText is untyped
        """``justext.core.ParagraphMaker``, making paragraphs that keep their text."""

        paragraph: Any

        def _start_new_pragraph(self) -> None:  # jusText's spelling: the name it calls
            if self.paragraph and self.paragraph.contains_text():
                self.paragraphs.append(self.paragraph)
            self.paragraph = _Paragraph(self.path)

    return {
        "revise_paragraph_classification": revise_paragraph_classification,
        "ParagraphMaker": ParagraphMaker,
    }


# Threads may run trafilatura at once: the first to enter puts the linear functions in, the
# last to leave puts jusText's back, so a thread leaving can never restore the other's copy.
_LOCK = threading.Lock()
_users = 0
_originals: dict[str, Any] = {}


@contextlib.contextmanager
def linear_justext() -> Iterator[None]:
    """Let trafilatura call :func:`revise_paragraph_classification` and the paragraph maker.

    Only while some ``with`` block runs (in any thread): trafilatura's module is left as it
    was once the last one ends. They give the same results as jusText's own, so another
    caller's trafilatura call in the meantime is only faster, never different.
    """
    global _users
    try:
        from trafilatura import external
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        yield
        return
    replacements = _replacements()
    with _LOCK:
        if _users == 0:
            # Another trafilatura layout may lack a name: only the ones it has are replaced.
            _originals.clear()
            _originals.update(
                (name, getattr(external, name)) for name in replacements if hasattr(external, name)
            )
        replaced = bool(_originals)
        if replaced:
            _users += 1
            for name in _originals:
                setattr(external, name, replacements[name])
    try:
        yield
    finally:
        if replaced:
            with _LOCK:
                _users -= 1
                if _users == 0:
                    for name, original in _originals.items():
                        setattr(external, name, original)
