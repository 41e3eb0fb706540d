"""Wegweiser: offerings of participation, the finder, the A–Z index, the district hubs."""
