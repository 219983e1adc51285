"""Preview per audience in the Wagtail editor, through the real preview views."""

import re

import pytest
from django.urls import reverse

from guides.editorial import preview
from guides.models import GuidePage
from tests.admin_forms import guide_form_data

pytestmark = pytest.mark.django_db


def preview_url(page):
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def open_preview(client, page, **overrides):
    """Post the editor's form to the preview (as the preview panel does)."""
    response = client.post(preview_url(page), guide_form_data(page, **overrides))
    assert response.json() == {"is_valid": True, "is_available": True}


def show(client, page, mode):
    response = client.get(preview_url(page), {"mode": mode})
    assert response.status_code == 200
    return response


def section_headings(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h2 id="afsnit-[^"]+-titel">(.*?)</h2>', html)


def checklist_texts(response) -> list[str]:
    return re.findall(r'<span class="vejviser-task-text">(.*?)</span>', response.content.decode())


class TestPreviewModes:
    def test_overview_first_then_one_mode_per_audience_named_in_words(self, demo):
        page = demo["hvis-du-bliver-ledig"].get_latest_revision_as_object()
        assert page.preview_modes == [
            ("all-sections", "Alle afsnit med målgrupper"),
            ("audience:akasse=ja", "A-kasse: Ja"),
            ("audience:akasse=nej&alder=under-30", "A-kasse: Nej · Alder: Under 30 år"),
            ("audience:akasse=nej&alder=30-eller-derover", "A-kasse: Nej · Alder: 30 år eller derover"),
        ]
        assert page.default_preview_mode == "all-sections"

    def test_every_demo_guide_has_a_mode_for_every_audience(self, demo):
        for page in demo.values():
            document = page.document
            expected = [preview.audience_mode(answers) for answers in document.audiences]
            assert [mode for mode, _ in page.preview_modes][1:] == expected

    def test_the_editor_shows_the_modes_in_the_preview_panel(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["hvis-du-bliver-ledig"]
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert 'value="audience:akasse=nej&amp;alder=under-30"' in html
        assert "A-kasse: Nej · Alder: Under 30 år" in html


class TestAudiencePreview:
    def test_each_demo_audience_sees_exactly_its_tailored_sections_and_checklist(
        self, client, demo, demo_editor
    ):
        client.force_login(demo_editor)
        for page in demo.values():
            open_preview(client, page)
            document = page.document
            for answers in document.audiences:
                response = show(client, page, preview.audience_mode(answers))
                tailored = document.tailor(answers)
                assert section_headings(response) == [
                    section.heading for section in tailored.sections if section.has_prose
                ], answers
                assert sorted(checklist_texts(response)) == sorted(
                    entry.text for group in tailored.checklist for entry in group.entries
                ), answers

    def test_switching_audience_changes_the_sections(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["hvis-du-bliver-ledig"]
        open_preview(client, page)
        member = section_headings(show(client, page, "audience:akasse=ja"))
        young = section_headings(show(client, page, "audience:akasse=nej&alder=under-30"))
        assert member != young
        assert any("dagpenge" in heading.lower() for heading in member)
        assert not any("dagpenge" in heading.lower() for heading in young)

    def test_preview_shows_the_unsaved_edit_not_the_live_page(self, client, guide, editor):
        client.force_login(editor)
        page = GuidePage.objects.get(pk=guide.pk)
        # Render the live page for this audience first, so any cache is warm.
        assert "Afsnit medlem" in client.get(page.url + "?akasse=ja").content.decode()
        body = page.body
        body[1].value["heading"] = "Nyt om dagpenge (kladde)"
        open_preview(client, page)
        response = show(client, page, "audience:akasse=ja")
        assert "Nyt om dagpenge (kladde)" in section_headings(response)
        # ... and the draft never leaks into the live page.
        live = client.get(page.url + "?akasse=ja").content.decode()
        assert "Nyt om dagpenge (kladde)" not in live

    def test_previews_are_never_cached(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["hvis-du-bliver-ledig"]
        open_preview(client, page)
        for mode, _ in page.preview_modes:
            cache_control = show(client, page, mode)["Cache-Control"]
            for directive in ("no-cache", "no-store", "must-revalidate", "private"):
                assert directive in cache_control, (mode, cache_control)

    def test_an_audience_that_no_longer_exists_falls_back_to_the_overview(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["naar-du-faar-nyt-job"]
        open_preview(client, page)
        response = show(client, page, "audience:akasse=maaske")
        assert "Målgruppen findes ikke længere i guiden" in response.content.decode()
        assert len(section_headings(response)) == len(page.document.sections)


class TestAllSectionsPreview:
    def test_every_section_is_shown_with_its_condition_in_words_and_its_owner(
        self, client, demo, demo_editor
    ):
        client.force_login(demo_editor)
        for page in demo.values():
            open_preview(client, page)
            response = show(client, page, "all-sections")
            html = response.content.decode()
            document = page.document
            assert section_headings(response) == [section.heading for section in document.sections]
            for section in document.sections:
                block = html.split(f'id="afsnit-{section.id}"', 1)[1].split("</section>", 1)[0]
                condition = document.questionnaire.describe_condition(section.condition)
                assert f'<dd class="editorial-condition">{condition}</dd>' in block
                assert f'<dd class="editorial-owner">{section.authority.name}</dd>' in block

    def test_unreachable_section_is_marked(self, client, crafted, editor):
        client.force_login(editor)
        open_preview(client, crafted)
        html = show(client, crafted, "all-sections").content.decode()
        umulig = html.split("Medlem under 30</h2>")[0].rsplit("<section", 1)[1]
        assert "editorial-section-unreachable" in umulig

    def test_difficult_section_is_marked_for_the_content_checker(self, client, crafted, editor):
        client.force_login(editor)
        open_preview(client, crafted)
        html = show(client, crafted, "all-sections").content.decode()
        marked = re.findall(r'data-vejviser-difficult-text="true"[^>]*>.*?<h2 [^>]*>(.*?)</h2>', html, re.S)
        assert marked == ["Dokumentationskrav"]

    def test_reviewer_without_edit_permission_cannot_preview(self, client, demo, demo_reviewer):
        client.force_login(demo_reviewer("kl"))
        page = demo["hvis-du-bliver-ledig"]
        response = client.get(preview_url(page), {"mode": "all-sections"})
        # Users without page permissions are refused every page tool before Wagtail's own
        # check (guides/security/admin_scope.py).
        assert response.status_code == 403
        assert "Afsnit" not in response.content.decode()
