"""Shared test fixtures: reference data, sample pages, and an importer shortcut."""

import signal
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
def sample_pages(import_memos):
    """Every page of fixtures/pages imported."""
    out, err, code = import_memos(PAGES)
    assert code == 0, err
    return out


@pytest.fixture
def deadline():
    """Fail a test that would hang (reading a FIFO) instead of letting it stall the run."""

    def expired(signum, frame):
        raise TimeoutError("the import hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
