"""Stage `events`: parsed sentences and their actors -> PLOVER/CAMEO `Event`s."""
