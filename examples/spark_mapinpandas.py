"""Assess a Spark DataFrame of articles with newsqc, batch by batch, in Spark's mapInPandas.

    pip install newsqc pyspark
    python examples/spark_mapinpandas.py articles.parquet assessed.parquet

Each Spark task hands pandas DataFrames of its partition to ``assess_batches``;
:func:`newsqc.batch.assess_table` adds the output columns to each. newsqc must be installed
on every executor; it loads its models once per Python worker. Spark is not a dependency of
newsqc: this is an example.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from newsqc.batch import assess_table

# The added columns, in Spark's DDL: scores and spans as JSON-like structs.
OUTPUT_SCHEMA = (
    "verdict string, quality double, "
    "scores struct<boilerplate: double, offtopic: double, garbled: double, repetition: double>, "
    "spans array<struct<start: long, end: long, kind: string, score: double, reason: string, "
    "repair: string>>, "
    "language string, cleaned_text string, error string"
)


def assess_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas's function: pandas DataFrames in, the same with the output columns added."""
    for frame in batches:
        yield assess_table(frame, text_column="text")


def main(source: str, target: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsqc").getOrCreate()
    articles = spark.read.parquet(source)  # a column "text", and any others (id, url, ...)
    columns = ", ".join(f"`{f.name}` {f.dataType.simpleString()}" for f in articles.schema.fields)
    schema = f"{columns}, {OUTPUT_SCHEMA}"
    assessed = articles.mapInPandas(assess_batches, schema=schema)
    assessed.groupBy("verdict").count().show()
    assessed.filter("verdict != 'drop'").write.mode("overwrite").parquet(target)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
