"""The layout benchmark: its layouts keep the words, and a small run reports agreement."""

from __future__ import annotations

import doctest

import pytest

from benchmarks import layouts
from tests.conftest import require_shared

TEXT = (
    "Home\nThe town council of Millbrook voted on Tuesday to repair the old stone bridge over the Wren "
    "river. It ends a two-year dispute over its future.\nThe bridge, built in 1887, was closed to "
    "cars last spring after engineers first found cracks in two of its arches.\n0 Comments"
)


def test_doctests() -> None:
    assert doctest.testmod(layouts).failed == 0


@pytest.mark.parametrize("layout", sorted(layouts.LAYOUTS))
def test_each_layout_keeps_the_words(layout: str) -> None:
    relaid = layouts.LAYOUTS[layout](TEXT)
    assert relaid != TEXT or layout == "nfd"
    assert layouts.words(relaid) == layouts.words(TEXT)


def test_hard_wrapping_breaks_no_word() -> None:
    # As fmt and a newswire wrap: at spaces only, not after a hyphen nor inside a long address.
    words = ["a state-of-the-art plague-contaminated well-known"] * 8 + ["https://a.org/" + "x-y" * 40]
    text = " ".join(words)
    assert layouts.words(layouts.LAYOUTS["hard_wrapped"](text)) == layouts.words(text)


def test_a_small_run_reports_each_layout(capsys: pytest.CaptureFixture[str]) -> None:
    require_shared()
    assert (
        layouts.main(["--split", "dev", "--limit", "60", "--jobs", "1", "--layouts", "crlf", "other_breaks"])
        == 0
    )
    out = capsys.readouterr().out
    rows = [line.split("|") for line in out.splitlines() if line.startswith("| newsqc |")]
    assert [r[2].strip() for r in rows] == ["crlf", "other_breaks"]
    assert float(rows[0][3]) == 1.0  # CRLF changes nothing
