from django.apps import AppConfig


class WebConfig(AppConfig):
    """An app without models, so that its template tags (``kern_forms``, ``web_tags``) load."""

    name = "mitwirken.web"
    label = "web"
