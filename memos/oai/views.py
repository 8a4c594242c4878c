"""/oai/: the OAI-PMH endpoint, answering GET and POST as the protocol allows."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .repository import Server


@csrf_exempt  # harvesters POST form-encoded requests; nothing here writes
@require_http_methods(["GET", "HEAD", "POST"])
def oai(request):
    params = request.POST if request.method == "POST" else request.GET
    xml = Server(request.build_absolute_uri(reverse("oai"))).answer(params)
    # OAI errors are answers of the protocol, sent with 200 like any other (OAI-PMH 2.0, 3.6).
    return HttpResponse(xml, content_type="text/xml; charset=utf-8")
