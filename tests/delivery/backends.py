"""Frontend cache backends for the purge tests: one records, one fails a set number of times."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class RecordingBackend(BaseBackend):
    purged: list[str] = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


class FlakyBackend(BaseBackend):
    """Raises for the first ``failures`` purges (class attribute, set by the test)."""

    failures = 0
    attempts = 0
    purged: list[str] = []

    def purge_batch(self, urls):
        FlakyBackend.attempts += 1
        if FlakyBackend.attempts <= FlakyBackend.failures:
            raise ConnectionError("CDN unreachable")
        FlakyBackend.purged.extend(urls)

    def purge(self, url):
        self.purge_batch([url])
