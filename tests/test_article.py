from __future__ import annotations

import pytest

from newsqc.article import Article

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
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_segment_is_its_text(text: str) -> None:
    a = Article.from_text(text)
    for seq in (a.lines, a.paragraphs, a.sentences, a.words):
        for seg in seq:
            assert 0 <= seg.start < seg.end <= len(text)
            assert text[seg.start : seg.end] == seg.text
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


def test_abbreviations_do_not_end_sentences() -> None:
    a = Article.from_text("U.S. President Trump met Mr. Smith. They talked.")
    assert [s.text for s in a.sentences] == ["U.S. President Trump met Mr. Smith.", "They talked."]


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
