"""Vorhabenliste: a planned project becomes a participation procedure without re-entering it."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.rich_text import RichText

from ..models import DistrictFolderPage, PlannedProjectPage, ProcedureDistrict, ProcedurePage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _free_slug(folder: DistrictFolderPage, slug: str, language: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … when the folder already has a page with it."""
    taken = set(folder.get_children().values_list(f"slug_{language}", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


@transaction.atomic
def procedure_from_plan(*, plan: PlannedProjectPage, folder: DistrictFolderPage, user):
    """Create a draft procedure in ``folder`` from the planned project and link the plan to it.

    Copies title, summaries, description (as the body's first text), districts, topics,
    responsible office and contact in every language. The user must be allowed to add pages in
    the folder and to edit the plan; a plan that already has a procedure keeps it.
    """
    if not plan.permissions_for_user(user).can_edit():
        raise PermissionDenied(_("You may not edit this planned project."))
    if not folder.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(_("You may not add procedures in this folder."))
    if plan.procedure_id is not None:
        raise ValidationError(_("This planned project already has a participation procedure."))
    fields = {"owner": user, "live": False, "responsible_office": plan.responsible_office}
    fields["contact_name"] = plan.contact
    for code in LANGUAGES:
        title = getattr(plan, f"title_{code}") or ""
        slug = getattr(plan, f"slug_{code}") or ""
        fields[f"title_{code}"] = title
        fields[f"slug_{code}"] = _free_slug(folder, slug, code) if slug else slug
        for name in ("summary", "easy_language_summary"):
            fields[f"{name}_{code}"] = getattr(plan, f"{name}_{code}") or ""
        description = getattr(plan, f"description_{code}") or ""
        fields[f"body_{code}"] = [("paragraph", RichText(description))] if description else []
    fields["title"], fields["slug"] = fields["title_de"], fields["slug_de"]
    fields["draft_title"] = fields["title"]
    procedure = ProcedurePage(**fields)
    procedure.topics = list(plan.topics.all())
    procedure.procedure_districts = [
        ProcedureDistrict(district=district, sort_order=order)
        for order, district in enumerate(plan.districts.all())
    ]
    folder.add_child(instance=procedure)
    procedure.save_revision(user=user, log_action=True)
    log(instance=procedure, action="wagtail.create", user=user)
    _link_plan(plan, procedure, user)
    return procedure


def _link_plan(plan: PlannedProjectPage, procedure: ProcedurePage, user) -> None:
    """Record the procedure on the plan; published right away if the plan had no pending draft.

    Only the link changes, so someone who may edit the plan but not publish it still records it.
    """
    publish = plan.live and not plan.has_unpublished_changes
    latest = plan.get_latest_revision_as_object() if plan.latest_revision_id else plan
    latest.procedure = procedure
    revision = latest.save_revision(user=user, log_action=True, clean=False)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
