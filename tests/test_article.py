from __future__ import annotations

import textwrap
import unicodedata

import pytest

from newsqc.article import HAN_LETTERS, UNSPACED_LETTERS, Article

TEXTS = [
    "",
    "word",
    "no newline here. Second sentence! Third?",
    "  \n\n \t\n",
    "Line one.\r\nLine two.\r\n\r\nNew para.\n",
    "U.S. President Donald Trump met Mr. Smith on Jan. 5. They talked.",
    "ctrl\x00\x07chars\x1b and \ud800 lone surrogate\udfff.",
    "zero\u200bwidth \u200f\u202eright-to-left\u202c marks\ufeff.",
    "日本語の文章です。二つ目の文。三つ目！",
    "a" * 10_000,
    "Die Bundes\u00adregierung hat am Montag be\u00adschlossen.\u00ad",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_segment_is_its_text(text: str) -> None:
    a = Article.from_text(text)
    assert len(a.text) == len(text)
    for seq in (a.lines, a.paragraphs, a.sentences, a.words):
        for seg in seq:
            assert 0 <= seg.start < seg.end <= len(text)
            # A word's text leaves its soft hyphens out, in composed form.
            assert (
                a.text[seg.start : seg.end]
                if seq is not a.words
                else unicodedata.normalize("NFC", a.text[seg.start : seg.end].replace("\u00ad", ""))
            ) == seg.text
        starts = [s.start for s in seq]
        assert starts == sorted(starts)


def test_lines_paragraphs_sentences() -> None:
    a = Article.from_text("Title\n\nFirst line. Second sentence.\nSecond line\n\n\nLast")
    assert [line.text for line in a.lines] == ["Title", "First line. Second sentence.", "Second line", "Last"]
    assert [p.text for p in a.paragraphs] == ["Title", "First line. Second sentence.\nSecond line", "Last"]
    assert [s.text for s in a.sentences] == [
        "Title",
        "First line.",
        "Second sentence.",
        "Second line",
        "Last",
    ]


def test_a_text_without_blank_lines_has_a_paragraph_per_line() -> None:
    one_break = Article.from_text("First paragraph. Two sentences.\nSecond paragraph\nThird")
    blank_lines = Article.from_text("First paragraph. Two sentences.\n\nSecond paragraph\n\nThird")
    assert [p.text for p in one_break.paragraphs] == [p.text for p in blank_lines.paragraphs]
    assert [p.text for p in one_break.paragraphs] == [
        "First paragraph. Two sentences.",
        "Second paragraph",
        "Third",
    ]


PARAGRAPHS = [
    "The town council of Millbrook voted on Tuesday to rebuild the old stone bridge over the river, "
    "ending a debate that had lasted for almost three years. The bridge was closed to cars last spring.",
    "Councillors approved a budget of 2.4 million euros, and work will start in March, the mayor said "
    "after the vote. A footbridge will stay open during the works.",
    "Residents had asked for a new crossing since the floods of 2021, which left the old bridge "
    "cracked and the two halves of the town connected only by a detour of eleven kilometres.",
]


def test_hard_wrapped_prose_is_one_line_per_paragraph() -> None:
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS).replace("\n", "\r\n", 1)
    a = Article.from_text(wrapped)
    assert len(a.text) == len(wrapped)  # the same offsets
    assert [" ".join(line.text.split()) for line in a.lines] == PARAGRAPHS
    assert a.sentences[0].text.endswith("almost three years.")


GERMAN = [
    "Der Stadtrat der Gemeinde hat am Dienstag nach langer Debatte die Sanierung der alten Steinbrücke "
    "über den Fluss beschlossen, deren Bögen seit dem vergangenen Sommer Risse zeigen. Nach Angaben der "
    "Verwaltung soll die Baustelle im Frühjahr eingerichtet werden; die Kosten der Arbeiten schätzt das "
    "Bauamt auf rund vier Millionen Euro, von denen das Land einen Teil übernimmt.",
]
ADDRESS = (
    "https://www.example.com/news/2024/05/14/the-council-votes-to-repair-the-old-stone-bridge-over-the-river"
)


@pytest.mark.parametrize("paragraphs", [GERMAN, [*PARAGRAPHS, ADDRESS]], ids=["german", "address"])
def test_hard_wrapped_prose_in_german_or_beside_a_long_address_is_unwrapped(paragraphs: list[str]) -> None:
    # German opens many lines with a capital (its nouns); fmt leaves a web address longer than
    # the width on a line of its own. Neither is a list of headlines or an unwrapped text.
    wrapped = "\n\n".join(
        textwrap.fill(p, 72, break_on_hyphens=False, break_long_words=False) for p in paragraphs
    )
    a = Article.from_text(wrapped)
    assert [" ".join(line.text.split()) for line in a.lines] == paragraphs


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(
            f"| {n:<10} | {v:>8} |" for n, v in [("Team A", 3), ("Team B", 12), ("Team C", 7), ("D", 1)]
        ),
        "Home\nWorld\nUS Politics\nBusiness\nTechnology\nFrequently Asked Questions\nContact us",
        "Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\n"
        "Rough winds do shake the darling buds of May,\nAnd summer's lease hath all too short a date;",
        "Google Play Store needs more than AI to make app recommendations useful\n"
        "2020 Audi e-tron Sportback revealed as e-SUV coupe\n"
        "Pokemon Sword and Shield first impressions: My kingdom for a Bulbasaur\n"
        "Pokemon GO creators' next big game: CATAN\n"
        "Sony bets on artificial intelligence with new Sony AI global division\n"
        "Site Information\n"
        "Editorial Standards / Ethics Statement / Privacy Policy / Terms of Use\n"
        "© 2005-2019 SlashGear, All Rights Reserved.\n"
        "Stocks rally as trade talks resume between Washington and Beijing now\n"
        "Weather: storms expected across the north on Friday",
    ],
    ids=["table", "menu", "poem", "headlines"],
)
def test_lines_of_one_width_or_short_lines_are_not_unwrapped(text: str) -> None:
    a = Article.from_text(text)
    assert a.text == text
    assert [line.text for line in a.lines] == [line.strip() for line in text.split("\n")]


def test_a_text_glued_into_one_line_gets_its_lines_back() -> None:
    # As BeautifulSoup's get_text(" ") writes a page: every line break a space. Its sentences are
    # lines, cut again where the break model reads a line break (the menu's items, the widgets).
    glued = "Home News Sport " + " ".join(PARAGRAPHS * 5) + " Share on Facebook 0 Comments"
    a = Article.from_text(glued)
    assert a.text == glued
    texts = [line.text for line in a.lines]
    assert texts[:4] == ["Home", "News", "Sport", PARAGRAPHS[0].split(". ")[0] + "."]
    assert texts[-2:] == ["Share on Facebook", "0 Comments"]
    assert " ".join(texts) == glued  # every word in a line, in order
    assert [s.text for s in a.sentences] == texts  # no sentence here spans a break
    assert [p.text for p in a.paragraphs] == [glued]
    # A long line among others (the page's article printed again in one line) stays one line.
    page = "\n".join(["Home", "News", " ".join(PARAGRAPHS * 5), *(" ".join(PARAGRAPHS[:2]),) * 4])
    assert len(Article.from_text(page).lines) == 7


def test_other_spaces_are_plain_spaces_at_the_same_offsets() -> None:
    text = "Le\xa0chat\u200b dort.\u2009Oui\ufeff! voil\xc3\xa0 le 5\xa0km"
    a = Article.from_text(text)
    # A no-break space after a letter that opens mojibake ("Ã\xa0" for "à") stays.
    assert a.text == "Le chat  dort. Oui ! voil\xc3\xa0 le 5 km"
    assert [s.text for s in a.sentences] == ["Le chat  dort.", "Oui !", "voil\xc3\xa0 le 5 km"]


def test_a_zero_width_character_inside_a_word_is_a_soft_hyphen() -> None:
    # Between two letters of Latin, Greek or Cyrillic; a break between Thai words, after a word
    # and in a run of two stays one.
    text = "The lib\u200brary, Zu\u2060rich, Шко\ufeffла, Ath\u200b\u200bens; ไ\u200bทย; end.\u200b Next"
    a = Article.from_text(text)
    assert len(a.text) == len(text) and a.text.count("\u00ad") == 3
    assert a.word_texts == ("The", "library", "Zurich", "Школа", "Ath", "ens", "ไ", "ทย", "end", "Next")
    assert a.line_texts == ("The library, Zurich, Школа, Ath  ens; ไ ทย; end.  Next",)


def test_markdown_markup_reads_as_spaces_at_the_same_offsets() -> None:
    text = "## Heading\nA [link text](https://a.example/b-c) in **bold** and ![a photo](/img/1.jpg)."
    a = Article.from_text(text)
    assert len(a.text) == len(text)
    assert a.text.split() == ["Heading", "A", "link", "text", "in", "bold", "and", "a", "photo", "."]
    assert [line.text for line in a.lines] == ["Heading", a.text[11:]]
    # Brackets and stars of plain text stay.
    plain = "Scores [1] and (2), 2**3 = 8, a * b, #hashtag, Man** and Ali***, a CCI** and CCI***"
    assert Article.from_text(plain).text == plain


def test_words_are_spelt_in_composed_form() -> None:
    text = unicodedata.normalize("NFD", "Café, résumé und Übersicht") + " \ufb01nancial e\ufb00ect"
    a = Article.from_text(text)
    assert a.text == text
    assert a.word_texts == ("Café", "résumé", "und", "Übersicht", "financial", "effect")
    assert a.words[0] == (0, 5, "Café")


def test_abbreviations_do_not_end_sentences() -> None:
    a = Article.from_text("U.S. President Trump met Mr. Smith. They talked.")
    assert [s.text for s in a.sentences] == ["U.S. President Trump met Mr. Smith.", "They talked."]


def test_sentence_ends_of_other_scripts() -> None:
    # The danda of Hindi, Urdu's full stop and the Arabic question mark end sentences too.
    for text in (
        "सरकार ने योजना की घोषणा की। विपक्ष ने आलोचना की।",
        "حکومت نے منصوبے کا اعلان کیا۔ اپوزیشن نے تنقید کی۔",
        "هل ستنجح الخطة؟ يقول الخبراء نعم.",
    ):
        assert len(Article.from_text(text).sentences) == 2, text


def test_words_keep_inner_apostrophes() -> None:
    a = Article.from_text("Ukraine’s army isn't done")
    assert [w.text for w in a.words] == ["Ukraine’s", "army", "isn't", "done"]


def test_line_words_index_the_words_of_each_line() -> None:
    a = Article.from_text("one two\nthree\n\nfour five six")
    assert [[w.text for w in a.words[i:j]] for i, j in a.line_words] == [
        ["one", "two"],
        ["three"],
        ["four", "five", "six"],
    ]


def test_large_inputs() -> None:
    one_line = "word " * 200_000  # 1 MB, no newline
    a = Article.from_text(one_line)
    assert len(a.lines) == 1 and len(a.words) == 200_000
    many = ("A sentence of news. " * 10 + "\n") * 25_000  # 5 MB
    assert len(Article.from_text(many).lines) == 25_000


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        Article.from_text(b"bytes")  # type: ignore[arg-type]


Ranges = list[tuple[int, int]]


def _reference_segments(text: str) -> tuple[Ranges, Ranges, Ranges]:
    """Lines, paragraphs and sentences by the plain definitions of the module docstring,
    character by character: what the fast regex-based segmentation must give."""
    import regex

    def strippable(c: str) -> bool:
        return c.isspace() or c in "\u200b\u200c\u200d\u2060\ufeff"

    def strip(start: int, end: int) -> tuple[int, int]:
        while start < end and strippable(text[start]):
            start += 1
        while end > start and strippable(text[end - 1]):
            end -= 1
        return start, end

    breaks = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    lines: Ranges = []
    paragraphs: Ranges = []
    for m in regex.finditer(f"[^{breaks}]+", text):
        start, end = strip(m.start(), m.end())
        if start == end:
            continue
        if lines:
            gap = text[lines[-1][1] : start]
            n = sum(gap.count(c) for c in breaks) - gap.count("\r\n")
            if n > 1:
                paragraphs.append((paragraphs.pop()[0] if paragraphs else lines[0][0], lines[-1][1]))
                paragraphs.append((start, -1))
        elif not paragraphs:
            paragraphs.append((start, -1))
        lines.append((start, end))
    if lines:
        paragraphs[-1] = (paragraphs[-1][0], lines[-1][1])
    # Hard-wrapped prose: a full line (the next line's first word would not fit after it) runs on.
    texts = [text[s:e] for s, e in lines]
    width = max(map(len, texts), default=0)
    full = [
        i
        for i in range(len(lines) - 1)
        if len(texts[i]) + 1 + len(texts[i + 1].split(" ")[0]) > width
        and texts[i].count(" ") >= 3
        and sum(text[lines[i][1] : lines[i + 1][0]].count(c) for c in breaks)
        - text[lines[i][1] : lines[i + 1][0]].count("\r\n")
        == 1
    ]
    lengths = {len(texts[i]) for i in full}
    long_lines = [t for t in texts if 2 * len(t) >= width]
    going_on = [i for i in full if texts[i + 1][0].isalpha() and not texts[i + 1][0].isupper()]
    if (
        width <= 120
        and len(lines) >= 3
        and len(full) >= 0.3 * len(long_lines)
        and len(lengths) >= 3
        and 2 * len(going_on) >= len(full)
    ):
        for i in reversed(full):
            lines[i : i + 2] = [(lines[i][0], lines[i + 1][1])]
    if len(paragraphs) == 1:  # no blank line: one paragraph per line
        paragraphs = list(lines)
    end_re = regex.compile(r"(?<![.!?…])[.!?…]++['\"”’»)\]]*+\s+|(?<![。！？])[。！？]++[」』”’)]*+\s*")
    abbreviations = {"mr", "dr", "jan", "e.g", "u.s"}
    sentences: Ranges = []
    for line_start, line_end in lines:
        start = line_start
        for m in end_re.finditer(text, line_start, line_end):
            if text[m.start()] == ".":
                b = m.start()
                while b > line_start and (text[b - 1].isalnum() or text[b - 1] == "."):
                    b -= 1
                token = text[b : m.start()].lower()
                if token and (
                    (len(token) == 1 and token.isalpha()) or "." in token or token in abbreviations
                ):
                    continue
            s, e = strip(start, m.end())
            if s < e:
                sentences.append((s, e))
            start = m.end()
        s, e = strip(start, line_end)
        if s < e:
            sentences.append((s, e))
    return lines, paragraphs, sentences


TRICKY = [
    "a\r\n\r\nb\rc\r\rd\n\x1c e \x1f\n\u2028\u2028f\x85g\x0b\x0ch",
    "\ufeffHi. there.\x1f\n\u200bZero-width start. End\u200b \n",
    "x.\u200b Y. z\u3000.\u3000 \u00a0Next! \u2003Done?\u202f",
    'Mr. X met Dr. Y. U.S. went, e.g. here. Jan. 5.  "Ok." (Fine.) Yes!!  What?!',
    "好。不好！ 好」再见。\n第二行？ 嗯",
    " \t x \u00a0\n\n\n y \n \n z",
    "End with dot.\nNext line ...\n\n\n",
    "a\x1d\x1db\u2029\r\nc",
]


@pytest.mark.parametrize("text", TEXTS + TRICKY)
def test_segments_follow_their_definitions(text: str) -> None:
    a = Article.from_text(text)
    lines, paragraphs, sentences = _reference_segments(text)
    assert [(s.start, s.end) for s in a.lines] == lines
    assert [(s.start, s.end) for s in a.paragraphs] == paragraphs
    assert [(s.start, s.end) for s in a.sentences] == sentences


WORDY = [
    "Ukraine’s army isn't done; 'quoted' words, a''b, x'' ''y, ’tis rock’n’roll",
    "naïve cafe\u0301 résumé \u0915\u094d\u0937 \u0e01\u0e34 ﬁne Ⅻ ² ½ x_y 3.14 1,000",
    "nul\x00inside \ud800lone\udfff surrogates \U0001d400\U0001f600 emoji",
    "'",
    "a'",
    "'a",
    "a'b'c",
    "’’",
    "a",
    "Bundes\u00adregierung und Washin\u00adg\u00adton, \u00adshy\u00ad a\u00ad\u00adb \u00ad",
]


@pytest.mark.parametrize("text", TEXTS + TRICKY + WORDY)
def test_words_are_the_matches_of_the_word_pattern(text: str) -> None:
    from newsqc.article import _IN_WORD_ZERO_WIDTH, _WORD

    def spelt(word: str) -> str:  # soft hyphens left out, composed form, ligatures spelt out
        word = unicodedata.normalize("NFC", word.replace("\u00ad", ""))
        return "".join(unicodedata.normalize("NFKC", c) if "\ufb00" <= c <= "\ufb06" else c for c in word)

    # a zero-width character inside a word reads as a soft hyphen
    expected = [
        (m.start(), m.end(), spelt(m.group()))
        for m in _WORD.finditer(_IN_WORD_ZERO_WIDTH.sub("\u00ad", text))
    ]
    a = Article.from_text(text)
    assert [tuple(w) for w in a.words] == expected
    assert a.word_starts == tuple(w.start for w in a.words)
    assert a.word_texts == tuple(w.text for w in a.words)


def test_no_word_character_is_white_space() -> None:
    # The words' texts are split out of the text with every other character made a space.
    from newsqc.article import _load_word_chars

    assert not any(chr(c).isspace() for c in _load_word_chars().nonzero()[0].tolist())


def test_han_and_kana_count_as_words_of_chinese_and_japanese_length() -> None:
    article = Article.from_text("会议指出 Council")  # four Han characters, then a Latin word
    assert article.word_counts == (0, 4 / HAN_LETTERS, 4 / HAN_LETTERS + 1)
    mixed = Article.from_text("สภาเมือง会议")  # Thai and Han in one run
    assert mixed.word_counts[-1] == 8 / UNSPACED_LETTERS + 2 / HAN_LETTERS


def test_thai_ends_a_sentence_before_an_english_one() -> None:
    """Thai writes no full stop: an English sentence after a Thai one was part of it, and an
    English spam message took the Thai sentence with it."""
    thai = "ชาวกรุงเทพฯ บ่นมานานหลายปีว่าอันตรายเกินไป"
    text = f"{thai} Earn $500 a day working from home, visit our website today."
    assert [s.text for s in Article.from_text(text).sentences] == [thai, text[len(thai) + 1 :]]
    # A name in Latin letters inside a Thai sentence ends nothing.
    name = "บริษัท Apple ประกาศเมื่อวันอังคาร ว่าจะเปิดร้านใหม่"
    assert [s.text for s in Article.from_text(name).sentences] == [name]


def test_escaped_line_breaks_are_line_breaks_at_the_same_offsets() -> None:
    # A text stored from a JSON field without decoding: its "\n" are line breaks, a path's stays.
    text = r"Rain fell.\n\nThe vote.\r\nIt was held.\nIn C:\news it was dry."
    a = Article.from_text(text)
    assert len(a.text) == len(text) and a.escapes == ((10, 14), (23, 27), (39, 41))
    assert [line.text for line in a.lines] == [
        "Rain fell.",
        "The vote.",
        "It was held.",
        r"In C:\news it was dry.",
    ]
    assert len(a.paragraphs) == 2
    # one escape alone is no sign of it
    assert len(Article.from_text(r"One escape alone.\nStays.").lines) == 1
