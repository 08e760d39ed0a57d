"""Stage `place`: place names -> country (ISO 3166 alpha-3) and coordinates."""
