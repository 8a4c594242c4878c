"""While the database cannot be reached, every page answers 503 with Retry-After, not 500.

A restarting or failed-over PostgreSQL (or a SQLite file locked past the busy timeout) makes
queries raise OperationalError or InterfaceError. That is the site being briefly unavailable,
not a bug: clients and load balancers should retry, and error monitoring should not page
anyone for each request. Connections recover by themselves (CONN_HEALTH_CHECKS replaces a
broken one at the next request), so nothing else is needed.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 10
logger = logging.getLogger(__name__)


class DatabaseOutageMiddleware:
    """503 for a request whose view (or its template) could not reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        # A plain page: nothing in it reads the database, the session or the user.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
