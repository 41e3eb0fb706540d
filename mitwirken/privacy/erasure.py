"""What the apps' ``account_erase`` functions share: finding the rows of an account's addresses."""

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db.models import Q


def address_q(field: str, emails: Iterable[str]) -> Q:
    """Rows whose ``field`` is one of ``emails``, in any case (``Kim@Example.org`` is
    ``kim@example.org``); matches nothing when there are none."""
    return reduce(or_, (Q(**{f"{field}__iexact": email}) for email in emails), Q(pk__in=[]))
