"""Fast, deterministic settings for the test suite."""

import os

# One id per test run (inherited by pytest-xdist's workers and by the server processes tests
# start): the run's test databases (tests/conftest.py) and its Redis keys are its own, so two
# runs on one machine, and two workers of one run, never touch each other's data. (An xdist
# worker's own prefix is set in tests/conftest.py: the worker is named after this runs.)
os.environ.setdefault("VEJVISER_TEST_RUN", str(os.getpid()))
os.environ.setdefault(
    "CACHE_KEY_PREFIX",
    "vejviser-test-{}-{}".format(
        os.environ["VEJVISER_TEST_RUN"], os.environ.get("PYTEST_XDIST_WORKER", "main")
    ),
)

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not REDIS_URL:
    # With REDIS_URL (CI's PostgreSQL run) the suite runs against the shared Redis cache.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "vejviser-tests",
            "TIMEOUT": None,
        }
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests never contact the internet: link checks run only where a test turns them on
# against its own loopback server.
VEJVISER_LINKCHECK_ON_SAVE = False
LANGUAGE_CODE = "da"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"], "level": "WARNING"},
}

# Tests serve static files through Django's own handler (live_server), not WhiteNoise.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not shared-cache memory: the live server's threads (browser tests) then wait
    # for each other's transactions instead of failing with "database table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

# The warm path's in-process memo is off in tests (tests change the cache directly and expect
# the next request to see it); tests/delivery/test_memo.py turns it on.
VEJVISER_DELIVERY_MEMO_SECONDS = float(os.environ.get("VEJVISER_DELIVERY_MEMO_SECONDS", "0"))
