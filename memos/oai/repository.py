"""The archive as an OAI-PMH 2.0 repository: memos as oai_dc records, sets by series, topic and country.

The protocol itself (arguments, datestamps, the XML envelope, errors) is the `oaipmh` library's
server; this module answers its six verbs from the database. Records are listed in the order of
their last change (`Memo.updated_at`, then id), 100 a page; a resumption token carries the
position after the last record served, so records changed during a harvest are served again
later rather than skipped. Unpublished memos are deleted records, for as long as they exist.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Min, Prefetch
from oaipmh import common, error
from oaipmh.error import DatestampError
from oaipmh.metadata import MetadataRegistry
from oaipmh.server import ServerBase, decodeResumptionToken, encodeResumptionToken, oai_dc_writer

from ..models import Authorship, Country, Memo, MemoTopic, Mention, Topic
from ..site import citations

PAGE_SIZE = 100
VERBS = ("Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers", "ListRecords", "GetRecord")
OAI_DC = (
    "oai_dc",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc/",
)
# What a ListIdentifiers or ListRecords token may hold besides its position.
TOKEN_KEYS = {"metadataPrefix", "set", "from_", "until"}


def identifier(memo_id: int) -> str:
    return f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:memo/{memo_id}"


def memo_id_of(oai_identifier: str) -> int:
    prefix = re.escape(f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:memo/")
    found = re.fullmatch(prefix + r"([1-9][0-9]{0,17})", oai_identifier)
    if not found:
        raise error.IdDoesNotExistError(f"No record has the identifier {oai_identifier}.")
    return int(found[1])


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


class Identity(common.Identify):
    """Identify's answer; the earliest datestamp is read only when Identify itself is answered
    (the library asks for the base URL of every response from this object too)."""

    def earliestDatestamp(self):
        earliest = Memo.objects.aggregate(first=Min("updated_at"))["first"]
        return naive_utc(earliest) if earliest else datetime(2000, 1, 1)


class Repository(common.ResumptionOAIPMH):
    """The six verbs over the memos; `base_url` makes the records' links absolute."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    # --- Verbs ------------------------------------------------------------------------------------

    def identify(self):
        found = Identity(
            repositoryName="Policy Memo Archive",
            baseURL=self.base_url,
            protocolVersion="2.0",
            adminEmails=[settings.OAI_ADMIN_EMAIL],
            earliestDatestamp=None,
            deletedRecord="persistent",
            granularity="YYYY-MM-DDThh:mm:ssZ",
            compression=["identity"],
            toolkit_description=False,
        )
        found.add_description(
            '<oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
            '"http://www.openarchives.org/OAI/2.0/oai-identifier '
            'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">'
            "<scheme>oai</scheme>"
            f"<repositoryIdentifier>{settings.OAI_REPOSITORY_IDENTIFIER}</repositoryIdentifier>"
            "<delimiter>:</delimiter>"
            f"<sampleIdentifier>{identifier(1)}</sampleIdentifier>"
            "</oai-identifier>"
        )
        return found

    def listMetadataFormats(self, identifier=None):
        if identifier is not None and not Memo.objects.filter(pk=memo_id_of(identifier)).exists():
            raise error.IdDoesNotExistError(f"No record has the identifier {identifier}.")
        return [OAI_DC]

    def listSets(self, resumptionToken=None):
        if resumptionToken is not None:
            raise error.BadResumptionTokenError("This repository gives no resumption tokens for sets.")
        published = Memo.objects.published()
        series = published.exclude(series="").order_by("series").values_list("series", flat=True).distinct()
        topics = (
            Topic.objects.filter(memotopic__in=MemoTopic.objects.shown().filter(memo__is_published=True))
            .distinct()
            .order_by("slug")
        )
        countries = Country.objects.filter(mentions__in=Mention.objects.counted()).distinct().order_by("code")
        sets = [(f"series:{s}", f"Series {s}", None) for s in series]
        sets += [(f"topic:{t.slug}", f"Topic: {t.name}", None) for t in topics]
        sets += [(f"country:{c.code}", f"Country: {c.name}", None) for c in countries]
        return sets, None

    def getRecord(self, metadataPrefix, identifier):
        self.check_format(metadataPrefix)
        memo = self.records(Memo.objects.filter(pk=memo_id_of(identifier))).first()
        if memo is None:
            raise error.IdDoesNotExistError(f"No record has the identifier {identifier}.")
        return self.record(memo)

    def listIdentifiers(self, **kw):
        memos, token = self.page(**kw)
        return [self.header(memo) for memo in memos], token

    def listRecords(self, **kw):
        memos, token = self.page(**kw)
        return [self.record(memo) for memo in memos], token

    # --- Lists, a page at a time -------------------------------------------------------------------

    def page(self, metadataPrefix=None, set=None, from_=None, until=None, resumptionToken=None):
        """A page of memos in the order of their last change, and the token for the next, if any."""
        after = None
        if resumptionToken is not None:
            metadataPrefix, set, from_, until, after = self.read_token(resumptionToken)
        self.check_format(metadataPrefix)
        memos = Memo.objects.all()
        if from_ is not None:
            memos = memos.filter(updated_at__gte=from_.replace(tzinfo=UTC))
        if until is not None:  # until is inclusive, to the second the datestamps show
            memos = memos.filter(updated_at__lte=until.replace(microsecond=999_999, tzinfo=UTC))
        if set is not None:
            memos = memos.filter(pk__in=self.set_members(set))
        if after is not None:
            moment, pk = after
            memos = memos.filter(updated_at__gte=moment).exclude(updated_at=moment, pk__lte=pk)
        rows = list(self.records(memos.order_by("updated_at", "pk"))[: PAGE_SIZE + 1])
        if len(rows) <= PAGE_SIZE:
            return rows, None
        rows = rows[:PAGE_SIZE]
        last = rows[-1]
        kw = {"metadataPrefix": metadataPrefix, "after": f"{last.updated_at.isoformat()}|{last.pk}"}
        kw.update((k, v) for k, v in (("set", set), ("from_", from_), ("until", until)) if v is not None)
        return rows, encodeResumptionToken(kw, 0)

    @staticmethod
    def read_token(token: str):
        """The arguments a token of ours carries; anything else is a badResumptionToken."""
        try:
            kw, _ = decodeResumptionToken(token)
            moment, pk = kw.pop("after").split("|")
            after = (datetime.fromisoformat(moment), int(pk))
        except (error.ErrorBase, DatestampError, KeyError, ValueError, TypeError) as exc:
            raise error.BadResumptionTokenError(
                f"The resumption token {token!r} is not one of ours."
            ) from exc
        if after[0].tzinfo is None or not set(kw) <= TOKEN_KEYS or "metadataPrefix" not in kw:
            raise error.BadResumptionTokenError(f"The resumption token {token!r} is not one of ours.")
        return kw["metadataPrefix"], kw.get("set"), kw.get("from_"), kw.get("until"), after

    @staticmethod
    def check_format(prefix: str) -> None:
        if prefix != OAI_DC[0]:
            raise error.CannotDisseminateFormatError(
                f"The only metadata format here is oai_dc, not {prefix}."
            )

    @staticmethod
    def set_members(spec: str):
        """The ids of the memos in a set: series:<name>, topic:<slug> or country:<ISO code>."""
        kind, _, value = spec.partition(":")
        if kind == "series" and value:
            return Memo.objects.filter(series=value).values("pk")
        if kind == "topic" and value:
            return MemoTopic.objects.shown().filter(topic__slug=value).values("memo_id")
        if kind == "country" and value:
            return Mention.objects.filter(country_id=value.upper(), verdict__in=Mention.COUNTED).values(
                "memo_id"
            )
        return Memo.objects.none().values("pk")  # no such set: no records match

    # --- One record --------------------------------------------------------------------------------

    @staticmethod
    def records(memos):
        """What a header and its oai_dc record show, fetched in a fixed number of queries."""
        return memos.prefetch_related(
            Prefetch(
                "authorships", queryset=Authorship.objects.select_related("author").order_by("position")
            ),
            Prefetch(
                "memotopic_set",
                queryset=MemoTopic.objects.shown().select_related("topic").order_by("topic__name", "id"),
                to_attr="shown_topic_links",
            ),
            Prefetch(
                "mentions",
                queryset=Mention.objects.filter(verdict__in=Mention.COUNTED, country__isnull=False)
                .select_related("country")
                .order_by("-count", "pk"),
                to_attr="country_mentions",
            ),
        )

    def header(self, memo) -> common.Header:
        sets = [f"series:{memo.series}"] if memo.series else []
        sets += [f"topic:{t.slug}" for t in memo.shown_topics]
        sets += [f"country:{m.country_id}" for m in memo.country_mentions]
        return common.Header(
            None, identifier(memo.pk), naive_utc(memo.updated_at), sets, not memo.is_published
        )

    def record(self, memo):
        header = self.header(memo)
        if header.isDeleted():
            return header, None, None
        return header, common.Metadata(None, self.dublin_core(memo)), None

    def dublin_core(self, memo) -> dict[str, list[str]]:
        page = self.absolute(memo.get_absolute_url())
        identifiers = [page, self.absolute(memo.permalink())]
        identifiers += [url for url in (memo.pdf_url,) if urlsplit(url).scheme in ("http", "https")]
        wording = citations.memo_wording(memo)
        if memo.memo_number is not None:
            wording += f" No. {memo.memo_number}"
        return {
            "title": [memo.title],
            "creator": [citations.ris_name(name) for name in citations.author_names(memo)],
            "subject": [t.name for t in memo.shown_topics],
            "description": [memo.summary] if memo.summary else [],
            "publisher": [p for p in (citations.publisher(memo),) if p],
            "date": [memo.published.isoformat()] if memo.published else [],
            "type": ["Text", "Report"],
            "format": ["text/html"],
            "identifier": identifiers,
            "source": [memo.source_url] if urlsplit(memo.source_url).scheme in ("http", "https") else [],
            "language": [memo.language] if memo.language else [],
            "relation": [wording],
            "coverage": [m.country.name for m in memo.country_mentions],
        }

    def absolute(self, path: str) -> str:
        split = urlsplit(self.base_url)
        return f"{split.scheme}://{split.netloc}{path}"


REGISTRY = MetadataRegistry()
REGISTRY.registerWriter("oai_dc", oai_dc_writer)


class Server(ServerBase):
    """The oaipmh library's server over our Repository, for one request's parameters."""

    def __init__(self, base_url: str):
        super().__init__(Repository(base_url), REGISTRY)

    def answer(self, params) -> bytes:
        """The XML answer to a request's parameters (a QueryDict): a response, or OAI errors."""
        repeated = [name for name, values in params.lists() if len(values) > 1]
        if repeated:
            return self.error(
                error.BadArgumentError(f"Arguments given more than once: {', '.join(repeated)}.")
            )
        verb = params.get("verb")
        if verb not in VERBS:
            # The library also knows an unofficial GetMetadata verb, which this repository does not offer.
            return self.error(error.BadVerbError(f"Not an OAI-PMH verb: {verb}." if verb else "No verb."))
        return self.handleRequest(params.dict())

    def error(self, exc: error.ErrorBase) -> bytes:
        return self.handleException({}, (type(exc), exc, None))
