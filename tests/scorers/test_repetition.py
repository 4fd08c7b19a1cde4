"""The repetition scorer: labelled cases, the seed articles, the clean corpus, and its contract.

Cases live in tests/cases/repetition.jsonl, one JSON object a line:

- ``text``, and the caller's ``title`` and the text's ``language`` if any;
- ``flag``: snippets (at their ``occurrence``, counted from 1) that repetition spans must
  cover for at least half of their characters, with that ``reason`` when one is given;
- ``not_flag``: snippets that spans may cover for at most a fifth; ``no_spans``: no span at all;
- ``score_min`` / ``score_max``: bounds of the repetition score;
- ``xfail``: a known miss (a strict xfail naming the blind spot); ``note``: what the case shows.
"""

from __future__ import annotations

import functools
import json
import math
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsqc.article import Article
from newsqc.scorers.base import Finding, covered, ratio
from newsqc.scorers.repetition import FEATURES, Repetition
from tests.conftest import require_shared
from tests.scorers.cases import case_params, cover, find, load_cases

CASES = load_cases("repetition")
SCORER = Repetition()


def _score(text: str) -> Finding:
    return SCORER.score(Article.from_text(text))


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    f = SCORER.score(Article.from_text(text, title=case.get("title"), language=case.get("language")))
    shown = [(s.reason, text[s.start : s.end][:50]) for s in f.spans]
    for item in case.get("flag", []):
        start = find(text, item["snippet"], item.get("occurrence", 1))
        end = start + len(item["snippet"])
        assert cover(f, start, end, item.get("reason")) >= 0.5, (item, shown)
    for item in case.get("not_flag", []):
        start = find(text, item["snippet"], item.get("occurrence", 1))
        assert cover(f, start, start + len(item["snippet"])) <= 0.2, (item, shown)
    if case.get("no_spans"):
        assert not f.spans, shown
    assert case.get("score_min", 0.0) <= f.score <= case.get("score_max", 1.0), f.features


@pytest.mark.parametrize("text", ["", "   \n\n\t", "Yes", "\x00\ud800 lone surrogate"])
def test_empty_and_odd_text(text: str) -> None:
    f = _score(text)
    assert f.score == 0.0 and not f.spans
    assert set(f.features) == set(FEATURES)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab c\n\n.|0É")), max_size=300))
def test_any_text(text: str) -> None:
    f = _score(text)
    assert 0.0 <= f.score <= 1.0
    assert list(f.features) == list(FEATURES)
    assert all(math.isfinite(v) and v >= 0.0 for v in f.features.values())
    assert list(f.spans) == sorted(f.spans, key=lambda s: (s.start, s.end))
    for s in f.spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.kind == "repetition" and s.reason.startswith("repetition:")
    assert _score(text) == f  # deterministic


def test_features_are_named_for_the_kind() -> None:
    assert all(name.startswith("repetition_") for name in FEATURES)
    f = _score(CASES[0]["text"])
    assert f.features["repetition_dup_line_share"] == pytest.approx(1 / 4)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 50_000,
        "Same line printed again\n" * 5_000,
        "The best of the year: item\n" * 3_000,
        "The talks went on for hours. " * 20_000,
        " ".join(f"w{i}" for i in range(100_000)),
    ],
    ids=["one-word", "one-line", "look-alike-lines", "one-sentence-again-and-again", "long-first-line"],
)
def test_pathological_text_stays_fast(text: str) -> None:
    start = time.process_time()
    _score(text)
    assert time.process_time() - start < 3.0


# --------------------------------------------------------------------------- shared data


def _seed(shared: Path, prefix: str) -> str:
    return next((shared / "seeds").glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def test_seed_000_title_and_stuffing() -> None:
    text = _seed(require_shared(), "000")
    f = _score(text)
    title = "US Led Ukraine Russia Security Talks 2025 Challenges"
    third = find(text, title, 3)
    assert cover(f, third, third + len(title)) >= 0.5
    second = find(text, title, 2)
    assert cover(f, second, second + len(title)) == 0.0  # the title itself stays
    assert f.features["repetition_stuffing"] >= 0.6


def test_seed_003_caption() -> None:
    text = _seed(require_shared(), "003")
    f = _score(text)
    second = find(text, "Toward a fragile peace", 2)
    assert cover(f, second, second + len("Toward a fragile peace")) >= 0.5
    assert f.score < 0.6


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_seeds_without_repetition(prefix: str) -> None:
    f = _score(_seed(require_shared(), prefix))
    assert not f.spans
    assert f.score < 0.2


@functools.cache
def _clean_articles(shared: Path, split: str) -> tuple[tuple[str, Finding], ...]:
    """The clean_text of every page of a split of the corpus, with its finding."""
    path = shared / "corpus" / f"boilerplate-lines.{split}.jsonl"
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["clean_text"] for line in lines if line.strip()]
    return tuple((t, _score(t)) for t in texts)


def test_stuffing_ranks_seed_000_above_clean_articles() -> None:
    shared = require_shared()
    stuffing = _score(_seed(shared, "000")).features["repetition_stuffing"]
    assert stuffing > _score(_seed(shared, "002")).features["repetition_stuffing"]
    clean = [f.features["repetition_stuffing"] for _, f in _clean_articles(shared, "test")]
    assert stuffing > max(clean)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_clean_articles_are_barely_flagged(split: str) -> None:
    articles = _clean_articles(require_shared(), split)
    flagged = sum(covered((s.start, s.end) for s in f.spans) for _, f in articles)
    assert ratio(flagged, sum(len(t) for t, _ in articles)) <= 0.005
    assert max(f.score for _, f in articles) < 0.6
