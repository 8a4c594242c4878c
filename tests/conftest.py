"""Shared test fixtures: reference data, sample pages, and an importer shortcut."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from memos.models import Country, Vendor
from memos.reference import load_countries, load_vendors

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
DATA = Path(__file__).resolve().parent / "data"
SEED = PAGES / "000_0dc8eaca4fa1d520.txt"


@pytest.fixture
def reference_data(db):
    """Countries and vendors. Migrations load them, but transactional tests flush tables."""
    load_countries(Country)
    load_vendors(Vendor)


@pytest.fixture
def import_memos(reference_data):
    """Run the import command; returns (stdout, stderr, exit code)."""

    def run(*args: str):
        out, err = StringIO(), StringIO()
        try:
            call_command("import_memos", *map(str, args), stdout=out, stderr=err)
            code = 0
        except SystemExit as exc:
            code = exc.code
        except Exception as exc:  # CommandError: what the command line turns into exit 1
            from django.core.management import CommandError

            if not isinstance(exc, CommandError):
                raise
            err.write(str(exc))
            code = 1
        return out.getvalue(), err.getvalue(), code

    return run


@pytest.fixture
def archive_and_seed(import_memos):
    """tests.factories' small archive, with the seed memo (No. 540) imported beside it as "seed"."""
    from memos.models import Memo
    from tests.factories import build_archive

    archive = build_archive()
    out, err, code = import_memos(SEED)
    assert code == 0, err
    archive["seed"] = Memo.objects.get(memo_number=540)
    return archive


@pytest.fixture
def sample_pages(import_memos):
    """Every page of fixtures/pages imported."""
    out, err, code = import_memos(PAGES)
    assert code == 0, err
    return out


# Settings are read from the environment at import: production's are tried in a fresh process.
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
