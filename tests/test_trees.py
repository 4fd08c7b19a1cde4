"""The tree ensembles that the shipped models are made of."""

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from newsqc.trees import Trees


def test_tree_arrays_predict() -> None:
    # A stump: feature 0 <= 0.5 goes to a leaf of -1, else to a leaf of +1.
    trees = Trees.from_dict(
        {
            "feature": [[0, 0, 0]],
            "threshold": [[0.5, 0.0, 0.0]],
            "left": [[1, 1, 2]],
            "right": [[2, 1, 2]],
            "value": [[0.0, -1.0, 1.0]],
            "init": 0.0,
            "depth": 1,
        }
    )
    p = trees.probability(np.array([[0.0], [1.0]]))
    assert p[0] == pytest.approx(1 / (1 + np.e)) and p[1] == pytest.approx(1 / (1 + np.e**-1))
    assert trees.probability(np.zeros((0, 1))).shape == (0,)


def test_tree_arrays_predict_leaves_at_any_depth() -> None:
    # Feature 0 <= 0.5: a leaf of -1 at depth 1; else feature 1 <= 0.0: 0.5, else 2.0 (NaN goes right).
    trees = Trees.from_dict(
        {
            "feature": [[0, 0, 1, 0, 0]],
            "threshold": [[0.5, 0.0, 0.0, 0.0, 0.0]],
            "left": [[1, 1, 3, 3, 4]],
            "right": [[2, 1, 4, 3, 4]],
            "value": [[0.0, -1.0, 0.0, 0.5, 2.0]],
            "init": 0.25,
            "depth": 2,
        }
    )
    x = np.array([[0.0, 9.0], [1.0, -1.0], [1.0, 1.0], [np.nan, np.nan], [0.0, np.nan]])
    raw = np.array([-1.0, 0.5, 2.0, 2.0, -1.0]) + 0.25
    assert trees.probability(x).tolist() == (1.0 / (1.0 + np.exp(-raw))).tolist()


def test_from_sklearn_round_trips_through_a_dict() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    model = HistGradientBoostingClassifier(max_iter=20, max_depth=3, random_state=0).fit(x, y)
    trees = Trees.from_dict(Trees.from_sklearn(model, x).to_dict())
    assert np.allclose(trees.probability(x), model.predict_proba(x)[:, 1], atol=1e-9)
