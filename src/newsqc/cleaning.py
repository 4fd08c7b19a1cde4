"""Cleaned text: the text with its flagged spans removed and repairable garbling repaired.

A span that covers whole lines takes its line break with it; a span inside a line takes one
neighbouring space with it, so that "under pressure Chinese online shopping by isolationist"
becomes "under pressure by isolationist". A span with a ``repair`` is replaced by it.
Where a removed span and a repaired one overlap, the removal wins. A repaired span whose repair
is line breaks alone (JSON's escaped "\\n" in a text stored undecoded) is a line break: a
removed line before it takes it with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsqc.assessment import Span
from newsqc.scorers.base import merge_spans

__all__ = ["clean_text"]

_SPACE = " \t\u00a0"


def _removal(text: str, start: int, end: int, breaks: dict[int, int], ends: set[int]) -> tuple[int, int]:
    """Widen a removed range over the white space it leaves behind. ``breaks``: the escaped line
    breaks of the text, the end of each by its start; ``ends``, their ends."""
    before = start
    while before > 0 and text[before - 1] in _SPACE:
        before -= 1
    after = end
    while after < len(text) and text[after] in _SPACE:
        after += 1
    line_start = before == 0 or text[before - 1] in "\n\r" or before in ends
    line_end = after == len(text) or text[after] in "\n\r" or after in breaks
    if line_start and line_end:
        # Whole lines: drop them with the spaces around them and the line break after.
        start, end = before, after
        if text.startswith("\r\n", end):
            end += 2
        elif end < len(text) and text[end] in "\n\r":
            end += 1
        elif end in breaks:
            end = breaks[end]
        return start, end
    # Glued to a letter or digit ("bad\x07 word"): part of a word goes, the spaces stay.
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return start, end
    # Inside a line: take one space with it, the one after unless punctuation follows.
    if end < len(text) and text[end] in _SPACE and start > 0 and text[start - 1] in _SPACE:
        return start, end + 1
    if start > 0 and text[start - 1] in _SPACE:
        return start - 1, end
    if end < len(text) and text[end] in _SPACE:
        return start, end + 1
    return start, end


def clean_text(text: str, spans: Iterable[Span]) -> str:
    """``text`` with removed spans cut out and repaired spans replaced.

    >>> t = "Trump is under pressure Chinese online shopping by his party.\\n0 Comments\\n"
    >>> s = [Span(24, 47, "offtopic", 1.0, "offtopic:anchor"),
    ...      Span(62, 72, "boilerplate", 1.0, "boilerplate:counter")]
    >>> clean_text(t, s)
    'Trump is under pressure by his party.\\n'
    >>> clean_text("Itâ€™s fine", [Span(0, 6, "garbled", 1.0, "garbled:mojibake", repair="It’s")])
    'It’s fine'
    >>> clean_text("the vote\x07 was held", [Span(8, 9, "garbled", 1.0, "garbled:control")])
    'the vote was held'
    >>> t = "Home\\\\nIt rained."
    >>> clean_text(t, [Span(0, 4, "boilerplate", 1.0, "boilerplate:navigation"),
    ...                Span(4, 6, "garbled", 1.0, "garbled:markup", repair="\\n")])
    'It rained.'
    """
    spans = list(spans)
    breaks = {s.start: s.end for s in spans if s.repair and not s.repair.strip("\n")}
    ends = set(breaks.values())
    removed = merge_spans(_removal(text, s.start, s.end, breaks, ends) for s in spans if s.repair is None)
    repairs = sorted((s.start, s.end, s.repair) for s in spans if s.repair is not None)
    pieces: list[str] = []
    pos = 0
    r = 0  # index into removed
    for start, end, repair in repairs:
        while r < len(removed) and removed[r][1] <= start:
            if removed[r][0] >= pos:
                pieces.append(text[pos : removed[r][0]])
                pos = removed[r][1]
            elif removed[r][1] > pos:
                pos = removed[r][1]
            r += 1
        if start < pos or (r < len(removed) and removed[r][0] < end):
            continue  # overlaps a removal, or an earlier repair: the removal wins
        pieces.append(text[pos:start])
        pieces.append(repair or "")
        pos = end
    for rs, re_ in removed[r:]:
        if re_ <= pos:
            continue
        if rs > pos:
            pieces.append(text[pos:rs])
        pos = re_
    pieces.append(text[pos:])
    return "".join(pieces)
