"""The systems the benchmark scores: newsqc, and the anchors (datatrove's filters, ftfy).

Each system maps a text to a :class:`~benchmarks.quality.metrics.Result`.

- ``newsqc``: ``newsqc.assess``: its verdict, quality and spans.
- ``gopher_quality``, ``gopher_repetition``, ``fineweb``: datatrove's GopherQualityFilter,
  GopherRepetitionFilter and FineWebQualityFilter with their defaults. Whole-document filters:
  verdict ``keep`` or ``drop``, quality 1 or 0, no spans.
- ``c4``: datatrove's C4QualityFilter with its defaults. It rewrites the text, keeping some lines:
  every non-blank line it removed is a ``boilerplate`` span. Verdict ``drop`` when it drops the
  document, ``clean`` when it removed lines, else ``keep``; quality 0 when dropped, else the
  share of characters kept.
- ``datatrove``: the FineWeb stack in FineWeb's order (Gopher repetition, Gopher quality, C4,
  FineWeb quality), each filter reading the text the previous one left; spans and quality as
  for ``c4``.
- ``ftfy``: ``ftfy.badness.is_bad`` on each line: a bad line is a ``garbled`` span. No verdict,
  no quality.

The anchors need the ``[bench]`` extra (datatrove with its spaCy word tokenizer, ftfy);
:func:`anchors` says what is missing instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.quality.metrics import Result

__all__ = ["ANCHORS", "SPAN_KINDS", "System", "anchors", "newsqc_system"]

System = Callable[[str], Result]
ANCHORS: tuple[str, ...] = ("gopher_quality", "gopher_repetition", "c4", "fineweb", "datatrove", "ftfy")
#: The span kinds each system can output: span figures of other kinds are left out ("–").
SPAN_KINDS: dict[str, tuple[str, ...]] = {
    "newsqc": ("boilerplate", "offtopic", "garbled", "repetition"),
    "c4": ("boilerplate",),
    "datatrove": ("boilerplate",),
    "ftfy": ("garbled",),
}


def newsqc_system(text: str) -> Result:
    """newsqc's assessment of ``text`` as a benchmark result.

    >>> newsqc_system("Back to top button").verdict
    'drop'
    """
    import newsqc

    a = newsqc.assess(text)
    return Result(a.verdict.value, float(a.quality), tuple((s.start, s.end, s.kind) for s in a.spans))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of each line as str.splitlines() cuts them, blank ones too."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        start = pos + (body.index(stripped) if stripped else 0)
        out.append((start, start + len(stripped), stripped))
        pos += len(raw)
    return out


def _removed_lines(before: str, after: str) -> tuple[tuple[int, int, str], ...]:
    """The non-blank lines of ``before`` that C4 did not keep in ``after``, as boilerplate spans.

    C4 keeps lines in order (stripped, citations removed); identical lines get the same
    decision, so an in-order greedy match is exact.
    """
    from datatrove.pipeline.filters.c4_filters import CITATION_REGEX

    kept = after.split("\n") if after else []
    j = 0
    spans = []
    for start, end, line in _lines(before):
        if j < len(kept) and CITATION_REGEX.sub("", line) == kept[j]:
            j += 1
        elif line:
            spans.append((start, end, "boilerplate"))
    return tuple(spans)


def _doc_filter(make: Callable[[], Any]) -> System:
    holder: dict[str, Any] = {}

    def run(text: str) -> Result:
        from datatrove.data import Document

        if "f" not in holder:
            holder["f"] = make()
        ok = holder["f"].filter(Document(text=text, id="x"))
        keep = ok is True
        return Result("keep" if keep else "drop", 1.0 if keep else 0.0, ())

    return run


def _stack(makers: list[Callable[[], Any]], c4_index: int | None) -> System:
    holder: list[Any] = []

    def run(text: str) -> Result:
        from datatrove.data import Document

        if not holder:
            holder.extend(m() for m in makers)
        doc = Document(text=text, id="x")
        spans: tuple[tuple[int, int, str], ...] = ()
        for i, f in enumerate(holder):
            before = doc.text
            if f.filter(doc) is not True:
                return Result("drop", 0.0, spans)
            if i == c4_index:
                spans = _removed_lines(before, doc.text)
        if not spans:
            return Result("keep", 1.0, ())
        removed = sum(e - s for s, e, _ in spans)
        return Result("clean", max(0.0, 1.0 - removed / max(1, len(text))), spans)

    return run


def _ftfy(text: str) -> Result:
    from ftfy.badness import is_bad

    return Result(
        None, None, tuple((s, e, "garbled") for s, e, line in _lines(text) if line and is_bad(line))
    )


def anchors() -> tuple[dict[str, System], str | None]:
    """The anchor systems that can run here, and a note on what is missing (or None).

    >>> systems, missing = anchors()
    >>> set(systems) <= set(ANCHORS)
    True
    """
    out: dict[str, System] = {}
    notes = []
    try:
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
        from datatrove.utils.word_tokenizers import load_word_tokenizer

        load_word_tokenizer("en").word_tokenize("A test.")  # the spaCy tokenizer must load too
    except Exception as exc:  # ImportError, or spaCy missing behind datatrove
        notes.append(f"datatrove anchors skipped ({type(exc).__name__}: {exc}); pip install -e '.[bench]'")
    else:
        out["gopher_quality"] = _doc_filter(GopherQualityFilter)
        out["gopher_repetition"] = _doc_filter(GopherRepetitionFilter)
        out["c4"] = _stack([C4QualityFilter], 0)
        out["fineweb"] = _doc_filter(FineWebQualityFilter)
        out["datatrove"] = _stack(
            [GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter, FineWebQualityFilter], 2
        )
    try:
        import ftfy.badness  # noqa: F401
    except ImportError as exc:
        notes.append(f"ftfy anchor skipped ({exc})")
    else:
        out["ftfy"] = _ftfy
    return out, "; ".join(notes) or None
