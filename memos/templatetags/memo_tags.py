"""Template tags of the public site: links that add or remove one filter value; JSON-LD."""

import json
from collections.abc import Callable
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..site.filters import REPEATABLE

register = template.Library()


@register.simple_tag
def filter_url(params, name: str, value) -> str:
    """The memo list with `value` of `name` toggled: removed if chosen, else added.

    Repeatable parameters (country, vendor, topic) gain the value beside the others;
    single ones (author, year, ...) take it instead of their current value.
    The page number is dropped, since the results change.
    """
    return filter_urls(params, name)(value)


def filter_urls(params, name: str) -> Callable[[object], str]:
    """filter_url for many values of one parameter (a map's countries): what they share, done once."""
    base = reverse("memo_list")
    lists = [(key, values) for key, values in params.lists() if key != "page"]
    chosen = params.getlist(name)

    def url(value) -> str:
        value = str(value)
        if value in chosen:
            values = [v for v in chosen if v != value]
        elif name in REPEATABLE:
            values = [*chosen, value]
        else:
            values = [value]
        query = [(key, values if key == name else current) for key, current in lists]
        if not any(key == name for key, _ in lists):
            query.append((name, values))
        encoded = urlencode([(key, v) for key, vs in query for v in vs])
        return base + (f"?{encoded}" if encoded else "")

    return url


@register.simple_tag
def list_url(**params) -> str:
    """The memo list filtered by `params`, for links from other pages."""
    query = urlencode(params)
    return reverse("memo_list") + (f"?{query}" if query else "")


@register.simple_tag
def combination_url(name: str, value: str, other: str, other_value: str) -> str:
    """The memo list filtered by two parameters whose names are variables (an author's countries)."""
    return list_url(**{name: value, other: other_value})


@register.simple_tag
def page_range(page):
    """Page numbers around the current one, with ellipses (Paginator.ELLIPSIS) between."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.filter
def pdf_link(memo) -> str:
    """The memo's PDF as an absolute http(s) URL, or "" when there is none to offer."""
    return memo.pdf_href


# Characters that could end the <script> element or open markup, as json_script escapes them.
JSON_IN_HTML = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> str:
    """A JSON-LD data block. It is data, not a script: browsers run none of it, and CSP's
    script-src does not govern it."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_IN_HTML)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
