"""Benchmark of the public pages: server CPU, throughput, latency, queries and bytes per page.

Not a test (``make bench``; docs/performance.md explains the figures). It builds two PostgreSQL
databases and keeps them while their recipe holds (scripts/bench_data.py):

- the demo portal (``seed_demo``, plus a large and a median procedure with a few contributions),
- the 10x data set on a copy of it: 500 procedures, 8,000 proposals, 12,000 comments, 20,000
  supports, 2,000 users, 200 formats, offerings and planned projects; one procedure holds a
  tenth of all contributions.

It serves each with the production settings on gunicorn (2 sync workers, Redis with a database
number of its own, flushed first) through scripts/bench_wsgi.py, which adds a trivial view and
a query counter. Every page is measured anonymous and signed in as a verified citizen (logged
in through the login form): after a warm-up, requests from a few threads on keep-alive
connections for a few seconds each; the CPU time of the gunicorn workers and of their
PostgreSQL backends from /proc; queries per request on both databases; the bytes of a first
visit in Chromium. It prints a Markdown table with the issue's goals and writes it into
docs/performance.md between its markers::

    .venv/bin/python scripts/bench_pages.py [--seconds 5] [--requests 1000] [--pages home,large]
        [--database-url postgres://postgres@127.0.0.1:5432/mitwirken_bench_pages]
        [--redis-url redis://127.0.0.1:6379/14] [--port 8210] [--rebuild] [--no-docs]
    .venv/bin/python scripts/bench_pages.py --profile large [--signed-in]   # cProfile, in-process

Every option also reads an environment variable: BENCH_SECONDS, BENCH_REQUESTS, BENCH_PAGES,
BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT... (``--help``).
"""

import argparse
import contextlib
import datetime
import gzip
import hashlib
import http.client
import http.cookies
import importlib.metadata
import math
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from bench_common import (
    CpuMeter,
    admin_connection,
    database_comment,
    database_comment_set,
    database_create,
    database_drop,
    host_facts,
    process_children,
)

BASE_DIR = Path(__file__).resolve().parent.parent
SCRIPTS = BASE_DIR / "scripts"
PYTHON = sys.executable
DOCS = BASE_DIR / "docs" / "performance.md"
MARK_START = "<!-- bench_pages: start -->"
MARK_END = "<!-- bench_pages: end -->"
KB = 1024
#: Raise when the data set changes in a way the hashed files do not show.
RECIPE_VERSION = 1
ANONYMOUS, SIGNED_IN = "anonymous", "signed in"
AUDIENCES = (ANONYMOUS, SIGNED_IN)
TRIVIAL = "trivial"


@dataclass(frozen=True)
class Page:
    key: str
    name: str
    path: str  # a procedure's is looked up by its slug (``slug``)
    slug: str = ""
    #: Text the page shows when it is what it should be (results, the procedure...).
    expect: str = ""


PAGES = (
    Page(TRIVIAL, "Trivial view (36 KB text)", "/bench-trivial/", expect="Mitwirken"),
    Page("home", "Home", "/"),
    Page("list", "Procedure list", "/beteiligung/"),
    Page(
        "list-filtered",
        "Procedure list, filtered",
        "/beteiligung/?district=hoerde&status=open",
        expect="Hörde",
    ),
    Page("large", "Large procedure", "", slug="grosses-verfahren", expect="Masterplan"),
    Page("median", "Median procedure", "", slug="mittleres-verfahren", expect="Nordmarkt"),
    Page("plans", "Vorhabenliste", "/vorhabenliste/"),
    Page("toolkit", "Instrumentenkoffer", "/instrumentenkoffer/"),
    Page(
        "finder",
        "Wegweiser answer",
        "/wegweiser/?intent=opinion&district=hoerde&how=either",
        expect='class="card-list card-list--wide"',
    ),
    Page("hub", "District hub (Hörde)", "/stadtbezirke/hoerde/"),
    Page("search", "Search", "/suche/?q=Spielplatz", expect='class="search-results"'),
)
#: Pages of a browser's first visit: home and the median procedure.
FIRST_VISIT = (("home", 150), ("median", 200))


# Recipe and databases -------------------------------------------------------------------------


def recipe_files() -> list[Path]:
    """What the data set is made of: the builder, the factories, every app's seed data and
    migrations."""
    apps = [
        folder
        for folder in sorted(BASE_DIR.iterdir())
        if (folder / "__init__.py").exists() and folder.name not in ("tests", "scripts")
    ]
    files = [SCRIPTS / "bench_data.py", *sorted((BASE_DIR / "tests" / "factories").glob("*.py"))]
    for app in apps:
        files += sorted(
            path
            for path in app.rglob("*")
            if path.is_file()
            and "__pycache__" not in path.parts
            and ("seed" in path.parts or "migrations" in path.parts)
        )
    return files


def recipe(kind: str) -> str:
    """A hash of the recipe of a database: the files above and the installed packages (whose
    migrations it also ran)."""
    digest = hashlib.sha256(f"{RECIPE_VERSION} {kind}\n".encode())
    for path in recipe_files():
        digest.update(str(path.relative_to(BASE_DIR)).encode() + b"\0" + path.read_bytes())
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    return f"bench_pages {kind} {digest.hexdigest()[:16]}"


def database_url_with_name(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url: str) -> str:
    return urllib.parse.urlsplit(url).path.lstrip("/")


def cache_dir(demo_url: str) -> Path:
    """Where the uploads of the demo seed live, beside the databases that point to them."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mitwirken-bench" / database_name(demo_url)


def run_step(label: str, command: list[str], env: dict, *, quiet: bool = False) -> float:
    """Run a build step in a process of its own; returns its seconds."""
    started = time.perf_counter()
    print(f"  {label} …", flush=True)
    output = subprocess.DEVNULL if quiet else None
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True, stdout=output)  # noqa: S603
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.1f} s", flush=True)
    return seconds


def vacuum_analyze(database_url: str) -> None:
    """Fresh planner statistics, as autovacuum would have them (it may be off on this server)."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def databases_ensure(args) -> dict:
    """Build the demo and the 10x database unless their recipes are current; returns how long
    each build took (0 when reused)."""
    demo_recipe, large_recipe = recipe("demo"), recipe("10x")
    media = cache_dir(args.demo_database_url)
    stamp = media / "recipe"
    timings = {"demo": 0.0, "10x": 0.0}
    current = (
        not args.rebuild
        and stamp.exists()
        and stamp.read_text() == demo_recipe
        and database_comment(args.demo_database_url) == demo_recipe
    )
    if current:
        print(f"Demo database reused: {database_name(args.demo_database_url)} ({demo_recipe})")
    else:
        print(f"Building the demo database {database_name(args.demo_database_url)} …")
        started = time.perf_counter()
        database_drop(args.database_url)
        database_drop(args.demo_database_url)
        shutil.rmtree(media, ignore_errors=True)
        media.mkdir(parents=True)
        database_create(args.demo_database_url)
        env = server_env(args, args.demo_database_url, args.port)
        # wagtail-modeltranslation prints the columns it adds; errors go to stderr.
        run_step("migrate", [PYTHON, "manage.py", "migrate", "--noinput"], env, quiet=True)
        run_step("seed_demo", [PYTHON, "manage.py", "seed_demo"], env)
        run_step("bench additions", [PYTHON, str(SCRIPTS / "bench_data.py"), "--demo"], env)
        vacuum_analyze(args.demo_database_url)
        database_comment_set(args.demo_database_url, demo_recipe)
        stamp.write_text(demo_recipe)
        timings["demo"] = time.perf_counter() - started
        print(f"Demo database built in {timings['demo']:.0f} s")
    if not args.rebuild and database_comment(args.database_url) == large_recipe:
        print(f"10x database reused: {database_name(args.database_url)} ({large_recipe})")
    else:
        print(f"Building the 10x database {database_name(args.database_url)} …")
        started = time.perf_counter()
        database_drop(args.database_url)
        database_create(args.database_url, template=database_name(args.demo_database_url))
        env = server_env(args, args.database_url, args.port)
        run_step("10x data set", [PYTHON, str(SCRIPTS / "bench_data.py"), "--scale", "1"], env)
        vacuum_analyze(args.database_url)
        database_comment_set(args.database_url, large_recipe)
        timings["10x"] = time.perf_counter() - started
        print(f"10x database built in {timings['10x']:.0f} s")
    return timings


@contextlib.contextmanager
def bench_lock(database_url: str):
    """One page benchmark at a time on this PostgreSQL server: two would share the cores, the
    ports and the databases."""
    connection, _name = admin_connection(database_url)
    key = "select hashtext('mitwirken bench_pages')"
    with connection:
        if not connection.execute(f"SELECT pg_try_advisory_lock(({key}))").fetchone()[0]:  # noqa: S608
            print("Another page benchmark is running on this server; waiting for it …")
            connection.execute(f"SELECT pg_advisory_lock(({key}))")  # noqa: S608
        yield


# The server -----------------------------------------------------------------------------------


def server_env(args, database_url: str, port: int) -> dict:
    """The production settings' environment (mitwirken/settings/production.py)."""
    media = cache_dir(args.demo_database_url)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mitwirken.settings.production",
        "SECRET_KEY": args.secret_key,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "REDIS_URL": args.redis_url,
        "EMAIL_HOST": "127.0.0.1",  # nothing here sends mail
        "STATIC_ROOT": str(args.static_root),
        "MEDIA_ROOT": str(media / "media"),
        "PRIVATE_MEDIA_ROOT": str(media / "private"),
        "PYTHONPATH": os.pathsep.join([str(BASE_DIR), str(SCRIPTS)]),
    }


def redis_flush(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


class Server:
    """gunicorn with the benchmark's WSGI application on one database."""

    def __init__(self, args, database_url: str, port: int):
        self.args, self.database_url, self.port = args, database_url, port
        self.log = Path(tempfile.gettempdir()) / f"bench-pages-gunicorn-{port}-{os.getpid()}.log"
        self.process = self.monitor = None

    def __enter__(self):
        redis_flush(self.args.redis_url)
        command = [
            str(Path(PYTHON).parent / "gunicorn"), "bench_wsgi:application",
            "--chdir", str(BASE_DIR), "--pythonpath", str(SCRIPTS),
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.args.workers),
            "--worker-class", "sync", "--timeout", "120", "--access-logfile", "-",
        ]  # fmt: skip
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command,
                cwd=BASE_DIR,
                env=server_env(self.args, self.database_url, self.port),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            with contextlib.suppress(OSError):
                if request(self.port, "/healthz").status == 200:
                    break
            time.sleep(0.3)
        else:
            raise RuntimeError("gunicorn did not answer /healthz")
        while len(self.workers()) < self.args.workers:
            time.sleep(0.1)
        self.monitor = psycopg.connect(self.database_url, autocommit=True)

    def __exit__(self, *exc):
        if self.monitor is not None:
            self.monitor.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # the session started for it
                self.process.wait()
        if exc[0] is None:
            self.log.unlink(missing_ok=True)
        else:
            print(f"gunicorn's log kept: {self.log}")

    def workers(self) -> list[int]:
        return process_children(self.process.pid)

    def backends(self) -> list[int]:
        """The PostgreSQL processes serving the workers' connections, which live for a minute
        (CONN_MAX_AGE), so a measurement may see a new one."""
        rows = self.monitor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        ).fetchall()
        return [pid for (pid,) in rows]


# HTTP -----------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes  # as sent
    seconds: float

    @property
    def html(self) -> bytes:
        """The body decoded from its content encoding."""
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            return gzip.decompress(self.body)
        if encoding == "deflate":
            return zlib.decompress(self.body)
        return self.body

    def cookies(self) -> dict[str, str]:
        jar = http.cookies.SimpleCookie()
        for header in self.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return {name: morsel.value for name, morsel in jar.items()}


def base_headers(port: int) -> dict:
    """What a browser behind the production proxy sends: HTTPS as the proxy says."""
    return {
        "Host": f"127.0.0.1:{port}",
        "X-Forwarded-Proto": "https",
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        "Accept-Language": "de-DE,de;q=0.9",
        "Accept-Encoding": "gzip, deflate",
        "User-Agent": "mitwirken-bench-pages",
    }


def cookie_header(cookies: dict[str, str]) -> dict:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}


def request(
    port: int,
    path: str,
    *,
    method: str = "GET",
    headers: dict | None = None,
    body: bytes | None = None,
    connection: http.client.HTTPConnection | None = None,
) -> Response:
    """One request; on ``connection`` if given (reopened by http.client when the server
    closed it, as gunicorn's sync workers do after each response)."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=180)
    try:
        started = time.perf_counter()
        connection.request(
            method, path, body=body, headers={**base_headers(port), **(headers or {})}
        )
        answer = connection.getresponse()
        data = answer.read()
        return Response(answer.status, answer.headers, data, time.perf_counter() - started)
    finally:
        if own:
            connection.close()


def log_in(port: int, email: str, password: str) -> dict[str, str]:
    """Sign in through allauth's login form; returns the session's cookies."""
    form = request(port, "/accounts/login/")
    cookies = form.cookies()
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.html)
    if form.status != 200 or token is None or "csrftoken" not in cookies:
        raise RuntimeError(f"No login form: {form.status}")
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1).decode(), "login": email, "password": password}
    ).encode()
    origin = f"https://127.0.0.1:{port}"
    answer = request(
        port,
        "/accounts/login/",
        method="POST",
        body=body,
        headers={
            **cookie_header(cookies),
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": f"{origin}/accounts/login/",
        },
    )
    cookies.update(answer.cookies())
    if answer.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"Login failed: {answer.status}")
    home = request(port, "/", headers=cookie_header(cookies))
    if b"site-account__logout" not in home.html:
        raise RuntimeError("Signed in, but the home page shows no logout button")
    return cookies


def page_paths(database_url: str) -> dict[str, str]:
    """The address of every page; a procedure's from its place in the tree."""
    import psycopg

    paths = {page.key: page.path for page in PAGES if page.path}
    with psycopg.connect(database_url) as connection:
        for page in PAGES:
            if page.slug:
                row = connection.execute(
                    "SELECT p.url_path, root.url_path FROM wagtailcore_page p,"
                    " wagtailcore_site site JOIN wagtailcore_page root"
                    " ON root.id = site.root_page_id"
                    " WHERE site.is_default_site AND p.slug = %s",
                    [page.slug],
                ).fetchone()
                if row is None:
                    raise RuntimeError(f"No page with the slug {page.slug}")
                paths[page.key] = "/" + row[0][len(row[1]) :]
    return paths


# Measuring ------------------------------------------------------------------------------------


@dataclass
class Measurement:
    requests: int = 0
    seconds: float = 0.0
    cpu: float = 0.0  # seconds of the gunicorn workers
    db_cpu: float = 0.0  # seconds of their PostgreSQL backends
    latencies: list = field(default_factory=list)
    html_bytes: int = 0
    sent_bytes: int = 0
    queries: int | None = None
    queries_demo: int | None = None

    @property
    def cpu_ms(self) -> float:
        return self.cpu / self.requests * 1000

    @property
    def db_cpu_ms(self) -> float:
        return self.db_cpu / self.requests * 1000

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        """The nearest-rank percentile of the latencies, in milliseconds."""
        ordered = sorted(self.latencies)
        rank = math.ceil(round(share * len(ordered), 9))  # 0.99 * 100 is 99.00000000000001
        return ordered[max(0, rank - 1)] * 1000


def load(server: "Server", path: str, headers: dict, meter: CpuMeter) -> tuple[list, Response]:
    """Requests from ``args.concurrency`` threads until ``args.seconds`` have passed (at least
    ``args.min_requests``, at most ``args.requests``); returns the latencies and the last
    response. Meanwhile ``meter`` follows the workers and their database backends."""
    args, port = server.args, server.port
    lock = threading.Lock()
    state = {"issued": 0, "latencies": [], "last": None, "error": None}
    deadline = time.monotonic() + args.seconds

    def ticket() -> bool:
        with lock:
            issued = state["issued"]
            more = issued < args.min_requests or time.monotonic() < deadline
            if state["error"] or issued >= args.requests or not more:
                return False
            state["issued"] += 1
            return True

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
        try:
            while ticket():
                answer = request(port, path, headers=headers, connection=connection)
                with lock:
                    if answer.status != 200:
                        state["error"] = f"{path} answered {answer.status}"
                    state["latencies"].append(answer.seconds)
                    state["last"] = answer
        except Exception as error:  # reported below
            state["error"] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=client) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        meter.poll()
        meter.watch("db", server.backends())
        time.sleep(0.25)
    for thread in threads:
        thread.join()
    meter.poll()
    if state["error"]:
        raise RuntimeError(state["error"])
    return state["latencies"], state["last"]


def count_queries(port: int, path: str, headers: dict) -> tuple[int, Response]:
    answer = request(port, path, headers={**headers, "X-Bench-Count-Queries": "1"})
    if answer.status != 200:
        raise RuntimeError(f"{path} answered {answer.status}")
    return int(answer.headers["X-Bench-Queries"]), answer


def check(page: Page, answer: Response) -> None:
    if page.expect and page.expect.encode() not in answer.html:
        raise RuntimeError(f"{page.name} ({answer.status}) does not show {page.expect!r}")


def warm_up(server: Server, path: str, headers: dict) -> None:
    """Two requests per worker, concurrently, so that each worker has rendered the page."""
    threads = [
        threading.Thread(target=request, args=(server.port, path), kwargs={"headers": headers})
        for _ in range(2 * server.args.workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def measure(server: Server, page: Page, path: str, headers: dict) -> Measurement:
    warm_up(server, path, headers)
    meter = CpuMeter({"workers": server.workers(), "db": server.backends()})
    started = time.perf_counter()
    latencies, last = load(server, path, headers, meter)
    seconds = time.perf_counter() - started
    cpu = meter.totals()
    result = Measurement(
        requests=len(latencies),
        seconds=seconds,
        cpu=cpu.get("workers", 0.0),
        db_cpu=cpu.get("db", 0.0),
        latencies=latencies,
        html_bytes=len(last.html),
        sent_bytes=len(last.body),
    )
    check(page, last)
    result.queries, _answer = count_queries(server.port, path, headers)
    return result


def audiences(server: Server) -> dict[str, dict]:
    """The request headers of each audience: none, and a signed-in citizen's session."""
    from bench_data import CITIZEN_EMAIL, CITIZEN_PASSWORD

    cookies = log_in(server.port, CITIZEN_EMAIL, CITIZEN_PASSWORD)
    return {ANONYMOUS: {}, SIGNED_IN: cookie_header(cookies)}


def demo_queries(args, pages: list[Page]) -> dict[tuple[str, str], int]:
    """Queries per request of the same pages on the demo database."""
    paths = page_paths(args.demo_database_url)
    counts = {}
    print("Queries on the demo database …", flush=True)
    with Server(args, args.demo_database_url, args.port + 1) as server:
        for audience, headers in audiences(server).items():
            for page in pages:
                warm_up(server, paths[page.key], headers)
                counts[page.key, audience], answer = count_queries(
                    server.port, paths[page.key], headers
                )
                check(page, answer)
    return counts


def measure_all(args, pages: list[Page]) -> tuple[dict[tuple[str, str], Measurement], dict]:
    paths = page_paths(args.database_url)
    results = {}
    print(f"Measuring on the 10x database, {args.seconds:g} s per page …", flush=True)
    with Server(args, args.database_url, args.port) as server:
        for audience, headers in audiences(server).items():
            for page in pages:
                result = measure(server, page, paths[page.key], headers)
                results[page.key, audience] = result
                print(
                    f"  {page.name:<28} {audience:<10} {result.cpu_ms:7.1f} ms CPU"
                    f" {result.rps:6.1f} req/s  p50 {result.percentile(0.5):7.1f} ms"
                    f"  {result.queries:>3} queries  {result.html_bytes / KB:6.1f} KB"
                    f"  ({result.requests} requests)",
                    flush=True,
                )
        first_visit = first_visits(args, server, paths) if args.browser else {}
    return results, first_visit


def first_visit(browser, url: str) -> dict[str, tuple[int, int]]:
    """What Chromium fetches on a first visit to ``url`` (empty cache), by resource type:
    how many and their bytes on the wire (headers and the body as sent)."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800},
        extra_http_headers={"X-Forwarded-Proto": "https"},
        locale="de-DE",
    )
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda item: finished.append(item))  # Playwright marks its handler
    page.goto(url, wait_until="networkidle")
    by_type = {}
    for item in finished:
        if not item.url.startswith("http"):
            continue  # data: URLs cost nothing on the wire
        sizes = item.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        count, total = by_type.get(item.resource_type, (0, 0))
        by_type[item.resource_type] = (count + 1, total + size)
        print(f"    {size / KB:7.1f} KB  {item.resource_type:<10} {item.url}")
    context.close()
    return by_type


def first_visits(args, server: Server, paths: dict) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    visits = {}
    print("First visits in Chromium …", flush=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        try:
            for key, _goal in FIRST_VISIT:
                visits[key] = first_visit(browser, f"http://127.0.0.1:{server.port}{paths[key]}")
        finally:
            browser.close()
    return visits


# Report ---------------------------------------------------------------------------------------


def number(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def results_table(results: dict, pages: list[Page]) -> str:
    """The Markdown table of the measurements."""
    trivial = results.get((TRIVIAL, ANONYMOUS))
    lines = [
        "| Page | Who | CPU ms/req | × trivial | DB CPU ms/req | req/s | p50 ms | p99 ms "
        "| Queries 10× | Queries demo | HTML KB | Sent KB | Requests |",
        "| --- | --- |" + " ---: |" * 11,
    ]
    for page in pages:
        for audience in AUDIENCES:
            result = results.get((page.key, audience))
            if result is None:
                continue
            ratio = result.cpu_ms / trivial.cpu_ms if trivial and trivial.cpu else None
            lines.append(
                "| "
                + " | ".join(
                    [
                        page.name,
                        audience,
                        number(result.cpu_ms),
                        number(ratio) + "×" if ratio is not None else "–",
                        number(result.db_cpu_ms),
                        number(result.rps),
                        number(result.percentile(0.5)),
                        number(result.percentile(0.99)),
                        number(result.queries),
                        number(result.queries_demo),
                        number(result.html_bytes / KB),
                        number(result.sent_bytes / KB),
                        number(result.requests),
                    ]
                )
                + " |"
            )
    return "\n".join(lines)


def goals(results: dict, first_visit: dict) -> list[tuple[str, str, bool | None]]:
    """The goals of issue 14, each with the measured value and whether it is met (None: not
    measured)."""
    rows = []
    trivial = results.get((TRIVIAL, ANONYMOUS))

    def ratio(key: str, audience: str) -> float | None:
        result = results.get((key, audience))
        if result is None or trivial is None or not trivial.cpu:
            return None
        return result.cpu_ms / trivial.cpu_ms

    def goal(text: str, value: float | None, limit: float, unit: str = "×") -> None:
        shown = "not measured" if value is None else f"{number(value)}{unit}"
        rows.append((text, shown, None if value is None else value <= limit))

    names = {page.key: page.name for page in PAGES}
    for key in ("home", "list", "large", "median", "toolkit", "hub"):
        goal(f"Cache hit, anonymous {names[key]}: ≤ 3× trivial", ratio(key, ANONYMOUS), 3)
    for key, limit in (("home", 30), ("list", 40), ("median", 60)):
        goal(f"Signed in {names[key]}: ≤ {limit}× trivial", ratio(key, SIGNED_IN), limit)
    for audience in AUDIENCES:
        large, median = results.get(("large", audience)), results.get(("median", audience))
        goal(
            f"Large procedure ≤ 1.5× the median one ({audience}, CPU)",
            large.cpu_ms / median.cpu_ms if large and median and median.cpu else None,
            1.5,
        )
    for audience in AUDIENCES:
        large = results.get(("large", audience))
        goal(
            f"Large procedure HTML ≤ 100 KB ({audience})",
            large.html_bytes / KB if large else None,
            100,
            " KB",
        )
    compared = [
        (key, audience, result)
        for (key, audience), result in results.items()
        if key != TRIVIAL and result.queries_demo is not None
    ]
    differing = [
        f"{names[key]} {audience} {result.queries_demo} → {result.queries}"
        for key, audience, result in compared
        if result.queries != result.queries_demo
    ]
    rows.append(
        (
            "Queries equal on the demo and the 10× data",
            f"{len(compared) - len(differing)} of {len(compared)} equal"
            + ("; " + ", ".join(differing) if differing else ""),
            not differing if compared else None,
        )
    )
    for key, limit in FIRST_VISIT:
        visit = first_visit.get(key)
        total = sum(size for _count, size in visit.values()) / KB if visit else None
        goal(f"First visit, {names[key]}: ≤ {limit} KB", total, limit, " KB")
    return rows


def goals_table(rows) -> str:
    marks = {True: "met", False: "**not met**", None: "–"}
    lines = ["| Goal | Measured | |", "| --- | --- | --- |"]
    lines += [f"| {text} | {value} | {marks[met]} |" for text, value, met in rows]
    return "\n".join(lines)


def first_visit_table(first_visit: dict) -> str:
    names = {page.key: page.name for page in PAGES}
    kinds = sorted({kind for visit in first_visit.values() for kind in visit})
    lines = [
        "| Page | Requests | Total KB | " + " | ".join(f"{kind} KB" for kind in kinds) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " |",
    ]
    for key, visit in first_visit.items():
        cells = [
            number(visit[kind][1] / KB) + f" ({visit[kind][0]})" if kind in visit else "–"
            for kind in kinds
        ]
        lines.append(
            f"| {names[key]} | {sum(c for c, _s in visit.values())} "
            f"| {number(sum(s for _c, s in visit.values()) / KB)} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines)


def facts(args) -> dict:
    import psycopg
    import redis

    with psycopg.connect(args.database_url) as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        **host_facts(),
        "Django": importlib.metadata.version("django"),
        "Wagtail": importlib.metadata.version("wagtail"),
        "gunicorn": f"{importlib.metadata.version('gunicorn')}, {args.workers} sync workers",
        "PostgreSQL": postgres,
        "Redis": redis.Redis.from_url(args.redis_url).info("server")["redis_version"],
    }


def report(args, results, first_visit, machine, builds) -> str:
    pages = [page for page in PAGES if any((page.key, a) in results for a in AUDIENCES)]
    shown = ("date", "commit", "load")
    parts = [
        textwrap.fill(
            f"Measured {machine['date']} at commit {machine['commit']}, "
            f"{args.seconds:g} s per page and audience (at least {args.min_requests} requests) "
            f"from {args.concurrency} client threads. Machine: "
            + ", ".join(f"{name} {value}" for name, value in machine.items() if name not in shown)
            + f"; load average {machine['load']}.",
            100,
        ),
        "",
        results_table(results, pages),
        "",
        goals_table(goals(results, first_visit)),
    ]
    if first_visit:
        parts += [
            "",
            "First visit (Chromium, empty cache, 1280×800):",
            "",
            first_visit_table(first_visit),
        ]
    if any(builds.values()):
        parts += [
            "",
            "Databases built in this run: "
            + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in builds.items() if seconds)
            + ".",
        ]
    return "\n".join(parts)


def docs_write(text: str) -> None:
    content = DOCS.read_text()
    start, end = content.index(MARK_START), content.index(MARK_END)
    DOCS.write_text(content[: start + len(MARK_START)] + "\n" + text + "\n" + content[end:])


# Profile --------------------------------------------------------------------------------------


def profile(args) -> int:
    """The page under cProfile in this process: through the benchmark's WSGI application with
    the production settings on the 10x database, as a gunicorn worker serves it."""
    import cProfile
    import io
    import pstats

    os.environ.update(server_env(args, args.database_url, args.port))
    sys.path.insert(0, str(BASE_DIR))
    import bench_wsgi  # sets Django up
    from bench_data import CITIZEN_EMAIL
    from django.contrib.auth import get_user_model
    from django.test import Client

    page = next(page for page in PAGES if page.key == args.profile)
    path, _, query = page_paths(args.database_url)[page.key].partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": str(args.port),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        **{
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in base_headers(args.port).items()
        },
    }
    if args.signed_in:
        client = Client()
        client.force_login(get_user_model().objects.get(email=CITIZEN_EMAIL))
        environ["HTTP_COOKIE"] = f"sessionid={client.cookies['sessionid'].value}"

    def get(**extra) -> dict:
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=dict(headers))

        body = bench_wsgi.application(
            {**environ, "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, **extra},
            start_response,
        )
        answer["body"] = b"".join(body)
        body.close()  # request_finished, as gunicorn sends it
        if not answer["status"].startswith("200"):
            raise RuntimeError(f"{page.name} answered {answer['status']}")
        return answer

    get(), get()
    queries = get(HTTP_X_BENCH_COUNT_QUERIES="1")["headers"][bench_wsgi.QUERIES_HEADER]
    profiler = cProfile.Profile(time.process_time)  # CPU, as the table measures it
    started = time.process_time()
    profiler.enable()
    for _ in range(args.profile_requests):
        get()
    profiler.disable()
    seconds = (time.process_time() - started) / args.profile_requests
    print(
        f"{page.name} ({SIGNED_IN if args.signed_in else ANONYMOUS}): {seconds * 1000:.1f} ms"
        f" CPU per request under the profiler, {queries} queries"
    )
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(50)
    return 0


# Main -----------------------------------------------------------------------------------------


def run(args) -> int:
    pages = [page for page in PAGES if page.key == TRIVIAL or page.key in args.pages]
    with bench_lock(args.database_url):
        builds = databases_ensure(args)
        if args.profile:
            return profile(args)
        print("collectstatic …", flush=True)
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE_DIR,
            env=server_env(args, args.database_url, args.port),
            check=True,
        )
        load_before = os.getloadavg()[0]
        demo = demo_queries(args, pages)
        results, first_visit = measure_all(args, pages)
        for key, result in results.items():
            result.queries_demo = demo.get(key)
        machine = facts(args)
        machine["load"] = f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    text = report(args, results, first_visit, machine, builds)
    print()
    print(text)
    if args.docs:
        docs_write(text)
        print(f"\nWritten to {DOCS.relative_to(BASE_DIR)}")
    return 0


#: Numeric options: flag, environment variable, type, default, help.
NUMBERS = (
    ("--port", "BENCH_PORT", int, 8210, "the 10x server's port; the demo server takes the next"),
    ("--workers", "BENCH_WORKERS", int, 2, "gunicorn's sync workers"),
    ("--concurrency", "BENCH_CONCURRENCY", int, 2, "client threads"),
    ("--seconds", "BENCH_SECONDS", float, 5, "measuring time per page and audience"),
    ("--requests", "BENCH_REQUESTS", int, 2000, "at most this many requests per page and audience"),
    ("--min-requests", "BENCH_MIN_REQUESTS", int, 10, "at least this many, however long they take"),
)


def main() -> int:
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=env(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mitwirken_bench_pages"
        ),
        help="the 10x database (BENCH_DATABASE_URL); the demo one is named after it + _demo",
    )
    parser.add_argument("--demo-database-url", default=env("BENCH_DEMO_DATABASE_URL", ""))
    parser.add_argument("--redis-url", default=env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    for flag, variable, kind, default, text in NUMBERS:
        parser.add_argument(
            flag, type=kind, default=kind(env(variable, default)), help=f"{text} ({variable})"
        )
    parser.add_argument(
        "--pages", default=env("BENCH_PAGES", ""),
        help="comma-separated keys (BENCH_PAGES): " + ", ".join(p.key for p in PAGES[1:]),
    )  # fmt: skip
    parser.add_argument("--rebuild", action="store_true", help="rebuild both databases")
    parser.add_argument("--no-docs", dest="docs", action="store_false")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--chromium", default=env("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--profile", metavar="PAGE", help="profile one page in-process")
    parser.add_argument("--signed-in", action="store_true", help="profile signed in")
    parser.add_argument("--profile-requests", type=int, default=5)
    args = parser.parse_args()
    known = {page.key for page in PAGES}
    args.pages = set(args.pages.split(",")) if args.pages else known
    unknown = args.pages - known
    if args.profile and args.profile not in known:
        unknown.add(args.profile)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    args.demo_database_url = args.demo_database_url or database_url_with_name(
        args.database_url, database_name(args.database_url) + "_demo"
    )
    args.secret_key = secrets.token_urlsafe(50)
    args.static_root = BASE_DIR / "var" / "bench" / "static"
    if args.browser and not Path(args.chromium).exists():
        print(f"No Chromium at {args.chromium}: the first visit is not measured")
        args.browser = False
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
