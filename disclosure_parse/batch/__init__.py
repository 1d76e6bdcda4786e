"""Folder conversion: parallel, resumable, never losing or mixing outputs (docs/batch.md)."""

from disclosure_parse.batch.report import FileResult, read_report
from disclosure_parse.batch.runner import Progress, convert_folder, default_jobs
from disclosure_parse.batch.summary import BatchSummary

__all__ = [
    "BatchSummary",
    "FileResult",
    "Progress",
    "convert_folder",
    "default_jobs",
    "read_report",
]
