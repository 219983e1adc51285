"""Which guides a list may name to a user (RELIABILITY case 37).

Filters, choosers, dashboards and reports shown to reviewers (who have no page permissions)
never name a guide that was never published and that the user may not edit, unless their
own authority has been asked about it.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.permissions import page_permission_policy

from guides.models import Authority, GuidePage
from guides.signoff.models import SignOffEvent


def visible_guides(user):
    """The guides a list may name to ``user``: those they may edit, those that have ever
    been published, and those their own authority has been asked about (whose log rows
    they see anyway). Never a never-published guide that is none of their business."""
    if user.is_superuser:
        return GuidePage.objects.all()
    editable = page_permission_policy.instances_user_has_permission_for(user, "change").values("pk")
    own = list(Authority.objects.for_user(user).values_list("pk", flat=True))
    involved = SignOffEvent.objects.filter(authority_id__in=own).values("page_id") if own else []
    condition = Q(pk__in=editable) | Q(first_published_at__isnull=False) | Q(live=True)
    if own:
        condition |= Q(pk__in=involved)
    return GuidePage.objects.filter(condition)
