"""Dateline: raw, messy news in; who did what to whom, when and where, out."""

__version__ = "0.1.0"
