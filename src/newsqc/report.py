"""The HTML report: one self-contained page for a corpus, and the HTML view of one article.

The page has no remote assets (inline CSS, a little inline JavaScript, inline bars for the
histograms) and works offline. It shows the corpus at a glance (counts per verdict, histograms
of quality and of each kind's score, the most frequent reasons, the sites with the most chrome
and the most insertions) and a list of articles, filterable by verdict and kind, sorted by
quality, each with its flagged spans highlighted and its cleaned text beside it.

Highlights: each flagged span becomes ``<mark class="KIND" data-kind="KIND" data-reason="REASON"
title="REASON (SCORE)">``. Overlapping spans are split at their boundaries, so the marks never
nest or interleave; each piece is marked with the kind that comes first in :data:`PRIORITY`
(the more specific defect wins), and ``data-kinds`` lists every kind that covers it.
Every string is HTML-escaped; control characters are shown as their control pictures (U+2400...)
and lone surrogates and noncharacters as U+FFFD, one character for one, so nothing in the text
can inject markup or break the page.

Sampling, so that the page stays bounded on any input: the aggregates (verdicts, histograms,
reasons) cover every record; the site tables follow at most :data:`MAX_SITES` sites (the first
ones seen; later new sites are counted together as "other sites"). The article list keeps at
most ``max_articles`` articles: the ``max_articles // 2`` worst ones (lowest quality) and a
uniform reservoir sample, with a fixed seed, of the rest; an article's text is cut at
:data:`MAX_TEXT_CHARS` characters. The same input gives the same page.
"""

from __future__ import annotations

import heapq
import html
import itertools
import math
import os
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsqc.assessment import KINDS, Assessment, Span

__all__ = [
    "DEFAULT_MAX_ARTICLES",
    "MAX_SITES",
    "MAX_TEXT_CHARS",
    "PRIORITY",
    "Report",
    "build_report",
    "highlight",
    "render_assessment",
    "write_report",
]

#: Articles the report lists at most, unless told otherwise.
DEFAULT_MAX_ARTICLES = 200
#: Characters of one article's text the report shows at most.
MAX_TEXT_CHARS = 50_000
#: Sites the site tables follow at most.
MAX_SITES = 10_000
#: Which kind marks a piece of text that spans of several kinds cover: the first one here.
PRIORITY: tuple[str, ...] = ("garbled", "offtopic", "repetition", "boilerplate")
_RANK = {kind: rank for rank, kind in enumerate(PRIORITY)}
_BINS = 10
_TOP_REASONS = 15
_TOP_SITES = 10
_MAX_ERRORS = 50

# Characters that must not reach the page as they are: C0/C1 controls (but tab, newline and
# carriage return), lone surrogates (they cannot be encoded) and noncharacters.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control picture: U+0007 becomes ␇
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def _esc(value: object) -> str:
    """``value`` as text that is safe in HTML content and in quoted attributes.

    >>> _esc('<script>"x"</script>\\x07\\ud800')
    '&lt;script&gt;&quot;x&quot;&lt;/script&gt;␇�'
    """
    return html.escape(_UNSAFE.sub(_visible, str(value)), quote=True)


def _finite(value: float) -> float:
    return value if isinstance(value, (int, float)) and math.isfinite(value) else 0.0


def _num(value: float) -> str:
    return f"{_finite(value):.2f}"


def _http_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address that may become a link, else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _site(url: str | None) -> str | None:
    """The host name of ``url``, without a leading ``www.``, or None.

    >>> _site("https://www.Example.com:8080/a?b"), _site("not a url"), _site(None)
    ('example.com', None, None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _priority(span: Span) -> tuple[int, float, int, int]:
    return (_RANK.get(span.kind, len(_RANK)), -_finite(span.score), span.start, -span.end)


def _mark_title(span: Span) -> str:
    title = f"{span.reason} ({_num(span.score)})"
    if span.repair is not None:
        title += f" → {span.repair}"
    return title


def highlight(text: str, spans: Iterable[Span]) -> str:
    """``text`` as HTML with each flagged span in a ``<mark>``, everything else escaped.

    Overlapping spans are split at their boundaries; each piece is marked with the kind of
    highest :data:`PRIORITY` and lists all kinds that cover it in ``data-kinds``. Offsets
    outside the text are clipped. Cost: linear in the text, n log n in the spans.

    >>> s = Span(6, 12, "boilerplate", 0.93, "boilerplate:counter")
    >>> highlight("a < b 0 Comments", [s])  # doctest: +NORMALIZE_WHITESPACE
    'a &lt; b <mark class="boilerplate" data-kind="boilerplate" data-kinds="boilerplate"
    data-reason="boilerplate:counter" title="boilerplate:counter (0.93)">0 Comm</mark>ents'
    """
    n = len(text)
    ordered = sorted(
        (s for s in spans if min(s.end, n) > min(s.start, n)),
        key=lambda s: (s.start, s.end),
    )
    bounds = sorted({0, n, *(min(s.start, n) for s in ordered), *(min(s.end, n) for s in ordered)})
    out: list[str] = []
    active: list[tuple[tuple[int, float, int, int], int, Span]] = []  # heap by priority
    kinds: Counter[str] = Counter()  # kinds of the spans that cover the current piece
    ends: list[tuple[int, str]] = []  # heap of (end, kind) to retire from ``kinds``
    nxt = 0  # next span of ``ordered`` to open
    open_span: Span | None = None  # the span whose <mark> is open
    open_kinds = ""
    for left, right in itertools.pairwise(bounds):
        while ends and ends[0][0] <= left:
            kinds[heapq.heappop(ends)[1]] -= 1
        while nxt < len(ordered) and ordered[nxt].start <= left:
            span = ordered[nxt]
            heapq.heappush(active, (_priority(span), nxt, span))
            heapq.heappush(ends, (min(span.end, n), span.kind))
            kinds[span.kind] += 1
            nxt += 1
        while active and min(active[0][2].end, n) <= left:
            heapq.heappop(active)
        top = active[0][2] if active else None
        covering = " ".join(k for k in PRIORITY if kinds[k] > 0)
        if top is not open_span or covering != open_kinds:
            if open_span is not None:
                out.append("</mark>")
            if top is not None:
                kind = _esc(top.kind)
                out.append(
                    f'<mark class="{kind}" data-kind="{kind}" data-kinds="{_esc(covering)}" '
                    f'data-reason="{_esc(top.reason)}" title="{_esc(_mark_title(top))}">'
                )
            open_span, open_kinds = top, covering
        out.append(_esc(text[left:right]))
    if open_span is not None:
        out.append("</mark>")
    return "".join(out)


_CSS = """
.newsqc{--boilerplate:#bccbe3;--offtopic:#ffc97a;--garbled:#ff9c9c;--repetition:#d7c1ff;
 --keep:#2e7d32;--clean:#b26a00;--drop:#c62828;--line:#dde1e6;--muted:#5f6b7a;
 font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2530}
.newsqc *{box-sizing:border-box}
.newsqc [hidden]{display:none!important}
.newsqc h1{font-size:22px;margin:0 0 4px}
.newsqc h2{font-size:17px;margin:22px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.newsqc h3{font-size:14px;margin:0 0 6px}
.newsqc .muted{color:var(--muted)}
.newsqc mark{border-radius:2px;padding:0 1px;color:inherit}
.newsqc mark.boilerplate{background:var(--boilerplate)}
.newsqc mark.offtopic{background:var(--offtopic)}
.newsqc mark.garbled{background:var(--garbled)}
.newsqc mark.repetition{background:var(--repetition)}
.newsqc mark[data-kinds*=" "]{outline:1px dashed #55606e}
.newsqc.hide-boilerplate mark.boilerplate,.newsqc.hide-offtopic mark.offtopic,
.newsqc.hide-garbled mark.garbled,.newsqc.hide-repetition mark.repetition{background:none;outline:none}
.newsqc .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px}
.newsqc .swatch.boilerplate{background:var(--boilerplate)}.newsqc .swatch.offtopic{background:var(--offtopic)}
.newsqc .swatch.garbled{background:var(--garbled)}.newsqc .swatch.repetition{background:var(--repetition)}
.newsqc .verdict{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-weight:600;
 font-size:12px}
.newsqc .verdict.keep{background:var(--keep)}.newsqc .verdict.clean{background:var(--clean)}
.newsqc .verdict.drop{background:var(--drop)}
.newsqc .cards{display:flex;gap:12px;flex-wrap:wrap}
.newsqc .card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:130px;
 background:#fff}
.newsqc .card .big{font-size:24px;font-weight:600}
.newsqc .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:14px}
.newsqc .hist{display:flex;align-items:flex-end;gap:2px;height:80px;border-bottom:1px solid #8893a0}
.newsqc .hist div{flex:1;background:#6b8cc7;min-height:1px}
.newsqc .hist.quality div{background:#4f9a6a}
.newsqc .axis{display:flex;justify-content:space-between;font-size:11px;color:var(--muted)}
.newsqc table{border-collapse:collapse;width:100%}
.newsqc td,.newsqc th{text-align:left;padding:2px 8px 2px 0;vertical-align:top;unicode-bidi:isolate}
.newsqc th{font-weight:600;border-bottom:1px solid var(--line)}
.newsqc td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.newsqc .bar{background:#6b8cc7;height:10px;display:inline-block;border-radius:2px}
.newsqc .controls{display:flex;gap:16px;flex-wrap:wrap;align-items:center;margin:8px 0 12px}
.newsqc article.doc{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:0 0 14px;
 background:#fff}
.newsqc .head{display:flex;gap:10px;flex-wrap:wrap;align-items:baseline}
.newsqc .head .id{font-weight:600;overflow-wrap:anywhere}
.newsqc .scores{display:flex;gap:12px;flex-wrap:wrap;font-size:12px;color:var(--muted);margin:4px 0}
.newsqc .cols{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin-top:6px}
.newsqc .text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;max-height:28em;overflow:auto;
 border:1px solid var(--line);border-radius:4px;padding:6px 8px;background:#fbfcfd;font-size:13px}
.newsqc .reasons{font-size:12px;color:var(--muted)}
@media (max-width:800px){.newsqc .cols{grid-template-columns:1fr}}
"""

_SCRIPT = """
(function () {
  var root = document.querySelector(".newsqc");
  var list = document.getElementById("doc-list");
  var docs = Array.prototype.slice.call(list.querySelectorAll("article.doc"));
  var verdict = document.getElementById("f-verdict");
  var kind = document.getElementById("f-kind");
  var order = document.getElementById("f-order");
  var shown = document.getElementById("shown");
  function apply() {
    var v = verdict.value, k = kind.value, n = 0;
    docs.forEach(function (d) {
      var kinds = " " + d.getAttribute("data-kinds") + " ";
      var ok = (!v || d.getAttribute("data-verdict") === v) &&
        (!k || (k === "none" ? kinds.trim() === "" : kinds.indexOf(" " + k + " ") >= 0));
      d.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = String(n);
  }
  function sort() {
    var sign = order.value === "best" ? -1 : 1;
    docs.sort(function (a, b) {
      var d = parseFloat(a.getAttribute("data-quality")) - parseFloat(b.getAttribute("data-quality"));
      return sign * d || Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
    });
    docs.forEach(function (d) { list.appendChild(d); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-toggle]"), function (box) {
    box.addEventListener("change", function () {
      root.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
  function remember() {
    var state = "verdict=" + verdict.value + "&kind=" + kind.value + "&order=" + order.value;
    try { history.replaceState(null, "", "#" + state); } catch (e) { /* file: URLs may refuse */ }
  }
  // The filters can come from the address: report.html#verdict=drop&kind=offtopic&order=best
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var kv = pair.split("="), boxes = {verdict: verdict, kind: kind, order: order}, value = "";
    var box = Object.prototype.hasOwnProperty.call(boxes, kv[0]) ? boxes[kv[0]] : null;
    try { value = decodeURIComponent(kv[1] || ""); } catch (e) { box = null; }
    if (box && Array.prototype.some.call(box.options, function (o) { return o.value === value; })) {
      box.value = value;
    }
  });
  verdict.addEventListener("change", function () { apply(); remember(); });
  kind.addEventListener("change", function () { apply(); remember(); });
  order.addEventListener("change", function () { sort(); apply(); remember(); });
  sort();
  apply();
  document.documentElement.setAttribute("data-ready", "true");
})();
"""


def _article_html(
    a: Assessment, *, ident: object = None, title: str | None = None, url: str | None = None, rank: int = 0
) -> str:
    """One article's card: header, scores, reasons, highlighted text and cleaned text."""
    kinds = " ".join(k for k in KINDS if any(s.kind == k for s in a.spans))
    verdict = _esc(a.verdict.value)
    head = [f'<span class="verdict {verdict}">{verdict}</span>']
    if ident is not None:
        head.append(f'<span class="id">{_esc(ident)}</span>')
    if title:
        head.append(f"<span>{_esc(title)}</span>")
    link = _http_url(url)
    if link:
        head.append(
            f'<a class="muted" href="{_esc(link)}" rel="noopener noreferrer nofollow">{_esc(link)}</a>'
        )
    elif url:
        head.append(f'<span class="muted">{_esc(url)}</span>')
    scores = [f"<span>quality <b>{_num(a.quality)}</b></span>"]
    scores += [f"<span>{_esc(k)} {_num(a.scores.get(k, 0.0))}</span>" for k in KINDS]
    scores.append(f"<span>language {_esc(a.language or '?')}</span>")
    scores.append(f"<span>{len(a.spans)} spans</span>")
    reasons = Counter(s.reason for s in a.spans)
    reason_text = ", ".join(f"{_esc(r)} ×{c}" if c > 1 else _esc(r) for r, c in sorted(reasons.items()))
    return (
        f'<article class="doc" data-verdict="{verdict}" data-kinds="{_esc(kinds)}" '
        f'data-quality="{_finite(a.quality):.4f}" data-rank="{rank}">'
        f'<div class="head">{"".join(head)}</div>'
        f'<div class="scores">{"".join(scores)}</div>'
        + (f'<div class="reasons">{reason_text}</div>' if reason_text else "")
        + '<div class="cols"><div><h3>Text, flagged spans highlighted</h3>'
        f'<div class="text flagged">{highlight(a.text, a.spans)}</div></div>'
        "<div><h3>Cleaned text</h3>"
        f'<div class="text cleaned">{_esc(a.cleaned_text)}</div></div></div>'
        "</article>"
    )


def _legend(toggles: bool) -> str:
    items = []
    for kind in KINDS:
        box = f'<input type="checkbox" checked data-toggle="{kind}"> ' if toggles else ""
        items.append(f'<label>{box}<span class="swatch {kind}"></span> {kind}</label>')
    return '<div class="controls legend">' + "".join(items) + "</div>"


def render_assessment(
    a: Assessment, *, ident: object = None, title: str | None = None, url: str | None = None
) -> str:
    """One article as a self-contained HTML fragment (its own ``<style>``), as the report shows it.

    >>> import newsqc
    >>> page = render_assessment(newsqc.assess("Talks resumed in Geneva.\\n0 Comments"))
    >>> page.startswith('<div class="newsqc">') and 'data-kind="boilerplate"' in page
    True
    """
    card = _article_html(a, ident=ident, title=title, url=url)
    return f'<div class="newsqc"><style>{_CSS}</style>{_legend(False)}{card}</div>'


@dataclass
class _Kept:
    """An article the report lists: where it came from and its assessment (text cut if long)."""

    index: int
    ident: object
    title: str | None
    url: str | None
    assessment: Assessment


def _cut(a: Assessment) -> Assessment:
    """``a`` with its text cut at :data:`MAX_TEXT_CHARS`, spans clipped to it."""
    if len(a.text) <= MAX_TEXT_CHARS and len(a.cleaned_text) <= MAX_TEXT_CHARS:
        return a
    note = f"\n[… cut: the report shows the first {MAX_TEXT_CHARS:,} characters]"
    text = a.text[:MAX_TEXT_CHARS]
    spans = tuple(
        Span(s.start, min(s.end, MAX_TEXT_CHARS), s.kind, s.score, s.reason, s.repair)
        for s in a.spans
        if s.start < MAX_TEXT_CHARS
    )
    cleaned = a.cleaned_text[:MAX_TEXT_CHARS] + (note if len(a.cleaned_text) > MAX_TEXT_CHARS else "")
    return Assessment(
        text=text + (note if len(a.text) > MAX_TEXT_CHARS else ""),
        verdict=a.verdict,
        quality=a.quality,
        scores=dict(a.scores),
        spans=spans,
        language=a.language,
        cleaned_text=cleaned,
    )


@dataclass
class _SiteStats:
    articles: int = 0
    chars: int = 0
    chrome_chars: int = 0
    insertions: int = 0


def _covered(spans: Sequence[Span], kind: str, n: int) -> int:
    total, reach = 0, 0
    for s in sorted((s for s in spans if s.kind == kind), key=lambda s: s.start):
        start, end = max(s.start, reach), min(s.end, n)
        if end > start:
            total += end - start
            reach = end
    return total


class Report:
    """Aggregates over every record added, and a bounded sample of articles to list.

    ``add`` each record with its assessment (or a record with ``error``), then ``to_html``.
    See the module docstring for what is sampled.

    >>> import newsqc
    >>> r = Report(max_articles=1)
    >>> for t in ["Talks resumed in Geneva on Monday.", "0 Comments"]:
    ...     r.add({"id": t[:5], "text": t}, newsqc.assess(t))
    >>> r.records, len(r.articles())
    (2, 1)
    """

    def __init__(self, max_articles: int = DEFAULT_MAX_ARTICLES, seed: int = 0) -> None:
        if max_articles < 0:
            raise ValueError(f"max_articles must be 0 or more, got {max_articles}")
        self.max_articles = max_articles
        self.seed = seed
        self.records = 0  # every record added, failed ones included
        self.errors = 0
        self.error_messages: list[str] = []  # the first few
        self.verdicts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()  # spans per reason
        self.reason_articles: Counter[str] = Counter()  # articles per reason
        self.kind_articles: Counter[str] = Counter()  # articles per kind
        self.histograms: dict[str, list[int]] = {k: [0] * _BINS for k in ("quality", *KINDS)}
        self.sites: dict[str, _SiteStats] = {}
        self.other_sites = _SiteStats()
        self._worst: list[tuple[float, int, _Kept]] = []  # heap: the best of the worst on top
        self._reservoir: list[_Kept] = []
        self._offered = 0  # articles offered to the reservoir
        self._rng = random.Random(seed)

    def add(self, record: Mapping[str, Any], assessment: Assessment | None = None) -> None:
        """Count one record; ``assessment`` is None for a record with an ``error``."""
        index = self.records
        self.records += 1
        if assessment is None:
            self.errors += 1
            if len(self.error_messages) < _MAX_ERRORS:
                self.error_messages.append(str(record.get("error", "no assessment")))
            return
        a = assessment
        self.verdicts[a.verdict.value] += 1
        self.histograms["quality"][_bin(a.quality)] += 1
        for kind in KINDS:
            self.histograms[kind][_bin(a.scores.get(kind, 0.0))] += 1
        self.reasons.update(s.reason for s in a.spans)
        self.reason_articles.update({s.reason for s in a.spans})
        self.kind_articles.update({s.kind for s in a.spans})
        url = record.get("url")
        site = _site(url) if isinstance(url, str) else None
        if site is not None:
            stats = self.sites.get(site)
            if stats is None:
                stats = (
                    self.other_sites
                    if len(self.sites) >= MAX_SITES
                    else self.sites.setdefault(site, _SiteStats())
                )
            stats.articles += 1
            stats.chars += len(a.text)
            stats.chrome_chars += _covered(a.spans, "boilerplate", len(a.text))
            stats.insertions += sum(1 for s in a.spans if s.kind == "offtopic")
        title = record.get("title")
        kept = _Kept(
            index,
            record.get("id", index),
            title if isinstance(title, str) else None,
            url if isinstance(url, str) else None,
            _cut(a),
        )
        self._sample(kept)

    def _sample(self, kept: _Kept) -> None:
        worst_size = self.max_articles // 2
        if worst_size:
            # A max-heap on quality (then on index): the best of the worst leaves first.
            heapq.heappush(self._worst, (-_finite(kept.assessment.quality), -kept.index, kept))
            if len(self._worst) <= worst_size:
                return
            kept = heapq.heappop(self._worst)[2]
        size = self.max_articles - worst_size
        self._offered += 1
        if len(self._reservoir) < size:
            self._reservoir.append(kept)
        elif size:
            j = self._rng.randrange(self._offered)
            if j < size:
                self._reservoir[j] = kept

    def articles(self) -> list[_Kept]:
        """The listed articles, worst quality first (then in input order)."""
        kept = [k for _, _, k in self._worst] + self._reservoir
        return sorted(kept, key=lambda k: (_finite(k.assessment.quality), k.index))

    def to_html(self, title: str = "newsqc report") -> str:
        """The whole page."""
        from newsqc import __version__

        kept = self.articles()
        assessed = self.records - self.errors
        sampled = (
            f"All {len(kept):,} assessed articles are listed."
            if len(kept) == assessed
            else f"{len(kept):,} of {assessed:,} assessed articles are listed: the "
            f"{min(len(self._worst), assessed):,} of lowest quality and a random sample (fixed seed "
            f"{self.seed}) of the rest. The figures above cover all records."
        )
        docs = "".join(
            _article_html(k.assessment, ident=k.ident, title=k.title, url=k.url, rank=rank)
            for rank, k in enumerate(kept)
        )
        kind_options = "".join(f'<option value="{k}">{k}</option>' for k in KINDS)
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{_esc(title)}</title><style>body{{margin:0;background:#f4f6f8}}"
            f".newsqc.page{{max-width:1400px;margin:0 auto;padding:16px 24px}}{_CSS}</style></head>"
            '<body><div class="newsqc page">'
            f'<header><h1>{_esc(title)}</h1><div class="muted">{self.records:,} records, '
            f"{assessed:,} assessed, {self.errors:,} failed · newsqc {_esc(__version__)}</div></header>"
            f"{self._overview_html()}"
            '<section id="articles"><h2>Articles</h2>'
            f'<p class="muted">{sampled}</p>'
            f"{_legend(True)}"
            '<div class="controls">'
            '<label>Verdict <select id="f-verdict"><option value="">all</option>'
            '<option value="keep">keep</option><option value="clean">clean</option>'
            '<option value="drop">drop</option></select></label>'
            f'<label>Kind <select id="f-kind"><option value="">all</option>{kind_options}'
            '<option value="none">nothing flagged</option></select></label>'
            '<label>Order <select id="f-order"><option value="worst">worst first</option>'
            '<option value="best">best first</option></select></label>'
            f'<span class="muted">showing <b id="shown">{len(kept)}</b> of {len(kept)}</span></div>'
            f'<div id="doc-list">{docs}</div></section>'
            f"</div><script>{_SCRIPT}</script></body></html>\n"
        )

    def _overview_html(self) -> str:
        assessed = self.records - self.errors
        cards = [_card("records", self.records)]
        for v in ("keep", "clean", "drop"):
            share = self.verdicts[v] / assessed if assessed else 0.0
            cards.append(
                f'<div class="card"><span class="verdict {v}">{v}</span>'
                f'<div class="big">{self.verdicts[v]:,}</div>'
                f'<div class="muted">{share:.0%}</div></div>'
            )
        if self.errors:
            cards.append(_card("failed", self.errors))
        hists = []
        for name, counts in self.histograms.items():
            flagged = (
                "" if name == "quality" else f" · {_plural(self.kind_articles[name], 'article')} flagged"
            )
            hists.append(
                f'<div class="card"><h3>{name}{flagged}</h3>{_histogram(name, counts)}'
                '<div class="axis"><span>0</span><span>0.5</span><span>1</span></div></div>'
            )
        parts = [
            '<section id="overview"><h2>The corpus at a glance</h2>',
            f'<div class="cards" id="verdicts">{"".join(cards)}</div>',
            '<h2>Histograms</h2><p class="muted">Articles per bin of width 0.1: quality (higher is better) '
            "and each kind's badness.</p>",
            f'<div class="grid" id="histograms">{"".join(hists)}</div>',
            "<h2>Most frequent reasons</h2>",
            self._reasons_html(),
            "<h2>Sites</h2>",
            self._sites_html(),
        ]
        if self.errors:
            items = "".join(f"<li>{_esc(m)}</li>" for m in self.error_messages)
            more = self.errors - len(self.error_messages)
            parts.append(
                f'<h2>Failed records</h2><ul id="errors">{items}</ul>'
                + (f'<p class="muted">and {more:,} more</p>' if more > 0 else "")
            )
        parts.append("</section>")
        return "".join(parts)

    def _reasons_html(self) -> str:
        top = sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP_REASONS]
        if not top:
            return '<p class="muted">Nothing flagged.</p>'
        most = top[0][1]
        rows = "".join(
            f'<tr><td><span class="swatch {_esc(r.partition(":")[0])}"></span> {_esc(r)}</td>'
            f'<td class="n">{c:,}</td><td class="n">{self.reason_articles[r]:,}</td>'
            f'<td style="width:40%"><span class="bar" style="width:{100 * c / most:.1f}%"></span></td></tr>'
            for r, c in top
        )
        return (
            '<table id="reasons"><tr><th>reason</th><th class="n">spans</th>'
            '<th class="n">articles</th><th></th></tr>'
            f"{rows}</table>"
        )

    def _sites_html(self) -> str:
        if not self.sites:
            return '<p class="muted">No record has a url.</p>'
        items = list(self.sites.items())
        chrome = sorted(
            items, key=lambda kv: (-_share(kv[1].chrome_chars, kv[1].chars), -kv[1].articles, kv[0])
        )
        inserts = sorted(
            (kv for kv in items if kv[1].insertions),
            key=lambda kv: (-kv[1].insertions / kv[1].articles, -kv[1].articles, kv[0]),
        )

        def table(ident: str, caption: str, rows: list[tuple[str, _SiteStats]]) -> str:
            body = "".join(
                f'<tr><td>{_esc(site)}</td><td class="n">{s.articles:,}</td>'
                f'<td class="n">{_share(s.chrome_chars, s.chars):.0%}</td>'
                f'<td class="n">{s.insertions:,}</td></tr>'
                for site, s in rows[:_TOP_SITES]
            )
            if not body:
                body = '<tr><td colspan="4" class="muted">none</td></tr>'
            return (
                f'<div class="card"><h3>{caption}</h3><table id="{ident}">'
                '<tr><th>site</th><th class="n">articles</th>'
                f'<th class="n">chrome</th><th class="n">insertions</th></tr>{body}</table></div>'
            )

        note = ""
        if self.other_sites.articles:
            note = (
                f'<p class="muted">Only the first {MAX_SITES:,} sites are followed; not in these tables: '
                f"{_plural(self.other_sites.articles, 'article')} from other sites.</p>"
            )
        return (
            '<p class="muted">chrome: share of the characters flagged as boilerplate; insertions: off-topic '
            "spans.</p>"
            '<div class="grid" style="grid-template-columns:repeat(auto-fill,minmax(420px,1fr))">'
            f"{table('sites-chrome', 'Most chrome', chrome)}"
            f"{table('sites-insertions', 'Most insertions per article', inserts)}</div>{note}"
        )


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _card(label: str, count: int) -> str:
    return f'<div class="card"><div class="muted">{label}</div><div class="big">{count:,}</div></div>'


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _bin(value: float) -> int:
    return min(_BINS - 1, max(0, int(_finite(value) * _BINS)))


def _histogram(name: str, counts: Sequence[int]) -> str:
    most = max(counts) or 1
    bars = "".join(
        f'<div style="height:{100 * c / most:.1f}%" '
        f'title="{i / _BINS:.1f}–{(i + 1) / _BINS:.1f}: {_plural(c, "article")}"></div>'
        for i, c in enumerate(counts)
    )
    return f'<div class="hist {name}" data-name="{name}">{bars}</div>'


def _assessed(record: Mapping[str, Any]) -> tuple[dict[str, Any], Assessment | str]:
    """What the report keeps of one record (id, title, url), and its assessment or error message."""
    from newsqc.api import assess

    meta = {key: record[key] for key in ("id", "title", "url") if key in record}
    if "error" in record or not isinstance(record.get("text"), str):
        return meta, str(record.get("error", f"{record.get('id')}: no text"))
    try:
        return meta, assess(record["text"], title=record.get("title"), url=record.get("url"))
    except Exception as error:  # a bug must not stop the report: the record counts as failed
        return meta, f"{record.get('id')}: {type(error).__name__}: {error}"


def _assessed_chunk(records: list[Mapping[str, Any]]) -> list[tuple[dict[str, Any], Assessment | str]]:
    return [_assessed(record) for record in records]


def build_report(
    records: Iterable[Mapping[str, Any]], max_articles: int = DEFAULT_MAX_ARTICLES, jobs: int | None = 1
) -> Report:
    """Assess each record (from :func:`newsqc.batch.read_records`) and gather the report.

    ``jobs`` is the number of processes (None or 0: all cores); the report is the same for
    any ``jobs``. A record with ``error``, or one whose assessment raises, counts as failed.

    >>> r = build_report([{"id": 1, "text": "0 Comments"}, {"id": 2, "error": "bad line"}])
    >>> r.records, r.errors, dict(r.verdicts)
    (2, 1, {'drop': 1})
    """
    from newsqc.batch import jobs_count, ordered_map

    report = Report(max_articles=max_articles)
    jobs = jobs_count(jobs)
    with ExitStack() as stack:
        if jobs == 1:
            results: Iterable[tuple[dict[str, Any], Assessment | str]] = map(_assessed, records)
        else:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
            results = ordered_map(_assessed_chunk, records, pool.submit, 16, 4 * jobs)
        for meta, result in results:
            if isinstance(result, str):
                report.add({**meta, "error": result})
            else:
                report.add(meta, result)
    return report


def write_report(report: Report, path: str | os.PathLike[str], title: str = "newsqc report") -> None:
    """Write ``report`` to ``path`` as one UTF-8 HTML file, atomically (a temporary file, then a rename).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> write_report(Report(), path)
    >>> path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    target = os.fspath(path)
    temp = f"{target}.{os.getpid()}.tmp"
    try:
        with open(temp, "w", encoding="utf-8", errors="replace") as out:
            out.write(report.to_html(title))
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
