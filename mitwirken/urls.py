from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from mitwirken.files import public_media_serve
from mitwirken.opendata import views as opendata_views
from mitwirken.pages import views as page_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", page_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # The read API (docs/api.md): one address in every language, ?lang=en or Accept-Language.
    path("api/v1/", include("mitwirken.opendata.urls")),
]

#: Public uploads (images and their renditions) when the app serves them itself, in development
#: only: in production the proxy serves MEDIA_ROOT (docs/deployment.md). Documents are left out:
#: only Wagtail's view under /documents/ sends them, checking the privacy of their collection.
#: Private files are not under MEDIA_ROOT at all.
media_urlpatterns = [re_path(r"^media/(?P<path>.*)$", public_media_serve)]
if settings.DEBUG:
    urlpatterns += media_urlpatterns

urlpatterns += i18n_patterns(
    path(_("search/"), page_views.search, name="search"),
    path(
        _("accessibility-feedback/"),
        page_views.accessibility_feedback,
        name="accessibility_feedback",
    ),
    # Its documentation for people, a page in each language: /api/v1/docs/, /en/api/v1/docs/.
    path("api/v1/docs/", opendata_views.api_docs, name="api_docs"),
    path(_("notifications/"), include("mitwirken.notifications.urls")),
    path(_("account/"), include("mitwirken.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
