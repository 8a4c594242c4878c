"""The operator's side: production settings refuse the public fallback key, an empty DATABASE_URL is
SQLite, SQLite lets two writers and readers coexist, and django-axes sees clients behind the proxy."""

import pytest

from tests.conftest import django_code, manage


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
