from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

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
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Uploaded images and documents; a larger installation serves them from its proxy or S3.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", static_serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path(_("search/"), page_views.search, name="search"),
    path(_("notifications/"), include("mitwirken.notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
