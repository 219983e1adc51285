"""Who may see which editor tools.

Editors are the users who may change or publish guides (Wagtail's page permissions):
they see every tool for the guides they can edit. Authority reviewers (members of an
``Authority.reviewer_group``) see the readability, link and review-date reports limited to
the sections their authority owns. Everybody else gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.permission_policies.pages import PagePermissionPolicy

from guides.models import Authority, GuidePage

EDIT_ACTIONS = ("change", "publish")


def can_edit_guides(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return PagePermissionPolicy().user_has_any_permission(user, EDIT_ACTIONS)


def editable_guides(user):
    """The guide pages this user may edit."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    return GuidePage.objects.filter(pk__in=pages.values("pk"))


@dataclass(frozen=True)
class ReportScope:
    """What one user sees in the editor reports."""

    guides: object  # a GuidePage queryset
    authority_codes: frozenset[str] | None  # None: every authority's sections

    @property
    def is_editor(self) -> bool:
        return self.authority_codes is None

    def includes(self, section) -> bool:
        return self.authority_codes is None or section.authority_code in self.authority_codes


def report_scope(user, *, editors_only: bool = False) -> ReportScope | None:
    """The user's scope, or None when the user may not see the report at all."""
    if can_edit_guides(user):
        return ReportScope(guides=editable_guides(user), authority_codes=None)
    if editors_only or not (user and user.is_authenticated and user.is_active):
        return None
    codes = frozenset(Authority.objects.for_user(user).values_list("code", flat=True))
    if not codes:
        return None
    from guides.signoff.visibility import visible_guides

    # Their authority's sections, in guides they may be told about (case 37).
    return ReportScope(guides=visible_guides(user), authority_codes=codes)
