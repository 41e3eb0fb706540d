from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "mitwirken.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from wagtail.signals import page_published

        # kinds registers the kinds of notification this app sends; views its page routes.
        from . import kinds, views  # noqa: F401
        from .models import NewsPage

        page_published.connect(announce_news, sender=NewsPage, dispatch_uid="pages.announce_news")


def announce_news(sender, instance, **kwargs):
    from .services import news_announce

    news_announce(news=instance)
