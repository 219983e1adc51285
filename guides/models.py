from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from guides.blocks import QuestionBlock, SectionBlock
from guides.forms import AuthorityForm, GuideCopyForm
from guides.routes import GuideRoutes


class AuthorityQuerySet(models.QuerySet):
    def for_user(self, user):
        """The authorities whose reviewer group the user belongs to (checked live)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(reviewer_group__user=user)


class Authority(models.Model):
    """A public authority that owns sections of guides and signs them off."""

    name = models.CharField(_("name"), max_length=120)
    code = models.SlugField(
        _("code"),
        max_length=30,
        unique=True,
        help_text=_("Short stable code used in the API, e.g. »skat«."),
    )
    reviewer_group = models.OneToOneField(
        Group,
        verbose_name=_("reviewer group"),
        on_delete=models.PROTECT,
        related_name="authority",
        help_text=_("Members of this group sign off the sections this authority owns."),
    )
    contact_email = models.EmailField(_("contact e-mail"))
    website = models.URLField(_("website"), blank=True)
    owns_frame = models.BooleanField(
        _("signs off the guides' frame"),
        default=False,
        help_text=_(
            "This authority signs off every guide's title, introduction and questions. "
            "Exactly one authority should have it."
        ),
    )

    #: Fields whose changes are logged (``vejviser.authority.change``): approvals point at
    #: the authority's primary key, so none of these changes what an approval means.
    LOGGED_FIELDS = ("name", "code", "reviewer_group_id", "contact_email", "website", "owns_frame")

    objects = AuthorityQuerySet.as_manager()

    base_form_class = AuthorityForm
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("reviewer_group"),
        FieldPanel("contact_email"),
        FieldPanel("website"),
        FieldPanel("owns_frame"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")
        constraints = [
            models.UniqueConstraint(
                fields=["owns_frame"], condition=models.Q(owns_frame=True), name="one_frame_owner"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        before = None
        if self.pk is not None:
            before = type(self).objects.filter(pk=self.pk).values(*self.LOGGED_FIELDS).first()
        super().save(*args, **kwargs)
        if before is None:
            return
        changes = {
            field.removesuffix("_id"): [before[field], getattr(self, field)]
            for field in self.LOGGED_FIELDS
            if before[field] != getattr(self, field)
        }
        if changes:
            from wagtail.log_actions import log

            log(instance=self, action="vejviser.authority.change", data={"changes": changes})

    def has_member(self, user) -> bool:
        """Membership at this moment, straight from the database (never cached)."""
        return (
            bool(user and user.is_authenticated) and self.reviewer_group.user_set.filter(pk=user.pk).exists()
        )


class GuidePageQuerySet(PageQuerySet):
    def update(self, **kwargs):
        """``QuerySet.update`` bypasses ``save()``; so every live guide it touches is checked
        afterwards, the same way (the row must still show signed content), and a refused
        update changes nothing (RELIABILITY case 33)."""
        from guides.signoff.guard import check_live_row

        with transaction.atomic():
            touched = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            for page in GuidePage.objects.filter(pk__in=touched, live=True).select_related("live_revision"):
                check_live_row(page)
        return count


class GuidePageManager(PageManager.from_queryset(GuidePageQuerySet)):
    pass


class GuidePage(GuideRoutes, Page):
    """A life-situation guide: filter questions first, then sections for each audience."""

    objects = GuidePageManager()

    intro = models.TextField(
        _("intro"),
        max_length=600,
        help_text=_("One or two sentences shown above the questions."),
    )
    anchor_label = models.CharField(
        _("anchor event"),
        max_length=80,
        default="din første dag som ledig",
        help_text=_(
            "The day the checklist counts from, as it reads after »På«/»Før«, "
            "e.g. »din første dag som ledig« or »din første arbejdsdag«."
        ),
    )
    questions = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        verbose_name=_("filter questions"),
    )
    body = StreamField(
        [("section", SectionBlock())],
        blank=True,
        verbose_name=_("sections"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("anchor_label"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "The citizen answers these questions first. Keys appear in addresses, "
                        "e.g. ?akasse=nej&alder=under-30."
                    )
                ),
                FieldPanel("questions"),
            ],
            heading=_("Filter questions"),
        ),
        FieldPanel("body"),
    ]

    # The editor tools (guides/editorial) add their form, the »Kvalitet« tab and the
    # previews per audience when their app is ready (guides/editorial/page_admin.py), so
    # this model does not depend on them.

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "guides/guide_page.html"

    copy_form_class = GuideCopyForm

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def clean(self):
        super().clean()
        from guides.validation import validate_guide

        validate_guide(self)

    @cached_property
    def document(self):
        from guides.document import GuideDocument

        return GuideDocument.from_page(self)

    def save(self, *args, **kwargs):
        # The lowest point every publishing path shares: live content must be signed off.
        # Whatever ``update_fields`` says: the row that results from this save is checked.
        from guides.signoff.guard import check_live_save

        check_live_save(self, update_fields=kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Publish ``revision`` only if it is signed off; all or nothing
        (``guides.signoff.actions.PublishSigned``)."""
        from guides.signoff.publishing import GuidePublishPageRevisionAction

        return GuidePublishPageRevisionAction(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        ).execute(skip_permission_checks=skip_permission_checks)

    def serve(self, request, view=None, args=None, kwargs=None):
        # Routed requests (print view, calendar file) come with their view; everything
        # else, including the index route, previews and pre-rendering, is the guide.
        if view is not None:
            return view(request, *(args or ()), **(kwargs or {}))
        from guides.views import serve_guide

        return serve_guide(self, request)
