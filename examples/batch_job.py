"""For a batch job: assess a corpus file on every core, stream rows out, count verdicts and reasons.

    python examples/batch_job.py examples/data/articles.jsonl [--jobs 2]

It uses the batch API the command line is built on: :func:`newsqc.batch.read_records`
streams records (JSON lines plain, .gz or .zst, Parquet, directories of .txt files), and
:func:`newsqc.batch.rows` assesses them on a pool of processes, in input order, with flat
memory. A bad record gives an error row and the job goes on. For big corpora the command line
does the same with a progress bar, Parquet output and --resume:

    newsqc assess corpus.jsonl.zst -o assessed.parquet --resume
"""

from __future__ import annotations

import argparse
import json

from newsqc.batch import Summary, read_records, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=0, help="processes (default 0: all cores)")
    args = parser.parse_args()
    summary = Summary()
    for row, reasons in rows(read_records(args.paths), "assess", jobs=args.jobs):
        summary.add(row, reasons)
        brief = {key: row.get(key) for key in ("id", "verdict", "quality", "error") if key in row}
        print(json.dumps(brief, ensure_ascii=False))
    print(summary.format())


if __name__ == "__main__":
    main()
