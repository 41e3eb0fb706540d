"""What places registers with Wagtail: the snippet viewsets of ``mitwirken/places/admin/``."""

from wagtail.snippets.models import register_snippet

from .admin.viewsets import PlacesViewSetGroup

register_snippet(PlacesViewSetGroup)
