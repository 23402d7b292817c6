"""Near-duplicate stories: the five seeds are one story; an unrelated one is not."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit
from articlekit.errors import InputTypeError
from articlekit.stories import StoryIndex, StorySignature, signature, story_words

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# Written for this test: another day's news, with names of its own.
UNRELATED = "\n\n".join(
    [
        "The European Central Bank raised its deposit rate by a quarter point on Thursday, its "
        "sixth increase in a row, as inflation in the euro area stayed well above target.",
        "Speaking in Frankfurt, the bank's president Christine Lagarde said the Governing "
        "Council would keep rates high for as long as needed. Economists at Deutsche Bank and "
        "BNP Paribas had expected the move, though several members argued for a pause.",
        "Markets in Paris, Milan and Madrid fell after the announcement, while the euro rose "
        "against the dollar. Germany's finance minister said the decision showed the bank's "
        "independence.",
    ]
)


@pytest.fixture(scope="module")
def seeds():
    assert len(SEEDS) == 5
    return {
        path.stem[:3]: articlekit.clean_text(path.read_text(encoding="utf-8")) for path in SEEDS
    }


def test_the_five_seeds_are_one_story_and_an_unrelated_story_is_not(seeds):
    index = StoryIndex()
    for key, article in seeds.items():
        index.add(key, article)
    index.add("ecb", articlekit.clean_text(UNRELATED))
    assert index.groups() == [sorted(seeds)]
    matches = index.matches(seeds["000"])
    assert matches[0] == ("000", 1.0)  # itself first
    assert {k for k, _ in matches} == set(seeds)
    assert index.matches(articlekit.clean_text(UNRELATED)) == [("ecb", 1.0)]


def test_a_tighter_threshold_splits_the_rewrites(seeds):
    # The seeds share 25-68% of their names: at 0.9 only near-copies would group.
    index = StoryIndex(threshold=0.9)
    for key, article in seeds.items():
        index.add(key, article)
    assert index.groups() == []


def test_names_not_sentence_openers_or_stopwords():
    words = story_words(
        "Talks resumed in Istanbul. Officials from Ukraine met Turkey's envoy, the Red Cross and "
        "the UN."
    )
    # "Talks" and "Officials" open sentences, "the" is a stopword, "UN" is too short.
    assert words == {"istanbul", "ukraine", "turkey", "red", "cross"}
    # Fewer than five names: the content words stand in.
    assert story_words("Talks resumed. Officials met in Istanbul.") == {
        "talks",
        "resumed",
        "officials",
        "istanbul",
    }  # ("met" is a stopword in one of the languages: without a language, all count)


def test_signature_is_deterministic_and_comparable():
    text = articlekit.clean_text(UNRELATED)
    a, b = signature(text), signature(UNRELATED)
    assert isinstance(a, StorySignature)
    assert a == signature(articlekit.clean_text(UNRELATED))
    assert a.similarity(b) == 1.0  # the same names, cleaned or not
    assert signature("").similarity(a) == 0.0
    assert signature("").size == 0


def test_bad_input_and_keys():
    index = StoryIndex()
    index.add("a", UNRELATED)
    with pytest.raises(KeyError):
        index.add("a", UNRELATED)
    with pytest.raises(InputTypeError):
        index.add("b", 42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threshold"):
        StoryIndex(threshold=0)
    with pytest.raises(ValueError, match="multiple"):
        StoryIndex(num_perm=129, band_rows=2)
    assert len(index) == 1
