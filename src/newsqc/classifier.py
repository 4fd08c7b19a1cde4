"""From features to a verdict: the trained, calibrated model, how it loads and how it is trained.

The model reads the named features of :func:`newsqc.features.feature_vector` and gives the
probability of each verdict. It is a multinomial logistic regression over those features
(counts on a log scale, every feature standardised and bounded to the range seen in
training) whose logits are calibrated by temperature scaling (scikit-learn's
``CalibratedClassifierCV(method="temperature")`` on cross-validated predictions).

- ``quality`` is the calibrated probability that the article is usable as it is, P(keep). A
  fixable article (chrome around a good report, an injected sentence) therefore ranks below
  a clean one, and junk ranks lowest in practice. A near-certain span caps it at 1 minus the
  span's score: the article as it stands surely has that defect.
- The verdict is the most probable of keep, clean and drop that fits the spans: ``clean``
  needs at least one span (with nothing to remove, cleaning changes nothing: such an article
  is kept or dropped), and a near-certain span rules ``keep`` out (what the model would keep
  is then ``clean``).
- The classes are weighted equally in training, so the probabilities are calibrated for a mix
  in which keep, clean and drop are equally common.

The model file is JSON: arrays of numbers, the feature names, the versions of newsqc and
scikit-learn that trained it. Loading it runs no code (nothing is unpickled) and prediction is
one small matrix product in numpy. The model is folded at export: standardisation and
temperature are multiplied into the weights, so ``logits = weights @ x + bias``.

Loading is lazy, once per process and per path, and thread-safe. A file that is not a newsqc
model, is corrupt, or was trained by another minor version of newsqc raises
:class:`ModelError` naming the file. scikit-learn's version is recorded for provenance; it
does not matter at prediction time, since numpy evaluates the arrays.
"""

from __future__ import annotations

import json
import os
import threading
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any, Union

import numpy as np

from newsqc.assessment import KINDS, Verdict

__all__ = [
    "CLASSES",
    "FORMAT",
    "MODEL_VARIABLE",
    "SHIPPED_MODEL",
    "ModelError",
    "ModelLike",
    "VerdictModel",
    "fit_model",
    "load_model",
    "predict",
    "read_labelled",
    "train",
]

#: The verdicts a model may predict, in the order of its weight rows.
CLASSES: tuple[str, ...] = ("keep", "clean", "drop")
#: A span this sure (its score) is a defect: the text is not kept as it is.
CERTAIN_SPAN = 0.99
#: A text whose most frequent word pair covers this share of its characters or more (Gopher's
#: top 2-gram character share, ``repetition_top_2gram_char_share``) is one phrase printed over
#: and over ("a a a ...", "buy now buy now ..."): no article, and far from anything a model learnt
#: from (a text of 60,000 "a" was kept). No document of the quality benchmark reaches 0.15.
DEGENERATE_PAIR_SHARE = 0.5
#: The ``format`` field of every model file.
FORMAT = "newsqc-verdict-model"
FORMAT_VERSION = 1
#: Where the shipped model lives inside the package.
SHIPPED_MODEL = "models/verdict.json"
#: The environment variable that names the default model file (``newsqc assess --model`` sets it).
MODEL_VARIABLE = "NEWSQC_MODEL"


class ModelError(ValueError):
    """A verdict model file that cannot be used: foreign, corrupt, or from another newsqc."""


def _newsqc_version() -> str:
    import newsqc

    return newsqc.__version__


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


@dataclass(frozen=True, eq=False)
class VerdictModel:
    """A trained verdict model: ``softmax(weights @ x + bias)`` over bounded, log-scaled features.

    ``x`` is the feature vector in ``feature_names`` order, with ``log1p`` applied to the
    features flagged in ``log_features`` and every feature clipped to ``[low, high]``.

    >>> m = VerdictModel(("words",), (True,), np.zeros(1), np.full(1, 10.0),
    ...                  np.array([[1.0], [0.0], [-1.0]]), np.zeros(3), ("keep", "clean", "drop"))
    >>> verdict, quality = m.predict({"words": 1e6})  # log1p(1e6) = 13.8, bounded to 10
    >>> verdict, round(quality, 4)
    (<Verdict.KEEP: 'keep'>, 1.0)
    """

    feature_names: tuple[str, ...]
    log_features: tuple[bool, ...]
    low: np.ndarray
    high: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...] = CLASSES
    metadata: Mapping[str, Any] = field(default_factory=dict)
    source: str = "<memory>"

    def __post_init__(self) -> None:
        # Contiguous float64 arrays: the same sums in the same order, in memory or loaded.
        for name in ("low", "high", "weights", "bias"):
            object.__setattr__(self, name, np.ascontiguousarray(getattr(self, name), dtype=np.float64))
        k = len(self.feature_names)
        n = len(self.classes)
        problems = []
        if len(self.log_features) != k or self.low.shape != (k,) or self.high.shape != (k,):
            problems.append("feature arrays do not match the feature names")
        if self.weights.shape != (n, k) or self.bias.shape != (n,):
            problems.append("weights or bias do not match the classes and features")
        if len(set(self.classes)) != n or not set(self.classes) <= set(CLASSES) or n < 2:
            problems.append(f"classes {list(self.classes)} are not two or more of {', '.join(CLASSES)}")
        arrays = (self.low, self.high, self.weights, self.bias)
        if not problems and not all(np.isfinite(a).all() for a in arrays):
            problems.append("non-finite numbers")
        # The labelling rule's floors that predict applies whatever the model says.
        for name, default, fits, what in (
            ("min_words", 0, lambda v: v >= 0, "a number of words"),
            ("drop_share", 1.0, lambda v: 0 < v <= 1, "a share of the text in (0, 1]"),
        ):
            value = self.metadata.get(name, default)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not fits(value):
                problems.append(f"metadata {name} {value!r} is not {what}")
        if problems:
            raise ModelError(f"{self.source}: not a usable verdict model: {'; '.join(problems)}")
        object.__setattr__(self, "_log_index", np.flatnonzero(np.asarray(self.log_features, dtype=bool)))
        object.__setattr__(self, "_keep", self.classes.index("keep") if "keep" in self.classes else -1)

    def vector(self, features: Mapping[str, float]) -> np.ndarray:
        """The bounded, log-scaled input vector of ``features`` (absent names read as 0.0)."""
        x = np.array(list(map(features.get, self.feature_names, repeat(0.0))), dtype=np.float64)
        index = self._log_index  # type: ignore[attr-defined]
        x[index] = np.log1p(np.maximum(x[index], 0.0))
        x[np.isnan(x)] = 0.0
        # np.clip's values (infinities go to the bounds), without its Python wrappers
        return np.minimum(np.maximum(x, self.low), self.high)

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        """The probability of each verdict in ``classes``.

        >>> p = load_model().probabilities({})
        >>> sorted(p), round(sum(p.values()), 6)
        (['clean', 'drop', 'keep'], 1.0)
        """
        logits = self.weights @ self.vector(features) + self.bias
        logits -= logits.max()
        e = np.exp(logits)
        e /= e.sum()
        return {c: float(p) for c, p in zip(self.classes, e, strict=True)}

    def predict(self, features: Mapping[str, float]) -> tuple[Verdict, float]:
        """The verdict and quality (P(keep)) for ``features``.

        The verdict is the most probable class that is consistent with the spans: ``clean``
        needs something to remove (``features["spans"] > 0``), and ``keep`` means nothing is
        wrong, so no span may be near certain (a ``<kind>_span_max`` of ``CERTAIN_SPAN`` or
        more) and no line of chrome may be flagged (a boilerplate span of any score: the site's
        lines, not the article's, which a user keeping the text as it is would keep too).
        Without a span, what the model would clean has nothing to remove and is kept as it is
        (P(clean) counts for ``keep``: dropped only when P(drop) is above one half, so that a
        short article with a table is not dropped for want of a defect to cut). With a
        near-certain span or chrome, what the model would keep is clean once the span is
        removed (P(keep) counts for ``clean``), and quality is at most 1 minus the surest span's
        score: the text as it stands is not keepable. Quality stays P(keep) either way. A text
        without a word left once cleaned (``features["kept_words"] == 0``: blank, or flagged
        whole) is dropped with quality 0, whatever a model makes of such features, and so is one
        with fewer words left than the model's ``metadata["min_words"]`` (the shipped model's
        labelling rule: 50; one word of a thousand letters was kept, far from anything it learnt
        from), and so is one whose spans cover more than the model's ``metadata["drop_share"]``
        of its characters (``features["flagged_share"]``; the shipped model's labelling rule:
        half; a page of teasers flagged at 56% was `clean`), and so is one phrase printed over
        and over (DEGENERATE_PAIR_SHARE).

        >>> load_model().predict({"kept_words": 0.0, "chars": 4.0})
        (<Verdict.DROP: 'drop'>, 0.0)
        >>> load_model().predict({"kept_words": 1.0, "words": 1.0, "chars": 1000.0})
        (<Verdict.DROP: 'drop'>, 0.0)
        >>> load_model().predict({"kept_words": 400.0, "words": 900.0, "flagged_share": 0.6, "spans": 9.0})
        (<Verdict.DROP: 'drop'>, 0.0)
        """
        kept = features.get("kept_words", 1.0)
        if (
            kept == 0
            or kept < self.metadata.get("min_words", 0)
            or features.get("flagged_share", 0.0) > self.metadata.get("drop_share", 1.0)
            or features.get("repetition_top_2gram_char_share", 0.0) >= DEGENERATE_PAIR_SHARE
        ) and "drop" in self.classes:
            return Verdict.DROP, 0.0
        logits = self.weights @ self.vector(features) + self.bias
        logits -= logits.max()
        e = np.exp(logits)
        e /= e.sum()
        keep = self._keep  # type: ignore[attr-defined]
        quality = float(e[keep]) if keep >= 0 else 0.0
        choice = e.copy()
        if set(self.classes) == set(CLASSES):  # a user's model may have other classes
            clean = self.classes.index("clean")
            sure = max(features.get(f"{kind}_span_max", 0.0) for kind in KINDS)
            if features.get("spans", 1.0) == 0:
                choice[keep] += choice[clean]
                choice[clean] = -1.0
            elif sure >= CERTAIN_SPAN or features.get("boilerplate_span_max", 0.0) > 0:
                choice[clean] += choice[keep]
                choice[keep] = -1.0
                quality = min(quality, 1.0 - sure)
        best = int(np.argmax(choice))
        return Verdict(self.classes[best]), min(1.0, max(0.0, quality))

    def to_dict(self) -> dict[str, Any]:
        """The model as a JSON-ready dict (the file format)."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "newsqc_version": self.metadata.get("newsqc_version", _newsqc_version()),
            "sklearn_version": self.metadata.get("sklearn_version"),
            "metadata": {
                k: v for k, v in self.metadata.items() if k not in ("newsqc_version", "sklearn_version")
            },
            "classes": list(self.classes),
            "feature_names": list(self.feature_names),
            "log_features": [bool(b) for b in self.log_features],
            "low": self.low.tolist(),
            "high": self.high.tolist(),
            "weights": self.weights.tolist(),
            "bias": self.bias.tolist(),
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as JSON to ``path``."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Any, source: str = "<memory>") -> VerdictModel:
        """The model a :meth:`to_dict` dict describes; :class:`ModelError` if it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{source}: not a newsqc verdict model (no 'format': '{FORMAT}')")
        if data.get("format_version") != FORMAT_VERSION:
            raise ModelError(
                f"{source}: model format version {data.get('format_version')!r}; "
                f"this newsqc reads version {FORMAT_VERSION}"
            )
        trained_with = str(data.get("newsqc_version"))
        running = _newsqc_version()
        if _minor(trained_with) != _minor(running):
            raise ModelError(
                f"{source}: trained with newsqc {trained_with}, this is newsqc {running}; "
                "retrain it with `newsqc train`"
            )
        try:
            metadata = dict(data.get("metadata") or {})
            metadata["newsqc_version"] = trained_with
            metadata["sklearn_version"] = data.get("sklearn_version")
            return cls(
                feature_names=tuple(str(n) for n in data["feature_names"]),
                log_features=tuple(bool(b) for b in data["log_features"]),
                low=np.asarray(data["low"], dtype=np.float64),
                high=np.asarray(data["high"], dtype=np.float64),
                weights=np.asarray(data["weights"], dtype=np.float64),
                bias=np.asarray(data["bias"], dtype=np.float64),
                classes=tuple(str(c) for c in data["classes"]),
                metadata=metadata,
                source=source,
            )
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError) as error:
            raise ModelError(f"{source}: corrupt verdict model: {type(error).__name__}: {error}") from None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> VerdictModel:
        """Read a model file (JSON; nothing is executed or unpickled)."""
        source = os.fspath(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            raise ModelError(f"{source}: cannot read the verdict model: {error.strerror}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ModelError(f"{source}: not a newsqc verdict model (not JSON: {error})") from None
        return cls.from_dict(data, source=source)


#: What ``model=`` accepts: None (the shipped model), a path, or a loaded model.
ModelLike = Union[VerdictModel, str, os.PathLike, None]  # noqa: UP007 (a runtime alias)

_models: dict[str, VerdictModel] = {}
_lock = threading.Lock()


def load_model(model: ModelLike = None) -> VerdictModel:
    """The verdict model: the shipped one (None), the file at a path, or ``model`` itself.

    None means the file named by ``$NEWSQC_MODEL`` when it is set, else the model shipped
    in the package. Files are read once per
    process and path (thread-safe) and kept.

    >>> load_model() is load_model()
    True
    >>> load_model().classes
    ('keep', 'clean', 'drop')
    """
    if isinstance(model, VerdictModel):
        return model
    if model is None:
        model = os.environ.get(MODEL_VARIABLE) or None
    if model is None:
        key = "<shipped>"
    elif isinstance(model, (str, os.PathLike)):
        key = os.path.abspath(os.fspath(model))
    else:
        raise TypeError(
            "model must be None (the shipped model), a path to a model file written by "
            f"`newsqc train`, or a newsqc.classifier.VerdictModel, not {type(model).__name__}"
        )
    found = _models.get(key)
    if found is None:
        with _lock:
            found = _models.get(key)
            if found is None:
                if model is None:
                    with resources.as_file(resources.files("newsqc") / SHIPPED_MODEL) as path:
                        found = VerdictModel.load(path)
                else:
                    found = VerdictModel.load(key)
                _check_features(found)
                _models[key] = found
    return found


def _check_features(model: VerdictModel) -> None:
    from newsqc.api import analyse
    from newsqc.features import feature_vector

    current = feature_vector(*_probe(analyse))
    missing = [n for n in model.feature_names if n not in current]
    if missing:
        warnings.warn(
            f"{model.source}: this newsqc no longer computes the features {', '.join(missing)} "
            "that the model reads; they read as 0. Retrain the model (`make model` or `newsqc train`).",
            RuntimeWarning,
            stacklevel=3,
        )


def _probe(analyse: Any) -> tuple[Any, Any, Any]:
    article, findings, spans = analyse("")
    return findings, article, spans


def predict(features: Mapping[str, float], model: ModelLike = None) -> tuple[Verdict, float]:
    """The verdict and quality of an article from its features (see :func:`load_model`).

    >>> predict({"words": 0.0})[0]
    <Verdict.DROP: 'drop'>
    """
    return load_model(model).predict(features)


# ---------------------------------------------------------------------------------------------
# Training


def read_labelled(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Labelled records from a JSON-lines file: ``text`` and ``verdict`` per line, optional
    ``id``, ``title``, ``url``. Raises ValueError naming the line of a bad record."""
    records = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON: {error}") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError(f"{path}:{number}: a record needs a 'text' string")
            if record.get("verdict") not in CLASSES:
                raise ValueError(
                    f"{path}:{number}: 'verdict' must be one of {', '.join(CLASSES)}, "
                    f"not {record.get('verdict')!r}"
                )
            records.append(record)
    return records


def _fit_estimator(
    X: np.ndarray,
    codes: np.ndarray,
    C: float,
    folds: int,
    seed: int,
    class_weight: str | dict[int, float] = "balanced",
) -> tuple[Any, tuple[bool, ...], np.ndarray, np.ndarray]:
    """The fitted scikit-learn estimator on log-scaled, standardised ``X``, and that scaling.

    Returns (estimator, log_features, mean, scale): the estimator reads
    ``(log_scaled(X) - mean) / scale``.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    log_features = tuple(bool(X[:, j].min() >= 0 and X[:, j].max() > 1) for j in range(X.shape[1]))
    X = _log_scaled(X, log_features)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    smallest = int(np.bincount(codes).min())
    cv = StratifiedKFold(n_splits=max(2, min(folds, smallest)), shuffle=True, random_state=seed)
    estimator = CalibratedClassifierCV(
        LogisticRegression(C=C, class_weight=class_weight, max_iter=10000),
        method="temperature",
        cv=cv,
        ensemble=False,
    )
    estimator.fit((X - mean) / scale, codes)
    return estimator, log_features, mean, scale


def _log_scaled(X: np.ndarray, log_features: Sequence[bool]) -> np.ndarray:
    X = np.array(X, dtype=np.float64)
    index = np.flatnonzero(np.asarray(log_features, dtype=bool))
    X[:, index] = np.log1p(np.maximum(X[:, index], 0.0))
    return X


def fit_model(
    X: np.ndarray,
    y: Sequence[str],
    feature_names: Sequence[str],
    C: float = 1.0,
    folds: int = 5,
    seed: int = 0,
    metadata: Mapping[str, Any] | None = None,
    drop_weight: float = 1.0,
) -> VerdictModel:
    """Fit the calibrated logistic regression on a feature matrix and fold it into a model.

    The classes are weighted equally (as scikit-learn's ``class_weight="balanced"``), so the
    probabilities are calibrated for a mix with as many articles of each verdict; ``drop_weight``
    scales the weight of ``drop`` from there (the shipped model's training halves it, see
    ``scripts/train_verdict.py``). Deterministic: the folds are shuffled with ``seed`` and lbfgs
    has no randomness.
    """
    import sklearn

    X = np.asarray(X, dtype=np.float64)
    labels = [str(v) for v in y]
    unknown = sorted(set(labels) - set(CLASSES))
    if unknown:
        raise ValueError(f"verdicts must be among {', '.join(CLASSES)}; got {', '.join(unknown)}")
    classes = tuple(c for c in CLASSES if c in set(labels))
    if len(classes) < 2:
        raise ValueError(f"training needs at least two verdicts among {', '.join(CLASSES)}; got {classes}")
    # Classes as integers in CLASSES order, so that the weight rows come out in that order.
    codes = np.asarray([classes.index(v) for v in labels])
    class_weight: str | dict[int, float] = "balanced"
    reweighted = drop_weight != 1.0 and "drop" in classes
    if reweighted:
        counts = np.bincount(codes, minlength=len(classes))
        class_weight = {c: len(codes) / (len(classes) * int(counts[c])) for c in range(len(classes))}
        class_weight[classes.index("drop")] *= drop_weight
    estimator, log_features, mean, scale = _fit_estimator(X, codes, C, folds, seed, class_weight)
    inner = estimator.calibrated_classifiers_[0]
    lr = inner.estimator
    beta = float(inner.calibrators[0].beta_)
    if lr.coef_.shape[0] == 1:  # binary: decision x gives the logits (-x, x)
        coef = np.vstack([-lr.coef_[0], lr.coef_[0]])
        intercept = np.array([-lr.intercept_[0], lr.intercept_[0]])
    else:
        coef, intercept = lr.coef_, lr.intercept_
    weights = coef / scale
    bias = (intercept - weights @ mean) * beta
    weights = weights * beta
    Xs = _log_scaled(X, log_features)
    info = {
        "newsqc_version": _newsqc_version(),
        "sklearn_version": sklearn.__version__,
        "estimator": (
            f"LogisticRegression(C={C}, class_weight='balanced'"
            + (f", drop weighted x{drop_weight:g}" if reweighted else "")
            + ") + "
            f"CalibratedClassifierCV(method='temperature', cv={estimator.cv.n_splits} folds)"
        ),
        "temperature": 1.0 / beta,
        "samples": {c: labels.count(c) for c in classes},
        **(metadata or {}),
    }
    return VerdictModel(
        feature_names=tuple(feature_names),
        log_features=log_features,
        low=Xs.min(axis=0),
        high=Xs.max(axis=0),
        weights=weights,
        bias=bias,
        classes=classes,
        metadata=info,
    )


def train(
    records: Iterable[Mapping[str, Any]],
    C: float = 1.0,
    seed: int = 0,
    metadata: Mapping[str, Any] | None = None,
) -> VerdictModel:
    """Train a verdict model on labelled records (``text``, ``verdict``, optional ``title``, ``url``).

    The model reads every feature of :class:`~newsqc.transformer.NewsFeatures` but Gopher's nine
    n-gram shares, which it reads as one (``repetition_gopher_ratio``).

    >>> texts = ["Officials met on Monday to discuss the plan for the new bridge across the river."] * 4
    >>> model = train([{"text": t, "verdict": "keep"} for t in texts]
    ...               + [{"text": "0 Comments", "verdict": "drop"}] * 4)
    >>> model.classes
    ('keep', 'drop')
    """
    from newsqc.scorers.repetition import GOPHER_SHARES
    from newsqc.transformer import NewsFeatures

    records = list(records)
    features = NewsFeatures()
    X = features.fit_transform(records)
    names = [str(n) for n in features.get_feature_names_out()]
    read = [j for j, name in enumerate(names) if name not in GOPHER_SHARES]  # read as one ratio
    return fit_model(
        X[:, read],
        [r["verdict"] for r in records],
        [names[j] for j in read],
        C=C,
        seed=seed,
        metadata=metadata,
    )
