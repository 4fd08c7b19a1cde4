"""Assess on a Dask cluster: DataFrames and Bags partition by partition, and the CLI's client.

Dask is an optional extra (``pip install 'newsqc[dask]'``), imported only when used. Each
partition is assessed by :func:`newsqc.batch.assess_table` (DataFrames) or
:func:`newsqc.assess` (Bags) in the worker that holds it; a worker process loads newsqc's
resources once. ``newsqc assess --engine dask --scheduler ADDR`` streams the records of a
local input to the cluster's workers, in bounded chunks, and writes the output in input order
(see :func:`cluster_client`).

>>> import dask.dataframe as dd, pandas as pd
>>> ddf = dd.from_pandas(pd.DataFrame({"text": [""]}), npartitions=1)
>>> assess_dataframe(ddf).compute(scheduler="sync")["verdict"].tolist()
['drop']
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsqc.api import assess
from newsqc.batch import assess_table, jobs_count

__all__ = ["assess_bag", "assess_dataframe", "cluster_client"]

_MISSING = "newsqc.dask needs dask and distributed: pip install 'newsqc[dask]'"


def _require() -> None:
    try:
        import dask  # noqa: F401
    except ImportError as error:
        raise ImportError(_MISSING) from error


def assess_dataframe(ddf: Any, text_column: str = "text") -> Any:
    """A Dask DataFrame with the output columns of :func:`newsqc.batch.assess_table` added.

    Lazy, like every Dask DataFrame: each partition is assessed when it is computed.

    >>> import dask.dataframe as dd, pandas as pd
    >>> out = assess_dataframe(dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1))
    >>> list(out.columns)
    ['text', 'verdict', 'quality', 'scores', 'spans', 'language', 'cleaned_text', 'error']
    """
    _require()
    meta = assess_table(ddf._meta, text_column=text_column)
    return ddf.map_partitions(assess_table, text_column=text_column, meta=meta)


def _assess_items(items: Any, text_key: str) -> list[dict[str, Any]]:
    out = []
    for item in items:
        text = item.get(text_key) if isinstance(item, dict) else item
        if isinstance(text, str):
            row: dict[str, Any] = assess(text).to_dict()
            row["error"] = None
        else:
            what = "missing" if text is None else f"a {type(text).__name__}, not a string"
            row = {"error": f"text is {what}"}
        out.append({**item, **row} if isinstance(item, dict) else row)
    return out


def assess_bag(bag: Any, text_key: str = "text") -> Any:
    """A Dask Bag of assessments as dicts, one per item, in the bag's order.

    Items are texts, or dicts holding the text under ``text_key`` (the dict is kept and the
    output fields are added to it). A missing or non-string text gives a dict with ``error``.

    >>> import dask.bag as db
    >>> rows = assess_bag(db.from_sequence(["", {"text": None}])).compute(scheduler="sync")
    >>> rows[0]["verdict"], rows[1]["error"]
    ('drop', 'text is missing')
    """
    _require()
    return bag.map_partitions(_assess_items, text_key=text_key)


@contextmanager
def cluster_client(scheduler: str | None = None, jobs: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``scheduler``, or of a new LocalCluster.

    The LocalCluster listens on the loopback address and has ``jobs`` single-threaded worker
    processes (None or 0: all cores; 1: one worker thread in this process). Both are closed
    on exit.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ImportError(_MISSING) from error
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = jobs_count(jobs)
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=n > 1,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
