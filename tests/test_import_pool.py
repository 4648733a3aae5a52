"""Big imports verified in worker processes give exactly what one process gives (issue 17).

The shared corpus (every kind the reference peer issues, status lists, presentations, tampered and
wrong-key files, and its manifest, which is not a credential) is imported in place into real vaults,
once in-process and once through the pool (forced to 2 workers so it runs on any machine), plus
files that cannot be read at all. Results, order, messages and what the vault holds must be equal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from wallet.app import import_pool
from wallet.app.importing import ImportItem, Outcome, import_items, read_files
from wallet.errors import Cancelled
from wallet.storage import KdfParams, Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def make_vault(tmp_path: Path) -> Iterator[Any]:
    opened: list[Vault] = []

    def make(name: str) -> Vault:
        vault = Vault.create(tmp_path / name / "vault.db", PASSPHRASE, KdfParams.floor())
        opened.append(vault)
        return vault

    yield make
    for vault in opened:
        vault.close()


@pytest.fixture
def corpus(shared: Path) -> tuple[list[ImportItem], datetime]:
    folder = shared / "corpus"
    names = sorted(str(p) for p in folder.iterdir() if p.suffix in (".json", ".jwt"))
    items, refused = read_files(names)
    assert not refused and len(items) > 100
    bad = [ImportItem("garbage.json", b"\x00\xff not a credential {"), ImportItem("empty.jwt", b""),
           ImportItem("truncated.jwt", items[-1].raw[: len(items[-1].raw) // 2])]
    # Bad files in the middle of the batch, not only at its end.
    mixed = items[:40] + bad + items[40:]
    created = json.loads((folder / "manifest.json").read_text())["createdAt"]
    return mixed, datetime.fromisoformat(created.replace("Z", "+00:00"))


@pytest.fixture
def pool_used(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Force the pool (2 workers, any batch size) and record whether each import really used it."""
    monkeypatch.setenv(import_pool.WORKERS_ENV, "2")
    monkeypatch.setattr(import_pool, "MIN_POOL_ITEMS", 1)
    used: list[bool] = []
    real = import_pool.check_all

    def spy(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        used.append(found is not None)
        return found

    monkeypatch.setattr(import_pool, "check_all", spy)
    return used


def _vault_rows(vault: Vault) -> list[tuple[Any, ...]]:
    return [(c.id, c.format, c.parsed_json, c.source, c.report_json) for c in vault.list_credentials()]


def test_pool_and_in_process_give_the_same_results_and_vault(
    corpus: tuple[list[ImportItem], datetime], make_vault: Any, pool_used: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    items, now = corpus
    pooled_vault = make_vault("pooled")
    steps: list[tuple[int, int]] = []
    pooled = import_items(pooled_vault, items, now=now, progress=lambda done, total: steps.append((done, total)))
    assert pool_used == [True]

    monkeypatch.setenv(import_pool.WORKERS_ENV, "1")
    single_vault = make_vault("single")
    single = import_items(single_vault, items, now=now)
    assert pool_used == [True]  # the pool was not asked for: in-process

    assert [r.to_json() for r in pooled] == [r.to_json() for r in single]
    assert _vault_rows(pooled_vault) == _vault_rows(single_vault)
    status_lists = pooled_vault.list_evidence("status-list")
    assert status_lists and status_lists == single_vault.list_evidence("status-list")

    outcomes = {r.outcome for r in pooled}
    assert {Outcome.IMPORTED, Outcome.INVALID, Outcome.EVIDENCE} <= outcomes
    by_source = {r.source: r for r in pooled}
    for name in ("garbage.json", "empty.jwt", "truncated.jwt"):
        assert by_source[name].outcome is Outcome.INVALID, name  # refused, and the rest of the batch stored
    assert any(r.outcome is Outcome.INVALID and r.state == "forged" for r in pooled)  # tampered, verified in a worker
    # Progress as items complete: never backwards, ends with everything done.
    assert steps and steps[-1][0] == steps[-1][1]
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_a_second_pooled_import_finds_the_duplicates(
    corpus: tuple[list[ImportItem], datetime], make_vault: Any, pool_used: list[bool]
) -> None:
    items, now = corpus
    vault = make_vault("twice")
    first = import_items(vault, items, now=now)
    second = import_items(vault, items, now=now)
    assert pool_used == [True, True]
    imported = [r.source for r in first if r.outcome is Outcome.IMPORTED]
    assert imported and [r.source for r in second if r.outcome is Outcome.DUPLICATE] == imported


def test_cancel_during_a_pooled_import_stores_nothing(
    corpus: tuple[list[ImportItem], datetime], make_vault: Any, pool_used: list[bool]
) -> None:
    items, now = corpus
    vault = make_vault("cancel")
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(Cancelled):
        # Cancel as soon as the first chunk came back from a worker, long before the last.
        import_items(vault, items, now=now, progress=progress, cancelled=lambda: bool(seen))
    assert pool_used == [True]
    assert len(seen) >= 1 and seen[0] < len(items)
    assert vault.count_credentials() == 0
    assert vault.list_evidence("status-list") == {}


def test_a_pool_that_cannot_start_falls_back_to_in_process(
    corpus: tuple[list[ImportItem], datetime], make_vault: Any, pool_used: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    items, now = corpus

    def no_processes() -> Any:
        raise OSError("no semaphores in this sandbox")

    monkeypatch.setattr(import_pool, "_context", no_processes)
    fallback_vault = make_vault("fallback")
    fallback = import_items(fallback_vault, items, now=now)
    assert pool_used == [False]
    monkeypatch.setenv(import_pool.WORKERS_ENV, "1")
    single = import_items(make_vault("single"), items, now=now)
    assert [r.to_json() for r in fallback] == [r.to_json() for r in single]


def test_small_batches_one_core_and_busy_cores_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(import_pool.WORKERS_ENV, raising=False)
    monkeypatch.setattr(import_pool.os, "getloadavg", lambda: (5.0, 5.0, 5.0))
    monkeypatch.setattr(import_pool, "_cores", lambda: 4)
    assert import_pool.workers_for(10_000) == 0  # every core busy already: the pool would only add work
    monkeypatch.setattr(import_pool.os, "getloadavg", lambda: (0.3, 0.2, 0.1))
    assert import_pool.workers_for(import_pool.MIN_POOL_ITEMS - 1) == 0
    assert import_pool.workers_for(10_000) == 4
    assert import_pool.workers_for(import_pool.MIN_POOL_ITEMS) == min(4, -(-import_pool.MIN_POOL_ITEMS // import_pool.CHUNK))
    monkeypatch.setattr(import_pool, "_cores", lambda: 1)
    assert import_pool.workers_for(10_000) == 0
    monkeypatch.setenv(import_pool.WORKERS_ENV, "1")
    monkeypatch.setattr(import_pool, "_cores", lambda: 8)
    assert import_pool.workers_for(10_000) == 0
    monkeypatch.setenv(import_pool.WORKERS_ENV, "2")
    monkeypatch.setattr(import_pool.os, "getloadavg", lambda: (5.0, 5.0, 5.0))
    assert import_pool.workers_for(10_000) == 2  # asked for explicitly: the load does not matter


def test_workers_never_start_as_a_fork_of_the_process_that_holds_the_vault_key() -> None:
    # A forked worker would carry a copy of the parent's memory, the vault's key included (docs/THREATS.md, 6).
    assert import_pool._context().get_start_method() in ("forkserver", "spawn")
