"""Every error of the API as one JSON body: ``{"error": {"code", "message", "fields"?}}``,
the message in the request's language; ``fields`` names each bad parameter with its
messages."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def _messages(detail) -> list[str]:
    if isinstance(detail, list):
        return [str(item) for item in detail]
    return [str(detail)]


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    error = {"code": getattr(exc, "default_code", "not_found"), "message": ""}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        error["code"] = "invalid"
        error["message"] = _("Some parameters are not valid.")
        error["fields"] = {name: _messages(detail) for name, detail in exc.detail.items()}
    elif response.status_code == 404:  # also Django's Http404, which DRF answers
        error["message"] = _("Nothing was found here.")
    else:
        error["message"] = " ".join(_messages(getattr(exc, "detail", str(exc))))
    response.data = {"error": error}
    return response
