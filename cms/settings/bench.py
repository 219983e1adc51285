"""The benchmark, load and soak runs (`make bench`, `make load`, bench/soak.py): production-like
(DEBUG off, PostgreSQL, Redis, gunicorn), plus two things that exist only here:

- Wagtail's own v3 API, mounted at /wagtail-api/v3/ as the peer the benchmark compares with,
  and a trivial view returning bytes from memory (the in-process ceiling): bench/urls.py;
- the ``bench`` app with ``PlainGuidePage``, a plain Wagtail page with the same StreamFields
  as a guide and none of our publish hooks (the peer for the publish timing).

Never used for a real site: the secret key has a fixed default and HTTPS is not enforced.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    raise ImproperlyConfigured("The bench settings need DATABASE_URL=postgres://… (make bench sets it).")
if not REDIS_URL:
    raise ImproperlyConfigured("The bench settings need REDIS_URL=redis://… (make bench sets it).")

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v3", "bench"]
ROOT_URLCONF = "bench.urls"

# Background tasks run inside the action that enqueues them, so the publish timing includes
# whatever runs on publish (pre-rendering, export, webhooks); set TASKS_BACKEND to measure
# with a separate worker instead.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
VEJVISER_LINKCHECK_ON_SAVE = False
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")}}
