"""The settings read the environment: embedded default, services from URLs, production refusals."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); print(json.dumps({"
    "'db': settings.DATABASES['default']['ENGINE'], 'cache': settings.CACHES['default']['BACKEND'],"
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'broker': settings.CELERY_BROKER_URL,"
    "'cache_url': settings.CACHES['default'].get('LOCATION'),"
    "'apps': settings.INSTALLED_APPS}))"
)
VARIABLES = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "BASE_URL")
NOT_INHERITED = (*VARIABLES, "CACHE_URL", "CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def run(settings_module: str, code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_embedded_default_needs_no_service():
    result = run("mitwirken.settings.dev", SHOW)
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["eager"] is True


def test_database_and_redis_urls_switch_to_the_services():
    result = run(
        "mitwirken.settings.dev",
        SHOW,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/mitwirken",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.postgresql"
    assert "django.contrib.postgres" in values["apps"]
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["eager"] is False
    assert values["broker"] == values["cache_url"] == "redis://127.0.0.1:6379/3"


def test_cache_and_broker_may_have_urls_of_their_own():
    result = run(
        "mitwirken.settings.dev",
        SHOW,
        REDIS_URL="redis://127.0.0.1:6379/3",
        CACHE_URL="redis://cache.internal:6379/1",
        CELERY_BROKER_URL="redis://broker.internal:6379/2",
    )
    values = json.loads(result.stdout)
    assert values["cache_url"] == "redis://cache.internal:6379/1"
    assert values["broker"] == "redis://broker.internal:6379/2"


PRODUCTION = {
    "SECRET_KEY": "k7Qe2-Vr9xLm4pTz8Ws1Nb6Hd3Jf0Yc5Ua7Ri2Og9Ek4Pl1Mn8Bq",
    "ALLOWED_HOSTS": "mitwirken.dortmund.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/mitwirken",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_HOST": "smtp.dortmund.example",
    "BASE_URL": "https://mitwirken.dortmund.example",
}


@pytest.mark.parametrize("missing", VARIABLES)
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    result = run("mitwirken.settings.production", SHOW, **env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "production settings need" in result.stderr


def test_production_passes_the_deploy_checks_without_a_warning():
    code = (
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = run("mitwirken.settings.production", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
