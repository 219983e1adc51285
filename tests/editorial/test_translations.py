"""The admin in Danish: our English msgids, the committed catalogue and the admin pages."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from wagtail import blocks

from guides.blocks import QuestionBlock, SectionBlock

ROOT = Path(__file__).resolve().parent.parent.parent


def messages_tool():
    spec = importlib.util.spec_from_file_location("messages_tool", ROOT / "tools" / "messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def all_blocks(block, seen=None):
    """The block and every block inside it."""
    seen = seen if seen is not None else []
    seen.append(block)
    children = []
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        children = block.child_blocks.values()
    elif isinstance(block, blocks.ListBlock):
        children = [block.child_block]
    for child in children:
        all_blocks(child, seen)
    return seen


def danish(text) -> str:
    with translation.override("da"):
        return str(text)


def english(text) -> str:
    with translation.override("en"):
        return str(text)


class TestCatalogue:
    def test_the_committed_po_and_mo_are_up_to_date_with_the_code(self):
        """Every msgid in our code is in the .po, translated, and the .mo is compiled from it."""
        assert messages_tool().problems() == []

    def test_the_mo_is_the_one_django_loads(self):
        assert (ROOT / "locale" / "da" / "LC_MESSAGES" / "django.mo").exists()
        with translation.override("da"):
            assert translation.gettext("Audience coverage") == "Målgruppedækning"


def translated_msgids() -> set[str]:
    return {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in messages_tool().read_catalog()
        if message.id and message.string and not message.fuzzy
    }


def assert_translated(text, where):
    """A lazy (translatable) string whose msgid has a Danish translation in our catalogue."""
    assert isinstance(text, Promise), (where, text)
    assert english(text) in translated_msgids(), (where, english(text))


class TestBlocksAndModels:
    @pytest.mark.parametrize("root", [SectionBlock(), QuestionBlock()], ids=["section", "question"])
    def test_every_block_label_help_text_and_description_is_translatable_and_translated(self, root):
        for block in all_blocks(root):
            for name in ("label", "help_text", "description", "group"):
                text = getattr(block.meta, name, None)
                if text and not (name == "label" and block.meta.label == block.name):
                    assert_translated(text, (type(block).__name__, name))

    def test_key_block_labels_read_in_danish(self):
        section = SectionBlock()
        assert danish(section.meta.label) == "Afsnit"
        assert danish(section.child_blocks["content"].child_blocks["checklist"].meta.label) == "Tjekliste"
        assert danish(section.child_blocks["review_by"].label) == "Gennemses senest"
        assert danish(section.child_blocks["audience"].label) == "Målgruppe"

    @pytest.mark.parametrize("app_label", ["guides", "home", "editorial", "signoff"])
    def test_every_model_and_field_name_of_our_apps_is_translated(self, app_label):
        config = apps.get_app_config(app_label)
        assert_translated(config.verbose_name, app_label)
        for model in config.get_models():
            if isinstance(model._meta.verbose_name, Promise):  # else Django made it from the class name
                assert_translated(model._meta.verbose_name, model.__name__)
            for field in model._meta.get_fields(include_parents=False):
                if field.auto_created or field.name.startswith("_"):
                    continue  # the id, reverse relations and Wagtail's own private fields
                explicit = isinstance(
                    field.verbose_name, Promise
                ) or field.verbose_name != field.name.replace("_", " ")
                if explicit:
                    assert_translated(field.verbose_name, (model.__name__, field.name))
                if field.help_text:
                    assert_translated(field.help_text, (model.__name__, field.name, "help_text"))


@pytest.mark.django_db
class TestAdminInDanish:
    def test_guide_editor_tabs_and_block_labels(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["hvis-du-bliver-ledig"]
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        for text in (
            "Kvalitet",
            "Filterspørgsmål",
            "Tjekliste",
            "Gennemses senest",
            "Hvilken målgruppe ser hvilket afsnit",
        ):
            assert text in html, text
        assert "Which audience sees which section" not in html

    def test_reports_menu_and_titles(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        for text in ("Målgruppedækning", "Læsbarhed", "Gennemsynsdatoer"):
            # The sidebar menu arrives as JSON, with non-ASCII letters escaped.
            assert json.dumps(text)[1:-1] in html, text
        report = client.get(reverse("editorial_reports:review")).content.decode()
        assert "Gennemsynsdatoer" in report
        assert "Forfalder" in report

    def test_wagtail_itself_speaks_danish(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Sider" in html  # Wagtail's own Danish catalogue: »Pages«
