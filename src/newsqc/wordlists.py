"""wordfreq's word lists, loaded once per process in a compact form that the scorers share.

:func:`word_frequencies` gives, for a language wordfreq knows, a :class:`WordList`: the mapping
``wordfreq.get_frequency_dict`` gives (the same words, frequencies and order) in a fraction of
its memory, with each word's place in frequency order. The garbled scorer reads it for word
rarity in every language, the offtopic scorer numbers its English lexicon by it.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, islice

import numpy as np

__all__ = ["WORDFREQ_CODES", "WordList", "word_frequencies"]


class WordList(Mapping[str, float]):
    """wordfreq's frequency of every word of one language: the mapping that
    ``wordfreq.get_frequency_dict`` gives (the same floats, the same order), in a fraction of
    its memory.

    ``buckets`` are wordfreq's lists of words (UTF-8) per frequency in centibels, 0 cB first.
    The words are kept in one bytes object, in frequency order, with a bucket each (two bytes)
    and the ``hash()`` of their UTF-8. A word is found in an open-addressing table of their
    places (linear probing, at most half full), its hash and its bytes compared, so a lookup is
    exact: about 0.5 µs instead of 0.1 µs, and under 30 bytes per word plus its UTF-8 instead
    of about 160 (for 713,000 Russian words, 30 MB instead of 118 MB).

    >>> w = WordList([[b"the", b"of"], [], ["café".encode()]])
    >>> list(w), w["of"] == 1.0, w.get("café") == 10 ** -0.02, "cafe" in w, len(w)
    (['the', 'of', 'café'], True, True, False, 3)
    """

    def __init__(self, buckets: Iterable[Sequence[bytes]]) -> None:
        import wordfreq

        blob = bytearray()
        self._offsets = array("I", [0])  # where each word ends in the blob
        bucket_sizes: list[int] = []
        hash_parts: list[np.ndarray] = []
        for bucket in buckets:  # one at a time: no str or bytes object per word stays
            bucket_sizes.append(len(bucket))
            hash_parts.append(np.fromiter(map(hash, bucket), dtype=np.int64, count=len(bucket)))
            self._offsets.extend(islice(accumulate(map(len, bucket), initial=len(blob)), 1, None))
            blob += b"".join(bucket)
        self._blob = bytes(blob)
        del blob
        self._freqs = [wordfreq.cB_to_freq(-i) for i in range(len(bucket_sizes))]  # as get_frequency_dict
        bucket = np.repeat(np.arange(len(bucket_sizes), dtype=np.uint16), bucket_sizes)
        hashes = np.concatenate(hash_parts) if hash_parts else np.zeros(0, dtype=np.int64)
        del hash_parts
        self._hashes = array("q", hashes.tobytes())
        # A word listed twice (wordfreq's lists have none) reads as in a dict: the last
        # frequency, the first place.
        self._repeated: set[int] = set()
        order = np.argsort(hashes, kind="stable")  # equal hashes in list order
        same = order[1:][hashes[order[1:]] == hashes[order[:-1]]].tolist()
        for j in sorted(same):
            for k in range(j):
                if (
                    self._hashes[k] == self._hashes[j]
                    and k not in self._repeated
                    and self._text(k) == self._text(j)
                ):
                    self._repeated.add(j)
                    bucket[k] = bucket[j]
                    break
        del order
        self._bucket = array("H", bucket.tobytes())
        # The table: place + 1 of each word (0: empty), at its hash's slot or the next free one.
        size = 1 << max(1, 2 * len(hashes) - 1).bit_length()
        self._mask = size - 1
        table = np.zeros(size, dtype=np.uint32)
        pending = np.arange(len(hashes), dtype=np.int64)
        if self._repeated:
            pending = np.setdiff1d(pending, np.fromiter(self._repeated, dtype=np.int64))
        slots = hashes[pending] & self._mask
        while pending.size:
            free = np.flatnonzero(table[slots] == 0)
            # the first word (in list order) of those that want a free slot takes it
            _, first = np.unique(slots[free], return_index=True)
            won = free[first]
            table[slots[won]] = pending[won] + 1
            left = np.ones(pending.size, dtype=bool)
            left[won] = False
            pending, slots = pending[left], (slots[left] + 1) & self._mask
        self._table = array("I", table.tobytes())

    def _text(self, j: int) -> bytes:
        return self._blob[self._offsets[j] : self._offsets[j + 1]]

    @property
    def places(self) -> int:
        """How many places the list has (a word listed twice has two; wordfreq's have none)."""
        return len(self._offsets) - 1

    def word_at(self, place: int) -> str:
        """The word at ``place``."""
        return self._text(place).decode("utf-8", "surrogatepass")

    def texts(self) -> list[str]:
        """The word at every place, in place order (``word_at`` of each, decoded at once).

        >>> WordList([[b"the", b"of"], [], ["café".encode()]]).texts()
        ['the', 'of', 'café']
        """
        ends = np.frombuffer(self._offsets, dtype=np.uint32)[1:].astype(np.int64)
        # A line break after each word (no word holds one), then one decoding and one split.
        joined = np.insert(np.frombuffer(self._blob, dtype=np.uint8), ends, ord("\n"))
        words = joined.tobytes().decode("utf-8", "surrogatepass").split("\n")[:-1]
        if len(words) != self.places:  # a word with a line break in it: one at a time
            words = [self.word_at(j) for j in range(self.places)]
        return words

    def zipfs(self) -> np.ndarray:
        """The Zipf frequency of the word at each place, as ``wordfreq.zipf_frequency`` gives
        it: the words of bucket i of wordfreq's list have a frequency of ``10 ** (-i / 100)``,
        Zipf ``9 - i / 100``.

        >>> WordList([[b"the"], [], [b"cafe"]]).zipfs().tolist()
        [9.0, 8.98]
        """
        buckets = np.frombuffer(self._bucket, dtype=np.uint16)
        by_bucket = np.array([round(9.0 - i / 100, 2) for i in range(len(self._freqs))])
        return by_bucket[buckets]

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (as :meth:`zipfs`), 0 when the list lacks it.

        >>> WordList([[b"the"], [], [b"cafe"]]).zipf("cafe"), WordList([[b"the"]]).zipf("tea")
        (8.98, 0.0)
        """
        j = self.place(word)
        return 0.0 if j < 0 else round(9.0 - self._bucket[j] / 100, 2)

    def place(self, word: str) -> int:
        """The place of ``word`` in the list (0 for the most frequent), or -1.

        >>> w = WordList([[b"the", b"of"], [], [b"cafe"]])
        >>> w.place("of"), w.place("cafe"), w.place("tea")
        (1, 2, -1)
        """
        key = word.encode("utf-8", "surrogatepass")
        h = hash(key)
        table, hashes, mask = self._table, self._hashes, self._mask
        slot = h & mask
        while True:
            j = table[slot] - 1
            if j < 0:
                return -1
            if hashes[j] == h and self._blob[self._offsets[j] : self._offsets[j + 1]] == key:
                return j
            slot = (slot + 1) & mask

    def get(self, word: str, default: float | None = None) -> float | None:  # type: ignore[override]
        j = self.place(word)
        return default if j < 0 else self._freqs[self._bucket[j]]

    def __getitem__(self, word: str) -> float:
        j = self.place(word)
        if j < 0:
            raise KeyError(word)
        return self._freqs[self._bucket[j]]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.place(word) >= 0

    def __iter__(self) -> Iterator[str]:
        blob, offsets, repeated = self._blob, self._offsets, self._repeated
        for j in range(len(offsets) - 1):
            if j not in repeated:
                yield blob[offsets[j] : offsets[j + 1]].decode("utf-8")

    def __len__(self) -> int:
        return len(self._offsets) - 1 - len(self._repeated)


def _read_word_list(path: str) -> Iterator[list[bytes]]:
    """The lists of words of wordfreq.read_cBpack(path), one at a time, the words left as UTF-8."""
    import gzip

    import msgpack

    with gzip.open(path, "rb") as handle:
        unpacker = msgpack.Unpacker(handle, raw=True)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get(b"format") != b"cB" or header.get(b"version") != 1:
            raise ValueError(f"{path}: not a wordfreq word list (header {header!r})")
        for _ in range(n - 1):
            yield unpacker.unpack()


_lock = threading.Lock()
_frequencies: dict[str, WordList | None] = {}
#: Languages (as langdetect names them) whose wordfreq list goes by another code: Norwegian
#: (Bokmål's list), Tagalog (Filipino's) and Croatian (Serbo-Croatian's).
WORDFREQ_CODES = {"no": "nb", "tl": "fil", "hr": "sh"}


def word_frequencies(language: str | None) -> WordList | None:
    """wordfreq's frequency of every word it knows in ``language`` (a :class:`WordList`),
    loaded once per process; a language of WORDFREQ_CODES reads the list of its other code.

    >>> word_frequencies("no") is word_frequencies("nb"), word_frequencies("xx")
    (True, None)
    """
    if language is None:
        return None
    language = WORDFREQ_CODES.get(language, language)
    if language not in _frequencies:
        with _lock:
            if language not in _frequencies:
                import wordfreq

                available = wordfreq.available_languages()
                if language in available:
                    # What wordfreq.get_frequency_list(language) reads, without its cache, which
                    # would keep every word as a str for the life of the process.
                    _frequencies[language] = WordList(_read_word_list(available[language]))
                else:
                    _frequencies[language] = None
    return _frequencies[language]
