"""A cache that cannot make the site slow when Redis hangs.

django-redis answers a miss when Redis is unreachable (``IGNORE_EXCEPTIONS``), after at most the
socket timeout. A page asks the cache many times, so a Redis that accepts connections and never
answers (stuck, or behind a dead route) would cost every request many timeouts. Once Redis failed
to answer, these connections give up at once for ``PAUSE`` seconds, then try again.
"""

import threading
import time

from redis.connection import Connection, ConnectionPool
from redis.exceptions import ConnectionError, TimeoutError

#: Seconds in which a Redis that failed to answer is not asked again.
PAUSE = 5

_down_until: dict[tuple, float] = {}
_lock = threading.Lock()


class FailFastMixin:
    def _address(self) -> tuple:
        return (
            getattr(self, "host", None),
            getattr(self, "port", None),
            getattr(self, "path", None),
        )

    def _check_up(self) -> None:
        if time.monotonic() < _down_until.get(self._address(), 0):
            self.disconnect()
            raise ConnectionError("Redis did not answer a moment ago; not asked again yet")

    def _failed(self) -> None:
        with _lock:
            _down_until[self._address()] = time.monotonic() + PAUSE

    def connect_check_health(self, *args, **kwargs):
        self._check_up()
        try:
            return super().connect_check_health(*args, **kwargs)
        except (ConnectionError, TimeoutError):
            self._failed()
            raise

    def send_packed_command(self, *args, **kwargs):
        self._check_up()
        try:
            return super().send_packed_command(*args, **kwargs)
        except (ConnectionError, TimeoutError):
            self._failed()
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (ConnectionError, TimeoutError):
            self._failed()
            raise


class FailFastConnectionPool(ConnectionPool):
    """django-redis' ``CONNECTION_POOL_CLASS``: the connection class that the URL chooses (TCP,
    TLS or a Unix socket), made to fail fast."""

    def __init__(self, connection_class=Connection, **kwargs):
        if not issubclass(connection_class, FailFastMixin):
            connection_class = type(
                f"FailFast{connection_class.__name__}", (FailFastMixin, connection_class), {}
            )
        super().__init__(connection_class=connection_class, **kwargs)
