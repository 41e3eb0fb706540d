"""The apps depend one way: each imports only from those to its right in
``wegweiser → evaluation → participation → training → toolkit → mitwirken.*``; inside
``mitwirken``, notifications never imports pages, and editorial and web, which everything uses,
import neither. Every import counts, also one inside a function, in a migration or in a
management command, and so does a template's ``{% load %}`` of another app's tag library."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: an app may import its own modules and those of the apps before it.
LAYERS = ["mitwirken", "toolkit", "training", "participation", "evaluation", "wegweiser"]
FORBIDDEN = {
    "mitwirken.notifications": ["mitwirken.pages"],
    "mitwirken.editorial": ["mitwirken.pages", "mitwirken.notifications", "mitwirken.web"],
    "mitwirken.web": ["mitwirken.pages", "mitwirken.notifications"],
}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, list[str]]]:
    """Each import statement's line and the absolute names it may import (relative ones
    resolved: `from . import views` may import the module `<package>.views`)."""
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.append((node.lineno, [alias.name for alias in node.names]))
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            found.append(
                (node.lineno, [target] + [f"{target}.{alias.name}" for alias in node.names])
            )
    return found


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def against_direction(source: str, rank: int, target: str) -> bool:
    banned = LAYERS[rank + 1 :] + [
        module
        for owner, modules in FORBIDDEN.items()
        if within(source, owner)
        for module in modules
    ]
    return any(within(target, module) for module in banned)


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for rank, app in enumerate(LAYERS):
        for path in sorted((root / app).rglob("*.py")):
            source = module_name(path, root)
            for line, targets in imported_modules(path, root):
                wrong = [target for target in targets if against_direction(source, rank, target)]
                if wrong:
                    found.append(f"{path.relative_to(root)}:{line} imports {wrong[0]}")
    return found


def test_every_import_points_down_the_layers():
    assert violations() == []


def test_notifications_templates_load_no_tag_library_of_pages():
    pages_libraries = {
        path.stem
        for path in (ROOT / "mitwirken/pages/templatetags").glob("*.py")
        if path.stem != "__init__"
    }
    loads = [
        f"{path.relative_to(ROOT)}: {library}"
        for path in (ROOT / "mitwirken/notifications").rglob("*.html")
        for match in re.finditer(r"{%\s*load\s+([^%]+?)\s*%}", path.read_text())
        for library in match.group(1).split()
        if library in pages_libraries
    ]
    assert pages_libraries and loads == []


@pytest.mark.parametrize(
    ("path", "source", "wrong"),
    [
        ("toolkit/models.py", "from participation.models import ProcedurePage\n", 1),
        ("toolkit/services.py", "def f():\n    import wegweiser.selectors\n", 1),
        ("mitwirken/pages/views.py", "from training import rules\n", 1),
        ("participation/views.py", "from evaluation.models import Survey\n", 1),
        ("mitwirken/notifications/views.py", "from mitwirken.pages.models import SiteLinks\n", 1),
        ("mitwirken/notifications/forms.py", "from ..pages import forms\n", 1),
        ("mitwirken/notifications/admin/views.py", "from ...pages.forms import HoneypotForm\n", 1),
        ("mitwirken/editorial/selectors.py", "from mitwirken.notifications import kinds\n", 1),
        ("mitwirken/web/links.py", "from mitwirken.pages.models import SiteLinks\n", 1),
        ("wegweiser/selectors.py", "from participation.selectors import open_procedures\n", 0),
        ("participation/models.py", "from toolkit.models import FormatPage\n", 0),
        ("toolkit/services.py", "from mitwirken.notifications.services import notify\n", 0),
        ("mitwirken/pages/views.py", "from mitwirken.notifications import services\n", 0),
        ("participation/views.py", "from . import views\nfrom .models import ProcedurePage\n", 0),
    ],
)
def test_the_check_finds_each_import_against_the_direction_and_only_those(
    tmp_path, path, source, wrong
):
    file = tmp_path / path
    file.parent.mkdir(parents=True)
    file.write_text(source)
    assert len(violations(tmp_path)) == wrong
