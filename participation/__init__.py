"""Participation procedures: phases, contributions, events, moderation, results, Vorhabenliste."""
