import pytest

from guides import services
from guides.demo import people


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
def guide(home, authorities, editor):
    from tests.factories import make_guide

    return make_guide(home, user=editor)


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
