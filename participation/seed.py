"""Demo content of the participation app for ``manage.py seed_demo``.

The Beteiligung with a folder per Stadtbezirk, procedures in every status (phase dates relative to
today, so the statuses hold on every day the seed runs), contributions through every channel, the
Vorhabenliste, the editorial groups and demo accounts. Idempotent: pages are found by slug,
people by e-mail address, contributions by their text or title.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.rich_text import RichText

from mitwirken.pages.models import HomePage
from mitwirken.pages.seed import ensure_page
from mitwirken.places.models import District, Topic

from .models import (
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
from .services.publishing import (
    OMBUDSSTELLE_GROUP,
    district_group_name,
    ombudsstelle_permissions_grant,
    publishing_groups_ensure,
)

STAFF_EMAIL = "ombudsstelle@dortmund.example"
HOERDE_EDITOR_EMAIL = "bv-hoerde@dortmund.example"
CITIZENS = [
    # e-mail, pseudonym
    ("phoenixsee@example.org", "Phoenixseeläuferin"),
    ("nordstadt@example.org", "Nordstadtkind"),
    ("radlerin@example.org", "Radlerin aus Hörde"),
    ("kleingarten@example.org", "Kleingärtner Eving"),
    ("borsigplatz@example.org", "Borsigplatz-Bernd"),
    ("westfalenpark@example.org", "Westfalenpark-Fan"),
    ("mengede@example.org", "Marktfrau Mengede"),
    ("schulweg@example.org", "Schulweg-Papa"),
]


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _today() -> datetime.datetime:
    """Midnight today: dates derived from it are the same all day, so a rerun changes nothing."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))


def _days(number: int) -> datetime.datetime:
    return _today() + datetime.timedelta(days=number)


def _home() -> HomePage:
    return HomePage.objects.get()


# Structure -------------------------------------------------------------------------------------


def structure(stdout) -> None:
    """Beteiligung: index, Gesamtstadt and a folder per Stadtbezirk, editorial groups"""
    publishing_groups_ensure()  # made by a migration; a flushed test database lacks them
    index = ensure_page(
        _home(),
        ProcedureIndexPage,
        "beteiligung",
        slug_en="participation",
        title_de="Beteiligung",
        title_en="Participation",
        show_in_menus=True,
        summary_de="Alle Beteiligungsverfahren der Stadt Dortmund und ihrer zwölf Stadtbezirke.",
        summary_en="Every participation procedure of the City of Dortmund and its twelve districts.",
        intro_de=_p(
            "Hier sehen Sie, wo Sie gerade mitreden können, was geplant ist und was aus den "
            "Beiträgen früherer Verfahren geworden ist."
        ),
        intro_en=_p(
            "See where you can have your say right now, what is planned and what became of the "
            "contributions to earlier procedures."
        ),
    )
    ombudsstelle_permissions_grant(page=index)
    folders = [("gesamtstadt", "city-wide", "Gesamtstadt", "Whole city", None)]
    folders += [
        (d.slug, d.slug, d.name_de, d.name_en or d.name_de, d) for d in District.objects.all()
    ]
    for slug_de, slug_en, title_de, title_en, district in folders:
        ensure_page(  # saving the folder grants its district's permissions (signals.py)
            index,
            DistrictFolderPage,
            slug_de,
            slug_en=slug_en,
            title_de=title_de,
            title_en=title_en,
            district=district,
            summary_de=(
                f"Beteiligungsverfahren im Stadtbezirk {title_de}."
                if district
                else "Beteiligungsverfahren für die ganze Stadt."
            ),
            summary_en=(
                f"Participation procedures in the district of {title_en}."
                if district
                else "Participation procedures for the whole city."
            ),
        )


def _folder(slug: str) -> DistrictFolderPage:
    return DistrictFolderPage.objects.get(slug_de=slug)


# People ----------------------------------------------------------------------------------------


def _person(email: str, display_name: str, **fields):
    user, _created = get_user_model().objects.get_or_create(
        email=email, defaults={"display_name": display_name, **fields}
    )
    if _created:
        user.set_unusable_password()  # staff set a password in the admin before anyone logs in
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def people(stdout) -> None:
    """Demo accounts: Ombudsstelle, an editor of the Bezirksvertretung Hörde, citizens"""
    staff = _person(STAFF_EMAIL, "Ombudsstelle", first_name="Ombudsstelle", is_staff=True)
    staff.groups.add(Group.objects.get(name=OMBUDSSTELLE_GROUP))
    editor = _person(HOERDE_EDITOR_EMAIL, "Redaktion BV Hörde", is_staff=True)
    editor.groups.add(
        Group.objects.get(name=district_group_name(District.objects.get(slug="hoerde")))
    )
    for email, pseudonym in CITIZENS:
        _person(email, pseudonym)


def _staff():
    return get_user_model().objects.get(email=STAFF_EMAIL)


def _citizen(number: int):
    return get_user_model().objects.get(email=CITIZENS[number % len(CITIZENS)][0])


# Procedures ------------------------------------------------------------------------------------

ONLINE = {"allows_proposals": True, "allows_comments": True, "allows_support": True}


def _phases(status: str, *, formal: bool = False, polls: bool = False) -> list[Phase]:
    """Phases whose dates make the procedure ``planned``, ``open``, ``closed`` or ``results``."""
    consultation = {**ONLINE, "allows_polls": polls, "allows_statements": formal}
    if formal:
        consultation.update(allows_proposals=False, allows_support=False)
    start, end = {
        "planned": (21, 63),
        "open": (-14, 28),
        "closed": (-70, -30),
        "results": (-120, -60),
    }[status]
    phases = [
        Phase(
            title="Information",
            title_de="Information",
            title_en="Information",
            kind=Phase.Kind.INFORMATION,
            start=_days(start - 14),
            end=_days(start),
            description_de="Die Stadt stellt die Planung vor und beantwortet Fragen.",
            description_en="The city presents the plans and answers questions.",
        ),
        Phase(
            title="Beteiligung",
            title_de="Beteiligung" if not formal else "Öffentliche Auslegung",
            title_en="Consultation" if not formal else "Public display",
            kind=Phase.Kind.CONSULTATION,
            start=_days(start),
            end=_days(end),
            description_de="Bringen Sie Ihre Vorschläge und Hinweise ein: online oder analog.",
            description_en="Contribute your proposals and comments: online or in person.",
            **consultation,
        ),
    ]
    if status in ("closed", "results"):
        phases.append(
            Phase(
                title="Auswertung",
                title_de="Auswertung",
                title_en="Evaluation",
                kind=Phase.Kind.REVIEW,
                start=_days(end),
                # A closed procedure's last phase is over: its evaluation runs outside the portal.
                end=_days(end + 28 if status == "closed" else end + 30),
                description_de="Die Verwaltung wertet alle Beiträge aus.",
                description_en="The administration evaluates every contribution.",
            )
        )
    if status == "results":
        phases.append(
            Phase(
                title="Ergebnisse",
                title_de="Ergebnisse",
                title_en="Results",
                kind=Phase.Kind.RESULTS,
                start=_days(end + 30),
                end=_days(end + 400),
                description_de="Was aus den Beiträgen geworden ist.",
                description_en="What became of the contributions.",
            )
        )
    return phases


PROCEDURES = [
    {
        "slug": "phoenix-see-uferpromenade",
        "slug_en": "phoenix-lake-promenade",
        "folder": "hoerde",
        "districts": [("hoerde", False)],
        "topics": ["stadtentwicklung", "kultur"],
        "status": "open",
        "mode": "hybrid",
        "title_de": "Uferpromenade am Phoenix-See",
        "title_en": "Phoenix Lake promenade",
        "summary_de": "Wie soll die Nordseite der Uferpromenade künftig aussehen? Sitzplätze, "
        "Schatten, Spielangebote: Ihre Ideen sind gefragt.",
        "summary_en": "What should the north side of the lake promenade look like? Seating, shade, "
        "play areas: we want your ideas.",
        "body_de": "Die Promenade am Phoenix-See ist einer der beliebtesten Orte in Hörde. Bevor "
        "die Bezirksvertretung über die Umgestaltung der Nordseite entscheidet, sammelt die Stadt "
        "Vorschläge – online, auf Papier im Bezirksrathaus und bei einem Abend im Hörder Burgsaal.",
        "body_en": "The Phoenix Lake promenade is one of the most popular places in Hörde. Before "
        "the district council decides on redesigning the north side, the city collects proposals: "
        "online, on paper at the district town hall and at an evening meeting in Hörde castle.",
        "office": "Stadtplanungs- und Bauordnungsamt",
        "contact": ("Jana Brückner", "stadtplanung@dortmund.example", "0231 50-00000"),
        "paper": "16389-20",
        "steps": [
            ("Bezirksvertretung Hörde", 20, CouncilStep.Role.RECOMMENDATION),
            (
                "Ausschuss für Umwelt, Stadtgestaltung und Wohnen",
                41,
                CouncilStep.Role.RECOMMENDATION,
            ),
            ("Rat der Stadt", 62, CouncilStep.Role.DECISION),
        ],
    },
    {
        "slug": "radwall",
        "slug_en": "cycle-ring",
        "folder": "gesamtstadt",
        "districts": [
            ("innenstadt-west", True),
            ("innenstadt-nord", True),
            ("innenstadt-ost", True),
        ],
        "topics": ["verkehr", "umwelt"],
        "status": "open",
        "mode": "online",
        "polls": True,
        "title_de": "Radwall: Radweg rund um die City",
        "title_en": "Cycle ring around the city centre",
        "summary_de": "Der Wallring soll einen durchgehenden, sicheren Radweg bekommen. Stimmen "
        "Sie ab, welche Abschnitte zuerst umgebaut werden.",
        "summary_en": "The inner ring road is to get a continuous, safe cycle lane. Vote on which "
        "sections should be rebuilt first.",
        "body_de": "Der Radwall verbindet die Innenstadtbezirke. In dieser Umfrage legen Sie mit "
        "fest, in welcher Reihenfolge die Abschnitte gebaut werden.",
        "body_en": "The cycle ring connects the inner-city districts. This poll helps decide the "
        "order in which the sections are built.",
        "office": "Tiefbauamt",
        "contact": ("Mobilitätsplanung", "mobilitaet@dortmund.example", ""),
        "paper": "21834-21",
        "steps": [
            ("Bezirksvertretung Innenstadt-West", -30, CouncilStep.Role.HEARING),
            ("Bezirksvertretung Innenstadt-Nord", -29, CouncilStep.Role.HEARING),
            ("Bezirksvertretung Innenstadt-Ost", -28, CouncilStep.Role.HEARING),
            (
                "Ausschuss für Mobilität, Infrastruktur und Grün",
                35,
                CouncilStep.Role.RECOMMENDATION,
            ),
            ("Rat der Stadt", 56, CouncilStep.Role.DECISION),
        ],
    },
    {
        "slug": "bebauungsplan-ap-215",
        "slug_en": "land-use-plan-ap-215",
        "folder": "aplerbeck",
        "districts": [("aplerbeck", False)],
        "topics": ["stadtentwicklung"],
        "status": "open",
        "mode": "in_person",
        "kind": "land_use",
        "title_de": "Bebauungsplan Ap 215 – Wohnen an der Schweizer Allee",
        "title_en": "Land-use plan Ap 215 – housing on Schweizer Allee",
        "summary_de": "Öffentliche Auslegung nach § 3 Abs. 2 BauGB: Geben Sie eine "
        "Stellungnahme zum Entwurf ab.",
        "summary_en": "Public display under section 3 (2) of the Federal Building Code: submit a "
        "formal statement on the draft.",
        "body_de": "Auf einer früheren Gewerbefläche sollen rund 120 Wohnungen, eine Kita und "
        "eine Grünverbindung entstehen. Der Entwurf liegt im Bezirksrathaus Aplerbeck und online aus.",
        "body_en": "About 120 homes, a day-care centre and a green link are planned on a former "
        "commercial site. The draft is on display at Aplerbeck district town hall and online.",
        "office": "Stadtplanungs- und Bauordnungsamt",
        "contact": ("Team Bauleitplanung Ost", "bauleitplanung@dortmund.example", ""),
    },
    {
        "slug": "schulwege-scharnhorst",
        "slug_en": "safe-routes-to-school-scharnhorst",
        "folder": "scharnhorst",
        "districts": [("scharnhorst", False)],
        "topics": ["verkehr", "bildung"],
        "status": "open",
        "mode": "hybrid",
        "title_de": "Sichere Schulwege in Scharnhorst",
        "title_en": "Safe routes to school in Scharnhorst",
        "summary_de": "Wo ist der Schulweg gefährlich? Eltern, Kinder und Lehrkräfte melden "
        "Stellen – online, per Telefon oder auf dem Meldebogen der Schule.",
        "summary_en": "Where is the way to school dangerous? Parents, children and teachers report "
        "places: online, by phone or on the school's form.",
        "body_de": "Die Bezirksvertretung Scharnhorst lässt alle Grundschulwege prüfen. Ihre "
        "Hinweise fließen in den Schulwegplan ein.",
        "body_en": "The Scharnhorst district council is having every primary-school route "
        "checked. Your reports go into the school route plan.",
        "office": "Bezirksverwaltungsstelle Scharnhorst",
        "contact": ("Bezirksverwaltungsstelle", "scharnhorst@dortmund.example", "0231 50-11111"),
    },
    {
        "slug": "bezirksbudget-brackel-2027",
        "slug_en": "brackel-district-budget-2027",
        "folder": "brackel",
        "districts": [("brackel", False)],
        "topics": ["soziales", "kultur"],
        "status": "open",
        "mode": "online",
        "title_de": "Bezirksbudget Brackel: Ideen für 2027",
        "title_en": "Brackel district budget: ideas for 2027",
        "summary_de": "50.000 Euro für Ihre Ideen: Schlagen Sie Projekte vor und unterstützen "
        "Sie die Vorschläge anderer.",
        "summary_en": "50,000 euros for your ideas: propose projects and support other people's "
        "proposals.",
        "body_de": "Die Bezirksvertretung Brackel stellt einen Teil ihrer Mittel für Vorschläge "
        "aus der Bürgerschaft bereit. Die meistunterstützten Ideen werden geprüft.",
        "body_en": "The Brackel district council sets aside part of its funds for residents' "
        "proposals. The most supported ideas are reviewed.",
        "office": "Bezirksverwaltungsstelle Brackel",
        "contact": ("Bezirksverwaltungsstelle", "brackel@dortmund.example", ""),
    },
    {
        "slug": "kaiserstrassenviertel",
        "slug_en": "kaiserstrasse-quarter",
        "folder": "innenstadt-ost",
        "districts": [("innenstadt-ost", False)],
        "topics": ["verkehr"],
        "status": "open",
        "mode": "in_person",
        "title_de": "Kaiserstraßenviertel: weniger Durchgangsverkehr",
        "title_en": "Kaiserstrasse quarter: less through traffic",
        "summary_de": "Ein Verkehrsversuch soll das Viertel ruhiger machen. Was halten Sie davon?",
        "summary_en": "A traffic trial is to make the quarter quieter. What do you think?",
        "body_de": "Für sechs Monate werden zwei Straßen für den Durchgangsverkehr gesperrt. "
        "Anwohnende und Geschäfte berichten, wie es läuft.",
        "body_en": "Two streets are closed to through traffic for six months. Residents and "
        "shops report how it goes.",
        "office": "Tiefbauamt",
        "contact": ("Verkehrsplanung", "verkehr@dortmund.example", ""),
    },
    {
        "slug": "hitzeschutz-hombruch",
        "slug_en": "heat-protection-hombruch",
        "folder": "hombruch",
        "districts": [("hombruch", False)],
        "topics": ["umwelt"],
        "status": "planned",
        "mode": "hybrid",
        "title_de": "Hitzeschutz im Stadtbezirk Hombruch",
        "title_en": "Heat protection in Hombruch",
        "summary_de": "Schatten, Trinkbrunnen, kühle Orte: Im nächsten Monat beginnt die "
        "Beteiligung zum Hitzeaktionsplan.",
        "summary_en": "Shade, drinking fountains, cool places: consultation on the heat action "
        "plan starts next month.",
        "body_de": "Das Umweltamt erarbeitet mit dem Stadtbezirk Hombruch Maßnahmen gegen "
        "Sommerhitze, besonders für ältere Menschen und Kinder.",
        "body_en": "The environmental office is working with Hombruch on measures against summer "
        "heat, especially for older people and children.",
        "office": "Umweltamt",
        "contact": ("Klimaanpassung", "klima@dortmund.example", ""),
    },
    {
        "slug": "ortskern-luetgendortmund",
        "slug_en": "luetgendortmund-village-centre",
        "folder": "luetgendortmund",
        "districts": [("luetgendortmund", False)],
        "topics": ["stadtentwicklung", "wirtschaft"],
        "status": "planned",
        "mode": "in_person",
        "title_de": "Ortskern Lütgendortmund beleben",
        "title_en": "Reviving the centre of Lütgendortmund",
        "summary_de": "Leerstand, Markt, Aufenthaltsqualität: Eine Stadtteilwerkstatt startet "
        "in drei Wochen.",
        "summary_en": "Empty shops, the market, places to spend time: a neighbourhood workshop "
        "starts in three weeks.",
        "body_de": "Gemeinsam mit Händlerinnen, Vereinen und Anwohnenden entsteht ein "
        "Handlungskonzept für den Ortskern.",
        "body_en": "Together with traders, clubs and residents, an action plan for the centre is "
        "developed.",
        "office": "Amt für Stadterneuerung",
        "contact": ("Quartiersmanagement", "stadterneuerung@dortmund.example", ""),
    },
    {
        "slug": "marktplatz-mengede",
        "slug_en": "mengede-market-square",
        "folder": "mengede",
        "districts": [("mengede", False)],
        "topics": ["stadtentwicklung"],
        "status": "closed",
        "mode": "hybrid",
        "title_de": "Neugestaltung des Marktplatzes Mengede",
        "title_en": "Redesigning Mengede market square",
        "summary_de": "Die Beteiligung ist abgeschlossen; die Beiträge werden ausgewertet.",
        "summary_en": "The consultation has closed; the contributions are being evaluated.",
        "body_de": "Über 200 Menschen haben Ideen für den Marktplatz eingebracht, viele davon "
        "beim Marktstand der Bezirksverwaltung.",
        "body_en": "More than 200 people contributed ideas for the market square, many at the "
        "district administration's market stall.",
        "office": "Stadtplanungs- und Bauordnungsamt",
        "contact": ("Stadtplanung West", "stadtplanung@dortmund.example", ""),
    },
    {
        "slug": "fredenbaumpark",
        "slug_en": "fredenbaum-park",
        "folder": "innenstadt-nord",
        "districts": [("innenstadt-nord", False)],
        "topics": ["umwelt", "kultur"],
        "status": "closed",
        "mode": "in_person",
        "title_de": "Zukunft des Fredenbaumparks",
        "title_en": "The future of Fredenbaum Park",
        "summary_de": "Wie soll sich der größte Park der Nordstadt entwickeln? Die Auswertung läuft.",
        "summary_en": "How should the largest park in the Nordstadt develop? Evaluation is under way.",
        "body_de": "Bei Parkspaziergängen und Infoständen haben viele Nordstädterinnen und "
        "Nordstädter ihre Wünsche geäußert.",
        "body_en": "On park walks and at information stands many Nordstadt residents shared what "
        "they want.",
        "office": "Grünflächenamt",
        "contact": ("Grünflächenamt", "gruen@dortmund.example", ""),
    },
    {
        "slug": "digitale-stadt-prioritaeten",
        "slug_en": "digital-city-priorities",
        "folder": "gesamtstadt",
        "districts": [],
        "topics": ["digitales"],
        "status": "closed",
        "mode": "online",
        "polls": True,
        "title_de": "Digitale Stadt: Ihre Prioritäten",
        "title_en": "Digital city: your priorities",
        "summary_de": "Welche Verwaltungsleistungen sollen zuerst online gehen? Die Umfrage ist "
        "beendet.",
        "summary_en": "Which public services should go online first? The poll has closed.",
        "body_de": "Die Ergebnisse fließen in die Digitalisierungsstrategie der Stadt ein.",
        "body_en": "The results feed into the city's digital strategy.",
        "office": "Dortmunder Systemhaus",
        "contact": ("Digitalisierung", "digital@dortmund.example", ""),
    },
    {
        "slug": "spielplaetze-nordstadt",
        "slug_en": "playgrounds-nordstadt",
        "folder": "innenstadt-nord",
        "districts": [("innenstadt-nord", False), ("eving", True)],
        "topics": ["soziales", "bildung"],
        "status": "results",
        "mode": "hybrid",
        "title_de": "Spielplätze in der Nordstadt",
        "title_en": "Playgrounds in the Nordstadt",
        "summary_de": "Kinder haben mitgeplant: So werden vier Spielplätze erneuert.",
        "summary_en": "Children helped plan: this is how four playgrounds will be renewed.",
        "body_de": "Im Rahmen von „nordwärts“ haben Kinder und Eltern vier Spielplätze "
        "begutachtet und Wünsche gesammelt.",
        "body_en": "As part of “nordwärts”, children and parents inspected four playgrounds and "
        "collected wishes.",
        "office": "Jugendamt",
        "contact": ("Kinder- und Jugendbeteiligung", "jugendamt@dortmund.example", ""),
        "results_de": _p(
            "Drei von vier Spielplätzen erhalten 2027 neue Geräte; Schattensegel und Trinkbrunnen "
            "wurden am häufigsten gewünscht und werden umgesetzt."
        ),
        "results_en": _p(
            "Three of four playgrounds get new equipment in 2027; shade sails and drinking "
            "fountains were the most requested and will be built."
        ),
    },
    {
        "slug": "quartierspark-huckarde",
        "slug_en": "huckarde-neighbourhood-park",
        "folder": "huckarde",
        "districts": [("huckarde", False)],
        "topics": ["umwelt"],
        "status": "results",
        "mode": "in_person",
        "title_de": "Quartierspark Huckarde",
        "title_en": "Huckarde neighbourhood park",
        "summary_de": "Aus einer Brache wird ein Park. Die Ergebnisse der Beteiligung liegen vor.",
        "summary_en": "A wasteland becomes a park. The results of the consultation are out.",
        "body_de": "An zwei Planungstagen vor Ort sind Entwürfe für den Park entstanden.",
        "body_en": "Designs for the park were created at two planning days on site.",
        "office": "Grünflächenamt",
        "contact": ("Grünflächenamt", "gruen@dortmund.example", ""),
        "results_de": _p("Der Entwurf „Wiesen und Wege“ wird umgesetzt; Baubeginn ist 2027."),
        "results_en": _p("The “Meadows and paths” design will be built; work starts in 2027."),
    },
    {
        "slug": "zeche-minister-stein",
        "slug_en": "minister-stein-colliery",
        "folder": "eving",
        "districts": [("eving", False)],
        "topics": ["kultur"],
        "status": "results",
        "mode": "hybrid",
        "title_de": "Zeche Minister Stein als Kulturort",
        "title_en": "Minister Stein colliery as a cultural venue",
        "summary_de": "Was passiert mit der alten Maschinenhalle? Die Ergebnisse sind da.",
        "summary_en": "What happens to the old engine hall? The results are in.",
        "body_de": "Vereine, Künstlerinnen und Nachbarschaft haben Nutzungsideen entwickelt.",
        "body_en": "Clubs, artists and neighbours developed ideas for using the hall.",
        "office": "Kulturbetriebe Dortmund",
        "contact": ("Kulturbüro", "kultur@dortmund.example", ""),
        "results_de": _p("Die Halle wird Probenraum und Veranstaltungsort für Vereine."),
        "results_en": _p("The hall becomes a rehearsal space and venue for local clubs."),
    },
]


def _procedure(spec: dict) -> ProcedurePage:
    contact_name, contact_email, contact_phone = spec["contact"]
    fields = {
        "summary_de": spec["summary_de"],
        "summary_en": spec["summary_en"],
        "body_de": [("paragraph", RichText(_p(spec["body_de"])))],
        "body_en": [("paragraph", RichText(_p(spec["body_en"])))],
        "kind": spec.get("kind", "informal"),
        "mode": spec["mode"],
        "responsible_office": spec["office"],
        "contact_name": contact_name,
        "contact_email": contact_email,
        "contact_phone": contact_phone,
        "council_paper": spec.get("paper", ""),
        "results_de": spec.get("results_de", ""),
        "results_en": spec.get("results_en", ""),
        "phases": _phases(
            spec["status"], formal=spec.get("kind") == "land_use", polls=spec.get("polls", False)
        ),
        "procedure_districts": [
            ProcedureDistrict(district=District.objects.get(slug=slug), partly=partly)
            for slug, partly in spec["districts"]
        ],
        "council_steps": [
            CouncilStep(body=body, date=(_days(days)).date(), role=role)
            for body, days, role in spec.get("steps", [])
        ],
        "topics": list(Topic.objects.filter(slug__in=spec["topics"])),
    }
    return ensure_page(
        _folder(spec["folder"]),
        ProcedurePage,
        spec["slug"],
        slug_en=spec["slug_en"],
        title_de=spec["title_de"],
        title_en=spec["title_en"],
        **fields,
    )


def procedures(stdout) -> None:
    """Beteiligungsverfahren in every status, two with a Drucksache and its Beratungsfolge"""
    for spec in PROCEDURES:
        _procedure(spec)


# Contributions ---------------------------------------------------------------------------------


def _proposal(procedure, title, text, *, author=None, channel=Channel.ONLINE, **fields):
    entered_by = _staff() if channel != Channel.ONLINE else None
    proposal, _created = Proposal.objects.update_or_create(
        procedure=procedure,
        title=title,
        defaults={
            "text": text,
            "author": author,
            "channel": channel,
            "entered_by": entered_by,
            **fields,
        },
    )
    return proposal


def _comment(procedure, text, *, author=None, channel=Channel.ONLINE, proposal=None, parent=None):
    comment, _created = Comment.objects.get_or_create(
        procedure=procedure,
        text=text,
        defaults={
            "author": author,
            "channel": channel,
            "entered_by": _staff() if channel != Channel.ONLINE else None,
            "proposal": proposal,
            "parent": parent,
        },
    )
    return comment


def _supports(proposal, citizens: list[int], *, on_paper: int = 0) -> None:
    for number in citizens:
        Support.objects.get_or_create(proposal=proposal, user=_citizen(number))
    signatures = Support.objects.filter(proposal=proposal, user=None, channel=Channel.PAPER)
    for _missing in range(on_paper - signatures.count()):
        Support.objects.create(proposal=proposal, channel=Channel.PAPER, entered_by=_staff())


def _responded(status: str, text: str) -> dict:
    return {"status": status, "response": text, "responded_at": _days(-10)}


def _poll(procedure, title_de, title_en, question_de, question_en, answers, votes):
    """A poll with one question; ``votes`` maps a citizen's number (or "paper") to an answer."""
    poll, _created = Poll.objects.get_or_create(
        procedure=procedure,
        title_de=title_de,
        defaults={"title": title_de, "title_en": title_en},
    )
    question, _created = PollQuestion.objects.get_or_create(
        poll=poll, text_de=question_de, defaults={"text": question_de, "text_en": question_en}
    )
    choices = []
    for order, (answer_de, answer_en) in enumerate(answers):
        choice, _created = PollChoice.objects.get_or_create(
            question=question,
            text_de=answer_de,
            defaults={"text": answer_de, "text_en": answer_en, "sort_order": order},
        )
        choices.append(choice)
    paper_votes = [answer for voter, answer in votes if voter == "paper"]
    for voter, answer in votes:
        if voter != "paper":
            vote, created = PollVote.objects.get_or_create(poll=poll, user=_citizen(voter))
            if created:
                vote.choices.set([choices[answer]])
    on_paper = PollVote.objects.filter(poll=poll, user=None, channel=Channel.PAPER).count()
    for answer in paper_votes[on_paper:]:
        vote = PollVote.objects.create(poll=poll, channel=Channel.PAPER, entered_by=_staff())
        vote.choices.set([choices[answer]])


def _procedure_by_slug(slug: str) -> ProcedurePage:
    return ProcedurePage.objects.get(slug_de=slug)


def contributions(stdout) -> None:
    """Contributions online, on paper, by phone, by e-mail and at events; polls, events, statements"""
    staff = _staff()
    phoenix = _procedure_by_slug("phoenix-see-uferpromenade")
    bench = _proposal(
        phoenix,
        "Mehr Bänke mit Rückenlehne",
        "Entlang der Nordseite fehlen Sitzplätze mit Lehne, gerade für ältere Menschen.",
        author=_citizen(0),
    )
    shade = _proposal(
        phoenix,
        "Schattenbäume statt Sonnensegel",
        "Bitte Bäume pflanzen, die in zehn Jahren echten Schatten spenden.",
        author=_citizen(2),
    )
    _proposal(
        phoenix,
        "Trinkbrunnen am Kulturinsel-Steg",
        "Beim Bürgerabend vorgeschlagen: ein Trinkbrunnen am Steg zur Kulturinsel.",
        channel=Channel.EVENT,
    )
    _proposal(
        phoenix,
        "Barrierefreier Zugang von der Hermannstraße",
        "Per Brief eingegangen: Die Rampe an der Hermannstraße ist für Rollstühle zu steil.",
        channel=Channel.PAPER,
    )
    _supports(bench, [1, 3, 5], on_paper=4)
    _supports(shade, [0, 4])
    question = _comment(
        phoenix,
        "Wer pflegt die Bänke später, der Bezirk oder die Emschergenossenschaft?",
        author=_citizen(3),
        proposal=bench,
    )
    _comment(
        phoenix,
        "Die Pflege übernimmt das Grünflächenamt; das steht in der Vorlage.",
        author=_citizen(0),
        proposal=bench,
        parent=question,
    )
    _comment(
        phoenix,
        "Telefonisch: Bitte auch an Fahrradbügel denken.",
        channel=Channel.PHONE,
    )
    Event.objects.update_or_create(
        procedure=phoenix,
        title_de="Bürgerabend im Hörder Burgsaal",
        defaults={
            "title": "Bürgerabend im Hörder Burgsaal",
            "title_en": "Public evening at Hörde castle",
            "mode": "hybrid",
            "start": _days(7) + datetime.timedelta(hours=18),
            "end": _days(7) + datetime.timedelta(hours=20, minutes=30),
            "place_de": "Hörder Burg, Burgsaal, Hörder Burgstraße 18, 44263 Dortmund",
            "place_en": "Hörde castle, Burgsaal, Hörder Burgstraße 18, 44263 Dortmund",
            "online_link": "https://meeting.dortmund.example/phoenix-see",
            "accessibility_de": "Stufenloser Zugang, Induktionsschleife; Gebärdensprache auf "
            "Anfrage bis eine Woche vorher.",
            "accessibility_en": "Step-free access, induction loop; sign language on request up "
            "to one week before.",
            "capacity": 80,
            "registration_required": True,
        },
    )

    radwall = _procedure_by_slug("radwall")
    _poll(
        radwall,
        "Welcher Abschnitt zuerst?",
        "Which section first?",
        "Welcher Abschnitt des Radwalls soll zuerst umgebaut werden?",
        "Which section of the cycle ring should be rebuilt first?",
        [
            ("Königswall am Hauptbahnhof", "Königswall by the main station"),
            ("Südwall", "Südwall"),
            ("Ostwall", "Ostwall"),
        ],
        [(0, 0), (1, 0), (2, 1), (4, 2), (5, 0), ("paper", 1), ("paper", 0)],
    )
    _proposal(
        radwall,
        "Grüne Welle für Radfahrende",
        "Per E-Mail: Ampeln am Wall auf 20 km/h abstimmen.",
        channel=Channel.EMAIL,
    )

    plan = _procedure_by_slug("bebauungsplan-ap-215")
    for number, (name, street, channel, text) in enumerate(
        [
            (
                "Margarete Schulte",
                "Schweizer Allee 12",
                Channel.ONLINE,
                "Die geplante Zufahrt über die Schweizer Allee belastet die Anwohnenden. Ich bitte "
                "um Prüfung einer Erschließung von Süden.",
            ),
            (
                "Bürgerverein Aplerbeck e. V.",
                "Ruinenstraße 3",
                Channel.PAPER,
                "Der Bürgerverein begrüßt die Kita, regt aber eine größere Grünverbindung zum "
                "Emscherradweg an.",
            ),
            (
                "Ahmet Yılmaz",
                "Köln-Berliner-Straße 40",
                Channel.EMAIL,
                "Bitte sehen Sie geförderten Wohnraum für mindestens ein Drittel der Wohnungen vor.",
            ),
        ]
    ):
        statement = Statement.objects.filter(procedure=plan, name=name).first()
        if statement is None:
            statement = Statement.objects.create(
                procedure=plan,
                name=name,
                street=street,
                postcode="44287",
                city="Dortmund",
                text=text,
                channel=channel,
                author=_citizen(number) if channel == Channel.ONLINE else None,
                entered_by=None if channel == Channel.ONLINE else staff,
                reference=f"pending-seed-{number}",
            )
            statement.reference = f"ST-{statement.created_at:%Y}-{statement.pk:06d}"
            statement.save(update_fields=["reference"])
    Event.objects.update_or_create(
        procedure=plan,
        title_de="Erörterung im Bezirksrathaus Aplerbeck",
        defaults={
            "title": "Erörterung im Bezirksrathaus Aplerbeck",
            "title_en": "Hearing at Aplerbeck district town hall",
            "mode": "in_person",
            "start": _days(10) + datetime.timedelta(hours=17),
            "end": _days(10) + datetime.timedelta(hours=19),
            "place_de": "Bezirksrathaus Aplerbeck, Sitzungssaal, Aplerbecker Marktplatz 21",
            "place_en": "Aplerbeck district town hall, council chamber, Aplerbecker Marktplatz 21",
            "accessibility_de": "Stufenloser Zugang über den Seiteneingang.",
            "accessibility_en": "Step-free access through the side entrance.",
        },
    )

    school = _procedure_by_slug("schulwege-scharnhorst")
    _proposal(
        school,
        "Zebrastreifen an der Gleiwitzstraße",
        "Telefonisch gemeldet: Kinder queren dort ohne Hilfe eine viel befahrene Straße.",
        channel=Channel.PHONE,
    )
    _proposal(
        school,
        "Elterntaxi-Zone vor der Grundschule",
        "Auf dem Meldebogen der Schule: Eine Hol- und Bringzone würde den Eingang entlasten.",
        channel=Channel.PAPER,
    )
    crossing = _proposal(
        school,
        "Schülerlotsen am Kreisverkehr",
        "Am Kreisverkehr Droote sollten morgens Schülerlotsen stehen.",
        author=_citizen(7),
    )
    _supports(crossing, [1, 2, 6])

    budget = _procedure_by_slug("bezirksbudget-brackel-2027")
    for number, (title, text) in enumerate(
        [
            ("Bücherschrank am Hellweg", "Ein offener Bücherschrank am Brackeler Hellweg."),
            ("Boule-Bahn im Volksgarten", "Eine Boule-Bahn für alle Generationen."),
            ("Sitzbänke am Hauptfriedhof", "Mehr Bänke auf dem Weg zum Hauptfriedhof."),
        ]
    ):
        proposal = _proposal(budget, title, text, author=_citizen(number + 3))
        _supports(proposal, list(range(number + 1)))

    kaiser = _procedure_by_slug("kaiserstrassenviertel")
    _comment(
        kaiser, "Seit der Sperrung ist es vor unserem Laden deutlich ruhiger.", author=_citizen(4)
    )
    _comment(
        kaiser,
        "Beim Infoabend notiert: Lieferverkehr braucht feste Ladezonen.",
        channel=Channel.EVENT,
    )

    mengede = _procedure_by_slug("marktplatz-mengede")
    _proposal(
        mengede,
        "Wochenmarkt mit Sitzinseln",
        "Am Marktstand notiert: Sitzinseln zwischen den Ständen machen den Markt gemütlicher.",
        channel=Channel.EVENT,
        status=Proposal.Status.IN_REVIEW,
    )
    _proposal(
        mengede,
        "Mehr Fahrradständer",
        "Am Markt fehlen sichere Fahrradständer.",
        author=_citizen(6),
        status=Proposal.Status.IN_REVIEW,
    )

    digital = _procedure_by_slug("digitale-stadt-prioritaeten")
    _poll(
        digital,
        "Was soll zuerst online gehen?",
        "What should go online first?",
        "Welche Leistung möchten Sie am liebsten online erledigen?",
        "Which service would you most like to use online?",
        [
            ("Anwohnerparkausweis", "Residents' parking permit"),
            ("Ummeldung", "Registering a change of address"),
            ("Sperrmüll-Termin", "Bulky waste collection"),
        ],
        [(0, 1), (1, 1), (2, 0), (3, 2), (4, 1), ("paper", 2)],
    )

    playgrounds = _procedure_by_slug("spielplaetze-nordstadt")
    _proposal(
        playgrounds,
        "Schattensegel über dem Sandkasten",
        "Im Sommer ist der Sandkasten am Nordmarkt zu heiß.",
        author=_citizen(1),
        **_responded(
            Proposal.Status.ACCEPTED, "Wird 2027 am Nordmarkt und im Hoeschpark umgesetzt."
        ),
    )
    _proposal(
        playgrounds,
        "Wasserspielplatz im Hoeschpark",
        "Beim Kinderworkshop gewünscht: Wasser zum Matschen.",
        channel=Channel.EVENT,
        **_responded(
            Proposal.Status.PARTLY,
            "Eine Matschanlage ist möglich; ein großer Wasserspielplatz übersteigt das Budget.",
        ),
    )
    _proposal(
        playgrounds,
        "Kletterturm an der Mallinckrodtstraße",
        "Ein hoher Kletterturm für ältere Kinder.",
        author=_citizen(4),
        **_responded(
            Proposal.Status.REJECTED,
            "Die Fläche ist zu klein für die nötigen Fallschutzbereiche.",
        ),
    )

    huckarde = _procedure_by_slug("quartierspark-huckarde")
    _proposal(
        huckarde,
        "Wildblumenwiese",
        "Per Brief: Bitte eine Wildblumenwiese für Insekten anlegen.",
        channel=Channel.PAPER,
        **_responded(Proposal.Status.IMPLEMENTED, "Die Wiese wurde im Frühjahr eingesät."),
    )

    stein = _procedure_by_slug("zeche-minister-stein")
    _proposal(
        stein,
        "Probenräume für Bands",
        "Es fehlen bezahlbare Proberäume in Eving.",
        author=_citizen(3),
        **_responded(Proposal.Status.ACCEPTED, "Zwei Proberäume entstehen im Obergeschoss."),
    )
    _comment(
        stein,
        "Per E-Mail: Bitte auch an einen Raum für Seniorengruppen denken.",
        channel=Channel.EMAIL,
    )

    fredenbaum = _procedure_by_slug("fredenbaumpark")
    _comment(
        fredenbaum,
        "Beim Parkspaziergang: Die Wege sind abends zu dunkel.",
        channel=Channel.EVENT,
    )
    _proposal(
        fredenbaum,
        "Beleuchtung der Hauptwege",
        "Die Hauptwege sollten abends beleuchtet sein.",
        author=_citizen(1),
        status=Proposal.Status.IN_REVIEW,
    )


# Vorhabenliste ---------------------------------------------------------------------------------

PLANS = [
    {
        "slug": "uferpromenade-phoenix-see",
        "slug_en": "phoenix-lake-promenade",
        "title_de": "Umgestaltung der Uferpromenade am Phoenix-See (Nordseite)",
        "title_en": "Redesign of the Phoenix Lake promenade (north side)",
        "districts": ["hoerde"],
        "topics": ["stadtentwicklung"],
        "status": "planning",
        "office": "Stadtplanungs- und Bauordnungsamt",
        "contact": "Jana Brückner, stadtplanung@dortmund.example",
        "added": -120,
        "cost": "ca. 2,4 Mio. Euro",
        "schedule_de": "Planung 2026, Bau 2027–2028",
        "schedule_en": "Planning 2026, construction 2027–2028",
        "participation": True,
        "details_de": "Online-Beteiligung und Bürgerabend im Hörder Burgsaal.",
        "details_en": "Online consultation and a public evening at Hörde castle.",
        "procedure": "phoenix-see-uferpromenade",
    },
    {
        "slug": "grundschule-aplerbeck-erweiterung",
        "slug_en": "aplerbeck-primary-school-extension",
        "title_de": "Erweiterung der Grundschule Aplerbeck um vier Klassenräume",
        "title_en": "Four new classrooms for Aplerbeck primary school",
        "districts": ["aplerbeck"],
        "topics": ["bildung"],
        "status": "decided",
        "office": "Städtische Immobilienwirtschaft",
        "contact": "Schulbauplanung",
        "added": -200,
        "cost": "ca. 6,1 Mio. Euro",
        "schedule_de": "Baubeginn Sommer 2027, Fertigstellung 2028",
        "schedule_en": "Construction from summer 2027, completion 2028",
        "participation": False,
        "reason_de": "der Bedarf an Schulplätzen ist gesetzlich vorgegeben und der Standort "
        "steht fest; Schulgemeinde und Bezirksvertretung werden informiert.",
        "reason_en": "the need for school places is set by law and the site is fixed; the school "
        "community and the district council are kept informed.",
    },
    {
        "slug": "radweg-emscher-eving",
        "slug_en": "emscher-cycle-path-eving",
        "title_de": "Radweg entlang der Emscher in Eving",
        "title_en": "Cycle path along the Emscher in Eving",
        "districts": ["eving", "innenstadt-nord"],
        "topics": ["verkehr", "umwelt"],
        "status": "planning",
        "office": "Tiefbauamt",
        "contact": "Radverkehrsplanung",
        "added": -12,
        "cost": "ca. 1,8 Mio. Euro",
        "schedule_de": "Planung bis 2027, Bau ab 2028",
        "schedule_en": "Planning until 2027, construction from 2028",
        "participation": True,
        "details_de": "Radtour mit Anwohnenden und Online-Karte für Hinweise, Frühjahr 2027.",
        "details_en": "A bike tour with residents and an online map for comments, spring 2027.",
    },
    {
        "slug": "kanalsanierung-huckarde",
        "slug_en": "sewer-renewal-huckarde",
        "title_de": "Kanalsanierung Huckarder Straße",
        "title_en": "Sewer renewal on Huckarder Strasse",
        "districts": ["huckarde"],
        "topics": ["umwelt"],
        "status": "implementation",
        "office": "Stadtentwässerung",
        "contact": "Baustellenkommunikation",
        "added": -300,
        "cost": "ca. 3,2 Mio. Euro",
        "schedule_de": "Bauzeit bis Herbst 2027 (verlängert)",
        "schedule_en": "Construction until autumn 2027 (extended)",
        "change_de": "Bei den Arbeiten wurden Altlasten gefunden; die Entsorgung verlängert die "
        "Bauzeit um sechs Monate.",
        "change_en": "Contaminated soil was found during the works; its disposal extends the "
        "construction by six months.",
        "participation": False,
        "reason_de": "es handelt sich um eine technisch notwendige Instandsetzung ohne "
        "Gestaltungsspielraum; Anliegende werden per Postwurf informiert.",
        "reason_en": "it is a technically necessary repair with no room for design choices; "
        "neighbours are informed by letter.",
    },
    {
        "slug": "jugendtreff-scharnhorst",
        "slug_en": "youth-centre-scharnhorst",
        "title_de": "Neuer Jugendtreff in Scharnhorst-Ost",
        "title_en": "New youth centre in Scharnhorst-Ost",
        "districts": ["scharnhorst"],
        "topics": ["soziales"],
        "status": "idea",
        "office": "Jugendamt",
        "contact": "Kinder- und Jugendförderung",
        "added": -5,
        "cost": "noch offen",
        "schedule_de": "Standortsuche 2027",
        "schedule_en": "Site search in 2027",
        "participation": True,
        "details_de": "Jugendliche planen in Workshops mit, ab Frühjahr 2027.",
        "details_en": "Young people help plan in workshops from spring 2027.",
    },
    {
        "slug": "hitzeaktionsplan",
        "slug_en": "heat-action-plan",
        "title_de": "Hitzeaktionsplan für Dortmund",
        "title_en": "Heat action plan for Dortmund",
        "districts": [],
        "topics": ["umwelt", "soziales"],
        "status": "planning",
        "office": "Umweltamt",
        "contact": "Klimaanpassung",
        "added": -40,
        "cost": "ca. 450.000 Euro",
        "schedule_de": "Beschluss im Rat 2027",
        "schedule_en": "Council decision in 2027",
        "participation": True,
        "details_de": "Beteiligung in allen Stadtbezirken, beginnend in Hombruch.",
        "details_en": "Consultation in every district, starting in Hombruch.",
    },
    {
        "slug": "feuerwache-brackel",
        "slug_en": "fire-station-brackel",
        "title_de": "Neubau der Feuer- und Rettungswache Brackel",
        "title_en": "New fire and rescue station in Brackel",
        "districts": ["brackel"],
        "topics": ["soziales"],
        "status": "decided",
        "office": "Feuerwehr Dortmund",
        "contact": "Bauabteilung",
        "added": -25,
        "cost": "ca. 14 Mio. Euro",
        "schedule_de": "Baubeginn 2027",
        "schedule_en": "Construction starts in 2027",
        "participation": False,
        "reason_de": "Standort und Größe folgen aus den gesetzlichen Hilfsfristen des "
        "Brandschutzbedarfsplans; die Nachbarschaft wird vor Baubeginn informiert.",
        "reason_en": "site and size follow from the statutory response times of the fire "
        "protection plan; neighbours are informed before construction starts.",
    },
    {
        "slug": "marktplatz-luetgendortmund",
        "slug_en": "luetgendortmund-market-square",
        "title_de": "Aufwertung des Marktplatzes Lütgendortmund",
        "title_en": "Upgrading Lütgendortmund market square",
        "districts": ["luetgendortmund"],
        "topics": ["stadtentwicklung", "wirtschaft"],
        "status": "planning",
        "office": "Amt für Stadterneuerung",
        "contact": "Quartiersmanagement",
        "added": -60,
        "cost": "ca. 900.000 Euro",
        "schedule_de": "Planung 2027, Umsetzung 2028",
        "schedule_en": "Planning 2027, implementation 2028",
        "participation": True,
        "details_de": "Stadtteilwerkstatt im Rahmen des Verfahrens „Ortskern beleben“.",
        "details_en": "Neighbourhood workshop within the procedure “Reviving the centre”.",
    },
    {
        "slug": "digitale-buergerdienste",
        "slug_en": "digital-citizen-services",
        "title_de": "Digitale Bürgerdienste: Online-Terminbuchung in allen Bürgerdiensten",
        "title_en": "Digital citizen services: online appointments at every office",
        "districts": [],
        "topics": ["digitales"],
        "status": "implementation",
        "office": "Dortmunder Systemhaus",
        "contact": "Digitalisierung",
        "added": -2,
        "cost": "ca. 300.000 Euro",
        "schedule_de": "Einführung bis Mitte 2027",
        "schedule_en": "Rollout by mid-2027",
        "participation": False,
        "reason_de": "die Prioritäten wurden bereits in der Umfrage „Digitale Stadt“ erfragt.",
        "reason_en": "the priorities were already asked in the poll “Digital city”.",
    },
]


def plans(stdout) -> None:
    """Vorhabenliste with planned projects"""
    index = ensure_page(
        _home(),
        PlannedProjectIndexPage,
        "vorhabenliste",
        slug_en="planned-projects",
        title_de="Vorhabenliste",
        title_en="Planned projects",
        show_in_menus=True,
        summary_de="Vorhaben der Stadt, früh und bevor die Politik berät: was, wo, wann, was es "
        "kostet und ob Sie mitreden können.",
        summary_en="The city's planned projects, early and before the council deliberates: what, "
        "where, when, what it costs and whether you can have your say.",
        intro_de=_p(
            "Die Vorhabenliste zeigt Projekte, bevor die Politik zum ersten Mal darüber berät. "
            "Ist keine Beteiligung geplant, steht hier, warum nicht."
        ),
        intro_en=_p(
            "The list shows projects before the council first deliberates on them. Where no "
            "participation is planned, it says why not."
        ),
    )
    ombudsstelle_permissions_grant(page=index)
    today = timezone.localdate()
    for spec in PLANS:
        procedure = spec.get("procedure")
        ensure_page(
            index,
            PlannedProjectPage,
            spec["slug"],
            slug_en=spec["slug_en"],
            title_de=spec["title_de"],
            title_en=spec["title_en"],
            description_de=_p(spec["title_de"] + "."),
            description_en=_p(spec["title_en"] + "."),
            responsible_office=spec["office"],
            contact=spec["contact"],
            status=spec["status"],
            cost_estimate=spec["cost"],
            schedule_de=spec["schedule_de"],
            schedule_en=spec["schedule_en"],
            change_reason_de=spec.get("change_de", ""),
            change_reason_en=spec.get("change_en", ""),
            participation_planned=spec["participation"],
            participation_details_de=spec.get("details_de", ""),
            participation_details_en=spec.get("details_en", ""),
            no_participation_reason_de=spec.get("reason_de", ""),
            no_participation_reason_en=spec.get("reason_en", ""),
            added_on=today + datetime.timedelta(days=spec["added"]),
            procedure=_procedure_by_slug(procedure) if procedure else None,
            districts=list(District.objects.filter(slug__in=spec["districts"])),
            topics=list(Topic.objects.filter(slug__in=spec["topics"])),
        )


# Formats of the Instrumentenkoffer -------------------------------------------------------------

#: Which formats of the toolkit each demo procedure uses, by German slug on both sides.
PROCEDURE_FORMATS = {
    "phoenix-see-uferpromenade": [
        "online-beteiligung",
        "fragebogen-auf-papier",
        "buergerversammlung",
    ],
    "radwall": ["online-umfrage"],
    "schulwege-scharnhorst": ["online-beteiligung", "telefonsprechstunde", "fragebogen-auf-papier"],
    "bezirksbudget-brackel-2027": ["online-buergerhaushalt"],
    "hitzeschutz-hombruch": ["online-umfrage", "telefonsprechstunde", "stadtteilspaziergang"],
    "ortskern-luetgendortmund": ["planungswerkstatt"],
    "marktplatz-mengede": ["infostand", "online-beteiligung"],
    "fredenbaumpark": ["stadtteilspaziergang", "infostand"],
    "digitale-stadt-prioritaeten": ["online-umfrage"],
    "quartierspark-huckarde": ["planungswerkstatt"],
    "zeche-minister-stein": ["hybrider-workshop"],
}


def procedure_formats(stdout) -> None:
    """Formats used by the demo procedures"""
    # The toolkit seeds first (INSTALLED_APPS order); without its formats there is nothing to link.
    from toolkit.models import FormatPage

    for slug, format_slugs in PROCEDURE_FORMATS.items():
        procedure = ProcedurePage.objects.filter(slug_de=slug).first()
        formats = list(FormatPage.objects.filter(slug_de__in=format_slugs))
        if procedure is None or not formats:
            continue
        if {f.pk for f in procedure.formats.all()} == {f.pk for f in formats}:
            continue  # already linked: a rerun adds no revision
        procedure.formats = formats
        procedure.save_revision().publish()


STEPS = [structure, people, procedures, contributions, plans, procedure_formats]
