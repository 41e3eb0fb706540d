"""The home page's sections: what one can do now, gathered from every app.

An app adds a section with ``@home_section(key, label=..., heading=..., order=...)`` on a
function ``fn(request, page) -> str`` in its ``wagtail_hooks.py``: the section's content as HTML,
or "" when it has nothing to show (then the home page leaves the section out). The function
makes a fixed number of queries however many items there are. The home page wraps the content in
a ``<section>`` with its heading, so this app imports none of the apps that show something here.

A section that is the same for everyone in a language names the generations of what it shows
(``depends_on=(generations.PAGES,)``): it is then rendered once per language and kept as a
fragment (``mitwirken.web.fragments``) until one of them begins anew, and with ``scheduled``
also until pages change by the clock (a phase ends), so signed-in people do not pay for it on
every visit. Without ``depends_on`` it is rendered for every request.

Editors place sections among the home page's own blocks (``HomeSectionBlock``) and may give
each a heading and a short introduction of their own. The sections they do not place follow, in
the order of their ``order`` (lowest first), so an app added later shows up without an editor.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks

from mitwirken.web import generations
from mitwirken.web.fragments import fragment, fragment_key, prefetch_keys

#: The hook through which apps register ``HomeSection``s.
HOME_SECTIONS_HOOK = "home_page_sections"


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page that an app fills; ``label`` names it for editors."""

    key: str
    label: str
    heading: str
    render: Callable = field(compare=False)
    #: The generations of what it shows when it is the same for everyone; None: not kept.
    depends_on: tuple[str, ...] | None = None
    #: Whether it changes with the clock (then kept only until the next scheduled change).
    scheduled: bool = False


def home_section(
    key: str,
    *,
    label: str,
    heading: str,
    order: int,
    depends_on: tuple[str, ...] | None = None,
    scheduled: bool = False,
) -> Callable:
    """Register the decorated ``fn(request, page) -> str`` as the home page section ``key``;
    kept until a new generation of ``depends_on`` begins (and, ``scheduled``, until the next
    scheduled change), when given."""

    def register(fn):
        section = HomeSection(key, label, heading, fn, depends_on, scheduled)
        hooks.register(HOME_SECTIONS_HOOK, section, order=order)
        return fn

    return register


def registered_sections() -> list[HomeSection]:
    """Every registered section, in their standard order."""
    return list(hooks.get_hooks(HOME_SECTIONS_HOOK))


def section_choices() -> list[tuple[str, str]]:
    """The sections editors can place, for ``HomeSectionBlock``."""
    return [(section.key, section.label) for section in registered_sections()]


@dataclass
class Part:
    """One part of the home page's body: editors' blocks (``blocks``) or a section's HTML."""

    blocks: list = field(default_factory=list)
    html: str = ""


def _name(section: HomeSection) -> str:
    return f"home-section-{section.key}"


def _depends_on(section: HomeSection) -> tuple[str, ...]:
    # The editors' heading and introduction are the home page's, so published pages too.
    return tuple(dict.fromkeys((generations.PAGES, *section.depends_on)))


def _prefetch_kept(request, page, sections) -> None:
    """Read the kept sections from the cache in one round trip."""
    keys = [
        fragment_key(request, _name(section), page.pk, depends_on=_depends_on(section))
        for section in sections
        if section.depends_on is not None
    ]
    prefetch_keys(request, keys)


def _section_html(section: HomeSection, request, page, *, heading: str, intro: str) -> str:
    if section.depends_on is None:
        return _render_section(section, request, page, heading=heading, intro=intro)
    return fragment(
        request,
        _name(section),
        lambda: _render_section(section, request, page, heading=heading, intro=intro),
        page.pk,
        depends_on=_depends_on(section),
        scheduled=section.scheduled,
    )


def _render_section(section: HomeSection, request, page, *, heading: str, intro: str) -> str:
    content = section.render(request, page)
    if not content:
        return ""
    return render_to_string(
        "pages/includes/home_section.html",
        {
            "key": section.key,
            "heading": heading or section.heading,
            "intro": intro,
            "content": content,
        },
        request=request,
    )


def home_parts(request, page) -> list[Part]:
    """The home page's body: the editors' blocks and the sections where they placed them (each
    once), then the sections they did not place; a section with nothing to show left out."""
    sections = {section.key: section for section in registered_sections()}
    _prefetch_kept(request, page, sections.values())
    parts: list[Part] = []
    placed = set()
    for block in page.body:
        if block.block_type != "section":
            if not parts or parts[-1].html:
                parts.append(Part())
            parts[-1].blocks.append(block)
            continue
        key = block.value["section"]
        if key in placed or key not in sections:
            continue  # a second placement, or a section whose app is gone
        placed.add(key)
        html = _section_html(
            sections[key],
            request,
            page,
            heading=block.value["heading"],
            intro=block.value["intro"],
        )
        if html:
            parts.append(Part(html=html))
    for key, section in sections.items():
        if key in placed:
            continue
        if html := _section_html(section, request, page, heading="", intro=""):
            parts.append(Part(html=html))
    return parts
