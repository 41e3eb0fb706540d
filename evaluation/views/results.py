"""The public page of reach and results: the whole city (the page itself), a procedure
(``verfahren/<id>/``), a district (``bezirk/<slug>/``) and a format (``format/<id>/``), the
open data of reach (``reichweite/``, saved as reichweite.csv), and the "Experience in
Dortmund" of a format's page.

Every figure keeps the small-group rule (``selectors.figures``). The reports are built lazily:
the template keeps them as a fragment until participation's or evaluation's generation
changes, so a kept page reads nothing.
"""

import csv
from collections import defaultdict

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitwirken.pages.kit import page_context, page_route, route_url
from mitwirken.places.models import District
from participation.models import Channel, ProcedurePage
from toolkit.models import FormatPage

from .. import charts, selectors
from ..models import SMALL_GROUP, EvaluationIndexPage
from ..selectors.figures import Share

TEMPLATE = "evaluation/evaluation_index_page.html"
TOO_FEW = gettext_lazy("too few answers")


def _facts():
    return selectors.participation_facts(), selectors.survey_facts()


def _channel_chart(scope) -> charts.Chart:
    rows = [
        (str(label), [scope.by_channel[value].participants_shown])
        for value, label in Channel.choices
        if value in scope.by_channel
    ]
    return charts.bar_chart(_("Participants by channel"), rows, series=[_("Participants")])


def _month_chart(scope) -> charts.Chart:
    months = defaultdict(lambda: [0, 0])
    if scope.total.participants >= SMALL_GROUP:
        for (month, digital), tally in scope.by_month.items():
            months[month][0 if digital else 1] += tally.contributions
    return charts.month_chart(
        _("Contributions per month"), dict(months), series=[_("digital"), _("analog")]
    )


def _reach_chart(rows) -> charts.Chart:
    return charts.bar_chart(
        _("Participants per 1,000 residents"),
        [(reach.name, [reach.per_thousand]) for reach in rows],
        series=[_("per 1,000 residents")],
    )


def _items(surveys, groups, *, compare_median: bool) -> dict:
    """Agreement with the core items in ``groups``: with the city's median (for one
    procedure), and online against on paper."""
    online = [g for g in groups if g[2] == "online"]
    paper = [g for g in groups if g[2] != "online"]
    rows = []
    for key in selectors.ITEMS:
        rows.append(
            {
                "label": surveys.label(key),
                "share": surveys.agreeing(key, groups),
                "median": surveys.city_median(key) if compare_median else None,
                "online": surveys.agreeing(key, online),
                "paper": surveys.agreeing(key, paper),
            }
        )
    if compare_median:
        series = [_("This procedure"), _("City median")]
        values = [[row["share"].percent, row["median"]] for row in rows]
    else:
        series = [_("answered online"), _("answered on paper")]
        values = [[row["online"].percent, row["paper"].percent] for row in rows]
    chart = charts.bar_chart(
        _("Share agreeing"),
        [(row["label"], value) for row, value in zip(rows, values, strict=True)],
        series=series,
        unit="\u00a0%",
    )
    heard = surveys.counted(selectors.surveys.HEARD_VIA, groups)
    heard_total = sum(heard.values())
    heard_chart = charts.bar_chart(
        _("How people heard about it"),
        [
            (label, [Share(heard.get(value, 0), heard_total).percent])
            for value, label in surveys.choices(selectors.surveys.HEARD_VIA)
        ],
        series=[_("Share of mentions")],
        unit="\u00a0%",
    )
    answers = surveys.satisfaction(groups)
    return {
        "rows": rows,
        "chart": chart,
        "heard_chart": heard_chart if heard_total >= SMALL_GROUP else None,
        "first_timers": surveys.first_timers(groups),
        "first_timers_online": surveys.first_timers(online),
        "first_timers_paper": surveys.first_timers(paper),
        "satisfaction": answers,
        "has_answers": answers.total > 0,
    }


def _report(*, heading, procedure_ids, facts, surveys, reach_rows, groups, median=False):
    scope = facts.tally(procedure_ids)
    digital, analog = scope.digital(), scope.analog()
    return {
        "heading": heading,
        "participants": scope.total.participants_shown,
        "contributions": scope.total.contributions_shown,
        "digital_share": Share(digital.contributions, scope.total.contributions)
        if scope.total.participants >= SMALL_GROUP
        else Share(0, 0),
        "digital": digital,
        "analog": analog,
        "channel_chart": _channel_chart(scope),
        "month_chart": _month_chart(scope),
        "reach_rows": reach_rows,
        "reach_chart": _reach_chart(reach_rows),
        "survey": _items(surveys, groups, compare_median=median),
    }


def _self_reported_chart(facts, surveys) -> charts.Chart | None:
    """Where respondents said they live, by district (of every survey)."""
    counted = surveys.counted(selectors.surveys.DISTRICT, surveys.groups())
    values = surveys.district_names()
    total = sum(count for value, count in counted.items() if value != "na")
    if total < SMALL_GROUP:
        return None
    return charts.bar_chart(
        _("Respondents by the district they live in"),
        [
            (d.name, [selectors.shown(counted.get(values.get(d.name, ""), 0))])
            for d in facts.districts
        ],
        series=[_("Respondents")],
    )


def city_report(request, page) -> dict:
    facts, surveys = _facts()
    rows = [facts.district_reach(d) for d in facts.districts]
    rows.append(facts.city_reach(_("Whole city (procedures for all of Dortmund)")))
    report = _report(
        heading=_("The whole city"),
        procedure_ids=list(facts.procedures),
        facts=facts,
        surveys=surveys,
        reach_rows=rows,
        groups=surveys.groups(),
    )
    report["self_reported_chart"] = _self_reported_chart(facts, surveys)
    report["procedures"] = [
        (item.page, route_url(page, "procedure", item.page.pk, request=request))
        for item in facts.procedures.values()
        if item.total.participants or surveys.groups(procedure_ids={item.page.pk})
    ]
    report["districts"] = [
        (d, route_url(page, "district", d.slug, request=request)) for d in facts.districts
    ]
    format_ids = _format_procedures(facts)
    report["formats"] = [
        (f, route_url(page, "format", f.pk, request=request))
        for f in FormatPage.objects.live().public().filter(pk__in=format_ids).order_by("title")
    ]
    return report


def _format_procedures(facts) -> dict[int, list[int]]:
    """The procedures that used each format, by the format's id."""
    used = defaultdict(list)
    for procedure_id, format_id in ProcedurePage.formats.through.objects.filter(
        procedurepage__in=list(facts.procedures)
    ).values_list("procedurepage_id", "formatpage_id"):
        used[format_id].append(procedure_id)
    return used


@page_context(EvaluationIndexPage)
def evaluation_context(request, page) -> dict:
    return {
        "scope": "city",
        "report": SimpleLazyObject(lambda: city_report(request, page)),
        "csv_url": route_url(page, "reach_csv", request=request),
        "small_group": SMALL_GROUP,
    }


def _render(request, page, scope: str, build, title: str):
    context = page.get_context(request)
    context.update(
        {
            "scope": scope,
            "report": SimpleLazyObject(build),
            "subtitle": title,
            "back_url": page.get_url(request),
            "small_group": SMALL_GROUP,
        }
    )
    return TemplateResponse(request, TEMPLATE, context)


@page_route(EvaluationIndexPage, "verfahren/<int:page_id>/", name="procedure")
def procedure_results(request, page, page_id: int):
    procedure = get_object_or_404(ProcedurePage.objects.live().public(), pk=page_id)

    def build():
        facts, surveys = _facts()
        report = _report(
            heading=procedure.title,
            procedure_ids=[procedure.pk],
            facts=facts,
            surveys=surveys,
            reach_rows=[facts.procedure_reach(procedure)],
            groups=surveys.groups(procedure_ids={procedure.pk}),
            median=True,
        )
        report["procedure_url"] = procedure.get_url(request)
        return report

    return _render(request, page, f"procedure-{procedure.pk}", build, procedure.title)


@page_route(EvaluationIndexPage, "bezirk/<slug:slug>/", name="district")
def district_results(request, page, slug: str):
    district = get_object_or_404(District, slug=slug)

    def build():
        facts, surveys = _facts()
        procedure_ids = facts.procedures_in(district)
        report = _report(
            heading=district.name,
            procedure_ids=procedure_ids,
            facts=facts,
            surveys=surveys,
            reach_rows=[facts.district_reach(district)],
            groups=surveys.groups(procedure_ids=set(procedure_ids)),
        )
        counted = surveys.counted(selectors.surveys.DISTRICT, surveys.groups())
        value = surveys.district_names().get(district.name, "")
        report["self_reported"] = Share(counted.get(value, 0), counted.get(value, 0))
        report["procedures"] = [
            (facts.procedures[pk].page, route_url(page, "procedure", pk, request=request))
            for pk in procedure_ids
        ]
        return report

    return _render(request, page, f"district-{district.pk}", build, district.name)


def format_trials(facts, surveys, format_page) -> list[dict]:
    """The procedures that used a format with their reach and satisfaction, and the format's
    trials of their own (surveys about the format)."""
    trials = []
    for procedure_id in _format_procedures(facts).get(format_page.pk, []):
        procedure_facts = facts.procedures[procedure_id]
        trials.append(
            {
                "page": procedure_facts.page,
                "reach": facts.procedure_reach(procedure_facts.page),
                "satisfaction": surveys.satisfaction(surveys.groups(procedure_ids={procedure_id})),
            }
        )
    return trials


@page_route(EvaluationIndexPage, "format/<int:page_id>/", name="format")
def format_results(request, page, page_id: int):
    format_page = get_object_or_404(FormatPage.objects.live().public(), pk=page_id)

    def build():
        facts, surveys = _facts()
        trials = format_trials(facts, surveys, format_page)
        procedure_ids = [trial["page"].pk for trial in trials]
        groups = [
            *surveys.groups(procedure_ids=set(procedure_ids)),
            *(g for g in surveys.groups(format_id=format_page.pk) if g[0] not in procedure_ids),
        ]
        report = _report(
            heading=format_page.title,
            procedure_ids=procedure_ids,
            facts=facts,
            surveys=surveys,
            reach_rows=[trial["reach"] for trial in trials],
            groups=groups,
        )
        report["trials"] = trials
        report["format_url"] = format_page.get_url(request)
        return report

    return _render(request, page, f"format-{format_page.pk}", build, format_page.title)


#: The open data's columns, in this order.
CSV_COLUMNS = (
    "area",
    "name",
    "procedures",
    "participants",
    "contributions",
    "contributions_digital",
    "contributions_analog",
    "residents",
    "per_1000_residents",
    "residents_source",
    "residents_as_of",
)


# Wagtail serves page paths of words and hyphens with a slash at the end, so no ".csv" here;
# the file is saved as reichweite.csv (Content-Disposition).
@page_route(EvaluationIndexPage, "reichweite/", name="reach_csv")
def reach_csv(request, page):
    """The reach per district and for the whole city as open data: the same figures as the
    page, an empty cell where the group is too small to show."""
    if request.method not in ("GET", "HEAD"):
        raise Http404
    facts = selectors.participation_facts()
    rows = [facts.district_reach(d) for d in facts.districts]
    rows.append(facts.city_reach("Gesamtstadt"))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="reichweite.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for reach in rows:
        scope = facts.tally(
            facts.procedures_in(reach.district) if reach.district else facts.procedures_in(None)
        )
        small = reach.tally.participants < SMALL_GROUP
        writer.writerow(
            [
                reach.key,
                reach.name,
                reach.procedures,
                "" if small else reach.tally.participants,
                "" if small else reach.tally.contributions,
                "" if small else scope.digital().contributions,
                "" if small else scope.analog().contributions,
                reach.residents or "",
                "" if reach.per_thousand is None else reach.per_thousand,
                reach.residents_source,
                reach.residents_as_of.isoformat() if reach.residents_as_of else "",
            ]
        )
    return response


def format_experience(page, request):
    """``(heading, procedures)`` for the ``toolkit_format_related`` hook: the procedures that
    used the format, each with a line on its reach and satisfaction; ``None`` without any."""
    procedure_ids = list(
        ProcedurePage.formats.through.objects.filter(formatpage=page).values_list(
            "procedurepage_id", flat=True
        )
    )
    if not procedure_ids:
        return None
    facts = selectors.participation_facts(procedure_ids=procedure_ids)
    surveys = selectors.survey_facts(procedure_ids=procedure_ids, format_id=page.pk)
    trials = format_trials(facts, surveys, page)
    if not trials:
        return None
    for trial in trials:
        trial["page"].listing_note = _trial_note(trial)
    return _("Experience in Dortmund"), [trial["page"] for trial in trials]


def _trial_note(trial) -> str:
    reach, satisfaction = trial["reach"], trial["satisfaction"]
    reach_text = (
        _("%(reach)s participants per 1,000 residents") % {"reach": _decimal(reach.per_thousand)}
        if reach.per_thousand is not None
        else _("Reach: too few participants to show")
    )
    if satisfaction.percent is not None:
        satisfied = _("%(percent)s %% satisfied") % {"percent": satisfaction.percent}
    else:
        satisfied = _("Satisfaction: %(too_few)s") % {"too_few": TOO_FEW}
    return f"{reach_text} · {satisfied}"


def _decimal(value) -> str:
    return number_format(value, decimal_pos=1)
