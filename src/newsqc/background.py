"""How likely English words and word pairs are: the background of news text that fluency reads.

The 1-grams and 2-grams of the generic US English language model that pocketsphinx ships (BSD
licence, its notice inside the file), as arrays: ``models/offtopic.background.npz``, written by
``scripts/train_offtopic.py``. The offtopic scorer reads it for the break an anchor text leaves
in its sentence, the repetition scorer for the gaps a stuffed name sits in ("the most White House
anticipated witness": "most anticipated" reads on). Loaded lazily, once per process.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["BACKGROUND_FILE", "BACKOFF", "Background", "find_sorted", "load_background"]

#: The arrays inside the package (the name predates the repetition scorer's use of them).
BACKGROUND_FILE = "offtopic.background.npz"
#: Stupid backoff: a missing pair counts as this share of the second word's frequency (log10).
BACKOFF = math.log10(0.4)

_lock = threading.Lock()


@dataclass(frozen=True)
class Background:
    """How likely English words and word pairs are (log10 probabilities), for fluency.

    >>> bg = load_background()
    >>> bg.log_prob("first", "appearance") > bg.log_prob("first", "shopping")
    True
    """

    index: dict[str, int]
    #: log10 P(word) of each word's row, and one row more for unknown words.
    unigram: np.ndarray
    #: The known pairs, sorted: the first word's row x len(index) + the second word's row.
    keys: np.ndarray
    #: -log10 P(second | first) of each pair of ``keys``, in twentieths (bytes: 1.9 MB, not 15).
    twentieths: np.ndarray
    #: log10 of the sum of the words' probabilities.
    total: float

    @classmethod
    def from_arrays(cls, arrays: Any) -> Background:
        """Build it from the arrays of the npz file (written by scripts/train_offtopic.py: the
        keys as gaps, -log10 P(second | first) in twentieths)."""
        words = bytes(arrays["words"]).decode("utf-8").split("\n")
        unigram = np.asarray(arrays["unigram"], dtype=float)
        return cls(
            index={w: i for i, w in enumerate(words)},
            unigram=np.append(unigram, unigram.min() - 1.0),  # the last row: unknown words
            keys=np.cumsum(arrays["gaps"], dtype=np.int64),
            twentieths=np.asarray(arrays["bigram"], dtype=np.uint8),
            total=float(np.log10(np.sum(10.0**unigram))),
        )

    def ids(self, words: Sequence[str]) -> np.ndarray:
        """The row of each word (the last row for unknown words)."""
        unknown = len(self.index)
        return np.fromiter((self.index.get(w, unknown) for w in words), np.int64, len(words))

    def log_probs(self, before: np.ndarray, after: np.ndarray) -> np.ndarray:
        """log10 P(after | before) for arrays of word rows (stupid backoff to P(after))."""
        return self.pairs(before, after)[0]

    def pairs(self, before: np.ndarray, after: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`log_probs` and :meth:`seen` of pairs of word rows at once."""
        size = len(self.index)
        known = (before < size) & (after < size)
        wanted = before * size + after
        if len(self.keys):
            at = find_sorted(wanted, self.keys)
            hit = known & (self.keys[at] == wanted)
            pair = np.where(hit, self.twentieths[at] / -20.0, 0.0)
        else:
            hit = np.zeros(len(wanted), dtype=bool)
            pair = np.zeros(len(wanted))
        return np.where(hit, pair, BACKOFF + self.unigram[after] - self.total), hit

    def seen(self, before: np.ndarray, after: np.ndarray) -> np.ndarray:
        """Whether each pair of word rows is among the background pairs.

        >>> bg = load_background()
        >>> bg.seen(bg.ids(["the", "vehicle"]), bg.ids(["free", "loan"])).tolist()
        [True, False]
        """
        return self.pairs(before, after)[1]

    def log_prob(self, before: str, after: str) -> float:
        """log10 P(after | before) for two lower-case words."""
        ids = self.ids([before, after])
        return float(self.log_probs(ids[:1], ids[1:])[0])


_background: Background | None = None


def load_background() -> Background:
    """The shipped background probabilities, loaded once per process (thread-safe)."""
    global _background
    if _background is None:
        with _lock:
            if _background is None:
                path = Path(__file__).parent / "models" / BACKGROUND_FILE
                with np.load(path, allow_pickle=False) as arrays:
                    _background = Background.from_arrays(arrays)
    return _background


def find_sorted(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Where each value is or would go in ``sorted_keys`` (sorted, not empty), at most the last
    index. The values are looked for in increasing order: numpy then narrows each search from
    the last, twice as fast as in the text's order.

    >>> find_sorted(np.array([7, 1, 9]), np.array([1, 5, 7])).tolist()
    [2, 0, 2]
    """
    order = values.argsort()
    at = np.empty(len(values), dtype=np.intp)
    at[order] = sorted_keys.searchsorted(values[order])
    return np.minimum(at, len(sorted_keys) - 1)
