"""The entry points: :func:`clean_text`, :func:`clean_html` and :func:`read_metadata`."""

from __future__ import annotations

from datetime import datetime

from articlekit._memo import per_document
from articlekit.article import Article
from articlekit.cleaners.profile import with_profile
from articlekit.draft import Draft
from articlekit.errors import InputTypeError, NoArticleError
from articlekit.mojibake import repair as repair_mojibake
from articlekit.pipeline import DEFAULT_PIPELINE, Pipeline
from articlekit.profiles import SiteProfile
from articlekit.readers.html import HtmlInput, input_removals, read_html, read_html_metadata
from articlekit.readers.html_input import DEFAULT_MAX_BYTES, scrub_surrogates
from articlekit.readers.text import read_text

__all__ = ["clean_html", "clean_text", "read_metadata"]

#: The cleaners :func:`read_metadata` runs: those that fill fields from the page's metadata
#: (there is no body to clean), as the default pipeline runs them.
_METADATA_PIPELINE = Pipeline(["apply_page_metadata", "extract_byline", "choose_title"])


def _check_reference_date(reference_date: object) -> datetime | None:
    if reference_date is None or isinstance(reference_date, datetime):
        return reference_date
    msg = f"reference_date must be a datetime or None, got {type(reference_date).__name__}"
    raise InputTypeError(msg)


def _check_max_bytes(max_bytes: object) -> int | None:
    if max_bytes is None or (isinstance(max_bytes, int) and not isinstance(max_bytes, bool)):
        return max_bytes
    msg = f"max_bytes must be an int or None, got {type(max_bytes).__name__}"
    raise InputTypeError(msg)


def _check_charset(charset: object) -> str | None:
    if charset is None or isinstance(charset, str):
        return charset
    msg = f"charset must be a str or None, got {type(charset).__name__}"
    raise InputTypeError(msg)


def _scrubbed_url(url: str | None) -> str | None:
    """The URL with lone surrogates replaced (U+FFFD), so that the Article encodes as UTF-8."""
    return scrub_surrogates(url).text if isinstance(url, str) else url


def _finish(draft: Draft, pipeline: Pipeline | None) -> Article:
    return (pipeline if pipeline is not None else DEFAULT_PIPELINE)(draft).to_article()


# One memo for the reader and the cleaners: the features the reader computes of each block
# (word counts, folded words) are the cleaners' too, whatever the page's size.
@per_document()
def clean_text(
    text: str,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
    pipeline: Pipeline | None = None,
    profile: SiteProfile | None = None,
) -> Article:
    r"""Clean plain text (what another scraper already extracted) into an Article.

    Args:
        text: The text, one block per line.
        url: The page URL, if known; copied to ``Article.url``.
        reference_date: Anchors year-less and relative dates ("3 hours ago"); without it they
            are not resolved.
        pipeline: The cleaners to run; :data:`~articlekit.DEFAULT_PIPELINE` when None.
        profile: A :class:`~articlekit.SiteProfile` learned from other pages of the same
            site: the lines it calls template go first (bylines and date lines excepted),
            with reason ``boilerplate_repeat`` (the pipeline gets a
            :class:`~articlekit.cleaners.profile.RemoveBoilerplateRepeat` step, see
            :func:`~articlekit.cleaners.profile.with_profile`).

    Returns:
        The Article. Any str is accepted; text that is all junk gives an Article with empty
        ``text`` whose ``removed`` says what went and why. Mojibake (UTF-8 read as
        Windows-1252: "itâ€™s") is decoded back and recorded in ``removed`` (reason
        ``mojibake``, see :mod:`articlekit.mojibake`).

    Raises:
        InputTypeError: If ``text`` is not a str, ``reference_date`` not a datetime, or
            ``profile`` not a SiteProfile.
        PipelineError: If ``profile`` is given and ``pipeline`` already has a
            ``remove_boilerplate_repeat`` step.
        CleanerError: If a custom cleaner in ``pipeline`` fails.

    Example:
        >>> a = clean_text("Advertisement\nThe talks resumed in Istanbul, officials said.")
        >>> a.text, [r.reason for r in a.removed]
        ('The talks resumed in Istanbul, officials said.', ['ad_label'])
    """
    if not isinstance(text, str):
        # read_text says so in its own words; only a str is scrubbed here.
        return _finish(read_text(text, url=url, reference_date=reference_date), pipeline)
    scrubbed = scrub_surrogates(text)
    repaired = repair_mojibake(scrubbed.text, scrubbed.encoded)
    draft = read_text(
        repaired.text, url=_scrubbed_url(url), reference_date=_check_reference_date(reference_date)
    )
    removals = input_removals(scrubbed, repaired, cleaner="read_text")
    if removals:
        draft = draft.replace(removed=(*draft.removed, *removals))
    if profile is not None:
        pipeline = with_profile(pipeline if pipeline is not None else DEFAULT_PIPELINE, profile)
    return _finish(draft, pipeline)


@per_document()  # see clean_text
def clean_html(
    html: HtmlInput,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
    pipeline: Pipeline | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    charset: str | None = None,
) -> Article:
    """Clean a fetched page into an Article.

    trafilatura finds the main content; the same cleaners as :func:`clean_text` then remove
    what it let through (related links, ad labels, teaser lists...), with link density as an
    extra signal, and the page's metadata (meta tags, JSON-LD, htmldate) fills the fields.

    Args:
        html: The page: ``str``, ``bytes`` (decoded from its BOM or declared charset, else by
            detection), an lxml element, or a BeautifulSoup object.
        url: The page URL, if known.
        reference_date: Anchors year-less and relative dates.
        pipeline: The cleaners to run; :data:`~articlekit.DEFAULT_PIPELINE` when None.
        max_bytes: The largest page read, in bytes (a ``str`` counts its UTF-8 length;
            lxml and BeautifulSoup trees are not measured); None for no limit. The default,
            :data:`~articlekit.readers.html_input.DEFAULT_MAX_BYTES`, is 20 MB
            (trafilatura's own limit).
        charset: For ``bytes``, the charset the server declared in its HTTP
            ``Content-Type`` header (:attr:`articlekit.fetch.FetchedPage.charset`): it takes
            the place of the page's own ``<meta>`` declaration, as in a browser. A name that
            is no usable charset is ignored; other inputs are text already.

    Returns:
        The Article. Lone surrogates in a ``str`` (code points no UTF-8 encoder takes) are
        replaced with U+FFFD and recorded in ``removed`` (reason ``invalid_character``);
        mojibake in a ``str`` or decoded ``bytes`` (UTF-8 read as Windows-1252: "itâ€™s") is
        decoded back and recorded too (reason ``mojibake``, see :mod:`articlekit.mojibake`).

    Raises:
        InputTypeError: If ``html`` (or ``charset``) is of another type.
        InputTooLargeError: If the page is larger than ``max_bytes``.
        InputError: If ``html`` has no markup (use :func:`clean_text` for plain text).
        UnreadableInputError: If a library under the reader fails on the page in a way
            articlekit cannot work around.
        NoArticleError: If the page has no main text at all; its ``article`` holds what the
            page's metadata says (title, dates, authors) in an Article without blocks.
        CleanerError: If a custom cleaner in ``pipeline`` fails.

    Example:
        >>> page = ("<html><head><title>Talks resume | The Daily</title></head><body>"
        ...         "<article><h1>Talks resume</h1><p>Negotiators for both countries met on "
        ...         "Monday in Istanbul and agreed to resume the exchange of prisoners.</p>"
        ...         "<p>Advertisement</p></article></body></html>")
        >>> a = clean_html(page)
        >>> a.title, a.text[:22], [r.reason for r in a.removed]
        ('Talks resume', 'Negotiators for both c', ['title', 'ad_label'])
    """
    try:
        draft = read_html(
            html,
            url=_scrubbed_url(url),
            reference_date=_check_reference_date(reference_date),
            max_bytes=_check_max_bytes(max_bytes),
            charset=_check_charset(charset),
        )
    except NoArticleError as exc:
        if isinstance(exc.article, Draft):
            exc.article = _finish(exc.article, pipeline)
        raise
    return _finish(draft, pipeline)


@per_document()  # see clean_text
def read_metadata(
    html: HtmlInput,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Article:
    """Read a page's metadata into an Article without its main text: several times faster.

    What the page's markup says: title, subtitle (the description), authors, published and
    updated, source (the site's name), section, language, ``url`` and ``canonical_url``,
    ``image`` (the lead image) and ``tags``, read as :func:`clean_html` reads them, without
    trafilatura's main-text extraction: the Article has no blocks and no ``images`` (they
    are the body's). Where :func:`clean_html` reads the body (a byline or a date line
    printed in it, its first image, the headline above it, the language of its prose), this
    reads the page's lines under the printed headline instead, and may give another value:
    see docs/html.md for how often the two agree.

    Args:
        html: The page: ``str``, ``bytes``, an lxml element, or a BeautifulSoup object.
        url: The page URL, if known.
        reference_date: Anchors year-less and relative dates.
        max_bytes: The largest page read, in bytes, as for :func:`clean_html`.

    Returns:
        The Article, with no blocks. Lone surrogates in a ``str`` are replaced with U+FFFD
        and recorded in ``removed`` (reason ``invalid_character``), mojibake decoded back
        (reason ``mojibake``), as in :func:`clean_html`.

    Raises:
        InputTypeError: If ``html`` is of another type, or ``reference_date`` is no datetime.
        InputTooLargeError: If the page is larger than ``max_bytes``.
        InputError: If ``html`` has no markup (a page without main text is no error here).
        UnreadableInputError: If the page is nested too deeply for a reader.

    Example:
        >>> page = ('<html lang="en"><head><title>Talks resume | The Daily</title>'
        ...         '<meta property="og:image" content="/img/talks.jpg">'
        ...         '<meta name="keywords" content="Ukraine, Diplomacy"></head>'
        ...         '<body><h1>Talks resume</h1><p>Published 16 Nov 2025</p></body></html>')
        >>> a = read_metadata(page, url="https://daily.test/world/talks")
        >>> a.title, a.published.date().isoformat(), a.blocks
        ('Talks resume', '2025-11-16', ())
        >>> a.image, a.tags
        ('https://daily.test/img/talks.jpg', ('Ukraine', 'Diplomacy'))
    """
    draft = read_html_metadata(
        html,
        url=_scrubbed_url(url),
        reference_date=_check_reference_date(reference_date),
        max_bytes=_check_max_bytes(max_bytes),
    )
    return _METADATA_PIPELINE(draft).to_article()
