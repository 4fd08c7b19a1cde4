"""Boilerplate: site chrome around or inside the article.

Detects lines that belong to the page rather than the article: navigation and breadcrumbs,
calls to action ("Please login to bookmark"), counters ("0 Comments", "Bookmark (0)"),
advert markers, related-link headers, datelines and "back to top" buttons.

Signals: per-line patterns of chrome vocabulary on short lines, and short lines in capitals
at the edges of the text (section labels).

Blind spots: chrome written as full sentences (author bios, legal footers), lists of related
headlines, and non-English chrome vocabulary.
"""

from __future__ import annotations

import regex

from newsqc.article import Article
from newsqc.assessment import Span
from newsqc.scorers.base import Finding, covered, ratio

__all__ = ["Boilerplate"]

_MAX_WORDS = 10

_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (reason, regex.compile(pattern, regex.IGNORECASE))
    for reason, pattern in (
        (
            "counter",
            r"^\W*(\d[\d,.]*\s*[km]?\s+(comments?|shares?|likes?|views?|replies)|"
            r"[\p{L} ]{2,30}\s*\(\d+\))\W*$",
        ),
        ("advert", r"^\W*(advertis(e)?ment|sponsored( content| business| links?)?|ad|spot_img)\b"),
        (
            "call_to_action",
            r"\b(log ?in|sign ?in|sign up|subscribe|bookmark|share (this|on)|follow us|"
            r"newsletter|click here|read more|back to top)\b",
        ),
        (
            "related_links",
            r"^\W*(related (articles?|posts?|stories|news)|most (popular|read)|"
            r"you (may|might) also like|read (also|next)|trending( now)?|more from)\W*$",
        ),
        ("dateline", r"^\W*((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\p{L}+\s+\d{1,2},?\s+\d{4}\W*$"),
        ("navigation", r"^home(?=\p{Lu})|^home\s*[»>/|]"),
    )
)


class Boilerplate:
    """Finds lines of site chrome.

    >>> f = Boilerplate().score(Article.from_text("A story about a town.\\n0 Comments"))
    >>> [(s.reason, s.start, s.end) for s in f.spans]
    [('boilerplate:counter', 22, 32)]
    """

    name = "boilerplate"

    def score(self, article: Article) -> Finding:
        spans: list[Span] = []
        words = article.words
        line_words = article.line_words
        n = len(article.lines)
        for i, line in enumerate(article.lines):
            first, last = line_words[i]
            n_words = last - first
            if n_words > _MAX_WORDS:
                continue
            reason = next((r for r, p in _PATTERNS if p.search(line.text)), None)
            if reason is None and (i == 0 or i == n - 1) and n > 1 and 0 < n_words <= 4:
                letters = [c for c in line.text if c.isalpha()]
                if (
                    letters
                    and all(c.isupper() for c in letters)
                    and any(w.text.isalpha() for w in words[first:last])
                ):
                    reason = "navigation"
            if reason is not None:
                spans.append(Span(line.start, line.end, self.name, 1.0, f"{self.name}:{reason}"))
        chars = covered((s.start, s.end) for s in spans)
        content_chars = sum(line.end - line.start for line in article.lines)
        share = ratio(chars, content_chars)
        features = {
            "boilerplate_share": share,
            "boilerplate_lines": ratio(len(spans), n),
        }
        return Finding(self.name, min(1.0, share), tuple(spans), features)
