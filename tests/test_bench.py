"""The page benchmark's parts that can be checked without running it (scripts/bench_*.py,
docs/performance.md): reading CPU time, the figures and the table, the goals, the data set."""

import importlib
import os
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def script(name: str):
    """A module of scripts/, which imports its neighbours by their plain names."""
    if str(SCRIPTS) not in sys.path:
        sys.path.append(str(SCRIPTS))
    return importlib.import_module(name)


# CPU time from /proc --------------------------------------------------------------------------


def test_cpu_seconds_are_user_plus_system_time_after_the_process_name():
    common = script("bench_common")
    tick = os.sysconf("SC_CLK_TCK")
    # The name may hold spaces and parentheses; utime and stime follow it as fields 14 and 15.
    stat = f"4242 (gunicorn: worker (a) b) S 1 2 3 0 -1 4194560 9 0 0 0 {3 * tick} {tick} 0 0 20"

    assert common.stat_cpu_seconds(stat) == 4.0


def test_cpu_seconds_of_this_process_and_of_none():
    common = script("bench_common")
    sum(range(200_000))  # some CPU time to read

    assert common.cpu_seconds(os.getpid()) > 0
    assert common.cpu_seconds(2**22 + 1) is None  # above the kernel's largest pid


# Figures, table and goals ---------------------------------------------------------------------


def measurement(cpu_ms: float, *, queries=10, queries_demo=10, html_kb=20, requests=100):
    bench = script("bench_pages")
    return bench.Measurement(
        requests=requests,
        seconds=requests / 50,
        cpu=cpu_ms * requests / 1000,
        db_cpu=requests / 1000,
        latencies=[(number + 1) / 1000 for number in range(requests)],
        html_bytes=html_kb * 1024,
        sent_bytes=html_kb * 1024,
        queries=queries,
        queries_demo=queries_demo,
    )


def test_figures_per_request_and_percentiles_by_nearest_rank():
    result = measurement(25)

    assert result.cpu_ms == pytest.approx(25)
    assert result.db_cpu_ms == pytest.approx(1)
    assert result.rps == pytest.approx(50)
    assert result.percentile(0.5) == pytest.approx(50)
    assert result.percentile(0.99) == pytest.approx(99)


def test_the_table_compares_each_page_with_the_trivial_view():
    bench = script("bench_pages")
    pages = [page for page in bench.PAGES if page.key in ("trivial", "home")]
    results = {
        ("trivial", bench.ANONYMOUS): measurement(2, queries=0, queries_demo=0),
        ("home", bench.ANONYMOUS): measurement(5),
        ("home", bench.SIGNED_IN): measurement(60, queries=14, queries_demo=None),
    }

    rows = bench.results_table(results, pages).splitlines()

    assert rows[0].startswith("| Page | Who | CPU ms/req | × trivial |")
    assert len(rows) == 2 + 3
    assert rows[3] == (
        "| Home | anonymous | 5.0 | 2.5× | 1.0 | 50.0 | 50.0 | 99.0 | 10 | 10 | 20.0 | 20.0 | 100 |"
    )
    assert rows[4].startswith("| Home | signed in | 60.0 | 30.0× |")
    assert "| 14 | – |" in rows[4]


def test_goals_are_met_or_not_and_unmeasured_ones_say_so():
    bench = script("bench_pages")
    anonymous, signed_in = bench.ANONYMOUS, bench.SIGNED_IN
    results = {
        ("trivial", anonymous): measurement(2),
        ("home", anonymous): measurement(6),  # 3×: met
        ("home", signed_in): measurement(62),  # 31×: not met
        ("large", anonymous): measurement(6, html_kb=120),
        ("median", anonymous): measurement(5),  # large 1.2× median: met
        ("list", anonymous): measurement(4, queries=12, queries_demo=11),
    }
    visits = {"home": {"font": (2, 100 * 1024), "document": (1, 40 * 1024)}}

    goals = {text: (value, met) for text, value, met in bench.goals(results, visits)}

    assert goals["Cache hit, anonymous Home: ≤ 3× trivial"] == ("3.0×", True)
    assert goals["Signed in Home: ≤ 30× trivial"] == ("31.0×", False)
    assert goals["Signed in Procedure list: ≤ 40× trivial"] == ("not measured", None)
    assert goals["Large procedure ≤ 1.5× the median one (anonymous, CPU)"] == ("1.2×", True)
    assert goals["Large procedure HTML ≤ 100 KB (anonymous)"] == ("120.0 KB", False)
    assert goals["Queries equal on the demo and the 10× data"] == (
        "4 of 5 equal; Procedure list anonymous 11 → 12",
        False,
    )
    assert goals["First visit, Home: ≤ 150 KB"] == ("140.0 KB", True)
    assert "| Signed in Home: ≤ 30× trivial | 31.0× | **not met** |" in bench.goals_table(
        bench.goals(results, visits)
    )


def test_the_docs_keep_the_latest_table_between_their_markers(tmp_path, monkeypatch):
    bench = script("bench_pages")
    docs = tmp_path / "performance.md"
    docs.write_text(f"# Performance\n\n{bench.MARK_START}\nold\n{bench.MARK_END}\n\nAfter.\n")
    monkeypatch.setattr(bench, "DOCS", docs)

    bench.docs_write("| new | table |")

    assert docs.read_text() == (
        f"# Performance\n\n{bench.MARK_START}\n| new | table |\n{bench.MARK_END}\n\nAfter.\n"
    )
    real = (SCRIPTS.parent / "docs" / "performance.md").read_text()
    assert real.index(bench.MARK_START) < real.index(bench.MARK_END)


def test_the_recipe_changes_with_what_the_data_set_is_made_of(tmp_path, monkeypatch):
    bench = script("bench_pages")
    made_of = [path.relative_to(bench.BASE_DIR).as_posix() for path in bench.recipe_files()]
    assert "scripts/bench_data.py" in made_of
    assert "tests/factories/participation.py" in made_of
    assert "participation/seed/procedures.yaml" in made_of
    assert "participation/migrations/0001_initial.py" in made_of
    monkeypatch.setattr(bench, "BASE_DIR", tmp_path)
    seed = tmp_path / "procedures.yaml"
    seed.write_text("procedures: []")
    monkeypatch.setattr(bench, "recipe_files", lambda: [seed])
    first = bench.recipe("demo")

    seed.write_text("procedures: [one]")

    assert bench.recipe("demo") != first
    assert bench.recipe("demo") == bench.recipe("demo") != bench.recipe("10x")


# The data set ---------------------------------------------------------------------------------


def test_allocation_adds_up_and_finds_the_median():
    data = script("bench_data")
    weights = data.spread(7, data.generator())

    parts = data.allocate(100, weights)

    assert sum(parts) == 100
    assert sorted(parts) == sorted(data.allocate(100, sorted(weights)))
    assert data.allocate(0, weights) == [0] * 7
    assert data.median_index([5, 1, 9, 3, 7]) == 0


@pytest.mark.django_db
def test_a_hundredth_of_the_data_set_has_its_numbers_and_its_large_procedure(client):
    from participation.models import Comment, ProcedurePage, Proposal

    data = script("bench_data")

    totals = data.build(scale=0.01, log=lambda line: None)

    assert totals == {
        "procedures": 5,
        "proposals": 80,
        "comments": 120,
        "supports": 200,
        "users": 20,
        "formats": 2,
        "offerings": 2,
        "planned_projects": 2,
    }
    large = ProcedurePage.objects.get(slug=data.LARGE_SLUG)
    assert Proposal.objects.filter(procedure=large).count() == 8
    assert Comment.objects.filter(procedure=large).count() == 12
    median = ProcedurePage.objects.get(slug=data.MEDIAN_SLUG)
    assert Proposal.objects.filter(procedure=median).exists()
    page = client.get(large.url)
    assert page.status_code == 200
    assert "Masterplan Phoenix-See" in page.content.decode()
