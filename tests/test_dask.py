"""The Dask adapter, on a small in-process LocalCluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsqc.batch import assess_table
from newsqc.cli import main
from tests.test_batch import texts, write_jsonl

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from newsqc.dask import assess_bag, assess_dataframe  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_assess_dataframe_partition_by_partition(client: Any) -> None:
    frame = pd.DataFrame({"id": range(6), "body": texts(6)})
    ddf = dd.from_pandas(frame, npartitions=3)
    out = assess_dataframe(ddf, text_column="body")
    assert list(out.columns) == [
        *frame.columns,
        "verdict",
        "quality",
        "scores",
        "spans",
        "language",
        "cleaned_text",
        "error",
    ]
    got = client.compute(out).result()
    expected = assess_table(frame, text_column="body")
    assert got["id"].tolist() == list(range(6))
    for name in ("verdict", "quality", "scores", "spans", "language", "cleaned_text", "error"):
        assert got[name].tolist() == expected[name].tolist()


def test_assess_bag(client: Any) -> None:
    items = [*texts(3), {"text": texts(4)[3], "id": 9}, {"id": 10}]
    rows = client.compute(assess_bag(db.from_sequence(items, npartitions=2))).result()
    assert [r["verdict"] for r in rows[:4]] == assess_table(pd.DataFrame({"text": texts(4)}))[
        "verdict"
    ].tolist()
    assert rows[3]["id"] == 9 and rows[4] == {"id": 10, "error": "text is missing"}


def test_cli_on_a_cluster_gives_the_local_output(client: Any, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(texts(20))] + [{"x": 1}]
    )
    local, remote, own = tmp_path / "local.jsonl", tmp_path / "remote.jsonl", tmp_path / "own.jsonl"
    assert main(["assess", str(path), "-o", str(local), "-j", "1", "-q"]) == 1
    address = client.scheduler.address
    assert (
        main(["assess", str(path), "-o", str(remote), "-q", "--engine", "dask", "--scheduler", address]) == 1
    )
    assert remote.read_bytes() == local.read_bytes()
    assert main(["assess", str(path), "-o", str(own), "-q", "-j", "1", "--engine", "dask"]) == 1
    assert own.read_bytes() == local.read_bytes()
    assert json.loads(local.read_text(encoding="utf-8").splitlines()[-1])["error"].endswith("is missing")
