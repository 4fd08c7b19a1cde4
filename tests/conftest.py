"""Shared fixtures: where ../shared is, the seed articles, and the bundled examples."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@cache
def examples() -> tuple[dict[str, Any], ...]:
    """The bundled example records of `make demo` (examples/data/articles.jsonl), in order."""
    with (ROOT / "examples" / "data" / "articles.jsonl").open(encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f)


def example(key: str) -> dict[str, Any]:
    """The bundled example record with this id."""
    return next(r for r in examples() if r["id"] == key)


def shared_dir() -> Path | None:
    """The shared data folder: $NEWSQC_SHARED, or ../shared beside the repository."""
    candidate = Path(os.environ.get("NEWSQC_SHARED", ROOT.parent / "shared"))
    return candidate if (candidate / "seeds" / "expected.json").is_file() else None


def require_shared() -> Path:
    """The shared folder, or a skip (a failure under CI, where it must be there)."""
    found = shared_dir()
    if found is None:
        message = "../shared (or $NEWSQC_SHARED) with seeds/ and corpus/ is not there"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ", and CI must have it")
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def shared() -> Path:
    return require_shared()


@pytest.fixture(scope="session")
def seeds(shared: Path) -> dict[str, Any]:
    """expected.json of the seed articles, with each article's text under 'text'."""
    expected = json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))
    for name, item in expected["articles"].items():
        item["text"] = (shared / "seeds" / name).read_text(encoding="utf-8")
    return expected


# No network: every test runs with connections blocked to anything but this machine
# (Dask's local cluster talks over loopback). A test that reaches out fails loudly.
_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")


def _guard(address: object) -> None:
    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, str) and (host.startswith(_LOCAL) or host.startswith("/")):
        return
    if isinstance(host, bytes | str) and not host:
        return
    raise RuntimeError(f"newsqc tests run offline: a connection to {address!r} was attempted")


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Any:
    import socket

    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _guard(address)
        return original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _guard(address)
        return original_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    yield
    socket.socket.connect = original_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = original_connect_ex  # type: ignore[method-assign]
