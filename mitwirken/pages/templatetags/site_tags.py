from urllib.parse import parse_qsl, urlencode, urlsplit

from django import template
from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language, get_language_info, override
from wagtail.models import Page, Site

from mitwirken.pages.selectors import (
    breadcrumb_links,
    frame_prefetch,
    menu_links,
    page_urls,
    site_links,
)

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


def _request(context):
    """The request, with what every page shows read from the cache in one round trip (by
    whichever of these tags comes first)."""
    request = context.get("request")
    frame_prefetch(request, context.get("page"))
    return request


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The home page's live children that are marked "show in menus" (kept as a fragment);
    the one this page is or lies below is marked current."""
    page = context.get("page")
    path = page.path if isinstance(page, Page) else None
    items = []
    for link in menu_links(_request(context)):
        current = ""
        if path == link["path"]:
            current = "page"
        elif path and path.startswith(link["path"]):
            current = "true"
        items.append({**link, "current": current})
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current=""):
    """The path from the home page down to this page (the tree's invisible root left out);
    with ``current``, the name of a route of the page (a form), below the page itself."""
    if page.depth <= 2 and not current:
        return {}
    links = breadcrumb_links(_request(context), page)
    if current:
        return {"ancestors": links, "page": page, "current": current}
    return {"ancestors": [link for link in links if link["path"] != page.path], "page": page}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: the translated page URL, else the translated path.

    A page's own routes (a comparison, a form) and query strings (filters) carry over."""
    request = _request(context)
    page = context.get("page")
    current = get_language()
    languages = []
    rest = ""
    urls = {}
    if isinstance(page, Page) and request is not None:
        urls = page_urls(request, page)
        own_url = urls.get(current, "")
        if own_url and request.path.startswith(own_url):
            rest = request.get_full_path()[len(own_url) :]
    for code, _name in settings.LANGUAGES:
        if urls:
            url = (urls[code] or "/") + rest
        elif isinstance(page, Page):
            with override(code):
                url = (page.get_url(request) or "/") + rest
        elif request is not None:
            url = _with_translated_next(request, translate_url(request.get_full_path(), code), code)
        else:
            url = "/"
        languages.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return {"languages": languages}


def _translated_path(request, path: str, code: str) -> str:
    """``path``, a page of this site, in language ``code``: a Wagtail page by its translated
    slugs, another view through Django's ``translate_url``; unchanged when neither knows it."""
    base, _sep, query = path.partition("?")
    source = next(
        (c for c, _n in settings.LANGUAGES if base.startswith(f"/{c}/")), settings.LANGUAGE_CODE
    )
    with override(source):
        try:
            match = resolve(base)
        except Resolver404:
            return path
        if match.url_name != "wagtail_serve":
            return translate_url(path, code)
        site = _site(request)
        components = [c for c in (match.args[0] if match.args else "").split("/") if c]
        try:
            page = site.root_page.specific.route(request, components).page
        except (Http404, AttributeError):
            return path
        if page.get_url(request) != base:  # one of the page's own routes: left as it is
            return path
    with override(code):
        url = page.get_url(request)
    return f"{url}?{query}" if url and query else url or path


def _with_translated_next(request, url: str, code: str) -> str:
    """``url`` (e.g. the sign-in page in ``code``) with its ``next`` in ``code`` too, so that
    switching the language there also changes where it leads back to."""
    next_url = request.GET.get("next")
    if not next_url or not next_url.startswith("/") or next_url.startswith("//"):
        return url
    parts = urlsplit(url)
    query = [
        (key, _translated_path(request, value, code) if key == "next" else value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return parts._replace(query=urlencode(query)).geturl()


@register.inclusion_tag("components/footer.html", takes_context=True)
def footer_links(context):
    """The footer's fixed links (accessibility, Leichte Sprache, DGS, privacy, imprint, contact)."""
    return {"links": list(site_links(_request(context)).values())}


@register.simple_tag(takes_context=True)
def is_easy_language_page(context) -> bool:
    """Whether this is the page in Leichte Sprache that the footer links to (its layout is set
    for easy reading)."""
    request = _request(context)
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return False
    return site_links(request).get("easy_language", {}).get("id") == page.pk
