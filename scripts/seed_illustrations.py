"""Draws the illustrations of the demo knowledge articles into mitwirken/pages/seed/images/.

Not part of the portal: the PNG files it writes are committed, and ``seed_demo`` reads them. Each
illustration is flat shapes without words (the article's text and alt text say what it shows, in
both languages), drawn at twice the size and scaled down for smooth edges, then reduced to a
small palette so each file stays small::

    .venv/bin/python scripts/seed_illustrations.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

FOLDER = Path(__file__).resolve().parent.parent / "mitwirken" / "pages" / "seed" / "images"
WIDTH, HEIGHT, SCALE = 1200, 675, 2

BACKGROUND = "#eef1f8"
NAVY = "#1b2a4a"
BLUE = "#2044aa"
SKY = "#8fb3e8"
YELLOW = "#f2c14e"
GREEN = "#2e7d5b"
MINT = "#b7dfc9"
CORAL = "#d9624f"
SAND = "#f6e3c6"
WHITE = "#ffffff"
GREY = "#c9cedb"
SKIN = ["#f1c7a5", "#c68b62", "#8d5a3b", "#e9b58f"]


class Canvas:
    """A drawing at twice the final size: coordinates are given in final pixels."""

    def __init__(self, background=BACKGROUND):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    def _box(self, box):
        return [value * SCALE for value in box]

    def rect(self, box, fill, radius=0, outline=None, width=0):
        self.draw.rounded_rectangle(
            self._box(box), radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def ellipse(self, box, fill, outline=None, width=0):
        self.draw.ellipse(self._box(box), fill=fill, outline=outline, width=width * SCALE)

    def circle(self, x, y, r, fill, outline=None, width=0):
        self.ellipse((x - r, y - r, x + r, y + r), fill, outline, width)

    def polygon(self, points, fill):
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line(
            [(x * SCALE, y * SCALE) for x, y in points],
            fill=fill,
            width=width * SCALE,
            joint="curve",
        )
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill)

    def pieslice(self, box, start, end, fill):
        self.draw.pieslice(self._box(box), start, end, fill=fill)

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self._box(box), start, end, fill=fill, width=width * SCALE)

    def save(self, name):
        small = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        small = small.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        FOLDER.mkdir(parents=True, exist_ok=True)
        small.save(FOLDER / name, optimize=True)
        print(name, (FOLDER / name).stat().st_size, "bytes")


# Shapes --------------------------------------------------------------------------------------


def person(c, x, y, size=1.0, shirt=BLUE, skin=SKIN[0], arm_up=False):
    """A person from the chest up, head centre at (x, y)."""
    r = 34 * size
    c.rect((x - 62 * size, y + 44 * size, x + 62 * size, y + 190 * size), shirt, radius=50 * size)
    if arm_up:
        c.line(
            [(x + 48 * size, y + 80 * size), (x + 92 * size, y - 40 * size)], shirt, int(26 * size)
        )
        c.circle(x + 94 * size, y - 48 * size, 15 * size, skin)
    c.circle(x, y, r, skin)


def bubble(c, x, y, w, h, fill, tail="left", lines=3, line_colour=WHITE):
    """A speech bubble with its top left corner at (x, y) and a few lines of 'text'."""
    c.rect((x, y, x + w, y + h), fill, radius=min(h / 2.5, 36))
    if tail == "left":
        c.polygon([(x + 30, y + h - 4), (x + 70, y + h - 4), (x + 26, y + h + 34)], fill)
    else:
        c.polygon(
            [(x + w - 70, y + h - 4), (x + w - 30, y + h - 4), (x + w - 26, y + h + 34)], fill
        )
    step = (h - 30) / max(lines, 1)
    for n in range(lines):
        length = w - 60 - (n % 2) * w * 0.25
        top = y + 22 + n * step
        c.rect((x + 30, top, x + 30 + length, top + 10), line_colour, radius=5)


def document(c, x, y, w, h, fill=WHITE, lines=6, accent=BLUE, fold=True):
    """A sheet of paper with lines of text, top left corner at (x, y)."""
    c.rect((x + 8, y + 10, x + w + 8, y + h + 10), GREY, radius=10)
    c.rect((x, y, x + w, y + h), fill, radius=10)
    if fold:
        c.polygon([(x + w - 50, y), (x + w, y + 50), (x + w - 50, y + 50)], GREY)
    c.rect((x + 30, y + 40, x + w * 0.55, y + 58), accent, radius=8)
    for n in range(lines):
        top = y + 90 + n * 34
        if top > y + h - 40:
            break
        c.rect((x + 30, top, x + w - 30 - (n % 3) * 30, top + 12), GREY, radius=6)


def check(c, x, y, size, colour=GREEN, width=14):
    c.line([(x, y), (x + size * 0.35, y + size * 0.35), (x + size, y - size * 0.45)], colour, width)


def arrow(c, points, colour, width=14):
    c.line(points, colour, width)
    (x1, y1), (x2, y2) = points[-2], points[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    head = 34
    left = (x2 - head * math.cos(angle - 0.5), y2 - head * math.sin(angle - 0.5))
    right = (x2 - head * math.cos(angle + 0.5), y2 - head * math.sin(angle + 0.5))
    c.polygon([(x2 + 8 * math.cos(angle), y2 + 8 * math.sin(angle)), left, right], colour)


def city(c, base=600, colour=GREY):
    """A low skyline along the bottom, with a tower like Dortmund's."""
    c.rect((0, base, WIDTH, HEIGHT), colour)
    for x, w, h in (
        (40, 120, 90),
        (170, 90, 150),
        (270, 140, 70),
        (930, 110, 120),
        (1050, 130, 80),
    ):
        c.rect((x, base - h, x + w, base + 2), colour, radius=6)
    c.rect((842, base - 230, 866, base), colour)  # a TV tower
    c.ellipse((822, base - 250, 886, base - 210), colour)


# Illustrations -------------------------------------------------------------------------------


def participation():
    """People of different ages talk together; speech bubbles meet above them."""
    c = Canvas()
    city(c)
    bubble(c, 140, 70, 300, 120, BLUE)
    bubble(c, 470, 40, 260, 110, GREEN, tail="right")
    bubble(c, 780, 90, 290, 120, CORAL, tail="right")
    colours = [BLUE, YELLOW, GREEN, CORAL, SKY]
    for n, x in enumerate((220, 420, 600, 790, 980)):
        person(c, x, 330 + (n % 2) * 30, 1.15, colours[n], SKIN[n % 4], arm_up=n == 2)
    c.save("beteiligung.png")


def formal_informal():
    """Left: a legal document with a seal and a calendar; right: notes on a pinboard."""
    c = Canvas()
    c.rect((600, 60, 604, 615), GREY)
    document(c, 90, 90, 330, 440, lines=9)
    c.circle(360, 470, 44, CORAL)
    c.circle(360, 470, 26, WHITE)
    c.rect((440, 110, 560, 230), WHITE, radius=10)
    c.rect((440, 110, 560, 145), CORAL, radius=10)
    for row in range(2):
        for col in range(3):
            c.rect((455 + col * 35, 160 + row * 30, 478 + col * 35, 178 + row * 30), GREY, radius=3)
    c.rect((660, 90, 1120, 560), SAND, radius=14)
    notes = [
        (690, 120, YELLOW),
        (850, 110, MINT),
        (1000, 140, SKY),
        (700, 300, SKY),
        (870, 290, CORAL),
    ]
    notes += [(1010, 330, YELLOW), (760, 440, MINT), (930, 450, YELLOW)]
    for x, y, colour in notes:
        c.rect((x, y, x + 110, y + 100), colour, radius=6)
        c.circle(x + 55, y + 12, 8, NAVY)
        for n in range(3):
            c.rect((x + 15, y + 35 + n * 20, x + 95 - n * 15, y + 43 + n * 20), WHITE, radius=4)
    c.save("formell-informell.png")


def district_council():
    """A council table in a half circle; members raise their hands; an audience in front."""
    c = Canvas()
    c.pieslice((200, 90, 1000, 690), 180, 360, SAND)
    c.pieslice((330, 220, 870, 760), 180, 360, BACKGROUND)
    c.rect((540, 130, 660, 200), NAVY, radius=8)  # the chair's desk
    c.circle(600, 110, 28, SKIN[1])
    for n, angle in enumerate(range(200, 345, 18)):
        rad = math.radians(angle)
        x, y = 600 + 330 * math.cos(rad), 430 + 300 * math.sin(rad)
        c.circle(x, y + 40, 24, SKIN[n % 4])
        c.rect((x - 32, y + 62, x + 32, y + 110), [BLUE, GREEN, CORAL, SKY][n % 4], radius=18)
        if n % 3 != 1:
            c.line([(x + 24, y + 70), (x + 40, y + 10)], [BLUE, GREEN, CORAL, SKY][n % 4], 12)
            c.circle(x + 41, y + 4, 9, SKIN[n % 4])
    for n, x in enumerate(range(150, 1100, 130)):
        c.circle(x, 560, 30, SKIN[(n + 1) % 4])
        c.rect((x - 50, 595, x + 50, 690), [GREY, SKY, MINT, SAND][n % 4], radius=40)
    c.save("bezirksvertretung.png")


def statement():
    """A written statement going into an envelope, with a calendar for the deadline."""
    c = Canvas()
    c.rect((620, 300, 1080, 590), SKY, radius=14)
    c.polygon([(620, 310), (850, 470), (1080, 310)], BLUE)
    document(c, 200, 70, 340, 470, lines=10, accent=GREEN)
    c.line([(260, 480), (310, 460), (350, 490), (400, 455)], NAVY, 6)  # a signature
    arrow(c, [(560, 260), (700, 220), (820, 330)], CORAL)
    c.rect((880, 60, 1080, 250), WHITE, radius=14)
    c.rect((880, 60, 1080, 110), CORAL, radius=14)
    c.rect((880, 95, 1080, 110), CORAL)
    for row in range(3):
        for col in range(4):
            colour = CORAL if (row, col) == (2, 2) else GREY
            c.rect(
                (900 + col * 45, 130 + row * 38, 930 + col * 45, 155 + row * 38), colour, radius=4
            )
    c.save("stellungnahme.png")


def hybrid_meeting():
    """People at a table and people on a screen; a camera and a microphone connect them."""
    c = Canvas()
    c.rect((340, 50, 860, 330), NAVY, radius=16)
    tiles = [(360, 70), (610, 70), (360, 200), (610, 200)]
    for n, (x, y) in enumerate(tiles):
        c.rect((x, y, x + 230, y + 115), [SKY, MINT, SAND, YELLOW][n], radius=8)
        c.circle(x + 115, y + 50, 24, SKIN[(n + 2) % 4])
        c.rect((x + 80, y + 78, x + 150, y + 115), [BLUE, GREEN, CORAL, BLUE][n], radius=16)
    c.rect((585, 330, 615, 380), NAVY)
    c.rect((540, 372, 660, 384), NAVY, radius=6)
    c.rect((560, 395, 640, 435), NAVY, radius=10)  # camera
    c.circle(600, 415, 14, SKY)
    for n, x in enumerate((160, 330, 870, 1040)):
        person(c, x, 430, 0.95, [BLUE, CORAL, GREEN, YELLOW][n], SKIN[n % 4], arm_up=n == 2)
    c.rect((80, 560, 1120, 620), SAND, radius=20)
    c.line([(450, 560), (470, 500)], NAVY, 8)  # a table microphone
    c.circle(472, 494, 14, NAVY)
    c.save("hybride-sitzung.png")


def guidelines():
    """A path through the city with signposts: rules that guide every step."""
    c = Canvas(background=BACKGROUND)
    c.polygon([(420, 675), (780, 675), (650, 200), (550, 200)], SAND)
    c.rect((0, 560, 420, 675), MINT)
    c.rect((780, 560, 1200, 675), MINT)
    for n, (x, y, colour, direction) in enumerate(
        ((300, 140, BLUE, 1), (860, 250, GREEN, -1), (250, 380, CORAL, 1), (900, 430, YELLOW, -1))
    ):
        c.rect((x - 8, y, x + 8, y + 200 - n * 10), NAVY)
        tip = 70 * direction
        if direction > 0:
            points = [(x - 90, y + 10), (x + 90, y + 10), (x + 90 + 40, y + 45), (x + 90, y + 80)]
            points += [(x - 90, y + 80)]
        else:
            points = [(x + 90, y + 10), (x - 90, y + 10), (x - 90 - 40, y + 45), (x - 90, y + 80)]
            points += [(x + 90, y + 80)]
        c.polygon(points, colour)
        c.rect((x - 60, y + 38, x + 60 + tip * 0, y + 52), WHITE, radius=6)
    for n, (x, y) in enumerate(((600, 520), (585, 400), (600, 300))):
        person(c, x, y, 0.55 - n * 0.1, [BLUE, GREEN, CORAL][n], SKIN[n % 4])
    c.save("leitlinien.png")


def data_protection():
    """A shield with a lock in front of a form; personal data stay protected."""
    c = Canvas()
    document(c, 150, 90, 330, 460, lines=10)
    document(c, 760, 120, 300, 420, lines=9, accent=GREEN)
    c.polygon([(600, 80), (800, 150), (780, 380), (600, 590), (420, 380), (400, 150)], BLUE)
    c.polygon([(600, 120), (760, 175), (744, 370), (600, 540), (456, 370), (440, 175)], SKY)
    c.arc((540, 230, 660, 350), 180, 360, NAVY, 22)
    c.rect((510, 290, 690, 430), NAVY, radius=18)
    c.circle(600, 345, 20, YELLOW)
    c.rect((592, 350, 608, 395), YELLOW, radius=6)
    c.save("datenschutz.png")


def accessibility():
    """Large print under a magnifying glass, a ramp and an open door: many ways in."""
    c = Canvas()
    c.rect((90, 80, 470, 560), WHITE, radius=14)  # a page in large print
    c.rect((130, 130, 430, 190), BLUE, radius=10)
    for n in range(5):
        c.rect((130, 230 + n * 60, 430 - (n % 2) * 70, 262 + n * 60), GREY, radius=10)
    c.line([(440, 400), (520, 330)], NAVY, 30)  # a magnifying glass over the page
    c.circle(600, 250, 120, YELLOW, outline=NAVY, width=22)
    c.rect((530, 215, 670, 245), BLUE, radius=10)
    c.rect((530, 265, 640, 290), NAVY, radius=10)
    c.polygon([(530, 600), (1130, 600), (1130, 470)], MINT)  # a ramp to a door
    c.rect((975, 250, 1125, 475), NAVY, radius=8)
    c.rect((995, 270, 1105, 475), SKY, radius=6)
    c.circle(760, 503, 42, NAVY)  # a wheel on the ramp
    c.circle(760, 503, 18, MINT)
    c.circle(740, 383, 26, SKIN[1])
    c.rect((712, 413, 770, 493), CORAL, radius=22)
    c.save("barrierefreiheit.png")


def ombudsstelle():
    """A guide points the way: one person asks, the Ombudsstelle shows where to go."""
    c = Canvas()
    city(c, base=610)
    c.rect((590, 120, 610, 600), NAVY)
    c.polygon([(610, 140), (860, 140), (900, 180), (860, 220), (610, 220)], BLUE)
    c.polygon([(590, 260), (340, 260), (300, 300), (340, 340), (590, 340)], GREEN)
    c.polygon([(610, 380), (820, 380), (860, 420), (820, 460), (610, 460)], CORAL)
    c.circle(600, 110, 26, YELLOW)
    person(c, 210, 380, 0.95, YELLOW, SKIN[2])
    person(c, 990, 360, 1.0, BLUE, SKIN[0], arm_up=True)
    bubble(c, 110, 200, 220, 100, WHITE, lines=2, line_colour=GREY)
    c.circle(220, 250, 26, BLUE)  # a question mark, drawn as a dot in a bubble
    c.save("ombudsstelle.png")


def results():
    """Many contributions are gathered, weighed and go into a decision with checks."""
    c = Canvas()
    for n, (x, y) in enumerate(
        ((70, 80), (220, 40), (110, 230), (260, 200), (80, 390), (240, 370))
    ):
        bubble(c, x, y, 140, 80, [BLUE, GREEN, CORAL, YELLOW, SKY, MINT][n], lines=2)
    c.polygon([(430, 120), (640, 120), (570, 330), (570, 480), (500, 520), (500, 330)], SKY)
    arrow(c, [(660, 330), (740, 330)], NAVY)
    document(c, 780, 90, 330, 460, lines=0, accent=NAVY)
    for n in range(4):
        y = 190 + n * 85
        check(c, 820, y + 10, 40, GREEN, 10)
        c.rect((890, y, 1070 - (n % 2) * 40, y + 16), GREY, radius=8)
    c.save("ergebnisse.png")


if __name__ == "__main__":
    for draw in (
        participation,
        formal_informal,
        district_council,
        statement,
        hybrid_meeting,
        guidelines,
        data_protection,
        accessibility,
        ombudsstelle,
        results,
    ):
        draw()
