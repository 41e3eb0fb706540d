"""Built in a later issue; see docs/architecture.md."""
