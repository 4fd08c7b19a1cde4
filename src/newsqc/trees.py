"""Gradient boosted trees as plain arrays: what the scorers' learned models are made of.

scikit-learn's ``HistGradientBoostingClassifier`` is fitted by the training scripts, and its
trees are written to the package's JSON model files as arrays (:meth:`Trees.from_sklearn`,
:meth:`Trees.to_dict`): loading them runs no code, and walking them needs numpy alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

__all__ = ["Trees"]

#: Rows walked at once by :meth:`Trees.probability`.
ROWS_AT_ONCE = 4096


@dataclass(frozen=True)
class Trees:
    """A gradient boosted tree ensemble as plain arrays (children of a leaf point to itself).

    >>> stump = Trees.from_dict({"feature": [[0, 0, 0]], "threshold": [[0.5, 0.0, 0.0]],
    ...     "left": [[1, 1, 2]], "right": [[2, 1, 2]], "value": [[0.0, -1.0, 1.0]], "init": 0.0, "depth": 1})
    >>> stump.probability(np.array([[0.0], [1.0]])).round(3).tolist()
    [0.269, 0.731]
    """

    feature: np.ndarray  # (trees, nodes) int
    threshold: np.ndarray  # (trees, nodes) float
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # (trees, nodes) float, learning rate included
    init: float
    depth: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Trees:
        return cls(
            np.asarray(d["feature"], dtype=np.intp),
            np.asarray(d["threshold"], dtype=np.float64),
            np.asarray(d["left"], dtype=np.intp),
            np.asarray(d["right"], dtype=np.intp),
            np.asarray(d["value"], dtype=np.float64),
            float(d["init"]),
            int(d["depth"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The arrays as lists, for a JSON model file (the inverse of :meth:`from_dict`)."""
        return {
            "feature": self.feature.tolist(),
            "threshold": self.threshold.tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": self.value.tolist(),
            "init": self.init,
            "depth": self.depth,
        }

    @classmethod
    def from_sklearn(cls, model: Any, x_sample: np.ndarray) -> Trees:
        """The trees of a fitted binary ``HistGradientBoostingClassifier``, checked against its
        ``predict_proba`` on (up to 2,000 rows of) ``x_sample``. For finite features: where a
        value is missing, :meth:`probability` goes right, not where scikit-learn would."""
        nodes = [predictors[0].nodes for predictors in model._predictors]
        width = max(len(t) for t in nodes)
        n = len(nodes)
        feature = np.zeros((n, width), dtype=np.intp)
        threshold = np.zeros((n, width))
        left = np.zeros((n, width), dtype=np.intp)
        right = np.zeros((n, width), dtype=np.intp)
        value = np.zeros((n, width))
        depth = 0
        for k, t in enumerate(nodes):
            for node in range(len(t)):
                if t["is_leaf"][node]:
                    left[k, node] = right[k, node] = node
                    value[k, node] = t["value"][node]
                else:
                    feature[k, node] = t["feature_idx"][node]
                    threshold[k, node] = t["num_threshold"][node]
                    left[k, node] = t["left"][node]
                    right[k, node] = t["right"][node]
                depth = max(depth, int(t["depth"][node]))
        init = float(np.ravel(model._baseline_prediction)[0])
        trees = cls(feature, threshold, left, right, value, init, depth)
        sample = x_sample[:: max(1, len(x_sample) // 2000)]
        expected = model.predict_proba(sample)[:, 1]
        got = trees.probability(sample)
        assert np.allclose(expected, got, atol=1e-9), float(np.abs(expected - got).max())
        return trees

    @cached_property
    def _complete(self) -> tuple[np.ndarray, ...]:
        """The trees as complete binary trees of ``depth`` levels in heap order (the children
        of node k are 2k + 1 and 2k + 2), flat: a leaf above the last level becomes a node whose
        two subtrees are copies of it (threshold +inf), the nodes of the last level hold the
        values that ``depth`` steps reach. Node k of tree t is t * width + k."""
        trees = self.feature.shape[0]
        width = 2 ** (self.depth + 1) - 1
        feature = np.zeros((trees, width), dtype=np.intp)
        threshold = np.full((trees, width), np.inf)
        value = np.zeros((trees, width))
        for t in range(trees):
            stack = [(0, 0, 0)]  # heap position, original node, level
            while stack:
                h, k, level = stack.pop()
                value[t, h] = self.value[t, k]
                if level == self.depth:
                    continue
                leaf = self.left[t, k] == k and self.right[t, k] == k
                if not leaf:
                    feature[t, h] = self.feature[t, k]
                    threshold[t, h] = self.threshold[t, k]
                stack.append((2 * h + 1, k if leaf else int(self.left[t, k]), level + 1))
                stack.append((2 * h + 2, k if leaf else int(self.right[t, k]), level + 1))
        offsets = (np.arange(trees) * width)[:, None]
        return offsets, feature.ravel(), threshold.ravel(), value.ravel()

    def probability(self, x: np.ndarray) -> np.ndarray:
        """The probability of the positive class for each row of ``x`` (walked ROWS_AT_ONCE
        rows at a time: the walk holds an array of trees x rows)."""
        n = x.shape[0]
        if n == 0:
            return np.zeros(0)
        if n > ROWS_AT_ONCE:
            return np.concatenate(
                [self.probability(x[i : i + ROWS_AT_ONCE]) for i in range(0, n, ROWS_AT_ONCE)]
            )
        offsets, feature, threshold, value = self._complete
        # Row j's feature f is values[j * m + f].
        values = np.ascontiguousarray(x, dtype=np.float64).ravel()
        base = (np.arange(n) * x.shape[1])[None, :]
        node = np.repeat(offsets, n, axis=1)
        for _ in range(self.depth):
            go_right = ~(values.take(base + feature.take(node)) <= threshold.take(node))
            node = 2 * node - offsets + 1 + go_right
        raw = self.init + value.take(node).sum(axis=0)
        return 1.0 / (1.0 + np.exp(-raw))
