"""Subset KERN UX's Fira Sans to what the portal shows (`make vendor` runs it).

The full files of @kern-ux/native are 130–150 KB each, most of it Greek, Vietnamese, symbols and
weights the portal never shows. This keeps the faces that the CSS and the HTML use (kern.min.css,
static/css: 400, 500, 600 and 700; italic for <em>, <address> and rich text's italic, upright or
bold) and the characters of the portal's languages, in two files per face: Latin (German,
English, Turkish, Polish, Leichte Sprache, typographic punctuation, €, §, arrows) and Cyrillic
(Ukrainian). The @font-face rules name each file's `unicode-range`, so a browser fetches the
Cyrillic file only for a page that shows Cyrillic. Arabic is not in Fira Sans at all: a language
written in it needs a font of its own (a face with its own unicode-range beside these).

    python scripts/subset_fonts.py SOURCE TARGET [--pdf PDF_TARGET]
    # SOURCE: node_modules/@kern-ux/native/dist/fonts, TARGET: static/vendor/kern-ux/fonts
    # PDF_TARGET: training/fonts (the certificates of participation)

With ``--pdf`` it also writes TrueType files (``.ttf``, Latin and Cyrillic in one file per face)
of the faces a PDF embeds (``PDF_FACES``): fpdf2 reads TTF, not woff2, and a certificate must
print any Latin or Cyrillic name. The OFL travels along there too.

Needs fontTools with brotli (`fonttools[woff]`, in the dev extras); the running site serves
only the result, which is kept in the repository with the licence (OFL.txt) beside it.
"""

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset

FAMILY = "Fira Sans"
FOLDER = "fira-sans"  # below SOURCE and TARGET


@dataclass(frozen=True)
class Face:
    name: str  # the source file is FiraSans-<name>.woff2
    weight: int
    style: str = "normal"


#: The faces the portal uses. Light (300) and the italics of 500 and 600 are not: a browser takes
#: the nearest italic (400 or 700) for the rare <em> in a heading.
FACES = [
    Face("Regular", 400),  # body text: base.html preloads its Latin file
    Face("Italic", 400, "italic"),
    Face("Medium", 500),
    Face("SemiBold", 600),
    Face("Bold", 700),
    Face("BoldItalic", 700, "italic"),
]

#: Characters per file, as CSS unicode-range values. Latin: ASCII, Latin-1 (German ä ö ü ß,
#: the accents of French and Spanish names, « », §, ·, no-break space, soft hyphen), Latin
#: Extended-A (Turkish ğ ı İ ş, Polish ą ć ę ł ń ś ź ż), Romanian ș ț, spacing accents, general
#: punctuation (– — ‚ ‘ ’ „ “ ” • … ‹ ›, the spaces and hyphens), € ₺ № ™, arrows, minus and
#: comparison signs. Cyrillic: the Russian and Ukrainian alphabets (є і ї ґ), the stress accent.
SUBSETS = {
    "Latin": [
        "U+0000-00FF",
        "U+0100-017F",
        "U+0218-021B",
        "U+02C6-02DD",
        "U+2000-206F",
        "U+20AC",
        "U+20BA",
        "U+2116",
        "U+2122",
        "U+2190-2199",
        "U+2212",
        "U+2215",
        "U+2260",
        "U+2264-2265",
    ],
    "Cyrillic": ["U+0300-0301", "U+0400-045F", "U+0490-0491"],
}


#: The faces the certificates of participation use (training.certificates).
PDF_FACES = [Face("Regular", 400), Face("Bold", 700), Face("Italic", 400, "italic")]


def codepoints(ranges: list[str]) -> set[int]:
    points = set()
    for item in ranges:
        start, _dash, end = item.removeprefix("U+").partition("-")
        points.update(range(int(start, 16), int(end or start, 16) + 1))
    return points


def file_name(face: Face, subset_name: str) -> str:
    return f"FiraSans-{face.name}-{subset_name}.woff2"


def subset_face(
    source: Path, target: Path, ranges: list[str], flavor: str | None = "woff2"
) -> None:
    options = subset.Options()
    options.flavor = flavor
    # Tabular figures too: browsers number list items with them (::marker, tabular-nums).
    options.layout_features = [*options.layout_features, "tnum"]
    # Copyright, names, version, licence and its address: the OFL asks that they travel along.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints(ranges))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def font_face_css() -> str:
    rules = []
    for face in FACES:
        for subset_name, ranges in SUBSETS.items():
            rules.append(
                "@font-face {\n"
                f"    font-family: '{FAMILY}';\n"
                f'    src: url("./{FOLDER}/{file_name(face, subset_name)}") format("woff2");\n'
                f"    font-weight: {face.weight};\n"
                f"    font-style: {face.style};\n"
                "    font-display: swap;\n"
                f"    unicode-range: {', '.join(ranges)};\n"
                "}\n"
            )
    header = (
        f"/* {FAMILY} from KERN UX, subset by scripts/subset_fonts.py (`make vendor`): the faces\n"
        "   and characters the portal shows. SIL Open Font License 1.1: fira-sans/OFL.txt. */\n"
    )
    return header + "\n".join(rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="KERN UX's dist/fonts folder")
    parser.add_argument("target", type=Path, help="static/vendor/kern-ux/fonts")
    parser.add_argument("--pdf", type=Path, help="training/fonts: TrueType files for PDFs")
    args = parser.parse_args()
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # notes on old OS/2 table versions
    folder = args.target / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.woff2"):
        old.unlink()
    for face in FACES:
        for subset_name, ranges in SUBSETS.items():
            target = folder / file_name(face, subset_name)
            subset_face(args.source / FOLDER / f"FiraSans-{face.name}.woff2", target, ranges)
            print(f"{target}: {target.stat().st_size / 1024:.1f} KiB")
    (args.target / "fira-sans.css").write_text(font_face_css(), encoding="utf-8")
    if args.pdf:
        pdf_fonts(args.source / FOLDER, args.pdf, licence=folder / "OFL.txt")


def pdf_fonts(source: Path, target: Path, *, licence: Path) -> None:
    """Each face of ``PDF_FACES`` as one TrueType file with the Latin and Cyrillic characters,
    and the licence beside them."""
    target.mkdir(parents=True, exist_ok=True)
    ranges = [item for ranges in SUBSETS.values() for item in ranges]
    for face in PDF_FACES:
        path = target / f"FiraSans-{face.name}.ttf"
        subset_face(source / f"FiraSans-{face.name}.woff2", path, ranges, flavor=None)
        print(f"{path}: {path.stat().st_size / 1024:.1f} KiB")
    (target / "OFL.txt").write_bytes(licence.read_bytes())


if __name__ == "__main__":
    main()
