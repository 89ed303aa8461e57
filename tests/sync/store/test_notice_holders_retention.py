"""The link from a 一次性告知书 to its card holder (store v11 ``notice_holders``, a keyed
hash of the ID number) is personal data: the retention purge forgets it after
``retention_days`` as it removes delivered page images; the notice itself stays
(it names nobody and still reprints by its code)."""

from __future__ import annotations

from datetime import timedelta

from intake.applicant import Person
from sync.engine.retention import RetentionPurger
from sync.store import Store
from tests.sync.conftest import NOW


def test_the_retention_purge_forgets_old_notice_holders_and_keeps_recent_ones(
    store: Store, person: Person
) -> None:
    store.kv_set("notice:N-OLD", "{}")
    store.link_notice("N-OLD", person, NOW - timedelta(days=181))
    store.link_notice("N-NEW", person, NOW - timedelta(days=2))
    assert store.notices_of(person.id_number) == ["N-NEW", "N-OLD"]

    RetentionPurger(store, 180, clock=NOW.timestamp).maybe()

    assert store.notices_of(person.id_number) == ["N-NEW"]
    assert store._db().execute("SELECT count(*) FROM notice_holders").fetchone()[0] == 1
    assert store.kv_get("notice:N-OLD") == "{}"  # the notice itself is no personal data
    assert store.verify_audit_chain()
    assert store.purge_notice_holders(timedelta(days=180), NOW) == 0


def test_a_holder_holds_every_notice_of_theirs_not_only_the_newest_listed(
    store: Store, person: Person
) -> None:
    from dataclasses import replace

    from sync.store.notices import NOTICES_PER_HOLDER

    for n in range(NOTICES_PER_HOLDER + 1):  # one more than a screen lists
        store.link_notice(f"N-{n:03d}", person, NOW - timedelta(days=n + 1))
    oldest = f"N-{NOTICES_PER_HOLDER:03d}"
    assert oldest not in store.notices_of(person.id_number)
    assert store.holds_notice(person.id_number, oldest)
    other = replace(person, id_number="440305198001010013")
    assert not store.holds_notice(other.id_number, oldest)
