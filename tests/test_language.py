"""The language of an article: langdetect's profiles read into arrays, and the detection."""

from __future__ import annotations

import os
import unicodedata

import numpy as np
import pytest

from newsqc.article import Article
from newsqc.language import _load_profiles, detect_language

SAMPLES = {
    "en": "The council approved the new budget on Monday after a long debate about the cost of the bridge.",
    "de": "Der Stadtrat hat am Montag nach einer langen Debatte den Haushalt für die Brücke beschlossen.",
    "fr": "Le conseil municipal a approuvé lundi le nouveau budget après un long débat sur le coût du pont.",
    "es": "El ayuntamiento aprobó el lunes el nuevo presupuesto tras un largo debate sobre el puente.",
    "ru": "Городской совет в понедельник утвердил новый бюджет после долгих споров о стоимости моста.",
    "pt": "A câmara aprovou na segunda-feira o novo orçamento após um longo debate sobre a ponte.",
    "ko": "시의회는 월요일 다리 비용에 대한 긴 논쟁 끝에 새 예산을 승인했다고 밝혔습니다.",
}


def test_profiles_are_langdetects() -> None:
    """Every n-gram's log-probability per language is the one langdetect's own loader gives."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = _load_profiles()
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    names = [str(name) for name in factory.get_lang_list()]
    files = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
    assert [n.split("-")[0] for n in files] == profiles.languages  # file-name order, on any machine
    grams = list(factory.word_lang_prob_map)
    assert len(grams) == len(profiles.index)
    expected = np.log(np.array([factory.word_lang_prob_map[g] for g in grams]) + 0.5 / 10000)
    rows = np.array([profiles.index[g] for g in grams])
    columns = [names.index(n) for n in files]
    assert np.array_equal(profiles.log_prob[rows], expected[:, columns])


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_the_language(language: str) -> None:
    assert detect_language(Article.from_text(SAMPLES[language])) == language


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_decomposed_text_has_the_same_language(language: str) -> None:
    """Accents as combining marks, Hangul as its letters (NFD, as macOS writes file names):
    Korean had no language, and Portuguese pages none either."""
    decomposed = unicodedata.normalize("NFD", SAMPLES[language])
    assert detect_language(Article.from_text(decomposed)) == language


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_text_in_capitals_has_the_same_language(language: str) -> None:
    """Italian and Portuguese in capitals had no language, and were read as English."""
    assert detect_language(Article.from_text(SAMPLES[language].upper())) == language


def test_same_language_in_any_order() -> None:
    """The memo of word scores changes no result: forwards and backwards give the same."""
    texts = list(SAMPLES.values())
    forwards = [detect_language(Article.from_text(t)) for t in texts]
    backwards = [detect_language(Article.from_text(t)) for t in reversed(texts)]
    assert forwards == backwards[::-1]


def test_too_little_text_has_no_language() -> None:
    assert detect_language(Article.from_text("")) is None
    assert detect_language(Article.from_text("12 34 — 56")) is None


# A short article in Korean, Chinese and Japanese, and an English comment-spam paragraph longer
# in letters than the article is in syllables or characters.
DENSE = {
    "ko": "서울시는 화요일 내년부터 도심에 자전거 도로 세 곳을 새로 만든다고 밝혔다.\n"
    "부시장은 이 사업에 약 500억 원이 들 것이며 대부분은 정부 예산에서 나온다고 말했다.\n"
    "시민들은 수년 동안 안전한 자전거 도로가 부족하다고 불만을 제기해 왔다.",
    "zh": "市政府周二宣布，明年将在市中心新建三条自行车道，连接火车站和公园。\n"
    "副市长表示，该项目将耗资约五亿元，大部分资金来自中央政府预算。\n"
    "市民多年来一直抱怨缺乏安全的自行车道。",
    "ja": "市は火曜日、来年から中心部に自転車道を三本新設すると発表した。\n"
    "副市長によると、事業費は約五十億円で、大部分は国の予算から出るという。\n"
    "市民は長年、安全な自転車道が足りないと訴えてきた。",
}
SPAM = (
    "Check out my channel for free giveaways and subscribe now, I post new videos every single "
    "day and you can win a brand new iPhone if you share this with all your friends!!"
)


@pytest.mark.parametrize("language", sorted(DENSE))
def test_a_short_article_in_a_dense_script_keeps_its_language_beside_english_spam(language: str) -> None:
    """A letter of Hangul, Han or kana says as much as about three Latin letters: the Korean
    article was read as English, and its sentences then as English spam."""
    first, rest = DENSE[language].split("\n", 1)
    text = f"{first}\n{SPAM}\n{rest}"
    assert detect_language(Article.from_text(text)) == language
    # An English article quoting a line in another script stays English.
    english = SAMPLES["en"] + " " + SAMPLES["en"] + f" The sign read: {first}"
    assert detect_language(Article.from_text(english)) == "en"


def test_traditional_chinese_is_not_korean() -> None:
    # langdetect's Korean profile holds Hanja: traditional Chinese read as Korean, langdetect's
    # seeded detector too; Korean is written in Hangul.
    text = (
        "台北市政府今天宣布，將在明年推動新的公共住宅計畫，預計興建三千戶社會住宅，以協助年輕人解決居住問題。"
        "市長表示，這項計畫將優先照顧弱勢家庭。"
    )
    assert detect_language(Article.from_text(text)) == "zh"
