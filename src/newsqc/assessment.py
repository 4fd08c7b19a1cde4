"""What newsqc says of an article: spans, scores, a verdict and the cleaned text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["KINDS", "Assessment", "Span", "Verdict"]

#: The four kinds of defect, in the order scores and CLI columns use them.
KINDS: tuple[str, ...] = ("boilerplate", "offtopic", "garbled", "repetition")


class Verdict(StrEnum):
    """What a user should do with the article.

    >>> Verdict("clean") is Verdict.CLEAN
    True
    >>> str(Verdict.KEEP)
    'keep'
    """

    KEEP = "keep"  # usable as it is
    CLEAN = "clean"  # usable once the flagged spans are removed (cleaned_text)
    DROP = "drop"  # not worth using


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A flagged stretch of the text: half-open character offsets, a kind, a badness, a reason.

    ``reason`` is a stable code ``"<kind>:<what>"``. ``repair``, when not None, is the text
    that replaces the span in ``cleaned_text`` (a mojibake repair); otherwise the span is removed.

    >>> s = Span(0, 12, "boilerplate", 0.9, "boilerplate:counter")
    >>> s.to_dict()
    {'start': 0, 'end': 12, 'kind': 'boilerplate', 'score': 0.9, 'reason': 'boilerplate:counter'}
    """

    start: int
    end: int
    kind: str
    score: float
    reason: str
    repair: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Span kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Span offsets must satisfy 0 <= start <= end, got {self.start}, {self.end}")

    def to_dict(self) -> dict[str, Any]:
        """The span as a JSON-ready dict (``repair`` only when there is one)."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "score": round(self.score, 4),
            "reason": self.reason,
        }
        if self.repair is not None:
            out["repair"] = self.repair
        return out


@dataclass(frozen=True, slots=True)
class Assessment:
    """The assessment of one article; see :func:`newsqc.assess`.

    ``scores`` maps each kind to a badness in [0, 1]; ``features`` holds the named numbers
    the classifier read; ``language`` is the ISO 639-1 code of the text's language (of the
    repaired text when repairs cover most of it), or None when it cannot be told.
    """

    text: str
    verdict: Verdict
    quality: float
    scores: Mapping[str, float]
    spans: tuple[Span, ...]
    language: str | None
    cleaned_text: str
    features: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the verdict, quality, scores, spans, language and cleaned text."""
        return {
            "verdict": self.verdict.value,
            "quality": round(self.quality, 4),
            "scores": {k: round(float(self.scores[k]), 4) for k in KINDS},
            "spans": [s.to_dict() for s in self.spans],
            "language": self.language,
            "cleaned_text": self.cleaned_text,
        }

    def span_text(self, span: Span) -> str:
        """The characters of the text that ``span`` covers."""
        return self.text[span.start : span.end]

    def to_html(self) -> str:
        """The article as an HTML fragment, flagged spans highlighted, as ``newsqc report`` shows it."""
        from newsqc.report import render_assessment

        return render_assessment(self)

    def _repr_html_(self) -> str:
        return self.to_html()
