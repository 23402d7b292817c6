"""Integrations with crawling and distributed-computing frameworks.

Each integration is an optional extra: articlekit never needs it, and importing one of these
modules works without it; using it without the extra raises
:class:`~articlekit.errors.MissingDependencyError` with the install command.

- :mod:`articlekit.integrations.scrapy`: an item pipeline that cleans each scraped page
  (``pip install 'articlekit[scrapy]'``).
- :mod:`articlekit.integrations.dask`: clean a crawl on a cluster, as a Dask bag or dataframe
  (``pip install 'articlekit[dask]'``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType

from articlekit.article import Article
from articlekit.errors import MissingDependencyError

__all__ = ["ARTICLE_FIELDS", "DEFAULT_FIELDS", "check_fields", "require"]

#: Every field of :meth:`Article.to_dict() <articlekit.Article.to_dict>`, in its order: read
#: from an Article, so that a field added to the Article is an integration's field at once.
ARTICLE_FIELDS: tuple[str, ...] = tuple(Article().to_dict())
#: The Article fields an integration writes unless told otherwise: the text, the metadata and
#: what was removed; not ``blocks`` (the text again, block by block), ``contributors`` (the
#: authors again, with roles), ``url`` (the input's own), nor the fields added after these
#: (``canonical_url``, ``image``, ``images``, ``tags``: ask for them, so that the items and
#: tables of an existing crawl keep their columns).
DEFAULT_FIELDS = (
    "title",
    "subtitle",
    "authors",
    "section",
    "source",
    "language",
    "published",
    "updated",
    "date_assumptions",
    "text",
    "removed",
)


def require(module: str, extra: str) -> ModuleType:
    """Import an optional dependency, or say which extra installs it.

    Args:
        module: The module to import, such as ``"dask.bag"``.
        extra: The articlekit extra that installs it, such as ``"dask"``.

    Returns:
        The module.

    Raises:
        MissingDependencyError: If it cannot be imported.

    Example:
        >>> require("json", "none").dumps([1])
        '[1]'
        >>> try:
        ...     require("no_such_module_here", "dask")
        ... except MissingDependencyError as exc:
        ...     print(str(exc).rpartition(": ")[2])
        pip install 'articlekit[dask]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = (
            f"articlekit.integrations.{extra} needs {module} ({exc}): "
            f"pip install 'articlekit[{extra}]'"
        )
        raise MissingDependencyError(msg) from exc


def check_fields(fields: Iterable[str]) -> tuple[str, ...]:
    """Check that each name is an Article field (see :data:`ARTICLE_FIELDS`).

    Args:
        fields: The names.

    Returns:
        The names, as a tuple, in the given order.

    Raises:
        ValueError: If one is not an Article field, or ``fields`` is a single string.

    Example:
        >>> check_fields(["title", "text"])
        ('title', 'text')
        >>> check_fields(["title", "body"])
        Traceback (most recent call last):
        ...
        ValueError: unknown Article field 'body'; the fields are title, subtitle, authors, \
contributors, section, source, url, canonical_url, language, published, updated, \
date_assumptions, image, images, tags, text, blocks, removed
    """
    if isinstance(fields, str):
        msg = f"fields must be a list of Article field names, not the string {fields!r}"
        raise ValueError(msg)
    names = tuple(fields)
    for name in names:
        if name not in ARTICLE_FIELDS:
            known = ", ".join(ARTICLE_FIELDS)
            msg = f"unknown Article field {name!r}; the fields are {known}"
            raise ValueError(msg)
    return names
