"""Off-topic insertions: sentences that do not belong to the story, and stray anchor texts.

Detects two forms of insertion in English articles (language "en" or unknown):

- whole sentences: spam ("offtopic:spam"), marketing sentences written around a link
  ("offtopic:marketing"), and sentences from another story ("offtopic:foreign_sentence");
- anchor texts of stripped links left inside a sentence ("offtopic:anchor"): "Trump is under
  pressure Chinese online shopping by isolationist elements", where only the inserted words
  are flagged so that the cleaned sentence reads whole again.

Signals, from a model trained by ``scripts/train_offtopic.py`` on the dev split and
``spam-phrases.jsonl`` and shipped as JSON (``models/offtopic.json``):

- spam and commercial vocabulary: two logistic regressions over word unigrams and bigrams, read
  as dict lookups: spam messages against news sentences ("spam"), and comment-spam blocklist
  phrases against runs of 2-4 news words ("phrase", the anchor vocabulary);
- distance from the rest of the article: the share of a sentence's weighted words (crude
  5-letter stems) found in other sentences, a word weighing more the rarer it is in English
  (wordfreq); a leave-two-out form that also sets aside the sentence most like it (its twin),
  so that two injected sentences sharing a phrase do not vouch for each other; a leave-one-out
  cosine;
- a grammatical break for anchors: a bigram model of part-of-speech-like word classes (frequent
  words stand for themselves, others by shape and suffix) learned from the dev news text says
  how unlikely the run is between its neighbours and how fluent the sentence is without it.

A small scaled logistic regression per form combines the signals (weights in the model file).
A sentence with a high spam score that shares little with the article is spam outright, and
the spam spreads to spammy neighbouring sentences on the same line (a message of several
short sentences).

Blind spots: non-English text (nothing is flagged); sentences from another story (the lexical
signals alone cannot tell them from quotes, asides and background: almost none are flagged);
marketing sentences that bridge to the story with on-topic words (seed 000); anchors made of
ordinary news words; product news with commercial words can yield a false anchor.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

from newsqc.article import Article
from newsqc.assessment import Span
from newsqc.scorers.base import Finding, clip, covered, ratio

__all__ = [
    "ANCHOR_FEATURES",
    "SENTENCE_FEATURES",
    "Offtopic",
    "OfftopicModel",
    "anchor_candidates",
    "load_model",
    "normalize_word",
    "sentence_features",
    "spam_logit",
]

#: The model file inside the package.
MODEL_FILE = "offtopic.json"
#: Sentences shorter than this many words are never flagged whole (headings, table cells).
MIN_SENTENCE_WORDS = 6
#: Words at or above this Zipf frequency carry no topic (the, said, also).
FUNCTION_ZIPF = 5.8
#: A word this commercial (phrase-model weight) is a "hot" word: a flagged sentence with a hot
#: word found nowhere else in the article (or only in its twin) is a marketing sentence.
HOT_WORD = 1.5
#: A sentence this spammy (spam log-odds) that shares little with the article is spam outright;
#: its neighbours on the same line are spam too when their log-odds reach SPAM_NEIGHBOUR.
SPAM_SURE = 2.0
SPAM_SURE_COVERAGE = 0.3
SPAM_NEIGHBOUR = 0.5
#: Only words found in at most this many sentences point to a sentence's twin.
TWIN_DF = 3
#: Words are compared on their first letters only (a crude stem: talks, talk; Ukraine, Ukrainian).
STEM = 5
#: Words at or above this Zipf frequency are their own class in the fluency model.
CLASS_ZIPF = 5.6
#: An anchor run neither starts nor ends with a word this frequent ("on", "the", "to"),
#: nor with one of EDGE_WORDS: an anchor names a thing.
EDGE_ZIPF = 6.3
EDGE_WORDS = frozenset(
    "near with from about into over under after before through me you your my our their his her its"
    " this that these those here there".split()
)
#: Removing an anchor must leave the sentence about as fluent as the run's edges: the bigram
#: across the gap may be at most this much (log10) less likely than the worse edge bigram.
GAP_MARGIN = 0.3
#: Anchor runs are this many words long.
ANCHOR_LENGTHS = (2, 3, 4)

SENTENCE_FEATURES: tuple[str, ...] = (
    "spam",
    "coverage",
    "coverage2",
    "cosine",
    "foreign_commercial",
    "foreign_phrase",
    "twin_only",
    "log_words",
    "log_sentences",
    "terminal",
)
ANCHOR_FEATURES: tuple[str, ...] = (
    "phrase",
    "commercial",
    "commercial_max",
    "foreign",
    "enter",
    "leave",
    "gap",
    "inner",
    "capitalized",
    "length",
)


def normalize_word(word: str) -> str:
    """The form under which a word is looked up: case-folded, digits as one shape.

    >>> normalize_word("Ukraine’s"), normalize_word("2025"), normalize_word("G7")
    ("ukraine's", '<num>', '<num>')
    """
    word = word.casefold()
    if word.isalpha():
        return word
    if any(ch.isdigit() for ch in word):
        return "<num>"
    return word.replace("’", "'")


def _pairs(weights: dict[str, float]) -> dict[tuple[str, str], float]:
    """The bigram weights of a spam model keyed by word pair (no string to build per lookup)."""
    return {tuple(g.split(" ")): v for g, v in weights.items() if " " in g}  # type: ignore[misc]


@dataclass(frozen=True)
class OfftopicModel:
    """The shipped model: spam weights, a bigram model, background frequencies, two combiners."""

    spam_weights: dict[str, float]
    spam_bias: float
    phrase_weights: dict[str, float]
    phrase_bias: float
    bigrams: dict[str, int]
    unigrams: dict[str, int]
    total: int
    zipf: dict[str, float]
    sentence: dict[str, Any]
    anchor: dict[str, Any]
    #: The bigram weights of the two spam models keyed by word pair (derived, for speed).
    spam_pairs: dict[tuple[str, str], float] = field(init=False, repr=False, compare=False)
    phrase_pairs: dict[tuple[str, str], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spam_pairs", _pairs(self.spam_weights))
        object.__setattr__(self, "phrase_pairs", _pairs(self.phrase_weights))

    @classmethod
    def from_dict(cls, data: dict[str, Any], zipf: dict[str, float]) -> OfftopicModel:
        """Build the model from its JSON form and a Zipf table."""
        return cls(
            spam_weights=data["spam"]["weights"],
            spam_bias=float(data["spam"]["bias"]),
            phrase_weights=data["phrase"]["weights"],
            phrase_bias=float(data["phrase"]["bias"]),
            bigrams=data["bigrams"],
            unigrams=data["unigrams"],
            total=sum(data["unigrams"].values()),
            zipf=zipf,
            sentence=data["sentence"],
            anchor=data["anchor"],
        )

    def zipf_of(self, word: str) -> float:
        """Zipf frequency of a normalized word in English (0 when unknown)."""
        found = self.zipf.get(word)
        if found is None and word.endswith("'s"):
            found = self.zipf.get(word[:-2])
        return found or 0.0

    def idf(self, word: str) -> float:
        """How much a word says about the topic: more the rarer it is in the language."""
        return clip(7.0 - self.zipf_of(word), 1.0, 6.0)

    def word_class(self, word: str, norm: str) -> str:
        """A part-of-speech-like class: frequent words stand for themselves, others by shape.

        >>> m = load_model()
        >>> [m.word_class(w, normalize_word(w)) for w in ("the", "Chinese", "shopping", "2025")]
        ['the', 'C', 'Ling', 'N']
        """
        if norm == "<num>":
            return "N"
        if self.zipf_of(norm) >= CLASS_ZIPF:
            return norm
        shape = "C" if word[:1].isupper() else "L"
        for suffix in ("ing", "ed", "ly", "s"):
            if norm.endswith(suffix):
                return shape + suffix
        return shape

    def log_prob(self, before: str, after: str) -> float:
        """log10 P(after | before) for two word classes, from news text (add-one backoff)."""
        count = self.bigrams.get(f"{before} {after}", 0)
        context = self.unigrams.get(before, 0)
        background = (self.unigrams.get(after, 0) + 1.0) / (self.total + 1.0)
        return math.log10((count + 2.0 * background) / (context + 2.0))


_model: OfftopicModel | None = None
_lock = threading.Lock()


def _zipf_table() -> dict[str, float]:
    import wordfreq

    return {w: round(math.log10(f) + 9.0, 2) for w, f in wordfreq.get_frequency_dict("en").items()}


def load_model() -> OfftopicModel:
    """The shipped model, loaded once per process (thread-safe).

    >>> load_model().zipf_of("the") > 7
    True
    """
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                text = (Path(__file__).parent.parent / "models" / MODEL_FILE).read_text(encoding="utf-8")
                _model = OfftopicModel.from_dict(json.loads(text), _zipf_table())
    return _model


def spam_logit(words: Sequence[str], model: OfftopicModel, phrase: bool = False) -> float:
    """The spam model's log-odds for a sentence of normalized words (``phrase``: the anchor model).

    Binary unigram and bigram features, scaled by one over the square root of their number.

    >>> spam_logit(["win", "a", "free", "prize", "call", "now"], load_model()) > 0
    True
    >>> spam_logit(["cheap", "car", "insurance"], load_model(), phrase=True) > 0
    True
    """
    if phrase:
        return _logit(words, model.phrase_weights, model.phrase_pairs, model.phrase_bias)
    return _logit(words, model.spam_weights, model.spam_pairs, model.spam_bias)


def _logit(
    words: Sequence[str], weights: dict[str, float], pairs: dict[tuple[str, str], float], bias: float
) -> float:
    unigrams = set(words)
    if not unigrams:
        return bias
    bigrams = set(itertools.pairwise(words))
    total = sum(map(weights.get, unigrams, repeat(0.0))) + sum(map(pairs.get, bigrams, repeat(0.0)))
    return bias + total / math.sqrt(len(unigrams) + len(bigrams))


def _combine(features: dict[str, float], combiner: dict[str, Any]) -> float:
    z = combiner["intercept"]
    for name, coef, mean, scale in zip(
        combiner["features"], combiner["coef"], combiner["mean"], combiner["scale"], strict=True
    ):
        z += coef * (features[name] - mean) / scale
    return 1.0 / (1.0 + math.exp(-clip(z, -30.0, 30.0)))


def _sentence_words(article: Article) -> list[tuple[int, int]]:
    """For each sentence, the index range of its words in ``article.words``."""
    words = article.words
    starts = [w.start for w in words]
    ends = [w.end for w in words]
    out: list[tuple[int, int]] = []
    for sentence in article.sentences:
        i = bisect_left(starts, sentence.start)
        out.append((i, max(i, bisect_right(ends, sentence.end))))
    return out


def _prepared(article: Article) -> tuple[list[str], list[tuple[int, int]]]:
    """The normalized words of the article and the word range of each sentence."""
    texts = [w.text for w in article.words]
    forms = {t: normalize_word(t) for t in set(texts)}
    return list(map(forms.__getitem__, texts)), _sentence_words(article)


def sentence_features(
    article: Article, model: OfftopicModel, prepared: tuple[list[str], list[tuple[int, int]]] | None = None
) -> list[dict[str, float]]:
    """The named signals of each sentence of the article, in order (see SENTENCE_FEATURES).

    >>> a = Article.from_text("Rain fell on Paris. Rain and wind hit Paris. Buy cheap watches now online.")
    >>> f = sentence_features(a, load_model())
    >>> f[0]["coverage"] > f[2]["coverage"]
    True
    """
    norm, ranges = prepared or _prepared(article)
    phrase_weights = model.phrase_weights
    # Per distinct word, in order of first use: its stem when it is a content word (the first
    # word with a stem sets the stem's weight), else "".
    idf: dict[str, float] = {}
    content_stem: dict[str, str] = {}
    for w in dict.fromkeys(itertools.chain.from_iterable(norm[i:j] for i, j in ranges)):
        stem = ""
        if w != "<num>" and len(w) >= 2:
            stem = w[:STEM]
            if stem not in idf:
                zipf = model.zipf_of(w)
                idf[stem] = clip(7.0 - zipf, 1.0, 6.0) if zipf < FUNCTION_ZIPF else 0.0  # model.idf
            if idf[stem] <= 0.0:
                stem = ""
        content_stem[w] = stem
    # Each sentence's content stems in order of use, and the sentences holding each stem.
    content: list[dict[str, None]] = []
    postings: dict[str, list[int]] = {}
    for k, (i, j) in enumerate(ranges):
        own = dict.fromkeys(map(content_stem.__getitem__, norm[i:j]))
        own.pop("", None)
        content.append(own)
        for w in own:
            postings.setdefault(w, []).append(k)
    # The article vector: each word weighted by idf times the number of sentences holding it.
    norm2 = sum((len(p) * idf[w]) ** 2 for w, p in postings.items())
    log_sentences = math.log(1 + len(ranges))
    out: list[dict[str, float]] = []
    for k, (i, j) in enumerate(ranges):
        own = content[k]
        words = norm[i:j]
        total = 0.0
        overlap: dict[int, float] = {}
        shared = 0.0
        dot = 0.0
        self2 = 0.0
        removed2 = 0.0
        for w in own:
            p = postings[w]
            df = len(p)
            weight = idf[w]
            total += weight
            self2 += weight * weight
            dot += weight * (df - 1) * weight
            removed2 += (df * df - (df - 1) * (df - 1)) * weight * weight
            if df > 1:
                shared += weight
                if df <= TWIN_DF:  # a twin shares words that the rest of the article lacks
                    for other in p:
                        if other != k:
                            overlap[other] = overlap.get(other, 0.0) + weight
        # The sentence sharing the most rare words with this one (the earliest of equals).
        twin = min(overlap, key=lambda other: (-overlap[other], other)) if overlap else -1
        # Stems found in one other sentence (df 2): in the twin, or elsewhere.
        shared2 = 0.0
        twin_only: set[str] = set()
        foreign: set[str] = set()
        for w in own:
            p = postings[w]
            df = len(p)
            if df > 2:
                shared2 += idf[w]
            elif df == 1:
                foreign.add(w)
            elif twin in p:
                twin_only.add(w)
                foreign.add(w)
            else:
                shared2 += idf[w]
        rest = math.sqrt(max(norm2 - removed2, 0.0))
        cosine = ratio(dot, math.sqrt(self2) * rest)
        # Commercial words found nowhere else, or only in the twin.
        foreign_commercial = 0.0
        foreign_hot = 0
        foreign_phrase = -5.0
        if foreign:
            for w in set(words):
                if content_stem[w] in foreign:
                    weight = phrase_weights.get(w, 0.0)
                    foreign_commercial += max(0.0, weight)
                    foreign_hot += weight >= HOT_WORD
            # The most commercial run of foreign words (frequent words may sit inside a run).
            run: list[str] = []
            n_foreign = 0
            for w in [*words, "<end>"]:
                stem = w[:STEM]
                if stem in foreign:
                    run.append(w)
                    n_foreign += 1
                elif run and stem not in own and w not in ("<end>", "<num>"):
                    run.append(w)
                else:
                    if n_foreign >= 2:
                        while run[-1][:STEM] not in foreign:
                            run.pop()
                        foreign_phrase = max(foreign_phrase, spam_logit(run, model, phrase=True))
                    run = []
                    n_foreign = 0
        last = article.sentences[k].text.rstrip("\"'”’»)] ")
        out.append(
            {
                "spam": spam_logit(words, model),
                "coverage": ratio(shared, total),
                "coverage2": ratio(shared2, total),
                "cosine": cosine,
                "foreign_commercial": foreign_commercial,
                "foreign_phrase": foreign_phrase,
                "twin_only": float(len(twin_only)),
                "foreign_hot": float(foreign_hot),
                "log_words": math.log(1 + j - i),
                "log_sentences": log_sentences,
                "terminal": 1.0 if last[-1:] in (".", "!", "?", "…") else 0.0,
            }
        )
    return out


@dataclass(frozen=True)
class AnchorCandidate:
    """A run of words ``words[first:last]`` that may be an anchor text, with its signals."""

    first: int
    last: int
    features: dict[str, float]


def anchor_candidates(
    article: Article, model: OfftopicModel, prepared: tuple[list[str], list[tuple[int, int]]] | None = None
) -> list[AnchorCandidate]:
    """Runs of 2-4 words inside a sentence that hold a commercial word foreign to the article.

    >>> text = "Trump is under pressure Chinese online shopping by isolationist elements in his party."
    >>> a = Article.from_text(text)
    >>> found = anchor_candidates(a, load_model())
    >>> "Chinese online shopping" in [" ".join(w.text for w in a.words[c.first : c.last]) for c in found]
    True
    """
    norm, ranges = prepared or _prepared(article)
    pairs = model.phrase_pairs
    hot_min = model.anchor["hot_min"]
    # The commercial weight of each word; only a sentence with a hot word holds a candidate.
    hot = list(map(model.phrase_weights.get, norm, repeat(0.0)))
    words = article.words
    text = article.text
    counts: Counter[str] = Counter()
    classes: dict[int, str] = {}
    log_probs: dict[tuple[str, str], float] = {}
    edges: dict[str, bool] = {}

    def cls(k: int) -> str:
        if k not in classes:
            classes[k] = model.word_class(words[k].text, norm[k])
        return classes[k]

    def log_prob(before: str, after: str) -> float:
        if (before, after) not in log_probs:
            log_probs[before, after] = model.log_prob(before, after)
        return log_probs[before, after]

    def edge(w: str) -> bool:  # may the word start or end an anchor?
        if w not in edges:
            edges[w] = w not in EDGE_WORDS and model.zipf_of(w) < EDGE_ZIPF
        return edges[w]

    out: list[AnchorCandidate] = []
    for i, j in ranges:
        if j - i < 4:
            continue
        hot_at = [k for k in range(i, j) if hot[k] >= hot_min]
        if not hot_at:
            continue
        if not counts:
            counts.update(norm)
        # next_hot[k]: the first hot word at or after k; stop[k]: the first word at or after k
        # that is not all letters with one space before it (j if none).
        next_hot = [j] * (j - i + 1)
        stop = [j] * (j - i + 1)
        for k in range(j - 1, i, -1):
            next_hot[k - i] = k if hot[k] >= hot_min else next_hot[k + 1 - i]
            plain = norm[k].isalpha() and text[words[k - 1].end : words[k].start] == " "
            stop[k - i] = stop[k + 1 - i] if plain else k
        # A run holds a hot word: it starts at most three words before the first one.
        for first in range(max(i + 1, hot_at[0] - 3), min(j, hot_at[-1] + 1)):
            # Between two lower-case words, with nothing but single spaces around the words.
            if not words[first - 1].text[:1].islower() or not edge(norm[first]):
                continue
            for n in ANCHOR_LENGTHS:
                last = first + n
                if last > j:
                    break
                if next_hot[first - i] >= last:
                    continue
                if last < j and not words[last].text[:1].islower():
                    continue
                if stop[first - i] < (last + 1 if last < j else last):
                    continue
                run = norm[first:last]
                if not edge(run[-1]):
                    continue
                gram_weights = [*hot[first:last], *map(pairs.get, itertools.pairwise(run), repeat(0.0))]
                foreign = sum(1 for w in run if counts[w] == run.count(w) or len(w) < 3)
                before = cls(first - 1)
                after = cls(last) if last < j else "</s>"
                enter = log_prob(before, cls(first))
                leave = log_prob(cls(last - 1), after)
                gap = log_prob(before, after)
                inner = sum(log_prob(cls(k), cls(k + 1)) for k in range(first, last - 1)) / (n - 1)
                out.append(
                    AnchorCandidate(
                        first,
                        last,
                        {
                            "phrase": spam_logit(run, model, phrase=True),
                            "commercial": sum(gram_weights),
                            "commercial_max": max(gram_weights),
                            "foreign": foreign / n,
                            "enter": enter,
                            "leave": leave,
                            "gap": gap,
                            "inner": inner,
                            "capitalized": 1.0 if words[first].text[:1].isupper() else 0.0,
                            "length": float(n),
                        },
                    )
                )
    return out


class Offtopic:
    """Finds injected sentences and stray anchor texts in English articles.

    >>> text = ("The council met on Monday to vote on the city budget for next year. "
    ...         "Members argued over the budget for the city's schools and roads. "
    ...         "WINNER!! Call now to claim your free prize, text WIN to 80086 today.")
    >>> spans = Offtopic().score(Article.from_text(text, language="en")).spans
    >>> [(s.reason, text[s.start : s.end][:20]) for s in spans]
    [('offtopic:spam', 'Call now to claim yo')]
    """

    name = "offtopic"

    def score(self, article: Article) -> Finding:
        """Flag off-topic sentences and anchor runs; the score is the flagged share of the text."""
        spans: list[Span] = []
        if article.language in (None, "en") and article.sentences:
            model = load_model()
            prepared = _prepared(article)
            sentences = self._sentences(article, model, prepared)
            anchors = self._anchors(
                article, model, prepared, [s for s in sentences if s.reason.endswith(":spam")]
            )
            # An anchor explains why its sentence looked foreign: keep the anchor, not the sentence.
            spans = [
                s
                for s in sentences
                if s.reason.endswith(":spam") or not any(s.start <= a.start < s.end for a in anchors)
            ]
            spans += anchors
            spans.sort()
        share = ratio(covered((s.start, s.end) for s in spans), len(article.text))
        features = {
            "offtopic_share": share,
            "offtopic_sentences": float(sum(1 for s in spans if s.reason != "offtopic:anchor")),
            "offtopic_anchors": float(sum(1 for s in spans if s.reason == "offtopic:anchor")),
        }
        return Finding(self.name, clip(share * 10), tuple(spans), features)

    def _sentences(
        self, article: Article, model: OfftopicModel, prepared: tuple[list[str], list[tuple[int, int]]]
    ) -> list[Span]:
        combiner = model.sentence
        threshold = combiner["threshold"]
        sentences = article.sentences
        all_features = sentence_features(article, model, prepared)
        flagged: dict[int, tuple[float, str]] = {}
        for k, ((i, j), features) in enumerate(zip(prepared[1], all_features, strict=True)):
            if j - i < MIN_SENTENCE_WORDS or sentences[k].text.lstrip().startswith("|"):
                continue
            p = _combine(features, combiner)
            if features["spam"] >= SPAM_SURE and features["coverage2"] < SPAM_SURE_COVERAGE:
                flagged[k] = (max(p, threshold), "spam")
            elif p < threshold:
                continue
            elif features["spam"] >= combiner["spam_reason"]:
                flagged[k] = (p, "spam")
            elif features["foreign_hot"] >= 1:
                flagged[k] = (p, "marketing")
            else:
                flagged[k] = (p, "foreign_sentence")
        # A spam message runs over several short sentences: spread to spammy neighbours on its line.
        for k in sorted(k for k, (_, what) in flagged.items() if what == "spam"):
            for step in (-1, 1):
                n = k + step
                while 0 <= n < len(sentences) and n not in flagged:
                    f = all_features[n]
                    same_line = (
                        "\n"
                        not in article.text[
                            min(sentences[n].end, sentences[n - step].end) : max(
                                sentences[n].start, sentences[n - step].start
                            )
                        ]
                    )
                    if not same_line or f["spam"] < SPAM_NEIGHBOUR or f["coverage2"] >= SPAM_SURE_COVERAGE:
                        break
                    flagged[n] = (flagged[k][0], "spam")
                    n += step
        return [
            Span(sentences[k].start, sentences[k].end, self.name, p, f"{self.name}:{what}")
            for k, (p, what) in sorted(flagged.items())
        ]

    def _anchors(
        self,
        article: Article,
        model: OfftopicModel,
        prepared: tuple[list[str], list[tuple[int, int]]],
        taken: list[Span],
    ) -> list[Span]:
        combiner = model.anchor
        threshold = combiner["threshold"]
        scored = []
        for c in anchor_candidates(article, model, prepared):
            f = c.features
            if f["gap"] < min(f["enter"], f["leave"]) - GAP_MARGIN:
                continue  # the sentence without the run would read worse than with it
            p = _combine(f, combiner)
            if p >= threshold:
                scored.append((p, c))
        # The most likely run first; of runs about as likely, the longest (the whole anchor).
        scored.sort(key=lambda pc: (-round(pc[0], 2), pc[1].first - pc[1].last, pc[1].first))
        words = article.words
        used: list[tuple[int, int]] = [(s.start, s.end) for s in taken]
        spans: list[Span] = []
        for p, c in scored:
            start, end = words[c.first].start, words[c.last - 1].end
            if any(start < e and s < end for s, e in used):
                continue
            used.append((start, end))
            spans.append(Span(start, end, self.name, p, f"{self.name}:anchor"))
        return spans
