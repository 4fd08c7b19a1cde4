"""The background of English word pairs: shipped as arrays with its notice, read for fluency."""

from __future__ import annotations

import numpy as np

from newsqc.background import BACKGROUND_FILE, load_background
from tests.conftest import ROOT


def test_background_is_arrays_with_its_notice() -> None:
    path = ROOT / "src" / "newsqc" / "models" / BACKGROUND_FILE
    assert path.stat().st_size < 6_000_000  # 2M word pairs, as gaps and bytes
    with np.load(path, allow_pickle=False) as arrays:
        assert "Carnegie Mellon University" in bytes(arrays["about"]).decode("utf-8")
    background = load_background()
    assert background.log_prob("as", "well") > background.log_prob("as", "shopping")
    # A pair the background knows, and one it lacks (an anchor's break: "pressure Chinese").
    ids = background.ids(["a", "minnesota", "pressure", "chinese"])
    assert background.seen(ids[[0, 2]], ids[[1, 3]]).tolist() == [True, False]
