"""The command line: fields, error records, exit codes, Parquet, jobs, kill and resume."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsqc.cli import main
from tests.test_batch import texts, write_jsonl


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"a{i}", "text": t} for i, t in enumerate(texts(10))])


def test_assess_fields_and_bad_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "ok", "text": "Officials met on Monday."}\n{oops\n{"id": "n", "text": null}\n\xff\n'
    )
    out = tmp_path / "out.jsonl"
    assert main(["assess", str(path), "-o", str(out), "--jobs", "1"]) == 1
    rows = read_rows(out)
    assert len(rows) == 4
    assert list(rows[0]) == ["id", "verdict", "quality", "scores", "spans", "language"]
    assert rows[1] == {"id": f"{path}:2", "error": rows[1]["error"]}
    assert rows[1]["error"].startswith(f"{path}:2: not valid JSON")
    assert rows[2] == {"id": "n", "error": f"{path}:3: field 'text' is null, not a string"}
    assert rows[3]["error"] == f"{path}:4: not valid UTF-8 (byte 0)"
    err = capsys.readouterr().err
    assert "4 records: keep" in err and "3 failed" in err


def test_clean_fields_and_summary_file(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    assert main(["clean", str(corpus), "-o", str(out), "-j", "1", "-q", "--summary", str(summary)]) == 0
    rows = read_rows(out)
    assert [list(r) for r in rows] == [["id", "verdict", "cleaned_text"]] * 10
    counts = json.loads(summary.read_text(encoding="utf-8"))
    assert counts["records"] == 10 and sum(counts["verdicts"].values()) == 10
    assert capsys.readouterr().err == ""


def test_output_is_the_same_for_any_jobs(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["assess", str(corpus), "-o", str(one), "-j", "1", "-q"]) == 0
    assert main(["assess", str(corpus), "-o", str(two), "-j", "2", "-q"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in read_rows(one)] == [f"a{i}" for i in range(10)]


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": ""}\n')))
    assert main(["clean", "-j", "1"]) == 0
    assert json.loads(capsysbinary.readouterr().out) == {
        "id": "<stdin>:1",
        "verdict": "drop",
        "cleaned_text": "",
    }


def test_parquet_output(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["assess", str(corpus), "-o", str(out), "-j", "1", "-q"]) == 0
    table = pq.read_table(out)
    assert table.column_names == ["id", "verdict", "quality", "scores", "spans", "language", "error"]
    assert table.num_rows == 10


@pytest.mark.parametrize(
    "argv",
    [
        ["assess", "/nonexistent.jsonl"],
        ["assess", "--no-such-flag"],
        ["frobnicate"],
        ["assess", "--resume", "-"],
        ["assess", "--scheduler", "tcp://127.0.0.1:1", "-"],
        ["assess", "--site-chrome", "3", "-"],
        ["assess", "--site-chrome", "-1", "-"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == 2


def test_site_chrome_option(tmp_path: Path) -> None:
    # Each of three texts printed twice: their lines recur on the one site ("" without urls).
    records = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts(3) * 2)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    assert main(["assess", str(path), "-q", "-j", "1", "--site-chrome", "2", "-o", str(out)]) == 0
    rows = read_rows(out)
    assert len(rows) == 6
    assert any(s["reason"] == "boilerplate:site_chrome" for r in rows for s in r["spans"])


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Exit codes: 0" in out and "1 some records failed" in out and "2 usage error" in out


def test_kill_then_resume_completes_the_output(tmp_path: Path) -> None:
    # Enough records that the run cannot finish between two looks at the output (at most
    # 4 * jobs chunks of 16 are in flight when it is killed).
    n = 1000
    records = [{"id": i, "text": t} for i, t in enumerate(texts(n))]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out, full = tmp_path / "out.jsonl", tmp_path / "full.jsonl"
    command = [sys.executable, "-m", "newsqc.cli", "assess", str(path), "-o", str(out), "-j", "2", "-q"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 10):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_bytes().count(b"\n")
    assert 10 <= written < n, "the run was not killed midway"
    assert main(["assess", str(path), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    assert main(["assess", str(path), "-o", str(full), "-j", "2", "-q"]) == 0
    assert out.read_bytes() == full.read_bytes()


def test_sigint_leaves_valid_partial_output_then_resume(tmp_path: Path) -> None:
    n = 400  # enough that the run cannot finish between two looks at the output
    records = [{"id": i, "text": t} for i, t in enumerate(texts(n))]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out, full = tmp_path / "out.jsonl", tmp_path / "full.jsonl"
    command = [sys.executable, "-m", "newsqc.cli", "assess", str(path), "-o", str(out), "-j", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 10):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "--resume" in stderr
    rows = read_rows(out)  # every line written is whole JSON
    assert 10 <= len(rows) < n and [r["id"] for r in rows] == list(range(len(rows)))
    assert main(["assess", str(path), "-o", str(out), "-j", "1", "-q", "--resume"]) == 0
    assert main(["assess", str(path), "-o", str(full), "-j", "2", "-q"]) == 0
    assert out.read_bytes() == full.read_bytes()


def test_empty_file_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["assess", str(empty), "-o", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8") == ""
    assert main(["assess", str(tmp_path / "gone.jsonl"), "-o", str(out), "-q"]) == 2
    assert "gone.jsonl" in capsys.readouterr().err


def test_python_dash_m_newsqc_runs_the_command(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The council voted on Monday to rebuild the old bridge over the river.\n0 Comments\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "newsqc", "assess", str(path), "-q"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)
    assert [s["reason"] for s in row["spans"]] == ["boilerplate:counter"]
