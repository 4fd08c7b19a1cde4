"""Repetition: what is printed twice, and what is stuffed.

Detects lines printed again (a title, a heading, a caption, a paragraph): the later copies are
spans, the first occurrence stays. Scores keyword stuffing as the share of the text's words
that sit in its most repeated word 4-gram.

Signals: hashes of normalised lines (case, spacing and punctuation folded); counts of word
4-grams.

Blind spots: near-duplicates with a few words changed, and repeats inside a line.
"""

from __future__ import annotations

from collections import Counter

import regex

from newsqc.article import Article
from newsqc.assessment import Span
from newsqc.scorers.base import Finding, clip, covered, ratio

__all__ = ["Repetition"]

_NON_WORD = regex.compile(r"[\W_]+")


def _normal(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


class Repetition:
    """Finds repeated lines and stuffed phrases.

    >>> f = Repetition().score(Article.from_text("Peace talks resume\\nPeace talks resume\\nBody."))
    >>> [(s.start, s.end, s.reason) for s in f.spans]
    [(19, 37, 'repetition:duplicate_line')]
    """

    name = "repetition"

    def score(self, article: Article) -> Finding:
        spans: list[Span] = []
        seen: set[str] = set()
        for line in article.lines:
            key = _normal(line.text)
            if len(key.split()) < 3:
                continue
            if key in seen:
                spans.append(Span(line.start, line.end, self.name, 1.0, f"{self.name}:duplicate_line"))
            seen.add(key)
        words = [w.text.casefold() for w in article.words]
        grams = Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))
        top = grams.most_common(1)[0][1] if grams else 0
        stuffing = ratio(top * 4, len(words)) if top >= 3 else 0.0
        duplicate_share = ratio(covered((s.start, s.end) for s in spans), len(article.text))
        features = {
            "repetition_duplicate_share": duplicate_share,
            "repetition_stuffing": stuffing,
            "repetition_top_4gram_count": float(top),
        }
        score = clip(max(duplicate_share * 3, stuffing * 5))
        return Finding(self.name, score, tuple(spans), features)
