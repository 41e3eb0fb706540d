"""Dortmund's 12 Stadtbezirke with the resident figures of ../shared/DOMAIN.md.

Used by the data migration that creates them; staff edit the figures afterwards in the admin.
Mengede has no known figure: it stays empty rather than invented.
"""

import datetime

DISTRICTS = [
    # slug, German name, English name, residents, reference date, source
    (
        "innenstadt-west",
        "Innenstadt-West",
        "Innenstadt-West",
        52526,
        datetime.date(2021, 12, 31),
        "Encyclopedia",
    ),
    (
        "innenstadt-nord",
        "Innenstadt-Nord",
        "Innenstadt-Nord",
        61065,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik",
    ),
    (
        "innenstadt-ost",
        "Innenstadt-Ost",
        "Innenstadt-Ost",
        58520,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik",
    ),
    (
        "eving",
        "Eving",
        "Eving",
        39405,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik (via encyclopedia)",
    ),
    (
        "scharnhorst",
        "Scharnhorst",
        "Scharnhorst",
        47185,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik (via encyclopedia)",
    ),
    ("brackel", "Brackel", "Brackel", 56141, datetime.date(2021, 12, 31), "Encyclopedia"),
    (
        "aplerbeck",
        "Aplerbeck",
        "Aplerbeck",
        55685,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik (via encyclopedia)",
    ),
    ("hoerde", "Hörde", "Hörde", 56547, datetime.date(2021, 12, 31), "Encyclopedia"),
    (
        "hombruch",
        "Hombruch",
        "Hombruch",
        57380,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik",
    ),
    (
        "luetgendortmund",
        "Lütgendortmund",
        "Lütgendortmund",
        48530,
        datetime.date(2022, 12, 31),
        "Encyclopedia",
    ),
    (
        "huckarde",
        "Huckarde",
        "Huckarde",
        36565,
        datetime.date(2023, 12, 31),
        "Dortmunder Statistik",
    ),
    ("mengede", "Mengede", "Mengede", None, None, ""),
]

TOPICS = [
    # slug, German name, English name
    ("stadtentwicklung", "Stadtentwicklung", "Urban development"),
    ("verkehr", "Verkehr und Mobilität", "Transport and mobility"),
    ("umwelt", "Umwelt und Klima", "Environment and climate"),
    ("soziales", "Soziales und Teilhabe", "Social affairs and inclusion"),
    ("bildung", "Bildung", "Education"),
    ("kultur", "Kultur und Freizeit", "Culture and leisure"),
    ("wirtschaft", "Wirtschaft und Arbeit", "Economy and work"),
    ("digitales", "Digitales", "Digital city"),
]


def create_places(District, Topic) -> None:
    """Create or update the districts and topics; safe to run again."""
    for order, (slug, name_de, name_en, residents, as_of, source) in enumerate(DISTRICTS):
        District.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name_de,
                "name_de": name_de,
                "name_en": name_en,
                "residents": residents,
                "residents_as_of": as_of,
                "residents_source": source,
                "sort_order": order,
            },
        )
    for slug, name_de, name_en in TOPICS:
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name_de, "name_de": name_de, "name_en": name_en}
        )
