import os

import pytest

from guides import services
from guides.demo import people
from tests import browser as browser_support
from tests import caches, shared_demo
from tests.shared_demo import Discard as _Discard  # noqa: F401 - used by tests


def pytest_configure(config):
    # One id per run, inherited by pytest-xdist's workers: each run gets its own test
    # databases, so two runs in one checkout (or on one PostgreSQL) do not break each other.
    os.environ.setdefault("VEJVISER_TEST_RUN", str(os.getpid()))  # also set by cms/settings/test.py
    worker = getattr(config, "workerinput", {}).get("workerid")
    if worker:
        caches.use_prefix_of_worker(worker)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # After pytest-django's order (database tests, then transactional ones, then the rest):
    # the database tests that share the session's demo run last among the database tests,
    # so the demo is loaded once and rolled back before the first transactional test.
    items.sort(key=shared_demo.order_key)
    if browser_support.chromium_available():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {browser_support.CHROMIUM}: apt-get install chromium (.ci/run does)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if nextitem is None or not shared_demo.wants_shared_demo(nextitem):
        shared_demo.close()
    return result


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """Test databases named per run (and per xdist worker); stable names with --reuse-db."""
    if not request.config.getvalue("reuse_db"):
        shared_demo.suffix_test_databases(f"r{os.environ['VEJVISER_TEST_RUN']}")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
    # make there are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=browser_support.CHROMIUM, headless=True, args=browser_support.LAUNCH_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (phone-independent desktop viewport, Danish locale)."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def home(db):
    return services.ensure_home_page()


@pytest.fixture
def authorities(db):
    """The five authorities of the demo, by code."""
    return {data["code"]: services.ensure_authority(**data) for data in people.AUTHORITIES}


@pytest.fixture
def editor(home):
    from tests.factories import PASSWORD, UserFactory

    group = services.ensure_editors_group(home)
    user = UserFactory(username="redaktoer-test", groups=[group])
    user.raw_password = PASSWORD
    return user


@pytest.fixture
def workflow(home):
    """The sign-off workflow, assigned to the home page."""
    from guides.signoff import setup

    return setup.ensure_workflow(home)


@pytest.fixture
def reviewers(authorities):
    """One reviewer per authority, by code."""
    from tests.factories import reviewer_for

    return {code: reviewer_for(authority) for code, authority in authorities.items()}


@pytest.fixture
def published_guide(home, authorities, editor, workflow, reviewers):
    """A guide signed off by every authority and published (revision 1)."""
    from tests.factories import make_guide

    return make_guide(home, user=editor)


@pytest.fixture
def guide(home, authorities, editor):
    from tests.factories import make_guide

    return make_guide(home, user=editor)


@pytest.fixture(autouse=True)
def _shared_demo(request):
    """Opens the session's shared demo before the test's own transaction, when it wants it."""
    if shared_demo.wants_shared_demo(request.node):
        setup, blocker = (request.getfixturevalue(name) for name in ("django_db_setup", "django_db_blocker"))
        shared_demo.open(setup, blocker)


@pytest.fixture(autouse=True)
def _django_db_marker(request, _shared_demo):
    """pytest-django's own ``django_db`` marker fixture, after ``_shared_demo``.

    pytest-django opens a marked test's transaction in this autouse fixture, before any of
    ours; overriding it (same body) lets the shared demo's outer transaction come first.
    """
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")


@pytest.fixture(autouse=True)
def _published_means_signed_off(request, _shared_demo):
    """After every test that uses the database: each live guide is signed off (invariant 1)."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db"}:
        yield
        return
    transactional = "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    yield
    from tests.invariants import assert_live_guides_signed_off

    assert_live_guides_signed_off()


@pytest.fixture(autouse=True, scope="session")
def _leave_no_cache_keys():
    """The run's keys go at the end (with Redis they would outlive it: no lifetimes in tests)."""
    yield
    caches.clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (locmem, or Redis db 15 in CI)."""

    caches.clear()
    yield


@pytest.fixture
def demo(db, settings):
    """The full demo (both guides, authorities, role users), loaded by the real command.

    Database tests share one load per session (tests/shared_demo.py: loaded once inside an
    outer transaction, each test's own transaction rolled back); transactional tests (live
    server, threads, processes) load it themselves, because they commit.
    """
    from guides.models import GuidePage

    settings.DEBUG = True  # the demo password default is refused outside development
    if not shared_demo.is_open():
        shared_demo.load()
    return {page.slug: page for page in GuidePage.objects.live().specific()}
