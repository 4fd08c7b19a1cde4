"""NewsFeatures: the same numbers as assess, a real scikit-learn transformer, loaded only when used."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks as checks

import newsqc
from newsqc.assessment import KINDS
from newsqc.features import feature_vector
from newsqc.transformer import NewsFeatures

TEXTS = [
    "Officials met in Geneva on Monday to discuss the plan.\n0 Comments\nBack to top",
    "The council approved the budget on Tuesday after a long debate about schools and roads.",
    "",
    "Ð¡Ð¿Ð°ÑÐ¸Ð±Ð¾ buy cheap watches online buy cheap watches online buy cheap watches online",
]

# The API checks of sklearn.utils.estimator_checks that do not feed numeric arrays. The
# others are skipped by check_estimator itself (input tags: string, not two_d_array).
API_CHECKS = [
    checks.check_estimator_cloneable,
    checks.check_estimator_tags_renamed,
    checks.check_valid_tag_types,
    checks.check_estimator_repr,
    checks.check_no_attributes_set_in_init,
    checks.check_do_not_raise_errors_in_init_or_set_params,
    checks.check_mixin_order,
    checks.check_get_params_invariance,
    checks.check_set_params,
    checks.check_parameters_default_constructible,
]


@pytest.mark.parametrize("check", API_CHECKS, ids=lambda c: c.__name__)
def test_sklearn_api_checks(check: object) -> None:
    check("NewsFeatures", NewsFeatures())  # type: ignore[operator]


def test_check_estimator_skips_numeric_checks() -> None:
    # Texts are not numeric arrays: check_estimator runs nothing, by the input tags.
    with pytest.warns(checks.SkipTestWarning):
        checks.check_estimator(NewsFeatures())


def test_same_numbers_as_assess() -> None:
    fitted = NewsFeatures().fit(TEXTS)
    X = fitted.transform(TEXTS)
    names = list(fitted.get_feature_names_out())
    for text, row in zip(TEXTS, X, strict=True):
        features = newsqc.assess(text).features
        assert list(features) == names
        assert row.tolist() == [features[n] for n in names]


def test_names_cover_every_scorer_and_kind() -> None:
    names = set(NewsFeatures().fit([]).get_feature_names_out())
    article, findings, spans = newsqc.api.analyse(TEXTS[0])
    for finding in findings:
        assert set(finding.features) <= names
    for kind in KINDS:
        assert {f"{kind}_score", f"{kind}_span_share"} <= names
    assert {"kept_words", "kept_share", "words", "readability", "language_known"} <= names
    assert set(feature_vector(findings, article, spans)) == names


def test_fit_returns_self_and_keeps_params() -> None:
    features = NewsFeatures()
    params = features.get_params()
    assert features.fit(TEXTS) is features
    assert features.get_params() == params
    assert clone(features).get_params() == params


def test_unfitted_transform_raises() -> None:
    with pytest.raises(NotFittedError):
        NewsFeatures().transform(TEXTS)


def test_order_batch_and_fit_transform_invariance() -> None:
    fitted = NewsFeatures().fit([])
    X = fitted.transform(TEXTS)
    assert np.array_equal(fitted.transform(TEXTS[::-1]), X[::-1])
    assert np.array_equal(np.vstack([fitted.transform([t]) for t in TEXTS]), X)
    assert np.array_equal(NewsFeatures().fit_transform(TEXTS), X)
    assert fitted.transform([]).shape == (0, X.shape[1])
    assert np.isfinite(X).all()


def test_records_with_title_and_url() -> None:
    record = {"text": TEXTS[1], "title": "Budget passes", "url": "https://example.com/a"}
    X = NewsFeatures().fit_transform([record])
    expected = newsqc.assess(TEXTS[1], title="Budget passes", url="https://example.com/a").features
    assert X[0].tolist() == list(expected.values())


def test_bad_items_say_what_to_pass() -> None:
    with pytest.raises(TypeError, match="must be a str or a mapping"):
        NewsFeatures().fit_transform([b"bytes"])
    with pytest.raises(ValueError, match="needs a 'text' field"):
        NewsFeatures().fit_transform([{"body": "x"}])


def test_in_a_users_pipeline() -> None:
    pipe = make_pipeline(NewsFeatures(), LogisticRegression(max_iter=1000))
    pipe.fit(TEXTS[:2] * 2, ["drop", "keep"] * 2)
    assert list(pipe.predict(TEXTS[:2])) == ["drop", "keep"]


def test_scikit_learn_loads_only_for_the_transformer() -> None:
    """``import newsqc`` and ``assess`` do not import scikit-learn (a second off every start);
    ``newsqc.features.NewsFeatures`` still finds the transformer."""
    code = (
        "import sys, newsqc; newsqc.assess('The council met on Monday. It voted for the plan.'); "
        "assert 'sklearn' not in sys.modules, 'scikit-learn was imported'; "
        "from newsqc.features import NewsFeatures; import newsqc.transformer as t; "
        "assert NewsFeatures is t.NewsFeatures"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
