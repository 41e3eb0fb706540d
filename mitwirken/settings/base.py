"""Settings shared by every environment.

Every value that differs between machines comes from the environment. With no variable set the
portal runs embedded: SQLite, Celery tasks run eagerly in-process, local-memory cache, mail to the
console. ``DATABASE_URL`` switches to PostgreSQL, ``REDIS_URL`` to Redis for cache and broker.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("MITWIRKEN_VAR_DIR", BASE_DIR / "var"))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation patches Wagtail's Page and must load before every translated app.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "mitwirken.accounts",
    "mitwirken.places",
    "mitwirken.editorial",
    "mitwirken.web",
    "mitwirken.pages",
    "mitwirken.notifications",
    "mitwirken.privacy",
    "mitwirken.council",
    "mitwirken.opendata",
    "toolkit",
    "training",
    "participation",
    "evaluation",
    "wegweiser",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "mitwirken.accounts.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "allauth",
    "allauth.account",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]
FORM_RENDERER = "mitwirken.web.rendering.KernFormRenderer"

MIDDLEWARE = [
    # The page cache for visitors (mitwirken/web/page_cache.py): the response side first, so it
    # reads what every other middleware made of a page; the lookup once the language is known.
    "mitwirken.web.page_cache.UpdatePageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS for the read API only (CORS_URLS_REGEX), before anything that may answer.
    "corsheaders.middleware.CorsMiddleware",
    # Compresses what every middleware below wrote (Django: before any middleware that reads or
    # changes the body); after whitenoise, which sends static files compressed at collectstatic.
    # A proxy that compresses instead may drop it (docs/deployment.md, "Compression").
    "mitwirken.compression.PortalGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "mitwirken.web.page_cache.FetchPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads the body: a statement's rule and limit come first.
    "participation.middleware.RulesBeforeUploadMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mitwirken.csp.PortalCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "mitwirken.urls"

# The read API under /api/v1/ (mitwirken/opendata, docs/api.md): JSON only (no browsable
# renderer, an unchecked public page), read-only for everyone, errors as one JSON body.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "mitwirken.opendata.pagination.PagePagination",
    "EXCEPTION_HANDLER": "mitwirken.opendata.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MitWIRken in Dortmund API",
    "DESCRIPTION": (
        "Read-only public data of the participation portal. Licence of the data: see "
        "/offene-daten/."
    ),
    "VERSION": "1",
    # 3.1: nullable fields are JSON Schema's own types, so responses validate against it.
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        # online, in person, hybrid: procedures and training sessions share the values
        "PresenceEnum": "participation.models.procedures.ProcedureMode",
        "FormatModeEnum": "toolkit.models.Mode",
        "EffortEnum": "toolkit.models.Level",
    },
    "PREPROCESSING_HOOKS": ["mitwirken.opendata.views.only_this_api"],
    "LICENSE": {"name": "EUPL-1.2 (the software)"},
}
# Cross-origin reads of the API from any site, without credentials; nothing else.
CORS_URLS_REGEX = r"^/api/v1/(?!docs/).*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
WSGI_APPLICATION = "mitwirken.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or any dj-database-url) from DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend uses PostgreSQL full text search through it.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# seed_demo makes one staff account per role with a published password (docs/staff.md): in
# development and the tests, never in production.
DEMO_ACCOUNTS = False

# Cache and Celery broker: Redis from REDIS_URL (CACHE_URL and CELERY_BROKER_URL may name another
# one each), else local memory and eager tasks. When Redis is down the site stays up: a cache
# error is logged and answered as a miss, and a request gives up on the broker within about a
# second (the outbox keeps the mail; beat's sweep sends it once the broker is back).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_URL = os.environ.get("CACHE_URL") or REDIS_URL
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL
REDIS_TIMEOUT = 0.5  # seconds to connect, and to wait for an answer


def redis_cache(url: str) -> dict:
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            # After a timeout, Redis is not asked again for a few seconds (mitwirken/cache.py).
            "CONNECTION_POOL_CLASS": "mitwirken.cache.FailFastConnectionPool",
            "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_TIMEOUT,
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if CACHE_URL:
    CACHES = {"default": redis_cache(CACHE_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache for visitors (docs/performance.md, "Page cache"): the longest a page is kept
# (a new generation of what it shows replaces it at once, the clock at the next phase boundary
# or midnight), and how long a proxy or CDN in front may keep it, which hears of neither.
PAGE_CACHE_SECONDS = 10 * 60
PAGE_CACHE_PROXY_SECONDS = 60
if CELERY_BROKER_URL:
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queuing a task from a request: one attempt with short socket timeouts (the read timeout above
# BRPOP's 1 s, which the worker waits on these connections), so a request is not held when Redis
# is down. What could not be queued is not lost: the only task queued from requests sends the
# outbox, and beat's sweep sends it every minute. The worker reconnects on its own schedule.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
    "max_retries": 0,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TIMEZONE = "Europe/Berlin"
# The OParl import's client (docs/oparl.md): seconds to wait for an answer, retries on timeouts
# and server errors, and the first pause between them in seconds (doubled each time).
OPARL_TIMEOUT = 30
OPARL_RETRIES = 3
OPARL_BACKOFF = 2

CELERY_BEAT_SCHEDULE = {
    # Sends what is due: rows whose broker message was lost, and retries after an SMTP error.
    "notifications-sweep": {"task": "mitwirken.notifications.tasks.send_pending", "schedule": 60},
    "notifications-daily-digest": {
        "task": "mitwirken.notifications.tasks.send_digests",
        "schedule": crontab(hour=7, minute=0),
        "args": ["daily"],
    },
    "notifications-weekly-digest": {
        "task": "mitwirken.notifications.tasks.send_digests",
        "schedule": crontab(hour=7, minute=0, day_of_week="monday"),
        "args": ["weekly"],
    },
    # Moderators' mail of the reports of each ended window (a report also asks for it itself).
    "participation-report-alerts": {
        "task": "participation.tasks.send_report_alerts",
        "schedule": 60,
    },
    "participation-announce-phases": {
        "task": "participation.tasks.announce_phases",
        "schedule": crontab(hour=7, minute=0),
    },
    "participation-results-reminders": {
        "task": "participation.tasks.send_results_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "toolkit-review-reminders": {
        "task": "toolkit.tasks.send_review_reminders",
        "schedule": crontab(hour=8, minute=30),
    },
    # The council's information (docs/oparl.md): what changed since the last run, every hour
    # from 6 to 22 (councils publish papers and meetings during the day), nothing when no OParl
    # endpoint is set.
    "council-oparl-import": {
        "task": "mitwirken.council.tasks.import_oparl",
        "schedule": crontab(hour="6-22", minute=15),
    },
    # Retention (docs/privacy.md): every rule of every app's personal_data.py, once a night.
    "privacy-retention": {
        "task": "mitwirken.privacy.tasks.run_retention",
        "schedule": crontab(hour=3, minute=30),
    },
    # The open data downloads (docs/api.md): every dataset as JSON and CSV, after the retention.
    "opendata-dumps": {
        "task": "mitwirken.opendata.tasks.build_dumps",
        "schedule": crontab(hour=4, minute=0),
    },
    # The day before a training: the first run at 9:00 reminds everyone registered by then,
    # the later ones who registered since (once per place).
    "training-session-reminders": {
        "task": "training.tasks.send_session_reminders",
        "schedule": crontab(hour="9-20", minute=0),
    },
    # The online room's link TRAINING_LINK_HOURS before the start.
    "training-online-links": {"task": "training.tasks.send_online_links", "schedule": 300},
    # Places offered from a waiting list pass on when their time to confirm has run out.
    "training-expire-offers": {"task": "training.tasks.expire_offers", "schedule": 300},
    # After a session: the feedback seam (training.signals.session_ended), once per session.
    "training-request-feedback": {"task": "training.tasks.request_feedback", "schedule": 900},
    # After a phase or the procedure ends: its participants are invited to its open survey.
    "evaluation-invite-participants": {
        "task": "evaluation.tasks.invite_participants",
        "schedule": crontab(hour="9-19", minute=15),
    },
    # One reminder, EVALUATION_REMINDER_DAYS after the invitation, to who has not answered.
    "evaluation-send-reminders": {
        "task": "evaluation.tasks.send_reminders",
        "schedule": crontab(hour=10, minute=0),
    },
}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# allauth: e-mail is the login, verified before the first sign-in; the public name is a pseudonym.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "mitwirken.accounts.forms.SignupForm"
# Links in allauth's mails lead to the portal's public address (mitwirken/web/links.py);
# signing in, up and out leads back to where the person was, in their language.
ACCOUNT_ADAPTER = "mitwirken.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[MitWIRken] "
ACCOUNT_LOGOUT_ON_GET = False
# The client address for allauth's rate limits and ours (mitwirken.limits): REMOTE_ADDR unless
# the app runs behind proxies of our own. TRUSTED_PROXY_COUNT: how many of them append to
# X-Forwarded-For (the address that many entries from the right is the client's);
# TRUSTED_CLIENT_IP_HEADER: a header our proxy sets to the client's address (e.g. X-Real-IP),
# used instead. Without either, a client's X-Forwarded-For is ignored.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"

# Languages: German first (no URL prefix), English under /en/. Other languages fall back to German.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads that are not public by nature (a formal statement's PDF) live outside MEDIA_ROOT and
# have no URL: a view checks the permission and sends them (mitwirken/files.py). Behind nginx,
# PRIVATE_MEDIA_ACCEL_REDIRECT names its internal location for this folder (e.g. /_private/).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "mitwirken.files.PrivateStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail: console by default; EMAIL_URL-like settings from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "MitWIRken in Dortmund <mitwirken@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where feedback from the accessibility statement goes.
STAFF_EMAIL = os.environ.get("STAFF_EMAIL", "ombudsstelle@localhost")

WAGTAIL_SITE_NAME = "MitWIRken in Dortmund"
# The portal's public address (scheme, host and port) for every link that leaves the site: mails
# (ours, allauth's, Wagtail's), calendar files, the sitemap. Without it, links take the default
# site's host name and port (Settings → Sites), see mitwirken/web/links.py; `make run` sets it to
# the address it serves on. Wagtail's own admin mails need it set (system check W003).
BASE_URL = os.environ.get("BASE_URL", "")
WAGTAILADMIN_BASE_URL = BASE_URL or None
# Double opt-in: the version of the consent text shown, and how long a confirmation link lives.
NOTIFICATIONS_CONSENT_VERSION = "2026-12"
NOTIFICATIONS_CONFIRM_DAYS = 7
# Data protection (docs/privacy.md). The version of the privacy notice that the sign-up and the
# formal statement form show and store with what they save: raise it when the notice changes.
PRIVACY_NOTICE_VERSION = "2026-12"
# What the nightly retention run ends, after how many days:
# sent mails (outbox rows and rendered messages), the sender of accessibility feedback and the
# reporter of a report, accounts whose address was never confirmed. A download of one's own data
# can be fetched this many days.
PRIVACY_MAIL_DAYS = 90
PRIVACY_FEEDBACK_DAYS = 365
PRIVACY_REPORT_DAYS = 365
PRIVACY_UNCONFIRMED_ACCOUNT_DAYS = 7
# Cancelled training registrations and places on a waiting list, this many days after the
# session; registrations that held a place stay for the certificate until the account goes.
PRIVACY_TRAINING_DAYS = 90
# Who was invited to a survey and who answered it, this many days after the survey closed.
PRIVACY_SURVEY_DAYS = 30
PRIVACY_EXPORT_DAYS = 7
# A request repeated within this many minutes sends no second confirmation mail: the first
# link stays valid, and nobody can flood an inbox with one address and target.
NOTIFICATIONS_RESEND_MINUTES = 15
# Staff are reminded when a procedure has been closed this many days without results.
PARTICIPATION_RESULTS_REMINDER_DAYS = 30
# Moderators get one mail per this many minutes listing the reports of that time, not one each.
PARTICIPATION_REPORT_ALERT_MINUTES = 10
# Abuse limits of public writes (mitwirken.limits): attempts per window in seconds, counted per
# signed-in person and per client address (a keyed hash, never stored). A third number is the
# client's own limit: what needs a verified account gives one address room for a workshop's
# Wi-Fi or a carrier's shared address, where many people send from one address.
HOUR, DAY = 60 * 60, 24 * 60 * 60
RATE_LIMITS = {
    "participation.proposal": (10, HOUR, 50),
    "participation.comment": (30, HOUR, 150),
    "participation.statement": (5, HOUR, 25),
    # Formal statements without an account, per client: no person to count by.
    "participation.statement_anonymous": (10, HOUR),
    "participation.report": (10, HOUR),
    # Anonymous poll votes per client per poll per day (a household or office shares an address).
    "participation.poll_anonymous": (20, DAY),
    "pages.feedback": (5, HOUR),
    # Profile changes on the account page, per person (display name, real name, language).
    "accounts.profile": (30, HOUR, 150),
    "notifications.subscribe": (10, HOUR),
    # Confirmation mails to one address, whoever asks: the form cannot flood an inbox.
    "notifications.subscribe_address": (5, HOUR),
    "toolkit.suggest": (3, DAY),
    # Attempts to delete one's own account (each checks the password), per person and client.
    "accounts.delete": (5, HOUR, 20),
    # Registering for and cancelling training sessions, per person (a shared address: a course
    # room's Wi-Fi).
    "training.enrol": (20, HOUR, 100),
    # Lessons marked as done, per person (a course room's Wi-Fi shares an address).
    "training.lesson": (200, HOUR, 1000),
    # Checks of a certificate's code, per client: enough for an office, too few to guess codes.
    "training.certificate_check": (30, HOUR),
    # Answers sent to one survey, per person and per client (paper codes typed in at an event
    # share its Wi-Fi).
    "evaluation.answer": (10, HOUR, 200),
    # Codes of printed invitations typed in, per client: enough for an event, too few to guess.
    "evaluation.code": (60, HOUR),
    # Downloads of one's own data asked for one person, whoever asks (the person, or staff on
    # their request): each one builds a ZIP of everything.
    "accounts.export": (3, DAY),
}
# Anonymous poll votes: how long the signed form token of a poll lives (seconds), and when the
# moderators are alarmed: more than this many anonymous votes on one poll within the window.
PARTICIPATION_POLL_TOKEN_MAX_AGE = 4 * HOUR
PARTICIPATION_POLL_ALARM = (50, 10 * 60)
# Training: how long a place offered from the waiting list waits for its confirmation (hours,
# never beyond the start); how long before the start the online room's link goes out (hours);
# the e-mail domains whose accounts may register for internal (administration) sessions.
TRAINING_OFFER_HOURS = 48
TRAINING_LINK_HOURS = 2
# Days after a survey's invitation until its one reminder to who has not answered.
EVALUATION_REMINDER_DAYS = 7
TRAINING_STAFF_EMAIL_DOMAINS = env_list("TRAINING_STAFF_EMAIL_DOMAINS", "stadtdo.de")
# On PostgreSQL, full text search with German stemming ("Beteiligungen" finds "Beteiligung").
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "pdf", "pptx", "txt", "webm", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
# Documents always go through Wagtail's view, which checks the privacy of their collection;
# never a redirect to the raw file under /media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin requests nothing from another origin either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
# Wagtail's login form with a translated label for the password (mitwirken/accounts/admin/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "mitwirken.accounts.admin.forms.LoginForm"

# Content Security Policy: everything from this origin only, no inline scripts anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# No e-mail address, IP address or token in a log line (docs/deployment.md, "Logs"): every
# handler masks them. Django's own handlers give way to these (its console and its mail to
# ADMINS would write unmasked), and runserver's request lines go through the same filter.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "mitwirken.privacy.logging.PersonalDataFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_data"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # Wagtail logs every page action and background task at INFO; keep the console readable.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
