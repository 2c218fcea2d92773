"""The voice of a text: who says it, when the whole text is one speaker's (or one group's) words.

A speech, a statement or an explanation of vote ("Remarks by Ambassador X",
with the speaker's name on a line of its own at the top) speaks for its
speaker's state: its "we", "our" and "I" are that state, and what it does
(condemning, urging, rejecting) is that state's act. A joint statement
("released by A, B and C", "on behalf of A, B and C") speaks for all its
signatories. A text of quoted turns (a transcript) has no single voice: each
turn is a quote with its own speaker.
"""

from __future__ import annotations

import re

from dyad import kb
from dyad.extract.context import Context
from dyad.model import Actor, Quote

HEADER_LINES = 8  # a speech's header: name, role, place, date lines before the body
SPEECH_TITLE = re.compile(
    r"^(?:(?:additional|opening|closing|joint)\s+)?(?:remarks|statement|explanation of vote|address|speech|"
    r"briefing|testimony|op-ed|interview)\b",
    re.IGNORECASE,
)
JOINT = re.compile(
    r"\b(?:statement|declaration)\b[^.\n]{0,120}?\b(?:(?:released|delivered|issued|made|signed)\s+by|on behalf of)\b",
    re.IGNORECASE,
)


def voice_of(ctx: Context, title: str | None, quotes: list[Quote], source: str | None = None) -> list[Actor | str]:
    """What the text speaks for: actors, or ISO codes of states the text names only in its header or its
    publisher ('U.S. Mission to the United Nations'); nothing when it reports others' words."""
    text = ctx.text
    head_end = _header_end(text)
    joint = _joint_signatories(ctx, head_end)
    if joint:
        return list(joint)
    speech_title = bool(title and SPEECH_TITLE.match(title.strip()))
    covered = sum(q.end - q.start for q in quotes)
    if covered > len(text) / 2:
        return []  # a transcript: every turn has its speaker
    speaker = _header_person(ctx, head_end)
    if not speech_title:
        # no title says it is a speech: a speaker's name heading a text in the first person
        if speaker is not None and speaker.country and _first_person_text(text, quotes):
            return [speaker]
        return []
    if speaker is None and title:
        speaker = _title_person(ctx, title)
    if speaker is not None and speaker.country:
        return [speaker]
    country = _header_country(ctx, head_end, source)
    if country and speaker is not None and speaker.country is None:
        # the speaker of a US mission's remarks is of the United States: the header or publisher says so
        speaker.country = country
        speaker.code = country + ((speaker.code or "")[3:] or "GOV")
        return [speaker]
    return [country] if country else []


def _header_end(text: str) -> int:
    """Where the header lines end: at the first long line (the body), within the first lines."""
    position = 0
    for n, line in enumerate(text.split("\n")):
        if n >= HEADER_LINES or len(line) > 100:
            break
        position += len(line) + 1
    return min(position, len(text))


def _header_person(ctx: Context, head_end: int) -> Actor | None:
    """A header line that is a person's name (with a title): 'Ambassador Linda Thomas-Greenfield'."""
    text = ctx.text
    start = 0
    while start < head_end:
        end = text.find("\n", start)
        end = head_end if end < 0 or end > head_end else end
        line = text[start:end].strip()
        if line and len(line.split()) <= 7:
            for s, e, actor_id in ctx.mention_index:
                actor = ctx.actor(actor_id)
                if actor is not None and actor.kind == "person" and start <= s and e <= end and not text[e:end].strip():
                    return actor
        start = end + 1
    return None


def _header_country(ctx: Context, head_end: int, source: str | None) -> str | None:
    """The one country the header names ('U.S. Representative to the United Nations'), else the publisher's
    ('U.S. Mission to the United Nations')."""
    for words in (ctx.text[:head_end], source or ""):
        found = _countries_named(words)
        if len(found) == 1:
            return next(iter(found))
    return None


def _countries_named(text: str) -> set[str]:
    """ISO codes of the country names, short forms and demonyms in a short text (a header, a publisher)."""
    words = re.findall(r"U\.S\.|U\.K\.|[\w'’-]+", text)
    return {
        iso
        for n in (3, 2, 1)
        for i in range(len(words) - n + 1)
        for iso in [kb.countries().lookup(" ".join(words[i : i + n]))]
        if iso
    }


def _title_person(ctx: Context, title: str) -> Actor | None:
    """'Remarks by Ambassador Linda Thomas-Greenfield at ...': a person of the text named in the title."""
    for actor in ctx.actors:
        if actor.kind == "person" and actor.country and actor.name in title:
            return actor
    return None


def _first_person_text(text: str, quotes: list[Quote]) -> bool:
    """Whether the body speaks in the first person ('we', 'I', 'our') often enough to be a speech,
    outside the quotations it holds."""
    outside = list(text)
    for q in quotes:
        outside[q.start : q.end] = " " * (q.end - q.start)
    body = "".join(outside)
    words = re.findall(r"\b(?:we|our|us|I)\b", body, re.IGNORECASE)
    return len(words) >= 5 and len(words) * 60 >= len(body.split())


def _joint_signatories(ctx: Context, head_end: int) -> list[Actor]:
    """'The following statement was released by A, B and C', '... on behalf of A, B and C': their states."""
    text = ctx.text
    limit = max(head_end, 600)
    match = JOINT.search(text, 0, limit)
    if match is None:
        return []
    end = text.find("\n", match.end())
    end = len(text) if end < 0 else end
    states: dict[str, Actor] = {}
    for s, _, actor_id in sorted(ctx.mention_index):
        actor = ctx.actor(actor_id)
        if match.end() <= s < end and actor is not None and actor.country and actor.kind in ("state", "person"):
            states.setdefault(actor.country, actor)
    return list(states.values()) if len(states) >= 2 else []
