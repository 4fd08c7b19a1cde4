"""The boilerplate scorer: labelled cases, look-alikes, other languages, the corpus, SiteChrome.

Cases live in tests/cases/boilerplate.jsonl, one JSON object a line:

- ``text``; ``flag``: snippets (at their ``occurrence``, counted from 1) that boilerplate spans
  must cover for at least half of their characters, with that ``reason`` when one is given;
- ``keep``: snippets that spans may cover for at most a fifth of their characters;
- ``no_spans``: no boilerplate span at all (a look-alike: tables, lists, subheadings, FAQ,
  quotes, non-English prose);
- ``xfail``: a known miss (a strict xfail naming the blind spot); ``note``: what the case shows.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np
import pytest

from newsqc.article import Article
from newsqc.language import detect_language
from newsqc.scorers.base import Finding, covered, ratio
from newsqc.scorers.boilerplate import (
    _INLINE_START,
    _START_INITIALS,
    FEATURES,
    Boilerplate,
    SiteChrome,
    _after_main_block,
    flag_lines,
    line_features,
)
from tests.conftest import require_shared
from tests.scorers.cases import case_params, cover, find, load_cases

CASES = load_cases("boilerplate")
SCORER = Boilerplate()


def _article(text: str) -> Article:
    article = Article.from_text(text)
    return dataclasses.replace(article, language=detect_language(article))


def _score(text: str) -> Finding:
    return SCORER.score(_article(text))


def _flag_lines(lines: list[str], p: list[float]) -> tuple[np.ndarray, list[str | None]]:
    """flag_lines on the text of ``lines``, the line model's probabilities set to ``p``."""
    article = _article("\n".join(lines))
    x, reasons = line_features(article)
    return flag_lines(article, np.array(p), reasons, x, 0.7)


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    found = _score(text)
    shown = [(s.reason, text[s.start : s.end][:60]) for s in found.spans]
    if case.get("no_spans"):
        assert not found.spans, shown
    for item in case.get("flag", []):
        start = find(text, item["snippet"], item.get("occurrence", 1))
        assert cover(found, start, start + len(item["snippet"]), item.get("reason")) >= 0.5, (item, shown)
    for snippet in case.get("keep", []):
        start = find(text, snippet)
        assert cover(found, start, start + len(snippet)) <= 0.2, (snippet, shown)


def test_every_span_is_whole_lines_with_a_reason() -> None:
    text = CASES[0]["text"]
    article = _article(text)
    starts = {line.start for line in article.lines}
    ends = {line.end for line in article.lines}
    found = SCORER.score(article)
    assert found.spans
    for span in found.spans:
        assert span.kind == "boilerplate"
        assert span.start in starts and span.end in ends
        assert span.reason.startswith("boilerplate:") and span.reason != "boilerplate:"
        assert 0.0 <= span.score <= 1.0
    assert 0.0 < found.score <= 1.0
    assert set(found.features) >= {"boilerplate_lines", "boilerplate_mean_probability"}


@pytest.mark.parametrize("text", ["", " \n\n ", "x", "\x00\ud800", "Home", "12345"])
def test_odd_input(text: str) -> None:
    found = _score(text)
    assert 0.0 <= found.score <= 1.0
    assert all(np.isfinite(v) for v in found.features.values())


def test_deterministic_and_order_free() -> None:
    texts = [c["text"] for c in CASES]
    first = [_score(t) for t in texts]
    again = [_score(t) for t in reversed(texts)][::-1]
    assert first == again


def test_features_are_finite() -> None:
    x, reasons = line_features(_article(CASES[0]["text"]))
    assert x.shape[1] == len(FEATURES) and len(reasons) == x.shape[0]
    assert np.isfinite(x).all()


def test_site_chrome_counts_pages_not_lines() -> None:
    chrome = SiteChrome(min_pages=2)
    chrome.observe("news.example", ["Subscribe", "Subscribe", "Story one."])
    assert chrome.count("news.example", "subscribe") == 1
    chrome.observe("news.example", ["  SUBSCRIBE ", "Story two."])
    assert chrome.chrome_lines("news.example", ["Subscribe", "Story one."]) == [0]
    assert chrome.chrome_lines("other.example", ["Subscribe"]) == []


def test_site_chrome_memory_is_bounded() -> None:
    chrome = SiteChrome(min_pages=1, max_lines=10)
    for page in range(100):
        chrome.observe("s", [f"line {page} {k}" for k in range(3)])
    assert len(chrome._counts) <= 10
    assert chrome.count("s", "line 99 2") == 1
    assert chrome.count("s", "line 0 0") == 0


def _corpus_pages(limit: int) -> list[dict[str, Any]]:
    path = require_shared() / "corpus" / "boilerplate-lines.dev.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(limit), f, strict=False)]


def test_dev_slice_whole_pages_and_clean_text() -> None:
    """A small dev slice: chrome is found on whole pages, clean articles are left alone."""
    tp = fp = fn = 0
    flagged = total = 0
    for page in _corpus_pages(12):
        lines = page["lines"]
        text = "\n".join(line["text"] for line in lines)
        found = _score(text)
        pos = 0
        for line in lines:
            start, end = pos, pos + len(line["text"])
            pos = end + 1
            if line["tag"] == "h1":
                continue
            hit = round(cover(found, start, end) * (end - start))
            if line["label"] == "boilerplate":
                tp += hit
                fn += end - start - hit
            else:
                fp += hit
        clean = _score(page["clean_text"])
        flagged += covered((s.start, s.end) for s in clean.spans)
        total += len(page["clean_text"])
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.85, (precision, recall)
    assert ratio(flagged, total) <= 0.02


def test_non_english_pages_are_not_all_boilerplate() -> None:
    path = require_shared() / "corpus" / "boilerplate-lines.dev.jsonl"
    with path.open(encoding="utf-8") as f:
        pages = [p for p in map(json.loads, f) if p["lang"] != "en"]
    assert pages
    for page in pages:
        found = _score(page["clean_text"])
        assert found.score <= 0.1, (page["url"], found.score)


def test_after_main_block_keeps_a_long_second_half() -> None:
    # Article (3 lines), 15 flagged lines, then text: chrome when short, article when long.
    flagged = np.array([False] * 3 + [True] * 15 + [False, False])
    short = np.array([100.0] * 18 + [40.0, 40.0])
    long = np.array([100.0] * 18 + [200.0, 200.0])
    assert _after_main_block(flagged, short).nonzero()[0].tolist() == [18, 19]
    assert not _after_main_block(flagged, long).any()
    assert not _after_main_block(np.array([False, True, False]), np.ones(3)).any()


def test_a_long_paragraph_without_its_full_stop_is_prose() -> None:
    """A paragraph of 40 words or more that the model doubts (p below _SURE_P) between the
    article's paragraphs stays article, past the subheading above it, full stop or not."""
    prose = "The council met on Monday and agreed to expand the bus network to three new districts."
    unended = " ".join(["Residents of the outer districts said they had to change buses twice"] * 4)
    text = "\n".join(["Home", "News", prose, "A new plan", unended, prose, "Share this", "0 Comments"])
    article = _article(text)
    x, reasons = line_features(article)
    p = np.array([0.95, 0.95, 0.1, 0.8, 0.8, 0.1, 0.95, 0.95])
    flagged, _ = flag_lines(article, p, reasons, x, 0.7)
    assert flagged.tolist() == [True, True, False, False, False, False, True, True]
    # Cut to 20 words without a full stop, the line is no prose: the model decides.
    short = " ".join(unended.split()[:20])
    article = _article(text.replace(unended, short))
    x, reasons = line_features(article)
    assert flag_lines(article, p, reasons, x, 0.7)[0][4]


def test_the_callers_title_is_the_headline_not_chrome() -> None:
    """A headline above the first paragraph reads like a related story's; the caller's title
    says which line it is, and only the chrome around it is flagged."""
    headline = "Republicans Are Following Trump to Nowhere"
    text = "\n".join(
        [
            "Home",
            "World",
            "Politics",
            headline,
            "The party has spent three years defending the president, and it has little to show for "
            "it. Senators who once criticized him now echo his claims about the inquiry.",
            "Many in the party privately say they are worried about the suburbs, where the "
            "president's approval has fallen sharply since 2016.",
            "Share this article",
            "0 Comments",
        ]
    )
    found = Boilerplate().score(Article.from_text(text, title=headline.upper() + " "))
    start = text.index(headline)
    assert cover(found, start, start + len(headline)) == 0
    assert cover(found, 0, len("Home")) == 1
    assert cover(found, text.index("0 Comments"), len(text)) == 1


@pytest.mark.parametrize(
    ("notice", "flagged"),
    [
        ("© 2019 CBS Interactive Inc. All Rights Reserved.", True),
        ("Copyright @ 2019 The New Arab.", True),
        ("© Reuters", False),  # a credit, which the corpus labels content
    ],
)
def test_a_copyright_notice_is_chrome_whatever_the_model_says(notice: str, flagged: bool) -> None:
    """Outside a text that opens with the article, a notice is flagged even where the model reads
    the line as article (p = 0.1 here)."""
    text = "Home\nSign In\nA town held a vote on Monday, and the plan passed by a wide margin.\n" + notice
    article = Article.from_text(text)
    x, reasons = line_features(article)
    p = np.array([0.99, 0.99, 0.05, 0.1])
    lines, reasons = flag_lines(article, p, reasons, x, 0.5)
    assert bool(lines[3]) is flagged


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", True),  # the time's period
        ("Updated November 18, 2019 at 9:15 p.m.", True),
        ("The vote was held on November 18, 2019.", False),  # a sentence
    ],
)
def test_a_dated_line_is_a_dateline_whatever_the_model_says(line: str, flagged: bool) -> None:
    """Outside a text that opens with the article, a short line holding a date is a dateline (a
    byline too) where the model reads it as article (p = 0.1 here), unless it ends as a sentence;
    a period that closes the time ("a.m.") ends none."""
    text = "Home\nSign In\n" + line + "\nA town held a vote on Monday, and the plan passed by a wide margin."
    article = Article.from_text(text)
    x, reasons = line_features(article)
    p = np.array([0.99, 0.99, 0.1, 0.05])
    lines, reasons = flag_lines(article, p, reasons, x, 0.5)
    assert bool(lines[2]) is flagged


@pytest.mark.parametrize(
    ("lead_in", "kept"),
    [("Between June and August, we will deliver to every household:", True), ("Related stories:", False)],
)
def test_a_list_that_a_sentence_introduces_between_paragraphs_is_the_articles(
    lead_in: str, kept: bool
) -> None:
    """Items without bullets under a sentence ending with a colon read as menu lines to the model
    (p = 0.92 here); between two of the article's paragraphs they are its list."""
    text = "\n".join(
        [
            "Home",
            "News",
            "From Monday 2 September, the council will collect food waste from every household in the "
            "district, including flats, every week on the usual collection day.",
            "What you will receive",
            lead_in,
            "a small grey kitchen caddy for indoor use",
            "a larger lockable green outdoor bin",
            "a roll of compostable caddy liners",
            "Flats and houses in multiple occupation will receive communal bins where individual bins "
            "are not practical, the council said on Tuesday.",
            "Share this page",
        ]
    )
    article = _article(text)
    x, reasons = line_features(article)
    p = np.array([0.99, 0.99, 0.02, 0.75, 0.84, 0.92, 0.92, 0.91, 0.1, 0.99])
    lines, _ = flag_lines(article, p, reasons, x, 0.7)
    assert (not lines[5:8].any()) is kept


@pytest.mark.parametrize(
    ("lead_in", "kept"),
    [
        ("The recall covers the following batches:", True),
        ("Mohammad on May 2, 2019 at 12:16 am said:", False),
    ],
)
def test_items_with_dates_under_a_lead_in_are_a_list_not_datelines(lead_in: str, kept: bool) -> None:
    """Short lines with a date read as datelines by their shape; under a sentence that introduces
    them they are the article's list, under a commenter's signature they are not."""
    items = [
        "Classic Houmous 200g – batch L5121, best before 28 May 2025",
        "Red Pepper Houmous 200g – batch L5122, best before 29 May 2025",
        "Houmous Snack Pots 4 x 60g – batch L5123, best before 30 May 2025",
    ]
    text = "\n".join(
        [
            "Home",
            "Travel",
            "The supermarket chain Greenway has recalled several batches of its own-brand houmous "
            "because they may contain small pieces of plastic, the Food Standards Agency said.",
            lead_in,
            *items,
            "Customers who have bought any of the affected products are being told not to eat them and "
            "to return them to any store for a full refund.",
            "Share",
        ]
    )
    article = _article(text)
    x, reasons = line_features(article)
    p = np.array([0.99, 0.99, 0.05, 0.5, 0.8, 0.8, 0.8, 0.05, 0.99])
    lines, _ = flag_lines(article, p, reasons, x, 0.7)
    assert (not lines[4:7].any()) is kept


def test_a_sheet_of_facts_between_paragraphs_is_the_articles_however_sure_the_model_is() -> None:
    """A review's specifications read as menu lines to the model (p = 0.95 here); between two of
    the article's paragraphs they are its sheet of facts."""
    rows = ["Specifications", "Display: 14in, 2560 x 1600, 120Hz", "Memory: 16GB", "Storage: 512GB SSD",
            "Weight: 1.2kg", "Price: £1,099"]  # fmt: skip
    text = "\n".join(
        [
            "Home",
            "Reviews",
            "Lumera has spent three years trying to build a thin laptop that lasts a full working day, "
            "and with the Slate 14 it has finally managed it.",
            *rows,
            "The compromises are mostly around the edges: the webcam is only 1080p and the speakers "
            "sound thin at high volume.",
            "Share",
        ]
    )
    article = _article(text)
    x, reasons = line_features(article)
    p = np.array([0.99, 0.99, 0.05, *[0.95] * len(rows), 0.05, 0.99])
    lines, _ = flag_lines(article, p, reasons, x, 0.7)
    assert not lines[3 : 3 + len(rows)].any()


@pytest.mark.parametrize(
    ("signature_p", "extra", "kept"),
    [(0.05, [], True), (0.95, [], False), (0.05, ["Most read: Council tax rise approved"] * 4, False)],
)
def test_an_embedded_posts_text_is_the_articles_as_its_signature_is(
    signature_p: float, extra: list[str], kept: bool
) -> None:
    """A tweet's unended lines read as headlines to the model (p = 0.85 here); above its signature
    ("— Name (@handle) November 1, 2019") they are the post's text, the article's when its
    signature is: not when the signature is chrome, nor when more than a post stands above it."""
    post = [
        "Marlow Heath has turned into a gas chamber due to smoke from crop burning upwind",
        "It is very important that we protect ourselves. Through the schools we are handing out masks",
        "I urge everyone to use them whenever needed pic.twitter.com/MYwRz9euaq",
    ]
    text = "\n".join(
        [
            "Home",
            "Another cloud of choking smoke is set to descend on the 80,000 residents of Marlow Heath "
            "this week, with forecasters warning that readings could reach four times the safe level.",
            *extra,
            *post,
            "— Sarah Whitcombe (@SarahWhitcombe) November 1, 2019",
            "The grey haze led to cancelled trains, closed schools and a warning from the county's "
            "director of public health.",
            "Share",
        ]
    )
    article = _article(text)
    x, reasons = line_features(article)
    above = len(extra) + len(post)
    p = np.array([0.99, 0.05, *[0.85] * above, signature_p, 0.05, 0.99])
    lines, _ = flag_lines(article, p, reasons, x, 0.7)
    assert (not lines[2 + len(extra) : 2 + above].any()) is kept


@pytest.mark.parametrize("space", [" ", "\u200b ", "\u00a0"])
def test_a_wire_photo_caption_whatever_spaces_the_site_prints(space: str) -> None:
    """The caption's date reads the same with a zero-width or no-break space after "Nov." (sites
    print them; the layouts benchmark inserts the first)."""
    caption = f"Teachers rally at the Statehouse in Millbrook, Tuesday, Nov.{space}19, 2019, calling for pay."
    text = "\n".join(["Home", "News", caption, "The rally drew 15,000 teachers.", "Share this article"])
    found = _score(text)
    start = text.index("Teachers")
    assert cover(found, start, start + len(caption), "boilerplate:caption") == 1.0


@pytest.mark.parametrize(
    "lead", ["HAYWARD, Calif. (AP) — ", "HANOI, Vietnam (Reuters) - ", "HAYWARD, Calif.\u200b (AP) — "]
)
def test_a_paragraph_opening_with_a_wire_dateline_is_the_articles(lead: str) -> None:
    """Under a page's headline and time stamp the model may read an agency's lead ("The Latest on
    ...", p = 0.87 here) as a teaser; its dateline says it is the article's (a zero-width space
    beside a space too: it reads as a second space)."""
    text = "\n".join(
        [
            "The Latest: Man stabbed to death on Bay Area train",
            "Updated 10:01 pm PST, Tuesday, November 19, 2019",
            lead + "The Latest on a deadly stabbing on a Bay Area commuter train (all times local):",
            "10 p.m.",
            "Authorities say a stabbing that killed a passenger on a commuter train may have followed "
            "a fight between two men who had argued on the platform.",
            "The man ran from the station and was arrested a block away, police said on Tuesday.",
            "Share this",
        ]
    )
    article = _article(text)
    x, reasons = line_features(article)
    p = np.array([0.99, 0.99, 0.87, 0.74, 0.02, 0.03, 0.99])
    lines, _ = flag_lines(article, p, reasons, x, 0.7)
    assert not lines[2]


@pytest.mark.parametrize(
    ("under", "flagged"),
    [
        (["Nutrition", "Why Breakfast Really Does Matter – But Only if You're Doing It Right"], True),
        (["Most popular"], True),
        # a paragraph under it: a briefing's heading over its story, not a list of links
        (
            [
                "The Senate passed the budget bill late on Tuesday after a night of negotiations, "
                "sending it to the president, who is expected to sign it before the end of the week."
            ],
            False,
        ),
    ],
)
def test_a_related_links_header_alone_after_the_article_is_chrome_whatever_the_model_says(
    under: list[str], flagged: bool
) -> None:
    """ "Related Articles" alone on its line after the article's prose is chrome where the model
    doubts it (p = 0.3 here), whatever stands under it but a paragraph."""
    prose = [
        "The council met on Monday and agreed to expand the bus network to three new districts.",
        "Residents of the outer districts said they had to change buses twice to reach the hospital.",
        "Construction of the new depots is expected to begin in the spring, the department said.",
    ]
    article = _article("\n".join([*prose, "Related Articles", *under]))
    x, reasons = line_features(article)
    p = np.array([0.05] * len(prose) + [0.3] * (1 + len(under)))
    lines, reasons = flag_lines(article, p, reasons, x, 0.7)
    assert bool(lines[len(prose)]) is flagged
    if flagged:
        assert reasons[len(prose)] == "related_links"


@pytest.mark.parametrize(
    "phrase",
    [
        "Advertisement The", "- Advertisement - The", "Publicidad El", "Publicidade O", "Anzeige Die",
        "Werbung Die", "Pubblicità Il", "Publicité Le", "Реклама В", "Reklama W", "Iklan Pemerintah",
        "Story continues below", "READ MORE: X", "ALSO READ: X", "RELATED: X", "SEE ALSO: X",
        "RECOMMENDED: X", "DON'T MISS: X", "MUST READ: X", "Read more: X", "Also read: X", "Related: X",
        "See also: X", "Don't miss: X", "Lesen Sie auch: X", "Mehr zum Thema: X", "Leia também: X",
        "Veja também: X", "Lea también: X", "Leggi anche: X", "À lire aussi: X", "lire aussi: X",
        "Читайте также: X", "Baca juga: X", "Auch interessant: X", "Das könnte Sie auch interessieren: X",
        "Zum Thema: X", "Te puede interesar: X", "Noticias relacionadas: X", "Sur le même sujet: X",
        "Voir aussi: X", "Vedi anche: X", "Leia mais: X", "Saiba mais: X",
        "Share this article: Facebook", "Click here to subscribe.",
        "Sign up for our newsletter.", "Subscribe to our newsletter.", "Follow us on Twitter.",
        "Download our app now.",
        "Share this: Click to share on Twitter (Opens in new window)",
        "Article continues after",
        "Home » News » Local The",
        "- Advertisment -spot_img The",
        "Continue reading →",
        "Read more »",
        "Read the full story at CNN.",
        "The post Council votes appeared first on City Gazette.", "We use cookies to help.",
    ],
)  # fmt: skip
def test_every_inline_phrase_is_looked_for(phrase: str) -> None:
    # Sentences are matched only when they open with one of the phrases' first characters.
    assert _INLINE_START.match(phrase) and phrase[0] in _START_INITIALS
    # Each is read through the scorer after a sentence, on a line and alone (a feed's footer
    # without a colon raised IndexError where a label's headline was looked for).
    for text in (f"The council met on Monday to vote on the plan. {phrase}", phrase, f"{phrase}\n{phrase}"):
        _score(text)


@pytest.mark.parametrize("line_break", ["\r\n", "\u2028", "\n\n"])
def test_inline_chrome_at_a_line_end_whatever_breaks_the_line(line_break: str) -> None:
    # "READ MORE: ..." and a share bar end a line: with "\r\n" they were not found.
    case = next(c for c in CASES if c["id"] == "inline-chrome-glued-into-paragraphs")
    text = case["text"].replace("\n\n", "\n").replace("\n", line_break)
    found = _score(text)
    flagged = [text[s.start : s.end] for s in found.spans]
    for item in case["flag"]:
        assert item["snippet"].strip() in flagged, (item, flagged)


def test_related_run_goes_past_a_short_headline() -> None:
    # A short headline of a run under a related-links header is no new header: the run goes on
    # past it to the longer headline after it (the model's probabilities as on dev's Al Jazeera
    # page, out of fold).
    lines = [
        "It is for that reason that the agency on Monday enlisted the engineering muscle of private firms.",
        "More:",
        "The New Space Race",
        "Spacewalking into history",
        "China completes landing test for its first Mars mission in 2020",
        "\u201cWe have a need and saw a need to bring on some additional providers,\u201d an official said.",
    ]
    article = _article("\n".join(lines))
    x, reasons = line_features(article)
    p = np.array([0.05, 0.67, 0.72, 0.62, 0.56, 0.01])
    flagged, why = flag_lines(article, p, reasons, x, 0.7)
    assert flagged.tolist() == [False, True, True, True, True, False], why


def test_copies_of_chrome_take_the_flag_of_most_copies() -> None:
    # A caption printed under each of a post's photos: the model reads the copy between two
    # paragraphs as the article's (probabilities as on dev's Jeongdong Theater page, out of fold);
    # most copies are chrome, so every copy is. A line of the article printed three times, one
    # copy of which the model flags, stays the article's.
    caption = "2018 Jeongdong Theater Tradition Series Performance [The Palace] 'Welcome Festival'"
    refrain = "We shall overcome, the crowd sang."
    lines = [
        "The opening ceremony was held on a special stage at Marronnier Park on Friday night.",
        caption,
        "Crowds of people came to the park long before the first performance of the evening.",
        caption,
        "Our team of drummers and dancers performed three items under the title of the show.",
        caption,
        refrain,
        "Then the marchers set off towards the square, where the mayor waited for them.",
        refrain,
        "The police said the march had passed without incident.",
        refrain,
    ]
    flagged, why = _flag_lines(lines, [0.03, 0.91, 0.01, 0.45, 0.02, 0.79, 0.72, 0.05, 0.3, 0.04, 0.2])
    assert [i for i in range(len(lines)) if flagged[i]] == [1, 3, 5, 6], why


def test_lone_article_kept_teasers_not() -> None:
    # When the model flags every line of prose, the longest run of two prose lines or more is the
    # article (a brief between chrome); teasers, each summary under its headline, stay chrome.
    brief = [
        "Home",
        "The harbour authority approved plans on Friday for a new ferry terminal by the old pier.",
        "The project will cost 18 million euros and is due to open in the summer of 2028, officials said.",
        "0 Comments",
    ]
    teasers = [
        "Most read",
        "Rail strike called off after late deal",
        "Unions and the operator agreed on a pay rise of four percent after talks through the night.",
        "Mayor unveils budget for next year",
        "The budget raises spending on schools and parks while holding property taxes flat again.",
    ]
    # A brief of one paragraph (three sentences, 60 words or more) is the article too.
    one_paragraph = [
        "Home",
        "The harbour authority approved plans on Friday for a new ferry terminal by the old pier, "
        "replacing the wooden jetty that has served the island crossing since 1962. The project will "
        "cost 18 million euros and is due to open in the summer of 2028, officials said. Ferries will "
        "keep running from the old jetty while the work goes on, with a temporary waiting room.",
        "0 Comments",
    ]
    for lines, kept in ((brief, [1, 2]), (teasers, []), (one_paragraph, [1])):
        flagged, why = _flag_lines(lines, [0.9] * len(lines))
        assert [i for i in range(len(lines)) if not flagged[i]] == kept, why


def test_headline_and_standfirst_above_a_byline_a_date_and_a_caption() -> None:
    # Under a page's menu, the headline and its standfirst stay above a byline, a date and a
    # photo's caption (a sentence under the date, passed once on the way up), however sure the
    # model is of them (probabilities as on a German local paper's page of the written rounds).
    lines = [
        "Startseite Lokales Region Sport Wirtschaft Kultur E-Paper Abo",
        "Wetzbachbrücke wird saniert: Vollsperrung ab Montag",
        "Ab dem 8. April ist die wichtigste Verbindung zwischen Kleinwetzlar und Talwiesen gesperrt.",
        "Von Martina Sellbach",
        "03.04.2024, 17:12 Uhr",
        "Die alte Brücke über den Wetzbach im Herbst. Bei der letzten Prüfung fanden Gutachter Risse.",
        "Am kommenden Montag beginnt die Sanierung der Wetzbachbrücke zwischen Kleinwetzlar und Talwiesen, "
        "wie das Straßenbauamt mitteilte.",
        "Rund 9.400 Fahrzeuge rollen nach der jüngsten Verkehrszählung täglich über die Brücke.",
    ]
    flagged, why = _flag_lines(lines, [0.99, 0.95, 0.9, 0.99, 0.99, 0.95, 0.05, 0.05])
    assert [i for i in range(len(lines)) if flagged[i]] == [0, 3, 4, 5], why


def test_headline_and_standfirst_above_a_long_date_line() -> None:
    # A date line of 13 words, most of them numbers, stands between the standfirst and the first
    # paragraph as a short date does, with a photo's caption under it (probabilities as on a French
    # page of the written rounds).
    lines = [
        "Aller au contenu principal",
        "Accueil > Valmont > Saint-Orlin",
        "Saint-Orlin : la médiathèque fermera six mois pour travaux, les lecteurs inquiets",
        "La municipalité a confirmé lundi soir la fermeture de la médiathèque à partir du 2 avril. "
        "Un point de prêt provisoire ouvrira à la mairie.",
        "Par Claire Dumontel",
        "Le 12 mars 2024 à 18h05, modifié le 13 mars 2024 à 07h40",
        "Partager : Facebook Twitter WhatsApp Envoyer par mail",
        "La médiathèque de Saint-Orlin a ouvert ses portes en 1987. © Photo Écho du Valmont – Jean Martin",
        "C'est désormais officiel : la médiathèque de Saint-Orlin fermera ses portes le 2 avril pour six "
        "mois de travaux, a voté le conseil municipal lundi soir.",
        "Les lecteurs pourront emprunter des livres dans un point de prêt provisoire installé à la mairie.",
    ]
    flagged, why = _flag_lines(lines, [0.99, 0.99, 0.99, 0.8, 0.98, 0.91, 0.94, 0.96, 0.01, 0.01])
    assert [i for i in range(len(lines)) if flagged[i]] == [0, 1, 4, 5, 6, 7], why


def test_a_caption_glued_to_its_credit_is_no_headline() -> None:
    # The walk up from the first paragraph stops at a longer line with no full stop; the line
    # there may be the headline, but not a caption glued to its credit.
    lines = [
        "Skip to content",
        "Markets",
        "linkedin",
        "twitter",
        "The road to paying off a mortgage early isn't easy.Kathrin Ziegler/Getty Images for Markets",
        "Paying off a mortgage early takes discipline.",
        "If you plan to pay off your mortgage early, you should first build an emergency fund that "
        "covers at least six months of expenses, financial planners say.",
        "Then you can put extra money toward the principal each month, which cuts the interest you pay.",
    ]
    flagged, why = _flag_lines(lines, [0.99, 0.99, 0.99, 0.99, 0.99, 0.3, 0.01, 0.01])
    assert flagged[4], why


def test_headline_above_a_share_bar_of_one_word_lines() -> None:
    # A share bar of one network per line does not use up the lines the walk up from the first
    # paragraph may pass (probabilities as on a public radio's page of the written rounds); a
    # menu's one-word question ("Aliens?") above is no standfirst.
    lines = [
        "News",
        "Aliens?",
        "Rural Affairs",
        "Farmers and neighbors built their own internet co-op, and now 1,200 homes are online",
        "Listen • 4:18",
        "Dana Whitfield",
        "Published May 14, 2024 at 5:00 AM EDT",
        "Facebook",
        "Twitter",
        "LinkedIn",
        "Email",
        "For years, the internet at Ruth Calloway's farmhouse came through a satellite dish, until the "
        "farmers and neighbors of the valley built their own co-op and strung fiber to 1,200 homes.",
        "The co-op now has a waiting list, and its board says it will reach the last farms by autumn.",
    ]
    p = [0.99, 0.99, 0.99, 0.98, 0.98, 0.99, 0.99, 0.99, 0.99, 0.98, 0.97, 0.02, 0.01]
    flagged, why = _flag_lines(lines, p)
    assert [i for i in range(len(lines)) if flagged[i]] == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10], why
