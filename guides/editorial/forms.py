"""The guide editor's form: submitting with coverage problems needs a confirmation.

Saving a draft is never blocked. When the editor submits the guide for sign-off (or
restarts the workflow, or publishes) and the guide has an unreachable section, an
audience with an empty checklist or a dangling condition, the form refuses once with
the problems listed and asks for a tick in »I have seen the coverage problems«.
"""

from __future__ import annotations

from types import SimpleNamespace

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from guides.document import GuideDocument
from guides.editorial import coverage, texts

CONFIRM_FIELD = "confirm_coverage_problems"
#: The editor's POST names of the actions that send a guide onwards.
ONWARD_ACTIONS = ("action-submit", "action-restart-workflow", "action-publish")


class GuidePageForm(WagtailAdminPageForm):
    confirm_coverage_problems = forms.BooleanField(
        required=False,
        label=_("I have seen the coverage problems and want to continue anyway"),
        help_text=_(
            "Needed only when the guide is submitted for sign-off or published while some "
            "section reaches no audience or some audience gets an empty checklist."
        ),
    )

    def sends_onwards(self) -> bool:
        return any(self.data.get(action) for action in ONWARD_ACTIONS)

    def guide_as_edited(self):
        """The guide as the submitted form has it (the instance is updated only after clean)."""
        data = self.cleaned_data
        page = self.instance
        return SimpleNamespace(
            title=data.get("title", page.title),
            slug=data.get("slug", page.slug),
            intro=data.get("intro", page.intro),
            anchor_label=data.get("anchor_label", page.anchor_label),
            questions=data["questions"],
            body=data["body"],
        )

    def coverage_problems(self) -> list[coverage.Problem]:
        document = GuideDocument.from_page(self.guide_as_edited())
        return coverage.analyse(document.questionnaire, document.sections).blocking

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.for_user is not None:
            from guides.editing import stale_edit_error

            # Saved by someone else since this form was opened: refuse, keep these changes on
            # screen; the re-shown form is up to date, so saving again replaces knowingly.
            if message := stale_edit_error(self.instance, self.for_user, self.data):
                self.add_error(None, message)
                return cleaned
        if not self.sends_onwards() or "questions" not in cleaned or "body" not in cleaned:
            return cleaned
        problems = self.coverage_problems()
        if problems and not cleaned.get(CONFIRM_FIELD):
            self.add_error(
                None,
                ValidationError(
                    [
                        gettext(
                            "The guide has coverage problems. Fix them, or tick »%(confirm)s« "
                            "on the Quality tab and try again:"
                        )
                        % {"confirm": self.fields[CONFIRM_FIELD].label},
                        *(texts.problem_message(problem) for problem in problems),
                    ]
                ),
            )
            self.add_error(CONFIRM_FIELD, gettext("Confirm that you have seen the coverage problems."))
        return cleaned
