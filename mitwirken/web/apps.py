from django.apps import AppConfig


class WebConfig(AppConfig):
    """An app without models, so that its template tags (``kern_forms``, ``web_tags``) load and
    its hook links the admin stylesheet."""

    name = "mitwirken.web"
    label = "web"
