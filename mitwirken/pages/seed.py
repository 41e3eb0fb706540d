"""Demo content for ``manage.py seed_demo``: real German and English text for every page type.

Each step is idempotent: pages are found by their German slug below their parent and updated.
Later apps append their own steps to ``STEPS``.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from mitwirken.places.models import District, Topic

from .models import (
    AccessibilityStatementPage,
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteLinks,
    StandardPage,
)

ASSETS = Path(__file__).parent / "seed_assets"


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _body(*blocks) -> list:
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


def ensure_page(
    parent: Page, model, slug_de: str, *, slug_en: str, title_de: str, title_en: str, **fields
):
    """Create or update the child of ``parent`` with this German slug, then publish it."""
    page = model.objects.child_of(parent).filter(slug_de=slug_de).first()
    values = {
        "title": title_de,
        "title_de": title_de,
        "title_en": title_en,
        "slug": slug_de,
        "slug_de": slug_de,
        "slug_en": slug_en,
        **fields,
    }
    if page is None:
        page = model(**values)
        parent.add_child(instance=page)
    else:
        for name, value in values.items():
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home(stdout) -> None:
    """Home page and site"""
    root = Page.get_first_root_node()
    # Wagtail's installation creates a plain "Welcome" page; the portal's home page replaces it.
    for page in root.get_children().exact_type(Page):
        page.delete()
    home_page = ensure_page(
        root,
        HomePage,
        "start",
        slug_en="home",
        title_de="MitWIRken in Dortmund",
        title_en="MitWIRken in Dortmund",
        summary_de="Das Beteiligungsportal der Stadt Dortmund.",
        summary_en="The participation portal of the City of Dortmund.",
        intro_de=_p(
            "Hier finden Sie alle Wege, wie Sie in Dortmund mitreden und mitgestalten können: "
            "online und vor Ort, in Ihrem Stadtbezirk und für die ganze Stadt."
        ),
        intro_en=_p(
            "This is where you find every way to have your say and help shape Dortmund: "
            "online and in person, in your district and for the whole city."
        ),
        easy_language_summary_de=(
            "Auf dieser Internet-Seite können Sie bei der Stadt Dortmund mit-machen.\n"
            "Sie können Ihre Meinung sagen. Sie können Ideen geben.\n"
            "Oben auf der Seite ist das Menü. Dort finden Sie alle Bereiche.\n"
            "Mehr in Leichter Sprache finden Sie unten auf der Seite."
        ),
        easy_language_summary_en=(
            "On this website you can take part in decisions of the City of Dortmund.\n"
            "You can say what you think. You can give ideas.\n"
            "The menu is at the top of the page. It shows all parts of the website.\n"
            "You find more in easy-read language at the bottom of the page."
        ),
        body_de=_body(
            ("heading", {"text": "So können Sie mitmachen", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Die Stadt Dortmund beteiligt Bürgerinnen und Bürger an Planungen und "
                    "Entscheidungen. Auf diesem Portal sehen Sie, wo Sie gerade mitreden können, "
                    "welche Formate es gibt und wer Ihnen weiterhilft.",
                    "Die Ombudsstelle für Bürger*inneninteressen und -initiativen begleitet "
                    "Beteiligung in der ganzen Stadt und hilft Ihnen, den richtigen Ansprechpartner "
                    "zu finden.",
                ),
            ),
        ),
        body_en=_body(
            ("heading", {"text": "How you can take part", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "The City of Dortmund involves its residents in plans and decisions. This "
                    "portal shows where you can have your say right now, which formats exist and "
                    "who can help you.",
                    "The Ombudsstelle für Bürger*inneninteressen und -initiativen supports "
                    "participation across the city and helps you find the right contact.",
                ),
            ),
        ),
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = "localhost"
    site.port = 80
    site.site_name = "MitWIRken in Dortmund"
    site.root_page = home_page
    site.save()


def _home() -> HomePage:
    return HomePage.objects.get()


def knowledge(stdout) -> None:
    """Wissen (knowledge articles)"""
    index = ensure_page(
        _home(),
        ArticleIndexPage,
        "wissen",
        slug_en="knowledge",
        title_de="Wissen",
        title_en="Knowledge",
        show_in_menus=True,
        summary_de="Grundlagen der Bürgerbeteiligung in Dortmund, verständlich erklärt.",
        summary_en="The basics of public participation in Dortmund, explained.",
        intro_de=_p(
            "Was ist Bürgerbeteiligung, wer entscheidet, und was passiert mit Ihrer Meinung?"
        ),
        intro_en=_p("What is public participation, who decides, and what happens to your views?"),
    )
    articles = [
        (
            "was-ist-buergerbeteiligung",
            "what-is-public-participation",
            "Was ist Bürgerbeteiligung?",
            "What is public participation?",
            "Beteiligung heißt: Sie reden mit, bevor entschieden wird.",
            "Participation means: you have your say before a decision is made.",
            [
                "Bürgerbeteiligung bedeutet, dass Menschen, die von einer Entscheidung betroffen "
                "sind, ihre Sicht einbringen können, bevor Politik und Verwaltung entscheiden.",
                "Es gibt formelle Beteiligung, die ein Gesetz vorschreibt, zum Beispiel bei "
                "Bebauungsplänen nach § 3 Baugesetzbuch, und informelle Beteiligung, die die Stadt "
                "freiwillig anbietet, etwa Workshops, Online-Dialoge oder Stadtteilspaziergänge.",
            ],
            [
                "Public participation means that people affected by a decision can contribute "
                "their view before politicians and the administration decide.",
                "There is formal participation required by law, for example for land-use plans "
                "under section 3 of the Federal Building Code, and informal participation that "
                "the city offers voluntarily, such as workshops, online dialogues or district walks.",
            ],
        ),
        (
            "bezirksvertretungen",
            "district-councils",
            "Die Bezirksvertretungen",
            "The district councils",
            "Zwölf Bezirksvertretungen entscheiden über Angelegenheiten ihres Stadtbezirks.",
            "Twelve district councils decide matters of their own district.",
            [
                "Dortmund hat zwölf Stadtbezirke, von Innenstadt-West bis Mengede. Jeder hat eine "
                "gewählte Bezirksvertretung, die öffentlich tagt.",
                "In den Sitzungen gibt es eine Einwohnerfragestunde: Dort können Sie Fragen zu "
                "Ihrem Stadtbezirk stellen. Bezirksvertretungen veröffentlichen auf diesem Portal "
                "auch eigene Beteiligungen für ihren Bezirk.",
            ],
            [
                "Dortmund has twelve city districts, from Innenstadt-West to Mengede. Each has an "
                "elected district council that meets in public.",
                "Its sessions include a question time for residents, where you can ask about your "
                "district. District councils also publish their own consultations on this portal.",
            ],
        ),
        (
            "was-passiert-mit-ihrer-meinung",
            "what-happens-to-your-views",
            "Was passiert mit Ihrer Meinung?",
            "What happens to your views?",
            "Jedes Verfahren zeigt am Ende, was aus den Beiträgen geworden ist.",
            "Every procedure shows at the end what became of the contributions.",
            [
                "Alle Beiträge werden gelesen und ausgewertet, ganz gleich, ob sie online, auf "
                "Papier, am Telefon oder bei einer Veranstaltung eingegangen sind.",
                "Die Verwaltung fasst die Ergebnisse zusammen und legt sie der Politik vor. Auf der "
                "Seite des Verfahrens lesen Sie, welche Vorschläge aufgegriffen wurden und warum "
                "andere nicht.",
            ],
            [
                "Every contribution is read and evaluated, whether it arrived online, on paper, "
                "by phone or at an event.",
                "The administration summarises the results and presents them to the council. The "
                "procedure's page tells you which proposals were taken up and why others were not.",
            ],
        ),
    ]
    for slug_de, slug_en, title_de, title_en, summary_de, summary_en, text_de, text_en in articles:
        ensure_page(
            index,
            ArticlePage,
            slug_de,
            slug_en=slug_en,
            title_de=title_de,
            title_en=title_en,
            summary_de=summary_de,
            summary_en=summary_en,
            body_de=_body(("paragraph", _p(*text_de))),
            body_en=_body(("paragraph", _p(*text_en))),
        )


def news(stdout) -> None:
    """Aktuelles (news)"""
    index = ensure_page(
        _home(),
        NewsIndexPage,
        "aktuelles",
        slug_en="news",
        title_de="Aktuelles",
        title_en="News",
        show_in_menus=True,
        summary_de="Neuigkeiten rund um Beteiligung in Dortmund.",
        summary_en="News about participation in Dortmund.",
    )
    items = [
        (
            datetime.date(2026, 11, 2),
            "portal-gestartet",
            "portal-launched",
            "Das Beteiligungsportal ist gestartet",
            "The participation portal has launched",
            "MitWIRken in Dortmund bündelt alle Beteiligungsangebote der Stadt.",
            "MitWIRken in Dortmund brings together all of the city's participation offerings.",
        ),
        (
            datetime.date(2026, 10, 15),
            "schulungen-fuer-aktive",
            "training-for-active-citizens",
            "Neue Schulungen für Aktive in den Quartieren",
            "New training for active citizens in the neighbourhoods",
            "Die Ombudsstelle bietet Schulungen zu digitalen Beteiligungsformaten an.",
            "The Ombudsstelle offers training in digital participation formats.",
        ),
        (
            datetime.date(2026, 9, 20),
            "instrumentenkoffer",
            "toolkit",
            "Der Instrumentenkoffer wächst",
            "The toolkit is growing",
            "Digitale, hybride und Abstandsformate für gute Beteiligung, mit Beispielen.",
            "Digital, hybrid and distance formats for good participation, with examples.",
        ),
    ]
    places = {
        "portal-gestartet": ([], ["digitales"]),
        "schulungen-fuer-aktive": (["innenstadt-nord", "eving"], ["bildung"]),
        "instrumentenkoffer": (["hoerde"], ["stadtentwicklung"]),
    }
    for date, slug_de, slug_en, title_de, title_en, summary_de, summary_en in items:
        district_slugs, topic_slugs = places[slug_de]
        page = ensure_page(
            index,
            NewsPage,
            slug_de,
            slug_en=slug_en,
            title_de=title_de,
            title_en=title_en,
            date=date,
            summary_de=summary_de,
            summary_en=summary_en,
            body_de=_body(("paragraph", _p(summary_de))),
            body_en=_body(("paragraph", _p(summary_en))),
        )
        page.districts.set(District.objects.filter(slug__in=district_slugs))
        page.topics.set(Topic.objects.filter(slug__in=topic_slugs))
        page.save_revision().publish()


def _sign_language_video() -> Document:
    document = Document.objects.filter(title="DGS-Video: Über dieses Portal").first()
    if document is None:
        document = Document(title="DGS-Video: Über dieses Portal")
        document.file.save(
            "dgs-ueber-dieses-portal.webm",
            ContentFile((ASSETS / "dgs-platzhalter.webm").read_bytes()),
            save=False,
        )
    if not document.file_size:
        document._set_document_file_metadata()  # size and hash, shown beside the download
        document.save()
    return document


def service_pages(stdout) -> None:
    """Leichte Sprache, Gebärdensprache, Barrierefreiheit, Datenschutz, Impressum, Kontakt"""
    home_page = _home()
    easy = ensure_page(
        home_page,
        StandardPage,
        "leichte-sprache",
        slug_en="easy-read",
        title_de="Leichte Sprache",
        title_en="Easy-read",
        summary_de="Informationen zu diesem Portal in Leichter Sprache.",
        summary_en="Information about this portal in easy-read language.",
        body_de=_body(
            ("heading", {"text": "Was finden Sie auf dieser Internet-Seite?", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Die Stadt Dortmund möchte wissen: Was denken Sie?",
                    "Auf dieser Internet-Seite können Sie Ihre Meinung sagen.",
                    "Sie können bei Plänen für Ihren Stadt-Bezirk mit-reden.",
                ),
            ),
            ("heading", {"text": "Wie finden Sie sich zurecht?", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Oben ist das Menü. Dort klicken Sie auf einen Bereich.",
                    "Sie können auch die Suche benutzen. Die Suche ist oben rechts.",
                    "Unten auf jeder Seite finden Sie wichtige Links.",
                ),
            ),
            ("heading", {"text": "Barriere-Freiheit", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Wir möchten: Alle Menschen können diese Seite gut benutzen.",
                    "Manche Teile sind noch nicht ohne Barrieren.",
                    "Sie finden eine Barriere? Dann schreiben Sie uns.",
                    "Das Formular ist auf der Seite Barriere-Freiheit.",
                ),
            ),
        ),
        body_en=_body(
            ("heading", {"text": "What is on this website?", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "The City of Dortmund wants to know: What do you think?",
                    "On this website you can say what you think.",
                    "You can have your say on plans for your district.",
                ),
            ),
            ("heading", {"text": "How do you find your way?", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "The menu is at the top. Click on a part of the website.",
                    "You can also use the search. The search is at the top.",
                    "At the bottom of every page you find important links.",
                ),
            ),
        ),
    )
    video = _sign_language_video()
    sign = ensure_page(
        home_page,
        StandardPage,
        "gebaerdensprache",
        slug_en="sign-language",
        title_de="Gebärdensprache",
        title_en="Sign language",
        summary_de="Informationen zu diesem Portal in Deutscher Gebärdensprache (DGS).",
        summary_en="Information about this portal in German Sign Language (DGS).",
        body_de=_body(
            (
                "video",
                {
                    "title": "Über dieses Portal in Deutscher Gebärdensprache",
                    "video": video,
                    "duration": "0:08",
                    "poster": None,
                    "captions": None,
                    "transcript": RichText(
                        _p(
                            "Platzhalter: Das Video in Deutscher Gebärdensprache wird von der "
                            "Stadt Dortmund produziert. Es erklärt, was das Portal enthält, wie "
                            "Sie sich zurechtfinden, die wichtigsten Punkte der Erklärung zur "
                            "Barrierefreiheit und wo es weitere Informationen in DGS gibt."
                        )
                    ),
                },
            ),
        ),
        body_en=_body(
            (
                "video",
                {
                    "title": "About this portal in German Sign Language",
                    "video": video,
                    "duration": "0:08",
                    "poster": None,
                    "captions": None,
                    "transcript": RichText(
                        _p(
                            "Placeholder: the video in German Sign Language is being produced by "
                            "the City of Dortmund. It explains what the portal contains, how to "
                            "find your way, the main points of the accessibility statement and "
                            "where to find more information in DGS."
                        )
                    ),
                },
            ),
        ),
    )
    statement = ensure_page(
        home_page,
        AccessibilityStatementPage,
        "barrierefreiheit",
        slug_en="accessibility",
        title_de="Erklärung zur Barrierefreiheit",
        title_en="Accessibility statement",
        summary_de="Wie barrierefrei dieses Portal ist und wie Sie uns Barrieren melden.",
        summary_en="How accessible this portal is and how to report barriers to us.",
        conformance="partial",
        non_accessible_content_de=_p(
            "Das DGS-Video auf der Startseite ist noch ein Platzhalter; das endgültige Video wird "
            "produziert.",
            "Ältere PDF-Dokumente der Ratsinformation sind nicht vollständig barrierefrei. Die "
            "Inhalte erhalten Sie auf Anfrage in einem zugänglichen Format.",
        ),
        non_accessible_content_en=_p(
            "The DGS video on the home page is still a placeholder; the final video is being "
            "produced.",
            "Older PDF documents from the council information system are not fully accessible. "
            "You can ask for their content in an accessible format.",
        ),
        alternatives_de=_p("Schreiben Sie uns über das Formular unten; wir antworten zeitnah."),
        alternatives_en=_p("Write to us with the form below; we will answer promptly."),
        assessment_method="self",
        assessment_details_de="Automatisierte Prüfung mit axe-core und manuelle Prüfung nach BITV-Test-Kriterien.",
        assessment_details_en="Automated testing with axe-core and manual review against BITV test criteria.",
        statement_created=datetime.date(2026, 11, 1),
        last_reviewed=datetime.date(2026, 11, 27),
        feedback_contact_de=_p(
            "Ombudsstelle für Bürger*inneninteressen und -initiativen, Friedensplatz 1, 44135 "
            'Dortmund. E-Mail: <a href="mailto:ombudsstelle@dortmund.de">ombudsstelle@dortmund.de</a>'
        ),
        feedback_contact_en=_p(
            "Ombudsstelle für Bürger*inneninteressen und -initiativen, Friedensplatz 1, 44135 "
            'Dortmund. E-mail: <a href="mailto:ombudsstelle@dortmund.de">ombudsstelle@dortmund.de</a>'
        ),
        enforcement_de=_p(
            "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie "
            "sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes "
            "Nordrhein-Westfalen bei der Landesbehindertenbeauftragten wenden: "
            '<a href="https://www.lbb.nrw.de/ombudsstelle-barrierefreie-it">'
            "www.lbb.nrw.de/ombudsstelle-barrierefreie-it</a>."
        ),
        enforcement_en=_p(
            "If you do not receive a satisfactory answer to your feedback, you can contact the "
            "Ombudsstelle für barrierefreie Informationstechnik of North Rhine-Westphalia at the "
            "state commissioner for people with disabilities: "
            '<a href="https://www.lbb.nrw.de/ombudsstelle-barrierefreie-it">'
            "www.lbb.nrw.de/ombudsstelle-barrierefreie-it</a>."
        ),
    )
    simple = {}
    for slug_de, slug_en, title_de, title_en, text_de, text_en in [
        (
            "datenschutz",
            "privacy",
            "Datenschutz",
            "Privacy",
            _p(
                "Die Stadt Dortmund verarbeitet auf diesem Portal so wenige personenbezogene Daten "
                "wie möglich. Sie beteiligen sich unter einem selbst gewählten Anzeigenamen; Ihr "
                "echter Name wird nur verlangt, wo ein förmliches Verfahren es gesetzlich vorschreibt.",
                "Das Portal lädt keine Schriften, Skripte oder Inhalte von anderen Servern und setzt "
                "keine Tracking-Werkzeuge ein. Es verwendet nur ein technisch notwendiges Cookie für "
                "die Anmeldung und den Schutz von Formularen.",
            ),
            _p(
                "The City of Dortmund processes as little personal data on this portal as possible. "
                "You take part under a display name of your choice; your real name is only asked "
                "for where a formal procedure requires it by law.",
                "The portal loads no fonts, scripts or content from other servers and uses no "
                "tracking tools. It only sets a technically necessary cookie for signing in and "
                "protecting forms.",
            ),
        ),
        (
            "impressum",
            "imprint",
            "Impressum",
            "Imprint",
            _p("Stadt Dortmund, Der Oberbürgermeister, Friedensplatz 1, 44135 Dortmund."),
            _p("City of Dortmund, the Lord Mayor, Friedensplatz 1, 44135 Dortmund, Germany."),
        ),
        (
            "kontakt",
            "contact",
            "Kontakt",
            "Contact",
            _p(
                "Ombudsstelle für Bürger*inneninteressen und -initiativen im Amt für "
                "Angelegenheiten des Oberbürgermeisters und des Rates, Friedensplatz 1, 44135 "
                "Dortmund.",
                "Für Beschwerden im Einzelfall ist das Büro für Anregungen, Beschwerden und "
                "Chancengleichheit zuständig.",
            ),
            _p(
                "Ombudsstelle für Bürger*inneninteressen und -initiativen in the Office of the Lord "
                "Mayor and the Council, Friedensplatz 1, 44135 Dortmund.",
                "Individual complaints are handled by the Büro für Anregungen, Beschwerden und "
                "Chancengleichheit.",
            ),
        ),
    ]:
        simple[slug_de] = ensure_page(
            home_page,
            StandardPage,
            slug_de,
            slug_en=slug_en,
            title_de=title_de,
            title_en=title_en,
            body_de=_body(("paragraph", text_de)),
            body_en=_body(("paragraph", text_en)),
        )
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    links.accessibility_page = statement
    links.easy_language_page = easy
    links.sign_language_page = sign
    links.privacy_page = simple["datenschutz"]
    links.imprint_page = simple["impressum"]
    links.contact_page = simple["kontakt"]
    links.save()


STEPS = [home, knowledge, news, service_pages]
