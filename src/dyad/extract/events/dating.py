"""When an event happened: the date chosen for it among the dates the text gives (training/README.md rule 12).

The date is the one in the trigger's own phrase, else in its clause, else in the clause it is reported by or
joined to ("Israel said late Saturday that it conducted an airstrike") or, for a relative clause in the past, the
clause of the word it describes ("held a call on Monday with the minister, who thanked ..."), else, for a verb in
the simple past,
which carries on the narrative of the sentence before it, that sentence's date ("Senegal summoned the envoy on
Wednesday. It also demanded consular access."), or failing that the last day named before it, else the article's
own date. Dates that cannot be when something happened are never chosen: bounds ("until Friday"), the dateline
("DAKAR, March 18 (—) —", the article's date rather than the event's), dates after publication ("agreed to meet
in September"), and dates of a participle or relative clause nested in the phrase ("lifted the ban imposed in
2015").
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from dyad.extract.events.participants import clause_tokens
from dyad.model import DateRef

BOUND = re.compile(r"\b(?:since|until|till|before|after|by)\s+$")
DATELINE_HEAD = re.compile(r"\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?,\s*$")
DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]*\)\s*)?(?:—|–|--|-)")
WEEK = re.compile(r"(\d{4})-W(\d{2})")
CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
CLAUSES = ("ROOT", "ccomp", "advcl", "conj", "relcl")
NESTED = ("acl", "relcl")  # a date under these dates the participle or relative clause, not the trigger
CLIMBED = ("ccomp", "conj", "advcl", "parataxis")  # clauses that share the time of the one they hang from
SEQUENCE = ("after", "before", "since", "until", "till", "once")  # "after troops crossed": another time


def dates_for(
    tok: Token, text: str, dates: list[DateRef], published: str | None, usable: list[DateRef] | None = None
) -> list[str | None]:
    """Dates governing the event at tok: every date of its own phrase, else one found further out (see the
    module's docstring), else the publication date. ``usable`` is ``usable_dates(dates, text, published)``
    when the caller has it (a story's triggers all ask of the same dates)."""
    sent = tok.sent
    if usable is None:
        usable = usable_dates(dates, text, published)
    in_sent = [d for d in usable if sent.start_char <= d.start < sent.end_char]
    if in_sent:  # most sentences give no date: nothing of the parse need be read for their own
        words = {t.idx: t for t in sent}
        own = {t.idx for t in clause_tokens(tok)}
        mine = [d.value for d in in_sent if d.start in own and (d.start not in words or _reaches(words[d.start], tok))]
        if mine:
            return list(dict.fromkeys(mine))
    clause = tok
    while clause.dep_ not in CLAUSES and clause.head != clause:
        clause = clause.head
    if in_sent:
        span = {t.idx for t in clause.subtree}
        near = [
            d.value for d in in_sent if d.start in span and (d.start not in words or _reaches(words[d.start], clause))
        ]
        if near:
            return near[:1]
        above = _head_clause_date(clause, in_sent)
        if above:
            return [above]
    if _simple_past(clause):
        before = _previous_date(sent, usable) or _narrated_day(sent, usable)
        if before:
            return [before]
    return [published]


def usable_dates(dates: list[DateRef], text: str, published: str | None) -> list[DateRef]:
    """The dates that can be when an event happened (``_governs``), in the text's order."""
    return [d for d in dates if _governs(d, text, published)]


def _governs(d: DateRef, text: str, published: str | None) -> bool:
    """Whether d can be when an event happened: valued, not a bound ("until Friday"), not the dateline's,
    and not after the publication day."""
    if not d.value or BOUND.search(text[max(0, d.start - 8) : d.start]):
        return False
    line = text.rfind("\n", 0, d.start) + 1
    if DATELINE_HEAD.match(text, line, d.start) and DATELINE_TAIL.match(text, d.end):
        return False
    return not (published and _later(d.value, published))


def _later(value: str, published: str) -> bool:
    """Whether the period a date names starts after the publication day (so nothing already done happened
    then). Values the day cannot be compared with ("XXXX-10-23") are not later."""
    try:
        day = date.fromisoformat(published[:10])
        if m := WEEK.fullmatch(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        elif CALENDAR.fullmatch(value):
            start = date.fromisoformat({4: value + "-01-01", 7: value + "-01"}.get(len(value), value))
        else:
            return False
    except ValueError:
        return False
    return start > day


def _reaches(word: Token, top: Token) -> bool:
    """Whether word dates top rather than a participle or relative clause nested under it ("the batteries it
    moved last week", "the suspension imposed in 2015")."""
    node = word
    while node != top and node.head != node:
        if node.dep_ in NESTED:
            return False
        node = node.head
    return True


def _head_clause_date(clause: Token, in_sent: list[DateRef]) -> str | None:
    """The date in the own words of the clause this one is reported by or joined to, a few levels up: "said
    late Saturday that it conducted an airstrike", "summoned the envoy on Wednesday and demanded ..."."""
    node = clause
    if node.dep_ == "relcl" and _simple_past(node):
        # "held a call on Monday with the minister, who thanked Jamaica": a past told in a relative clause on a
        # word of a clause in the past is that clause's time (a date of its own was looked for first)
        head = node.head
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head
        words = {t.idx for t in clause_tokens(head)}
        found = [d.value for d in in_sent if d.start in words]
        return found[0] if found and _simple_past(head) else None
    for _ in range(3):
        if node.dep_ not in CLIMBED or node.head == node:
            return None
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SEQUENCE for c in node.children):
            return None
        node = node.head
        words = {t.idx for t in clause_tokens(node)}
        found = [d.value for d in in_sent if d.start in words]
        if found:
            return found[0]
    return None


def _simple_past(verb: Token) -> bool:
    """A verb in the simple past ("demanded", "was detained"): it narrates the episode of the sentences
    around it, where a present ("condemns") or perfect ("has blamed") speaks from the day of writing."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "will", "would") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _previous_date(sent: Span, usable: list[DateRef]) -> str | None:
    """The first date of the sentence before sent, in its paragraph or ending the one before: the written
    stories' gold carries a narrated time across paragraphs as much as within one."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    found = [d.value for d in usable if before.start_char <= d.start < before.end_char]
    return found[0] if found else None


def _narrated_day(sent: Span, usable: list[DateRef]) -> str | None:
    """The last day the text names before sent ("on Wednesday signed ... Before the signing, the ministers held
    talks"): a story told in the simple past stays on the day it last named, where the publication date
    would move it to the day of writing. Only a day counts: a month or year before it is background."""
    earlier = [d.value for d in usable if d.start < sent.start_char and d.value and len(d.value) == 10]
    return earlier[-1] if earlier else None
