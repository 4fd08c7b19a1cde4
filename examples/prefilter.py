"""For a summarization pipeline: keep, clean or drop each article, and pass on the text to use."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import newsqc


def texts_for_summarizer(articles: Iterable[str]) -> Iterator[str]:
    """Yield the text to summarize for each usable article; drop the rest."""
    for a in newsqc.assess_many(articles):
        if a.verdict == newsqc.Verdict.KEEP:
            yield a.text
        elif a.verdict == newsqc.Verdict.CLEAN:
            yield a.cleaned_text


if __name__ == "__main__":
    path = Path(__file__).resolve().parent / "data" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for text in texts_for_summarizer(r["text"] for r in records):
        print("->", text[:100].replace("\n", " "), "...")
