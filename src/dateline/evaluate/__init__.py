"""Measure Dateline against labelled data: one module per kind of data."""
