"""The import pipeline: sources -> parse -> mentions and vendor candidates -> load.

PARSER_VERSION names the code that turns a page's bytes into a memo: a digest of the parsing
modules' source and the country aliases they match. Every import records it beside the stored
page, so `manage.py reparse` and the admin can tell which parser read a page.
"""

import hashlib
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# What decides a ParsedMemo; load.py, pipeline.py and sources.py only move it around.
_PARSER_FILES = [
    "parse.py", "html.py", "text.py", "fields.py", "declared.py", "sanitize.py", "parsed.py",
    "mentions.py", "boilerplate.py", "bios.py", "candidates.py",
]  # fmt: skip
_DATA_FILES = [_HERE.parents[1] / "fixtures" / "country_aliases.json"]


def _parser_version() -> str:
    digest = hashlib.sha256()
    for path in [*(_HERE / name for name in _PARSER_FILES), *_DATA_FILES]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:12]


PARSER_VERSION = _parser_version()
