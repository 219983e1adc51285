import pytest

from guides.signoff import setup
from tests.factories import UserFactory, make_guide, reviewer_for


@pytest.fixture
def workflow(home):
    return setup.ensure_workflow(home)


@pytest.fixture
def reviewers(authorities):
    """One reviewer per authority, by code."""
    return {code: reviewer_for(authority) for code, authority in authorities.items()}


@pytest.fixture
def second_reviewers(authorities):
    return {
        code: reviewer_for(authority, username=f"anden-{code}") for code, authority in authorities.items()
    }


@pytest.fixture
def published_guide(home, authorities, editor, workflow, reviewers):
    """A guide signed off by every authority and published (revision 1)."""
    return make_guide(home, user=editor)


@pytest.fixture
def outsider(db):
    return UserFactory(username="udenforstaaende")


def edit_section(page, heading_prefix, new_text, *, user):
    """Change the rich text of the first section whose heading starts with the prefix, and
    save a new revision as ``user``. Returns the revision."""
    page = type(page).objects.get(pk=page.pk)
    latest = page.get_latest_revision_as_object()
    raw = latest.body.get_prep_value()
    for block in raw:
        if block["value"]["heading"].startswith(heading_prefix):
            block["value"]["content"][0]["value"] = f"<p>{new_text}</p>"
            break
    else:
        raise AssertionError(f"no section starting with {heading_prefix!r}")
    latest.body = raw
    return latest.save_revision(user=user)
