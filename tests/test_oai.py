"""OAI-PMH 2.0 at /oai/: harvested by sickle, a real OAI client, over HTTP; errors as the protocol says."""

from datetime import date, timedelta

import pytest
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from sickle import Sickle
from sickle import oaiexceptions as oai_errors

from memos.models import Memo
from memos.oai.repository import PAGE_SIZE, identifier
from tests.factories import build_archive

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def many_memos(n: int, start: int = 0) -> None:
    Memo.objects.bulk_create(
        Memo(
            title=f"Bulk memo {i}",
            slug=f"bulk-memo-{i}",
            published=date(2010, 1, 1) + timedelta(days=i),
            series="7",
            is_published=i % 10 != 3,  # every tenth is unpublished: a deleted record
        )
        for i in range(start, start + n)
    )


def request(client, **params) -> etree._Element:
    response = client.get(reverse("oai"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return etree.fromstring(response.content)


def error_codes(client, **params) -> list[str]:
    return [e.get("code") for e in request(client, **params).findall(f"{OAI}error")]


# --- Harvesting with sickle -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_sickle_harvests_every_published_memo_exactly_once(live_server, reference_data):
    archive = build_archive()
    many_memos(2 * PAGE_SIZE + 30)
    harvester = Sickle(live_server.url + reverse("oai"))
    records = list(harvester.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
    live = [r for r in records if not r.header.deleted]
    deleted = [r for r in records if r.header.deleted]
    published = Memo.objects.filter(is_published=True)
    assert sorted(r.header.identifier for r in live) == sorted(
        identifier(pk) for pk in published.values_list("pk", flat=True)
    )
    assert len(live) == len({r.header.identifier for r in live}) == published.count()
    unpublished = Memo.objects.filter(is_published=False).values_list("pk", flat=True)
    assert sorted(r.header.identifier for r in deleted) == sorted(identifier(pk) for pk in unpublished)
    assert identifier(archive["draft"].pk) in {r.header.identifier for r in deleted}
    # The same through ListIdentifiers.
    headers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    assert {h.identifier for h in headers if not h.deleted} == {r.header.identifier for r in live}
    assert {h.identifier for h in headers if h.deleted} == {r.header.identifier for r in deleted}


@pytest.mark.django_db(transaction=True)
def test_a_record_in_oai_dc(live_server, reference_data):
    archive = build_archive()
    memo = archive["spectrum"]
    harvester = Sickle(live_server.url + reverse("oai"))
    record = harvester.GetRecord(identifier=identifier(memo.pk), metadataPrefix="oai_dc")
    dc = record.metadata
    assert dc["title"] == ["Spectrum Wars in Russia"]
    assert dc["creator"] == ["Brown, Boris", "Adams, Alice"]
    assert dc["subject"] == ["Telecom"]
    assert dc["date"] == ["2020-05-10"]
    assert dc["publisher"] == ["PONARS Eurasia"]
    assert dc["language"] == ["en"]
    assert dc["coverage"] == ["Russia"]  # counted mentions only
    assert f"{live_server.url}{memo.get_absolute_url()}" in dc["identifier"]
    assert f"{live_server.url}/id/memo/{memo.pk}/" in dc["identifier"]
    assert sorted(record.header.setSpecs) == ["country:RU", "series:2", "topic:telecom"]
    assert not record.header.deleted


@pytest.mark.django_db(transaction=True)
def test_sets_by_series_topic_and_country(live_server, reference_data):
    archive = build_archive()
    harvester = Sickle(live_server.url + reverse("oai"))
    sets = {s.setSpec: s.setName for s in harvester.ListSets()}
    assert sets["series:2"] == "Series 2"
    assert sets["topic:surveillance"] == "Topic: Surveillance"
    assert sets["country:KZ"] == "Country: Kazakhstan"
    assert "topic:secret-topic" not in sets and "country:GE" not in sets  # named by the draft alone

    def harvested(spec: str) -> set[str]:
        return {h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", set=spec)}

    assert harvested("country:KZ") == {identifier(archive[k].pk) for k in ("cameras", "russian")}
    assert harvested("topic:surveillance") == {identifier(archive[k].pk) for k in ("cameras", "cyber")}
    assert len(harvested("series:2")) == 4
    with pytest.raises(oai_errors.NoRecordsMatch):
        list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="country:ZZ"))


# --- Dates, deletions, paging -----------------------------------------------------------------------


@pytest.mark.django_db
def test_from_and_until_select_on_the_last_change(client):
    archive = build_archive()
    old = timezone.now() - timedelta(days=30)
    QuerySet(Memo).update(updated_at=old)  # a plain QuerySet: no write is noted, nothing restamped
    stamp = (old + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert error_codes(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": stamp}) == [
        "noRecordsMatch"
    ]
    # Unpublishing changes no column but is_published; the memo's last change is still now.
    Memo.objects.filter(pk=archive["cameras"].pk).set_published(False)
    # A link written without saving the memo (a topic link) is a change of the record too.
    archive["cyber"].topics.clear()
    root = request(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": stamp})
    headers = root.findall(f"{OAI}ListIdentifiers/{OAI}header")
    assert {h.findtext(f"{OAI}identifier"): h.get("status") for h in headers} == {
        identifier(archive["cameras"].pk): "deleted",
        identifier(archive["cyber"].pk): None,
    }
    until = (old + timedelta(days=1)).strftime("%Y-%m-%d")
    root = request(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=until)
    assert len(root.findall(f"{OAI}ListIdentifiers/{OAI}header")) == 4  # the six, less the two changed
    datestamp = old.strftime("%Y-%m-%dT%H:%M:%SZ")
    root = request(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=datestamp)
    assert len(root.findall(f"{OAI}ListIdentifiers/{OAI}header")) == 4  # until is inclusive to the second


@pytest.mark.django_db
def test_the_ends_of_time_are_dates_like_any_other(client):
    build_archive()
    for params in ({"from": "0001-01-01", "until": "9999-12-31"}, {"until": "9999-12-31T23:59:59Z"}):
        root = request(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        assert len(root.findall(f"{OAI}ListIdentifiers/{OAI}header")) == 6


@pytest.mark.django_db
def test_paging_by_100_with_resumption_tokens(client):
    many_memos(PAGE_SIZE + 1)
    root = request(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert len(root.findall(f"{OAI}ListRecords/{OAI}record")) == PAGE_SIZE
    token = root.findtext(f"{OAI}ListRecords/{OAI}resumptionToken")
    assert token
    root = request(client, verb="ListRecords", resumptionToken=token)
    assert len(root.findall(f"{OAI}ListRecords/{OAI}record")) == 1
    assert root.find(f"{OAI}ListRecords/{OAI}resumptionToken") is None


@pytest.mark.django_db
def test_a_record_changed_during_a_harvest_is_served_again_not_skipped(client):
    many_memos(PAGE_SIZE + 20)
    first = request(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen = [h.findtext(f"{OAI}identifier") for h in first.iter(f"{OAI}header")]
    token = first.findtext(f"{OAI}ListIdentifiers/{OAI}resumptionToken")
    # A memo already served changes before the next page: the rest must still all come.
    served = Memo.objects.get(slug="bulk-memo-0")
    served.title = "Bulk memo 0, revised"
    served.save()
    second = request(client, verb="ListIdentifiers", resumptionToken=token)
    seen += [h.findtext(f"{OAI}identifier") for h in second.iter(f"{OAI}header")]
    assert set(seen) == {identifier(pk) for pk in Memo.objects.values_list("pk", flat=True)}
    assert seen.count(identifier(served.pk)) == 2


@pytest.mark.django_db
def test_identify(client):
    build_archive()
    root = request(client, verb="Identify")
    identify = root.find(f"{OAI}Identify")
    assert identify.findtext(f"{OAI}baseURL") == "http://testserver/oai/"
    assert identify.findtext(f"{OAI}protocolVersion") == "2.0"
    assert identify.findtext(f"{OAI}deletedRecord") == "persistent"
    assert identify.findtext(f"{OAI}granularity") == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext(f"{OAI}earliestDatestamp").endswith("Z")


@pytest.mark.django_db
def test_list_metadata_formats(client):
    archive = build_archive()
    root = request(client, verb="ListMetadataFormats", identifier=identifier(archive["cameras"].pk))
    assert [f.findtext(f"{OAI}metadataPrefix") for f in root.iter(f"{OAI}metadataFormat")] == ["oai_dc"]


@pytest.mark.django_db
def test_get_record_of_an_unpublished_memo_is_a_deleted_header(client):
    archive = build_archive()
    root = request(
        client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier(archive["draft"].pk)
    )
    record = root.find(f"{OAI}GetRecord/{OAI}record")
    assert record.find(f"{OAI}header").get("status") == "deleted"
    assert record.find(f"{OAI}metadata") is None


@pytest.mark.django_db
def test_post_requests_are_answered_too(client):
    build_archive()
    response = client.post(reverse("oai"), {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    assert response.status_code == 200
    # The five published memos and the draft, as a deleted record.
    assert len(etree.fromstring(response.content).findall(f"{OAI}ListIdentifiers/{OAI}header")) == 6


# --- Errors -------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"verb": "Foo"}, "badVerb"),
        ({}, "badVerb"),
        ({"verb": "GetMetadata", "identifier": "x", "metadataPrefix": "oai_dc"}, "badVerb"),
        ({"verb": ["Identify", "ListSets"]}, "badArgument"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2020-02-01T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "GetRecord", "identifier": "oai:x:memo/1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "identifier": "MEMO", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "identifier": "oai:elsewhere:memo/1", "metadataPrefix": "oai_dc"},
            "idDoesNotExist",
        ),
        ({"verb": "GetRecord", "identifier": "ID", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "ID"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "topic:nothing"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "resumptionToken": "garbage"}, "badResumptionToken"),
        (
            {"verb": "ListRecords", "resumptionToken": "metadataPrefix%3Doai_dc%26cursor%3D0"},
            "badResumptionToken",
        ),
        (
            {
                "verb": "ListRecords",
                "resumptionToken": "metadataPrefix%3Doai_dc%26after%3Dx%7C1%26cursor%3D0",
            },
            "badResumptionToken",
        ),
        ({"verb": "ListRecords", "resumptionToken": "from_%3Dsoon%26cursor%3D0"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
    ],
)
def test_errors_are_oai_errors(client, params, code):
    archive = build_archive()
    params = {
        k: (v.replace("ID", identifier(999999)).replace("MEMO", identifier(archive["cameras"].pk))
            if isinstance(v, str) else v)
        for k, v in params.items()
    }  # fmt: skip
    assert error_codes(client, **params) == [code]


@pytest.mark.django_db
def test_the_error_names_only_the_base_url_for_bad_verbs(client):
    root = request(client, verb="Foo")
    assert root.find(f"{OAI}request").attrib == {}
    assert root.findtext(f"{OAI}request") == "http://testserver/oai/"
