"""Reading the repository's own sample files by repo-relative path, for golden comparisons."""

from __future__ import annotations

import os
from pathlib import Path

from disclosure_parse import Catalog, parse

ROOT = Path(__file__).resolve().parent.parent


def convert(relative: str) -> Catalog:
    """Parse a repo file by its repo-relative path (so `source.path` is stable)."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return parse(relative)
    finally:
        os.chdir(cwd)
