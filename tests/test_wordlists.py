"""wordfreq's word lists in their compact, shared form."""

from __future__ import annotations

from itertools import islice

import numpy as np
import pytest

from newsqc.wordlists import WordList, word_frequencies


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_word_list_reads_as_wordfreq_dict(lang: str) -> None:
    import wordfreq

    expected = wordfreq.get_frequency_dict(lang)
    found = word_frequencies(lang)
    assert found is not None and len(found) == len(expected)
    assert list(islice(found, 5000)) == list(islice(expected, 5000))  # frequency order
    sample = list(expected)[::97]
    for word in sample:
        assert found.get(word, 0.0) == expected[word]
        for other in (word + "q", word[:-1], word.upper(), "\ud800" + word):
            assert found.get(other, 0.0) == expected.get(other, 0.0)
            assert (other in found) == (other in expected)


def test_word_list_repeated_word_reads_as_a_dict() -> None:
    buckets = [["a", "b"], ["a"], [], ["c", "b", "a"], ["é"]]
    expected: dict[str, float] = {}
    for i, bucket in enumerate(buckets):
        for word in bucket:
            expected[word] = 10 ** (-i / 100)
    found = WordList([[w.encode() for w in bucket] for bucket in buckets])
    assert list(found) == list(expected) and len(found) == len(expected)
    assert {w: found[w] for w in found} == expected


def test_places_and_zipf() -> None:
    """A word's place is its rank in frequency order; its Zipf frequency, its wordfreq list's."""
    import wordfreq

    found = word_frequencies("en")
    assert found is not None
    listed = wordfreq.get_frequency_list("en")
    zipfs = found.zipfs()
    assert found.places == len(found) == len(zipfs)
    place = 0
    for i, bucket in enumerate(listed[:300]):
        for word in bucket:
            assert found.place(word) == place and found.word_at(place) == word
            assert (
                zipfs[place]
                == found.zipf(word)
                == round(9.0 - i / 100, 2)
                == wordfreq.zipf_frequency(word, "en")
            )
            place += 1
    assert found.place("zzyzxqq") == -1 and found.zipf("zzyzxqq") == 0.0
    assert found.texts() == [word for bucket in listed for word in bucket]
    assert np.all(np.diff(zipfs) <= 0)  # most frequent first


def test_texts_with_a_line_break_in_a_word() -> None:
    """texts() splits on line breaks; a word holding one is still read whole."""
    found = WordList([[b"the", b"a\nb"], [b"caf\xc3\xa9"]])
    assert found.texts() == ["the", "a\nb", "café"] == [found.word_at(j) for j in range(found.places)]


def test_loaded_once_per_language() -> None:
    assert word_frequencies("en") is word_frequencies("en")
    assert word_frequencies(None) is None and word_frequencies("xx") is None
