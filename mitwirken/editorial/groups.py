"""The names of the staff groups. The groups themselves are rows, made by migrations and
``services.publishing_groups_ensure``; their names must not change, or the rows are lost."""

#: Edits every app's index pages and snippets, approves in the review workflow, holds every
#: collection of images and documents.
OMBUDSSTELLE_GROUP = "Ombudsstelle"
#: Sees the moderators' queue, hides and restores contributions, hears of reports.
MODERATION_GROUP = "Moderation"
#: One group per Stadtbezirk: ``Bezirksvertretung Hörde`` edits Hörde's pages and collection.
DISTRICT_GROUP_PREFIX = "Bezirksvertretung "


def district_group_name(district) -> str:
    """``Bezirksvertretung Hörde``: the group's name uses the district's German name."""
    return f"{DISTRICT_GROUP_PREFIX}{getattr(district, 'name_de', None) or district.name}"
