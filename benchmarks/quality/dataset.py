"""The evaluation set of the quality benchmark, built deterministically from ../shared/corpus.

Every document is real text from the corpus, cut, joined or corrupted by a seeded random
generator; nothing is written for the purpose. ``build(split, seed)`` returns the same
documents, in the same order, for the same split, seed and corpus, on any machine.

Groups (``Doc.group``), with their acceptable verdicts (``Doc.verdict_in``):

- ``page``: the whole visible text of a page (its ``lines``, one per line), as a naive scraper
  gets it. Verdict ``clean`` or ``drop``.
- ``wrapped``: the article region of a page (first to last content line) with 2 to 8 chrome
  lines before and after, as a decent extractor gets it. Verdict ``clean`` or ``drop``.
- ``clean``: a page's ``clean_text`` unchanged (pages of 100 words or more, every language):
  the negative control. Verdict ``keep``.
- ``corrupt:<subkind>``: an English ``clean_text`` of 150 words or more with one kind of
  corruption (see ``CORRUPTIONS``). Verdict ``clean`` or ``drop``.
- ``corrupt:spam_not_english``: a ``clean_text`` in another language (100 words or more) with one
  or two English spam messages, as ``corrupt:spam`` inserts them (comment spam is in English
  whatever the site's language), labelled ``spam_not_english``. Verdict ``clean`` or ``drop``.
- ``mixed``: two or three different corruptions in one article. Verdict ``clean`` or ``drop``.
- ``junk:<subkind>``: not an article: ``chrome`` (a page's boilerplate lines alone), ``spam``
  (a wall of 10-25 spam messages), ``word_salad`` (words drawn at random from the split's
  English articles, with their natural frequencies, in sentences of 8-20 words).
  Verdict ``drop``.

Labelling rule (``Doc.spans``, a list of :class:`Label`): each label covers exactly the
characters of one injected defect or one boilerplate line, without surrounding white space or
separators, as ``(start, end, kind, subkind)`` with ``kind`` one of newsqc's four kinds:

- boilerplate lines of ``page``/``wrapped``/``junk:chrome`` docs: ``boilerplate`` with subkind
  ``lead`` (before the first content line), ``inline`` (between content lines) or ``tail``
  (after the last), or ``chrome`` in junk. Headline lines (``tag == "h1"``) get no label and
  are not scored: they are left out of ``Doc.scored``, the line ranges where boilerplate is
  judged (every other non-blank line of the document).
- ``offtopic``: ``spam`` (one SMS / YouTube / spun comment spam message), ``sentence`` (one to
  two fluent sentences of an article from another site), ``anchor`` (a 2-4 word commercial
  comment-spam phrase dropped between two words of a sentence).
- ``garbled``: ``mojibake`` (each whitespace token of a paragraph changed by a real UTF-8 ->
  cp1252 or UTF-8 -> latin-1 round trip), ``mojibake_case`` (the changed tokens of one of
  ftfy's real test cases, inserted as a sentence), ``lossy`` (a word whose apostrophe or
  accented letter became ``?``), ``script`` (a run of Cyrillic/CJK/Hangul words from a page in
  another language, inside a sentence), ``gibberish`` (a run of 1-3 words whose letters were
  shuffled into non-words, inside a sentence), ``case`` (a word with its inner letters'
  case flipped), ``word_salad`` (a sentence of junk word salad).
- ``repetition``: ``title`` (each extra printing of the page's headline, after the first),
  ``paragraph`` (the copy of a duplicated paragraph), ``stuffing`` (each insertion of a keyword
  phrase between two words of a sentence: the page's headline, 4-8 times, with the headline
  printed once on top as the SEO pages do; or, for pages without a usable headline, the
  article's most frequent name, 6-10 times).

The dev build of this dataset is the classifier's training data; the test build is reported.
The spam messages, anchor phrases and ftfy cases are split like the pages (:func:`split_of`):
each build injects only the rows of its own split, so a detector that learns from
spam-phrases.jsonl or mojibake-cases.jsonl must learn from the dev rows only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import regex

__all__ = [
    "CORRUPT",
    "CORRUPTIONS",
    "GROUPS",
    "JUNK",
    "Doc",
    "Draft",
    "Label",
    "Pools",
    "build",
    "fingerprint",
    "load_pools",
    "shared_dir",
    "split_of",
    "word_count",
]

ROOT = Path(__file__).resolve().parents[2]


class Label(NamedTuple):
    """A labelled stretch of a document: half-open offsets, newsqc kind, and subkind."""

    start: int
    end: int
    kind: str
    subkind: str


@dataclass(frozen=True, slots=True)
class Doc:
    """One benchmark document: its text, its labels and the verdicts that are right for it."""

    id: str
    group: str
    text: str
    spans: tuple[Label, ...]
    scored: tuple[tuple[int, int], ...]
    verdict_in: tuple[str, ...]
    source: str
    lang: str

    def to_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dict."""
        return {
            "id": self.id,
            "group": self.group,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "scored": [list(r) for r in self.scored],
            "verdict_in": list(self.verdict_in),
            "source": self.source,
            "lang": self.lang,
        }


#: One kind of corruption per ``corrupt:<subkind>`` group.
CORRUPTIONS: tuple[str, ...] = (
    "spam",
    "sentence",
    "anchor",
    "mojibake",
    "mojibake_case",
    "lossy",
    "script",
    "gibberish",
    "case",
    "title",
    "paragraph",
    "stuffing",
)
JUNK: tuple[str, ...] = ("chrome", "spam", "word_salad")
GROUPS: tuple[str, ...] = (
    "page",
    "wrapped",
    "clean",
    *(f"corrupt:{c}" for c in CORRUPTIONS),
    "corrupt:spam_not_english",
    "mixed",
    *(f"junk:{j}" for j in JUNK),
)
KIND_OF: dict[str, str] = {
    "spam": "offtopic",
    "spam_not_english": "offtopic",
    "sentence": "offtopic",
    "anchor": "offtopic",
    "mojibake": "garbled",
    "mojibake_case": "garbled",
    "lossy": "garbled",
    "script": "garbled",
    "gibberish": "garbled",
    "case": "garbled",
    "word_salad": "garbled",
    "title": "repetition",
    "paragraph": "repetition",
    "stuffing": "repetition",
}

MIN_CLEAN_WORDS = 100
MIN_BASE_WORDS = 150
# Words that make a comment-spam phrase a commercial anchor text.
_COMMERCIAL = frozenset(
    "buy cheap cheapest discount sale sales price prices deal deals loan loans insurance casino"
    " poker online shop shopping store order free best replica watches watch pills pill credit"
    " cash money mortgage dating bonus coupon coupons offer offers outlet wholesale rent rental"
    " service services seo marketing agency lawyer attorney repair cleaning weight diet".split()
)
_ADULT = frozenset(
    "sex sexy porn adult nude naked xxx escort escorts gay lesbian penis viagra cialis".split()
)
_SPAM_KINDS = ("sms_spam", "youtube_comment_spam", "spun_comment_spam")
_SENTENCE = regex.compile(r"[^.!?\n]*?[.!?][\"”’)]?(?=\s|$)")
_SENTENCE_START = regex.compile(r"(?<=[.!?][\"”’)]?) (?=[\"“]?\p{Lu})")
_WORD_GAP = regex.compile(r"(?<=\p{Ll}) (?=\p{Ll})")
_TOKEN = regex.compile(r"\S+")
_SCRIPT_RUN = regex.compile(r"[\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_APOS_WORD = regex.compile(r"\p{L}+['’]\p{L}+")
_ACCENT_WORD = regex.compile(r"\p{L}*[À-ÖØ-öø-ÿĀ-ſ]\p{L}*")
_LOWER_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Ll}{5,12}(?![\p{L}'’-])")
_SALAD_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
_NAME = regex.compile(r"\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+")


def shared_dir() -> Path:
    """The shared data folder: ``$NEWSQC_SHARED``, or ``../shared`` beside the repository.

    >>> shared_dir().is_absolute()
    True
    """
    return Path(os.environ.get("NEWSQC_SHARED", ROOT.parent / "shared"))


@functools.lru_cache(maxsize=8)
def _read_jsonl(path: str) -> tuple[dict[str, Any], ...]:
    with open(path, encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


def _corpus(shared: Path, name: str) -> tuple[dict[str, Any], ...]:
    path = shared / "corpus" / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is not there: put the shared data beside the repository (../shared) "
            "or point $NEWSQC_SHARED at it"
        )
    return _read_jsonl(str(path))


# --------------------------------------------------------------------------- drafts


class Draft:
    """A text being corrupted, with its labels kept in step with every edit."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.labels: list[Label] = []

    def free(self, start: int, end: int) -> bool:
        """True when [start, end) touches no label (an insertion point when start == end)."""
        for lab in self.labels:
            if start == end and lab.start < start < lab.end:
                return False
            if start < end and start < lab.end and lab.start < end:
                return False
        return True

    def splice(self, start: int, end: int, new: str, marks: list[tuple[int, int, str, str]]) -> None:
        """Replace text[start:end] by ``new``; ``marks`` are labels relative to ``start``."""
        delta = len(new) - (end - start)
        shifted = []
        for lab in self.labels:
            if lab.end <= start:
                shifted.append(lab)
            elif lab.start >= end:
                shifted.append(lab._replace(start=lab.start + delta, end=lab.end + delta))
            else:
                raise ValueError("an edit overlaps a label")
        self.text = self.text[:start] + new + self.text[end:]
        shifted.extend(Label(start + a, start + b, kind, sub) for a, b, kind, sub in marks)
        self.labels = sorted(shifted)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text`` (clean_text has one paragraph a line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def _sentence_starts(d: Draft) -> list[int]:
    """Positions where a sentence starts inside a paragraph (after ". "), free of labels."""
    return [m.end() for m in _SENTENCE_START.finditer(d.text) if d.free(m.end(), m.end())]


def _word_gaps(d: Draft) -> list[int]:
    """Positions of spaces between two lower-case letters (inside a sentence), free of labels."""
    return [m.start() for m in _WORD_GAP.finditer(d.text) if d.free(m.start(), m.start())]


def _insert_sentence(d: Draft, rng: random.Random, s: str, kind: str, sub: str) -> bool:
    """Insert ``s`` as a sentence at a sentence start, or as a paragraph of its own."""
    starts = _sentence_starts(d)
    if starts and rng.random() < 0.7:
        pos = rng.choice(starts)
        d.splice(pos, pos, s + " ", [(0, len(s), kind, sub)])
        return True
    paras = [p for p in _paragraphs(d.text) if d.free(p[0], p[0])]
    if len(paras) < 2:
        return False
    pos = rng.choice(paras[1:])[0]
    d.splice(pos, pos, s + "\n\n", [(0, len(s), kind, sub)])
    return True


def _insert_in_sentence(d: Draft, rng: random.Random, s: str, kind: str, sub: str) -> bool:
    """Insert ``s`` between two words of a sentence."""
    gaps = _word_gaps(d)
    if not gaps:
        return False
    pos = rng.choice(gaps)
    d.splice(pos, pos, " " + s, [(1, 1 + len(s), kind, sub)])
    return True


# --------------------------------------------------------------------------- materials


@dataclass
class Pools:
    """The real text that corruptions draw from, for one split."""

    pages: list[dict[str, Any]]
    spam: list[str]
    anchors: list[str]
    mojibake: list[dict[str, Any]]
    script_runs: list[str]
    salad_words: list[str]

    def other_site_sentences(self, page: dict[str, Any], rng: random.Random) -> list[str]:
        """One or two consecutive fluent sentences of an English article from another site."""
        site = _site(page)
        others = [p for p in self.pages if p["lang"] == "en" and _site(p) != site]
        for _ in range(20):
            other = rng.choice(others)
            para = rng.choice(other["clean_text"].split("\n"))
            sents = [m.group().strip() for m in _SENTENCE.finditer(para)]
            sents = [s for s in sents if 50 <= len(s) <= 260 and s[0].isupper() and s[-1] == "."]
            if sents:
                i = rng.randrange(len(sents))
                return sents[i : i + rng.choice((1, 2))]
        return []


def _site(page: dict[str, Any]) -> str:
    host = urlparse(page["url"]).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def split_of(text: str) -> str:
    """The split a row of spam-phrases.jsonl or mojibake-cases.jsonl belongs to ("dev"/"test").

    As for the pages: "dev" when the first byte of the SHA-256 of the (UTF-8) text is even.
    The test build injects only test rows, the dev build only dev rows: a detector that learns
    from these files must learn from the dev rows only, or its test figures overstate.

    >>> split_of("replica watches"), split_of("cheap car insurance")
    ('test', 'dev')
    """
    return "dev" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def load_pools(shared: Path, split: str) -> Pools:
    """The real text of ``split`` that the corruptions draw from.

    A corruption edits a :class:`Draft`: ``CORRUPT[kind](draft, rng, pools, page)``.
    """
    pages = sorted(_corpus(shared, f"boilerplate-lines.{split}.jsonl"), key=lambda p: p["id"])
    spam_rows = _corpus(shared, "spam-phrases.jsonl")
    spam_rows = tuple(r for r in spam_rows if split_of(r["text"]) == split)
    spam = sorted({r["text"] for r in spam_rows if r["kind"] in _SPAM_KINDS and 30 <= len(r["text"]) <= 300})
    anchors = sorted(
        {
            r["text"]
            for r in spam_rows
            if r["kind"] == "comment_blocklist_phrase"
            and 2 <= len(r["text"].split()) <= 4
            and _COMMERCIAL & set(r["text"].lower().split())
            and not _ADULT & set(r["text"].lower().split())
        }
    )
    mojibake = [
        r
        for r in _corpus(shared, "mojibake-cases.jsonl")
        if r["garbled"] != r["fixed"]
        and 8 <= len(r["garbled"]) <= 200
        and "\n" not in r["garbled"]
        and split_of(r["garbled"]) == split
    ]
    runs: set[str] = set()
    for p in pages:
        for m in _SCRIPT_RUN.finditer(p["clean_text"]):
            run = m.group()
            if regex.match(r"[\p{Han}\p{Hiragana}\p{Katakana}]", run):
                run = run[:12]  # no spaces in Japanese: a run of up to 12 characters
            if len(run) >= 3:
                runs.add(run)
        # Cyrillic and Hangul runs span several words: take 2-4 word runs as well.
        words = p["clean_text"].split()
        for i in range(0, max(0, len(words) - 4), 7):
            chunk = words[i : i + 3]
            if all(_SCRIPT_RUN.fullmatch(w) for w in chunk):
                runs.add(" ".join(chunk))
    # Every word token of the English articles, repeats included: word salad drawn from it has
    # the words' natural frequencies (stop words and all).
    salad = [w for p in pages if p["lang"] == "en" for w in _SALAD_WORD.findall(p["clean_text"])]
    return Pools(list(pages), spam, anchors, mojibake, sorted(runs), salad)


# --------------------------------------------------------------------------- corruptions


def _spam(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    ok = False
    for _ in range(rng.choice((1, 2))):
        ok |= _insert_sentence(d, rng, rng.choice(pools.spam), "offtopic", "spam")
    return ok


def _sentence(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    sents = pools.other_site_sentences(page, rng)
    return bool(sents) and _insert_sentence(d, rng, " ".join(sents), "offtopic", "sentence")


def _anchor(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    ok = False
    for _ in range(rng.choice((1, 2))):
        ok |= _insert_in_sentence(d, rng, rng.choice(pools.anchors), "offtopic", "anchor")
    return ok


def _curl(token: str) -> str:
    """Curly quotes for straight ones, as a CMS prints them."""
    token = regex.sub(r"(?<=\p{L})'", "’", token)
    token = regex.sub(r'^"', "“", token)
    return regex.sub(r'"', "”", token)


def _sloppy_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252, the five undefined bytes read as latin-1 (as browsers do)."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def _mojibake(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    decode = rng.choice((_sloppy_cp1252, lambda b: b.decode("latin-1")))
    candidates = []
    for start, end in _paragraphs(d.text):
        if not d.free(start, end):
            continue
        toks = [m for m in _TOKEN.finditer(d.text, start, end) if not _curl(m.group()).isascii()]
        if len(toks) >= 2:
            candidates.append(toks)
    if not candidates:
        return False
    toks = rng.choice(candidates)
    for m in reversed(toks):
        bad = decode(_curl(m.group()).encode("utf-8"))
        d.splice(m.start(), m.end(), bad, [(0, len(bad), "garbled", "mojibake")])
    return True


def _mojibake_case(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    case = rng.choice(pools.mojibake)
    garbled, fixed = case["garbled"].strip(), case["fixed"].strip()
    marks = []
    for tag, i1, i2, _, _ in SequenceMatcher(None, garbled, fixed, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a = i1
        while a > 0 and not garbled[a - 1].isspace():
            a -= 1
        b = max(i2, a + 1)
        while b < len(garbled) and not garbled[b].isspace():
            b += 1
        if marks and a <= marks[-1][1]:
            marks[-1] = (marks[-1][0], max(b, marks[-1][1]), "garbled", "mojibake_case")
        else:
            marks.append((a, b, "garbled", "mojibake_case"))
    starts = _sentence_starts(d)
    if not marks or not starts:
        return False
    pos = rng.choice(starts)
    d.splice(pos, pos, garbled + " ", marks)
    return True


def _lossy(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    words = [m for m in _APOS_WORD.finditer(d.text) if d.free(m.start(), m.end())]
    words += [m for m in _ACCENT_WORD.finditer(d.text) if d.free(m.start(), m.end())]
    if not words:
        return False
    chosen = {m.start(): m for m in rng.sample(words, min(len(words), rng.randint(2, 4)))}
    for start in sorted(chosen, reverse=True):
        m = chosen[start]
        if not d.free(m.start(), m.end()):
            continue
        bad = regex.sub(r"['’]|[^\x00-\x7f]", "?", m.group())
        d.splice(m.start(), m.end(), bad, [(0, len(bad), "garbled", "lossy")])
    return True


def _script(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    return bool(pools.script_runs) and _insert_in_sentence(
        d, rng, rng.choice(pools.script_runs), "garbled", "script"
    )


def _gibberish_word(word: str, rng: random.Random) -> str:
    from wordfreq import zipf_frequency

    letters = list(word.lower())
    for _ in range(20):
        rng.shuffle(letters)
        out = "".join(letters)
        if out != word.lower() and zipf_frequency(out, "en") == 0.0:
            return out
    return out


def _gibberish(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    words = [w for w in regex.findall(r"\p{Ll}{3,8}", d.text)]
    if not words:
        return False
    run = " ".join(_gibberish_word(rng.choice(words), rng) for _ in range(rng.randint(1, 3)))
    return _insert_in_sentence(d, rng, run, "garbled", "gibberish")


def _case(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    words = [m for m in _LOWER_WORD.finditer(d.text) if d.free(m.start(), m.end())]
    if not words:
        return False
    for m in sorted(rng.sample(words, min(len(words), rng.randint(2, 4))), key=lambda m: -m.start()):
        w = list(m.group())
        inner = list(range(1, len(w)))
        for i in rng.sample(inner, rng.randint(1, min(3, len(inner) - 1))):
            w[i] = w[i].upper()
        bad = "".join(w)
        d.splice(m.start(), m.end(), bad, [(0, len(bad), "garbled", "case")])
    return True


def _headline(page: dict[str, Any]) -> str | None:
    """The h1 line nearest before the first content line (else the first h1), if 3+ words."""
    lines = page["lines"]
    first = next((i for i, ln in enumerate(lines) if ln["label"] == "content"), len(lines))
    h1 = [ln["text"] for ln in lines[:first] if ln["tag"] == "h1"] or [
        ln["text"] for ln in lines if ln["tag"] == "h1"
    ]
    title = h1[-1] if lines[:first] and h1 else (h1[0] if h1 else None)
    return title if title and len(title.split()) >= 3 else None


def _title(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    title = _headline(page)
    if title is None or not d.free(0, 0):
        return False
    copies = rng.choice((1, 2))
    marks = []
    text = title + "\n"
    for _ in range(copies):
        marks.append((len(text), len(text) + len(title), "repetition", "title"))
        text += title + "\n"
    d.splice(0, 0, text + "\n", marks)
    if rng.random() < 0.5:  # and once more at the end, as a "more on" footer would
        end = len(d.text.rstrip())
        d.splice(end, end, "\n\n" + title, [(2, 2 + len(title), "repetition", "title")])
    return True


def _paragraph(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    paras = [p for p in _paragraphs(d.text) if p[1] - p[0] >= 60 and d.free(*p)]
    if not paras:
        return False
    i = rng.randrange(len(paras))
    start, end = paras[i]
    copy = d.text[start:end]
    later = [p for p in _paragraphs(d.text) if p[0] >= end and d.free(p[1], p[1])]
    pos = end if rng.random() < 0.5 or not later else rng.choice(later)[1]
    d.splice(pos, pos, "\n\n" + copy, [(2, 2 + len(copy), "repetition", "paragraph")])
    return True


def _stuffing(d: Draft, rng: random.Random, pools: Pools, page: dict[str, Any]) -> bool:
    """The headline (as the SEO pages of the seeds do), else the most frequent name, stuffed."""
    from wordfreq import zipf_frequency

    title = _headline(page)
    if title is not None and len(title.split()) <= 10:
        phrase = title.rstrip(".!?:;, ")
        if not d.text.startswith(title) and d.free(0, 0):
            d.splice(0, 0, title + "\n\n", [])  # the headline's own printing: not a defect
        times = rng.randint(4, 8)
    else:
        names = Counter(_NAME.findall(d.text))
        if names:
            phrase = max(names.items(), key=lambda kv: (kv[1], kv[0]))[0]
        else:
            words = Counter(
                w.lower() for w in regex.findall(r"\p{L}{5,}", d.text) if zipf_frequency(w, "en") < 5.0
            )
            if not words:
                return False
            phrase = max(words.items(), key=lambda kv: (kv[1], kv[0]))[0]
        times = rng.randint(6, 10)
    ok = False
    for _ in range(times):
        ok |= _insert_in_sentence(d, rng, phrase, "repetition", "stuffing")
    return ok


CORRUPT: dict[str, Callable[[Draft, random.Random, Pools, dict[str, Any]], bool]] = {
    "spam": _spam,
    "sentence": _sentence,
    "anchor": _anchor,
    "mojibake": _mojibake,
    "mojibake_case": _mojibake_case,
    "lossy": _lossy,
    "script": _script,
    "gibberish": _gibberish,
    "case": _case,
    "title": _title,
    "paragraph": _paragraph,
    "stuffing": _stuffing,
}


# --------------------------------------------------------------------------- documents


def _line_doc(
    page: dict[str, Any], lines: list[dict[str, Any]], first: int, last: int, group: str, sub: str | None
) -> tuple[str, tuple[Label, ...], tuple[tuple[int, int], ...]]:
    """Join ``lines`` with newlines; label the boilerplate ones; score all but h1 lines.

    ``first``/``last`` are the indices (in ``lines``) of the first and last content line.
    """
    parts, labels, scored = [], [], []
    pos = 0
    for i, ln in enumerate(lines):
        text = ln["text"]
        if ln["tag"] != "h1":
            scored.append((pos, pos + len(text)))
            if ln["label"] == "boilerplate":
                where = sub or ("lead" if i < first else "tail" if i > last else "inline")
                labels.append(Label(pos, pos + len(text), "boilerplate", where))
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts), tuple(labels), tuple(scored)


def _content_bounds(lines: list[dict[str, Any]]) -> tuple[int, int]:
    idx = [i for i, ln in enumerate(lines) if ln["label"] == "content"]
    return (idx[0], idx[-1]) if idx else (len(lines), -1)


def _all_lines(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_paragraphs(text))


def word_count(text: str) -> int:
    """Words as the benchmark counts them: runs between white space."""
    return len(text.split())


def _salad(rng: random.Random, pools: Pools) -> Draft:
    d = Draft("")
    paras = []
    for _ in range(rng.randint(2, 4)):
        sents = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(pools.salad_words) for _ in range(rng.randint(8, 20))]
            words[0] = words[0][:1].upper() + words[0][1:]
            sents.append(" ".join(words) + ".")
        paras.append(sents)
    text = ""
    marks = []
    for p, sents in enumerate(paras):
        if p:
            text += "\n\n"
        for s, sent in enumerate(sents):
            if s:
                text += " "
            marks.append((len(text), len(text) + len(sent), "garbled", "word_salad"))
            text += sent
    d.splice(0, 0, text, marks)
    return d


def _spam_wall(rng: random.Random, pools: Pools) -> Draft:
    d = Draft("")
    msgs = rng.sample(pools.spam, rng.randint(10, 25))
    text = ""
    marks = []
    for i, msg in enumerate(msgs):
        if i:
            text += "\n"
        marks.append((len(text), len(text) + len(msg), "offtopic", "spam"))
        text += msg
    d.splice(0, 0, text, marks)
    return d


def _iter_docs(split: str, seed: int, per_group: int, groups: tuple[str, ...], pools: Pools) -> Iterator[Doc]:
    pages = pools.pages
    english = [p for p in pages if p["lang"] == "en" and word_count(p["clean_text"]) >= MIN_BASE_WORDS]
    not_english = [p for p in pages if p["lang"] != "en" and word_count(p["clean_text"]) >= MIN_CLEAN_WORDS]
    wide = ("clean", "drop")
    for group in groups:
        rng = random.Random(f"newsqc-bench/{split}/{seed}/{group}")
        if group == "page":
            for p in pages:
                first, last = _content_bounds(p["lines"])
                text, labels, scored = _line_doc(p, p["lines"], first, last, group, None)
                yield Doc(f"{split}/page/{p['id']}", group, text, labels, scored, wide, p["id"], p["lang"])
        elif group == "wrapped":
            for p in pages:
                lines = p["lines"]
                first, last = _content_bounds(lines)
                lo = max(0, first - rng.randint(2, 8))
                hi = min(len(lines), last + 1 + rng.randint(2, 8))
                text, labels, scored = _line_doc(p, lines[lo:hi], first - lo, last - lo, group, None)
                yield Doc(f"{split}/wrapped/{p['id']}", group, text, labels, scored, wide, p["id"], p["lang"])
        elif group == "clean":
            for p in pages:
                if word_count(p["clean_text"]) >= MIN_CLEAN_WORDS:
                    text = p["clean_text"]
                    yield Doc(
                        f"{split}/clean/{p['id']}",
                        group,
                        text,
                        (),
                        _all_lines(text),
                        ("keep",),
                        p["id"],
                        p["lang"],
                    )
        elif group.startswith("corrupt:") or group == "mixed":
            order = list(not_english if group == "corrupt:spam_not_english" else english)
            rng.shuffle(order)
            made = 0
            tries = 0
            while made < per_group and tries < per_group * 5:
                page = order[tries % len(order)]
                tries += 1
                d = Draft(page["clean_text"])
                if group == "mixed":
                    kinds = rng.sample([c for c in CORRUPTIONS if c != "mojibake_case"], rng.randint(2, 3))
                elif group == "corrupt:spam_not_english":
                    kinds = ["spam"]
                else:
                    kinds = [group.split(":", 1)[1]]
                if not all(CORRUPT[k](d, rng, pools, page) for k in kinds) or not d.labels:
                    continue
                labels = tuple(d.labels)
                if group == "corrupt:spam_not_english":  # its own figures, apart from English spam
                    labels = tuple(Label(s, e, k, "spam_not_english") for s, e, k, _ in labels)
                yield Doc(
                    f"{split}/{group}/{made:03d}-{page['id']}",
                    group,
                    d.text,
                    labels,
                    _all_lines(d.text),
                    wide,
                    page["id"],
                    page["lang"],
                )
                made += 1
        elif group == "junk:chrome":
            order = list(pages)
            rng.shuffle(order)
            for page in order[:per_group]:
                chrome = [ln for ln in page["lines"] if ln["label"] == "boilerplate"][:200]
                text, labels, scored = _line_doc(page, chrome, 0, -1, group, "chrome")
                yield Doc(
                    f"{split}/{group}/{page['id']}",
                    group,
                    text,
                    labels,
                    scored,
                    ("drop",),
                    page["id"],
                    page["lang"],
                )
        elif group in ("junk:spam", "junk:word_salad"):
            for i in range(per_group):
                d = _spam_wall(rng, pools) if group == "junk:spam" else _salad(rng, pools)
                yield Doc(
                    f"{split}/{group}/{i:03d}",
                    group,
                    d.text,
                    tuple(d.labels),
                    _all_lines(d.text),
                    ("drop",),
                    "",
                    "en",
                )
        else:
            raise ValueError(f"unknown group {group!r}; the groups are: {', '.join(GROUPS)}")


def fingerprint(docs: list[Doc]) -> str:
    """A short hash of the documents and their labels: equal builds have equal fingerprints.

    >>> fingerprint([]) == fingerprint([])
    True
    """
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(json.dumps(doc.to_dict(), sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def build(
    split: str = "test",
    seed: int = 0,
    per_group: int = 40,
    groups: tuple[str, ...] | list[str] | None = None,
    shared: Path | None = None,
) -> list[Doc]:
    """The benchmark documents of ``split`` ("dev" or "test"), the same for the same arguments.

    ``per_group`` is the number of documents of each ``corrupt:*``, ``mixed`` and ``junk:*``
    group (``page``, ``wrapped`` and ``clean`` take every page of the split). ``groups``
    restricts the build to some of :data:`GROUPS`.

    >>> docs = build("dev", per_group=2, groups=["corrupt:lossy"])
    >>> docs[0].group, docs[0].spans[0].subkind, docs[0].verdict_in
    ('corrupt:lossy', 'lossy', ('clean', 'drop'))
    """
    if split not in ("dev", "test"):
        raise ValueError(f"split must be 'dev' or 'test', not {split!r}")
    chosen = tuple(groups) if groups is not None else GROUPS
    for g in chosen:
        if g not in GROUPS:
            raise ValueError(f"unknown group {g!r}; the groups are: {', '.join(GROUPS)}")
    pools = load_pools(shared or shared_dir(), split)
    docs = list(_iter_docs(split, seed, per_group, chosen, pools))
    for doc in docs:
        for lab in doc.spans:
            assert 0 <= lab.start < lab.end <= len(doc.text), (doc.id, lab)
    return docs
