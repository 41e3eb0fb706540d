"""The seeded demo portal, copied once per test process and put back before each browser test.

A browser test reads the portal through the live server, so its data must be committed, and
pytest-django empties every table after it. Seeding the demo again for each test took 30–56 s
on PostgreSQL; putting back a copy takes about a second. The copy is taken right after the
first seed of a process (outside a transaction: a test that runs inside one seeds as before).

PostgreSQL keeps the copy in a schema of its own beside the tables; Django makes its foreign
keys deferrable, so the rows go back in any order within one transaction. SQLite copies the
whole database with its backup API.
"""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from psycopg import sql
from wagtail.models import Site

SCHEMA = "demo_snapshot"
COPY = sql.Identifier(SCHEMA)
#: Kept out of the copy: the migrations the test database was made with.
KEPT = {"django_migrations"}


class DemoSnapshot:
    def __init__(self):
        self.taken = False
        self._sqlite_copy: sqlite3.Connection | None = None

    @staticmethod
    def usable() -> bool:
        """A copy can be taken or put back only outside a transaction."""
        return not connection.in_atomic_block

    def take(self) -> None:
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self._sqlite_copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self._sqlite_copy)
        else:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    sql.SQL("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}").format(COPY)
                )
                for table in _tables(cursor):
                    cursor.execute(
                        sql.SQL("CREATE TABLE {} AS TABLE {}").format(
                            sql.Identifier(SCHEMA, table), sql.Identifier("public", table)
                        )
                    )
        self.taken = True

    def restore(self) -> None:
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self._sqlite_copy.backup(connection.connection)
        else:
            with transaction.atomic(), connection.cursor() as cursor:
                tables = _tables(cursor)
                cursor.execute(
                    sql.SQL("TRUNCATE {}").format(
                        sql.SQL(", ").join(sql.Identifier("public", table) for table in tables)
                    )
                )
                for table in tables:
                    cursor.execute(
                        sql.SQL("INSERT INTO {} SELECT * FROM {}").format(
                            sql.Identifier("public", table), sql.Identifier(SCHEMA, table)
                        )
                    )
                _reset_sequences(cursor)
        # Ids differ from those of the rows the last flush made again: forget them.
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    return [table for (table,) in cursor.fetchall() if table not in KEPT]


def _reset_sequences(cursor) -> None:
    """Each identity or serial column's sequence continues after the highest id put back."""
    cursor.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval%%')"
    )
    for table, column in cursor.fetchall():
        cursor.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({}), 0) + 1, false) "
                "FROM {}"
            ).format(sql.Identifier(column), sql.Identifier("public", table)),
            [f'public."{table}"', column],
        )
