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
