"""Publishing entry points, all through the guard and all in one transaction."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page

from guides.signoff.guard import check_publishable


def publish_signed(page, revision, do_publish, *, user=None, via="publish()"):
    """Check ``revision`` (refusals are logged outside the transaction, so they are kept),
    then publish it with the page row locked, so a failure anywhere changes nothing."""
    check_publishable(revision.as_object(), user=user, revision=revision, via=via)
    with transaction.atomic():
        Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True).first()
        return do_publish()
