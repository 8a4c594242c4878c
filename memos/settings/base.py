"""Settings every environment shares, read from the environment (dev, production and test build on it)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Development gets a throwaway key; production settings refuse to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-dev-only-key-change-me"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "memos",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy headers (below).
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A path or query string with control characters is a 400 before any view reads it.
    "memos.site.parameters.ParameterMiddleware",
    "memos.caching.TokenMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After (memos.outage).
    "memos.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "memos.urls"
WSGI_APPLICATION = "memos.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite file in the project unless DATABASE_URL says otherwise (postgres://...); set but empty
# (as an env file or a container template may leave it) means unset.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Several writers (import commands, the admin) share one file: wait for the lock
            # (the busy timeout, in seconds) instead of failing.
            "timeout": 20,
            # A deferred transaction that reads, then writes, cannot wait for a writer that got
            # in between: SQLite fails it at once ("database is locked"). Taking the write lock
            # when the transaction begins makes it wait its turn instead.
            "transaction_mode": "IMMEDIATE",
            # Readers never block the writer, nor the writer readers (the mode stays with the file).
            "init_command": "PRAGMA journal_mode=WAL",
        }
    )

# Counts and related memos are cached under a data version kept in the database
# (memos/caching.py), so any cache is correct: each process's own memory by default (no server to
# run), or Redis with REDIS_URL, where one computation serves every worker of every app server.
# Entries of old versions are never read again and go as the cache fills (or expires).
# The "throttle" cache holds the API's request counts per address: with REDIS_URL every worker and
# app server counts together; without it each worker counts on its own (the limit holds per worker).
if os.environ.get("REDIS_URL"):
    CACHES = {
        name: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"{os.environ.get('CACHE_KEY_PREFIX', 'memos')}{suffix}",
        }
        for name, suffix in (("default", ""), ("throttle", "-throttle"))
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "5000"))},
        },
        "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"},
    }

# After a write, the hot pages show their last refreshed figures until a worker has refreshed them
# (memos.site.snapshots); past this many seconds behind, readers compute the figures themselves.
SNAPSHOT_MAX_LAG = int(os.environ.get("SNAPSHOT_MAX_LAG", "600"))
# Besides the hot pages, the refresh keeps snapshots of this many pages readers computed most
# recently (combinations of filters, searches), each read within SNAPSHOT_READ_DAYS.
SNAPSHOT_READ_PAGES = int(os.environ.get("SNAPSHOT_READ_PAGES", "100"))
SNAPSHOT_READ_DAYS = int(os.environ.get("SNAPSHOT_READ_DAYS", "7"))

# Background jobs (memos/tasks.py) wait in the database for `manage.py db_worker`, which needs no
# other server; several workers, on several machines, share one queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where collectstatic writes; a deploy may put it on a path its image or release layout wants.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files where they are collected; plain storage in development
    # and tests, where nothing is collected.
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("COLLECTED_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Production hardening, each switch overridable from the environment.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a load balancer every request comes from its address: the client's is the one the
# proxies appended to X-Forwarded-For, TRUSTED_PROXY_COUNT entries from its end (memos.clients).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only; no
# inline script, style="" attribute or event handler anywhere (templates keep them in static/).
# Imported memo HTML is sanitized already (nh3); this is what holds if a sanitizer ever misses.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # the admin's icons include data: URLs
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): no page of the archive uses a device or sensor,
# so none may, nor may anything framed in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# django-axes: lock an IP and username pair out after repeated failures.
AXES_CLIENT_IP_CALLABLE = "memos.clients.client_address"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # LOG_SQL=1 (with DEBUG=1, when Django records queries) logs every query a process runs.
    "loggers": {"django.db.backends": {"level": "DEBUG" if env_bool("LOG_SQL", False) else "INFO"}},
}

MEMOS_PER_PAGE = 20
# /memos/export/ answers 400 past this many memos.
EXPORT_MAX_MEMOS = 10_000

# The read-only JSON API (memos/api/): anonymous reads, throttled per client address.
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    # JSON only: people browse the API in its docs (/api/docs/); DRF's own browsable pages set
    # inline styles, which the Content-Security-Policy refuses.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "memos.api.policies.Pagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": ["memos.api.policies.AddressThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_THROTTLE_RATE", "120/minute")},
    # Proxies in front whose X-Forwarded-For is trusted for the client's address; with none, the
    # header (which any client can write) is ignored and the connection's address counts.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES") or (1 if env_bool("BEHIND_PROXY", False) else 0)),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Policy Memo Archive API",
    "DESCRIPTION": "Read-only access to the memos, their authors, topics, and the countries and "
    "vendors they mention. The memo list takes the same parameters as /memos/.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files come from drf-spectacular-sidecar, served as our own static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# OAI-PMH (memos/oai/): record identifiers are oai:<this>:memo/<id>; a domain name the archive owns.
OAI_REPOSITORY_IDENTIFIER = os.environ.get("OAI_REPOSITORY_IDENTIFIER", "memo-archive.example.org")
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", "archive@example.org")
