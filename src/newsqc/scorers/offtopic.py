"""Off-topic insertions: sentences that do not belong to the story.

Detects whole sentences injected to sell something: marketing, SEO and spam sentences.

Signals: the share of a sentence's words that belong to commercial vocabulary and appear
nowhere else in the article.

Blind spots: sentences from another news story, anchor texts left inside a sentence, and
spam written without commercial words.
"""

from __future__ import annotations

from collections import Counter

from newsqc.article import Article
from newsqc.assessment import Span
from newsqc.scorers.base import Finding, clip, covered, ratio

__all__ = ["Offtopic"]

_COMMERCIAL = frozenset(
    "marketing campaigns campaign personalized leveraging seo casino loan loans insurance discount"
    " coupon buy cheap shopping subscribe promo deals brand brands customers customer sales"
    " viagra dating bitcoin crypto forex".split()
)


class Offtopic:
    """Finds sentences built on commercial vocabulary foreign to the rest of the article.

    >>> text = ("The council met on Monday. It voted on the budget. "
    ...         "Leveraging AI for personalized marketing campaigns boosts sales.")
    >>> [s.reason for s in Offtopic().score(Article.from_text(text)).spans]
    ['offtopic:commercial']
    """

    name = "offtopic"

    def score(self, article: Article) -> Finding:
        counts = Counter(w.text.casefold() for w in article.words)
        spans: list[Span] = []
        words = article.words
        i = 0
        for sentence in article.sentences:
            while i < len(words) and words[i].start < sentence.start:
                i += 1
            j = i
            while j < len(words) and words[j].end <= sentence.end:
                j += 1
            own = Counter(w.text.casefold() for w in words[i:j])
            foreign = [w for w in own if w in _COMMERCIAL and counts[w] - own[w] <= own[w]]
            if len(foreign) >= 2:
                spans.append(Span(sentence.start, sentence.end, self.name, 0.8, f"{self.name}:commercial"))
            i = j
        share = ratio(covered((s.start, s.end) for s in spans), len(article.text))
        features = {"offtopic_share": share, "offtopic_sentences": float(len(spans))}
        return Finding(self.name, clip(share * 10), tuple(spans), features)
