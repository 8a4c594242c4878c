"""GET parameters (memos.site.parameters): control characters and out-of-range values get a 400 with
a message on every view, the feed and the admin's list filters included."""

import pytest
from django import forms

from memos.site import parameters
from tests.factories import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(reference_data):
    return build_archive()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/feeds/memos.atom?q=%01", "control character (U+0001)"),
        ("/feeds/memos.atom?series=%01", "control character (U+0001)"),
        ("/feeds/memos.atom?category=%08x", "control character (U+0008)"),
        ("/countries/%00/", "The address holds a control character (U+0000)"),
        ("/memos/?q=a%00b", "control character (U+0000)"),
        ("/memos/?%1Fcountry=RU", "The parameter name holds a control character (U+001F)"),
        ("/memos/?series=%C2%85", "control character (U+0085)"),
        ("/memos/?q=%EF%BF%BF", "U+FFFF"),
        ("/authors/?page=%0A2", "control character (U+000A)"),
        ("/feeds/memos.atom?year=99999", "Ensure this value is less than or equal to 9999."),
        ("/feeds/memos.atom?year=%C2%B2", "The year must be a number like 2019."),
    ],
)
def test_public_pages_and_the_feed_answer_400_with_a_message(client, archive, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=99999", "Year: Ensure this value is less than or equal to 9999."),
        ("year=0", "Year: Ensure this value is greater than or equal to 1."),
        ("year=%C2%B2", "Year: The year must be a number like 2019."),
        ("year=x", "Year: The year must be a number like 2019."),
        ("language=%00", "control character (U+0000)"),
        ("q=%00", "control character (U+0000)"),
        ("published__year=" + "9" * 40, "Ensure this value is less than or equal to 9999."),
        ("published__year=2019&published__month=13", "Ensure this value is less than or equal to 12."),
    ],
)
def test_admin_list_filters_answer_400_with_a_message(admin_client, archive, query, message):
    response = admin_client.get(f"/admin/memos/memo/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_good_values_still_filter(admin_client, client, archive):
    assert admin_client.get("/admin/memos/memo/?year=2019").status_code == 200
    assert admin_client.get("/admin/memos/memo/?year=none").status_code == 200
    response = admin_client.get("/admin/memos/memo/?year=2020")
    assert "Spectrum Wars in Russia" in response.content.decode()
    assert "Cameras in Almaty" not in response.content.decode()
    # Tabs, newlines and Unicode letters are not control characters in a search: only C0/C1.
    assert client.get("/memos/?q=Камеры").status_code == 200
    assert client.get("/feeds/memos.atom?q=%E2%80%AEx").status_code == 200


def test_clean_converts_or_raises_bad_parameter_with_the_fields_message():
    assert parameters.clean("Year", "2019", parameters.year_field()) == 2019
    with pytest.raises(parameters.BadParameter, match="Year: Ensure this value is less than"):
        parameters.clean("Year", "10000", parameters.year_field())
    with pytest.raises(parameters.BadParameter, match="page: Enter a whole number."):
        parameters.clean("page", "1e9", forms.IntegerField())


def test_clean_form_gives_the_cleaned_data_or_every_message():
    class Form(forms.Form):
        year = parameters.year_field()
        size = forms.IntegerField(max_value=100)

    assert parameters.clean_form(Form({"year": "2019", "size": "5"})) == {"year": 2019, "size": 5}
    with pytest.raises(parameters.BadParameter) as raised:
        parameters.clean_form(Form({"year": "0", "size": "500"}))
    assert "greater than or equal to 1" in str(raised.value)
    assert "less than or equal to 100" in str(raised.value)
