"""Stage `actors`: entity mentions in one parsed article -> `Actor`s with country and sector."""
