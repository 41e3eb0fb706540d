"""Who may do what in participation's back office, and where.

A model permission says *what* a staff member may do with a kind of contribution (see, enter,
answer, export, see names and addresses); Wagtail's page permissions say *where*: in the
procedures whose pages the person may edit. The Ombudsstelle edits every page, so it handles
every procedure; a Bezirksvertretung edits its own district's folder, so it handles the
procedures there and nothing of another district or of Gesamtstadt. Moderation is the one
exception: who holds ``moderate_contributions`` (the Moderation, the Ombudsstelle) moderates in
every procedure; a Bezirksvertretung moderates in its own, where it may change contributions.
"""

from django.http import Http404
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import ProcedurePage
from ..services import moderation

EXPORT_PERMISSION = "participation.export_contributions"
#: Formal statements carry names and addresses: staff see them, and open their attachments,
#: with this permission only.
STATEMENT_VIEW_PERMISSION = "participation.view_statement"
#: Who may change comments may hide them in the procedures they may edit.
SCOPED_MODERATE_PERMISSION = "participation.change_comment"


def procedures_in_scope(user):
    """The procedures ``user`` may edit the pages of: every one for a superuser and the
    Ombudsstelle, those of its own district for a Bezirksvertretung, none for the Moderation."""
    return PagePermissionPolicy(ProcedurePage).instances_user_has_permission_for(user, "change")


def procedure_in_scope(user, procedure) -> bool:
    return PagePermissionPolicy().user_has_permission_for_instance(user, "change", procedure)


def in_scope(queryset, user, *, procedure_field: str = "procedure"):
    """The rows of ``queryset`` that belong, through ``procedure_field``, to a procedure in
    ``user``'s scope. One query with the rows: the scope is a subquery."""
    if user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(**{f"{procedure_field}__in": procedures_in_scope(user)})


def moderates_everywhere(user) -> bool:
    return user.is_active and user.has_perm(moderation.MODERATE_PERMISSION)


def moderated(queryset, user, *, procedure_field: str = "procedure"):
    """The contributions of ``queryset`` that ``user`` moderates."""
    if moderates_everywhere(user):
        return queryset
    if not user.has_perm(SCOPED_MODERATE_PERMISSION):
        return queryset.none()
    return in_scope(queryset, user, procedure_field=procedure_field)


def may_moderate(user, procedure) -> bool:
    return moderates_everywhere(user) or (
        user.has_perm(SCOPED_MODERATE_PERMISSION) and procedure_in_scope(user, procedure)
    )


class ScopedObjectMixin:
    """For a view of one contribution (``procedure_field`` leads to its procedure): found only
    if the procedure is in the user's scope; another district's is not found."""

    procedure_field = "procedure"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        visible = self.model._default_manager.filter(pk=instance.pk)
        if not in_scope(visible, self.request.user, procedure_field=self.procedure_field).exists():
            raise Http404
        return instance


class ModerationPermissionPolicy(BasePermissionPolicy):
    """Reports, the queue and its actions: the Moderation and the Ombudsstelle everywhere, a
    Bezirksvertretung in its own procedures (the queue shows it only those)."""

    def user_has_permission(self, user, action):
        return moderates_everywhere(user) or (
            user.is_active and user.has_perm(SCOPED_MODERATE_PERMISSION)
        )

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return moderation.moderators()
