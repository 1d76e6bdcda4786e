"""Executors beyond this machine: a dask.distributed cluster through its own Executor.

No scheduling code of ours: `Client(address).get_executor()` is a `concurrent.futures`
executor, and the runner takes any executor. dask is the optional `dask` extra.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import importlib
from collections.abc import Iterator
from typing import Any

_MISSING = "--scheduler needs dask.distributed: pip install 'disclosure_parse[dask]'"


@contextlib.contextmanager
def scheduler_executor(address: str) -> Iterator[tuple[cf.Executor, int]]:
    """An executor on the dask scheduler at `address`, and the cluster's thread count.

    Raises ImportError naming the extra when dask is not installed, OSError when the
    scheduler cannot be reached.
    """
    try:  # imported by name: dask is optional, and typed as Any here either way
        distributed: Any = importlib.import_module("distributed")
    except ImportError as error:
        raise ImportError(_MISSING) from error
    # the connection timeout is dask's own setting (distributed.comm.timeouts.connect)
    client = distributed.Client(address)
    try:
        workers = client.scheduler_info().get("workers", {})
        threads = sum(int(worker.get("nthreads", 1)) for worker in workers.values())
        # pure=False: two identical files are still two tasks, each with its own result
        yield client.get_executor(pure=False), max(1, threads)
    finally:
        client.close()
