"""Batch work: parallel order and determinism, readers, error records, resumable writers, tables."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsqc
from newsqc import batch
from newsqc.batch import (
    JsonlOutput,
    ParquetOutput,
    Summary,
    UsageError,
    assess_many,
    assess_table,
    count_records,
    read_records,
    run,
)
from tests.conftest import examples

ARTICLES = list(examples())


def texts(n: int) -> list[str]:
    """``n`` distinct texts made from the bundled examples (so that each differs)."""
    base = [a["text"] for a in ARTICLES] + ["", "0 Comments", "Share this article\nRead more"]
    return [f"{base[i % len(base)]}\nItem {i}." for i in range(n)]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_assess_many_same_result_for_any_jobs() -> None:
    items = texts(40)
    one = [a.to_dict() for a in assess_many(items, jobs=1)]
    two = [a.to_dict() for a in assess_many(items, jobs=2, chunksize=3)]
    assert json.dumps(one) == json.dumps(two)
    assert one == [newsqc.assess(t).to_dict() for t in items]


# Workers that start afresh and load the resources themselves: forkserver is Python 3.14's
# default start method on Linux, spawn the default on macOS and Windows.
_POOL_SCRIPT = """
import json, multiprocessing, sys
if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    from newsqc import assess_many
    texts = json.load(sys.stdin)
    print(json.dumps([a.to_dict() for a in assess_many(texts, jobs=2, chunksize=2)], sort_keys=True))
"""


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_assess_many_with_workers_that_do_not_fork(method: str) -> None:
    items = texts(7)
    run = subprocess.run(
        [sys.executable, "-c", _POOL_SCRIPT, method],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(run.stdout) == [newsqc.assess(t).to_dict() for t in items]


def test_assess_many_is_lazy() -> None:
    def endless() -> Any:
        i = 0
        while True:
            i += 1
            yield f"Line {i}"

    got = assess_many(endless(), jobs=2, chunksize=2)
    assert [next(got).text for _ in range(5)] == [f"Line {i}" for i in range(1, 6)]
    got.close()


def test_jsonl_error_records_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Hello there."}\n'
        b"\n"
        b"{not json\n"
        b'{"id": "b"}\n'
        b'{"id": "c", "text": 5}\n'
        b'{"text": "caf\xe9"}\n'
        b"[1, 2]\n"
        b'{"id": "d", "text": "Bye.", "title": "T", "url": "https://x.org/a"}'
    )
    records = list(read_records([str(path)]))
    assert [r["id"] for r in records] == ["a", f"{path}:3", "b", "c", f"{path}:6", f"{path}:7", "d"]
    errors = [r["error"] for r in records if "error" in r]
    assert errors[0].startswith(f"{path}:3: not valid JSON")
    assert errors[1] == f"{path}:4: field 'text' is missing"
    assert errors[2] == f"{path}:5: field 'text' is an int, not a string"
    assert errors[3] == f"{path}:6: not valid UTF-8 (byte 13)"
    assert errors[4] == f"{path}:7: expected a JSON object, got list"
    assert records[-1] == {"id": "d", "text": "Bye.", "title": "T", "url": "https://x.org/a"}
    assert count_records([str(path)]) == 8


def test_jsonl_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    """Windows tools start a UTF-8 file with a byte order mark: the first record still reads."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "Hello there."}\r\n{"id": "b", "text": "Bye."}\r\n')
    assert list(read_records([str(path)])) == [
        {"id": "a", "text": "Hello there."},
        {"id": "b", "text": "Bye."},
    ]


def test_compressed_inputs(tmp_path: Path) -> None:
    data = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts(3))).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(data))
    expected = [{"id": i, "text": t} for i, t in enumerate(texts(3))]
    assert list(read_records([str(tmp_path / "a.jsonl.gz")])) == expected
    assert count_records([str(tmp_path / "a.jsonl.gz")]) is None
    zstandard = pytest.importorskip("zstandard")
    (tmp_path / "a.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    assert list(read_records([str(tmp_path / "a.jsonl.zst")])) == expected


def test_text_directories_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "c.txt").write_bytes(b"\xff")
    (tmp_path / "d" / "skip.json").write_text("{}", encoding="utf-8")
    records = list(read_records([str(tmp_path / "d"), "-"], stdin=io.BytesIO(b'{"text": "In."}\n')))
    assert [r["id"] for r in records] == ["a.txt", "b.txt", "sub/c.txt", "<stdin>:1"]
    assert records[2]["error"].endswith("not valid UTF-8 (byte 0)")
    assert count_records([str(tmp_path / "d")]) == 3


def test_parquet_input(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": ["x", None, "z"], "body": ["One.", "Two.", None]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    records = list(read_records([str(tmp_path / "in.parquet")], text_field="body"))
    assert records[:2] == [{"id": "x", "text": "One."}, {"id": f"{tmp_path}/in.parquet:2", "text": "Two."}]
    assert records[2] == {"id": "z", "error": f"{tmp_path}/in.parquet:3: field 'body' is null, not a string"}
    assert count_records([str(tmp_path / "in.parquet")]) == 3
    with pytest.raises(UsageError, match="no column 'text'; its columns are: id, body"):
        list(read_records([str(tmp_path / "in.parquet")]))


def test_summary_counts_verdicts_kinds_reasons(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in texts(8)] + [{"id": 1}])
    out = tmp_path / "out.jsonl"
    summary = run([str(path)], str(out), jobs=1, progress=False)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.records == len(rows) == 9
    assert summary.failed == 1
    assert sum(summary.verdicts.values()) == 8
    reasons = [s["reason"] for r in rows if "spans" in r for s in r["spans"]]
    assert sum(summary.spans.values()) == len(reasons)
    assert set(summary.reasons) == set(reasons)
    assert "records: keep" in summary.format()
    assert json.loads(json.dumps(summary.to_dict()))["failed"] == 1


def test_jsonl_resume_cuts_a_partial_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": 1}\n{"id": 2}\n{"id": 3, "verd')
    writer = JsonlOutput(str(out), resume=True)
    assert writer.done == 2
    writer.write({"id": 3})
    writer.close()
    assert out.read_bytes() == b'{"id": 1}\n{"id": 2}\n{"id": 3}\n'
    assert JsonlOutput(str(out), resume=False).done == 0
    assert out.read_bytes() == b""


@pytest.mark.parametrize("suffix", ["jsonl", "parquet"])
def test_resume_completes_an_interrupted_run(tmp_path: Path, suffix: str) -> None:
    if suffix == "parquet":
        pytest.importorskip("pyarrow")
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(texts(12))])
    full = tmp_path / f"full.{suffix}"
    run([str(path)], str(full), jobs=1, progress=False)
    out = tmp_path / f"out.{suffix}"

    class Crash(Exception):
        pass

    def crashing_rows(*args: Any, **kwargs: Any) -> Any:
        for i, item in enumerate(original(*args, **kwargs)):
            if i == 7:
                raise Crash
            yield item

    original = batch.rows
    batch.rows = crashing_rows  # type: ignore[assignment]
    try:
        if suffix == "parquet":
            # small parts, so that the crash leaves complete parts and lost buffered rows
            init = ParquetOutput.__init__
            ParquetOutput.__init__ = lambda self, *a, **k: init(self, *a, **{**k, "rows_per_part": 3})  # type: ignore[method-assign]
        with pytest.raises(Crash):
            run([str(path)], str(out), jobs=1, progress=False)
    finally:
        batch.rows = original  # type: ignore[assignment]
        if suffix == "parquet":
            ParquetOutput.__init__ = init  # type: ignore[method-assign]
    if suffix == "jsonl":
        with out.open("ab") as handle:
            handle.write(b'{"id": 7, "verdict": "ke')  # a line cut by a kill
    else:
        assert not out.exists()
        (tmp_path / "out.parquet.parts" / "part-000009.tmp").write_bytes(b"PAR1 half")
    summary = run([str(path)], str(out), jobs=2, resume=True, progress=False)
    assert summary.skipped == 7 if suffix == "jsonl" else 6
    assert summary.records == 12 - summary.skipped
    if suffix == "jsonl":
        assert out.read_bytes() == full.read_bytes()
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).to_pylist() == pq.read_table(full).to_pylist()
        assert not (tmp_path / "out.parquet.parts").exists()
    again = run([str(path)], str(out), jobs=1, resume=True, progress=False)
    assert (again.skipped, again.records) == (12, 0)


def test_parquet_output_has_one_column_per_field(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": 5, "text": texts(1)[0]}, {"text": 3}, {"id": "\ud800", "text": "\ud800 x"}],
    )
    for command in ("assess", "clean"):
        out = tmp_path / f"{command}.parquet"
        run([str(path)], str(out), command, jobs=1, progress=False)
        table = pq.read_table(out)
        assert table.column_names == [*batch.COLUMNS[command], "error"]
        rows = table.to_pylist()
        assert rows[0]["id"] == "5" and rows[0]["error"] is None
        assert rows[1]["verdict"] is None and "field 'text' is an int" in rows[1]["error"]
    assert rows[2]["id"] == "\ufffd" and rows[2]["error"] is None  # Parquet holds UTF-8 only


def test_assess_table_pandas_and_arrow() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    items = [*texts(4), None]
    frame = pd.DataFrame({"body": items, "n": range(5)}, index=[10, 11, 12, 13, 14])
    out = assess_table(frame, text_column="body")
    assert list(out.columns) == ["body", "n", *batch.TABLE_COLUMNS]
    assert list(out.index) == [10, 11, 12, 13, 14]
    expected = [newsqc.assess(t).to_dict() for t in items[:4]]
    for name in ("verdict", "quality", "scores", "spans", "language", "cleaned_text"):
        assert out[name].tolist()[:4] == [e[name] for e in expected]
    assert out["error"].tolist() == [None] * 4 + ["row 4: text is missing"]
    table = pa.table({"body": items})
    for arrow in (table, table.to_batches()[0]):
        got = assess_table(arrow, text_column="body")
        assert type(got) is type(arrow)
        assert got.schema.names == ["body", *batch.TABLE_COLUMNS]
        assert got.column("verdict").to_pylist() == out["verdict"].tolist()
        assert got.column("spans").to_pylist()[0] == [
            {**s, "repair": s.get("repair")} for s in expected[0]["spans"]
        ]
    with pytest.raises(ValueError, match="no column 'text'; its columns are: body, n"):
        assess_table(frame)
    with pytest.raises(ValueError, match="already has the output columns verdict"):
        assess_table(out, text_column="body")


def test_summary_doc() -> None:
    s = Summary()
    s.add({"verdict": "drop"}, ("repetition:duplicate_line",))
    assert s.kinds["repetition"] == 1 and s.verdicts["drop"] == 1


def test_site_chrome_pass_flags_lines_recurring_on_a_site(tmp_path: Path) -> None:
    chrome = "The Riverside Ledger is owned by its readers."  # chrome the scorer cannot tell
    records = [
        {"id": i, "url": f"https://www.ledger.example/{i}", "text": f"{chrome}\n{ARTICLES[i % 3]['text']}"}
        for i in range(4)
    ] + [{"id": "other", "url": "https://other.example/1", "text": f"{chrome}\n{ARTICLES[0]['text']}"}]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"

    def chrome_flagged(site_chrome: int) -> dict[Any, set[str]]:
        """Per record, the reasons of the boilerplate spans over its first line."""
        run([str(path)], str(out), jobs=1, progress=False, site_chrome=site_chrome)
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        return {
            r["id"]: {s["reason"] for s in r["spans"] if s["start"] == 0 and s["end"] >= len(chrome)}
            for r in rows
        }

    before, after = chrome_flagged(0), chrome_flagged(3)
    assert all("boilerplate:site_chrome" not in reasons for reasons in before.values())
    assert all(after[i] for i in range(4))  # flagged by the scorer already, or as site chrome
    assert any(after[i] == {"boilerplate:site_chrome"} for i in range(4))
    assert after["other"] == before["other"]  # the other site saw the line once: not its chrome
    with pytest.raises(UsageError, match="not standard input"):
        run(["-"], str(out), progress=False, site_chrome=3)


def test_site_chrome_pass_reads_the_lines_of_glued_pages(tmp_path: Path) -> None:
    # Pages glued into one line (BeautifulSoup's get_text(" ")) get their lines back before the
    # pass counts them: the site's line recurs (the pass read each page as one line).
    chrome = "This newspaper is owned by its readers and run by a cooperative."  # the scorer keeps it
    records = []
    for i in range(4):
        body = " ".join(
            f"The council of district {i} met on day {k} to discuss item {k * 7 + i} of a long agenda."
            for k in range(20)
        )  # over 1,500 characters, every sentence its page's own
        records.append({"id": i, "url": f"https://www.ledger.example/{i}", "text": f"{chrome} {body}"})
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"

    def reasons_over_chrome(site_chrome: int) -> list[set[str]]:
        run([str(path)], str(out), jobs=1, progress=False, site_chrome=site_chrome)
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        return [
            {s["reason"] for s in r["spans"] if s["start"] == 0 and s["end"] >= len(chrome)} for r in rows
        ]

    assert not any(reasons_over_chrome(0))
    assert all(r == {"boilerplate:site_chrome"} for r in reasons_over_chrome(3))


def test_site_of_hosts() -> None:
    assert batch.site_of({"url": "http://[::1"}) == ""
    assert batch.site_of({"url": "https://News.Example.org:8080/a"}) == "news.example.org"
