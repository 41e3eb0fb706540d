"""The certificate of participation (Teilnahmebescheinigung) as a PDF: one A4 page with the
portal's name, the participant's name as they want it printed, the module, when it took place,
how long, what one learns there, who gave it, and the code with the address where anyone can
check it. In the participant's language (German unless they chose English).

Fira Sans (KERN UX's typeface) is embedded as TrueType from ``fonts/`` (made by ``make
vendor``, SIL Open Font License), so any Latin or Cyrillic name prints; nothing is fetched when
a certificate is made.
"""

import html
import logging
import re
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from mitwirken.pages.kit import route_url
from mitwirken.web.links import absolute_url

from .models import Enrolment

# fpdf2 subsets the fonts with fontTools, which tells of every table it prunes.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "FiraSans"
#: KERN's dark blue for the heading and the rule, its grey for small print (RGB).
BLUE = (23, 46, 77)
GREY = (80, 88, 99)
#: How many learning goals the certificate names (the first ones), and how long each may be.
GOALS = 5
GOAL_CHARS = 160


def certificate_pdf(enrolment: Enrolment) -> bytes:
    """The certificate of ``enrolment`` (attended, with its code) as PDF bytes."""
    user = enrolment.user
    language = user.language if user.language in dict(settings.LANGUAGES) else "de"
    with translation.override(language):
        return _render(enrolment, language)


def participant_name(enrolment: Enrolment) -> str:
    return enrolment.certificate_name or enrolment.user.display_name or enrolment.user.email


def learning_goals(rich_text: str) -> list[str]:
    """The learning goals as short lines: the list items of the rich text, else its
    paragraphs; at most ``GOALS``, each shortened to ``GOAL_CHARS``."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", rich_text or "", flags=re.S)
    if not items:
        items = re.findall(r"<p[^>]*>(.*?)</p>", rich_text or "", flags=re.S)
    lines = []
    for item in items[:GOALS]:
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split())
        if len(text) > GOAL_CHARS:
            text = text[: GOAL_CHARS - 1].rsplit(" ", 1)[0] + "…"
        if text:
            lines.append(text)
    return lines


def session_dates(session) -> str:
    """``3. März 2027, 18:00–21:00 Uhr`` on one day, from–to over several."""
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s") % {
            "date": date_format(start, "DATE_FORMAT"),
            "start": date_format(start, "TIME_FORMAT"),
            "end": date_format(end, "TIME_FORMAT"),
        }
    return _("%(start)s to %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }


def verification_url(enrolment: Enrolment) -> str:
    index = enrolment.session.module.get_parent().specific
    return absolute_url(route_url(index, "certificate_check_code", enrolment.certificate_code))


class _Certificate(FPDF):
    def __init__(self):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.set_margins(25, 25, 25)
        self.set_auto_page_break(auto=True, margin=25)
        self.add_font(FAMILY, "", FONTS / "FiraSans-Regular.ttf")
        self.add_font(FAMILY, "B", FONTS / "FiraSans-Bold.ttf")
        self.add_font(FAMILY, "I", FONTS / "FiraSans-Italic.ttf")
        self.set_creator(settings.WAGTAIL_SITE_NAME)

    def text_block(self, text: str, *, size: float, style: str = "", color=(0, 0, 0), gap=2):
        self.set_font(FAMILY, style, size)
        self.set_text_color(*color)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def label_value(self, label: str, value: str):
        self.set_font(FAMILY, "B", 10)
        self.set_text_color(*GREY)
        self.cell(0, 5, label, new_x="LMARGIN", new_y="NEXT")
        self.text_block(value, size=11.5, gap=3)


def _render(enrolment: Enrolment, language: str) -> bytes:
    session = enrolment.session
    module = session.module
    name = participant_name(enrolment)
    pdf = _Certificate()
    pdf.set_lang(language)
    pdf.set_title(_("Certificate of participation"))
    pdf.set_subject(module.title)
    pdf.set_author(settings.WAGTAIL_SITE_NAME)
    pdf.add_page()

    pdf.text_block(settings.WAGTAIL_SITE_NAME, size=11, style="B", color=BLUE, gap=0)
    pdf.text_block(_("The participation portal of the City of Dortmund"), size=9, color=GREY)
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(18)

    pdf.text_block(_("Certificate of participation"), size=26, style="B", color=BLUE, gap=10)
    pdf.text_block(_("This is to certify that"), size=12)
    pdf.text_block(name, size=20, style="B", gap=4)
    pdf.text_block(_("took part in the training"), size=12)
    pdf.text_block(module.title, size=16, style="B", color=BLUE, gap=8)

    pdf.label_value(_("Date"), session_dates(session))
    pdf.label_value(_("Duration"), module.duration)
    goals = learning_goals(module.learning_goals)
    if goals:
        pdf.label_value(_("Learning goals"), "\n".join(f"• {goal}" for goal in goals))
    trainers = ", ".join(trainer.name for trainer in session.trainers.all())
    if trainers:
        pdf.label_value(_("Trainers"), trainers)
    issued = enrolment.certificate_issued_at or timezone.now()
    pdf.label_value(_("Issued"), date_format(timezone.localtime(issued), "DATE_FORMAT"))

    pdf.ln(6)
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)
    pdf.text_block(
        _("Verification code: %(code)s") % {"code": enrolment.certificate_code},
        size=12,
        style="B",
        gap=1,
    )
    pdf.text_block(
        _("Anyone can check this certificate with its code at %(url)s.")
        % {"url": verification_url(enrolment)},
        size=9.5,
        color=GREY,
        gap=1,
    )
    pdf.text_block(
        _("This certificate was made by machine and is valid without a signature."),
        size=9.5,
        style="I",
        color=GREY,
    )
    return bytes(pdf.output())
