"""Run the quality benchmark: ``python -m benchmarks.quality [--split test|dev] [--anchors] ...``.

Prints the table of figures (see :mod:`benchmarks.quality.metrics`), and on a full test run
writes ``benchmarks/RESULTS.md`` and ``benchmarks/quality/results.json``. Without
``--anchors``, a full test run keeps the anchors' columns of the last results when the
documents and the metrics are the same (same fingerprint, same ``metrics.py``): the anchors'
figures depend on nothing else.
``--split dev`` is for tuning; ``--kinds``/``--groups``/``--limit`` run a part and write nothing
(use ``--json PATH`` to keep the figures). ``--check`` compares
newsqc's figures with the floors and ceilings of ``benchmarks/baseline.json`` and exits with
status 1 naming each figure that fell below its floor (or rose above its ceiling).

Exit codes: 0 done (and the gate passed), 1 the gate failed, 2 bad arguments or missing data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.quality import dataset, metrics
from benchmarks.quality.dataset import GROUPS, KIND_OF, Doc
from benchmarks.quality.metrics import (
    KINDS,
    Result,
    details,
    figures,
    lower_is_better,
    rows,
    seed_figures,
    verdict_tables,
)
from benchmarks.quality.systems import ANCHORS, SPAN_KINDS, System, anchors, newsqc_system

BENCH = Path(__file__).resolve().parent.parent
RESULTS_MD = BENCH / "RESULTS.md"
RESULTS_JSON = BENCH / "quality" / "results.json"
BASELINE = BENCH / "baseline.json"
COMMAND = "make bench-quality"
#: The headline rows of the short table (README and the top of RESULTS.md).
SUMMARY = (
    ("boilerplate F1, wrapped pages (chars)", "boilerplate/wrapped/chars/f1"),
    ("boilerplate F1, whole pages (chars)", "boilerplate/page/chars/f1"),
    ("boilerplate F1, wrapped pages (lines)", "boilerplate/wrapped/lines/f1"),
    ("boilerplate F1, wrapped pages (lines of 10+ words)", "boilerplate/wrapped/long_lines/f1"),
    ("boilerplate F1, wrapped pages not in English (chars)", "boilerplate/wrapped/non_english/chars/f1"),
    ("boilerplate F1, whole pages not in English (chars)", "boilerplate/page/non_english/chars/f1"),
    ("off-topic span recall", "recall/offtopic"),
    ("off-topic char precision", "precision/offtopic"),
    ("English spam in articles not in English: span recall", "recall/offtopic/spam_not_english"),
    ("garbled span recall", "recall/garbled"),
    ("garbled char precision", "precision/garbled"),
    ("repetition span recall", "recall/repetition"),
    ("repetition char precision", "precision/repetition"),
    ("clean articles: chars flagged (lower is better)", "clean_flagged/any"),
    ("clean articles kept", "verdict/clean_kept"),
    ("clean articles not in English kept", "verdict/clean_kept/non_english"),
    ("corrupted articles not kept", "verdict/corrupt_not_kept"),
    ("junk dropped", "verdict/junk_dropped"),
    ("ROC-AUC of quality, clean vs corrupted/junk", "auc"),
    ("seed expectations met", "seeds/met"),
    ("docs/s on one core", "speed/docs_per_s"),
)


def _system(name: str) -> System:
    if name == "newsqc":
        return newsqc_system
    found, note = anchors()
    if name not in found:
        raise SystemExit(f"anchor {name!r} cannot run here: {note}")
    return found[name]


def _run_chunk(args: tuple[str, list[str]]) -> list[tuple[Result, float]]:
    name, texts = args
    system = _system(name)
    out = []
    for text in texts:
        t0 = time.process_time()  # CPU time: one core's cost, whatever else the machine runs
        res = system(text)
        out.append((res, time.process_time() - t0))
    return out


def run_system(name: str, docs: Sequence[Doc], jobs: int = 1) -> tuple[list[Result], float]:
    """The results of system ``name`` on ``docs`` and the CPU seconds it spent (summed over docs).

    ``jobs`` worker processes (0: one per CPU).
    """
    texts = [d.text for d in docs]
    jobs = jobs or os.cpu_count() or 1
    _run_chunk((name, texts[:1]))  # load models outside the timing
    if jobs <= 1:
        pairs = _run_chunk((name, texts))
    else:
        size = max(1, math.ceil(len(texts) / (jobs * 4)))
        chunks = [(name, texts[i : i + size]) for i in range(0, len(texts), size)]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pairs = [p for part in pool.map(_run_chunk, chunks) for p in part]
    return [r for r, _ in pairs], sum(t for _, t in pairs)


def groups_for(kinds: Sequence[str] | None) -> tuple[str, ...]:
    """The groups that measure ``kinds`` (all groups when None), with the clean control.

    >>> print(*groups_for(["offtopic"]))
    clean corrupt:spam corrupt:sentence corrupt:anchor corrupt:spam_not_english mixed junk:spam
    """
    if not kinds:
        return GROUPS
    chosen = []
    for g in GROUPS:
        sub = g.split(":", 1)[1] if ":" in g else None
        if g in ("clean", "mixed"):
            chosen.append(g)
        elif g in ("page", "wrapped", "junk:chrome"):
            if "boilerplate" in kinds:
                chosen.append(g)
        elif sub is not None and KIND_OF.get(sub) in kinds:
            chosen.append(g)
    return tuple(chosen)


def _fmt(value: float | None, name: str) -> str:
    if value is None:
        return "–"
    if name.startswith("speed/"):
        return f"{value:.0f}"
    return f"{value:.3f}"


def table(systems: Mapping[str, Mapping[str, float]], names: Sequence[str]) -> str:
    """A markdown table: one row per figure, one column per system."""
    cols = list(systems)
    lines = ["| figure | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for n in names:
        cells = [_fmt(systems[c].get(n), n) for c in cols]
        if any(c != "–" for c in cells):
            lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_table(systems: Mapping[str, Mapping[str, float]]) -> str:
    """The short table: headline figures, newsqc against the anchors."""
    cols = list(systems)
    lines = ["| | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for label, n in SUMMARY:
        cells = [_fmt(systems[c].get(n), n) for c in cols]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def false_alarms(docs: Sequence[Doc]) -> str:
    """Where newsqc's spans on the clean articles come from: a markdown table by reason.

    A clean article has no defect, so each of its spans is a false alarm; the table counts, for
    each reason, the clean articles with such a span, the spans and their characters, with two
    examples, most common reason first.

    >>> d = Doc("x", "clean", "Officials met on Monday.\\n0 Comments", (), ((0, 35),), ("keep",), "", "en")
    >>> print(false_alarms([d]).splitlines()[-1])
    | boilerplate:counter | 1 | 1 | 10 | 0 Comments |
    """
    import newsqc

    articles: Counter[str] = Counter()
    spans: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    clean = [d for d in docs if d.group == "clean"]
    flagged = 0
    for d in clean:
        found = newsqc.assess(d.text).spans
        flagged += bool(found)
        for reason in {s.reason for s in found}:
            articles[reason] += 1
        for s in found:
            spans[s.reason] += 1
            chars[s.reason] += s.end - s.start
            snippet = " ".join(d.text[s.start : s.end].split())
            snippet = (snippet[:57] + "...") if len(snippet) > 60 else snippet
            seen = examples.setdefault(s.reason, [])
            if len(seen) < 2 and snippet not in seen:
                seen.append(snippet.replace("|", "\\|"))
    lines = [
        f"{flagged} of the {len(clean)} clean articles get a span; by reason:",
        "",
        "| reason | clean articles | spans | characters | examples |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for reason in sorted(articles, key=lambda r: (-articles[r], r)):
        lines.append(
            f"| {reason} | {articles[reason]} | {spans[reason]} | {chars[reason]} | "
            f"{' / '.join(examples[reason])} |"
        )
    return "\n".join(lines)


def _results_md(report: Mapping[str, Any]) -> str:
    systems = report["systems"]
    counts = ", ".join(f"{g} {n}" for g, n in report["groups"].items())
    note = report.get("anchors_note")
    return "\n".join(
        [
            "# Quality benchmark results",
            "",
            f"Reproduce with `{COMMAND}` (that is, `python -m benchmarks.quality --anchors`) from a",
            "checkout with `../shared` beside it (or `$NEWSQC_SHARED`). The documents are built",
            "deterministically from real text in `../shared/corpus` (see",
            "`benchmarks/quality/dataset.py` for the groups and the labelling rule, and",
            "`benchmarks/quality/metrics.py` for the exact definition of each figure).",
            "",
            f"Split `{report['split']}`, seed {report['seed']}, {report['per_group']} documents per"
            f" corrupted and junk group; {report['n_docs']} documents: {counts}.",
            "Anchors: datatrove's filters (defaults) and `ftfy.badness.is_bad` per line;"
            " `datatrove` is the FineWeb stack (Gopher repetition, Gopher quality, C4, FineWeb)."
            " C4's removed lines count as boilerplate spans.",
            *([f"\nNote: {note}."] if note else []),
            "",
            "## Summary",
            "",
            summary_table(systems),
            "",
            "## All figures",
            "",
            "`–`: the system gives no such output (no spans of that kind, no verdict, no quality).",
            "`clean_flagged/*` and `verdict/clean_dropped`: lower is better; everything else, higher.",
            "",
            table(systems, [*rows(systems), "seeds/total"]),
            "",
            *(
                [
                    "## newsqc's verdicts",
                    "",
                    "Bold: the verdicts the group accepts.",
                    "",
                    report["verdicts_md"],
                    "",
                ]
                if report.get("verdicts_md")
                else []
            ),
            *(
                [
                    "## newsqc's false alarms on clean articles",
                    "",
                    report["false_alarms_md"],
                    "",
                ]
                if report.get("false_alarms_md")
                else []
            ),
        ]
    )


def check(figs: Mapping[str, float], baseline: Mapping[str, Any]) -> list[str]:
    """The gate: one message per figure below its floor or above its ceiling.

    >>> check({"recall/offtopic": 0.2}, {"floors": {"recall/offtopic": 0.3}, "ceilings": {}})
    ['recall/offtopic = 0.200 is below its floor 0.300']
    """
    failures = []
    for name, floor in sorted(baseline.get("floors", {}).items()):
        value = figs.get(name)
        if value is None:
            failures.append(f"{name} is missing (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{name} = {value:.3f} is below its floor {floor:.3f}")
    for name, ceiling in sorted(baseline.get("ceilings", {}).items()):
        value = figs.get(name)
        if value is None:
            failures.append(f"{name} is missing (ceiling {ceiling:.3f})")
        elif value > ceiling:
            failures.append(f"{name} = {value:.3f} is above its ceiling {ceiling:.3f}")
    return failures


def baseline_from(
    figs: Mapping[str, float], report: Mapping[str, Any], margin: float = 0.005
) -> dict[str, Any]:
    """Floors and ceilings pinned just under (over) today's figures.

    >>> b = baseline_from({"recall/garbled": 0.5, "clean_flagged/any": 0.1}, {"split": "test", "seed": 0,
    ...                   "per_group": 40})
    >>> b["floors"], b["ceilings"]
    ({'recall/garbled': 0.495}, {'clean_flagged/any': 0.105})
    """
    floors, ceilings = {}, {}
    for name, value in sorted(figs.items()):
        if name.startswith(("speed/", "seeds/total")):
            continue
        if lower_is_better(name):
            ceilings[name] = min(1.0, math.ceil(round((value + margin) * 1000, 6)) / 1000)
        else:
            floors[name] = max(0.0, math.floor(round((value - margin) * 1000, 6)) / 1000)
    return {
        "about": "Pinned floors (ceilings for false flags) of newsqc's figures on the test build; "
        "`python -m benchmarks.quality --check` fails when a figure crosses one. A detector issue "
        "that improves a figure raises its floor with --write-baseline.",
        "split": report["split"],
        "seed": report["seed"],
        "per_group": report["per_group"],
        "floors": floors,
        "ceilings": ceilings,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit code."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-group", type=int, default=40, help="documents per corrupt/junk group")
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per group")
    ap.add_argument("--kinds", nargs="+", choices=KINDS, help="only the groups and figures of these kinds")
    ap.add_argument("--groups", nargs="+", choices=GROUPS, help="only these groups")
    ap.add_argument("--anchors", action="store_true", help="score the anchors too (needs the [bench] extra)")
    ap.add_argument("--only-anchors", nargs="+", choices=ANCHORS, help="which anchors (with --anchors)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (0: one per CPU)")
    ap.add_argument("--check", action="store_true", help="fail (exit 1) when a figure crosses baseline.json")
    ap.add_argument(
        "--write-baseline", action="store_true", help="pin today's newsqc figures in baseline.json"
    )
    ap.add_argument("--no-write", action="store_true", help="do not write RESULTS.md / results.json")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--details", type=Path, help="write newsqc's misses and false flags per document (JSONL)")
    ap.add_argument("--dump", type=Path, help="write the documents to this JSONL file and stop")
    args = ap.parse_args(argv)

    chosen = tuple(args.groups) if args.groups else groups_for(args.kinds)
    try:
        docs = dataset.build(args.split, args.seed, args.per_group, chosen)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.limit is not None:
        taken: Counter[str] = Counter()
        kept = []
        for d in docs:
            if taken[d.group] < args.limit:
                taken[d.group] += 1
                kept.append(d)
        docs = kept
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
        print(f"wrote {len(docs)} documents to {args.dump}", file=sys.stderr)
        return 0
    kinds = tuple(args.kinds) if args.kinds else KINDS
    full = args.split == "test" and args.limit is None and chosen == GROUPS and args.per_group == 40

    names = ["newsqc"]
    note = None
    if args.anchors:
        found, note = anchors()
        names += [n for n in ANCHORS if n in found and (not args.only_anchors or n in args.only_anchors)]
        if note:
            print(f"note: {note}", file=sys.stderr)
    systems: dict[str, dict[str, float]] = {}
    verdicts_md = false_alarms_md = ""
    shared = dataset.shared_dir()
    for name in names:
        results, seconds = run_system(name, docs, args.jobs)
        figs = figures(docs, results, [k for k in kinds if k in SPAN_KINDS.get(name, ())])
        figs.update(seed_figures(shared, _system(name)))
        figs["speed/docs_per_s"] = len(docs) / seconds if seconds else 0.0
        systems[name] = figs
        if name == "newsqc":
            verdicts_md = verdict_tables(docs, results)
            false_alarms_md = false_alarms(docs)
        print(f"{name}: {len(docs)} docs in {seconds:.1f} s", file=sys.stderr)
        if args.details and name == "newsqc":
            with args.details.open("w", encoding="utf-8") as f:
                for doc, res in zip(docs, results, strict=True):
                    f.write(json.dumps(details(doc, res), ensure_ascii=False) + "\n")
            print(f"wrote newsqc's per-document misses and false flags to {args.details}", file=sys.stderr)

    prints = dataset.fingerprint(docs)
    metrics_hash = hashlib.sha256(Path(metrics.__file__).read_bytes()).hexdigest()[:16]
    if full and not args.anchors and RESULTS_JSON.is_file():
        # The anchors' figures depend on the documents and the metrics only: keep the last ones.
        last = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
        if last.get("fingerprint") == prints and last.get("metrics") == metrics_hash:
            systems.update((n, last["systems"][n]) for n in ANCHORS if n in last["systems"])
            note = last.get("anchors_note")
    report = {
        "split": args.split,
        "seed": args.seed,
        "per_group": args.per_group,
        "limit": args.limit,
        "n_docs": len(docs),
        "fingerprint": prints,
        "metrics": metrics_hash,
        "groups": dict(Counter(d.group for d in docs)),
        "anchors_note": note,
        "systems": systems,
        "verdicts_md": verdicts_md,
        "false_alarms_md": false_alarms_md,
    }
    print(summary_table(systems))
    print()
    print(table(systems, [*rows(systems), "seeds/total"]))
    if full and not args.no_write:
        RESULTS_MD.write_text(_results_md(report), encoding="utf-8")
        RESULTS_JSON.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS_MD} and {RESULTS_JSON}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.write_baseline:
        if not full:
            print(
                "error: --write-baseline needs the full test run (no --limit/--kinds/--groups)",
                file=sys.stderr,
            )
            return 2
        BASELINE.write_text(json.dumps(baseline_from(systems["newsqc"], report), indent=1) + "\n")
        print(f"wrote {BASELINE}", file=sys.stderr)
    if args.check:
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
        if not full:
            print("error: --check needs the full test run (no --limit/--kinds/--groups)", file=sys.stderr)
            return 2
        failures = check(systems["newsqc"], baseline)
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        if failures:
            return 1
        print("gate passed: every figure at or above its floor", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
