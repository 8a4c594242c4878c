"""Where pages come from: files, directories, globs, URLs and stdin, as bytes with an origin."""

from __future__ import annotations

import glob
import os
import stat
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
        return read_file(target)
    except FileNotFoundError:
        return Page(target, error="no such file or directory")
    except PermissionError:
        return Page(target, error="permission denied")
    except OSError as exc:
        return Page(target, error=f"cannot read: {exc.strerror or exc}")


# What a path that is not a regular file is, for the error message.
FILE_KINDS = [
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
]
TOO_LARGE = f"file is larger than {MAX_BYTES // (1024 * 1024)} MB"


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is refused: only regular files are pages."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in FILE_KINDS if test(mode)), "not a file")
    return f"not a regular file ({kind})"


def read_file(target: str) -> Page:
    """A regular file's bytes, at most MAX_BYTES + 1 of them (the pipeline refuses more).

    A FIFO would block the import until a writer came, and a device (/dev/zero) never ends and
    says its size is 0: both are refused before a byte is read. The path is checked before it is
    opened (opening a FIFO blocks) and again once open (it may have been swapped meanwhile);
    O_NONBLOCK keeps that second open from waiting on a FIFO.
    """
    problem = not_regular(os.stat(target).st_mode)
    if problem:
        return Page(target, error=problem)
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as file:
        status = os.fstat(file.fileno())
        problem = not_regular(status.st_mode)
        if problem:
            return Page(target, error=problem)
        if status.st_size > MAX_BYTES:
            return Page(target, error=TOO_LARGE)
        return Page(target, data=file.read(MAX_BYTES + 1))


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
