"""Dates: calendar points and periods, normalised against the article's date.

Values follow TIMEX3 at the granularity the text gives: ``2023``, ``2023-11``,
``2024-06-19``, ``2024-W38``. Durations ("for decades", "1.5 hours") are not
dates. Relative expressions ("on Wednesday", "last year") need the published
date; without one their value is null.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from dyad.extract.context import Context
from dyad.model import DateRef

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EXPLICIT = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{MONTHS})\.?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\.\d{1,2}\.\d{4})\b"
)
RELATIVE_MONTH = re.compile(
    rf"\b(?:last|this|next|early|late|earlier this|later this)\s+(?:{MONTHS}|week|month|year)\b", re.I
)
YEAR_AFTER_PREP = re.compile(
    r"\b(?:in|since|by|until|till|from|of|during|before|after|early|late|mid)\s+"
    r"(?P<year>1[89]\d\d|20\d\d)\b(?![-./]\d)"
)
DURATION = re.compile(
    r"^(?:for\s+|over\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|up\s+to\s+|some\s+|"
    r"the\s+(?:past|last|next|first|coming)\s+|another\s+|within\s+)*"
    r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|"
    r"a\s+few|few|some|dozens\s+of|hundreds\s+of|half\s+an?|a\s+half|couple\s+of|a\s+couple\s+of)?[\s-]*"
    r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centuries|century|generations?)"
    r"(?:\s+(?:and\s+a\s+half|long|old|to\s+come|later|earlier|after|before|on|afterwards|into))?$",
    re.I,
)
NOT_DATES = re.compile(
    r"^(?:the\s+)?(?:long|short|medium)[\s-]term$|^(?:recent|coming|past|previous|next|many|some)\s+"
    r"(?:years|decades|months|weeks|days|times)$|century|^(?:the\s+)?\d{2,4}s$|^(?:the\s+)?(?:past|future|"
    r"present|now|then|currently|annually|daily|weekly|monthly|yearly|once|twice|time|times|era|age)$"
    r"|^(?:this|that)\s+time$|ago\s+and|^(?:the\s+)?(?:same|following|previous|other)\s+(?:day|week|month|year)$",
    re.I,
)
RELATIVE_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this|last|next|ago|coming|past|current|"
    r"previous|earlier|later)\b",
    re.I,
)
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|next|upcoming|scheduled|expected to|to be held|is to|are to|"
    r"going to)\b",
    re.I,
)
SPLIT = re.compile(r"\s*,\s*(?:and\s+)?(?!\d{4}\b)|\s+(?:and|or|to|through|until)\s+|\s*[-–—]\s*(?=\d{4}\b)")
TRIM_LEAD = re.compile(r"^(?:on|in|at|since|by|until|till|from|during|of|the|early|late|mid-?|this\s+past)\s+", re.I)
DAY_RANGE = re.compile(r"^((?:[A-Za-z]+\.?\s+)?\d{1,2})\s*[-–]\s*\d{1,2}(?=\b)")
TRIM_PART = re.compile(r"\s+(?:morning|afternoon|evening|night|midday|noon)$", re.I)


@lru_cache(maxsize=64)
def _parser(prefer: str, base: datetime) -> DateDataParser:
    """One parser per (direction, article date): dateparser fixes the relative base per parser."""
    return DateDataParser(
        languages=["en"], settings={"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": base}
    )


def _month_number(name: str) -> int:
    return datetime.strptime(name[:3].title(), "%b").month


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _has_anchor(text: str) -> bool:
    return bool(
        re.search(
            rf"\d|\b(?:{MONTHS})\b|\b(?:{'|'.join(WEEKDAYS)})\b|today|tonight|yesterday|"
            r"tomorrow|\bweek\b|\bmonth\b|\byear\b|\bweekend\b",
            text,
            re.I,
        )
    )


@lru_cache(maxsize=4096)
def normalise(text: str, published: date | None, future: bool = False) -> tuple[bool, str | None]:
    """(is a date, TIMEX value) for one date expression."""
    raw = " ".join(text.split())
    if DURATION.match(raw) or NOT_DATES.search(raw):
        return False, None
    core = TRIM_PART.sub("", raw)
    while TRIM_LEAD.match(core):
        core = TRIM_LEAD.sub("", core, count=1)
    core = core.strip(" ,.")
    core = DAY_RANGE.sub(r"\1", core)  # "June 19-20": the period starts on June 19
    if not core or not _has_anchor(core):
        return False, None
    low = core.lower()
    if re.fullmatch(r"\d{4}", core):
        year = int(core)
        limit = (published.year if published else date.today().year) + 30
        return (1800 <= year <= limit), core if 1800 <= year <= limit else None
    if (
        re.fullmatch(r"\d{1,3}|\d{5,}", core)
        or re.fullmatch(r"[\d.,]+", core)
        and not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", core)
    ):
        return False, None
    absolute = bool(re.search(r"\b\d{4}\b", core))
    if not absolute and published is None:
        relative = (
            RELATIVE_WORDS.search(core) or any(w in low for w in WEEKDAYS) or re.search(rf"\b(?:{MONTHS})\b", core)
        )
        return bool(relative), None
    if low in WEEKDAYS and published is not None:
        delta = (WEEKDAYS.index(low) - published.weekday()) % 7
        if delta == 0:
            return True, published.isoformat()
        when = published + timedelta(days=delta) if future else published - timedelta(days=7 - delta)
        return True, when.isoformat()
    core = re.sub(r"^(?:earlier|later)\s+(?=this\b)", "", core, flags=re.I)
    low = core.lower()
    m = re.fullmatch(rf"(last|this|next)\s+({MONTHS})\.?", core, re.I)
    if m and published is not None:
        month = _month_number(m.group(2))
        which = m.group(1).lower()
        year = published.year
        if which == "last" and month >= published.month:
            year -= 1
        elif which == "next" and month <= published.month:
            year += 1
        return True, f"{year:04d}-{month:02d}"
    if low in ("this week", "last week", "next week") and published is not None:
        shift = {"this week": 0, "last week": -7, "next week": 7}[low]
        return True, _iso_week(published + timedelta(days=shift))
    base = datetime.combine(published or date(2000, 1, 1), datetime.min.time())
    try:
        data = _parser("future" if future else "past", base).get_date_data(core)
    except Exception:  # dateparser raises on odd strings: not a date then
        return False, None
    if data is None or data.date_obj is None:
        return False, None
    d = data.date_obj.date()
    period = data.period
    latest = (published.year if published else date.today().year) + 30
    if not 1800 <= d.year <= latest:
        return False, None
    if period == "year":
        return True, f"{d.year:04d}"
    if period == "month":
        return True, f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        return True, _iso_week(d)
    if period in ("day", "time", "part_of_day") and re.search(
        rf"\d|\b(?:{'|'.join(WEEKDAYS)})\b|today|"
        r"yesterday|tomorrow|tonight",
        core,
        re.I,
    ):
        return True, d.isoformat()
    return False, None


def _pieces(text: str, start: int) -> list[tuple[str, int, int]]:
    """Split 'in 2019 and 2023' into its dates, with offsets."""
    out = []
    pos = 0
    for m in list(SPLIT.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        piece = text[pos:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            out.append((piece, start + pos + lead, start + pos + lead + len(piece)))
        if m:
            pos = m.end()
    return out


def extract_dates(ctx: Context) -> list[DateRef]:
    text = ctx.text
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "DATE"]
    for m in EXPLICIT.finditer(text):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
            spans.append((m.start(), m.end()))
    for m in RELATIVE_MONTH.finditer(text):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
            spans.append((m.start(), m.end()))
    for m in YEAR_AFTER_PREP.finditer(text):
        if not any(s <= m.start("year") < e for s, e in spans):
            spans.append((m.start("year"), m.end("year")))
    out: list[DateRef] = []
    for s, e in sorted(spans):
        whole = text[s:e]
        stripped = whole.rstrip().removesuffix("’s").removesuffix("'s").rstrip(" ,.;:")
        e = s + len(stripped)
        lead = len(stripped) - len(stripped.lstrip())
        s, whole = s + lead, stripped.lstrip()
        if not whole:
            continue
        if DURATION.match(" ".join(whole.split())):
            continue
        pieces = _pieces(whole, s) if SPLIT.search(whole) and not EXPLICIT.fullmatch(whole) else [(whole, s, e)]
        if len(pieces) > 1 and pieces[-1][0].isdigit() and not all(p[0].isdigit() for p in pieces):
            # "June 19, 2024"-like pieces that belong together
            pieces = [(whole, s, e)]
        sent = ctx.sentence_at(s).text
        future = bool(FUTURE_CUES.search(sent))
        for piece, ps, pe in pieces:
            piece_core = TRIM_LEAD.sub("", piece)
            ps += len(piece) - len(piece_core)
            ok, value = normalise(piece_core, ctx.published, future)
            if ok:
                out.append(DateRef(text=text[ps:pe], value=value, start=ps, end=pe))
    return out
