"""Helpers shared by the scorer tests: load the labelled cases, find snippets, measure cover."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsqc.scorers.base import Finding, covered, ratio
from tests.conftest import ROOT


def load_cases(kind: str) -> list[dict[str, Any]]:
    """The labelled cases of ``tests/cases/<kind>.jsonl``."""
    with (ROOT / "tests" / "cases" / f"{kind}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def find(text: str, snippet: str, occurrence: int = 1) -> int:
    """Start of the ``occurrence``-th ``snippet`` in ``text`` (counted from 1)."""
    start = -1
    for _ in range(occurrence):
        start = text.find(snippet, start + 1)
        assert start >= 0, f"{snippet!r} is not in the text {occurrence} times"
    return start


def cover(finding: Finding, start: int, end: int, reason: str | None = None) -> float:
    """Share of ``[start, end)`` covered by the finding's spans (of ``reason`` when given)."""
    hit = covered(
        (max(s.start, start), min(s.end, end))
        for s in finding.spans
        if s.start < end and s.end > start and (reason is None or s.reason == reason)
    )
    return ratio(hit, end - start)


def case_params(cases: list[dict[str, Any]]) -> list[Any]:
    """One pytest param per case, named by its id; a case with "xfail" is a strict xfail."""
    return [
        pytest.param(
            c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []
        )
        for c in cases
    ]
