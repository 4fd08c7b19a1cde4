"""The one-article API: :func:`assess` and :func:`clean`."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from newsqc.article import Article
from newsqc.assessment import Assessment, Span
from newsqc.classifier import ModelLike, predict
from newsqc.cleaning import clean_text
from newsqc.features import feature_vector
from newsqc.language import detect_language
from newsqc.scorers import SCORERS, Finding

__all__ = ["analyse", "assess", "clean"]


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


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _repeated_chrome(text: str, copy: Span, chrome: list[Span]) -> bool:
    """True when a repetition span is a copy of chrome: boilerplate already names it.

    The copy must lie mostly under boilerplate spans and its text must also stand in a
    boilerplate span elsewhere; a copy of the article's own title or paragraph that the
    boilerplate scorer happened to flag stays repetition.
    """
    if 2 * _overlap(copy, chrome) < copy.end - copy.start:
        return False
    folded = _folded(text[copy.start : copy.end])
    return any(
        folded in _folded(text[c.start : c.end]) for c in chrome if c.end <= copy.start or c.start >= copy.end
    )


def _site_chrome(article: Article, chrome_lines: Collection[str], chrome: list[Span]) -> list[Span]:
    """Spans ``boilerplate:site_chrome`` for the article's lines named in ``chrome_lines``
    that no boilerplate span covers already."""
    known = {line.strip() for line in chrome_lines}
    return [
        Span(line.start, line.end, "boilerplate", 1.0, "boilerplate:site_chrome")
        for line in article.lines
        if line.text in known and not any(c.start <= line.start and line.end <= c.end for c in chrome)
    ]


def analyse(
    text: str, title: str | None = None, url: str | None = None, chrome_lines: Collection[str] = ()
) -> tuple[Article, list[Finding], list[Span]]:
    """The article, every scorer's finding and the final spans (sorted): what assess reads.

    ``chrome_lines``: lines of this text known to be chrome of its site (see :func:`assess`).

    >>> article, findings, spans = analyse("Officials met on Monday.\\n0 Comments")
    >>> [f.name for f in findings], [s.reason for s in spans]
    (['boilerplate', 'offtopic', 'garbled', 'repetition'], ['boilerplate:counter'])
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
            if span.kind == "repetition" and _repeated_chrome(text, span, chrome):
                continue
            spans.append(span)
    if chrome_lines:
        spans.extend(_site_chrome(article, chrome_lines, chrome))
    spans.sort(key=lambda s: (s.start, s.end, s.kind, s.reason))
    return article, findings, spans


def assess(
    text: str,
    title: str | None = None,
    url: str | None = None,
    model: ModelLike = None,
    chrome_lines: Collection[str] = (),
) -> Assessment:
    """Assess one article: spans with reasons, a score per kind, a verdict and the cleaned text.

    ``text`` is the article as the scraper extracted it; ``title`` and ``url`` are optional hints.
    ``model`` is the verdict model: None for the one shipped with newsqc, the path of a model
    file written by ``newsqc train``, or a loaded :class:`newsqc.classifier.VerdictModel`.
    ``chrome_lines`` are lines of this text known to be chrome because they recur on other
    pages of its site (:class:`newsqc.SiteChrome` finds them across a batch): each such line
    is flagged ``boilerplate:site_chrome``.

    >>> a = assess("Back to top button")
    >>> a.verdict, a.spans[0].reason
    (<Verdict.DROP: 'drop'>, 'boilerplate:call_to_action')
    >>> assess(b"bytes")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: text must be a decoded str, not bytes: decode it first, ...
    """
    text = _check_text(text)
    article, findings, spans = analyse(text, title=title, url=url, chrome_lines=chrome_lines)
    features = feature_vector(findings, article, spans)
    verdict, quality = predict(features, model)
    return Assessment(
        text=text,
        verdict=verdict,
        quality=quality,
        scores={f.name: f.score for f in findings},
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
