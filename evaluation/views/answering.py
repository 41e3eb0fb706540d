"""Answering a survey: with a link, a printed code or signed in; saved to continue later."""
