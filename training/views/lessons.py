"""Self-study: a module's lessons and the progress of a signed-in person."""
