"""Cost per megabyte of one article, from 10 KB to 10 MB: newsqc's cost must be linear in size.

    python -m benchmarks.scaling [--sizes 10000,100000,1000000,10000000]   # or: make bench-scaling

Each text is made by repeating the dev split's clean articles (``../shared/corpus``, or a
built-in paragraph when it is absent) up to the size, paragraphs joined by blank lines, and
assessed once after a warm-up; the table gives CPU seconds per MB. A flat column means linear
cost; a column that grows with size means a quadratic step somewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import newsqc

_FALLBACK = (
    "Officials from both countries met in Geneva on Monday to discuss a framework for a ceasefire. "
    "The talks lasted six hours and ended without a joint statement, diplomats said."
)


def _source() -> str:
    shared = Path(os.environ.get("NEWSQC_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    path = shared / "corpus" / "boilerplate-lines.dev.jsonl"
    if not path.is_file():
        return _FALLBACK
    with path.open(encoding="utf-8") as handle:
        return "\n\n".join(json.loads(line)["clean_text"] for line in handle)


def text_of_size(size: int, source: str) -> str:
    """``source`` repeated and cut to ``size`` characters."""
    return (source * (size // max(1, len(source)) + 1))[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,10000000")
    args = parser.parse_args()
    source = _source()
    newsqc.assess(source[:5000])  # warm-up: models and word lists load once
    print("| size (chars) | CPU seconds | CPU seconds per MB | spans |")
    print("| ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        text = text_of_size(size, source)
        start = time.process_time()
        a = newsqc.assess(text)
        seconds = time.process_time() - start
        print(f"| {size:,} | {seconds:.2f} | {seconds / (size / 1e6):.2f} | {len(a.spans)} |", flush=True)


if __name__ == "__main__":
    main()
