"""The names of the staff groups. The groups themselves are rows, made by migrations and
``services.publishing_groups_ensure``; their names must not change, or the rows are lost."""

#: Edits every app's index pages and snippets, approves in the review workflow, holds every
#: collection of images and documents.
OMBUDSSTELLE_GROUP = "Ombudsstelle"
#: Sees the moderators' queue, hides and restores contributions, hears of reports.
MODERATION_GROUP = "Moderation"
#: Trainers of the Schulungen: each sees and edits only the sessions they give (their account is
#: linked to a trainer) and records attendance there; what the group may do the training app
#: declares (``trainer_permissions``).
TRAINER_GROUP = "Schulungsleitung"
#: One group per Stadtbezirk: ``Bezirksvertretung Hörde`` edits Hörde's pages and collection.
DISTRICT_GROUP_PREFIX = "Bezirksvertretung "


def district_group_name(district) -> str:
    """``Bezirksvertretung Hörde``: the group's name uses the district's German name."""
    return f"{DISTRICT_GROUP_PREFIX}{getattr(district, 'name_de', None) or district.name}"
