"""notifications sits below pages: it imports nothing of it, in code or through template tags."""

import ast
import re
from pathlib import Path

import mitwirken.notifications
import mitwirken.pages

PACKAGE = Path(mitwirken.notifications.__file__).parent
PAGES_TAG_LIBRARIES = {
    path.stem
    for path in (Path(mitwirken.pages.__file__).parent / "templatetags").glob("*.py")
    if path.stem != "__init__"
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_notifications_imports_nothing_of_pages():
    upward = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in PACKAGE.rglob("*.py")
        for name in imported_modules(path)
        if name == "mitwirken.pages" or name.startswith("mitwirken.pages.")
    }
    assert upward == set()


def test_notifications_templates_load_no_tags_of_pages():
    loads = {
        f"{path.relative_to(PACKAGE)}: {library}"
        for path in PACKAGE.rglob("*.html")
        for match in re.finditer(r"{%\s*load\s+([^%]+?)\s*%}", path.read_text())
        for library in match.group(1).split()
        if library in PAGES_TAG_LIBRARIES
    }
    assert loads == set()
