"""Certificates of participation: the download and the public check of a code."""
