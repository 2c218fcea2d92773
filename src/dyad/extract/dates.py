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
from spacy.tokens import Span

from dyad.extract.context import Context
from dyad.model import DateRef

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# each form opens with a month's capital or a digit: the look-ahead lets the search pass every other place at once
EXPLICIT = re.compile(
    rf"\b(?=[ADFJMNOS\d])(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{MONTHS})\.?\s+(?:of\s+)?\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\.\d{1,2}\.\d{4})\b"
)
RELATIVE_MONTH = re.compile(
    rf"\b(?=[ltne])(?:last|this|next|early|late|earlier this|later this)\s+(?:{MONTHS}|week|month|year)\b", re.I
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
    if published is not None and _spoken_relative(TRIM_LEAD.sub("", raw).lower(), published) is not None:
        return True, _spoken_relative(TRIM_LEAD.sub("", raw).lower(), published)  # "this morning", whole
    core = TRIM_PART.sub("", raw)
    while TRIM_LEAD.match(core):
        core = TRIM_LEAD.sub("", core, count=1)
    core = core.strip(" ,.")
    core = DAY_RANGE.sub(r"\1", core)  # "June 19-20": the period starts on June 19
    core = re.sub(rf"\b({MONTHS})\.?\s+of\s+(\d{{4}})\b", r"\1 \2", core)  # "August of 2022"
    if published is not None:
        said = _spoken_relative(core.lower(), published)
        if said is not None:
            return True, said
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


AGO = re.compile(
    r"^(?:about\s+|almost\s+|nearly\s+|some\s+|just\s+|only\s+)?(?P<n>a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a\s+few|few|several|a\s+couple\s+of|\d+)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago$"
)
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "few": 3, "a few": 3, "several": 3, "a couple of": 2}  # fmt: skip


def _spoken_relative(low: str, published: date) -> str | None:
    """What people say of time relative to now: "a few days ago" (the month it fell in: the text gives no
    day), "almost a month ago", "the current year", "the beginning of the year", "last weekend"."""
    low = re.sub(r"^(?:the\s+very\s+|just\s+|the\s+)", "", low)
    low = re.sub(r"\s+alone$", "", low)
    m = AGO.match(low)
    if m:
        n = NUMBERS.get(m.group("n")) or int(m.group("n")) if m.group("n").isdigit() or m.group("n") in NUMBERS else 1
        unit = m.group("unit").rstrip("s")
        if unit == "year":
            return f"{published.year - n:04d}"
        days = {"day": n, "week": 7 * n, "month": 30 * n}[unit]
        when = published - timedelta(days=days)
        return _iso_week(when) if unit == "week" else f"{when.year:04d}-{when.month:02d}"
    if low in ("current year", "this year", "beginning of the year", "start of the year", "end of the year",
               "earlier this year", "later this year", "this year's"):  # fmt: skip
        return f"{published.year:04d}"
    if low in ("this morning", "this afternoon", "this evening", "tonight", "today", "earlier today"):
        return published.isoformat()
    if low in ("last weekend", "this weekend", "the weekend", "past weekend", "this past weekend"):
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        return _iso_week(saturday)
    return None


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


SPOKEN = re.compile(
    r"\b(?:this\s+(?:morning|afternoon|evening)|tonight|earlier\s+that\s+day|later\s+that\s+day|"
    r"[Tt]he\s+current\s+year|"
    r"(?:[Oo]n\s+)?this\s+day\s+in\s+\d{4}|[Tt]hat\s+same\s+(?:day|week|month|year)|"
    r"[Tt]he\s+(?:very\s+)?(?:next|following)\s+day)\b"
)
WEEKDAY = re.compile(rf"\b(?:{'|'.join(w.capitalize() for w in WEEKDAYS)})\b(?!s\b)")  # not "on Mondays"
YEAR_RANGE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*[–-]\s*(1[89]\d\d|20\d\d)\b")
ANAPHORIC = re.compile(
    r"^(?:on\s+|in\s+|during\s+|of\s+)?(?:the\s+)?(?:very\s+)?(?:(?P<next>next|following)\s+day|"
    r"(?:that|the)\s+same\s+(?P<same>day|week|month|year)|(?:that|the\s+same)\s+year|"
    rf"(?P<month>{MONTHS})\s+of\s+that\s+year|(?:on\s+)?this\s+day\s+in\s+(?P<year>\d{{4}})|"
    r"(?P<earlier>earlier|later)\s+that\s+day)$",
    re.I,
)


def _anaphoric(
    text: str, anchor: str | None, published: date | None, mentioned: str | None = None
) -> tuple[bool, str | None] | None:
    """Dates told through the one before: "the very next day", "that same week", "August of that year",
    and "on this day in 1991" (the article's day, in that year). None when the text is none of these."""
    m = ANAPHORIC.match(" ".join(text.split()))
    if m is None:
        return None
    if m.group("year"):
        return (True, f"{m.group('year')}-{published.month:02d}-{published.day:02d}") if published else (True, None)
    if m.group("month") or (m.group("same") or "year").lower() == "year" and not m.group("next"):
        latest = mentioned or anchor
        if latest is None:
            return True, None
        if m.group("month"):
            return True, f"{latest[:4]}-{_month_number(m.group('month')):02d}"
        if not m.group("earlier"):
            return True, latest[:4]  # "that year", "that same year": the year last spoken of
    if anchor is None:
        return True, None
    year = anchor[:4]
    day = date.fromisoformat(anchor) if len(anchor) == 10 else None
    if m.group("earlier"):
        return (True, anchor) if day else (True, None)
    if m.group("next"):
        return (True, (day + timedelta(days=1)).isoformat()) if day else (True, None)
    unit = (m.group("same") or "year").lower()
    if unit == "year":
        return True, year
    if unit == "month":
        return True, anchor[:7] if len(anchor) >= 7 else None
    if unit == "week":
        return (True, _iso_week(day)) if day else (True, None)
    return (True, anchor) if day else (True, None)


def _month_day(text: str) -> str | None:
    """A month and day with no year, in a text with no date of its own: TIMEX3's "XXXX-10-23"."""
    m = re.fullmatch(rf"({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?", " ".join(text.split()))
    if m is None or not 1 <= int(m.group(2)) <= 31:
        return None
    return f"XXXX-{_month_number(m.group(1)):02d}-{int(m.group(2)):02d}"


def _dateline(text: str, start: int, end: int) -> bool:
    """A date on a line of its own among the first lines (with a place, perhaps): the dateline, not a date
    the text speaks of ("June 20, 2024, Hanoi")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("\n", 0, line_start) >= 8:
        return False
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    rest = (line[: start - line_start] + line[end - line_start :]).strip(" ,.-–—")
    return not rest or (len(rest.split()) <= 3 and all(w[:1].isupper() for w in rest.replace(",", " ").split()))


def _told_in_past(sent: Span, start: int) -> bool:
    """Whether the verb a date hangs from is in the simple past ("affirmed on Wednesday that Egypt will not
    accept"): a future elsewhere in the sentence does not move that weekday forward."""
    word = next((t for t in sent if t.idx <= start < t.idx + len(t.text)), None)
    for _ in range(4):
        if word is None or word.pos_ in ("VERB", "AUX") or word.head == word:
            break
        word = word.head
    if word is None or word.pos_ not in ("VERB", "AUX"):
        return False
    return word.tag_ == "VBD" and not any(c.dep_ == "aux" for c in word.children)


def extract_dates(ctx: Context) -> list[DateRef]:
    text = ctx.text
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in ctx.entities if e.label_ == "DATE"]
    for m in YEAR_RANGE.finditer(text):  # "(1994–2024)": two years
        for g in (1, 2):
            if not any(s <= m.start(g) < e for s, e in spans):
                spans.append((m.start(g), m.end(g)))
    for m in SPOKEN.finditer(text):  # "The current year", which the NER takes as "The current year marks"
        spans = [(s, e) for s, e in spans if not (s < m.end() and m.start() < e)] + [(m.start(), m.end())]
    for m in EXPLICIT.finditer(text):
        inside = [(s, e) for s, e in spans if m.start() <= s and e <= m.end() and (s, e) != (m.start(), m.end())]
        spans = [x for x in spans if x not in inside]  # "August of 2022" over the NER's "August"
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
            spans.append((m.start(), m.end()))
    for m in RELATIVE_MONTH.finditer(text):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
            spans.append((m.start(), m.end()))
    for m in WEEKDAY.finditer(text):  # "said late Saturday that", a weekday the NER left out
        if not any(s <= m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
    for m in YEAR_AFTER_PREP.finditer(text):
        if not any(s <= m.start("year") < e for s, e in spans):
            spans.append((m.start("year"), m.end("year")))
    out: list[DateRef] = []
    anchor: str | None = ctx.published.isoformat() if ctx.published else None  # the last day spoken of
    mentioned: str | None = None  # the last date spoken of, at any granularity
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
        span = ctx.sentence_at(s)
        future = bool(FUTURE_CUES.search(span.text)) and not _told_in_past(span, s)
        for piece, ps, pe in pieces:
            told = _anaphoric(piece, anchor, ctx.published, mentioned)
            piece_core = TRIM_LEAD.sub("", piece)
            ps += len(piece) - len(piece_core)
            ok, value = told if told is not None else normalise(piece_core, ctx.published, future)
            if ok and value is None and told is None and ctx.published is None:
                value = _month_day(piece_core)  # "Oct. 23" in an undated text: XXXX-10-23
            if ok and value and len(value) == 10 and "X" not in value:
                anchor = value
            if ok and value and "X" not in value:
                mentioned = value
            if ok and told is None and _dateline(text, ps, pe) and value and re.search(r"\d{4}", piece):
                continue  # the dateline: when the text was written, not a date it speaks of
            if ok:
                out.append(DateRef(text=text[ps:pe], value=value, start=ps, end=pe))
    for m in YEAR_AFTER_PREP.finditer(text):  # "since 2013" inside a span rejected as a duration
        if not any(d.start <= m.start("year") < d.end for d in out):
            out.append(DateRef(text=m.group("year"), value=m.group("year"), start=m.start("year"), end=m.end("year")))
    return sorted(out, key=lambda d: d.start)
