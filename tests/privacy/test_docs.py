from pathlib import Path

from mitwirken.privacy.registry import processings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_the_docs_name_every_retention_rule():
    """docs/privacy.md lists each rule with its legal basis: a new rule is documented too."""
    text = DOCS.read_text(encoding="utf-8")
    missing = [row.key for row in processings() if row.expire and f"`{row.key}`" not in text]
    assert missing == []
