"""The seed articles against ../shared/seeds/expected.json.

What passes must keep passing; what a later issue must fix is a strict xfail naming it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsqc
from tests.conftest import ROOT, shared_dir

# (article, snippet or "verdict") -> the issue that must make it pass.
KNOWN_MISSES: dict[tuple[str, str], str] = json.loads(
    (ROOT / "tests" / "cases" / "seed_known_misses.json").read_text()
)


def _items() -> list[Any]:
    shared = shared_dir()
    if shared is None:
        return [pytest.param(None, None, None, id="shared-missing")]
    expected = json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))
    out = []
    for name, art in expected["articles"].items():
        out.append(("verdict", name, art["verdict_in"]))
        for item in art["must_flag"]:
            out.append(("must_flag", name, item))
        for snippet in art["must_not_flag"]:
            out.append(("must_not_flag", name, snippet))
    params = []
    for what, name, item in out:
        key = item["snippet"] if what == "must_flag" else item if what == "must_not_flag" else "verdict"
        marks = []
        issue = KNOWN_MISSES.get(f"{name} | {key}")
        if issue:
            marks.append(pytest.mark.xfail(strict=True, reason=issue))
        params.append(pytest.param(what, name, item, id=f"{name[:3]}-{what}-{str(key)[:30]}", marks=marks))
    return params


_cache: dict[str, newsqc.Assessment] = {}


def _assess(seeds: dict[str, Any], name: str) -> tuple[str, newsqc.Assessment]:
    text = seeds["articles"][name]["text"]
    if name not in _cache:
        _cache[name] = newsqc.assess(text)
    return text, _cache[name]


def _cover(a: newsqc.Assessment, start: int, end: int, kinds: set[str] | None) -> float:
    hit = sum(
        max(0, min(s.end, end) - max(s.start, start)) for s in a.spans if kinds is None or s.kind in kinds
    )
    return hit / max(1, end - start)


@pytest.mark.parametrize(("what", "name", "item"), _items())
def test_seed_expectation(seeds: dict[str, Any], what: str, name: str, item: Any) -> None:
    text, a = _assess(seeds, name)
    if what == "verdict":
        assert a.verdict.value in item
    elif what == "must_flag":
        start = -1
        for _ in range(item.get("occurrence", 1)):
            start = text.find(item["snippet"], start + 1)
        assert start >= 0
        kinds = set(item["kind"]) if isinstance(item["kind"], list) else {item["kind"]}
        assert _cover(a, start, start + len(item["snippet"]), kinds) >= 0.5, [
            (s.reason, text[s.start : s.end][:60]) for s in a.spans
        ]
    else:
        start = text.find(item)
        assert start >= 0
        assert _cover(a, start, start + len(item), None) <= 0.2


def _names() -> list[str]:
    shared = shared_dir()
    if shared is None:
        return ["shared-missing"]
    return sorted(json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))["articles"])


@pytest.mark.parametrize("name", _names())
def test_seed_glued_into_one_line_keeps_its_verdict(seeds: dict[str, Any], name: str) -> None:
    # As BeautifulSoup's get_text(" ") writes a page: every line break a space. The lines are read
    # back (newsqc.article, GLUED_BREAK): seed 003's call to action and seed 004's counter are
    # found again (15 of the 17 must_flag items glued), and no verdict leaves its verdict_in.
    text = " ".join(seeds["articles"][name]["text"].split())
    assert newsqc.assess(text).verdict.value in seeds["articles"][name]["verdict_in"]
