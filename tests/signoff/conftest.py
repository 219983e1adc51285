import pytest

from tests.factories import UserFactory, reviewer_for


@pytest.fixture
def second_reviewers(authorities):
    return {
        code: reviewer_for(authority, username=f"anden-{code}") for code, authority in authorities.items()
    }


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
