"""Closing the store while another thread is inside a query.

CPython's sqlite3 crashes the process (a segmentation fault) when a connection is
closed by one thread while another thread runs a statement on it. The store once closed
every thread's connection from the closing thread: a clerk window shut down while its
day bar still asked on a worker thread whether the clerk is an admin took the whole
process down (in the suite: a worker of `pytest -n 3` died, the run hung after it)."""

from __future__ import annotations

import threading
from pathlib import Path

from sync.store import Store, StoreError

#: each trial crashed the unguarded store within the first few (segmentation fault)
TRIALS = 10


def test_closing_while_another_thread_queries_never_crashes(data_dir: Path) -> None:
    outcomes: list[str] = []

    for _trial in range(TRIALS):
        store = Store(data_dir)
        first_answer = threading.Event()

        def ask(store: Store = store, first_answer: threading.Event = first_answer) -> None:
            try:
                while True:  # queries back to back until the store says it is closed
                    store.queue_depth()
                    first_answer.set()
            except StoreError:
                outcomes.append("closed")

        asker = threading.Thread(target=ask)
        asker.start()
        assert first_answer.wait(10)
        store.close()  # while the asker is (most likely) inside a statement
        asker.join(10)
        assert not asker.is_alive()

    # every asker learned of the close from the store, as a clear error
    assert outcomes == ["closed"] * TRIALS


def test_a_closed_store_frees_the_connection_of_a_thread_that_ended(data_dir: Path) -> None:
    store = Store(data_dir)
    worker = threading.Thread(target=store.queue_depth)
    worker.start()
    worker.join()
    store.close()
    assert store._conns == []
    store = Store(data_dir)
    store.queue_depth()
    store.close()  # the closing thread's own connection too
    assert getattr(store._local, "db", None) is None
