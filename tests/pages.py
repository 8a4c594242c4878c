"""Reading rendered pages as a reader or a browser does: the titles listed, a form as it is submitted."""

import re
from html import unescape

from bs4 import BeautifulSoup
from django.urls import reverse


def titles(response) -> list[str]:
    """Memo titles on a list page, in order."""
    found = re.findall(r'<h3 class="memo-title"><a href="[^"]+">(.*?)</a></h3>', response.text)
    return [unescape(title) for title in found]


def listed(client, query: str = "") -> set[str]:
    response = client.get(f"{reverse('memo_list')}?{query}")
    assert response.status_code == 200, response.text
    return set(titles(response))


def form_data(response, form_id: str) -> dict[str, list[str]]:
    """What a browser would submit for the form as rendered: every field with its current value."""
    soup = BeautifulSoup(response.content, "lxml")
    form = soup.find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "input":
            kind = field.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            default = "on" if kind in ("checkbox", "radio") else ""
            data.setdefault(name, []).append(field.get("value", default))
        elif field.name == "select":
            chosen = [o for o in field.find_all("option") if o.has_attr("selected")]
            if not chosen and not field.has_attr("multiple") and field.find("option"):
                chosen = [field.find("option")]
            data.setdefault(name, []).extend(o.get("value", o.text) for o in chosen)
        else:
            # Browsers drop the newline Django puts after <textarea>, and send lines ending in CRLF.
            text = field.text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            data.setdefault(name, []).append(text)
    return data


def row_of(data: dict, prefix: str, pk: int) -> str:
    """The form prefix ("mentions-3") of the inline row holding object `pk`."""
    return next(
        k[: -len("-id")]
        for k, v in data.items()
        if k.startswith(prefix) and k.endswith("-id") and v == [str(pk)]
    )
