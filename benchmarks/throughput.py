"""Throughput benchmark: docs/s on one core and on all cores, and peak memory of a batch run,
next to datatrove's Gopher + C4 + FineWeb filter stack on the same documents in the same run.

    python -m benchmarks.throughput                 # or: make bench-throughput
    python -m benchmarks.throughput --docs 2000 --memory 10000,100000 --profile

Documents: the quality benchmark's test build (``benchmarks.quality.dataset.build("test")``:
whole pages, wrapped articles, clean articles, corrupted articles, junk), or with
``--source pages`` each page of ``../shared/corpus/boilerplate-lines.*.jsonl`` twice, as its
``clean_text`` and as its whole page text. Runs cycle through them until ``--docs`` are done.

- one core: :func:`newsqc.assess` in this process, after a warm-up;
- all cores: :func:`newsqc.assess_many` with ``--jobs`` processes (default: all cores), the
  pool's start included;
- datatrove: GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter (which rewrites the
  text) and FineWebQualityFilter in FineWeb's order, stopping at the first that drops the
  document, on one core (needs the ``[bench]`` extra: datatrove with spaCy);
- cold start: in a fresh interpreter, the time of ``import newsqc`` and of the first
  :func:`newsqc.assess` (which loads the models, word tables and langdetect's profiles): what a
  script that assesses one page pays (median of three);
- memory: ``newsqc assess -j JOBS`` in a child process reading a generated stream of N records
  on standard input and writing JSON lines to a file; the peak of the summed RSS (and PSS) of
  the child and its worker processes, sampled every 0.1 s, for each N of ``--memory``.

Results go to standard output as a Markdown table; benchmarks/THROUGHPUT.md keeps the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared data folder: $NEWSQC_SHARED, or ../shared beside the repository."""
    return Path(os.environ.get("NEWSQC_SHARED", ROOT.parent / "shared"))


def load_docs(source: str) -> list[str]:
    """The benchmark's documents, in a fixed order."""
    if source == "dataset":
        from benchmarks.quality.dataset import build

        return [d.text for d in build("test")]
    docs = []
    for split in ("dev", "test"):
        path = shared_dir() / "corpus" / f"boilerplate-lines.{split}.jsonl"
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                page = json.loads(line)
                docs.append(page["clean_text"])
                docs.append("\n".join(item["text"] for item in page["lines"]))
    return docs


def cycle(docs: list[str], n: int) -> Iterator[str]:
    """The first ``n`` documents of ``docs`` repeated."""
    return itertools.islice(itertools.cycle(docs), n)


def rate(run: Callable[[], int]) -> tuple[float, float, float]:
    """Docs per wall-clock second, docs per CPU second (this process and its finished
    children), and wall-clock seconds of ``run`` (which returns how many documents it did).

    The CPU rate does not depend on what else runs on the machine; for one process it is the
    rate on an idle core.
    """
    start, cpu_start = time.perf_counter(), _cpu()
    n = run()
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu_start
    return n / seconds, n / cpu, seconds


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def newsqc_one_core(docs: list[str], n: int) -> int:
    import newsqc

    for text in cycle(docs, n):
        newsqc.assess(text)
    return n


def newsqc_all_cores(docs: list[str], n: int, jobs: int) -> int:
    import newsqc

    return sum(1 for _ in newsqc.assess_many(cycle(docs, n), jobs=jobs, chunksize=16))


def datatrove_stack() -> Callable[[str], bool] | None:
    """The FineWeb filter stack as a function text -> kept, or None when datatrove is missing."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
    except ImportError:
        return None
    filters = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]

    def run(text: str) -> bool:
        doc = Document(text=text, id="x")
        return all(f.filter(doc) is True for f in filters)

    return run


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _memory_kb(pid: int, field: str) -> int:
    path = f"/proc/{pid}/smaps_rollup" if field == "Pss:" else f"/proc/{pid}/status"
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS, in MB, summed over ``pid`` and its descendants."""
    pids = _descendants(pid)
    rss = sum(_memory_kb(p, "VmRSS:") for p in pids)
    pss = sum(_memory_kb(p, "Pss:") for p in pids)
    return rss / 1024, pss / 1024


def memory_run(docs: list[str], n: int, jobs: int) -> dict[str, float]:
    """Peak RSS/PSS of ``newsqc assess`` on a stream of ``n`` generated records, and docs/s.

    ``rss_10k`` is the peak RSS while the first 10,000 records were being fed (the child reads
    its input a bounded number of records ahead), ``rss`` the peak over the whole run.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        command = [sys.executable, "-m", "newsqc.cli", "assess", "-", "-o", str(out), "-j", str(jobs), "-q"]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdin=subprocess.PIPE)
        assert child.stdin is not None

        fed = [0]

        def feed() -> None:
            assert child.stdin is not None
            with child.stdin as stdin:
                for i, text in enumerate(cycle(docs, n)):
                    stdin.write((json.dumps({"id": i, "text": text}) + "\n").encode("utf-8"))
                    fed[0] = i + 1

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        peak_rss = peak_pss = rss_10k = 0.0
        while child.poll() is None:
            rss, pss = tree_memory_mb(child.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            if fed[0] <= 10000:
                rss_10k = peak_rss
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        feeder.join()
        written = out.read_bytes().count(b"\n") if out.exists() else 0
    return {
        "docs": n,
        "written": written,
        "seconds": seconds,
        "docs_s": n / seconds,
        "rss": peak_rss,
        "pss": peak_pss,
        "rss_10k": rss_10k,
    }


def cold_start(text: str, runs: int = 3) -> tuple[float, float]:
    """Seconds of ``import newsqc`` and of the first ``assess`` in a fresh interpreter (medians)."""
    code = (
        "import json, sys, time\n"
        "t0 = time.perf_counter()\n"
        "import newsqc\n"
        "t1 = time.perf_counter()\n"
        "newsqc.assess(sys.stdin.read())\n"
        "print(json.dumps([t1 - t0, time.perf_counter() - t1]))\n"
    )
    times = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    imports, firsts = sorted(t[0] for t in times), sorted(t[1] for t in times)
    return imports[runs // 2], firsts[runs // 2]


def profile(docs: list[str], n: int, top: int = 25) -> str:
    """The top functions of :func:`newsqc.assess` by own time, over ``n`` documents."""
    import newsqc

    texts = list(cycle(docs, n))
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        newsqc.assess(text)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buffer.getvalue()


def stages(docs: list[str], n: int) -> dict[str, float]:
    """CPU milliseconds per document of each stage of :func:`newsqc.assess`, over ``n`` documents.

    The steps of :func:`newsqc.api.analyse` and :func:`newsqc.assess` one by one (analyse's
    own merging of the findings into the final spans, well under 0.1 ms, is not counted).
    """
    import dataclasses

    from newsqc.api import analyse
    from newsqc.article import Article
    from newsqc.classifier import predict
    from newsqc.cleaning import clean_text
    from newsqc.features import feature_vector
    from newsqc.language import detect_language
    from newsqc.scorers import SCORERS

    spent: dict[str, float] = {}
    clock = time.process_time
    for text in cycle(docs, n):
        laps = [("", clock())]
        article = Article.from_text(text)
        laps.append(("segmentation", clock()))
        article = dataclasses.replace(article, language=detect_language(article))
        laps.append(("language", clock()))
        article.word_texts, article.word_starts, article.word_ends, article.line_words  # noqa: B018 (cached properties, computed here)
        laps.append(("words", clock()))
        findings = []
        for scorer in SCORERS:
            findings.append(scorer.score(article))
            laps.append((scorer.name, clock()))
        _, _, spans = analyse(text)  # the final spans, not timed (its steps are above)
        laps.append(("", clock()))
        features = feature_vector(findings, article, spans)
        laps.append(("features", clock()))
        predict(features, None)
        laps.append(("predict", clock()))
        clean_text(text, spans)
        laps.append(("cleaning", clock()))
        for (_, before), (name, after) in itertools.pairwise(laps):
            if name:
                spent[name] = spent.get(name, 0.0) + after - before
    return {name: 1000 * seconds / n for name, seconds in spent.items()}


def main(argv: list[str] | None = None) -> int:
    from newsqc.batch import jobs_count

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000, help="documents per timed run (default 2000)")
    parser.add_argument("--jobs", type=int, default=0, help="processes for the all-cores runs (default: all)")
    parser.add_argument("--source", choices=("dataset", "pages"), default="dataset")
    parser.add_argument(
        "--datatrove-docs", type=int, default=0, help="documents for datatrove (default: --docs)"
    )
    parser.add_argument(
        "--memory", default="10000", help="comma-separated stream lengths for the memory runs ('' for none)"
    )
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions of assess()")
    parser.add_argument("--stages", action="store_true", help="print CPU ms/doc of each stage of assess()")
    args = parser.parse_args(argv)
    jobs = jobs_count(args.jobs)
    docs = load_docs(args.source)
    size = sum(len(d) for d in docs) / len(docs)
    print(
        f"{len(docs)} distinct documents ({args.source}), {size / 1000:.1f} k characters on average",
        flush=True,
    )

    cold_import, cold_first = cold_start(docs[0])
    print(f"cold start: import newsqc {cold_import:.2f} s, first assess {cold_first:.2f} s", flush=True)

    import newsqc

    for text in docs[:50]:  # warm-up: imports, models, langdetect profiles
        newsqc.assess(text)
    if args.profile:
        print(profile(docs, min(args.docs, len(docs))))
    if args.stages:
        times = stages(docs, min(args.docs, len(docs)))
        print("| stage | CPU ms/doc |\n| --- | --- |")
        for name, ms in sorted(times.items(), key=lambda kv: -kv[1]):
            print(f"| {name} | {ms:.2f} |")
        print(f"| all | {sum(times.values()):.2f} |", flush=True)
    load = os.getloadavg()[0]
    one, one_cpu, one_s = rate(lambda: newsqc_one_core(docs, args.docs))
    print(f"newsqc, 1 core: {one:.1f} docs/s wall, {one_cpu:.1f} per CPU second ({one_s:.1f} s)", flush=True)
    many, many_cpu, many_s = rate(lambda: newsqc_all_cores(docs, args.docs, jobs))
    print(
        f"newsqc, {jobs} cores: {many:.1f} docs/s wall, {many_cpu:.1f} per CPU second ({many_s:.1f} s)",
        flush=True,
    )
    stack = datatrove_stack()
    dt = dt_cpu = None
    if stack is None:
        print("datatrove: not installed (pip install -e '.[bench]')")
    else:
        n_dt = args.datatrove_docs or args.docs
        for text in docs[:20]:
            stack(text)
        dt, dt_cpu, dt_s = rate(lambda: sum(1 for _ in map(stack, cycle(docs, n_dt))))
        print(
            f"datatrove, 1 core: {dt:.1f} docs/s wall, {dt_cpu:.1f} per CPU second ({dt_s:.1f} s)", flush=True
        )
    memory = []
    for n in filter(None, (n.strip() for n in args.memory.split(","))):
        m = memory_run(docs, int(n), jobs)
        memory.append(m)
        print(f"memory run: {m}", flush=True)
    print()
    print(f"{len(docs)} distinct documents ({args.source}), {size / 1000:.1f} k characters on average, ")
    print(
        f"{args.docs} per timed run; load average {load:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end."
    )
    print()
    print("| run | docs/s (wall clock) | docs per CPU second |")
    print("| --- | --- | --- |")
    print(
        f"| newsqc, 1 core | {one:.1f} ({1000 / one:.1f} ms/doc) "
        f"| {one_cpu:.1f} ({1000 / one_cpu:.1f} ms/doc) |"
    )
    print(f"| newsqc, {jobs} cores | {many:.1f} ({many / one:.2f}x one core) | {many_cpu:.1f} |")
    if dt is not None and dt_cpu is not None:
        print(f"| datatrove Gopher+C4+FineWeb, 1 core | {dt:.1f} | {dt_cpu:.1f} |")
        print(f"| newsqc / datatrove, 1 core | {one / dt:.2f}x | {one_cpu / dt_cpu:.2f}x |")
    print(
        f"| cold start: `import newsqc`, then the first `assess` | {cold_import:.2f} s + {cold_first:.2f} s "
        "| |"
    )
    for m in memory:
        print(
            f"| newsqc assess -j {jobs}, {m['docs']} streamed docs | {m['docs_s']:.1f} | "
            f"peak RSS {m['rss']:.0f} MB ({m['rss_10k']:.0f} MB over the first 10k), PSS {m['pss']:.0f} MB |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
