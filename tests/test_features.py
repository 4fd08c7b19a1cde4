"""The document features: words counted in scripts written without spaces."""

from __future__ import annotations

import newsqc
from newsqc.article import Article
from newsqc.features import UNSPACED_LETTERS, document_features, word_counts

# A Thai news paragraph: spaces part its phrases, not its words.
THAI = (
    "สภาเมืองลงมติเมื่อวันอังคารให้ขยายเครือข่ายรถประจำทางไปยังสามเขตใหม่ "
    "ซึ่งเจ้าหน้าที่กล่าวว่าจะช่วยลดเวลาเดินทางเฉลี่ยลงหนึ่งในสี่ภายในห้าปีข้างหน้า\n\n"
    "การตัดสินใจดังกล่าวเกิดขึ้นหลังจากการรับฟังความคิดเห็นของประชาชนหลายเดือน"
)


def test_words_of_spaced_scripts_count_one_each() -> None:
    article = Article.from_text("The council met. Совет собрался.")
    assert word_counts(article) == [0, 1, 2, 3, 4, 5]
    assert document_features(article, [])["words"] == 5.0


def test_a_run_of_an_unspaced_script_counts_its_letters() -> None:
    article = Article.from_text(THAI)
    counts = word_counts(article)
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
