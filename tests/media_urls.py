"""The site's URLs with public uploads served by the app itself, as in development (DEBUG):
tests prove that even then /media/ sends neither private files nor Wagtail's documents."""

from mitwirken.urls import media_urlpatterns
from mitwirken.urls import urlpatterns as site_urlpatterns

urlpatterns = [*media_urlpatterns, *site_urlpatterns]
