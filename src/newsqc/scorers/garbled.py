"""Garbled text: broken encoding and garbage inside otherwise good prose.

What it finds, each as a span with a reason code:

- ``garbled:mojibake``: UTF-8 read as cp1252, latin-1, cp1250, cp1251, MacRoman... ("leagueâ€™s",
  "Ã©"), double forms included, and stray C1 controls that are cp1252 punctuation. The span
  covers the mojibake word(s) only; its ``repair`` is ftfy's fix, so ``cleaned_text`` reads
  "league’s". Also Cyrillic stored in Windows-1251 and read as Windows-1252 or Latin-1
  ("Ñîâåò äåïóòàòîâ" for "Совет депутатов": one single-byte page read as another, which ftfy
  does not undo), when most of its words read back are Russian, Ukrainian or Bulgarian words.
  Decomposed text (NFD, as macOS writes: "a" + U+0302 for the "â" of "â€™") is read composed,
  and the spans are placed back on the text as written.
- ``garbled:lossy``: a character replaced by ``?`` or U+FFFD ("Ukraine?s", "I???m", "Jos?").
  Repaired where one reading is clearly a word ("Ukraine’s", "José"); questions ("Why?") and
  ``?`` in URLs are left alone.
- ``garbled:script``: letters of another script glued to a Latin word ("easternម", a Cyrillic
  "е" in "prеssed", repaired to "eastern" and "pressed"), and runs of foreign-script words
  between two words of Latin-script prose.
- ``garbled:gibberish``: rare words right after such a glued run ("qued faper ter"); lower-case
  words that no word list knows and whose letters read badly ("arteh ineerdst", "eccnei"), with the
  rare words around them. A rare word alone is not enough: real words no list knows ("econobox",
  "teraflop", "polyamorist") read like the language letter by letter and read better than any
  shuffle of their letters. In English also short unknown words that spell another word of the
  article or a common word in another order ("isrt"; not "danfo", "ewedu"), short words the word
  list barely knows that read as such a shuffle too ("okr"; not "oupa", "dorp") or that are a
  common word's letters in another order ("hte", "wsa"), and two short uncommon words side by side
  when one of them is a common word's letters in another order ("ahs thi"; not a recipe's "2 tbsp
  ghee"). In other languages with a word list (German, Portuguese, French...), only unknown words
  of six letters or more that fail both letter tests. A word the article uses twice or more is a
  name or a term, and the words of an English text's sentence of eight words or more that reads as
  another language (a quote in Spanish: "dijo la concejal") are that language's; so, in English
  prose, are a word with letters beyond ASCII and the words beside it (a short quote in Vietnamese:
  "Chúng tôi rất vui"; a typo or a shuffle of English words has no marked letter). A word alone in
  quotes is mentioned, not used ('"rizz" is charm'), and so is one in markdown's backticks
  ("`kubectl`"); code is no prose (a span in backticks, a fenced block, a line after a shell
  prompt: "$ wget").
- ``garbled:case``: case garbled inside a word ("stKEs", "reNEWables", "LEAder", "LeaDer"), with
  allowances for real words (iPhone, eBay, McDonald, PhD, iOS, YouTube, macOS, mRNA, leanFIRE, microSD,
  camelCase), for units after numbers ("38 dBA") and for a word alone in quotes or backticks,
  mentioned rather than used ("`getElementById`").
- ``garbled:control``: stray control, private-use, surrogate and non-characters.
- ``garbled:binary``: bytes that are no text (an image, a PDF or a compressed body decoded as
  text, as a crawler does with a response it took for a page): a stretch dense with control
  characters that no text holds, its lines whole. Nothing in it is repaired (the "mojibake" ftfy
  finds in random bytes fixes into other random bytes), so a text that is all binary is dropped.
- ``garbled:markup``: leftover HTML tags, entities and shortcodes ("&amp;nbsp;", "<span class=",
  "[caption id="), a template's unfilled variables and tags ("{{author_name}}", "{% endif %}";
  a programming article's examples of them too), and JSON escapes, with their backslash or
  without it ("\\u00e9", "Rudolphu2019s"), line breaks left escaped ("\\n\\n", which the article
  reads as line breaks: repaired to them), a data URI's payload, script and style elements,
  comments, and lines of script code left without their tags (an ad slot, "(adsbygoogle =
  window.adsbygoogle || []).push({});", a tracking snippet, a JSON object of structured data);
  entities and escapes are repaired ("&amp;" becomes "&", "u2019" "’"), tags, shortcodes and
  elements removed (a tag that ends a block, between two characters, leaves a line break:
  "years.</p><p>The").
- ``garbled:placeholder``: lines of lorem ipsum, the Latin filler of templates (C4 drops every
  page that holds "lorem ipsum"; here only its lines go): a line of four or more of its words
  that make at least half of the line, in a text that holds "ipsum". Its words are never
  gibberish there (an article about lorem ipsum may quote it).
- ``garbled:word_salad``: an English text whose function words stand where grammar does not
  allow them ("the is", "a in", "to of", a sentence ending "of the.") at a rate prose never
  has, or whose words follow each other no better than words drawn at random (the mean PMI
  of the word classes of adjacent words, from the class bigrams of news text that the
  offtopic model ships); in any language with lower-case letters and a word list, sentences
  whose lower-case words are hardly ever among the language's 100 most frequent words (about
  46% of them are in prose; words drawn at random from a dictionary, 2%): all its paragraphs;
  and in simplified Chinese and Japanese, a text whose adjacent Han characters seldom make a
  word of the language's list though each character is one (news about 0.5 to 0.8 of its
  pairs, characters drawn at random 0.02 to 0.15).

Signals: one cheap regex pass for characters that need a closer look (str.find for the few
``?`` and mojibake lead characters); for mojibake, the characters UTF-8 mojibake is made of,
then ftfy's badness and ``fix_encoding`` on those lines only (the whole line, or else each run
of mojibake tokens, whichever leaves less mojibake); the Unicode script of letters (``regex``
script properties) against the article's main script; word frequencies from wordfreq in the
article's language (its whole list, kept as one UTF-8 blob with a hash table by
:mod:`newsqc.wordlists`, which the offtopic scorer shares: exact, 30 MB for Russian instead of
wordfreq's 118 MB dict); a 4-gram letter model of the language's
100,000 most frequent words (built from wordfreq's list at first use, under a second, no
model file), read two ways: the mean
log-probability per letter, and the rank of the word among seeded shuffles of its letters;
patterns for ``?`` in words and for case changes in words. Each distinct word is looked at
once, and only the uncommon ones in Python. About 0.5 ms per average article (5.2 KB) on one
idle core.

The score: each flagged character weighs 1, except characters of spans that have a repair
(mojibake, lossy and entities that can be undone), which weigh ``REPAIRABLE_WEIGHT``. The
score is ``DAMAGE_FACTOR`` times the weighted share of the text, capped at 1. So a few
mojibake words in a long article score near 0; an article full of repairable mojibake still
scores well under the drop line (0.6); a page whose fifth or more is garbage that cannot be
repaired (word salad, gibberish, foreign runs, controls, markup) scores 0.6 or more.

Blind spots: gibberish made of real words (spinner output, "ear ash", a shuffle that makes "het" or
"and"), shuffles that happen to read like a word ("chisilot", "tomitasu"), case garbling of a less
common word shaped like a brand name ("GlaSgow" reads like "YouTube"), foreign-script words alone
on a line or in brackets (kept on purpose: language menus, names in their own script), short
gibberish in languages other than English, gibberish in non-Latin scripts (but a whole text of
random Chinese or Japanese characters; not in traditional Chinese, which wordfreq's simplified
list lacks, nor a line of them inside an article), word salad inside an otherwise good article
(a paragraph alone is too short to tell from a list of headlines in title case), word salad
drawn evenly from a language's 1,000 most frequent words or fewer (a tenth or more of its words
are among the 100 most frequent; in English the pairs and the class PMI find those of 500 words
or fewer, half of those of 1,000), mojibake that ftfy cannot undo (its
known failures: "pi√π", "┬┐que", Arabic with lost bytes), other single-byte pages read as
Windows-1252 than Windows-1251 (Greek in Windows-1253, Central European in Windows-1250; the
language of a text in Windows-1251 mojibake stays the one detected on the mojibake, often
"vi"), a line quoting Cicero's passage that lorem ipsum comes from (it reads as the filler), and
stripped JSON escapes of four digits that do not stand between two letters ("endu2019 said": it
could be a year after a word). In tech news, the names of command-line tools written as words
("kubectl", "wget", "dpkg", "zsh") read as gibberish unless markdown marks them as code (a
command on a line of its own without backticks or a prompt reads as prose), and so does a
short word of another language that English word lists barely know, written without marks
("with a mihi, a formal greeting, in te reo": Zipf 1.95, under 2.0).
A text all in capitals (an old wire feed) is not read for the class PMI of word salad (its
rarer words all read as names), and case garbling cannot show in it.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import math
import random
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from difflib import SequenceMatcher
from itertools import accumulate, islice, permutations

import ftfy
import regex
from ftfy.badness import BADNESS_RE, badness

from newsqc.article import CLOSING_MARKS, SENTENCE_ENDS, SOFT_HYPHEN, Article, Segment, spelt
from newsqc.assessment import Span
from newsqc.language import text_language
from newsqc.scorers import offtopic
from newsqc.scorers.base import Finding, clip, covered, ratio
from newsqc.wordlists import WordList, word_frequencies

__all__ = ["DAMAGE_FACTOR", "REPAIRABLE_WEIGHT", "Garbled"]

#: A word whose lower-case form is this common (Zipf) is garbled when a capital stands inside it,
#: unless each of its parts is a word of three letters or more at least CASE_PART_ZIPF.
CASE_COMMON_ZIPF = 4.5
CASE_PART_ZIPF = 3.9
#: A camel-case word whose parts are words is a brand when its lower-case form is rarer than this
#: ("easyjet" 2.5, "jetblue" 2.6), a word with its case garbled when it is as common ("newsPaper",
#: "hotSpot": "newspaper" 4.6, "hotspot" 3.2).
CASE_BRAND_ZIPF = 3.0
#: A prefix of this many lower-case letters or fewer before a capitalized name is the name's, when
#: the whole is no English word (rarer than CASE_NAME_ZIPF): Zulu's locatives ("eThekwini",
#: "eMthombo"), Irish mutations ("i nGaillimh", "na hÉireann"). A capital after the first letters
#: of a word is garbled case ("bUsiness"; "bulLdozers", "oUtflows" at 2.6: the benchmark's).
CASE_PREFIX_LETTERS = 3
CASE_NAME_ZIPF = 1.5
#: Weight of a flagged character whose span has a repair (mojibake, lossy, entity).
REPAIRABLE_WEIGHT = 0.1
#: The score is this times the weighted share of flagged characters, capped at 1.
DAMAGE_FACTOR = 3.0
#: A fix that changed the number of tokens is aligned token by token (difflib) up to this many
#: differing tokens on both sides; past it the differing middle is one change.
EDIT_ALIGN_MAX = 400

_KIND = "garbled"

# ----------------------------------------------------------------------------- mojibake

# Characters that only mojibake is made of, and the pairs that UTF-8 read as a single-byte
# code page leaves: a lead byte (Â-ô) followed by a continuation byte (0x80-0xBF) as cp1252,
# latin-1, cp1251 (Р/С + ...), cp1253 (Ξ/Ο + ...) or MacRoman (√, ‚Ä) shows it. One pass of
# this regex is cheap; ftfy's own badness regex runs only on the lines it hits.
_CONT_1252 = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸŚŤŽŹśťžźˇ˘ŁĄŞŻ˛łąşĽ˝ľż"  # and cp1250
_LEAD_1250 = "ĂĹĆČĘĚĎĐŃŇŐŘŮŰŢŕăĺćčęěďđńň"
_BAD_CHARS = "\x80-\x9f¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊\ufffd√≈│┌┐┘├┤┬┼═-╬▀▄█▌▐░▒▓"
_HINT_FIRST = f"{_BAD_CHARS}\xc2-\xf4{_LEAD_1250}ВГРСвā‚ΒΓΞΟ"
_MOJIBAKE_HINT = re.compile(
    f"(?=[{_HINT_FIRST}])(?:[{_BAD_CHARS}]"
    f"|[\xc2-\xf4{_LEAD_1250}][{_CONT_1252}]"
    "|[ÂÃ][ \xa0]"
    "|[ВГРС][ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐЄЇІіґѕїјµ‚„…†‡€‰‹›™]"
    "|вЂ|ā€|‚Ä"
    "|[ΒΓΞΟ][±²³€‚ƒ„†‡‰‹›™΅Ά£¤¥¦§¨©«¬®°΄µ¶·ΈΉΊ»Ό½ΎΏ])"
)
_HINT_FIRST_RE = re.compile(f"[{_HINT_FIRST}]")
_SPACE = regex.compile(r"\s")


_TOKEN = re.compile(r"[^ \t\n\r\f\v]+")  # NBSP is part of a token: "MISUTÂ\xa0AJIKKO"


def _token_bounds(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Widen [start, end) to whole white-space-delimited tokens, within [low, high)."""
    while start > low and not text[start - 1].isspace():
        start -= 1
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def _token_edits(old: list[str], new: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """The runs of ``old[i1:i2]`` that became ``new[j1:j2]``, in order.

    Linear when the fix kept the number of tokens (each token compared with its counterpart,
    as ftfy fixes tokens in place); otherwise the common first and last tokens are set aside and
    difflib aligns the rest, or, past EDIT_ALIGN_MAX tokens, takes it as one change (difflib's
    alignment is quadratic or worse in the tokens of a long repetitive line).

    >>> list(_token_edits(["a", "Ã©", "b", "Ã"], ["a", "é", "b", "à"]))
    [(1, 2, 1, 2), (3, 4, 3, 4)]
    >>> list(_token_edits(["x", "Ã", "s", "y"], ["x", "às", "y"]))
    [(1, 3, 1, 2)]
    """
    if len(old) == len(new):
        i, n = 0, len(old)
        while i < n:
            if old[i] == new[i]:
                i += 1
                continue
            j = i
            while j < n and old[j] != new[j]:
                j += 1
            yield i, j, i, j
            i = j
        return
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_mid, new_mid = old[head : len(old) - tail], new[head : len(new) - tail]
    if len(old_mid) + len(new_mid) > EDIT_ALIGN_MAX:
        yield head, len(old) - tail, head, len(new) - tail
        return
    matcher = SequenceMatcher(None, old_mid, new_mid, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield head + i1, head + i2, head + j1, head + j2


def _changes(line: str, fixed: str) -> list[tuple[int, int, int, int]]:
    """The changed runs of white-space-delimited tokens of ``line``, as (start, end,
    fixed_start, fixed_end): the tokens are aligned, not the characters (fast on long lines).

    >>> _changes("Itâ€™s the leagueâ€™s", "It’s the league’s")
    [(0, 6, 0, 4), (11, 21, 9, 17)]
    >>> _changes("atenÃ§Ã£o Ã s crianÃ§as", "atenção às crianças")
    [(0, 23, 0, 19)]
    >>> _changes("voilÃ  le", "voilà le")
    [(0, 7, 0, 6)]
    """
    old_tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
    new_tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(fixed)]
    out: list[tuple[int, int, int, int]] = []
    old_texts = [line[a:b] for a, b in old_tokens]
    new_texts = [fixed[a:b] for a, b in new_tokens]
    for i1, i2, j1, j2 in _token_edits(old_texts, new_texts):
        if i1 == i2:  # tokens inserted: the token after them changed
            if i2 == len(old_tokens):
                continue
            i2, j2 = i2 + 1, min(len(new_tokens), j2 + 1)
        a, b = old_tokens[i1][0], old_tokens[i2 - 1][1]
        if j1 < j2:
            fa, fb = new_tokens[j1][0], new_tokens[j2 - 1][1]
        else:  # tokens deleted: their repair is empty
            fa = fb = new_tokens[j1][0] if j1 < len(new_tokens) else len(fixed)
        # White space that changed too ("voilÃ\xa0 le" read as "voilÃ  le") joins the change.
        next_a = old_tokens[i2][0] if i2 < len(old_tokens) else len(line)
        next_fa = new_tokens[j2][0] if j2 < len(new_tokens) else len(fixed)
        if line[b:next_a] != fixed[fb:next_fa]:
            b, fb = next_a, next_fa
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]), out[-1][2], max(fb, out[-1][3]))
        else:
            out.append((a, b, fa, fb))
    return out


def _non_ascii_runs(line: str) -> list[tuple[int, int]]:
    """Runs of consecutive white-space-delimited tokens that hold a non-ASCII character."""
    runs: list[tuple[int, int]] = []
    open_run = False
    for m in _TOKEN.finditer(line):
        if m.group().isascii():
            open_run = False
        elif open_run:
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
            open_run = True
    return runs


#: Mojibake tokens of one line with at most this many tokens of plain ASCII between them are
#: fixed together: "LiĂ¨ge Avenue de l'HĂ´pital", "atenÃ§Ã£o Ã s crianÃ§as".
MOJIBAKE_GAP_TOKENS = 3


def _mojibake_runs(line: str) -> list[tuple[int, int]]:
    """Runs of tokens with mojibake in them, with up to ``MOJIBAKE_GAP_TOKENS`` ASCII tokens
    between two of them. Non-ASCII tokens without letters ("–", "•") belong to a run beside
    them, as ftfy needs them to tell consistent mojibake; other non-ASCII tokens ("it’s",
    "café") end a run.

    >>> line = "Hello LiĂ¨ge Avenue de l'HĂ´pital, it’s the café atenÃ§Ã£o Ã s – DrÃ¥ber"
    >>> [line[a:b] for a, b in _mojibake_runs(line)]
    ["LiĂ¨ge Avenue de l'HĂ´pital,", 'atenÃ§Ã£o Ã s – DrÃ¥ber']
    """
    runs: list[tuple[int, int]] = []
    start = end = -1  # the open run's bounds so far (mojibake and symbol tokens only)
    gap = 0  # ASCII tokens since the open run's last token
    has_mojibake = False
    for m in _TOKEN.finditer(line):
        token = m.group()
        if token.isascii():
            gap += 1
            if start >= 0 and gap <= MOJIBAKE_GAP_TOKENS:
                continue
        else:
            mojibake = bool(_MOJIBAKE_HINT.search(line, m.start(), min(len(line), m.end() + 1)))
            if mojibake or not any(c.isalpha() for c in token):
                if start < 0 or gap > MOJIBAKE_GAP_TOKENS:
                    if has_mojibake:
                        runs.append((start, end))
                    start, has_mojibake = m.start(), False
                end, gap = m.end(), 0
                has_mojibake = has_mojibake or mojibake
                continue
        if has_mojibake:
            runs.append((start, end))
        start, has_mojibake = -1, False
    if has_mojibake:
        runs.append((start, end))
    return runs


def _left_over(line: str) -> tuple[int, int]:
    """How much mojibake a (fixed) line still shows: ftfy's badness plus the mojibake pairs
    left, then its length."""
    return badness(line) + len(_MOJIBAKE_HINT.findall(line)), len(line)


#: A letter followed by its combining marks: decomposed (NFD) text writes "â" as "a" + U+0302.
_DECOMPOSED = regex.compile(r"\P{M}\p{M}+")


def _composed(line: str) -> tuple[str, list[tuple[int, int]]]:
    """``line`` with each letter and its combining marks composed (NFC), and the map back:
    (offset in the composed line, offset in ``line``) where each composed letter starts and
    ends (composing never lengthens a letter).

    >>> _composed("Cafe\u0301 a\u0302\u20ac\u2122")
    ('Café â€™', [(3, 3), (4, 5), (5, 6), (6, 8)])
    """
    parts, marks, at, shift = [], [], 0, 0
    for m in _DECOMPOSED.finditer(line):
        letter = unicodedata.normalize("NFC", m.group())
        parts += (line[at : m.start()], letter)
        marks += ((m.start() - shift, m.start()), (m.start() - shift + len(letter), m.end()))
        shift += len(m.group()) - len(letter)
        at = m.end()
    parts.append(line[at:])
    return "".join(parts), marks


def _source(offset: int, marks: list[tuple[int, int]]) -> int:
    """Where ``offset`` of a composed line falls in the line (see :func:`_composed`).

    >>> [_source(offset, [(3, 3), (4, 5), (5, 6), (6, 8)]) for offset in (2, 4, 6, 7)]
    [2, 5, 8, 9]
    """
    i = bisect_right(marks, (offset, math.inf)) - 1
    if i < 0:
        return offset
    composed, source = marks[i]
    return source + (offset - composed)


def _mojibake_spans(text: str, lo: int, hi: int) -> list[Span]:
    """Spans of the mojibake in text[lo:hi] (one line), each with ftfy's repair.

    The whole line is fixed first; when ftfy cannot fix it whole (good text around the mojibake
    keeps it from re-encoding, or it leaves mojibake behind), each run of mojibake tokens is
    fixed alone, or else each run of tokens with non-ASCII characters, whichever leaves the line
    least bad by ftfy's measure. A decomposed line (NFD: "a" + U+0302 for the "â" of "â€™") is
    read composed, and its spans are placed back on the line as written.
    """
    line = text[lo:hi]
    if _DECOMPOSED.search(line):
        composed, marks = _composed(line)
        if composed != line:
            return [
                dataclasses.replace(s, start=lo + _source(s.start, marks), end=lo + _source(s.end, marks))
                for s in _mojibake_spans(composed, 0, len(composed))
            ]
    if not BADNESS_RE.search(line):
        return []
    fixed = ftfy.fix_encoding(line)
    # Each way of cutting the line: its pieces (offset in line, piece, its fix), and how the line
    # reads after them: the fewest signs of mojibake left, then the shortest (undoing mojibake
    # shortens a text) wins; the whole line on a tie.
    best = (_left_over(fixed), [(0, line, fixed)] if fixed != line else [])
    for runs in (_mojibake_runs(line), _non_ascii_runs(line)):
        if runs == [(0, len(line))]:
            continue  # the whole line again
        pieces: list[tuple[int, str, str]] = []
        for a, b in runs:
            piece = line[a:b]
            if BADNESS_RE.search(piece):
                piece_fixed = ftfy.fix_encoding(piece)
                if piece_fixed != piece:
                    pieces.append((a, piece, piece_fixed))
        if pieces:
            kept, at = [], 0  # the line with each piece fixed, joined once (a line can hold thousands)
            for a, piece, piece_fixed in pieces:
                kept += (line[at:a], piece_fixed)
                at = a + len(piece)
            after = "".join(kept) + line[at:]
            if _left_over(after) < best[0]:
                best = (_left_over(after), pieces)
            break  # runs of mojibake tokens fixed something: runs of other tokens will not do better
    pieces = best[1]
    spans = []
    for offset, piece, piece_fixed in pieces:
        for a, b, ja, jb in _changes(piece, piece_fixed):
            repair = piece_fixed[max(0, ja) : max(0, jb)]
            start, end = lo + offset + a, lo + offset + b
            spans.append(Span(start, end, _KIND, 1.0, f"{_KIND}:mojibake", repair=repair))
    return spans


# ----------------------------------------------------------------------------- legacy code pages

# Cyrillic stored in Windows-1251 and read as Windows-1252 or Latin-1, as a crawler does with a
# page that does not name its encoding: "Ñîâåò äåïóòàòîâ" for "Совет депутатов". Each letter
# lands in À-ÿ (Ё, ё, І, і, Ї, ї, Є, є, Ў, ў on ¨ ¸ ² ³ ¯ ¿ ª º ¡ ¢); ftfy undoes UTF-8 read
# as a single-byte page, not one single-byte page read as another. A run of such words is
# mojibake when, read back through Windows-1251, most of them are words of Russian, Ukrainian
# or Bulgarian (wordfreq).
_LEGACY_LETTERS = "\xc0-\xff\xa8\xb8\xb2\xb3\xaf\xbf\xaa\xba\xa1\xa2"
_LEGACY_WORD = re.compile(f"[{_LEGACY_LETTERS}]{{2,}}")
_LEGACY_LETTER = re.compile(f"[{_LEGACY_LETTERS}]")
# A token of them, with ASCII digits and marks ("1,2", "40 000", "«Ñîâåò»,").
_LEGACY_TOKEN = re.compile("[\x21-\x40\x5b-\x60\x7b-\x7e\xa1-\xff]+")
_LEGACY_HINT = re.compile("[\xc0-\xff]{4}")
#: Runs of legacy words are read in these languages (the Cyrillic ones in Windows-1251).
LEGACY_LANGUAGES = ("ru", "uk", "bg")
#: Share of a text's legacy words that must be words of the language once read back.
LEGACY_KNOWN_SHARE = 0.5


def _legacy_spans(article: Article) -> list[Span]:
    """Runs of Windows-1251 text read as Windows-1252, each with its repair (see _LEGACY_WORD).

    >>> a = Article.from_text("Ñîâåò äåïóòàòîâ ïðîãîëîñîâàë çà çàêðûòèå áèáëèîòåêè.")
    >>> [(s.reason, s.repair) for s in _legacy_spans(a)]
    [('garbled:mojibake', 'Совет депутатов проголосовал за закрытие библиотеки.')]
    """
    text = article.text
    runs: list[tuple[int, int]] = []  # runs of tokens made of legacy letters and ASCII marks
    words: list[str] = []
    for line in article.lines:
        start = end = -1
        for m in _TOKEN.finditer(text, line.start, line.end):
            token = m.group()
            legacy = _LEGACY_TOKEN.fullmatch(token) is not None and _LEGACY_LETTER.search(token) is not None
            if legacy:
                words += (w.encode("latin-1").decode("cp1251").lower() for w in _LEGACY_WORD.findall(token))
                start = m.start() if start < 0 else start
                end = m.end()
            elif start >= 0 and token.isascii() and not any(c.isalpha() for c in token):
                continue  # a number or a dash between two legacy words
            elif start >= 0:
                runs.append((start, end))
                start = -1
        if start >= 0:
            runs.append((start, end))
    if not words:
        return []
    needed = max(2, LEGACY_KNOWN_SHARE * len(words))
    for language in LEGACY_LANGUAGES:  # the next list is loaded only when this one falls short
        frequencies = word_frequencies(language)
        if frequencies is not None and sum(1 for w in words if frequencies.get(w, 0.0) > 0) >= needed:
            break
    else:
        return []
    return [
        Span(a, b, _KIND, 1.0, f"{_KIND}:mojibake", repair=text[a:b].encode("latin-1").decode("cp1251"))
        for a, b in runs
    ]


# ----------------------------------------------------------------------------- lossy

# A run of '?' or U+FFFD inside a word, at its start, or at its end.
_LOSSY = regex.compile(r"(?:(?<=\p{L})|(?<![\p{L}\p{N}?!.]))[?\ufffd]+(?=\p{L})|(?<=\p{L})[?\ufffd]+|\ufffd+")
_URLISH = regex.compile(r"://|www\.|[=&/%@]|\.(?:com|org|net|html?|php|aspx?)\b")
_LOWER_NEXT = regex.compile(r" \p{Ll}")
_CONTRACTION_TAILS = frozenset({"s", "t", "re", "ll", "ve", "d", "m"})
_ACCENTS = "éáíóúñüöäèàçãõâêôëïîûœøåßšžčćłńśźżěřůý"
#: The letters of a lost letter's word run on over a soft hyphen ("ours\xadelves?" is "ourselves?";
#: ``Article.text`` writes a zero-width character inside a word as one).
_IN_LOSSY_WORD = "?\ufffd" + SOFT_HYPHEN


def _lossy_repair(word: str, frequencies: Mapping[str, float] | None, apostrophe: str) -> str | None:
    """The one clear reading of ``word`` whose '?'/U+FFFD runs each stand for one character."""
    parts = regex.split(r"[?\ufffd]+", word)
    holes = len(parts) - 1
    if holes == 1 and parts[0] and parts[1].lower() in _CONTRACTION_TAILS:
        if parts[1].lower() != "t" or parts[0].lower().endswith("n"):
            return parts[0] + apostrophe + parts[1]
    if frequencies is None or holes > 2 or not any(parts):
        return None
    best: list[tuple[float, str]] = []
    options = _ACCENTS + "'"
    if holes == 1:
        candidates = [parts[0] + c + parts[1] for c in options]
    else:
        candidates = [parts[0] + c + parts[1] + d + parts[2] for c in options for d in options]
    for cand in candidates:
        freq = frequencies.get(cand.lower(), 0.0)
        if freq > 0:
            best.append((freq, cand))
    if not best:
        return None
    best.sort(reverse=True)
    if best[0][0] < 1e-7 or (len(best) > 1 and best[1][0] * 10 > best[0][0]):
        return None  # too rare, or two readings: ambiguous
    cand = best[0][1]
    if "'" in cand:
        cand = cand.replace("'", apostrophe)
    # Keep the case of the original letters: candidates came from the text, so only the
    # replaced letter's case is a guess; capitalise it when the letters around it are capitals.
    return cand


_MARKS = re.compile("[?\ufffd]+")
#: Above this many occurrences, one regex pass finds characters faster than str.find.
FIND_LIMIT = 40


def _positions(text: str, chars: str) -> list[int] | None:
    """Sorted positions of ``chars`` in ``text``, by str.find (fast when they are few); None
    when there are more than ``FIND_LIMIT`` of them (a regex pass is faster then).

    >>> _positions("a?b?\ufffd", "?\ufffd"), _positions("?" * 50, "?")
    ([1, 3, 4], None)
    """
    out: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            if len(out) > FIND_LIMIT:
                return None
            i = text.find(c, i + 1)
    return sorted(out)


def _matches_at(
    text: str, chars: str, pattern: re.Pattern[str] | regex.Pattern[str]
) -> Iterator[re.Match[str] | regex.Match[str]]:
    """The matches of ``pattern``, each starting at one of ``chars``, as finditer finds them.

    >>> [m.group() for m in _matches_at("Why?? Ukraine?s", "?", _MARKS)]
    ['??', '?']
    """
    positions = _positions(text, chars)
    if positions is None:
        yield from pattern.finditer(text)
        return
    end = -1
    for pos in positions:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def _lossy_matches(text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
    """The matches of ``_LOSSY``, from the runs of '?' and U+FFFD and the characters around
    them (fast: no scan of the whole text by the slower ``regex`` engine).

    >>> [m.group() for m in _lossy_matches("Why? Ukraine?s I???m 5?x ?�")]
    ['?', '?', '???', '�']
    """
    for run in _matches_at(text, "?\ufffd", _MARKS):
        a, b = run.span()
        before = text[a - 1] if a else ""
        letter_before = before.isalpha()
        if letter_before or (
            b < len(text) and text[b].isalpha() and not (before.isalnum() or before in ("!", "."))
        ):
            yield run  # a word's letters on one side at least, as _LOSSY's first two branches
        elif "\ufffd" in run.group():
            yield from _LOSSY.finditer(text, a, min(len(text), b + 1))


def _lossy_spans(
    text: str, frequencies: Mapping[str, float] | None, apostrophe: str, skip: _Skip
) -> list[Span]:
    spans: list[Span] = []
    last_end = -1
    for m in _lossy_matches(text):
        if m.start() < last_end or skip.hit(m.start(), m.end()):
            continue
        # The whole word around the run, holes included.
        start = m.start()
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in _IN_LOSSY_WORD):
            start -= 1
        end = m.end()
        while end < len(text) and (text[end].isalpha() or text[end] in _IN_LOSSY_WORD):
            end += 1
        if start == end:
            continue
        word = text[start:end].replace(SOFT_HYPHEN, "")
        token_start, token_end = _token_bounds(text, start, end, 0, len(text))
        if _URLISH.search(text, token_start, token_end):
            continue
        run = m.group()
        inner = m.start() > start and m.end() < end
        if "\ufffd" not in run:
            letters_before = m.start() > start
            letters_after = m.end() < end
            if inner and len(run) == 1 and text[m.start() - 1].islower() and text[m.end()].isupper():
                continue  # "why?Because": a question mark with its space lost
            if len(run) >= 2 and text[m.start() - 1] in "âÃÂ":
                pass  # "youâ??": a curly quote lost to '?' after its mojibake lead byte
            elif not letters_after or not letters_before:
                # "Jos?" or "?cole": only when a known word results, else it is punctuation.
                stem = word.strip("?").lower()
                if frequencies is None or frequencies.get(stem, 0.0) >= 1e-5:
                    continue  # "Why?": a common word and a question mark
                repair = _lossy_repair(word, frequencies, apostrophe)
                if repair is None:
                    # "Jeli? and Pavle": no question goes on with a lower-case word.
                    if letters_before and _LOWER_NEXT.match(text, end):
                        spans.append(Span(start, end, _KIND, 0.8, f"{_KIND}:lossy"))
                        last_end = end
                    continue
                if frequencies.get(stem, 0.0) > frequencies.get(repair.lower(), 0.0):
                    continue
                spans.append(Span(start, end, _KIND, 0.8, f"{_KIND}:lossy", repair=repair))
                last_end = end
                continue
        repair = _lossy_repair(word, frequencies, apostrophe) if word.strip("?\ufffd") else None
        spans.append(Span(start, end, _KIND, 1.0, f"{_KIND}:lossy", repair=repair))
        last_end = end
    return spans


# ----------------------------------------------------------------------------- control

_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\p{Co}\p{Cs}\ufdd0-\ufdef\ufffe\uffff]")


# C1 controls that cp1252 reads as punctuation, and what it reads.
_C1_CP1252 = {
    c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _control_span(text: str, start: int, end: int, skip: _Skip) -> Span:
    """A run of control characters; C1 ones that are cp1252 punctuation are mojibake, and their
    span is the whole token, repaired.

    >>> t = "parlé\x85 Tu sais"
    >>> s = _control_span(t, 5, 6, _Skip())
    >>> t[s.start : s.end], s.repair
    ('parlé\x85', 'parlé…')
    >>> _control_span("a\x1a", 1, 2, _Skip()).reason
    'garbled:control'
    """
    chars = text[start:end]
    if all("\x80" <= c <= "\x9f" for c in chars):
        try:
            chars.encode("latin-1").decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            a, b = _token_bounds(text, start, end, 0, len(text))
            if skip.hit(a, start):
                a = start  # the token's head is another span's: "quotes\x85" stays whole
            if skip.hit(end, b):
                b = end
            return Span(a, b, _KIND, 1.0, f"{_KIND}:mojibake", repair=text[a:b].translate(_C1_CP1252))
    return Span(start, end, _KIND, 1.0, f"{_KIND}:control")


# Characters that bytes decoded as text are full of and text is not: control characters other
# than NUL (UTF-16 read one byte per character interleaves NULs with good text, which removing
# them repairs), line breaks and ESC (a terminal's colour codes, quoted), the five C1 controls
# that cp1252 leaves undefined, and the surrogates that Python's "surrogateescape" makes of
# undecodable bytes. One random byte in nine is one of them, whatever the codec.
_NOISE = regex.compile(r"[\x01-\x08\x0e-\x1a\x1f\x7f\x81\x8d\x8f\x90\x9d\p{Cs}]")
#: Noise characters at most this many characters apart are one stretch ...
BINARY_GAP = 64
#: ... and a stretch of this many or more is binary data: its lines go whole.
BINARY_MIN = 8


def _binary_spans(article: Article) -> list[Span]:
    r"""The lines of stretches of binary data (see ``_NOISE``), each stretch one span.

    >>> import random
    >>> rng = random.Random(0)  # the bytes of an image, say
    >>> junk = "".join(bytes(rng.getrandbits(8) for _ in range(600)).decode("latin-1").split())
    >>> a = Article.from_text("The council met on Monday.\n" + junk + "\nIt voted for the plan.")
    >>> [(s.reason, s.start, a.text[s.end:]) for s in _binary_spans(a)]
    [('garbled:binary', 27, '\nIt voted for the plan.')]
    >>> _binary_spans(Article.from_text("A bell\x07 rang.\x07 And\x07 again\x07."))
    []
    """
    text = article.text
    spans: list[Span] = []
    first = last = -BINARY_GAP - 1
    count = 0
    for m in [*_NOISE.finditer(text), None]:  # None: past the end, it closes the last stretch
        pos = len(text) + BINARY_GAP + 1 if m is None else m.start()
        if pos - last > BINARY_GAP:
            if count >= BINARY_MIN:
                spans.append(Span(*_line_bounds(article, first, last + 1), _KIND, 1.0, f"{_KIND}:binary"))
            first, count = pos, 0
        last = pos
        count += 1
    return spans


# Two words side by side: a line of text, not a scrap of binary data.
_TWO_WORDS = regex.compile(r"[^\W\d_]{2,} [^\W\d_]{2,}")


def _line_bounds(article: Article, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole lines, and over the scraps next to it: binary data
    breaks into short lines wherever a byte reads as a line break, and the first and last of
    them may hold no noise character (a line within ``BINARY_GAP`` characters with no two words
    side by side)."""
    lines = article.lines

    def scrap(i: int) -> bool:
        return not _TWO_WORDS.search(lines[i].text)

    a = _line_of(article, start)
    if a is not None:
        start = lines[a].start
        while a > 0 and lines[a - 1].start >= start - BINARY_GAP and scrap(a - 1):
            a -= 1
            start = lines[a].start
    b = _line_of(article, end - 1)
    if b is not None:
        end = lines[b].end
        while b + 1 < len(lines) and lines[b + 1].end <= end + BINARY_GAP and scrap(b + 1):
            b += 1
            end = lines[b].end
    return start, end


def _add_control(spans: list[Span], span: Span) -> None:
    """Add ``span`` unless it is the token that the last span already repaired."""
    if not (spans and spans[-1].start == span.start and spans[-1].end == span.end):
        spans.append(span)


# ----------------------------------------------------------------------------- markup

_TAGS = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|center|cite|code|col|dd|div|dl|dt|em"
    "|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label"
    "|li|link|meta|nav|noscript|ol|p|path|picture|pre|script|section|small|source|span|strong"
    "|style|sub|sup|svg|table|tbody|td|th|thead|time|title|tr|u|ul|video"
)
_ATTR = r"\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>\n]{0,300}\"?|'[^'<>\n]{0,300}'?|[^\s\"'<>]{1,300}))?"
_SHORTCODES = (
    "caption|embed|gallery|video|audio|playlist|tweet|youtube|instagram|contact-form-7|wpforms"
    r"|vc_\w+|et_pb_\w+|su_\w+|fusion_\w+|av_\w+|url|img|quote"
)
# Tags that end a block of text: removed from between two characters, one leaves a line break
# ("years.</p><p>The" reads "years.\n\nThe", not "years.The").
_BLOCK_TAG = regex.compile(
    r"</?(?:article|aside|blockquote|body|br|div|figcaption|figure|footer|h[1-6]|head|header|hr"
    r"|html|li|nav|ol|p|pre|section|table|td|th|title|tr|ul)\b",
    regex.IGNORECASE,
)
# The start of a script or style element or of a comment, which go whole (see _elements).
_ELEMENT = regex.compile(r"<(script|style)\b[^<>]{0,300}>|<!--", regex.IGNORECASE)
_ELEMENT_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "": re.compile("-->"),
}
_MARKUP = regex.compile(
    r"<!doctype\b[^<>]{0,300}>"
    rf"|</(?:{_TAGS})\s*>"
    rf"|<(?:{_TAGS})(?:{_ATTR}){{0,20}}\s*/?>"
    rf"|<(?:{_TAGS})(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<>\n]{{0,300}}\"?|'[^'<>\n]{{0,300}}'?|[^\s\"'<>]{{0,300}}))"
    rf"(?:{_ATTR}){{0,20}}"
    # WordPress's shortcodes are lower case: a site's label "[Video]" or "[PHOTOS]" is none
    rf"|(?-i:\[/(?:{_SHORTCODES})\])"
    rf"|(?-i:\[(?:{_SHORTCODES})(?:\]|\s+\w+=[^\[\]\n]{{0,300}}\]?|=[^\[\]\n]{{1,300}}\]))"
    r"|&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    # A template's variable or tag left unfilled: "{{author_name}}", "{{ post.date }}", "{% endif %}".
    r"|\{\{\s*[\w.\-]{1,60}\s*\}\}|\{%\s*[^%{}\n]{1,100}%\}",
    regex.IGNORECASE,
)


def _elements(text: str) -> list[tuple[int, int]]:
    """The script and style elements and the comments of ``text``, whole (their code or note
    too), in one pass: once one has no end, none after it has either.

    >>> text = "a<script src=x>var x = 1;</script>b<!-- note -->c<style>"
    >>> [text[a:b] for a, b in _elements(text)]
    ['<script src=x>var x = 1;</script>', '<!-- note -->']
    """
    out: list[tuple[int, int]] = []
    ended = {"script": True, "style": True, "": True}  # "": a comment
    pos = 0
    while (m := _ELEMENT.search(text, pos)) is not None:
        name = (m.group(1) or "").lower()
        pos = m.end()
        if not ended[name]:
            continue
        close = _ELEMENT_END[name].search(text, pos)
        if close is None:
            ended[name] = False
            continue
        out.append((m.start(), close.end()))
        pos = close.end()
    return out


# A line of the page's script left as text once its tags were stripped: an ad slot
# ("(adsbygoogle = window.adsbygoogle || []).push({});"), a tracking snippet ("gtag('config',
# 'UA-1');"), code that calls the page's objects. It names one of these, and is code: a
# statement's end or a block's brace in it, and SCRIPT_SHARE of its characters or more code's
# punctuation (prose that names them, "the googletag library loads ads.", has little). A line
# that is a JSON object (structured data: '{"@context":"https://schema.org", ...}') is one too.
_SCRIPT_NAMES = (
    "adsbygoogle", "googletag", "dataLayer", "gtag(", "fbq(", "_gaq", "__tcfapi", "document.write(",
    "document.getElement", "document.createElement", "document.querySelector", "window.location",
    "addEventListener(", "function()", "function ()", "jQuery(",
)  # fmt: skip
_CODE_PUNCTUATION = frozenset(";{}()[]=|&'\"")
SCRIPT_SHARE = 0.08


def _script_lines(article: Article) -> list[tuple[int, int]]:
    """The lines of ``article`` that are script code or a JSON object (see _SCRIPT_NAMES).

    >>> a = Article.from_text("Rain fell.\\n(adsbygoogle = window.adsbygoogle || []).push({});")
    >>> [a.text[s:e] for s, e in _script_lines(a)]
    ['(adsbygoogle = window.adsbygoogle || []).push({});']
    """
    out: list[tuple[int, int]] = []
    for start, end, line in article.lines:
        if line[0] == "{" and line[-1] == "}" and '":' in line:
            out.append((start, end))  # a JSON object: the page's structured data
        elif (";" in line or "{" in line) and any(name in line for name in _SCRIPT_NAMES):
            code = sum(1 for c in line if c in _CODE_PUNCTUATION)
            if code >= SCRIPT_SHARE * len(line):
                out.append((start, end))
    return out


def _unescape(entity: str) -> str | None:
    """The text of an HTML entity, unescaped until stable; None when it is not an entity."""
    out = entity
    for _ in range(4):
        nxt = html.unescape(out)
        if nxt == out:
            break
        out = nxt
    if out == entity or ("&" in out and out.endswith(";")):
        return None
    return out.replace("\xa0", " ")


# JSON's \\uXXXX escapes (a run of them, for surrogate pairs), and the same with the backslash
# stripped ("Rudolphu2019s", "u201cAvalanche!u201d"): lower-case hex of the characters that
# writers escape, typographic punctuation (U+2010-U+202F, the euro sign) and Latin-1, with no
# digit right before or after.
_ESCAPE = regex.compile(
    r"(?:\\u[0-9a-fA-F]{4})+"
    r"|(?<![0-9\\])u(?:20[12][0-9a-f]|20ac|00[a-f][0-9a-f])(?![0-9])"
)


def _escape_spans(text: str, skip: _Skip) -> list[Span]:
    """The escapes of ``text`` outside ``skip``, as markup spans with the character(s) each
    stands for.

    A stripped escape of four digits ("u2019") stands for a character only between two letters
    ("Rudolphu2019s"): elsewhere it may be a year after a word ending in "u". The word it is in
    holds no other digit (a hex string is no text), and it is no web address. Each word is read
    once, however many escapes it holds.

    >>> def repairs(t): return [s.repair for s in _escape_spans(t, _Skip())]
    >>> [repairs(t) for t in ("Rudolphu2019s", "Josu00e9", "Menu2019 app", "id fau00e1b9")]
    [['’'], ['é'], [], []]
    >>> repairs(r"caf\\u00e9 \\ud83d\\ude00 \\ud83d")
    ['é', '😀']
    """
    spans: list[Span] = []
    token_end, token_ok = -1, False
    for m in _ESCAPE.finditer(text):
        start, end = m.span()
        found = m.group()
        if found.startswith("\\"):
            try:
                repair = json.loads(f'"{found}"')
            except ValueError:
                continue
            if not (repair.isprintable() or repair == "\xa0"):
                continue
        else:
            repair = chr(int(found[1:], 16))
            if not (unicodedata.category(repair)[0] in "PLSN" or repair == "\xa0"):
                continue
            if found[1:].isdigit() and not (
                start and text[start - 1].isalpha() and end < len(text) and text[end].isalpha()
            ):
                continue
            if start >= token_end:  # a new word: read it once
                token_start, token_end = _token_bounds(text, start, end, 0, len(text))
                token = text[token_start:token_end]
                token_ok = not _URLISH.search(token) and not any(
                    ch.isdigit() for ch in _ESCAPE.sub("", token)
                )
            if not token_ok:
                continue
        if not skip.hit(start, end):
            spans.append(Span(start, end, _KIND, 1.0, f"{_KIND}:markup", repair=repair.replace("\xa0", " ")))
    return spans


# A data URI's payload ("data:image/png;base64,iVBOR..."): markup, removed.
_DATA_URI = re.compile(r"data:[\w/+.\-]{1,100};base64,[A-Za-z0-9+/=]{16,}")


def _line_escape_spans(article: Article) -> list[Span]:
    r"""The escaped line breaks that the article reads as line breaks
    (:func:`newsqc.article.line_escapes`), as markup spans repaired to those line breaks.

    >>> t = r"Rain fell.\n\nThe vote.\r\nIt was held."
    >>> [(t[s.start:s.end], s.repair) for s in _line_escape_spans(Article.from_text(t))]
    [('\\n\\n', '\n\n'), ('\\r\\n', '\n')]
    """
    text = article.text
    return [
        Span(a, b, _KIND, 1.0, f"{_KIND}:markup", repair="\n" * text.count("\n", a, b))
        for a, b in article.escapes
    ]


# ----------------------------------------------------------------------------- placeholder

#: The words of lorem ipsum, the Latin placeholder text of templates: the classic passage and
#: the words of the common generators (lipsum.com's, Faker's).
PLACEHOLDER_WORDS = frozenset(
    """
    a ab ac accumsan accusamus accusantium ad adipisci adipiscing aenean alias aliqua aliquam
    aliquet aliquid aliquip amet anim animi ante aperiam aptent architecto arcu asperiores
    aspernatur assumenda at atque auctor augue aut aute autem beatae bibendum blandit blanditiis
    cillum class commodi commodo condimentum congue consectetur consequat consequatur consequuntur
    conubia convallis corporis corrupti cras cubilia culpa cum cumque cupidatat cupiditate curabitur
    curae cursus dapibus debitis delectus deleniti deserunt diam dicta dictum dignissim dignissimos
    dis distinctio do dolor dolore dolorem dolores doloribus dolorum donec ducimus dui duis ea eaque
    earum efficitur egestas eget eius eiusmod eleifend elementum eligendi elit enim eos erat error
    esse est et etiam eu euismod eum eveniet ex excepteur excepturi exercitation exercitationem
    expedita explicabo facere facilis facilisis fames faucibus felis fermentum feugiat finibus
    fringilla fuga fugiat fugit fusce gravida habitant harum hendrerit hic himenaeos iaculis id illo
    illum impedit imperdiet in inceptos incididunt incidunt integer interdum inventore ipsa ipsam
    ipsum irure iste itaque iure iusto justo labore laboriosam laboris laborum lacinia lacus laoreet
    laudantium lectus leo libero ligula litora lobortis lorem luctus maecenas magna magnam magni
    magnis maiores malesuada massa mattis mauris maxime maximus metus mi minim minima minus modi
    molestiae molestias molestie mollis mollit mollitia montes morbi mus nam nascetur natoque natus
    nec necessitatibus nemo neque nesciunt netus nibh nihil nisi nisl nobis non nostra nostrud
    nostrum nulla nullam numquam nunc obcaecati occaecat odio odit officia officiis omnis optio orci
    ornare pariatur parturient pellentesque penatibus per perferendis perspiciatis pharetra
    phasellus placeat placerat porro porta porttitor possimus posuere potenti praesent praesentium
    pretium proident proin provident pulvinar purus quae quaerat quam quas quasi qui quia quibusdam
    quidem quis quisquam quisque quo quod quos ratione recusandae reiciendis rem repellat
    repellendus reprehenderit repudiandae rerum rhoncus ridiculus risus rutrum saepe sagittis sapien
    sapiente scelerisque sed sem semper senectus sequi similique sint sit sociosqu sodales
    sollicitudin soluta sunt suscipit suspendisse taciti tellus tempor tempora tempore temporibus
    tempus tenetur tincidunt torquent tortor totam tristique turpis ullam ullamco ullamcorper
    ultrices ultricies unde urna ut varius vehicula vel velit venenatis veniam veritatis vero
    vestibulum vitae vivamus viverra voluptas voluptate voluptatem voluptates voluptatibus
    voluptatum volutpat vulputate
    """.split()
)
#: A line is placeholder text when at least this many of its words are such words, and at
#: least half of them (in a text that holds "ipsum" somewhere).
PLACEHOLDER_MIN_WORDS = 4


def _placeholder_spans(article: Article) -> list[Span]:
    """The lines of lorem ipsum (the caller checks that the text holds "ipsum").

    >>> a = Article.from_text("The council met.\\nLorem ipsum dolor sit amet, consectetur adipiscing elit.")
    >>> [(s.reason, a.text[s.start : s.end][:11]) for s in _placeholder_spans(a)]
    [('garbled:placeholder', 'Lorem ipsum')]
    """
    texts = article.word_texts
    spans = []
    for line, (first, last) in zip(article.lines, article.line_words, strict=True):
        hits = sum(w.lower() in PLACEHOLDER_WORDS for w in texts[first:last])
        if hits >= PLACEHOLDER_MIN_WORDS and 2 * hits >= last - first:
            spans.append(Span(line.start, line.end, _KIND, 1.0, f"{_KIND}:placeholder"))
    return spans


# ----------------------------------------------------------------------------- scripts

_OTHER_LETTER = regex.compile(r"[^\P{L}\p{Latin}\p{Common}\p{Inherited}]")
_LATIN_LETTER = regex.compile(r"\p{Latin}")
# Blocks of letters in scripts other than Latin, coarse but fast (stdlib re).
_NON_LATIN_BLOCKS = (
    "\u0370-\u03ff\u0400-\u052f\u0530-\u1cff\u2c00-\u2c5f\u2c80-\u2dff\u2e80-\u2fdf\u3040-\u9fff"
    "\ua000-\ua6ff\ua800-\uab2f\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufefc\uff66-\uffdc"
)
_NON_LATIN = re.compile(f"[{_NON_LATIN_BLOCKS}]")
_LATIN_CHARS = "A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\u024f\u1e00-\u1eff"
# A Latin letter next to a letter of another block: a word that mixes scripts.
_ADJACENT = re.compile(f"[{_LATIN_CHARS}][{_NON_LATIN_BLOCKS}]|[{_NON_LATIN_BLOCKS}][{_LATIN_CHARS}]")
# A run of words in scripts other than Latin, separated by spaces.
# (Words may hold soft hyphens, and no-break spaces may stand between them.)
_FOREIGN_RUN = regex.compile(
    r"(?<![\w\p{M}])[^\P{L}\p{Latin}][^\P{L}\p{Latin}\p{M}]*\p{M}*(?:\xad?[^\P{L}\p{Latin}]\p{M}*)*"
    r"(?:[ \xa0\u3000]+[^\P{L}\p{Latin}][^\P{L}\p{Latin}\p{M}]*\p{M}*(?:\xad?[^\P{L}\p{Latin}]\p{M}*)*)*"
)
_CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: From this share of CJK characters on, Latin words glued to CJK ones are how the text is written.
CJK_SHARE = 0.05
_ALL_LATIN = regex.compile(r"\p{Latin}+")
_NOT_CJK_OR_LATIN = regex.compile(
    r"[^\P{L}\p{Latin}\p{Common}\p{Inherited}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}]"
)
_GREEK = regex.compile(r"\p{Greek}")
_GREEK_UNIT = regex.compile(r"\p{Greek}\p{Latin}{1,2}")
# Cyrillic and Greek letters that look like Latin ones: the repair of a homoglyph word.
_HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕԁһԛԝАВЕКМНОРСТХІЈЅԌαοτνικρΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwABEKMHOPCTXIJSGaotvikpABEZHIKMNOPTYX",
)


def _main_script_is_latin(text: str) -> bool:
    """True when most of the text's first 4,000 characters are not letters of another script.

    >>> _main_script_is_latin("The mayor of Moscow (Москва) said"), _main_script_is_latin("Москва заявила")
    (True, False)
    """
    sample = text[:4000]
    return len(_NON_LATIN.findall(sample)) < 0.3 * len(sample)


_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]")


# Characters that need a closer look: all but printable ASCII and common typography.
_UNUSUAL = re.compile(
    "[^\t-\r -~\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022"
    "\u00b7\u00ab\u00bb\u00a9\u00ae\u2122\u00b0\u20ac\u00a3]"
)


class _Present:
    """What kinds of characters a text holds, from one pass over its distinct characters."""

    __slots__ = ("control", "lossy", "markup", "mojibake", "other_letters")

    def __init__(self, text: str) -> None:
        self.lossy = "?" in text or "\ufffd" in text
        self.markup = "<" in text or "&" in text or "[" in text or "{" in text
        self.control = self.other_letters = False
        self.mojibake = ""  # the characters present that mojibake starts with
        for c in set(_UNUSUAL.findall(text)):
            if _CONTROL_CHAR.match(c) or c >= "\U000f0000":
                self.control = True
            if _HINT_FIRST_RE.match(c):
                self.mojibake += c
            if not self.other_letters and c.isalpha() and _OTHER_LETTER.match(c):
                self.other_letters = True


# ----------------------------------------------------------------------------- case

_HUMP = regex.compile(r"\p{Lu}+\p{Ll}*|\p{Ll}+")
# Real words whose case changes inside the word, beyond what the rules allow on their own.
_CASE_ALLOWED = frozenset(
    """iOS iPadOS macOS tvOS watchOS visionOS iPhone iPhones iPad iPads iPod iMac iTunes iCloud
    iMessage iPlayer eBay eBook eBooks eCommerce eSports eSIM eVTOL mRNA tRNA siRNA mtDNA cDNA pH
    kWh MWh GWh TWh mAh kHz MHz GHz THz kW MW GW kPa hPa mmHg dB dBm mL dL kJ kN mV kV Mbps Gbps
    Kbps MBps GBps Mb Gb Tb MiB GiB TiB jQuery xAI vs BioNTech deGrom BSc MSc BScs MScs""".split()
)
# A century or an ordinal in Roman numerals: "XVIe siècle", "Ier", "XXIe", "XVIth".
_ROMAN_ORDINAL = re.compile(r"[IVX]+(?:e|er|re|ème|eme|th)")
_CASE_SUFFIXES = frozenset({"s", "es", "ed", "d", "ing", "er", "ers", "ish", "ism", "ist", "ists"})
_OS_PREFIXES = frozenset({"mac", "tv", "watch", "vision", "ipad", "web", "chrome", "harmony"})


def _before_apostrophe(word: str) -> str:
    """``word`` up to its first apostrophe, straight or curly ("McDonald’s" -> "McDonald").

    >>> _before_apostrophe("McDonald’s"), _before_apostrophe("rock'n'roll"), _before_apostrophe("Kyiv")
    ('McDonald', 'rock', 'Kyiv')
    """
    return word[: min([word.find(q) for q in "'’" if q in word] or [len(word)])]


def _case_candidate(word: str) -> str:
    """The letters of a word before any apostrophe ("McDonald's" -> "McDonald"), or ""."""
    head = _before_apostrophe(word)
    return head if head.isalpha() else ""


#: Marks around a word mentioned, not used: quotes, and markdown's backticks around code.
_OPENING_QUOTES = "\"“‘'«„`"
_CLOSING_QUOTES = "\"”’'»`"


def _free_standing(text: str, word: Segment) -> bool:
    """False for a word inside a URL, an address, a handle, a hashtag or a file name, and for a
    word alone in quotes or backticks: a word mentioned, not used ('"rizz" is charm', '"bussin",',
    "run `kubectl` to").

    >>> text = 'If a teen says "rizz", they mean charm; rizz.'
    >>> _free_standing(text, Segment(16, 20, "rizz")), _free_standing(text, Segment(40, 44, "rizz"))
    (False, True)
    """
    before = text[word.start - 1] if word.start else " "
    after = text[word.end : word.end + 2]
    if before in "@#/\\.:_-" or after[:1] in "@/_-" or (after[:1] == "." and after[1:2].isalnum()):
        return False
    closing = after[1:2] if after[:1] in ",.;:!?" else after[:1]  # past a comma: '"bussin",'
    if before in _OPENING_QUOTES and closing and closing in _CLOSING_QUOTES:
        return False
    token_start, token_end = _token_bounds(text, word.start, word.end, 0, len(text))
    return not _URLISH.search(text, token_start, token_end)


# Code, as markdown and shell sessions write it: a fenced block, a span in backticks, a line
# after a shell prompt ("$ wget ..."). Tool names and flags in it are no words.
_CODE = regex.compile(
    r"^[ ]{0,3}(```|~~~)[^\n]*\n.*?^[ ]{0,3}\1[ \t]*$|`[^`\n]+`|^[ \t]*\$ [^\n]+$",
    regex.MULTILINE | regex.DOTALL,
)


def _code(text: str) -> list[tuple[int, int]]:
    r"""The ranges of ``text`` that are code (see _CODE).

    >>> t = "Run `echo hi | shasum` first.\n$ wget -q example.org"
    >>> [t[a:b] for a, b in _code(t)]
    ['`echo hi | shasum`', '$ wget -q example.org']
    """
    if "`" not in text and "~~~" not in text and "$ " not in text:
        return []
    return [m.span() for m in _CODE.finditer(text)]


def _is_capword(hump: str) -> bool:
    return hump[0].isupper() and hump[1:].islower()


def _head_end(text: str, word: Segment) -> int:
    """Where the word ends in ``text`` before any apostrophe ("McDonald's" -> after "McDonald"),
    counting the soft hyphens it prints there.

    >>> text = "The Share\xadholdER's"
    >>> text[4 : _head_end(text, Segment(4, len(text), "ShareholdER's"))]
    'Share\xadholdER'
    """
    return word.start + len(_before_apostrophe(text[word.start : word.end]))


def _case_garbled(word: str, zipf: _Zipf) -> bool:
    """True when the case changes inside ``word`` in a way no real word does.

    >>> z = _Zipf(None)
    >>> [_case_garbled(w, z) for w in ["stKEs", "reNEWables", "iPhone", "eBay", "McDonald", "PhD"]]
    [True, True, False, False, False, False]
    >>> z = _Zipf(word_frequencies("en"))
    >>> [_case_garbled(w, z) for w in ["LeaDer", "YouTube", "LeBron", "McConnell", "LinkedIn"]]
    [True, False, False, False, False]
    >>> [_case_garbled(w, z) for w in ["microSD", "talkSPORT", "worLD", "gardEN", "secretE"]]
    [False, False, True, True, True]
    >>> [_case_garbled(w, z) for w in ["easyJet", "jetBlue", "newsPaper", "hotSpot"]]
    [False, False, True, True]
    >>> [_case_garbled(w, z) for w in ["eThekwini", "nGaillimh", "bUsiness", "oUtflows", "tHe", "BSc"]]
    [False, False, True, True, True, False]
    >>> [_case_garbled(w, _Zipf(word_frequencies("fr"))) for w in ["XVIe", "XIXe", "Ier"]]
    [False, False, False]
    >>> [_case_garbled(w, _Zipf(word_frequencies(lang))) for w, lang in [("YouTube", "es"), ("UOKiK", "pl")]]
    [False, False]
    """
    if word in _CASE_ALLOWED or _ROMAN_ORDINAL.fullmatch(word):
        return False
    humps = _HUMP.findall(word)
    if len(humps) < 2 and not (humps and humps[0][:2].isupper()):
        return False
    first = humps[0]
    rest = humps[1:]
    if first.islower():
        whole = zipf(word.lower())
        if (
            len(first) <= CASE_PREFIX_LETTERS
            and len(rest) == 1
            and _is_capword(rest[0])
            and len(rest[0]) >= 3
            and whole < CASE_NAME_ZIPF
        ):
            return False  # a name after a prefix: eThekwini, nGaillimh (not bUsiness, bulLdozers)
        if len(first) == 1:
            if all(h.isupper() for h in rest):
                return False  # mRNA, xAI, iOS
            if first in "iex" and all(
                _is_capword(h) and len(h) >= 3 and zipf(h.lower()) >= 1.5 for h in rest
            ):
                return False  # iPhone, eBay, iTunes
            return True
        if first in _OS_PREFIXES and rest == ["OS"]:
            return False
        if (
            len(rest) == 1
            and rest[0].isupper()
            and len(first) >= 3
            and (whole < 2.0 or (len(rest[0]) >= 2 and whole < 3.0 and zipf(first) >= 3.0))
        ):
            return False  # leanFIRE, factcheckUK, microSD: a word and an acronym (not worLD, secretE)
        if (
            all(_is_capword(h) for h in rest)
            and whole < CASE_BRAND_ZIPF
            and all(zipf(h.lower()) >= 3.0 for h in humps)
        ):
            return False  # camelCase: every part a word, the whole none or a brand (easyJet, jetBlue)
        return True
    # An upper-case start: McDonald, YouTube, ChatGPT, PhD, CEOs, NYTimes, DJing are real.
    for i, hump in enumerate(humps):
        caps = len(hump) - len(hump.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) if hump.isascii() else None
        if caps is None:
            caps = next((k for k, ch in enumerate(hump) if not ch.isupper()), len(hump))
        lower = hump[caps:]
        if caps < 2 or not lower:
            continue
        if i > 0:
            if not (lower == "s" and caps >= 3):
                return True
            continue
        if lower in _CASE_SUFFIXES:
            continue
        if lower == "i" and len(humps) > 1 and all(h.isupper() for h in humps[1:]):
            continue  # an acronym with "and" in it: UOKiK, KRRiT (Polish "i")
        if len(lower) >= 2 and zipf(hump[caps - 1 :].lower()) >= 3.0:
            continue  # NYTimes, CNNMoney: an acronym glued to a word
        if zipf(word.lower()) >= 3.0:
            return True  # LEAder
    # A very common word with a capital inside it is garbled ("LeaDer"), unless each of its parts
    # is a common word too, in the language or in English, the brands' (YouTube, FaceBook; "you"
    # and "tube" are no Spanish words). Of the 363 camel-case words of the corpus pages, only
    # YouTube is that common, whole.
    if not (all(_is_capword(h) for h in humps) and zipf(word.lower()) >= CASE_COMMON_ZIPF):
        return False
    english = _Zipf(word_frequencies("en"))
    return not all(len(h) >= 3 and max(zipf(h.lower()), english(h.lower())) >= CASE_PART_ZIPF for h in humps)


# ----------------------------------------------------------------------------- word lists


class _Zipf:
    """Zipf frequency of a word in one language's wordfreq list (0 when unknown or no list)."""

    def __init__(self, frequencies: WordList | None) -> None:
        self.frequencies = frequencies

    def __call__(self, word: str) -> float:
        return 0.0 if self.frequencies is None else self.frequencies.zipf(word)


_lock = threading.Lock()


_common: dict[tuple[str, int], frozenset[str]] = {}
#: How many of the language's most frequent words make its small set of common words.
COMMON_WORDS = 20000


def _common_words(language: str, frequencies: Mapping[str, float], n: int = COMMON_WORDS) -> frozenset[str]:
    """The language's ``n`` most frequent words, a set small enough to stay in the CPU's cache."""
    key = (language, n)
    if key not in _common:
        with _lock:
            if key not in _common:
                _common[key] = frozenset(islice(frequencies, n))  # most frequent first
    return _common[key]


#: How many of the language's most frequent words the letter model learns from.
LETTER_MODEL_WORDS = 100_000
#: The letter model reads this many letters at a time (the letter and the three before it).
LETTER_ORDER = 4
#: Absolute discount of the letter model's counts (interpolated with the shorter contexts).
LETTER_DISCOUNT = 0.75


class _LetterModel:
    """How plausible a word's letters are in one language: an interpolated 4-gram model of the
    letters of the language's most frequent words (absolute discounting).

    >>> m = _LetterModel(["the", "then", "there", "other", "these"])
    >>> m.logp("there") > m.logp("ehter")
    True
    """

    def __init__(self, words: Iterable[str]) -> None:
        grams: Counter[str] = Counter()
        pad = "^" * (LETTER_ORDER - 1)
        for word in words:
            padded = f"{pad}{word}$"
            grams.update(padded[i : i + LETTER_ORDER] for i in range(len(padded) - LETTER_ORDER + 1))
        # For each order k, the count of every k-gram ending at a letter, and for each context
        # (its first k-1 characters) the total count and the number of distinct letters after it.
        self.counts: list[dict[str, int]] = []
        self.contexts: list[dict[str, tuple[int, int]]] = []
        level: Counter[str] = grams
        for _ in range(LETTER_ORDER):
            totals: Counter[str] = Counter()
            kinds: Counter[str] = Counter()
            shorter: Counter[str] = Counter()
            for gram, count in level.items():
                totals[gram[:-1]] += count
                kinds[gram[:-1]] += 1
                shorter[gram[1:]] += count
            self.counts.append(dict(level))
            self.contexts.append({h: (totals[h], kinds[h]) for h in totals})
            level = shorter
        self.counts.reverse()  # counts[k - 1]: k-grams
        self.contexts.reverse()
        self.floor = 1.0 / (len(self.counts[0]) + 1)
        # The probability of every k-gram seen, once, shortest first; unseen ones are worked out
        # from them when met.
        self.probs: list[dict[str, float]] = []
        for k in range(LETTER_ORDER):
            self.probs.append({gram: self._prob(gram) for gram in self.counts[k]})
        self.logprobs = {gram: math.log(p) for gram, p in self.probs[-1].items()}
        # Every k-gram counted has its probability now: _prob reads a count only for k-grams
        # never seen (0), and logp reads the longest ones from logprobs. Memory, not results.
        self.counts = [{} for _ in range(LETTER_ORDER)]
        self.probs[-1] = {}

    def _prob(self, gram: str) -> float:
        """P(last letter | the letters before it), interpolated with the shorter contexts."""
        k = len(gram)
        if len(self.probs) >= k:
            seen = self.probs[k - 1].get(gram)
            if seen is not None:
                return seen
        lower = self._prob(gram[1:]) if k > 1 else self.floor
        context = self.contexts[k - 1].get(gram[:-1])
        if context is None:
            return lower
        total, kinds = context
        count = self.counts[k - 1].get(gram, 0)
        return (max(count - LETTER_DISCOUNT, 0.0) + LETTER_DISCOUNT * kinds * lower) / total

    def logp(self, word: str) -> float:
        """Mean natural log-probability per letter of ``word`` (its end included)."""
        padded = f"{'^' * (LETTER_ORDER - 1)}{word}$"
        n = len(padded) - LETTER_ORDER + 1
        total = 0.0
        for i in range(n):
            gram = padded[i : i + LETTER_ORDER]
            value = self.logprobs.get(gram)
            total += math.log(self._prob(gram)) if value is None else value
        return total / n


_letter_models: dict[str, _LetterModel] = {}


def _letter_model(language: str, frequencies: Mapping[str, float]) -> _LetterModel:
    """The letter model of ``language``, built from its word list once per process."""
    if language not in _letter_models:
        with _lock:
            if language not in _letter_models:
                words = (w for w in frequencies if w.isalpha())  # most frequent first
                _letter_models[language] = _LetterModel(islice(words, LETTER_MODEL_WORDS))
    return _letter_models[language]


#: Unknown words longer than ``SHORT_WORD`` read as gibberish below this mean log-probability
#: per letter...
GIBBERISH_LOGP = -3.0
#: ... or below this one when they split into two known words ("tera|flop", "isn|hee"), and
#: when they are longer than ``LONG_WORD`` (long unknown words are mostly compounds and
#: derivations: "polyamorist").
STRONG_GIBBERISH_LOGP = -3.6
#: Unknown words longer than this need the stronger evidence.
LONG_WORD = 8
#: An unknown word that reads below this is gibberish when its letters in a random order read
#: about as well: ``SHUFFLED_RANK`` of ``SHUFFLES`` shuffles or more read better.
SHUFFLED_LOGP = -2.8
SHUFFLED_RANK = 0.25
SHUFFLES = 24
#: In languages other than English, only unknown words of this many letters or more are judged.
FOREIGN_MIN_LETTERS = 6
#: Words after a foreign run glued to a word are gibberish below this Zipf frequency.
ANCHORED_ZIPF = 3.5
#: Unknown words this short are judged otherwise: their letters are too few for the letter model
#: (a shuffle of "stir" and a loanword such as "danfo", "ewedu" or "hispi" read alike, -3.2 to
#: -3.9 a letter). One is gibberish when its letters spell another word of the article or a
#: common word in another order ("isrt", "aws"), or read below SHORT_GIBBERISH_LOGP. On dev and
#: test, every short gibberish word of the benchmark is so, and of the loanwords of the written
#: rounds, none (ag: 10 of 40 clean articles with a span -> 8; aa: 5 -> 4); what it gives up is chat
#: spelling inside spam messages ("lnly", "txtin"), which is spam, not garbling.
SHORT_WORD = 5
SHORT_GIBBERISH_LOGP = -4.0
#: Short words (3-4 letters) rarer than this are gibberish when they read as a shuffle, as
#: unknown short words are (see SHORT_WORD): "okr" (-4.1 a letter), "hwo" ("who"); a loanword the
#: list barely knows is none: "oupa", "dorp", "poha", "nans" (-2.4 to -3.7).
SHORT_RARE_ZIPF = 2.0
#: Short words rarer than this whose letters make a common word in another order are typos
#: of that word: "hte", "wsa"...
TYPO_ZIPF = 2.5
#: ... a word at least this common.
COMMON_ANAGRAM_ZIPF = 5.0
#: Rare words next to gibberish join it below this Zipf frequency: "ewif nal".
RUN_ZIPF = 3.5
#: When more of the lower-case word types are unknown than this, the language is wrong.
MAX_UNKNOWN_SHARE = 0.25
#: Fewer distinct lower-case words than this tell too little of the language to judge one.
GIBBERISH_MIN_TYPES = 10
#: The two parts of a compound are each at least this frequent (Zipf).
COMPOUND_ZIPF = 2.5


def _is_compound(word: str, frequencies: Mapping[str, float]) -> bool:
    """True when ``word`` is two known words of three letters or more: "earhooks".

    >>> _is_compound("earhooks", {"ear": 1e-5, "hooks": 1e-5}), _is_compound("ehooks", {"hooks": 1e-5})
    (True, False)
    """
    floor = 10 ** (COMPOUND_ZIPF - 9)
    for i in range(3, len(word) - 2):
        if frequencies.get(word[:i], 0.0) >= floor and frequencies.get(word[i:], 0.0) >= floor:
            return True
    return False


def _spelled_in(article: Article) -> dict[str, set[str]]:
    """The short lower-case words of the article by their letters in order (SHORT_WORD letters
    at most).

    >>> sorted(_spelled_in(Article.from_text("The rat ran to the art show."))["art"])
    ['art', 'rat']
    """
    out: dict[str, set[str]] = {}
    for w in article.word_texts:
        if len(w) <= SHORT_WORD and w.isalpha() and w.islower():
            out.setdefault("".join(sorted(w)), set()).add(w)
    return out


def _anagram_of_common(word: str, zipf: _Zipf) -> bool:
    """True when another order of the word's letters is a common word: "hte" (the), "wsa" (was).

    >>> z = _Zipf(word_frequencies("en"))
    >>> _anagram_of_common("hte", z), _anagram_of_common("molt", z)
    (True, False)
    """
    return any(
        "".join(p) != word and zipf("".join(p)) >= COMMON_ANAGRAM_ZIPF for p in set(permutations(word))
    )


def _reads_as_shuffle(word: str, model: _LetterModel) -> bool:
    """True when at least ``SHUFFLED_RANK`` of ``SHUFFLES`` shuffles of the word's letters read
    better than the word itself.

    A real word, even a rare one, is close to the best order of its letters (almost no shuffle
    reads better); letters in a random order are about as good as any other order of them
    (about half the shuffles read better). The shuffles are drawn from a generator seeded with
    the word: the same word, the same answer, everywhere. It stops as soon as the answer is
    known.

    >>> m = _letter_model("en", word_frequencies("en"))
    >>> _reads_as_shuffle("econobox", m), _reads_as_shuffle("eccnei", m)
    (False, True)
    """
    rng = random.Random(word)
    letters = list(word)
    own = model.logp(word)
    needed = math.ceil(SHUFFLED_RANK * SHUFFLES)
    better = 0
    for done in range(1, SHUFFLES + 1):
        rng.shuffle(letters)
        better += model.logp("".join(letters)) > own
        if better >= needed:
            return True
        if better + SHUFFLES - done < needed:
            return False
    return False


def _gibberish_foreign(word: str, model: _LetterModel) -> bool:
    """True when an unknown word of a language other than English reads as gibberish: both its
    letters and their order are implausible (word lists of other languages are shorter and
    their texts richer in unlisted names and inflections, so both signals are needed).

    >>> m = _letter_model("pt", word_frequencies("pt"))
    >>> [_gibberish_foreign(w, m) for w in ["saetbmorm", "recapeamento"]]
    [True, False]
    """
    if len(word) < FOREIGN_MIN_LETTERS:
        return False
    return model.logp(word) < STRONG_GIBBERISH_LOGP and _reads_as_shuffle(word, model)


def _gibberish_word(word: str, model: _LetterModel, frequencies: Mapping[str, float]) -> bool:
    """True when an unknown word longer than SHORT_WORD reads as gibberish: its letters implausible.

    >>> m = _letter_model("en", word_frequencies("en"))
    >>> f = word_frequencies("en")
    >>> [_gibberish_word(w, m, f) for w in ["eopredrt", "econobox", "teraflop", "polyamorist"]]
    [True, False, False, False]
    """
    logp = model.logp(word)
    if logp < STRONG_GIBBERISH_LOGP:
        return True
    if logp < GIBBERISH_LOGP and len(word) <= LONG_WORD and not _is_compound(word, frequencies):
        return True
    return logp < SHUFFLED_LOGP and _reads_as_shuffle(word, model)


# ----------------------------------------------------------------------------- word salad

# Word pairs that English grammar does not allow: an article before a function word ("the is",
# "a in"), two prepositions around "of" ("to of", "of with"), or a sentence that ends on an
# article, preposition or conjunction ("in the.").
_SALAD_NEXT = (
    "the|a|an|of|in|on|at|to|for|with|by|from|into|is|are|was|were|be|been|has|have|had|will"
    "|would|can|could|should|and|or|but|if|he|she|it|they|we|i|you|him|them|its|their|his|her"
    "|our|this|that|these|those|who|which"
)
_SALAD_PAIR = re.compile(
    rf"\b(the|a|an)\s+(?!\1\b)(?:{_SALAD_NEXT})\b"
    # ... or a preposition before "of", or "of" before a preposition ("to of", "of with"; not
    # "of for-profit", "of by-products"). A word printed twice is a slip or a widget ("the the",
    # "Font size A A A"), no salad.
    r"|\b(?:to|at|for|with|by|from|into|in|on)\s+of(?![\w'’-])|\bof\s+(?:to|at|for|with|by|from|into)(?![\w'’-])"
)
# ... or a sentence that ends on one (a word boundary before it is checked apart: two simple
# patterns run several times faster than one with both).
_SALAD_END = re.compile(r"(?:the|a|an|of|and|or|to|in|with|for|from|by)[.!?](?!\w)")


def _salad_pairs(text: str) -> list[int]:
    """Where the ungrammatical pairs of a lower-cased text start.

    >>> _salad_pairs("firefly the any filled. it is the of. data. nearby.")
    [30, 34]
    """
    out = [m.start() for m in _SALAD_PAIR.finditer(text)]
    for m in _SALAD_END.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not (before.isalnum() or before in "_."):  # "l.a. times", "a.m." are no sentence ends
            out.append(m.start())
    return sorted(out)


#: How many characters of the text the first check for word salad reads.
SALAD_PROBE = 800
#: Word salad: at least this many ungrammatical pairs in the text...
SALAD_MIN_PAIRS = 2
#: ... and at least this many per 1,000 characters (clean English prose has about 0.07).
SALAD_PAIRS_PER_1000 = 2.0
#: Or: words that follow each other no better than at random. Below this mean PMI of adjacent
#: word classes (see OfftopicModel.fluency) over at least SALAD_FLUENCY_PAIRS pairs, a text is
#: word salad. On dev, out of fold: English texts of every other kind (chrome and spam walls
#: included) score -0.18 or more, 995 of 1,000 word salads under -0.25 (the pairs above find
#: 973; together 999).
SALAD_FLUENCY = -0.25
SALAD_FLUENCY_PAIRS = 30
#: The first this many words are read first: the rest only when they score below 0 (word salad
#: is salad from its start; on dev, 1,000 salads score -0.14 or less there, and 6% of the other
#: English texts score below 0).
SALAD_PROBE_WORDS = 100


#: Or, in any language whose script has lower-case letters: the lower-case words of its
#: sentences of prose (SALAD_SENTENCE_WORDS words or more, ending in a full stop, question or
#: exclamation mark, no digit, at most a comma per SALAD_WORDS_PER_COMMA words: not a list of
#: scores, ingredients or tags), at least SALAD_LOWER_WORDS of them, of which fewer than
#: SALAD_COMMON_SHARE are among the language's SALAD_COMMON_WORDS most frequent words (its
#: articles, prepositions, pronouns and auxiliaries): words drawn at random from a dictionary.
#: On dev and test, every document (clean, corrupted, chrome, spam; English, German, Portuguese,
#: Russian...) has 0.245 or more, prose about 0.46; words drawn evenly from the language's
#: 5,000 most frequent words about 0.02, from its 2,000 about 0.05, from its 1,000 about 0.10
#: (half of those missed: the class PMI above finds some of them in English).
SALAD_COMMON_WORDS = 100
SALAD_COMMON_SHARE = 0.08
SALAD_LOWER_WORDS = 50
SALAD_SENTENCE_WORDS = 8
SALAD_WORDS_PER_COMMA = 4
_DIGIT = re.compile(r"\d")
#: Or, in Chinese (simplified) and Japanese, whose words no space delimits: the pairs of adjacent
#: Han characters (up to SALAD_HAN_PROBE of them, SALAD_HAN_PAIRS at least) that the language's
#: word list knows as words are fewer than SALAD_HAN_SHARE of them: characters drawn at random.
#: Chinese news reads 0.5 to 0.67 so, Japanese 0.7 to 0.8 (the written rounds' pages); random
#: characters of those pages 0.02 to 0.15. wordfreq's Chinese list is simplified: a text whose
#: characters the list does not know as words of their own, SALAD_HAN_CHARS of them at least
#: (traditional Chinese: 0.64), is not judged so.
SALAD_HAN_LISTS = {"zh": "zh", "ja": "ja"}
SALAD_HAN_PAIRS = 100
SALAD_HAN_PROBE = 1000
SALAD_HAN_SHARE = 0.2
SALAD_HAN_CHARS = 0.95
_HAN_RUN = re.compile("[\u4e00-\u9fff]{2,}")


def _salad_by_han_pairs(text: str, words: WordList) -> bool:
    """Whether the pairs of adjacent Han characters of ``text`` are seldom words of ``words``
    though its characters are (see SALAD_HAN_SHARE): characters drawn at random.

    >>> zh = word_frequencies("zh")
    >>> _salad_by_han_pairs("国务院总理在北京会见来访的德国总理，双方就两国关系交换了意见。" * 5, zh)
    False
    >>> random_characters = "月续此和工民采了陆线民溪室采着前雯讯单采此室前采据驿史雯驿史分现应溪饮服线街护续"
    >>> _salad_by_han_pairs(random_characters * 3, zh)
    True
    """
    pairs = known = chars = known_chars = 0
    for run in _HAN_RUN.finditer(text):
        han = run.group()
        pairs += len(han) - 1
        known += sum(han[i : i + 2] in words for i in range(len(han) - 1))
        chars += len(han)
        known_chars += sum(c in words for c in han)
        if pairs >= SALAD_HAN_PROBE:
            break
    return (
        pairs >= SALAD_HAN_PAIRS
        and known < SALAD_HAN_SHARE * pairs
        and known_chars >= SALAD_HAN_CHARS * chars
    )


def _salad_by_common_words(article: Article, common: frozenset[str]) -> bool:
    """Whether the lower-case words of the article's sentences are seldom among ``common``, the
    language's most frequent words: words drawn at random, in sentences (see SALAD_COMMON_SHARE).
    Never for a language whose most frequent words are not mostly lower-case.

    >>> common = frozenset({"the", "of", "a", "to", "in", "and", "is", "it", "that", "on"})
    >>> salad = "Harbor quietly violin seventeen gravel borrowed lemon tides."
    >>> _salad_by_common_words(Article.from_text(" ".join([salad] * 8)), common)
    True
    >>> prose = "It is the start of a long wait in the rain on the harbor."
    >>> _salad_by_common_words(Article.from_text(" ".join([prose] * 8)), common)
    False
    """
    texts = article.word_texts
    probe = list(filter(str.islower, texts[:SALAD_PROBE_WORDS]))
    if probe and sum(map(common.__contains__, probe)) >= 2 * SALAD_COMMON_SHARE * len(probe):
        return False  # word salad is salad from its start: its first words read badly too
    lower: list[str] = []
    for sentence, (first, last) in zip(article.sentences, article.sentence_words, strict=True):
        words = last - first
        text = sentence.text
        if (
            words >= SALAD_SENTENCE_WORDS
            and text.rstrip(CLOSING_MARKS)[-1:] in SENTENCE_ENDS
            and SALAD_WORDS_PER_COMMA * text.count(",") <= words
            and not _DIGIT.search(text)
        ):
            lower.extend(filter(str.islower, texts[first:last]))
    if len(lower) < SALAD_LOWER_WORDS or 2 * sum(map(str.islower, common)) < len(common):
        return False  # too few words, or a script without case (Latin words in Japanese text)
    return sum(map(common.__contains__, lower)) < SALAD_COMMON_SHARE * len(lower)


def _salad_by_pairs(text: str) -> bool:
    """Whether ungrammatical pairs of function words (see _salad_pairs) are dense in ``text``.

    >>> _salad_by_pairs("Firefly the any filled. It is the of. Data of to nearby the.")
    True
    """
    if not _salad_pairs(text[:SALAD_PROBE].lower()):
        return False  # word salad is salad from its start
    pairs = _salad_pairs(text.lower())
    return len(pairs) >= SALAD_MIN_PAIRS and len(pairs) >= SALAD_PAIRS_PER_1000 * len(text) / 1000


def _salad_by_fluency(article: Article) -> bool:
    """Whether the article's words follow each other no better than words drawn at random.

    >>> _salad_by_fluency(Article.from_text("The company said on Monday that it would cut jobs. " * 4))
    False
    """
    if article.text.isupper():
        return False  # in capitals (an old wire feed), every rarer word reads as a name
    model = offtopic.load_model()
    if model.fluency(article, SALAD_PROBE_WORDS)[0] >= 0.0:
        return False
    fluency, pairs = model.fluency(article)
    return pairs >= SALAD_FLUENCY_PAIRS and fluency < SALAD_FLUENCY


# ----------------------------------------------------------------------------- the scorer


# Between two Latin words: after a Latin letter and spaces (matched where the run starts), and
# before spaces and a Latin letter (where it ends). No-break spaces count, and so do several
# spaces: markdown's markup reads as spaces ("a [Приезжают](https://...) b").
_AFTER_LATIN = regex.compile(r"(?<=\p{Latin}\p{M}*[ \xa0]+)")
_BEFORE_LATIN = regex.compile(r"[ \xa0]+\p{Latin}")


def _script_repair(word: str, zipf: _Zipf) -> str | None:
    """The word with its look-alike letters made Latin, or its foreign letters dropped when a
    known word is left ("easternម" -> "eastern"); None when neither gives a word."""
    mapped = word.translate(_HOMOGLYPHS)
    if not _OTHER_LETTER.search(mapped):
        return mapped
    stripped = regex.sub(r"[^\P{L}\p{Latin}]\p{M}*", "", word)
    if stripped and zipf(stripped.lower()) >= 3.0:
        return stripped
    return None


class _Skip:
    """Ranges already flagged by a stronger signal, looked up by position."""

    def __init__(self, spans: Iterable[Span] = (), skip_ranges: Iterable[tuple[int, int]] = ()) -> None:
        self.ranges: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._reach: list[int] = []  # the furthest end of the ranges up to each one
        self._set(sorted([*((s.start, s.end) for s in spans), *skip_ranges]))

    def _set(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self._starts = [a for a, _ in ranges]
        self._reach = list(accumulate((b for _, b in ranges), max))

    def add(self, spans: Iterable[Span]) -> None:
        self._set(sorted([*self.ranges, *((s.start, s.end) for s in spans)]))

    def hit(self, start: int, end: int) -> bool:
        """Whether a range overlaps ``[start, end)`` (by bisection: a text can hold thousands)."""
        before = bisect_left(self._starts, end)  # the ranges that start before its end
        return before > 0 and self._reach[before - 1] > start


# (a soft hyphen joins the letters around it into one word)
_NEXT_WORD = regex.compile(rf" (\p{{Ll}}+)(?![\w\p{{M}}{SOFT_HYPHEN}'’@/-])")
_PREV_WORD = regex.compile(rf"(?<![\w\p{{M}}{SOFT_HYPHEN}'’@#/.\\-])(\p{{Ll}}+) \Z")


class Garbled:
    """Finds garbled stretches of text and, where it can, their repair.

    >>> f = Garbled().score(Article.from_text("Kyiv wants to keep Ukraine?s army going."))
    >>> [(s.reason, s.repair) for s in f.spans]
    [('garbled:lossy', "Ukraine's")]
    >>> f = Garbled().score(Article.from_text("Itâ€™s the leagueâ€™s best team."))
    >>> [(s.reason, s.repair) for s in f.spans]
    [('garbled:mojibake', 'It’s'), ('garbled:mojibake', 'league’s')]
    """

    name = "garbled"

    def score(self, article: Article) -> Finding:
        text = article.text
        present = _Present(text)
        latin = not present.other_letters or _main_script_is_latin(text)
        language = article.language or ("en" if latin else None)
        frequencies = word_frequencies(language)
        zipf = _Zipf(frequencies)
        # Binary data first: nothing inside it is read again (spans of it are dropped at the end).
        binary = _binary_spans(article) if present.control else []
        in_binary = _Skip(binary)
        spans: list[Span] = []

        # Mojibake first: its characters would read as foreign letters or controls. Windows-1251
        # read as Windows-1252 first of all: its "і" (³) after a capital looks like UTF-8 to ftfy.
        legacy = _legacy_spans(article) if latin and _LEGACY_HINT.search(text) else []
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            # Decomposed ("a" + U+0302 for the "â" of "â€™"): the signs show once composed.
            for seg in article.lines:
                if _MOJIBAKE_HINT.search(unicodedata.normalize("NFC", seg.text)):
                    spans.extend(_mojibake_spans(text, seg.start, seg.end))
        elif present.mojibake:
            seen: set[int] = set()
            for m in _matches_at(text, present.mojibake, _MOJIBAKE_HINT):
                line = _line_of(article, m.start())
                if line is None or line in seen or in_binary.hit(m.start(), m.end()):
                    continue
                seen.add(line)
                seg = article.lines[line]
                spans.extend(_mojibake_spans(text, seg.start, seg.end))
        if legacy:
            held = _Skip(legacy)
            spans = sorted([s for s in spans if not held.hit(s.start, s.end)] + legacy, key=lambda s: s.start)
        skip = _Skip(spans)

        if present.lossy:
            apostrophe = "’" if text.count("’") > text.count("'") else "'"
            found = _lossy_spans(text, frequencies, apostrophe, skip)
            spans.extend(found)
            skip.add(found)

        if present.control:
            run: list[int] = []  # consecutive control characters outside other spans
            for m in _CONTROL.finditer(text):
                if skip.hit(m.start(), m.end()):
                    continue
                if run and m.start() != run[-1]:
                    _add_control(spans, _control_span(text, run[0], run[-1], skip))
                    run = []
                run = [run[0] if run else m.start(), m.end()]
            if run:
                _add_control(spans, _control_span(text, run[0], run[-1], skip))

        # Script code and elements go whole: nothing inside them is read again.
        whole = _script_lines(article) if any(name in text for name in _SCRIPT_NAMES) or '":' in text else []
        if present.markup and "<" in text and _ELEMENT.search(text):
            whole += _elements(text)
        if whole:
            found: list[Span] = []
            for a, b in sorted(whole):
                if not skip.hit(a, b) and not (found and a < found[-1].end):
                    found.append(Span(a, b, _KIND, 1.0, f"{_KIND}:markup"))
            spans.extend(found)
            skip.add(found)
        if "base64," in text:
            found = [
                Span(m.start(), m.end(), _KIND, 1.0, f"{_KIND}:markup")
                for m in _DATA_URI.finditer(text)
                if not skip.hit(m.start(), m.end())
            ]
            spans.extend(found)
            skip.add(found)
        if present.markup:
            for m in _matches_at(text, "<&[{", _MARKUP):  # every piece of markup starts with one
                if skip.hit(m.start(), m.end()):
                    continue
                found_text = m.group()
                repair = _unescape(found_text) if found_text.startswith("&") else None
                if (
                    repair is None
                    and 0 < m.start()
                    and m.end() < len(text)
                    and not text[m.start() - 1].isspace()
                    and not text[m.end()].isspace()
                    and _BLOCK_TAG.match(found_text)
                ):
                    repair = "\n"
                if found_text.startswith("&") and (
                    repair is None or (m.start() and not text[m.start() - 1].isascii())
                ):
                    continue  # "&foo;" is no entity; "Î&frac14;" may be escaped on purpose
                spans.append(Span(m.start(), m.end(), _KIND, 1.0, f"{_KIND}:markup", repair=repair))

        if "u00" in text or "u20" in text:
            found = _escape_spans(text, skip)
            spans.extend(found)
            skip.add(found)
        if article.escapes:
            found = [span for span in _line_escape_spans(article) if not skip.hit(span.start, span.end)]
            spans.extend(found)
            skip.add(found)

        lorem = "ipsum" in text or "Ipsum" in text or "IPSUM" in text  # lower-casing costs more
        placeholder = _placeholder_spans(article) if lorem else []
        spans.extend(placeholder)
        skip.add(placeholder)

        script_spans: list[Span] = []
        if present.other_letters:
            script_spans = self._script_spans(article, latin, zipf, skip)
            spans.extend(script_spans)
            skip.add(script_spans)

        # Case and gibberish look at each distinct word once, then at the places of the bad ones.
        # Set operations keep the per-word Python work to the uncommon words.
        types = set(article.word_texts)
        common = _common_words(language, frequencies) if language and frequencies is not None else frozenset()
        uncommon = types - common
        lower = set(filter(str.islower, uncommon))
        odd_case = uncommon - lower
        odd_case -= set(filter(str.istitle, odd_case))
        odd_case -= set(filter(str.isupper, odd_case))
        bad_case: set[str] = set()
        for w in odd_case:
            head = _case_candidate(w)  # "Ukraine's" is odd for str.istitle, "Ukraine" is not
            if (
                head
                and not (head.istitle() or head.isupper() or head.islower())
                and _ALL_LATIN.fullmatch(head)
                and _case_garbled(head, zipf)
            ):
                bad_case.add(w)
        if bad_case:
            for i in _word_indices(article, bad_case):
                word = _word(article, i)
                if len(word.text) <= 4 and text[max(0, word.start - 12) : word.start].rstrip()[-1:].isdigit():
                    continue  # a unit after a number: "38 dBa", "**38** dBa"
                if not skip.hit(word.start, word.end) and _free_standing(text, word):
                    spans.append(Span(word.start, _head_end(text, word), _KIND, 1.0, f"{_KIND}:case"))

        if latin and frequencies is not None and article.language is not None:
            # Lines with mojibake are often in another language: no gibberish is looked for there.
            mojibake_lines = [
                (article.lines[i].start, article.lines[i].end) for i in _lines_of(article, spans)
            ]
            skip_gib = _Skip(skip_ranges=[*skip.ranges, *mojibake_lines, *_code(text)])
            rare = [w for w in lower if len(w) >= 3 and w.isalpha()]
            if lorem:  # its Latin, quoted or filler, is no garbling of letters
                rare = [w for w in rare if w not in PLACEHOLDER_WORDS]
            n_lower = len(types) - len(uncommon) + len(rare)  # common words and rare lower-case ones
            found = self._gibberish_spans(
                article, rare, n_lower, frequencies, zipf, script_spans, skip, skip_gib
            )
            spans.extend(found)
            skip.add(found)
        han_words = word_frequencies(SALAD_HAN_LISTS[language]) if language in SALAD_HAN_LISTS else None
        if han_words is not None and _salad_by_han_pairs(text, han_words):
            spans.extend(Span(p.start, p.end, _KIND, 0.8, f"{_KIND}:word_salad") for p in article.paragraphs)
        elif language is not None and frequencies is not None:
            # Word salad reads as no language at all: an unknown language is taken for English.
            salad = self._salad_spans(article, language, frequencies, english=latin and language == "en")
            filler = _Skip(placeholder)  # lorem ipsum reads as salad too
            spans.extend(s for s in salad if not filler.hit(s.start, s.end))

        if binary:
            spans = [s for s in spans if not in_binary.hit(s.start, s.end)] + binary
        spans.sort()
        return Finding(self.name, *self._score(text, spans))

    def _score(self, text: str, spans: list[Span]) -> tuple[float, tuple[Span, ...], dict[str, float]]:
        repaired = covered((s.start, s.end) for s in spans if s.repair is not None)
        removed = covered((s.start, s.end) for s in spans if s.repair is None)
        n = len(text)
        damage = ratio(removed + REPAIRABLE_WEIGHT * repaired, n)
        features = {
            "garbled_spans": float(len(spans)),
            "garbled_repairable_share": ratio(repaired, n),
            "garbled_unrepairable_share": ratio(removed, n),
        }
        return clip(DAMAGE_FACTOR * damage), tuple(spans), features

    def _script_spans(self, article: Article, latin: bool, zipf: _Zipf, skip: _Skip) -> list[Span]:
        text = article.text
        texts, starts, ends = article.word_texts, article.word_starts, article.word_ends
        sample = text[:4000]
        cjk = len(_CJK_CHAR.findall(sample)) >= CJK_SHARE * len(sample)
        spans: list[Span] = []
        seen: set[int] = set()
        for m in _ADJACENT.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or i in seen or not starts[i] <= m.start() < ends[i]:
                continue
            seen.add(i)
            word = texts[i].split("'")[0].split("’")[0]
            start, end = starts[i], starts[i] + len(word)
            others = _OTHER_LETTER.findall(word)
            if skip.hit(start, end) or not others or not _LATIN_LETTER.search(word):
                continue
            if (not latin or cjk) and not _NOT_CJK_OR_LATIN.search(word):
                continue  # "iPhoneを": Latin words inside CJK text
            if (
                len(others) == 1
                and _GREEK.match(others[0])
                and (not word.isalpha() or _GREEK_UNIT.fullmatch(word))
            ):
                continue  # "5μm", "μg"
            spans.append(Span(start, end, _KIND, 1.0, f"{_KIND}:script", repair=_script_repair(word, zipf)))
        if not latin:
            return spans
        placed = _Skip(spans)
        line_numbers = {_line_of(article, m.start()) for m in _NON_LATIN.finditer(text)}
        for i in sorted(j for j in line_numbers if j is not None):
            line = article.lines[i]
            for m in _FOREIGN_RUN.finditer(text, line.start, line.end):
                if skip.hit(m.start(), m.end()) or placed.hit(m.start(), m.end()):
                    continue
                if len(m.group()) == 1 and _GREEK.match(m.group()):
                    continue  # a Greek letter as a symbol: "the π value"
                if not (_AFTER_LATIN.match(text, m.start()) and _BEFORE_LATIN.match(text, m.end())):
                    continue  # alone on its line, in brackets or quotes: a name or a menu item
                spans.append(Span(m.start(), m.end(), _KIND, 1.0, f"{_KIND}:script"))
        return spans

    def _gibberish_spans(
        self,
        article: Article,
        rare: list[str],
        n_lower: int,
        frequencies: Mapping[str, float],
        zipf: _Zipf,
        anchors: list[Span],
        skip: _Skip,
        skip_alone: _Skip,
    ) -> list[Span]:
        text = article.text
        taken: list[tuple[int, int]] = []
        # Rare lower-case words right after letters of another script glued to a word:
        # "easternម qued faper ter front".
        for anchor in anchors:
            if _LATIN_LETTER.search(text, anchor.start, anchor.end):
                taken.extend(_rare_words_after(text, anchor.end, zipf, ANCHORED_ZIPF, skip))
        # Lower-case words that no word list knows and whose letters read badly (_gibberish_word);
        # only the uncommon words (``rare``) are looked up in the long list.
        english = article.language in (None, "en")
        if english:
            # Letters with marks are another language's in English prose (a name, a quote:
            # "Chúng tôi rất vui"); a typo or a shuffle of English words has none.
            rare = [w for w in rare if not _marked(w)]
        unknown = [w for w in rare if w not in frequencies and w.casefold() not in frequencies]
        if n_lower >= GIBBERISH_MIN_TYPES and len(unknown) <= MAX_UNKNOWN_SHARE * n_lower:
            bad: set[str] = set()
            shuffled = functools.cache(lambda w: _anagram_of_common(w, zipf))  # read once a word
            spelled = functools.cache(lambda: _spelled_in(article))  # read when first needed
            model = functools.cache(lambda: _letter_model(article.language or "en", frequencies))

            def shuffle_of_a_word(w: str) -> bool:
                # A short word's letters tell little (see SHORT_WORD): a shuffle of a word.
                others = spelled().get("".join(sorted(w)), set()) - {w}
                return bool(others) or shuffled(w) or model().logp(w) < SHORT_GIBBERISH_LOGP

            def gibberish(w: str) -> bool:
                if not english:
                    return _gibberish_foreign(w, model())
                if len(w) > SHORT_WORD:
                    return _gibberish_word(w, model(), frequencies)
                return shuffle_of_a_word(w)

            bad = {w for w in unknown if _ALL_LATIN.fullmatch(w) and gibberish(w)}
            if english and bad:
                # A long word the story prints twice or more, in any case or number, is a word of
                # its own (a loanword, a term: "the local stokvel", "Stokvels, ..."); a shuffle is
                # made once.
                printed = Counter(map(_plain_form, article.word_texts))
                bad = {w for w in bad if len(w) <= SHORT_WORD or printed[_plain_form(w)] < 2}
            short: set[str] = set()
            if english:
                # Short words that a word list barely knows, if a shuffle too: "okr", "hwo" (not
                # "oupa", "dorp", "nans": SHORT_RARE_ZIPF), or a rare anagram of a common word:
                # "hte", "wsa".
                bad.update(
                    w
                    for w in rare
                    if len(w) <= 4
                    and 0 < zipf(w) < TYPO_ZIPF
                    and (shuffled(w) or (zipf(w) < SHORT_RARE_ZIPF and shuffle_of_a_word(w)))
                )
                # Two short uncommon words side by side, one of them a common word's letters in
                # another order: "ahs thi", "asw nda" (not "2 tbsp ghee": two words of a recipe).
                short = {w for w in rare if len(w) <= 4}
            if bad or len(short) >= 2:
                texts, starts = article.word_texts, article.word_starts
                found: list[Segment] = []
                for i in _word_indices(article, bad | short):
                    word = _word(article, i)
                    if word.text in bad or (
                        i + 1 < len(texts)
                        and texts[i + 1] in short
                        and text[word.end : starts[i + 1]] == " "
                        and (shuffled(word.text) or shuffled(texts[i + 1]))
                    ):
                        if (
                            not skip_alone.hit(word.start, word.end)
                            and _free_standing(text, word)
                            and not (english and _beside_marked(texts, i))
                        ):
                            found.append(word)
                if english:
                    found = _outside_foreign_sentences(article, found)
                # A word the article uses twice or more is a name or a term, not gibberish.
                seen = Counter(w.text for w in found)
                taken.extend((w.start, w.end) for w in found if seen[w.text] == 1)
        # Rare words around a gibberish word join it: "ewif nal era" -> "ewif nal".
        for start, end in list(taken):
            taken.extend(_rare_words_after(text, end, zipf, RUN_ZIPF, skip))
            taken.extend(_rare_words_before(text, start, zipf, RUN_ZIPF, skip))
        taken.sort()
        spans: list[Span] = []
        for start, end in taken:
            if spans and start <= spans[-1].end + 1 and not text[spans[-1].end : start].strip():
                if end > spans[-1].end:
                    spans[-1] = Span(spans[-1].start, end, _KIND, 1.0, f"{_KIND}:gibberish")
            else:
                spans.append(Span(start, end, _KIND, 1.0, f"{_KIND}:gibberish"))
        return spans

    def _salad_spans(
        self, article: Article, language: str, frequencies: WordList, english: bool
    ) -> list[Span]:
        if not (
            (english and (_salad_by_pairs(article.text) or _salad_by_fluency(article)))
            or _salad_by_common_words(article, _common_words(language, frequencies, SALAD_COMMON_WORDS))
        ):
            return []
        # The text is word salad, all of it.
        return [Span(p.start, p.end, _KIND, 0.8, f"{_KIND}:word_salad") for p in article.paragraphs]


def _marked(word: str) -> bool:
    """Whether ``word`` has a letter beyond ASCII ("tôi"; not "didn’t").

    >>> _marked("tôi"), _marked("didn’t"), _marked("the")
    (True, False, False)
    """
    return not word.isascii() and any(not c.isascii() and c.isalpha() for c in word)


def _beside_marked(texts: Sequence[str], i: int) -> bool:
    """Whether a word next to word ``i`` has a letter beyond ASCII: in English prose, word ``i``
    is then part of a phrase of another language ("Chúng tôi rất vui").

    >>> _beside_marked(["tôi", "rất", "vui", "she"], 2), _beside_marked(["didn’t", "pidserne", "dna"], 1)
    (True, False)
    """
    return any(0 <= j < len(texts) and _marked(texts[j]) for j in (i - 1, i + 1))


#: A sentence of this many words or more that reads as another language holds no gibberish (a
#: shorter one may read so because of its gibberish: "to arteh ineerdst wonder").
FOREIGN_SENTENCE_WORDS = 8


def _outside_foreign_sentences(article: Article, words: list[Segment]) -> list[Segment]:
    """``words`` less those in a sentence of another language than English: a quote in Spanish
    ("dijo la concejal") holds words that English does not know, and they are no gibberish.

    >>> a = Article.from_text('The vote passed. "Es un presupuesto para todos", dijo la concejal.')
    >>> [w.text for w in _outside_foreign_sentences(a, [a.words[1], a.words[10]])]
    ['vote']
    >>> a = Article.from_text("It was -- to arteh ineerdst wonder.")
    >>> [w.text for w in _outside_foreign_sentences(a, [a.words[3]])]
    ['arteh']
    """
    sentences = article.sentences
    starts = [s.start for s in sentences]
    foreign: dict[int, bool] = {}
    out = []
    for word in words:
        k = bisect_right(starts, word.start) - 1
        if k not in foreign:
            first, last = article.sentence_words[k] if k >= 0 else (0, 0)
            foreign[k] = last - first >= FOREIGN_SENTENCE_WORDS and text_language(sentences[k].text) not in (
                None,
                "en",
            )
        if not foreign[k]:
            out.append(word)
    return out


def _rare_words_after(text: str, pos: int, zipf: _Zipf, below: float, skip: _Skip) -> list[tuple[int, int]]:
    """The lower-case words right after ``pos``, one space apart, rarer than ``below``."""
    out = []
    for _ in range(4):
        m = _NEXT_WORD.match(text, pos)
        if not m or zipf(spelt(m.group(1))) >= below or skip.hit(m.start(1), m.end(1)):
            break
        out.append((m.start(1), m.end(1)))
        pos = m.end(1)
    return out


def _rare_words_before(text: str, pos: int, zipf: _Zipf, below: float, skip: _Skip) -> list[tuple[int, int]]:
    """The lower-case words right before ``pos``, one space apart, rarer than ``below``."""
    out = []
    for _ in range(4):
        m = _PREV_WORD.search(text, max(0, pos - 30), pos)
        if not m or zipf(spelt(m.group(1))) >= below or skip.hit(m.start(1), m.end(1)):
            break
        out.append((m.start(1), m.end(1)))
        pos = m.start(1)
    return out


#: Above this many substring hits, one pass over the words finds a word set's places faster.
MAX_FINDS = 200


def _word(article: Article, i: int) -> Segment:
    """Word ``i`` of the article (as ``article.words[i]``, without building every word)."""
    return Segment(article.word_starts[i], article.word_ends[i], article.word_texts[i])


def _plain_form(word: str) -> str:
    """A word in lower case without a plural's or a possessive's "s".

    >>> [_plain_form(w) for w in ("Stokvels", "stokvel's", "stokvel")]
    ['stokvel', 'stokvel', 'stokvel']
    """
    return word.casefold().removesuffix("'s").removesuffix("\u2019s").removesuffix("s")


def _word_indices(article: Article, wanted: set[str]) -> list[int]:
    """Indices in ``article.words`` of the words whose text is in ``wanted``, in order.

    >>> _word_indices(Article.from_text("the cat sat on the mat, cats"), {"cat", "the"})
    [0, 1, 4]
    """
    texts, starts, text = article.word_texts, article.word_starts, article.text
    if article.spelt_otherwise:  # "shareholdER" is printed "shar\xadeholdER": no substring finds it
        return [i for i, t in enumerate(texts) if t in wanted]
    found: list[int] = []
    finds = 0
    for w in wanted:
        pos = text.find(w)
        while pos >= 0:
            finds += 1
            if finds > MAX_FINDS:
                return [i for i, t in enumerate(texts) if t in wanted]
            i = bisect_left(starts, pos)
            if i < len(starts) and starts[i] == pos and texts[i] == w:
                found.append(i)
            pos = text.find(w, pos + 1)
    return sorted(found)


def _lines_of(article: Article, spans: Iterable[Span]) -> list[int]:
    """Indices of the lines that hold a mojibake span."""
    found = {_line_of(article, s.start) for s in spans if s.reason == f"{_KIND}:mojibake"}
    return sorted(i for i in found if i is not None)


def _line_of(article: Article, pos: int) -> int | None:
    """Index of the line that holds position ``pos``, or None when it falls between lines."""
    lines = article.lines
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(lines) and lines[lo].start <= pos < lines[lo].end:
        return lo
    return None
