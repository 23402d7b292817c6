"""Chinese and Japanese: words are not spaced, yet a paragraph is prose (features.word_count)."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.features import is_prose, word_count

ZH_STORY = [
    "疫情发生以来，武汉人民在党中央坚强领导下，众志成城，顽强抗击疫情。"
    "广大医务工作者不顾个人安危，日夜奋战在救治一线，用生命守护生命。",
    "社区工作者、志愿者、快递小哥、环卫工人等坚守岗位，为城市运转提供保障。"
    "他们的付出让人感动，也让这座城市充满温度。",
    "专家表示，只要坚持科学防治、精准施策，就一定能够打赢这场疫情防控阻击战。",
]
JA_STORY = [
    "国会で、親が子どもに体罰をすることを禁止する法律ができました。来年4月から始まります。",
    "子どもが死んだり、けがをしたりする事件が続いたため、国は法律を変えることにしました。",
    "専門家は、しつけと体罰の違いを親にしっかり伝えることが大切だと話しています。",
]


def test_a_run_of_han_or_kana_counts_a_word_for_every_two_characters() -> None:
    assert word_count("国会で法律ができました。") == 6
    assert word_count("首页 | 新闻 | 体育 | 财经") == 4  # two-character words, spaced
    assert word_count("Talks in 東京 resume") == 4  # one run of two: one word
    assert word_count("Straße über Köln") == 3  # spaced scripts as before


def test_a_chinese_or_japanese_paragraph_is_prose() -> None:
    assert all(is_prose(p) for p in ZH_STORY + JA_STORY)
    assert not is_prose("武汉新增出院病例持续增加")  # a headline: short, no stop


def test_clean_text_keeps_a_chinese_story_and_drops_the_menu_and_related_list() -> None:
    page = "\n".join(
        [
            "首页 | 新闻 | 体育 | 财经",
            "武汉的声音：有英勇的你，才有英雄的城！",
            *ZH_STORY,
            "相关新闻",
            "武汉新增出院病例持续增加",
            "湖北多地公布最新疫情数据",
        ]
    )
    article = articlekit.clean_text(page)
    kept = [b.text for b in article.blocks]
    assert [t for t in kept if t in ZH_STORY] == ZH_STORY
    for junk in ("首页 | 新闻 | 体育 | 财经", "相关新闻", "武汉新增出院病例持续增加"):
        assert junk not in kept
    assert article.language == "zh"


@pytest.mark.xfail(
    reason="plain text: a Chinese or Japanese headline is not read as the title yet (the "
    "title cleaners' tests are of spaced words); it stays in the text or goes as a list line",
    strict=True,
)
def test_clean_text_reads_a_chinese_headline_as_the_title() -> None:
    page = "\n".join(
        ["首页 | 新闻 | 体育 | 财经", "武汉的声音：有英勇的你，才有英雄的城！", *ZH_STORY]
    )
    assert articlekit.clean_text(page).title == "武汉的声音：有英勇的你，才有英雄的城！"


def test_clean_text_keeps_a_japanese_story_and_drops_the_menu_and_related_list() -> None:
    page = "\n".join(
        ["ホーム | ニュース | スポーツ", *JA_STORY, "関連ニュース", "東京で大雨 注意が必要"]
    )
    article = articlekit.clean_text(page)
    assert [b.text for b in article.blocks] == JA_STORY
    assert article.language == "ja"
