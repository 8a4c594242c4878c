"""Production settings: check --deploy, each security switch, collectstatic, the gunicorn config."""

import json
import os
import re
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "memos.settings.production",
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "memos.example.org",
}


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Python in a fresh process, because settings are read from the environment at import."""
    # Start from the real settings, not what the developer's shell or the test run set.
    # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (for Playwright); production never sets it.
    unset = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return run("manage.py", *args, **env)


def django_code(code: str, **env: str) -> subprocess.CompletedProcess:
    return run("-c", f"import django; django.setup(); {code}", **env)


def test_check_deploy_passes_with_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("secret", ["", "   "])
def test_production_refuses_to_start_without_a_secret_key(secret):
    # Not a warning to act on later: the public fallback key must never sign a session.
    for command in (manage("check", SECRET_KEY=secret), django_code("print('serving')", SECRET_KEY=secret)):
        assert command.returncode != 0, command.stdout
        assert "ImproperlyConfigured: SECRET_KEY is not set" in command.stderr
        assert "serving" not in command.stdout


def test_development_still_starts_without_a_secret_key():
    result = django_code("print('serving')", SECRET_KEY="", DEBUG="1")
    assert result.returncode == 0, result.stderr
    result = django_code("print('serving')", SECRET_KEY="", DJANGO_SETTINGS_MODULE="memos.settings.dev")
    assert result.returncode == 0, result.stderr


def test_an_empty_database_url_means_sqlite():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = django_code(code, DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"
    assert manage("check", DATABASE_URL="").returncode == 0


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_writes_begin_immediate(tmp_path):
    database = tmp_path / "db.sqlite3"
    # Inside an atomic block that has not written yet, another connection must already find
    # the write lock taken (BEGIN IMMEDIATE), rather than both proceed and one fail on its write.
    code = (
        "import sqlite3; from django.db import connection, transaction; "
        "cursor = connection.cursor(); "
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0]); "
        "print(cursor.execute('PRAGMA busy_timeout').fetchone()[0]); "
        "cursor.execute('CREATE TABLE t (x)'); "
        f"other = sqlite3.connect({str(database)!r}, timeout=0, isolation_level=None); "
        "atomic = transaction.atomic(); atomic.__enter__(); connection.cursor().execute('SELECT 1'); "
        "exec('try:\\n other.execute(\\'BEGIN IMMEDIATE\\')\\n print(\\'free\\')\\n"
        "except sqlite3.OperationalError as e:\\n print(e)'); "
        "atomic.__exit__(None, None, None)"
    )
    result = django_code(code, DATABASE_URL=f"sqlite:///{database}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["wal", "20000", "database is locked"]


@pytest.mark.parametrize(
    ("environment", "forwarded", "expected"),
    [
        # Without BEHIND_PROXY the header is the client's to forge: only the socket counts.
        ({}, "203.0.113.7", "10.0.0.1"),
        ({"BEHIND_PROXY": "1"}, "203.0.113.7", "203.0.113.7"),
        # What a client puts in front of the balancer's entry is ignored.
        ({"BEHIND_PROXY": "1"}, "198.51.100.9, 203.0.113.7", "203.0.113.7"),
        (
            {"BEHIND_PROXY": "1", "TRUSTED_PROXY_COUNT": "2"},
            "198.51.100.9, 203.0.113.7, 10.0.0.5",
            "203.0.113.7",
        ),  # noqa: E501
        # A request that did not come through the balancer (a health check) is itself.
        ({"BEHIND_PROXY": "1"}, "", "10.0.0.1"),
        ({"BEHIND_PROXY": "1"}, "not an address", "10.0.0.1"),
    ],
)
def test_axes_sees_the_client_behind_the_trusted_proxies(environment, forwarded, expected):
    code = (
        "from django.test import RequestFactory; from axes.helpers import get_client_ip_address; "
        "request = RequestFactory().post('/admin/login/', REMOTE_ADDR='10.0.0.1', "
        f"HTTP_X_FORWARDED_FOR={forwarded!r}); print(get_client_ip_address(request))"
    )
    result = django_code(code, **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize(
    ("variable", "value", "warning"),
    [
        ("SECURE_SSL_REDIRECT", "0", "security.W008"),
        ("SECURE_HSTS_SECONDS", "0", "security.W004"),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "0", "security.W005"),
        ("SECURE_HSTS_PRELOAD", "0", "security.W021"),
        ("SESSION_COOKIE_SECURE", "0", "security.W012"),
        ("CSRF_COOKIE_SECURE", "0", "security.W016"),
    ],
)
def test_each_security_switch_is_read_from_the_environment(variable, value, warning):
    # Turning one switch off is exactly what check --deploy then complains about, and nothing else.
    result = manage("check", "--deploy", "--fail-level", "WARNING", **{variable: value})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert warning in output
    assert output.count("security.W") == 1, output


def test_debug_turns_the_switches_off_for_development():
    code = (
        "from django.conf import settings as s; import json; print(json.dumps([s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))"
    )
    result = django_code(code, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, 0, False, False]


def test_collectstatic_writes_hashed_compressed_files(tmp_path):
    result = manage("collectstatic", "--noinput", STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert manifest["paths"], "the manifest lists no files"
    original, hashed = next(iter(manifest["paths"].items()))
    assert hashed != original
    assert (tmp_path / hashed).exists()
    assert list(tmp_path.rglob("*.gz")), "whitenoise wrote no compressed copies"


def test_whitenoise_serves_collected_files_with_far_future_caching(tmp_path):
    assert manage("collectstatic", "--noinput", STATIC_ROOT=str(tmp_path)).returncode == 0
    hashed = next(p for p in json.loads((tmp_path / "staticfiles.json").read_text())["paths"].values())
    code = (
        "from django.test import Client; "
        f"r = Client().get('/static/{hashed}', secure=True, HTTP_HOST='memos.example.org'); "
        "print(r.status_code, r.headers.get('Cache-Control'))"
    )
    result = django_code(code, STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    status, cache_control = result.stdout.split(maxsplit=1)
    assert status == "200"
    assert "immutable" in cache_control


def gunicorn_config(monkeypatch, **env) -> dict:
    for name in ("GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_ACCESS_LOG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_defaults(monkeypatch):
    config = gunicorn_config(monkeypatch)
    assert config["workers"] == 2 * os.cpu_count() + 1
    assert config["bind"] == "127.0.0.1:8000"
    assert config["accesslog"] == "-"
    assert config["wsgi_app"] == "memos.wsgi:application"


def test_gunicorn_settings_from_the_environment(monkeypatch):
    config = gunicorn_config(
        monkeypatch, WEB_CONCURRENCY="3", GUNICORN_BIND="0.0.0.0:9000", GUNICORN_ACCESS_LOG="off"
    )
    assert config["workers"] == 3
    assert config["bind"] == "0.0.0.0:9000"
    assert config["accesslog"] is None


def test_production_settings_neither_install_nor_import_the_dev_tools():
    code = (
        "import sys; from django.conf import settings; from django.urls import resolve; resolve('/'); "
        "import django.contrib.admin; "
        "print('memos.devtools' in settings.INSTALLED_APPS, "
        "any(m.startswith('memos.devtools') for m in sys.modules))"
    )
    result = django_code(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
    unknown = manage("bench", "--help")
    assert unknown.returncode != 0
    assert "Unknown command: 'bench'" in unknown.stderr


def test_development_settings_have_the_dev_tools_commands():
    for command in ("bench", "generate_corpus"):
        result = manage("help", command, DJANGO_SETTINGS_MODULE="memos.settings.dev", DEBUG="1")
        assert result.returncode == 0, result.stderr
        assert "usage" in result.stdout


PUBLIC_PAGES = ["/", "/memos/", "/memos/?q=cameras", "/authors/", "/topics/", "/countries/", "/vendors/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/memos/?year=x", "/no-such-page/", "/admin/login/"])
def test_pages_send_a_content_security_policy_and_a_permissions_policy(client, url):
    response = client.get(url)
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == policy["base-uri"] == policy["frame-ancestors"] == "'none'"
    features = dict(part.strip().split("=") for part in response["Permissions-Policy"].split(","))
    assert {features[name] for name in ("camera", "microphone", "geolocation", "payment")} == {"()"}


INLINE = [r"<script(?![^>]*\ssrc=)[^>]*>", r"\sstyle\s*=", r"<style\b", r"\son[a-z]+\s*=\s*[\"']"]


def test_no_template_has_inline_script_style_or_event_handler():
    # The policy above blocks them; the browser tests would see the violations, this finds them first.
    found = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern in (
            r"<script(?![^>]*\ssrc=)[^>]*>",
            r"\sstyle\s*=",
            r"<style\b",
            r"\son[a-z]+\s*=\s*[\"']",
        ):
            found += [f"{template.relative_to(ROOT)}: {m.group()}" for m in re.finditer(pattern, text, re.I)]
    assert not found, found
