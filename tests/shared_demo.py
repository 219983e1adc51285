"""The demo, loaded once per test session for the database tests that use it.

``load_demo`` costs about a second and 1,500 queries. Database tests (pytest-django's
``db``: each test in a transaction that is rolled back) share one load: it runs inside an
outer transaction opened before the first such test's own transaction, so every test starts
from the freshly loaded demo and nothing it writes survives it. The conftest orders these
tests last among the database tests and closes (rolls back) the outer transaction as soon
as the next test does not want it, before any transactional test, which commits, runs.

Transactional tests (live server, threads, processes) cannot share it: they load the demo
themselves through the same ``load()``.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.test.utils import override_settings

_state: dict = {}


class Discard:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def load() -> None:
    """Load the demo with the real command (in development mode: the demo password)."""
    from django.core.management import call_command

    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=Discard())


def _is_transactional(item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))


def wants_shared_demo(item) -> bool:
    return "demo" in getattr(item, "fixturenames", ()) and not _is_transactional(item)


def _group(item) -> int:
    """pytest-django's order: database tests 0, transactional 1, the rest 2."""
    fixtures = getattr(item, "fixturenames", ())
    if _is_transactional(item):
        return 1
    if "db" in fixtures or item.get_closest_marker("django_db"):
        return 0
    return 2


def order_key(item) -> tuple[int, bool]:
    return (_group(item), wants_shared_demo(item))


def is_open() -> bool:
    return "atomic" in _state


def open(django_db_setup, django_db_blocker) -> None:
    if is_open():
        return
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load()
        except BaseException:
            atomic.__exit__(None, None, None)
            raise
        # Work the load scheduled for "after commit" never runs: the outer transaction is
        # always rolled back (as with the per-test load this replaces).
        connection.run_on_commit = []
    _state.update(atomic=atomic, blocker=django_db_blocker)


def close() -> None:
    if not is_open():
        return
    atomic, blocker = _state.pop("atomic"), _state.pop("blocker")
    with blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def suffix_test_databases(suffix: str) -> None:
    from django.conf import settings

    for db_settings in settings.DATABASES.values():
        test_name = db_settings.get("TEST", {}).get("NAME")
        if not test_name:
            if db_settings["ENGINE"] == "django.db.backends.sqlite3":
                continue
            test_name = f"test_{db_settings['NAME']}"
        if test_name == ":memory:":
            continue
        db_settings.setdefault("TEST", {})["NAME"] = f"{test_name}_{suffix}"
