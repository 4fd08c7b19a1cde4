"""Assess a Ray Dataset of articles with newsqc, batch by batch, in Ray Data's map_batches.

    pip install newsqc 'ray[data]'
    python examples/ray_map_batches.py articles.parquet assessed/

:func:`newsqc.batch.assess_table` takes a pandas DataFrame or an Arrow table and returns the
same type with the output columns added (verdict, quality, scores, spans, language,
cleaned_text, error), so it is a ``map_batches`` function as it is. Each Ray worker process
loads newsqc's models once. Ray is not a dependency of newsqc: this is an example.
"""

from __future__ import annotations

import sys

from newsqc.batch import assess_table


def main(source: str, target: str) -> None:
    import ray

    articles = ray.data.read_parquet(source)  # a column "text", and any others
    assessed = articles.map_batches(
        assess_table,
        batch_format="pyarrow",  # or "pandas": assess_table takes and returns either
        batch_size=256,
        fn_kwargs={"text_column": "text"},
    )
    kept = assessed.filter(lambda row: row["verdict"] != "drop")
    kept.write_parquet(target)
    print(assessed.groupby("verdict").count().to_pandas())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
