"""The public site: thin views over MemoFilter, the facets and the models' QuerySets."""

import csv
import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from .. import caching, search
from ..curation.views import csv_cell
from ..models import Author, Authorship, Country, Memo, MemoTopic, Mention, Redirect, Topic, Vendor
from ..search import spelling
from ..templatetags.memo_tags import filter_urls
from . import analysis, charts, citations, csl, exports, facets, metadata, parameters, worldmap
from .filters import MENTIONED, SORTS, MemoFilter

ENTITIES_PER_PAGE = 100
NEWEST_FIRST = SORTS["-published"][1]
EXPORT_LABELS = [
    ("csv", "CSV"),
    ("json", "JSON"),
    ("bibtex", "BibTeX"),
    ("ris", "RIS"),
    ("csljson", "CSL-JSON"),
]


class BadRequest(Exception):
    """A parameter the page cannot use; its message is shown to the reader with a 400."""


def listing(memos):
    return memos.with_listing_data()


class CountedPaginator(Paginator):
    """A paginator whose count (of tens of thousands of rows, at times) is cached like the facets."""

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):  # a search's ids (memo_list): len(), as Django does
            return super().count
        return caching.cached(caching.query_key(self.object_list, "count"), self.object_list.count)


def paginate(request, items, per_page: int | None = None):
    """The requested page of `items` (a count, cached until the data changes, and a slice)."""
    paginator = CountedPaginator(items, per_page or settings.MEMOS_PER_PAGE)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except InvalidPage:
        if not str(number).isdigit():
            raise BadRequest(f"“{number}” is not a page number.") from None
        raise BadRequest(
            f"There is no page {number}: the results have {paginator.num_pages} "
            f"page{'s' if paginator.num_pages != 1 else ''}."
        ) from None


def redirects_old_slugs(kind: str):
    """A view of a memo, author, topic or vendor by slug that, for a slug the record no longer has
    (renamed, or merged into another), answers 301 to the same page of the record now.

    Only a 404 consults the redirect table, so the pages readers reach cost no query more.
    """

    def decorate(view):
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            try:
                return view(request, slug, *args, **kwargs)
            except Http404:
                record = Redirect.objects.resolve(kind, slug=slug)
                # An unpublished memo's new address is not given away.
                if record is None or record.slug == slug or not getattr(record, "is_published", True):
                    raise
                return redirect_to(request, reverse(request.resolver_match.view_name, args=[record.slug]))

        return wrapped

    return decorate


def redirect_to(request, url: str, permanent: bool = True):
    """A redirect that keeps the request's query string."""
    query = request.META.get("QUERY_STRING")
    return redirect(f"{url}?{query}" if query else url, permanent=permanent)


@require_safe
def permalink(request, kind, pk):
    """/id/<kind>/<id>/: 302 to the record's page now; 301 for a record merged into another.

    The identifier stays while the page it leads to may move (a slug change), so the live case
    is a temporary redirect, as DOI resolvers answer.
    """
    if kind not in {k for k, _ in Redirect.KINDS}:
        raise Http404("No such kind of record.")
    model = Redirect.model_of(kind)
    records = model.objects.published() if model is Memo else model.objects.all()
    record = records.filter(pk=pk).first()
    if record is not None:
        return redirect_to(request, record.get_absolute_url(), permanent=False)
    record = Redirect.objects.resolve(kind, pk=pk)
    if record is None or (isinstance(record, Memo) and not record.is_published):
        raise Http404("No record has this identifier.")
    return redirect_to(request, record.get_absolute_url())


def bad_request(request, message: str):
    return render(request, "400.html", {"message": message}, status=400)


def bad_request_page(request, exception=None):
    """handler400: the 400 page, with the message of a BadParameter (other exceptions keep theirs)."""
    message = str(exception) if isinstance(exception, parameters.BadParameter) else ""
    return bad_request(request, message)


def memos_mentioning(**subject) -> QuerySet:
    """The published memos in which a country or vendor is counted: their page and its facets read them."""
    mentions = Mention.objects.filter(**subject, verdict__in=Mention.COUNTED)
    return Memo.objects.published().filter(pk__member_of=mentions.values("memo_id"))


@require_safe
def home(request):
    published = Memo.objects.published().values("pk")
    return render(
        request,
        "home.html",
        {
            "latest": listing(Memo.objects.published())[:6],
            "countries": caching.rows(facets.countries(published)[:12]),
            "vendors": caching.rows(facets.vendors(published)[:12]),
            "topics": caching.rows(facets.topics(published)[:30]),
        },
    )


def add_reasons(memos: list[Memo], memo_filter: MemoFilter) -> None:
    """Set `memo.reasons` on the page's rows: their mentions of the chosen countries and vendors.

    One query for the page, only when such a filter is chosen: each result says why it matched,
    how often it names the subject and the sentence where it first does.
    """
    if not memos or not any(memo_filter.form.cleaned_data.get(name) for name in MENTIONED):
        return
    mentions = (
        memo_filter.mentions_of_chosen()
        .filter(memo_id__in=[memo.pk for memo in memos])
        .select_related("country", "vendor")
        .order_by("-count", "pk")
    )
    reasons: dict[int, list[Mention]] = {}
    for mention in mentions:
        reasons.setdefault(mention.memo_id, []).append(mention)
    for memo in memos:
        memo.reasons = reasons.get(memo.pk, [])


@require_safe
def memo_list(request):
    memo_filter = MemoFilter(request.GET, queryset=Memo.objects.published())
    context = {
        "filter": memo_filter,
        "sorts": [(k, label) for k, (label, _) in SORTS.items()],
        "mentioned": any(request.GET.get(name) for name in MENTIONED),
        # The facet filters ride along as hidden fields when the search form is sent again.
        "kept": [
            (name, value)
            for name in ("country", "vendor", "vendor_country", "sector", "topic", "author")
            if name not in memo_filter.errors
            for value in request.GET.getlist(name)
        ],
    }
    if not memo_filter.is_valid():
        context["errors"] = [e for errors in memo_filter.errors.values() for e in errors]
        return render(request, "memos/memo_list.html", context, status=400)
    q = memo_filter.form.cleaned_data.get("q")
    # With q, one query matches and orders the whole result, as ids; the count, the page and the
    # facets read those, so the database evaluates the search once (README, Performance), and
    # not again until the data changes. Never from a snapshot: what a search finds follows every write.
    ids = caching.rows(memo_filter.qs.values_list("pk", flat=True), snapshot=False) if q else None
    try:
        page = paginate(request, listing(memo_filter.qs) if ids is None else ids)
    except BadRequest as exc:
        return bad_request(request, str(exc))
    if ids is None:
        matched, memos = memo_filter.qs, list(page.object_list)
    else:
        matched = Memo.objects.filter(pk__among=ids)
        rows = listing(Memo.objects.filter(pk__in=page.object_list)).in_bulk()
        memos = [rows[pk] for pk in page.object_list]
        if memos:
            search.add_snippets(memos, q)
    add_reasons(memos, memo_filter)
    params = memo_filter.params()
    context.update(page=page, memos=memos, q=q, params=params, sort=memo_filter.sort_key)
    context.update(chips=memo_filter.chips(), facets=[])
    context.update(export_formats=EXPORT_LABELS, export_max=settings.EXPORT_MAX_MEMOS)
    if memos:
        context.update(overview(memo_filter, matched, params, total=lambda: page.paginator.count))
    elif params:  # no results, nothing to count: ways out instead of facets
        context.update(ways_out(memo_filter, params, q))
    return render(request, "memos/memo_list.html", context)


def overview(memo_filter: MemoFilter, matched: QuerySet, params, total) -> dict:
    """The list's facets, year histogram and world map, cached like the facets, whole: with
    several filters, compiling their queries only to look them up took longer than the page.

    The histogram counts the results as if no date were chosen (year, from, to), so that it
    still offers the other years; the map counts the current results. Each counts every value
    of its facet, so the facet takes its top values from them, when it counts the same memos.
    """

    def compute() -> dict:
        data = memo_filter.form.cleaned_data
        dated = any(data.get(n) for n in charts.DATE_PARAMETERS)
        in_time = memo_filter.without(*charts.DATE_PARAMETERS) if dated else matched
        years = caching.rows(facets.years(in_time.order_by().values("pk")))
        countries = caching.rows(facets.countries(matched.order_by().values("pk")))
        known = {"country": countries} if dated else {"country": countries, "year": years}
        return {
            "timeline": charts.year_histogram(years, params, data),
            "world": worldmap.choropleth(countries, filter_urls(params, "country")),
            "facets": facets.memo_facets(
                matched, params, disjunctions=memo_filter.disjunctions(), total=total, known=known
            ),
        }

    key = hashlib.sha256(params.urlencode().encode()).hexdigest()
    found = caching.cached(f"overview:{key}", compute)
    found["world"]["drawn"] = worldmap.drawn(found["world"]["marks"])
    return found


def ways_out(memo_filter: MemoFilter, params, q: str | None) -> dict:
    """What an empty result suggests: known names spelled like the words searched for (one query),
    and each filter dropped in turn, with the number of memos that would give (one count each)."""
    spellings = []
    for found in spelling.nearest_names(q) if q else []:
        word = rf"(?<!\w){re.escape(found.word)}(?!\w)"
        corrected = re.sub(word, found.replacement, q, flags=re.IGNORECASE)
        spellings.append(
            {"name": found.name, "kind": found.kind, "href": charts.memo_list_url(params, q=corrected)}
        )
    labels: dict[str, list[str]] = {}
    for chip in memo_filter.chips():
        labels.setdefault(chip.name, [chip.title]).append(chip.label)
    dropped = []
    for name in params:
        if name == "sort":
            continue
        results = memo_filter.without(name)
        count = caching.cached(caching.query_key(results, "count"), results.count)
        if count:
            title, *values = labels[name]
            label = f"{title}: {', '.join(values)}"
            dropped.append(
                {"label": label, "count": count, "href": charts.memo_list_url(params, drop=[name])}
            )
    return {"spellings": spellings, "dropped": sorted(dropped, key=lambda d: -d["count"])}


@require_safe
def memo_export(request):
    """Every memo of a filtered list (the parameters of /memos/) as a file, streamed."""
    chosen = exports.FORMATS.get(request.GET.get("format", ""))
    if chosen is None:
        return bad_request(request, f"Choose a format: {', '.join(exports.FORMATS)} (format=csv, for one).")
    memo_filter = MemoFilter(request.GET, queryset=Memo.objects.published())
    if not memo_filter.is_valid():
        return bad_request(request, " ".join(e for errors in memo_filter.errors.values() for e in errors))
    limit = settings.EXPORT_MAX_MEMOS
    ids = list(memo_filter.qs.values_list("pk", flat=True)[: limit + 1])
    if len(ids) > limit:
        return bad_request(
            request,
            f"This list has more than {limit:,} memos, and an export holds at most {limit:,}. "
            "Narrow it with filters (a year, a country, a topic) and export each part.",
        )
    lines = chosen.write(exports.memos_in_batches(ids), request.build_absolute_uri)
    response = StreamingHttpResponse(lines, content_type=f"{chosen.content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="memos.{chosen.extension}"'
    return response


@require_safe
def memo_facet(request, facet):
    """All values of one facet under the list's filters, a page at a time."""
    if facet not in facets.FACETS:
        raise Http404("No such facet.")
    memo_filter = MemoFilter(request.GET, queryset=Memo.objects.published())
    if not memo_filter.is_valid():
        return bad_request(request, " ".join(e for errors in memo_filter.errors.values() for e in errors))
    disjunction = memo_filter.disjunctions().get(facet)
    try:
        page = paginate(request, facets.facet_values(facet, memo_filter.qs, disjunction), ENTITIES_PER_PAGE)
    except BadRequest as exc:
        return bad_request(request, str(exc))
    params = memo_filter.params()
    results = memo_filter.qs
    return render(
        request,
        "memos/memo_facet.html",
        {
            "page": page,
            "facet_name": facet,
            "facet_title": facets.FACETS[facet][0],
            "values": facets.to_values(
                page.object_list,
                params.getlist(facet),
                lambda: caching.cached(caching.query_key(results, "count"), results.count),
            ),
            "params": params,
            "chips": memo_filter.chips(),
        },
    )


def matrix_of(request, limit: bool = True) -> tuple[analysis.Matrix, MemoFilter]:
    """The country × vendor matrix the request asks for; BadRequest says what is wrong with it."""
    group = request.GET.get("group") or "vendor"
    memo_filter = MemoFilter(request.GET, queryset=Memo.objects.published())
    errors = [e for errors in memo_filter.errors.values() for e in errors]
    if group not in analysis.GROUPS:
        errors.append(f"Unknown group: {group} (use {', '.join(analysis.GROUPS)}).")
    if errors:
        raise BadRequest(" ".join(errors))
    return analysis.build(memo_filter, group, memo_filter.params(), limit=limit), memo_filter


@require_safe
def country_vendor_matrix(request):
    """/analysis/: countries × vendors (or vendor countries, or sectors), memos mentioning both."""
    try:
        matrix, memo_filter = matrix_of(request)
    except BadRequest as exc:
        return bad_request(request, str(exc))
    params = memo_filter.params()
    query = params.copy()
    if matrix.group != "vendor":
        query["group"] = matrix.group
    return render(
        request,
        "memos/analysis.html",
        {
            "matrix": matrix,
            "body": analysis.body_html(matrix),
            "groups": analysis.GROUPS,
            "group_label": analysis.GROUPS[matrix.group],
            "params": params,
            "query": query.urlencode(),
            "chips": memo_filter.chips(),
            "kept": [
                (name, value)
                for name, values in params.lists()
                for value in values
                if name not in analysis.FORM_FIELDS
            ],
        },
    )


@require_safe
def country_vendor_matrix_csv(request):
    """The whole matrix as CSV: a row per country, a column per vendor (or group)."""
    try:
        matrix, memo_filter = matrix_of(request, limit=False)
    except BadRequest as exc:
        return bad_request(request, str(exc))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="countries-{matrix.group.replace("_", "-")}s.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["country_code", "country", *(csv_cell(c.label) for c in matrix.columns)])
    for row in matrix.rows:
        writer.writerow([row.code, csv_cell(row.name), *(cell.count for cell in row.cells)])
    return response


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def related_memos(memo, limit: int = 5) -> list[Memo]:
    """Published memos sharing the most mentions and topics with `memo`, in one query.

    One pass over the link rows of this memo's countries, vendors and topics, summed per memo.
    (Scoring each candidate with correlated subqueries took a second at 100,000 memos, where
    the most common country is shared by 40% of the archive; see README, Performance.)
    """
    codes = [m.country_id for m in memo.counted_mentions if m.country_id]
    vendor_ids = [m.vendor_id for m in memo.counted_mentions if m.vendor_id]
    topic_ids = [t.pk for t in memo.shown_topics]
    counted = placeholders(Mention.COUNTED)
    mentions = f"SELECT memo_id, 1 AS w FROM {Mention._meta.db_table} WHERE verdict IN ({counted})"
    # A shared topic says more about kinship than one more country both memos name.
    links = f"SELECT memo_id, 2 AS w FROM {Memo.topics.through._meta.db_table} WHERE NOT echo"
    parts, params = [], []
    if codes:
        parts.append(f"{mentions} AND country_id IN ({placeholders(codes)})")
        params += [*Mention.COUNTED, *codes]
    if vendor_ids:
        parts.append(f"{mentions} AND vendor_id IN ({placeholders(vendor_ids)})")
        params += [*Mention.COUNTED, *vendor_ids]
    if topic_ids:
        parts.append(f"{links} AND topic_id IN ({placeholders(topic_ids)})")
        params += topic_ids
    if not parts:
        return []
    sql = (
        "SELECT m.id, m.title, m.slug, m.published, SUM(s.w) AS score "
        f"FROM ({' UNION ALL '.join(parts)}) AS s "
        f"JOIN {Memo._meta.db_table} AS m ON m.id = s.memo_id "
        "WHERE m.is_published AND m.id <> %s GROUP BY m.id, m.title, m.slug, m.published "
        "ORDER BY score DESC, m.published DESC NULLS LAST, m.id DESC LIMIT %s"
    )
    return caching.rows(Memo.objects.raw(sql, [*params, memo.pk, limit]))


@require_safe
@redirects_old_slugs("memo")
def memo_detail(request, slug):
    memo = get_object_or_404(
        Memo.objects.published().with_text().with_listing_data().with_counted_mentions(), slug=slug
    )
    neighbours = Memo.objects.published().only("title", "slug", "published")
    previous = following = None
    if memo.published:
        # The redundant published__lte/gte gives PostgreSQL an index range to start from; the OR
        # alone made it walk the date index from the newest (or oldest) memo to this one.
        previous = (
            neighbours.filter(Q(published__lt=memo.published) | Q(published=memo.published, pk__lt=memo.pk))
            .filter(published__lte=memo.published)
            .order_by("-published", "-pk")
            .first()
        )
        following = (
            neighbours.filter(Q(published__gt=memo.published) | Q(published=memo.published, pk__gt=memo.pk))
            .filter(published__gte=memo.published)
            .order_by("published", "pk")
            .first()
        )
    countries = [m for m in memo.counted_mentions if m.country_id]
    page_url = request.build_absolute_uri(memo.get_absolute_url())
    permalink = request.build_absolute_uri(memo.permalink())
    return render(
        request,
        "memos/memo_detail.html",
        {
            "memo": memo,
            "countries": countries,
            "vendors": [m for m in memo.counted_mentions if m.vendor_id],
            "related": related_memos(memo),
            "previous": previous,
            "next": following,
            "citation": citations.ponars_citation(memo),
            "references": csl.references(memo, page_url),
            "page_url": page_url,
            "permalink": permalink,
            "meta_tags": metadata.meta_tags(memo, page_url, request.build_absolute_uri),
            "json_ld": metadata.json_ld(memo, page_url, permalink, countries, request.build_absolute_uri),
        },
    )


def citation_download(slug: str, text_of, extension: str, content_type: str) -> HttpResponse:
    memo = get_object_or_404(Memo.objects.published().with_listing_data(), slug=slug)
    response = HttpResponse(text_of(memo), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{memo.slug}.{extension}"'
    return response


@require_safe
@redirects_old_slugs("memo")
def memo_csl_json(request, slug):
    memo = get_object_or_404(Memo.objects.published().with_listing_data(), slug=slug)
    item = csl.csl_json(memo, request.build_absolute_uri(memo.get_absolute_url()))
    return JsonResponse([item], safe=False, content_type="application/vnd.citationstyles.csl+json")


@require_safe
@redirects_old_slugs("memo")
def memo_bibtex(request, slug):
    return citation_download(slug, citations.bibtex, "bib", "application/x-bibtex")


@require_safe
@redirects_old_slugs("memo")
def memo_ris(request, slug):
    return citation_download(slug, citations.ris, "ris", "application/x-research-info-systems")


def entity_memos(request, template: str, memos, require_memos: bool = False, **context):
    """An entity's page: its published memos, a page at a time, beside `context`.

    Authors and topics exist for readers only through published memos (`require_memos`),
    so an author of unpublished drafts alone is not named anywhere public.
    """
    try:
        page = paginate(request, listing(memos.order_by(*NEWEST_FIRST)))
    except BadRequest as exc:
        return bad_request(request, str(exc))
    if require_memos and not page.paginator.count:
        raise Http404("Nothing published here.")
    return render(request, template, {"page": page, "memos": page.object_list, **context})


def entity_list(request, rows, template: str):
    """A paginated list of authors or topics that have published memos, with their counts."""
    try:
        page = paginate(request, rows.filter(n__gt=0).order_by("name", "pk"), ENTITIES_PER_PAGE)
    except BadRequest as exc:
        return bad_request(request, str(exc))
    return render(request, template, {"page": page})


@require_safe
def author_list(request):
    return entity_list(request, Author.objects.with_memo_counts(), "memos/author_list.html")


def own_bio(author: Author, memos) -> str | None:
    """The author's own bio from their newest memo that has one, in one query: the part of the
    memo's bio that is theirs (Authorship.bio), or the whole bio of a memo they wrote alone.
    Never a co-author's bio, nor a joint one."""
    authors = Authorship.objects.filter(memo=OuterRef("memo_id")).order_by().values("memo_id")
    row = (
        Authorship.objects.filter(author=author, memo__in=memos)
        .annotate(authors=Subquery(authors.annotate(n=Count("pk")).values("n")))
        .filter(~Q(bio="") | Q(authors=1) & ~Q(memo__text__bio=""))
        .order_by(F("memo__published").desc(nulls_last=True), "-memo_id")
        .values_list("bio", "memo__text__bio")
        .first()
    )
    return (row[0] or row[1]) if row else None


@require_safe
@redirects_old_slugs("author")
def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    memos = Memo.objects.published().filter(authorships__author=author)
    return entity_memos(
        request,
        "memos/author_detail.html",
        memos,
        require_memos=True,
        author=author,
        bio=own_bio(author, memos),
        topics=caching.rows(facets.topics(memos.values("pk"))[:12]),
        countries=caching.rows(facets.countries(memos.values("pk"))[:12]),
        vendors=caching.rows(facets.vendors(memos.values("pk"))[:12]),
    )


@require_safe
def topic_list(request):
    return entity_list(request, Topic.objects.with_memo_counts(), "memos/topic_list.html")


@require_safe
@redirects_old_slugs("topic")
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    memos = Memo.objects.published().filter(
        pk__member_of=MemoTopic.objects.shown().filter(topic=topic).values("memo_id")
    )
    return entity_memos(
        request,
        "memos/topic_detail.html",
        memos,
        require_memos=True,
        topic=topic,
        countries=caching.rows(facets.countries(memos.values("pk"))[:12]),
        vendors=caching.rows(facets.vendors(memos.values("pk"))[:12]),
    )


@require_safe
def country_list(request):
    countries = Country.objects.with_memo_counts().filter(n__gt=0).order_by("-n", "name")
    rows = [{"value": c.code, "label": c.name, "n": c.n} for c in countries]
    world = worldmap.choropleth(rows, filter_urls(QueryDict(), "country"))
    world["drawn"] = worldmap.drawn(world["marks"])
    return render(request, "memos/country_list.html", {"countries": countries, "world": world})


def mentions_per_year(mentions) -> list[dict]:
    """Memos and mentions per year, with the years between that have none, oldest first."""
    counted = (
        mentions.filter(memo__published__isnull=False)
        .values(year=ExtractYear("memo__published"))
        .annotate(memos=Count("memo_id"), mentions=Sum("count"))  # one mention per memo and subject
        .order_by("year")
    )
    rows = {r["year"]: r for r in caching.rows(counted)}
    if not rows:
        return []
    return [
        rows.get(year, {"year": year, "memos": 0, "mentions": 0}) for year in range(min(rows), max(rows) + 1)
    ]


@require_safe
def country_detail(request, code):
    if code != code.upper():
        return redirect("country_detail", code.upper(), permanent=True)
    country = get_object_or_404(Country, code=code)
    memos = memos_mentioning(country=country)
    years = mentions_per_year(Mention.objects.counted().filter(country=country))
    return entity_memos(
        request,
        "memos/country_detail.html",
        memos,
        country=country,
        years=charts.mentions_chart(years, country),
        vendors=caching.rows(facets.vendors(memos.values("pk"))[:12]),
    )


@require_safe
def vendor_list(request):
    vendors = Vendor.objects.select_related("country").with_memo_counts().order_by("-n", "name")
    return render(request, "memos/vendor_list.html", {"vendors": vendors})


@require_safe
@redirects_old_slugs("vendor")
def vendor_detail(request, slug):
    vendor = get_object_or_404(Vendor.objects.select_related("country"), slug=slug)
    memos = memos_mentioning(vendor=vendor)
    return entity_memos(
        request,
        "memos/vendor_detail.html",
        memos,
        vendor=vendor,
        countries=caching.rows(facets.countries(memos.values("pk"))[:12]),
    )


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap": sitemap}, content_type="text/plain; charset=utf-8")
