"""Train the break model of glued texts on the dev split of the line-labelled corpus.

A text glued into one line (every line break written as a space, as BeautifulSoup's
``get_text(" ")`` writes a page) is read one sentence per line, and its sentences are cut again
where this model reads a line break in a space between two words (``newsqc.article``,
GLUED_BREAK). Each dev page of ``boilerplate-lines.dev.jsonl`` (from $NEWSQC_SHARED or
../shared), every language, is glued: its lines joined by spaces; each space not after a
sentence's end mark (SENTENCE_ENDS) is a row of ``glued_break_features``, labelled by whether a
line break stood there. Writes ``src/newsqc/models/glued.json`` (gradient boosted trees as plain arrays) and
prints two-fold dev figures (folds by page) at GLUED_BREAK. Usage::

    .venv/bin/python scripts/train_glued.py [-o FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

from newsqc.article import GLUED_BREAK, GLUED_FEATURES, SENTENCE_ENDS, glued_break_features
from newsqc.trees import Trees

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "newsqc" / "models" / "glued.json"
#: Trees of at most DEPTH levels (walked as complete binary trees: see newsqc.trees).
TREES = 200
DEPTH = 6


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSQC_SHARED", ROOT.parent / "shared"))


def page_rows(page: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """The features and labels (a line break stood there) of the spaces of one glued page."""
    tokens: list[str] = []
    starts: list[bool] = []
    for line in page["lines"]:
        words = line["text"].split()
        tokens.extend(words)
        starts.extend(k == 0 for k in range(len(words)))
    x = glued_break_features(tokens)
    keep = np.array([t[-1] not in SENTENCE_ENDS for t in tokens[:-1]], dtype=bool)  # ends: cut anyway
    return x[keep], np.array(starts[1:], dtype=bool)[keep]


def fit(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=TREES, max_depth=DEPTH, learning_rate=0.1, early_stopping=False, random_state=0
    )
    return model.fit(x, y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    path = shared_dir() / "corpus" / "boilerplate-lines.dev.jsonl"
    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages.sort(key=lambda p: p["id"])
    rows = [page_rows(p) for p in pages]
    # Two folds by page (the dev pages are those whose id's hash has an even first byte: the second).
    folds = [hashlib.sha256(p["id"].encode()).digest()[1] % 2 for p in pages]
    for k in (0, 1):
        train = [r for r, f in zip(rows, folds, strict=True) if f != k]
        held = [r for r, f in zip(rows, folds, strict=True) if f == k]
        model = fit(np.vstack([x for x, _ in train]), np.concatenate([y for _, y in train]))
        y = np.concatenate([y for _, y in held])
        read = model.predict_proba(np.vstack([x for x, _ in held]))[:, 1] >= GLUED_BREAK
        hits = int((read & y).sum())
        print(
            f"dev fold {k}: spaces {len(y)}, breaks {int(y.sum())}; at {GLUED_BREAK}: precision "
            f"{hits / max(1, int(read.sum())):.3f}, recall {hits / max(1, int(y.sum())):.3f}",
            file=sys.stderr,
        )
    x = np.vstack([x for x, _ in rows])
    model = fit(x, np.concatenate([y for _, y in rows]))
    data = {
        "about": "Break model of glued texts of newsqc: gradient boosted trees as plain arrays, trained by "
        "scripts/train_glued.py on the dev split of boilerplate-lines.",
        "features": list(GLUED_FEATURES),
        "breaks": Trees.from_sklearn(model, x).to_dict(),
    }
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
