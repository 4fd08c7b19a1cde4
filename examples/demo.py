"""Assess the bundled example articles and print a readable summary of each.

Run it with ``make demo``, or ``python examples/demo.py [FILE.jsonl]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import newsqc

DATA = Path(__file__).resolve().parent / "data" / "articles.jsonl"


def main(path: Path = DATA) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record, a in zip(records, newsqc.assess_many(r["text"] for r in records), strict=True):
        scores = "  ".join(f"{k} {a.scores[k]:.2f}" for k in newsqc.KINDS)
        print(f"{record['id']}: {a.verdict.value.upper()}  quality {a.quality:.2f}  language {a.language}")
        print(f"  scores: {scores}")
        for s in a.spans:
            snippet = a.text[s.start : s.end].replace("\n", " ")
            snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
            print(f"  {s.reason:<32} {snippet!r}" + (f" -> {s.repair[:40]!r}" if s.repair else ""))
        print()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
