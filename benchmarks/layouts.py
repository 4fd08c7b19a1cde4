"""Layout robustness: the quality benchmark's documents written the ways extractors and sites
write them, assessed again.

    python -m benchmarks.layouts [--split test|dev] [--jobs N] [--limit N] [--anchors]
    make bench-layouts   # the test build, newsqc and datatrove's filter stack; writes LAYOUTS.md

The same article reaches a pipeline with its paragraphs one line break apart (trafilatura) or a
blank line apart (newspaper3k), hard-wrapped (a plain-text feed, a newswire), in markdown
(Firecrawl, Jina Reader), one sentence per line, with the no-break spaces, zero-width spaces
and soft hyphens that sites print, with Windows line breaks, with a PDF's ligatures,
decomposed (NFD, as macOS writes), or glued into one line (BeautifulSoup's ``get_text(" ")``).
For each layout and system: the share of documents whose verdict is the one the document got
as built, the mean absolute change of ``quality``, and for newsqc the share whose spans flag
the same words as the same kinds. A system whose verdict depends on the layout gives two users
of one corpus two answers.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.quality import dataset
from benchmarks.quality.__main__ import run_system
from benchmarks.quality.metrics import Result
from benchmarks.quality.systems import anchors

RESULTS_MD = Path(__file__).resolve().parent / "LAYOUTS.md"
#: A line of this many words or more is a paragraph of prose (the soft hyphens go there).
PROSE_WORDS = 8


def _markdown_line(line: str) -> str:
    """A line as Firecrawl or Jina Reader write it: a link and strong emphasis in a paragraph,
    a short line without a full stop a heading.

    >>> _markdown_line("Home")
    'Home'
    >>> _markdown_line("Related stories")
    '## Related stories'
    """
    words = line.split(" ")
    if len(words) > 12:
        words[3] = f"[{words[3]}"
        words[4] = f"{words[4]}](https://www.example.com/news/{len(line)}-story)"
        words[7] = f"**{words[7]}"
        words[8] = f"{words[8]}**"
    elif 2 <= len(words) <= 8 and not line.endswith("."):
        words[0] = f"## {words[0]}"
    return " ".join(words)


def _lines(edit: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(map(edit, text.split("\n")))


#: Each layout rewrites a text as built (lines one break apart, or paragraphs a blank line
#: apart) without changing its words.
LAYOUTS: dict[str, Callable[[str], str]] = {
    "other_breaks": lambda t: t.replace("\n\n", "\n") if "\n\n" in t else t.replace("\n", "\n\n"),
    # Wrapped at spaces only, as fmt and a newswire wrap: a hyphen or a long web address is no
    # break (textwrap's default breaks both, which changes the words: "plague-" "contaminated").
    "hard_wrapped": lambda t: "\n\n".join(
        textwrap.fill(p, 72, break_on_hyphens=False, break_long_words=False)
        for p in t.split("\n")
        if p.strip()
    ),
    "markdown": _lines(_markdown_line),
    # Every fifth space a no-break space, as a CMS writes "&nbsp;" and the extractor decodes it.
    "no_break_spaces": lambda t: re.sub("( [^ ]*){5}", lambda m: "\xa0" + m.group()[1:], t),
    "zero_width_spaces": lambda t: t.replace(". ", ".\u200b "),
    # Soft hyphens in the longer words of the paragraphs ("Bundes\xadregierung"): menus and
    # buttons are not hyphenated.
    "soft_hyphens": _lines(
        lambda line: (
            re.sub(r"\b(\w{4})(\w{4,})", "\\1\xad\\2", line) if len(line.split()) >= PROSE_WORDS else line
        )
    ),
    # One sentence per line, as sites that break paragraphs with <br> come out of an extractor.
    "sentence_lines": lambda t: re.sub(r"(?<=[a-z][.!?]) (?=[A-Z])", "\n", t),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    # Typesetting ligatures, as text taken from a PDF has them.
    "ligatures": lambda t: t.replace("fi", "\ufb01").replace("fl", "\ufb02"),
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    # Glued into one line, every line break a space, as BeautifulSoup's get_text(" ", strip=True)
    # writes a page.
    "glued": lambda t: " ".join(t.split()),
}


def words(text: str) -> list[str]:
    """The words of ``text`` whatever its layout: markup, soft hyphens and zero-width spaces out,
    ligatures and decomposed letters as NFKC writes them.

    >>> words("## A [link](https://a.b/c) and **Bun\\xaddes**\\u200b.")
    ['A', 'link', 'and', 'Bundes.']
    """
    text = re.sub(r"\]\(https?://[^)]*\)|\*\*|^#+ |\[", "", text, flags=re.MULTILINE)
    return unicodedata.normalize("NFKC", text.replace("\xad", "").replace("\u200b", "")).split()


def flagged(text: str, result: Result) -> list[tuple[str, list[str]]]:
    """The words each span flags, with its kind, in order."""
    return [(kind, words(text[start:end])) for start, end, kind in result.spans]


def compare(
    texts: Sequence[str], base: Sequence[Result], other_texts: Sequence[str], other: Sequence[Result]
) -> dict[str, float]:
    """Agreement between the results of the texts as built and in another layout."""
    n = max(1, len(texts))
    return {
        "verdict_same": sum(a.verdict == b.verdict for a, b in zip(base, other, strict=True)) / n,
        "quality_change": sum(abs(a.quality - b.quality) for a, b in zip(base, other, strict=True)) / n,
        "spans_same": sum(
            flagged(t, a) == flagged(u, b) for t, a, u, b in zip(texts, base, other_texts, other, strict=True)
        )
        / n,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.layouts", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per CPU)")
    ap.add_argument("--limit", type=int, default=None, help="every Nth document only (a quick look)")
    ap.add_argument("--anchors", action="store_true", help="datatrove's filter stack too (the [bench] extra)")
    ap.add_argument("--layouts", nargs="+", choices=sorted(LAYOUTS), default=list(LAYOUTS))
    ap.add_argument("--no-write", action="store_true", help="do not write LAYOUTS.md")
    args = ap.parse_args(argv)
    try:
        docs = dataset.build(args.split)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.limit:
        docs = docs[:: args.limit]
    systems = ["newsqc"]
    if args.anchors:
        found, note = anchors()
        if "datatrove" not in found:
            print(f"datatrove cannot run here: {note}", file=sys.stderr)
            return 2
        systems.append("datatrove")
    texts = [d.text for d in docs]
    rows: list[str] = []
    for name in systems:
        base, _ = run_system(name, docs, args.jobs)
        for layout in args.layouts:
            other_texts = [LAYOUTS[layout](t) for t in texts]
            relaid = [dataclasses.replace(d, text=t) for d, t in zip(docs, other_texts, strict=True)]
            other, _ = run_system(name, relaid, args.jobs)
            figs = compare(texts, base, other_texts, other)
            spans = f"{figs['spans_same']:.3f}" if name == "newsqc" else "–"
            rows.append(
                f"| {name} | {layout} | {figs['verdict_same']:.3f} | {figs['quality_change']:.3f} | {spans} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)  # progress
    report = "\n".join(
        [
            "# Layout robustness",
            "",
            f"`python -m benchmarks.layouts{' --anchors' if args.anchors else ''}` on the {args.split} build "
            f"({len(docs)} documents). {__doc__.split(chr(10) + chr(10), 2)[2].strip()}",
            "",
            "| system | layout | verdict the same | mean quality change | same words flagged |",
            "| --- | --- | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )
    if not args.no_write and args.split == "test" and not args.limit:
        RESULTS_MD.write_text(report, encoding="utf-8")
    else:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
