"""NewsFeatures: newsqc's features as a scikit-learn transformer, for your own pipelines.

It calls :func:`newsqc.features.feature_vector` on what :func:`newsqc.api.analyse` finds, the very
numbers :func:`newsqc.assess` hands its classifier. It lives apart from :mod:`newsqc.features`
so that scikit-learn is imported only when it is used (``newsqc.features.NewsFeatures`` finds
it too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from newsqc.api import analyse
from newsqc.features import feature_vector

__all__ = ["NewsFeatures"]


def _record(item: Any) -> tuple[str, str | None, str | None]:
    if isinstance(item, str):
        return item, None, None
    if isinstance(item, Mapping):
        if "text" not in item:
            raise ValueError(f"a record needs a 'text' field; got the fields {sorted(item)}")
        return item["text"], item.get("title"), item.get("url")
    raise TypeError(
        f"NewsFeatures reads texts: each item must be a str or a mapping with 'text' "
        f"(and optional 'title', 'url'), not {type(item).__name__}"
    )


def _analyse(item: Any) -> dict[str, float]:
    text, title, url = _record(item)
    article, findings, spans = analyse(text, title=title, url=url)
    return feature_vector(findings, article, spans)


def _names(rows: Iterable[Mapping[str, float]]) -> list[str]:
    """The current scorers' feature names, then any new ones the rows hold, in order."""
    names = list(_analyse("").keys())
    seen = set(names)
    for row in rows:
        for name in row:
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names


def _matrix(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    data = [[row.get(name, 0.0) for name in names] for row in rows]
    return np.asarray(data, dtype=np.float64).reshape(len(rows), len(names))


class NewsFeatures(TransformerMixin, BaseEstimator):
    """A scikit-learn transformer from raw articles to newsqc's feature matrix.

    ``X`` is an iterable of texts (``str``) or of mappings with ``text`` and optional
    ``title`` and ``url``. ``transform`` returns a float array with one column per name in
    ``get_feature_names_out()``; the features are those :func:`feature_vector` computes, the
    same numbers :func:`newsqc.assess` puts in ``Assessment.features``. ``fit`` learns only the
    feature names (``feature_names_``): those of the current scorers, plus any new ones the
    fitted texts produce. It has no parameters. Put it first in your own pipeline:

    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.linear_model import LogisticRegression
    >>> texts = ["Officials met on Monday to discuss the plan for the new bridge.", "0 Comments"]
    >>> pipe = make_pipeline(NewsFeatures(), LogisticRegression()).fit(texts, ["keep", "drop"])
    >>> NewsFeatures().fit_transform(texts).shape[0]
    2

    Estimator checks: texts are not numeric arrays, so the transformer declares the input tags
    ``string=True, two_d_array=False`` (as ``CountVectorizer`` does). scikit-learn's
    ``check_estimator`` then skips every check, since all its checks feed numeric arrays; the
    tests run instead the API checks that do not depend on the input (clone, repr, parameters,
    tags, mixin order, nothing set in ``__init__``) and the remaining contract on texts (fit
    returns self and leaves parameters alone, unfitted transform raises ``NotFittedError``,
    results do not depend on sample order or batching).
    """

    def fit(self, X: Iterable[Any], y: Any = None) -> NewsFeatures:
        """Learn the feature names: the current scorers' names, then any new ones in ``X``."""
        self.feature_names_ = np.asarray(_names(map(_analyse, X)), dtype=object)
        return self

    def fit_transform(self, X: Iterable[Any], y: Any = None, **fit_params: Any) -> np.ndarray:
        """Fit and transform in one pass over ``X`` (each article is analysed once)."""
        rows = [_analyse(item) for item in X]
        names = _names(rows)
        self.feature_names_ = np.asarray(names, dtype=object)
        return _matrix(rows, names)

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """The feature matrix: one row per article, one column per feature name (0.0 if absent)."""
        check_is_fitted(self, "feature_names_")
        return _matrix([_analyse(item) for item in X], list(self.feature_names_))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The names of the columns ``transform`` returns."""
        check_is_fitted(self, "feature_names_")
        return np.asarray(self.feature_names_, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.dict = True
        tags.requires_fit = True
        return tags
