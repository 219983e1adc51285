"""Signed is served (issue 12, findings 2, 3, 5 and 6; RELIABILITY cases 33, 35 and 36).

Everything a citizen or an API consumer receives lies inside a signed unit: the Promote
tab's fields are part of the guide frame, a partial ``save()`` cannot put unsigned content
live, the wording of a question or answer belongs to the sections whose audience it
describes, and an authority is identified by its primary key, never by its editable code.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from guides.document import GuideDocument
from guides.models import Authority, GuidePage
from guides.signoff import setup
from guides.signoff.clearance import SIGNED, clearances
from guides.signoff.guard import SignOffRequired
from guides.signoff.models import SignOffRequest
from guides.signoff.units import units_of
from tests.factories import AuthorityFactory, reviewer_for, reviewers_for_all

pytestmark = pytest.mark.django_db


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def save_revision(content, user):
    return content.save_revision(user=user)


def asked(page, editor):
    """Submit the latest revision: {(authority code, heading)} of the requests opened."""
    state = setup.submit(GuidePage.objects.get(pk=page.pk), editor)
    state.refresh_from_db()
    task_state = state.current_task_state
    if task_state is None:
        return set()
    requests = SignOffRequest.objects.filter(task_state_id=task_state.pk).select_related("authority")
    return {(request.authority.code, request.heading) for request in requests}


# -- finding 2: the Promote tab is part of the frame ----------------------------------------


class TestPromoteTabIsSigned:
    def test_seo_title_and_search_description_cannot_go_live_without_approval(self, published_guide, editor):
        before = Client().get(published_guide.url).content.decode()
        assert "<title>Guide testguide – Vejviser</title>" in before
        content = latest(published_guide)
        content.seo_title = "Usigneret titel"
        content.search_description = "Usigneret beskrivelse"
        revision = save_revision(content, editor)

        with pytest.raises(SignOffRequired) as refused:
            revision.publish(user=editor)

        assert [unit.id for unit in refused.value.units] == ["frame"]
        html = Client().get(published_guide.url).content.decode()
        assert "Usigneret" not in html
        assert "<title>Guide testguide – Vejviser</title>" in html

    def test_seo_fields_change_the_frame_fingerprint_only(self, published_guide):
        content = latest(published_guide)
        before = {unit.id: unit.fingerprint for unit in units_of(GuideDocument.from_page(content))}
        content.seo_title = "Ny titel"
        content.search_description = "Ny beskrivelse"
        after = {unit.id: unit.fingerprint for unit in units_of(GuideDocument.from_page(content))}
        assert {unit_id for unit_id in before if before[unit_id] != after[unit_id]} == {"frame"}

    def test_the_frame_owner_is_asked_for_a_new_seo_title(self, published_guide, editor):
        content = latest(published_guide)
        content.seo_title = "Ny titel til søgemaskiner"
        save_revision(content, editor)
        assert asked(published_guide, editor) == {("digst", "Guidens ramme (titel, indledning og spørgsmål)")}


# -- finding 3 / case 33: no partial save puts unsigned content live ------------------------


class TestPartialSaveBackstop:
    @pytest.mark.parametrize(
        ("changes", "update_fields"),
        [
            ({"intro": "Usigneret indledning."}, ["intro"]),
            ({"anchor_label": "en usigneret dag"}, ["anchor_label"]),
            ({"slug": "usigneret", "url_path": "/home/usigneret/"}, ["slug", "url_path"]),
            ({"seo_title": "Usigneret"}, ["seo_title"]),
            ({"search_description": "Usigneret"}, ["search_description"]),
        ],
    )
    def test_update_fields_cannot_put_unsigned_content_live(self, published_guide, changes, update_fields):
        page = GuidePage.objects.get(pk=published_guide.pk)
        stored = {name: getattr(page, name) for name in changes}
        for name, value in changes.items():
            setattr(page, name, value)

        with pytest.raises(SignOffRequired):
            page.save(update_fields=update_fields)

        page = GuidePage.objects.get(pk=published_guide.pk)
        assert {name: getattr(page, name) for name in changes} == stored

    def test_a_partial_save_of_unserved_fields_is_allowed(self, published_guide):
        page = GuidePage.objects.get(pk=published_guide.pk)
        page.intro = "Kun i hukommelsen, gemmes ikke."
        page.show_in_menus = not page.show_in_menus
        page.save(update_fields=["show_in_menus"])
        stored = GuidePage.objects.get(pk=published_guide.pk)
        assert stored.show_in_menus == page.show_in_menus
        assert stored.intro == published_guide.intro

    def test_a_full_save_of_unchanged_live_content_is_allowed(self, published_guide):
        page = GuidePage.objects.get(pk=published_guide.pk)
        page.locked = True
        page.save()
        assert GuidePage.objects.get(pk=published_guide.pk).locked

    @pytest.mark.parametrize(
        "changes",
        [{"intro": "Usigneret indledning."}, {"title": "Usigneret titel"}, {"seo_title": "Usigneret"}],
        ids=["intro", "title", "seo_title"],
    )
    def test_queryset_update_cannot_put_unsigned_content_live(self, published_guide, changes):
        before = GuidePage.objects.values(*changes).get(pk=published_guide.pk)
        with pytest.raises(SignOffRequired):
            GuidePage.objects.filter(pk=published_guide.pk).update(**changes)
        assert GuidePage.objects.values(*changes).get(pk=published_guide.pk) == before

    def test_queryset_update_of_unserved_fields_is_allowed(self, published_guide):
        assert GuidePage.objects.filter(pk=published_guide.pk).update(show_in_menus=True) == 1
        assert GuidePage.objects.get(pk=published_guide.pk).show_in_menus

    def test_queryset_update_of_a_draft_guide_is_allowed(self, home, authorities, editor):
        from tests.factories import make_guide

        draft = make_guide(home, user=editor, publish=False)
        GuidePage.objects.filter(pk=draft.pk).update(intro="Kladde")
        assert GuidePage.objects.get(pk=draft.pk).intro == "Kladde"


# -- finding 5 / case 35: labels are content ------------------------------------------------


def swap_alder_labels(content):
    raw = content.questions.get_prep_value()
    alder = next(block for block in raw if block["value"]["key"] == "alder")
    answers = alder["value"]["answers"]
    first, second = answers[0]["value"], answers[1]["value"]
    first["label"], second["label"] = second["label"], first["label"]
    content.questions = raw
    return content


class TestLabelsAreContent:
    def test_swapping_answer_labels_re_asks_the_sections_they_describe(self, published_guide, editor):
        save_revision(swap_alder_labels(latest(published_guide)), editor)
        assert asked(published_guide, editor) == {
            ("digst", "Guidens ramme (titel, indledning og spørgsmål)"),
            ("kl", "Afsnit ung"),
            ("kl", "Afsnit voksen"),
        }

    def test_swapped_labels_cannot_go_live_with_the_frame_approval_alone(
        self, published_guide, editor, reviewers
    ):
        save_revision(swap_alder_labels(latest(published_guide)), editor)
        state = setup.submit(GuidePage.objects.get(pk=published_guide.pk), editor)
        task_state = state.current_task_state.specific
        frame = task_state.requests.get(section_id="frame")
        from guides.signoff import actions

        actions.decide(frame.pk, reviewers["digst"], actions.APPROVE)
        page = GuidePage.objects.get(pk=published_guide.pk)
        assert page.live_revision_id == published_guide.live_revision_id
        with pytest.raises(SignOffRequired) as refused:
            page.get_latest_revision().publish(user=editor)
        assert {unit.label for unit in refused.value.units} == {"Afsnit ung", "Afsnit voksen"}

    def test_the_question_wording_of_a_condition_belongs_to_the_section(self, published_guide):
        content = latest(published_guide)
        before = {unit.label: unit.fingerprint for unit in units_of(GuideDocument.from_page(content))}
        raw = content.questions.get_prep_value()
        raw[0]["value"]["label"] = "Er du medlem af en a-kasse i dag?"  # the akasse question
        content.questions = raw
        after = {unit.label: unit.fingerprint for unit in units_of(GuideDocument.from_page(content))}
        changed = {label for label in before if before[label] != after[label]}
        # Every section whose audience names »akasse«, and the frame; not the sections for everyone.
        assert changed == {
            "Guidens ramme (titel, indledning og spørgsmål)",
            "Afsnit medlem",
            "Afsnit ung",
            "Afsnit voksen",
        }


# -- finding 6 / case 36: reference data neither voids nor forges ---------------------------


def rename(authority, *, code=None, name=None):
    authority = Authority.objects.get(pk=authority.pk)
    if code is not None:
        authority.code = code
    if name is not None:
        authority.name = name
    authority.save()
    return authority


class TestAuthorityIdentity:
    def test_renaming_an_authoritys_code_keeps_its_approvals(self, published_guide, authorities, editor):
        rename(authorities["kl"], code="kommunerne", name="Kommunernes Landsforening")
        page = GuidePage.objects.get(pk=published_guide.pk)
        units = units_of(GuideDocument.from_page(page.live_revision.as_object()))
        assert all(state.status == SIGNED for state in clearances(page.pk, units))
        # Republishing the unchanged content needs no one.
        assert asked(published_guide, editor) == set()

    def test_a_new_authority_with_the_old_code_inherits_no_approval(
        self, published_guide, authorities, editor
    ):
        rename(authorities["kl"], code="kl-tidligere")
        impostor = AuthorityFactory(code="kl", name="Ny myndighed med den gamle kode")
        reviewer_for(impostor)
        content = latest(published_guide)
        raw = content.body.get_prep_value()
        ung = next(block for block in raw if block["value"]["heading"] == "Afsnit ung")
        ung["value"]["authority"] = impostor.pk
        content.body = raw
        save_revision(content, editor)
        assert asked(published_guide, editor) == {("kl", "Afsnit ung")}
        request = SignOffRequest.objects.get(section_id=ung["id"], status=SignOffRequest.PENDING)
        assert request.authority_id == impostor.pk

    def test_the_rename_is_logged_with_old_and_new_values(self, published_guide, authorities):
        kl = rename(authorities["kl"], code="kommunerne", name="Kommunernes Landsforening")
        entry = ModelLogEntry.objects.get(action="vejviser.authority.change")
        assert entry.object_id == str(kl.pk)
        assert entry.data["changes"] == {
            "code": ["kl", "kommunerne"],
            "name": ["KL", "Kommunernes Landsforening"],
        }

    def test_a_new_reviewer_group_keeps_the_approvals_and_is_logged(self, published_guide, authorities):
        from django.contrib.auth.models import Group

        kl = Authority.objects.get(pk=authorities["kl"].pk)
        old_group = kl.reviewer_group_id
        kl.reviewer_group = Group.objects.create(name="Godkendere: KL (ny)")
        kl.save()
        page = GuidePage.objects.get(pk=published_guide.pk)
        units = units_of(GuideDocument.from_page(page.live_revision.as_object()))
        assert all(state.status == SIGNED for state in clearances(page.pk, units))
        entry = ModelLogEntry.objects.get(action="vejviser.authority.change", object_id=str(kl.pk))
        assert entry.data["changes"] == {"reviewer_group": [old_group, kl.reviewer_group_id]}

    def test_the_sign_off_log_names_authorities_by_name(self, published_guide, authorities, editor):
        rename(authorities["skat"], name="Skatteforvaltningen")
        client = Client()
        client.force_login(editor)
        html = client.get(reverse("signoff:log")).content.decode()
        assert "Skatteforvaltningen" in html

    def test_renaming_the_frame_authority_keeps_the_frame_approved(self, published_guide, authorities):
        rename(authorities["digst"], code="digitalisering")
        page = GuidePage.objects.get(pk=published_guide.pk)
        units = units_of(GuideDocument.from_page(page.live_revision.as_object()))
        assert all(state.status == SIGNED for state in clearances(page.pk, units))

    def test_reviewers_of_every_authority_still_finish_a_round_after_renames(
        self, published_guide, authorities, editor
    ):
        rename(authorities["kl"], code="kommunerne")
        content = latest(published_guide)
        content.intro = "En ny indledning."
        raw = content.body.get_prep_value()
        ung = next(block for block in raw if block["value"]["heading"] == "Afsnit ung")
        ung["value"]["content"][0]["value"] = "<p>Ny tekst til unge.</p>"
        content.body = raw
        save_revision(content, editor)
        state = setup.submit_and_sign_off(
            GuidePage.objects.get(pk=published_guide.pk), editor, reviewers_for_all()
        )
        assert state.status == state.STATUS_APPROVED
        page = GuidePage.objects.get(pk=published_guide.pk)
        assert page.intro == "En ny indledning."
