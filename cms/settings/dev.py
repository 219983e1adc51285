"""Local development: `make run`. Debug on, console e-mail, tasks run in-process."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-vejviser-local-development-only")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
INTERNAL_IPS = ["127.0.0.1"]

# Without a worker running, background tasks run in the request; set TASKS_BACKEND to
# django_tasks_db.DatabaseBackend and start `manage.py db_worker` to try the real thing.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Saving a guide in the admin does not check its links against the internet in
# development; `manage.py check_links` does it on request.
VEJVISER_LINKCHECK_ON_SAVE = env_bool("VEJVISER_LINKCHECK_ON_SAVE", False)

# runserver serves static files itself in development.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]
