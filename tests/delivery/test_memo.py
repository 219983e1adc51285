"""The warm path's in-process memo: it spares the shared cache a round trip for a short,
configured time, is bounded, and a change in this process empties it at once."""

import pytest
from django.core.cache import cache

from guides.delivery import memo, prerender
from tests.api.conftest import publish_new_revision
from tests.delivery.conftest import api, html

pytestmark = pytest.mark.django_db

URL = api("hvis-du-bliver-ledig", "akasse=ja")


@pytest.fixture
def memo_on(settings):
    settings.VEJVISER_DELIVERY_MEMO_SECONDS = 0.5
    memo.clear()
    yield
    memo.clear()


@pytest.fixture
def clock(monkeypatch):
    """The memo's clock, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    return now


@pytest.fixture
def warm(demo):
    prerender.warm_all()
    return demo


def test_a_warm_response_is_served_from_the_memo_without_the_shared_cache(
    warm, memo_on, clock, client, monkeypatch
):
    first = client.get(URL)

    def no_cache(*args, **kwargs):
        raise AssertionError("the shared cache was asked")

    monkeypatch.setattr(cache, "get_many", no_cache)
    second = client.get(URL)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_after_its_lifetime_the_shared_cache_decides_again(warm, memo_on, clock, client, monkeypatch):
    client.get(URL)
    asked = []
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: asked.append(keys) or real_get_many(keys))
    clock[0] += 0.4
    client.get(URL)
    assert asked == []
    clock[0] += 0.2
    assert client.get(URL).status_code == 200
    assert len(asked) == 1


def test_a_publish_in_this_process_is_served_at_once(
    warm, memo_on, clock, client, django_capture_on_commit_callbacks
):
    urls = [URL, html("hvis-du-bliver-ledig", "akasse=ja")]
    for url in urls:
        assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_revision(warm["hvis-du-bliver-ledig"], title="Markør efter memo")
    for url in urls:
        assert "Markør efter memo" in client.get(url).content.decode(), url


def test_conditional_requests_from_the_memo_get_a_304(warm, memo_on, clock, client):
    etag = client.get(URL)["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_memo_is_bounded(memo_on, clock):
    for number in range(memo.MAX_ENTRIES + 50):
        memo.put(("http://testserver", "/x/", str(number)), number)
    assert len(memo._items) == memo.MAX_ENTRIES
    assert memo.get(("http://testserver", "/x/", "0")) is None
    assert memo.get(("http://testserver", "/x/", str(memo.MAX_ENTRIES + 49))) == memo.MAX_ENTRIES + 49


def test_a_lifetime_of_zero_turns_it_off(settings, clock):
    settings.VEJVISER_DELIVERY_MEMO_SECONDS = 0
    memo.clear()
    memo.put(("http://testserver", "/x/", ""), "entry")
    assert memo.get(("http://testserver", "/x/", "")) is None
