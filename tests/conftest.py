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
