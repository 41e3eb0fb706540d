"""Writes the handouts of the demo training modules as small tagged PDF files into
training/seed/materials/, from the text in training/seed/materials/handouts.yaml.

Not part of the portal: the PDF files it writes are committed, and ``seed_demo`` reads them (see
training/seed/modules.yaml, ``materials``). Each file is A4 in the PDF core fonts (Helvetica,
nothing embedded, so a page of text stays a few kilobytes), with its title and language set and
its headings, paragraphs and list items tagged, so a screen reader reads them in order; the
check boxes and the footer are artifacts. Run it again after changing the text::

    .venv/bin/python scripts/seed_handouts.py
"""

import zlib
from pathlib import Path

import yaml
from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

FOLDER = Path(__file__).resolve().parent.parent / "training" / "seed" / "materials"
WIDTH, HEIGHT = 595, 842  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 62, 62, 780, 70
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold"}
#: Font, size, space before and line height of each kind of block.
STYLES = {
    "h1": ("F2", 17, 0, 22),
    "h2": ("F2", 12.5, 12, 17),
    "p": ("F1", 10.5, 6, 14.5),
    "items": ("F1", 10.5, 4, 14.5),
}
BOX, INDENT = 9, 20  # a check box's size and the indent of a list item's text
# A handout's "scale" enlarges its type (for older readers: 14 points instead of 10.5).


def text_width(text: str, font: str, size: float) -> float:
    widths = CORE_FONT_METRICS[FONTS[font]].character_widths
    return sum(widths.get(char, widths["default"]) for char in text) * size / 1000


def wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and text_width(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def pdf_string(text: str) -> str:
    """A PDF literal string in WinAnsiEncoding (cp1252): umlauts, ß, dashes and quotes."""
    out = []
    for byte in text.encode("cp1252"):
        char = chr(byte)
        if char in "\\()":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


def utf16(text: str) -> str:
    """A PDF text string (title, alternate text) in UTF-16 with its byte order mark."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Document:
    """The pages' content streams and the structure elements that point into them."""

    def __init__(self, footer: str, scale: float = 1):
        self.footer = footer
        self.styles = {
            tag: (font, size * scale, before * scale, leading * scale)
            for tag, (font, size, before, leading) in STYLES.items()
        }
        self.box, self.indent = BOX * scale, INDENT * scale
        self.pages: list[list[str]] = []
        self.elements: list[dict] = []  # {"tag", "page", "mcid"} or {"tag", "children"}
        self.y = 0.0
        self.new_page()

    def new_page(self):
        self.pages.append([])
        self.mcid = 0
        self.y = TOP

    def room(self, height: float):
        if self.y - height < BOTTOM:
            self.new_page()

    def marked(self, tag: str, operators: list[str]) -> dict:
        page = len(self.pages) - 1
        self.pages[page] += [f"/{tag} <</MCID {self.mcid}>> BDC", *operators, "EMC"]
        element = {"tag": tag, "page": page, "mcid": self.mcid}
        self.mcid += 1
        return element

    def text_lines(self, lines: list[str], font: str, size: float, leading: float, x: float):
        operators = []
        for line in lines:
            self.y -= leading
            operators.append(f"BT /{font} {size:g} Tf {x} {self.y:.1f} Td {pdf_string(line)} Tj ET")
        return operators

    def block(self, tag: str, text: str, keep: str | None = None):
        """A heading or paragraph; a heading stays on the page of the two lines of the ``keep``
        block after it."""
        font, size, before, leading = self.styles[tag]
        lines = wrapped(text, font, size, WIDTH - LEFT - RIGHT)
        following = self.styles[keep][2] + 2 * self.styles[keep][3] if keep else 0
        self.room(before + leading * len(lines) + following)
        self.y -= before
        operators = self.text_lines(lines, font, size, leading, LEFT)
        self.elements.append(self.marked(tag.upper(), operators))

    def checklist(self, items: list[str]):
        font, size, before, leading = self.styles["items"]
        entries = []
        for item in items:
            lines = wrapped(item, font, size, WIDTH - LEFT - RIGHT - self.indent)
            self.room(before + leading * len(lines))
            self.y -= before
            top = self.y
            operators = self.text_lines(lines, font, size, leading, LEFT + self.indent)
            box = f"0.6 w {LEFT} {top - leading + 1:.1f} {self.box:.1f} {self.box:.1f} re S"
            self.pages[-1] += ["/Artifact BMC", box, "EMC"]
            body = self.marked("LBody", operators)
            entries.append({"tag": "LI", "children": [body]})
        self.elements.append({"tag": "L", "children": entries})

    def streams(self) -> list[bytes]:
        total = len(self.pages)
        result = []
        for number, operators in enumerate(self.pages, start=1):
            footer = f"{self.footer} · {number}/{total}"
            artifact = [
                "/Artifact BMC",
                f"BT /F1 8.5 Tf {LEFT} 40 Td {pdf_string(footer)} Tj ET",
                "EMC",
            ]
            result.append("\n".join([*operators, *artifact]).encode("latin-1"))
        return result


class Writer:
    """Numbered PDF objects and the cross-reference table."""

    def __init__(self):
        self.objects: list[bytes] = []

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def set(self, number: int, body: str | bytes):
        self.objects[number - 1] = body.encode("latin-1") if isinstance(body, str) else body

    def add(self, body: str | bytes) -> int:
        number = self.reserve()
        self.set(number, body)
        return number

    def stream(self, data: bytes) -> bytes:
        packed = zlib.compress(data, 9)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        return head + packed + b"\nendstream"

    def bytes(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
        trailer = f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R >>"
        out += f"{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def handout_pdf(spec: dict) -> bytes:
    document = Document(spec["footer"], spec.get("scale", 1))
    tags = [next(iter(block)) for block in spec["blocks"]]
    for block, keep in zip(spec["blocks"], [*tags[1:], None], strict=True):
        [(tag, value)] = block.items()
        if tag == "items":
            document.checklist(value)
        else:
            document.block(tag, value, keep=keep if tag.startswith("h") else None)

    writer = Writer()
    catalog, pages, tree = writer.reserve(), writer.reserve(), writer.reserve()
    fonts = {
        name: writer.add(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"
        )
        for name, base in FONTS.items()
    }
    resources = " ".join(f"/{name} {number} 0 R" for name, number in fonts.items())
    page_numbers = []
    for index, data in enumerate(document.streams()):
        contents = writer.add(writer.stream(data))
        page_numbers.append(
            writer.add(
                f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] "
                f"/Resources << /Font << {resources} >> >> /Contents {contents} 0 R "
                f"/StructParents {index} /Tabs /S >>"
            )
        )
    kids = " ".join(f"{number} 0 R" for number in page_numbers)
    writer.set(pages, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_numbers)} >>")

    # The structure tree: Document > H1, H2, P, L > LI > LBody, each leaf a marked sequence.
    root_element = writer.reserve()
    parents: dict[int, dict[int, int]] = {}  # page -> mcid -> structure element

    def element(spec: dict, parent: int) -> int:
        number = writer.reserve()
        if "children" in spec:
            children = " ".join(f"{element(child, number)} 0 R" for child in spec["children"])
            writer.set(
                number, f"<< /Type /StructElem /S /{spec['tag']} /P {parent} 0 R /K [{children}] >>"
            )
        else:
            page = page_numbers[spec["page"]]
            writer.set(
                number,
                f"<< /Type /StructElem /S /{spec['tag']} /P {parent} 0 R /Pg {page} 0 R "
                f"/K {spec['mcid']} >>",
            )
            parents.setdefault(spec["page"], {})[spec["mcid"]] = number
        return number

    children = " ".join(f"{element(spec, root_element)} 0 R" for spec in document.elements)
    writer.set(root_element, f"<< /Type /StructElem /S /Document /P {tree} 0 R /K [{children}] >>")
    nums = " ".join(
        f"{page} [{' '.join(f'{parents[page][mcid]} 0 R' for mcid in sorted(parents[page]))}]"
        for page in sorted(parents)
    )
    writer.set(
        tree,
        f"<< /Type /StructTreeRoot /K [{root_element} 0 R] /ParentTree << /Nums [{nums}] >> "
        f"/ParentTreeNextKey {len(page_numbers)} >>",
    )
    writer.set(
        catalog,
        f"<< /Type /Catalog /Pages {pages} 0 R /StructTreeRoot {tree} 0 R "
        f"/MarkInfo << /Marked true >> /Lang ({spec['lang']}) "
        f"/ViewerPreferences << /DisplayDocTitle true >> >>",
    )
    info = writer.add(
        f"<< /Title {utf16(spec['title'])} /Author {utf16(spec['author'])} "
        f"/Subject {utf16(spec['subject'])} /Producer (scripts/seed_handouts.py) >>"
    )
    return writer.bytes(catalog, info)


def main():
    with (FOLDER / "handouts.yaml").open(encoding="utf-8") as stream:
        handouts = yaml.safe_load(stream)
    for spec in handouts:
        path = FOLDER / spec["file"]
        path.write_bytes(handout_pdf(spec))
        print(f"{path.relative_to(FOLDER.parent.parent.parent)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
