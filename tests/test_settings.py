"""Production settings: check --deploy, each security switch, collectstatic, the gunicorn config."""

import json
import os
import re
import runpy
from pathlib import Path

import pytest

from tests.conftest import django_code, manage

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_passes_with_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


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
