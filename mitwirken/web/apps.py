from django.apps import AppConfig


class WebConfig(AppConfig):
    """An app without models, so that its template tags (``kern_forms``, ``web_tags``) load and
    its hook links the admin stylesheet; it begins a new page generation when the page tree
    changes (``generations``)."""

    name = "mitwirken.web"
    label = "web"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import generations
        from .generations import PAGES, begin_pages

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(begin_pages, dispatch_uid=f"web.generations.{id(signal)}")
        # A deleted page, whether it was live or not (Wagtail sends no unpublish for it). Not
        # every save of a page: drafts and autosaves change nothing a visitor sees.
        post_delete.connect(
            begin_pages, sender="wagtailcore.Page", dispatch_uid="web.generations.page_deleted"
        )
        # A page made private (or public again) leaves every list and the navigation at once,
        # as an unpublished one does: not even a visitor's page from before is served.
        for signal in (post_save, post_delete):
            signal.connect(
                begin_pages,
                sender="wagtailcore.PageViewRestriction",
                dispatch_uid=f"web.generations.restriction.{id(signal)}",
            )
        # Pages show images (by the URLs of their renditions) and documents (title, size, file
        # name); the site's root page and host name decide every URL.
        generations.begin_on_save(
            PAGES, "wagtailimages.Image", "wagtaildocs.Document", "wagtailcore.Site"
        )
