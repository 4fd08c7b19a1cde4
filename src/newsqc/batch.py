"""Batch work: many articles, in input order, on every core; records in and out, resumable.

This module sits outside the core and only calls the public API (:func:`newsqc.assess`).

- :func:`assess_many` assesses texts on a pool of processes and yields the assessments in
  input order. At most a few chunks per process are in flight, so memory stays flat on a
  stream of any length, and each worker process imports newsqc and loads its resources once.
- :func:`read_records` streams records from JSON lines (plain, ``.gz``, ``.zst``), Parquet
  (read by batches), directories of ``.txt`` files, single ``.txt`` files and standard input
  (``-``). Every input record gives exactly one record out: a line that is not valid UTF-8 or
  JSON, or that has no string text field, gives an *error record* naming the line.
- :func:`run` is the job behind ``newsqc assess`` and ``newsqc clean``: records in, one output
  row per record, JSON lines or Parquet out, written so that ``resume=True`` completes an
  interrupted output with nothing lost and nothing written twice.
- :func:`assess_table` adds the output columns to a pandas DataFrame or an Arrow table/batch,
  for engines that hand out batches (Spark's ``mapInPandas``, Ray Data's ``map_batches``,
  Dask's ``map_partitions``: see :mod:`newsqc.dask`).

Exit codes of the command line (:func:`run` returns the first two):

- 0: every record was assessed;
- 1: some records failed; their error records are in the output, the run went on;
- 2: usage error: bad arguments, an input that cannot be opened, a missing optional package.
"""

from __future__ import annotations

import codecs
import gc
import gzip
import io
import json
import multiprocessing
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeVar
from urllib.parse import urlsplit

from newsqc.api import assess
from newsqc.article import Article
from newsqc.assessment import KINDS, Assessment
from newsqc.classifier import ModelLike
from newsqc.scorers.boilerplate import SiteChrome

__all__ = [
    "COLUMNS",
    "TABLE_COLUMNS",
    "JsonlOutput",
    "ParquetOutput",
    "Summary",
    "UsageError",
    "assess_many",
    "assess_record",
    "assess_table",
    "count_records",
    "jobs_count",
    "open_output",
    "ordered_map",
    "read_records",
    "rows",
    "run",
]

T = TypeVar("T")
R = TypeVar("R")

#: The fields of an output row, per command. An error record has ``id`` and ``error`` only.
COLUMNS: dict[str, tuple[str, ...]] = {
    "assess": ("id", "verdict", "quality", "scores", "spans", "language"),
    "clean": ("id", "verdict", "cleaned_text"),
}
#: The columns :func:`assess_table` adds.
TABLE_COLUMNS: tuple[str, ...] = (
    "verdict",
    "quality",
    "scores",
    "spans",
    "language",
    "cleaned_text",
    "error",
)

_WARM_TEXT = (
    "Officials met in Geneva on Monday to discuss the plan, which includes security guarantees.\n"
    "Share this article\n"
)


class UsageError(Exception):
    """A usage error (exit code 2): the message says what was expected."""


# --------------------------------------------------------------------------------------------
# Parallel, ordered, bounded map


def jobs_count(jobs: int | None) -> int:
    """The number of processes for ``jobs``: None or 0 or less means all usable cores.

    >>> jobs_count(3)
    3
    >>> jobs_count(None) >= 1
    True
    """
    if jobs is None or jobs <= 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return jobs


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _warm_up() -> None:
    """Load every lazy resource once, when a worker process starts, and freeze them out of
    the garbage collector.

    The resources (word tables, models) live as long as the process; ``gc.freeze`` keeps every
    full collection from walking their objects again (about 15 ms each since textstat's cmudict,
    with its half a million objects, is no longer loaded). With the fork start method this runs
    in the parent before the workers start, which also keeps the collector from copying the
    shared pages.
    """
    assess(_WARM_TEXT)
    gc.freeze()


def ordered_map(
    function: Callable[[list[T]], list[R]],
    items: Iterable[T],
    submit: Callable[[Callable[[list[T]], list[R]], list[T]], Future[list[R]]],
    chunksize: int,
    in_flight: int,
) -> Iterator[R]:
    """Apply ``function`` to chunks of ``items`` through ``submit``; results in input order.

    At most ``in_flight`` chunks are submitted and not yet yielded, so the input is read
    lazily and memory stays flat. ``submit`` is ``executor.submit`` or a Dask client's.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(ordered_map(lambda xs: [x * 2 for x in xs], range(5), pool.submit, 2, 2))
    [0, 2, 4, 6, 8]
    """
    pending: list[Future[list[R]]] = []
    for chunk in _chunks(items, chunksize):
        pending.append(submit(function, chunk))
        if len(pending) >= in_flight:
            yield from pending.pop(0).result()
    for future in pending:
        yield from future.result()


def _process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers have loaded newsqc's resources before their first chunk.

    With the fork start method the resources are loaded once, here, and the workers share
    them; otherwise each worker loads them once when it starts.
    """
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        _warm_up()
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_warm_up)


def _assess_chunk(texts: list[str]) -> list[Assessment]:
    return [assess(t) for t in texts]


def assess_many(texts: Iterable[str], jobs: int | None = 1, chunksize: int = 16) -> Iterator[Assessment]:
    """Assess many texts, yielding assessments in input order.

    ``jobs`` is the number of processes (None or 0: all cores). The results are the same for
    any ``jobs``. The input is read lazily, a few chunks of ``chunksize`` texts per process
    ahead, so memory stays flat on long streams.

    >>> [a.text for a in assess_many(["Second.", "First.", ""], jobs=1)]
    ['Second.', 'First.', '']
    """
    jobs = jobs_count(jobs)
    if jobs == 1:
        for text in texts:
            yield assess(text)
        return
    with _process_pool(jobs) as pool:
        yield from ordered_map(_assess_chunk, texts, pool.submit, chunksize, 4 * jobs)


# --------------------------------------------------------------------------------------------
# Readers


def _open_binary(path: str) -> BinaryIO:
    """A file opened for reading bytes, decompressed when its name ends in .gz or .zst."""
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.endswith(".zst"):
        try:
            import zstandard
        except ImportError as error:
            raise UsageError(
                f"reading {path} needs the zstandard package: pip install 'newsqc[zstd]'"
            ) from error
        raw = open(path, "rb")
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return open(path, "rb")


def _is_parquet(path: str) -> bool:
    return path.endswith((".parquet", ".pq"))


def _text_files(directory: Path) -> Iterator[Path]:
    """The .txt files under ``directory``, in sorted order of their relative paths."""
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                yield Path(root) / name


def _text_record(path: Path, rid: str) -> dict[str, Any]:
    data = path.read_bytes()
    try:
        return {"id": rid, "text": data.decode("utf-8")}
    except UnicodeDecodeError as error:
        return {"id": rid, "error": f"{path}: not valid UTF-8 (byte {error.start})"}


def _type_name(value: object) -> str:
    """How a value that is no string is named in an error.

    >>> _type_name(None), _type_name(42), _type_name([1])
    ('null', 'an int', 'a list')
    """
    if value is None:
        return "null"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _record(
    value: object, where: str, text_field: str, id_field: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A record from a decoded JSON object or a table row: id, text, title, url; or an error."""
    if not isinstance(value, dict):
        return {"id": where, "error": f"{where}: expected a JSON object, got {type(value).__name__}"}
    rid = value.get(id_field)
    rid = where if rid is None else rid
    text = value.get(text_field)
    if not isinstance(text, str):
        what = "missing" if text_field not in value else f"{_type_name(text)}, not a string"
        return {"id": rid, "error": f"{where}: field {text_field!r} is {what}"}
    out: dict[str, Any] = {"id": rid, "text": text}
    for key in ("title", "url"):
        if isinstance(value.get(key), str):
            out[key] = value[key]
    return out


def _jsonl_records(handle: IO[bytes], name: str, text_field: str, id_field: str) -> Iterator[dict[str, Any]]:
    for number, raw in enumerate(handle, 1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]  # a byte order mark, as Windows tools write
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield {"id": where, "error": f"{where}: not valid UTF-8 (byte {error.start})"}
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            yield {"id": where, "error": f"{where}: not valid JSON ({error})"}
            continue
        yield _record(value, where, text_field, id_field)


def _parquet_file(path: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise UsageError(f"reading {path} needs pyarrow: pip install 'newsqc[parquet]'") from error
    return pq.ParquetFile(path)


def _parquet_records(
    path: str, text_field: str, id_field: str, batch_size: int = 1024
) -> Iterator[dict[str, Any]]:
    parquet = _parquet_file(path)
    names = parquet.schema_arrow.names
    if text_field not in names:
        raise UsageError(f"{path} has no column {text_field!r}; its columns are: {', '.join(names)}")
    columns = [c for c in dict.fromkeys((id_field, text_field, "title", "url")) if c in names]
    row = 0
    for batch in parquet.iter_batches(batch_size=batch_size, columns=columns):
        for value in batch.to_pylist():
            row += 1
            yield _record(value, f"{path}:{row}", text_field, id_field)


def read_records(
    paths: Iterable[str], text_field: str = "text", id_field: str = "id", stdin: IO[bytes] | None = None
) -> Iterator[dict[str, Any]]:
    """Records from files, directories or standard input (path ``-``), streamed.

    Each record is a dict with ``id`` and ``text`` (and ``title``, ``url`` when given) or,
    for a record that cannot be read, ``id`` and ``error`` (which names the file and line).
    JSON lines may be plain, ``.gz`` or ``.zst``; ``.parquet`` files are read by batches; a
    directory gives its ``.txt`` files, one article each, with their relative paths as ids.
    The id of a JSON or Parquet record is its ``id_field``, else ``FILE:LINE``.
    Blank lines are skipped.

    >>> records = read_records(["-"], stdin=io.BytesIO(b'{"id": 7, "text": "Hi"}\\n[1]\\n'))
    >>> for record in records:
    ...     print(record)
    {'id': 7, 'text': 'Hi'}
    {'id': '<stdin>:2', 'error': '<stdin>:2: expected a JSON object, got list'}
    """
    for path in paths:
        if path == "-":
            yield from _jsonl_records(stdin or sys.stdin.buffer, "<stdin>", text_field, id_field)
        elif os.path.isdir(path):
            root = Path(path)
            for file in _text_files(root):
                yield _text_record(file, file.relative_to(root).as_posix())
        elif path.endswith(".txt"):
            yield _text_record(Path(path), Path(path).name)
        elif _is_parquet(path):
            yield from _parquet_records(path, text_field, id_field)
        else:
            with _open_binary(path) as handle:
                yield from _jsonl_records(handle, path, text_field, id_field)


def _count_lines(path: str) -> int:
    count = 0
    last = b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def count_records(paths: Iterable[str]) -> int | None:
    """About how many records :func:`read_records` gives, when that is cheap to know, else None.

    Parquet files count their rows, directories their ``.txt`` files, plain JSON-lines files
    their lines (blank lines included); compressed files and standard input are not counted.
    """
    total = 0
    for path in paths:
        if path == "-" or path.endswith((".gz", ".zst")):
            return None
        if os.path.isdir(path):
            total += sum(1 for _ in _text_files(Path(path)))
        elif path.endswith(".txt"):
            total += 1
        elif _is_parquet(path):
            total += _parquet_file(path).metadata.num_rows
        else:
            total += _count_lines(path)
    return total


# --------------------------------------------------------------------------------------------
# Rows


def _row_and_reasons(
    record: dict[str, Any], command: str, model: ModelLike = None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The output row for one record, and the reasons of its spans (for the summary)."""
    if "error" in record:
        return {"id": record["id"], "error": record["error"]}, ()
    try:
        result = assess(
            record["text"],
            title=record.get("title"),
            url=record.get("url"),
            model=model,
            chrome_lines=record.get("chrome_lines", ()),
        )
    except Exception as error:  # a bug must not stop a batch: it becomes an error record
        return {"id": record["id"], "error": f"{type(error).__name__}: {error}"}, ()
    row = result.to_dict()
    row["id"] = record["id"]
    return {name: row[name] for name in COLUMNS[command]}, tuple(s.reason for s in result.spans)


def assess_record(record: dict[str, Any], command: str = "assess") -> dict[str, Any]:
    """The output row for one record: the fields of ``COLUMNS[command]``, or id and error.

    >>> assess_record({"id": 1, "text": ""}, "clean")  # blank text is always dropped
    {'id': 1, 'verdict': 'drop', 'cleaned_text': ''}
    >>> assess_record({"id": 2, "error": "x.jsonl:2: not valid JSON"})
    {'id': 2, 'error': 'x.jsonl:2: not valid JSON'}
    """
    return _row_and_reasons(record, command)[0]


def _rows_chunk(
    records: list[dict[str, Any]], command: str, model: ModelLike = None
) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    return [_row_and_reasons(record, command, model) for record in records]


# --------------------------------------------------------------------------------------------
# Site chrome: the corpus-level pass


def site_of(record: dict[str, Any]) -> str:
    """The site a record comes from: the host of its ``url`` (without ``www.``), else ``""``.

    >>> site_of({"url": "https://www.example.com/news/1"}), site_of({"text": "x"})
    ('example.com', '')
    """
    url = record.get("url")
    if not isinstance(url, str):
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed URL, such as an unclosed IPv6 bracket
        return ""
    return host.removeprefix("www.")


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as the assessment reads them (:attr:`Article.lines`: a hard-wrapped
    paragraph one line, markdown's markup blanked, a text glued into one line cut again)."""
    return [line.text for line in Article.from_text(text).lines]


def learn_site_chrome(records: Iterable[dict[str, Any]], min_pages: int = 3) -> SiteChrome:
    """A :class:`SiteChrome` that has seen the lines of every readable record.

    >>> pages = [{"text": f"Story {i}.\\n## Subscribe now", "url": "https://a.org/{i}"} for i in range(3)]
    >>> learn_site_chrome(pages).count("a.org", "Subscribe now")
    3
    """
    chrome = SiteChrome(min_pages=min_pages)
    for record in records:
        if "error" not in record:
            chrome.observe(site_of(record), _lines(record["text"]))
    return chrome


def with_site_chrome(records: Iterable[dict[str, Any]], chrome: SiteChrome) -> Iterator[dict[str, Any]]:
    """The records, each with ``chrome_lines``: its lines that recur across its site's pages."""
    for record in records:
        if "error" not in record:
            lines = _lines(record["text"])
            found = chrome.chrome_lines(site_of(record), lines)
            if found:
                record = {**record, "chrome_lines": [lines[i] for i in found]}
        yield record


@dataclass
class Summary:
    """Counters of a batch run, in the manner of datatrove's: per verdict, kind and reason.

    ``kinds`` and ``reasons`` count records with at least one span of that kind or reason;
    ``spans`` counts the spans per reason.

    >>> s = Summary()
    >>> s.add({"verdict": "clean"}, ("boilerplate:counter", "boilerplate:counter"))
    >>> s.add({"id": 3, "error": "bad"}, ())
    >>> s.records, s.failed, dict(s.reasons), dict(s.spans)
    (2, 1, {'boilerplate:counter': 1}, {'boilerplate:counter': 2})
    """

    records: int = 0
    failed: int = 0
    skipped: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    spans: Counter[str] = field(default_factory=Counter)

    def add(self, row: dict[str, Any], reasons: tuple[str, ...]) -> None:
        """Count one output row and the reasons of its spans."""
        self.records += 1
        if "error" in row:
            self.failed += 1
            return
        self.verdicts[row["verdict"]] += 1
        self.spans.update(reasons)
        unique = set(reasons)
        self.reasons.update(unique)
        self.kinds.update({r.split(":", 1)[0] for r in unique})

    def to_dict(self) -> dict[str, Any]:
        """The counters as a JSON-ready dict."""
        return {
            "records": self.records,
            "failed": self.failed,
            "skipped": self.skipped,
            "verdicts": {v: self.verdicts[v] for v in ("keep", "clean", "drop")},
            "kinds": {k: self.kinds[k] for k in KINDS},
            "reasons": dict(sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
            "spans": dict(sorted(self.spans.items(), key=lambda kv: (-kv[1], kv[0]))),
        }

    def format(self) -> str:
        """A few lines for a person: records per verdict, per kind and per reason."""
        verdicts = ", ".join(f"{v} {self.verdicts[v]}" for v in ("keep", "clean", "drop"))
        lines = [f"{self.records} records: {verdicts}, {self.failed} failed"]
        if self.skipped:
            lines[0] += f" ({self.skipped} already in the output, skipped)"
        lines.append("records with spans of each kind: " + ", ".join(f"{k} {self.kinds[k]}" for k in KINDS))
        if self.reasons:
            width = max(len(r) for r in self.reasons)
            lines.append(f"{'reason':<{width}}  records    spans")
            for reason, count in sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"{reason:<{width}}  {count:>7}  {self.spans[reason]:>7}")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Writers


def _json_line(row: dict[str, Any]) -> bytes:
    try:
        return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them, escaped
        return (json.dumps(row) + "\n").encode("ascii")


class JsonlOutput:
    """JSON lines, one row per line, each line flushed as it is written.

    With ``resume``, an existing file is kept: a partial last line (a killed run) is cut off,
    and :attr:`done` counts the complete lines, which the run then skips in its input.
    """

    def __init__(self, path: str | None, resume: bool = False) -> None:
        self.done = 0
        if path is None or path == "-":
            self.handle: BinaryIO = sys.stdout.buffer
            self.owned = False
            return
        self.owned = True
        if resume and os.path.exists(path):
            self.handle = open(path, "r+b")
            self.done, end = self._complete_lines()
            self.handle.truncate(end)
            self.handle.seek(end)
        else:
            self.handle = open(path, "wb")

    def _complete_lines(self) -> tuple[int, int]:
        count = position = end = 0
        while block := self.handle.read(1 << 20):
            count += block.count(b"\n")
            last = block.rfind(b"\n")
            if last >= 0:
                end = position + last + 1
            position += len(block)
        return count, end

    def write(self, row: dict[str, Any]) -> None:
        """Write one row and flush it."""
        self.handle.write(_json_line(row))
        self.handle.flush()

    def close(self, complete: bool = True) -> None:
        """Close the file (standard output stays open)."""
        if self.owned:
            self.handle.close()
        else:
            self.handle.flush()


def _arrow_schema(command: str) -> Any:
    import pyarrow as pa

    span = pa.struct(
        [
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("kind", pa.string()),
            ("score", pa.float64()),
            ("reason", pa.string()),
            ("repair", pa.string()),
        ]
    )
    types = {
        "id": pa.string(),
        "verdict": pa.string(),
        "quality": pa.float64(),
        "scores": pa.struct([(k, pa.float64()) for k in KINDS]),
        "spans": pa.list_(span),
        "language": pa.string(),
        "cleaned_text": pa.string(),
        "error": pa.string(),
    }
    names = COLUMNS.get(command, TABLE_COLUMNS)
    return pa.schema([(name, types[name]) for name in dict.fromkeys((*names, "error"))])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _safe(value: Any) -> Any:
    """Strings that UTF-8 can hold (lone surrogates become U+FFFD); ids as strings."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", value)
    return value


def _parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    out = {key: _safe(value) for key, value in row.items()}
    rid = row.get("id")
    if rid is not None and not isinstance(rid, str):
        out["id"] = json.dumps(rid)
    return out


class ParquetOutput:
    """Parquet, one column per field, written so that a killed run can be resumed.

    Rows go to part files in ``PATH.parts/``, each written to a temporary name and renamed
    when complete; at the end of a complete run the parts are merged into ``PATH`` (again
    through a temporary name) and the folder is removed. With ``resume``, :attr:`done` counts
    the rows of the complete parts (or of a finished ``PATH``).
    """

    def __init__(self, path: str, command: str, resume: bool = False, rows_per_part: int = 2048) -> None:
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError as error:
            raise UsageError(f"writing {path} needs pyarrow: pip install 'newsqc[parquet]'") from error
        self.path = Path(path)
        self.parts = self.path.with_name(self.path.name + ".parts")
        self.schema = _arrow_schema(command)
        self.rows_per_part = rows_per_part
        self.buffer: list[dict[str, Any]] = []
        if not resume:
            shutil.rmtree(self.parts, ignore_errors=True)
        elif self.path.exists() and not self.parts.exists():
            self.parts.mkdir()
            os.replace(self.path, self.parts / "part-000000.parquet")
        self.parts.mkdir(parents=True, exist_ok=True)
        for stale in self.parts.glob("*.tmp"):
            stale.unlink()
        existing = self._part_files()
        self.done = sum(_parquet_file(str(p)).metadata.num_rows for p in existing)
        self.next_part = int(existing[-1].stem.split("-")[1]) + 1 if existing else 0

    def _part_files(self) -> list[Path]:
        return sorted(self.parts.glob("part-*.parquet"))

    def write(self, row: dict[str, Any]) -> None:
        """Buffer one row; a full buffer becomes a part file."""
        self.buffer.append(_parquet_row(row))
        if len(self.buffer) >= self.rows_per_part:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self.buffer, schema=self.schema)
        final = self.parts / f"part-{self.next_part:06d}.parquet"
        temporary = final.with_suffix(".tmp")
        pq.write_table(table, temporary)
        os.replace(temporary, final)
        self.next_part += 1
        self.buffer = []

    def close(self, complete: bool = True) -> None:
        """Write the buffered rows; when ``complete``, merge the parts into the output file."""
        self._flush()
        if not complete:
            return
        import pyarrow.parquet as pq

        temporary = self.path.with_name(self.path.name + ".tmp")
        with pq.ParquetWriter(temporary, self.schema) as writer:
            for part in self._part_files():
                writer.write_table(pq.read_table(part, schema=self.schema))
        os.replace(temporary, self.path)
        shutil.rmtree(self.parts)


def open_output(path: str | None, command: str, resume: bool = False) -> JsonlOutput | ParquetOutput:
    """The writer for ``path``: Parquet when it ends in ``.parquet``, else JSON lines."""
    if path is not None and _is_parquet(path):
        return ParquetOutput(path, command, resume)
    if resume and (path is None or path == "-"):
        raise UsageError("--resume needs an output file (-o FILE): standard output cannot be resumed")
    return JsonlOutput(path, resume)


# --------------------------------------------------------------------------------------------
# The job


def rows(
    records: Iterable[dict[str, Any]],
    command: str = "assess",
    jobs: int | None = None,
    chunksize: int = 16,
    submit: Callable[..., Future[Any]] | None = None,
    in_flight: int | None = None,
    model: ModelLike = None,
) -> Iterator[tuple[dict[str, Any], tuple[str, ...]]]:
    """Output rows for ``records`` in input order, each with the reasons of its spans.

    ``jobs`` processes (None: all cores) unless ``submit`` is given (a Dask client's).
    ``model`` (see :func:`newsqc.assess`) travels with each chunk to the workers.

    >>> [row for row, _ in rows([{"id": 1, "text": ""}], "clean", jobs=1)]
    [{'id': 1, 'verdict': 'drop', 'cleaned_text': ''}]
    """
    if command not in COLUMNS:
        raise ValueError(f"command must be one of {', '.join(COLUMNS)}, not {command!r}")
    work = partial(_rows_chunk, command=command, model=model)
    if submit is not None:
        yield from ordered_map(work, records, submit, chunksize, in_flight or 8)
        return
    jobs = jobs_count(jobs)
    if jobs == 1:
        for record in records:
            yield from work([record])
        return
    with _process_pool(jobs) as pool:
        yield from ordered_map(work, records, pool.submit, chunksize, in_flight or 4 * jobs)


def run(
    paths: list[str],
    output: str | None = None,
    command: str = "assess",
    *,
    jobs: int | None = None,
    text_field: str = "text",
    id_field: str = "id",
    resume: bool = False,
    progress: bool = True,
    errors: IO[str] | None = None,
    submit: Callable[..., Future[Any]] | None = None,
    in_flight: int | None = None,
    model: ModelLike = None,
    site_chrome: int = 0,
) -> Summary:
    """Assess the records of ``paths`` into ``output`` (standard output when None).

    Returns the :class:`Summary`; ``summary.failed`` is the number of error records. With
    ``resume``, the records already in ``output`` are skipped. ``submit`` (a Dask client's)
    replaces the local processes; ``in_flight`` bounds the chunks of 16 records submitted
    and not yet written. ``model``: the verdict model (see :func:`newsqc.assess`).
    ``site_chrome``: when 1 or more, a first pass reads every record and counts its lines per
    site (:func:`site_of`), and a line seen on at least ``site_chrome`` pages of its site is
    flagged ``boilerplate:site_chrome`` (memory bounded by :class:`SiteChrome`; needs files,
    not standard input). Raises :class:`UsageError`.
    """
    if command not in COLUMNS:
        raise UsageError(f"command must be one of {', '.join(COLUMNS)}, not {command!r}")
    if site_chrome and "-" in paths:
        raise UsageError("--site-chrome reads the input twice: give files, not standard input")
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise UsageError(f"cannot read {path}: no such file or directory")
    writer = open_output(output, command, resume)
    summary = Summary(skipped=writer.done)
    complete = False
    bar = None
    try:
        records: Iterator[dict[str, Any]] = read_records(paths, text_field, id_field)
        if site_chrome:
            chrome = learn_site_chrome(read_records(paths, text_field, id_field), site_chrome)
            records = with_site_chrome(records, chrome)
        records = islice(records, writer.done, None)
        if progress:
            from tqdm import tqdm

            bar = tqdm(
                total=count_records(paths),
                initial=writer.done,
                unit="doc",
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.05,
            )
        shown = 0
        for row, reasons in rows(records, command, jobs, submit=submit, in_flight=in_flight, model=model):
            writer.write(row)
            summary.add(row, reasons)
            if bar is not None:
                bar.update()
            if "error" in row and errors is not None:
                shown += 1
                if shown <= 10:
                    print(f"newsqc: {row['error']}", file=errors)
                elif shown == 11:
                    print("newsqc: more records failed (see the error records in the output)", file=errors)
        complete = True
    finally:
        if bar is not None:
            bar.close()
        writer.close(complete)
    return summary


# --------------------------------------------------------------------------------------------
# Tables: pandas DataFrames and Arrow tables or record batches


def _table_rows(texts: Iterable[object], jobs: int | None) -> list[dict[str, Any]]:
    """One dict of TABLE_COLUMNS per text; a text that is not a str gives an error row."""
    out: list[dict[str, Any] | None] = []
    good: list[str] = []
    where: list[int] = []
    for i, text in enumerate(texts):
        if isinstance(text, str):
            good.append(text)
            where.append(i)
            out.append(None)
        else:
            what = "missing" if text is None or text != text else f"{_type_name(text)}, not a string"
            out.append(dict.fromkeys(TABLE_COLUMNS) | {"error": f"row {i}: text is {what}"})
    for i, a in zip(where, assess_many(good, jobs=jobs), strict=True):
        row = a.to_dict()
        row["error"] = None
        out[i] = row
    return [r for r in out if r is not None]


def assess_table(batch: Any, text_column: str = "text", jobs: int | None = 1) -> Any:
    """The batch with the output columns added: verdict, quality, scores, spans, language,
    cleaned_text and error (None unless the text was missing or not a string).

    ``batch`` is a pandas DataFrame, a ``pyarrow.Table`` or a ``pyarrow.RecordBatch``; the
    result has the same type and the same rows. In pandas, ``scores`` holds dicts and
    ``spans`` lists of dicts; in Arrow they are a struct and a list of structs.

    >>> import pandas as pd
    >>> out = assess_table(pd.DataFrame({"text": ["", None]}))
    >>> out[["verdict", "error"]].values.tolist()
    [['drop', None], [None, 'row 1: text is missing']]
    """
    clash = [c for c in TABLE_COLUMNS if c in _column_names(batch)]
    if clash:
        raise ValueError(f"the batch already has the output columns {', '.join(clash)}: rename or drop them")
    if text_column not in _column_names(batch):
        raise ValueError(
            f"the batch has no column {text_column!r}; "
            f"its columns are: {', '.join(map(str, _column_names(batch)))}"
        )
    if hasattr(batch, "iloc"):  # pandas
        import pandas as pd

        found = _table_rows(batch[text_column].tolist(), jobs)
        out = batch.copy()
        for name in TABLE_COLUMNS:
            values = [r[name] for r in found]
            dtype = "float64" if name == "quality" else object
            out[name] = pd.Series(values, index=batch.index, dtype=dtype)
        return out
    import pyarrow as pa

    found = _table_rows(batch.column(text_column).to_pylist(), jobs)
    schema = _arrow_schema("table")
    arrays = [pa.array([_safe(r[f.name]) for r in found], type=f.type) for f in schema]
    if isinstance(batch, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(
            [*batch.columns, *arrays], names=[*batch.schema.names, *schema.names]
        )
    table = batch
    for f, array in zip(schema, arrays, strict=True):
        table = table.append_column(f, pa.chunked_array([array], type=f.type))
    return table


def _column_names(batch: Any) -> list[Any]:
    if hasattr(batch, "iloc"):
        return list(batch.columns)
    return list(batch.schema.names)
