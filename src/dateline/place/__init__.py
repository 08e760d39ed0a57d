"""Stage `place`: place names -> country (ISO 3166 alpha-3) and coordinates."""

from dateline.place.countries import country_code, locate, lookup

__all__ = ["country_code", "locate", "lookup"]
