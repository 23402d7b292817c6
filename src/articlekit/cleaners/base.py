"""The cleaner protocol and the base classes that do the bookkeeping.

A cleaner is anything with a ``name`` and a ``__call__(draft) -> Draft``. To write one, subclass
the base class that fits and override **one** method; the base class records every removal with
the cleaner's name and reason code, checks the reason is one the cleaner declared, and returns
the input draft unchanged when nothing was found:

=====================  =========================================  ==============================
base class             override                                   use it to
=====================  =========================================  ==============================
:class:`BlockRemover`  ``judge(draft, pos) -> reason | None``     drop blocks one at a time
:class:`Remover`       ``find(draft) -> {pos: reason}``           drop blocks judged together
:class:`Trimmer`       ``cut(draft, pos) -> (start, end, reason)``  cut a prefix/suffix of a block
:class:`Extractor`     ``extract(draft) -> ({pos: reason}, fields)``  move blocks into fields
=====================  =========================================  ==============================

A plain function ``Draft -> Draft`` is a cleaner too: :class:`FunctionCleaner` wraps it.

Example:
    >>> from articlekit.draft import Draft
    >>> class RemoveShouting(BlockRemover):
    ...     name = "remove_shouting"
    ...     reasons = ("shouting",)
    ...     def judge(self, draft, pos):
    ...         text = draft.blocks[pos].text
    ...         return "shouting" if text.isupper() else None
    >>> d = RemoveShouting()(Draft.from_texts(["BUY NOW", "A calm sentence."]))
    >>> [b.text for b in d.blocks], [(r.cleaner, r.reason) for r in d.removed]
    (['A calm sentence.'], [('remove_shouting', 'shouting')])
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

import regex

from articlekit._memo import kept_for
from articlekit.draft import Draft, DraftBlock
from articlekit.errors import CleanerError, PipelineError

__all__ = [
    "BaseCleaner",
    "BlockRemover",
    "Cleaner",
    "Extractor",
    "FunctionCleaner",
    "Remover",
    "Trimmer",
    "as_cleaner",
]

_SNAKE = regex.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


@runtime_checkable
class Cleaner(Protocol):
    """What a pipeline step is: a named ``Draft -> Draft`` callable."""

    @property
    def name(self) -> str:
        """Stable snake_case name of the cleaner."""
        ...

    def __call__(self, draft: Draft) -> Draft:
        """Return the cleaned draft."""
        ...


class BaseCleaner(abc.ABC):
    """Common ground of the built-in cleaners: a snake_case ``name`` and declared ``reasons``.

    Attributes:
        name: Stable snake_case name, used to drop or reorder the cleaner in a pipeline.
        reasons: The reason codes this cleaner may record (checked at run time).
    """

    name: ClassVar[str]
    reasons: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("name")
        if name is not None and not _SNAKE.match(name):
            msg = f"cleaner name {name!r} of {cls.__qualname__} must be snake_case"
            raise PipelineError(msg)

    @abc.abstractmethod
    def __call__(self, draft: Draft) -> Draft:
        """Return the cleaned draft (the same object when nothing changed)."""

    def _check(self, reason: str) -> str:
        if reason not in self.reasons:
            msg = (
                f"cleaner {self.name!r} recorded reason {reason!r}, which it does not declare "
                f"in its `reasons` {self.reasons}: add it there (reason codes are public API)"
            )
            raise CleanerError(msg)
        return reason

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Remover(BaseCleaner):
    """Drops blocks chosen by looking at the whole draft. Override :meth:`find`."""

    @abc.abstractmethod
    def find(self, draft: Draft) -> Mapping[int, str]:
        """Return ``{position in draft.blocks: reason code}`` for the blocks to drop.

        Args:
            draft: The current draft.
        """

    def scored(self, draft: Draft) -> tuple[Mapping[int, str], Mapping[int, float]]:
        """Return :meth:`find`'s blocks, and the fitted score of those a model decided.

        Override it instead of :meth:`find` alone when a model decides some removals: each
        score lands in :attr:`~articlekit.article.Removal.score`. By default no block has one.

        Args:
            draft: The current draft.
        """
        return self.find(draft), {}

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft."""
        found, scores = self.scored(draft)
        for reason in set(found.values()):  # each reason once, not once per block
            self._check(reason)
        return draft.remove(found, cleaner=self.name, scores=scores)


class BlockRemover(Remover):
    """Drops blocks judged one at a time. Override :meth:`judge`.

    Attributes:
        local: Set it to True when :meth:`judge` looks at nothing but the block itself (its
            text, kind, tag, classes and link density) and at draft-wide values (language,
            reference date, hints): never at the block's position or its neighbours. Blocks
            that are the same but for their position then get the same answer, and each
            distinct block is judged once (a page that prints "Share" or "Advertisement" a
            thousand times costs one judgement, not a thousand).
    """

    local: ClassVar[bool] = False

    @abc.abstractmethod
    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return the reason to drop ``draft.blocks[pos]``, or None to keep it.

        Args:
            draft: The current draft (the whole of it, for context).
            pos: Position of the block to judge in ``draft.blocks``.
        """

    def candidates(self, draft: Draft) -> Sequence[int] | None:
        """Return the positions of the only blocks :meth:`judge` may drop, or None for all.

        Override it when a test cheaper than :meth:`judge` rules most blocks out (a block
        that starts with no phrase of the list the cleaner looks for): the blocks left out
        are kept without being judged. It must never leave out a block that :meth:`judge`
        would drop. The positions are ascending.

        Args:
            draft: The current draft.
        """
        return None

    def find(self, draft: Draft) -> Mapping[int, str]:
        """Judge every block in turn (each distinct block once when :attr:`local`).

        Only the :meth:`candidates` are judged when the cleaner names them.
        """
        found: dict[int, str] = {}
        candidates = self.candidates(draft)
        if candidates is not None:
            return self._find_among(draft, candidates)
        if not self.local:
            for pos in range(len(draft.blocks)):
                reason = self.judge(draft, pos)
                if reason is not None:
                    found[pos] = reason
            return found
        firsts, group_of = _distinct_blocks(draft.blocks)
        reasons = [self.judge(draft, pos) for pos in firsts]
        for pos, group in enumerate(group_of):
            reason = reasons[group]
            if reason is not None:
                found[pos] = reason
        return found

    def _find_among(self, draft: Draft, candidates: Sequence[int]) -> dict[int, str]:
        """:meth:`find` over the candidates only (each distinct one once when local)."""
        found: dict[int, str] = {}
        if not self.local:
            for pos in candidates:
                reason = self.judge(draft, pos)
                if reason is not None:
                    found[pos] = reason
            return found
        # The grouping the local cleaners share (see _distinct_blocks): a group's answer is
        # its first candidate's.
        group_of = _distinct_blocks(draft.blocks)[1]
        seen: dict[int, str | None] = {}
        for pos in candidates:
            group = group_of[pos]
            if group in seen:
                reason = seen[group]
            else:
                reason = seen[group] = self.judge(draft, pos)
            if reason is not None:
                found[pos] = reason
        return found


#: The key of the last blocks grouped, in the document's memo (see _distinct_blocks).
_DISTINCT_KEY = object()


def _distinct_blocks(blocks: tuple[DraftBlock, ...]) -> tuple[list[int], list[int]]:
    """Group blocks that are the same but for their position.

    Returns:
        The position of each group's first block, and each block's group number. The local
        cleaners run one after the other on the same blocks (until one removes something):
        the grouping is kept in the document's memo and made once for them all.
    """
    return kept_for(_DISTINCT_KEY, blocks, lambda: _grouped(blocks))


def _grouped(blocks: tuple[DraftBlock, ...]) -> tuple[list[int], list[int]]:
    # Made for every new tuple of blocks: one comprehension, each group's number from
    # setdefault (groups are numbered in order of first appearance, so a new key's number is
    # the count of keys before it), then each group's first block.
    groups: dict[tuple[object, ...], int] = {}
    group_of = [
        groups.setdefault((b.text, b.kind, b.tag, b.classes, b.link_density), len(groups))
        for b in blocks
    ]
    if len(groups) == len(group_of):
        return list(range(len(group_of))), group_of  # every block distinct
    firsts: list[int] = []
    for pos, group in enumerate(group_of):
        if group == len(firsts):  # a group not seen before: its first block
            firsts.append(pos)
    return firsts, group_of


class Trimmer(BaseCleaner):
    """Cuts a prefix or suffix off blocks (a kicker label...). Override :meth:`cut`.

    Every block is judged on the draft as the cleaner got it; the cuts are then made together.
    """

    @abc.abstractmethod
    def cut(self, draft: Draft, pos: int) -> tuple[int, int, str] | None:
        """Return ``(start, end, reason)`` of the span to cut from block ``pos``, or None.

        The span must be a prefix (``start == 0``) or a suffix (``end == len(text)``).

        Args:
            draft: The current draft.
            pos: Position of the block in ``draft.blocks``.
        """

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft.

        Every block is judged on ``draft`` as given; the cuts are then made together
        (:meth:`Draft.trim_many`: one after the other would copy the blocks for each).
        """
        cuts: dict[int, tuple[int, int, str]] = {}
        for pos in range(len(draft.blocks)):
            found = self.cut(draft, pos)
            if found is not None:
                start, end, reason = found
                cuts[pos] = (start, end, self._check(reason))
        return draft.trim_many(cuts, cleaner=self.name) if cuts else draft


class Extractor(BaseCleaner):
    """Moves blocks into fields (a byline into ``authors``). Override :meth:`extract`."""

    @abc.abstractmethod
    def extract(self, draft: Draft) -> tuple[Mapping[int, str], Mapping[str, Any]]:
        """Return the blocks to take out of the body and the Draft fields to set.

        Args:
            draft: The current draft.

        Returns:
            ``({position: reason}, {field: value})``; both empty when nothing was found.
        """

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft."""
        found, fields = self.extract(draft)
        if fields:
            draft = draft.replace(**fields)
        for reason in set(found.values()):
            self._check(reason)
        return draft.remove(found, cleaner=self.name)


class FunctionCleaner:
    """Wraps a plain ``Draft -> Draft`` function as a named cleaner.

    Args:
        func: The function.
        name: The cleaner's name; defaults to the function's ``__name__``.

    Raises:
        TypeError: If ``func`` is not callable.
        PipelineError: If no usable snake_case name can be found (a lambda needs ``name=``).

    Example:
        >>> from articlekit.draft import Draft
        >>> def drop_last(draft):
        ...     return draft.remove({len(draft.blocks) - 1: "footer"}, cleaner="drop_last")
        >>> FunctionCleaner(drop_last).name
        'drop_last'
    """

    __slots__ = ("func", "name")

    def __init__(self, func: Callable[[Draft], Draft], name: str | None = None) -> None:
        if not callable(func):
            msg = f"a cleaner must be callable (Draft -> Draft), got {func!r}"
            raise TypeError(msg)
        name = name if name is not None else getattr(func, "__name__", None)
        if not isinstance(name, str) or not _SNAKE.match(name):
            msg = (
                f"cannot name the cleaner {func!r} ({name!r} is not snake_case): "
                "pass name='my_cleaner' or wrap it in FunctionCleaner(func, name=...)"
            )
            raise PipelineError(msg)
        self.func = func
        self.name = name

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft."""
        return self.func(draft)

    def __repr__(self) -> str:
        return f"FunctionCleaner({self.func!r}, name={self.name!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, FunctionCleaner)
            and other.func == self.func
            and other.name == self.name
        )

    def __hash__(self) -> int:
        return hash((self.func, self.name))


def as_cleaner(obj: object) -> Cleaner:
    """Return ``obj`` as a cleaner: cleaner objects as they are, callables wrapped.

    Args:
        obj: A :class:`Cleaner` (anything with a ``name`` and ``__call__``) or a plain function.

    Returns:
        The cleaner.

    Raises:
        TypeError: For anything that is neither (the message names the bad value).
    """
    if isinstance(obj, type):
        msg = f"got the class {obj.__name__}, not a cleaner: instantiate it ({obj.__name__}())"
        raise TypeError(msg)
    if isinstance(getattr(obj, "name", None), str) and callable(obj):
        return obj  # type: ignore[return-value]
    if callable(obj):
        return FunctionCleaner(obj)
    msg = f"a pipeline step must be a Cleaner or a callable Draft -> Draft, got {obj!r}"
    raise TypeError(msg)
