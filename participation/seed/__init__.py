"""Demo content of the participation app for ``manage.py seed_demo``.

The Beteiligung with a folder per Stadtbezirk, procedures in every status (phase dates relative to
today, so the statuses hold on every day the seed runs), contributions through every channel, the
Vorhabenliste, the editorial groups and demo accounts. The content is in this folder's YAML files;
the functions below write it. Idempotent: pages are found by slug, people by e-mail address,
contributions by their text or title.
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP, district_group_name
from mitwirken.editorial.services import ombudsstelle_permissions_grant, publishing_groups_ensure
from mitwirken.pages.models import HomePage
from mitwirken.places.models import District
from mitwirken.seeding import (
    Step,
    days_from_today,
    model_values,
    moment,
    page_ensure,
    paragraphs,
    person_ensure,
    seed_data,
)

from ..models import (
    Channel,
    Comment,
    CouncilStep,
    DistrictFolderPage,
    Event,
    Phase,
    PlannedProjectIndexPage,
    PlannedProjectPage,
    Poll,
    PollChoice,
    PollQuestion,
    PollVote,
    ProcedureDistrict,
    ProcedureIndexPage,
    ProcedurePage,
    Proposal,
    Statement,
    Support,
)

NOT_GIVEN = {"de": "", "en": ""}


def _home() -> HomePage:
    return HomePage.objects.get()


# Structure -------------------------------------------------------------------------------------


def structure(data: dict) -> int:
    """Beteiligung: index, Gesamtstadt and a folder per Stadtbezirk, editorial groups"""
    publishing_groups_ensure()  # made by a migration; a flushed test database lacks them
    index = page_ensure(_home(), ProcedureIndexPage, data["index"])
    ombudsstelle_permissions_grant(page=index)
    page_ensure(index, DistrictFolderPage, data["whole_city"], district=None)
    summary = data["district_folder"]["summary"]
    districts = list(District.objects.all())
    for district in districts:
        names = {"de": district.name_de, "en": district.name_en or district.name_de}
        spec = {
            "slug": {"de": district.slug, "en": district.slug},
            "title": names,
            "summary": {
                language: summary[language].format(name=names[language]) for language in names
            },
        }
        # Saving the folder grants its district's permissions (signals.py).
        page_ensure(index, DistrictFolderPage, spec, district=district)
    return 2 + len(districts)


# People ----------------------------------------------------------------------------------------


def _staff_group(spec: dict) -> Group:
    if spec.get("group") == "ombudsstelle":
        return Group.objects.get(name=OMBUDSSTELLE_GROUP)
    district = District.objects.get(slug=spec["district_group"])
    return Group.objects.get(name=district_group_name(district))


def people(data: dict) -> int:
    """Demo accounts: Ombudsstelle, an editor of the Bezirksvertretung Hörde, citizens"""
    for spec in data["staff"]:
        spec = dict(spec)
        group = _staff_group(spec)
        spec.pop("group", None), spec.pop("district_group", None)
        person_ensure(**spec).groups.add(group)
    for spec in data["citizens"]:
        person_ensure(**spec)
    return len(data["staff"]) + len(data["citizens"])


def _person_by_email(email: str | None):
    return get_user_model().objects.get(email=email) if email else None


# Procedures ------------------------------------------------------------------------------------


def _phase(spec: dict, kind: str, start: int, end: int, *, title=None, **flags) -> Phase:
    title = title or spec["title"]
    return Phase(
        title=spec["title"]["de"],
        title_de=title["de"],
        title_en=title["en"],
        kind=kind,
        start=days_from_today(start),
        end=days_from_today(end),
        description_de=spec["description"]["de"],
        description_en=spec["description"]["en"],
        **flags,
    )


def _phases(phases: dict, status: str, *, formal: bool, polls: bool) -> list[Phase]:
    """Phases whose dates make the procedure ``planned``, ``open``, ``closed`` or ``results``:
    two weeks of information before the consultation, then its evaluation, the decision and
    the results."""
    days = phases["consultation_days"][status]
    start, end = days["start"], days["end"]
    consultation = {
        "allows_proposals": not formal,
        "allows_comments": True,
        "allows_support": not formal,
        "allows_polls": polls,
        "allows_statements": formal,
    }
    dated = [
        _phase(phases["information"], Phase.Kind.INFORMATION, start - 14, start),
        _phase(
            phases["consultation"],
            Phase.Kind.CONSULTATION,
            start,
            end,
            title=phases["consultation"]["formal_title" if formal else "title"],
            **consultation,
        ),
    ]
    # The whole path, also the phases still to come: evaluation, the council's decision and
    # the results. A closed procedure is in its evaluation; nothing is open any more.
    review_end = end + {"closed": 44, "results": 20}.get(status, 14)
    decision_end = review_end + {"results": 10}.get(status, 28)
    dated += [
        _phase(phases["review"], Phase.Kind.REVIEW, end, review_end),
        _phase(phases["decision"], Phase.Kind.DECISION, review_end, decision_end),
        _phase(phases["results"], Phase.Kind.RESULTS, decision_end, decision_end + 370),
    ]
    return dated


def _procedure(phases: dict, spec: dict, *, formats: list) -> ProcedurePage:
    spec = {
        "kind": "informal",
        "council_paper": "",
        "results": NOT_GIVEN,
        "contribution_outcome": NOT_GIVEN,
        **spec,
    }
    folder = DistrictFolderPage.objects.get(slug_de=spec.pop("folder"))
    status, polls = spec.pop("status"), spec.pop("polls", False)
    districts, steps = spec.pop("procedure_districts"), spec.pop("council_steps", [])
    return page_ensure(
        folder,
        ProcedurePage,
        spec,
        phases=_phases(phases, status, formal=spec["kind"] == "land_use", polls=polls),
        procedure_districts=[
            ProcedureDistrict(
                district=District.objects.get(slug=item["district"]), partly=item["partly"]
            )
            for item in districts
        ],
        council_steps=[
            CouncilStep(
                body=step["body"], date=days_from_today(step["days"]).date(), role=step["role"]
            )
            for step in steps
        ],
        formats=formats,
    )


def procedures(data: dict) -> int:
    """Beteiligungsverfahren in every status, two with a Drucksache and its Beratungsfolge"""
    # With the toolkit seeded, each procedure is published once with its formats: the step of
    # procedure_formats.yaml then finds them linked (it links them when the toolkit came later).
    links = seed_data(Path(__file__).parent, "procedure_formats.yaml")
    for spec in data["procedures"]:
        _procedure(data["phases"], spec, formats=_formats(links.get(spec["slug"]["de"], [])))
    return len(data["procedures"])


# Contributions ---------------------------------------------------------------------------------


def _entered_by(channel: str, staff):
    """Who typed a contribution in: staff for everything that did not come in online."""
    return staff if channel != Channel.ONLINE else None


def _proposal(procedure, spec: dict, staff) -> Proposal:
    spec = dict(spec)
    channel = spec.pop("channel", Channel.ONLINE)
    supporters, on_paper = spec.pop("supporters", []), spec.pop("paper_supports", 0)
    fields = {"author": _person_by_email(spec.pop("author", None)), **spec}
    if "response" in fields:
        fields["responded_at"] = days_from_today(-10)
    proposal, _created = Proposal.objects.update_or_create(
        procedure=procedure,
        title=fields.pop("title"),
        defaults={**fields, "channel": channel, "entered_by": _entered_by(channel, staff)},
    )
    for email in supporters:
        Support.objects.get_or_create(proposal=proposal, user=_person_by_email(email))
    signatures = Support.objects.filter(proposal=proposal, user=None, channel=Channel.PAPER)
    for _missing in range(on_paper - signatures.count()):
        Support.objects.create(proposal=proposal, channel=Channel.PAPER, entered_by=staff)
    return proposal


def _comment(procedure, spec: dict, staff) -> Comment:
    channel = spec.get("channel", Channel.ONLINE)
    about, reply_to = spec.get("proposal"), spec.get("reply_to")
    proposal = Proposal.objects.get(procedure=procedure, title=about) if about else None
    parent = Comment.objects.get(procedure=procedure, text=reply_to) if reply_to else None
    comment, _created = Comment.objects.get_or_create(
        procedure=procedure,
        text=spec["text"],
        defaults={
            "author": _person_by_email(spec.get("author")),
            "channel": channel,
            "entered_by": _entered_by(channel, staff),
            "proposal": proposal,
            "parent": parent,
        },
    )
    return comment


def _poll(procedure, spec: dict, staff) -> Poll:
    """A poll with one question; each vote names its voter's e-mail (or "paper") and choice."""
    poll, _created = Poll.objects.get_or_create(
        procedure=procedure,
        title_de=spec["title"]["de"],
        defaults={"title": spec["title"]["de"], "title_en": spec["title"]["en"]},
    )
    question, _created = PollQuestion.objects.get_or_create(
        poll=poll,
        text_de=spec["question"]["de"],
        defaults={"text": spec["question"]["de"], "text_en": spec["question"]["en"]},
    )
    choices = {}
    for order, answer in enumerate(spec["choices"]):
        choices[answer["de"]], _created = PollChoice.objects.get_or_create(
            question=question,
            text_de=answer["de"],
            defaults={"text": answer["de"], "text_en": answer["en"], "sort_order": order},
        )
    paper_votes = [vote["choice"] for vote in spec["votes"] if vote["voter"] == "paper"]
    for vote_spec in spec["votes"]:
        if vote_spec["voter"] != "paper":
            voter = _person_by_email(vote_spec["voter"])
            vote, created = PollVote.objects.get_or_create(poll=poll, user=voter)
            if created:
                vote.choices.set([choices[vote_spec["choice"]]])
    on_paper = PollVote.objects.filter(poll=poll, user=None, channel=Channel.PAPER).count()
    for choice in paper_votes[on_paper:]:
        vote = PollVote.objects.create(poll=poll, channel=Channel.PAPER, entered_by=staff)
        vote.choices.set([choices[choice]])
    return poll


def _statement(procedure, spec: dict, staff) -> Statement:
    spec = dict(spec)
    statement = Statement.objects.filter(procedure=procedure, name=spec["name"]).first()
    if statement is None:
        author = _person_by_email(spec.pop("author", None))
        statement = Statement.objects.create(
            procedure=procedure,
            **spec,
            author=author,
            entered_by=_entered_by(spec["channel"], staff),
            reference="pending-seed",
        )
        statement.reference = f"ST-{statement.created_at:%Y}-{statement.pk:06d}"
        statement.save(update_fields=["reference"])
    return statement


def _event(procedure, spec: dict, staff) -> Event:
    spec = dict(spec)
    title = spec.pop("title")
    start, end = moment(spec.pop("start")), moment(spec.pop("end"))
    event, _created = Event.objects.update_or_create(
        procedure=procedure,
        title_de=title["de"],
        defaults={
            "title": title["de"],
            "title_en": title["en"],
            "start": start,
            "end": end,
            **model_values(Event, spec),
        },
    )
    return event


CONTRIBUTIONS = {
    "proposals": _proposal,
    "comments": _comment,
    "polls": _poll,
    "statements": _statement,
    "events": _event,
}


def contributions(data: dict) -> int:
    """Contributions online, on paper, by phone, by e-mail, at events; polls, statements"""
    staff = _person_by_email(data["entered_by"])
    count = 0
    for spec in data["procedures"]:
        procedure = ProcedurePage.objects.get(slug_de=spec["procedure"])
        for kind, write in CONTRIBUTIONS.items():
            for item in spec.get(kind, []):
                write(procedure, item, staff)
                count += 1
    return count


# Vorhabenliste ---------------------------------------------------------------------------------


def plans(data: dict) -> int:
    """Vorhabenliste with planned projects"""
    index = page_ensure(_home(), PlannedProjectIndexPage, data["index"])
    ombudsstelle_permissions_grant(page=index)
    today = timezone.localdate()
    for spec in data["planned_projects"]:
        spec = {
            "change_reason": NOT_GIVEN,
            "participation_details": NOT_GIVEN,
            "no_participation_reason": NOT_GIVEN,
            "procedure": None,
            **spec,
        }
        added = datetime.timedelta(days=spec.pop("added_days"))
        page_ensure(
            index,
            PlannedProjectPage,
            spec,
            description_de=paragraphs(spec["title"]["de"] + "."),
            description_en=paragraphs(spec["title"]["en"] + "."),
            added_on=today + added,
        )
    return 1 + len(data["planned_projects"])


# Formats of the Instrumentenkoffer -------------------------------------------------------------


def _formats(slugs: list[str]) -> list:
    """The toolkit's formats of these slugs. The toolkit seeds first (INSTALLED_APPS order);
    without its formats there is nothing to link."""
    from toolkit.models import FormatPage

    return list(FormatPage.objects.filter(slug_de__in=slugs)) if slugs else []


def procedure_formats(data: dict) -> int:
    """Formats used by the demo procedures"""
    linked = 0
    for slug, format_slugs in data.items():
        procedure = ProcedurePage.objects.filter(slug_de=slug).first()
        formats = _formats(format_slugs)
        if procedure is None or not formats:
            continue
        linked += 1
        if {f.pk for f in procedure.formats.all()} == {f.pk for f in formats}:
            continue  # already linked: a rerun adds no revision
        procedure.formats = formats
        procedure.save_revision().publish()
    return linked


STEPS = [
    Step("structure.yaml", structure),
    Step("people.yaml", people),
    Step("procedures.yaml", procedures),
    Step("contributions.yaml", contributions),
    Step("plans.yaml", plans),
    Step("procedure_formats.yaml", procedure_formats),
]
