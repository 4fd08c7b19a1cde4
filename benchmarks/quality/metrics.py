"""The figures of the quality benchmark, computed from documents and a system's results.

A *system* (newsqc or an anchor) gives each document a :class:`Result`: a verdict (or None
when it has none), a quality in [0, 1] (or None), and spans ``(start, end, kind)``.

The figures, all in [0, 1] unless said otherwise (names as in the results JSON):

- ``recall/<kind>/<subkind>`` and ``recall/<kind>``: span recall. A labelled span is found
  when predicted spans of the same kind cover at least half of its characters. Only spans
  inside articles count: a junk document (a spam wall, chrome alone) is judged by its verdict,
  and its hundreds of lines would otherwise outweigh the one spam sentence inserted in an article.
- ``precision/<kind>``: character precision. Of the characters flagged as ``kind``, the share
  inside a labelled span of that kind. Characters inside a labelled span of another kind count
  neither way (a spam line flagged as boilerplate is removed all the same); for boilerplate,
  only characters of scored lines count (headlines are not judged).
- ``char_recall/<kind>``: the share of labelled characters of ``kind`` flagged as ``kind``.
- ``boilerplate/<group>/{chars,lines,long_lines}/{p,r,f1}``: boilerplate precision, recall and
  F1 on the scored lines of the ``page`` and ``wrapped`` groups, weighted by characters, by
  lines, or by lines of ``LONG_LINE_WORDS`` words or more (where the easy menu items are gone);
  a line is flagged when boilerplate spans cover at least half of its characters. The same
  weighted by characters on the pages that are not in English alone:
  ``boilerplate/<group>/non_english/chars/{p,r,f1}``.
- ``clean_flagged/<kind>`` and ``clean_flagged/any``: the share of the characters of the clean
  articles flagged (as ``kind``, or as any kind); ``clean_flagged/non_english/any`` the same
  over the clean articles that are not in English. Lower is better.
- ``verdict/clean_kept``, ``verdict/clean_kept/non_english``, ``verdict/clean_dropped`` (lower
  is better), ``verdict/corrupt_not_kept``
  (``corrupt:*`` and ``mixed``), ``verdict/not_kept/<group>``, ``verdict/junk_dropped`` and
  ``verdict/dropped/<junk group>``, ``verdict/ok/<group>`` (verdict in ``Doc.verdict_in``) and
  ``verdict/ok`` over all documents.
- ``auc`` and ``auc/<group>``: ROC-AUC of ``quality``, clean articles (positive) against the
  corrupted, mixed and junk documents (all, or one group).
- ``seeds/met``: the share of the seed articles' expectations met (``seeds/total`` of them).
- ``speed/docs_per_s``: documents per second on one core (not gated).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from benchmarks.quality.dataset import Doc

__all__ = [
    "KINDS",
    "LOWER_IS_BETTER",
    "Result",
    "covered",
    "details",
    "figures",
    "lower_is_better",
    "merge",
    "rows",
    "seed_figures",
    "verdict_tables",
]

KINDS = ("boilerplate", "offtopic", "garbled", "repetition")
#: Lines of this many words or more are "long lines" in the boilerplate figures.
LONG_LINE_WORDS = 10
#: Figure name prefixes for which a lower value is better (false flags).
LOWER_IS_BETTER = ("clean_flagged/", "verdict/clean_dropped")


class Result(NamedTuple):
    """What one system said of one document."""

    verdict: str | None
    quality: float | None
    spans: tuple[tuple[int, int, str], ...]


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of half-open ranges.

    >>> merge([(5, 8), (0, 2), (1, 3), (8, 9)])
    [(0, 3), (5, 9)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covered(start: int, end: int, merged: Sequence[tuple[int, int]]) -> int:
    """How many characters of [start, end) the merged ranges cover.

    >>> covered(2, 10, [(0, 3), (5, 6), (9, 20)])
    3
    """
    return sum(max(0, min(end, e) - max(start, s)) for s, e in merged if s < end and e > start)


def _intersect(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if s < e:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _length(ranges: Sequence[tuple[int, int]]) -> int:
    return sum(e - s for s, e in ranges)


def _subtract(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in a:
        pos = s
        for bs, be in b:
            if be <= pos or bs >= e:
                continue
            if bs > pos:
                out.append((pos, bs))
            pos = max(pos, be)
        if pos < e:
            out.append((pos, e))
    return out


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return _div(2 * p * r, p + r)


def _is_clean(doc: Doc) -> bool:
    return doc.group == "clean"


def _is_bad(doc: Doc) -> bool:
    return doc.group.startswith(("corrupt:", "junk:")) or doc.group == "mixed"


def _auc(pos: list[float], neg: list[float]) -> float | None:
    if not pos or not neg:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([1] * len(pos) + [0] * len(neg), pos + neg))


def figures(docs: Sequence[Doc], results: Sequence[Result], kinds: Sequence[str] = KINDS) -> dict[str, float]:
    """Every figure of the benchmark for one system (see the module docstring).

    Span figures (recall, precision, boilerplate, clean_flagged) only for ``kinds``: the kinds
    the system can output.

    >>> from benchmarks.quality.dataset import Label
    >>> d = Doc("x", "corrupt:spam", "Good text. Buy cheap pills now. More text.",
    ...         (Label(11, 31, "offtopic", "spam"),), ((0, 42),), ("clean", "drop"), "", "en")
    >>> f = figures([d], [Result("clean", 0.5, ((11, 25, "offtopic"),))])
    >>> f["recall/offtopic/spam"], f["precision/offtopic"], f["verdict/corrupt_not_kept"]
    (1.0, 1.0, 1.0)
    """
    out: dict[str, float] = {}
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    truth_chars: dict[str, int] = defaultdict(int)
    # chars tp fp fn, lines tp fp fn, long lines tp fp fn
    bp: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
    clean_chars = clean_other_chars = 0
    clean_other_kept = [0, 0]  # non-English clean articles: assessed, kept
    clean_flag: dict[str, int] = defaultdict(int)
    verdicts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, keep, drop, ok
    qualities: dict[str, list[float]] = defaultdict(list)

    for doc, res in zip(docs, results, strict=True):
        pred = {k: merge((s, e) for s, e, kind in res.spans if kind == k) for k in KINDS}
        truth = {k: merge((lab.start, lab.end) for lab in doc.spans if lab.kind == k) for k in KINDS}
        scored = merge(doc.scored)
        for lab in doc.spans if not doc.group.startswith("junk:") else ():
            cell = found[(lab.kind, lab.subkind)]
            cell[1] += 1
            if 2 * covered(lab.start, lab.end, pred[lab.kind]) >= lab.end - lab.start:
                cell[0] += 1
        for k in KINDS:
            flagged = pred[k] if k != "boilerplate" else _intersect(pred[k], scored)
            others = merge(r for o in KINDS if o != k for r in truth[o])
            flagged = _subtract(flagged, others)
            hit = _length(_intersect(flagged, truth[k]))
            tp[k] += hit
            fp[k] += _length(flagged) - hit
            truth_chars[k] += _length(truth[k])
        if doc.group in ("page", "wrapped"):
            cell = bp[doc.group]
            t = truth["boilerplate"]
            p = _intersect(pred["boilerplate"], scored)
            hit = _length(_intersect(p, t))
            for c in (cell, bp[f"{doc.group}/non_english"]) if doc.lang != "en" else (cell,):
                c[0] += hit
                c[1] += _length(p) - hit
                c[2] += _length(t) - hit
            for s, e in scored:
                is_t = 2 * covered(s, e, t) >= e - s
                is_p = 2 * covered(s, e, p) >= e - s
                for at in (3, 6) if len(doc.text[s:e].split()) >= LONG_LINE_WORDS else (3,):
                    cell[at] += is_t and is_p
                    cell[at + 1] += is_p and not is_t
                    cell[at + 2] += is_t and not is_p
        if _is_clean(doc):
            clean_chars += len(doc.text)
            for k in KINDS:
                clean_flag[k] += _length(pred[k])
            flagged_any = _length(merge(r for k in KINDS for r in pred[k]))
            clean_flag["any"] += flagged_any
            if doc.lang != "en":
                clean_other_chars += len(doc.text)
                clean_flag["non_english/any"] += flagged_any
        if res.verdict is not None:
            cell = verdicts[doc.group]
            cell[0] += 1
            cell[1] += res.verdict == "keep"
            cell[2] += res.verdict == "drop"
            cell[3] += res.verdict in doc.verdict_in
            if _is_clean(doc) and doc.lang != "en":
                clean_other_kept[0] += 1
                clean_other_kept[1] += res.verdict == "keep"
        if res.quality is not None:
            qualities[doc.group].append(res.quality)

    kinds = [k for k in kinds if k in KINDS]
    for (kind, sub), (hit, n) in sorted(found.items()):
        if kind in kinds:
            out[f"recall/{kind}/{sub}"] = _div(hit, n)
    for kind in kinds:
        cells = [v for (k, _), v in found.items() if k == kind]
        if cells:
            out[f"recall/{kind}"] = _div(sum(c[0] for c in cells), sum(c[1] for c in cells))
        if tp[kind] + fp[kind]:
            out[f"precision/{kind}"] = _div(tp[kind], tp[kind] + fp[kind])
        if truth_chars[kind]:
            out[f"char_recall/{kind}"] = _div(tp[kind], truth_chars[kind])
    if "boilerplate" in kinds:
        for group, cell in sorted(bp.items()):
            units = (("chars", cell[0:3]), ("lines", cell[3:6]), ("long_lines", cell[6:9]))
            for unit, (a, b, c) in units if "/" not in group else units[:1]:
                p, r = _div(a, a + b), _div(a, a + c)
                out[f"boilerplate/{group}/{unit}/p"] = p
                out[f"boilerplate/{group}/{unit}/r"] = r
                out[f"boilerplate/{group}/{unit}/f1"] = _f1(p, r)
    if clean_chars and kinds:
        for k in (*kinds, "any"):
            out[f"clean_flagged/{k}"] = _div(clean_flag[k], clean_chars)
        if clean_other_chars:
            out["clean_flagged/non_english/any"] = _div(clean_flag["non_english/any"], clean_other_chars)
    if verdicts:
        if clean_other_kept[0]:
            out["verdict/clean_kept/non_english"] = _div(clean_other_kept[1], clean_other_kept[0])
        c = verdicts.get("clean")
        if c:
            out["verdict/clean_kept"] = _div(c[1], c[0])
            out["verdict/clean_dropped"] = _div(c[2], c[0])
        bad = [v for g, v in verdicts.items() if g.startswith("corrupt:") or g == "mixed"]
        if bad:
            out["verdict/corrupt_not_kept"] = _div(sum(v[0] - v[1] for v in bad), sum(v[0] for v in bad))
        junk = [v for g, v in verdicts.items() if g.startswith("junk:")]
        if junk:
            out["verdict/junk_dropped"] = _div(sum(v[2] for v in junk), sum(v[0] for v in junk))
        for g, v in sorted(verdicts.items()):
            if g.startswith("corrupt:") or g == "mixed":
                out[f"verdict/not_kept/{g}"] = _div(v[0] - v[1], v[0])
            if g.startswith("junk:"):
                out[f"verdict/dropped/{g}"] = _div(v[2], v[0])
            out[f"verdict/ok/{g}"] = _div(v[3], v[0])
        out["verdict/ok"] = _div(sum(v[3] for v in verdicts.values()), sum(v[0] for v in verdicts.values()))
    pos = qualities.get("clean", [])
    bad_groups = sorted(g for g in qualities if g.startswith(("corrupt:", "junk:")) or g == "mixed")
    overall = _auc(pos, [q for g in bad_groups for q in qualities[g]])
    if overall is not None:
        out["auc"] = overall
        for g in bad_groups:
            value = _auc(pos, qualities[g])
            if value is not None:
                out[f"auc/{g}"] = value
    return out


def details(doc: Doc, res: Result) -> dict[str, Any]:
    """One document's outcome, for reading misses: verdict, missed labels and false flags.

    A label is missed when spans of its kind cover less than half of it; a false flag is a
    predicted span that touches no labelled span of its kind (boilerplate outside scored
    lines is left out).

    >>> from benchmarks.quality.dataset import Label
    >>> d = Doc("x", "corrupt:lossy", "Kyiv?s plan. Fine.", (Label(0, 6, "garbled", "lossy"),),
    ...         ((0, 18),), ("clean", "drop"), "", "en")
    >>> out = details(d, Result("keep", 0.9, ((13, 18, "garbled"),)))
    >>> out["verdict_ok"], out["missed"], out["false_flags"]
    (False, [['garbled', 'lossy', 'Kyiv?s']], [['garbled', 'Fine.']])
    """
    missed = []
    for lab in doc.spans:
        pred = merge((s, e) for s, e, k in res.spans if k == lab.kind)
        if 2 * covered(lab.start, lab.end, pred) < lab.end - lab.start:
            missed.append([lab.kind, lab.subkind, doc.text[lab.start : lab.end]])
    scored = merge(doc.scored)
    false_flags = []
    for s, e, k in res.spans:
        truth = merge((lab.start, lab.end) for lab in doc.spans if lab.kind == k)
        if covered(s, e, truth) == 0 and (k != "boilerplate" or covered(s, e, scored) > 0):
            false_flags.append([k, doc.text[s:e]])
    return {
        "id": doc.id,
        "group": doc.group,
        "verdict": res.verdict,
        "verdict_in": list(doc.verdict_in),
        "verdict_ok": res.verdict in doc.verdict_in if res.verdict is not None else None,
        "quality": res.quality,
        "missed": missed,
        "false_flags": false_flags,
    }


def _seed_cover(spans: Sequence[tuple[int, int, str]], start: int, end: int, kinds: set[str] | None) -> float:
    ranges = merge((s, e) for s, e, k in spans if kinds is None or k in kinds)
    return _div(covered(start, end, ranges), max(1, end - start))


def seed_figures(shared: Path, system: Any) -> dict[str, float]:
    """The share of the seed articles' expectations met, read as tests/test_seeds.py reads them.

    ``system`` maps a text to a :class:`Result`. A verdict expectation is not counted when the
    system gives no verdict.
    """
    expected = json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))
    met = total = 0
    for name, art in expected["articles"].items():
        text = (shared / "seeds" / name).read_text(encoding="utf-8")
        res: Result = system(text)
        if res.verdict is not None:
            total += 1
            met += res.verdict in art["verdict_in"]
        for item in art["must_flag"]:
            start = -1
            for _ in range(item.get("occurrence", 1)):
                start = text.find(item["snippet"], start + 1)
            kinds = set(item["kind"]) if isinstance(item["kind"], list) else {item["kind"]}
            total += 1
            met += start >= 0 and _seed_cover(res.spans, start, start + len(item["snippet"]), kinds) >= 0.5
        for snippet in art["must_not_flag"]:
            start = text.find(snippet)
            total += 1
            met += start >= 0 and _seed_cover(res.spans, start, start + len(snippet), None) <= 0.2
    return {"seeds/met": _div(met, total), "seeds/total": float(total)}


def lower_is_better(name: str) -> bool:
    """True for figures where lower is better (false flags).

    >>> lower_is_better("clean_flagged/any"), lower_is_better("recall/offtopic")
    (True, False)
    """
    return name.startswith(LOWER_IS_BETTER)


def rows(systems: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Figure names present in any system, in a stable reading order."""
    order = ("seeds/", "verdict/", "auc", "recall/", "precision/", "char_recall/", "boilerplate/", "clean_")
    names = {n for figs in systems.values() for n in figs if n != "seeds/total"}

    def key(n: str) -> tuple[int, str]:
        return next((i for i, p in enumerate(order) if n.startswith(p)), len(order)), n

    return sorted(names, key=key)


def verdict_tables(docs: Sequence[Doc], results: Sequence[Result]) -> str:
    """Markdown: the verdicts per group (the confusion matrix of the benchmark's groups against
    the three verdicts, with the verdicts each group accepts) and a reliability table of
    ``quality`` (documents binned by quality; the share of them that are clean articles).

    >>> d = Doc("x", "clean", "Text.", (), (), ("keep",), "", "en")
    >>> print(verdict_tables([d], [Result("keep", 0.95, ())]).splitlines()[2])
    | clean | keep | 1 | **1** | 0 | 0 |
    """
    by_group: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(("keep", "clean", "drop"), 0))
    accepted: dict[str, tuple[str, ...]] = {}
    for doc, res in zip(docs, results, strict=True):
        if res.verdict in ("keep", "clean", "drop"):
            by_group[doc.group][res.verdict] += 1
        accepted[doc.group] = doc.verdict_in
    lines = [
        "| group | accepted | docs | keep | clean | drop |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for group in sorted(by_group):
        counts = by_group[group]
        cells = [f"**{n}**" if v in accepted[group] else str(n) for v, n in counts.items()]
        lines.append(
            f"| {group} | {', '.join(accepted[group])} | {sum(counts.values())} | " + " | ".join(cells) + " |"
        )
    lines += [
        "",
        "Reliability of `quality`: documents binned by quality, and the share of clean articles",
        "among them (the benchmark holds one clean article in ten, so shares sit below the",
        "quality, which is calibrated for equally common verdicts; what matters is that they rise).",
        "",
        "| quality | docs | mean quality | clean articles |",
        "| --- | ---: | ---: | ---: |",
    ]
    pairs = [(res.quality, doc.group == "clean") for doc, res in zip(docs, results, strict=True)]
    pairs = [(q, c) for q, c in pairs if q is not None]
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        inside = [(q, c) for q, c in pairs if lo <= q < hi or (b == 9 and q == 1.0)]
        if inside:
            mean = sum(q for q, _ in inside) / len(inside)
            share = sum(c for _, c in inside) / len(inside)
            lines.append(f"| {lo:.1f}-{hi:.1f} | {len(inside)} | {mean:.3f} | {share:.3f} |")
        else:
            lines.append(f"| {lo:.1f}-{hi:.1f} | 0 | | |")
    return "\n".join(lines)
