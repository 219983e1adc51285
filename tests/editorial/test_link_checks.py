"""Link checking against a local HTTP server (loopback only; never the internet)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from guides.editorial import linkcheck, links
from guides.editorial.linkcheck import CheckSettings, check_url, check_urls
from guides.editorial.models import LinkCheck
from guides.editorial.tasks import check_guide_links, guide_urls
from guides.models import GuidePage
from tests.admin_forms import guide_form_data
from tests.editorial import linkserver

LOCAL = CheckSettings(timeout=0.5, max_concurrency=4, allow_private_addresses=True)


class TestCheckUrl:
    def test_200_is_ok(self, link_server):
        result = check_url(link_server.url("/ok"), LOCAL)
        assert (result.result, result.status_code, result.final_status_code) == (linkcheck.OK, 200, 200)
        assert result.redirects == ()

    def test_301_is_followed_and_recorded(self, link_server):
        result = check_url(link_server.url("/moved"), LOCAL)
        assert result.result == linkcheck.REDIRECT
        assert result.status_code == 301
        assert result.final_url == link_server.url("/ok")
        assert result.final_status_code == 200
        assert [(hop.status, hop.location) for hop in result.redirects] == [(301, link_server.url("/ok"))]

    def test_every_hop_of_a_redirect_chain_is_recorded(self, link_server):
        result = check_url(link_server.url("/temporary"), LOCAL)
        assert [hop.status for hop in result.redirects] == [302, 301]
        assert (result.result, result.final_status_code) == (linkcheck.REDIRECT, 200)

    @pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/error", 500)])
    def test_error_status_is_broken(self, link_server, path, status):
        result = check_url(link_server.url(path), LOCAL)
        assert (result.result, result.status_code, result.final_status_code) == (
            linkcheck.BROKEN,
            status,
            status,
        )
        assert result.failed

    def test_slow_server_times_out(self, link_server):
        result = check_url(link_server.url("/slow"), LOCAL)
        assert result.result == linkcheck.TIMEOUT
        assert result.failed
        assert result.duration_ms < linkserver.SLOW_SECONDS * 1000

    def test_head_refused_falls_back_to_get(self, link_server):
        link_server.reset()
        result = check_url(link_server.url("/get-only"), LOCAL)
        assert result.result == linkcheck.OK
        assert link_server.requests == [("HEAD", "/get-only"), ("GET", "/get-only")]

    def test_head_that_works_needs_no_get(self, link_server):
        link_server.reset()
        check_url(link_server.url("/ok"), LOCAL)
        assert link_server.requests == [("HEAD", "/ok")]

    def test_endless_redirects_are_an_error(self, link_server):
        result = check_url(link_server.url("/loop"), LOCAL)
        assert result.result == linkcheck.ERROR
        assert "redirects" in result.error

    def test_nothing_listening_is_an_error(self):
        with linkserver.LinkServer() as server:
            closed = server.url("/ok")
        assert check_url(closed, LOCAL).result == linkcheck.ERROR

    def test_internal_addresses_are_refused_unless_allowed(self, link_server):
        link_server.reset()
        result = check_url(link_server.url("/ok"), CheckSettings(timeout=0.5))
        assert result.result == linkcheck.BLOCKED
        assert link_server.requests == []

    def test_only_http_and_https_are_checked(self):
        assert check_url("file:///etc/passwd", LOCAL).result == linkcheck.ERROR


class TestConcurrency:
    def test_at_most_the_configured_number_of_requests_run_at_once(self, link_server):
        link_server.reset()
        urls = [link_server.url(f"/busy/{n}") for n in range(6)]
        results = check_urls(urls, CheckSettings(timeout=2, max_concurrency=2, allow_private_addresses=True))
        assert {result.result for result in results.values()} == {linkcheck.OK}
        assert link_server.max_in_flight == 2

    def test_each_address_is_checked_once(self, link_server):
        link_server.reset()
        check_urls([link_server.url("/ok")] * 3, LOCAL)
        assert link_server.requests == [("HEAD", "/ok")]


class TestFindingLinks:
    def test_links_of_every_kind_are_found_in_the_demo_guides(self, demo):
        kinds = set()
        for page in demo.values():
            for link in links.document_links(page.document.sections):
                assert links.is_external(link.url)
                kinds.add(link.kind)
        assert {links.SELF_SERVICE, links.CHECKLIST, links.ACTOR} <= kinds

    def test_rich_text_links_and_callout_links_are_found_but_not_internal_ones(self):
        html = (
            '<p>Se <a href="https://www.borger.dk/ledig">borger.dk</a> og '
            '<a linktype="page" id="3">forsiden</a> eller <a href="mailto:a@b.dk">skriv</a>.</p>'
        )
        assert links.rich_text_links(html) == [("https://www.borger.dk/ledig", "borger.dk")]

    def test_crafted_guide_links_are_found_with_their_sections(self, crafted, link_server):
        found = links.document_links(crafted.document.sections)
        assert [(link.url, link.kind, link.section.heading) for link in found] == [
            (link_server.url("/ok"), links.SELF_SERVICE, "Dagpenge fra a-kassen"),
            (link_server.url("/missing"), links.CHECKLIST, "Dagpenge fra a-kassen"),
        ]


@pytest.mark.django_db
class TestBackgroundTask:
    def test_task_checks_and_stores_every_link_of_a_guide(self, crafted, links):
        check_guide_links.enqueue(crafted.pk)
        stored = {check.url: check for check in LinkCheck.objects.all()}
        assert stored[links.url("/ok")].result == linkcheck.OK
        missing = stored[links.url("/missing")]
        assert (missing.result, missing.status_code, missing.failed) == (linkcheck.BROKEN, 404, True)
        assert missing.checked_at is not None

    def test_redirect_target_and_status_are_stored(self, crafted, links):
        LinkCheck.record({links.url("/moved"): check_url(links.url("/moved"), LOCAL)})
        check = LinkCheck.objects.get(url=links.url("/moved"))
        assert (check.status_code, check.final_status_code, check.final_url) == (301, 200, links.url("/ok"))
        assert check.status_text == "301 → 200"
        assert check.redirected

    def test_a_recent_result_is_not_checked_again_on_save(self, crafted, links):
        check_guide_links.enqueue(crafted.pk)
        links.reset()
        result = check_guide_links.enqueue(crafted.pk)
        assert links.requests == []
        assert result.return_value["skipped"] == 2

    def test_forced_check_checks_again(self, crafted, links):
        check_guide_links.enqueue(crafted.pk)
        links.reset()
        check_guide_links.enqueue(crafted.pk, force=True)
        assert ("HEAD", "/missing") in links.requests

    def test_draft_links_are_checked_too(self, crafted, links, editor):
        page = GuidePage.objects.get(pk=crafted.pk)
        page.body[0].value["content"].append(("rich_text", f'<p><a href="{links.url("/error")}">Ny</a></p>'))
        page.save_revision(user=editor)
        assert links.url("/error") in guide_urls(page)


@pytest.mark.django_db
class TestCheckOnSave:
    def save(self, client, page):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), guide_form_data(page))

    def test_saving_in_the_editor_checks_links_after_commit(
        self, client, crafted, editor, links, settings, django_capture_on_commit_callbacks
    ):
        settings.VEJVISER_LINKCHECK_ON_SAVE = True
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            assert self.save(client, crafted).status_code == 302
            assert not LinkCheck.objects.exists()  # nothing runs before the commit
        assert len(callbacks) == 1
        assert LinkCheck.objects.get(url=links.url("/missing")).result == linkcheck.BROKEN

    def test_no_check_on_save_when_turned_off(
        self, client, crafted, editor, links, settings, django_capture_on_commit_callbacks
    ):
        settings.VEJVISER_LINKCHECK_ON_SAVE = False
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            self.save(client, crafted)
        assert callbacks == []
        assert links.requests == []

    def test_loading_the_demo_never_checks_links(
        self, demo, settings, django_capture_on_commit_callbacks, monkeypatch
    ):
        settings.VEJVISER_LINKCHECK_ON_SAVE = True

        def refuse(*args, **kwargs):
            raise AssertionError("load_demo must not contact the internet")

        monkeypatch.setattr(linkcheck, "check_url", refuse)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", "--refresh", stdout=io.StringIO())
        assert not LinkCheck.objects.exists()


@pytest.mark.django_db
class TestCommand:
    def test_check_links_checks_every_guide_and_names_the_broken(self, crafted, links):
        out = io.StringIO()
        call_command("check_links", stdout=out)
        output = out.getvalue()
        assert "2 links in 1 guide(s): ok 1, broken 1" in output
        assert links.url("/missing") in output
        assert LinkCheck.objects.count() == 2

    def test_stale_only_skips_recent_results(self, crafted, links):
        call_command("check_links", stdout=io.StringIO())
        links.reset()
        out = io.StringIO()
        call_command("check_links", "--stale-only", stdout=out)
        assert "skipped 2" in out.getvalue()
        assert links.requests == []

    def test_one_guide_by_slug(self, crafted, guide, links):
        call_command("check_links", "--guide", crafted.slug, stdout=io.StringIO())
        assert set(LinkCheck.objects.values_list("url", flat=True)) == {
            links.url("/ok"),
            links.url("/missing"),
        }

    def test_unknown_slug_is_an_error(self, crafted):
        with pytest.raises(CommandError, match="findes-ikke"):
            call_command("check_links", "--guide", "findes-ikke", stdout=io.StringIO())
