"""Template tags of the public site: links that add or remove one filter value; JSON-LD."""

import json
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
    query = params.copy()
    value = str(value)
    values = query.getlist(name)
    if value in values:
        values.remove(value)
    elif name in REPEATABLE:
        values.append(value)
    else:
        values = [value]
    query.setlist(name, values)
    query.pop("page", None)
    for key in [k for k, v in query.lists() if not v]:
        del query[key]
    encoded = query.urlencode()
    return reverse("memo_list") + (f"?{encoded}" if encoded else "")


@register.simple_tag
def list_url(**params) -> str:
    """The memo list filtered by `params`, for links from other pages."""
    query = urlencode(params)
    return reverse("memo_list") + (f"?{query}" if query else "")


@register.filter
def percent(value, peak) -> int:
    """`value` as a whole percentage of `peak` (0 when there is no peak)."""
    return round(100 * value / peak) if peak else 0


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
