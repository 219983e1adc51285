"""No side door: every path that can publish refuses content that is not signed off,
names the unsigned sections and changes nothing; signed-off content goes through."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions import action_registry
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Page, Revision, WorkflowState

from guides.models import GuidePage
from guides.signoff.guard import SignOffRequired
from guides.signoff.models import SignOffEvent
from tests.admin_forms import guide_form_data
from tests.conftest import _Discard
from tests.factories import guide_data, make_guide
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db


def state_of(page):
    """Everything a refused publish must leave as it was."""
    page = GuidePage.objects.get(pk=page.pk)
    return {
        "live": page.live,
        "live_revision": page.live_revision_id,
        "body": page.body.get_prep_value(),
        "last_published_at": page.last_published_at,
        "scheduled": sorted(
            Revision.page_revisions.filter(object_id=str(page.pk))
            .exclude(approved_go_live_at=None)
            .values_list("pk", "approved_go_live_at")
        ),
        "workflows": sorted(WorkflowState.objects.for_instance(page).values_list("pk", "status")),
    }


@pytest.fixture
def unsigned(published_guide, editor):
    """The published guide with a newer, unsigned edit of the tax section."""
    edit_section(published_guide, "Afsnit skat", "Usigneret skattetekst", user=editor)
    return GuidePage.objects.get(pk=published_guide.pk)


def assert_refused_naming_the_tax_section(message):
    assert "Afsnit skat" in message
    assert "(Skattestyrelsen)" in message
    assert "Afsnit pension" not in message


class TestPlainRevisionPublish:
    def test_unsigned_revision_is_refused_and_nothing_changes(self, unsigned, editor):
        before = state_of(unsigned)
        with pytest.raises(SignOffRequired) as refused:
            unsigned.get_latest_revision().publish(user=editor)
        assert_refused_naming_the_tax_section(str(refused.value))
        assert state_of(unsigned) == before
        assert SignOffEvent.objects.filter(action=SignOffEvent.PUBLISH_REFUSED).exists()

    def test_refusal_leaves_scheduled_revisions_alone(self, unsigned, editor):
        signed = unsigned.revisions.order_by("created_at").first()
        Revision.objects.filter(pk=signed.pk).update(
            approved_go_live_at=timezone.now() + datetime.timedelta(days=1)
        )
        before = state_of(unsigned)
        with pytest.raises(SignOffRequired):
            unsigned.get_latest_revision().publish(user=editor)
        assert state_of(unsigned) == before

    def test_signed_revision_can_be_republished(self, published_guide, editor):
        published_guide.get_latest_revision().publish(user=editor)
        assert GuidePage.objects.get(pk=published_guide.pk).live


class TestAdminPublishButton:
    def post(self, client, page, **extra):
        data = guide_form_data(page.get_latest_revision_as_object())
        data.update(extra)
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)

    def test_publish_button_refuses_unsigned_content_and_keeps_the_draft(self, client, unsigned, editor):
        client.force_login(editor)
        before = state_of(unsigned)
        revisions = unsigned.revisions.count()
        response = self.post(client, unsigned, **{"action-publish": "action-publish"})
        assert response.status_code == 200
        messages = [str(m) for m in response.context["messages"]]
        assert any("Afsnit skat" in message for message in messages)
        assert state_of(unsigned) == before
        assert unsigned.revisions.count() == revisions + 1  # the editor's draft is kept

    def test_publish_button_publishes_signed_off_content(self, client, published_guide, editor):
        client.force_login(editor)
        response = self.post(client, published_guide, **{"action-publish": "action-publish"})
        assert response.status_code == 200
        page = GuidePage.objects.get(pk=published_guide.pk)
        assert page.live_revision_id == page.get_latest_revision().pk

    def test_scheduling_unsigned_content_is_refused(self, client, unsigned, editor):
        client.force_login(editor)
        before = state_of(unsigned)
        go_live = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        self.post(client, unsigned, **{"action-publish": "action-publish", "go_live_at": go_live})
        assert state_of(unsigned) == before

    def test_revert_to_an_earlier_signed_version_and_publish_is_allowed(self, client, unsigned, editor):
        client.force_login(editor)
        signed = unsigned.live_revision
        data = guide_form_data(signed.as_object())
        data.update({"action-publish": "action-publish", "revision": str(signed.pk)})
        client.post(reverse("wagtailadmin_pages:edit", args=[unsigned.pk]), data)
        page = GuidePage.objects.get(pk=unsigned.pk)
        assert page.live_revision_id != signed.pk  # a new revision with the reverted content
        assert "Usigneret skattetekst" not in str(page.body.get_prep_value())

    def test_revert_to_an_unsigned_version_and_publish_is_refused(self, client, unsigned, editor):
        client.force_login(editor)
        unsigned_revision = unsigned.get_latest_revision()
        edit_section(unsigned, "Afsnit pension", "Endnu en kladde", user=editor)
        before = state_of(unsigned)
        data = guide_form_data(unsigned_revision.as_object())
        data.update({"action-publish": "action-publish", "revision": str(unsigned_revision.pk)})
        client.post(reverse("wagtailadmin_pages:edit", args=[unsigned.pk]), data)
        after = state_of(unsigned)
        assert (after["live_revision"], after["body"]) == (before["live_revision"], before["body"])


class TestBulkPublish:
    def test_bulk_publish_refuses_when_a_selected_guide_is_unsigned(self, client, unsigned, editor):
        client.force_login(editor)
        before = state_of(unsigned)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        response = client.post(
            f"{url}?id={unsigned.pk}&next=/admin/pages/", {"include_descendants": ""}, follow=True
        )
        assert response.status_code == 200
        assert any("Afsnit skat" in str(m) for m in response.context["messages"])
        assert state_of(unsigned) == before

    def test_bulk_publish_publishes_signed_guides(self, client, published_guide, editor):
        client.force_login(editor)
        published_guide.save_revision(user=editor)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        client.post(f"{url}?id={published_guide.pk}", {"include_descendants": ""})
        page = GuidePage.objects.get(pk=published_guide.pk)
        assert page.live_revision_id == page.get_latest_revision().pk


class TestScheduledPublishing:
    def schedule(self, revision, minutes_ago=1):
        Revision.objects.filter(pk=revision.pk).update(
            approved_go_live_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
        )

    def test_unsigned_scheduled_revision_is_not_published_and_others_still_are(
        self, unsigned, home, editor, reviewers
    ):
        other = make_guide(home, guide_data("anden-guide"), user=editor)
        other_revision = other.save_revision(user=editor)  # unchanged content: signed off
        self.schedule(unsigned.get_latest_revision())
        self.schedule(other_revision)
        live_before = GuidePage.objects.get(pk=unsigned.pk).live_revision_id
        call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())
        assert GuidePage.objects.get(pk=unsigned.pk).live_revision_id == live_before
        assert GuidePage.objects.get(pk=other.pk).live_revision_id == other_revision.pk
        assert not Revision.objects.exclude(approved_go_live_at=None).exists()
        assert SignOffEvent.objects.filter(action=SignOffEvent.PUBLISH_REFUSED, page_id=unsigned.pk).exists()

    def test_running_the_scheduler_twice_publishes_once(self, published_guide, editor):
        revision = published_guide.save_revision(user=editor)
        self.schedule(revision)
        call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())
        call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())
        publishes = SignOffEvent.objects.filter(action=SignOffEvent.PUBLISHED, revision_id=revision.pk)
        units = 7
        assert publishes.count() == units

    def test_overdue_schedule_raises_an_alert(self, published_guide, editor, caplog):
        revision = published_guide.save_revision(user=editor)
        self.schedule(revision, minutes_ago=120)
        with caplog.at_level("WARNING", logger="vejviser.scheduler"):
            call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())
        assert any("Overdue scheduled publish" in record.message for record in caplog.records)


class TestCopy:
    def test_copy_form_of_a_guide_offers_no_publishing_or_alias(self, client, published_guide, editor):
        client.force_login(editor)
        response = client.get(reverse("wagtailadmin_pages:copy", args=[published_guide.pk]))
        form = response.context["form"]
        assert "publish_copies" not in form.fields
        assert "alias" not in form.fields

    def test_copy_through_the_admin_is_a_draft_even_when_publishing_is_posted(
        self, client, published_guide, editor
    ):
        client.force_login(editor)
        client.post(
            reverse("wagtailadmin_pages:copy", args=[published_guide.pk]),
            {
                "new_title": "Kopi",
                "new_slug": "kopi",
                "new_parent_page": str(published_guide.get_parent().pk),
                "publish_copies": "on",
            },
        )
        copy = GuidePage.objects.get(slug="kopi")
        assert not copy.live

    def test_programmatic_copy_that_keeps_it_live_is_refused(self, published_guide, editor):
        pages = Page.objects.count()
        with pytest.raises(SignOffRequired):
            CopyPageAction(
                published_guide,
                to=published_guide.get_parent(),
                update_attrs={"title": "Kopi", "slug": "kopi"},
                keep_live=True,
                user=editor,
            ).execute()
        assert Page.objects.count() == pages


class TestWagtailActionRegistry:
    """The publish action Wagtail's v3 API looks up in the action registry."""

    def test_registry_publish_action_refuses_unsigned_content(self, unsigned, editor):
        before = state_of(unsigned)
        action_class = action_registry.get_action_class(Page, "publish")
        with pytest.raises(SignOffRequired):
            action_class(unsigned.get_latest_revision(), user=editor).execute()
        assert state_of(unsigned) == before

    def test_registry_publish_action_publishes_signed_content(self, published_guide, editor):
        revision = published_guide.save_revision(user=editor)
        action_registry.get_action_class(Page, "publish")(revision, user=editor).execute()
        assert GuidePage.objects.get(pk=published_guide.pk).live_revision_id == revision.pk


class TestAdminApiV2:
    def test_admin_api_publish_action_is_refused_and_changes_nothing(self, client, unsigned, editor):
        client.force_login(editor)
        before = state_of(unsigned)
        response = client.post(f"/admin/api/main/pages/{unsigned.pk}/action/publish/")
        assert response.status_code in (403, 404)
        assert state_of(unsigned) == before


class TestManagementCommand:
    def test_publish_guide_refuses_unsigned_content(self, unsigned, editor):
        before = state_of(unsigned)
        with pytest.raises(CommandError, match="Afsnit skat"):
            call_command("publish_guide", unsigned.slug, user=editor.username, stdout=_Discard())
        assert state_of(unsigned) == before

    def test_publish_guide_publishes_signed_content(self, published_guide, editor):
        revision = published_guide.save_revision(user=editor)
        call_command("publish_guide", published_guide.slug, user=editor.username, stdout=_Discard())
        assert GuidePage.objects.get(pk=published_guide.pk).live_revision_id == revision.pk


class TestSaveBackstop:
    def test_changing_live_content_with_a_plain_save_is_refused(self, published_guide):
        page = GuidePage.objects.get(pk=published_guide.pk)
        raw = page.body.get_prep_value()
        raw[0]["value"]["heading"] = "Ændret uden om alt"
        page.body = raw
        with pytest.raises(SignOffRequired):
            page.save()
        assert GuidePage.objects.get(pk=published_guide.pk).body[0].value["heading"] == "Afsnit alle"

    def test_saving_a_live_guide_without_content_changes_is_allowed(self, published_guide):
        page = GuidePage.objects.get(pk=published_guide.pk)
        page.locked = True
        page.save()
        page.save(update_fields=["locked"])
