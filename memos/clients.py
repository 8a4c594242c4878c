"""Who sent a request: the client's address, read through the trusted proxies in front of the site.

django-axes locks out a username and address pair (settings AXES_CLIENT_IP_CALLABLE). Behind a
load balancer REMOTE_ADDR is the balancer's, so every client would share one lockout. Each
trusted proxy appends the address it was connected from to X-Forwarded-For; anything further
left came from the client and can be forged, so the client is the entry TRUSTED_PROXY_COUNT
places from the right, and never an entry to the left of it. django-ipware's proxy count
reads the header differently (one entry per proxy plus the client), so a single balancer's
one-entry header would give no address at all.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address: X-Forwarded-For's trusted entry when BEHIND_PROXY, else REMOTE_ADDR."""
    direct = request.META.get("REMOTE_ADDR")
    if not settings.BEHIND_PROXY:
        return direct
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    count = max(1, settings.TRUSTED_PROXY_COUNT)
    if len(hops) < count or not hops[-count]:
        return direct  # not sent through every proxy (a health check on the private network)
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return direct
