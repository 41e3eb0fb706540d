"""A light first visit: the fonts are subsets that stay small, show every character the portal's
languages need, and never hold text back; HTML travels compressed (files as they are:
tests/participation/test_statement_files.py).

The fonts come from ``make vendor`` (scripts/subset_fonts.py); the numbers before and after are
in docs/performance.md."""

import gzip
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.helpers import parsed

ROOT = Path(__file__).resolve().parent.parent.parent
FONTS = ROOT / "static" / "vendor" / "kern-ux" / "fonts"
FONT_CSS = FONTS / "fira-sans.css"
#: The full Fira Sans files of KERN UX were 130–150 KB each; the subsets are about 25 KB.
MAX_FONT_BYTES = 32 * 1024

#: What the portal shows and will show: German and its typography, Leichte Sprache's middle dot,
#: English quotes, the languages to come (Turkish, Polish, Ukrainian), signs in the templates.
GERMAN = "ÄÖÜäöüß„“‚‘–—…€§·•→›"
ENGLISH = "“”‘’"
TURKISH = "ÇçĞğİıÖöŞşÜü₺"
POLISH = "ĄąĆćĘęŁłŃńÓóŚśŹźŻż"
UKRAINIAN = "АаБбВвГгҐґДдЕеЄєЖжЗзИиІіЇїЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЬьЮюЯя’№"


def font_faces() -> list[dict[str, str]]:
    """The declarations of each ``@font-face`` rule of the stylesheet the portal serves."""
    css = re.sub(r"/\*.*?\*/", "", FONT_CSS.read_text(encoding="utf-8"), flags=re.S)
    faces = []
    for body in re.findall(r"@font-face\s*\{([^}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip()] = value.strip()
        faces.append(declarations)
    return faces


def face_file(face: dict[str, str]) -> Path:
    (url,) = re.findall(r'url\("?\./([^")]+)"?\)', face["src"])
    return FONTS / url


def characters(face: dict[str, str]) -> set[int]:
    """The code points a face's unicode-range gives it."""
    points = set()
    for item in face["unicode-range"].split(","):
        start, _dash, end = item.strip().removeprefix("U+").partition("-")
        points.update(range(int(start, 16), int(end or start, 16) + 1))
    return points


def test_each_served_font_file_is_a_small_subset():
    files = sorted((FONTS / "fira-sans").glob("*.woff2"))
    assert files
    too_large = {f.name: f.stat().st_size for f in files if f.stat().st_size > MAX_FONT_BYTES}
    assert not too_large, f"font files above {MAX_FONT_BYTES} bytes: {too_large}"


def test_the_font_css_names_only_files_that_exist_and_never_hides_text():
    faces = font_faces()
    assert faces
    for face in faces:
        assert face_file(face).is_file(), face["src"]
        assert face["font-display"] == "swap", face["src"]
    served = {face_file(face) for face in faces}
    assert served == set((FONTS / "fira-sans").glob("*.woff2")), "a file no rule names"


def test_only_the_faces_the_css_uses_are_served():
    faces = {(face["font-weight"], face["font-style"]) for face in font_faces()}
    assert faces == {
        ("400", "normal"),
        ("400", "italic"),
        ("500", "normal"),
        ("600", "normal"),
        ("700", "normal"),
        ("700", "italic"),
    }


@pytest.mark.parametrize(
    "language, text",
    [
        ("German", GERMAN),
        ("English", ENGLISH),
        ("Turkish", TURKISH),
        ("Polish", POLISH),
        ("Ukrainian", UKRAINIAN),
    ],
)
def test_every_face_shows_every_character_of_the_portals_languages(language, text):
    wanted = {ord(char) for char in text}
    for weight_style in {(f["font-weight"], f["font-style"]) for f in font_faces()}:
        shown = set()
        for face in font_faces():
            if (face["font-weight"], face["font-style"]) == weight_style:
                in_file = set(TTFont(face_file(face)).getBestCmap())
                shown |= in_file & characters(face)
        missing = "".join(sorted(chr(point) for point in wanted - shown))
        assert not missing, f"{language} in Fira Sans {weight_style}: {missing} would fall back"


@pytest.mark.django_db
def test_base_preloads_the_body_font_from_the_portal_itself(client, home_page):
    html = parsed(client.get("/").content.decode())
    (preload,) = html.select('link[rel="preload"][as="font"]')
    assert preload["type"] == "font/woff2" and preload.has_attr("crossorigin")
    assert preload["href"].startswith("/static/")
    regular = [
        face
        for face in font_faces()
        if (face["font-weight"], face["font-style"]) == ("400", "normal")
        and ord("a") in characters(face)
    ]
    assert [preload["href"].removeprefix("/static/")] == [
        face_file(face).relative_to(ROOT / "static").as_posix() for face in regular
    ]


# Compression ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_travels_gzip_compressed_to_a_browser_that_accepts_it(client, home_page):
    plain = client.get("/")
    assert len(plain.content) > 2_000 and "Content-Encoding" not in plain
    compressed = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    assert home_page.title in gzip.decompress(compressed.content).decode()
