"""The article: a text segmented once into lines, paragraphs, sentences and words.

Every scorer reads the same :class:`Article`; none splits the text again. Each segment
carries half-open character offsets into the original text, so that
``article.text[seg.start:seg.end] == seg.text`` always holds (for a word, less its soft hyphens
and in composed form, NFC).

Segmentation is plain and linear in the length of the text:

- a *line* is a run of characters between line breaks, stripped of surrounding white space;
  blank lines are not lines; in hard-wrapped prose (:data:`WRAP_WIDTH`), a paragraph's lines
  are one line: ``Article.text`` reads the break after each full line as a space (of the same
  length, so that every offset is the same in the text as given); in a text glued into one line
  (:data:`GLUED_CHARS`: every break a space, as BeautifulSoup's ``get_text(" ")`` writes a
  page), the lines are read back: each sentence is a line, cut again where a learned model reads
  a line break in a space (:data:`GLUED_BREAK`: "Home News Sport The council voted ..." is
  "Home", "News", "Sport", "The council voted ...");
- a *paragraph* is a run of lines with no blank line between them, and each line is one in a
  text without any blank line (the same article gets the same paragraphs in either layout);
  a *block* (``Article.line_blocks``) is a line, or the paragraph of a text written one
  sentence per line, read as one line would be;
- a *sentence* is a part of a line ending with ``.``, ``!``, ``?`` or ``…`` (or their
  CJK forms), not after a known abbreviation or a single capital (``U.S.``, ``Mr.``);
- a *word* is a run of letters, digits or marks, with inner apostrophes (``Ukraine's``) and
  soft hyphens (U+00AD, an invisible hint where a word may break: left out of the word's text,
  so that ``Washin\u00adgton`` reads ``Washington``), in composed form (NFC: a letter and its
  combining accent are one letter, as every word list spells them), ligatures spelt out
  (``ﬁnancial`` reads ``financial``, as PDF text writes it);
- ``Article.text`` is the text as given, but for a plain space in place of other spaces
  (no-break, thin, zero-width: :data:`_SPACE_LIKE`), a soft hyphen in place of a zero-width
  character inside a word (:data:`_IN_WORD_ZERO_WIDTH`), a line break in place of JSON's escape
  of one (:func:`line_escapes`), of the breaks inside hard-wrapped
  paragraphs and of markdown's markup (links, strong emphasis, headings: :func:`markdown_markup`):
  the same length and offsets, and plain text for the scorers' patterns.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import regex

from newsqc.background import load_background
from newsqc.trees import Trees
from newsqc.wordlists import word_frequencies

__all__ = ["Article", "Segment", "markdown_markup"]


class Segment(NamedTuple):
    """A piece of the text with its half-open character offsets.

    >>> Segment(0, 5, "Hello").text
    'Hello'
    """

    start: int
    end: int
    text: str


# Line breaks as str.splitlines() knows them.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# What a line or a sentence is stripped of: white space as str.isspace() knows it (which
# holds every line break) and the zero-width characters.
_STRIPPED = frozenset(
    [*(chr(c) for c in range(0x3001) if chr(c).isspace()), "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
)
_STRIPPED_CLASS = "".join(f"\\u{ord(c):04x}" for c in sorted(_STRIPPED))
# A line, stripped: from its first character that is not stripped to its last one (kept by split).
_LINE_SPLIT = re.compile(f"([^{_STRIPPED_CLASS}](?:[^{_BREAKS}]*[^{_STRIPPED_CLASS}])?)")
#: Hard-wrapped prose (a plain-text feed, a newswire, a PDF's text) is read as one line per
#: paragraph: when no line is longer than WRAP_WIDTH characters and at least WRAP_SHARE of the
#: lines at least half as long as the longest are full (the next line's first word would not
#: have fitted after them), in lines of at least WRAP_MIN_LINES different lengths, each full
#: line runs on into the next. A full line has at least WRAP_MIN_SPACES spaces (scripts written
#: without spaces are not unwrapped), and a third of the lines after a full one or more go on with
#: a letter that is no capital (in a list of headlines of about one length, each opens with a
#: capital or a digit; in German prose, which capitalizes its nouns, half do). The width is that of
#: the longest line of several words: a web address longer than it stands alone on its line.
WRAP_WIDTH = 120
WRAP_SHARE = 0.3
WRAP_MIN_LINES = 3
WRAP_MIN_SPACES = 3
#: A text glued into one line (an extractor that wrote every line break as a space, as
#: BeautifulSoup's ``get_text(" ")`` does) is read one sentence per line: when lines longer than
#: GLUED_CHARS characters hold more than GLUED_SHARE of the text's lines' characters, each of
#: those lines is read as its sentences (``Article.lines``; the paragraphs stay as written). Three
#: of the corpus's 4,678 content lines are longer (up to 2,071 characters), each among many
#: other lines; a long line among many others is a block the page printed (two copies of a page's
#: article in one line each, 61% of its text, are its chrome).
GLUED_CHARS = 1500
GLUED_SHARE = 0.75
#: In those lines, a space between two words is read as the line break it was where the glued
#: text's break model gives it GLUED_BREAK or more: gradient-boosted trees (``models/glued.json``,
#: trained by ``scripts/train_glued.py`` on the dev pages of the corpus, each glued into one line)
#: over the two words either side of the space (capitals, digits, punctuation at their ends, their
#: English frequencies, the background probability of the pair) and the lower-case and function
#: words among the five words before and after it (a menu's items are capitalized and glued
#: without them: "Home News Sport Weather Sign in"). Out of fold on dev, at 0.6, 3 of 4 spaces it
#: reads as breaks were breaks, and it finds half of them.
GLUED_BREAK = 0.6
#: The features of a space between two words of a glued text, in the model's order.
GLUED_FEATURES = (
    "next_capital", "next_all_capitals", "next_digit", "next_symbol", "previous_capital",
    "previous_lower", "previous_comma", "previous_ends_alphanumeric", "previous_digit",
    "previous_ends_symbol", "previous_zipf", "next_zipf", "pair_log_prob", "pair_seen",
    "previous_length", "next_length", "second_previous_capital", "second_next_capital",
    "second_next_lower", "lower_before", "function_before", "words_before", "lower_after",
    "function_after", "words_after", "sentence_end_before",
)  # fmt: skip
_EDGE_PUNCTUATION = ".,:;!?\"'()[]“”‘’«»"
_TOKEN = re.compile(r"\S+")
_glued_model: Trees | None = None
_glued_lock = threading.Lock()
#: Spaces of other widths and zero-width spaces, which the scorers' patterns read as plain
#: spaces (``Article.text`` has a plain space in their place, at the same offset): no-break
#: (U+00A0) after an ASCII character (after another, it may be a byte of mojibake: "Ã\xa0" for
#: "à", "åˆ\xa0" for "删"), en to hair spaces, narrow no-break, medium mathematical, zero-width,
#: word joiner and zero-width no-break.
_SPACE_LIKE = re.compile("(?<=[\x00-\x7f])\xa0|[\u2000-\u200b\u202f\u205f\u2060\ufeff]")
_MAY_BE_SPACE_LIKE = re.compile("[\xa0\u2000-\u200d\u202f\u205f\u2060\ufeff]")  # a fast first look
#: A zero-width character (space, non-joiner, joiner, word joiner, no-break) alone between two
#: letters or digits of a script written with spaces (Latin, Greek, Cyrillic) breaks no word: a
#: hint where the word may wrap, or a publisher's invisible watermark ("lib\u200brary"). It reads
#: as a soft hyphen (same offset), inside the word and left out of its text.
_IN_WORD_ZERO_WIDTH = re.compile(
    "(?<=[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])[\u200b-\u200d\u2060\ufeff]"
    "(?=[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])"
)
#: Markdown, as Firecrawl, Jina Reader or trafilatura's markdown output write an article: the
#: markup of a link or an image (``[text](address)``: the text stays), of strong emphasis
#: (``**text**``) and of a heading (``## Heading``) reads as spaces (same offsets), so that a link
#: is no web address inside a sentence and a heading no different line from the same words.
_LINK_MARKUP = re.compile(
    r"!?\[(?=(?:[^\[\]\n]|\n(?!\s*\n)){1,500}\]\((?:https?://|/|#)[^\s()]{0,2000}\))"
    r"|\]\((?:https?://|/|#)[^\s()]{0,2000}\)"
)
_STRONG = re.compile(r"(?<![\w*])\*\*(?=[^\s*])[^*\n]{0,300}?(?<=[^\s*])\*\*(?![\w*])")  # not "CCI** and"
_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)", re.MULTILINE)


#: A line that ends as a sentence does (a closing quote or bracket may follow its mark, and a
#: post's link its sentence: "... my friend. pic.twitter.com/dUO6AJlMxR").
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»)\]]*(?:\s+(?:pic\.twitter\.com/|https?://)\S+)?$")
#: A text is written one sentence per line (see ``Article.line_blocks``) when at most this share
#: of its lines that end as a sentence hold more than one.
MULTI_SENTENCE_LINES = 0.2


#: JSON's escaped line breaks left in a text stored from a JSON field without decoding it ("the
#: vote.\\n\\nThe mayor said"): read as line breaks when the text holds LINE_ESCAPES of them or
#: more and no line break of its own (a programming article quotes "printf(\"Hello\\n\")" between
#: its paragraphs), each where no lower-case letter follows (a Windows path, "C:\\news", or
#: LaTeX's "\\noindent" is none). ``Article.text`` has " \n" in place of each "\\n" and two spaces in
#: place of "\\r" (same offsets); the garbled scorer repairs them (``garbled:markup``).
_LINE_ESCAPE = re.compile(r"(?:\\r)?\\n(?:(?:\\r)?\\n)*(?![a-z])")
LINE_ESCAPES = 2


def line_escapes(text: str) -> list[tuple[int, int]]:
    r"""The ranges of ``text`` that are runs of JSON's escaped line breaks (see _LINE_ESCAPE).

    >>> text = r"Rain fell.\n\nThe vote.\r\nIt was held.\nIn C:\news it was dry."
    >>> [text[a:b] for a, b in line_escapes(text)]
    ['\\n\\n', '\\r\\n', '\\n']
    >>> line_escapes(r"One escape alone.\nStays.")
    []
    """
    if "\\n" not in text or "\n" in text or "\r" in text:
        return []
    found = [m.span() for m in _LINE_ESCAPE.finditer(text)]
    return found if len(found) >= LINE_ESCAPES else []


def _unescaped(text: str, escapes: list[tuple[int, int]]) -> str:
    """``text`` with each escaped line break of ``escapes`` read as one (same length)."""
    pieces, done = [], 0
    for start, end in escapes:
        pieces += [text[done:start], text[start:end].replace("\\r", "  ").replace("\\n", " \n")]
        done = end
    return "".join(pieces) + text[done:]


def _may_hold_markdown(text: str) -> bool:
    return "](" in text or "**" in text or text.startswith("#") or "\n#" in text


def markdown_markup(text: str) -> list[tuple[int, int, bool]]:
    """The ranges of markdown markup that ``Article.text`` reads as spaces, and whether each
    opens the text it marks (``[``, ``**`` before a word, ``## ``) or closes it.

    >>> markdown_markup("## Hi\\nA [link](https://a.b/c) and **this**.")
    [(0, 3, True), (8, 9, True), (13, 29, False), (34, 36, True), (40, 42, False)]
    """
    if not _may_hold_markdown(text):
        return []
    out = [(m.start(), m.end(), m.group()[0] != "]") for m in _LINK_MARKUP.finditer(text)]
    for m in _STRONG.finditer(text):
        out += [(m.start(), m.start() + 2, True), (m.end() - 2, m.end(), False)]
    out += [(m.start(), m.end(), True) for m in _HEADING.finditer(text)]
    return sorted(out)


def _blanked(text: str, markup: list[tuple[int, int, bool]]) -> str:
    """``text`` with a space for each character of the ``markup`` ranges."""
    pieces, done = [], 0
    for start, end, _ in markup:
        start = max(start, done)  # overlapping ranges: each character once
        if end > start:
            pieces += [text[done:start], " " * (end - start)]
            done = end
    return "".join(pieces) + text[done:]


# Line breaks, "\r\n" counted once.
_BREAK = re.compile(f"\r\n|[{_BREAKS}]")
#: The marks that end a sentence (with the danda of Hindi and Bengali, Urdu's full stop, the
#: Arabic question mark, the Armenian, Ethiopic and Burmese full stops), and the closing quotes
#: and brackets that may follow them.
SENTENCE_ENDS = ".!?…।॥۔؟։።။。！？"
#: Letters of scripts written without spaces between words (Thai, Lao, Khmer, Burmese, Chinese,
#: Japanese): a run of them counts as its number of such letters over the letters of a word (a
#: Thai paragraph is two or three "words" between its spaces, and was dropped as too short):
#: UNSPACED_LETTERS for Thai, Lao, Khmer and Burmese, HAN_LETTERS for Chinese and Japanese (Han
#: and kana: wordfreq's Chinese and Japanese words, weighted by frequency, are 1.62 and 1.70
#: characters long; counted as 3, a three-paragraph Chinese brief of 160 characters was dropped
#: as too short).
HAN_BLOCKS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
# Thai, Lao and Khmer, which end a sentence with a space (Burmese has its full stop).
_SPACE_ENDED_BLOCKS = "\u0e00-\u0eff\u1780-\u17ff"
# The blocks of those scripts' letters: a plain range test (fast).
UNSPACED = re.compile(f"[{_SPACE_ENDED_BLOCKS}\u1000-\u109f{HAN_BLOCKS}]")
HAN = re.compile(f"[{HAN_BLOCKS}]")
UNSPACED_LETTERS = 3
HAN_LETTERS = 1.7
CLOSING_MARKS = "'\"”’»)]」』"
# A candidate sentence end: terminal punctuation, closing quotes or brackets (group 1), then
# space; or a CJK terminal mark (group 2), after which no space is needed.
_END_PATTERN = r"(?<![.!?…।॥۔؟։።။])([.!?…।॥۔؟։።။]++['\"”’»)\]]*+)\s+|(?<![。！？])([。！？]++[」』”’)]*+)\s*"
_SENTENCE_END = regex.compile(_END_PATTERN)
# Thai, Lao and Khmer end a sentence with a space, and use spaces inside sentences too: in a text
# of theirs, a space after one of their letters also ends a sentence (group 3) where four words
# or more in Latin letters follow, the first capitalized ("... เกินไป Earn $500 a day working"),
# so that an English sentence is one of its own; a name ("บริษัท Apple ประกาศ") is none.
_SPACE_ENDED = re.compile(f"[{_SPACE_ENDED_BLOCKS}]")
_SENTENCE_END_SPACED = regex.compile(
    _END_PATTERN + rf"|(?<=[{_SPACE_ENDED_BLOCKS}])()[ \t]+"
    rf"(?=\p{{Lu}}[\p{{Latin}}'’]*(?:[ \t]+[^\s{_SPACE_ENDED_BLOCKS}]+){{3}})"
)
# A word: a run of word characters, with single apostrophes between them.
_WORD = regex.compile(r"[\w\p{M}]+(?:['’\u00ad][\w\p{M}]+)*")
_WORD_CHAR = regex.compile(r"[\w\p{M}]+")
_APOSTROPHES = (ord("'"), ord("’"))
#: A soft hyphen (an invisible hint where a word may break) between two word characters is
#: inside the word, and left out of its text: "Bundes\u00adregierung" is "Bundesregierung".
SOFT_HYPHEN = "\u00ad"
_SOFT_HYPHEN_CODE = ord(SOFT_HYPHEN)
#: The Latin ligatures of typesetting (U+FB00-FB06), spelt out in a word's text.
_LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}
_LIGATURE = re.compile("[\ufb00-\ufb06]")


def _spelt_otherwise(text: str) -> bool:
    """Whether ``text`` holds what a word spells otherwise: a soft hyphen, a decomposed letter
    (not in composed form, NFC), a ligature."""
    return not text.isascii() and (
        SOFT_HYPHEN in text
        or not unicodedata.is_normalized("NFC", text)
        or _LIGATURE.search(text) is not None
    )


def spelt(text: str) -> str:
    """``text`` spelt as the words are: soft hyphens out, composed form, ligatures spelt out.

    >>> spelt("Sub\u00adscribe to the \ufb01nancial cafe\u0301")
    'Subscribe to the financial café'
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text.replace(SOFT_HYPHEN, ""))
    return text.translate(_LIGATURES) if _LIGATURE.search(text) else text


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen gov sen rep prof no vs etc inc ltd co corp lt col sgt capt cmdr adm"
    " jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est vol pp e.g i.e".split()
)


_word_chars: np.ndarray | None = None
_char_table: np.ndarray | None = None
_lock = threading.Lock()
#: The bits of :func:`char_classes`: ``\p{Ll}``, ``\p{Lu}``, ``str.isdecimal``, and
#: ``str.isupper``, ``str.isalpha``, ``str.isdigit`` of the character.
LOWER, UPPER, DECIMAL, IS_UPPER, IS_ALPHA, IS_DIGIT = 1, 2, 4, 8, 16, 32


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as an array (lone surrogates included).

    >>> code_points("aÉ7").tolist()
    [97, 201, 55]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def char_classes(codes: np.ndarray) -> np.ndarray:
    """The classes of each code point of ``codes`` (:func:`code_points`) as the bits LOWER to
    IS_DIGIT, read from one table of every code point (built once per process: 0.2 s, 1.1 MB).

    >>> bits = char_classes(code_points("aÉ7"))
    >>> ((bits & UPPER) > 0).tolist(), ((bits & IS_DIGIT) > 0).tolist()
    ([False, True, False], [False, False, True])
    """
    global _char_table
    if _char_table is None:
        with _lock:
            if _char_table is None:
                table = np.zeros(0x110000, dtype=np.uint8)
                for bit, test in (
                    (LOWER, regex.compile(r"\p{Ll}+")),
                    (UPPER, regex.compile(r"\p{Lu}+")),
                    (DECIMAL, str.isdecimal),
                    (IS_UPPER, str.isupper),
                    (IS_ALPHA, str.isalpha),
                    (IS_DIGIT, str.isdigit),
                ):
                    table[_code_point_mask(test)] |= bit
                _char_table = table
    return _char_table[codes]


def _code_point_mask(test: regex.Pattern[str] | Callable[[str], bool]) -> np.ndarray:
    """For each code point, 0 to 0x10FFFF, whether ``test`` holds: a pattern matching runs of
    such characters, or a predicate of one character (``str.isupper``). About 0.1 s: build it
    once per process.

    >>> mask = _code_point_mask(regex.compile(r"\\p{Lu}+"))
    >>> bool(mask[ord("É")]), bool(mask[ord("é")]), bool(_code_point_mask(str.isdigit)[ord("7")])
    (True, False, True)
    """
    every = np.arange(0x110000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    if not isinstance(test, regex.Pattern):
        return np.fromiter(map(test, every), dtype=bool, count=len(every))
    mask = np.zeros(0x110000, dtype=bool)
    for m in test.finditer(every):
        mask[m.start() : m.end()] = True
    return mask


def _load_word_chars() -> np.ndarray:
    """For each code point, whether ``_WORD_CHAR`` takes it for a word character (once per process)."""
    global _word_chars
    if _word_chars is None:
        with _lock:
            if _word_chars is None:
                _word_chars = _code_point_mask(_WORD_CHAR)
    return _word_chars


def _split_words(text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Start offsets, end offsets and texts of the words of ``text``, as ``_WORD`` finds them.

    One table lookup per character in numpy rather than a regular expression: a character is
    in a word when it is a word character, or an apostrophe or a soft hyphen between two word
    characters; a word is a maximal run of such characters. The texts come from one split of
    the text with every other character replaced by a space (no word character is white
    space), soft hyphens left out, in Unicode's composed form (NFC), ligatures spelt out.

    >>> starts, ends, texts = _split_words("Ukraine’s army's 'own' a''b Washin\u00adgton")
    >>> starts.tolist(), ends.tolist(), texts
    ([0, 10, 18, 23, 26, 28], [9, 16, 21, 24, 27, 39], ['Ukraine’s', "army's", 'own', 'a', 'b', 'Washington'])
    """
    codes = code_points(text)
    inside = _load_word_chars()[codes]
    if codes.size > 2:
        middle = codes[1:-1]
        joins = (middle == _APOSTROPHES[0]) | (middle == _APOSTROPHES[1]) | (middle == _SOFT_HYPHEN_CODE)
        inside[1:-1] |= joins & inside[:-2] & inside[2:]
    # Where a word starts or ends: a change between two characters, outside characters not in one.
    padded = np.zeros(codes.size + 2, dtype=bool)
    padded[1:-1] = inside
    edges = np.flatnonzero(padded[1:] != padded[:-1]).astype(np.int64).reshape(-1, 2)
    starts, ends = edges[:, 0].copy(), edges[:, 1].copy()
    starts.flags.writeable = ends.flags.writeable = False  # shared by the scorers
    masked = np.where(inside, codes, 32).astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    if _spelt_otherwise(masked):
        masked = spelt(masked)  # "cafe\u0301" is "café", "ﬁnancial" "financial", for every lookup
    return starts, ends, masked.split()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIPPED:
        start += 1
    while end > start and text[end - 1] in _STRIPPED:
        end -= 1
    return start, end


def _first_word_length(text: str) -> int:
    space = text.find(" ")
    return len(text) if space < 0 else space


def _wrapped(texts: list[str], gaps: list[str]) -> list[int]:
    """The lines of hard-wrapped prose that run on into the next line (see :data:`WRAP_WIDTH`).

    ``gaps[i]`` is the white space between ``texts[i]`` and ``texts[i + 1]``.

    >>> prose = ["The council met on", "Monday and agreed to", "build a long bridge", "over the", "river."]
    >>> _wrapped(prose, ["\\n"] * 4)
    [0, 1, 2]
    >>> _wrapped(["Home", "World", "Sport", "A town held a vote on Monday."], ["\\n"] * 3)
    []
    >>> _wrapped([*prose, "https://www.example.com/news/2019/11/20/a-long-address"], ["\\n"] * 4 + ["\\n\\n"])
    [0, 1, 2]
    """
    width = max((len(t) for t in texts if " " in t), default=0)  # of lines of several words
    if width > WRAP_WIDTH or len(texts) < WRAP_MIN_LINES:
        return []
    full = [
        i
        for i in range(len(texts) - 1)
        if len(texts[i]) + 1 + _first_word_length(texts[i + 1]) > width
        and texts[i].count(" ") >= WRAP_MIN_SPACES  # wrapped at spaces: not Chinese or Japanese
        and len(_BREAK.findall(gaps[i])) == 1
    ]
    lengths = {len(texts[i]) for i in full}
    long_lines = sum(1 for t in texts if 2 * len(t) >= width)  # menus and buttons do not count
    if len(full) < WRAP_SHARE * long_lines or len(lengths) < WRAP_MIN_LINES:
        return []  # unwrapped text, or rows of one width (a table, a block of code)
    going_on = sum(1 for i in full if texts[i + 1][0].isalpha() and not texts[i + 1][0].isupper())
    if 3 * going_on < len(full):
        return []  # most lines open with a capital or a digit: a list of headlines
    return full


def _split_lines(text: str) -> tuple[str, tuple[Segment, ...], tuple[Segment, ...]]:
    """The text (hard-wrapped paragraphs unwrapped: see :func:`_wrapped`), its lines and paragraphs."""
    pieces = _LINE_SPLIT.split(text)  # gap, line, gap, ..., line, gap
    if len(pieces) > 1 and "\n" in text:
        runs_on = set(_wrapped(pieces[1::2], pieces[2:-1:2]))
        if runs_on:  # the break after a full line is a space: the same length, the same offsets
            joined = pieces[:2]
            for i in range(1, len(pieces) // 2):
                if i - 1 in runs_on:
                    joined[-1] += " " * len(pieces[2 * i]) + pieces[2 * i + 1]
                else:
                    joined += pieces[2 * i : 2 * i + 2]
            pieces = [*joined, pieces[-1]]
            text = "".join(pieces)
    bounds = list(accumulate(map(len, pieces)))  # line start, line end, ...
    starts, ends = bounds[0:-1:2], bounds[1::2]
    lines = tuple(map(tuple.__new__, repeat(Segment), zip(starts, ends, pieces[1::2], strict=True)))
    if not lines:
        return text, (), ()
    # A blank line between two lines ends the paragraph: more than one break between them. A
    # text without any blank line writes one paragraph per line (as trafilatura extracts it).
    paragraphs: list[Segment] = []
    first = 0  # the paragraph's first line
    for i, gap in enumerate(pieces[2:-1:2], 1):  # the gap before line i
        if gap != "\n" and gap != "\r\n" and len(_BREAK.findall(gap)) > 1:
            start, end = starts[first], ends[i - 1]
            paragraphs.append(Segment(start, end, text[start:end]))
            first = i
    if not paragraphs:
        return text, lines, lines
    start, end = starts[first], ends[-1]
    paragraphs.append(Segment(start, end, text[start:end]))
    return text, lines, tuple(paragraphs)


def glued_break_features(tokens: Sequence[str]) -> np.ndarray:
    """One row of GLUED_FEATURES for each space between two of ``tokens`` (the words of a glued
    text split at white space): row ``i`` for the space before token ``i + 1``.

    >>> x = glued_break_features(["Home", "News", "The", "council", "voted."])
    >>> column = GLUED_FEATURES.index("next_capital")
    >>> x.shape, x[:, column].tolist()
    ((4, 26), [1.0, 1.0, 0.0, 0.0])
    """
    n = len(tokens)
    if n < 2:
        return np.zeros((0, len(GLUED_FEATURES)))
    english = word_frequencies("en")
    background = load_background()
    bare = [t.strip(_EDGE_PUNCTUATION).lower() for t in tokens]
    zipf = np.array([english.zipf(w) if w else 0.0 for w in bare] if english is not None else [0.0] * n)
    ids = background.ids(bare)
    log_prob, seen = background.pairs(ids[:-1], ids[1:])
    first = [t[0] for t in tokens]
    last = [t[-1] for t in tokens]
    capital = np.array([c.isupper() for c in first])
    lower = np.array([t.islower() for t in tokens])
    function = lower & (zipf >= 5.5)
    ends = np.array([c in SENTENCE_ENDS for c in last])
    length = np.minimum([len(t) for t in tokens], 15)

    def window(flags: np.ndarray, size: int, before: bool) -> np.ndarray:  # counts per space
        total = np.concatenate(([0], np.cumsum(flags)))
        i = np.arange(1, n)
        lo, hi = (np.maximum(i - size, 0), i) if before else (i, np.minimum(i + size, n))
        return total[hi] - total[lo]

    ones = np.ones(n, dtype=bool)
    second_previous = np.concatenate(([-1.0], capital[:-2]))
    second_next = np.concatenate((capital[2:], [-1.0]))
    second_next_lower = np.concatenate((lower[2:], [-1.0]))
    columns = [
        capital[1:],
        np.array([t.isupper() and len(t) > 1 for t in tokens[1:]]),
        np.array([c.isdigit() for c in first[1:]]),
        np.array([not c.isalnum() for c in first[1:]]),
        capital[:-1],
        lower[:-1],
        np.array([c in ":,;" for c in last[:-1]]),
        np.array([c.isalnum() for c in last[:-1]]),
        np.array([c.isdigit() for c in first[:-1]]),
        np.array([not c.isalnum() and c not in ":,;" for c in last[:-1]]),
        zipf[:-1],
        zipf[1:],
        log_prob,
        seen,
        length[:-1],
        length[1:],
        second_previous,
        second_next,
        second_next_lower,
        window(lower, 5, True),
        window(function, 5, True),
        window(ones, 5, True),
        window(lower, 5, False),
        window(function, 5, False),
        window(ones, 5, False),
        window(ends, 3, True) - ends[:-1],  # an end among the two to four words before
    ]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])


def _load_glued_model() -> Trees:
    """The glued text's break model, loaded once per process."""
    global _glued_model
    if _glued_model is None:
        with _glued_lock:
            if _glued_model is None:
                path = Path(__file__).parent / "models" / "glued.json"
                _glued_model = Trees.from_dict(json.loads(path.read_text(encoding="utf-8"))["breaks"])
    return _glued_model


def _unglued(text: str, lines: tuple[Segment, ...], sentences: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The lines, or, in a text glued into one line (see :data:`GLUED_CHARS`), each line longer
    than GLUED_CHARS read as its sentences, cut again where the break model reads a line break
    (see :data:`GLUED_BREAK`); the same offsets: the text is unchanged.

    >>> text = "Home News Sport Weather " + "The council met on Monday. " * 60
    >>> [line.text for line in Article.from_text(text).lines[:6]]
    ['Home', 'News', 'Sport', 'Weather', 'The council met on Monday.', 'The council met on Monday.']
    >>> page = "\\n".join(["Home", text, *["A line of the page that is not glued."] * 200])
    >>> [line.text for line in Article.from_text(page).lines[:2]] == ["Home", text.strip()]
    True
    """
    long_chars = sum(line.end - line.start for line in lines if line.end - line.start > GLUED_CHARS)
    if long_chars <= GLUED_SHARE * sum(line.end - line.start for line in lines):
        return lines
    sentence_starts = [sentence.start for sentence in sentences]
    out: list[Segment] = []
    for line in lines:
        if line.end - line.start <= GLUED_CHARS:
            out.append(line)
            continue
        tokens = list(_TOKEN.finditer(text, line.start, line.end))
        words = [m.group() for m in tokens]
        p = _load_glued_model().probability(glued_break_features(words))
        breaks = [
            (tokens[i].end(), tokens[i + 1].start())
            for i in np.flatnonzero(p >= GLUED_BREAK).tolist()
            if words[i][-1] not in SENTENCE_ENDS  # a sentence's end: cut as one
        ]
        first, last = bisect_left(sentence_starts, line.start), bisect_left(sentence_starts, line.end)
        ends = [(sentences[k].end, sentences[k + 1].start) for k in range(first, last - 1)]
        start = line.start
        for end, following in sorted({*ends, *breaks}):  # (end of a piece, start of the next)
            if end > start:
                out.append(Segment(start, end, text[start:end]))
            start = max(start, following)
        out.append(Segment(start, line.end, text[start : line.end]))
    return tuple(out)


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
    if not lines:
        return ()
    sentences: list[Segment] = []
    append, new = sentences.append, tuple.__new__
    i = 0
    line_start, line_end = lines[0].start, lines[0].end
    start = line_start  # of the current sentence
    # One pass over the text: a candidate end lies inside a line (its punctuation is not white
    # space), and its white space does not reach the line's end (a line ends on a character
    # that is not stripped), except for punctuation that ends the line, which the line's end
    # closes anyway.
    ends = _SENTENCE_END_SPACED if not text.isascii() and _SPACE_ENDED.search(text) else _SENTENCE_END
    for match in ends.finditer(text, line_start, lines[-1].end):
        dot = match.start()
        while dot >= line_end:  # the rest of the line is its last sentence
            if start < line_end:
                if text[start] in _STRIPPED:
                    start = _strip(text, start, line_end)[0]
                append(new(Segment, (start, line_end, text[start:line_end])))
            i += 1
            line_start, line_end = lines[i].start, lines[i].end
            start = line_start
        # The sentence ends with its punctuation and closing marks: never stripped.
        end = match.end(1) if match.start(1) >= 0 else match.end(2) if match.start(2) >= 0 else match.end(3)
        if end >= line_end or (text[dot] == "." and _is_abbreviation(text, dot, line_start)):
            continue
        if text[start] in _STRIPPED:
            start = _strip(text, start, end)[0]
        append(new(Segment, (start, end, text[start:end])))
        start = match.end()
    while True:
        if start < line_end:
            if text[start] in _STRIPPED:
                start = _strip(text, start, line_end)[0]
            append(new(Segment, (start, line_end, text[start:line_end])))
        i += 1
        if i == len(lines):
            return tuple(sentences)
        line_start, line_end = lines[i].start, lines[i].end
        start = line_start


@dataclass(frozen=True)
class Article:
    """A text and its segmentation, computed once and shared by every scorer.

    ``title`` and ``url`` are what the caller knows of the page; ``language`` is an
    ISO 639-1 code or None, told by :func:`newsqc.language.detect_language`; ``markup``, the
    ranges of markdown markup that ``text`` reads as spaces (:func:`markdown_markup`);
    ``escapes``, the ranges of escaped line breaks that it reads as line breaks
    (:func:`line_escapes`).

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
    markup: tuple[tuple[int, int, bool], ...] = ()
    escapes: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_text(
        cls, text: str, title: str | None = None, url: str | None = None, language: str | None = None
    ) -> Article:
        """Segment ``text`` into lines, paragraphs and sentences (words on first use)."""
        if not isinstance(text, str):
            raise TypeError(f"Article text must be a str, not {type(text).__name__}")
        if escapes := line_escapes(text):
            text = _unescaped(text, escapes)
        if not text.isascii() and _MAY_BE_SPACE_LIKE.search(text):
            text = _SPACE_LIKE.sub(" ", _IN_WORD_ZERO_WIDTH.sub(SOFT_HYPHEN, text))
        if markup := markdown_markup(text):
            text = _blanked(text, markup)
        text, lines, paragraphs = _split_lines(text)
        sentences = _split_sentences(text, lines)
        unglued = _unglued(text, lines, sentences)
        if unglued is not lines:
            lines = unglued
            sentences = _split_sentences(text, lines)
        return cls(text, lines, paragraphs, sentences, title, url, language, tuple(markup), tuple(escapes))

    @cached_property
    def _word_columns(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """The start offsets, end offsets and texts of the words (see :func:`_split_words`)."""
        return _split_words(self.text)

    @cached_property
    def words(self) -> tuple[Segment, ...]:
        """Every word of the text, in order."""
        columns = zip(self.word_starts, self.word_ends, self._word_columns[2], strict=True)
        return tuple(map(tuple.__new__, repeat(Segment), columns))

    @cached_property
    def word_texts(self) -> tuple[str, ...]:
        """The text of each word of :attr:`words`: one tuple shared by the scorers.

        >>> Article.from_text("Hello world").word_texts
        ('Hello', 'world')
        """
        return tuple(self._word_columns[2])

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """The start offset of each word of :attr:`words`.

        >>> Article.from_text("Hello world").word_starts
        (0, 6)
        """
        return tuple(self._word_columns[0].tolist())

    @cached_property
    def word_ends(self) -> tuple[int, ...]:
        """The end offset of each word of :attr:`words`.

        >>> Article.from_text("Hello world").word_ends
        (5, 11)
        """
        return tuple(self._word_columns[1].tolist())

    @cached_property
    def word_initials(self) -> str:
        """The first character of each word, in one string.

        >>> Article.from_text("Hello big World").word_initials
        'HbW'
        """
        return "".join(map(itemgetter(0), self.word_texts))

    @property
    def word_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """The start and the end offsets of the words as two read-only integer arrays.

        >>> [a.tolist() for a in Article.from_text("Hello world").word_bounds]
        [[0, 6], [5, 11]]
        """
        return self._word_columns[0], self._word_columns[1]

    @cached_property
    def word_counts(self) -> tuple[float, ...]:
        """The running count of words before each word (one more entry than words): a word
        counts 1, or its letters of a script written without spaces over the letters of a word
        in that script (UNSPACED_LETTERS, HAN_LETTERS).

        >>> Article.from_text("Bangkok: สภาเมืองลงมติเมื่อวันอังคาร ok").word_counts
        (0, 1.0, 10.0, 11.0)
        """
        text = self.text
        if text.isascii() or not UNSPACED.search(text):
            return tuple(range(len(self.word_starts) + 1))
        counts: list[float] = [0]
        total = 0.0
        for word in self.word_texts:
            if word.isascii():  # no letter of those scripts
                total += 1.0
                counts.append(total)
                continue
            han = len(HAN.findall(word))
            total += max(1.0, han / HAN_LETTERS + (len(UNSPACED.findall(word)) - han) / UNSPACED_LETTERS)
            counts.append(total)
        return tuple(counts)

    @cached_property
    def spelt_otherwise(self) -> bool:
        """Whether a word's text can differ from the characters it covers: the text holds a soft
        hyphen, a decomposed letter or a ligature (see :attr:`word_texts`).

        >>> [Article.from_text(t).spelt_otherwise for t in ("Sub\\u00adscribe", "Subscribe")]
        [True, False]
        """
        return _spelt_otherwise(self.text)

    @cached_property
    def line_texts(self) -> tuple[str, ...]:
        """The text of each line as the patterns read it, spelt as the words are: soft hyphens
        left out, in composed form (NFC), ligatures spelt out, a no-break space a space (the text
        keeps one after a letter beyond ASCII, which mojibake may hold: "Ã\\u00a0" is "à").

        >>> Article.from_text("Sub\\u00adscribe\\nZuru\\u0308ck\\nМатериалы по\\u00a0теме").line_texts
        ('Subscribe', 'Zurück', 'Материалы по теме')
        """
        texts = [line.text for line in self.lines]
        if "\u00a0" in self.text:
            texts = [t.replace("\u00a0", " ") for t in texts]
        if not self.spelt_otherwise:
            return tuple(texts)
        return tuple(spelt(t) or t for t in texts)  # a line of soft hyphens alone stays one

    @cached_property
    def line_blocks(self) -> tuple[int, ...]:
        """The block of each line, numbered from 0: the line itself, but in a text written one
        sentence per line (paragraphs set apart by blank lines, and at most
        MULTI_SENTENCE_LINES of the lines that end as a sentence holding more than one), lines
        that end as a sentence, one after the other in a paragraph, are one block: the
        paragraph, read as one line would be (a menu's or a list's lines end as no sentence).

        >>> Article.from_text("Title\\n\\nWin a prize!\\nCall now.\\n\\nThe vote.\\nIt passed.").line_blocks
        (0, 1, 1, 2, 2)
        >>> Article.from_text("Win a prize! Call now.\\nThe vote passed.\\n\\nIt did.").line_blocks
        (0, 1, 2)
        """
        lines = self.lines
        own = tuple(range(len(lines)))
        if len(self.paragraphs) == len(lines):  # no line shares a paragraph
            return own
        ends = [_ENDS_SENTENCE.search(line.text) is not None for line in lines]
        starts = [line.start for line in lines]
        per_line = Counter(bisect_right(starts, sentence.start) for sentence in self.sentences)
        several = sum(1 for i, end in enumerate(ends, 1) if end and per_line[i] > 1)
        if several > MULTI_SENTENCE_LINES * sum(ends):
            return own
        paragraph_starts = [paragraph.start for paragraph in self.paragraphs]
        paragraph = [bisect_right(paragraph_starts, start) for start in starts]
        blocks = [0]
        for i in range(1, len(lines)):
            joined = ends[i - 1] and ends[i] and paragraph[i] == paragraph[i - 1]
            blocks.append(blocks[-1] + (0 if joined else 1))
        return tuple(blocks)

    @cached_property
    def line_words(self) -> tuple[tuple[int, int], ...]:
        """For each line, the index range ``(first, last + 1)`` of its words in :attr:`words`."""
        # No word crosses a line break or the white space stripped from a line's ends.
        return self._word_ranges(self.lines)

    @cached_property
    def sentence_words(self) -> tuple[tuple[int, int], ...]:
        """For each sentence, the index range ``(first, last + 1)`` of its words in :attr:`words`.

        >>> Article.from_text("One two. Three four five.").sentence_words
        ((0, 2), (2, 5))
        """
        return self._word_ranges(self.sentences)

    def _word_ranges(self, segments: tuple[Segment, ...]) -> tuple[tuple[int, int], ...]:
        starts = self.word_starts
        return tuple((bisect_left(starts, seg.start), bisect_left(starts, seg.end)) for seg in segments)

    @property
    def length(self) -> int:
        """Number of characters of the text."""
        return len(self.text)

    @property
    def is_blank(self) -> bool:
        """True when the text holds nothing but white space."""
        return not self.lines
