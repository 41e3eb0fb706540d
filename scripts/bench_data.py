"""The data set of the page benchmark (scripts/bench_pages.py), made with the test factories.

``build(scale)`` brings a database up to ``TOTALS`` times ``scale`` on top of what it holds (the
demo portal of ``seed_demo``, or an empty test database). Procedures, formats, offerings and
planned projects are pages added through Wagtail's tree with the factories of tests/factories/
(``revision=False``: live, without a revision, which no public page reads); users, proposals,
comments and supports are written with ``bulk_create``. One procedure, ``LARGE_SLUG``, holds a
tenth of all proposals, comments and supports; the others share the rest in a log-normal spread,
and ``MEDIAN_SLUG`` is the one with the median number of contributions.

``build_demo()`` adds the same two procedures with a handful of contributions to the demo
portal, so that the benchmark counts the queries of the same pages with little and with much
data. Both add the signed-in visitor of the benchmark, ``CITIZEN_EMAIL``. Run by the
benchmark in its own process, with the settings of the environment::

    .venv/bin/python scripts/bench_data.py --demo        # after migrate and seed_demo
    .venv/bin/python scripts/bench_data.py --scale 1

The benchmark keeps a built database as long as the hash of this file, the factories, the seed
data and the migrations stays the same (``bench_pages.recipe``).
"""

import argparse
import datetime
import math
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

#: The 10x data set: ten times the demo portal, as totals of the database.
TOTALS = {
    "procedures": 500,
    "proposals": 8000,
    "comments": 12000,
    "supports": 20000,
    "users": 2000,
    "formats": 200,
    "offerings": 200,
    "planned_projects": 200,
}
#: The large procedure's part of all proposals, comments and supports.
LARGE_SHARE = 0.10
LARGE_SLUG = "grosses-verfahren"
MEDIAN_SLUG = "mittleres-verfahren"
CITIZEN_EMAIL = "bench-buergerin@example.org"
CITIZEN_PASSWORD = "Bench-Mitmachen-in-Dortmund"  # noqa: S105 (a local test account)
#: The spread of contributions over procedures (sigma of a log-normal): the median procedure
#: gets about the mean divided by exp(sigma² / 2), some 20 contributions of the 10x set.
SPREAD = 1.1
#: Every tenth procedure is planned (no contributions), two in ten closed, one has results.
STATUS_CYCLE = ("open",) * 6 + ("planned", "closed", "closed", "results")
BATCH = 2000
SEED = 14

THEMES = (
    "Spielplatz",
    "Radweg",
    "Stadtteilpark",
    "Marktplatz",
    "Schulhof",
    "Quartierszentrum",
    "Verkehrsberuhigung",
    "Bolzplatz",
    "Stadtteilbibliothek",
    "Grünzug",
)
SENTENCES = (
    "Der Weg zur Haltestelle ist abends zu dunkel.",
    "Bitte mehr Bänke mit Rückenlehne und Schatten.",
    "Für Kinder fehlt ein sicherer Übergang an der Kreuzung.",
    "Die Fläche könnte ein Treffpunkt für die Nachbarschaft werden.",
    "Radfahrende und Fußgänger kommen sich hier oft in die Quere.",
    "Im Sommer wird es auf dem Platz sehr heiß; Bäume würden helfen.",
    "Ein Trinkbrunnen wäre für alle eine Verbesserung.",
    "Die Beleuchtung sollte insektenfreundlich sein.",
    "Bitte an Menschen mit Rollator und Kinderwagen denken.",
    "Vielleicht kann die Schule die Fläche am Nachmittag öffnen.",
)


# Pure helpers ---------------------------------------------------------------------------------


def generator() -> random.Random:
    """The same numbers on every build: the data set is repeatable, nothing in it is secret."""
    return random.Random(SEED)  # noqa: S311


def allocate(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights``, rounded so that the parts add up."""
    if not weights or total <= 0:
        return [0] * len(weights)
    exact = [total * weight / sum(weights) for weight in weights]
    parts = [math.floor(value) for value in exact]
    for index in sorted(range(len(exact)), key=lambda i: parts[i] - exact[i])[: total - sum(parts)]:
        parts[index] += 1
    return parts


def spread(count: int, rng: random.Random) -> list[float]:
    """``count`` log-normal weights at evenly spaced quantiles, in random order."""
    normal = statistics.NormalDist(0, SPREAD)
    weights = [math.exp(normal.inv_cdf((i + 0.5) / count)) for i in range(count)]
    rng.shuffle(weights)
    return weights


def median_index(values: list[int]) -> int:
    """The index of the median value (the lower one of an even count)."""
    ranked = sorted(range(len(values)), key=lambda i: (values[i], i))
    return ranked[(len(ranked) - 1) // 2]


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


# The database ---------------------------------------------------------------------------------


def counts() -> dict[str, int]:
    """What the database holds, by the names of ``TOTALS``."""
    from django.contrib.auth import get_user_model

    from participation.models import Comment, PlannedProjectPage, ProcedurePage, Proposal, Support
    from toolkit.models import FormatPage
    from wegweiser.models import OfferingPage

    return {
        "procedures": ProcedurePage.objects.count(),
        "proposals": Proposal.objects.count(),
        "comments": Comment.objects.count(),
        "supports": Support.objects.count(),
        "users": get_user_model().objects.count(),
        "formats": FormatPage.objects.count(),
        "offerings": OfferingPage.objects.count(),
        "planned_projects": PlannedProjectPage.objects.count(),
    }


def citizen_ensure():
    """The verified citizen the benchmark signs in as."""
    from tests.factories.accounts import UserFactory

    return UserFactory(
        email=CITIZEN_EMAIL, display_name="Bench-Bürgerin", password=CITIZEN_PASSWORD
    )


def users_add(count: int) -> None:
    """``count`` citizens with a verified address and no usable password."""
    from allauth.account.models import EmailAddress
    from bench_common import users_bulk_create
    from django.contrib.auth import get_user_model

    start = get_user_model().objects.filter(email__startswith="bench-").count()
    users = users_bulk_create(
        range(start, start + count),
        email="bench-{:05d}@example.org",
        display_name="Mitmacher {}",
        batch_size=BATCH,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users],
        batch_size=BATCH,
    )


class Tree:
    """The pages new pages go below, made by the factories when the database lacks them."""

    def __init__(self):
        from mitwirken.pages.models import HomePage
        from mitwirken.places.models import District, Topic
        from tests.factories.pages import HomePageFactory

        if not HomePage.objects.exists():
            HomePageFactory()
        self.districts = list(District.objects.order_by("pk"))
        self.topics = list(Topic.objects.order_by("pk"))
        self._folders = {}

    def folder(self, district):
        from tests.factories.participation import DistrictFolderPageFactory

        key = district.pk if district else None
        if key not in self._folders:
            self._folders[key] = DistrictFolderPageFactory(district=district)
        return self._folders[key]

    def district(self, number: int):
        """Procedures cycle through the districts and the whole city (None)."""
        return ([*self.districts, None])[number % (len(self.districts) + 1)]


def phases_for(status: str) -> list[dict]:
    from tests.factories.participation import current_consultation_phase, phase

    if status == "planned":
        return [phase(30, 28)]
    if status in ("closed", "results"):
        return [phase(-90, 60)]
    return [current_consultation_phase()]


def procedure_add(tree: Tree, number: int, status: str, *, slug: str = "", title: str = ""):
    from participation.models import ProcedurePage
    from tests.factories.participation import ProcedurePageFactory

    if slug and (existing := ProcedurePage.objects.filter(slug=slug).first()):
        return existing
    district = tree.district(number)
    theme = THEMES[number % len(THEMES)]
    place = district.name if district else "Dortmund"
    fields = {"results_de": "<p>Die Ergebnisse der Beteiligung.</p>"} if status == "results" else {}
    return ProcedurePageFactory(
        parent=tree.folder(district),
        revision=False,
        title=title or f"{theme} in {place}: Beteiligung {number}",
        slug=slug or f"bench-verfahren-{number}",
        summary=f"Wie soll es mit dem {theme} in {place} weitergehen? Sagen Sie uns Ihre Meinung.",
        kind="land_use" if number % 7 == 3 else "informal",
        mode=("online", "in_person", "hybrid")[number % 3],
        phases=phases_for(status),
        districts=[district] if district else [],
        topics=[tree.topics[number % len(tree.topics)]] if tree.topics else [],
        **fields,
    )


#: The procedures the benchmark measures: slug, district, title.
NAMED = (
    (LARGE_SLUG, "hoerde", "Masterplan Phoenix-See: das große Beteiligungsverfahren"),
    (MEDIAN_SLUG, "innenstadt-nord", "Spielplatz am Nordmarkt: ein mittleres Verfahren"),
)


def named_procedures(tree: Tree):
    """The large and the median procedure, both open."""
    by_slug = {district.slug: number for number, district in enumerate(tree.districts)}
    return tuple(
        procedure_add(tree, by_slug.get(district, 0), "open", slug=slug, title=title)
        for slug, district, title in NAMED
    )


def contributions_add(plan, *, supports: list[int], authors: list, staff, rng) -> None:
    """Proposals and comments per ``plan`` entry ``(procedure, proposals, comments)``, and
    ``supports[i]`` supports for the i-th proposal made. One in seven came in offline (no
    author, entered by staff), one in fifty is hidden, one in five proposals has an answer."""
    from django.utils import timezone

    from participation.models import Comment, Proposal, Support

    now = timezone.now()

    def source(number: int) -> dict:
        offline = number % 7 == 6
        values = {
            "author": None if offline else rng.choice(authors),
            "channel": ("paper", "phone", "email", "event")[number % 4] if offline else "online",
            "entered_by": staff if offline else None,
        }
        if number % 50 == 49:
            values.update(hidden_at=now, hidden_reason="Beleidigend.")
        return values

    proposals, number = [], 0
    for procedure, count, _comments in plan:
        for _ in range(count):
            number += 1
            answered = number % 5 == 4
            proposals.append(
                Proposal(
                    procedure=procedure,
                    title=f"{rng.choice(THEMES)}: Vorschlag {number}",
                    text=text(rng, rng.randint(1, 6)),
                    status=rng.choice(("accepted", "partly", "rejected")) if answered else "",
                    response=text(rng, 2) if answered else "",
                    responded_at=now if answered else None,
                    **source(number),
                )
            )
    proposals = Proposal.objects.bulk_create(proposals, batch_size=BATCH)
    by_procedure = {}
    for proposal in proposals:
        by_procedure.setdefault(proposal.procedure_id, []).append(proposal)

    top, replies = [], []
    for procedure, _count, count in plan:
        answers = count // 4
        on_proposals = by_procedure.get(procedure.pk, [])
        for index in range(count - answers):
            number += 1
            proposal = rng.choice(on_proposals) if on_proposals and index % 2 else None
            top.append(
                Comment(
                    procedure=procedure,
                    proposal=proposal,
                    text=text(rng, rng.randint(1, 4)),
                    **source(number),
                )
            )
        replies.append(answers)
    top = Comment.objects.bulk_create(top, batch_size=BATCH)
    comments_of = {}
    for comment in top:
        comments_of.setdefault(comment.procedure_id, []).append(comment)
    answers = []
    for (procedure, _count, _comments), count in zip(plan, replies, strict=True):
        for _ in range(count):
            number += 1
            parent = rng.choice(comments_of[procedure.pk])
            answers.append(
                Comment(
                    procedure=procedure,
                    proposal=parent.proposal,
                    parent=parent,
                    text=text(rng, rng.randint(1, 3)),
                    **source(number),
                )
            )
    Comment.objects.bulk_create(answers, batch_size=BATCH)

    rows = []
    for proposal, count in zip(proposals, supports, strict=True):
        online = min(count - count // 10, len(authors))
        rows += [Support(proposal=proposal, user=user) for user in rng.sample(authors, online)]
        rows += [
            Support(proposal=proposal, channel="paper", entered_by=staff)
            for _ in range(count - online)
        ]
    Support.objects.bulk_create(rows, batch_size=BATCH)


def supports_for(plan, total: int, rng) -> list[int]:
    """Supports per proposal of ``plan`` (in its order), spread log-normally."""
    return allocate(total, spread(sum(count for _p, count, _c in plan), rng))


def formats_add(count: int, rng) -> None:
    from tests.factories.toolkit import (
        FormatCategoryFactory,
        FormatPageFactory,
        ToolkitIndexPageFactory,
    )
    from toolkit.models import FormatCategory, FormatPage, Level, Mode, Purpose

    index = ToolkitIndexPageFactory()
    categories = list(FormatCategory.objects.order_by("pk")) or [FormatCategoryFactory()]
    start = FormatPage.objects.count()
    for number in range(start, start + count):
        theme = THEMES[number % len(THEMES)]
        FormatPageFactory(
            parent=index,
            revision=False,
            title=f"{theme}-Werkstatt {number}",
            slug=f"bench-format-{number}",
            summary=f"Ein Format, um gemeinsam über {theme} und Nachbarschaft zu beraten.",
            category=categories[number % len(categories)],
            mode=Mode.values[number % len(Mode.values)],
            purpose=Purpose.values[number % len(Purpose.values)],
            cost_level=Level.values[number % len(Level.values)],
            group_size_min=rng.randint(1, 20),
            group_size_max=rng.randint(20, 200),
        )


def offerings_add(tree: Tree, count: int) -> None:
    from tests.factories.wegweiser import OfferingPageFactory, WegweiserPageFactory
    from wegweiser.models import Channel, Intent, OfferingPage

    index = WegweiserPageFactory()
    intents = list(Intent.objects.values_list("slug", flat=True)) or list(Intent.Choices.values)
    start = OfferingPage.objects.count()
    for number in range(start, start + count):
        district = tree.district(number)
        OfferingPageFactory(
            parent=index,
            revision=False,
            title=f"Sprechstunde {THEMES[number % len(THEMES)]} {number}",
            slug=f"bench-angebot-{number}",
            summary="Kommen Sie vorbei und reden Sie mit.",
            channel=Channel.values[number % len(Channel.values)],
            intents=[intents[number % len(intents)], intents[(number + 1) % len(intents)]],
            districts=[district] if district else [],
        )


def plans_add(tree: Tree, count: int, procedures: list) -> None:
    from participation.models import PlannedProjectPage
    from tests.factories.participation import (
        PlannedProjectIndexPageFactory,
        PlannedProjectPageFactory,
    )

    index = PlannedProjectIndexPageFactory()
    statuses = PlannedProjectPage.Status.values
    today = datetime.date.today()
    start = PlannedProjectPage.objects.count()
    for number in range(start, start + count):
        district = tree.district(number)
        planned = number % 4 != 3
        PlannedProjectPageFactory(
            parent=index,
            revision=False,
            title=f"Vorhaben {THEMES[number % len(THEMES)]} {number}",
            slug=f"bench-vorhaben-{number}",
            status=statuses[number % len(statuses)],
            added_on=today - datetime.timedelta(days=(number * 7) % 400),
            districts=[district] if district else [],
            topics=[tree.topics[number % len(tree.topics)]] if tree.topics else [],
            participation_planned=planned,
            no_participation_reason="" if planned else "Eine Pflichtaufgabe ohne Spielraum.",
            procedure=procedures[number % len(procedures)] if procedures and number % 3 else None,
        )


def staff_member():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_staff=True).order_by("pk").first()


def build(scale: float = 1.0, *, log=print) -> dict[str, int]:
    """Bring the database up to ``TOTALS`` times ``scale``; returns what it then holds."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import translation

    from participation.models import Comment, Proposal

    targets = {name: round(total * scale) for name, total in TOTALS.items()}
    rng = generator()
    with translation.override("de"), transaction.atomic():
        started = time.perf_counter()

        def step(name: str) -> None:
            log(f"  {name:<40} {time.perf_counter() - started:6.1f} s")

        citizen_ensure()
        users_add(targets["users"] - counts()["users"])
        authors = list(get_user_model().objects.filter(is_staff=False))
        step("users")
        tree = Tree()
        formats_add(max(0, targets["formats"] - counts()["formats"]), rng)
        step("formats")
        large, median = named_procedures(tree)
        new = max(0, targets["procedures"] - counts()["procedures"])
        others = [
            procedure_add(tree, number, STATUS_CYCLE[number % len(STATUS_CYCLE)])
            for number in range(new)
        ]
        step("procedures")
        plans_add(tree, max(0, targets["planned_projects"] - counts()["planned_projects"]), others)
        step("planned projects")
        offerings_add(tree, max(0, targets["offerings"] - counts()["offerings"]))
        step("offerings")

        have = counts()
        large_proposals = Proposal.objects.filter(procedure=large).count()
        large_comments = Comment.objects.filter(procedure=large).count()
        large_plan = (
            large,
            max(0, round(LARGE_SHARE * targets["proposals"]) - large_proposals),
            max(0, round(LARGE_SHARE * targets["comments"]) - large_comments),
        )
        # The rest goes to the procedures that have started, the median one among them.
        started_ones = [median] + [
            procedure
            for number, procedure in enumerate(others)
            if STATUS_CYCLE[number % len(STATUS_CYCLE)] != "planned"
        ]
        weights = spread(len(started_ones), rng)
        proposals = allocate(targets["proposals"] - have["proposals"] - large_plan[1], weights)
        comments = allocate(targets["comments"] - have["comments"] - large_plan[2], weights)
        middle = median_index([p + c for p, c in zip(proposals, comments, strict=True)])
        for values, model in ((proposals, Proposal), (comments, Comment)):
            values[0], values[middle] = values[middle], values[0]
            # The median procedure ends at the median: what it has (build_demo's) counts.
            surplus = min(values[0], model.objects.filter(procedure=median).count())
            values[0] -= surplus
            values[-1] += surplus
        plan = [large_plan, *zip(started_ones, proposals, comments, strict=True)]
        supports_total = targets["supports"] - have["supports"]
        supports_large = round(LARGE_SHARE * targets["supports"])
        supports = supports_for([large_plan], min(supports_large, supports_total), rng)
        supports += supports_for(plan[1:], max(0, supports_total - supports_large), rng)
        contributions_add(plan, supports=supports, authors=authors, staff=staff_member(), rng=rng)
        step("proposals, comments, supports")
    return counts()


def build_demo(*, log=print) -> dict[str, int]:
    """The demo portal's additions: the citizen and the two named procedures with a few
    contributions each (the large one 4 proposals and 6 comments, the median one 2 and 3)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import translation

    rng = generator()
    with translation.override("de"), transaction.atomic():
        citizen_ensure()
        tree = Tree()
        large, median = named_procedures(tree)
        plan = [(large, 4, 6), (median, 2, 3)]
        authors = list(get_user_model().objects.filter(is_staff=False))
        contributions_add(plan, supports=[2] * 6, authors=authors, staff=staff_member(), rng=rng)
    return counts()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--scale", type=float, help="build TOTALS times this")
    group.add_argument("--demo", action="store_true", help="the additions to the demo portal")
    args = parser.parse_args()
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    started = time.perf_counter()
    totals = build_demo() if args.demo else build(args.scale)
    print(
        f"  built in {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in totals.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
