"""The FastAPI application: the JSON API, the pages, and their static files, over one store.

Everything is served from the installed packages (plotly.js, Swagger UI): no CDN,
so it works offline. Pages send a Content-Security-Policy that allows only
dyad's own scripts, and every article or user text is escaped by the templates.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad import __version__
from dyad.store import Store

STATIC = Path(str(resources.files("dyad.web") / "static"))
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


MAX_BODY = 3 * 1024 * 1024  # an article of 2 MB of text, with its JSON around it


class BodyLimit:
    """Refuse request bodies over ``MAX_BODY`` before reading them; writes must say how long they are."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH"):
            headers = dict(scope.get("headers") or [])
            length = headers.get(b"content-length")
            problem = None
            if length is None:
                problem = (411, "send the body with a Content-Length header")
            elif not length.isdigit() or int(length) > MAX_BODY:
                problem = (413, f"request body over {MAX_BODY // 1024 // 1024} MB")
            if problem is not None:
                await JSONResponse({"detail": problem[1]}, status_code=problem[0])(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _swagger() -> Path:
    import swagger_ui  # swagger-ui-py: Swagger UI 5, which reads OpenAPI 3.1

    return Path(swagger_ui.__file__).parent / "static"


def create_app(store: Store | str | None = None, token: str | None = None) -> FastAPI:
    """An app over ``store`` (a Store, or a database path/URL). ``token`` (default $DYAD_API_TOKEN) enables writes."""
    from dyad.web import api, pages

    app = FastAPI(
        title="dyad",
        version=__version__,
        description="Political event data from news: dyads, timelines, events with their evidence, quotes, actors.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store if isinstance(store, Store) else Store(store)
    app.state.token = token if token is not None else os.environ.get("DYAD_API_TOKEN") or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/swagger", StaticFiles(directory=_swagger()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(_plotly_js(), media_type="text/javascript")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dyad API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )

    @app.middleware("http")
    async def headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/docs"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    @app.exception_handler(SQLAlchemyError)
    async def database(request: Request, exc: SQLAlchemyError) -> JSONResponse:
        return JSONResponse({"detail": "the database could not answer; try again"}, status_code=503)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": "internal error"}, status_code=500)  # never a traceback

    app.add_exception_handler(StarletteHTTPException, pages.http_error)
    app.add_middleware(BodyLimit)
    return app
