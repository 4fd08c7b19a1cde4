"""The HTML report: escaping, overlapping spans, sampling bounds, the CLI, and a real browser."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsqc
from newsqc import KINDS, Assessment, Span, Verdict
from newsqc import report as rep
from newsqc.cli import main
from tests.conftest import require_shared

HOSTILE = "<script>alert(\"x\")</script> & 'q' \ud800\udfff\x00\x07\x1b\x7f\x85\ufffe end"


def fake(text: str, quality: float = 0.5, spans: tuple[Span, ...] = (), verdict: str = "keep") -> Assessment:
    """An assessment built by hand: fast, and with exactly the spans a test wants."""
    return Assessment(
        text=text,
        verdict=Verdict(verdict),
        quality=quality,
        scores=dict.fromkeys(KINDS, 0.0),
        spans=spans,
        language="en",
        cleaned_text=text,
    )


class Marks(HTMLParser):
    """Reads highlighted HTML back: the text pieces, the mark around each, the deepest nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, dict[str, str] | None]] = []
        self.open: dict[str, str] | None = None
        self.depth = 0
        self.max_depth = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
            self.open = {k: v or "" for k, v in attrs}

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1
            self.open = None

    def handle_data(self, data: str) -> None:
        self.pieces.append((data, self.open))


def read_marks(fragment: str) -> Marks:
    parser = Marks()
    parser.feed(fragment)
    parser.close()
    return parser


def shown(text: str) -> str:
    """What the page shows of ``text``: unsafe characters replaced one for one."""
    return html.unescape(rep._esc(text))


# --- highlight: escaping and overlaps ---------------------------------------------------------------


def test_highlight_escapes_everything_and_keeps_offsets() -> None:
    span = Span(0, 27, "offtopic", 0.8, "offtopic:anchor")
    out = rep.highlight(HOSTILE, [span])
    assert "<script" not in out and "\ud800" not in out and "\x00" not in out
    out.encode("utf-8")  # no lone surrogate is left
    marks = read_marks(out)
    assert marks.tags == ["mark"]
    assert "".join(p for p, _ in marks.pieces) == shown(HOSTILE)
    assert len(shown(HOSTILE)) == len(HOSTILE)  # one character for one: offsets still hold
    assert marks.pieces[0] == ('<script>alert("x")</script>', marks.pieces[0][1])
    assert marks.pieces[0][1] is not None and marks.pieces[0][1]["data-reason"] == "offtopic:anchor"


def test_marks_carry_kind_reason_and_score_on_hover() -> None:
    out = rep.highlight("x 0 Comments", [Span(2, 12, "boilerplate", 0.934, "boilerplate:counter")])
    assert (
        '<mark class="boilerplate" data-kind="boilerplate" data-kinds="boilerplate" '
        'data-reason="boilerplate:counter" title="boilerplate:counter (0.93)">0 Comments</mark>'
    ) in out


def test_overlapping_spans_split_at_boundaries_higher_priority_wins() -> None:
    text = "abcdefghijklmnopqrstuvwxyz0123"
    spans = [
        Span(0, 20, "boilerplate", 0.9, "boilerplate:navigation"),
        Span(5, 10, "offtopic", 0.7, "offtopic:anchor"),
        Span(8, 15, "garbled", 0.6, "garbled:mojibake", repair="ok"),
        Span(18, 30, "repetition", 0.5, "repetition:duplicate_line"),
    ]
    marks = read_marks(rep.highlight(text, spans))
    assert marks.max_depth == 1
    got = [(p, m["data-kind"] if m else None, m["data-kinds"] if m else None) for p, m in marks.pieces]
    assert got == [
        ("abcde", "boilerplate", "boilerplate"),
        ("fgh", "offtopic", "offtopic boilerplate"),
        ("ij", "garbled", "garbled offtopic boilerplate"),
        ("klmno", "garbled", "garbled boilerplate"),
        ("pqr", "boilerplate", "boilerplate"),
        ("st", "repetition", "repetition boilerplate"),
        ("uvwxyz0123", "repetition", "repetition"),
    ]
    repaired = [m for _, m in marks.pieces if m and m["data-kind"] == "garbled"]
    assert repaired[0]["title"] == "garbled:mojibake (0.60) → ok"


def test_spans_outside_the_text_are_clipped_and_empty_ones_ignored() -> None:
    spans = [Span(3, 99, "garbled", 1.0, "garbled:script"), Span(1, 1, "offtopic", 1.0, "offtopic:x")]
    marks = read_marks(rep.highlight("hello", spans))
    assert [(p, m and m["data-kind"]) for p, m in marks.pieces] == [("hel", None), ("lo", "garbled")]
    assert rep.highlight("", spans) == ""


SPANS = st.lists(
    st.tuples(
        st.integers(0, 45),
        st.integers(0, 45),
        st.sampled_from(KINDS),
        st.floats(0, 1),
    ),
    max_size=8,
)
TEXT = st.text(st.sampled_from([*list("ab <>&\"'\n\t\r"), "\ud800", "\x00", "\x85", "é", "😀"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT, SPANS)
def test_any_spans_give_flat_marks_of_the_right_kind(
    text: str, raw: list[tuple[int, int, str, float]]
) -> None:
    spans = [Span(min(a, b), max(a, b), k, s, f"{k}:test") for a, b, k, s in raw]
    out = rep.highlight(text, spans)
    out.encode("utf-8")
    marks = read_marks(out)
    assert marks.max_depth <= 1 and set(marks.tags) <= {"mark"}
    assert "".join(p for p, _ in marks.pieces) == shown(text)
    pos = 0
    for piece, mark in marks.pieces:
        for i in range(pos, pos + len(piece)):
            covering = [s.kind for s in spans if s.start <= i < s.end]
            want = min(covering, key=rep.PRIORITY.index) if covering else None
            assert (mark["data-kind"] if mark else None) == want
            if mark:
                assert set(mark["data-kinds"].split()) == set(covering)
                assert mark["data-reason"].startswith(mark["data-kind"] + ":")
        pos += len(piece)


# --- one article: to_html and _repr_html_ -----------------------------------------------------------


def test_assessment_to_html_and_repr_html() -> None:
    a = newsqc.assess("Officials met in Geneva on Monday to discuss the plan.\n0 Comments\n<b>x</b>\ud800")
    page = a.to_html()
    assert page == a._repr_html_()
    assert page.startswith('<div class="newsqc"><style>') and page.endswith("</div>")
    # "<b>x</b>" may be flagged as leftover markup and split into marks: escaped either way.
    assert "&lt;b&gt;" in page and "&lt;/b&gt;" in page and "x</b>" not in page
    page.encode("utf-8")
    assert 'data-kind="boilerplate"' in page
    assert "<script" not in page  # a notebook fragment needs no script


def test_links_only_for_http_urls() -> None:
    card = rep.render_assessment(fake("text"), url="javascript:alert(1)")
    assert "href" not in card and "javascript:alert(1)" in card
    card = rep.render_assessment(fake("text"), url='https://example.com/a?b=1&c="2"')
    assert 'href="https://example.com/a?b=1&amp;c=&quot;2&quot;"' in card


# --- the corpus report: aggregates and sampling -----------------------------------------------------


def article_count(page: str) -> int:
    return len(re.findall(r'<article class="doc"', page))


def test_sampling_keeps_at_most_n_with_the_worst_and_is_deterministic() -> None:
    def run() -> rep.Report:
        r = rep.Report(max_articles=10)
        for i in range(1000):
            quality = ((i * 7919) % 1000) / 1000  # each of 0.000 ... 0.999 once, shuffled
            r.add({"id": f"a{i}", "text": "x"}, fake("x", quality=quality))
        return r

    first, second = run(), run()
    kept = first.articles()
    assert len(kept) == 10
    assert [k.ident for k in kept] == [k.ident for k in second.articles()]
    qualities = sorted(k.assessment.quality for k in kept)
    assert qualities[:5] == [0.0, 0.001, 0.002, 0.003, 0.004]  # the five worst are always there
    assert qualities[5] > 0.004  # and the rest is a sample of the others
    assert first.records == 1000 and sum(first.histograms["quality"]) == 1000
    page = first.to_html()
    assert article_count(page) == 10
    assert "10 of 1,000 assessed articles are listed" in page


def test_sampling_small_inputs_and_zero() -> None:
    r = rep.Report(max_articles=10)
    for i in range(3):
        r.add({"id": i}, fake("x", quality=i / 3))
    assert [k.ident for k in r.articles()] == [0, 1, 2]
    assert "All 3 assessed articles are listed." in r.to_html()
    r = rep.Report(max_articles=0)
    r.add({"id": 0}, fake("x"))
    assert r.articles() == [] and article_count(r.to_html()) == 0
    with pytest.raises(ValueError, match="max_articles"):
        rep.Report(max_articles=-1)


def test_long_texts_are_cut() -> None:
    text = "word " * (rep.MAX_TEXT_CHARS // 2)
    span = Span(rep.MAX_TEXT_CHARS - 10, len(text), "repetition", 1.0, "repetition:stuffing")
    r = rep.Report()
    r.add({"id": 1}, fake(text, spans=(span,)))
    kept = r.articles()[0].assessment
    assert len(kept.text) < rep.MAX_TEXT_CHARS + 100 and "cut" in kept.text[-100:]
    assert kept.spans[0].end == rep.MAX_TEXT_CHARS
    assert r.histograms["quality"][5] == 1


def test_aggregates_reasons_sites_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rep, "MAX_SITES", 2)
    chrome = Span(0, 5, "boilerplate", 0.9, "boilerplate:navigation")
    insert = Span(6, 10, "offtopic", 0.9, "offtopic:anchor")
    r = rep.Report()
    r.add({"id": 1, "url": "https://www.chrome.example/a"}, fake("Home text", spans=(chrome,)))
    r.add({"id": 2, "url": "http://ads.example/b"}, fake("Some text x", spans=(insert,), verdict="clean"))
    r.add({"id": 3, "url": "http://third.example/"}, fake("t"))
    r.add({"id": 4, "url": "not a url"}, fake("t"))
    r.add({"id": 5, "error": "x.jsonl:5: not valid JSON <oops>"})
    assert r.records == 5 and r.errors == 1
    assert dict(r.verdicts) == {"keep": 3, "clean": 1}
    assert r.reasons == {"boilerplate:navigation": 1, "offtopic:anchor": 1}
    assert set(r.sites) == {"chrome.example", "ads.example"} and r.other_sites.articles == 1
    page = r.to_html()
    chrome_table = page.split('id="sites-chrome"')[1].split("</table>")[0]
    assert chrome_table.index("chrome.example") < chrome_table.index("ads.example")
    inserts = page.split('id="sites-insertions"')[1].split("</table>")[0]
    assert "ads.example" in inserts and "chrome.example" not in inserts
    assert "not valid JSON &lt;oops&gt;" in page
    assert "not in these tables: 1 article from other sites" in page


def test_page_is_self_contained_and_safe_for_hostile_records() -> None:
    records = [
        {"id": HOSTILE, "title": HOSTILE, "url": "https://e.example/" + HOSTILE, "text": HOSTILE},
        {"id": "</script><script>alert(1)</script>", "text": "</textarea></style>" + HOSTILE},
    ]
    page = rep.build_report(records).to_html(title=HOSTILE)
    page.encode("utf-8")
    assert page.count("<script>") == 1  # our own, and nothing from the records
    assert "<style>" in page and page.count("</style>") == 1
    assert not re.search(r"""(src|href)=["']?(?!https://e\.example/)[a-z]+:""", page)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert "@import" not in page and "url(" not in page
    assert article_count(page) == 2


def test_the_report_is_the_same_for_any_jobs() -> None:
    records = [
        {"id": i, "text": f"Talks resumed in Geneva on day {i}.\n0 Comments" * (i % 3)} for i in range(40)
    ]
    records.insert(7, {"id": "bad", "error": "x:8: not valid JSON"})
    one = rep.build_report(records, max_articles=6, jobs=1).to_html()
    assert rep.build_report(iter(records), max_articles=6, jobs=2).to_html() == one


class Tags(HTMLParser):
    """Every start tag and attribute of a page, and the text inside <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.in_script = False
        self.script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script += data


PIECES = st.sampled_from([*"a<>&\"'=/ \n", "<script>", "</div>", "javascript:", "\ud800", "\x00"])
WORDS = st.lists(PIECES, max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(WORDS, WORDS, WORDS, WORDS, SPANS), min_size=1, max_size=4))
def test_no_record_can_inject_markup(rows: list[tuple[str, str, str, str, list[Any]]]) -> None:
    r = rep.Report()
    for ident, title, url, text, raw in rows:
        spans = tuple(Span(min(a, b), max(a, b), k, x, f"{k}:{ident[:5]}") for a, b, k, x in raw)
        r.add({"id": ident, "title": title, "url": "http://" + url}, fake(text, spans=spans))
    page = r.to_html(title=rows[0][0])
    page.encode("utf-8")
    parser = Tags()
    parser.feed(page)
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "div",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "section",
    }
    allowed |= {
        "span",
        "b",
        "a",
        "label",
        "input",
        "select",
        "option",
        "article",
        "mark",
        "table",
        "tr",
        "th",
        "td",
    }
    allowed |= {"ul", "li", "script"}
    assert {tag for tag, _ in parser.tags} <= allowed
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert parser.script.strip() == rep._SCRIPT.strip()
    for _, attrs in parser.tags:
        assert not any(name.startswith("on") for name, _ in attrs)
        assert all((value or "").startswith("http") for name, value in attrs if name in ("href", "src"))


# --- the command line, in process -------------------------------------------------------------------


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": f"r{i}", "text": f"Talks resumed in Geneva, day {i}.\n0 Comments"})
        for i in range(5)
    ]
    src.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(src), "-o", str(out), "--max-articles", "2"]) == 1  # one bad line
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and article_count(page) == 2
    assert "not valid JSON" in page
    assert "report.html" in capsys.readouterr().err
    assert main(["report", str(src)]) == 2  # -o is required
    assert main(["report", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == 2
    assert main(["report", str(src), "-o", str(out), "--max-articles", "-1"]) == 2
    assert main(["report", str(src), "-o", str(tmp_path / "no" / "dir.html")]) == 2
    assert not list(tmp_path.glob("*.tmp"))


# --- a real browser ---------------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if found is None:
        message = (
            "chromium is not installed (`make test` installs Debian's chromium with apt-get when it can)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message + ", and CI must have it")
        pytest.skip(message)
    return found


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
        check=False,
    )


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    shared = require_shared()
    binary = chromium()
    seeds = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    folder = tmp_path_factory.mktemp("browser")
    page = folder / "report.html"
    assert main(["report", *seeds, "-o", str(page), "--jobs", "1"]) == 0
    return page, binary


def test_browser_runs_the_script_and_shows_the_highlights(
    seed_report: tuple[Path, str], tmp_path: Path
) -> None:
    page, binary = seed_report
    source = page.read_text(encoding="utf-8")
    done = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_lines(done.stderr) == []
    dom = done.stdout
    assert re.search(r'<html[^>]* data-ready="true"', dom), "the page's script did not run to its end"
    assert article_count(dom) == 5 and re.search(r'id="shown">5<', dom)
    marks = re.findall(
        r'<mark class="(\w+)" data-kind="(\w+)" data-kinds="[\w ]+" data-reason="([\w:]+)"', dom
    )
    assert marks, "no highlighted span in the page"
    assert len(marks) == source.count("<mark ")
    assert all(cls == kind in KINDS and reason.startswith(kind + ":") for cls, kind, reason in marks)


def test_browser_filters_from_the_address(seed_report: tuple[Path, str], tmp_path: Path) -> None:
    page, binary = seed_report
    done = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri() + "#verdict=keep")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_lines(done.stderr) == []
    docs = re.findall(r'<article class="doc" data-verdict="(\w+)"[^>]*?( hidden="")?>', done.stdout)
    assert len(docs) == 5
    assert all((verdict == "keep") == (not hidden) for verdict, hidden in docs)


def test_browser_screenshot(seed_report: tuple[Path, str], tmp_path: Path) -> None:
    page, binary = seed_report
    shot = tmp_path / "report.png"
    done = run_chromium(
        binary, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_lines(done.stderr) == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes


def test_any_record_gives_a_page(tmp_path: Path) -> None:
    """Records as batch reads them, hostile ones included, never crash the report."""
    records: list[dict[str, Any]] = [
        {"id": 1, "text": HOSTILE},
        {"id": 2, "text": ""},
        {"id": 3, "text": "\n\n\n"},
        {"id": 4, "error": "x:4: field 'text' is missing"},
    ]
    r = rep.build_report(records)
    rep.write_report(r, tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count('<article class="doc"') == 3
