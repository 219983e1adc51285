from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.pages import CopyForm


class GuideCopyForm(CopyForm):
    """Copying a guide gives a draft: a copy is a new guide that its authorities must sign
    off before it is published, and an alias would publish content nobody signed off
    under another address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)
        self.fields.pop("alias", None)
        self.fields["new_title"].help_text = _(
            "The copy is a draft. Send it for sign-off before it can be published."
        )


class AuthorityForm(WagtailAdminModelForm):
    """The Authority snippet's form: who reviews for an authority is decided by those who
    manage groups.

    Choosing an authority's reviewer group makes its members sign-off reviewers, so an
    agency admin (who may edit the authority records but not groups) could otherwise make
    themselves a reviewer by pointing an authority at a group they belong to. Without the
    permission to change groups, the group of an existing authority is read-only, and a new
    authority can only get a group that no authority has yet, that grants no page
    permissions and that the user is not a member of.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Who signs off the guides' frame is decided like who reviews: by those who manage groups.
        if "owns_frame" in self.fields and not may_assign_reviewers(self.for_user):
            self.fields["owns_frame"].disabled = True
        field = self.fields.get("reviewer_group")
        if field is None or may_assign_reviewers(self.for_user):
            return
        if self.instance.pk:
            field.disabled = True
            field.help_text = _("Only users who may manage groups can change who reviews for an authority.")
        else:
            field.queryset = assignable_reviewer_groups(self.for_user)


def may_assign_reviewers(user) -> bool:
    return bool(user and user.is_active and user.has_perm("auth.change_group"))


def assignable_reviewer_groups(user):
    from django.contrib.auth.models import Group

    return (
        Group.objects.filter(authority__isnull=True, page_permissions__isnull=True)
        .exclude(user=user)
        .order_by("name")
    )
