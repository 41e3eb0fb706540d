"""Calendars: a session as an iCal file, and the feed of upcoming sessions."""
