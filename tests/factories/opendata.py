"""The open data page (``opendata.OpenDataPage``), one below the home page."""

from tests.factories.pages import SingletonPageFactory


class OpenDataPageFactory(SingletonPageFactory):
    class Meta:
        model = "opendata.OpenDataPage"

    title = "Offene Daten"
    title_en = "Open data"
    slug = "offene-daten"
    slug_en = "open-data"
    intro = "<p>Die öffentlichen Daten des Portals.</p>"
