"""ParsedMemo: what a page says about its memo, before anything touches the database."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .candidates import Candidate
    from .mentions import Mentions


class ParseError(Exception):
    """The page cannot be read as a memo; the message says why, for the person importing."""


@dataclass
class Block:
    """One piece of a memo's body: a paragraph, a section heading or a list item."""

    kind: str  # "p", "h" or "li"
    text: str


@dataclass
class RawPage:
    """A page's bytes as read, compressed where it was parsed (a worker process, often)."""

    sha256: str
    compressed: bytes
    size: int
    url: str = ""  # where it was fetched from, if it was

    @classmethod
    def of(cls, data: bytes, url: str | None = None) -> RawPage:
        import zlib

        return cls(hashlib.sha256(data).hexdigest(), zlib.compress(data, 6), len(data), url or "")


@dataclass
class ParsedMemo:
    title: str
    format: str  # "html" or "text"
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    memo_number: int | None = None
    series: str | None = None
    category: str | None = None
    language: str = "en"
    summary: str = ""
    blocks: list[Block] = field(default_factory=list)
    body_html: str = ""  # sanitized
    bio: str = ""  # the page's bio text as a whole ("About the authors")
    author_bios: dict[str, str] = field(default_factory=dict)  # author -> their own part (bios.py)
    pdf: str | None = None
    topics: list[str] = field(default_factory=list)
    source_url: str | None = None  # the page's own URL, when it declares one or was fetched
    mentions: Mentions | None = None
    vendor_candidates: dict[str, Candidate] | None = None  # base name -> Candidate (candidates.py)
    page: RawPage | None = None  # the bytes it was read from, to store (pipeline.parse_source)
    warnings: list[str] = field(default_factory=list)  # what the importer should hear (a charset lie)

    @property
    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "h"]

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def word_count(self) -> int:
        return len(self.body_text.split())

    def content_hash(self) -> str:
        """A fingerprint of everything the memo's row is made of, to tell `unchanged` imports."""
        payload = {
            "title": self.title,
            "authors": self.authors,
            "published": self.published.isoformat() if self.published else None,
            "memo_number": self.memo_number,
            "series": self.series,
            "category": self.category,
            "language": self.language,
            "summary": self.summary,
            "body_html": self.body_html,
            "body_text": self.body_text,
            "bio": self.bio,
            "author_bios": self.author_bios,
            "pdf": self.pdf,
            "topics": self.topics,
            "source_url": self.source_url,
        }
        encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()
