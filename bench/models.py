"""The peer of a guide for the benchmark: a plain Wagtail page with the same StreamFields.

It has none of our publish hooks (sign-off guard, sign-off log, webhooks, pre-rendering)
and declares its fields to Wagtail's v3 API, so ``revision.publish()`` and the v3 page
detail of a copy of a guide are what Wagtail itself does with the same content.
"""

from django.db import models
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page

from guides.blocks import QuestionBlock, SectionBlock


class PlainGuidePage(Page):
    intro = models.TextField(blank=True)
    questions = StreamField([("question", QuestionBlock())], blank=True)
    body = StreamField([("section", SectionBlock())], blank=True)

    api_fields = [APIField("intro"), APIField("questions"), APIField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
