"""The one-article API: :func:`assess` and :func:`clean`."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from itertools import accumulate

from newsqc.article import SOFT_HYPHEN, Article
from newsqc.assessment import Assessment, Span
from newsqc.classifier import ModelLike, predict
from newsqc.cleaning import clean_text
from newsqc.features import feature_vector
from newsqc.language import detect_language
from newsqc.scorers import SCORERS, Finding
from newsqc.scorers.base import covered, merge_spans

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


def _folded(text: str) -> str:
    """``text`` case-folded, its white space collapsed, its soft hyphens out (a site hyphenates
    one printing of a line and not another)."""
    return " ".join(text.replace(SOFT_HYPHEN, "").casefold().split())


class _Chrome:
    """The boilerplate spans of a text, looked up by position in logarithmic time: a text of
    thousands of chrome lines and copies costs linear time, not the product of the two.

    >>> menus = [Span(0, 4, "boilerplate", 1.0, "x"), Span(14, 18, "boilerplate", 1.0, "x")]
    >>> c = _Chrome("Menu\\nA story.\\nMenu", menus)
    >>> c.overlap(2, 10), c.covers(14, 18), c.elsewhere("menu", 14, 18), c.elsewhere("story", 5, 13)
    (2, True, True, False)
    """

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self.spans = sorted((s.start, s.end) for s in spans)
        self.ranges = merge_spans(self.spans)
        self.ends = [end for _, end in self.ranges]
        self._joined: tuple[str, list[int], list[int]] | None = None

    def overlap(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` under chrome."""
        total = 0
        i = bisect_right(self.ends, start)
        while i < len(self.ranges) and self.ranges[i][0] < end:
            total += min(self.ranges[i][1], end) - max(self.ranges[i][0], start)
            i += 1
        return total

    def covers(self, start: int, end: int) -> bool:
        """Whether chrome covers ``[start, end)`` whole."""
        i = bisect_right(self.ends, start)
        return i < len(self.ranges) and self.ranges[i][0] <= start and end <= self.ranges[i][1]

    def elsewhere(self, folded: str, start: int, end: int) -> bool:
        """Whether ``folded`` (see :func:`_folded`) stands inside the folded text of a chrome span
        that lies outside ``[start, end)``."""
        if self._joined is None:  # every span's folded text, one after the other
            texts = [_folded(self.text[a:b]) for a, b in self.spans]
            offsets = list(accumulate((len(t) + 1 for t in texts), initial=0))
            self._joined = ("\n".join(texts), offsets, [len(t) for t in texts])
        joined, offsets, lengths = self._joined
        at = joined.find(folded)
        while at >= 0:
            k = bisect_right(offsets, at) - 1
            a, b = self.spans[k]
            inside = at + len(folded) <= offsets[k] + lengths[k]
            if inside and (b <= start or a >= end):
                return True
            # The span that holds the copy (a run of chrome lines can hold thousands of copies)
            # is passed whole; a match across two spans' texts, one character on.
            at = joined.find(folded, offsets[k + 1] if inside else at + 1)
        return False


def _repeated_chrome(text: str, copy: Span, chrome: _Chrome) -> bool:
    """True when a repetition span is a copy of chrome: boilerplate already names it.

    The copy must lie mostly under boilerplate spans and its text must also stand in a
    boilerplate span elsewhere; a copy of the article's own title or paragraph that the
    boilerplate scorer happened to flag stays repetition.
    """
    if 2 * chrome.overlap(copy.start, copy.end) < copy.end - copy.start:
        return False
    return chrome.elsewhere(_folded(text[copy.start : copy.end]), copy.start, copy.end)


def _site_chrome(article: Article, chrome_lines: Collection[str], chrome: _Chrome) -> list[Span]:
    """Spans ``boilerplate:site_chrome`` for the article's lines named in ``chrome_lines``
    that no boilerplate span covers already."""
    known = {line.strip() for line in chrome_lines}
    return [
        Span(line.start, line.end, "boilerplate", 1.0, "boilerplate:site_chrome")
        for line in article.lines
        if line.text in known and not chrome.covers(line.start, line.end)
    ]


def _with_markup(spans: list[Span], markup: Sequence[tuple[int, int, bool]]) -> list[Span]:
    """Each span with the markdown markup that opens right before it or closes right after it
    (``## `` of a heading, ``[`` and ``](address)`` of a link): cleaning leaves none behind.

    >>> [s] = _with_markup([Span(8, 12, "offtopic", 0.9, "offtopic:anchor")], [(7, 8, True), (12, 20, False)])
    >>> s.start, s.end
    (7, 20)
    """
    opening = {end: start for start, end, opens in markup if opens}
    closing = {start: end for start, end, opens in markup if not opens}
    out = []
    for span in spans:
        start, end = span.start, span.end
        if span.repair is None:
            while start in opening:
                start = opening[start]
            while end in closing:
                end = closing[end]
        out.append(
            dataclasses.replace(span, start=start, end=end)
            if (start, end) != (span.start, span.end)
            else span
        )
    return out


#: The header Jina Reader writes above an article ("Title: ...", "URL Source: ...").
_READER_HEADER = re.compile(r"\s*Title: (?P<title>[^\n]+)\n\s*URL Source: (?P<url>\S+)")


def _reader_header(text: str) -> tuple[str | None, str | None]:
    """The title and address of Jina Reader's header at the start of ``text``, if it has one.

    >>> _reader_header("Title: Talks end\\n\\nURL Source: https://a.org/x\\n\\nMarkdown Content:\\nText")
    ('Talks end', 'https://a.org/x')
    >>> _reader_header("Title: not a header")
    (None, None)
    """
    header = _READER_HEADER.match(text) if text[:40].lstrip().startswith("Title: ") else None
    return (header.group("title").strip(), header.group("url")) if header else (None, None)


def analyse(
    text: str, title: str | None = None, url: str | None = None, chrome_lines: Collection[str] = ()
) -> tuple[Article, list[Finding], list[Span]]:
    """The article, every scorer's finding and the final spans (sorted): what assess reads.
    Windows line breaks ("\\r\\n") are read as "\\n": the article and the spans are those of
    the text so written (assess gives the spans in the offsets of the text it was given).

    ``chrome_lines``: lines of this text known to be chrome of its site (see :func:`assess`).

    >>> article, findings, spans = analyse("Officials met on Monday.\\n0 Comments")
    >>> [f.name for f in findings], [s.reason for s in spans]
    (['boilerplate', 'offtopic', 'garbled', 'repetition'], ['boilerplate:counter'])
    """
    text = _check_text(text).replace("\r\n", "\n")  # the same findings, shares too, as with "\n"
    title = None if title is None else _check_text(title, "title")
    url = None if url is None else _check_text(url, "url")
    if title is None or url is None:  # Jina Reader's header says them (its lines are chrome)
        header_title, header_url = _reader_header(text)
        title, url = title or header_title, url or header_url
    article = Article.from_text(text, title=title, url=url)
    article = dataclasses.replace(article, language=detect_language(article))
    findings = [scorer.score(article) for scorer in SCORERS]
    chrome = _Chrome(text, [s for f in findings if f.name == "boilerplate" for s in f.spans])
    spans: list[Span] = []
    for finding in findings:
        for span in finding.spans:
            if span.kind == "repetition" and _repeated_chrome(text, span, chrome):
                continue
            spans.append(span)
    if chrome_lines:
        spans.extend(_site_chrome(article, chrome_lines, chrome))
    if article.markup:
        spans = _with_markup(spans, article.markup)
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
    given = _in_offsets_of(text, spans)
    cleaned = clean_text(text, given)
    return Assessment(
        text=text,
        verdict=verdict,
        quality=quality,
        scores={f.name: f.score for f in findings},
        spans=tuple(given),
        language=_language(article, spans, cleaned),
        cleaned_text=cleaned,
        features=features,
    )


def _in_offsets_of(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` of ``text`` with its "\\r\\n" read as "\\n" (see :func:`analyse`), in the
    offsets of ``text``: a span that starts at a line break starts at its "\\r", one that ends
    before a line break ends before its "\\r".

    >>> text = "Rain fell.\\r\\n0 Comments"
    >>> span = Span(10, 21, "boilerplate", 0.9, "boilerplate:counter")
    >>> [repr(text[s.start : s.end]) for s in _in_offsets_of(text, [span])]
    ["'\\\\r\\\\n0 Comments'"]
    """
    if "\r\n" not in text:
        return spans
    # Where each "\r" removed stood in the text read: before the "\n" it came with.
    removed = [m.start() - k for k, m in enumerate(re.finditer("\r\n", text))]
    return [
        dataclasses.replace(
            s, start=s.start + bisect_left(removed, s.start), end=s.end + bisect_left(removed, s.end)
        )
        for s in spans
    ]


def _language(article: Article, spans: Sequence[Span], cleaned: str) -> str | None:
    """The article's language; that of the repaired text when repairs cover most of it (a
    Russian article in windows-1251 read as Latin-1 reads as Vietnamese as it arrives).

    >>> text = "Ñîâåò äåïóòàòîâ âî âòîðíèê ïðîãîëîñîâàë çà çàêðûòèå áèáëèîòåêè íà óëèöå Âÿçîâ."
    >>> article, _, spans = analyse(text)
    >>> article.language, _language(article, spans, clean_text(text, spans))
    ('vi', 'ru')
    """
    repaired = covered((s.start, s.end) for s in spans if s.repair is not None)
    if 2 * repaired <= len(article.text):
        return article.language
    return detect_language(Article.from_text(cleaned))


def clean(text: str) -> str:
    """The text with its flagged spans removed and repairable garbling repaired.

    >>> clean("Kyiv wants the guarantees in writing, officials said on Monday.\\n0 Comments")
    'Kyiv wants the guarantees in writing, officials said on Monday.\\n'
    """
    return assess(text).cleaned_text
