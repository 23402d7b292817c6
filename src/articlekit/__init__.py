r"""articlekit: turn scraped news pages (HTML or plain text) into clean, structured articles.

Example:
    >>> import articlekit
    >>> a = articlekit.clean_text("World\nPrisoner swap talks resume\nUkraine and Russia "
    ...     "resumed talks on prisoner exchanges on Monday, officials said.\nAdvertisement")
    >>> a.title, a.section, a.text[:40]
    ('Prisoner swap talks resume', 'World', 'Ukraine and Russia resumed talks on pris')
"""

from articlekit._version import __version__
from articlekit.api import clean_html, clean_text, read_metadata
from articlekit.article import Article, Block, Contributor, Image, Removal, Span
from articlekit.cleaners.base import (
    BaseCleaner,
    BlockRemover,
    Cleaner,
    Extractor,
    FunctionCleaner,
    Remover,
    Trimmer,
)
from articlekit.draft import Draft, DraftBlock, Hints
from articlekit.errors import (
    ArticlekitError,
    CleanerError,
    FetchError,
    InputError,
    InputTooLargeError,
    InputTypeError,
    MissingDependencyError,
    NoArticleError,
    PipelineError,
    ProfileError,
    ProfileVersionError,
    UnknownCleanerError,
    UnreadableInputError,
)
from articlekit.mojibake import fix_mojibake
from articlekit.pipeline import DEFAULT_PIPELINE, Pipeline
from articlekit.profiles import SiteProfile

__all__ = [
    "DEFAULT_PIPELINE",
    "Article",
    "ArticlekitError",
    "BaseCleaner",
    "Block",
    "BlockRemover",
    "Cleaner",
    "CleanerError",
    "Contributor",
    "Draft",
    "DraftBlock",
    "Extractor",
    "FetchError",
    "FunctionCleaner",
    "Hints",
    "Image",
    "InputError",
    "InputTooLargeError",
    "InputTypeError",
    "MissingDependencyError",
    "NoArticleError",
    "Pipeline",
    "PipelineError",
    "ProfileError",
    "ProfileVersionError",
    "Removal",
    "Remover",
    "SiteProfile",
    "Span",
    "Trimmer",
    "UnknownCleanerError",
    "UnreadableInputError",
    "__version__",
    "clean_html",
    "clean_text",
    "fix_mojibake",
    "read_metadata",
]
