"""Quotes: every direct quotation with the actor who said it.

Quoted spans are found from the quotation marks (straight, curly, guillemets;
a quotation that runs over paragraphs reopens its mark on each), and from single
marks ('...', ‘...’) as British, Indian and Australian outlets use them, told
from apostrophes by where they stand (not in a title line). The speaker is
read from the dependency parse of the words around the quotation: the subject
of the speech verb ("X said", "said X", "X told the meeting"), "according to X",
or, for a quotation that stands alone, the speaker named in the sentence before.
The attribution may follow in a sentence of its own ('"...?" X asked.'), name the
speaker beside a description ("his niece, Del. X, said") or in a relative clause
("Y and X, who joked"), or be a participle ("footage of X asking", "..., asserting").
A fragment with no speaker in a sentence that names no one goes on the paragraph's
last speaker. Transcripts ("Vladimir Putin: ...") make each turn a quotation of its
speaker. Who a speaking token stands for (a name, a title, a pronoun, an unnamed
official) is worked out in ``speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from dyad import kb
from dyad.extract.actors import find_or_add_person, names_a_place, states_joined
from dyad.extract.context import Context
from dyad.extract.speakers import DOCUMENTS, OFFICIALS, SpeakerResolver, _first_person, _nameless
from dyad.model import Actor, Quote
from dyad.nlp.clean import is_headline

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
QUOTE_OPENERS = ('"', "“", "”", "«", "‘", "'")
QUOTE_CLOSERS = "\"”»’'"
SHOWING = {"show", "hear", "see", "catch", "feature", "film", "record", "quote"}  # 'showed X saying'
KICKERS = kb.words("kicker")
_CARRIER = "|".join(re.escape(w) for w in sorted(kb.words("slogan_carrier"), key=len, reverse=True))
# 'banners reading "', 'signs that read: "', 'chanting "', 'chanted slogans including "'
SLOGAN_BEFORE = re.compile(
    rf"\b(?:(?:{_CARRIER})\b[^.!?\"“”]{{0,40}}?\b(?:reading|read|reads|saying|says|including|such as)\s*[:,]?"
    rf"|(?:{_CARRIER})\s*:|chant(?:s|ed|ing)?)\s*$",
    re.I,
)  # a bare 'sign "..."' may be the verb: only a chant needs no 'reading'
SLOGAN_AFTER = re.compile(rf"^[,.!?]?\s*(?:read|reads|said|says)\s+(?:the|a|an|one|another)?\s*(?:{_CARRIER})\b", re.I)
SLOGAN_NEXT = re.compile(r"^[,;]?\s*(?:and|or)?\s*$")  # '"Hands off" and "No to the veto"'


def _slogans(text: str, raws: list[_Raw]) -> set[int]:
    """The quotations that are slogans on banners and placards or chanted by a crowd: no one person's words."""
    out: set[int] = set()
    for n, raw in enumerate(raws):
        mark = raw.start - 1 if raw.start > 0 and text[raw.start - 1] in QUOTE_OPENERS else raw.start
        before = text[max(0, mark - 80, text.rfind("\n", 0, mark) + 1) : mark]
        after = text[raw.end + 1 : raw.end + 40]
        if (
            SLOGAN_BEFORE.search(before)
            or SLOGAN_AFTER.match(after)
            or (n - 1 in out and SLOGAN_NEXT.match(text[raws[n - 1].end + 1 : mark]))
        ):
            out.add(n)
    return out


SO_CALLED = re.compile(r"\bso[- ]called\s*[\"“”«‘']$", re.I)  # 'so-called "integral defence zones"': a term held off


LABEL = re.compile(r"^(?P<label>[A-Z][^:\n\"“”]{1,90}?):[ \t]+(?=\S)", re.M)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    text = resources.files("dyad.extract").joinpath("data/speech_verbs.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# every character that may open or close a quotation in find_quoted_spans: the rest of a paragraph is skipped
_MARKS = re.compile("[" + re.escape("".join(sorted({*OPEN_CLOSE, *OPEN_CLOSE.values(), '"', "”"}))) + "]")


@dataclass
class _Raw:
    start: int  # first character inside the marks
    end: int  # character after the last one inside the marks


def find_quoted_spans(text: str, title: str | None = None) -> list[_Raw]:
    """Spans inside quotation marks; a quotation continued over paragraphs is one span. ``title``: the article's,
    whose line at the top of the text sets phrases off in single marks by the headline convention."""
    out: list[_Raw] = []
    # '' and `` stand for double quotes in some archives; same length, so offsets hold
    text = text.replace("''", ' "').replace("``", ' "')
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    close_mark = ""
    for n, (p_start, p_end) in enumerate(paragraphs):
        for mark in _MARKS.finditer(text, p_start, p_end):  # only a mark opens or closes
            i = mark.start()
            ch = text[i]
            if open_at is None:
                if ch in OPEN_CLOSE or ch == '"' or (ch == "”" and _opens_here(text, i)):
                    open_at, close_mark = i + 1, (OPEN_CLOSE.get(ch, '"') if ch != "”" else "”")
            elif ch == close_mark or (close_mark == "”" and ch == '"') or (close_mark == '"' and ch == "”"):
                if i > open_at:
                    out.append(_Raw(open_at, i))
                open_at = None
            elif ch in OPEN_CLOSE and close_mark != '"':
                # a new opening mark while one is open: the old one was never closed in this paragraph
                pass
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            continues = nxt is not None and text[nxt[0] : nxt[0] + 1] in ('"', "“", "«")
            if continues:
                # the continuation reopens with its own mark: skip it
                paragraphs[n + 1] = (nxt[0] + 1, nxt[1])
                continue
            if p_end - open_at > 20:
                out.append(_Raw(open_at, p_end))
            open_at = None
    singles = [q for q in _single_quoted(text, paragraphs, title) if not any(_cross(q, r) for r in out)]
    # one quotation inside another of the other kind belongs to the outer one
    out = [r for r in out if not any(q.start < r.start and r.end < q.end for q in singles)]
    out += [q for q in singles if not any(r.start <= q.start and q.end <= r.end for r in out)]
    out.sort(key=lambda r: r.start)
    return [_trim(text, r) for r in out if text[r.start : r.end].strip()]


def _cross(a: _Raw, b: _Raw) -> bool:
    """Whether two spans overlap with neither inside the other: marks of two kinds paired across each other."""
    return (
        a.start < b.end
        and b.start < a.end
        and not (a.start <= b.start and b.end <= a.end)
        and not (b.start <= a.start and a.end <= b.end)
    )


SINGLE_PAIRS = {"‘": "’", "'": "'"}
OPENS_AFTER = " \t([—–-:\u00a0"
DECADE = re.compile(r"'\d0s\b")


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _single_quoted(text: str, paragraphs: list[tuple[int, int]], title: str | None = None) -> list[_Raw]:
    """Quotations in single marks, the style of British, Indian and Australian outlets. A mark opens where a word
    starts ("‘We", " 'We"), not in a decade ("'90s"); it closes at the first mark of its kind that ends a word and
    is no apostrophe: not inside a word ("China’s", "can’t") and not a plural possessive before a lower-case word
    ("the states' ministers"), unless that word goes on the sentence ("our fishermen' and demanded") or the
    paragraph's next single mark opens a quotation. A quotation left open at a paragraph's end goes on when the
    next paragraph reopens it, as in double marks; one that never closes is none."""
    out: list[_Raw] = []
    open_at: int | None = None
    close_mark = ""
    paragraphs = list(paragraphs)  # a reopened paragraph starts after its mark: the caller's list stays as it is
    for n, (p_start, p_end) in enumerate(paragraphs):
        line = text[p_start:p_end]
        if n == 0 and (is_headline(line.rstrip(".?!’”'\"")) or (title and _letters(line) == _letters(title))):
            continue  # a title's single marks set off a phrase, by the headline convention, not a quotation
        i = p_start
        while i < p_end:
            ch = text[i]
            if open_at is None:
                if (
                    ch in SINGLE_PAIRS
                    and (i == p_start or text[i - 1] in OPENS_AFTER)
                    and i + 1 < p_end
                    and text[i + 1].isalnum()
                    and not DECADE.match(text, i)
                ):
                    open_at, close_mark = i + 1, SINGLE_PAIRS[ch]
            elif ch == close_mark and i > open_at and not text[i - 1].isspace():
                after = text[i + 1 : i + 3]
                inside_word = after[:1].isalnum()
                possessive = text[i - 1] in "sS" and after[:1] == " " and after[1:2].islower()
                if possessive and (_goes_on(text, i) or _opens_next(text, i, p_end, close_mark)):
                    possessive = False  # "'an attack on our fishermen' and demanded", "'... ministers' alone: 'We"
                if not inside_word and not possessive:
                    out.append(_Raw(open_at, i))
                    open_at = None
            i += 1
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            reopened = nxt is not None and text[nxt[0] : nxt[0] + 1] == ("‘" if close_mark == "’" else "'")
            if reopened and nxt is not None:
                out.append(_Raw(open_at, p_end))
                open_at = nxt[0] + 1
                paragraphs[n + 1] = (nxt[0] + 1, nxt[1])
                continue
            open_at = None
    return out


AFTER_CLOSING = kb.words("after_closing_mark")


def _goes_on(text: str, i: int) -> bool:
    """Whether the word after the mark at ``i`` goes on a sentence ("and", "said"), as no possessed noun does."""
    found = re.match(r"\s+([a-z]+)\b", text[i + 1 : i + 30])
    return found is not None and found.group(1) in AFTER_CLOSING


def _opens_next(text: str, i: int, end: int, close_mark: str) -> bool:
    """Whether the paragraph's next single mark after ``i`` opens a quotation: then the one at ``i`` closed one."""
    k = text.find("‘" if close_mark == "’" else "'", i + 1, end)
    return k > 0 and text[k - 1] in OPENS_AFTER and k + 1 < end and text[k + 1].isalnum()


def _opens_here(text: str, i: int) -> bool:
    """A right curly quote used as an opening mark (seen in badly typeset text)."""
    return i == 0 or text[i - 1] in " \n(["


def _trim(text: str, raw: _Raw) -> _Raw:
    start, end = raw.start, raw.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Raw(start, end)


def is_scare_quote(text: str) -> bool:
    """Scare quotes and titles: a word or two, or a capitalised name, with no sentence in it."""
    words = text.split()
    content = [w for w in words if w.lower() not in ("of", "the", "and", "for", "on", "in", "a", "to")]
    titled = len(words) <= 7 and all(w[:1].isupper() for w in content)
    if re.search(r"[.,]\s*$", text) and titled and len(words) >= 3 and len(content) >= 2 and not text.isupper():
        return True  # 'on CNN's "State of the Union."', '"Make Your Kid a Millionaire,"': a title, its comma inside
    if re.search(r"[.!?,;:]\s*$", text) and len(words) >= 2:
        return False
    return len(words) <= 2 or titled


# ----------------------------------------------------------------------------- transcripts
def _transcript_turns(ctx: Context) -> list[tuple[int, int, Actor | None, int, int]]:
    """(start, end, speaker, label_start, label_end) for each turn of a transcript.

    A label is a paragraph opening "NAME:" or "Title Name:" (all capitals, or ending
    in a person's name) followed by speech, not by a quotation mark or a headline.
    """
    text = ctx.text
    labels = []
    for m in LABEL.finditer(text):
        label = m.group("label").strip()
        body = text[m.end() : text.find("\n", m.end()) if "\n" in text[m.end() :] else len(text)]
        if (
            len(label.split()) > 16
            or label.lower() in KICKERS  # 'LIVE: Border standoff, day three' heads a page; no one speaks it
            or body[:1] in QUOTE_OPENERS
            or (m.start() == 0 and not body.rstrip().endswith(("!", ",")) and is_headline(body.rstrip(".?’”'\"")))
            or _names_a_state(label)
            or (text.count("\n", 0, m.start()) <= 2 and _names_a_place(label))
        ):
            continue  # 'ISLAMABAD: Saudi Arabia has rolled over ...': a dateline opens the story, no one speaks it
        name_part = re.sub(r"\s*\([^)]*\)\s*$", "", label)
        actor = _label_actor(ctx, m.start("label"), m.start("label") + len(name_part), name_part)
        if actor is None and not (name_part.isupper() and len(name_part.split()) <= 3):
            continue
        labels.append((m.start(), m.end(), actor, m.start("label"), m.start("label") + len(name_part)))
    turns = []
    for k, (_, body_start, actor, ls, le) in enumerate(labels):
        body_end = labels[k + 1][0] if k + 1 < len(labels) else len(text)
        body = text[body_start:body_end].rstrip()
        if body:  # a turn whose label names nobody ("QUESTION") is a quotation of an unnamed speaker
            turns.append((body_start, body_start + len(body), actor, ls, le))
    return turns


def _names_a_state(label: str) -> bool:
    """Whether a label is a state or a pair of them: the head of a digest's item ('BRAZIL-BOLIVIA:', 'RUSSIA:')."""
    name = label.title() if label.isupper() else label
    return bool(kb.countries().lookup(name)) or states_joined(name)


def _names_a_place(label: str) -> bool:
    """Whether a label at the top of a story is a dateline's place: a town of 10,000 people or more that no one
    is known by ('ISLAMABAD', 'KUWAIT CITY', 'RAMESWARAM')."""
    return names_a_place(label.title() if label.isupper() else label, 10_000)


def _label_actor(ctx: Context, start: int, end: int, label: str) -> Actor | None:
    """The person a speaker label names: "President of Russia Vladimir Putin", "SECRETARY BLINKEN"."""
    if label in kb.not_names() or label.title() in kb.not_names() or label.split()[0] in ("The", "A", "An"):
        return None
    inside = sorted((e, s, a) for s, e, a in ctx.mention_index if start <= s and e <= end)
    people = [(e, ctx.actor(a)) for e, _, a in inside]
    people = [(e, a) for e, a in people if a is not None and a.kind == "person"]
    if people:
        # the label must end with the name: "Obama on Climate Change:" is a headline, not a speaker
        last_end, actor = people[-1]
        rest = ctx.text[last_end:end].split()
        if last_end >= end - 1 or (len(rest) <= 2 and all(w[:1].isupper() and w.isalpha() for w in rest)):
            return actor  # "Xi Jinping", where only "Xi" was taken for the name
        return None
    words = label.split()
    titles, countries = kb.titles(), kb.countries()
    k = len(words)
    while k > 0:
        w = words[k - 1]
        if (
            not w[:1].isupper()
            or w.lower().strip(".,") in titles.words
            or countries.lookup(w)
            or w.lower() in ("of", "the", "and")
        ):
            break
        k -= 1
    name_words = words[k:]
    if not name_words or len(name_words) > 4 or name_words[0].lower() in ("the", "a", "an"):
        return None
    if not label.isupper() and k == 0:
        return None  # a bare capitalised phrase that no one tagged as a person: "The Latest:"
    name = " ".join(w.title() if w.isupper() else w for w in name_words)
    if name in kb.not_names() or len(name) < 2:
        return None
    titled = any(w.lower().strip(".,") in titles.words for w in words[:k])
    if len(name_words) == 1 and not titled and not _named_elsewhere(ctx, name, start, end):
        return None  # 'SUBWAY:', 'EU-BELARUS:', 'N. KOREA MISSILES:': the head of a digest's item, no one
    title = " ".join(words[:k]) or None
    if title and title.isupper():
        title = title.title()
    name_start = start + label.rindex(name_words[0]) if name_words[0] in label else start
    return find_or_add_person(ctx, name, name_start, end, title)


def _named_elsewhere(ctx: Context, name: str, start: int, end: int) -> bool:
    """Whether a one-word label is someone's name: a person the knowledge base holds alone ('PUTIN'), or a word
    the text gives elsewhere with a capital ('KIRBY:' ... 'John Kirby')."""
    if kb.known_person(name):
        return True
    pattern = re.compile(r"\b" + re.escape(name) + r"\b")
    return any(not (start <= m.start() < end) for m in pattern.finditer(ctx.text))


# ----------------------------------------------------------------------------- speakers
def _tokens_outside(sents: list[Span], start: int, end: int, quotes: list[_Raw]) -> list[Token]:
    out = []
    for sent in sents:
        for tok in sent:
            if any(q.start - 1 <= tok.idx < q.end + 1 for q in quotes):
                continue
            out.append(tok)
    return out


def _subject_of(verb: Token, quote: _Raw | None = None) -> Token | None:
    """The subject of a verb outside the quotation, climbing from participles to their clause.

    A clause reached on the way up that holds the quotation itself, and whose word is no speech verb, is what
    was said, not who said it: in 'X said the incident was "a tragic error" and denied ...' the parse hangs
    "denied" on "was", whose subject ("the incident") the quotation describes; the climb goes on to "said"."""
    node: Token | None = verb
    came_from: Token | None = None
    for _ in range(6):
        if node is None:
            return None
        if came_from is None or not _holds_quote(node, came_from, quote) or _is_speech_verb(node):
            subjects = [
                child
                for child in node.children
                if child.dep_ in ("nsubj", "nsubjpass")
                and not (quote and quote.start <= child.idx < quote.end)
                and any(c.isalnum() for c in child.text)  # a dash the parser took for a subject is none
            ]
            if subjects:  # of two, the nearer: 'TEGUCIGALPA, Honduras — The United States urged' (a dateline)
                return min(subjects, key=lambda child: abs(child.i - node.i))
        if node.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl") and node.head != node:
            came_from, node = node, node.head
        else:
            return None
    return None


def _holds_quote(node: Token, came_from: Token, quote: _Raw | None) -> bool:
    """Whether the quotation is the clause of the node: the node is a word of it, or a copula whose predicate it
    is ('the incident was "a tragic error"'). A verb that takes the quotation by another branch than the one
    climbed ('condemns the strike as "..." and urges') keeps its subject: that is who speaks."""
    if quote is None:
        return False
    if quote.start <= node.idx < quote.end:
        return True
    if node.lemma_ != "be":
        return False
    branch = {t.i for t in came_from.subtree}
    return any(quote.start <= t.idx < quote.end and t.i not in branch for t in node.subtree)


HEADING = re.compile(r"\b(?:[Aa]ttributed|[Aa]ccording) to\b[^\n]*:$")


def _heading_source(ctx: Context, before: int) -> Actor | None:
    """'Attributed to Press Secretary Jane Smith:' on the line above a quotation (the heading of a readout)
    names its speaker: the first person named after "to"."""
    above = ctx.text[:before].rstrip()
    line_start = above.rfind("\n") + 1
    m = HEADING.search(above, line_start)
    if m is None:
        return None
    return _first_person(ctx, m.start(), len(above))


def _according_to(tokens: list[Token]) -> Token | None:
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return child
            if tok.i + 2 < len(tok.doc):
                return tok.doc[tok.i + 2]
    return None


NAME = r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|al|bin|el)){0,4})"
DASH_AFTER = re.compile(r"^[\"”»]?\s*[―—–-]{1,2}\s*" + NAME)
SIGNED_PARAGRAPH = re.compile(r"[\"”»]\s*(?:[―—–]|--)\s*" + NAME + r"\s*\.?\s*$")
CLAUSE_START = re.compile(r"[.!?][\"”]?\s+|\s[―—–-]{1,2}\s+")  # a sentence's start, or a time stamp's dash
SAID_BEFORE = re.compile(r"(?:^|[.!?][\"”]?\s+)(?:Said|Says|Added|Asked)\s+" + NAME + r"\s*[:,]\s*[\"“]?$")


def _signature(ctx: Context, resolver: SpeakerResolver, quote: _Raw) -> Actor | None:
    """'"..." ― Sonya Herridge', 'Said Ellis: "..."' and '. Ellis: "..."': a name set against the quotation.
    A paragraph that opens with a quotation and closes with a dash and a name is signed by it, also where a
    quotation inside cut the quotation short ('"I'd rather live in what he calls "hell" than ..." ― Ana Ruiz')."""
    text = ctx.text
    line_end = text.find("\n", quote.end)
    after = text[quote.end : line_end if line_end >= 0 else len(text)]
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[line_start : quote.start]
    signed = DASH_AFTER.match(after)
    if signed is None and not before.strip("".join(QUOTE_OPENERS) + " "):  # a paragraph that is a signed quotation
        signed = SIGNED_PARAGRAPH.search(after)
        if signed is not None:
            words = ctx.doc.char_span(quote.end, quote.end + signed.start(), alignment_mode="contract")
            if words is None or any(_is_speech_verb(t) for t in words):
                signed = None  # '"...," Lavrov said, calling it "..." — TASS': a credit line, not a signature
    labelled = _colon_label(ctx, before, line_start, resolver) or _label_ahead(ctx, before, line_start, resolver)
    if labelled is not None:
        return labelled
    for m, base in ((signed, quote.end), (SAID_BEFORE.search(before), line_start)):
        if m is None:
            continue
        start, end = base + m.start("name"), base + m.end("name")
        span = ctx.doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        actor = ctx.actor_at(start, end)
        if actor is not None:
            return actor
        return resolver.resolve(span[-1], quote.start, None)
    return None


def _label_ahead(ctx: Context, before: str, line_start: int, resolver: SpeakerResolver) -> Actor | None:
    """'Government spokesman: Poland has no plans to close the crossings and "trade will continue"': a label
    that heads the clause the quotation ends, with no other speaker between, is the speaker; only a label
    that names a person or an official ('NATO spokesperson:'), not any word before a colon ('Correction:')."""
    colon = before.rfind(":")
    rest = before[colon + 1 :].rstrip().rstrip("".join(QUOTE_OPENERS)).rstrip()  # up to the quotation's own mark
    if colon < 0 or not rest or any(c in rest for c in '.!?"“”«»'):
        return None
    between = ctx.doc.char_span(line_start + colon + 1, line_start + colon + 1 + len(rest), alignment_mode="contract")
    if between is None or not len(between) or any(_is_speech_verb(t) or t.tag_ == "VBG" for t in between):
        return None
    head = before[: colon + 1]
    starts = [m.end() for m in CLAUSE_START.finditer(head)]
    label = ctx.doc.char_span(line_start + (starts[-1] if starts else 0), line_start + colon, alignment_mode="contract")
    if label is None or not len(label) or (label.root.lemma_.lower() not in OFFICIALS and label.root.pos_ != "PROPN"):
        return None
    return _colon_label(ctx, head, line_start, resolver)


def _colon_label(ctx: Context, before: str, line_start: int, resolver: SpeakerResolver | None = None) -> Actor | None:
    """'Press conference. Lima: "..."', '10:30 — Defence Minister Tamm on public radio: "..."', 'Tamm to
    reporters: "..."': a clause with no verb of its own that opens on a person and ends in a colon before the
    quotation is a label naming its speaker (a clause with a verb, 'Lima said:', is read from the parse)."""
    head = before.rstrip().rstrip("".join(QUOTE_OPENERS)).rstrip()
    if not head.endswith(":"):
        return None
    starts = [m.end() for m in CLAUSE_START.finditer(head)]
    seg_start = line_start + (starts[-1] if starts else 0)
    seg_end = line_start + len(head) - 1
    span = ctx.doc.char_span(seg_start, seg_end, alignment_mode="contract")
    if span is None or not len(span) or len(span) > 14:
        return None
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
        return None
    mentions = sorted(m for m in ctx.mention_index if seg_start <= m[0] and m[1] <= seg_end)
    if not mentions:  # 'Ilves to reporters:', where the tagger missed the surname of someone named before
        word = span[0].text
        known = {a.id: a for a in ctx.actors if a.kind == "person" and a.name.split()[-1] == word}
        if len(known) == 1 and word.istitle():
            return next(iter(known.values()))
    # the first person named: 'Kyrgyz government spokesman Nurlan Asanov:' opens on a mention of the state
    people = [a for _, _, i in mentions for a in [ctx.actor(i)] if a is not None and a.kind == "person"]
    if people:
        return people[0]
    root = span.root
    if resolver is not None and root.pos_ == "NOUN" and root.lemma_.lower() not in DOCUMENTS:
        return resolver.resolve(root, seg_start, None)  # 'Sudan's army spokesman:', 'A Goma trader:' unnamed
    return None


def _is_speech_verb(tok: Token) -> bool:
    """A word that introduces what someone said: a speech verb (or its noun: "in a tweet"), and "put it" in
    "as X put it (in a letter)" or "X put it bluntly", not in "put it on hold". The noun "state" is a polity
    ("state Del. Price", "secretary of state"), never a saying."""
    lemma = tok.lemma_.lower()
    if lemma == "put" and tok.pos_ == "VERB":
        deps = {c.dep_ for c in tok.children}
        as_x = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and (
            as_x or not deps & {"prep", "prt", "dative"}
        )
    if lemma not in speech_verbs():
        return False
    if tok.ent_type_ == "PERSON" and tok.text[:1].isupper() and tok.dep_ in ("compound", "flat"):
        return False  # 'Foreign Minister Said Abdallah Mhadji told reporters': a given name, not the verb
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and lemma != "state")


def _inside(tok: Token, quotes: list[_Raw]) -> bool:
    return any(q.start <= tok.idx < q.end for q in quotes)


def _may_name(tok: Token) -> bool:
    """A word beside a speech verb that may name who speaks: a proper noun or a pronoun, or a capitalised word
    inside the sentence that the tagger took for an adjective or a noun ('said Desclous')."""
    return tok.pos_ in ("PROPN", "PRON") or (
        tok.pos_ in ("ADJ", "NOUN") and tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start
    )


# verbs whose object is who is spoken to, never who speaks ('"...," he told reporters')
ADDRESSED = frozenset({"tell", "inform", "brief", "assure", "remind", "ask", "urge", "warn", "address"})


def _verb_subject(verb: Token, quote: _Raw, all_quotes: list[_Raw]) -> Token | None:
    """Who does the speaking of a speech verb, read from the parse; never a word inside a quotation (a title
    in quotation marks is no speaker: 'said on "Fox and Friends"')."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.tag_ == "VBG"
        and prev is not None
        and prev.pos_ == "PROPN"
        and (prev.dep_ == "pobj" or (prev.dep_ == "dobj" and prev.head.lemma_.lower() in SHOWING))
    ):
        return prev  # 'footage of Jane Smith asking, "..."', 'the video shows Smith saying': Smith speaks
    subj = _subject_of(verb, quote)
    if subj is not None and _inside(subj, all_quotes):
        subj = None
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head == verb and verb.lemma_.lower() not in VOICING:
        subj = None  # 'the ambassador had been called home', 'he was asked': spoken to, not speaking
    if subj is not None and subj.lower_ == "who" and subj.head.dep_ == "relcl":
        subj = _antecedent(subj)
    if subj is None and verb.dep_ in ("ROOT", "parataxis", "ccomp"):
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if (
            before is not None
            and before.head == verb
            and before.dep_ in ("intj", "npadvmod", "dep")
            and (before.pos_ == "PROPN" and not _inside(before, all_quotes))
        ):
            return before  # '"...," Osmonov told reporters', the name parsed as an interjection
        subj = next(
            (
                c
                for c in verb.rights
                if (c.dep_ in ("nsubj", "attr") or (c.dep_ == "dobj" and verb.lemma_.lower() not in ADDRESSED))
                and c.pos_ in ("PROPN", "NOUN", "PRON")
                and not _inside(c, all_quotes)
            ),
            None,
        )
    if subj is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        subj = _main_subject_before(verb, all_quotes)
    return subj


def _antecedent(who: Token) -> Token | None:
    """'... Ann Lee and Joe Park, who joked, "..."': the name just before a relative "who" (the last of a list,
    whatever conjunct the parse hung the clause on); else the noun the clause modifies, if a name."""
    doc = who.doc
    before = doc[who.i - 2] if who.i >= 2 and doc[who.i - 1].text == "," else None
    if before is not None and before.pos_ == "PROPN":
        return before
    return who.head.head if who.head.head.pos_ == "PROPN" else None


def _main_subject_before(verb: Token, all_quotes: list[_Raw]) -> Token | None:
    """'Trump dodged the question, treating it as a joke and, when pressed, asserting, "..."': a participle
    with no subject of its own speaks for the subject of the main clause before it (not of a relative or
    adverbial clause: 'when Clinton noted ...')."""
    doc = verb.doc
    for tok in reversed(doc[verb.sent.start : verb.i]):
        if (
            tok.dep_ == "nsubj"
            and tok.pos_ in ("PROPN", "NOUN", "PRON")
            and tok.lower_ not in ("who", "which", "that", "it")
            and tok.head.dep_ not in ("relcl", "acl", "advcl")
            and not _inside(tok, all_quotes)
            and not _inside(tok.head, all_quotes)
        ):
            return tok
    return None


def _named_between(ctx: Context, quote: _Raw, verb: Token) -> Actor | None:
    """'"...," Jane Smith, a senior adviser, said on Fox': the person named between the closing mark and the
    verb, when the parse took the quotation into the sentence and lost the subject."""
    if verb.idx < quote.end:
        return None
    words = [t for t in verb.doc[verb.sent.start : verb.i] if t.idx >= quote.end]
    if not words or len(words) > 12 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return _first_person(ctx, words[0].idx, words[-1].idx + len(words[-1].text))


RELATIVE = ("who", "which", "that")  # words that open a clause about someone else, not the speaker's name


def _named_after(ctx: Context, quote: _Raw, verb: Token) -> Actor | None:
    """'"...," said Under Secretary for Terrorism and Financial Intelligence Daniel Corwin', '"...," said the
    ship's cook, Suresh Nair': the person named in the words after a speech verb that follows the closing mark,
    where the parse lost the subject in a long title. The words up to the name hold no verb, no relative word and
    no other quotation."""
    gap = ctx.text[quote.end : verb.idx]
    if verb.idx < quote.end or gap.strip(QUOTE_CLOSERS + ".,!?;: "):
        return None
    for tok in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 13)]:
        person = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        if person is not None and person.kind == "person":
            return person
        if tok.pos_ in ("VERB", "AUX", "PRON") or tok.text in ('"', "“", "”", ";", ":", "(") or tok.lower_ in RELATIVE:
            return None
    return None


VOICING = {"quote", "cite"}  # 'the ministry said, quoting spokesman X': X's words


def _person_in_subject(ctx: Context, subj: Token, verb: Token) -> Actor | None:
    """ "Trinidad and Tobago's prime minister, Kamla Ramdeen, said": the one person named in the subject's words
    before the verb, where the parse made the state or body their head."""
    clauses = {t.i for c in subj.subtree if c.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in c.subtree}
    words = [t for t in subj.subtree if t.i < verb.i and t.i not in clauses]  # not 'who spoke ahead of X's visit'
    people = {
        a.id: a
        for t in words
        if t.dep_ != "poss" and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("'s", "’s"))
        for a in [ctx.actor_at(t.idx, t.idx + len(t.text))]
        if a is not None and a.kind == "person"
    }
    return next(iter(people.values())) if len(people) == 1 else None


def _voice(ctx: Context, verb: Token, all_quotes: list[_Raw]) -> Actor | None:
    """The person a speaking body speaks through: 'the ministry, through its spokesman X, said', 'the ministry
    said in a statement, quoting spokesman X'. The words are X's, which the body only relays. What the body
    says of someone ('said that X would visit') is not looked at: the search stops at the verb's clausal
    complement."""
    todo = [(c, 0) for c in verb.children if c.dep_ not in ("ccomp", "xcomp", "parataxis")]
    while todo:
        tok, depth = todo.pop(0)
        if _inside(tok, all_quotes) or depth > 4:
            continue
        named = None
        if tok.dep_ == "prep" and tok.lower_ == "through":
            named = next((c for c in tok.children if c.dep_ == "pobj"), None)
        elif tok.lemma_.lower() in VOICING and tok.pos_ == "VERB":
            named = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if named is not None:
            sub = list(named.subtree)
            person = _first_person(ctx, sub[0].idx, sub[-1].idx + len(sub[-1].text))
            if person is not None:
                return person
        todo.extend((c, depth + 1) for c in tok.children if c.dep_ not in ("ccomp", "relcl"))
    return None


def _reporter(
    resolver: SpeakerResolver, verb: Token, quote: _Raw, all_quotes: list[_Raw], last_speaker: Actor | None
) -> Actor | None:
    """'Ryan said the spate of shootings demands that we do "more listening"': a speech verb whose subject is
    a thing sits in what a person said; the words are the person's who reports them."""
    node, reported = verb, False
    while node.dep_ in REPORTED_BY and node.head != node:
        reported = reported or node.dep_ in ("ccomp", "xcomp")
        node = node.head
        if not reported or not _is_speech_verb(node):
            continue  # 'Minsk had acted "..." and denied ...' hangs on what was said, not on who said it
        subj = _verb_subject(node, quote, all_quotes)
        actor = resolver.resolve(subj, quote.start, last_speaker) if subj is not None else None
        if actor is not None and actor.kind == "person":
            return actor
    return None


def _reported_by(
    resolver: SpeakerResolver, verb: Token, quote: _Raw, all_quotes: list[_Raw], last_speaker: Actor | None
) -> Actor | None:
    """'Moldokulov said Kyrgyzstan would respond "in kind"': a state or body that speaks in what a person
    reports; the words are the reporter's. Not for a passive ('what are called "..."'), a label, not speech."""
    if verb.dep_ not in REPORTED_BY or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    return _reporter(resolver, verb, quote, all_quotes, last_speaker)


# clauses that sit in what their head says: reported speech ("said Minsk had acted"), and clauses joined to it or
# hanging from it ("... and denied", "... saying only that")
REPORTED_BY = ("ccomp", "xcomp", "conj", "advcl")


def _teller(
    resolver: SpeakerResolver, clause: Token, quote: _Raw, all_quotes: list[_Raw], last_speaker: Actor | None
) -> tuple[Actor, Token] | None:
    """'Sarr reaffirmed that Senegal and The Gambia are "one people living in two states"': a clause whose subject
    is no person and which is the content of another verb ('reaffirmed that ...') reports what that verb's
    subject said; the quoted words are that person's, whatever the verb (not only speech verbs: 'hoped',
    'reaffirmed', 'expected'). Clauses joined by "and" share the verb they hang on."""
    node, reported = clause, False
    for _ in range(6):
        if node.dep_ not in ("ccomp", "conj") or node.head == node:
            return None
        reported = reported or node.dep_ == "ccomp"
        node = node.head
        if not reported or node.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in node.children if c.dep_ == "nsubj" and not _inside(c, all_quotes)), None)
        if subj is None:
            continue
        actor = resolver.resolve(subj, quote.start, last_speaker)
        return (actor, node) if actor is not None and actor.kind == "person" else None
    return None


def _is_attribution(sent: Span) -> bool:
    """A sentence that only says who spoke: '"...?" Trump said, looking at the crowd.' The parser ends a
    sentence at a quotation's own '?', '!' or '.', which cuts the attribution off; such a sentence has a
    speech verb for its root, its subject before it (or "said X"), and nothing said as its object."""
    root = sent.root
    if root.lemma_.lower() not in speech_verbs() or root.pos_ not in ("VERB", "AUX") or root.i - sent.start > 25:
        return False
    content = ("ccomp", "xcomp") if root.lemma_.lower() in ("tell", "ask") else ("ccomp", "dobj", "xcomp")
    if any(c.dep_ in content for c in root.children):
        return False  # 'Trump said the party would win': a sentence of its own
    before = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    return bool(before) or root.i == sent.start


def _speaker_for(
    ctx: Context, resolver: SpeakerResolver, quote: _Raw, all_quotes: list[_Raw], last_speaker: Actor | None
) -> tuple[Actor | None, str | None, bool]:
    """(speaker, cue, found in own sentence) for one quotation."""
    signed = _signature(ctx, resolver, quote)
    if signed is not None:
        return signed, None, True
    first = ctx.sentence_index(quote.start)
    last = ctx.sentence_index(max(quote.start, quote.end - 1))
    sents = ctx.sentences[first : last + 1]
    # the sentence right after, when the attribution follows the closing mark: '"...", he said.'
    if last + 1 < len(ctx.sentences):
        nxt = ctx.sentences[last + 1]
        gap = ctx.text[quote.end : nxt.start_char]
        ends = not gap.strip(QUOTE_CLOSERS + ".,!?;: ")  # the quotation ends its sentence
        if "\n" not in gap and (
            (len(nxt) <= 12 and nxt[0].lower_ in ("he", "she", "they", "said", "says"))
            or (ends and _is_attribution(nxt))
        ):
            sents = [*sents, nxt]
    outside = _tokens_outside(sents, quote.start, quote.end, all_quotes)
    outside = [t for t in outside if not t.is_space]
    verbs = [t for t in outside if _is_speech_verb(t)]
    # the verb nearest the quotation wins
    verbs.sort(key=lambda t: min(abs(t.idx - quote.end), abs(t.idx - quote.start)))
    deferred: tuple[Actor, str] | None = None  # a nameless subject: another speech verb may name the speaker
    for verb in verbs:
        subj = _verb_subject(verb, quote, all_quotes)
        if subj is not None:
            actor = resolver.resolve(subj, quote.start, last_speaker)
            if actor is not None and _nameless(actor):
                outer = _reporter(resolver, verb, quote, all_quotes, last_speaker)
                if outer is not None:
                    return outer, verb.text, True
                deferred = deferred or (actor, verb.text)
                continue  # 'He warned that ... "with everything we have" if the attacks continued': not "attacks"
            if actor is not None and actor.kind != "person":
                actor = (
                    _voice(ctx, verb, all_quotes)
                    or _reported_by(resolver, verb, quote, all_quotes, last_speaker)
                    or _person_in_subject(ctx, subj, verb)
                    or actor
                )
            if actor is not None:
                return actor, verb.text, True
        # the parse missed the subject: a name right next to the verb ("X said", "said X") will do
        doc = verb.doc
        between = _named_between(ctx, quote, verb) or _named_after(ctx, quote, verb)
        if between is not None:
            return between, verb.text, True
        for near in (doc[verb.i - 1] if verb.i > 0 else None, doc[verb.i + 1] if verb.i + 1 < len(doc) else None):
            if near is not None and not (quote.start <= near.idx < quote.end) and _may_name(near):
                actor = resolver.resolve(near, quote.start, last_speaker)
                if actor is not None and actor.kind in ("person", "organization"):
                    return actor, verb.text, True
    if deferred is not None:
        return deferred[0], deferred[1], True
    acc = _according_to(outside)
    if acc is not None:
        actor = resolver.resolve(acc, quote.start, last_speaker)
        if actor is not None:
            return actor, "according to", True
    # a governing clause without a speech verb: 'X expressed confidence that "..."'
    inside = [t for s in sents for t in s if quote.start <= t.idx < quote.end]
    for tok in inside:
        head = tok.head
        hops = 0
        while head is not None and quote.start <= head.idx < quote.end and head.head != head and hops < 10:
            head, hops = head.head, hops + 1
        if head is not None and not (quote.start <= head.idx < quote.end):
            if head.dep_ == "prep" and head.head != head:
                head = head.head  # 'hailed the exchange as "..."': the clause the preposition hangs on
                while head.dep_ in ("dobj", "pobj") and head.pos_ in ("NOUN", "PROPN") and head.head != head:
                    head = head.head  # 'condemned the raid as "..."', when the parse hangs "as" on the object
            subj = _subject_of(head, quote)
            if subj is not None and subj.lower_ == "who" and subj.head.dep_ == "relcl":
                subj = _antecedent(subj)  # 'Zelenskiy, who hailed the exchange as "..."'
            actor = None
            if subj is not None and not _inside(subj, all_quotes):
                actor = resolver.resolve(subj, quote.start, last_speaker)
            if actor is None or actor.kind != "person":
                teller = _teller(resolver, head, quote, all_quotes, last_speaker)
                actor, head = (teller[0], teller[1]) if teller is not None else (actor, head)
            if actor is not None:
                return actor, head.text, True
            break
    # nothing in the sentence: the speaker named just before
    if not [t for t in outside if t.is_alpha]:
        prev_end = sents[0].start_char
        if first > 0:
            prev = ctx.sentences[first - 1]
            heading = _heading_source(ctx, prev_end)
            if heading is not None:
                return heading, None, False
            for tok in prev:
                if tok.dep_ in ("nsubj",) and tok.head.dep_ == "ROOT":
                    actor = resolver.resolve(tok, prev_end, last_speaker)
                    if actor is not None and actor.kind in ("person", "organization", "group"):
                        return actor, None, False
        if last_speaker is not None:
            return last_speaker, None, False
    # words set in a statement of a state or body that names no person: 'The presidency condemns what it calls
    # "a new massacre" and calls on Washington to intervene "before the situation explodes"'
    sent = sents[0]
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        subj is not None
        and not _inside(subj, all_quotes)
        and not any(a.kind == "person" for a in ctx.actors_in(sent.start_char, sent.end_char))
    ):
        actor = resolver.resolve(subj, quote.start, None)
        if actor is not None and actor.kind in ("state", "organization"):
            return actor, sent.root.text, True
    return None, None, False


def _names_no_one(ctx: Context, quote: _Raw, all_quotes: list[_Raw]) -> bool:
    """The quotation's sentence names no actor and has no personal subject outside the quotation marks, so
    nothing in it could be another speaker."""
    first, last = ctx.sentence_index(quote.start), ctx.sentence_index(max(quote.start, quote.end - 1))
    start, end = ctx.sentences[first].start_char, ctx.sentences[last].end_char
    if any(start <= s < end and not any(q.start <= s < q.end for q in all_quotes) for s, _, _ in ctx.mention_index):
        return False
    return not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PRON", "PROPN") and not _inside(t, all_quotes)
        for sent in ctx.sentences[first : last + 1]
        for t in sent
    )


def extract_quotes(ctx: Context) -> list[Quote]:
    text = ctx.text
    resolver = SpeakerResolver(ctx)
    quotes: list[Quote] = []
    turns = _transcript_turns(ctx)
    in_turn = [(s, e) for s, e, *_ in turns]
    found = find_quoted_spans(text, ctx.title)  # a walk over the whole text: once
    raws = [r for r in found if not is_scare_quote(text[r.start : r.end])]
    slogans = _slogans(text, raws)
    raws = [
        r for n, r in enumerate(raws) if n not in slogans and not SO_CALLED.search(text[max(0, r.start - 12) : r.start])
    ]
    resolver.quoted = [(r.start, r.end) for r in found]
    last_speaker: Actor | None = None
    last_end = -1  # where the last quotation with a speaker ended
    items: list[tuple[int, int, Actor | None, str | None]] = []
    for s, e, actor, ls, le in turns:
        if actor is None:
            continue  # a turn of an unnamed questioner ("QUESTION:") quotes nobody one can name
        items.append((s, e, actor, None))
        ctx.add_mention(actor, ls, le)
    for raw in raws:
        if any(s <= raw.start and raw.end <= e for s, e in in_turn):
            continue  # quotations inside a transcript turn belong to the turn
        actor, cue, _ = _speaker_for(ctx, resolver, raw, raws, last_speaker)
        if (
            actor is None
            and last_speaker is not None
            and last_end >= 0
            and "\n" not in text[last_end : raw.start]
            and _names_no_one(ctx, raw, raws)
        ):
            actor = last_speaker  # '"You went on TV to blame" the workers.': the paragraph's speaker goes on
        if actor is not None:
            last_speaker, last_end = actor, raw.end
        items.append((raw.start, raw.end, actor, cue))
    for n, (s, e, actor, cue) in enumerate(sorted(items, key=lambda x: x[0]), 1):
        quotes.append(Quote(id=f"Q{n}", text=text[s:e], start=s, end=e, speaker=actor.id if actor else None, cue=cue))
    return quotes
