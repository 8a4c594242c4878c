"""A database outage (memos.outage): 503 with Retry-After and a plain page, and the site recovers alone."""

import socket
from contextlib import contextmanager

import pytest
from django.db import connections

from tests.factories import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(reference_data):
    return build_archive()


def closed_port() -> int:
    """A local port nothing listens on: connecting there is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def database_down():
    """While this runs, the default database is unreachable from this thread: a real connection
    attempt, to a port where no PostgreSQL listens or to a SQLite file that cannot be opened."""
    up = connections["default"]
    settings = {**up.settings_dict}
    if up.vendor == "postgresql":
        settings.update(HOST="127.0.0.1", PORT=str(closed_port()))
    else:
        settings["NAME"] = "/nonexistent-directory/db.sqlite3"
    down = type(up)(settings, "default")
    connections["default"] = down
    try:
        yield
    finally:
        connections["default"] = up


@pytest.mark.parametrize("url", ["/", "/memos/?q=cameras", "/memos/cameras-in-almaty/", "/feeds/memos.atom"])
def test_pages_answer_503_while_the_database_is_down_and_recover_after(client, archive, url):
    with database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Content-Type"].startswith("text/html")
    assert "temporarily unavailable" in response.content.decode()
    assert client.get(url).status_code == 200


def test_the_admin_answers_503_too(admin_client, archive):
    assert admin_client.get("/admin/memos/memo/").status_code == 200
    with database_down():
        assert admin_client.get("/admin/memos/memo/").status_code == 503
    assert admin_client.get("/admin/memos/memo/").status_code == 200
