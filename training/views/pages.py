"""The index with its filters, and the module page."""
