"""The Python API: ``dyad.extract`` for one text, ``dyad.extract_many`` for a stream."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from dyad import __version__
from dyad.errors import NotEnglishError
from dyad.extract import build_document
from dyad.model import Article, Document
from dyad.nlp.clean import clean, content_hash
from dyad.nlp.language import detect
from dyad.nlp.pipeline import load
from dyad.sources.records import InputError, InputProblem, Record, check_text, parse_published

EXTRACTOR = f"dyad {__version__}"


def prepare(record: Record) -> Article:
    """Clean and check one record, without parsing it; raise InputError or NotEnglishError.

    Cheap next to the parse, so a store can look the article's hash up before paying for it.
    """
    check_text(record.text)
    text = clean(record.text)
    if not text.strip():
        raise InputError("no article text left after removing captions and site furniture")
    language = detect(text)
    if language != "en":
        raise NotEnglishError(language)
    digest = content_hash(text)
    return Article(
        id=record.id if record.id is not None else digest,
        hash=digest,
        text=text,
        extractor=EXTRACTOR,
        url=record.url,
        title=record.title,
        source=record.source,
        license=record.license,
        published=parse_published(record.published),
    )


def extract(
    text: str,
    published: str | None = None,
    title: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    source: str | None = None,
    license: str | None = None,
) -> Document:
    """Extract one article. Raises ``InputError`` for bad input, ``NotEnglishError`` for other languages."""
    article = prepare(
        Record(
            text=text, origin="text", id=id, title=title, url=url, published=published, source=source, license=license
        )
    )
    return build_document(load()(article.text), article)


Prepared = tuple[str, Article | Document | InputProblem]


def prepare_many(records: Iterable[Record | InputProblem | str], documents: bool = False) -> Iterator[Prepared]:
    """(origin, article) for each record, or (origin, problem) where it is bad or not English.

    With ``documents``, a record that is a dyad document read back (``Record.document``) comes out
    as that document, to be stored as it was extracted; without, its text is extracted again.
    """
    for counter, item in enumerate(records, 1):
        if isinstance(item, InputProblem):
            yield item.origin, item
            continue
        record = item if isinstance(item, Record) else Record(text=item, origin=f"text {counter}")
        if documents and record.document is not None:
            document = record.document
            if content_hash(document.article.text) != document.article.hash:
                yield record.origin, InputProblem(record.origin, "document's article.hash is not the hash of its text")
            elif document.article.language != "en":
                yield record.origin, InputProblem(record.origin, "document is not in English", skipped=True)
            else:
                yield record.origin, document
            continue
        try:
            yield record.origin, prepare(record)
        except InputError as exc:
            yield record.origin, InputProblem(record.origin, str(exc))
        except NotEnglishError as exc:
            yield record.origin, InputProblem(record.origin, str(exc), skipped=True)


def build_batch(prepared: list[Prepared], batch_size: int = 32) -> list[Document | InputProblem]:
    """Parse the prepared articles of one batch with ``nlp.pipe`` and extract them, in order.

    Documents already extracted (read back from ``dyad extract``'s output) pass through as they are.
    """
    articles = [a for _, a in prepared if isinstance(a, Article)]
    parsed = iter(load().pipe((a.text for a in articles), batch_size=batch_size)) if articles else iter(())
    out: list[Document | InputProblem] = []
    for origin, item in prepared:
        if isinstance(item, InputProblem | Document):
            out.append(item)
            continue
        doc = next(parsed)
        try:
            out.append(build_document(doc, item))
        except Exception as exc:  # a bug in one extractor must not lose the rest of the batch
            out.append(InputProblem(origin, f"extraction failed ({type(exc).__name__}: {exc})"))
    return out


def extract_many(
    records: Iterable[Record | InputProblem | str], batch_size: int = 32, workers: int = 1
) -> Iterator[Document | InputProblem]:
    """Extract a stream of records in order, parsing them in batches with ``nlp.pipe``.

    Plain strings are taken as article texts. Problems (bad input, other
    languages) come out as ``InputProblem`` in the record's place; the stream goes on.
    With ``workers > 1`` the batches are parsed in that many processes; the order is kept.
    """
    from dyad.scale.pool import chunks, ordered_map

    load()
    batches = chunks(prepare_many(records), batch_size)
    for _, built in ordered_map(partial(build_batch, batch_size=batch_size), batches, workers):
        yield from built
