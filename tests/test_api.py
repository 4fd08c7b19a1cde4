from __future__ import annotations

import json

import pytest

import newsqc
from newsqc import KINDS, Assessment, Span, Verdict
from tests.conftest import example, examples

ARTICLE = (
    "Home\n"
    "Officials from both countries met in Geneva on Monday to discuss a framework for a ceasefire. "
    "The talks lasted six hours and ended without a joint statement, according to people familiar "
    "with the meeting. Diplomats said the next round could take place within weeks.\n"
    "The proposal includes security guarantees and a phased withdrawal of troops from the front line. "
    "Critics in parliament said the plan left too many questions open.\n"
    "0 Comments\n"
)


def check(a: Assessment, text: str) -> None:
    assert isinstance(a, Assessment)
    assert isinstance(a.verdict, Verdict)
    assert 0.0 <= a.quality <= 1.0
    assert set(KINDS) <= set(a.scores)
    for kind in KINDS:
        assert 0.0 <= a.scores[kind] <= 1.0
    starts = [s.start for s in a.spans]
    assert starts == sorted(starts)
    for s in a.spans:
        assert isinstance(s, Span)
        assert 0 <= s.start < s.end <= len(text)
        assert s.kind in KINDS
        assert s.reason.startswith(s.kind + ":")
        assert 0.0 <= s.score <= 1.0
    assert a.language is None or (isinstance(a.language, str) and len(a.language) == 2)
    assert isinstance(a.cleaned_text, str)
    d = a.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d) >= {"verdict", "quality", "scores", "spans", "language", "cleaned_text"}


def test_assess_contract() -> None:
    a = newsqc.assess(ARTICLE, title="Geneva talks", url="https://example.org/a")
    check(a, ARTICLE)
    assert a.language == "en"
    assert a.verdict == Verdict.CLEAN
    assert "0 Comments" not in a.cleaned_text
    assert "Officials from both countries" in a.cleaned_text
    assert newsqc.clean(ARTICLE) == a.cleaned_text


def test_a_text_mostly_in_mojibake_has_the_language_of_its_repair() -> None:
    # A Russian article in windows-1251 read as Latin-1 read as Vietnamese, repaired or not.
    a = newsqc.assess(example("russian-in-windows-1251")["text"])
    assert a.language == "ru"
    assert a.cleaned_text.startswith("Совет депутатов")
    # A few repaired words leave the language as read.
    assert newsqc.assess(ARTICLE + " CafÃ© owners agreed.").language == "en"


ODD = [
    "",
    "   \n\t",
    "\x00",
    "\ud800",
    "word",
    "\u200f\u202e",
    "😀" * 50,
    # A line of soft hyphens alone spelt nothing, and the line features read its first letter.
    "Officials met on Monday.\n\xad\nThey agreed.",
    "\xad",
    "**\n## \n[](http://a.b)\n\ufb01\n\u0301",
]


@pytest.mark.parametrize("text", ODD)
def test_any_str_gets_an_assessment(text: str) -> None:
    a = newsqc.assess(text)
    check(a, text)


@pytest.mark.parametrize("text", ["", " \n \n", "\u200b"])
def test_blank_text_is_dropped(text: str) -> None:
    a = newsqc.assess(text)
    assert a.verdict == Verdict.DROP
    assert all(a.scores[k] == 0.0 for k in KINDS)


@pytest.mark.parametrize("bad", [b"bytes", bytearray(b"x"), None, 42, ["a list"]])
def test_non_str_raises_type_error_saying_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        newsqc.assess(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        newsqc.clean(bad)  # type: ignore[arg-type]


def test_bytes_error_says_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        newsqc.assess(b"text")  # type: ignore[arg-type]


def test_assess_many_keeps_order_and_matches_assess() -> None:
    texts = [ARTICLE, "", "0 Comments", ARTICLE.upper()]
    one = [a.to_dict() for a in newsqc.assess_many(texts)]
    assert one == [newsqc.assess(t).to_dict() for t in texts]
    two = [a.to_dict() for a in newsqc.assess_many(texts, jobs=2, chunksize=1)]
    assert two == one


def test_same_text_same_assessment() -> None:
    assert newsqc.assess(ARTICLE).to_dict() == newsqc.assess(ARTICLE).to_dict()


@pytest.mark.parametrize("key", [r["id"] for r in examples()])
def test_windows_line_breaks_get_the_same_assessment(key: str) -> None:
    """A text saved with "\\r\\n": the same verdict, quality, scores and features as with "\\n"
    (shares of the text included), the same spans over the same words, the same cleaned text."""
    text = example(key)["text"]
    unix, windows = newsqc.assess(text), newsqc.assess(text.replace("\n", "\r\n"))
    assert (windows.verdict, windows.quality, windows.scores, windows.features) == (
        unix.verdict,
        unix.quality,
        unix.scores,
        unix.features,
    )
    got = [(windows.text[s.start : s.end].replace("\r\n", "\n"), s.reason) for s in windows.spans]
    assert got == [(unix.text[s.start : s.end], s.reason) for s in unix.spans]
    assert windows.cleaned_text.replace("\r\n", "\n") == unix.cleaned_text


def test_public_names() -> None:
    for name in ("assess", "clean", "assess_many", "Assessment", "Span", "Verdict"):
        assert name in newsqc.__all__
    assert {v.value for v in Verdict} == {"keep", "clean", "drop"}


def test_chrome_lines_are_flagged_site_chrome() -> None:
    chrome = "The Riverside Ledger is owned by its readers."  # chrome the scorer cannot tell
    text = f"{chrome}\n{ARTICLE}"
    assert not any(s.reason == "boilerplate:site_chrome" for s in newsqc.assess(text).spans)
    a = newsqc.assess(text, chrome_lines=[f"  {chrome} "])
    found = [s for s in a.spans if s.reason == "boilerplate:site_chrome"]
    assert [(s.start, s.end, s.kind) for s in found] == [(0, len(chrome), "boilerplate")]
    assert chrome not in a.cleaned_text
    # a line of the article is only chrome when it is named, whole
    assert newsqc.assess(text, chrome_lines=["local news"]).spans == newsqc.assess(text).spans


def test_the_title_stays_in_the_cleaned_text() -> None:
    """Named by the caller, the headline above the article is kept; the chrome around it goes."""
    title = "Ceasefire Talks in Geneva End Without a Statement"
    text = f"Home\nWorld\nPolitics\n{title}\n{ARTICLE.removeprefix('Home')}"
    a = newsqc.assess(text, title=title)
    assert a.cleaned_text.startswith(title + "\n")
    assert "Home" not in a.cleaned_text and "0 Comments" not in a.cleaned_text


def test_bundled_examples_get_the_verdicts_their_names_say() -> None:
    """`make demo`'s articles: a visible regression there is what a new user sees first."""
    expected = {
        "clean-report": "keep",
        "report-with-chrome": "clean",
        "mojibake": "clean",
        "injected-spam": "clean",
        "chrome-only": "drop",
        "english-spam-in-italian": "clean",
        "chrome-inside-paragraphs": "clean",
        "comment-section": "clean",
        "russian-in-windows-1251": "clean",
        "escaped-line-breaks": "clean",
    }
    records = examples()
    assert {r["id"]: newsqc.assess(r["text"]).verdict.value for r in records} == expected
    assert not newsqc.assess(records[0]["text"]).spans
    # the clean report stored with its line breaks escaped: cleaning gives the report back
    assert newsqc.assess(records[-1]["text"]).cleaned_text == records[0]["text"].strip()


MARKDOWN_PAGE = (
    "# Harbour authority approves new ferry terminal\n\n"
    "The harbour authority approved plans on Friday for [a new ferry terminal]"
    "(https://www.example.com/news/ferry) that will replace the wooden pier used since the 1950s. "
    "The terminal will have room for two ships at once and a covered waiting hall for 300 passengers.\n\n"
    "The project will cost **18 million euros** and is due to open in the summer of 2028. Fishermen "
    "had asked for their moorings to be moved further east, and the final plan does so.\n\n"
    "Local shops welcomed the decision, saying that longer queues at the old pier had kept "
    "visitors away during the busy months.\n\n"
    "## Share this article\n\n[Share on Facebook](https://www.facebook.com/sharer.php?u=x)\n\n"
    "[Share on Twitter](https://twitter.com/intent/tweet?u=x)\n\n0 Comments\n\n## Related Articles\n\n"
    "[City council approves budget for 2024](https://www.example.com/news/budget)\n\n"
    "[New bus line to connect the harbour](https://www.example.com/news/bus)"
)


@pytest.mark.parametrize("space", [" ", "\xa0"], ids=["spaces", "no-break spaces"])
def test_markdown_chrome_goes_with_its_markup(space: str) -> None:
    """Firecrawl and Jina Reader write markdown: a link inside a sentence is no web address of
    spam, and a flagged heading or link leaves no "##" or "[](...)" behind (with no-break
    spaces too: "##\xa0Share" was left behind)."""
    page = MARKDOWN_PAGE.replace(" ", space)
    a = newsqc.assess(page)
    assert {s.kind for s in a.spans} == {"boilerplate"}
    article_end = page.index(f"##{space}Share")
    assert a.cleaned_text.strip() == page[:article_end].strip()


def test_jina_readers_header_names_the_title() -> None:
    """Jina Reader writes "Title:" and "URL Source:" above the markdown: its title is the
    article's headline (printed again as "# ..." it was read as a related link, and the
    article was dropped), and its lines are chrome."""
    header = (
        "Title: Harbour authority approves new ferry terminal\n\n"
        "URL Source: https://www.example.com/news/ferry-terminal\n\n"
        "Published Time: 2024-05-03T10:00:00Z\n\nMarkdown Content:\n"
    )
    a = newsqc.assess(header + MARKDOWN_PAGE)
    assert a.verdict == newsqc.assess(MARKDOWN_PAGE).verdict
    assert a.cleaned_text.strip() == MARKDOWN_PAGE[: MARKDOWN_PAGE.index("## Share")].strip()


def test_a_page_stored_with_escaped_line_breaks_is_read_by_line() -> None:
    """Chrome and copies in a text whose line breaks are JSON escapes are found line by line, and
    the cleaned text is the article with its line breaks."""
    lines = ARTICLE.removeprefix("Home").strip().split("\n")
    escaped = "\\n".join(["Home", "News", *lines, "Print", "Email", "Facebook"])
    a = newsqc.assess(escaped)
    assert {s.reason for s in a.spans} >= {
        "boilerplate:navigation",
        "boilerplate:call_to_action",
        "garbled:markup",
    }
    assert "Home" not in a.cleaned_text and "Print" not in a.cleaned_text
    assert "\\n" not in a.cleaned_text and a.cleaned_text.count("\n") >= len(lines) - 1
