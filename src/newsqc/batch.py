"""Batch work: many articles, in input order, on one or more processes; records in and out.

This module only calls the public API (:func:`newsqc.assess`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from newsqc.api import assess
from newsqc.assessment import Assessment

__all__ = ["assess_many", "assess_record", "read_records"]


def _jobs(jobs: int | None) -> int:
    if jobs is None or jobs <= 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return jobs


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _assess_chunk(texts: list[str]) -> list[Assessment]:
    return [assess(t) for t in texts]


def assess_many(texts: Iterable[str], jobs: int | None = 1, chunksize: int = 16) -> Iterator[Assessment]:
    """Assess many texts, yielding assessments in input order.

    ``jobs`` is the number of processes (None or 0: all cores). The input is read lazily,
    a bounded number of chunks ahead, so memory stays flat on long streams.

    >>> [a.verdict.value for a in assess_many(["", "0 Comments"])]
    ['drop', 'drop']
    """
    jobs = _jobs(jobs)
    if jobs == 1:
        for text in texts:
            yield assess(text)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[Any] = []
        for chunk in _chunks(texts, chunksize):
            pending.append(pool.submit(_assess_chunk, chunk))
            if len(pending) >= 4 * jobs:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def read_records(
    paths: Iterable[str], text_field: str = "text", stdin: TextIO | None = None
) -> Iterator[dict[str, Any]]:
    """Records from JSON-lines files, ``.txt`` files or standard input (path ``-``).

    Each record is a dict with ``id`` and ``text`` (and ``title``, ``url`` when given), or,
    for a line that cannot be read, ``id`` and ``error``.
    """
    for path in paths:
        if path == "-":
            yield from _jsonl_records(stdin or sys.stdin, "<stdin>", text_field)
        elif path.endswith(".txt"):
            p = Path(path)
            yield {"id": p.name, "text": p.read_text(encoding="utf-8", errors="replace")}
        else:
            with open(path, encoding="utf-8", errors="surrogateescape") as handle:
                yield from _jsonl_records(handle, path, text_field)


def _jsonl_records(handle: TextIO, name: str, text_field: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield {"id": where, "error": f"{where}: not valid JSON ({error})"}
            continue
        if not isinstance(record, dict):
            yield {"id": where, "error": f"{where}: expected a JSON object, got {type(record).__name__}"}
            continue
        text = record.get(text_field)
        rid = record.get("id", where)
        if not isinstance(text, str):
            what = "missing" if text is None else f"a {type(text).__name__}, not a string"
            yield {"id": rid, "error": f"{where}: field {text_field!r} is {what}"}
            continue
        out = {"id": rid, "text": text}
        for key in ("title", "url"):
            if isinstance(record.get(key), str):
                out[key] = record[key]
        yield out


def assess_record(record: dict[str, Any]) -> dict[str, Any]:
    """The output row for one record: id, verdict, quality, scores, spans, language (or error)."""
    if "error" in record:
        return {"id": record["id"], "error": record["error"]}
    try:
        result = assess(record["text"], title=record.get("title"), url=record.get("url"))
    except Exception as error:  # a bug must not stop a batch: it becomes an error record
        return {"id": record["id"], "error": f"{type(error).__name__}: {error}"}
    row = result.to_dict()
    del row["cleaned_text"]
    return {"id": record["id"], **row}
