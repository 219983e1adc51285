"""Real-browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Use the ``page`` fixture (a fresh Playwright page) together with ``live_server``. Tests
that need a browser are marked ``browser``; without Chromium on the machine they are
skipped with a message saying so (``.ci/run`` installs it, so CI always runs them).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def artifact_path(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
