"""The quality benchmark's code on a small slice: the dataset, the metrics, the anchors, the gate."""

from __future__ import annotations

import dataclasses
import doctest
import json

import pytest
import regex
from benchmarks.quality import __main__ as runner
from benchmarks.quality import dataset, metrics, systems
from benchmarks.quality.dataset import Doc, Label
from benchmarks.quality.metrics import Result, figures

from tests.conftest import ROOT, require_shared

SMALL = ("page", "clean", "corrupt:spam", "corrupt:anchor", "corrupt:title", "junk:spam")


@pytest.fixture(scope="module")
def dev_docs() -> list[Doc]:
    shared = require_shared()
    return dataset.build("dev", seed=0, per_group=3, groups=SMALL, shared=shared)


def _pages() -> dict[str, dict]:
    shared = require_shared()
    rows = (
        json.loads(line) for line in open(shared / "corpus" / "boilerplate-lines.dev.jsonl", encoding="utf-8")
    )
    return {p["id"]: p for p in rows}


def test_doctests() -> None:
    for module in (metrics, runner):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__


def test_build_is_deterministic(dev_docs: list[Doc]) -> None:
    again = dataset.build("dev", seed=0, per_group=3, groups=SMALL, shared=require_shared())
    assert [d.to_dict() for d in again] == [d.to_dict() for d in dev_docs]
    other = dataset.build("dev", seed=1, per_group=3, groups=("corrupt:spam",), shared=require_shared())
    assert [d.text for d in other] != [d.text for d in dev_docs if d.group == "corrupt:spam"]


def test_groups_and_verdicts(dev_docs: list[Doc]) -> None:
    groups = {d.group for d in dev_docs}
    assert groups == set(SMALL)
    for d in dev_docs:
        assert d.verdict_in == {"clean": ("keep",), "junk:spam": ("drop",)}.get(d.group, ("clean", "drop"))
        if d.group == "clean":
            assert d.spans == ()
        else:
            assert d.spans, d.id
        for lab in d.spans:
            assert d.text[lab.start : lab.end] == d.text[lab.start : lab.end].strip()
            assert lab.kind == ("boilerplate" if d.group == "page" else dataset.KIND_OF[lab.subkind])


def test_labels_point_at_the_injected_text(dev_docs: list[Doc]) -> None:
    pages = _pages()
    for d in dev_docs:
        page = pages[d.source] if d.source else None
        if d.group == "clean":
            assert d.text == page["clean_text"]
        elif d.group == "page":
            chrome = [
                ln["text"] for ln in page["lines"] if ln["label"] == "boilerplate" and ln["tag"] != "h1"
            ]
            assert [d.text[s.start : s.end] for s in d.spans] == chrome
        elif d.group in ("corrupt:spam", "corrupt:anchor"):
            # Cutting the labelled text out gives the clean article back.
            cut = d.text
            for lab in reversed(d.spans):
                cut = cut[: lab.start] + cut[lab.end :]
            assert regex.sub(r"\s+", " ", cut).strip() == regex.sub(r"\s+", " ", page["clean_text"]).strip()
            for lab in d.spans:
                inserted = d.text[lab.start : lab.end]
                if d.group == "corrupt:anchor":
                    assert 2 <= len(inserted.split()) <= 4
                    assert d.text[lab.start - 1] == " " and d.text[lab.start - 2].isalpha()
        elif d.group == "corrupt:title":
            title = d.text.split("\n", 1)[0]
            assert all(d.text[s.start : s.end] == title for s in d.spans)
            assert d.text.count(title) == len(d.spans) + 1


def test_corruption_labels(dev_docs: list[Doc]) -> None:
    docs = dataset.build(
        "dev",
        per_group=2,
        groups=("corrupt:mojibake", "corrupt:lossy", "corrupt:case", "corrupt:paragraph", "mixed"),
        shared=require_shared(),
    )
    pages = _pages()
    for d in docs:
        clean = pages[d.source]["clean_text"]
        for lab in d.spans:
            part = d.text[lab.start : lab.end]
            if lab.subkind == "mojibake":
                import ftfy

                assert ftfy.fix_encoding(part) != part
            elif lab.subkind == "lossy":
                assert "?" in part
            elif lab.subkind == "case":
                assert part.lower() in clean and part not in clean
            elif lab.subkind == "paragraph":
                assert d.text.count(part) >= 2


def _toy() -> tuple[list[Doc], list[Result]]:
    page_text = "Home\nThe report begins here and goes on.\nShare this"
    page = Doc(
        "p",
        "page",
        page_text,
        (Label(0, 4, "boilerplate", "lead"), Label(41, 51, "boilerplate", "tail")),
        ((0, 4), (5, 40), (41, 51)),
        ("clean", "drop"),
        "",
        "en",
    )
    clean = Doc("c", "clean", "A clean article of twenty chars.", (), ((0, 32),), ("keep",), "", "en")
    spam = Doc(
        "s",
        "corrupt:spam",
        "Good text. Win a free prize now. More text.",
        (Label(11, 32, "offtopic", "spam"),),
        ((0, 43),),
        ("clean", "drop"),
        "",
        "en",
    )
    results = [
        Result("clean", 0.6, ((0, 4, "boilerplate"), (5, 10, "boilerplate"))),  # half the lines right
        Result("keep", 0.9, ((2, 10, "garbled"),)),  # 8 of 32 chars falsely flagged
        Result("keep", 0.8, ((11, 20, "offtopic"), (0, 5, "offtopic"))),  # 9/21 chars: not found
    ]
    return [page, clean, spam], results


def test_metrics_on_a_toy_example() -> None:
    docs, results = _toy()
    f = figures(docs, results)
    assert f["recall/boilerplate/lead"] == 1.0
    assert f["recall/boilerplate/tail"] == 0.0
    assert f["recall/boilerplate"] == 0.5
    assert f["boilerplate/page/chars/p"] == pytest.approx(4 / 9)
    assert f["boilerplate/page/chars/r"] == pytest.approx(4 / 14)
    assert f["boilerplate/page/lines/p"] == 1.0
    assert f["boilerplate/page/lines/r"] == 0.5
    assert f["boilerplate/page/long_lines/r"] == 0.0  # no line of 10 words or more
    assert f["recall/offtopic/spam"] == 0.0
    assert f["precision/offtopic"] == pytest.approx(9 / 14)
    assert f["precision/garbled"] == 0.0
    assert f["clean_flagged/garbled"] == pytest.approx(8 / 32)
    assert f["clean_flagged/any"] == pytest.approx(8 / 32)
    assert f["verdict/clean_kept"] == 1.0
    assert f["verdict/corrupt_not_kept"] == 0.0
    assert f["verdict/ok/page"] == 1.0
    assert f["verdict/ok"] == pytest.approx(2 / 3)
    assert f["auc"] == 1.0  # clean 0.9 > corrupted 0.8


def test_non_english_figures() -> None:
    """The boilerplate, clean-flagged and clean-kept figures of the non-English documents alone."""
    docs, results = _toy()
    f = figures(docs, results)
    assert "boilerplate/page/non_english/chars/f1" not in f  # every toy document is English
    assert "clean_flagged/non_english/any" not in f and "verdict/clean_kept/non_english" not in f
    page, clean = (dataclasses.replace(d, lang="pt") for d in docs[:2])
    other = Doc("c2", "clean", "Um artigo limpo.", (), ((0, 16),), ("keep",), "", "pt")
    flagged = Result("clean", 0.5, ((0, 4, "garbled"),))
    f = figures([page, clean, other, docs[2]], [*results[:2], flagged, results[2]])
    assert f["boilerplate/page/non_english/chars/p"] == pytest.approx(4 / 9)  # the same page
    assert f["boilerplate/page/non_english/chars/r"] == pytest.approx(4 / 14)
    assert "boilerplate/page/non_english/lines/f1" not in f  # by characters only
    assert f["clean_flagged/non_english/any"] == pytest.approx((8 + 4) / (32 + 16))
    assert f["verdict/clean_kept/non_english"] == 0.5
    assert f["verdict/clean_kept"] == 0.5


def test_c4_removed_lines_are_boilerplate_spans() -> None:
    pytest.importorskip("datatrove", reason="the anchors need the [bench] extra")
    before = "Menu\n  A kept line, with words.  \n\nShare\nAnother kept line [1] ends here."
    after = "A kept line, with words.\nAnother kept line  ends here."
    spans = systems._removed_lines(before, after)
    assert [before[s:e] for s, e, _ in spans] == ["Menu", "Share"]


def test_ftfy_anchor_flags_bad_lines() -> None:
    pytest.importorskip("ftfy")
    text = "Fine line.\nThe cafÃ© is open.\nAlso fine."
    res = systems._ftfy(text)
    assert [text[s:e] for s, e, _ in res.spans] == ["The cafÃ© is open."]
    assert res.verdict is None and res.quality is None


def test_gate_names_each_failing_figure() -> None:
    baseline = {"floors": {"recall/garbled": 0.5, "auc": 0.6}, "ceilings": {"clean_flagged/any": 0.01}}
    failures = runner.check({"recall/garbled": 0.4, "auc": 0.7, "clean_flagged/any": 0.02}, baseline)
    assert failures == [
        "recall/garbled = 0.400 is below its floor 0.500",
        "clean_flagged/any = 0.020 is above its ceiling 0.010",
    ]


def test_baseline_is_well_formed() -> None:
    baseline = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["split"] == "test"
    assert baseline["floors"] and baseline["ceilings"]
    for name in baseline["ceilings"]:
        assert metrics.lower_is_better(name), name
    for name in baseline["floors"]:
        assert not metrics.lower_is_better(name), name


def test_runner_on_a_small_slice(tmp_path) -> None:
    require_shared()
    out = tmp_path / "figures.json"
    code = runner.main(
        ["--split", "dev", "--groups", "clean", "corrupt:lossy", "--limit", "2", "--json", str(out)]
    )
    assert code == 0
    report = json.loads(out.read_text())
    assert report["n_docs"] == 4
    assert "recall/garbled/lossy" in report["systems"]["newsqc"]


def test_anchors_are_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    for name in [m for m in sys.modules if m == "datatrove" or m.startswith("datatrove.")] + ["datatrove"]:
        monkeypatch.setitem(sys.modules, name, None)  # as if datatrove were not installed
    found, note = systems.anchors()
    assert not set(found) & {"gopher_quality", "gopher_repetition", "c4", "fineweb", "datatrove"}
    assert note is not None and "datatrove anchors skipped" in note
