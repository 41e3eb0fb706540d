from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "mitwirken.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from wagtail.signals import page_published

        # kinds registers the kinds of notification this app sends; views and feeds its page
        # routes.
        from mitwirken.editorial.registry import editorial_register
        from mitwirken.web import generations

        from . import feeds, kinds, routing, views  # noqa: F401
        from .models import NewsPage

        # A request finds its page in one small query per level (wagtail-modeltranslation,
        # ready before this app, read every child of each page on the way).
        routing.install()

        # The Ombudsstelle edits the whole site below the home page (Wissen, Aktuelles, Leichte
        # Sprache, Gebärdensprache, Barrierefreiheit, Datenschutz and what the apps add), its
        # footer links, and answers the accessibility feedback.
        editorial_register(
            ombudsstelle_pages=["pages.HomePage"],
            ombudsstelle_permissions=[
                "pages.change_sitelinks",
                "pages.view_feedback",
                "pages.change_feedback",
            ],
        )

        # Every page shows the footer links: the page cache begins anew when they are saved.
        generations.begin_on_save(generations.PAGES, "pages.SiteLinks")
        page_published.connect(announce_news, sender=NewsPage, dispatch_uid="pages.announce_news")


def announce_news(sender, instance, **kwargs):
    from .services import news_announce

    news_announce(news=instance)
