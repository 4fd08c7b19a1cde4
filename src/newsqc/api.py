"""The one-article API: :func:`assess` and :func:`clean`."""

from __future__ import annotations

import dataclasses

from newsqc.article import Article
from newsqc.assessment import Assessment, Span
from newsqc.classifier import document_features, rule_verdict
from newsqc.cleaning import clean_text
from newsqc.language import detect_language
from newsqc.scorers import SCORERS

__all__ = ["assess", "clean"]


def _check_text(text: object, what: str = "text") -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{what} must be a decoded str, not {type(text).__name__}: "
            "decode it first, for example data.decode('utf-8', errors='replace')"
        )
    raise TypeError(f"{what} must be a str (the article's text), not {type(text).__name__}")


def _overlap(span: Span, others: list[Span]) -> int:
    return sum(max(0, min(span.end, o.end) - max(span.start, o.start)) for o in others)


def assess(text: str, title: str | None = None, url: str | None = None) -> Assessment:
    """Assess one article: spans with reasons, a score per kind, a verdict and the cleaned text.

    ``text`` is the article as the scraper extracted it; ``title`` and ``url`` are optional hints.

    >>> a = assess("Back to top button")
    >>> a.verdict, a.spans[0].reason
    (<Verdict.DROP: 'drop'>, 'boilerplate:call_to_action')
    >>> assess(b"bytes")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: text must be a decoded str, not bytes: decode it first, ...
    """
    text = _check_text(text)
    title = None if title is None else _check_text(title, "title")
    url = None if url is None else _check_text(url, "url")
    article = Article.from_text(text, title=title, url=url)
    article = dataclasses.replace(article, language=detect_language(article))
    findings = [scorer.score(article) for scorer in SCORERS]
    chrome = [s for f in findings if f.name == "boilerplate" for s in f.spans]
    spans: list[Span] = []
    for finding in findings:
        for span in finding.spans:
            # Repeated chrome is boilerplate: repetition does not count it twice.
            if span.kind == "repetition" and 2 * _overlap(span, chrome) >= span.end - span.start:
                continue
            spans.append(span)
    spans.sort(key=lambda s: (s.start, s.end, s.kind, s.reason))
    scores = {f.name: f.score for f in findings}
    features: dict[str, float] = {}
    for finding in findings:
        features.update(finding.features)
    features.update(document_features(article, spans))
    verdict, quality = rule_verdict(scores, features, bool(spans))
    return Assessment(
        text=text,
        verdict=verdict,
        quality=quality,
        scores=scores,
        spans=tuple(spans),
        language=article.language,
        cleaned_text=clean_text(text, spans),
        features=features,
    )


def clean(text: str) -> str:
    """The text with its flagged spans removed and repairable garbling repaired.

    >>> clean("Kyiv wants the guarantees in writing, officials said on Monday.\\n0 Comments")
    'Kyiv wants the guarantees in writing, officials said on Monday.\\n'
    """
    return assess(text).cleaned_text
