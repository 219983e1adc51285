"""Cases 22 and 24: saving from an out-of-date editor, and two tabs autosaving.

22: a plain Save or Publish from a form loaded before someone else saved is refused with a
message naming who saved, nothing is saved, and the refusal is in the page history (Wagtail
alone would save it over the other person's work).
24: Wagtail 8 autosaves the guide editor (``WAGTAIL_AUTOSAVE_INTERVAL``, on by default), and
the guide has inline children (comments). Two tabs autosaving give exactly one new
revision and a conflict answer for the other tab, never an IntegrityError, also when both
arrive at the same instant (PostgreSQL, threads).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Comment, PageLogEntry, Revision

from guides.editing import CONFLICT_ACTION
from guides.models import GuidePage
from tests.factories import UserFactory, make_guide
from tests.security.test_notification_scoping import comment_form


def test_autosave_is_on_for_the_guide_editor():
    assert getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0


def loaded(page):
    """The hidden fields a freshly opened editor posts back."""
    latest = GuidePage.objects.get(pk=page.pk).get_latest_revision()
    return {"loaded_revision_id": str(latest.pk), "loaded_revision_created_at": latest.created_at.isoformat()}


def revisions(page):
    return list(
        Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk").values_list("pk", "content")
    )


def tab(user):
    client = Client()
    client.force_login(user)
    return client


def autosave(client, page, data):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_ACCEPT="application/json"
    )


@pytest.fixture
def colleague(editor):
    return UserFactory(username="kollega", groups=list(editor.groups.all()))


@pytest.mark.django_db
class TestStaleFormSave:
    @pytest.fixture
    def page(self, home, authorities, editor, workflow, reviewers):
        return make_guide(home, user=editor)

    def test_save_from_an_out_of_date_form_is_refused_named_logged_and_the_work_kept(
        self, page, editor, colleague
    ):
        mine = {**comment_form(page, "Min ændring"), **loaded(page)}
        theirs = {**comment_form(page, "Kollegaens ændring"), **loaded(page)}
        assert (
            tab(colleague).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), theirs).status_code == 302
        )
        before = revisions(page)
        response = tab(editor).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), mine)
        # The editor gets the form back, with their own changes and the reason.
        assert response.status_code == 200
        form = response.context["form"]
        errors = " ".join(str(error) for error in form.non_field_errors())
        assert colleague.get_full_name() in errors
        assert form.is_bound and "Min ændring" in form.data.values()  # re-shown as typed
        assert revisions(page) == before
        assert not Comment.objects.filter(text="Min ændring").exists()
        entry = PageLogEntry.objects.get(action=CONFLICT_ACTION)
        assert (entry.user, entry.data["latest_revision_id"]) == (editor, before[-1][0])

    def test_saving_again_after_the_warning_replaces_knowingly_and_keeps_theirs_in_history(
        self, page, editor, colleague
    ):
        theirs = {**comment_form(page, "Kollegaens ændring"), **loaded(page)}
        stale = loaded(page)
        tab(colleague).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), theirs)
        colleagues_revision = revisions(page)[-1][0]
        me = tab(editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        me.post(edit_url, {**comment_form(page, "Min ændring"), **stale})
        # The re-shown form carries the latest revision: this second save is explicit.
        again = me.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            {**comment_form(page, "Min ændring"), **loaded(page)},
        )
        assert again.status_code == 302
        assert Comment.objects.filter(text="Min ændring").exists()
        assert Revision.objects.filter(pk=colleagues_revision).exists()
        assert PageLogEntry.objects.filter(action=CONFLICT_ACTION).count() == 1

    def test_publish_from_an_out_of_date_form_is_refused(self, page, editor, colleague):
        stale = {**comment_form(page, "x"), **loaded(page), "action-publish": "action-publish"}
        tab(colleague).post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {**comment_form(page, "y"), **loaded(page)}
        )
        live = GuidePage.objects.get(pk=page.pk).live_revision_id
        before = revisions(page)
        tab(editor).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), stale)
        assert revisions(page) == before
        assert GuidePage.objects.get(pk=page.pk).live_revision_id == live

    def test_an_up_to_date_form_saves(self, page, editor):
        before = len(revisions(page))
        response = tab(editor).post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {**comment_form(page, "Ok"), **loaded(page)}
        )
        assert response.status_code == 302
        assert len(revisions(page)) == before + 1


@pytest.mark.django_db
class TestTwoTabsAutosaving:
    @pytest.fixture
    def page(self, home, authorities, editor):
        return make_guide(home, user=editor, publish=False)

    def test_second_tab_gets_a_conflict_and_the_first_keeps_overwriting_its_own_revision(self, page, editor):
        first, second = tab(editor), tab(editor)
        opened = loaded(page)
        count = len(revisions(page))
        one = autosave(first, page, {**comment_form(page, "Fra fane 1"), **opened})
        assert one.status_code == 200 and one.json()["success"]
        own = one.json()["revision_id"]
        two = autosave(second, page, {**comment_form(page, "Fra fane 2"), **opened})
        assert two.status_code == 400
        assert two.json()["error_code"] == "invalid_revision"
        again = autosave(
            first,
            page,
            {**comment_form(page, "Fra fane 1, igen"), **opened, "overwrite_revision_id": str(own)},
        )
        assert again.status_code == 200 and again.json()["revision_id"] == own
        assert len(revisions(page)) == count + 1
        assert not Comment.objects.filter(text="Fra fane 2").exists()
        assert PageLogEntry.objects.filter(action=CONFLICT_ACTION).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_tabs_autosaving_at_the_same_instant_make_one_revision_and_one_conflict(
    home, authorities, editor
):
    from tests.signoff.test_concurrency import run_together

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks: run with DATABASE_URL=postgres://… (.ci/run does)")
    page = make_guide(home, user=editor, publish=False)
    opened = loaded(page)
    count = len(revisions(page))
    tabs = [tab(editor), tab(editor)]
    forms = [{**comment_form(page, f"Fane {n}"), **opened} for n in (1, 2)]
    results, errors = run_together(
        lambda: autosave(tabs[0], page, forms[0]), lambda: autosave(tabs[1], page, forms[1])
    )
    assert errors == [None, None]
    statuses = sorted(response.status_code for response in results)
    assert statuses == [200, 400]
    loser = next(response for response in results if response.status_code == 400)
    assert loser.json()["error_code"] == "invalid_revision"
    assert len(revisions(page)) == count + 1
    assert Comment.objects.filter(text__startswith="Fane").count() == 1
