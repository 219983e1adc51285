from django.utils.translation import gettext_lazy as _
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
