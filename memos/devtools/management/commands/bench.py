"""bench: measure pages, import and HTTP serving on the current database (see memos/devtools/bench.py)."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from memos.devtools.bench import compare, format_table, run_bench


class Command(BaseCommand):
    help = (
        "Benchmark the current database: p50/p95 server time and queries per page, import "
        "throughput against a bare lxml parse, and HTTP load against gunicorn on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=float, default=5, help="Seconds per page (default 5).")
        parser.add_argument("--requests", type=int, default=200, help="At most this many per page (200).")
        parser.add_argument("--import-pages", type=int, default=100, help="Pages in the import batch (100).")
        parser.add_argument("--http-duration", type=float, default=20, help="Seconds of HTTP load (20).")
        parser.add_argument("--http-requests", type=int, default=5000, help="At most this many (5000).")
        parser.add_argument("--concurrency", type=int, default=8, help="Concurrent HTTP clients (8).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2).")
        parser.add_argument(
            "--import-workers", type=int, default=None,
            help="Parsing processes for the import, as import_memos --workers (default: its own).",
        )  # fmt: skip
        parser.add_argument("--skip-http", action="store_true", help="No gunicorn, no load test.")
        parser.add_argument("--skip-import", action="store_true", help="No import throughput.")
        parser.add_argument(
            "--huge-memo", action="store_true",
            help="Also time /memos/?q=and with a 20 MB memo on its first page (added to the database once).",
        )  # fmt: skip
        parser.add_argument("--format", choices=["text", "json"], default="text", help="json: one object.")
        parser.add_argument("--save", metavar="PATH", help="Also write the report as JSON to PATH.")
        parser.add_argument(
            "--compare", metavar="PATH",
            help="A report saved from a smaller archive: show each page's p95 ratio to it.",
        )  # fmt: skip

    def handle(self, *args, format, verbosity, **options):
        for name in ("duration", "http_duration"):
            if options[name] <= 0:
                raise CommandError(f"--{name.replace('_', '-')} must be positive")
        for name in ("requests", "import_pages", "http_requests", "concurrency", "workers", "import_workers"):
            if options[name] is not None and options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1")
        show = verbosity >= 1 and self.stderr.isatty()

        def progress(step: str) -> None:
            if show:
                sys.stderr.write(f"measuring {step}…\n")

        try:
            report = run_bench(
                duration=options["duration"],
                requests=options["requests"],
                import_size=options["import_pages"],
                http_duration=options["http_duration"],
                http_requests=options["http_requests"],
                concurrency=options["concurrency"],
                workers=options["workers"],
                import_workers=options["import_workers"],
                skip_http=options["skip_http"],
                skip_import=options["skip_import"],
                huge_memo=options["huge_memo"],
                progress=progress,
            )
        except (ValueError, RuntimeError) as exc:
            raise CommandError(str(exc)) from exc
        if options["compare"]:
            try:
                compare(report, json.loads(Path(options["compare"]).read_text()))
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"{options['compare']}: not a saved bench report ({exc})") from exc
        if options["save"]:
            Path(options["save"]).write_text(json.dumps(report, indent=1))
        if format == "json":
            self.stdout.write(json.dumps(report))
        else:
            self.stdout.write(format_table(report))
        # Slow pages are findings to report; failed requests are bugs, and fail the run (and CI).
        failed = sum(page["errors"] for page in report["pages"].values())
        failed += report.get("http", {}).get("errors", 0) + report.get("import", {}).get("failed", 0)
        if failed:
            raise CommandError(f"{failed} request(s) or import(s) failed; see the report above")
