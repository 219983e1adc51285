"""Case 15, notification scoping: sign-off e-mails go to the owning authority's reviewers
or the submitting editor only (tests/signoff/test_notifications.py), and Wagtail's comment
e-mails reach only users who may still edit the guide, however long ago they subscribed to
its comments or took part in a thread (CVE-2022-21683).
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Comment, PageSubscription

from tests.admin_forms import guide_form_data
from tests.factories import UserFactory, make_guide

pytestmark = pytest.mark.django_db


def comment_form(page, text):
    data = guide_form_data(page.get_latest_revision_as_object())
    comments = list(Comment.objects.filter(page=page).order_by("pk"))
    data.update(
        {
            "comments-TOTAL_FORMS": str(len(comments) + 1),
            "comments-INITIAL_FORMS": str(len(comments)),
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "",
        }
    )
    for index, comment in enumerate([*comments, None]):
        prefix = f"comments-{index}"
        data.update(
            {
                f"{prefix}-DELETE": "",
                f"{prefix}-resolved": "",
                f"{prefix}-id": str(comment.pk) if comment else "",
                f"{prefix}-contentpath": "title",
                f"{prefix}-text": comment.text if comment else text,
                f"{prefix}-position": "",
                f"{prefix}-replies-TOTAL_FORMS": "0",
                f"{prefix}-replies-INITIAL_FORMS": "0",
                f"{prefix}-replies-MIN_NUM_FORMS": "0",
                f"{prefix}-replies-MAX_NUM_FORMS": "",
            }
        )
    return data


@pytest.fixture
def team(home, authorities, editor, workflow, reviewers):
    editors = editor.groups.get()
    guide = make_guide(home, user=editor, publish=False)
    stays = UserFactory(username="bliver-redaktoer", groups=[editors])
    leaves = UserFactory(username="bliver-godkender", groups=[editors])
    for user in (stays, leaves):
        PageSubscription.objects.create(page=guide, user=user, comment_notifications=True)
        Comment.objects.create(page=guide, user=user, text=f"Tråd af {user.username}", contentpath="title")
    PageSubscription.objects.create(page=guide, user=reviewers["skat"], comment_notifications=True)
    # One editor moves to Skattestyrelsen's reviewers: no page rights any more.
    leaves.groups.set([authorities["skat"].reviewer_group])
    return guide, stays, leaves


def recipients():
    return {address for message in mail.outbox for address in message.to}


def test_a_new_comment_is_mailed_only_to_subscribers_who_may_still_edit(client, team, editor, reviewers):
    guide, stays, leaves = team
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        comment_form(guide, "Tallet i afsnittet er forkert"),
    )
    assert response.status_code == 302
    assert Comment.objects.filter(text="Tallet i afsnittet er forkert").exists()
    assert stays.email in recipients()
    assert leaves.email not in recipients()
    assert reviewers["skat"].email not in recipients()
    assert editor.email not in recipients()


def test_resolving_a_thread_is_not_mailed_to_its_author_who_left(client, team, editor):
    guide, stays, leaves = team
    PageSubscription.objects.filter(user__in=[stays, leaves]).update(comment_notifications=False)
    thread = Comment.objects.get(user=leaves)
    data = comment_form(guide, "Ny kommentar")
    index = list(Comment.objects.filter(page=guide).order_by("pk")).index(thread)
    data[f"comments-{index}-resolved"] = "on"
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
    assert Comment.objects.get(pk=thread.pk).resolved_at is not None
    assert leaves.email not in recipients()


def test_other_notifications_are_not_filtered():
    from guides.security.comments import only_current_editors

    sent = []
    send = only_current_editors(lambda users, notification, context: sent.append((list(users), notification)))
    send(["u"], "approved", {"page": object()})
    assert sent == [(["u"], "approved")]
