"""How a request finds its page: one small query per level of the path.

wagtail-modeltranslation replaces every translated page model's ``route`` with its own, which
reads *all* children of each page on the way and compares their slugs in Python (the slug of
the active language, else the German one). A procedure at /beteiligung/hoerde/<slug>/ so loaded
every district folder and every procedure of the district, each as a specific page, on every
request; the cost grew with the number of pages.

``route`` here does the same in SQL: it asks for the one child whose slug, in the order the
page shows it (``modeltranslation.utils.resolution_order``: the active language, then its
fallbacks), is the next part of the path; a page on the way that has no routes of its own is
not fetched as its specific class. ``install`` puts it in place of wagtail-modeltranslation's
once that has patched the models (``PagesConfig.ready``).
"""

from django.db.models import Q
from django.http import Http404
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult


def slug_q(slug: str) -> Q:
    """Pages whose slug, as shown in the active language (or its fallback), is ``slug``."""
    found, untranslated = Q(), Q()
    for language in resolution_order(get_language()):
        field = build_localized_fieldname("slug", language)
        found |= untranslated & Q(**{field: slug})
        untranslated &= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return found


def route(page, request, path_components):
    """``Page.route``: the page itself, one of its own routes (a ``RoutablePage``), or the
    route of the child that the next part of the path names."""
    if isinstance(page, RoutablePageMixin) and page.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = page.resolve_subpage(path)
        except Http404:
            pass
        else:
            return RouteResult(page, args=(view, args, kwargs))
    if not path_components:
        if page.live:
            return RouteResult(page)
        raise Http404
    child = page.get_children().filter(slug_q(path_components[0])).first()
    if child is None:
        raise Http404
    remaining = path_components[1:]
    model = child.specific_class
    if remaining and model is not None and not issubclass(model, RoutablePageMixin):
        return route(child, request, remaining)  # a page on the way, with no routes of its own
    return child.specific.route(request, remaining)


def install() -> None:
    """Route every page model with ``route`` that wagtail-modeltranslation gave its own."""
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    for model in (Page, *get_page_models()):
        if model.__dict__.get("route") is _new_route:
            model.route = route
