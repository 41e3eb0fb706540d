"""Who sees which sessions in the admin, and what they may do there.

A model permission says *what* (``training.change_session``, ``training.view_enrolment``,
``training.export_enrolment``); *where* is the modules whose pages the person may edit (the
Ombudsstelle: all of them) and the sessions they give themselves (a trainer whose account is
linked to a ``Trainer`` among the session's trainers). A session outside a person's scope is
not found (404), so nobody learns which sessions exist.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import Session, TrainingModulePage

EXPORT_PERMISSION = "training.export_enrolment"
VIEW_PARTICIPANTS_PERMISSION = "training.view_enrolment"
ATTENDANCE_PERMISSION = "training.change_enrolment"


def modules_in_scope(user):
    """The modules whose pages ``user`` may edit."""
    return PagePermissionPolicy(TrainingModulePage).instances_user_has_permission_for(
        user, "change"
    )


def sessions_in_scope(queryset, user):
    """The sessions of ``queryset`` that ``user`` may handle: those of the modules they edit
    and those they give. One query with the rows: the scope is a subquery."""
    if user.is_active and user.is_superuser:
        return queryset
    if not user.is_active or not user.has_perm("training.view_session"):
        return queryset.none()
    given = Session.trainers.through.objects.filter(trainer__user=user).values("session_id")
    return queryset.filter(Q(module__in=modules_in_scope(user)) | Q(pk__in=given))


def session_in_scope(user, session_id) -> Session:
    """The session, or 404 when ``user`` may not handle it."""
    session = sessions_in_scope(Session.objects.select_related("module"), user).filter(
        pk=session_id
    )
    found = session.first()
    if found is None:
        raise Http404
    return found


def may_export(user) -> bool:
    return user.is_active and user.has_perm(EXPORT_PERMISSION)


def may_record_attendance(user) -> bool:
    return user.is_active and user.has_perm(ATTENDANCE_PERMISSION)


class ScopedSessionMixin:
    """For a view of one session: found only in the person's scope."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        return session_in_scope(self.request.user, instance.pk)
