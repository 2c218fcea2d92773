"""The HTTP API and the web pages (FastAPI, Jinja2 templates, plotly.js), over the store."""

from dyad.web.app import create_app

__all__ = ["create_app"]
