"""Demo content of the Wegweiser for ``manage.py seed_demo``: the finder, offerings in every
Stadtbezirk, a hub per district with the sessions of its Bezirksvertretung, and the order of the
main menu (this app seeds last, so it puts the home page's sections in order).

The content is in this folder's YAML files; the functions below write it. Idempotent: pages are
found by their German slug below their parent and updated; a hub's sessions are replaced as a
whole, their dates derived from midnight today.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from mitwirken.pages.models import HomePage
from mitwirken.places.models import District
from mitwirken.seeding import Step, page_ensure

from ..models import (
    CouncilSession,
    DistrictHubIndexPage,
    DistrictHubPage,
    Intent,
    OfferingPage,
    WegweiserPage,
)


def _home() -> HomePage:
    return HomePage.objects.get()


def _filled(template, **values):
    """``template`` (strings, lists, mappings) with each ``{name}`` filled in from ``values``."""
    if isinstance(template, dict):
        return {key: _filled(value, **values) for key, value in template.items()}
    if isinstance(template, list):
        return [_filled(value, **values) for value in template]
    if isinstance(template, str):
        return template.format(**values)
    return template


def _names(district: District) -> dict:
    return {
        "slug": district.slug,
        "name_de": district.name_de,
        "name_en": district.name_en or district.name_de,
    }


def _where(data: dict, district: District) -> str:
    """``inner_city`` for the three inner-city districts (no Bezirksverwaltungsstelle of their
    own: a Geschäftsführung in the city's administration runs their Bezirksvertretungen), else
    ``district``."""
    return "inner_city" if district.slug in data["inner_city"] else "district"


# Wegweiser ------------------------------------------------------------------------------------


def wegweiser(data: dict) -> int:
    """Wegweiser (the finder)"""
    page_ensure(_home(), WegweiserPage, data["wegweiser"])
    return 1


# Offerings ------------------------------------------------------------------------------------


def _question_time(data: dict, district: District) -> dict:
    """The offering of one Bezirksvertretung's public sessions with residents' question time."""
    names = _names(district)
    contact = _filled(data["question_time"]["contact"][_where(data, district)], **names)
    return _filled(
        data["question_time"]["offering"],
        **names,
        contact_de=contact["de"],
        contact_en=contact["en"],
    )


def _offering(parent: WegweiserPage, spec: dict) -> OfferingPage:
    spec = dict(spec)
    slugs = spec.pop("districts", [])
    districts = (
        District.objects.all() if slugs == "all" else District.objects.filter(slug__in=slugs)
    )
    return page_ensure(
        parent,
        OfferingPage,
        spec,
        provider=spec["provider"]["de"],
        districts=list(districts),
    )


def offerings(data: dict) -> int:
    """Wegweiser: offerings in every Stadtbezirk and the whole city, the Ombudsstelle as guide"""
    parent = WegweiserPage.objects.get()
    # The intents come from a migration; a flushed test database has lost them.
    for slug in Intent.Choices.values:
        Intent.objects.get_or_create(slug=slug)
    specs = data["offerings"] + [
        _question_time(data, district) for district in District.objects.all()
    ]
    for spec in specs:
        _offering(parent, spec)
    guide = OfferingPage.objects.child_of(parent).get(slug_de=data["guide"])
    if parent.guide_id != guide.pk:
        parent.guide = guide
        parent.save_revision().publish()
    return len(specs)


# District hubs --------------------------------------------------------------------------------


def _session_start(weeks: int, at: datetime.time) -> datetime.datetime:
    """A session ``weeks`` from today at local time ``at``, moved off Fridays and weekends.
    Derived from today's date only, so a rerun on the same day gives the same time."""
    day = timezone.localdate() + datetime.timedelta(weeks=weeks)
    while day.weekday() >= 4:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _sessions(data: dict, district: District) -> list[CouncilSession]:
    sessions = data["sessions"]
    at = datetime.time.fromisoformat(sessions["time"])
    return [
        CouncilSession(
            start=_session_start(weeks, at),
            place=sessions["place"][_where(data, district)].format(**_names(district)),
            question_time=sessions["question_time"],
            notes_de=sessions["notes"]["de"],
            notes_en=sessions["notes"]["en"],
        )
        for weeks in sessions["weeks"]
    ]


def district_hubs(data: dict) -> int:
    """Stadtbezirke: a hub per district with its Bezirksvertretung and their sessions"""
    index = page_ensure(_home(), DistrictHubIndexPage, data["index"])
    districts = list(District.objects.all())
    for district in districts:
        names = _names(district)
        spec = {
            "slug": {"de": district.slug, "en": district.slug},
            "title": {"de": names["name_de"], "en": names["name_en"]},
            **_filled(data["hub"], **names),
            "council_office": _filled(data["council_office"][_where(data, district)], **names),
        }
        page_ensure(
            index, DistrictHubPage, spec, district=district, sessions=_sessions(data, district)
        )
    return 1 + len(districts)


# Main menu ------------------------------------------------------------------------------------


def main_menu_order(data: dict) -> int:
    """Main menu order: Beteiligung, Vorhabenliste, Wegweiser, Stadtbezirke, Instrumentenkoffer"""
    home = _home()
    previous = None
    placed = 0
    for slug in data["order"]:
        page = Page.objects.child_of(home).filter(slug_de=slug).first()
        if page is None:
            continue
        if previous is None:
            first = home.get_children().first()
            if first.pk != page.pk:
                page.move(first, pos="left")
        else:
            previous = Page.objects.get(pk=previous.pk)  # moves change the tree paths
            following = previous.get_next_sibling()
            if following is None or following.pk != page.pk:
                page.move(previous, pos="right")
        previous = page
        placed += 1
    return placed


STEPS = [
    Step("wegweiser.yaml", wegweiser),
    Step("offerings.yaml", offerings),
    Step("district_hubs.yaml", district_hubs),
    Step("menu.yaml", main_menu_order),
]
