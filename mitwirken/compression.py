"""Compressed HTML: Django's GZipMiddleware for what the app renders, not for the files it sends.

Pages, JSON, calendars and CSV shrink to a fifth. Files (Wagtail's documents, a statement's
PDF) are sent as ``FileResponse``: videos and PDFs are compressed already, a video is fetched in
ranges, and a download's ``Content-Length`` drives its progress bar; they pass unchanged. Static
files never reach this: whitenoise answers them before, with the gzip and brotli variants made
at ``collectstatic``. BREACH and where else compression may happen: docs/deployment.md.
"""

from django.http import FileResponse
from django.middleware.gzip import GZipMiddleware


class PortalGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if isinstance(response, FileResponse):
            return response
        return super().process_response(request, response)
