"""Learned models shipped with Dateline (weights as data files; see `dateline train`)."""
