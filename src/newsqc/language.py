"""The language of an article, told by langdetect on a bounded sample of its text.

langdetect is random unless seeded and slow on long text. newsqc uses its own seeded
detector factory (no global seed is touched) and reads at most ``SAMPLE_CHARS`` characters:
the longest lines first, which are the article's prose rather than its menus.
"""

from __future__ import annotations

import threading
from typing import Any

from newsqc.article import Article

__all__ = ["SAMPLE_CHARS", "detect_language", "language_sample"]

#: How many characters of an article langdetect reads at most.
SAMPLE_CHARS = 1500
#: Below this probability for the best language, the language is None.
MIN_PROBABILITY = 0.80
_MIN_LETTERS = 20

_factory: Any = None
_lock = threading.Lock()


def _load_factory() -> Any:
    global _factory
    if _factory is None:
        with _lock:
            if _factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                factory = DetectorFactory()
                factory.load_profile(PROFILES_DIRECTORY)
                factory.seed = 0
                _factory = factory
    return _factory


def language_sample(article: Article, limit: int = SAMPLE_CHARS) -> str:
    """The longest lines of the article, in text order, up to ``limit`` characters.

    >>> language_sample(Article.from_text("Menu\\nA long line of prose here.\\nHome"), limit=30)
    'A long line of prose here.'
    """
    by_length = sorted(
        range(len(article.lines)), key=lambda i: (-(article.lines[i].end - article.lines[i].start), i)
    )
    chosen: list[int] = []
    total = 0
    for i in by_length:
        size = article.lines[i].end - article.lines[i].start + 1
        if chosen and total + size > limit:
            if total >= limit // 2:
                break
            continue
        chosen.append(i)
        total += size
    sample = "\n".join(article.lines[i].text for i in sorted(chosen))
    return sample[:limit]


def detect_language(article: Article) -> str | None:
    """ISO 639-1 code of the article's language, or None when it cannot be told.

    >>> detect_language(Article.from_text("The government said on Tuesday that the new law "
    ...     "would take effect next year, after months of debate in parliament."))
    'en'
    >>> detect_language(Article.from_text("12 34 !!")) is None
    True
    """
    sample = language_sample(article)
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    detector = _load_factory().create()
    try:
        detector.append(sample)
        best = detector.get_probabilities()[0]
    except Exception:  # langdetect raises on text without features
        return None
    if best.prob < MIN_PROBABILITY:
        return None
    return str(best.lang).split("-")[0]
