"""A batch on a dask.distributed LocalCluster through --scheduler (skipped without the extra)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from batch_folder import BROKEN, GOOD, make_mixed_folder

from disclosure_parse import errors
from disclosure_parse.cli import main

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


def test_folder_converts_on_a_local_dask_cluster(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_mixed_folder(tmp_path)
    out = tmp_path / "out"
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        code = main([str(folder), "-o", str(out), "--scheduler", address, "--to", "csv"])
    stderr = capsys.readouterr().err
    assert code == errors.BATCH_INCOMPLETE_EXIT_CODE, stderr
    lines = [json.loads(line) for line in (out / "report.jsonl").read_text("utf-8").splitlines()]
    assert {line["path"] for line in lines} == {*GOOD, BROKEN}
    assert all((out / f"{relative}.csv").is_file() for relative in GOOD)
    (failed,) = [line for line in lines if line["status"] == "failed"]
    assert failed["path"] == BROKEN and failed["error_code"] == "corrupt-file"


def test_unreachable_scheduler_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_mixed_folder(tmp_path)
    # a port nothing listens on (bound, then closed): the connection is refused
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main(
            [str(folder), "-o", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{port}"]
        )
    assert code == 2
    assert "cannot reach the dask scheduler" in capsys.readouterr().err
