"""Benchmark of the notifications outbox: one event, many followers, one worker, a local SMTP sink.

Not a test. It creates a PostgreSQL database of its own, migrates it, writes N users who each
follow the district Hörde with "news.published" set to "immediately", starts an SMTP sink
(aiosmtpd, in its own process) and one Celery worker (prefork, concurrency 1, production
settings), fires one ``notify()`` and waits until the sink has received every mail::

    .venv/bin/python scripts/bench_notifications.py [--subscribers 100000]
        [--database-url postgres://postgres@127.0.0.1:5432/mitwirken_bench]
        [--redis-url redis://127.0.0.1:6379/5] [--keep] [--timeout 3600]

The worker runs with ``mitwirken.settings.production`` as deployed: DEBUG off, and the SMTP
backend because ``EMAIL_HOST`` and ``EMAIL_PORT`` are set (the dev settings read neither). It
reports fan-out rows/s, mails/s from commit to the last mail, the SMTP connections the sink saw,
how long a connection was open (the rest is spent between batches), CPU by process, the outbox
statuses and the machine. It drops the database at the end unless ``--keep`` is given (a kept
database is reused). Needs the dev extra (aiosmtpd) and a PostgreSQL role that may create
databases. Run it on a quiet machine: the figure is CPU-bound and the load average is printed.
"""

import argparse
import asyncio
import contextlib
import io
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import (
    CpuMeter,
    database_create,
    database_drop,
    host_facts,
    process_tree,
    users_bulk_create,
)

BASE_DIR = Path(__file__).resolve().parent.parent
EVENT = "news.published"
EMAIL_DOMAIN = "bench.example"
CHUNK = 5000


# The SMTP sink ------------------------------------------------------------------------------
# Runs in a process of its own (spawned, so it imports nothing of Django). It counts what it
# receives in shared memory and parses nothing: the mail is accepted and dropped.


def sink_serve(port: int, stats, ready) -> None:
    from aiosmtpd.smtp import SMTP

    messages, connections, first, last, open_seconds = stats

    class Counter:
        async def handle_DATA(self, server, session, envelope):
            now = time.time()
            with messages.get_lock():
                if messages.value == 0:
                    first.value = now
                messages.value += len(envelope.rcpt_tos)
                last.value = now
            return "250 OK"

    class CountingSMTP(SMTP):
        def connection_made(self, transport):
            self._opened = time.monotonic()
            with connections.get_lock():
                connections.value += 1
            super().connection_made(transport)

        def connection_lost(self, error):
            with open_seconds.get_lock():
                open_seconds.value += time.monotonic() - self._opened
            super().connection_lost(error)

    async def serve():
        handler = Counter()
        server = await asyncio.get_running_loop().create_server(
            lambda: CountingSMTP(handler, hostname="sink.localhost"), "127.0.0.1", port
        )
        ready.set()
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The database -------------------------------------------------------------------------------


def database_analyze(table: str = "") -> bool:
    """Refresh the planner's statistics; returns whether autovacuum would do it by itself."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}" if table else "ANALYZE")
        cursor.execute("SHOW autovacuum")
        return cursor.fetchone()[0] == "on"


def subscribers_create(count: int):
    """N users following Hörde, each wanting news at once. Reuses those a kept database has."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from mitwirken.notifications.models import Follow, Preference
    from mitwirken.places.models import District

    User = get_user_model()
    district = District.objects.get(slug="hoerde")
    content_type = ContentType.objects.get_for_model(District)
    existing = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count()
    if existing:
        print(f"  {existing} subscribers already there")
    started = time.perf_counter()
    for start in range(existing, count, CHUNK):
        stop = min(start + CHUNK, count)
        with transaction.atomic():
            # One in ten reads English, so the event renders two messages.
            users = users_bulk_create(
                range(start, stop),
                email=f"bench{{:06d}}@{EMAIL_DOMAIN}",
                display_name="Bench {}",
                batch_size=1000,
            )
            Follow.objects.bulk_create(
                [
                    Follow(user=user, content_type=content_type, object_id=district.pk)
                    for user in users
                ],
                batch_size=1000,
            )
            Preference.objects.bulk_create(
                [Preference(user=user, kind=EVENT, frequency="immediately") for user in users],
                batch_size=1000,
            )
        print(f"  {stop:>7} / {count} subscribers ({time.perf_counter() - started:.1f} s)")
    return district


# The worker ---------------------------------------------------------------------------------


def worker_start(*, database_url: str, redis_url: str, smtp_port: int, log_path: Path):
    """One Celery worker as production runs it, but with one process and mail to the sink."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mitwirken.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost",
        "BASE_URL": "http://localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # production.py switches to the SMTP backend when EMAIL_HOST is set.
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
    }
    celery = Path(sys.executable).parent / "celery"
    command = [
        str(celery), "-A", "mitwirken", "worker", "--pool", "prefork", "--concurrency", "1",
        "--loglevel", "INFO", "--hostname", f"bench-{os.getpid()}@%h",
    ]  # fmt: skip
    with log_path.open("w") as log:
        return subprocess.Popen(  # noqa: S603
            command,
            cwd=BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def worker_wait_ready(worker, seconds: float = 90) -> None:
    from mitwirken.celery import app

    deadline = time.monotonic() + seconds
    name = f"bench-{os.getpid()}@{socket.gethostname()}"
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"The worker exited with {worker.returncode}")
        if any(name in reply for reply in app.control.ping(timeout=1.0)):
            return
    raise RuntimeError("The worker did not answer a ping")


def worker_stop(worker) -> None:
    if worker.poll() is not None:
        return
    worker.send_signal(signal.SIGTERM)  # warm shutdown; the prefork child goes with it
    try:
        worker.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)  # the session this script started for it
        worker.wait()


# Facts --------------------------------------------------------------------------------------


def machine_facts(redis_url: str) -> dict:
    import django
    import redis
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
    return {
        **host_facts(),
        "Django": django.get_version(),
        "PostgreSQL": f"{postgres} (autovacuum {autovacuum})",
        "Redis": redis.Redis.from_url(redis_url).info("server")["redis_version"],
    }


# The run ------------------------------------------------------------------------------------


class QueryTimer:
    """Times each query ``notify()`` makes, to show where the fan-out spends its time."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, " ".join(sql.split())[:90]))


def fan_out(district) -> tuple[str, int, dict]:
    from django.db import connection, transaction

    from mitwirken.notifications.services import notify
    from mitwirken.pages.kinds import NEWS_PUBLISHED

    key = f"bench:{int(time.time())}"
    timer = QueryTimer()
    with connection.execute_wrapper(timer), transaction.atomic():
        started = time.perf_counter()
        written = notify(
            NEWS_PUBLISHED,
            target=district,
            key=key,
            context={"page": {"title": "Benchmark"}},
            url="/aktuelles/benchmark/",
        )
        notified = time.perf_counter()
    committed = time.perf_counter()
    return (
        key,
        written,
        {
            "notify": notified - started,
            "commit": committed - notified,
            "committed_at": time.time(),
            "queries": sorted(timer.queries, reverse=True),
        },
    )


def database_backends() -> list[int]:
    """The PostgreSQL processes serving the bench database, except this script's own."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def wait_for_sink(stats, expected: int, timeout: float, committed_at: float, meter) -> bool:
    messages = stats[0]
    deadline = time.monotonic() + timeout
    shown = looked = 0.0
    while time.monotonic() < deadline:
        meter.poll()
        count = messages.value
        if count >= expected:
            return True
        if time.monotonic() - looked >= 2:
            meter.watch("PostgreSQL", database_backends())
            looked = time.monotonic()
        if time.monotonic() - shown >= 10:
            elapsed = time.time() - committed_at
            print(f"  {count:>7} / {expected} mails at the sink ({elapsed:.0f} s)")
            shown = time.monotonic()
        time.sleep(0.2)
    return False


def status_counts(key: str, settle: float = 30) -> dict:
    from django.db.models import Count

    from mitwirken.notifications.keys import occurrence_q
    from mitwirken.notifications.models import Notification
    from mitwirken.pages.kinds import NEWS_PUBLISHED

    rows = Notification.objects.filter(occurrence_q(NEWS_PUBLISHED, key))
    deadline = time.monotonic() + settle
    # The last batch is marked sent just after its last mail left; give it a moment.
    while rows.filter(status="pending").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    return dict(rows.values_list("status").annotate(n=Count("pk")).order_by("status"))


def run(args) -> int:
    import multiprocessing

    import django

    database_created = database_create(args.database_url)
    print(f"Database {'created' if database_created else 'reused'}: {args.database_url}")
    django.setup()

    from django.core.management import call_command
    from django.db import connections

    from mitwirken.notifications.services import BATCH_SIZE

    context = multiprocessing.get_context("spawn")
    stats = (
        context.Value("q", 0),  # messages
        context.Value("q", 0),  # SMTP connections
        context.Value("d", 0.0),  # time of the first message
        context.Value("d", 0.0),  # time of the last message
        context.Value("d", 0.0),  # seconds with a connection open
    )
    sink = worker = None
    log_path = Path(tempfile.gettempdir()) / f"bench-notifications-worker-{os.getpid()}.log"
    try:
        print("Migrating …")
        started = time.perf_counter()
        # wagtail-modeltranslation prints the columns it adds; keep the output to the figures.
        with contextlib.redirect_stdout(io.StringIO()):
            call_command("migrate", "--noinput", verbosity=0)
        print(f"  done ({time.perf_counter() - started:.1f} s)")
        print(f"Writing {args.subscribers} subscribers …")
        district = subscribers_create(args.subscribers)
        autovacuum = database_analyze()

        port = free_port()
        ready = context.Event()
        sink = context.Process(target=sink_serve, args=(port, stats, ready), daemon=True)
        sink.start()
        if not ready.wait(30):
            raise RuntimeError("The SMTP sink did not start")
        print(f"SMTP sink on 127.0.0.1:{port} (pid {sink.pid})")
        connections.close_all()  # the worker gets its own; ours reconnects when needed
        worker = worker_start(
            database_url=args.database_url,
            redis_url=args.redis_url,
            smtp_port=port,
            log_path=log_path,
        )
        worker_wait_ready(worker)
        print(f"Celery worker ready (pid {worker.pid}, log {log_path})")

        load_before = os.getloadavg()
        print("Firing one event …")
        key, written, timing = fan_out(district)
        meter = CpuMeter({"worker": process_tree(worker.pid), "SMTP sink": [sink.pid]})
        print(
            f"  notify() wrote {written} rows in {timing['notify']:.2f} s, "
            f"commit {timing['commit']:.2f} s"
        )
        if not autovacuum:
            # What autovacuum does in production within a minute of the fan-out; without fresh
            # statistics the planner misjudges the sender's batch query.
            database_analyze("notifications_notification")
            print("  autovacuum is off: ran ANALYZE on the outbox after the commit")
        arrived = wait_for_sink(stats, written, args.timeout, timing["committed_at"], meter)
        messages, connection_count, first, last, open_seconds = (s.value for s in stats)
        counts = status_counts(key)
        meter.poll()
        cpu = meter.totals()
        load_after = os.getloadavg()
        facts = machine_facts(args.redis_url)
    finally:
        if worker is not None:
            worker_stop(worker)
        if sink is not None:
            sink.terminate()
            sink.join(10)
        connections.close_all()
        if not args.keep:
            database_drop(args.database_url)
            print("Database dropped")
    ok = arrived and counts == {"sent": written}
    if ok:
        log_path.unlink(missing_ok=True)
    else:
        print(f"Worker log kept: {log_path}")

    window = last - timing["committed_at"] if messages else float("nan")
    sending = last - first if messages > 1 else float("nan")
    print()
    print("Result" + ("" if arrived else f" (TIMED OUT after {args.timeout:.0f} s)"))
    print(f"  subscribers                {args.subscribers}")
    print(
        f"  fan-out                    {written} rows in {timing['notify']:.2f} s"
        f" = {written / timing['notify']:,.0f} rows/s (commit {timing['commit']:.2f} s)"
    )
    print("  slowest queries of notify():")
    for seconds, sql in timing["queries"][:4]:
        print(f"    {seconds:7.2f} s  {sql}")
    print(
        f"  sending                    {messages} mails in {window:.1f} s from commit"
        f" = {messages / window:,.0f} mails/s"
    )
    print(f"  first mail after commit    {first - timing['committed_at']:.2f} s")
    print(f"  first to last mail         {sending:.1f} s = {messages / sending:,.0f} mails/s")
    print(
        f"  SMTP connections           {connection_count}"
        f" (batches of {BATCH_SIZE}: {math.ceil(written / BATCH_SIZE)} expected)"
    )
    print(
        f"  connection open            {open_seconds:.1f} s of {window:.1f} s"
        f" ({open_seconds / window:.0%}); the rest: marking rows sent, fetching the next batch"
    )
    print(
        "  CPU while sending          "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in cpu.items())
        + f" in {window:.0f} s"
    )
    print(
        f"  worker CPU per mail        {cpu.get('worker', 0) / max(messages, 1) * 1000:.2f} ms"
        f" (busy {cpu.get('worker', 0) / window:.0%} of one core)"
    )
    print(f"  outbox rows by status      {counts}")
    print("Machine")
    for name, value in facts.items():
        print(f"  {name:<26} {value}")
    print(
        "  load average (1 min)       "
        f"{load_before[0]:.2f} before the event, {load_after[0]:.2f} after the last mail"
    )
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/mitwirken_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument(
        "--timeout", type=float, default=3600, help="seconds to wait for the last mail"
    )
    args = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mitwirken.settings.dev",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        DEBUG="0",  # no query log in this process
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(BASE_DIR))
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
