"""What the benchmarks in scripts/ share: databases of their own on the PostgreSQL server, the CPU
time of processes read from /proc, and the facts of the machine they ran on.

Imports nothing of Django: the page benchmark uses it before Django is set up."""

import contextlib
import os
import platform
from pathlib import Path


def admin_connection(database_url: str):
    """An autocommit connection to the server's ``postgres`` database, and the name of the
    database that ``database_url`` names."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(database_url)
    connection = psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    return connection, config["NAME"]


def database_create(database_url: str, *, template: str = "") -> bool:
    """Create the database unless it exists (as a copy of ``template`` if given); returns
    whether it was created."""
    from psycopg import sql

    connection, name = admin_connection(database_url)
    with connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            connection.execute(statement)
    return not exists


def database_drop(database_url: str) -> None:
    from psycopg import sql

    connection, name = admin_connection(database_url)
    with connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def database_comment(database_url: str) -> str | None:
    """The comment of the database (None when it does not exist, "" without a comment)."""
    connection, name = admin_connection(database_url)
    with connection:
        row = connection.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database"
            " WHERE datname = %s",
            [name],
        ).fetchone()
    return row[0] if row else None


def database_comment_set(database_url: str, comment: str) -> None:
    from psycopg import sql

    connection, name = admin_connection(database_url)
    with connection:
        connection.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(comment)
            )
        )


def users_bulk_create(numbers, *, email: str, display_name: str, batch_size: int) -> list:
    """Accounts without a usable password, one per number, its e-mail address and display name
    formatted from it; one in ten reads English."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    user_model = get_user_model()
    return user_model.objects.bulk_create(
        [
            user_model(
                email=email.format(number),
                display_name=display_name.format(number),
                password=make_password(None),
                language="en" if number % 10 == 9 else "de",
            )
            for number in numbers
        ],
        batch_size=batch_size,
    )


def stat_cpu_seconds(stat: str) -> float:
    """User plus system CPU seconds from the text of ``/proc/<pid>/stat``. The process name in
    the second field may hold spaces and parentheses, so the fields are counted after its
    closing one: utime and stime are the 14th and 15th fields of the line."""
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time a process has used so far; None once it is gone."""
    try:
        return stat_cpu_seconds(Path(f"/proc/{pid}/stat").read_text())
    except OSError:
        return None


class CpuMeter:
    """CPU seconds that groups of processes spend from now on, read from /proc.

    A process first seen later (the worker's database connection) counts from zero; one that
    ends counts with its last reading.
    """

    def __init__(self, groups: dict[str, list[int]]):
        self.group, self.start, self.latest = {}, {}, {}
        for name, pids in groups.items():
            self.watch(name, pids, from_zero=False)

    def watch(self, name: str, pids: list[int], *, from_zero: bool = True) -> None:
        for pid in pids:
            if pid not in self.group and (seconds := cpu_seconds(pid)) is not None:
                self.group[pid] = name
                self.start[pid] = 0.0 if from_zero else seconds
                self.latest[pid] = seconds

    def poll(self) -> None:
        for pid in self.group:
            if (seconds := cpu_seconds(pid)) is not None:
                self.latest[pid] = seconds

    def totals(self) -> dict[str, float]:
        totals = {}
        for pid, name in self.group.items():
            totals[name] = totals.get(name, 0.0) + self.latest[pid] - self.start[pid]
        return totals


def process_children(pid: int) -> list[int]:
    """The direct children of a process."""
    children = []
    for tasks in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            children += [int(child) for child in tasks.read_text().split()]
    return children


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    pids = [pid]
    for child in process_children(pid):
        pids += process_tree(child)
    return pids


def host_facts() -> dict:
    """The CPU, its cores, memory, kernel and Python of this machine."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        platform.processor() or "unknown",
    )
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    return {
        "CPU": model,
        "cores": os.cpu_count(),
        "memory": f"{memory_kb / 1024 / 1024:.0f} GiB",
        "kernel": platform.release(),
        "Python": platform.python_version(),
    }
