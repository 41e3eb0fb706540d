"""Instrumentenkoffer: participation formats, categories, platforms, citizens' suggestions."""
