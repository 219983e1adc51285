"""Settings shared by every environment. Anything secret or deployment-specific comes
from the environment; see docs/deploy.md for the full list."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


INSTALLED_APPS = [
    "guides",
    "guides.editorial",
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    # After wagtail.admin: it replaces Wagtail's synchronous workflow e-mails.
    "guides.signoff",
    "guides.webhooks",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # django-ninja serves the API docs page (Swagger UI) from its own static files.
    "ninja",
    # Security headers and the admin's login throttle (docs/security.md).
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Request bodies over MAX_REQUEST_BODY_SIZE are a 413 before they are read.
    "guides.security.limits.RequestBodyLimitMiddleware",
    # Search strings longer than MAX_SEARCH_QUERY_LENGTH are a 400.
    "guides.security.limits.SearchQueryLimitMiddleware",
    # django-csp writes the Content-Security-Policy; ours picks the admin's and the API
    # docs' own policy by path (guides/security/csp.py).
    "csp.middleware.CSPMiddleware",
    "guides.security.csp.PolicyByPathMiddleware",
    # Outside LocaleMiddleware: API responses do not vary by language (guides/api/middleware.py).
    "guides.api.middleware.ApiResponseHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The warm path: anonymous guide pages and API variants straight from the cache, with
    # the security, CSP and API headers above still applied (guides/delivery/middleware.py).
    "guides.delivery.middleware.DeliveryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's page chooser and page bulk actions name any page: editors only.
    "guides.security.admin_scope.PageToolsForPageEditorsMiddleware",
    # A crafted or broken page-editor post is a 400 with nothing saved, never a 500.
    "guides.security.formdata.MalformedPageFormMiddleware",
    "guides.signoff.middleware.ConcurrentActionMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses logins of a locked-out username from that address before checking the password.
    "guides.security.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default so a fresh clone runs with nothing else installed;
# production and CI set DATABASE_URL to PostgreSQL. Every request runs in one
# transaction, so a failure half-way through an admin action leaves nothing behind.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) is needed as soon as more than one app process serves the
# site; without REDIS_URL each process keeps its own local memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "vejviser"),
            "TIMEOUT": None,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "vejviser",
            "TIMEOUT": None,
        }
    }

# Delivery (guides/delivery, docs/architecture.md "Caching and delivery"): pre-rendered
# audience variants in the cache, the static export and the CDN purge.
VEJVISER_DELIVERY_ROOT_URLS = env_list("VEJVISER_DELIVERY_ROOT_URLS")
VEJVISER_DELIVERY_VERSION = os.environ.get("VEJVISER_DELIVERY_VERSION", "")
# Each app process keeps the entries it served this long (seconds) before asking Redis again:
# how long another process may still serve a replaced revision (guides/delivery/memo.py).
VEJVISER_DELIVERY_MEMO_SECONDS = float(os.environ.get("VEJVISER_DELIVERY_MEMO_SECONDS", "0.5"))
VEJVISER_STATIC_EXPORT_DIR = os.environ.get("VEJVISER_STATIC_EXPORT_DIR", "")
VEJVISER_PURGE_MAX_ATTEMPTS = int(os.environ.get("VEJVISER_PURGE_MAX_ATTEMPTS", "6"))
VEJVISER_PURGE_RETRY_BASE_DELAY = float(os.environ.get("VEJVISER_PURGE_RETRY_BASE_DELAY", "30"))
VEJVISER_PURGE_RETRY_MAX_DELAY = float(os.environ.get("VEJVISER_PURGE_RETRY_MAX_DELAY", "3600"))

# Background work (notification e-mails, webhooks, link checks, static export).
# Production runs the database backend with `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Editor tools (guides/editorial, docs/editor-tools.md). Link checks contact the sites the
# guides link to: each request times out, and only so many run at once.
VEJVISER_LINKCHECK_ON_SAVE = env_bool("VEJVISER_LINKCHECK_ON_SAVE", True)
VEJVISER_LINKCHECK_TIMEOUT = float(os.environ.get("VEJVISER_LINKCHECK_TIMEOUT", "10"))
VEJVISER_LINKCHECK_MAX_CONCURRENCY = int(os.environ.get("VEJVISER_LINKCHECK_MAX_CONCURRENCY", "4"))
VEJVISER_LINKCHECK_RECHECK_AFTER_HOURS = float(os.environ.get("VEJVISER_LINKCHECK_RECHECK_AFTER_HOURS", "24"))
VEJVISER_LINKCHECK_ALLOW_PRIVATE_ADDRESSES = False
VEJVISER_REVIEW_RENEWAL_DAYS = int(os.environ.get("VEJVISER_REVIEW_RENEWAL_DAYS", "182"))
VEJVISER_REVIEW_SOON_DAYS = int(os.environ.get("VEJVISER_REVIEW_SOON_DAYS", "30"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static", ("dkfds", BASE_DIR / "vendor" / "dkfds")]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content-Security-Policy (django-csp). The citizen pages: our own files only, no inline
# script, no plugins, never framed. The admin and the API's docs page get their own policy
# (guides/security/csp.py), as Wagtail's admin and swagger-ui need inline styles.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_NONE],
        "frame-ancestors": [_NONE],
        "form-action": [_SELF],
    }
}
CSP_ADMIN_DIRECTIVES = {
    "default-src": [_SELF],
    "script-src": [_SELF, "'unsafe-inline'"],
    "style-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:", "blob:"],
    "font-src": [_SELF, "data:"],
    "connect-src": [_SELF],
    "frame-src": [_SELF],
    "object-src": [_NONE],
    "base-uri": [_SELF],
    # The editor's live preview is an iframe of the admin itself.
    "frame-ancestors": [_SELF],
    "form-action": [_SELF],
}
CSP_API_DOCS_DIRECTIVES = {
    "default-src": [_SELF],
    "script-src": [_SELF],
    "style-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:"],
    "connect-src": [_SELF],
    "object-src": [_NONE],
    "base-uri": [_NONE],
    "frame-ancestors": [_NONE],
    "form-action": [_SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the admin's preview views say SAMEORIGIN themselves

# The admin's login throttle (django-axes): after AXES_FAILURE_LIMIT wrong passwords for
# one username from one address, that pair is locked out for AXES_COOLOFF_TIME hours; a
# correct password is refused too until then. Every failed attempt is kept (AccessAttempt).
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/login_locked_out.html"
AXES_VERBOSE = False

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Any request body, uploads included (documents have no limit of their own in Wagtail).
MAX_REQUEST_BODY_SIZE = int(os.environ.get("MAX_REQUEST_BODY_SIZE", str(12 * 1024 * 1024)))
MAX_SEARCH_QUERY_LENGTH = 255
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: everything from the environment; the console backend is the safe default.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "vejviser@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Vejviser"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 32_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin would send a hash of every user's e-mail address
# to a third party (and the admin's Content-Security-Policy allows no outside images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# The accessibility statement (/tilgaengelighedserklaering/) shows what the latest run of
# the accessibility tests verified, from the report they write. A deployment copies CI's
# report to this path; without one, the statement says that no run is on record.
ACCESSIBILITY_REPORT = Path(
    os.environ.get("ACCESSIBILITY_REPORT", BASE_DIR / "test-artifacts" / "accessibility-report.json")
)
# Where citizens report accessibility problems; default: the contact address of the
# authority that signs off the guides' frame (Authority.owns_frame, Digitaliseringsstyrelsen).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")

# Sign-off (guides/signoff): publish the revision the authorities signed, not the latest;
# Wagtail's own workflow e-mails are replaced by notifications to the people involved.
WAGTAIL_FINISH_WORKFLOW_ACTION = "guides.signoff.finish.publish_signed_revision"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False  # sign-offs are bound to fingerprints instead
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# The sign-off audit trail (one JSON line per event) goes to its own sink when
# VEJVISER_AUDIT_LOG names a file; the database keeps the authoritative copy either way.
AUDIT_LOG = os.environ.get("VEJVISER_AUDIT_LOG", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"bare": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "audit": (
            {"class": "logging.handlers.WatchedFileHandler", "filename": AUDIT_LOG, "formatter": "bare"}
            if AUDIT_LOG
            else {"class": "logging.NullHandler"}
        ),
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per task state change is too chatty for a console.
        "django_tasks": {"level": "WARNING"},
        "vejviser.audit": {"handlers": ["audit"], "level": "INFO", "propagate": False},
    },
}

# Publish webhooks (guides/webhooks) and the API (guides/api); defaults in docs/api.md.
WEBHOOKS_REQUIRE_HTTPS = env_bool("WEBHOOKS_REQUIRE_HTTPS", False)
API_PREVIEW_TOKEN_LIFETIME = int(os.environ.get("API_PREVIEW_TOKEN_LIFETIME", "3600"))
