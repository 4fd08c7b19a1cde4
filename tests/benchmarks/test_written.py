"""The written rounds load, are labelled consistently, and their figures are computed."""

from __future__ import annotations

import doctest

import pytest
from benchmarks.written import __main__ as written
from benchmarks.written.__main__ import KINDS, ROUNDS, load, main


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_round_is_well_formed(name: str) -> None:
    kind, _ = ROUNDS[name]
    rows = load(name)
    assert len(rows) >= 20
    for row in rows:
        if kind == "pages":
            assert row["chrome"] == sorted(set(row["chrome"]))
            assert all(0 <= k < len(row["lines"]) for k in row["chrome"])
            assert 0 < len(row["chrome"]) < len(row["lines"])
        else:
            assert row["text"].strip()
        if kind == "insertions":
            assert all(sentence in row["text"] for sentence in row["inserted"])


@pytest.mark.parametrize("name", ["k", "l", "r"])
def test_figures_of_each_kind(name: str) -> None:
    kind, _ = ROUNDS[name]
    figures = KINDS[kind](load(name)[:3], verbose=False)
    assert figures
    if kind == "pages":
        assert 0.0 <= figures["chrome chars flagged"] <= 1.0


def test_command_line_prints_a_row(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--round", "m"]) == 0
    assert capsys.readouterr().out.startswith("| m | clean |")


def test_doctests() -> None:
    assert doctest.testmod(written).failed == 0
