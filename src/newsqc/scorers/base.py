"""The scorer protocol and the helpers every scorer shares.

A scorer has a stable ``name`` (one of :data:`newsqc.assessment.KINDS`) and a method
``score(article) -> Finding``. It reads the :class:`~newsqc.article.Article`, never the raw
text split again, and returns a badness in [0, 1], spans with reason codes and named features.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from newsqc.article import Article
from newsqc.assessment import Span

__all__ = [
    "BULLETS",
    "NUMBERED_ITEM",
    "POST_ATTRIBUTION",
    "STEM",
    "Finding",
    "Scorer",
    "clip",
    "covered",
    "merge_spans",
    "ratio",
]

#: Words are compared on their first letters only, a crude stem shared by the scorers (talks,
#: talk; Ukraine, Ukrainian; resume, resumed).
STEM = 5
#: The opening of an item of a numbered list ("1. ", "8) "): listicles advise in the second
#: person and the imperative, as spam and calls to action do.
NUMBERED_ITEM = re.compile(r"\s*\d{1,2}[.)]\s")
#: The marks that open an item of a bulleted list.
BULLETS = "-–—•*·▪►"
#: The signature line under an embedded post: "— Dele (@dele_official) November 19, 2019".
POST_ATTRIBUTION = re.compile(r"[—–-]\s*[^\n]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")


@dataclass(frozen=True, slots=True)
class Finding:
    """What one scorer found: a badness in [0, 1], spans and named numeric features."""

    name: str
    score: float
    spans: tuple[Span, ...] = ()
    features: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"{self.name}: score {self.score} is outside [0, 1]")


class Scorer(Protocol):
    """One defect's detector."""

    name: str

    def score(self, article: Article) -> Finding:
        """Find this defect in ``article``."""
        ...


def ratio(part: float, whole: float) -> float:
    """``part / whole``, and 0.0 when ``whole`` is 0: every ratio in newsqc is safe on empty text.

    >>> ratio(1, 4), ratio(3, 0)
    (0.25, 0.0)
    """
    return part / whole if whole else 0.0


def clip(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """``value`` bounded to [low, high].

    >>> clip(1.7), clip(-0.2), clip(0.4)
    (1.0, 0.0, 0.4)
    """
    return low if value < low else high if value > high else value


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of half-open ranges.

    >>> merge_spans([(5, 8), (0, 2), (1, 3), (8, 9)])
    [(0, 3), (5, 9)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def covered(spans: Iterable[tuple[int, int]]) -> int:
    """Number of characters that the union of ``spans`` covers.

    >>> covered([(0, 3), (2, 5), (10, 11)])
    6
    """
    return sum(end - start for start, end in merge_spans(spans))
