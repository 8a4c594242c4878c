"""Clean topics: tags that only echo a memo's year or its authors, and likely duplicate topics.

Tags are kept exactly as imported (the record and `--dry-run` JSON list them all); a tag that
merely repeats the memo's year ("2018") or an author's surname ("Marat") is an *echo*, marked on
its MemoTopic link and hidden from the public site. The admin's topic list suggests topics that
differ only in case, spacing, hyphens or a plural ending ("Cyber Security" and "Cybersecurity").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .models import Authorship, Memo, MemoTopic, Topic, normalize_name


def is_echo(topic: str, year: int | None, authors: Iterable[str]) -> bool:
    """Does the tag `topic` only repeat the memo's year or one of its authors' names?"""
    key = normalize_name(topic)
    if not key:
        return False
    if year is not None and key == str(year):
        return True
    for name in authors:
        words = normalize_name(name).split()
        if words and key in (" ".join(words), words[-1]):
            return True
    return False


def mark_echoes(memo_ids: Iterable[int]) -> int:
    """Set the echo flag of these memos' topic links from their current year and authors.

    Three queries whatever the number of memos; returns how many links changed.
    """
    ids = list(memo_ids)
    if not ids:
        return 0
    years = {
        pk: d.year if d else None for pk, d in Memo.objects.filter(pk__in=ids).values_list("pk", "published")
    }
    authors: dict[int, list[str]] = defaultdict(list)
    for memo_id, name in Authorship.objects.filter(memo_id__in=ids).values_list("memo_id", "author__name"):
        authors[memo_id].append(name)
    flip = {True: [], False: []}
    links = MemoTopic.objects.filter(memo_id__in=ids).values_list("pk", "memo_id", "topic__name", "echo")
    for pk, memo_id, name, echo in links:
        wanted = is_echo(name, years.get(memo_id), authors[memo_id])
        if wanted != echo:
            flip[wanted].append(pk)
    for value, pks in flip.items():
        if pks:
            MemoTopic.objects.filter(pk__in=pks).update(echo=value)
    return len(flip[True]) + len(flip[False])


def duplicate_key(name: str) -> str:
    """What two spellings of one topic share: letters and digits only, casefolded, singular.

    "Cyber Security", "cyber-security" and "Cybersecurity" give "cybersecurity"; "Sanctions"
    and "Sanction" give "sanction"; "Technologies" and "Technology" give "technology".
    """
    key = re.sub(r"[\W_]+", "", normalize_name(name))
    if len(key) > 4:
        if key.endswith("ies"):
            key = key[:-3] + "y"
        elif key.endswith(("ses", "xes", "zes", "ches", "shes")):
            key = key[:-2]
        elif key.endswith("s") and not key.endswith(("ss", "us", "is")):
            key = key[:-1]
    return key


def likely_duplicates(topics: Iterable[Topic] | None = None) -> dict[int, list[Topic]]:
    """Topic id -> the other topics that look like the same one, for every topic that has some."""
    groups: dict[str, list[Topic]] = defaultdict(list)
    for topic in topics if topics is not None else Topic.objects.only("pk", "name", "slug"):
        groups[duplicate_key(topic.name)].append(topic)
    result = {}
    for group in groups.values():
        if len(group) > 1:
            for topic in group:
                result[topic.pk] = [other for other in group if other.pk != topic.pk]
    return result
