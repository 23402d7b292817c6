"""Composition: an immutable, ordered sequence of cleaners.

Example:
    >>> from articlekit.draft import Draft
    >>> p = DEFAULT_PIPELINE.without("remove_ad_labels")
    >>> "remove_ad_labels" in p, "remove_ad_labels" in DEFAULT_PIPELINE
    (False, True)
    >>> def drop_short(draft):
    ...     short = {i: "too_short" for i, b in enumerate(draft.blocks) if len(b.text) < 5}
    ...     return draft.remove(short, cleaner="drop_short")
    >>> p = p.with_(drop_short, after="choose_title")
    >>> p.names[-1]
    'drop_short'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import overload

from articlekit import cleaners
from articlekit._memo import per_document
from articlekit.cleaners.base import Cleaner, as_cleaner
from articlekit.draft import Draft
from articlekit.errors import ArticlekitError, CleanerError, PipelineError, UnknownCleanerError

__all__ = ["DEFAULT_PIPELINE", "Pipeline", "Step"]

#: What a pipeline accepts as a step: a cleaner object, a plain ``Draft -> Draft`` function,
#: or the name of a built-in cleaner.
Step = Cleaner | Callable[[Draft], Draft] | str


def _resolve(step: Step) -> Cleaner:
    if isinstance(step, str):
        return cleaners.get(step)
    return as_cleaner(step)


class Pipeline:
    """An ordered, immutable sequence of cleaners; calling it runs them in turn.

    Every method that changes the pipeline returns a new one.

    Args:
        steps: Cleaners, plain ``Draft -> Draft`` functions, or names of built-in cleaners.

    Raises:
        PipelineError: If two steps share a name (a name must say which step it is).
        UnknownCleanerError: If a name is not a built-in cleaner.
        TypeError: If a step is neither a cleaner, a callable nor a name.
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: Iterable[Step] = ()) -> None:
        resolved = tuple(_resolve(s) for s in steps)
        seen: set[str] = set()
        for cleaner in resolved:
            if cleaner.name in seen:
                msg = (
                    f"two steps are named {cleaner.name!r}: names must be unique; use "
                    f"replace({cleaner.name!r}, ...) to swap a step"
                )
                raise PipelineError(msg)
            seen.add(cleaner.name)
        self._steps: tuple[Cleaner, ...] = resolved

    @property
    def steps(self) -> tuple[Cleaner, ...]:
        """The cleaners, in order."""
        return self._steps

    @property
    def names(self) -> tuple[str, ...]:
        """The cleaners' names, in order."""
        return tuple(c.name for c in self._steps)

    def __call__(self, draft: Draft) -> Draft:
        """Run every cleaner on ``draft`` in order and return the result.

        Raises:
            CleanerError: If a cleaner raises an unexpected exception or returns something
                other than a Draft (the message names the cleaner).
        """
        # The per-block features are memoised for the document (articlekit._memo).
        with per_document():
            return self._run(draft)

    def _run(self, draft: Draft) -> Draft:
        for cleaner in self._steps:
            try:
                result = cleaner(draft)
            except ArticlekitError:
                raise
            except Exception as exc:
                msg = f"cleaner {cleaner.name!r} failed: {type(exc).__name__}: {exc}"
                raise CleanerError(msg) from exc
            if not isinstance(result, Draft):
                msg = f"cleaner {cleaner.name!r} returned {type(result).__name__}, not a Draft"
                raise CleanerError(msg)
            draft = result
        return draft

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            msg = f"no step named {name!r} in this pipeline; its steps are: {', '.join(self.names)}"
            raise UnknownCleanerError(msg) from None

    def without(self, *names: str) -> Pipeline:
        """Return a copy without the named steps.

        Raises:
            UnknownCleanerError: If a name is not in the pipeline.
        """
        for name in names:
            self._index(name)
        return Pipeline(c for c in self._steps if c.name not in names)

    def with_(self, step: Step, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """Return a copy with ``step`` added: at the end, or before/after a named step.

        Args:
            step: A cleaner, a ``Draft -> Draft`` function, or a built-in's name.
            before: Insert before the step of this name.
            after: Insert after the step of this name.

        Raises:
            PipelineError: If both ``before`` and ``after`` are given.
            UnknownCleanerError: If the named anchor is not in the pipeline.
        """
        if before is not None and after is not None:
            msg = "give before= or after=, not both"
            raise PipelineError(msg)
        cleaner = _resolve(step)
        steps = list(self._steps)
        if before is not None:
            steps.insert(self._index(before), cleaner)
        elif after is not None:
            steps.insert(self._index(after) + 1, cleaner)
        else:
            steps.append(cleaner)
        return Pipeline(steps)

    def replace(self, name: str, step: Step) -> Pipeline:
        """Return a copy with the step called ``name`` swapped for ``step``.

        Raises:
            UnknownCleanerError: If ``name`` is not in the pipeline.
        """
        index = self._index(name)
        steps = list(self._steps)
        steps[index] = _resolve(step)
        return Pipeline(steps)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    @overload
    def __getitem__(self, key: int) -> Cleaner: ...
    @overload
    def __getitem__(self, key: str) -> Cleaner: ...
    def __getitem__(self, key: int | str) -> Cleaner:
        return self._steps[self._index(key) if isinstance(key, str) else key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and other._steps == self._steps

    def __hash__(self) -> int:
        return hash(self._steps)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(repr(n) for n in self.names)}])"


#: The documented default: every built-in cleaner, in the order of ``cleaners.BUILTIN``.
DEFAULT_PIPELINE = Pipeline(cleaners.BUILTIN.values())
