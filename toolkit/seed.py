"""Demo content of the Instrumentenkoffer for ``manage.py seed_demo``.

The three format categories of the council paper, the toolkit and platform index pages, real
open-source platforms with their licences (SPDX), and real participation formats: established
analog ones and the distance, social-participation and digital formats that replace or complement
them. Every example names a source a reader can check. Idempotent: categories are found by slug,
pages by their German slug below their parent, and a format's examples are replaced as a whole.
Review dates are relative to today, so two formats are always due for review in the demo.
"""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from mitwirken.pages.models import HomePage
from mitwirken.pages.seed import ensure_page

from .models import (
    CounterpartRelation,
    Facilitation,
    FormatCategory,
    FormatExample,
    FormatPage,
    Hosting,
    Level,
    Mode,
    Openness,
    PlatformIndexPage,
    PlatformPage,
    Purpose,
    Recruitment,
    ToolkitIndexPage,
)

#: When the platform descriptions were last checked against the projects' own pages.
PLATFORMS_REVIEWED = datetime.date(2026, 11, 2)

ABSTAND = "abstandsformate"
TEILHABE = "soziale-teilhabe"
ALTERNATIVEN = "digitale-alternativen"


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _steps(steps: list[tuple[str, str]]) -> list:
    """A ``how_it_works`` StreamField value: one step block per (heading, text)."""
    return [("step", {"heading": heading, "text": RichText(_p(text))}) for heading, text in steps]


def _both(name: str, pair: tuple[str, str]) -> dict:
    """``{name_de: …, name_en: …}`` from a (German, English) pair."""
    german, english = pair
    return {f"{name}_de": german, f"{name}_en": english}


# Categories ------------------------------------------------------------------------------------

CATEGORIES = [
    (
        ABSTAND,
        1,
        ("Abstandsformate", "Distance formats"),
        (
            "Formate, bei denen Menschen mitreden können, ohne sich in einem Raum zu versammeln: "
            "draußen, am Telefon, per Post oder im Schaufenster.",
            "Formats that let people have their say without gathering in one room: outdoors, by "
            "phone, by post or in a shop window.",
        ),
    ),
    (
        TEILHABE,
        2,
        ("Digitale Angebote zur sozialen Teilhabe", "Digital offers for social participation"),
        (
            "Digitale Angebote, die Nachbarschaften verbinden, informieren und Menschen den Weg "
            "ins Netz ebnen, damit niemand von Beteiligung ausgeschlossen bleibt.",
            "Digital offers that connect neighbourhoods, inform people and help them get online, "
            "so that nobody is left out of participation.",
        ),
    ),
    (
        ALTERNATIVEN,
        3,
        (
            "Digitale Alternativen für bewährte Formate",
            "Digital alternatives to established formats",
        ),
        (
            "Digitale und hybride Formate, die ein bewährtes Format vor Ort ersetzen oder "
            "ergänzen – und die bewährten Formate selbst, damit Sie beide vergleichen können.",
            "Digital and hybrid formats that replace or complement an established in-person "
            "format – and the established formats themselves, so that you can compare them.",
        ),
    ),
]


def categories(stdout) -> None:
    """Instrumentenkoffer: the three format categories"""
    for slug, sort_order, name, description in CATEGORIES:
        FormatCategory.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name[0],
                **_both("name", name),
                "description": description[0],
                **_both("description", description),
                "sort_order": sort_order,
            },
        )


# Index pages -----------------------------------------------------------------------------------


def _toolkit() -> ToolkitIndexPage:
    return ToolkitIndexPage.objects.get(slug_de="instrumentenkoffer")


def toolkit_pages(stdout) -> None:
    """Instrumentenkoffer: index page and the platform overview"""
    toolkit = ensure_page(
        HomePage.objects.get(),
        ToolkitIndexPage,
        "instrumentenkoffer",
        slug_en="toolkit",
        title_de="Instrumentenkoffer",
        title_en="Toolkit",
        show_in_menus=True,
        summary_de="Analoge, digitale und hybride Beteiligungsformate mit Aufwand, Zielgruppen, "
        "Beispielen und empfohlenen Open-Source-Plattformen.",
        summary_en="Analog, digital and hybrid participation formats with effort, target groups, "
        "examples and recommended open-source platforms.",
        intro_de=_p(
            "Der Instrumentenkoffer gehört zum Dortmunder Konzept <b>Mitwirkung 2.0</b>: Er sammelt "
            "Beteiligungsformate für Verwaltung, Bezirksvertretungen und Initiativen. Sie finden "
            "hier Abstandsformate, digitale Angebote zur sozialen Teilhabe und digitale "
            "Alternativen für bewährte Formate – jeweils mit dem Format vor Ort, das sie ersetzen "
            "oder ergänzen.",
            "Zu jedem Format lesen Sie, wie es abläuft, wen es erreicht, was es kostet und worauf "
            "Sie bei Barrierefreiheit und Datenschutz achten sollten. Für digitale Formate "
            "empfehlen wir freie Open-Source-Plattformen, die die Stadt selbst betreiben kann.",
        ),
        intro_en=_p(
            "The toolkit (Instrumentenkoffer) is part of Dortmund's <b>Mitwirkung 2.0</b> "
            "concept: it collects participation formats for the administration, district councils "
            "and local initiatives. You will find distance formats, digital offers for social "
            "participation and digital alternatives to established formats – each with the "
            "in-person format it replaces or complements.",
            "For every format you can read how it works, whom it reaches, what it costs and what "
            "to watch out for in accessibility and data protection. For digital formats we "
            "recommend free open-source platforms that the city can run itself.",
        ),
        easy_language_summary_de=(
            "Hier finden Sie viele Ideen für Bürger-Beteiligung.\n"
            "Bürger-Beteiligung heißt: Sie reden bei Plänen von der Stadt mit.\n"
            "Manche Ideen gehen im Internet. Manche Ideen gehen am Telefon oder mit der Post.\n"
            "Bei jeder Idee steht: So geht es. Das brauchen Sie dafür."
        ),
        easy_language_summary_en=(
            "Here you find many ways for people to take part.\n"
            "Taking part means: you have a say in the plans of the city.\n"
            "Some ways work on the internet. Some work by phone or by post.\n"
            "Every way says how it works and what you need for it."
        ),
    )
    ensure_page(
        toolkit,
        PlatformIndexPage,
        "plattformen",
        slug_en="platforms",
        title_de="Plattformen",
        title_en="Platforms",
        summary_de="Freie Open-Source-Software für Beteiligung: Lizenz, Betrieb, Datenschutz, "
        "Barrierefreiheit und Kosten im Vergleich.",
        summary_en="Free open-source software for participation: licence, hosting, data "
        "protection, accessibility and costs compared.",
        intro_de=_p(
            "Diese Plattformen und Werkzeuge sind Open Source: Ihr Quellcode ist öffentlich, die "
            "Lizenz kostet nichts, und die Stadt kann sie im eigenen Rechenzentrum oder bei einem "
            "Dienstleister in der Europäischen Union betreiben. Kosten entstehen für Betrieb, "
            "Anpassung und Support."
        ),
        intro_en=_p(
            "These platforms and tools are open source: their source code is public, the licence "
            "is free of charge, and the city can run them in its own data centre or with a "
            "service provider in the European Union. Costs arise for hosting, customisation and "
            "support."
        ),
        easy_language_summary_de=(
            "Hier stehen Computer-Programme für Bürger-Beteiligung.\n"
            "Alle Programme sind frei. Jeder darf sie benutzen.\n"
            "Die Stadt bezahlt nur für den Betrieb und für Hilfe."
        ),
        easy_language_summary_en=(
            "Here you find computer programs for taking part.\n"
            "All programs are free. Everyone may use them.\n"
            "The city only pays for running them and for help."
        ),
    )


# Platforms -------------------------------------------------------------------------------------

_COSTS = (
    "Lizenz kostenfrei. Hosting, Betrieb, Anpassung und Support tragen Sie selbst oder beauftragen "
    "einen Dienstleister.",
    "Free licence. Hosting, operation, customisation and support are at your own cost or "
    "contracted to a service provider.",
)
_PROCUREMENT = (
    "Die Software selbst verursacht keine Lizenzkosten; beschafft werden Leistungen wie Hosting, "
    "Betrieb, Anpassung und Support, etwa auf Grundlage der EVB-IT (zum Beispiel EVB-IT "
    "Dienstvertrag oder EVB-IT Service). Ab den EU-Schwellenwerten gilt das förmliche "
    "Vergaberecht. Mit jedem Hosting-Dienstleister ist ein Auftragsverarbeitungsvertrag nach "
    "Art. 28 DSGVO zu schließen.",
    "The software itself has no licence fees; what is procured are services such as hosting, "
    "operation, customisation and support, for example under the German EVB-IT contract terms "
    "(such as EVB-IT Dienstvertrag or EVB-IT Service). Above the EU thresholds, formal public "
    "procurement law applies. A data processing agreement under Art. 28 GDPR is required with "
    "every hosting provider.",
)

PLATFORMS = [
    {
        "slug": "decidim",
        "slug_en": "decidim",
        "title": "Decidim",
        "website": "https://decidim.org/",
        "source_code": "https://github.com/decidim/decidim",
        "licence": "AGPL-3.0-or-later",
        "maintainer": "Stadt Barcelona und Decidim Association (Associació Decidim)",
        "hosting": Hosting.BOTH,
        "summary": (
            "Umfassende Plattform für Beteiligungsprozesse: Vorschläge, Debatten, Umfragen, "
            "Bürgerhaushalte, Treffen und die Nachverfolgung von Ergebnissen.",
            "A comprehensive platform for participatory processes: proposals, debates, surveys, "
            "participatory budgets, meetings and tracking of results.",
        ),
        "easy": (
            "Decidim ist eine Internet-Seite für Beteiligung.\n"
            "Dort können Sie Vorschläge machen und über Vorschläge abstimmen.",
            "Decidim is a website for taking part.\n"
            "There you can make proposals and vote on proposals.",
        ),
        "purposes": (
            "Ursprünglich für die Online- und Vor-Ort-Beteiligung der Stadt Barcelona entwickelt. "
            "Beteiligungsprozesse mit Phasen, Vorschläge sammeln und unterstützen, Debatten, "
            "Umfragen, Bürgerhaushalte mit Abstimmung, Ankündigung und Protokoll von Treffen vor "
            "Ort oder online, Rechenschaft über die Umsetzung.",
            "Originally built for the City of Barcelona's online and in-person participation. "
            "Participatory processes with phases, collecting and supporting proposals, debates, "
            "surveys, participatory budgets with voting, announcing and minuting in-person or "
            "online meetings, accountability on implementation.",
        ),
        "hosting_notes": (
            "Ruby-on-Rails-Anwendung mit PostgreSQL. Selbst betreiben im städtischen "
            "Rechenzentrum oder durch spezialisierte Dienstleister. Updates erscheinen "
            "regelmäßig und sollten eingeplant werden.",
            "Ruby on Rails application with PostgreSQL. Run it yourself in the city's data centre "
            "or through specialised providers. Updates are released regularly and should be "
            "planned for.",
        ),
        "data_protection": (
            "Bei eigenem Betrieb bleiben alle Daten bei der Stadt. Teilnahme unter Pseudonym ist "
            "möglich; eine Verifizierung lässt sich für Abstimmungen zuschalten. Keine externen "
            "Dienste ohne Einwilligung einbinden.",
            "When self-hosted, all data stays with the city. Participation under a pseudonym is "
            "possible; verification can be switched on for votes. Do not embed external services "
            "without consent.",
        ),
        "accessibility": (
            "Das Projekt nennt Barrierefreiheit als Ziel. Prüfen Sie jede Installation samt "
            "eigener Gestaltung nach BITV 2.0 beziehungsweise WCAG 2.1 AA, bevor Sie sie "
            "einsetzen.",
            "The project names accessibility as a goal. Check every installation, including your "
            "own design, against BITV 2.0 or WCAG 2.1 AA before using it.",
        ),
        "languages": (
            "Deutsch, Englisch und viele weitere Sprachen; Inhalte mehrsprachig pflegbar.",
            "German, English and many other languages; content can be maintained in several "
            "languages.",
        ),
        "community": (
            "Große internationale Gemeinschaft von Städten, Organisationen und Entwickelnden; "
            "Austausch und Weiterentwicklung auf der Plattform Metadecidim, zahlreiche "
            "Erweiterungsmodule.",
            "A large international community of cities, organisations and developers; exchange "
            "and development on the Metadecidim platform, many extension modules.",
        ),
    },
    {
        "slug": "consul-democracy",
        "slug_en": "consul-democracy",
        "title": "CONSUL Democracy",
        "website": "https://consuldemocracy.org/",
        "source_code": "https://github.com/consuldemocracy/consuldemocracy",
        # The project publishes its code "under AFFERO GPL v3" without an "or later" clause.
        "licence": "AGPL-3.0-only",
        "maintainer": "CONSUL Democracy Foundation (ursprünglich Stadt Madrid)",
        "hosting": Hosting.BOTH,
        "summary": (
            "Plattform für Debatten, Bürgervorschläge mit Unterstützungsschwelle, Bürgerhaushalte, "
            "Abstimmungen und die gemeinsame Arbeit an Rechtstexten.",
            "A platform for debates, citizen proposals with a support threshold, participatory "
            "budgets, votes and collaborative work on legislation.",
        ),
        "easy": (
            "CONSUL Democracy ist eine Internet-Seite für Beteiligung.\n"
            "Dort können Sie Ideen vorschlagen und mit-entscheiden, wofür die Stadt Geld ausgibt.",
            "CONSUL Democracy is a website for taking part.\n"
            "There you can suggest ideas and help decide what the city spends money on.",
        ),
        "purposes": (
            "Ursprünglich für das Beteiligungsportal der Stadt Madrid (decide.madrid.es) "
            "entwickelt. Debatten, Bürgervorschläge, Bürgerhaushalte, Abstimmungen auch mit "
            "Stimmabgabe vor Ort, Kommentierung von Gesetzes- und Satzungsentwürfen.",
            "Originally built for the City of Madrid's participation portal (decide.madrid.es). "
            "Debates, citizen proposals, participatory budgets, votes including in-person "
            "ballots, commenting on draft laws and by-laws.",
        ),
        "hosting_notes": (
            "Ruby-on-Rails-Anwendung mit PostgreSQL; ein Installationswerkzeug wird vom Projekt "
            "bereitgestellt. Selbst betreiben oder über Dienstleister.",
            "Ruby on Rails application with PostgreSQL; the project provides an installer. Run it "
            "yourself or through service providers.",
        ),
        "data_protection": (
            "Bei eigenem Betrieb bleiben alle Daten bei der Stadt. Für verbindliche Abstimmungen "
            "kann eine Identitätsprüfung eingerichtet werden – erheben Sie nur die Daten, die "
            "das Verfahren wirklich braucht.",
            "When self-hosted, all data stays with the city. Identity checks can be set up for "
            "binding votes – collect only the data the procedure really needs.",
        ),
        "accessibility": (
            "Das Projekt gibt an, die Konformitätsstufe AA anzustreben. Prüfen Sie die eigene "
            "Installation nach BITV 2.0 beziehungsweise WCAG 2.1 AA.",
            "The project states that it aims for conformance level AA. Check your own "
            "installation against BITV 2.0 or WCAG 2.1 AA.",
        ),
        "languages": (
            "Spanisch, Englisch, Deutsch und viele weitere Sprachen.",
            "Spanish, English, German and many other languages.",
        ),
        "community": (
            "Die CONSUL Democracy Foundation koordiniert die Weiterentwicklung; Städte und "
            "Organisationen in vielen Ländern nutzen und erweitern die Software.",
            "The CONSUL Democracy Foundation coordinates development; cities and organisations in "
            "many countries use and extend the software.",
        ),
    },
    {
        "slug": "adhocracy-plus",
        "slug_en": "adhocracy-plus",
        "title": "adhocracy+",
        "website": "https://adhocracy.plus/",
        "source_code": "https://github.com/liqd/adhocracy-plus",
        "licence": "AGPL-3.0-or-later",
        "maintainer": "Liquid Democracy e.V., Berlin",
        "hosting": Hosting.BOTH,
        "summary": (
            "Beteiligungsplattform aus Berlin mit Ideensammlung, Kartenbeteiligung, "
            "Textkommentierung, Umfragen, Bürgerhaushalt und Fragerunden bei Veranstaltungen.",
            "A participation platform from Berlin with idea collection, map-based participation, "
            "text commenting, polls, participatory budgeting and live Q&A at events.",
        ),
        "easy": (
            "adhocracy+ ist eine Internet-Seite für Beteiligung.\n"
            "Dort können Sie Ideen sammeln. Sie können Ideen auf einer Karte zeigen.",
            "adhocracy+ is a website for taking part.\n"
            "There you can collect ideas. You can show ideas on a map.",
        ),
        "purposes": (
            "Ideen sammeln und bewerten, Ideen auf einer Karte verorten, Texte abschnittsweise "
            "kommentieren, Umfragen, Bürgerhaushalt, Fragen aus dem Publikum bei Veranstaltungen. "
            "Die Grundlage adhocracy 4 trägt auch die Berliner Landesplattform meinBerlin.",
            "Collecting and rating ideas, placing ideas on a map, commenting on texts paragraph "
            "by paragraph, polls, participatory budgeting, audience questions at events. Its "
            "basis, adhocracy 4, also powers Berlin's state platform meinBerlin.",
        ),
        "hosting_notes": (
            "Django-Anwendung. Nutzbar auf der vom Verein betriebenen Plattform adhocracy.plus "
            "oder auf eigenen Servern installierbar.",
            "Django application. Usable on the platform adhocracy.plus run by the association, "
            "or installable on your own servers.",
        ),
        "data_protection": (
            "Betrieb durch den Verein oder im eigenen Rechenzentrum. Teilnahme "
            "mit Anzeigenamen; prüfen Sie vor dem Einsatz die Datenschutzhinweise und schließen "
            "Sie bei Nutzung der gehosteten Plattform einen Auftragsverarbeitungsvertrag.",
            "Run by the association or in your own data centre. Participation under a "
            "display name; check the privacy information before use and conclude a data "
            "processing agreement when using the hosted platform.",
        ),
        "accessibility": (
            "Barrierearme Bedienung ist ein erklärtes Entwicklungsziel. Prüfen Sie den konkreten "
            "Beteiligungsbaustein nach BITV 2.0 beziehungsweise WCAG 2.1 AA.",
            "Low-barrier use is a stated development goal. Check the specific participation "
            "module against BITV 2.0 or WCAG 2.1 AA.",
        ),
        "languages": ("Deutsch, Englisch und weitere Sprachen.", "German, English and others."),
        "community": (
            "Entwickelt vom gemeinnützigen Verein Liquid Democracy (gegründet 2009) in Berlin, "
            "gemeinsam mit Verwaltungen und Initiativen.",
            "Developed by the non-profit association Liquid Democracy (founded 2009) in Berlin, "
            "together with administrations and initiatives.",
        ),
    },
    {
        "slug": "limesurvey",
        "slug_en": "limesurvey",
        "title": "LimeSurvey",
        "website": "https://www.limesurvey.org/",
        "source_code": "https://github.com/LimeSurvey/LimeSurvey",
        "licence": "GPL-2.0-or-later",
        "maintainer": "LimeSurvey GmbH",
        "hosting": Hosting.BOTH,
        "summary": (
            "Werkzeug für Online-Umfragen mit vielen Fragetypen, Bedingungen, mehrsprachigen "
            "Fragebögen und Auswertung.",
            "A tool for online surveys with many question types, conditions, multilingual "
            "questionnaires and analysis.",
        ),
        "easy": (
            "LimeSurvey ist ein Programm für Umfragen im Internet.\n"
            "Sie beantworten Fragen am Computer oder am Handy.",
            "LimeSurvey is a program for surveys on the internet.\n"
            "You answer questions on a computer or a phone.",
        ),
        "purposes": (
            "Offene und geschlossene Befragungen, Umfragen mit Zugangsschlüsseln für ausgewählte "
            "Personen, Fragebögen in mehreren Sprachen, Export der Antworten für die Auswertung.",
            "Open and closed surveys, surveys with access tokens for selected people, "
            "questionnaires in several languages, exporting answers for analysis.",
        ),
        "hosting_notes": (
            "PHP-Anwendung mit Datenbank, einfach selbst zu betreiben. Der Hersteller bietet "
            "zusätzlich einen kostenpflichtigen Cloud-Dienst an.",
            "PHP application with a database, easy to run yourself. The vendor also offers a paid "
            "cloud service.",
        ),
        "data_protection": (
            "Anonyme Umfragen sind möglich: Dann speichert LimeSurvey die Antworten ohne Bezug "
            "zur teilnehmenden Person. Fragen Sie nur ab, was Sie für die Auswertung brauchen.",
            "Anonymous surveys are possible: LimeSurvey then stores answers without a link to "
            "the respondent. Ask only what you need for the analysis.",
        ),
        "accessibility": (
            "Die Barrierefreiheit hängt vom gewählten Design und von den Fragetypen ab. Nutzen Sie "
            "einfache Fragetypen und prüfen Sie den Fragebogen mit Tastatur und Bildschirmleser.",
            "Accessibility depends on the chosen theme and question types. Use simple question "
            "types and test the questionnaire with keyboard and screen reader.",
        ),
        "languages": (
            "Oberfläche in sehr vielen Sprachen, darunter Deutsch und Englisch; ein Fragebogen "
            "kann mehrere Sprachfassungen haben.",
            "Interface in a great many languages, including German and English; one "
            "questionnaire can have several language versions.",
        ),
        "community": (
            "Seit vielen Jahren verbreitet, auch in Hochschulen und Verwaltungen; Hersteller und "
            "Community pflegen Handbuch und Forum.",
            "Widely used for many years, including at universities and in public administration; "
            "the vendor and community maintain a manual and forum.",
        ),
    },
    {
        "slug": "bigbluebutton",
        "slug_en": "bigbluebutton",
        "title": "BigBlueButton",
        "website": "https://bigbluebutton.org/",
        "source_code": "https://github.com/bigbluebutton/bigbluebutton",
        "licence": "LGPL-3.0-or-later",
        "maintainer": "BigBlueButton Inc. und Community",
        "hosting": Hosting.BOTH,
        "summary": (
            "Videokonferenzsystem für Veranstaltungen mit Arbeitsgruppenräumen, Whiteboard, "
            "Umfragen, gemeinsamen Notizen und Einwahl per Telefon.",
            "A video conferencing system for events with breakout rooms, whiteboard, polls, "
            "shared notes and dial-in by phone.",
        ),
        "easy": (
            "BigBlueButton ist ein Programm für Treffen im Internet.\n"
            "Sie sehen und hören die anderen Menschen am Bildschirm.",
            "BigBlueButton is a program for meetings on the internet.\n"
            "You see and hear the other people on the screen.",
        ),
        "purposes": (
            "Online-Bürgerdialoge, Workshops mit Kleingruppen, Informationsveranstaltungen, "
            "hybride Veranstaltungen mit zugeschalteten Teilnehmenden.",
            "Online citizens' dialogues, workshops with small groups, information events, hybrid "
            "events with people joining remotely.",
        ),
        "hosting_notes": (
            "Braucht eigene, gut angebundene Server; viele Dienstleister bieten den Betrieb an. "
            "Für die Telefoneinwahl ist ein SIP-Anschluss nötig.",
            "Needs dedicated, well-connected servers; many providers offer hosting. Phone dial-in "
            "requires a SIP connection.",
        ),
        "data_protection": (
            "Im eigenen Betrieb fließen keine Daten an Dritte. Aufzeichnungen nur mit vorheriger "
            "Ankündigung und Einwilligung; Teilnahme ohne Konto und mit frei gewähltem Namen.",
            "When self-hosted, no data flows to third parties. Record only with prior notice and "
            "consent; participation without an account and under a freely chosen name.",
        ),
        "accessibility": (
            "Bietet unter anderem Live-Untertitel, Tastaturbedienung und Unterstützung für "
            "Bildschirmleser. Planen Sie Gebärdensprachdolmetschen und Schriftdolmetschen "
            "zusätzlich ein und prüfen Sie die eingesetzte Version.",
            "Offers live captions, keyboard operation and screen-reader support, among other "
            "things. Plan sign-language and speech-to-text interpreting in addition and check the "
            "version in use.",
        ),
        "languages": (
            "Oberfläche in vielen Sprachen, darunter Deutsch und Englisch.",
            "Interface in many languages, including German and English.",
        ),
        "community": (
            "Aktive Entwicklung durch BigBlueButton Inc. und eine weltweite Community; in "
            "Deutschland an vielen Schulen und Hochschulen im Einsatz.",
            "Actively developed by BigBlueButton Inc. and a worldwide community; widely used at "
            "schools and universities in Germany.",
        ),
    },
    {
        "slug": "jitsi-meet",
        "slug_en": "jitsi-meet",
        "title": "Jitsi Meet",
        "website": "https://jitsi.org/",
        "source_code": "https://github.com/jitsi/jitsi-meet",
        "licence": "Apache-2.0",
        "maintainer": "Jitsi-Team bei 8x8 und Community",
        "hosting": Hosting.BOTH,
        "summary": (
            "Schlanke Videokonferenz im Browser, ohne Konto und ohne Installation; gut für "
            "kleine Runden, Sprechstunden und Nachbarschaftstreffen.",
            "Lightweight video conferencing in the browser, without an account or installation; "
            "good for small groups, consultation hours and neighbourhood meetings.",
        ),
        "easy": (
            "Jitsi Meet ist ein Programm für Video-Gespräche.\nSie brauchen nur einen Link.",
            "Jitsi Meet is a program for video calls.\nYou only need a link.",
        ),
        "purposes": (
            "Video-Sprechstunden, kleine Online-Runden, digitale Nachbarschaftstreffen; "
            "Teilnahme über Browser oder App.",
            "Video consultation hours, small online groups, digital neighbourhood meetings; "
            "joining via browser or app.",
        ),
        "hosting_notes": (
            "Einfach selbst zu betreiben. Der öffentliche Dienst meet.jit.si eignet sich für "
            "Tests, für städtische Angebote nutzen Sie eine eigene Installation oder einen "
            "Dienstleister in der EU. Telefoneinwahl über eine Zusatzkomponente möglich.",
            "Easy to run yourself. The public service meet.jit.si is fine for testing; for city "
            "services use your own installation or a provider in the EU. Phone dial-in is "
            "possible with an additional component.",
        ),
        "data_protection": (
            "Teilnahme ohne Konto und mit frei gewähltem Namen. Eine Ende-zu-Ende-Verschlüsselung "
            "lässt sich in unterstützten Browsern zuschalten. Schützen Sie Räume mit Passwort "
            "oder Lobby.",
            "Participation without an account and under a freely chosen name. End-to-end "
            "encryption can be switched on in supported browsers. Protect rooms with a password "
            "or lobby.",
        ),
        "accessibility": (
            "Prüfen Sie Tastaturbedienung und Bildschirmleser mit der eingesetzten Version und "
            "planen Sie bei Bedarf Schrift- oder Gebärdensprachdolmetschen ein.",
            "Check keyboard and screen-reader use with the version in use, and plan speech-to-"
            "text or sign-language interpreting where needed.",
        ),
        "languages": (
            "Oberfläche in vielen Sprachen, darunter Deutsch und Englisch.",
            "Interface in many languages, including German and English.",
        ),
        "community": (
            "Weiterentwicklung durch das Jitsi-Team bei 8x8 und eine große Community; sehr "
            "verbreitet bei Vereinen und Initiativen.",
            "Developed by the Jitsi team at 8x8 and a large community; very common among clubs "
            "and initiatives.",
        ),
    },
    {
        "slug": "etherpad",
        "slug_en": "etherpad",
        "title": "Etherpad",
        "website": "https://etherpad.org/",
        "source_code": "https://github.com/ether/etherpad-lite",
        "licence": "Apache-2.0",
        "maintainer": "Etherpad Foundation und Community",
        "hosting": Hosting.BOTH,
        "summary": (
            "Texteditor im Browser, in dem viele Menschen gleichzeitig schreiben; jede Änderung "
            "bleibt über die Versionsgeschichte nachvollziehbar.",
            "A text editor in the browser where many people write at the same time; every change "
            "can be traced through the version history.",
        ),
        "easy": (
            "Etherpad ist ein Programm zum gemeinsamen Schreiben.\n"
            "Viele Menschen schreiben gleichzeitig an einem Text.",
            "Etherpad is a program for writing together.\n"
            "Many people write one text at the same time.",
        ),
        "purposes": (
            "Gemeinsame Notizen und Protokolle, digitale Pinnwände für Ideen, Sammeln von "
            "Ergebnissen aus Kleingruppen in Workshops.",
            "Shared notes and minutes, digital pinboards for ideas, collecting results from small "
            "groups in workshops.",
        ),
        "hosting_notes": (
            "Node.js-Anwendung, leicht selbst zu betreiben; durch Plugins erweiterbar. Viele "
            "Einrichtungen und Dienstleister betreiben eigene Instanzen.",
            "Node.js application, easy to run yourself; extensible with plugins. Many "
            "institutions and providers run their own instances.",
        ),
        "data_protection": (
            "Pads sind für alle mit dem Link lesbar: Legen Sie fest, wann Pads gelöscht werden, "
            "und schreiben Sie keine personenbezogenen Daten hinein.",
            "Pads can be read by anyone with the link: decide when pads are deleted, and do not "
            "write personal data into them.",
        ),
        "accessibility": (
            "Autorenfarben dürfen nicht die einzige Information sein. Testen Sie die Bedienung mit "
            "Bildschirmleser, bevor Sie Etherpad für ein offenes Angebot einsetzen.",
            "Author colours must not be the only information. Test use with a screen reader "
            "before offering Etherpad to the public.",
        ),
        "languages": (
            "Oberfläche in vielen Sprachen, darunter Deutsch und Englisch.",
            "Interface in many languages, including German and English.",
        ),
        "community": (
            "Seit vielen Jahren von einer ehrenamtlichen Community gepflegt; zahlreiche Plugins.",
            "Maintained for many years by a volunteer community; many plugins.",
        ),
    },
    {
        "slug": "openslides",
        "slug_en": "openslides",
        "title": "OpenSlides",
        "website": "https://openslides.com/",
        "source_code": "https://github.com/OpenSlides/OpenSlides",
        "licence": "MIT",
        "maintainer": "OpenSlides-Team",
        "hosting": Hosting.BOTH,
        "summary": (
            "Versammlungssystem für Tagesordnung, Anträge mit Änderungsanträgen, Redelisten, Wahlen "
            "und Abstimmungen – vor Ort, hybrid oder ganz online.",
            "An assembly system for agenda, motions with amendments, lists of speakers, elections "
            "and votes – in person, hybrid or fully online.",
        ),
        "easy": (
            "OpenSlides ist ein Programm für Versammlungen.\n"
            "Sie können Anträge stellen. Sie können abstimmen.",
            "OpenSlides is a program for assemblies.\nYou can make motions. You can vote.",
        ),
        "purposes": (
            "Versammlungen nach fester Geschäftsordnung: Tagesordnung, Anträge und "
            "Änderungsanträge, Redelisten, Wahlen, namentliche oder geheime Abstimmungen, "
            "Anwesenheitsliste und ein virtueller Projektor für alle.",
            "Assemblies with formal rules of procedure: agenda, motions and amendments, lists of "
            "speakers, elections, roll-call or secret votes, attendance list and a virtual "
            "projector for everyone.",
        ),
        "hosting_notes": (
            "Selbst betreiben oder als gehosteten Dienst des Entwicklungsteams buchen; für Video "
            "und Ton kombinieren Sie OpenSlides mit einem Videokonferenzsystem.",
            "Run it yourself or book it as a hosted service from the development team; for video "
            "and sound, combine OpenSlides with a video conferencing system.",
        ),
        "data_protection": (
            "Teilnehmende brauchen persönliche Zugänge. Klären Sie vorab, welche Abstimmungen "
            "namentlich und welche geheim sind, und löschen Sie Zugangsdaten nach der Versammlung.",
            "Participants need personal accounts. Decide in advance which votes are by roll call "
            "and which are secret, and delete access data after the assembly.",
        ),
        "accessibility": (
            "Prüfen Sie die eingesetzte Version mit Tastatur und Bildschirmleser; halten Sie für "
            "Abstimmungen einen barrierefreien Ersatzweg bereit.",
            "Check the version in use with keyboard and screen reader; keep an accessible "
            "alternative for votes ready.",
        ),
        "languages": (
            "Deutsch, Englisch und weitere Sprachen.",
            "German, English and other languages.",
        ),
        "community": (
            "Seit rund 2011 entwickelt; die Weiterentwicklung finanziert das Team vor allem über "
            "Hosting und die Betreuung von Versammlungen. Verbreitet bei Vereinen, Verbänden und "
            "Jugendringen.",
            "Developed since around 2011; the team funds development mainly through hosting and "
            "supporting assemblies. Common among clubs, associations and youth councils.",
        ),
    },
]


def _platform_index() -> PlatformIndexPage:
    return PlatformIndexPage.objects.child_of(_toolkit()).get(slug_de="plattformen")


def platforms(stdout) -> None:
    """Instrumentenkoffer: open-source platforms with their licences"""
    index = _platform_index()
    for spec in PLATFORMS:
        ensure_page(
            index,
            PlatformPage,
            spec["slug"],
            slug_en=spec["slug_en"],
            title_de=spec["title"],
            title_en=spec["title"],
            website=spec["website"],
            source_code=spec["source_code"],
            licence=spec["licence"],
            maintainer=spec["maintainer"],
            hosting=spec["hosting"],
            last_reviewed=PLATFORMS_REVIEWED,
            **_both("summary", spec["summary"]),
            **_both("easy_language_summary", spec["easy"]),
            **_both("purposes", spec["purposes"]),
            **_both("hosting_notes", spec["hosting_notes"]),
            **_both("data_protection", spec["data_protection"]),
            **_both("accessibility", spec["accessibility"]),
            **_both("languages", spec["languages"]),
            **_both("costs", _COSTS),
            **_both("community", spec["community"]),
            **_both("procurement_notes", _PROCUREMENT),
        )


# Formats ---------------------------------------------------------------------------------------


def _example(title, place, year, description, url) -> dict:
    return {
        "title": title,
        "place": place,
        "year": year,
        "description": description,
        "url": url,
    }


GERMANY = ("Deutschland", "Germany")

#: Established analog formats first: the digital and distance formats below name them.
FORMATS = [
    # Established formats -----------------------------------------------------------------------
    {
        "slug": "buergerversammlung",
        "slug_en": "public-meeting",
        "category": ALTERNATIVEN,
        "title": ("Bürgerversammlung", "Public meeting"),
        "summary": (
            "Die Stadt lädt alle Interessierten in einen Saal ein, stellt ein Vorhaben vor und "
            "beantwortet Fragen; Anregungen werden protokolliert.",
            "The city invites everyone interested to a hall, presents a project and answers "
            "questions; suggestions are recorded in the minutes.",
        ),
        "easy": (
            "Die Stadt lädt alle Menschen zu einem Treffen ein.\n"
            "Die Stadt erklärt einen Plan. Sie können Fragen stellen.",
            "The city invites everyone to a meeting.\n"
            "The city explains a plan. You can ask questions.",
        ),
        "steps": (
            [
                (
                    "Einladen",
                    "Kündigen Sie Ort, Zeit und Thema mindestens zwei Wochen vorher in Presse, Aushängen und online an.",
                ),
                (
                    "Informieren",
                    "Stellen Sie das Vorhaben kurz und verständlich vor, mit Plänen und dem Stand der Entscheidung.",
                ),
                (
                    "Fragen und Anregungen",
                    "Geben Sie der Aussprache mehr Zeit als den Vorträgen; eine neutrale Moderation verteilt das Wort.",
                ),
                (
                    "Dokumentieren",
                    "Veröffentlichen Sie ein Protokoll und sagen Sie, was mit den Anregungen geschieht.",
                ),
            ],
            [
                (
                    "Invite",
                    "Announce place, time and topic at least two weeks ahead in the press, on notices and online.",
                ),
                (
                    "Inform",
                    "Present the project briefly and clearly, with plans and the state of the decision.",
                ),
                (
                    "Questions and suggestions",
                    "Give the discussion more time than the presentations; neutral facilitation gives the floor.",
                ),
                ("Document", "Publish minutes and say what happens to the suggestions."),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (20, 300),
        "duration": ("2 bis 3 Stunden", "2 to 3 hours"),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.MEDIUM,
        "equipment_participants": ("Keine.", "None."),
        "equipment_organisers": (
            "Barrierefreier Saal, Mikrofonanlage mit Höranlage, Beamer, Pläne, Protokoll.",
            "An accessible hall, PA system with hearing loop, projector, plans, minutes.",
        ),
        "skills": (
            "Moderation großer Gruppen, verständliche Präsentation.",
            "Facilitating large groups, clear presentation.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Alle Betroffenen; erreicht vor allem Menschen, die abends Zeit haben und sich vor "
            "Publikum äußern mögen.",
            "Everyone affected; mostly reaches people who are free in the evening and comfortable "
            "speaking in public.",
        ),
        "accessibility": (
            "Stufenloser Zugang, Höranlage, auf Anfrage Gebärdensprach- und Schriftdolmetschen; "
            "Unterlagen vorab in Leichter Sprache.",
            "Step-free access, hearing loop, sign-language and speech-to-text interpreting on "
            "request; documents in easy-read language in advance.",
        ),
        "data_protection": (
            "Im Protokoll keine Namen von Wortmeldenden ohne deren Einverständnis; Fotos nur mit "
            "Hinweis am Eingang.",
            "No names of speakers in the minutes without their consent; photos only with notice "
            "at the entrance.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 35,
        "examples": [],
    },
    {
        "slug": "planungswerkstatt",
        "slug_en": "planning-workshop",
        "category": ALTERNATIVEN,
        "title": ("Workshop und Planungswerkstatt", "Workshop and planning workshop"),
        "summary": (
            "In Kleingruppen entwickeln Bürgerinnen und Bürger mit Fachleuten Ideen und "
            "Entwürfe, etwa an Plänen, Modellen und Moderationswänden.",
            "In small groups, residents and experts develop ideas and designs, for example with "
            "plans, models and pinboards.",
        ),
        "easy": (
            "Sie arbeiten in kleinen Gruppen.\n"
            "Sie malen und schreiben Ideen auf. Fach-Leute helfen Ihnen.",
            "You work in small groups.\nYou draw and write down ideas. Experts help you.",
        ),
        "steps": (
            [
                ("Aufgabe klären", "Legen Sie fest, was noch gestaltbar ist und was nicht."),
                ("Einstieg", "Fachleute erklären die Ausgangslage; alle sammeln Ideen auf Karten."),
                (
                    "Kleingruppen",
                    "Gruppen arbeiten an Plänen oder Modellen und halten Ergebnisse fest.",
                ),
                ("Ergebnisse", "Die Gruppen stellen vor; die Stadt sagt, wie es weitergeht."),
            ],
            [
                ("Clarify the task", "Decide what can still be shaped and what cannot."),
                ("Start", "Experts explain the situation; everyone collects ideas on cards."),
                ("Small groups", "Groups work on plans or models and record their results."),
                ("Results", "The groups present; the city says what happens next."),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.COLLABORATE,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (10, 80),
        "duration": ("3 Stunden bis 2 Tage", "3 hours to 2 days"),
        "preparation": Level.HIGH,
        "staff": Level.HIGH,
        "cost": Level.MEDIUM,
        "equipment_participants": ("Keine.", "None."),
        "equipment_organisers": (
            "Raum mit Gruppentischen, Moderationswände und -karten, Pläne, Modelle, Verpflegung.",
            "A room with group tables, pinboards and cards, plans, models, refreshments.",
        ),
        "skills": (
            "Workshop-Moderation, Fachwissen zum Vorhaben, Dokumentation.",
            "Workshop facilitation, expertise on the project, documentation.",
        ),
        "facilitation": Facilitation.PROFESSIONAL,
        "target_groups": (
            "Anwohnende, Vereine, Gewerbetreibende; mit gezielter Einladung auch Jugendliche.",
            "Residents, clubs, local businesses; with targeted invitations also young people.",
        ),
        "accessibility": (
            "Barrierefreier Raum, gut lesbare Pläne, Pausen, Kinderbetreuung anbieten.",
            "An accessible room, legible plans, breaks, offer childcare.",
        ),
        "data_protection": (
            "Teilnehmendenlisten nur für die Organisation und danach löschen.",
            "Participant lists only for organising, deleted afterwards.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 60,
        "examples": [
            _example(
                ("Zukunftswerkstatt nach Robert Jungk", "Future workshop after Robert Jungk"),
                GERMANY,
                None,
                (
                    "Die Zukunftswerkstatt mit Kritik-, Fantasie- und Verwirklichungsphase ist ein "
                    "Vorbild vieler Planungswerkstätten.",
                    "The future workshop with its critique, fantasy and implementation phases is "
                    "the model for many planning workshops.",
                ),
                "https://de.wikipedia.org/wiki/Zukunftswerkstatt",
            ),
        ],
    },
    {
        "slug": "buergersprechstunde",
        "slug_en": "consultation-hour",
        "category": ALTERNATIVEN,
        "title": ("Bürgersprechstunde", "Consultation hour"),
        "summary": (
            "Zu festen Zeiten können Menschen ohne Anmeldung mit der Verwaltung oder der "
            "Bezirksbürgermeisterin über ihr Anliegen sprechen.",
            "At fixed times, people can talk to the administration or the district mayor about "
            "their concerns without an appointment.",
        ),
        "easy": (
            "Sie kommen zu einer festen Zeit ins Rathaus.\n"
            "Sie sprechen mit einer Person von der Stadt über Ihr Anliegen.",
            "You come to the town hall at a fixed time.\n"
            "You talk to a person from the city about your concern.",
        ),
        "steps": (
            [
                (
                    "Termine festlegen",
                    "Bieten Sie regelmäßige Zeiten an, auch am späten Nachmittag.",
                ),
                ("Bekannt machen", "Nennen Sie Ort, Zeit und Themen auf Aushängen und online."),
                (
                    "Gespräche führen",
                    "Hören Sie zu, notieren Sie das Anliegen und sagen Sie, wer es weiter bearbeitet.",
                ),
                ("Rückmelden", "Melden Sie sich mit einem Ergebnis oder Zwischenstand zurück."),
            ],
            [
                ("Set times", "Offer regular times, including late afternoons."),
                ("Publicise", "State place, time and topics on notices and online."),
                ("Hold conversations", "Listen, note the concern and say who will follow it up."),
                ("Report back", "Get back in touch with a result or an update."),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (1, 20),
        "duration": ("2 Stunden je Termin", "2 hours per session"),
        "preparation": Level.LOW,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": ("Keine.", "None."),
        "equipment_organisers": ("Ein ruhiger, barrierefreier Raum.", "A quiet, accessible room."),
        "skills": (
            "Zuhören, Kenntnis der Zuständigkeiten.",
            "Listening, knowing who is responsible.",
        ),
        "facilitation": Facilitation.NONE,
        "target_groups": (
            "Menschen mit einem konkreten Anliegen, auch ohne Internetzugang.",
            "People with a specific concern, including those without internet access.",
        ),
        "accessibility": (
            "Stufenloser Raum; auf Wunsch Dolmetschen für Gebärdensprache oder andere Sprachen.",
            "A step-free room; interpreting for sign language or other languages on request.",
        ),
        "data_protection": (
            "Notizen nur zum Anliegen, nicht länger aufbewahren als für die Bearbeitung nötig.",
            "Notes only on the concern, kept no longer than needed to deal with it.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 90,
        "examples": [],
    },
    {
        "slug": "fragebogen-auf-papier",
        "slug_en": "paper-questionnaire",
        "category": ALTERNATIVEN,
        "title": ("Fragebogen auf Papier", "Paper questionnaire"),
        "summary": (
            "Ein gedruckter Fragebogen wird verteilt oder ausgelegt und per Post oder Sammelbox "
            "zurückgegeben.",
            "A printed questionnaire is distributed or laid out and returned by post or in a "
            "collection box.",
        ),
        "easy": (
            "Sie bekommen Fragen auf Papier.\n"
            "Sie kreuzen Ihre Antworten an. Dann schicken Sie das Papier zurück.",
            "You get questions on paper.\nYou tick your answers. Then you send the paper back.",
        ),
        "steps": (
            [
                (
                    "Fragen entwickeln",
                    "Wenige, klare Fragen; testen Sie den Bogen mit einigen Menschen aus der Zielgruppe.",
                ),
                (
                    "Verteilen",
                    "Per Post, in Bürgerbüros, Bibliotheken und Treffpunkten, mit frankiertem Rückumschlag.",
                ),
                (
                    "Erfassen",
                    "Geben Sie die Antworten vollständig ein, damit sie mit Online-Antworten ausgewertet werden.",
                ),
                (
                    "Ergebnisse veröffentlichen",
                    "Zeigen Sie die Ergebnisse auch auf Papier, dort wo Sie verteilt haben.",
                ),
            ],
            [
                (
                    "Develop questions",
                    "Few, clear questions; test the form with a few people from the target group.",
                ),
                (
                    "Distribute",
                    "By post, in citizens' offices, libraries and meeting places, with a prepaid return envelope.",
                ),
                (
                    "Enter",
                    "Enter every answer so that it is analysed together with online answers.",
                ),
                (
                    "Publish results",
                    "Show the results on paper too, where you distributed the forms.",
                ),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.TARGETED,
        "size": (50, None),
        "duration": ("3 bis 6 Wochen", "3 to 6 weeks"),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.MEDIUM,
        "equipment_participants": ("Ein Stift.", "A pen."),
        "equipment_organisers": (
            "Druck, Porto für Rückumschläge, Sammelboxen, Zeit für die Dateneingabe.",
            "Printing, postage for return envelopes, collection boxes, time for data entry.",
        ),
        "skills": ("Fragebogengestaltung, Auswertung.", "Questionnaire design, analysis."),
        "facilitation": Facilitation.NONE,
        "target_groups": (
            "Menschen, die selten online sind, besonders ältere Menschen.",
            "People who are rarely online, especially older people.",
        ),
        "accessibility": (
            "Große Schrift, einfache Sprache, Fassungen in weiteren Sprachen; Hilfe beim "
            "Ausfüllen am Telefon anbieten.",
            "Large print, plain language, versions in other languages; offer help with filling "
            "it in by phone.",
        ),
        "data_protection": (
            "Anonym auswerten; Namen und Adressen nur, wenn jemand ausdrücklich Rückmeldung "
            "möchte.",
            "Analyse anonymously; names and addresses only when someone explicitly asks for a "
            "reply.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 120,
        "examples": [],
    },
    {
        "slug": "infostand",
        "slug_en": "information-stand",
        "category": ALTERNATIVEN,
        "title": ("Infostand", "Information stand"),
        "summary": (
            "Die Verwaltung informiert mit einem Stand auf Markt, Platz oder Stadtteilfest über "
            "ein Vorhaben und sammelt Ideen und Hinweise im Gespräch.",
            "The administration sets up a stand at a market, square or street festival to inform "
            "people about a project and collect ideas and comments in conversation.",
        ),
        "easy": (
            "Die Stadt hat einen Stand auf dem Markt.\n"
            "Sie können dort fragen. Sie können Ihre Idee auf eine Karte schreiben.",
            "The city has a stand at the market.\n"
            "You can ask questions there. You can write your idea on a card.",
        ),
        "steps": (
            [
                (
                    "Ort wählen",
                    "Gehen Sie dorthin, wo die Menschen ohnehin sind: Wochenmarkt, Schulhof, Fest.",
                ),
                (
                    "Anschaulich machen",
                    "Pläne, Fotos und eine einfache Frage auf einem Plakat laden zum Stehenbleiben ein.",
                ),
                (
                    "Ideen sammeln",
                    "Notieren Sie Hinweise auf Karten oder auf einem Plan; Klebepunkte zeigen Stimmungen.",
                ),
                ("Übertragen", "Erfassen Sie alle Beiträge zusammen mit den Online-Beiträgen."),
            ],
            [
                (
                    "Choose the place",
                    "Go where people already are: weekly market, schoolyard, festival.",
                ),
                (
                    "Make it tangible",
                    "Plans, photos and one simple question on a poster invite people to stop.",
                ),
                ("Collect ideas", "Note comments on cards or on a plan; sticky dots show moods."),
                ("Enter", "Record every contribution together with the online contributions."),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (20, None),
        "duration": ("3 bis 5 Stunden je Termin", "3 to 5 hours per session"),
        "preparation": Level.LOW,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": ("Keine.", "None."),
        "equipment_organisers": (
            "Pavillon, Stehtisch, Stellwände, Pläne, Karten und Stifte, Sitzgelegenheit.",
            "Gazebo, standing table, display boards, plans, cards and pens, seating.",
        ),
        "skills": (
            "Menschen ansprechen, Auskunft geben.",
            "Approaching people, giving information.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Menschen, die nicht zu Veranstaltungen kommen: Familien, Berufstätige, Jugendliche, "
            "Menschen mit anderer Herkunftssprache.",
            "People who do not come to events: families, working people, young people, people "
            "with another first language.",
        ),
        "accessibility": (
            "Ebener Standort, Tafeln in Augenhöhe für Rollstuhlnutzende, Sitzplatz, Material in "
            "Leichter Sprache.",
            "Level site, boards at eye level for wheelchair users, seating, material in easy-read "
            "language.",
        ),
        "data_protection": (
            "Keine Namen auf den Ideenkarten; Kontaktdaten nur für eine gewünschte Rückmeldung.",
            "No names on the idea cards; contact details only when someone wants a reply.",
        ),
        "platforms": [],
        "counterpart": None,
        # Deliberately overdue: the review report has something to show.
        "reviewed": 400,
        "examples": [
            _example(
                (
                    "Eimsbüttel 2040: Beteiligungsstand auf Märkten",
                    "Eimsbüttel 2040: stand at markets",
                ),
                ("Hamburg, Deutschland", "Hamburg, Germany"),
                None,
                (
                    "Für das räumliche Leitbild des Bezirks stand ein mobiler Beteiligungsstand "
                    "auf acht Wochen- und Weihnachtsmärkten, ergänzend zum Kartendialog im Netz.",
                    "For the district's spatial vision, a mobile participation stand visited eight "
                    "weekly and Christmas markets, alongside an online map dialogue.",
                ),
                "https://zebralog.de/projekte/eimsbuettel-2040",
            ),
        ],
    },
    {
        "slug": "buergerrat",
        "slug_en": "citizens-council",
        "category": ALTERNATIVEN,
        "title": ("Bürgerrat und Planungszelle", "Citizens' council and planning cell"),
        "summary": (
            "Per Los ausgewählte Menschen beraten mehrere Tage mit Informationen von "
            "Fachleuten und geben der Politik schriftliche Empfehlungen.",
            "People selected by lot deliberate over several days, informed by experts, and give "
            "written recommendations to the council.",
        ),
        "easy": (
            "Die Stadt lost Menschen aus.\n"
            "Diese Menschen lernen viel über ein Thema. Dann schreiben sie auf: Das empfehlen wir.",
            "The city picks people by lot.\n"
            "These people learn a lot about a topic. Then they write down what they recommend.",
        ),
        "steps": (
            [
                (
                    "Auftrag",
                    "Rat oder Bezirksvertretung legen Frage und Umgang mit den Empfehlungen fest.",
                ),
                (
                    "Losen",
                    "Ziehen Sie eine Zufallsstichprobe aus dem Melderegister und laden Sie persönlich ein.",
                ),
                (
                    "Beraten",
                    "Fachleute informieren aus verschiedenen Blickwinkeln; moderierte Kleingruppen beraten.",
                ),
                (
                    "Empfehlen",
                    "Die Teilnehmenden beschließen ein Bürgergutachten; die Politik antwortet öffentlich.",
                ),
            ],
            [
                (
                    "Mandate",
                    "The council or district council sets the question and how it will treat the recommendations.",
                ),
                (
                    "Draw lots",
                    "Draw a random sample from the residents' register and invite people personally.",
                ),
                (
                    "Deliberate",
                    "Experts inform from different angles; facilitated small groups deliberate.",
                ),
                (
                    "Recommend",
                    "Participants adopt a citizens' report; politicians respond publicly.",
                ),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.INVOLVE,
        "openness": Openness.LIMITED,
        "recruitment": Recruitment.RANDOM,
        "size": (20, 160),
        "duration": (
            "2 bis 4 Tage, oft über mehrere Wochenenden",
            "2 to 4 days, often over several weekends",
        ),
        "preparation": Level.HIGH,
        "staff": Level.HIGH,
        "cost": Level.HIGH,
        "equipment_participants": ("Keine.", "None."),
        "equipment_organisers": (
            "Räume für Plenum und Kleingruppen, Aufwandsentschädigung, Verpflegung, "
            "Informationsmaterial.",
            "Rooms for plenary and small groups, compensation, catering, information material.",
        ),
        "skills": (
            "Losverfahren, professionelle Moderation, ausgewogene Auswahl der Fachleute.",
            "Sortition, professional facilitation, balanced choice of experts.",
        ),
        "facilitation": Facilitation.PROFESSIONAL,
        "target_groups": (
            "Ein Querschnitt der Bevölkerung, auch Menschen, die sich sonst nicht beteiligen.",
            "A cross-section of the population, including people who do not usually take part.",
        ),
        "accessibility": (
            "Aufwandsentschädigung, Kinderbetreuung, Fahrtkosten und Dolmetschen senken Hürden.",
            "Compensation, childcare, travel costs and interpreting lower barriers.",
        ),
        "data_protection": (
            "Die Nutzung von Meldedaten für das Losverfahren muss rechtlich geklärt sein; "
            "Adressen nach der Einladung löschen.",
            "Using register data for sortition must have a legal basis; delete addresses after "
            "inviting.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 45,
        "examples": [
            _example(
                ("Planungszelle nach Peter Dienel", "Planning cell after Peter Dienel"),
                GERMANY,
                None,
                (
                    "Das Verfahren mit zufällig ausgewählten Bürgerinnen und Bürgern, die ein "
                    "Bürgergutachten erarbeiten, entstand in den 1970er-Jahren in Wuppertal.",
                    "The method in which randomly selected citizens produce a citizens' report "
                    "was developed in Wuppertal in the 1970s.",
                ),
                "https://de.wikipedia.org/wiki/Planungszelle",
            ),
            _example(
                ("Citizens' Assembly 2016–2018", "Citizens' Assembly 2016–2018"),
                ("Irland", "Ireland"),
                2016,
                (
                    "Rund 100 ausgeloste Mitglieder berieten unter anderem über den 8. "
                    "Verfassungszusatz und den Klimaschutz; ihre Berichte gingen an das Parlament.",
                    "About 100 members selected by lot deliberated on topics including the Eighth "
                    "Amendment and climate change; their reports went to parliament.",
                ),
                "https://citizensassembly.ie/",
            ),
            _example(
                (
                    "Ständiger Bürgerdialog in Ostbelgien",
                    "Permanent citizens' dialogue in East Belgium",
                ),
                ("Eupen, Belgien", "Eupen, Belgium"),
                2019,
                (
                    "Das Parlament der Deutschsprachigen Gemeinschaft hat einen dauerhaften, "
                    "gelosten Bürgerrat eingerichtet, der Themen für geloste Bürgerversammlungen "
                    "festlegt.",
                    "The parliament of the German-speaking Community set up a permanent council "
                    "chosen by lot, which sets topics for citizens' assemblies chosen by lot.",
                ),
                "https://www.buergerdialog.be/",
            ),
        ],
    },
    {
        "slug": "stadtteilspaziergang",
        "slug_en": "district-walk",
        "category": ALTERNATIVEN,
        "title": ("Stadtteilspaziergang", "District walk"),
        "summary": (
            "Eine Gruppe geht mit Fachleuten durch das Quartier, schaut sich Orte gemeinsam an "
            "und hält Stärken, Mängel und Ideen fest.",
            "A group walks through the neighbourhood with experts, looks at places together and "
            "records strengths, problems and ideas.",
        ),
        "easy": (
            "Sie gehen mit anderen Menschen durch Ihren Stadt-Teil.\n"
            "Sie zeigen: Das ist gut. Das ist schlecht.",
            "You walk through your district with other people.\n"
            "You show what is good and what is bad.",
        ),
        "steps": (
            [
                (
                    "Route planen",
                    "Wählen Sie Stationen, die für das Vorhaben wichtig sind, und prüfen Sie die Wege auf Barrieren.",
                ),
                (
                    "Einladen",
                    "Laden Sie Anwohnende ein; eine Anmeldung hilft, die Gruppengröße zu steuern.",
                ),
                (
                    "Unterwegs",
                    "An jeder Station erklären Fachleute kurz, dann kommen die Teilnehmenden zu Wort.",
                ),
                (
                    "Auswerten",
                    "Tragen Sie die Hinweise in einen Plan ein und veröffentlichen Sie ihn.",
                ),
            ],
            [
                (
                    "Plan the route",
                    "Choose stops that matter for the project and check the paths for barriers.",
                ),
                ("Invite", "Invite residents; registration helps to control group size."),
                (
                    "On the way",
                    "At each stop, experts explain briefly, then participants have their say.",
                ),
                ("Evaluate", "Enter the comments on a map and publish it."),
            ],
        ),
        "mode": Mode.ANALOG,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (10, 30),
        "duration": ("1,5 bis 3 Stunden", "1.5 to 3 hours"),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": ("Wetterfeste Kleidung.", "Weatherproof clothing."),
        "equipment_organisers": (
            "Streckenplan, Klemmbretter, Kamera, mobile Lautsprecher, Dokumentationsbogen.",
            "Route map, clipboards, camera, portable speaker, documentation sheet.",
        ),
        "skills": (
            "Ortskenntnis, Moderation im Freien.",
            "Local knowledge, facilitating outdoors.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Anwohnende, Kinder und Jugendliche, ältere Menschen, Menschen mit Behinderung als "
            "Fachleute für Barrieren.",
            "Residents, children and young people, older people, people with disabilities as "
            "experts on barriers.",
        ),
        "accessibility": (
            "Stufenlose Route mit Sitzgelegenheiten, kurze Etappen, Ersatztermin bei schlechtem "
            "Wetter.",
            "Step-free route with seating, short stages, an alternative date in bad weather.",
        ),
        "data_protection": (
            "Fotos von Orten, nicht von Menschen; Personenfotos nur mit Einwilligung.",
            "Photos of places, not people; photos of people only with consent.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 75,
        "examples": [
            _example(
                ("Jane's Walk", "Jane's Walk"),
                ("Toronto, Kanada", "Toronto, Canada"),
                2007,
                (
                    "Zu Ehren der Stadtforscherin Jane Jacobs führen Bürgerinnen und Bürger "
                    "weltweit Spaziergänge durch ihre Viertel, um über deren Zukunft zu sprechen.",
                    "In honour of urbanist Jane Jacobs, residents around the world lead walks "
                    "through their neighbourhoods to talk about their future.",
                ),
                "https://janeswalk.org/",
            ),
        ],
    },
    # Abstandsformate ---------------------------------------------------------------------------
    {
        "slug": "stadtteilspaziergang-mit-abstand",
        "slug_en": "district-walk-at-a-distance",
        "category": ABSTAND,
        "title": ("Stadtteilspaziergang mit Abstand", "District walk at a distance"),
        "summary": (
            "Der Stadtteilspaziergang in kleinen Gruppen mit Anmeldung oder als selbstständiger "
            "Rundgang mit Infotafeln, QR-Codes und Rückmeldekarten an den Stationen.",
            "The district walk in small registered groups, or as a self-guided route with "
            "information boards, QR codes and feedback cards at the stops.",
        ),
        "easy": (
            "Sie gehen durch Ihren Stadt-Teil. Sie gehen allein oder in einer kleinen Gruppe.\n"
            "An Schildern lesen Sie: Das ist hier geplant. Sie schreiben Ihre Meinung auf eine Karte.",
            "You walk through your district, alone or in a small group.\n"
            "Signs tell you what is planned here. You write what you think on a card.",
        ),
        "steps": (
            [
                (
                    "Stationen vorbereiten",
                    "Stellen Sie an jeder Station eine Tafel mit Plan, Frage und Rückmeldeweg auf.",
                ),
                (
                    "Kleine Gruppen",
                    "Bieten Sie mehrere Termine mit höchstens zehn Personen an, oder geben Sie die Route frei.",
                ),
                (
                    "Rückmeldungen",
                    "Sammeln Sie Hinweise über Karten in einer Box, per Telefon oder über einen QR-Code.",
                ),
                (
                    "Zusammenführen",
                    "Werten Sie alle Wege gemeinsam aus und zeigen Sie das Ergebnis an den Stationen.",
                ),
            ],
            [
                (
                    "Prepare the stops",
                    "Put up a board at each stop with a plan, a question and a way to respond.",
                ),
                (
                    "Small groups",
                    "Offer several dates with at most ten people, or open the route to everyone.",
                ),
                ("Feedback", "Collect comments on cards in a box, by phone or via a QR code."),
                ("Combine", "Analyse all channels together and show the result at the stops."),
            ],
        ),
        "mode": Mode.DISTANCE,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (1, 10),
        "duration": (
            "1 Stunde je Gruppe; Rundgang 2 bis 4 Wochen aufgebaut",
            "1 hour per group; self-guided route in place for 2 to 4 weeks",
        ),
        "preparation": Level.MEDIUM,
        "staff": Level.LOW,
        "cost": Level.LOW,
        "equipment_participants": (
            "Optional ein Smartphone für die QR-Codes.",
            "Optionally a smartphone for the QR codes.",
        ),
        "equipment_organisers": (
            "Wetterfeste Tafeln, Rückmeldekarten und Sammelboxen, ausgedruckte Streckenpläne.",
            "Weatherproof boards, feedback cards and collection boxes, printed route maps.",
        ),
        "skills": ("Gestaltung verständlicher Tafeln.", "Designing clear boards."),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Anwohnende, die zu eigenen Zeiten teilnehmen möchten; Menschen, die Gruppen meiden.",
            "Residents who want to take part at their own time; people who avoid groups.",
        ),
        "accessibility": (
            "Stufenlose Route, Tafeln in lesbarer Höhe und großer Schrift, Inhalte auch zum "
            "Anhören über den QR-Code.",
            "Step-free route, boards at a readable height in large print, content also as audio "
            "via the QR code.",
        ),
        "data_protection": (
            "Rückmeldekarten ohne Namen; Online-Rückmeldungen ohne Tracking.",
            "Feedback cards without names; online feedback without tracking.",
        ),
        "platforms": [],
        "counterpart": ("stadtteilspaziergang", CounterpartRelation.REPLACES),
        "reviewed": 20,
        "examples": [
            _example(
                (
                    "Bürgerspaziergänge durch den Stadtpark Welheim",
                    "Residents' walks through Welheim park",
                ),
                ("Bottrop, Deutschland", "Bottrop, Germany"),
                2020,
                (
                    "Wegen der Pandemie fanden die Spaziergänge zur Umgestaltung des Parks mit "
                    "Anmeldung, höchstens zehn Personen je Gruppe und Abstandsregeln statt.",
                    "Because of the pandemic, the walks on the park's redesign required "
                    "registration, with at most ten people per group and distancing rules.",
                ),
                "https://www.wr.de/staedte/bottrop/bottroper-erfahren-mehr-ueber-neue-welheimer-parklandschaft-id229280346.html",
            ),
        ],
    },
    {
        "slug": "telefonsprechstunde",
        "slug_en": "telephone-consultation-hour",
        "category": ABSTAND,
        "title": ("Telefonsprechstunde", "Telephone consultation hour"),
        "summary": (
            "Zu festen Zeiten sind Fachleute oder die Bezirksbürgermeisterin am Telefon "
            "erreichbar: Fragen und Hinweise zu einem Vorhaben ohne Weg ins Rathaus.",
            "At fixed times, experts or the district mayor can be reached by phone: questions "
            "and comments on a project without a trip to the town hall.",
        ),
        "easy": (
            "Sie rufen zu einer festen Zeit bei der Stadt an.\n"
            "Sie stellen Ihre Frage am Telefon. Dabei bleiben Sie zu Hause.",
            "You call the city at a fixed time.\n"
            "You ask your question on the phone. You can stay at home.",
        ),
        "steps": (
            [
                (
                    "Zeiten und Nummer",
                    "Legen Sie Termine fest und veröffentlichen Sie eine Nummer zum Ortstarif.",
                ),
                (
                    "Besetzen",
                    "Mindestens eine fachkundige Person je Leitung; Rückrufe zusagen, wenn besetzt ist.",
                ),
                ("Notieren", "Halten Sie Hinweise in derselben Form fest wie Online-Beiträge."),
                ("Zurückmelden", "Beantworten Sie offene Fragen per Rückruf oder Brief."),
            ],
            [
                ("Times and number", "Set dates and publish a number at local rates."),
                (
                    "Staff it",
                    "At least one knowledgeable person per line; promise call-backs when busy.",
                ),
                ("Take notes", "Record comments in the same form as online contributions."),
                ("Report back", "Answer open questions by call-back or letter."),
            ],
        ),
        "mode": Mode.DISTANCE,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (1, 30),
        "duration": ("2 Stunden je Termin", "2 hours per session"),
        "preparation": Level.LOW,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": ("Ein Telefon.", "A telephone."),
        "equipment_organisers": (
            "Telefonleitungen, Erfassungsbogen, Liste der Zuständigkeiten.",
            "Phone lines, recording form, list of responsibilities.",
        ),
        "skills": (
            "Freundliche Gesprächsführung, Fachwissen zum Vorhaben.",
            "Friendly conversation skills, expertise on the project.",
        ),
        "facilitation": Facilitation.NONE,
        "target_groups": (
            "Ältere Menschen, Menschen ohne Internet, Menschen mit eingeschränkter Mobilität.",
            "Older people, people without internet, people with limited mobility.",
        ),
        "accessibility": (
            "Für gehörlose und schwerhörige Menschen zusätzlich einen Weg per Text oder "
            "Video mit Gebärdensprache anbieten.",
            "For deaf and hard-of-hearing people, also offer a way by text or by video with "
            "sign language.",
        ),
        "data_protection": (
            "Telefonnummern nur für zugesagte Rückrufe notieren und danach löschen; Gespräche "
            "nicht aufzeichnen.",
            "Note phone numbers only for promised call-backs and delete them afterwards; do not "
            "record calls.",
        ),
        "platforms": [],
        "counterpart": ("buergersprechstunde", CounterpartRelation.COMPLEMENTS),
        "reviewed": 15,
        "examples": [
            _example(
                (
                    "Telefonische Bürgersprechstunde der Oberbürgermeisterin",
                    "The mayor's telephone consultation hour",
                ),
                ("Neu-Ulm, Deutschland", "Neu-Ulm, Germany"),
                2020,
                (
                    "Die Sprechstunden in den Stadtteilen wurden in der Pandemie zu "
                    "Telefonsprechstunden; beide Formen sollten danach nebeneinander bestehen.",
                    "During the pandemic the consultation hours in the districts became telephone "
                    "consultation hours; both forms were to continue side by side afterwards.",
                ),
                "https://www.schwaebische.de/landkreis/alb-donau-kreis/ulm_artikel,-ob-albsteiger-bietet-telefonische-sprechstunde-an-_arid,11247733.html",
            ),
        ],
    },
    {
        "slug": "postkartenaktion",
        "slug_en": "postcard-campaign",
        "category": ABSTAND,
        "title": ("Postkartenaktion", "Postcard campaign"),
        "summary": (
            "Ideen-Postkarten mit Bild des Ortes und einer offenen Frage gehen an alle Haushalte "
            "oder liegen aus; zurück kommen sie per Post oder über Sammelboxen.",
            "Idea postcards showing the place and an open question go to every household or are "
            "laid out; they come back by post or via collection boxes.",
        ),
        "easy": (
            "Sie bekommen eine Post-Karte.\n"
            "Auf der Karte ist ein Bild von einem Ort. Sie schreiben oder malen Ihre Idee auf die Karte.\n"
            "Dann schicken Sie die Karte zurück. Das Porto bezahlt die Stadt.",
            "You get a postcard.\n"
            "The card shows a place. You write or draw your idea on the card.\n"
            "Then you send the card back. The city pays the postage.",
        ),
        "steps": (
            [
                (
                    "Karte gestalten",
                    "Ein Foto oder eine Skizze des Ortes, eine offene Frage, Platz zum Schreiben und Malen, Rücksendung portofrei.",
                ),
                (
                    "Verteilen",
                    "Als Postwurfsendung im Gebiet und an Auslagestellen wie Bibliothek, Kiosk und Schule.",
                ),
                ("Sammeln", "Karten per Post oder in Boxen; ein QR-Code bietet den Online-Weg."),
                (
                    "Zeigen",
                    "Stellen Sie die Karten aus, etwa im Schaufenster oder online, und werten Sie sie nach Themen aus.",
                ),
            ],
            [
                (
                    "Design the card",
                    "A photo or sketch of the place, an open question, room to write and draw, free return postage.",
                ),
                (
                    "Distribute",
                    "As an unaddressed mailing in the area and at places such as the library, kiosk and school.",
                ),
                ("Collect", "Cards by post or in boxes; a QR code offers the online route."),
                (
                    "Show",
                    "Exhibit the cards, for example in a shop window or online, and analyse them by theme.",
                ),
            ],
        ),
        "mode": Mode.DISTANCE,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.TARGETED,
        "size": (50, None),
        "duration": ("3 bis 6 Wochen", "3 to 6 weeks"),
        "preparation": Level.MEDIUM,
        "staff": Level.LOW,
        "cost": Level.MEDIUM,
        "equipment_participants": ("Ein Stift.", "A pen."),
        "equipment_organisers": (
            "Gestaltung, Druck, Verteilung, Porto für Antwortkarten, Sammelboxen.",
            "Design, printing, distribution, reply postage, collection boxes.",
        ),
        "skills": (
            "Grafische Gestaltung, Auswertung offener Antworten.",
            "Graphic design, analysing open answers.",
        ),
        "facilitation": Facilitation.NONE,
        "target_groups": (
            "Alle Haushalte eines Gebiets, auch Kinder (Malen) und Menschen ohne Internet.",
            "Every household in an area, including children (drawing) and people without internet.",
        ),
        "accessibility": (
            "Große Schrift, Bilder statt Fachbegriffe, Frage auch in weiteren Sprachen; Karten "
            "können auch telefonisch diktiert werden.",
            "Large print, pictures instead of jargon, the question in other languages too; cards "
            "can also be dictated by phone.",
        ),
        "data_protection": (
            "Kein Absenderfeld nötig; ausgestellte Karten vorher auf persönliche Angaben prüfen.",
            "No sender field needed; check cards for personal details before exhibiting them.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 50,
        "examples": [
            _example(
                ("Meine Idee für den Stöckachplatz", "My idea for Stöckachplatz"),
                ("Stuttgart, Deutschland", "Stuttgart, Germany"),
                None,
                (
                    "Rund 3.000 Postkarten mit einem Foto des Platzes und frei gestaltbaren "
                    "Fassaden gingen an die Anwohnenden; Entwürfe wurden eingereicht, per E-Mail "
                    "geschickt oder in sozialen Medien geteilt.",
                    "About 3,000 postcards showing the square with blank façades to design went "
                    "to residents; designs were handed in, sent by e-mail or shared on social media.",
                ),
                "https://digitale-mitwirkung.de/aktuelle-projekte/zeichenvorlage/",
            ),
        ],
    },
    {
        "slug": "fenster-und-zaunausstellung",
        "slug_en": "window-and-fence-exhibition",
        "category": ABSTAND,
        "title": ("Fenster- oder Zaunausstellung", "Window or fence exhibition"),
        "summary": (
            "Pläne und Entwürfe hängen in leeren Schaufenstern, an Bauzäunen oder Tafeln im "
            "Freien; Rückmeldungen gehen per Karte, Telefon oder QR-Code ein.",
            "Plans and designs are displayed in empty shop windows, on construction fences or "
            "outdoor boards; feedback comes in by card, phone or QR code.",
        ),
        "easy": (
            "Die Stadt hängt Pläne in ein Schau-Fenster oder an einen Zaun.\n"
            "Sie schauen die Pläne an, wann Sie möchten. Dann sagen Sie Ihre Meinung.",
            "The city puts plans in a shop window or on a fence.\n"
            "You look at the plans whenever you like. Then you say what you think.",
        ),
        "steps": (
            [
                (
                    "Ort finden",
                    "Fragen Sie Eigentümer leerer Läden oder nutzen Sie den Bauzaun am Ort des Vorhabens.",
                ),
                (
                    "Gestalten",
                    "Wenige große Bilder, kurze Texte, eine klare Frage und der Zeitraum der Beteiligung.",
                ),
                (
                    "Rückmeldeweg",
                    "Briefkasten oder Kartenbox, Telefonnummer und QR-Code zur Online-Beteiligung.",
                ),
                ("Aktualisieren", "Zeigen Sie Zwischenergebnisse am selben Ort."),
            ],
            [
                (
                    "Find a place",
                    "Ask owners of empty shops, or use the construction fence on the project site.",
                ),
                (
                    "Design",
                    "A few large images, short texts, one clear question and the consultation period.",
                ),
                (
                    "Way to respond",
                    "Letterbox or card box, a phone number and a QR code to the online consultation.",
                ),
                ("Update", "Show interim results in the same place."),
            ],
        ),
        "mode": Mode.DISTANCE,
        "purpose": Purpose.INFORM,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (1, None),
        "duration": ("2 bis 8 Wochen", "2 to 8 weeks"),
        "preparation": Level.MEDIUM,
        "staff": Level.LOW,
        "cost": Level.LOW,
        "equipment_participants": ("Keine.", "None."),
        "equipment_organisers": (
            "Wetterfeste Drucke oder Fensterfolien, Kartenbox, Genehmigung der Eigentümer.",
            "Weatherproof prints or window foils, card box, the owners' permission.",
        ),
        "skills": ("Gestaltung, verständliche Texte.", "Design, clear writing."),
        "facilitation": Facilitation.NONE,
        "target_groups": (
            "Passantinnen und Passanten, Anwohnende, Geschäftsleute im Quartier.",
            "Passers-by, residents, local shopkeepers.",
        ),
        "accessibility": (
            "Inhalte in Augenhöhe und großer Schrift, gute Beleuchtung, Texte zusätzlich online "
            "und zum Anhören.",
            "Content at eye level in large print, good lighting, texts also online and as audio.",
        ),
        "data_protection": (
            "Keine Kameras oder Zähler, die Personen erfassen.",
            "No cameras or counters that capture people.",
        ),
        "platforms": [],
        "counterpart": ("infostand", CounterpartRelation.REPLACES),
        "reviewed": 100,
        "examples": [
            _example(
                (
                    "Pläne zur Stadtkernentwicklung öffentlich ausgehängt",
                    "Town centre plans on public display",
                ),
                ("Heimsheim, Deutschland", "Heimsheim, Germany"),
                2021,
                (
                    "Die Entwürfe hingen öffentlich aus; viele lobten, dass sie sich die Pläne in "
                    "Ruhe ansehen konnten, und auch Kinder und Jugendliche gaben Rückmeldungen.",
                    "The drafts were publicly displayed; many praised having time to look at the "
                    "plans at leisure, and children and young people gave feedback too.",
                ),
                "https://www.leonberger-kreiszeitung.de/inhalt.stadtkernentwicklung-heimsheim-eiscaf-steht-oben-auf-der-wunschliste.662a3e9e-bcf8-4507-9e6f-45b8d34db265.html",
            ),
        ],
    },
    # Digitale Angebote zur sozialen Teilhabe ---------------------------------------------------
    {
        "slug": "messenger-gruppe",
        "slug_en": "messenger-group",
        "category": TEILHABE,
        "title": ("Messenger-Gruppe für die Nachbarschaft", "Neighbourhood messenger group"),
        "summary": (
            "Eine moderierte Gruppe oder ein Kanal in einem datensparsamen Messenger verbindet "
            "Nachbarschaft und Quartiersarbeit: Termine, Hilfe, kurze Umfragen.",
            "A moderated group or channel in a privacy-friendly messenger connects a "
            "neighbourhood and local community work: dates, help, quick polls.",
        ),
        "easy": (
            "Sie sind mit Ihren Nachbarn in einer Gruppe auf dem Handy.\n"
            "Dort lesen Sie Neuigkeiten. Sie können Fragen stellen und Hilfe anbieten.",
            "You are in a group on your phone with your neighbours.\n"
            "There you read news. You can ask questions and offer help.",
        ),
        "steps": (
            [
                (
                    "Messenger wählen",
                    "Nehmen Sie einen Messenger mit Ende-zu-Ende-Verschlüsselung und sparsamer Datenerhebung, zum Beispiel Signal, Threema oder einen Matrix-Dienst – nicht WhatsApp.",
                ),
                (
                    "Regeln festlegen",
                    "Zweck, Umgangsregeln und Moderation stehen in der Gruppenbeschreibung.",
                ),
                (
                    "Einladen",
                    "Über Aushänge, Quartiersbüro und Vereine, mit einem Einladungslink statt Telefonnummernlisten.",
                ),
                (
                    "Pflegen",
                    "Moderieren Sie regelmäßig und verweisen Sie für Beteiligung auf das Portal.",
                ),
            ],
            [
                (
                    "Choose a messenger",
                    "Use one with end-to-end encryption and minimal data collection, such as Signal, Threema or a Matrix service – not WhatsApp.",
                ),
                (
                    "Set rules",
                    "Purpose, house rules and moderation are stated in the group description.",
                ),
                (
                    "Invite",
                    "Through notices, the neighbourhood office and clubs, with an invite link instead of lists of phone numbers.",
                ),
                (
                    "Look after it",
                    "Moderate regularly and point to the portal for formal participation.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.INFORM,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (10, 500),
        "duration": ("Dauerhaft", "Ongoing"),
        "preparation": Level.LOW,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": (
            "Ein Smartphone mit dem gewählten Messenger.",
            "A smartphone with the chosen messenger.",
        ),
        "equipment_organisers": (
            "Ein Dienst-Smartphone, Moderationszeit, Regeln für die Gruppe.",
            "A work smartphone, time for moderation, group rules.",
        ),
        "skills": ("Moderation in sozialen Medien.", "Moderating social media."),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Nachbarschaften, Familien, Menschen mit anderer Herkunftssprache (Übersetzung im "
            "Messenger), Ehrenamtliche.",
            "Neighbourhoods, families, people with another first language (translation in the "
            "messenger), volunteers.",
        ),
        "accessibility": (
            "Sprachnachrichten und Texte ergänzen sich; wichtige Informationen zusätzlich "
            "als Aushang für Menschen ohne Smartphone.",
            "Voice messages and texts complement each other; important information also on "
            "notices for people without a smartphone.",
        ),
        "data_protection": (
            "Empfehlen Sie einen datensparsamen Messenger mit Ende-zu-Ende-Verschlüsselung, nicht "
            "WhatsApp: WhatsApp gleicht das Adressbuch mit den Servern des Meta-Konzerns ab. Je "
            "nach Messenger sehen Gruppenmitglieder die Telefonnummern der anderen – prüfen Sie "
            "die Einstellungen und nutzen Sie, wo möglich, Kanäle oder Benutzernamen. Geben Sie "
            "keine Beiträge mit Namen weiter.",
            "Recommend a privacy-friendly messenger with end-to-end encryption, not WhatsApp: "
            "WhatsApp matches the address book with the Meta group's servers. Depending on the "
            "messenger, group members can see each other's phone numbers – check the settings "
            "and use channels or usernames where possible. Do not pass on contributions with "
            "names.",
        ),
        "platforms": [],
        "counterpart": None,
        # Deliberately overdue: messenger recommendations change quickly.
        "reviewed": 455,
        "examples": [
            _example(
                (
                    "Vereinskommunikation von WhatsApp auf Signal umgestellt",
                    "Club communication moved from WhatsApp to Signal",
                ),
                ("Itzehoe, Deutschland", "Itzehoe, Germany"),
                None,
                (
                    "Ein Paddelverein stellte seine Gruppen nach der Debatte um die "
                    "Nutzungsbedingungen von WhatsApp auf den Messenger Signal um – einfacher als "
                    "erwartet, wie der Verein berichtet.",
                    "A paddling club moved its groups to the Signal messenger after the debate about "
                    "WhatsApp's terms of use – easier than expected, the club reports.",
                ),
                "https://www.itzehoer-wasser-wanderer.de/zeitung/messenger.html",
            ),
        ],
    },
    {
        "slug": "podcast",
        "slug_en": "podcast",
        "category": TEILHABE,
        "title": ("Podcast", "Podcast"),
        "summary": (
            "Kurze Audiofolgen erklären Vorhaben, lassen Beteiligte zu Wort kommen und laden zum "
            "Mitmachen ein – zum Hören unterwegs oder am Telefon.",
            "Short audio episodes explain projects, give a voice to those involved and invite "
            "people to take part – to listen on the go or by phone.",
        ),
        "easy": (
            "Ein Podcast ist wie eine Radio-Sendung im Internet.\n"
            "Sie hören zu, wann Sie möchten. Sie erfahren: Das plant die Stadt.",
            "A podcast is like a radio show on the internet.\n"
            "You listen whenever you like. You learn what the city is planning.",
        ),
        "steps": (
            [
                (
                    "Format festlegen",
                    "Feste Länge, zum Beispiel 15 Minuten, und ein wiederkehrender Aufbau.",
                ),
                (
                    "Gäste einladen",
                    "Fachleute der Verwaltung und Menschen aus dem Quartier erzählen in einfacher Sprache.",
                ),
                (
                    "Produzieren",
                    "Gutes Mikrofon, ruhiger Raum, Schnitt; ein Transkript gehört dazu.",
                ),
                (
                    "Verbreiten",
                    "Auf dem Portal, in gängigen Podcast-Verzeichnissen und als Hinweis bei laufenden Beteiligungen.",
                ),
            ],
            [
                (
                    "Set the format",
                    "A fixed length, for example 15 minutes, and a recurring structure.",
                ),
                (
                    "Invite guests",
                    "Experts from the administration and people from the neighbourhood talk in plain language.",
                ),
                (
                    "Produce",
                    "A good microphone, a quiet room, editing; a transcript is part of it.",
                ),
                (
                    "Distribute",
                    "On the portal, in common podcast directories and as a pointer from open consultations.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.INFORM,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (1, None),
        "duration": ("15 bis 30 Minuten je Folge", "15 to 30 minutes per episode"),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": (
            "Smartphone, Computer oder ein anderes Gerät zum Abspielen.",
            "Smartphone, computer or another device to play audio.",
        ),
        "equipment_organisers": (
            "Mikrofone, Schnittsoftware, Hosting der Audiodateien auf eigenen Servern.",
            "Microphones, editing software, hosting the audio files on your own servers.",
        ),
        "skills": (
            "Redaktion, Interviewführung, Tonschnitt.",
            "Editing, interviewing, audio editing.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Pendelnde, jüngere Menschen, Menschen, die lieber hören als lesen, blinde und "
            "sehbehinderte Menschen.",
            "Commuters, younger people, people who prefer listening to reading, blind and "
            "partially sighted people.",
        ),
        "accessibility": (
            "Zu jeder Folge ein Transkript für gehörlose und schwerhörige Menschen; klare "
            "Aussprache, keine Hintergrundmusik unter Sprache.",
            "A transcript for every episode for deaf and hard-of-hearing people; clear speech, no "
            "background music under voices.",
        ),
        "data_protection": (
            "Audiodateien vom Portal ausliefern; in Verzeichnissen keine Abrufstatistiken mit "
            "personenbezogenen Daten auswerten. Einwilligung der Gäste einholen.",
            "Serve audio files from the portal; do not analyse download statistics with personal "
            "data in directories. Obtain guests' consent.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 25,
        "examples": [
            _example(
                (
                    "„Hör mal Marburg“: Folge zur Bürgerbeteiligung",
                    "“Hör mal Marburg”: episode on public participation",
                ),
                ("Marburg, Deutschland", "Marburg, Germany"),
                2020,
                (
                    "Der offizielle Podcast der Stadt erscheint seit Juli 2020; eine Folge erklärt "
                    "mit der Leiterin der Stabsstelle, wie Bürgerbeteiligung in Marburg funktioniert.",
                    "The city's official podcast has appeared since July 2020; one episode explains "
                    "with the head of the participation unit how public participation works in "
                    "Marburg.",
                ),
                "https://www.hoermalmarburg.de/",
            ),
            _example(
                (
                    "„15 Fragen, 15 Minuten“ der Wiener Stadtplanung",
                    "“15 questions, 15 minutes” by Vienna's city planning",
                ),
                ("Wien, Österreich", "Vienna, Austria"),
                None,
                (
                    "Die Stabsstelle für Bürger*innen-Beteiligung beantwortet in jeder Folge 15 "
                    "Fragen zu einem Stadtentwicklungsprojekt in 15 Minuten.",
                    "The participation and communication unit answers 15 questions about an urban "
                    "development project in 15 minutes per episode.",
                ),
                "https://blog.stadtentwicklung.wien.gv.at/stadtplanung-im-ohr",
            ),
        ],
    },
    {
        "slug": "digitaler-nachbarschaftstreff",
        "slug_en": "online-neighbourhood-cafe",
        "category": TEILHABE,
        "title": ("Digitaler Nachbarschaftstreff", "Online neighbourhood café"),
        "summary": (
            "Ein regelmäßiges, moderiertes Videotreffen – etwa ein digitales Erzähl- oder "
            "Klön-Café – hält Kontakt, besonders für ältere und wenig mobile Menschen.",
            "A regular, moderated video meeting – such as an online storytelling or chat café – "
            "keeps people in touch, especially older people and those with limited mobility.",
        ),
        "easy": (
            "Sie treffen andere Menschen im Internet.\n"
            "Sie sehen sich am Bildschirm und reden miteinander. Das Treffen ist jede Woche.",
            "You meet other people on the internet.\n"
            "You see each other on the screen and talk. The meeting is every week.",
        ),
        "steps": (
            [
                (
                    "Raum einrichten",
                    "Ein fester Link zu einem Videoraum, der ohne Konto und Installation funktioniert.",
                ),
                (
                    "Technik begleiten",
                    "Vorab-Termin oder Telefonhilfe für alle, die zum ersten Mal dabei sind.",
                ),
                (
                    "Treffen",
                    "Kleine Runden von sechs bis zehn Personen; ein Thema oder einfach Austausch.",
                ),
                (
                    "Brücke schlagen",
                    "Weisen Sie auf Beteiligungen und Treffen vor Ort im Quartier hin.",
                ),
            ],
            [
                (
                    "Set up the room",
                    "A fixed link to a video room that works without an account or installation.",
                ),
                (
                    "Support the technology",
                    "A trial session or phone help for everyone joining for the first time.",
                ),
                ("Meet", "Small groups of six to ten people; a topic or simply a chat."),
                (
                    "Build bridges",
                    "Point to consultations and in-person meetings in the neighbourhood.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.INVOLVE,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (3, 20),
        "duration": ("1 bis 2 Stunden, wöchentlich", "1 to 2 hours, weekly"),
        "preparation": Level.LOW,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": (
            "Smartphone, Tablet oder Computer mit Kamera und Mikrofon; Einwahl per Telefon, wenn eingerichtet.",
            "Smartphone, tablet or computer with camera and microphone; dial-in by phone if set up.",
        ),
        "equipment_organisers": (
            "Eine eigene Videokonferenz-Installation, Telefon für Technikhilfe.",
            "Your own video conferencing installation, a phone for technical help.",
        ),
        "skills": (
            "Moderation kleiner Runden, Geduld mit Technikfragen.",
            "Facilitating small groups, patience with technical questions.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Ältere und alleinlebende Menschen, Menschen mit eingeschränkter Mobilität, pflegende "
            "Angehörige.",
            "Older people and people living alone, people with limited mobility, family carers.",
        ),
        "accessibility": (
            "Große Bedienelemente, Einwahl per Telefon, Untertitel wo verfügbar; Leihgeräte über "
            "Bibliotheken oder Quartierstreffs.",
            "Large controls, dial-in by phone, captions where available; loan devices via "
            "libraries or neighbourhood centres.",
        ),
        "data_protection": (
            "Videoraum auf eigenem oder EU-Server, Teilnahme mit Vornamen, keine Aufzeichnung.",
            "Video room on your own or an EU server, participation by first name, no recording.",
        ),
        "platforms": ["jitsi-meet", "bigbluebutton"],
        "counterpart": None,
        "reviewed": 40,
        "examples": [
            _example(
                ("Digitales „Café Schwätzle“", "Online “Café Schwätzle”"),
                ("Reutlingen, Deutschland", "Reutlingen, Germany"),
                2021,
                (
                    "Die Freiwilligenagentur und die Stabsstelle Bürgerengagement der Stadt "
                    "eröffneten ein virtuelles Café; gut zwanzig Menschen waren beim Start dabei.",
                    "The volunteer agency and the city's civic engagement unit opened a virtual "
                    "café; some twenty people joined the first session.",
                ),
                "https://www.gea.de/reutlingen_artikel,-virtuell-im-caf%C3%A9-plaudern-in-reutlingen-jetzt-m%C3%B6glich-_arid,6406303.html",
            ),
            _example(
                (
                    "Virtuelles Dialog-Café für Seniorinnen und Senioren",
                    "Virtual dialogue café for older people",
                ),
                ("Köln, Deutschland", "Cologne, Germany"),
                2020,
                (
                    "Mit dem Seniorennetzwerk Riehl entstand im Lockdown ein wöchentliches, "
                    "zweistündiges Video-Café, an dem sich ältere Menschen per Video beteiligten.",
                    "With the Riehl senior network, a weekly two-hour video café for older people "
                    "was set up during the lockdown.",
                ),
                "https://forum-seniorenarbeit.de/2021/12/virtuelles-dialog-cafe-fuer-seniorinnen-bietet-corona-die-stirn-und-erschliesst-digitale-welten/",
            ),
        ],
    },
    {
        "slug": "digital-lotsen",
        "slug_en": "digital-guides",
        "category": TEILHABE,
        "title": ("Digital-Lotsen und Digitalpaten", "Digital guides and mentors"),
        "summary": (
            "Ehrenamtliche helfen an festen Orten oder zu Hause beim Einstieg ins Netz – bis hin "
            "zur ersten Online-Beteiligung. So bleibt niemand außen vor.",
            "Volunteers help people get online at fixed places or at home – up to their first "
            "online consultation. So nobody is left out.",
        ),
        "easy": (
            "Eine Person hilft Ihnen mit dem Handy oder dem Computer.\n"
            "Sie lernen: So mache ich im Internet bei der Stadt mit.",
            "A person helps you with your phone or computer.\n"
            "You learn how to take part with the city on the internet.",
        ),
        "steps": (
            [
                (
                    "Orte gewinnen",
                    "Bibliotheken, Begegnungsstätten, Volkshochschule und Quartierstreffs bieten feste Sprechzeiten.",
                ),
                (
                    "Ehrenamtliche schulen",
                    "Zu Geräten, Sicherheit im Netz und zum Beteiligungsportal.",
                ),
                ("Begleiten", "Eins-zu-eins-Hilfe mit dem eigenen Gerät oder Leihgeräten."),
                (
                    "Verbinden",
                    "Bei laufenden Beteiligungen gemeinsam das Verfahren ansehen und einen Beitrag schreiben.",
                ),
            ],
            [
                (
                    "Win places",
                    "Libraries, community centres, adult education and neighbourhood centres offer fixed hours.",
                ),
                ("Train volunteers", "On devices, online safety and the participation portal."),
                ("Accompany", "One-to-one help with the person's own device or loan devices."),
                (
                    "Connect",
                    "When a consultation is open, look at it together and write a contribution.",
                ),
            ],
        ),
        "mode": Mode.HYBRID,
        "purpose": Purpose.INVOLVE,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.TARGETED,
        "size": (1, 10),
        "duration": (
            "Sprechzeiten von 1 bis 2 Stunden, dauerhaft",
            "Drop-in hours of 1 to 2 hours, ongoing",
        ),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": (
            "Wenn vorhanden, das eigene Smartphone oder Tablet.",
            "Their own smartphone or tablet, if they have one.",
        ),
        "equipment_organisers": (
            "Räume mit WLAN, Leihgeräte, Schulungsmaterial, Ansprechperson für Ehrenamtliche.",
            "Rooms with Wi-Fi, loan devices, training material, a contact person for volunteers.",
        ),
        "skills": (
            "Geduldiges Erklären, Grundwissen zu Geräten und Sicherheit.",
            "Patient explaining, basic knowledge of devices and security.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Ältere Menschen, Menschen mit wenig digitaler Erfahrung, Zugewanderte.",
            "Older people, people with little digital experience, immigrants.",
        ),
        "accessibility": (
            "Erreichbare Orte, ruhige Atmosphäre, Hilfe auch für Menschen mit Seh- oder "
            "Hörbeeinträchtigung.",
            "Reachable places, a calm atmosphere, help also for people with visual or hearing "
            "impairments.",
        ),
        "data_protection": (
            "Ehrenamtliche geben keine Passwörter ein und notieren keine Zugangsdaten; "
            "Leihgeräte nach jeder Nutzung zurücksetzen.",
            "Volunteers do not enter passwords or note login details; reset loan devices after "
            "every use.",
        ),
        "platforms": [],
        "counterpart": None,
        "reviewed": 55,
        "examples": [
            _example(
                ("Digital-Kompass", "Digital-Kompass"),
                GERMANY,
                2015,
                (
                    "Ein Projekt der BAGSO und von Deutschland sicher im Netz: Ehrenamtliche "
                    "begleiten ältere Menschen an Standorten in ganz Deutschland ins Netz.",
                    "A project of BAGSO and Deutschland sicher im Netz: volunteers help older "
                    "people get online at locations across Germany.",
                ),
                "https://www.digital-kompass.de/",
            ),
            _example(
                (
                    "Digital-Kompass-Standort in der Stadtbibliothek",
                    "Digital-Kompass location at the city library",
                ),
                ("Euskirchen, Deutschland", "Euskirchen, Germany"),
                2019,
                (
                    "Seit Juni 2019 begleitet die Stadt mit Seniorenvertretung und Stadtbibliothek "
                    "ältere Menschen auf ihrem Weg ins Internet.",
                    "Since June 2019 the city, with its seniors' council and library, has helped "
                    "older people get online.",
                ),
                "https://www.euskirchen.de/leben-in-euskirchen/jung-und-alt/seniorinnen-und-senioren/digitale-angebote/digital-kompass",
            ),
        ],
    },
    # Digitale Alternativen für bewährte Formate ------------------------------------------------
    {
        "slug": "online-umfrage",
        "slug_en": "online-survey",
        "category": ALTERNATIVEN,
        "title": ("Online-Umfrage", "Online survey"),
        "summary": (
            "Ein Fragebogen im Netz erreicht in kurzer Zeit viele Menschen und lässt sich schnell "
            "auswerten; ein Papierbogen mit denselben Fragen ergänzt ihn.",
            "An online questionnaire reaches many people quickly and is easy to analyse; a paper "
            "version with the same questions complements it.",
        ),
        "easy": (
            "Sie beantworten Fragen im Internet.\n"
            "Das geht am Handy oder am Computer. Sie können die Fragen auch auf Papier bekommen.",
            "You answer questions on the internet.\n"
            "You can use a phone or a computer. You can also get the questions on paper.",
        ),
        "steps": (
            [
                ("Ziel klären", "Was wollen Sie wissen, und was geschieht mit den Antworten?"),
                (
                    "Fragebogen bauen",
                    "Kurz, verständlich, mit wenigen Pflichtfeldern; testen Sie ihn mit Menschen aus der Zielgruppe.",
                ),
                (
                    "Bekannt machen",
                    "Auf dem Portal, in der Presse, über Vereine – und mit einer gedruckten Fassung für alle ohne Internet.",
                ),
                (
                    "Auswerten und berichten",
                    "Werten Sie Online- und Papierantworten gemeinsam aus und veröffentlichen Sie die Ergebnisse.",
                ),
            ],
            [
                (
                    "Clarify the aim",
                    "What do you want to know, and what will happen to the answers?",
                ),
                (
                    "Build the questionnaire",
                    "Short, clear, with few required fields; test it with people from the target group.",
                ),
                (
                    "Publicise",
                    "On the portal, in the press, through clubs – and with a printed version for everyone without internet.",
                ),
                (
                    "Analyse and report",
                    "Analyse online and paper answers together and publish the results.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (50, None),
        "duration": ("2 bis 6 Wochen", "2 to 6 weeks"),
        "preparation": Level.MEDIUM,
        "staff": Level.LOW,
        "cost": Level.LOW,
        "equipment_participants": (
            "Smartphone oder Computer mit Internet.",
            "Smartphone or computer with internet.",
        ),
        "equipment_organisers": (
            "Eine Umfrage-Software auf eigenem Server, Druckfassung, Zeit für die Auswertung.",
            "Survey software on your own server, a printed version, time for analysis.",
        ),
        "skills": ("Fragebogengestaltung, Auswertung.", "Questionnaire design, analysis."),
        "facilitation": Facilitation.NONE,
        "target_groups": (
            "Alle mit Internetzugang; über Schulen und Vereine gut für Jugendliche und "
            "Berufstätige. Online-Umfragen sind nicht repräsentativ.",
            "Everyone with internet access; through schools and clubs good for young people and "
            "working people. Online surveys are not representative.",
        ),
        "accessibility": (
            "Einfache Fragetypen, Bedienung per Tastatur, Fassung in Leichter Sprache und weiteren "
            "Sprachen; Hilfe am Telefon anbieten.",
            "Simple question types, keyboard operation, versions in easy-read and other "
            "languages; offer help by phone.",
        ),
        "data_protection": (
            "Anonym erheben, keine IP-Adressen speichern, Umfrage auf eigenem oder EU-Server "
            "betreiben; keine Dienste von Drittanbietern einbinden.",
            "Collect anonymously, do not store IP addresses, run the survey on your own or an EU "
            "server; do not embed third-party services.",
        ),
        "platforms": ["limesurvey"],
        "counterpart": ("fragebogen-auf-papier", CounterpartRelation.COMPLEMENTS),
        "reviewed": 10,
        "examples": [
            _example(
                (
                    "Öffentliche Konsultation zur Zeitumstellung",
                    "Public consultation on summertime arrangements",
                ),
                ("Europäische Union", "European Union"),
                2018,
                (
                    "Die Online-Konsultation der Europäischen Kommission vom 4. Juli bis 16. August "
                    "2018 erhielt über 4,6 Millionen Antworten aus allen Mitgliedstaaten.",
                    "The European Commission's online consultation from 4 July to 16 August 2018 "
                    "received more than 4.6 million responses from all member states.",
                ),
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A52018SC0406",
            ),
        ],
    },
    {
        "slug": "video-buergerdialog",
        "slug_en": "video-citizens-dialogue",
        "category": ALTERNATIVEN,
        "title": ("Online-Bürgerdialog per Video", "Online citizens' dialogue by video"),
        "summary": (
            "Die Bürgerversammlung als Videokonferenz: Vorstellung im Plenum, Gespräche in "
            "Kleingruppenräumen, Fragen per Chat oder Wortmeldung, Einwahl auch per Telefon.",
            "The public meeting as a video conference: presentation in plenary, conversations in "
            "breakout rooms, questions by chat or raised hand, dial-in by phone as well.",
        ),
        "easy": (
            "Sie nehmen an einem Treffen im Internet teil.\n"
            "Die Stadt erklärt einen Plan. Sie stellen Fragen im Chat oder sprechen selbst.",
            "You take part in a meeting on the internet.\n"
            "The city explains a plan. You ask questions in the chat or speak yourself.",
        ),
        "steps": (
            [
                (
                    "Vorbereiten",
                    "Eigene Videokonferenz-Installation, Technikprobe, Moderation, Protokoll und Chat-Betreuung festlegen.",
                ),
                (
                    "Einladen",
                    "Link, Telefoneinwahl und eine Anleitung vorab verschicken; Technikhilfe am Telefon anbieten.",
                ),
                (
                    "Durchführen",
                    "Kurze Vorträge, dann Fragen und Gespräche in Kleingruppen; Chatfragen werden vorgelesen.",
                ),
                (
                    "Nachbereiten",
                    "Folien, Antworten auf offene Fragen und das Protokoll auf dem Portal veröffentlichen.",
                ),
            ],
            [
                (
                    "Prepare",
                    "Your own video conferencing installation, a technical rehearsal; assign facilitation, minutes and chat support.",
                ),
                (
                    "Invite",
                    "Send the link, dial-in number and instructions in advance; offer technical help by phone.",
                ),
                (
                    "Run it",
                    "Short presentations, then questions and small-group conversations; chat questions are read out.",
                ),
                (
                    "Follow up",
                    "Publish slides, answers to open questions and the minutes on the portal.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (10, 150),
        "duration": ("1,5 bis 2,5 Stunden", "1.5 to 2.5 hours"),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.LOW,
        "equipment_participants": (
            "Computer, Tablet oder Smartphone mit Internet; alternativ ein Telefon.",
            "Computer, tablet or smartphone with internet; alternatively a telephone.",
        ),
        "equipment_organisers": (
            "Videokonferenzsystem auf eigenem oder EU-Server, gute Headsets, zweite Person für "
            "Chat und Technik.",
            "Video conferencing system on your own or an EU server, good headsets, a second "
            "person for chat and technology.",
        ),
        "skills": (
            "Online-Moderation, Technikbetreuung.",
            "Online facilitation, technical support.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Berufstätige, Eltern, Menschen mit eingeschränkter Mobilität; weniger geeignet für "
            "Menschen ohne Geräte oder Übung.",
            "Working people, parents, people with limited mobility; less suited to people "
            "without devices or practice.",
        ),
        "accessibility": (
            "Live-Untertitel oder Schriftdolmetschen, Gebärdensprachdolmetschen im Bild, "
            "Telefoneinwahl, Unterlagen vorab barrierefrei.",
            "Live captions or speech-to-text interpreting, a sign-language interpreter on screen, "
            "phone dial-in, accessible documents in advance.",
        ),
        "data_protection": (
            "Teilnahme ohne Konto und mit frei gewähltem Namen; Aufzeichnung nur mit Ankündigung "
            "und ohne Teilnehmendenbilder; kein US-Dienst ohne Prüfung.",
            "Participation without an account and under a freely chosen name; recording only "
            "with notice and without participants' video; no US service without a check.",
        ),
        "platforms": ["bigbluebutton", "jitsi-meet"],
        "counterpart": ("buergerversammlung", CounterpartRelation.REPLACES),
        "reviewed": 30,
        "examples": [
            _example(
                (
                    "Digitaler Bürgerdialog mit dem Oberbürgermeister",
                    "Online citizens' dialogue with the mayor",
                ),
                ("Pforzheim, Deutschland", "Pforzheim, Germany"),
                2020,
                (
                    "Als eine von zehn Modellkommunen mit der Bertelsmann Stiftung lud die Stadt "
                    "rund 1.500 zufällig ausgewählte Menschen ein; 42 diskutierten im Plenum und "
                    "in Kleingruppen per Video.",
                    "As one of ten pilot municipalities with the Bertelsmann Stiftung, the city "
                    "invited about 1,500 randomly selected people; 42 discussed by video in "
                    "plenary and small groups.",
                ),
                "https://www.pforzheim.de/buerger/engagement/buergerbeteiligung/digitaler-buergerdialog.html",
            ),
            _example(
                (
                    "Online-Dialog und Online-Bürgersprechstunde",
                    "Online dialogue and online consultation hour",
                ),
                ("Ludwigshafen am Rhein, Deutschland", "Ludwigshafen am Rhein, Germany"),
                2020,
                (
                    "Weil Bürgerforen wegen der Kontaktbeschränkungen nicht möglich waren, konnten "
                    "Anwohnende und Gewerbetreibende ihre Fragen live an Oberbürgermeisterin und "
                    "Fachleute richten.",
                    "Because public forums were not possible under the contact restrictions, "
                    "residents and businesses could put their questions live to the mayor and "
                    "experts.",
                ),
                "https://www.ludwigshafen-diskutiert.de/node/2171",
            ),
        ],
    },
    {
        "slug": "hybrider-workshop",
        "slug_en": "hybrid-workshop",
        "category": ALTERNATIVEN,
        "title": ("Hybrider Workshop", "Hybrid workshop"),
        "summary": (
            "Ein Teil der Gruppe arbeitet im Saal, ein Teil ist per Video dabei; gemeinsame "
            "digitale Notizen und eine eigene Moderation für die Online-Gruppe verbinden beide.",
            "Part of the group works in the room, part joins by video; shared digital notes and a "
            "separate facilitator for the online group connect both.",
        ),
        "easy": (
            "Manche Menschen sind im Raum. Manche Menschen sind im Internet dabei.\n"
            "Alle arbeiten zusammen an Ideen.",
            "Some people are in the room. Some people join on the internet.\n"
            "Everyone works on ideas together.",
        ),
        "steps": (
            [
                (
                    "Technik planen",
                    "Raummikrofon, Kamera auf Plenum und Pinnwand, Bildschirm mit den Online-Teilnehmenden.",
                ),
                (
                    "Zwei Moderationen",
                    "Eine Person moderiert den Saal, eine die Online-Gruppe und bringt deren Beiträge ein.",
                ),
                (
                    "Gemischt arbeiten",
                    "Kleingruppen je nach Ort; Ergebnisse landen in einem gemeinsamen Dokument.",
                ),
                (
                    "Zusammenführen",
                    "Alle Ergebnisse werden im Plenum sichtbar und im Protokoll gleich behandelt.",
                ),
            ],
            [
                (
                    "Plan the technology",
                    "Room microphone, camera on plenary and pinboard, a screen showing the online participants.",
                ),
                (
                    "Two facilitators",
                    "One facilitates the room, one the online group and brings in its contributions.",
                ),
                ("Work in groups", "Small groups by location; results go into a shared document."),
                (
                    "Combine",
                    "All results become visible in plenary and are treated equally in the minutes.",
                ),
            ],
        ),
        "mode": Mode.HYBRID,
        "purpose": Purpose.COLLABORATE,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (10, 60),
        "duration": ("3 bis 4 Stunden", "3 to 4 hours"),
        "preparation": Level.HIGH,
        "staff": Level.HIGH,
        "cost": Level.MEDIUM,
        "equipment_participants": (
            "Vor Ort: nichts. Online: Computer oder Tablet mit Kamera und Mikrofon.",
            "In person: nothing. Online: computer or tablet with camera and microphone.",
        ),
        "equipment_organisers": (
            "Raum mit guter Akustik, Konferenzmikrofon, Kameras, großer Bildschirm, "
            "Videokonferenzsystem, gemeinsamer Online-Editor.",
            "A room with good acoustics, conference microphone, cameras, a large screen, video "
            "conferencing system, shared online editor.",
        ),
        "skills": (
            "Hybride Moderation, Veranstaltungstechnik.",
            "Hybrid facilitation, event technology.",
        ),
        "facilitation": Facilitation.PROFESSIONAL,
        "target_groups": (
            "Alle, die nicht anreisen können oder wollen: Eltern, Pflegende, Menschen mit "
            "Behinderung, Berufstätige.",
            "Everyone who cannot or does not want to travel: parents, carers, people with "
            "disabilities, working people.",
        ),
        "accessibility": (
            "Barrierefreier Raum und barrierefreie Online-Teilnahme; Untertitel oder "
            "Schriftdolmetschen für beide Gruppen.",
            "An accessible room and accessible online participation; captions or speech-to-text "
            "interpreting for both groups.",
        ),
        "data_protection": (
            "Kamera im Saal nur auf Podium und Pinnwand richten; Hinweis am Eingang; keine "
            "Aufzeichnung ohne Einwilligung.",
            "Point the room camera only at the podium and pinboard; notice at the entrance; no "
            "recording without consent.",
        ),
        "platforms": ["bigbluebutton", "etherpad"],
        "counterpart": ("planungswerkstatt", CounterpartRelation.COMPLEMENTS),
        "reviewed": 65,
        "examples": [
            _example(
                (
                    "Bürgerworkshops zur Zukunft der Stadtbücherei",
                    "Citizens' workshops on the future of the city library",
                ),
                ("Würzburg, Deutschland", "Würzburg, Germany"),
                None,
                (
                    "Fünf Workshops an verschiedenen Standorten fanden unter Corona-Bedingungen "
                    "virtuell und in Präsenz statt; rund 100 Interessierte nahmen teil.",
                    "Five workshops at different locations took place online and in person under "
                    "pandemic conditions; about 100 people took part.",
                ),
                "https://360grad-stadtbuecherei-wuerzburg.de/ueber-das-projekt/beduerfnisse-im-fokus/buergerinnenworkshops/",
            ),
            _example(
                (
                    "Digitale und hybride Bürgerversammlungen in bayerischen Städten",
                    "Digital and hybrid public meetings in Bavarian cities",
                ),
                ("Bayern, Deutschland", "Bavaria, Germany"),
                2020,
                (
                    "Nördlingen lud eine begrenzte Zahl von Menschen in den Stadtsaal und übertrug "
                    "die Versammlung ins Internet; Fragen kamen auch über eine Chatfunktion.",
                    "Nördlingen invited a limited number of people to its civic hall and streamed "
                    "the meeting online; questions also came in through a chat function.",
                ),
                "https://staedtetag.blog/2020/10/29/buergerversammlungdigital/",
            ),
        ],
    },
    {
        "slug": "buergerrat-online",
        "slug_en": "online-citizens-council",
        "category": ALTERNATIVEN,
        "title": ("Bürgerrat online", "Online citizens' council"),
        "summary": (
            "Ausgeloste Menschen beraten in mehreren Online-Sitzungen mit Fachinput, Kleingruppen "
            "und gemeinsamen Texten und beschließen Empfehlungen.",
            "People chosen by lot deliberate in several online sessions with expert input, small "
            "groups and shared texts, and adopt recommendations.",
        ),
        "easy": (
            "Die Stadt lost Menschen aus. Die Menschen treffen sich mehrmals im Internet.\n"
            "Sie lernen viel über ein Thema. Dann schreiben sie auf: Das empfehlen wir.",
            "The city picks people by lot. They meet several times on the internet.\n"
            "They learn a lot about a topic. Then they write down what they recommend.",
        ),
        "steps": (
            [
                (
                    "Losen und ausstatten",
                    "Ausgeloste erhalten bei Bedarf Leihgeräte, Internetzugang und eine persönliche Technikeinführung.",
                ),
                ("Kurze Sitzungen", "Statt ganzer Tage mehrere Abende oder halbe Tage mit Pausen."),
                (
                    "Beraten",
                    "Fachinput im Plenum, Beratung in festen Kleingruppen, Ergebnisse in gemeinsamen Dokumenten.",
                ),
                (
                    "Beschließen",
                    "Abstimmung über die Empfehlungen und öffentliche Übergabe an die Politik.",
                ),
            ],
            [
                (
                    "Draw and equip",
                    "People selected by lot get loan devices, internet access and a personal tech introduction where needed.",
                ),
                (
                    "Short sessions",
                    "Several evenings or half days with breaks instead of whole days.",
                ),
                (
                    "Deliberate",
                    "Expert input in plenary, deliberation in fixed small groups, results in shared documents.",
                ),
                (
                    "Decide",
                    "Vote on the recommendations and hand them over publicly to the council.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.INVOLVE,
        "openness": Openness.LIMITED,
        "recruitment": Recruitment.RANDOM,
        "size": (20, 160),
        "duration": (
            "6 bis 10 Online-Sitzungen über 4 bis 8 Wochen",
            "6 to 10 online sessions over 4 to 8 weeks",
        ),
        "preparation": Level.HIGH,
        "staff": Level.HIGH,
        "cost": Level.HIGH,
        "equipment_participants": (
            "Computer oder Tablet mit Kamera; bei Bedarf gestellt.",
            "Computer or tablet with camera; provided where needed.",
        ),
        "equipment_organisers": (
            "Videokonferenzsystem mit Kleingruppenräumen, gemeinsamer Editor, Leihgeräte, "
            "Technik-Hotline, Aufwandsentschädigung.",
            "Video conferencing with breakout rooms, shared editor, loan devices, tech hotline, "
            "compensation.",
        ),
        "skills": (
            "Losverfahren, professionelle Online-Moderation, Technikbetreuung.",
            "Sortition, professional online facilitation, technical support.",
        ),
        "facilitation": Facilitation.PROFESSIONAL,
        "target_groups": (
            "Ein Querschnitt der Bevölkerung; online auch Menschen, die nicht reisen können.",
            "A cross-section of the population; online also people who cannot travel.",
        ),
        "accessibility": (
            "Leihgeräte und Technikbegleitung, Untertitel, Dolmetschen, Pausen, "
            "Aufwandsentschädigung.",
            "Loan devices and technical support, captions, interpreting, breaks, compensation.",
        ),
        "data_protection": (
            "Meldedaten nur für die Einladung; Sitzungen in Kleingruppen nicht aufzeichnen; "
            "System auf eigenem oder EU-Server.",
            "Register data only for the invitation; do not record small-group sessions; system "
            "on your own or an EU server.",
        ),
        "platforms": ["bigbluebutton", "etherpad"],
        "counterpart": ("buergerrat", CounterpartRelation.REPLACES),
        "reviewed": 5,
        "examples": [
            _example(
                (
                    "Bürgerrat „Deutschlands Rolle in der Welt“",
                    "Citizens' council “Germany's role in the world”",
                ),
                GERMANY,
                2021,
                (
                    "Rund 160 ausgeloste Menschen berieten vom 13. Januar bis 20. Februar 2021 in "
                    "zehn Online-Sitzungen – der erste komplett digital organisierte Bürgerrat "
                    "dieser Größe. Initiiert von Mehr Demokratie und Es geht LOS.",
                    "About 160 people chosen by lot deliberated in ten online sessions from 13 "
                    "January to 20 February 2021 – the first fully digital citizens' council of this "
                    "size. Initiated by Mehr Demokratie and Es geht LOS.",
                ),
                "https://www.buergerrat.de/aktuelles/empfehlungen-fuer-deutschlands-rolle-in-der-welt/",
            ),
        ],
    },
    {
        "slug": "online-beteiligung",
        "slug_en": "online-participation",
        "category": ALTERNATIVEN,
        "title": ("Online-Beteiligung mit Vorschlägen", "Online participation with proposals"),
        "summary": (
            "Auf einer Beteiligungsplattform reichen Menschen Vorschläge ein, kommentieren und "
            "unterstützen sie, oft auf einer Karte verortet; die Verwaltung antwortet öffentlich.",
            "On a participation platform, people submit proposals, comment on and support them, "
            "often placed on a map; the administration responds publicly.",
        ),
        "easy": (
            "Sie schreiben Ihre Idee auf eine Internet-Seite.\n"
            "Andere Menschen lesen Ihre Idee. Sie können sagen: Die Idee finde ich gut.\n"
            "Die Stadt antwortet auf die Ideen.",
            "You write your idea on a website.\n"
            "Other people read your idea. They can say: I like this idea.\n"
            "The city answers the ideas.",
        ),
        "steps": (
            [
                (
                    "Rahmen setzen",
                    "Was ist gestaltbar, wie lange läuft die Beteiligung, wie werden Vorschläge geprüft?",
                ),
                (
                    "Plattform einrichten",
                    "Informationen, Karte, Regeln für Kommentare und eine Moderation festlegen.",
                ),
                (
                    "Offline verbinden",
                    "Vorschläge von Infoständen und Papierbögen werden von der Verwaltung eingetragen.",
                ),
                (
                    "Antworten",
                    "Jeder Vorschlag erhält eine begründete Antwort; Ergebnisse bleiben online sichtbar.",
                ),
            ],
            [
                (
                    "Set the frame",
                    "What can be shaped, how long does the consultation run, how are proposals assessed?",
                ),
                ("Set up the platform", "Information, map, commenting rules and moderation."),
                (
                    "Connect offline",
                    "Staff enter proposals from information stands and paper forms.",
                ),
                (
                    "Respond",
                    "Every proposal gets a reasoned response; results stay visible online.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.INVOLVE,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (20, None),
        "duration": ("4 bis 8 Wochen", "4 to 8 weeks"),
        "preparation": Level.MEDIUM,
        "staff": Level.MEDIUM,
        "cost": Level.MEDIUM,
        "equipment_participants": (
            "Smartphone oder Computer mit Internet.",
            "Smartphone or computer with internet.",
        ),
        "equipment_organisers": (
            "Eine Beteiligungsplattform, Moderationszeit, Fachleute für die Antworten.",
            "A participation platform, moderation time, experts for the responses.",
        ),
        "skills": (
            "Online-Moderation, Zusammenfassen, verständliches Antworten.",
            "Online moderation, summarising, answering clearly.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Alle mit Internetzugang; zusammen mit Infostand und Papierbogen auch Menschen, die "
            "selten online sind.",
            "Everyone with internet access; together with an information stand and paper form, "
            "also people who are rarely online.",
        ),
        "accessibility": (
            "Plattform nach BITV 2.0 prüfen, Karte mit Adresssuche und Listenansicht, Texte in "
            "Leichter Sprache.",
            "Check the platform against BITV 2.0, map with address search and list view, texts "
            "in easy-read language.",
        ),
        "data_protection": (
            "Teilnahme unter Pseudonym; Beiträge können politische Meinungen zeigen, also nur "
            "nötige Daten erheben und eine Löschfrist festlegen.",
            "Participation under a pseudonym; contributions may reveal political opinions, so "
            "collect only necessary data and set a retention period.",
        ),
        "platforms": ["decidim", "consul-democracy", "adhocracy-plus"],
        "counterpart": ("infostand", CounterpartRelation.COMPLEMENTS),
        "reviewed": 12,
        "examples": [
            _example(
                (
                    "decidim.barcelona: Aktionsplan der Stadt",
                    "decidim.barcelona: municipal action plan",
                ),
                ("Barcelona, Spanien", "Barcelona, Spain"),
                2016,
                (
                    "Barcelona entwickelte Decidim für die Beteiligung am Aktionsplan der Stadt "
                    "(PAM) und nutzt die Plattform seither für viele Prozesse, online und vor Ort.",
                    "Barcelona developed Decidim for participation in the municipal action plan "
                    "(PAM) and has used it since for many processes, online and in person.",
                ),
                "https://www.decidim.barcelona/",
            ),
            _example(
                ("meinBerlin", "meinBerlin"),
                ("Berlin, Deutschland", "Berlin, Germany"),
                2015,
                (
                    "Die Beteiligungsplattform des Landes Berlin auf Grundlage von Adhocracy "
                    "bündelt Ideensammlungen, Kartenbeteiligung und Umfragen von Senat und "
                    "Bezirken.",
                    "The State of Berlin's participation platform, based on Adhocracy, brings "
                    "together idea collections, map-based participation and surveys of the Senate "
                    "and the districts.",
                ),
                "https://mein.berlin.de/",
            ),
        ],
    },
    {
        "slug": "online-buergerhaushalt",
        "slug_en": "online-participatory-budget",
        "category": ALTERNATIVEN,
        "title": ("Bürgerhaushalt online", "Online participatory budget"),
        "summary": (
            "Menschen schlagen Projekte für ein festes Budget vor, die Verwaltung prüft die "
            "Machbarkeit, und alle stimmen online und vor Ort ab, was umgesetzt wird.",
            "People propose projects for a fixed budget, the administration checks feasibility, "
            "and everyone votes online and in person on what is carried out.",
        ),
        "easy": (
            "Die Stadt hat Geld für Ideen von Bürgern.\n"
            "Sie schlagen eine Idee vor. Dann stimmen alle ab. Die Ideen mit den meisten Stimmen macht die Stadt.",
            "The city has money for ideas from residents.\n"
            "You suggest an idea. Then everyone votes. The city carries out the ideas with the "
            "most votes.",
        ),
        "steps": (
            [
                (
                    "Budget und Regeln",
                    "Rat oder Bezirksvertretung beschließen Summe, Regeln und Zeitplan.",
                ),
                (
                    "Vorschläge",
                    "Online, auf Papier und bei Treffen im Stadtteil einreichen und gemeinsam weiterentwickeln.",
                ),
                (
                    "Prüfen",
                    "Die Verwaltung prüft Kosten und Machbarkeit und begründet Ablehnungen öffentlich.",
                ),
                (
                    "Abstimmen und umsetzen",
                    "Abstimmung online und in Abstimmungslokalen; der Umsetzungsstand bleibt sichtbar.",
                ),
            ],
            [
                (
                    "Budget and rules",
                    "The council or district council decides the sum, rules and schedule.",
                ),
                (
                    "Proposals",
                    "Submit online, on paper and at local meetings, and develop them together.",
                ),
                (
                    "Check",
                    "The administration checks costs and feasibility and explains rejections publicly.",
                ),
                (
                    "Vote and implement",
                    "Voting online and at polling points; implementation progress stays visible.",
                ),
            ],
        ),
        "mode": Mode.HYBRID,
        "purpose": Purpose.EMPOWER,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (100, None),
        "duration": ("6 bis 12 Monate je Runde", "6 to 12 months per round"),
        "preparation": Level.HIGH,
        "staff": Level.HIGH,
        "cost": Level.HIGH,
        "equipment_participants": (
            "Smartphone oder Computer; Abstimmung auch vor Ort möglich.",
            "Smartphone or computer; voting also possible in person.",
        ),
        "equipment_organisers": (
            "Beteiligungsplattform mit Budget- und Abstimmungsmodul, Prüfkapazität in den "
            "Fachämtern, Öffentlichkeitsarbeit, Abstimmungsorte.",
            "A participation platform with budgeting and voting modules, capacity for checks in "
            "the departments, publicity, polling points.",
        ),
        "skills": (
            "Prozesssteuerung, Kostenschätzung, Online-Moderation.",
            "Process management, cost estimation, online moderation.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Alle Einwohnerinnen und Einwohner, ausdrücklich auch Jugendliche ab einem "
            "festgelegten Alter.",
            "All residents, explicitly including young people from a set age.",
        ),
        "accessibility": (
            "Abstimmung auch auf Papier und mit Hilfe, Projektbeschreibungen in Leichter Sprache.",
            "Voting also on paper and with assistance, project descriptions in easy-read language.",
        ),
        "data_protection": (
            "Für die Abstimmung nur so viel Prüfung der Berechtigung wie nötig, etwa Alter und "
            "Wohnort; Stimmabgabe getrennt von der Identität speichern.",
            "For voting, check eligibility only as far as needed, such as age and place of "
            "residence; store votes separately from identity.",
        ),
        "platforms": ["decidim", "consul-democracy", "adhocracy-plus"],
        "counterpart": ("buergerversammlung", CounterpartRelation.COMPLEMENTS),
        "reviewed": 80,
        "examples": [
            _example(
                ("Bürgerhaushalt auf Decide Madrid", "Participatory budget on Decide Madrid"),
                ("Madrid, Spanien", "Madrid, Spain"),
                2016,
                (
                    "Madrid entwickelte CONSUL für sein Portal decide.madrid.es; dort schlagen "
                    "Menschen Projekte für den Bürgerhaushalt vor und stimmen darüber ab.",
                    "Madrid built CONSUL for its portal decide.madrid.es, where people propose "
                    "projects for the participatory budget and vote on them.",
                ),
                "https://decide.madrid.es/",
            ),
            _example(
                ("OmaStadi", "OmaStadi"),
                ("Helsinki, Finnland", "Helsinki, Finland"),
                2018,
                (
                    "Helsinkis Bürgerhaushalt läuft seit 2018 auf einer auf Decidim beruhenden "
                    "Plattform, ergänzt durch Workshops vor Ort.",
                    "Helsinki's participatory budget has run since 2018 on a platform based on "
                    "Decidim, complemented by in-person workshops.",
                ),
                "https://omastadi.hel.fi/",
            ),
        ],
    },
    {
        "slug": "online-versammlung",
        "slug_en": "online-assembly",
        "category": ALTERNATIVEN,
        "title": (
            "Online-Versammlung mit Anträgen und Abstimmungen",
            "Online assembly with motions and votes",
        ),
        "summary": (
            "Versammlungen mit fester Tagesordnung – etwa Jugendforen, Beiräte oder "
            "Delegiertenversammlungen – laufen mit Antrags-, Redelisten- und Abstimmungssystem "
            "ganz oder teilweise online.",
            "Assemblies with a fixed agenda – such as youth forums, advisory councils or "
            "delegates' meetings – run fully or partly online with a system for motions, lists "
            "of speakers and votes.",
        ),
        "easy": (
            "Eine Versammlung findet im Internet statt.\n"
            "Sie können einen Antrag stellen. Sie können sich zu Wort melden und abstimmen.",
            "An assembly takes place on the internet.\n"
            "You can make a motion. You can ask to speak and vote.",
        ),
        "steps": (
            [
                (
                    "Zugänge anlegen",
                    "Stimmberechtigte erhalten persönliche Zugänge; eine Probeabstimmung vorab klärt Fragen.",
                ),
                (
                    "Anträge sammeln",
                    "Anträge und Änderungsanträge werden vor der Sitzung im System eingereicht.",
                ),
                (
                    "Tagen",
                    "Videokonferenz für Bild und Ton, Redeliste und Projektor im Versammlungssystem.",
                ),
                (
                    "Abstimmen und protokollieren",
                    "Offene oder geheime Abstimmungen; Ergebnisse werden sofort sichtbar und dokumentiert.",
                ),
            ],
            [
                (
                    "Create accounts",
                    "Voting members get personal accounts; a test vote beforehand clears up questions.",
                ),
                (
                    "Collect motions",
                    "Motions and amendments are submitted in the system before the meeting.",
                ),
                (
                    "Meet",
                    "Video conference for sound and picture, list of speakers and projector in the assembly system.",
                ),
                (
                    "Vote and minute",
                    "Open or secret votes; results are shown and documented at once.",
                ),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.EMPOWER,
        "openness": Openness.LIMITED,
        "recruitment": Recruitment.TARGETED,
        "size": (10, 500),
        "duration": ("2 Stunden bis 2 Tage", "2 hours to 2 days"),
        "preparation": Level.HIGH,
        "staff": Level.MEDIUM,
        "cost": Level.MEDIUM,
        "equipment_participants": (
            "Computer oder Tablet; für Abstimmungen genügt ein Smartphone.",
            "Computer or tablet; a smartphone is enough for voting.",
        ),
        "equipment_organisers": (
            "Versammlungssystem, Videokonferenz, Geschäftsordnung, die Online-Abstimmungen "
            "erlaubt, Technikteam.",
            "Assembly system, video conference, rules of procedure that allow online voting, a "
            "technical team.",
        ),
        "skills": (
            "Sitzungsleitung nach Geschäftsordnung, Administration des Systems.",
            "Chairing under rules of procedure, administering the system.",
        ),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Gremien mit festen Mitgliedern: Jugendforen, Beiräte, Vereine und Verbände.",
            "Bodies with fixed membership: youth forums, advisory councils, clubs and "
            "associations.",
        ),
        "accessibility": (
            "Barrierefreie Abstimmung prüfen und einen Ersatzweg bereithalten; Anträge vorab in "
            "zugänglichen Formaten.",
            "Check accessible voting and keep an alternative ready; motions in accessible "
            "formats in advance.",
        ),
        "data_protection": (
            "Persönliche Zugänge nur für die Versammlung, danach löschen; bei geheimen Wahlen "
            "Stimmabgabe und Person technisch trennen.",
            "Personal accounts only for the assembly, deleted afterwards; for secret ballots, "
            "separate vote and person technically.",
        ),
        "platforms": ["openslides", "bigbluebutton", "jitsi-meet"],
        "counterpart": ("buergerversammlung", CounterpartRelation.REPLACES),
        "reviewed": 95,
        "examples": [
            _example(
                (
                    "OpenSlides für Vereine und Verbände beim Stadtjugendring",
                    "OpenSlides for clubs at the city youth council",
                ),
                ("Heidelberg, Deutschland", "Heidelberg, Germany"),
                None,
                (
                    "Der Stadtjugendring stellte Vereinen und Verbänden kostenlose "
                    "OpenSlides-Instanzen für Mitgliederversammlungen und Vorstandswahlen bereit, "
                    "gekoppelt mit seinem Jitsi-Meet-Angebot.",
                    "The city youth council gave clubs and associations free OpenSlides instances "
                    "for general meetings and board elections, combined with its Jitsi Meet "
                    "service.",
                ),
                "https://www.sjr-heidelberg.de/blog/mitgliederversammlungen-digital-durchfuehren",
            ),
        ],
    },
    {
        "slug": "digitale-pinnwand",
        "slug_en": "digital-pinboard",
        "category": ALTERNATIVEN,
        "title": ("Digitale Pinnwand", "Digital pinboard"),
        "summary": (
            "Wie die Moderationswand im Workshop, nur im Netz: Menschen heften kurze Ideen und "
            "Hinweise an eine gemeinsame Wand oder einen Stadtplan und kommentieren sie.",
            "Like the pinboard in a workshop, but online: people pin short ideas and comments on "
            "a shared board or a city map and comment on them.",
        ),
        "easy": (
            "Eine Pinn-Wand im Internet: Sie schreiben eine kurze Idee auf.\n"
            "Alle können die Ideen lesen. Sie können Ideen auch auf einen Stadt-Plan setzen.",
            "A pinboard on the internet: you write down a short idea.\n"
            "Everyone can read the ideas. You can also put ideas on a city map.",
        ),
        "steps": (
            [
                (
                    "Spalten oder Karte",
                    "Legen Sie Überschriften wie „Das gefällt mir“, „Das fehlt“ an, oder nutzen Sie einen Stadtplan.",
                ),
                (
                    "Öffnen",
                    "Teilen Sie den Link in Workshops, auf dem Portal und per QR-Code auf Aushängen.",
                ),
                (
                    "Moderieren",
                    "Sortieren Sie doppelte Beiträge, beantworten Sie Fragen und entfernen Sie persönliche Daten.",
                ),
                (
                    "Sichern",
                    "Exportieren Sie die Wand zum Ende und übernehmen Sie die Ideen in die Auswertung.",
                ),
            ],
            [
                (
                    "Columns or map",
                    "Create headings such as “I like this”, “This is missing”, or use a city map.",
                ),
                (
                    "Open it",
                    "Share the link in workshops, on the portal and by QR code on notices.",
                ),
                ("Moderate", "Merge duplicates, answer questions and remove personal data."),
                ("Save", "Export the board at the end and carry the ideas into the analysis."),
            ],
        ),
        "mode": Mode.DIGITAL,
        "purpose": Purpose.CONSULT,
        "openness": Openness.OPEN,
        "recruitment": Recruitment.SELF_SELECTION,
        "size": (5, 200),
        "duration": ("Einige Stunden bis 4 Wochen", "A few hours to 4 weeks"),
        "preparation": Level.LOW,
        "staff": Level.LOW,
        "cost": Level.LOW,
        "equipment_participants": (
            "Smartphone oder Computer mit Internet.",
            "Smartphone or computer with internet.",
        ),
        "equipment_organisers": (
            "Ein kollaboratives Werkzeug auf eigenem Server, Moderationszeit.",
            "A collaborative tool on your own server, moderation time.",
        ),
        "skills": ("Moderation, Strukturieren von Ideen.", "Moderation, structuring ideas."),
        "facilitation": Facilitation.STAFF,
        "target_groups": (
            "Workshop-Teilnehmende online und vor Ort, Jugendliche, Menschen, die kurz etwas "
            "beitragen möchten.",
            "Workshop participants online and in the room, young people, people who want to "
            "contribute briefly.",
        ),
        "accessibility": (
            "Eine Listenansicht neben der Wand oder Karte, Bedienung per Tastatur, keine "
            "Information nur über Farben.",
            "A list view next to the board or map, keyboard operation, no information conveyed "
            "by colour alone.",
        ),
        "data_protection": (
            "Ohne Anmeldung nutzbar halten, keine Namen verlangen; Inhalte nach der Auswertung "
            "löschen.",
            "Keep it usable without registration, do not ask for names; delete content after "
            "the analysis.",
        ),
        "platforms": ["etherpad", "adhocracy-plus"],
        "counterpart": ("planungswerkstatt", CounterpartRelation.COMPLEMENTS),
        "reviewed": 70,
        "examples": [
            _example(
                (
                    "Online-Beteiligung zur Aufwertung der nördlichen Altstadt",
                    "Online consultation on upgrading the northern old town",
                ),
                ("Landsberg am Lech, Deutschland", "Landsberg am Lech, Germany"),
                None,
                (
                    "Auf einer digitalen Stadtkarte setzten Bürgerinnen und Bürger Ideen und "
                    "Kommentare; andere konnten sie kommentieren und bewerten (Crowd-Mapping).",
                    "Residents placed ideas and comments on a digital city map; others could "
                    "comment on and rate them (crowd-mapping).",
                ),
                "https://www.landsberg.de/rathaus/bauen-wohnen/stadtentwicklung/aufwertung-noerdliche-altstadt/onlinebeteiligung/",
            ),
        ],
    },
]


def _format_fields(spec: dict) -> dict:
    """The fields of a FormatPage, in both languages, from one entry of ``FORMATS``."""
    steps_de, steps_en = spec["steps"]
    size_min, size_max = spec["size"]
    return {
        "category": FormatCategory.objects.get(slug=spec["category"]),
        **_both("summary", spec["summary"]),
        **_both("easy_language_summary", spec["easy"]),
        "how_it_works_de": _steps(steps_de),
        "how_it_works_en": _steps(steps_en),
        "mode": spec["mode"],
        "purpose": spec["purpose"],
        "openness": spec["openness"],
        "recruitment": spec["recruitment"],
        "group_size_min": size_min,
        "group_size_max": size_max,
        **_both("duration", spec["duration"]),
        "preparation_effort": spec["preparation"],
        "staff_effort": spec["staff"],
        "cost_level": spec["cost"],
        **_both("equipment_participants", spec["equipment_participants"]),
        **_both("equipment_organisers", spec["equipment_organisers"]),
        **_both("skills", spec["skills"]),
        "facilitation": spec["facilitation"],
        **_both("target_groups", spec["target_groups"]),
        **_both("accessibility_notes", spec["accessibility"]),
        **_both("data_protection_notes", spec["data_protection"]),
        "platforms": list(PlatformPage.objects.filter(slug_de__in=spec["platforms"])),
        "last_reviewed": timezone.localdate() - datetime.timedelta(days=spec["reviewed"]),
        "reviewer": None,
        "examples": [
            FormatExample(
                title=example["title"][0],
                **_both("title", example["title"]),
                place=example["place"][0],
                **_both("place", example["place"]),
                year=example["year"],
                description=example["description"][0],
                **_both("description", example["description"]),
                source_url=example["url"],
            )
            for example in spec["examples"]
        ],
    }


def formats(stdout) -> None:
    """Instrumentenkoffer: participation formats with their examples"""
    toolkit = _toolkit()
    seeded = {}
    for spec in FORMATS:
        counterpart, relation = spec["counterpart"] or (None, "")
        seeded[spec["slug"]] = ensure_page(
            toolkit,
            FormatPage,
            spec["slug"],
            slug_en=spec["slug_en"],
            title_de=spec["title"][0],
            title_en=spec["title"][1],
            counterpart=seeded[counterpart] if counterpart else None,
            counterpart_relation=relation,
            **_format_fields(spec),
        )


STEPS = [categories, toolkit_pages, platforms, formats]
