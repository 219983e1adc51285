"""Case 19, DoS limits: oversized uploads, pixel bombs, long query strings, many answer
parameters, long search strings and huge image filter specs are refused or bounded. The
work is shown to be bounded by counting (database queries, bytes), not by timing.
"""

from __future__ import annotations

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.security.conftest import png_bytes

pytestmark = pytest.mark.django_db


def pixel_bomb(width=12_000, height=12_000) -> bytes:
    """A valid PNG of 144 megapixels that is only a few hundred kilobytes."""
    import struct

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + b"\x00" * width  # filter byte + one grey byte per pixel
    compressor = zlib.compressobj(9)
    raw = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@pytest.fixture
def admin_client(admin_user, media):
    client = Client()
    client.force_login(admin_user)
    return client


class TestUploads:
    def test_an_image_over_the_size_limit_is_refused_and_not_stored(self, admin_client, settings):
        big = png_bytes() + b"\x00" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
        response = admin_client.post(
            reverse("wagtailimages:add"), {"title": "Stor", "file": SimpleUploadedFile("stor.png", big)}
        )
        assert response.status_code == 200
        assert "file" in response.context["form"].errors
        assert not get_image_model().objects.exists()

    def test_a_pixel_bomb_is_refused_before_it_is_decoded(self, admin_client, settings):
        bomb = pixel_bomb()
        assert len(bomb) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        response = admin_client.post(
            reverse("wagtailimages:add"), {"title": "Bombe", "file": SimpleUploadedFile("bombe.png", bomb)}
        )
        assert response.status_code == 200
        assert "file" in response.context["form"].errors
        assert not get_image_model().objects.exists()

    def test_any_request_body_over_the_limit_is_a_413_before_it_is_read(self, admin_client, settings):
        settings.MAX_REQUEST_BODY_SIZE = 64 * 1024
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {"title": "Kæmpe", "file": SimpleUploadedFile("kaempe.txt", b"x" * (128 * 1024))},
        )
        assert response.status_code == 413
        assert not get_document_model().objects.exists()

    def test_a_document_within_the_limit_is_accepted(self, admin_client, world):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Lille",
                "file": SimpleUploadedFile("lille.txt", b"x" * 1024),
                "collection": world.objects["collection"].pk,
            },
        )
        assert response.status_code == 302
        assert get_document_model().objects.filter(title="Lille").exists()

    def test_too_many_form_fields_are_a_400(self, admin_client, settings):
        data = {f"felt{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
        assert admin_client.post(reverse("wagtailimages:add"), data).status_code == 400


class TestQueryStrings:
    """The work per request does not grow with the number or length of parameters."""

    def queries(self, django_assert_max_num_queries, client, url, limit):
        with django_assert_max_num_queries(limit):
            return client.get(url)

    @pytest.mark.parametrize("count", [10, 5000])
    def test_many_unknown_answer_parameters_cost_the_same_queries_in_the_api(
        self, client, guide, count, django_assert_max_num_queries
    ):
        query = "&".join(f"spoergsmaal{i}=ja" for i in range(count))
        response = self.queries(
            django_assert_max_num_queries, client, f"/api/v1/guides/{guide.slug}/?{query}", 6
        )
        assert response.status_code == 400
        assert len(response.json()["errors"]) == count

    @pytest.mark.parametrize("count", [10, 5000])
    def test_many_unknown_answer_parameters_cost_the_same_queries_on_the_page(
        self, client, guide, count, django_assert_max_num_queries
    ):
        query = "&".join(f"spoergsmaal{i}=ja" for i in range(count))
        response = self.queries(django_assert_max_num_queries, client, f"{guide.url}?{query}", 12)
        assert response.status_code == 400

    def test_more_parameters_than_django_reads_are_a_400(self, client, guide, settings):
        query = "&".join(f"p{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
        assert client.get(f"/api/v1/guides/{guide.slug}/?{query}").status_code == 400
        assert client.get(f"{guide.url}?{query}").status_code == 400

    def test_a_very_long_answer_is_a_400_that_does_not_echo_more_than_it_got(self, client, guide):
        value = "a" * 100_000
        api = client.get(f"/api/v1/guides/{guide.slug}/?akasse={value}")
        assert api.status_code == 400
        assert len(api.content) < 2 * len(value) + 10_000
        page = client.get(f"{guide.url}?akasse={value}&dato={value}")
        assert page.status_code == 400
        assert len(page.content) < 3 * len(value) + 100_000

    @pytest.mark.parametrize(
        "url",
        [
            "/admin/pages/search/",
            "/admin/snippets/choose/guides/authority/",
            "/admin/documents/",
            "/admin/reports/site-history/",
            "/admin/godkendelse/log/",
        ],
    )
    def test_a_long_admin_search_is_a_400_before_any_query(
        self, client, guide, admin_user, url, django_assert_max_num_queries
    ):
        client.force_login(admin_user)
        with django_assert_max_num_queries(0):
            response = client.get(url, {"q": "ledig " * 5000})
        assert response.status_code == 400  # Wagtail alone: RecursionError, a 500

    def test_an_ordinary_admin_search_still_works(self, client, guide, editor):
        client.force_login(editor)
        response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Guide testguide ledig"})
        assert response.status_code == 200
        assert guide.title in response.content.decode()


class TestImageFilterSpecs:
    @pytest.fixture
    def image(self, media):
        from django.core.files.images import ImageFile

        return get_image_model().objects.create(
            title="Logo", file=ImageFile(io.BytesIO(png_bytes(40, 30)), name="logo.png")
        )

    @pytest.mark.parametrize(
        "spec", ["width-100000000", "fill-99999999x99999999", "max-99999999x99999999", "scale-1000000"]
    )
    def test_huge_sizes_do_not_make_huge_renditions(self, admin_client, image, spec):
        response = admin_client.get(reverse("wagtailimages:preview", args=[image.pk, spec]))
        assert response.status_code in (200, 400)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body) < 1_000_000
        if response.status_code == 200:
            from PIL import Image as PILImage

            width, height = PILImage.open(io.BytesIO(body)).size
            assert width * height <= 40 * 30 * 4  # never upscaled beyond the original (x4 at most)

    def test_a_nonsense_filter_spec_is_a_400(self, admin_client, image):
        response = admin_client.get(reverse("wagtailimages:preview", args=[image.pk, "x" * 5000]))
        assert response.status_code == 400
