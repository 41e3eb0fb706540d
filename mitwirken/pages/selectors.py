from wagtail.models import Page


def page_search(query: str):
    """Live public pages of every type matching the query, best first, as specific pages."""
    return Page.objects.live().public().specific().search(query)
