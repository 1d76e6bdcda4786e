"""The OCR engine behind the `[ocr]` extra: RapidOCR on ONNX Runtime, whose wheel ships
the PP-OCR Chinese detection and recognition models, so nothing is downloaded at run time.

Everything heavy is imported here, lazily, and a missing extra is reported once, in a
message that says how to install it.
"""

from __future__ import annotations

import functools
from typing import Any

from disclosure_parse.errors import NoTextLayerError

#: what to tell a user who has no OCR engine
INSTALL_HINT = 'install the OCR extra to read it: pip install "disclosure_parse[ocr]"'
#: the modules the extra brings
_MODULES = ("rapidocr_onnxruntime", "cv2", "numpy", "pypdfium2", "PIL")


def ocr_available() -> bool:
    """Whether the `[ocr]` extra is installed (its modules import)."""
    try:
        require()
    except NoTextLayerError:
        return False
    return True


@functools.cache
def _missing() -> str | None:
    import importlib

    for name in _MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def require(what: str = "the document has no text layer (a scan?)") -> None:
    """Raise `NoTextLayerError` naming the extra when the OCR modules are missing."""
    missing = _missing()
    if missing is not None:
        raise NoTextLayerError(f"{what}; {INSTALL_HINT} (module {missing} is missing)")


@functools.cache
def engine() -> Any:
    """The one RapidOCR instance of the process (loading the models takes a moment)."""
    require()
    from rapidocr_onnxruntime import RapidOCR

    # the whole page at its rendered size: the default shrinks it to 2000 px a side
    return RapidOCR(max_side_len=6000, print_verbose=False)
