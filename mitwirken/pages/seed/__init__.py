"""Demo content of the portal's own pages for ``manage.py seed_demo``: the home page and site,
Wissen, Aktuelles and the service pages the footer links to. The content is in this folder's
YAML files; the functions below write it (see ``mitwirken.seeding`` for the data's conventions).
"""

from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.utils.file import hash_filelike

from mitwirken.seeding import Step, document_ensure, page_ensure

from ..models import (
    AccessibilityStatementPage,
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteLinks,
    StandardPage,
)

FOLDER = Path(__file__).parent


def _home() -> HomePage:
    return HomePage.objects.get()


def home(data: dict) -> int:
    """Home page and site"""
    root = Page.get_first_root_node()
    # Wagtail's installation creates a plain "Welcome" page; the portal's home page replaces it.
    for page in root.get_children().exact_type(Page):
        page.delete()
    for document in data["documents"]:
        document_ensure(FOLDER, document)
    home_page = page_ensure(root, HomePage, data["home_page"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    for name, value in data["site"].items():
        setattr(site, name, value)
    site.root_page = home_page
    site.save()
    return 2 + len(data["documents"])


def _image(spec: dict):
    """An image from a file of this folder, found again by its title; replaced when the file
    has changed (its hash differs), so a rerun writes nothing new."""
    content = (FOLDER / spec["file"]).read_bytes()
    image = get_image_model().objects.filter(title=spec["title"]).first()
    if image is not None and image.file_hash == hash_filelike(BytesIO(content)):
        return image
    if image is None:
        image = get_image_model()(title=spec["title"])
    else:
        image.renditions.all().delete()  # sizes of the old file
    image.description = spec["description"]
    image.file = ImageFile(BytesIO(content), name=Path(spec["file"]).name)  # with its size
    image._set_image_file_metadata()  # bytes and hash
    image.save()
    return image


def knowledge(data: dict) -> int:
    """Wissen (knowledge articles with their illustrations)"""
    for spec in data["images"]:
        _image(spec)
    index = page_ensure(_home(), ArticleIndexPage, data["index"])
    for article in data["articles"]:
        page_ensure(index, ArticlePage, article)
    return len(data["images"]) + 1 + len(data["articles"])


def news(data: dict) -> int:
    """Aktuelles (news)"""
    index = page_ensure(_home(), NewsIndexPage, data["index"])
    for item in data["news"]:
        page_ensure(index, NewsPage, item)
    return 1 + len(data["news"])


PAGE_TYPES = {model.__name__: model for model in (StandardPage, AccessibilityStatementPage)}


def service_pages(data: list) -> int:
    """Leichte Sprache, Gebärdensprache, Barrierefreiheit, Impressum, Kontakt"""
    home_page = _home()
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    written = 1
    for spec in data:
        spec = dict(spec)
        model, link = PAGE_TYPES[spec.pop("type")], spec.pop("site_link")
        documents = spec.pop("documents", [])
        for document in documents:
            document_ensure(FOLDER, document)
        setattr(links, link, page_ensure(home_page, model, spec))
        written += 1 + len(documents)
    links.save()
    return written


STEPS = [
    Step("home.yaml", home),
    Step("knowledge.yaml", knowledge),
    Step("news.yaml", news),
    Step("service_pages.yaml", service_pages),
]
