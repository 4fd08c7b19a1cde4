"""The garbled scorer: labelled cases, ftfy's real cases and look-alikes, other languages, the score.

Cases live in tests/cases/garbled.jsonl, one JSON object a line:

- ``text``; ``flag``: snippets (at their ``occurrence``, counted from 1) that garbled spans must
  cover for at least half of their characters, with that ``reason``, and with that ``repair``
  when one is given;
- ``no_spans``: no garbled span at all (a look-alike);
- ``xfail``: a known miss (a strict xfail naming the blind spot); ``note``: what the case shows.

ftfy's cases and look-alikes are read from ../shared/corpus (Apache-2.0, ftfy's test suite), and
real cases quoted from GitHub issues (mojibake-issue-examples.jsonl).
"""

from __future__ import annotations

import dataclasses
import json
import random
import time
from pathlib import Path
from typing import Any

import pytest

import newsqc
from newsqc.article import Article
from newsqc.cleaning import clean_text
from newsqc.language import detect_language
from newsqc.scorers.base import Finding
from newsqc.scorers.garbled import Garbled, _salad_by_han_pairs
from newsqc.wordlists import word_frequencies
from tests.conftest import require_shared, shared_dir
from tests.scorers.cases import case_params, cover, find, load_cases

CASES = load_cases("garbled")
SCORER = Garbled()


def _score(text: str) -> Finding:
    article = Article.from_text(text)
    return SCORER.score(dataclasses.replace(article, language=detect_language(article)))


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    found = _score(text)
    shown = [(s.reason, text[s.start : s.end], s.repair) for s in found.spans]
    if case.get("no_spans"):
        assert not found.spans, shown
    for item in case.get("flag", []):
        start = find(text, item["snippet"], item.get("occurrence", 1))
        end = start + len(item["snippet"])
        assert cover(found, start, end, item["reason"]) >= 0.5, (item, shown)
        if "repair" in item:
            repairs = [s.repair for s in found.spans if s.start <= start and s.end >= end]
            assert item["repair"] in repairs, (item, shown)


def test_cleaned_text_repairs_and_removes() -> None:
    text = (
        CASES[0]["text"].split("\n\n")[0] + "\n\nThe leagueâ€™s plan keeps Ukraine?s army going across its "
        "easternម qued faper ter front, and the stKEs are high &amp; rising."
    )
    cleaned = clean_text(text, _score(text).spans)
    assert cleaned.endswith(
        "The league’s plan keeps Ukraine's army going across its eastern front, and the are high & rising."
    )


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b"])
def test_gibberish_stops_at_a_word_with_a_soft_hyphen(hidden: str) -> None:
    # The letters after a soft hyphen (or a zero-width space) are the rest of the word before:
    # a run of gibberish does not take them, nor the start of a word after it.
    text = (
        CASES[0]["text"].split("\n\n")[0] + f"\n\nIts new conn{hidden}ections tqvm pote{hidden}ntial "
        "would reach every town in the region by the end of next year."
    )
    cleaned = clean_text(text, _score(text).spans)
    assert cleaned.endswith(
        f"Its new conn{hidden}ections pote{hidden}ntial would reach every town in the region by the end of "
        "next year."
    )


def test_gibberish_takes_no_common_word_spelt_with_a_ligature() -> None:
    # A PDF's "\ufb01nal" is "final", a common word: no rare word for a run of gibberish to take.
    text = (
        CASES[0]["text"].split("\n\n")[0] + "\n\nThe club said the \ufb01nal tkts were sold within an hour."
    )
    cleaned = clean_text(text, _score(text).spans)
    assert cleaned.endswith("The club said the \ufb01nal were sold within an hour.")


def test_raw_html_is_cleaned_to_its_text() -> None:
    # Paragraph tags glued the paragraphs ("years.The decision"), and a script's code stayed.
    paragraphs = [
        CASES[0]["text"].split("\n\n")[0],
        "The minister said the talks would resume next week, after the holiday.",
    ]
    text = (
        "<!DOCTYPE html><html><head><script>var x = 1; window.dataLayer = [];</script>"
        "<style>.a{color:red}</style><!-- nav --></head><body><p>"
        + "</p><p>".join(paragraphs)
        + "<br>Energy prices rose.</p></body></html>"
    )
    cleaned = clean_text(text, _score(text).spans)
    assert "dataLayer" not in cleaned and "color" not in cleaned and "nav" not in cleaned
    assert [line for line in cleaned.split("\n") if line] == [*paragraphs, "Energy prices rose."]


@pytest.mark.parametrize(
    "text",
    ["xu201d" * 20_000, "Rudolphu2019s " * 20_000, "\\u201d" * 20_000],
    ids=["escapes-in-one-word", "escaped-words", "one-run-of-escapes"],
)
def test_many_escapes_stay_fast(text: str) -> None:
    """Each word is read once, however many escapes it holds (one word of 20,000 took minutes)."""
    start = time.process_time()
    assert _score(text).spans
    assert time.process_time() - start < 3.0


# ----------------------------------------------------------------------------- ftfy's data


def _ftfy_rows(name: str) -> list[dict[str, Any]]:
    shared = shared_dir()
    if shared is None:
        return []
    with (shared / "corpus" / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _case_params() -> list[Any]:
    rows = _ftfy_rows("mojibake-cases.jsonl")
    if not rows:
        return [pytest.param(None, id="shared-missing")]
    params = []
    for i, row in enumerate(rows):
        marks = []
        if row["category"] == "known-failure":
            marks.append(pytest.mark.xfail(strict=True, reason="one of ftfy's known failures"))
        params.append(pytest.param(row, id=f"case{i:03d}", marks=marks))
    return params


@pytest.mark.parametrize("row", _case_params())
def test_ftfy_case_is_found_and_repaired(row: dict[str, Any] | None) -> None:
    if row is None:
        require_shared()
        return
    found = _score(row["garbled"])
    assert any(s.reason == "garbled:mojibake" for s in found.spans)
    assert clean_text(row["garbled"], found.spans) == row["fixed"]


# Look-alikes that newsqc flags on purpose, or where ftfy's own answer is a known failure.
_NEGATIVE_EXPECTED = {
    # ftfy's fix_text removes these controls too (fixed_text has them out).
    "These control characters \x1a are apparently intentional \x81": {"garbled:control"},
    "Here's a control character: \x1a": {"garbled:control"},
    # "Mostly negative: we only need to fix C1 control characters": U+0085 is an ellipsis.
    "C'est vrai que nous n'en avons pas encore beaucoup parlé\x85 Tu sais, ça fait de nombreuses années": {
        "garbled:mojibake"
    },
}
_NEGATIVE_MISSES = {
    "MISUTÂ\xa0AJIKKO": "ftfy's known failure: fix_encoding changes this manga title",
    "SENSЕ - Oleg Tsedryk": "deliberate: a Latin word with a Cyrillic letter is garbled:script in newsqc",
}


def _negative_params() -> list[Any]:
    rows = _ftfy_rows("mojibake-negatives.jsonl")
    if not rows:
        return [pytest.param(None, id="shared-missing")]
    params = []
    for i, row in enumerate(rows):
        reason = _NEGATIVE_MISSES.get(row["text"])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(row, id=f"negative{i:02d}", marks=marks))
    return params


@pytest.mark.parametrize("row", _negative_params())
def test_ftfy_lookalike_is_not_flagged(row: dict[str, Any] | None) -> None:
    if row is None:
        require_shared()
        return
    found = _score(row["text"])
    reasons = {s.reason for s in found.spans}
    assert reasons <= _NEGATIVE_EXPECTED.get(row["text"], set()), [
        (s.reason, row["text"][s.start : s.end]) for s in found.spans
    ]
    if "\x85" in row["text"]:
        assert clean_text(row["text"], found.spans).replace("  ", " ") == row["fixed_text"].replace("  ", " ")


# Real cases quoted from GitHub issues (mojibake-issue-examples.jsonl): what newsqc misses.
_ISSUE_MISSES = {
    "LegaA¯a 2 Duel Saga": "'ï' whose lead byte became 'A': nothing left that reads as mojibake",
    'PowerHouseâ"¢': "'™' whose middle byte became a straight quote: ftfy's badness is 0",
    "Officiâš´le gecreâš´erde patatten": "'ë' through two code pages: ftfy's badness is 0",
    "ߚҠ": "an emoji's bytes read as N'Ko and Cyrillic, alone on its line",
}
_ISSUE_WRONG_REPAIRS = {
    "K\x94nig": "'ö' of the DOS code page 437, repaired as cp1252's '”'",
    "Thιβtre": "UTF-8 read as Greek (cp1253): removed as foreign letters, not repaired",
}


def _issue_params(repaired: bool) -> list[Any]:
    rows = _ftfy_rows("mojibake-issue-examples.jsonl")
    if not rows:
        return [pytest.param(None, id="shared-missing")]
    params = []
    for i, row in enumerate(rows):
        if repaired and (row["lossy"] or row["fixed"] is None):
            continue
        reason = _ISSUE_MISSES.get(row["garbled"]) or (repaired and _ISSUE_WRONG_REPAIRS.get(row["garbled"]))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(row, id=f"issue{i:02d}", marks=marks))
    return params


@pytest.mark.parametrize("row", _issue_params(repaired=False))
def test_issue_example_is_found(row: dict[str, Any] | None) -> None:
    if row is None:
        require_shared()
        return
    assert _score(row["garbled"]).spans


@pytest.mark.parametrize("row", _issue_params(repaired=True))
def test_issue_example_is_repaired(row: dict[str, Any] | None) -> None:
    """Where nothing was lost, the repair gives back what the reporter meant."""
    if row is None:
        require_shared()
        return
    assert clean_text(row["garbled"], _score(row["garbled"]).spans) == row["fixed"]


# ----------------------------------------------------------------------------- other languages


def _pages(langs: set[str]) -> list[dict[str, Any]]:
    shared = shared_dir()
    if shared is None:
        return []
    pages = []
    for split in ("dev", "test"):
        path: Path = shared / "corpus" / f"boilerplate-lines.{split}.jsonl"
        with path.open(encoding="utf-8") as f:
            pages.extend(p for p in map(json.loads, f) if p["lang"] in langs)
    return pages


@pytest.mark.parametrize("lang", ["ru", "ja", "ko", "de", "pt"])
def test_other_languages_are_not_garbled(lang: str) -> None:
    require_shared()
    pages = _pages({lang})
    assert pages
    for page in pages:
        for text in (page["clean_text"], "\n".join(line["text"] for line in page["lines"])):
            found = _score(text)
            assert not found.spans, (page["id"], [(s.reason, text[s.start : s.end]) for s in found.spans][:5])


# ----------------------------------------------------------------------------- the score


def _article(paragraph: str, n: int = 12) -> str:
    return "\n\n".join([paragraph] * n)


def test_score_repairable_mojibake_is_small() -> None:
    base = CASES[0]["text"].split("\n\n")[0]
    few = _article(base.replace("officials said", "officialsâ€™ aides said", 1))
    everywhere = _article(base.replace(" the ", " theâ€™ ").replace(" of ", " ofâ€™ "))
    assert _score(few).score < 0.05
    assert any(s.reason == "garbled:mojibake" for s in _score(everywhere).spans)
    assert _score(everywhere).score < 0.3  # well under the drop line, 0.6


def test_score_garbage_is_high() -> None:
    base = CASES[0]["text"].split("\n\n")[0]
    junk = _article(
        "People coalition the is calls falsifying rallied a in people movie. Message a in it "
        "granted the balance of. Firefly the any filled have in and the. Water the is cold to.",
        8,
    )
    assert _score(_article(base)).score == 0.0
    assert _score(junk).score >= 0.6
    assert _score("\ue000\ue001\x07 \x08\x01" * 50).score >= 0.6


def test_empty_and_odd_text() -> None:
    for text in ("", "   \n\n", "\ud800 lone surrogate", "?" * 20, "&amp;" * 5, "<" * 30):
        found = _score(text)
        assert 0.0 <= found.score <= 1.0
        assert set(found.features) >= {"garbled_spans", "garbled_repairable_share"}


def test_deterministic() -> None:
    text = CASES[13]["text"]
    assert _score(text) == _score(text)


def test_a_long_line_of_repeated_mojibake_is_repaired_whole() -> None:
    # difflib's alignment of such a line's tokens took minutes (cubic); tokens are now paired.
    text = "CafÃ© dÃ©jÃ  vu â€” " * 3000
    assessment = newsqc.assess(text)
    assert assessment.cleaned_text.startswith("Café déjà vu — Café")
    assert "Ã" not in assessment.cleaned_text


def test_an_element_after_letters_that_lower_case_longer_is_cut_where_it_stands() -> None:
    # "İ".lower() is two characters: an end tag found in the lower-cased text was off by one.
    text = "İİİ İstanbul. <script>var a = 1;</script> The council met on Monday."
    found = [text[s.start : s.end] for s in _score(text).spans if s.reason == "garbled:markup"]
    assert found == ["<script>var a = 1;</script>"]


ARTICLE = (
    "The council approved the new housing plan on Monday after a three-hour debate.\n\n"
    "Councillors voted nine to four in favour, and work on the first homes starts in spring."
)


def _random_bytes(n: int, seed: int = 0) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.getrandbits(8) for _ in range(n))


@pytest.mark.parametrize(
    "decode",
    [
        lambda b: b.decode("latin-1"),
        lambda b: b.decode("cp1252", errors="replace"),
        lambda b: b.decode("utf-8", errors="replace"),
        lambda b: b.decode("utf-8", errors="surrogateescape"),
    ],
    ids=["latin-1", "cp1252", "utf-8-replace", "surrogateescape"],
)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_binary_data_decoded_as_text_is_dropped_and_cut_from_an_article(decode: Any, seed: int) -> None:
    # A crawler that took an image or a gzip body for a page: ftfy "repairs" some of its bytes
    # into other bytes, which once kept the text as `clean` with 2,000 characters of noise.
    junk = decode(_random_bytes(4000, seed))
    found = _score(junk)
    assert {s.reason for s in found.spans} == {"garbled:binary"}
    a = newsqc.assess(junk)
    assert a.verdict == newsqc.Verdict.DROP
    assert len(a.cleaned_text) < 20, repr(a.cleaned_text)
    # After an article, on lines of its own: the article is what is left.
    a = newsqc.assess(ARTICLE + "\n" + decode(_random_bytes(1500, seed)))
    assert a.cleaned_text.strip() == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        # UTF-16 read one byte per character: removing the NULs repairs it, nothing else goes.
        ARTICLE.encode("utf-16-le").decode("latin-1"),
        # A terminal's colour codes, quoted in a how-to.
        "Run it and you will see \x1b[31mred\x1b[0m and \x1b[32mgreen\x1b[0m, \x1b[1mbold\x1b[0m text.\n"
        + ARTICLE,
        # cp1252 punctuation read as Latin-1: every apostrophe and quote a C1 control.
        "The mayor said: \x93It\x92s the council\x92s plan, and we\x92ll see it through.\x94 "
        "She didn\x92t say when; the council\x92s vote is on Monday\x85",
        # A few stray controls in an article.
        ARTICLE.replace("plan", "plan\x07").replace("vote", "\x08vote").replace("homes", "homes\x1a"),
    ],
    ids=["utf-16", "terminal-colours", "cp1252-punctuation", "stray-controls"],
)
def test_a_text_with_some_control_characters_is_no_binary_data(text: str) -> None:
    found = _score(text)
    assert "garbled:binary" not in {s.reason for s in found.spans}
    letters = sum(map(str.isalpha, text))
    assert sum(map(str.isalpha, clean_text(text, found.spans))) >= 0.9 * letters


def test_traditional_chinese_is_no_salad() -> None:
    # wordfreq's Chinese list is simplified: traditional characters are seldom words of their own
    # there, and the pairs of a traditional text are not judged.
    text = (
        "據青溪市園林局介紹，濱江綠道於2021年開工建設，採取邊建設、邊開放的方式分段推進，此前已有約20"
        "公里路段陸續向市民開放。綠道沿線設置了23處驛站，提供飲水、休憩、共享單車停放和應急救護等服務，"
        "其中8處驛站配備了母嬰室。"
    ) * 2
    assert not _salad_by_han_pairs(text, word_frequencies("zh"))
