"""Folder conversion: one output per input that never collides, atomic writes, a true
summary and exit code, report.jsonl, resume, and any executor."""

from __future__ import annotations

import concurrent.futures as cf
import json
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from batch_folder import BROKEN, GOOD, PDF, make_mixed_folder, warned_inputs

from disclosure_parse import Catalog, errors
from disclosure_parse.batch import FileResult, convert_folder, read_report
from disclosure_parse.batch import files as batch_files
from disclosure_parse.batch.report import CONVERTED_WITH_WARNINGS, REPORT_NAME
from disclosure_parse.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_mixed_folder(tmp_path)


def outputs(out: Path) -> set[str]:
    return {
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.name != REPORT_NAME
    }


def test_same_stem_files_in_one_folder_and_in_subfolders_get_one_output_each(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = convert_folder(folder, out, jobs=1)
    assert outputs(out) == {f"{relative}.json" for relative in GOOD}
    for relative in GOOD:  # each output holds its own input, not a neighbour's
        catalog = Catalog.from_json((out / f"{relative}.json").read_bytes())
        assert catalog.source.path == str(folder / relative)
    assert len(summary.results) == len(GOOD) + 1


def test_broken_file_is_reported_failed_with_its_code_and_the_batch_goes_on(
    folder: Path, tmp_path: Path
) -> None:
    summary = convert_folder(folder, tmp_path / "out", jobs=1)
    (failed,) = summary.failed
    assert failed.path == BROKEN and failed.output is None
    assert failed.error_code == errors.CorruptFileError.code
    assert failed.exit_code == errors.CorruptFileError.exit_code
    assert summary.exit_code == errors.BATCH_INCOMPLETE_EXIT_CODE


def test_summary_counts_every_input_once_by_outcome(folder: Path, tmp_path: Path) -> None:
    summary = convert_folder(folder, tmp_path / "out", jobs=1)
    warned = [r.path for r in summary.results if r.status == CONVERTED_WITH_WARNINGS]
    expected = warned_inputs(folder, list(GOOD))
    assert "b/c/xihu.txt" in expected  # the drifted Xihu text always warns (column drift)
    assert warned == expected
    counts = (summary.converted, summary.with_warnings, len(summary.failed))
    assert counts == (len(GOOD) - len(expected), len(expected), 1)
    assert summary.failures_by_code() == {"corrupt-file": 1}
    text = summary.describe()
    assert "7 files" in text
    assert f"{counts[0]} converted, {counts[1]} converted with warnings, 1 failed" in text
    assert "corrupt-file: 1" in text


def test_exit_code_is_zero_only_when_every_file_converted(folder: Path, tmp_path: Path) -> None:
    (folder / BROKEN).unlink()
    assert convert_folder(folder, tmp_path / "out", jobs=1).exit_code == 0


def test_report_has_one_line_per_input_with_its_facts(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_folder(folder, out, jobs=1)
    lines = [json.loads(line) for line in (out / REPORT_NAME).read_text("utf-8").splitlines()]
    assert [line["path"] for line in lines] == sorted([*GOOD, BROKEN])
    good = next(line for line in lines if line["path"] == "catalog.docx")
    assert good["status"] == "converted" and good["items"] == 137 and good["warnings"] == 0
    assert good["output"] == "catalog.docx.json" and len(good["sha256"]) == 64
    assert good["seconds"] > 0 and good["converter"]
    bad = next(line for line in lines if line["path"] == BROKEN)
    assert bad["status"] == "failed" and bad["error_code"] == "corrupt-file"
    assert bad["exit_code"] == 5 and "zip" in bad["message"]


def test_rerun_skips_unchanged_inputs_and_converts_changed_ones(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    convert_folder(folder, out, jobs=1)
    (folder / "catalog.txt").write_bytes((folder / "b/c/xihu.txt").read_bytes())  # edited
    (out / "a/catalog.xlsx.json").unlink()  # an output removed by hand
    again = convert_folder(folder, out, jobs=1)
    redone = sorted(r.path for r in again.results if not r.resumed)
    assert redone == ["a/catalog.xlsx", "catalog.txt"]
    assert again.skipped == len(GOOD) + 1 - 2
    assert len(read_report(out / REPORT_NAME)) == len(GOOD) + 1


def test_force_converts_everything_again(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_folder(folder, out, jobs=1)
    assert convert_folder(folder, out, jobs=1, force=True).skipped == 0


def test_a_file_of_another_converter_version_is_converted_again(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    convert_folder(folder, out, jobs=1)
    report = out / REPORT_NAME
    report.write_text(report.read_text("utf-8").replace('"converter": "', '"converter": "old-'))
    assert convert_folder(folder, out, jobs=1).skipped == 0


def test_interrupted_run_keeps_what_it_did_and_the_rerun_does_the_rest(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"

    class StopAfterTwo:
        done = 0

        def start(self, total: int, skipped: int) -> None:
            pass

        def advance(self, result: FileResult, shown_path: str) -> None:
            self.done += 1
            if self.done == 2:
                raise KeyboardInterrupt

        def finish(self) -> None:
            pass

    with pytest.raises(KeyboardInterrupt):
        convert_folder(folder, out, jobs=1, progress=StopAfterTwo())
    assert len(read_report(out / REPORT_NAME)) == 2
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    again = convert_folder(folder, out, jobs=1)
    assert again.skipped == 2 and len(again.results) == len(GOOD) + 1


def test_atomic_write_leaves_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.json"
    target.write_text("old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_files.os, "replace", fail)
    with pytest.raises(OSError):
        batch_files.atomic_write(target, b"new")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_torn_last_report_line_is_ignored(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_folder(folder, out, jobs=1)
    with (out / REPORT_NAME).open("a", encoding="utf-8") as report:
        report.write('{"path": "catalog.docx", "sha2')  # the process was killed mid-line
    assert convert_folder(folder, out, jobs=1).skipped == len(GOOD) + 1


def test_output_folder_inside_the_input_folder_is_not_read_back(folder: Path) -> None:
    out = folder / "out"
    convert_folder(folder, out, jobs=1)
    again = convert_folder(folder, out, jobs=1)
    assert len(again.results) == len(GOOD) + 1 and again.skipped == len(again.results)


def test_output_folder_may_not_be_the_input_folder(folder: Path) -> None:
    with pytest.raises(ValueError, match="must not be the input folder"):
        convert_folder(folder, folder, jobs=1)


def test_hidden_files_are_skipped(folder: Path, tmp_path: Path) -> None:
    summary = convert_folder(folder, tmp_path / "out", jobs=1)
    assert not [r for r in summary.results if "hidden" in r.path]


class _CrashingExecutor(cf.Executor):
    """Runs tasks in this thread, but the worker 'dies' on the file named `victim`."""

    def __init__(self, victim: str) -> None:
        self.victim = victim

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        if args[0].name.endswith(self.victim):
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


def test_a_dead_worker_fails_its_file_and_the_batch_goes_on(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = convert_folder(folder, out, executor=_CrashingExecutor("catalog.html"), jobs=2)
    crashed = [r for r in summary.failed if r.error_code == "worker-crashed"]
    assert [r.path for r in crashed] == ["catalog.html"]
    assert summary.converted + summary.with_warnings == len(GOOD) - 1
    # not a property of the file: the next run tries it again
    again = convert_folder(folder, out, jobs=1)
    assert "catalog.html" not in {r.path for r in again.results if r.resumed}


def test_mixed_folder_in_one_command_then_a_rerun_skips_everything_fast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's "done when": parallel by default, a true summary, the broken file failed
    with its code; the second run skips every file and takes under a third of the time."""
    folder = make_mixed_folder(tmp_path, with_pdf=True)
    out = tmp_path / "out"
    started = time.perf_counter()
    code = main([str(folder), "-o", str(out)])
    first = time.perf_counter() - started
    stderr = capsys.readouterr().err
    assert code == errors.BATCH_INCOMPLETE_EXIT_CODE, stderr
    assert outputs(out) == {f"{relative}.json" for relative in [*GOOD, *PDF]}
    assert f"error: {folder / BROKEN}: " in stderr and "[corrupt-file]" in stderr
    warned = len(warned_inputs(folder, [*GOOD, *PDF]))
    done = f"{len(GOOD) + 1 - warned} converted, {warned} converted with warnings, 1 failed"
    assert "8 files, " in stderr and done in stderr

    started = time.perf_counter()
    code = main([str(folder), "-o", str(out)])
    second = time.perf_counter() - started
    stderr = capsys.readouterr().err
    assert code == errors.BATCH_INCOMPLETE_EXIT_CODE  # the broken file is still broken
    assert "8 unchanged since the last run, skipped" in stderr
    assert second < first / 3, (first, second)
