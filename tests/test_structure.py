"""The shape every app shares (docs/architecture.md)."""

import ast
from pathlib import Path

from django.apps import apps

from mitwirken.seeding import app_seeds

ROOT = Path(__file__).resolve().parent.parent


def _project_apps() -> list[Path]:
    """The folders of the installed apps that live in this repository."""
    folders = [Path(config.path) for config in apps.get_app_configs()]
    return [folder for folder in folders if ROOT in folder.parents]


def _prose(path: Path) -> list[str]:
    """String constants of a module that read like content (several words), docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and len(node.value.split()) > 3
    ]


def test_no_seed_module_with_content():
    """Demo content lives in data files under ``<app>/seed/``; the seed's code only writes it."""
    seed_modules = [path for folder in _project_apps() for path in folder.rglob("seed.py")]
    assert seed_modules == []
    seeds = app_seeds()
    with_seed = {folder for folder in _project_apps() if (folder / "seed").is_dir()}
    assert with_seed and {seed.folder.parent for seed in seeds} == with_seed
    for seed in seeds:
        data_files = sorted(path.name for path in seed.folder.glob("*.yaml"))
        assert data_files == sorted(step.file for step in seed.steps), seed.label
        for module in seed.folder.glob("*.py"):
            assert _prose(module) == [], module


APP_FOLDERS = ("mitwirken", "participation", "toolkit", "wegweiser", "training", "evaluation")
MAX_HOOKS_LINES = 150


def test_no_wagtail_hooks_over_150_lines():
    """``wagtail_hooks.py`` only registers: menus, viewsets and admin views live in the app's
    ``admin/`` package."""
    too_long = {
        str(hooks.relative_to(ROOT)): length
        for folder in APP_FOLDERS
        for hooks in sorted((ROOT / folder).rglob("wagtail_hooks.py"))
        if (length := len(hooks.read_text(encoding="utf-8").splitlines())) > MAX_HOOKS_LINES
    }

    assert not too_long, (
        f"more than {MAX_HOOKS_LINES} lines; move admin code to the app's admin/ package: "
        + ", ".join(f"{path} has {length} lines" for path, length in too_long.items())
    )
