"""The verdict model: shipped, loaded safely, the same as scikit-learn's, cheap, and retrainable."""

from __future__ import annotations

import json
import os
import pickle
import threading
from pathlib import Path

import numpy as np
import pytest

import newsqc
from newsqc.assessment import Verdict
from newsqc.classifier import (
    CERTAIN_SPAN,
    CLASSES,
    DEGENERATE_PAIR_SHARE,
    MODEL_VARIABLE,
    ModelError,
    VerdictModel,
    _fit_estimator,
    _log_scaled,
    fit_model,
    load_model,
    predict,
    read_labelled,
    train,
)
from newsqc.cli import main
from newsqc.features import NewsFeatures
from newsqc.scorers.repetition import GOPHER_SHARES

ARTICLE = (
    "The city council approved the new budget on Tuesday after a debate that lasted most of "
    "the evening. The plan raises spending on schools and roads, and trims the parks budget. "
    "Council members said the vote was close, and that the mayor would sign it this week. "
    "Residents who spoke at the meeting asked for more money for libraries and bus routes."
)
CHROME = "Home\nNews\nSubscribe now\nBack to top\n0 Comments\nShare this article\nSign in"


def _records() -> list[dict[str, str]]:
    words = ARTICLE.split()
    out = []
    for i in range(6):
        body = " ".join(words[i:] + words[:i])
        out.append({"text": body, "verdict": "keep"})
        out.append({"text": f"{CHROME}\n{body}\n{CHROME}", "verdict": "clean"})
        out.append({"text": CHROME + "\n" + " ".join(words[:i]), "verdict": "drop"})
    return out


@pytest.fixture(scope="module")
def small_model() -> VerdictModel:
    return train(_records())


def test_shipped_model_loads_once_with_versions() -> None:
    model = load_model()
    assert model is load_model(None)
    assert model.classes == CLASSES
    assert model.metadata["newsqc_version"] == newsqc.__version__
    assert model.metadata["sklearn_version"]
    assert model.source.endswith("verdict.json")


def test_shipped_model_reads_only_current_features() -> None:
    current = set(NewsFeatures().fit([]).get_feature_names_out())
    missing = [n for n in load_model().feature_names if n not in current]
    assert not missing, (
        f"the shipped model reads features no scorer computes now: {missing}; run `make model`"
    )


def test_loading_is_thread_safe(tmp_path: Path, small_model: VerdictModel) -> None:
    path = tmp_path / "m.json"
    small_model.save(path)
    got: list[VerdictModel] = []
    threads = [threading.Thread(target=lambda: got.append(load_model(path))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8 and all(m is got[0] for m in got)


def test_numpy_model_equals_sklearn() -> None:
    records = _records()
    features = NewsFeatures()
    X = features.fit_transform(records)
    y = [r["verdict"] for r in records]
    model = fit_model(X, y, list(features.get_feature_names_out()), folds=3)
    codes = np.asarray([CLASSES.index(v) for v in y])
    estimator, log_features, mean, scale = _fit_estimator(X, codes, 1.0, 3, 0)
    expected = estimator.predict_proba((_log_scaled(X, log_features) - mean) / scale)
    names = list(features.get_feature_names_out())
    got = [list(model.probabilities(dict(zip(names, row, strict=True))).values()) for row in X]
    assert np.allclose(got, expected, atol=1e-9)


def test_drop_weight_lowers_the_drop_probability() -> None:
    records = _records()
    features = NewsFeatures()
    X = features.fit_transform(records)
    y = [r["verdict"] for r in records]
    names = list(features.get_feature_names_out())
    balanced = fit_model(X, y, names, folds=3)
    halved = fit_model(X, y, names, folds=3, drop_weight=0.5)
    assert "drop weighted x0.5" in halved.metadata["estimator"]
    assert "drop weighted" not in balanced.metadata["estimator"]
    others = [i for i, v in enumerate(y) if v != "drop"]  # the toy classes part: compare log-odds
    p_balanced = [balanced.probabilities(dict(zip(names, X[i], strict=True)))["drop"] for i in others]
    p_halved = [halved.probabilities(dict(zip(names, X[i], strict=True)))["drop"] for i in others]
    assert np.mean(np.log(p_halved)) < np.mean(np.log(p_balanced))


def test_training_is_deterministic(small_model: VerdictModel) -> None:
    again = train(_records())
    assert json.dumps(again.to_dict()) == json.dumps(small_model.to_dict())


def test_models_read_gophers_shares_as_one(small_model: VerdictModel) -> None:
    for model in (small_model, load_model()):
        assert "repetition_gopher_ratio" in model.feature_names
        assert not set(GOPHER_SHARES) & set(model.feature_names)


def test_round_trip_and_use_from_assess(tmp_path: Path, small_model: VerdictModel) -> None:
    path = tmp_path / "model.json"
    small_model.save(path)
    loaded = VerdictModel.load(path)
    assert loaded.to_dict() == small_model.to_dict()
    text = f"{CHROME}\n{ARTICLE}\n{CHROME}"
    by_path = newsqc.assess(text, model=str(path))
    by_object = newsqc.assess(text, model=small_model)
    assert (by_path.verdict, by_path.quality) == (by_object.verdict, by_object.quality)
    assert by_object.verdict == "clean"
    assert newsqc.assess(ARTICLE, model=small_model).verdict == "keep"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"weights": [1, 2]}', "not a newsqc verdict model"),
        (b'{"format": "newsqc-verdict-model", "format_ver', "not JSON"),
        (b"\x80\x04\x95 binary", "not JSON"),
        (pickle.dumps({"format": "newsqc-verdict-model"}), "not JSON"),
    ],
    ids=["foreign", "truncated", "binary", "pickle"],
)
def test_bad_files_name_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.model"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message) as error:
        VerdictModel.load(path)
    assert str(path) in str(error.value)


def test_corrupt_and_other_version(tmp_path: Path, small_model: VerdictModel) -> None:
    data = small_model.to_dict()
    path = tmp_path / "m.json"
    path.write_text(json.dumps({**data, "weights": [[1.0]]}))
    with pytest.raises(ModelError, match="not a usable verdict model"):
        VerdictModel.load(path)
    path.write_text(json.dumps({k: v for k, v in data.items() if k != "bias"}))
    with pytest.raises(ModelError, match="corrupt"):
        VerdictModel.load(path)
    path.write_text(json.dumps({**data, "newsqc_version": "9.9.0"}))
    with pytest.raises(ModelError, match=r"trained with newsqc 9\.9\.0"):
        VerdictModel.load(path)
    with pytest.raises(ModelError, match="cannot read"):
        VerdictModel.load(tmp_path / "missing.json")


def test_model_argument_types() -> None:
    with pytest.raises(TypeError, match="a path to a model file"):
        newsqc.assess("text", model=42)  # type: ignore[arg-type]


def test_empty_and_junk_are_dropped() -> None:
    assert newsqc.assess("").verdict == "drop"
    assert predict({})[0] == "drop"


def test_verdict_is_consistent_with_the_spans() -> None:
    model = load_model()
    features = newsqc.assess(ARTICLE).features
    assert features["spans"] == 0
    assert model.predict(features)[0] != "clean"  # nothing to remove
    sure = {**features, "spans": 1.0, "offtopic_span_max": 1.0}
    assert model.predict(sure)[0] != "keep"  # a defect found for sure
    assert model.predict({**features, "kept_words": 0.0}) == (Verdict.DROP, 0.0)  # nothing left


def test_without_a_span_what_the_model_would_clean_is_kept() -> None:
    # P(keep) 0.1, P(clean) 0.6, P(drop) 0.3: with nothing to remove, the text is kept as it is
    # (it was dropped, the likelier of keep and drop); drop needs P(drop) above one half.
    def model(keep: float, clean: float, drop: float) -> VerdictModel:
        logits = np.log([[keep], [clean], [drop]])
        return VerdictModel(("one",), (False,), np.zeros(1), np.ones(1), logits, np.zeros(3))

    features = {"one": 1.0, "spans": 0.0, "kept_words": 80.0}
    verdict, quality = model(0.1, 0.6, 0.3).predict(features)
    assert verdict == "keep" and quality == pytest.approx(0.1)
    assert model(0.1, 0.3, 0.6).predict(features)[0] == "drop"
    assert model(0.1, 0.6, 0.3).predict({**features, "spans": 1.0})[0] == "clean"


def test_fewer_words_than_the_labelling_rule_are_dropped() -> None:
    # One word of a thousand letters was kept (0.79): far from any text the model learnt from.
    # The shipped model carries its labelling rule's 50 words; a model without it keeps its say.
    assert load_model().metadata["min_words"] == 50
    for text in ("a" * 1000, "The council met on Tuesday and voted to expand the bus network."):
        a = newsqc.assess(text)
        assert (a.verdict, a.quality) == (Verdict.DROP, 0.0)
    keep = VerdictModel(
        ("one",), (False,), np.zeros(1), np.ones(1), np.log([[0.8], [0.1], [0.1]]), np.zeros(3)
    )
    assert keep.predict({"one": 1.0, "kept_words": 3.0})[0] == "keep"
    with pytest.raises(ModelError, match="min_words"):
        VerdictModel(
            ("one",),
            (False,),
            np.zeros(1),
            np.ones(1),
            np.zeros((3, 1)),
            np.zeros(3),
            metadata={"min_words": "50"},
        )


def test_a_text_mostly_flagged_is_dropped_by_the_labelling_rule() -> None:
    # A page of teasers and their summaries, flagged at 56%, was `clean` (quality 0): the
    # labelling rule drops a text whose defects cover more than half of its characters. The
    # shipped model carries that share; a model without it keeps its say.
    assert load_model().metadata["drop_share"] == 0.5
    weights = np.log([[0.1], [0.8], [0.1]])  # keep, clean, drop: the model would clean

    def model(**metadata: float) -> VerdictModel:
        return VerdictModel(
            ("one",), (False,), np.zeros(1), np.ones(1), weights, np.zeros(3), metadata=metadata
        )

    features = {"one": 1.0, "spans": 12.0, "kept_words": 300.0}
    assert model(drop_share=0.5).predict({**features, "flagged_share": 0.56}) == (Verdict.DROP, 0.0)
    assert model(drop_share=0.5).predict({**features, "flagged_share": 0.44})[0] == "clean"
    assert model().predict({**features, "flagged_share": 0.56})[0] == "clean"
    for bad in (0.0, 1.5, "0.5"):
        with pytest.raises(ModelError, match="drop_share"):
            model(drop_share=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("phrase", ["a", "buy now", "the best deal"])
def test_one_phrase_printed_over_and_over_is_dropped(phrase: str) -> None:
    # "a a a ..." 60,000 times had no span and was kept: far from any text a model learnt from.
    a = newsqc.assess(f"{phrase} " * (60_000 // len(phrase.split())))
    assert a.features["repetition_top_2gram_char_share"] >= DEGENERATE_PAIR_SHARE
    assert (a.verdict, a.quality) == (Verdict.DROP, 0.0)
    # An article that repeats a name and a phrase, as news does, is far from it.
    assert newsqc.assess(ARTICLE).features["repetition_top_2gram_char_share"] < DEGENERATE_PAIR_SHARE / 3


def test_a_short_article_around_a_table_is_kept() -> None:
    # Two paragraphs around a table in pipes, nothing flagged: the model leans to clean (short,
    # table lines); it was dropped.
    first = (
        "The city council voted on Tuesday to expand the bus network to three new districts, a plan "
        "that officials said would cut average commuting times by a quarter over the next five years."
    )
    second = (
        "The decision followed months of public hearings in which residents of the outer districts "
        "complained that they had to change buses twice to reach the hospital and the main railway station."
    )
    table = "| Route | Stops | Minutes |\n|---|---|---|\n| 12 | 18 | 42 |\n| 14 | 22 | 51 |"
    a = newsqc.assess(f"{first}\n\n{table}\n\n{second}")
    assert not a.spans
    assert a.verdict == "keep"


def _keeper() -> VerdictModel:
    """The shipped model's features with no weights: it would keep anything, the rules decide."""
    m = load_model()
    bias = np.array([2.0 if c == "keep" else 0.0 for c in m.classes])
    weights = np.zeros((len(m.classes), len(m.feature_names)))
    return VerdictModel(m.feature_names, m.log_features, m.low, m.high, weights, bias, m.classes, m.metadata)


def test_a_good_article_with_a_sure_defect_is_cleaned_not_dropped() -> None:
    # The spam sentence is certain, so keep is out: what a model would keep is cleaned (P(keep)
    # counts for clean), not dropped, and quality says the text is not keepable as it stands.
    spam = (
        "WINNER!! As a valued network customer you have been selected to receive a prize reward, "
        "call 09061701461 to claim now."
    )
    more = (
        " The budget also pays for new lights on the old bridge on Main Street, which engineers "
        "closed to trucks last spring. A public hearing on the bridge work is planned for next month."
    )
    text = (ARTICLE + more).replace(". ", f". {spam} ", 1)
    a = newsqc.assess(text)
    # The message, flagged sentence by sentence ("WINNER!!" and the rest), and nothing else.
    assert {s.reason for s in a.spans} == {"offtopic:spam"}
    assert " ".join(text[s.start : s.end] for s in a.spans) == spam
    sure = max(s.score for s in a.spans)
    assert sure >= CERTAIN_SPAN
    assert a.verdict == "clean"
    assert a.quality <= 1.0 - sure
    kept = newsqc.assess(text, model=_keeper())
    assert kept.verdict == "clean"
    assert kept.quality <= 1.0 - sure


def test_a_good_article_with_a_line_of_chrome_is_cleaned_not_kept() -> None:
    # A reading time, a login wall, a picture's file name, flagged as chrome by a pattern
    # (score 0.7): the model would keep the article, and it was kept with the chrome in it;
    # keep means nothing to remove.
    body = (
        "The city council voted 5-2 on Tuesday to close the Elm Street branch library at the end of "
        "the year, citing a budget shortfall of $1.2 million.\n"
        "Council member Dana Ortiz, who voted against the closure, said the branch serves more than "
        "40,000 visitors a year, many of them children and older residents.\n"
        "The library's collection will be moved to the main branch downtown, about three miles away, "
        "according to the city's property office.\n"
        "Mayor Alan Reyes said the decision was painful but necessary, and that the city had looked at "
        "every other option before the vote.\n"
    )
    for text, chrome, reason in (
        ("5 min read\n" + body, "5 min read", "boilerplate:dateline"),
        (body + "IMG_2034.jpg\n", "IMG_2034.jpg", "boilerplate:caption"),
        (body + "You need to enable JavaScript to run this app.\n", "You need to enable", "boilerplate:"),
    ):
        a = newsqc.assess(text)
        assert len(a.spans) == 1, a.spans
        span = a.spans[0]
        assert span.reason.startswith(reason) and text[span.start : span.end].startswith(chrome)
        assert span.score < CERTAIN_SPAN
        p = load_model().probabilities(a.features)
        assert p["keep"] > max(p["clean"], p["drop"])
        assert a.verdict == "clean"
        assert a.quality <= 1.0 - span.score
        assert chrome not in a.cleaned_text


def test_read_labelled_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text('{"text": "a", "verdict": "keep"}\n{"text": "b", "verdict": "maybe"}\n')
    with pytest.raises(ValueError, match=r"labels.jsonl:2: 'verdict' must be one of keep, clean, drop"):
        read_labelled(path)


def test_cli_train_then_assess_with_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MODEL_VARIABLE, raising=False)
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("".join(json.dumps(r) + "\n" for r in _records()))
    model_path = tmp_path / "model.json"
    assert main(["train", str(labelled), "-o", str(model_path)]) == 0
    assert VerdictModel.load(model_path).classes == CLASSES
    articles = tmp_path / "in.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    capsys.readouterr()
    assert main(["assess", str(articles), "--model", str(model_path)]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["verdict"] == "keep"
    assert main(["assess", str(articles), "--model", str(labelled)]) == 2
    # With a length floor: the article's 62 words are too few for 100.
    floored = tmp_path / "floored.json"
    assert main(["train", str(labelled), "-o", str(floored), "--min-words", "100"]) == 0
    assert VerdictModel.load(floored).metadata["min_words"] == 100
    capsys.readouterr()
    assert main(["assess", str(articles), "--model", str(floored)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["verdict"] == "drop"
    assert main(["train", str(labelled), "-o", str(floored), "--min-words", "-1"]) == 2
    shared = tmp_path / "shared.json"
    assert main(["train", str(labelled), "-o", str(shared), "--drop-share", "0.4"]) == 0
    assert VerdictModel.load(shared).metadata["drop_share"] == 0.4
    assert main(["train", str(labelled), "-o", str(shared), "--drop-share", "2"]) == 2


def test_cli_model_reaches_the_worker_processes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A model that says the opposite of the shipped one: keep and drop swapped in its labels.
    swap = {"keep": "drop", "drop": "keep", "clean": "clean"}
    inverted = train([{**r, "verdict": swap[r["verdict"]]} for r in _records()])
    model_path = tmp_path / "inverted.json"
    inverted.save(model_path)
    articles = tmp_path / "in.jsonl"
    articles.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in range(40)))
    capsys.readouterr()
    assert main(["assess", str(articles), "-q", "-j", "2"]) == 0
    assert {json.loads(line)["verdict"] for line in capsys.readouterr().out.splitlines()} == {"keep"}
    assert main(["assess", str(articles), "-q", "-j", "2", "--model", str(model_path)]) == 0
    assert {json.loads(line)["verdict"] for line in capsys.readouterr().out.splitlines()} == {"drop"}
    assert MODEL_VARIABLE not in os.environ


SHORT_ARTICLES = [
    # About 100 words.
    "Amazon to create 1,000 jobs at new Doncaster warehouse\n\n"
    "Amazon is to open a new warehouse in Doncaster next year, creating 1,000 permanent jobs, the "
    "company announced on Wednesday.\n\n"
    "The 2.3 million square foot site at the iPort business park will employ staff to pick, pack "
    "and ship customer orders.\n\n"
    "Pay will start at 9.50 pounds an hour, and staff will receive benefits including private "
    "medical insurance.\n\n"
    'Doncaster\'s mayor, Ros Jones, said the jobs were "a huge boost" for the town.\n',
    # About 280 words, with a numbered list that the page's chrome around it makes read as chrome.
    (
        "The Lost Lighthouse review: a true-crime podcast that earns its cliffhangers\n\n"
        "True-crime podcasts have become so common that a new one needs a very good reason to "
        "exist. The Lost Lighthouse, a six-part series from the BBC's Sounds team, has one: a "
        "disappearance on a Shetland island in 1962 that was never explained, and a presenter "
        "whose own grandfather was among the last people to see the missing keeper alive.\n\n"
        "Kirsty Halcrow narrates with a restraint that suits the material. There are no ominous "
        "music stings every thirty seconds, and she is scrupulous about separating what is known "
        "from what islanders have come to believe over sixty years of retelling.\n\n"
        "The episodes are:\n\n"
        "1. The Light Goes Out (38 minutes)\n2. Three Men on the Rock (41 minutes)\n3. The Logbook "
        "(36 minutes)\n4. What the Fishermen Saw (44 minutes)\n5. Grandad's Letter (39 minutes)\n6. "
        "The Last Keeper (52 minutes)\n\n"
        "The third episode, in which Halcrow and a retired coastguard go through the lighthouse "
        "logbook line by line, is the best. A single crossed-out entry becomes as gripping as any "
        "chase scene.\n\n"
        "The series is weaker when it strays into speculation. The fifth episode spends too long "
        "on a theory involving a Soviet trawler that even Halcrow seems not to believe.\n\n"
        "But the final episode lands with real emotional force, and it resists the temptation to "
        "offer a neat solution where none exists.\n\n"
        "Four stars. All six episodes are available now on BBC Sounds."
    ),
]


@pytest.mark.parametrize("article", SHORT_ARTICLES, ids=["100-words", "list-of-episodes"])
def test_a_short_article_in_light_chrome_is_cleaned(article: str) -> None:
    # The model once read length (counts of words, characters, lines, sentences, and tiny texts
    # as training rows): it dropped such articles, which the labelling rule calls clean.
    chrome_head = "Skip to main content\nHome\nNews\nSport\nBusiness\nSubscribe\nSign in\n"
    chrome_tail = (
        "\nShare this article\nFacebook\nTwitter\nRelated Articles\nMan charged after crash on M6\n"
        "Council tax to rise by 4 per cent\n© 2019 Daily Courier. All rights reserved.\nPrivacy Policy"
    )
    a = newsqc.assess(chrome_head + article + chrome_tail)
    assert a.features["flagged_share"] < 0.5 and a.features["kept_words"] >= 50
    assert a.verdict == "clean"
