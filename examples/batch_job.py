"""For a batch job: assess a JSON-lines file of articles and count verdicts and reasons.

    python examples/batch_job.py examples/data/articles.jsonl [--jobs 2]

For big corpora use the command line: ``newsqc assess FILE.jsonl -o out.jsonl``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import newsqc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with open(args.path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    verdicts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for record, a in zip(
        records, newsqc.assess_many((r["text"] for r in records), jobs=args.jobs), strict=True
    ):
        verdicts[a.verdict.value] += 1
        reasons.update(s.reason for s in a.spans)
        print(
            json.dumps({"id": record.get("id"), "verdict": a.verdict.value, "quality": round(a.quality, 3)})
        )
    print("verdicts:", dict(verdicts))
    print("reasons:", dict(reasons.most_common()))


if __name__ == "__main__":
    main()
