"""Where pages come from: files, directories, globs, URLs and stdin, as bytes with an origin."""

from __future__ import annotations

import glob
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # no memo page is this big; a larger file is a mistake
USER_AGENT = "memo-archive/1.0 (+https://github.com/; policy memo importer)"
FETCH_TIMEOUT = 30


@dataclass
class Page:
    origin: str  # the path or URL as given (a file found in a directory: its path)
    data: bytes | None = None
    error: str | None = None
    url: str | None = None  # set when fetched over HTTP


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def expand(paths: list[str]) -> list[str | Page]:
    """Every page a list of PATH arguments names, in order; a Page with an error where none can be."""
    found: list[str | Page] = []
    for path in paths:
        if path == "-" or is_url(path):
            found.append(path)
        elif Path(path).is_dir():
            files = sorted(
                p for p in Path(path).rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )  # fmt: skip
            if not files:
                found.append(Page(path, error="directory has no files"))
            found.extend(str(p) for p in files)
        elif glob.has_magic(path) and not Path(path).exists():
            matches = sorted(p for p in glob.glob(path, recursive=True) if Path(p).is_file())
            found.extend(matches or [Page(path, error="no files match this pattern")])
        else:
            found.append(path)
    return found


def read(target: str | Page, stdin=None) -> Page:
    if isinstance(target, Page):
        return target
    if target == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return Page(target, data=stream.read(MAX_BYTES + 1))
    if is_url(target):
        return fetch(target)
    try:
        path = Path(target)
        if path.stat().st_size > MAX_BYTES:
            return Page(target, error=f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return Page(target, data=path.read_bytes())
    except FileNotFoundError:
        return Page(target, error="no such file or directory")
    except PermissionError:
        return Page(target, error="permission denied")
    except OSError as exc:
        return Page(target, error=f"cannot read: {exc.strerror or exc}")


def fetch(url: str) -> Page:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
            return Page(url, data=data, url=response.geturl())
    except urllib.error.HTTPError as exc:
        return Page(url, error=f"HTTP {exc.code} {exc.reason}")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return Page(url, error=f"cannot fetch: {reason}")
