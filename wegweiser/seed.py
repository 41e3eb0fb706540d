"""Demo content of the Wegweiser for ``manage.py seed_demo``: the finder, offerings in every
Stadtbezirk, a hub per district with the sessions of its Bezirksvertretung, and the order of the
main menu (this app seeds last, so it puts the home page's sections in order).

Facts only where they are public and checkable: the offices and bodies named here exist, the
legal references are to the Gemeindeordnung NRW (GO NRW) and the Baugesetzbuch, the only phone
number is the city's switchboard and the only street addresses are the Rathaus and the
Dietrich-Keuning-Haus. Everything else (opening times, e-mail addresses under
``dortmund.example``, session dates) is demo content staff replace in the admin.

Idempotent: pages are found by their German slug below their parent and updated; a hub's
sessions are replaced as a whole, their dates derived from midnight today.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from mitwirken.pages.models import HomePage
from mitwirken.pages.seed import ensure_page
from mitwirken.places.models import District

from .models import (
    Channel,
    CouncilSession,
    DistrictHubIndexPage,
    DistrictHubPage,
    Intent,
    OfferingPage,
    WegweiserPage,
)

#: An offering in each of the twelve Stadtbezirke (a city-wide offering names no district).
EVERY_DISTRICT = "every district"
CITY_PHONE = "0231 50-0"  # Stadt Dortmund, switchboard
CITY_WEBSITE = "https://www.dortmund.de/"
OMBUDSSTELLE_WEBSITE = (
    "https://www.dortmund.de/rathaus/verwaltung/"
    "amt-fuer-angelegenheiten-des-oberbuergermeisters-und-des-rates/ombudsstelle/"
)
FREIWILLIGENAGENTUR_WEBSITE = "https://freiwilligenagenturdortmund.de/"
RATHAUS = "Rathaus, Friedensplatz 1\n44135 Dortmund"

# The three inner-city districts have no Bezirksverwaltungsstelle of their own: their
# Bezirksvertretungen are run by a Geschäftsführung in the city's administration.
INNER_CITY = {"innenstadt-west", "innenstadt-nord", "innenstadt-ost"}

# German slugs of the home page's sections, in the order of the main menu.
MENU_ORDER = [
    "beteiligung",
    "vorhabenliste",
    "wegweiser",
    "stadtbezirke",
    "instrumentenkoffer",
    "wissen",
    "aktuelles",
]

# Council sessions: weeks from today (one past, three to come), at this local time.
SESSION_WEEKS = [-3, 2, 6, 10]
SESSION_TIME = datetime.time(16, 0)

FREE = {"costs_de": "kostenlos", "costs_en": "free of charge"}
GERMAN = {"languages_de": "Deutsch", "languages_en": "German"}


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _home() -> HomePage:
    return HomePage.objects.get()


def _wegweiser() -> WegweiserPage:
    return WegweiserPage.objects.get()


# Wegweiser ------------------------------------------------------------------------------------


def wegweiser(stdout) -> None:
    """Wegweiser (the finder)"""
    ensure_page(
        _home(),
        WegweiserPage,
        "wegweiser",
        slug_en="signpost",
        title_de="Wegweiser",
        title_en="Signpost",
        show_in_menus=True,
        summary_de="Finden Sie in drei Schritten den passenden Weg, in Dortmund mitzureden: "
        "online oder vor Ort, in Ihrem Stadtbezirk oder für die ganze Stadt.",
        summary_en="Find the right way to have your say in Dortmund in three steps: online or "
        "in person, in your district or for the whole city.",
        intro_de=_p(
            "Der Wegweiser stellt Ihnen drei Fragen. <b>Was möchten Sie tun?</b> Sich "
            "informieren, Ihre Meinung sagen, eine Idee vorschlagen, eine Beschwerde oder "
            "Anregung loswerden, in Ihrer Nachbarschaft mitmachen oder lernen, wie Beteiligung "
            "funktioniert. <b>Wo?</b> In Ihrem Stadtbezirk oder für die ganze Stadt. "
            "<b>Wie?</b> Online, vor Ort oder beides.",
            "Danach zeigt er Ihnen passende Angebote, laufende Beteiligungsverfahren und "
            "Formate aus dem Instrumentenkoffer. Alle Angebote finden Sie außerdem im "
            "Verzeichnis von A bis Z.",
            "Sie finden nicht, was Sie suchen? Die Ombudsstelle für Bürger*inneninteressen und "
            "-initiativen hilft Ihnen, die richtige Ansprechperson zu finden.",
        ),
        intro_en=_p(
            "The signpost asks you three questions. <b>What would you like to do?</b> Get "
            "informed, give your opinion, propose an idea, make a complaint or a suggestion, "
            "get involved in your neighbourhood or learn how participation works. "
            "<b>Where?</b> In your district or for the whole city. <b>How?</b> Online, in "
            "person or both.",
            "It then shows you matching offerings, open participation procedures and formats "
            "from the toolkit. You also find every offering in the A–Z index.",
            "Cannot find what you are looking for? The Ombudsstelle für Bürger*inneninteressen "
            "und -initiativen (the city's ombuds office for citizens' interests) helps you find "
            "the right contact.",
        ),
        easy_language_summary_de=(
            "Sie möchten bei der Stadt Dortmund mit-machen?\n"
            "Der Weg-Weiser hilft Ihnen.\n"
            "Sie beantworten 3 Fragen:\n"
            "Was möchten Sie tun?\n"
            "Wo möchten Sie mit-machen? In Ihrem Stadt-Bezirk oder in der ganzen Stadt?\n"
            "Wie möchten Sie mit-machen? Im Internet oder vor Ort?\n"
            "Dann zeigt Ihnen der Weg-Weiser passende Angebote.\n"
            "Es gibt auch eine Liste mit allen Angeboten von A bis Z.\n"
            "Sie brauchen Hilfe? Dann fragen Sie die Ombuds-Stelle.\n"
            "Die Ombuds-Stelle hilft Ihnen gern."
        ),
        easy_language_summary_en=(
            "Would you like to take part in decisions of the City of Dortmund?\n"
            "The signpost helps you.\n"
            "You answer 3 questions:\n"
            "What would you like to do?\n"
            "Where would you like to take part? In your district or in the whole city?\n"
            "How would you like to take part? On the internet or in person?\n"
            "Then the signpost shows you offers that fit.\n"
            "There is also a list of all offers from A to Z.\n"
            "Do you need help? Then ask the ombuds office.\n"
            "The ombuds office is happy to help you."
        ),
    )


# Offerings ------------------------------------------------------------------------------------

OMBUDSSTELLE = {
    "slug": "ombudsstelle",
    "slug_en": "ombuds-office",
    "title_de": "Ombudsstelle für Bürger*inneninteressen und -initiativen",
    "title_en": "Ombuds office for citizens' interests and initiatives (Ombudsstelle)",
    "summary_de": "Ihr Lotse in der Beteiligung: Die Ombudsstelle hilft Ihnen, die richtige "
    "Ansprechperson und das passende Beteiligungsangebot zu finden, und unterstützt "
    "Bürgerinitiativen.",
    "summary_en": "Your guide to taking part: the Ombudsstelle helps you find the right contact "
    "and the right way to take part, and supports citizens' initiatives.",
    "description_de": _p(
        "Die Ombudsstelle ist eine neutrale Informations-, Beratungs- und Kontaktstelle der "
        "Stadt Dortmund für Bürgerinnen, Bürger und Bürgerinitiativen. Sie gehört zum Amt für "
        "Angelegenheiten des Oberbürgermeisters und des Rates.",
        "Sie ist Ihr Lotse: Sie sagt Ihnen, wer in der Verwaltung zuständig ist und wo Sie "
        "mitreden können. Sie plant, begleitet und führt Beteiligungsprozesse von "
        "gesamtstädtischer Bedeutung durch, fördert die Vernetzung von Initiativen und "
        "unterstützt Sie bei Gesprächen mit Politik und Verwaltung.",
        "<b>Wichtig:</b> Die Ombudsstelle ist keine Beschwerde- und keine Schlichtungsstelle. "
        "Beschwerden in Einzelfällen bearbeitet das Büro für Anregungen, Beschwerden und "
        "Chancengleichheit.",
    ),
    "description_en": _p(
        "The Ombudsstelle is a neutral information, advice and contact point of the City of "
        "Dortmund for residents and citizens' initiatives. It is part of the Office of the Lord "
        "Mayor and the Council.",
        "It is your guide: it tells you who in the administration is responsible and where you "
        "can have your say. It plans, supports and runs participation processes that matter to "
        "the whole city, helps initiatives network and supports you in talks with politicians "
        "and the administration.",
        "<b>Please note:</b> the Ombudsstelle is not a complaints or arbitration office. "
        "Individual complaints are handled by the Büro für Anregungen, Beschwerden und "
        "Chancengleichheit (office for suggestions, complaints and equal opportunities).",
    ),
    "intents": ["inform", "idea", "learn", "neighbourhood"],
    "channel": Channel.BOTH,
    "provider_de": "Stadt Dortmund, Amt für Angelegenheiten des Oberbürgermeisters und des Rates",
    "provider_en": "City of Dortmund, Office of the Lord Mayor and the Council",
    "opening_times_de": "Beratung nach Vereinbarung",
    "opening_times_en": "Advice by appointment",
    "phone": CITY_PHONE,
    "email": "ombudsstelle@dortmund.example",
    "website": OMBUDSSTELLE_WEBSITE,
    "sign_language": True,
    "accessibility_notes_de": "Sagen Sie bei der Terminvereinbarung, was Sie brauchen, zum "
    "Beispiel einen stufenlosen Zugang oder eine Dolmetschung in Deutsche Gebärdensprache.",
    "accessibility_notes_en": "Tell us what you need when you make an appointment, for example "
    "step-free access or an interpreter for German Sign Language.",
    **GERMAN,
    **FREE,
}

OFFERINGS = [
    OMBUDSSTELLE,
    {
        "slug": "anregungen-und-beschwerden",
        "slug_en": "suggestions-and-complaints",
        "title_de": "Büro für Anregungen, Beschwerden und Chancengleichheit",
        "title_en": "Office for suggestions, complaints and equal opportunities",
        "summary_de": "Sie möchten sich über etwas beschweren oder haben eine Anregung zu einer "
        "Leistung der Stadt? Das Büro nimmt Ihr Anliegen auf und klärt es mit der zuständigen "
        "Stelle.",
        "summary_en": "Would you like to complain about something or make a suggestion about a "
        "city service? The office takes up your concern and settles it with the department "
        "responsible.",
        "description_de": _p(
            "Das Büro für Anregungen, Beschwerden und Chancengleichheit nimmt Anregungen und "
            "Beschwerden aus der Bürgerschaft auf und bearbeitet sie gemeinsam mit den "
            "zuständigen Fachbereichen der Stadtverwaltung. Hier sind Sie richtig, wenn es um "
            "Ihren eigenen Fall geht, zum Beispiel um eine Entscheidung oder eine Leistung der "
            "Verwaltung. Das Büro berät außerdem Menschen, die sich benachteiligt oder "
            "diskriminiert fühlen.",
            "<b>Ihr Recht auf Eingaben an den Rat:</b> Nach § 24 der Gemeindeordnung "
            "Nordrhein-Westfalen (GO NRW) hat jede Person das Recht, sich allein oder gemeinsam "
            "mit anderen schriftlich mit Anregungen oder Beschwerden in Angelegenheiten der "
            "Stadt an den Rat oder an die Bezirksvertretung zu wenden. Der Rat kann die "
            "Behandlung einem Ausschuss übertragen. Sie erfahren, wie über Ihre Eingabe "
            "entschieden wurde.",
            "Schreiben Sie an: Stadt Dortmund, 44122 Dortmund, und nennen Sie den Empfänger, "
            "zum Beispiel „Rat der Stadt“ oder die Bezirksvertretung Ihres Stadtbezirks.",
        ),
        "description_en": _p(
            "The office for suggestions, complaints and equal opportunities takes up residents' "
            "suggestions and complaints and deals with them together with the responsible "
            "departments of the city administration. This is the right place when it is about "
            "your own case, for example a decision or a service of the administration. The "
            "office also advises people who feel disadvantaged or discriminated against.",
            "<b>Your right to petition the council:</b> under section 24 of the North "
            "Rhine-Westphalia Municipal Code (Gemeindeordnung, GO NRW), everyone has the right, "
            "alone or together with others, to address suggestions or complaints about the "
            "city's affairs in writing to the council or to a district council. The council may "
            "delegate them to a committee. You are told how your petition was decided.",
            "Write to: Stadt Dortmund, 44122 Dortmund, and name the addressee, for example "
            "“Rat der Stadt” (the city council) or the council of your district.",
        ),
        "intents": ["complaint"],
        "channel": Channel.BOTH,
        "provider_de": "Stadt Dortmund",
        "provider_en": "City of Dortmund",
        "address": "Stadt Dortmund\n44122 Dortmund",
        "opening_times_de": "Schriftlich jederzeit; persönliche Gespräche nach Vereinbarung",
        "opening_times_en": "In writing at any time; meetings by appointment",
        "phone": CITY_PHONE,
        "email": "anregungen-beschwerden@dortmund.example",
        "website": CITY_WEBSITE,
        "sign_language": True,
        "accessibility_notes_de": "Sie können Ihr Anliegen schriftlich, per E-Mail oder im "
        "Gespräch vorbringen. Eine Dolmetschung in Deutsche Gebärdensprache können Sie bei der "
        "Terminvereinbarung anfragen.",
        "accessibility_notes_en": "You can raise your concern in writing, by e-mail or in a "
        "meeting. You can ask for an interpreter for German Sign Language when you make an "
        "appointment.",
        **GERMAN,
        **FREE,
    },
    {
        "slug": "beteiligungsportal",
        "slug_en": "participation-portal",
        "title_de": "MitWIRken in Dortmund: das Beteiligungsportal",
        "title_en": "MitWIRken in Dortmund: the participation portal",
        "summary_de": "Online mitreden, wann und wo Sie möchten: Verfahren verfolgen, Vorschläge "
        "machen, kommentieren, unterstützen und an Umfragen teilnehmen.",
        "summary_en": "Have your say online, whenever and wherever you like: follow procedures, "
        "make proposals, comment, support and take part in polls.",
        "description_de": _p(
            "Auf diesem Portal finden Sie die Beteiligungsverfahren der Stadt Dortmund und ihrer "
            "zwölf Stadtbezirke. Sie können Vorschläge machen, Beiträge kommentieren und "
            "unterstützen, an Umfragen teilnehmen und förmliche Stellungnahmen abgeben, unter "
            "einem selbst gewählten Namen.",
            "Die Vorhabenliste zeigt geplante Projekte der Stadt, bevor die Politik darüber "
            "berät. Der Instrumentenkoffer stellt digitale, hybride und analoge "
            "Beteiligungsformate vor.",
            "Sie möchten lieber auf Papier, am Telefon oder bei einer Veranstaltung mitmachen? "
            "Die Verwaltung nimmt auch diese Beiträge in das Verfahren auf.",
        ),
        "description_en": _p(
            "This portal lists the participation procedures of the City of Dortmund and its "
            "twelve districts. You can make proposals, comment on and support contributions, "
            "take part in polls and submit formal statements, under a name of your choice.",
            "The list of planned projects shows the city's projects before the council "
            "deliberates on them. The toolkit presents digital, hybrid and face-to-face "
            "participation formats.",
            "Would you rather take part on paper, by phone or at an event? The administration "
            "adds those contributions to the procedure as well.",
        ),
        "intents": ["inform", "opinion", "idea"],
        "channel": Channel.ONLINE,
        "provider_de": "Stadt Dortmund",
        "provider_en": "City of Dortmund",
        "opening_times_de": "Rund um die Uhr",
        "opening_times_en": "Around the clock",
        "email": "beteiligung@dortmund.example",
        "languages_de": "Deutsch, Englisch, Leichte Sprache, Deutsche Gebärdensprache",
        "languages_en": "German, English, easy-read German, German Sign Language",
        "accessibility_notes_de": "Das Portal soll die Anforderungen der BITV NRW erfüllen "
        "(WCAG 2.1, Stufe AA). Was noch nicht barrierefrei ist, steht in der Erklärung zur "
        "Barrierefreiheit.",
        "accessibility_notes_en": "The portal aims to meet the requirements of the BITV NRW "
        "(WCAG 2.1, level AA). What is not yet accessible is listed in the accessibility "
        "statement.",
        **FREE,
    },
    {
        "slug": "mitmachpool",
        "slug_en": "participation-pool",
        "title_de": "Mitmachpool",
        "title_en": "Participation pool (Mitmachpool)",
        "summary_de": "Sagen Sie uns, dass Sie gern mitmachen: Die Stadt lädt Sie dann zu "
        "passenden Workshops, Befragungen und Foren ein.",
        "summary_en": "Let us know that you would like to take part: the city then invites you "
        "to workshops, surveys and forums that suit you.",
        "description_de": _p(
            "Der Mitmachpool ist ein Teil des Dortmunder Konzepts „Mitwirkung 2.0“. Hier "
            "hinterlegen Bürgerinnen und Bürger, dass sie bereit sind, bei Beteiligungen "
            "mitzumachen.",
            "Sie geben an, zu welchen Themen und in welchem Stadtbezirk Sie mitmachen möchten "
            "und wie die Stadt Sie erreichen darf. So können auch Menschen eingeladen werden, "
            "die von einem Verfahren sonst nichts erfahren hätten. Ihre Angaben können Sie "
            "jederzeit ändern oder löschen.",
        ),
        "description_en": _p(
            "The participation pool is part of Dortmund's concept “Mitwirkung 2.0”. Residents "
            "record here that they are willing to take part in participation procedures.",
            "You say which topics and which district you would like to get involved in and how "
            "the city may contact you. This way people can be invited who would otherwise not "
            "have heard of a procedure. You can change or delete your details at any time.",
        ),
        "intents": ["neighbourhood", "opinion"],
        "channel": Channel.ONLINE,
        "provider_de": "Stadt Dortmund",
        "provider_en": "City of Dortmund",
        "email": "mitmachpool@dortmund.example",
        **GERMAN,
        **FREE,
    },
    {
        "slug": "schulungen-fuer-aktive",
        "slug_en": "training-for-active-citizens",
        "title_de": "Schulungen für Aktive in den Quartieren",
        "title_en": "Training for active citizens in the neighbourhoods",
        "summary_de": "Lernen Sie, wie Beteiligung funktioniert und wie Sie digitale Formate "
        "selbst einsetzen: Schulungen für Initiativen, Vereine und Engagierte.",
        "summary_en": "Learn how participation works and how to use digital formats yourself: "
        "training for initiatives, associations and active citizens.",
        "description_de": _p(
            "Der Rat der Stadt hat die Verwaltung beauftragt, Schulungskonzepte für die "
            "Verwaltung und für Aktive in den Quartieren zu entwickeln.",
            "Die Schulungen zeigen zum Beispiel, wie Sie eine Beteiligung planen, ein "
            "Online-Treffen moderieren oder ein Format aus dem Instrumentenkoffer einsetzen. "
            "Termine und Anmeldung veröffentlicht die Stadt auf diesem Portal.",
        ),
        "description_en": _p(
            "The city council has asked the administration to develop training for its own "
            "staff and for active citizens in the neighbourhoods.",
            "The courses show, for example, how to plan a participation process, host an online "
            "meeting or use a format from the toolkit. The city publishes dates and enrolment "
            "on this portal.",
        ),
        "intents": ["learn"],
        "channel": Channel.BOTH,
        "provider_de": "Stadt Dortmund, Ombudsstelle für Bürger*inneninteressen und -initiativen",
        "provider_en": "City of Dortmund, Ombudsstelle (ombuds office for citizens' interests)",
        "opening_times_de": "Termine werden auf diesem Portal veröffentlicht",
        "opening_times_en": "Dates are published on this portal",
        "email": "ombudsstelle@dortmund.example",
        **GERMAN,
        **FREE,
    },
    {
        "slug": "ratssitzungen",
        "slug_en": "city-council-meetings",
        "title_de": "Öffentliche Sitzungen des Rates",
        "title_en": "Public meetings of the city council",
        "summary_de": "Der Rat der Stadt Dortmund trifft die wichtigen Entscheidungen für die "
        "ganze Stadt. Seine Sitzungen sind grundsätzlich öffentlich: Hören Sie zu, wie "
        "entschieden wird.",
        "summary_en": "Dortmund City Council takes the major decisions for the whole city. Its "
        "meetings are generally public: come and listen to how decisions are made.",
        "description_de": _p(
            "Der Rat ist die gewählte Vertretung der Bürgerinnen und Bürger der ganzen Stadt. "
            "Den Vorsitz hat die Oberbürgermeisterin oder der Oberbürgermeister.",
            "Vor vielen Entscheidungen beraten die Bezirksvertretungen und Ausschüsse. Die "
            "Beratungsfolge einer Vorlage (Drucksache) zeigt, wann welches Gremium darüber "
            "berät. Tagesordnungen, Vorlagen und Niederschriften veröffentlicht die Stadt im "
            "Ratsinformationssystem.",
        ),
        "description_en": _p(
            "The council is the elected body representing the residents of the whole city. It "
            "is chaired by the Lord Mayor.",
            "District councils and committees deliberate before many decisions. The "
            "deliberation sequence of a council paper (Drucksache) shows when each body "
            "discusses it. The city publishes agendas, papers and minutes in its council "
            "information system.",
        ),
        "intents": ["inform"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Rat der Stadt Dortmund",
        "provider_en": "Dortmund City Council (Rat der Stadt)",
        "address": RATHAUS,
        "opening_times_de": "Zu den Sitzungsterminen; die Termine stehen im Ratsinformationssystem",
        "opening_times_en": "On meeting days; the dates are in the council information system",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        "accessibility_notes_de": "Sie brauchen Unterstützung beim Besuch einer Sitzung? "
        "Melden Sie sich bitte vorher.",
        "accessibility_notes_en": "Do you need support to attend a meeting? Please get in "
        "touch beforehand.",
        **GERMAN,
        **FREE,
    },
    {
        "slug": "bebauungsplaene",
        "slug_en": "land-use-plans",
        "title_de": "Bebauungspläne: Öffentlichkeitsbeteiligung",
        "title_en": "Land-use plans: public participation",
        "summary_de": "Bevor ein Bebauungsplan beschlossen wird, können Sie ihn einsehen und "
        "Stellung nehmen: früh bei der Vorstellung der Planung und später zum Entwurf.",
        "summary_en": "Before a land-use plan is adopted, you can inspect it and comment: early, "
        "when the plans are presented, and later on the draft.",
        "description_de": _p(
            "Das Baugesetzbuch schreibt bei Bebauungsplänen zwei Stufen der "
            "Öffentlichkeitsbeteiligung vor: die frühzeitige Beteiligung nach § 3 Absatz 1, in "
            "der die Stadt die Ziele und Zwecke der Planung vorstellt, und die Beteiligung am "
            "Entwurf nach § 3 Absatz 2. Der Entwurf wird im Internet veröffentlicht und ist "
            "zusätzlich vor Ort einsehbar; innerhalb der Frist können Sie eine Stellungnahme "
            "abgeben.",
            "Der Rat wägt die Stellungnahmen ab, bevor er den Plan beschließt. Laufende "
            "Verfahren finden Sie unter „Beteiligung“ auf diesem Portal.",
        ),
        "description_en": _p(
            "The Federal Building Code (Baugesetzbuch) requires two stages of public "
            "participation for land-use plans: early participation under section 3 (1), where "
            "the city presents the aims of the plan, and participation on the draft under "
            "section 3 (2). The draft is published on the internet and can also be inspected "
            "in person; within the deadline you can submit a statement.",
            "The council weighs the statements before adopting the plan. Current procedures are "
            "listed under “Participation” on this portal.",
        ),
        "intents": ["inform", "opinion"],
        "channel": Channel.BOTH,
        "provider_de": "Stadt Dortmund, Stadtplanungs- und Bauordnungsamt",
        "provider_en": "City of Dortmund, urban planning and building control office",
        "opening_times_de": "Während der im Verfahren bekannt gemachten Fristen",
        "opening_times_en": "During the periods announced for each procedure",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        **GERMAN,
        **FREE,
    },
    {
        "slug": "einwohnerantrag-und-buergerbegehren",
        "slug_en": "residents-motion-and-citizens-initiative",
        "title_de": "Einwohnerantrag und Bürgerbegehren",
        "title_en": "Residents' motion and citizens' initiative",
        "summary_de": "Mit Unterschriften können Sie erreichen, dass der Rat über ein Thema berät "
        "(Einwohnerantrag) oder dass die Bürgerinnen und Bürger selbst entscheiden "
        "(Bürgerbegehren und Bürgerentscheid).",
        "summary_en": "With signatures you can make the council deliberate on an issue "
        "(residents' motion) or let the citizens decide themselves (citizens' initiative and "
        "referendum).",
        "description_de": _p(
            "<b>Einwohnerantrag (§ 25 GO NRW):</b> Einwohnerinnen und Einwohner können "
            "beantragen, dass der Rat über eine bestimmte Angelegenheit berät und entscheidet, "
            "für die er zuständig ist. Der Antrag braucht eine Mindestzahl von Unterschriften, "
            "die die Gemeindeordnung festlegt.",
            "<b>Bürgerbegehren und Bürgerentscheid (§ 26 GO NRW):</b> Bürgerinnen und Bürger "
            "können beantragen, selbst an Stelle des Rates über eine Angelegenheit der Stadt zu "
            "entscheiden. Ist das Bürgerbegehren zulässig und folgt der Rat ihm nicht, kommt es "
            "zum Bürgerentscheid.",
            "Für beide gelten Regeln und Fristen, manche Themen sind ausgeschlossen. Lassen Sie "
            "sich deshalb früh beraten. Die Ombudsstelle hilft Ihnen, die richtige "
            "Ansprechperson zu finden.",
        ),
        "description_en": _p(
            "<b>Residents' motion (section 25 GO NRW):</b> residents can ask the council to "
            "deliberate and decide on a specific matter within its remit. The motion needs a "
            "minimum number of signatures set by the Municipal Code.",
            "<b>Citizens' initiative and referendum (section 26 GO NRW):</b> citizens can ask to "
            "decide a matter of the city themselves instead of the council. If the initiative "
            "is admissible and the council does not adopt it, a referendum is held.",
            "Rules and deadlines apply to both, and some matters are excluded, so seek advice "
            "early. The Ombudsstelle helps you find the right contact.",
        ),
        "intents": ["idea", "opinion"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Stadt Dortmund",
        "provider_en": "City of Dortmund",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        **GERMAN,
        **FREE,
    },
    {
        "slug": "integrationsrat",
        "slug_en": "integration-council",
        "title_de": "Integrationsrat der Stadt Dortmund",
        "title_en": "Integration council of the City of Dortmund (Integrationsrat)",
        "summary_de": "Der Integrationsrat vertritt die Interessen der Menschen mit "
        "Einwanderungsgeschichte in Dortmund. Seine Sitzungen sind öffentlich.",
        "summary_en": "The integration council represents the interests of people with a "
        "migration background in Dortmund. Its meetings are public.",
        "description_de": _p(
            "Dortmund hat nach § 27 der Gemeindeordnung NRW einen Integrationsrat. Ein Teil "
            "seiner Mitglieder wird direkt gewählt, die übrigen bestimmt der Rat aus seiner "
            "Mitte.",
            "Der Integrationsrat kann sich mit allen Angelegenheiten der Stadt befassen und "
            "dazu Stellung nehmen. Seine Sitzungen sind öffentlich; Sie können als Gast "
            "zuhören.",
        ),
        "description_en": _p(
            "Dortmund has an integration council under section 27 of the North "
            "Rhine-Westphalia Municipal Code. Some of its members are directly elected, the "
            "others are appointed by the city council from among its members.",
            "The integration council may deal with any matter of the city and comment on it. "
            "Its meetings are public; you are welcome to listen.",
        ),
        "intents": ["inform", "opinion"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Integrationsrat der Stadt Dortmund",
        "provider_en": "Integration council of the City of Dortmund",
        "opening_times_de": "Zu den Sitzungsterminen; die Termine stehen im Ratsinformationssystem",
        "opening_times_en": "On meeting days; the dates are in the council information system",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        **GERMAN,
        **FREE,
    },
    {
        "slug": "seniorenbeirat",
        "slug_en": "senior-citizens-council",
        "title_de": "Seniorenbeirat der Stadt Dortmund",
        "title_en": "Senior citizens' council of the City of Dortmund (Seniorenbeirat)",
        "summary_de": "Der Seniorenbeirat vertritt die Interessen älterer Menschen gegenüber "
        "Politik und Verwaltung. In seinen öffentlichen Sitzungen gibt es eine "
        "Einwohnerfragestunde.",
        "summary_en": "The senior citizens' council represents the interests of older people to "
        "politicians and the administration. Its public meetings include a question time for "
        "residents.",
        "description_de": _p(
            "Der Seniorenbeirat berät Rat und Verwaltung in Fragen, die ältere Menschen "
            "betreffen. Mitglieder des Seniorenbeirats nehmen auch an den Sitzungen der "
            "Bezirksvertretungen teil.",
            "Seine Sitzungen sind öffentlich. In der Einwohnerfragestunde können Sie Fragen "
            "stellen.",
        ),
        "description_en": _p(
            "The senior citizens' council advises the city council and the administration on "
            "matters affecting older people. Its members also attend the sessions of the "
            "district councils.",
            "Its meetings are public. You can ask questions during the residents' question time.",
        ),
        "intents": ["inform", "opinion"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Seniorenbeirat der Stadt Dortmund",
        "provider_en": "Senior citizens' council of the City of Dortmund",
        "opening_times_de": "Zu den Sitzungsterminen; die Termine stehen im Ratsinformationssystem",
        "opening_times_en": "On meeting days; the dates are in the council information system",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        **GERMAN,
        **FREE,
    },
    {
        "slug": "freiwilligenagentur",
        "slug_en": "volunteer-centre",
        "title_de": "FreiwilligenAgentur Dortmund",
        "title_en": "FreiwilligenAgentur Dortmund (volunteer centre)",
        "summary_de": "Sie möchten sich ehrenamtlich engagieren? Die FreiwilligenAgentur berät "
        "Sie persönlich und vermittelt Sie an Vereine, Initiativen und Einrichtungen in ganz "
        "Dortmund.",
        "summary_en": "Would you like to volunteer? The volunteer centre advises you in person "
        "and puts you in touch with associations, initiatives and institutions all over "
        "Dortmund.",
        "description_de": _p(
            "Die FreiwilligenAgentur Dortmund ist Kontakt- und Informationsbörse für Menschen, "
            "die sich engagieren möchten, und für Organisationen, die Freiwillige suchen. Sie "
            "wird von einem gemeinnützigen Verein getragen und von der Stadt Dortmund "
            "gefördert.",
            "Im persönlichen Gespräch finden Sie heraus, welche Aufgabe zu Ihnen passt. Einen "
            "Überblick über Tätigkeiten gibt außerdem ein Online-Katalog.",
        ),
        "description_en": _p(
            "The FreiwilligenAgentur Dortmund brings together people who want to volunteer and "
            "organisations looking for volunteers. It is run by a non-profit association and "
            "supported by the City of Dortmund.",
            "A personal conversation helps you find out which task suits you. An online "
            "catalogue also gives an overview of volunteering opportunities.",
        ),
        "intents": ["neighbourhood"],
        "channel": Channel.BOTH,
        "provider_de": "FreiwilligenAgentur Dortmund",
        "provider_en": "FreiwilligenAgentur Dortmund",
        "opening_times_de": "Beratung nach Vereinbarung",
        "opening_times_en": "Advice by appointment",
        "website": FREIWILLIGENAGENTUR_WEBSITE,
        **GERMAN,
        **FREE,
    },
    {
        "slug": "quartiersbueros",
        "slug_en": "neighbourhood-offices",
        "title_de": "Quartiersbüros in Ihrem Stadtteil",
        "title_en": "Neighbourhood offices in your area",
        "summary_de": "In mehreren Dortmunder Stadtteilen gibt es ein Quartiersbüro oder "
        "Quartiersmanagement: Dort bringen Sie Ideen für Ihre Nachbarschaft ein und finden "
        "Mitstreiterinnen und Mitstreiter.",
        "summary_en": "Several Dortmund neighbourhoods have a neighbourhood office or "
        "neighbourhood management: bring in ideas for your area and find people to join you.",
        "description_de": _p(
            "Wo die Stadt einen Stadtteil besonders fördert, zum Beispiel mit Programmen der "
            "Stadterneuerung, gibt es oft ein Quartiersbüro. Das Team vor Ort beantwortet "
            "Fragen, vermittelt Kontakte, nimmt Anregungen auf und lädt bei Planungen im "
            "Quartier zu Beteiligungsaktionen ein. Manche Quartiere haben einen Fonds für "
            "kleine Projekte aus der Nachbarschaft.",
            "Ob es in Ihrem Stadtteil ein Quartiersbüro gibt, erfahren Sie bei Ihrer "
            "Bezirksverwaltungsstelle oder bei der Ombudsstelle.",
        ),
        "description_en": _p(
            "Where the city gives a neighbourhood special support, for example through urban "
            "renewal programmes, there is often a neighbourhood office. The local team answers "
            "questions, puts people in touch, takes up suggestions and invites residents to "
            "take part when plans for the area are made. Some neighbourhoods have a fund for "
            "small projects by residents.",
            "Your district office or the Ombudsstelle can tell you whether there is a "
            "neighbourhood office in your area.",
        ),
        "intents": ["neighbourhood", "idea"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Stadt Dortmund und Partner vor Ort",
        "provider_en": "City of Dortmund and local partners",
        "opening_times_de": "Sprechzeiten je nach Quartiersbüro",
        "opening_times_en": "Office hours differ from office to office",
        "phone": CITY_PHONE,
        **GERMAN,
        **FREE,
    },
    {
        "slug": "quartiersmanagement-nordstadt",
        "slug_en": "nordstadt-neighbourhood-management",
        "title_de": "Quartiersmanagement Nordstadt",
        "title_en": "Nordstadt neighbourhood management (Quartiersmanagement Nordstadt)",
        "summary_de": "Anlaufstelle für Ihre Ideen und Fragen in den Nordstadt-Quartieren "
        "Hafen, Nordmarkt und Borsigplatz.",
        "summary_en": "The place to go with your ideas and questions in the Nordstadt quarters "
        "Hafen, Nordmarkt and Borsigplatz.",
        "description_de": _p(
            "Das Quartiersmanagement Nordstadt arbeitet im Auftrag der Stadt Dortmund in den "
            "drei Quartieren Hafen, Nordmarkt und Borsigplatz. Es ist Anlaufstelle für "
            "Bewohnerinnen und Bewohner, vermittelt Kontakte, greift Anregungen für den "
            "Stadtteil auf und unterstützt Nachbarschaften, Initiativen und Projekte.",
            "Bei Planungen in der Nordstadt lädt es zu Gesprächen und Beteiligungsaktionen ein.",
        ),
        "description_en": _p(
            "The Nordstadt neighbourhood management works on behalf of the City of Dortmund in "
            "the three quarters Hafen, Nordmarkt and Borsigplatz. It is a point of contact for "
            "residents, puts people in touch, takes up suggestions for the area and supports "
            "neighbourhoods, initiatives and projects.",
            "When plans are made for the Nordstadt, it invites residents to talks and "
            "participation events.",
        ),
        "districts": ["innenstadt-nord"],
        "intents": ["neighbourhood", "idea", "inform"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Quartiersmanagement Nordstadt im Auftrag der Stadt Dortmund",
        "provider_en": "Quartiersmanagement Nordstadt on behalf of the City of Dortmund",
        "opening_times_de": "Sprechzeiten in den Quartiersbüros; bitte vorher erfragen",
        "opening_times_en": "Office hours in the neighbourhood offices; please ask beforehand",
        "email": "quartiersmanagement-nordstadt@dortmund.example",
        **GERMAN,
        **FREE,
    },
    {
        "slug": "dietrich-keuning-haus",
        "slug_en": "dietrich-keuning-haus",
        "title_de": "Dietrich-Keuning-Haus",
        "title_en": "Dietrich-Keuning-Haus",
        "summary_de": "Das Stadtteil-, Jugend- und Kulturzentrum der Nordstadt: ein Ort für "
        "Begegnung, Kultur und Veranstaltungen, auch zu Themen des Stadtteils.",
        "summary_en": "The Nordstadt's community, youth and cultural centre: a place for "
        "meeting people, culture and events, including on local issues.",
        "description_de": _p(
            "Das Dietrich-Keuning-Haus gehört zu den Kulturbetrieben der Stadt Dortmund. Es ist "
            "Kulturzentrum, Treffpunkt für Kinder und Jugendliche und Begegnungsort für "
            "Menschen aller Generationen und Herkunft.",
            "Hier finden Konzerte, Festivals, Gesprächsreihen und Tagungen statt; auch die "
            "Bezirksvertretung Innenstadt-Nord hat hier schon getagt.",
        ),
        "description_en": _p(
            "The Dietrich-Keuning-Haus is run by the City of Dortmund's cultural services "
            "(Kulturbetriebe). It is a cultural centre, a meeting place for children and young "
            "people and a place where people of all generations and backgrounds meet.",
            "It hosts concerts, festivals, talks and conferences; the Innenstadt-Nord district "
            "council has also met here.",
        ),
        "districts": ["innenstadt-nord"],
        "intents": ["neighbourhood", "inform"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Stadt Dortmund, Kulturbetriebe",
        "provider_en": "City of Dortmund, cultural services (Kulturbetriebe)",
        "address": "Leopoldstraße 50–58\nDortmund (Nordstadt)",
        "opening_times_de": "Je nach Veranstaltung; siehe Programm",
        "opening_times_en": "Depends on the event; see the programme",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        "languages_de": "Deutsch und weitere Sprachen, je nach Veranstaltung",
        "languages_en": "German and other languages, depending on the event",
        "accessibility_notes_de": "Fragen Sie vor Ihrem Besuch, welche Räume stufenlos "
        "erreichbar sind.",
        "accessibility_notes_en": "Please ask before your visit which rooms have step-free access.",
        "costs_de": "Eintritt je nach Veranstaltung",
        "costs_en": "Admission depends on the event",
    },
    {
        "slug": "seniorenbueros",
        "slug_en": "senior-citizens-offices",
        "title_de": "Seniorenbüros in den Stadtbezirken",
        "title_en": "Senior citizens' offices in the districts (Seniorenbüros)",
        "summary_de": "In jedem Stadtbezirk beraten Seniorenbüros ältere Menschen und ihre "
        "Angehörigen kostenlos und vermitteln Kontakte zu Treffpunkten und Netzwerken vor Ort.",
        "summary_en": "In every district, senior citizens' offices advise older people and their "
        "families free of charge and put them in touch with local meeting places and networks.",
        "description_de": _p(
            "Die Dortmunder Seniorenbüros gibt es in allen zwölf Stadtbezirken. Die Stadt "
            "betreibt sie gemeinsam mit Trägern der freien Wohlfahrtspflege.",
            "Sie beraten kostenlos und trägerübergreifend zu allen Fragen des Älterwerdens und "
            "arbeiten mit Netzwerken im Stadtbezirk zusammen, in denen sich auch ältere "
            "Menschen selbst engagieren. Sie erreichen die Seniorenbüros telefonisch, per "
            "E-Mail, in den offenen Sprechzeiten und auf Wunsch bei einem Hausbesuch.",
        ),
        "description_en": _p(
            "Dortmund has a senior citizens' office in each of its twelve districts. The city "
            "runs them together with welfare organisations.",
            "They give free, independent advice on every question of growing older and work "
            "with networks in the district in which older people get involved themselves. You "
            "can reach them by phone, by e-mail, during open office hours and, on request, "
            "through a home visit.",
        ),
        "districts": EVERY_DISTRICT,
        "intents": ["inform", "neighbourhood"],
        "channel": Channel.BOTH,
        "provider_de": "Stadt Dortmund, Sozialamt, mit Trägern der freien Wohlfahrtspflege",
        "provider_en": "City of Dortmund, social services, with welfare organisations",
        "opening_times_de": "Offene Sprechzeiten und Termine nach Vereinbarung; die Zeiten "
        "erfahren Sie beim Seniorenbüro in Ihrem Stadtbezirk",
        "opening_times_en": "Open office hours and appointments; ask the office in your district "
        "for the times",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        "accessibility_notes_de": "Auf Wunsch kommt das Seniorenbüro zu Ihnen nach Hause.",
        "accessibility_notes_en": "On request, the office comes to see you at home.",
        **GERMAN,
        **FREE,
    },
    {
        "slug": "sprechstunden-im-stadtbezirk",
        "slug_en": "consultation-hours-in-your-district",
        "title_de": "Sprechstunden in Ihrem Stadtbezirk",
        "title_en": "Consultation hours in your district",
        "summary_de": "Sie möchten ein Anliegen aus Ihrem Stadtbezirk persönlich besprechen? "
        "Vereinbaren Sie einen Termin mit der Bezirksbürgermeisterin oder dem "
        "Bezirksbürgermeister.",
        "summary_en": "Would you like to discuss a local matter in person? Make an appointment "
        "with the mayor of your district (Bezirksbürgermeister*in).",
        "description_de": _p(
            "Die Bezirksbürgermeisterin oder der Bezirksbürgermeister leitet die "
            "Bezirksvertretung und ist Ansprechperson für die Menschen im Stadtbezirk. Einen "
            "Gesprächstermin vereinbaren Sie über die Bezirksverwaltungsstelle, in den drei "
            "Innenstadtbezirken über die Geschäftsführung der Bezirksvertretung.",
            "Geht es um Ihren eigenen Fall, etwa um eine Beschwerde über eine Entscheidung der "
            "Verwaltung, ist das Büro für Anregungen, Beschwerden und Chancengleichheit die "
            "richtige Stelle.",
        ),
        "description_en": _p(
            "The district mayor chairs the district council and is a point of contact for the "
            "people of the district. Make an appointment through the district office "
            "(Bezirksverwaltungsstelle); in the three inner-city districts, through the "
            "district council's administrative office.",
            "If it is about your own case, such as a complaint about a decision of the "
            "administration, the office for suggestions, complaints and equal opportunities is "
            "the right place.",
        ),
        "districts": EVERY_DISTRICT,
        "intents": ["inform", "opinion", "neighbourhood"],
        "channel": Channel.IN_PERSON,
        "provider_de": "Bezirksvertretungen der Stadt Dortmund",
        "provider_en": "District councils of the City of Dortmund",
        "opening_times_de": "nach Vereinbarung",
        "opening_times_en": "by appointment",
        "phone": CITY_PHONE,
        "website": CITY_WEBSITE,
        **GERMAN,
        **FREE,
    },
]


def _question_time(district: District) -> dict:
    """The offering of one Bezirksvertretung's public sessions with residents' question time."""
    name_de, name_en = district.name_de, district.name_en or district.name_de
    contact_de = (
        "die Geschäftsführung der Bezirksvertretung"
        if district.slug in INNER_CITY
        else f"die Bezirksverwaltungsstelle {name_de}"
    )
    contact_en = (
        "the district council's administrative office"
        if district.slug in INNER_CITY
        else f"the district office (Bezirksverwaltungsstelle {name_de})"
    )
    return {
        "slug": f"einwohnerfragestunde-{district.slug}",
        "slug_en": f"question-time-{district.slug}",
        "title_de": f"Einwohnerfragestunde der Bezirksvertretung {name_de}",
        "title_en": f"Residents' question time of the {name_en} district council",
        "summary_de": f"In den öffentlichen Sitzungen der Bezirksvertretung {name_de} können Sie "
        "zu Beginn Fragen zu Ihrem Stadtbezirk stellen.",
        "summary_en": f"At the start of the public sessions of the {name_en} district council "
        "you can ask questions about your district.",
        "description_de": _p(
            f"Die Bezirksvertretung {name_de} ist das gewählte Gremium Ihres Stadtbezirks. Sie "
            "tagt öffentlich; alle dürfen zuhören.",
            "In der Einwohnerfragestunde zu Beginn des öffentlichen Teils stellen Einwohnerinnen "
            "und Einwohner Fragen zu Angelegenheiten des Stadtbezirks. Die Antwort kommt in der "
            "Sitzung oder später.",
            f"Die nächsten Termine finden Sie auf der Seite des Stadtbezirks {name_de}. Wie die "
            f"Fragestunde abläuft und ob Sie Ihre Frage vorher einreichen sollten, erfahren Sie "
            f"über {contact_de}.",
        ),
        "description_en": _p(
            f"The {name_en} district council (Bezirksvertretung) is the elected body of your "
            "district. Its sessions are public; everyone may listen.",
            "During the question time at the start of the public part, residents ask questions "
            "about matters of the district. The answer is given in the session or later.",
            f"The next dates are on the page of the {name_en} district. Ask {contact_en} how the "
            "question time works and whether you should hand in your question beforehand.",
        ),
        "districts": [district.slug],
        "intents": ["inform", "opinion"],
        "channel": Channel.IN_PERSON,
        "provider_de": f"Bezirksvertretung {name_de}",
        "provider_en": f"{name_en} district council (Bezirksvertretung)",
        "opening_times_de": "Während der öffentlichen Sitzungen; die Termine stehen auf der "
        "Seite des Stadtbezirks",
        "opening_times_en": "During the public sessions; the dates are on the district's page",
        "phone": CITY_PHONE,
        "email": f"bezirksvertretung-{district.slug}@dortmund.example",
        "website": CITY_WEBSITE,
        "accessibility_notes_de": f"Fragen Sie vorher über {contact_de}, ob der Sitzungsraum "
        "stufenlos erreichbar ist, und sagen Sie, welche Unterstützung Sie brauchen.",
        "accessibility_notes_en": f"Ask {contact_en} beforehand whether the meeting room has "
        "step-free access, and say what support you need.",
        **GERMAN,
        **FREE,
    }


def _offering(parent: WegweiserPage, spec: dict) -> OfferingPage:
    spec = dict(spec)
    slug_de, slug_en = spec.pop("slug"), spec.pop("slug_en")
    title_de, title_en = spec.pop("title_de"), spec.pop("title_en")
    intents = list(Intent.objects.filter(slug__in=spec.pop("intents")))
    slugs = spec.pop("districts", [])
    districts = list(
        District.objects.all()
        if slugs == EVERY_DISTRICT
        else District.objects.filter(slug__in=slugs)
    )
    return ensure_page(
        parent,
        OfferingPage,
        slug_de,
        slug_en=slug_en,
        title_de=title_de,
        title_en=title_en,
        provider=spec["provider_de"],
        intents=intents,
        districts=districts,
        **spec,
    )


def offerings(stdout) -> None:
    """Wegweiser: offerings in every Stadtbezirk and for the whole city, the Ombudsstelle as guide"""
    parent = _wegweiser()
    # The intents come from a migration; a flushed test database has lost them.
    for slug in Intent.Choices.values:
        Intent.objects.get_or_create(slug=slug)
    specs = OFFERINGS + [_question_time(district) for district in District.objects.all()]
    for spec in specs:
        _offering(parent, spec)
    guide = OfferingPage.objects.child_of(parent).get(slug_de=OMBUDSSTELLE["slug"])
    if parent.guide_id != guide.pk:
        parent.guide = guide
        parent.save_revision().publish()


# District hubs --------------------------------------------------------------------------------


def _session_start(weeks: int) -> datetime.datetime:
    """A session ``weeks`` from today at SESSION_TIME local time, moved off Fridays and
    weekends. Derived from today's date only, so a rerun on the same day gives the same time."""
    day = timezone.localdate() + datetime.timedelta(weeks=weeks)
    while day.weekday() >= 4:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, SESSION_TIME))


def _sessions(district: District) -> list[CouncilSession]:
    place = (
        "Rathaus, Friedensplatz 1, 44135 Dortmund"
        if district.slug in INNER_CITY
        else f"Sitzungssaal der Bezirksverwaltungsstelle {district.name_de}"
    )
    return [
        CouncilSession(
            start=_session_start(weeks),
            place=place,
            question_time=True,
            notes_de="Die Einwohnerfragestunde ist zu Beginn des öffentlichen Teils. Sitzungsort "
            "und Tagesordnung stehen in der Einladung im Ratsinformationssystem.",
            notes_en="The residents' question time is at the start of the public part. The "
            "invitation in the council information system confirms the place and the agenda.",
        )
        for weeks in SESSION_WEEKS
    ]


def _council_office(district: District) -> dict:
    name = district.name_de
    if district.slug in INNER_CITY:
        return {
            "council_office_de": f"Geschäftsführung der Bezirksvertretung {name} bei der Stadt "
            f"Dortmund\nErreichbar über die Zentrale der Stadt Dortmund: {CITY_PHONE}",
            "council_office_en": f"Administrative office of the {name} district council at the "
            f"City of Dortmund\nReachable through the city's switchboard: {CITY_PHONE}",
        }
    return {
        "council_office_de": f"Bezirksverwaltungsstelle {name}\nÖffnungszeiten und "
        f"Ansprechpersonen erfahren Sie über die Zentrale der Stadt Dortmund: {CITY_PHONE}",
        "council_office_en": f"District office (Bezirksverwaltungsstelle {name})\nAsk the city's "
        f"switchboard for opening times and contacts: {CITY_PHONE}",
    }


def _council_intro(name_de: str, name_en: str) -> dict:
    return {
        "council_intro_de": _p(
            f"Die Bezirksvertretung {name_de} ist das gewählte Gremium des Stadtbezirks. Ihre "
            "Mitglieder werden bei der Kommunalwahl zusammen mit dem Rat gewählt. Den Vorsitz "
            "hat die Bezirksbürgermeisterin oder der Bezirksbürgermeister.",
            "Grundlage sind die §§ 35 bis 38 der Gemeindeordnung Nordrhein-Westfalen (GO NRW). "
            "Im Rahmen der Richtlinien und Haushaltsmittel des Rates entscheidet die "
            "Bezirksvertretung über Angelegenheiten, die vor allem den Stadtbezirk betreffen, "
            "zum Beispiel über die Ausstattung von Schulen und öffentlichen Einrichtungen im "
            "Bezirk, über Grünanlagen, Wege und Plätze von bezirklicher Bedeutung und über die "
            "Unterstützung von Vereinen und Kultur vor Ort. Zu allen wichtigen Angelegenheiten, "
            "die den Stadtbezirk berühren, hat sie das Recht, gehört zu werden.",
            "Die Sitzungen sind öffentlich. In der Einwohnerfragestunde können Sie Fragen "
            "stellen. Anregungen und Beschwerden nach § 24 GO NRW können Sie schriftlich auch an "
            "die Bezirksvertretung richten.",
        ),
        "council_intro_en": _p(
            f"The {name_en} district council (Bezirksvertretung) is the elected body of the "
            "district. Its members are elected at the municipal elections together with the "
            "city council. It is chaired by the district mayor (Bezirksbürgermeister*in).",
            "Its legal basis is sections 35 to 38 of the North Rhine-Westphalia Municipal Code "
            "(Gemeindeordnung, GO NRW). Within the city council's guidelines and budget, the "
            "district council decides matters that mainly concern the district, for example "
            "the equipment of schools and public facilities in the district, parks, paths and "
            "squares of local importance and support for local associations and culture. It "
            "has the right to be heard on every important matter affecting the district.",
            "Its sessions are public. You can ask questions during the residents' question "
            "time. You can also address written suggestions and complaints under section 24 "
            "GO NRW to the district council.",
        ),
    }


def district_hubs(stdout) -> None:
    """Stadtbezirke: a hub per district with its Bezirksvertretung and their sessions"""
    index = ensure_page(
        _home(),
        DistrictHubIndexPage,
        "stadtbezirke",
        slug_en="districts",
        title_de="Stadtbezirke",
        title_en="Districts",
        show_in_menus=True,
        summary_de="Dortmunds zwölf Stadtbezirke: ihre Bezirksvertretungen, Sitzungstermine, "
        "Beteiligungen und Angebote vor Ort.",
        summary_en="Dortmund's twelve districts: their district councils, session dates, "
        "consultations and local offerings.",
        intro_de=_p(
            "Dortmund hat zwölf Stadtbezirke, von Innenstadt-West bis Mengede. Jeder hat eine "
            "gewählte Bezirksvertretung, die über Angelegenheiten des Bezirks entscheidet und "
            "öffentlich tagt.",
            "Wählen Sie Ihren Stadtbezirk: Dort sehen Sie die nächsten Sitzungen mit "
            "Einwohnerfragestunde, laufende Beteiligungen und Angebote in Ihrer Nähe.",
        ),
        intro_en=_p(
            "Dortmund has twelve districts, from Innenstadt-West to Mengede. Each has an "
            "elected district council that decides the district's own matters and meets in "
            "public.",
            "Choose your district to see the next sessions with question time for residents, "
            "open consultations and offerings near you.",
        ),
        easy_language_summary_de=(
            "Dortmund hat 12 Stadt-Bezirke.\n"
            "Jeder Stadt-Bezirk hat eine Bezirks-Vertretung.\n"
            "Die Bezirks-Vertretung entscheidet über Dinge in Ihrem Stadt-Bezirk.\n"
            "Sie können zu den Sitzungen gehen und Fragen stellen.\n"
            "Klicken Sie auf Ihren Stadt-Bezirk. Dann sehen Sie die nächsten Termine."
        ),
        easy_language_summary_en=(
            "Dortmund has 12 districts.\n"
            "Each district has a district council.\n"
            "The district council decides things in your district.\n"
            "You can go to its meetings and ask questions.\n"
            "Click on your district. Then you see the next dates."
        ),
    )
    for district in District.objects.all():
        name_de, name_en = district.name_de, district.name_en or district.name_de
        ensure_page(
            index,
            DistrictHubPage,
            district.slug,
            slug_en=district.slug,
            title_de=name_de,
            title_en=name_en,
            district=district,
            summary_de=f"Mitreden im Stadtbezirk {name_de}: die Bezirksvertretung und ihre "
            "Sitzungen, Beteiligungen und Angebote vor Ort.",
            summary_en=f"Having your say in the {name_en} district: the district council and "
            "its sessions, consultations and local offerings.",
            easy_language_summary_de=f"Hier finden Sie alles zum Mit-Machen im Stadt-Bezirk "
            f"{name_de}.\nSie sehen die Termine der Bezirks-Vertretung.",
            easy_language_summary_en=f"Here you find all the ways to take part in the district "
            f"of {name_en}.\nYou see the dates of the district council.",
            council_url=CITY_WEBSITE,
            sessions=_sessions(district),
            **_council_intro(name_de, name_en),
            **_council_office(district),
        )


# Main menu ------------------------------------------------------------------------------------


def main_menu_order(stdout) -> None:
    """Main menu in order: Beteiligung, Vorhabenliste, Wegweiser, Stadtbezirke, Instrumentenkoffer"""
    home = _home()
    previous = None
    for slug in MENU_ORDER:
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


STEPS = [wegweiser, offerings, district_hubs, main_menu_order]
