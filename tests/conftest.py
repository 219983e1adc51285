import os

import pytest

from guides import services
from guides.demo import people
from tests import browser as browser_support


def pytest_collection_modifyitems(config, items):
    if browser_support.chromium_available():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {browser_support.CHROMIUM}: apt-get install chromium (.ci/run does)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


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
def _published_means_signed_off(request):
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


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (locmem, or Redis db 15 in CI)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def demo(db, settings):
    """The full demo (both guides, authorities, role users), loaded by the real command."""
    from django.core.management import call_command

    from guides.models import GuidePage

    settings.DEBUG = True  # the demo password default is refused outside development
    call_command("load_demo", stdout=_Discard())
    return {page.slug: page for page in GuidePage.objects.live().specific()}


class _Discard:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
