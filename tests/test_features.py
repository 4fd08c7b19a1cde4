"""The document features: words counted in scripts written without spaces; the flagged share."""

from __future__ import annotations

import newsqc
from newsqc.article import UNSPACED_LETTERS, Article
from newsqc.features import document_features
from tests.conftest import examples

# A Thai news paragraph: spaces part its phrases, not its words.
THAI = (
    "สภาเมืองลงมติเมื่อวันอังคารให้ขยายเครือข่ายรถประจำทางไปยังสามเขตใหม่ "
    "ซึ่งเจ้าหน้าที่กล่าวว่าจะช่วยลดเวลาเดินทางเฉลี่ยลงหนึ่งในสี่ภายในห้าปีข้างหน้า\n\n"
    "การตัดสินใจดังกล่าวเกิดขึ้นหลังจากการรับฟังความคิดเห็นของประชาชนหลายเดือน"
)


# Three-paragraph news briefs in Chinese and Japanese (160 and 155 characters).
CHINESE = (
    "国务院总理周二主持召开常务会议，部署进一步支持小微企业发展的措施。会议指出，要加大金融支持力度，"
    "降低企业融资成本。\n\n会议强调，各地区各部门要落实好已经出台的减税降费政策，确保企业真正受益。"
    "同时，要优化营商环境，激发市场主体活力。\n\n专家认为，这些措施将有助于稳定就业，促进经济平稳运行。"
    "预计相关政策将在下个月正式实施。"
)
JAPANESE = (
    "政府は火曜日、来年度の予算案を閣議決定した。財務大臣は記者会見で、物価の上昇を抑えながら、"
    "地方の雇用を守ることが最も重要だと述べた。\n\n野党は、学校や介護施設への支出が十分ではないと"
    "批判している。国会での審議は来月から始まる予定だ。\n\n経済の専門家は、金利の引き下げは早くても"
    "夏以降になるとの見方を示している。"
)


def test_words_of_spaced_scripts_count_one_each() -> None:
    article = Article.from_text("The council met. Совет собрался.")
    assert article.word_counts == (0, 1, 2, 3, 4, 5)
    assert document_features(article, [])["words"] == 5.0


def test_a_run_of_an_unspaced_script_counts_its_letters() -> None:
    article = Article.from_text(THAI)
    counts = article.word_counts
    assert len(article.words) == 3
    letters = sum(len(w) for w in article.word_texts)  # every character here is Thai
    assert counts[-1] == letters / UNSPACED_LETTERS
    features = document_features(article, [])
    assert features["words"] == features["kept_words"] > 50
    assert features["short_line_share"] == 0.0


def test_a_thai_article_is_not_dropped_as_too_short() -> None:
    # Counted by its four runs between spaces, it looked like a page of short lines: dropped.
    a = newsqc.assess(THAI)
    assert a.language == "th"
    assert not a.spans
    assert a.verdict == "keep"


def test_short_chinese_and_japanese_briefs_are_kept() -> None:
    # Counted at three characters a word, each was under the verdict's 50 words: dropped.
    for text, language in ((CHINESE, "zh"), (JAPANESE, "ja")):
        a = newsqc.assess(text)
        assert a.language == language
        assert not a.spans
        assert a.verdict == "keep"


def test_the_flagged_share_is_the_same_in_any_layout() -> None:
    # Over the characters that are no space or line break (0.029 with LF, 0.034 with CRLF and
    # blank lines before): a page near the drop rule's share moved across it with its layout.
    text = "Home\nNews\nSport\n" + examples()[0]["text"] + "\n0 Comments"
    shares = {newsqc.assess(t).features["flagged_share"] for t in (text, text.replace("\n", "\r\n\r\n"))}
    assert len(shares) == 1 and 0 < shares.pop() < 0.1
