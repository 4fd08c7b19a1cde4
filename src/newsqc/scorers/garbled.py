"""Garbled text: broken encoding and garbage inside otherwise good prose.

Detects mojibake (UTF-8 read as cp1252 or latin-1, "leagueâ€™s"), lossy encoding ("Ukraine?s",
U+FFFD), words that mix a foreign script into Latin-script words ("easternម"), case garbling
inside a word ("stKEs"), and stray control or private-use characters.

Signals: ftfy's badness measure on each line, with ftfy's repair as the span's ``repair``;
patterns for '?' between letters; the Unicode script of each letter in a word; case changes.

Blind spots: gibberish made of plausible Latin letters ("qued faper ter"), lossy mojibake that
ftfy cannot undo, and leftover markup.
"""

from __future__ import annotations

import ftfy
import regex
from ftfy.badness import badness

from newsqc.article import Article
from newsqc.assessment import Span
from newsqc.scorers.base import Finding, clip, covered, ratio

__all__ = ["Garbled"]

_LOSSY = regex.compile(r"(?<=\p{L})(\?+|\ufffd+)(?=\p{L})|\ufffd+")
_CASE = regex.compile(r"\b\p{Ll}{2,}\p{Lu}{2,}\p{L}*\b")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\p{Co}]+")
_MIXED = regex.compile(
    r"\b\p{Latin}+[^\p{Latin}\p{Common}\p{Inherited}\s]+|[^\p{Latin}\p{Common}\p{Inherited}\s]+\p{Latin}+\b"
)


class Garbled:
    """Finds garbled stretches of text and, where it can, their repair.

    >>> f = Garbled().score(Article.from_text("Kyiv wants to keep Ukraine?s army going."))
    >>> [(s.reason, s.repair) for s in f.spans]
    [('garbled:lossy', "Ukraine's")]
    """

    name = "garbled"

    def score(self, article: Article) -> Finding:
        text = article.text
        spans: list[Span] = []
        for line in article.lines:
            if badness(line.text) > 0:
                fixed = ftfy.fix_encoding(line.text)
                if fixed != line.text:
                    spans.append(
                        Span(line.start, line.end, self.name, 1.0, f"{self.name}:mojibake", repair=fixed)
                    )
                    continue
            for m in _LOSSY.finditer(text, line.start, line.end):
                w = regex.search(r"\p{L}*\Z", text[max(line.start, m.start() - 40) : m.start()])
                start = m.start() - (len(w.group()) if w else 0)
                end_match = regex.match(r"\p{L}*", text[m.end() : m.end() + 40])
                end = m.end() + (len(end_match.group()) if end_match else 0)
                repair = None
                tail = text[m.end() : end]
                if m.group() == "?" and tail in ("s", "t", "re", "ll", "ve", "d", "m"):
                    repair = text[start : m.start()] + "'" + tail
                spans.append(Span(start, end, self.name, 1.0, f"{self.name}:lossy", repair=repair))
            for pattern, reason in ((_CASE, "case"), (_CONTROL, "control"), (_MIXED, "script")):
                for m in pattern.finditer(text, line.start, line.end):
                    spans.append(Span(m.start(), m.end(), self.name, 1.0, f"{self.name}:{reason}"))
        spans.sort()
        chars = covered((s.start, s.end) for s in spans)
        share = ratio(chars, len(text))
        features = {"garbled_share": share, "garbled_spans": float(len(spans))}
        return Finding(self.name, clip(share * 10), tuple(spans), features)
