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

        from .generations import begin_pages

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(begin_pages, dispatch_uid=f"web.generations.{id(signal)}")
        # Making a page private (or public again) changes which pages lists and menus show.
        for signal in (post_save, post_delete):
            signal.connect(
                begin_pages,
                sender="wagtailcore.PageViewRestriction",
                dispatch_uid=f"web.generations.restriction.{id(signal)}",
            )
