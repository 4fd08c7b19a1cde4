"""The command line: ``newsqc assess``, ``newsqc clean`` and the other subcommands.

Each subcommand is one function that adds its parser and sets ``run`` (parsed arguments ->
exit code), registered by one line in :data:`COMMANDS`.

Exit codes:

- 0: every record was assessed;
- 1: some records failed (a malformed line, a missing text field, invalid UTF-8): their error
  records, with the file and line, are in the output, and the run went on;
- 2: usage error: bad arguments, an input that cannot be read, a missing optional package;
- 130: interrupted; rerun with ``--resume`` to complete the output.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from functools import partial
from typing import Any

__all__ = ["COMMANDS", "main"]

EXIT_OK, EXIT_FAILED_RECORDS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_EPILOG = (
    "Exit codes: 0 every record assessed; 1 some records failed (error records with file and line "
    "are in the output); 2 usage error; 130 interrupted (rerun with --resume)."
)


def _add_batch_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of the record-in, row-out commands (assess, clean)."""
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="JSON-lines files (plain, .gz or .zst; one object per line with a text field and optional "
        "id, title, url), .parquet files, .txt files or directories of them (one article per file), "
        "or - for standard input (the default)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of standard output: JSON lines, or Parquet (one column per field) "
        "when FILE ends in .parquet",
    )
    p.add_argument(
        "--text-field", default="text", metavar="NAME", help="the field holding the text (default: text)"
    )
    p.add_argument("--id-field", default="id", metavar="NAME", help="the field holding the id (default: id)")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to use (default 0: all cores); the output is the same for any N",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="complete the output of an interrupted run with the same arguments: the records "
        "already written are kept and skipped",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no summary, no per-record errors"
    )
    p.add_argument("--summary", metavar="FILE", help="also write the summary counters to FILE as JSON")
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default), or a Dask cluster (needs newsqc[dask])",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="with --engine dask: the scheduler's address; without it a LocalCluster of --jobs workers",
    )
    p.add_argument(
        "--model",
        metavar="FILE",
        help="the verdict model to use, a file written by `newsqc train` (default: the shipped one)",
    )
    p.add_argument(
        "--site-chrome",
        type=int,
        default=0,
        metavar="N",
        help="first read every record and flag the lines seen on N or more pages of one site "
        "(the host of each record's url) as boilerplate:site_chrome; needs files, not stdin",
    )


def _run_batch(args: argparse.Namespace) -> int:
    from newsqc.batch import UsageError, run

    if args.scheduler and args.engine != "dask":
        print("newsqc: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    model = _load_model(args.model) if args.model else None
    if args.model and model is None:
        return EXIT_USAGE
    if args.site_chrome < 0:
        print(f"newsqc: --site-chrome must be 1 or more, got {args.site_chrome}", file=sys.stderr)
        return EXIT_USAGE
    if args.engine == "dask":
        try:
            from newsqc.dask import cluster_client

            context: Any = cluster_client(args.scheduler, args.jobs)
        except ImportError as error:
            print(f"newsqc: {error}", file=sys.stderr)
            return EXIT_USAGE
    else:
        context = nullcontext()
    try:
        with context as client:
            submit = None if client is None else partial(client.submit, pure=False)
            # two chunks per worker thread of the cluster: all busy, memory bounded
            in_flight = None if client is None else 2 * sum(client.nthreads().values())
            summary = run(
                args.paths or ["-"],
                args.output,
                args.command,
                jobs=args.jobs,
                text_field=args.text_field,
                id_field=args.id_field,
                resume=args.resume,
                progress=not args.quiet and sys.stderr.isatty(),
                errors=None if args.quiet else sys.stderr,
                submit=submit,
                in_flight=in_flight,
                model=model,
                site_chrome=args.site_chrome,
            )
    except UsageError as error:
        print(f"newsqc: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, EOFError) as error:
        print(f"newsqc: cannot read or write: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsqc: interrupted; rerun with --resume to complete the output", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        print("newsqc: " + summary.format().replace("\n", "\nnewsqc: "), file=sys.stderr)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as handle:
            json.dump(summary.to_dict(), handle, indent=1)
            handle.write("\n")
    return EXIT_FAILED_RECORDS if summary.failed else EXIT_OK


def add_assess(sub: Any) -> None:
    """``newsqc assess``: one row per record with id, verdict, quality, scores, spans, language."""
    help_text = "write one row per record: id, verdict, quality, scores, spans, language"
    p = sub.add_parser("assess", help=help_text, description=help_text, epilog=_EPILOG)
    _add_batch_arguments(p)
    p.set_defaults(run=_run_batch)


def add_clean(sub: Any) -> None:
    """``newsqc clean``: one row per record with id, verdict, cleaned_text."""
    help_text = "write one row per record: id, verdict, cleaned_text"
    p = sub.add_parser("clean", help=help_text, description=help_text, epilog=_EPILOG)
    _add_batch_arguments(p)
    p.set_defaults(run=_run_batch)


def _run_report(args: argparse.Namespace) -> int:
    from newsqc.batch import read_records
    from newsqc.report import build_report, write_report

    if args.max_articles < 0:
        print(f"newsqc: --max-articles must be 0 or more, got {args.max_articles}", file=sys.stderr)
        return EXIT_USAGE
    try:
        records = read_records(args.paths, args.text_field, args.id_field)
        report = build_report(records, max_articles=args.max_articles, jobs=args.jobs)
        write_report(report, args.output)
    except OSError as error:
        print(f"newsqc: cannot read or write: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsqc: interrupted; no report written", file=sys.stderr)
        return EXIT_INTERRUPTED
    listed = min(len(report.articles()), report.records - report.errors)
    print(
        f"newsqc: {args.output}: {report.records} records, {report.errors} failed, {listed} articles listed",
        file=sys.stderr,
    )
    return EXIT_FAILED_RECORDS if report.errors else EXIT_OK


def add_report(sub: Any) -> None:
    """``newsqc report``: one self-contained HTML page of the records, flagged spans highlighted."""
    help_text = "write one self-contained HTML page: the corpus at a glance and the articles, highlighted"
    p = sub.add_parser(
        "report",
        help=help_text,
        description=help_text + ". The figures cover every record; the article list keeps at most "
        "--max-articles articles: the worst half by quality and a random sample (fixed seed) of the rest.",
        epilog=_EPILOG,
    )
    p.add_argument("paths", nargs="+", metavar="INPUT", help="inputs, as for newsqc assess (- for stdin)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    p.add_argument(
        "--max-articles", type=int, default=200, metavar="N", help="articles to list at most (default: 200)"
    )
    p.add_argument(
        "--text-field", default="text", metavar="NAME", help="the field holding the text (default: text)"
    )
    p.add_argument("--id-field", default="id", metavar="NAME", help="the field holding the id (default: id)")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N", help="processes (default 0: all cores)")
    p.set_defaults(run=_run_report)


def _load_model(path: str) -> Any:
    """The verdict model in the file at ``path`` (it travels to the workers), or None after
    saying why it cannot be used."""
    from newsqc.classifier import ModelError, load_model

    try:
        return load_model(path)
    except ModelError as error:
        print(f"newsqc: {error}", file=sys.stderr)
        return None


def _run_train(args: argparse.Namespace) -> int:
    from newsqc.classifier import read_labelled, train

    try:
        records = [r for path in args.paths for r in read_labelled(path)]
        metadata: dict[str, Any] = {"trained_on": [str(p) for p in args.paths]}
        if args.min_words is not None:
            metadata["min_words"] = args.min_words
        if args.drop_share is not None:
            metadata["drop_share"] = args.drop_share
        model = train(records, C=args.C, metadata=metadata)
        model.save(args.output)
    except (OSError, ValueError) as error:
        print(f"newsqc: {error}", file=sys.stderr)
        return EXIT_USAGE
    counts = ", ".join(f"{k} {v}" for k, v in model.metadata["samples"].items())
    print(f"newsqc: {args.output}: trained on {len(records)} records ({counts})", file=sys.stderr)
    return EXIT_OK


def add_train(sub: Any) -> None:
    """``newsqc train``: a verdict model from labelled records, for --model and assess(model=...)."""
    help_text = "train a verdict model on labelled JSON lines (text and verdict per line)"
    p = sub.add_parser(
        "train",
        help=help_text,
        description=help_text + "; optional id, title, url. verdict is keep, clean or drop. "
        "Use the model with `newsqc assess --model FILE` or newsqc.assess(text, model=FILE).",
        epilog=_EPILOG,
    )
    p.add_argument("paths", nargs="+", metavar="LABELLED", help="JSON-lines files of labelled records")
    p.add_argument("-o", "--output", required=True, metavar="MODEL", help="the model file to write (JSON)")
    p.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength (default: 1.0)")
    p.add_argument(
        "--min-words",
        type=int,
        metavar="N",
        help="drop any text with fewer than N words left once cleaned, whatever the model says "
        "(the shipped model: 50, its labelling rule; default: none)",
    )
    p.add_argument(
        "--drop-share",
        type=float,
        metavar="S",
        help="drop any text whose spans cover more than this share of its characters, whatever "
        "the model says (the shipped model: 0.5, its labelling rule; default: none)",
    )
    p.set_defaults(run=_run_train)


#: The subcommands: each function adds its parser and sets ``run`` (arguments -> exit code).
COMMANDS: list[Callable[[Any], None]] = [
    add_assess,
    add_clean,
    add_report,
    add_train,
]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsqc",
        description="Tell what is wrong with crawled news articles, and where.",
        epilog=_EPILOG,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


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
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
