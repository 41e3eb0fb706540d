"""Private files: uploads that are not public by nature (a formal statement's PDF carries a
citizen's name and address) live outside ``MEDIA_ROOT`` in ``PRIVATE_MEDIA_ROOT``, have no URL,
and reach a browser only through a view that checks a permission and answers with
``private_file_response`` (docs/security.md)."""

import posixpath
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.views.static import serve


class PrivateStorage(FileSystemStorage):
    """A file system storage in ``PRIVATE_MEDIA_ROOT`` whose files have no address."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; a view checks who may read them.")


def private_storage():
    """The storage of the ``private`` alias in ``STORAGES``; a callable, so migrations name no
    path."""
    return storages["private"]


def download_name(name: str, *, suffix: str = ".pdf") -> str:
    """A file name a browser may save: no control or format characters, no folders."""
    cleaned = "".join(
        "_" if char in "/\\" else char
        for char in unicodedata.normalize("NFC", name)
        if unicodedata.category(char)[0] != "C"
    ).strip(" .")
    if not cleaned.lower().endswith(suffix):
        cleaned = f"{cleaned or 'attachment'}{suffix}"
    return cleaned


def private_file_response(
    file, *, name: str, content_type: str, suffix: str = ".pdf"
) -> HttpResponse:
    """A download of ``file`` (a FieldFile in private storage) under the name ``name`` (which
    ends in ``suffix``).

    The app streams the file itself; with ``PRIVATE_MEDIA_ACCEL_REDIRECT`` set (nginx's
    internal location for ``PRIVATE_MEDIA_ROOT``, e.g. ``/_private/``) it answers with an empty
    body and ``X-Accel-Redirect``, and the proxy sends the bytes.
    """
    filename = download_name(name, suffix=suffix)
    prefix = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(file.name)
        response["Content-Disposition"] = content_disposition_header(True, filename)
    else:
        response = FileResponse(
            file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    patch_cache_control(response, private=True, no_store=True)
    return response


def public_media_serve(request, path: str):
    """Public uploads from ``MEDIA_ROOT``, for development (mitwirken/urls.py). Never Wagtail's
    documents: only its view under /documents/ sends them, checking their collection's privacy.
    """
    if posixpath.normpath(path).lstrip("/").split("/")[0] == "documents":
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
