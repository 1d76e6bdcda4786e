"""The library stays mypy --strict and ruff clean (the tools come with the test extra)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_library_is_mypy_strict_clean() -> None:
    result = run("mypy", "--no-incremental", "disclosure_parse")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_clean() -> None:
    result = run("ruff", "check", "disclosure_parse", "tests", "samples", "bench", "fuzz")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted() -> None:
    result = run(
        "ruff", "format", "--check", "disclosure_parse", "tests", "samples", "bench", "fuzz"
    )
    assert result.returncode == 0, result.stdout + result.stderr
