"""Repetition: what is printed twice, and what is stuffed.

Detects, as spans on the extra copies (the first occurrence stays):

- a line printed again: the title or a heading repeated at the top, a caption printed twice,
  a short line copied (``repetition:duplicate_line``);
- a paragraph printed again, exactly (``repetition:duplicate_paragraph``) or with a few words
  changed (``repetition:near_duplicate``), and a short line printed again with only the ends of
  its words changed ("Peace talks resume in Geneva", "Peace talks resumed in Geneva": also
  ``near_duplicate``); when the later of two near copies says more than the first (a
  standfirst cut from the lead paragraph under it, a pull quote before its paragraph, a
  teaser's headline cut with "..."), the first is the span: the article keeps its whole text;
  so too when the first of two copies is an item of a box of key points that copies the
  story's sentences (a bulleted line whose copy is prose, or a line of the run under a
  "Key points" or "Highlights" header): the box's line goes, the story keeps its paragraph; and
  when it is a line on its own (a subheading quoting the story) and its copy a sentence of a
  paragraph written one sentence per line (``Article.line_blocks``);
- a sentence printed again right after itself, in the same line ("The talks continue on
  Friday. The talks continue on Friday."), of ``SHORT_COPY_WORDS`` words or more, or later in
  its paragraph, of ``PARAGRAPH_COPY_WORDS`` words or more, ended as a sentence and printed
  twice (a paragraph printed twice in a text glued into one line; three printings are a
  template's) (``repetition:duplicate_sentence``);
- keyword stuffing (``repetition:keyword_stuffing``, one span per stuffed occurrence, only
  when the stuffing is strong): a heading's phrase (the title, usually) repeated inside the
  sentences and headings of the body far more often than news prose repeats a phrase; or a
  name inserted at random places: a run of 2-4 capitalized words printed between two
  lower-case words six times or more, in frames that almost never recur.

The score is ``max(copies, stuffing)``: ``copies`` is the share of the text's characters that
lie in flagged extra copies, divided by ``COPY_SHARE_FULL`` (so a title printed twice in a long
article stays low, and a quarter of the text printed twice reaches 1); ``stuffing`` rises from
0 to 1 as a heading phrase of ``m >= 5`` words (a line of its own, or the caller's title) is
embedded ``k >= 3`` times inside other lines (not at their start, not in copies), with ``k * m``
going from ``STUFFING_FLOOR`` to ``2 * STUFFING_FLOOR`` (spans from 0.5, or from 4 embeddings);
news prose repeats a name, rarely a whole headline: seed 000's 8-word title embedded 4 times
scores 1. When no heading is strongly stuffed, a name's stuffing is its count of framed
printings over ``NAME_FULL_COUNT`` (6 printings score 0.5). News repeats a name in frames that
recur ("the White House said", "at the White House", "in Hong Kong"); a name inserted between
random words gets a new left and a new right neighbour almost every time: at most a fifth
(``NAME_REPEAT_SHARE``) of its neighbours may be words it already had on that side. A stuffed
name's spans are its framed printings and those glued to a capitalized word on their left or
to another printing (its natural printings in such frames are flagged with them). A name
stuffed among natural printings that recur ("at the White House said") is found by its gaps
instead: framed printings in five distinct frames or more (``NAME_MIN_GAPPED``) whose right
neighbour follows their left one in news text more readily than it follows the name ("the most
White House anticipated witness"); only those printings are its spans, and those printed back to
back with another ("led by White House White House the president's lawyer").

Signals: word sequences case-folded with punctuation ignored, as keys of whole lines and
paragraphs; hashed word n-grams (first occurrences of 4-gram shingles for near duplicates;
the same cascade of 2- to 10-gram hashes gives Gopher's repetition measures); the left and
right neighbours of runs of capitalized words, found by one regular expression (only when a
capitalized 2-gram is printed six times), and the background word pairs of news
(:mod:`newsqc.background`, which the offtopic scorer's anchor runs read too; only for a name
framed six times in frames that recur).
Everything is one pass over the words plus sorting of the repeated n-grams: linear in the text,
no comparison of all pairs of lines.

Words are counted as ``Article.word_counts`` counts them wherever a threshold counts words: a run
of Chinese, Japanese or Thai letters between spaces or punctuation is the words it holds (a
Chinese sentence of two such runs is some ten words), so that copies in those languages are
found as in English; and there a heading stuffed into the sentences, which merges with their runs
of letters, is looked for by its characters (``_unspaced_stuffing``), scored as an English one.

Legitimate repetition is left alone: a line printed three times or more, never back to back
and with new lines between its printings, is a template (form questions, list labels, a table
header repeated, the days of a meal plan), and so are copies printed beside a template's lines
(within two lines of one, or in the same run of copied lines as one: two products' lists
sharing features); the first line of the text (or the caller's title) is never a template.
Lines of fewer than three words ("Yes", "No"), table rows, lines without letters and the
signature lines of embedded posts ("— Name (@handle) date", printed once per post) are never
copies; the text of an embedded post (the ``POST_LINES`` lines before its signature) is no
near duplicate of an article's line that it quotes (an exact copy still is); a phrase at the
start of several lines is a shared list prefix, not stuffing; a quote that the lead
paraphrases shares too few shingles to be a near duplicate; a name in recurring frames, or
printed next to punctuation, is no stuffing, nor is a heading printed between a work's title marks
("<The Palace: Tale of Jang Noksu>", "“The Last of Us”": a show, a film or a book, named in its
own story as often as it needs).

Features (Gopher, Rae et al. 2021, Table A1, as datatrove computes them, except that words are
newsqc's words case-folded, n-grams seen once do not count as a "top" n-gram, and duplicated
n-gram characters are the words covered by later occurrences rather than datatrove's
non-overlapping scan): ``repetition_dup_line_share``
and ``repetition_dup_line_char_share`` (lines equal to an earlier line, by count and by
characters), the same for paragraphs, ``repetition_top_{2,3,4}gram_char_share`` (characters of
the most frequent n-gram times its count, over the text's length) and
``repetition_dup_{5..10}gram_char_share`` (characters of words inside a later occurrence of a
repeated n-gram, over the text's length), and ``repetition_gopher_ratio``, the largest of these
nine n-gram shares over Gopher's bound for it (1.0 at the bound: it is what the verdict reads of
them; the nine move together and, read one by one, took weights of alternating sign that the
next retraining flipped). Plus ``repetition_copy_share``,
``repetition_template_share`` (extra copies left alone as templates), ``repetition_stuffing``
and ``repetition_stuffing_count`` (the stuffing score, of the heading or the name, and its
count of stuffed printings).

Blind spots: a sentence repeated further on inside a paragraph that is otherwise new (songs,
chants and quotes that the story echoes repeat so too); near duplicates of short lines (fewer
than ``NEAR_MIN_WORDS`` words) with a word changed beyond its ending, or of long lines with
many words changed; a name stuffed fewer than six times between lower-case words, a one-word
name, a phrase with lower-case words that is never printed as a line of its own, a name that
the article also uses in recurring frames when fewer than five of its insertions break the
sentence (news pairs the background has not seen read as no break), and names in German text
(which capitalizes nouns: not looked for); a long
article that names something in six fresh frames or more (a 2-4 word name, mid-sentence each
time) is taken for stuffing; a title stuffed into its own first line is looked for (with no
title given) only as a whole copy of itself inside that line ("New car New car sales plunge
sales plunge"); copies printed three times or more far apart, which look like a template; a box
of key points printed without bullet marks nor a header (the story's paragraphs are then taken
for the copies); a repetition span that boilerplate spans mostly cover, and whose text also
stands inside a boilerplate span elsewhere, is left to the boilerplate scorer (``newsqc.api``):
a copy of chrome is reported as boilerplate. In Chinese, Japanese and Thai, near duplicates and
Gopher's n-gram shares read the runs between spaces and punctuation as words (a line with one
phrase changed shares few of them), and a text of one run repeated without a break
("中文字符测试中文字符测试...") holds no copy at all. A refrain quoted line by line (a song's chorus
printed on two lines in a row) is a copied line.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import regex

from newsqc.article import CLOSING_MARKS, SENTENCE_ENDS, SOFT_HYPHEN, UNSPACED, Article
from newsqc.assessment import Span
from newsqc.background import load_background
from newsqc.scorers.base import BULLETS, POST_ATTRIBUTION, STEM, Finding, clip, covered, ratio

__all__ = ["COPY_SHARE_FULL", "FEATURES", "NEAR_MIN_WORDS", "STUFFING_FLOOR", "Repetition"]

#: Lines of fewer words are never copies ("Yes", "No", "Read more").
MIN_COPY_WORDS = 3
#: Lines of fewer words are copies only when printed within TEMPLATE_GAP - 1 lines of their
#: previous printing, or when they are the title.
SHORT_COPY_WORDS = 5
#: A sentence of this many words or more printed again anywhere later in its paragraph is a copy.
PARAGRAPH_COPY_WORDS = 12
#: A line printed this many times or more, never within TEMPLATE_GAP lines of its previous
#: printing, is a template (list label, form question), not a copy.
TEMPLATE_COPIES = 3
TEMPLATE_GAP = 3
#: Near duplicates: lines of at least this many words whose 4-gram shingles mostly match one
#: earlier line (matched shingles over the larger line's shingles).
NEAR_MIN_WORDS = 10
NEAR_SIMILARITY = 0.6
#: Shorter lines are near duplicates, with this similarity, when their words' crude stems (the
#: first STEM letters: resume, resumed) are the same. No two lines of a dev or test page differ so.
SHORT_NEAR_SIMILARITY = 0.9
SHINGLE = 4
#: Extra copies covering this share of the text score 1.
COPY_SHARE_FULL = 0.25
#: A heading of HEADING_MIN_WORDS to HEADING_MAX_WORDS words embedded STUFFING_MIN_COUNT times
#: or more inside other lines is stuffing; ``k * m`` (times by words) at STUFFING_FLOOR scores 0,
#: at twice that 1. Shorter headings are names ("16-inch MacBook Pro"), which news repeats.
HEADING_MIN_WORDS = 5
HEADING_MAX_WORDS = 14
STUFFING_MIN_COUNT = 3
STUFFING_FLOOR = 16
#: Stuffing spans are emitted from this stuffing score up, or when a heading is embedded
#: STUFFING_SPAN_COUNT times or more (a five-word title stuffed four times).
STUFFING_SPANS = 0.5
STUFFING_SPAN_COUNT = 4
#: A name (a run of NAME_MIN_WORDS to NAME_MAX_WORDS capitalized words) printed between two
#: lower-case words NAME_MIN_COUNT times or more, in frames that almost never recur (of its
#: left and right neighbours, at most NAME_REPEAT_SHARE times the count are a word it already
#: had there), is
#: stuffed: news repeats a name in recurring frames ("the White House said", "in Hong Kong").
#: Its stuffing score is the count over NAME_FULL_COUNT.
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 4
NAME_MIN_COUNT = 6
NAME_REPEAT_SHARE = 0.2
NAME_FULL_COUNT = 12
#: A name that the article also uses in recurring frames ("the White House said") is stuffed
#: still when NAME_MIN_GAPPED of its framed printings or more, and NAME_GAPPED_SHARE of them,
#: sit in a gap: their right neighbour follows their left one (log10 P(right | left), from the
#: background word pairs of news) NAME_GAP_MARGIN more readily than it follows the name's last
#: word ("the most White House anticipated witness": "most anticipated" reads on, "House
#: anticipated" does not). Those printings are its spans. Frames count once (a paragraph printed
#: twice prints its frames twice: dev "Hong Kong" reached 5 so). On the dev build, 6 of the 26
#: names stuffed among natural printings were missed and 1 is; a clean article's name has at
#: most 4 such frames (dev "Hong Kong", 4 of 8), the test's at most 2.
NAME_MIN_GAPPED = 5
NAME_GAPPED_SHARE = 0.4
NAME_GAP_MARGIN = 0.3
#: Lines of an embedded post's text before its signature line.
POST_LINES = 2
#: Languages that capitalize common nouns, where a run of capitalized words is no name.
NAME_SKIP_LANGUAGES = frozenset({"de", "lb"})

#: The marks around a work's title ("<The Palace: Tale of Jang Noksu>", "“The Last of Us”",
#: "«Anna Karenina»"): news names a show, a film or a book so, however often; a heading stuffed
#: into the sentences is printed bare. An embedding between a pair of them does not count.
TITLE_MARKS = {"<": ">", "“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "《": "》", "「": "」", "『": "』"}

_MAX_HEADINGS = 32
_MAX_OCCURRENCES = 256
_MULT = np.uint64(0x9E3779B97F4A7C15)
_TITLE_WORD = regex.compile(r"[\w\p{M}]+(?:['’][\w\p{M}]+)*")
#: A run of 2-4 capitalized words between two lower-case words, spaces around it (more than
#: one where markdown's markup was read as spaces: "the **Acme Widgets** it"): groups (left
#: word, run, right word). (A word may hold soft hyphens: "Nati\xadonal".)
_NAME_CHAR = r"[\w\p{M}'’\xad-]"
_FRAMED_NAME = regex.compile(
    rf"(?<=(?:^|\s)(\p{{Ll}}{_NAME_CHAR}*) +)"
    rf"(\p{{Lu}}{_NAME_CHAR}*(?: \p{{Lu}}{_NAME_CHAR}*){{{NAME_MIN_WORDS - 1},{NAME_MAX_WORDS - 1}}})"
    rf"(?= +(\p{{Ll}}{_NAME_CHAR}*))"
)
#: The header of a box of key points, alone on its line.
_KEY_POINTS = regex.compile(
    r"(?:key (?:points|takeaways|facts)|(?:story )?highlights|at a glance|in brief|summary|tl;? ?dr|"
    r"what you need to know)\W*$",
    regex.IGNORECASE,
)
#: Gopher's bounds on its n-gram shares (datatrove's defaults): the top n-gram's characters for
#: n of 2 to 4, the duplicated n-grams' characters for n of 5 to 10.
GOPHER_TOP_MAX = {2: 0.20, 3: 0.18, 4: 0.16}
GOPHER_DUP_MAX = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}
#: Gopher's nine n-gram shares. The verdict reads them as one, ``repetition_gopher_ratio``:
#: collinear, they took large weights of alternating sign, which a retraining flipped.
GOPHER_SHARES: tuple[str, ...] = (
    *(f"repetition_top_{n}gram_char_share" for n in GOPHER_TOP_MAX),
    *(f"repetition_dup_{n}gram_char_share" for n in GOPHER_DUP_MAX),
)
#: The names of the features, in the order every finding gives them.
FEATURES: tuple[str, ...] = (
    "repetition_copy_share",
    "repetition_template_share",
    "repetition_stuffing",
    "repetition_stuffing_count",
    "repetition_dup_line_share",
    "repetition_dup_line_char_share",
    "repetition_dup_para_share",
    "repetition_dup_para_char_share",
    *GOPHER_SHARES,
    "repetition_gopher_ratio",
)


def _key_points(texts: Sequence[str], members: dict[int, list[int]]) -> set[int]:
    """The lines of a box of key points that copy the story's sentences once each: a bulleted
    line whose copy is prose, and the run of such first copies under a box's header ("Key
    points", "Highlights"), bullets or not. ``members`` maps a line copied further on to its
    copies (itself first).

    >>> texts = ["Key points:", "Talks resume on Friday", "Both sides agreed", "x", "Talks resume on Friday",
    ...          "y", "Both sides agreed"]
    >>> sorted(_key_points(texts, {1: [1, 4], 2: [2, 6]}))
    [1, 2]
    >>> sorted(_key_points(["- Talks resume on Friday", "Talks resume on Friday."], {0: [0, 1]}))
    [0]
    """
    once = {r for r, group in members.items() if len(group) == 2}
    if not once:
        return set()
    box = {r for r in once if texts[r][:1] in BULLETS and texts[members[r][1]][:1] not in BULLETS}
    for h, text in enumerate(texts):
        if len(text) <= 30 and _KEY_POINTS.match(text):
            k = h + 1
            while k in once:
                box.add(k)
                k += 1
    return box


def _groups(h: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For equal values of ``h``: each group's first index, each item's group, group sizes."""
    order = h.argsort(kind="stable")
    ordered = h[order]
    new = np.empty(h.size, dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    starts = new.nonzero()[0]
    inverse = np.empty(h.size, dtype=np.int64)
    inverse[order] = new.cumsum() - 1
    counts = np.empty_like(starts)
    counts[:-1] = starts[1:] - starts[:-1]
    counts[-1] = h.size - starts[-1]
    return order[starts], inverse, counts


class _Grams:
    """Repeated word n-grams of a text, by a cascade of hashes (2-grams, then 3-grams of the
    positions whose 2-gram repeats, and so on up to 10-grams)."""

    def __init__(self, ids: list[int], lengths: np.ndarray, n_chars: int) -> None:
        self.top: dict[int, float] = dict.fromkeys(GOPHER_TOP_MAX, 0.0)
        self.dup: dict[int, float] = dict.fromkeys(GOPHER_DUP_MAX, 0.0)
        # 2-grams printed NAME_MIN_COUNT times or more: positions; 3-grams that repeat: sorted
        # positions and their group; 4-grams: first occurrences.
        self.often2 = self.often2_group = np.zeros(0, dtype=np.int64)
        self.pos3 = self.group3 = self.count3 = np.zeros(0, dtype=np.int64)
        self.pos4 = self.first4 = np.zeros(0, dtype=np.int64)
        self.ids = np.zeros(0, dtype=np.uint64)
        n_words = len(ids)
        if n_words < 2:
            return
        arr = np.array(ids, dtype=np.uint64)
        pos = np.arange(n_words - 1, dtype=np.int64)
        h = arr[:-1] * _MULT + arr[1:]
        cum: np.ndarray | None = None  # characters before each word
        for n in range(2, 11):
            if pos.size == 0:
                break
            first, inverse, counts = _groups(h)
            if n in self.top and counts.max() > 1:
                top = counts.max()
                start = int(pos[first[counts == top]].min())
                chars = int(lengths[start : start + n].sum()) + n - 1
                self.top[n] = ratio(chars * int(top), n_chars)
            if n == 2:
                often = counts[inverse] >= NAME_MIN_COUNT
                self.often2, self.often2_group = pos[often], inverse[often]
            elif n == 3:
                self.pos3, self.group3, self.count3 = pos, inverse, counts
                self.ids = arr
            elif n >= 4:
                firstpos = pos[first[inverse]]
                if n == 4:
                    self.pos4, self.first4 = pos, firstpos
                later = pos[firstpos < pos]
                if n in self.dup and later.size:
                    # Characters of the union of the n-word windows at ``later`` (sorted, all of
                    # one width: each window adds what lies past the previous window's end).
                    if cum is None:
                        cum = np.concatenate(([0], np.cumsum(lengths)))
                    ends = later + n
                    starts = later.copy()
                    np.maximum(later[1:], ends[:-1], out=starts[1:])
                    self.dup[n] = ratio(int(cum[ends].sum() - cum[starts].sum()), n_chars)
            keep = counts[inverse] > 1
            keep &= pos + n < n_words
            pos = pos[keep]
            h = h[keep] * _MULT + arr[pos + n]

    def gopher_ratio(self) -> float:
        """The largest of Gopher's n-gram shares over its bound (1.0: at Gopher's bound).

        >>> ids = [0, 1, 0, 1, 0, 1, 2, 3]  # "a b a b a b c d"
        >>> round(_Grams(ids, np.ones(8, dtype=np.int64), 15).gopher_ratio(), 2)
        5.83
        """
        shares = [(self.top, GOPHER_TOP_MAX), (self.dup, GOPHER_DUP_MAX)]
        return max(share[n] / bound[n] for share, bound in shares for n in bound)


class Repetition:
    """Finds copies of lines and paragraphs, and stuffed heading phrases.

    >>> text = "Peace talks resume in Geneva\\nPeace talks resume in Geneva\\nThe talks went on."
    >>> f = Repetition().score(Article.from_text(text))
    >>> [(s.start, s.end, s.reason) for s in f.spans]
    [(29, 57, 'repetition:duplicate_line')]
    >>> round(f.features["repetition_copy_share"], 3)
    0.368
    """

    name = "repetition"

    def score(self, article: Article) -> Finding:
        """Find the extra copies and the stuffing of ``article``."""
        text = article.text
        texts = article.word_texts
        n_chars = len(text)
        if not texts:
            return Finding(self.name, 0.0, (), dict.fromkeys(FEATURES, 0.0))
        folded = "\x00".join(texts).casefold().split("\x00")
        vocab: dict[str, int] = {}
        ids = list(map(vocab.setdefault, folded, range(len(folded))))
        starts, ends = article.word_bounds
        lengths = ends - starts
        grams = _Grams(ids, lengths, n_chars)
        lines = article.lines
        line_words = article.line_words
        keys = [tuple(ids[a:b]) for a, b in line_words]
        # Words as the thresholds count them: a run of Chinese, Japanese or Thai letters is the
        # words it holds (Article.word_counts), not one word.
        counts = article.word_counts
        sizes = [counts[b] - counts[a] for a, b in line_words]
        features: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
        features.update(_gopher_lines(article))
        for n, share in grams.top.items():
            features[f"repetition_top_{n}gram_char_share"] = share
        for n, share in grams.dup.items():
            features[f"repetition_dup_{n}gram_char_share"] = share
        features["repetition_gopher_ratio"] = grams.gopher_ratio()

        title_key = self._title_key(article, vocab, keys)

        tweet = _embedded_posts(article.line_texts) if "(@" in text else {}

        def eligible(i: int, j: int, near: bool = False) -> bool:
            """Whether line ``i`` can be a copy of line ``j``: three words or more, with letters,
            not a table row, not a post's signature; nor a near copy when ``i`` is a post
            quoting the article (its words, not the article's punctuation)."""
            for k in (i, j):
                line, (a, b) = lines[k].text, line_words[k]
                if sizes[k] < MIN_COPY_WORDS or line.startswith("|") or line.endswith("|"):
                    return False
                if all(folded[w].isdigit() for w in range(a, b)):
                    return False
            if not tweet:
                return True
            return tweet.get(i) != 2 and tweet.get(j) != 2 and not (near and i in tweet and j not in tweet)

        # Clusters of copies: each line that copies an earlier one joins that line's cluster.
        root = list(range(len(lines)))
        similarity = [1.0] * len(lines)
        first_of: dict[tuple[int, ...], int] = {}
        for i, key in enumerate(keys):
            if sizes[i] >= MIN_COPY_WORDS:
                j = first_of.setdefault(key, i)
                if j != i and eligible(i, j):
                    root[i] = j
        self._near_duplicates(grams, line_words, root, similarity, eligible)
        # Short lines, too short for shingles, that differ from an earlier one only in the ends of
        # their words ("Peace talks resume in Geneva", "Peace talks resumed in Geneva").
        first_stems: dict[tuple[str, ...], int] = {}
        for i, (a, b) in enumerate(line_words):
            if MIN_COPY_WORDS <= b - a < NEAR_MIN_WORDS and root[i] == i:
                j = first_stems.setdefault(tuple(w[:STEM] for w in folded[a:b]), i)
                if j != i and eligible(i, j, True):
                    root[i] = root[j]
                    similarity[i] = SHORT_NEAR_SIMILARITY
        members: dict[int, list[int]] = {}
        for i, r in enumerate(root):
            if r != i:
                members.setdefault(r, [r]).append(i)
        key_points = _key_points(article.line_texts, members)
        # Lines that are a sentence of a paragraph written one sentence per line (read only when
        # some line is copied).
        blocks = article.line_blocks if members else ()
        block_lines = Counter(blocks)
        in_paragraph = [block_lines[b] > 1 for b in blocks]
        # Templates: printed three times or more, never back to back, with new lines between
        # the printings (the answers to a form's questions, the items of a list); and the copies
        # that sit beside a template's lines (the varying items of a repeated plan).
        printed_once = [0] * (len(lines) + 1)
        for i in range(len(lines)):
            printed_once[i + 1] = printed_once[i] + (root[i] == i and i not in members and bool(keys[i]))
        spread = {
            r: r != 0
            and keys[r] != title_key
            and all(
                b - a >= TEMPLATE_GAP and printed_once[b] > printed_once[a + 1]
                for a, b in itertools.pairwise(group)
            )
            for r, group in members.items()
        }
        template = {
            i for r, group in members.items() if spread[r] and len(group) >= TEMPLATE_COPIES for i in group
        }
        # Beside a template: within two lines of one, or in the same run of copied lines (the
        # shared features of two products' lists).
        beside = [False] * len(lines)
        for i in template:
            beside[max(0, i - 2) : i + 3] = [True] * (min(len(lines), i + 3) - max(0, i - 2))
        for order in (range(1, len(lines)), range(len(lines) - 2, -1, -1)):
            for i in order if template else ():
                k = i - 1 if order.step == 1 else i + 1
                if not beside[i] and beside[k] and root[i] != i and root[k] != k:
                    beside[i] = True
        spans: list[Span] = []
        template_chars = 0
        for r, group in members.items():
            if spread[r] and (len(group) >= TEMPLATE_COPIES or all(beside[i] for i in group[1:])):
                template_chars += sum(lines[i].end - lines[i].start for i in group[1:])
                continue
            titled = r == 0 or keys[r] == title_key
            for previous, i in itertools.pairwise(group):
                n_words = sizes[i]
                if n_words < SHORT_COPY_WORDS and i - previous > TEMPLATE_GAP - 1 and not titled:
                    continue  # a short phrase said again further on ("Here's the thing:")
                copy = i
                if similarity[i] < 1.0:
                    what = "near_duplicate"
                    if previous == r and n_words > sizes[r]:
                        # The copy says more (a standfirst, then the lead paragraph it was cut
                        # from): the shorter one goes, the article keeps its whole lead.
                        copy = r
                else:
                    what = "duplicate_paragraph" if n_words >= NEAR_MIN_WORDS else "duplicate_line"
                    if r in key_points or (in_paragraph[i] and not in_paragraph[r]):
                        # A box of key points copies the story's sentences, or a subheading
                        # quotes a sentence of a paragraph written one sentence per line: the
                        # box's line or the subheading goes, the story keeps its paragraph.
                        copy = r
                spans.append(
                    Span(lines[copy].start, lines[copy].end, self.name, similarity[i], f"{self.name}:{what}")
                )

        spans.extend(self._stutters(article, ids, spans))

        stuffing, stuffing_count, stuffed = self._stuffing(
            article, grams, ids, keys, line_words, root, title_key
        )
        ranges = [(article.word_starts[a], article.word_ends[b - 1]) for a, b in stuffed]
        if counts[-1] != len(texts):  # letters of a script written without spaces
            unspaced = _unspaced_stuffing(article, sizes, root)
            if unspaced[0] > stuffing:
                stuffing, stuffing_count, ranges = unspaced[0], len(unspaced[1]), unspaced[1]
        strong = stuffing >= STUFFING_SPANS or (stuffing > 0.0 and stuffing_count >= STUFFING_SPAN_COUNT)
        if not strong and article.language not in NAME_SKIP_LANGUAGES and _names_repeat(grams, article):
            name_stuffing, name_ranges = _name_stuffing(text)
            if name_stuffing > stuffing:
                stuffing, stuffing_count, ranges = name_stuffing, len(name_ranges), name_ranges
                strong = stuffing >= STUFFING_SPANS
        if strong:
            for a, b in ranges:
                spans.append(Span(a, b, self.name, stuffing, f"{self.name}:keyword_stuffing"))
        copy_share = ratio(
            covered((s.start, s.end) for s in spans if not s.reason.endswith("stuffing")), n_chars
        )
        features["repetition_copy_share"] = copy_share
        features["repetition_template_share"] = ratio(template_chars, n_chars)
        features["repetition_stuffing"] = stuffing
        features["repetition_stuffing_count"] = float(stuffing_count)
        score = clip(max(copy_share / COPY_SHARE_FULL, stuffing))
        spans.sort(key=lambda s: (s.start, s.end))
        return Finding(self.name, score, tuple(spans), features)

    def _stutters(self, article: Article, ids: list[int], spans: list[Span]) -> list[Span]:
        """Sentences printed again in the same paragraph, outside the copies already found:
        right after themselves, of SHORT_COPY_WORDS words or more; or later in it, of
        PARAGRAPH_COPY_WORDS words or more, ended as a sentence and printed twice in it, not
        more (a template's line: the days of a meal plan) (a paragraph glued into a line with
        its copy).

        >>> text = "The talks went on. The talks will resume on Friday. The talks will resume on Friday."
        >>> [text[s.start : s.end] for s in Repetition().score(Article.from_text(text)).spans]
        ['The talks will resume on Friday.']
        """
        text = article.text
        copies = sorted((s.start, s.end) for s in spans)  # whole lines: they do not overlap
        copy_starts = [a for a, _ in copies]
        counts = article.word_counts
        paragraph_ends = [p.end for p in article.paragraphs]
        sentences = article.sentences
        ranges = article.sentence_words
        # The long sentences, ended, by paragraph and words: how often each is printed.
        keys: list[tuple[int, tuple[int, ...]] | None] = [
            (bisect_left(paragraph_ends, sentence.end), tuple(ids[a:b]))
            if counts[b] - counts[a] >= PARAGRAPH_COPY_WORDS
            and sentence.text.rstrip(CLOSING_MARKS)[-1:] in SENTENCE_ENDS  # ended (words: not empty)
            else None
            for sentence, (a, b) in zip(sentences, ranges, strict=True)
        ]
        printed = Counter(k for k in keys if k is not None)
        seen: set[tuple[int, tuple[int, ...]]] = set()
        pa = pb = previous_end = 0  # the words and the end of the sentence before
        out: list[Span] = []
        for sentence, (a, b), key in zip(sentences, ranges, keys, strict=True):
            adjacent = (
                b - a == pb - pa
                and ids[a:b] == ids[pa:pb]
                and "\n" not in text[previous_end : sentence.start]
            )
            pa, pb, previous_end = a, b, sentence.end
            again = adjacent and counts[b] - counts[a] >= SHORT_COPY_WORDS
            if key is not None:
                again = again or (key in seen and printed[key] == 2)
                seen.add(key)
            if not again:
                continue
            k = bisect_right(copy_starts, sentence.start) - 1
            inside = (k >= 0 and copies[k][1] > sentence.start) or (
                k + 1 < len(copies) and copies[k + 1][0] < sentence.end
            )
            if not inside:
                reason = f"{self.name}:duplicate_sentence"
                out.append(Span(sentence.start, sentence.end, self.name, 1.0, reason))
        return out

    @staticmethod
    def _title_key(article: Article, vocab: dict[str, int], keys: list[tuple[int, ...]]) -> tuple[int, ...]:
        """The word ids of the caller's title, or of the first line when no title is given (the
        phrase stuffed into it, when the line is a phrase with a copy of itself inside)."""
        if article.title is None:
            return _unstuffed(keys[0]) if keys else ()
        title_ids = [vocab.get(w) for w in _TITLE_WORD.findall(article.title.casefold())]
        return tuple(i for i in title_ids if i is not None) if None not in title_ids else ()

    @staticmethod
    def _near_duplicates(
        grams: _Grams,
        line_words: tuple[tuple[int, int], ...],
        root: list[int],
        similarity: list[float],
        eligible: Callable[[int, int, bool], bool],
    ) -> None:
        """Link each long line whose shingles mostly first occurred in one earlier line to it."""
        if grams.pos4.size == 0:
            return
        later = grams.first4 < grams.pos4
        if not later.any():
            return
        pos, first = grams.pos4[later], grams.first4[later]
        bounds = np.array(line_words, dtype=np.int64)
        starts, ends = bounds[:, 0], bounds[:, 1]
        cur = np.searchsorted(starts, pos, side="right") - 1
        src = np.searchsorted(starts, first, side="right") - 1
        inside = (pos + SHINGLE <= ends[cur]) & (first + SHINGLE <= ends[src]) & (src < cur)
        pairs = Counter(zip(cur[inside].tolist(), src[inside].tolist(), strict=True))
        best: dict[int, tuple[int, int]] = {}
        for (i, j), m in pairs.items():
            if m > best.get(i, (0, 0))[0] or (m == best[i][0] and j < best[i][1]):
                best[i] = (m, j)
        for i in sorted(best):
            m, j = best[i]
            if root[i] != i or not eligible(i, j, True):
                continue
            n_i = line_words[i][1] - line_words[i][0]
            n_j = line_words[j][1] - line_words[j][0]
            if min(n_i, n_j) < NEAR_MIN_WORDS:
                continue
            sim = m / (max(n_i, n_j) - SHINGLE + 1)
            if sim >= NEAR_SIMILARITY:
                root[i] = root[j]
                similarity[i] = round(min(sim, 0.99), 4)

    @staticmethod
    def _stuffing(
        article: Article,
        grams: _Grams,
        ids: list[int],
        keys: list[tuple[int, ...]],
        line_words: tuple[tuple[int, int], ...],
        root: list[int],
        title_key: tuple[int, ...],
    ) -> tuple[float, int, list[tuple[int, int]]]:
        """The heading phrase most embedded in other lines of ``article`` (not between title
        marks, see TITLE_MARKS): score, times, word ranges."""
        if grams.pos3.size == 0 or grams.count3.max() <= STUFFING_MIN_COUNT:
            return 0.0, 0, []
        candidates: dict[tuple[int, ...], int] = {}
        if HEADING_MIN_WORDS <= len(title_key) <= HEADING_MAX_WORDS:
            # The caller's title, wherever its first three words are printed first.
            pos3 = grams.pos3
            head = grams.ids[pos3] == title_key[0]
            head &= grams.ids[pos3 + 1] == title_key[1]
            head &= grams.ids[pos3 + 2] == title_key[2]
            if head.any():
                candidates[title_key] = int(pos3[np.argmax(head)])
        for i, key in enumerate(keys):
            if HEADING_MIN_WORDS <= len(key) <= HEADING_MAX_WORDS and root[i] == i:
                candidates.setdefault(key, line_words[i][0])
        if not candidates:
            return 0.0, 0, []
        # Only headings whose first three words are printed STUFFING_MIN_COUNT + 1 times or more.
        starts = np.fromiter(candidates.values(), dtype=np.int64, count=len(candidates))
        at = np.minimum(np.searchsorted(grams.pos3, starts), grams.pos3.size - 1)
        often = (grams.pos3[at] == starts) & (grams.count3[grams.group3[at]] > STUFFING_MIN_COUNT)
        if not often.any():
            return 0.0, 0, []
        line_starts = [a for a, _ in line_words]
        best_strength = 0
        best_ranges: list[tuple[int, int]] = []
        tried = 0
        for key, index, ok in zip(candidates, at.tolist(), often.tolist(), strict=True):
            if not ok:
                continue
            tried += 1
            if tried > _MAX_HEADINGS:  # bounded work on texts made of look-alike lines
                break
            where = grams.pos3[grams.group3 == grams.group3[index]][:_MAX_OCCURRENCES]
            m = len(key)
            hits: list[tuple[int, int]] = []
            for q in where.tolist():
                i = bisect_right(line_starts, q) - 1
                a, b = line_words[i]
                # Embedded: inside a longer line, not at its start (a shared list prefix), and not
                # a work's title between its marks.
                if q == a or q + m > b or root[i] != i or tuple(ids[q : q + m]) != key:
                    continue
                if _in_title_marks(article, q, q + m):
                    continue
                if not hits or q >= hits[-1][1]:
                    hits.append((q, q + m))
            strength = len(hits) * m if len(hits) >= STUFFING_MIN_COUNT else 0
            if strength > best_strength:
                best_strength, best_ranges = strength, hits
        score = clip((best_strength - STUFFING_FLOOR) / STUFFING_FLOOR)
        return score, len(best_ranges), best_ranges


def _in_title_marks(article: Article, first: int, last: int) -> bool:
    """Whether the words ``first`` to ``last - 1`` of ``article`` stand between a pair of
    TITLE_MARKS, as a work's title does.

    >>> a = Article.from_text("They staged <The Palace: Tale of Jang Noksu> and “Hamlet”.")
    >>> _in_title_marks(a, 2, 8), _in_title_marks(a, 9, 10), _in_title_marks(a, 1, 3)
    (True, True, False)
    """
    text = article.text
    start, end = article.word_starts[first], article.word_ends[last - 1]
    mark = TITLE_MARKS.get(text[start - 1 : start]) if start else None
    return mark is not None and text[end : end + 1] == mark


def _unspaced_stuffing(
    article: Article, sizes: Sequence[float], root: Sequence[int]
) -> tuple[float, list[tuple[int, int]]]:
    """In Chinese, Japanese or Thai, the heading most embedded in other lines, read by its
    characters (its words are runs of letters that an embedding merges with their neighbours):
    score and character ranges, as :meth:`Repetition._stuffing` scores a heading.

    >>> title = "李强会见德国总理并举行会谈"
    >>> body = "。".join(f"新闻{k}称{title}在北京举行会谈" for k in range(5))
    >>> a = Article.from_text(f"{title}\\n{body}。")
    >>> counts = a.word_counts
    >>> score, ranges = _unspaced_stuffing(a, [counts[b] - counts[x] for x, b in a.line_words], [0, 1])
    >>> score, len(ranges), a.text[ranges[0][0] : ranges[0][1]]
    (1.0, 5, '李强会见德国总理并举行会谈')
    """
    lines = article.lines
    headings = [
        (line.text, sizes[i])
        for i, line in enumerate(lines)
        if HEADING_MIN_WORDS <= sizes[i] <= HEADING_MAX_WORDS and root[i] == i and UNSPACED.search(line.text)
    ]
    if article.title and UNSPACED.search(article.title):
        headings.insert(0, (article.title.strip(), Article.from_text(article.title).word_counts[-1]))
    best: tuple[float, list[tuple[int, int]]] = (0.0, [])
    for phrase, m in headings[:_MAX_HEADINGS]:
        hits: list[tuple[int, int]] = []
        for i, line in enumerate(lines):
            if root[i] != i or line.text == phrase:
                continue
            at = line.text.find(phrase, 1)  # embedded: not at the line's start (a shared prefix)
            while at > 0 and len(hits) < _MAX_OCCURRENCES:
                hits.append((line.start + at, line.start + at + len(phrase)))
                at = line.text.find(phrase, at + len(phrase))
        strength = len(hits) * m if len(hits) >= STUFFING_MIN_COUNT else 0.0
        if strength > best[0]:
            best = (strength, hits)
    return clip((best[0] - STUFFING_FLOOR) / STUFFING_FLOOR), best[1]


def _unstuffed(key: tuple[int, ...]) -> tuple[int, ...]:
    """The phrase of a line stuffed with a copy of itself ("New car New car sales plunge sales
    plunge": A + P + B where P is A + B, A not empty), or the line itself.

    >>> _unstuffed((1, 2, 1, 2, 3, 4, 5, 3, 4, 5)), _unstuffed((1, 2, 3, 4, 5))
    ((1, 2, 3, 4, 5), (1, 2, 3, 4, 5))
    """
    m, odd = divmod(len(key), 2)
    if odd or not HEADING_MIN_WORDS <= m <= HEADING_MAX_WORDS:  # only a heading's phrase is looked for
        return key
    for i in range(1, m + 1):
        if key[i : i + m] == key[:i] + key[i + m :]:
            return key[i : i + m]
    return key


def _embedded_posts(texts: tuple[str, ...]) -> dict[int, int]:
    """Lines of embedded social media posts, by their texts as spelt (soft hyphens out of
    "@jo\\xaddoe"): 2 for a signature ("— Name (@handle) date"), 1 for the POST_LINES lines
    before it (the post's text), which may quote the article.

    >>> texts = Article.from_text("Intro.\\n\\nWe did it.\\n— Jo Doe (@jodoe) May 1, 2019").line_texts
    >>> _embedded_posts(texts)
    {2: 2, 0: 1, 1: 1}
    """
    found: dict[int, int] = {}
    for i, line in enumerate(texts):
        if POST_ATTRIBUTION.match(line):
            found[i] = 2
            for k in range(max(0, i - POST_LINES), i):
                found.setdefault(k, 1)
    return found


def _names_repeat(grams: _Grams, article: Article) -> bool:
    """Whether some name may be printed NAME_MIN_COUNT times: its first two words (two words
    of the text, or one word with a hyphen inside) are a 2-gram printed capitalized that often."""
    text, initials, starts, ends = article.text, article.word_initials, article.word_starts, article.word_ends
    capitalized: Counter[int] = Counter()
    for p, g in zip(grams.often2.tolist(), grams.often2_group.tolist(), strict=True):
        if initials[p].isupper() and (initials[p + 1].isupper() or text[ends[p] : starts[p + 1]] != " "):
            capitalized[g] += 1
            if capitalized[g] >= NAME_MIN_COUNT:
                return True
    return False


def _name_stuffing(text: str) -> tuple[float, list[tuple[int, int]]]:
    """The name most stuffed between lower-case words: score, character ranges.

    >>> text = " ".join(f"the {w} Acme Widgets {v} it." for w, v in zip("abcdef", "ghijkl"))
    >>> score, ranges = _name_stuffing(text)
    >>> score, len(ranges), text[ranges[0][0] : ranges[0][1]]
    (0.5, 6, 'Acme Widgets')
    >>> _name_stuffing(" ".join(f"the Acme Widgets {v} it." for v in "ghijkl"))[0]
    0.0
    >>> len(_name_stuffing(text + " Big Acme Widgets came. A Acme Widgets Acme Widgets set it.")[1])
    9
    """
    shy = SOFT_HYPHEN in text  # the words as they are spelt: "Nati\xadonal" is "National"
    framed = _framed_names(text, shy)
    best: tuple[int, str] = (0, "")
    for name, frames in framed.items():
        k = len(frames)
        if k < NAME_MIN_COUNT or (k, name) <= best:
            continue
        repeats = 2 * k - len({f[0] for f in frames}) - len({f[1] for f in frames})
        if repeats <= NAME_REPEAT_SHARE * k:
            best = (k, name)
    if not best[0]:
        score, ranges, gapped = _gapped_name(framed)
        if score:  # and the printings back to back ("Many of Hong Kong Hong Kong the protesters")
            name = _name_pattern(gapped, shy)
            doubled = regex.compile(
                rf"{name}(?= +{name}(?!{_NAME_CHAR}))|(?<={name} +){name}(?!{_NAME_CHAR})"
            )
            ranges = sorted(set(ranges) | {m.span() for m in doubled.finditer(text)})
        return score, ranges
    # The stuffed printings: framed ones, and those glued to a capitalized word on their left
    # ("Austria's National Socialism interior") or to another printing ("a The Palace The Palace").
    name = _name_pattern(best[1], shy)
    printed = regex.compile(rf"(?<={_NAME_CHAR} +){name}(?= +(?:\p{{Ll}}|{name}))")
    return clip(best[0] / NAME_FULL_COUNT), [m.span() for m in printed.finditer(text)]


def _name_pattern(name: str, shy: bool) -> str:
    """A regular expression for ``name`` (``shy``: soft hyphens may sit between its letters)."""
    return f"{SOFT_HYPHEN}?".join(map(regex.escape, name)) if shy else regex.escape(name)


def _framed_names(text: str, shy: bool = False) -> dict[str, list[tuple[str, str, int, int]]]:
    """Each name printed between two lower-case words: its frames (the word before and the word
    after, case-folded) and the character range of each printing (``shy``: soft hyphens inside).

    >>> _framed_names("the Acme Corp said it, a Acme Corp plan")
    {'Acme Corp': [('the', 'said', 4, 13), ('a', 'plan', 25, 34)]}
    """
    framed: dict[str, list[tuple[str, str, int, int]]] = {}
    for m in _FRAMED_NAME.finditer(text):
        left, name, right = (g.replace(SOFT_HYPHEN, "") if shy else g for g in m.groups())
        framed.setdefault(name, []).append((left.casefold(), right.casefold(), *m.span(2)))
    return framed


def _gapped_name(
    framed: dict[str, list[tuple[str, str, int, int]]],
) -> tuple[float, list[tuple[int, int]], str]:
    """The name most printed in gaps (see NAME_MIN_GAPPED) among names of NAME_MIN_COUNT framed
    printings or more, ``framed`` as :func:`_name_stuffing` finds them: score, the gapped
    printings' character ranges, the name.

    >>> pairs = ["most anticipated", "hand-picked ambassador", "as part", "dialed up", "by the", "with him"]
    >>> text = " ".join(f"it was {a} Acme Corp {b} then." for a, b in (p.split() for p in pairs))
    >>> text += " They said the Acme Corp said so."
    >>> framed = _framed_names(text)
    >>> score, ranges, name = _gapped_name(framed)
    >>> score, len(framed["Acme Corp"]), len(ranges), name
    (0.5833, 7, 5, 'Acme Corp')
    """
    candidates = sorted(
        ((len(f), name) for name, f in framed.items() if len(f) >= NAME_MIN_COUNT), reverse=True
    )
    if not candidates:
        return 0.0, [], ""
    background = load_background()
    for k, name in candidates:
        frames = framed[name]
        last = name.split()[-1].casefold()
        words = [w for left, right, _, _ in frames for w in (left, right, last)]
        rows = background.ids(words).reshape(-1, 3)
        gap = background.pairs(rows[:, 0], rows[:, 1])[0]
        leave = background.pairs(rows[:, 2], rows[:, 1])[0]
        gapped = [frame for frame, g, e in zip(frames, gap, leave, strict=True) if g - e >= NAME_GAP_MARGIN]
        # Frames counted once: a paragraph printed twice prints its frames twice.
        distinct = len({(left, right) for left, right, _, _ in gapped})
        if distinct >= max(NAME_MIN_GAPPED, NAME_GAPPED_SHARE * k):
            return round(clip(k / NAME_FULL_COUNT), 4), [(start, end) for _, _, start, end in gapped], name
    return 0.0, [], ""


def _gopher_lines(article: Article) -> dict[str, float]:
    """Gopher's duplicate line and paragraph shares (exact text, later occurrences only)."""
    out: dict[str, float] = {}
    n_chars = len(article.text)
    for what, segments in (("line", article.lines), ("para", article.paragraphs)):
        seen: set[str] = set()
        dup = dup_chars = 0
        for seg in segments:
            if seg.text in seen:
                dup += 1
                dup_chars += len(seg.text)
            seen.add(seg.text)
        out[f"repetition_dup_{what}_share"] = ratio(dup, len(segments))
        out[f"repetition_dup_{what}_char_share"] = ratio(dup_chars, n_chars)
    return out
