"""GET parameters, checked one way for every view: a bad one is a 400 with a message, never a 500.

Two layers, both for any view of the site (public pages, feeds, the admin, and pages added later):

- `ParameterMiddleware` refuses, before any view runs, a path or a query string (names and
  values) holding characters no URL parameter has a use for: control characters (NUL, which
  PostgreSQL cannot store or compare; the C0 and C1 ranges, which XML 1.0 cannot carry, so a
  feed echoing one failed), lone surrogates and Unicode noncharacters.
- `clean(name, value, field)` and `clean_form(form)` check a value's type and range with a
  Django form field or form, and raise `BadParameter` with the field's message. A view, a
  FilterSet method or an admin list filter calls them; `BadParameter` is a `BadRequest`, so
  Django answers 400 and `memos.site.views.bad_request_page` (handler400) shows the message.

A view that answers in another format (JSON, XML) catches `BadParameter` and renders
`str(exc)` its own way.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.shortcuts import render

# C0 and C1 controls with DEL, UTF-16 surrogates, and the noncharacters (U+FDD0-FDEF and the
# last two code points of every plane).
FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


class BadParameter(BadRequest):
    """A parameter a page cannot use; the message is for the reader and names the parameter."""


def check_text(name: str, value: str) -> None:
    """Raise BadParameter if `value` holds a character no parameter may hold."""
    found = FORBIDDEN.search(value)
    if found:
        raise BadParameter(
            f"The {name} holds a control character (U+{ord(found.group()):04X}), which no address "
            "of this site uses."
        )


def check_request(request) -> None:
    """The path and every GET parameter name and value of `request` (see ParameterMiddleware)."""
    check_text("address", request.path_info)
    for name, values in request.GET.lists():
        check_text("parameter name", name)
        for value in values:
            check_text(f"parameter “{FORBIDDEN.sub('?', name)}”", value)


def clean(name: str, value, field: forms.Field):
    """`value` (a GET parameter) checked and converted by a form field, or BadParameter."""
    try:
        return field.clean(value)
    except ValidationError as exc:
        raise BadParameter(f"{name}: {' '.join(exc.messages)}") from None


def clean_form(form: forms.Form) -> dict:
    """A bound form's cleaned data, or BadParameter with every message it has."""
    if not form.is_valid():
        raise BadParameter(" ".join(message for errors in form.errors.values() for message in errors))
    return form.cleaned_data


def year_field(**kwargs) -> forms.IntegerField:
    """A year as a date can hold one (1 to 9999); `year=0` or `99999` would fail inside the ORM."""
    options = {
        "min_value": 1,
        "max_value": 9999,
        "error_messages": {"invalid": "The year must be a number like 2019."},
    }
    return forms.IntegerField(**{**options, **kwargs})


def date_parts(field: str, data) -> dict:
    """The admin's date hierarchy parameters of `field` (`<field>__year`, `__month`, `__day`),
    checked: Django's admin turns a bad one into a redirect, but a year past what an integer of
    C holds raises OverflowError there, a 500."""
    form = type(
        "DateParts",
        (forms.Form,),
        {
            f"{field}__year": year_field(required=False),
            f"{field}__month": forms.IntegerField(min_value=1, max_value=12, required=False),
            f"{field}__day": forms.IntegerField(min_value=1, max_value=31, required=False),
        },
    )
    return clean_form(form(data))


class CheckedDateHierarchy:
    """ModelAdmin mixin: the date hierarchy's parameters go through `date_parts` first."""

    def changelist_view(self, request, extra_context=None):
        if self.date_hierarchy:
            date_parts(self.date_hierarchy, request.GET)
        return super().changelist_view(request, extra_context)


class ParameterMiddleware:
    """Answers 400, with a message, a request whose path or query string no view could use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            check_request(request)
        except BadParameter as exc:
            return render(request, "400.html", {"message": str(exc)}, status=400)
        return self.get_response(request)
