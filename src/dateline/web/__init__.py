"""The offline dashboard: server-rendered pages and inline SVG charts, no CDN, no build step."""
