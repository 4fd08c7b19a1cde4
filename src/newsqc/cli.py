"""The command line: ``newsqc assess`` and ``newsqc clean``.

Exit codes: 0 every record was assessed; 1 some records failed (their error records are in
the output); 2 usage error (bad arguments, unreadable input file).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from newsqc.batch import assess_record, read_records

__all__ = ["main"]

EXIT_OK, EXIT_FAILED_RECORDS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsqc",
        description="Tell what is wrong with crawled news articles, and where.",
        epilog="Exit codes: 0 all records assessed, 1 some records failed, 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("assess", "write one JSON line per record: id, verdict, quality, scores, spans, language"),
        ("clean", "write one JSON line per record: id, verdict, cleaned_text"),
    ):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="JSON-lines files (one object per line with a text field and optional id, title, url), "
            ".txt files (one article each), or - for standard input (the default)",
        )
        p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
        p.add_argument(
            "--text-field",
            default="text",
            metavar="NAME",
            help="the JSON field holding the text (default: text)",
        )
    return parser


def _write(out: TextIO, row: dict[str, Any]) -> None:
    out.write(json.dumps(row, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8") + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["assess", "/nonexistent.jsonl"])
    2
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    logging.basicConfig(level=logging.WARNING, format="newsqc: %(message)s")
    paths = args.paths or ["-"]
    try:
        out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as error:
        print(f"newsqc: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    verdicts: Counter[str] = Counter()
    try:
        for record in read_records(paths, args.text_field):
            if args.command == "clean" and "error" not in record:
                from newsqc.api import assess

                try:
                    a = assess(record["text"], title=record.get("title"), url=record.get("url"))
                    row: dict[str, Any] = {
                        "id": record["id"],
                        "verdict": a.verdict.value,
                        "cleaned_text": a.cleaned_text,
                    }
                except Exception as error:
                    row = {"id": record["id"], "error": f"{type(error).__name__}: {error}"}
            else:
                row = assess_record(record)
            if "error" in row:
                failed += 1
                print(f"newsqc: {row['error']}", file=sys.stderr)
            else:
                verdicts[row["verdict"]] += 1
            _write(out, row)
    except OSError as error:
        print(f"newsqc: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if out is not sys.stdout:
            out.close()
    summary = ", ".join(f"{v} {verdicts[v]}" for v in ("keep", "clean", "drop"))
    print(f"newsqc: {sum(verdicts.values())} assessed ({summary}), {failed} failed", file=sys.stderr)
    return EXIT_FAILED_RECORDS if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
