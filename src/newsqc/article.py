"""The article: a text segmented once into lines, paragraphs, sentences and words.

Every scorer reads the same :class:`Article`; none splits the text again. Each segment
carries half-open character offsets into the original text, so that
``article.text[seg.start:seg.end] == seg.text`` always holds.

Segmentation is plain and linear in the length of the text:

- a *line* is a run of characters between line breaks, stripped of surrounding white space;
  blank lines are not lines;
- a *paragraph* is a run of lines with no blank line between them;
- a *sentence* is a part of a line ending with ``.``, ``!``, ``?`` or ``…`` (or their
  CJK forms), not after a known abbreviation or a single capital (``U.S.``, ``Mr.``);
- a *word* is a run of letters, digits or marks, with inner apostrophes (``Ukraine's``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, chain, repeat
from typing import NamedTuple

import regex

__all__ = ["Article", "Segment"]


class Segment(NamedTuple):
    """A piece of the text with its half-open character offsets.

    >>> Segment(0, 5, "Hello").text
    'Hello'
    """

    start: int
    end: int
    text: str


# Line breaks as str.splitlines() knows them.
_LINE = regex.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
# A candidate sentence end: terminal punctuation, closing quotes or brackets, then space;
# or a CJK terminal mark, after which no space is needed.
_SENTENCE_END = regex.compile(r"(?<![.!?…])[.!?…]++['\"”’»)\]]*+\s+|(?<![。！？])[。！？]++[」』”’)]*+\s*")
_WORD = regex.compile(r"[\w\p{M}]+(?:['’][\w\p{M}]+)*")
# The same words, each with the run of other characters before it: the offsets are then
# running sums of lengths, and no match object is made per word.
_GAP_WORD = regex.compile(r"\G([^\w\p{M}]*+)([\w\p{M}]+(?:['’][\w\p{M}]+)*)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen gov sen rep prof no vs etc inc ltd co corp lt col sgt capt cmdr adm"
    " jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est vol pp e.g i.e".split()
)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\u200b\u200c\u200d\u2060\ufeff"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\u200b\u200c\u200d\u2060\ufeff"):
        end -= 1
    return start, end


def _split_lines(text: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    lines: list[Segment] = []
    paragraphs: list[Segment] = []
    para_start = -1
    last_end = 0
    previous_end = -1
    for match in _LINE.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start == end:
            continue
        # A blank line between two lines ends the paragraph: more than one break between them.
        if previous_end >= 0:
            gap = text[previous_end:start]
            breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            breaks += sum(gap.count(c) for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
            if breaks > 1:
                paragraphs.append(Segment(para_start, last_end, text[para_start:last_end]))
                para_start = start
        else:
            para_start = start
        lines.append(Segment(start, end, text[start:end]))
        last_end = previous_end = end
    if para_start >= 0:
        paragraphs.append(Segment(para_start, last_end, text[para_start:last_end]))
    return tuple(lines), tuple(paragraphs)


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation rather than a sentence."""
    if text[dot] != ".":
        return False
    begin = dot
    while begin > line_start and (text[begin - 1].isalnum() or text[begin - 1] == "."):
        begin -= 1
    token = text[begin:dot].lower()
    if not token:
        return False
    if len(token) == 1 and token.isalpha():  # "U.S." ends in "S.", an initial such as "J."
        return True
    if "." in token:  # "U.S", "e.g"
        return True
    return token in _ABBREVIATIONS


def _split_sentences(text: str, lines: tuple[Segment, ...]) -> tuple[Segment, ...]:
    sentences: list[Segment] = []
    for line in lines:
        start = line.start
        for match in _SENTENCE_END.finditer(text, line.start, line.end):
            if _is_abbreviation(text, match.start(), line.start):
                continue
            end = match.end()
            s, e = _strip(text, start, end)
            if s < e:
                sentences.append(Segment(s, e, text[s:e]))
            start = end
        s, e = _strip(text, start, line.end)
        if s < e:
            sentences.append(Segment(s, e, text[s:e]))
    return tuple(sentences)


@dataclass(frozen=True)
class Article:
    """A text and its segmentation, computed once and shared by every scorer.

    ``title`` and ``url`` are what the caller knows of the page; ``language`` is an
    ISO 639-1 code or None, told by :func:`newsqc.language.detect_language`.

    >>> a = Article.from_text("Hello world. Bye now.\\n\\nNew paragraph")
    >>> [s.text for s in a.sentences]
    ['Hello world.', 'Bye now.', 'New paragraph']
    >>> [p.text for p in a.paragraphs]
    ['Hello world. Bye now.', 'New paragraph']
    >>> a.words[1]
    Segment(start=6, end=11, text='world')
    """

    text: str
    lines: tuple[Segment, ...]
    paragraphs: tuple[Segment, ...]
    sentences: tuple[Segment, ...]
    title: str | None = None
    url: str | None = None
    language: str | None = None

    @classmethod
    def from_text(
        cls, text: str, title: str | None = None, url: str | None = None, language: str | None = None
    ) -> Article:
        """Segment ``text`` into lines, paragraphs and sentences (words on first use)."""
        if not isinstance(text, str):
            raise TypeError(f"Article text must be a str, not {type(text).__name__}")
        lines, paragraphs = _split_lines(text)
        sentences = _split_sentences(text, lines)
        return cls(text, lines, paragraphs, sentences, title, url, language)

    @cached_property
    def words(self) -> tuple[Segment, ...]:
        """Every word of the text, in order."""
        pairs = _GAP_WORD.findall(self.text)
        bounds = list(accumulate(map(len, chain.from_iterable(pairs))))  # gap end, word end, ...
        texts = [word for _, word in pairs]
        return tuple(map(tuple.__new__, repeat(Segment), zip(bounds[0::2], bounds[1::2], texts, strict=True)))

    @cached_property
    def line_words(self) -> tuple[tuple[int, int], ...]:
        """For each line, the index range ``(first, last + 1)`` of its words in :attr:`words`."""
        # No word crosses a line break or the white space stripped from a line's ends.
        starts = [w.start for w in self.words]
        return tuple((bisect_left(starts, line.start), bisect_left(starts, line.end)) for line in self.lines)

    @property
    def length(self) -> int:
        """Number of characters of the text."""
        return len(self.text)

    @property
    def is_blank(self) -> bool:
        """True when the text holds nothing but white space."""
        return not self.lines
