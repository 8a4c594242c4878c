"""Extraction quality on annotated real pages: each parsed as the importer does, scored against its gold.

A page `<name>.<ext>` has its gold beside it in `<name>.<ext>.gold.json`: the fields of
`import_memos --dry-run --format json`, plus `countries` and `vendors` as {"required": [...],
"allowed": [...]}. A field whose gold is "ANY" (or absent) is not scored. The split of a page is
the `dev` or `test` folder it sits in.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings

from memos.ingest.mentions import VendorEntry, load_vendor_entries
from memos.ingest.pipeline import ImportResult, parse_target

GOLD_SUFFIX = ".gold.json"
DEFAULT_CORPUS = Path(settings.BASE_DIR) / "tests" / "data" / "real"
FIELDS = ["title", "authors", "published", "memo_number", "series", "pdf", "topics", "language", "category"]
SETS = ["countries", "vendors"]
SPLITS = ("dev", "test")
ANY = "ANY"

# What the test split (round 30 of the corpus) reached when first measured (README, "Extraction
# quality"); CI fails below it.
# Keys: a field's share right, "countries.en", "countries.ru" and "vendors" F1.
TEST_FLOOR = {
    "title": 0.814, "authors": 0.5, "published": 0.833, "memo_number": 0.931, "series": 0.951,
    "pdf": 0.976, "topics": 1.0, "language": 0.958, "category": 0.769, "countries.en": 0.917,
    "countries.ru": 1.0, "vendors": 0.9,
}  # fmt: skip


@dataclass
class GoldPage:
    path: Path
    gold: dict
    split: str

    @property
    def publisher(self) -> str:
        value = self.gold.get("publisher")
        return value if isinstance(value, str) and value != ANY else "unknown"


@dataclass
class SetScore:
    """Predicted set P against required R and allowed A: TP = |P∩R|, FN = |R−P|, FP = |P−R−A|."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[str], required: Iterable[str], allowed: Iterable[str]) -> SetScore:
        p, r, a = set(predicted), set(required), set(allowed)
        self.tp += len(p & r)
        self.fn += len(r - p)
        self.fp += len(p - r - a)
        return self

    def __iadd__(self, other: SetScore) -> SetScore:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    # Nothing predicted and nothing required is a perfect score, not a division by zero.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        return {name: round(getattr(self, name), 4) for name in ("precision", "recall", "f1")}


@dataclass
class PageResult:
    page: GoldPage
    predicted: dict  # the page's `import_memos --dry-run --format json` object
    error: str | None
    fields: dict[str, bool]  # scored fields only: right or wrong
    sets: dict[str, SetScore]
    misses: dict[str, tuple]  # field or set -> (expected, got), for the wrong ones

    @property
    def language(self) -> str:
        gold = self.page.gold.get("language")
        return gold if isinstance(gold, str) and gold != ANY else self.predicted.get("language") or "en"


def normalized(value):
    """A field's value as compared: case, whitespace, quotes and dashes folded; empty is None."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list):
        return [normalized(v) for v in value]
    text = unicodedata.normalize("NFKC", str(value))
    for fancy, plain in (("‘’ʼ′`", "'"), ("“”„«»", '"'), ("‐‑‒–—―", "-")):
        for ch in fancy:
            text = text.replace(ch, plain)
    return " ".join(text.split()).casefold()


def scored(gold: dict, name: str) -> bool:
    return name in gold and gold[name] != ANY


def score_page(
    page: GoldPage, predicted: dict, error: str | None, vendor_names: dict[str, str] | None = None
) -> PageResult:
    """One page's fields and sets. A page that failed to parse is wrong on every scored field.

    `vendor_names` maps each spelling of a vendor to the archive's name for it, so that a gold
    "Facebook" is the vendor the archive calls "Meta": the same company, whichever its name.
    """
    vendor_names = vendor_names or {}
    fields: dict[str, bool] = {}
    misses: dict[str, tuple] = {}
    for name in FIELDS:
        if not scored(page.gold, name):
            continue
        value = predicted.get(name)
        if name == "pdf" and isinstance(value, str):
            # A PDF is stored as a URL, its spaces percent-encoded; the gold holds the name as printed.
            value = unquote(value)
        right = error is None and normalized(value) == normalized(page.gold[name])
        fields[name] = right
        if not right:
            misses[name] = (page.gold[name], predicted.get(name))
    sets: dict[str, SetScore] = {}
    for name in SETS:
        gold = page.gold.get(name)
        if not isinstance(gold, dict):
            continue  # "ANY" or absent
        required, allowed = set(gold.get("required") or []), set(gold.get("allowed") or [])
        if name == "vendors":
            required = {vendor_names.get(v, v) for v in required}
            allowed = {vendor_names.get(v, v) for v in allowed}
        found = set(predicted.get(name) or {}) if error is None else set()
        sets[name] = SetScore().add(found, required, allowed)
        if found - required - allowed or required - found:
            misses[name] = (sorted(required - found), sorted(found - required - allowed))
    return PageResult(page, predicted, error, fields, sets, misses)


def gold_pages(paths: Sequence[str | Path] = ()) -> tuple[list[GoldPage], list[str]]:
    """Every page with a gold file under `paths` (the whole corpus by default), and the problems found."""
    pages: list[GoldPage] = []
    problems: list[str] = []
    for root in map(Path, paths or [DEFAULT_CORPUS]):
        if root.is_dir():
            golds = sorted(root.rglob(f"*{GOLD_SUFFIX}"))
            if not golds:
                problems.append(f"{root}: no {GOLD_SUFFIX} files")
        elif root.name.endswith(GOLD_SUFFIX):
            golds = [root]
        elif root.exists():
            golds = [root.with_name(root.name + GOLD_SUFFIX)]
        else:
            problems.append(f"{root}: no such file or directory")
            continue
        for gold_path in golds:
            page_path = gold_path.with_name(gold_path.name[: -len(GOLD_SUFFIX)])
            if not page_path.is_file():
                problems.append(f"{gold_path}: no page beside it ({page_path.name})")
                continue
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                problems.append(f"{gold_path}: unreadable gold file ({exc})")
                continue
            split = next((part for part in reversed(page_path.parts[:-1]) if part in SPLITS), "other")
            pages.append(GoldPage(page_path, gold, split))
    return pages, problems


def evaluate(pages: Iterable[GoldPage], vendors: Sequence[VendorEntry] | None = None) -> list[PageResult]:
    """Parse every page as `import_memos --dry-run` does (fixtures/vendors.json as the vendor list)."""
    vendors = load_vendor_entries() if vendors is None else vendors
    names = {alias: v.name for v in vendors for alias in (v.name, *v.aliases)}
    results = []
    for page in pages:
        source, memo, error = parse_target(str(page.path), vendors)
        status = "parsed" if memo else "failed"
        predicted = ImportResult(source, status, error, memo=memo).as_json()
        results.append(score_page(page, predicted, error, names))
    return results


def summary(results: Sequence[PageResult]) -> dict:
    """The figures of `results` (one split or all), shaped as `evaluate_extraction --format json`."""
    fields = {name: {"right": 0, "total": 0} for name in FIELDS}
    sets = {name: SetScore() for name in SETS}
    by_language: dict[str, SetScore] = {}  # the languages of these pages only
    for result in results:
        for name, right in result.fields.items():
            fields[name]["total"] += 1
            fields[name]["right"] += right
        for name, score in result.sets.items():
            sets[name] += score
            if name == "countries":
                by_language.setdefault(result.language, SetScore())
                by_language[result.language] += score
    return {
        "pages": len(results),
        "publishers": len({r.page.publisher for r in results}),
        "failed": sum(r.error is not None for r in results),
        "fields": fields,
        "countries": sets["countries"].as_json(),
        "vendors": sets["vendors"].as_json(),
        "countries_by_language": {lang: by_language[lang].as_json() for lang in sorted(by_language)},
    }


def report(results: Sequence[PageResult]) -> dict:
    """All pages' figures, and each split's under "splits"."""
    splits = {}
    for split in [*SPLITS, "other"]:
        chosen = [r for r in results if r.page.split == split]
        if chosen:
            splits[split] = summary(chosen)
    return {**summary(results), "splits": splits}


def share(counts: dict) -> float | None:
    return counts["right"] / counts["total"] if counts["total"] else None


def below_floor(figures: dict, floor: dict | None = None) -> list[str]:
    """What in one split's `summary` dropped below `floor` (TEST_FLOOR), as sentences."""
    floor = TEST_FLOOR if floor is None else floor
    measured = {name: share(counts) for name, counts in figures["fields"].items()}
    measured["vendors"] = figures["vendors"]["f1"]
    for lang, score in figures["countries_by_language"].items():
        measured[f"countries.{lang}"] = score["f1"]
    return [
        f"{name}: {measured[name]:.3f} < floor {minimum:.3f}"
        for name, minimum in floor.items()
        if measured.get(name) is not None and measured[name] < minimum - 1e-9
    ]


# --- the text report --------------------------------------------------------------------------------


def _cell(counts: dict) -> str:
    return f"{counts['right']}/{counts['total']}" if counts["total"] else "-"


def format_tables(results: Sequence[PageResult], misses: bool = False) -> str:
    """Per split: a table per field, then one row per publisher; `misses` lists every wrong field."""
    lines: list[str] = []
    full = report(results)
    for split, figures in full["splits"].items():
        lines.append(
            f"== {split}: {figures['pages']} pages, {figures['publishers']} publishers, "
            f"{figures['failed']} failed to parse"
        )
        lines.append(f"{'field':<14}{'right/total':>12}{'share':>8}")
        for name, counts in figures["fields"].items():
            value = share(counts)
            lines.append(f"{name:<14}{_cell(counts):>12}{'' if value is None else f'{value:.3f}':>8}")
        lines.append(f"{'':<14}{'precision':>12}{'recall':>8}{'F1':>8}")
        rows = [("countries", figures["countries"]), ("vendors", figures["vendors"])]
        rows[1:1] = [(f"countries {lang}", s) for lang, s in figures["countries_by_language"].items()]
        for label, s in rows:
            lines.append(f"{label:<14}{s['precision']:>12.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
        lines.append("")
        chosen = [r for r in results if r.page.split == split]
        publishers = sorted({r.page.publisher for r in chosen}, key=str.casefold)
        width = max(len(p) for p in publishers) + 2
        short = {"memo_number": "number", "published": "date", "language": "lang", "category": "categ"}
        head = "".join(f"{short.get(n, n):>9}" for n in FIELDS)
        lines.append(f"{'publisher':<{width}}{'pages':>6}{head}{'ctry F1':>9}{'vend F1':>9}")
        for publisher in publishers:
            figures = summary([r for r in chosen if r.page.publisher == publisher])
            cells = "".join(f"{_cell(figures['fields'][n]):>9}" for n in FIELDS)
            lines.append(
                f"{publisher:<{width}}{figures['pages']:>6}{cells}"
                f"{figures['countries']['f1']:>9.2f}{figures['vendors']['f1']:>9.2f}"
            )
        lines.append("")
    if misses:
        lines.extend(miss_lines(results))
    return "\n".join(lines)


def miss_lines(results: Sequence[PageResult]) -> list[str]:
    """Each wrong field of each page: what the gold says and what the importer found."""
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{r.page.path}: failed: {r.error}")
        for name, (expected, got) in r.misses.items():
            if name in SETS:
                lines.append(f"{r.page.path}: {name}: missed {expected}, extra {got}")
            elif not r.error:
                lines.append(f"{r.page.path}: {name}: expected {expected!r}, got {got!r}")
    return lines
