"""The portal's WSGI application as the page benchmark (scripts/bench_pages.py) serves it.

The production application with the production settings, and three additions that exist only
here, so the portal's own URLs and settings stay as deployed:

- ``/bench-trivial/``: a trivial Django view returning 36 KiB of text, through the same
  middleware as every page: the baseline that the cost of a page is compared with;
- ``/media/``: public uploads, which in production the proxy serves (deploy/nginx.conf), so a
  browser's first visit gets its images;
- a request with the header ``X-Bench-Count-Queries: 1`` gets its number of database queries
  in the response header ``X-Bench-Queries`` (other requests pay nothing for it).

Run by gunicorn from the repository root: ``gunicorn --pythonpath scripts bench_wsgi``.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import HttpResponse
from django.urls import path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitwirken.settings.production")

TRIVIAL_SIZE = 36 * 1024
TRIVIAL_BODY = ("Mitwirken in Dortmund. " * (TRIVIAL_SIZE // 23 + 1))[:TRIVIAL_SIZE]
COUNT_HEADER = "HTTP_X_BENCH_COUNT_QUERIES"
QUERIES_HEADER = "X-Bench-Queries"


def trivial(request):
    return HttpResponse(TRIVIAL_BODY, content_type="text/plain; charset=utf-8")


portal = get_wsgi_application()

from mitwirken import urls as portal_urls  # noqa: E402  (after Django is set up)

urlpatterns = [
    path("bench-trivial/", trivial),
    *portal_urls.media_urlpatterns,
    *portal_urls.urlpatterns,
]
settings.ROOT_URLCONF = __name__


def application(environ, start_response):
    if environ.get(COUNT_HEADER) != "1":
        return portal(environ, start_response)
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    def start_with_count(status, headers, exc_info=None):
        # Django starts the response once the view and the middleware are done.
        return start_response(status, [*headers, (QUERIES_HEADER, str(queries))], exc_info)

    with connection.execute_wrapper(count):
        return portal(environ, start_with_count)
