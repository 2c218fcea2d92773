"""Officials the text names by role: 'the Russian president', 'Kenya's foreign minister', 'Erdogan spokesman'.

A role stands for the one person that fits it (a mention of that person), and a role
that carries a state gives that state to the one titled person who fits it and whom
the text gives no state of their own ("Foreign Minister Juma Otieno" in a story that
speaks elsewhere of "Kenya's foreign minister"). A wrong state is worse than none: a
state is given only where exactly one person fits and nothing in the text says
otherwise; titles of international bodies (the UN Secretary-General) get none. The other states the text
ties people to are read here too: the delegation they belong to, the office or nationality set beside their
name in words the title parser leaves ('Ethiopia's minister of water resources, X', 'X, a Briton'), and the
one state of the sentence before a bare-titled official's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from dyad import kb
from dyad.extract.actors import (
    HONORIFICS,
    MINISTRY_FIELDS,
    NON_HEAD,
    _is_head_title,
    _is_title_word,
    _parse_title,
    _Person,
    _positions,
    _title_case,
    hyphenated,
)
from dyad.extract.context import Context

NATIONAL_SECTORS = ("GOV", "MIL", "LEG", "JUD", None)  # sectors of a state's officials, not of bodies or parties


def _role_phrases(
    doc: Doc, cspans: dict[int, tuple[Span, str, str]], named: set[int], bare: bool
) -> Iterator[tuple[int, int, str, kb.Title, str | None]]:
    """(first token, end token, role, title head, country) for roles that stand for a person: 'the Russian
    president'; with ``bare`` also roles without an article that open with their state ('Kenya's foreign
    minister', '... and Ethiopian prime minister'). A title in front of a name is not a role."""
    titles = kb.titles()
    starts = [(i, i + 1) for i in _positions(doc, ("the",))]  # a Token for every word costs more than the rule
    if bare:
        opening = {span.start for span, kind, _ in cspans.values() if kind in ("DEMONYM", "NAME")}
        starts += [(i, i) for i in sorted(opening) if i == 0 or doc[i - 1].lower_ != "the"]
    for first, j in starts:
        if j >= len(doc):
            continue
        country = None
        if j in cspans and cspans[j][1] in ("DEMONYM", "NAME"):
            span = cspans[j][0]
            country = cspans[j][2]
            j = span.end
            if j < len(doc) and doc[j].text in ("'s", "’s"):
                j += 1
        elif first == j:
            continue
        k = j
        while k < len(doc) and (_is_title_word(doc[k]) or (doc[k].lower_ == "of" and k > j)) and k - j < 5:
            k += 1
        if k == j:
            continue
        while k > j and doc[k - 1].lower_ == "of":
            k -= 1
        role = " ".join(t.lower_ for t in doc[j:k])
        head = titles.find(role)
        if head is None or k in named or (k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()):
            continue  # a title in front of a name, not a role standing for one
        if k < len(doc) and doc[k].lower_ in ("'s", "’s") and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            continue
        yield first, k, role, head, country


def roles(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person], named: set[int]
) -> list[tuple[int, int, _Person]]:
    """'the Russian president', 'the North Korean leader' -> the one person that fits."""
    doc = ctx.doc
    out = []
    for first, k, role, head, country in _role_phrases(doc, cspans, named, bare=False):
        fits = [p for p in people if role_fits(role, head, country, p)]
        if len(fits) == 1:
            out.append((doc[first].idx, doc[k - 1].idx + len(doc[k - 1].text), fits[0]))
    return out


def _title_fits(role: str, head: kb.Title, person: _Person) -> bool:
    """Whether a person's title is the role's: 'president' is 'President', not 'Vice President'."""
    if head.phrase in ("leader", "head of state", "head of government"):
        return _is_head_title(person.title, person.head)
    if not person.title:
        return False
    have = kb.fold(person.title)
    if any(w in role.split() for w in NON_HEAD) != any(w in have.split() for w in NON_HEAD):
        return False
    return head.phrase in have


def role_fits(role: str, head: kb.Title, country: str | None, person: _Person) -> bool:
    if country and person.country != country:
        return False
    if country is None and person.country is None:
        return False
    return _title_fits(role, head, person)


def _stateless_official(person: _Person) -> bool:
    """A person with a state's title and no state yet; not the holder of an international body's title."""
    return (
        person.country is None
        and person.known_code is None
        and bool(person.title)
        and person.sector in NATIONAL_SECTORS
    )


def _stateless_first_mentions(doc: Doc, people: list[_Person]) -> Iterator[tuple[_Person, Span]]:
    """Each stateless official who is no envoy, with the span of their first mention (the rules of the states
    a text ties officials to read where the person is first named)."""
    for p in people:
        if not _stateless_official(p) or _envoy(doc, p):
            continue
        first = min(p.mentions, key=lambda m: m.start)
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is not None and len(span):
            yield p, span


def _subject(span: Span | None) -> bool:
    return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")


def states_from_context(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person], named: set[int]
) -> None:
    """States the article ties its officials to, where their own mentions give none.

    A role with a state that the text leaves unnamed where it is the subject of a sentence ('Kenya's foreign
    minister said on Tuesday ...') is named in the next if that sentence brings in a person as its subject
    ('Raychelle Omamo told reporters ...', 'Foreign Minister Omamo said ...'): that person, of no other
    state and no other title, holds the role. Anywhere else a role and a name are two people as often as
    one ('Uganda's foreign minister arrived. He held talks with Foreign Minister Omamo'), so they are left
    apart. Then an aide named by whom they serve ('Erdogan spokesman Fahrettin Altun', "Prime Minister
    Abiy's chief of staff") has the state of the one they serve.
    """
    doc = ctx.doc
    firsts: dict[int, list[_Person]] = {}  # sentence -> people the text names first there, as its subject
    for p in people:
        m = min(p.mentions, key=lambda m: m.start)
        if _subject(doc.char_span(m.start, m.end, alignment_mode="expand")):
            firsts.setdefault(ctx.sentence_index(m.start), []).append(p)
    for first, end, role, head, country in _role_phrases(doc, cspans, named, bare=True):
        if country is None or not _subject(doc[first:end]) or any(role_fits(role, head, country, p) for p in people):
            continue
        sent_i = ctx.sentence_index(doc[first].idx)
        after = firsts.get(sent_i + 1, [])
        if len(after) != 1 or sent_i + 1 >= len(ctx.sentences):
            continue
        person, role_sent, next_sent = after[0], ctx.sentences[sent_i], ctx.sentences[sent_i + 1]
        lead = sent_i == 0 or not ctx.text[: role_sent.start_char].strip()
        ending = next((t.text for t in reversed(role_sent) if not t.is_space), "")
        if ending not in (".", "!", "?") or (
            "\n" in ctx.text[role_sent.start_char : next_sent.start_char] and not lead
        ):
            continue  # a sentence cut at a comma, or a new paragraph after the lead: not the lead and its sequel
        at = doc[first].idx
        if any(
            q is not person and _title_fits(role, head, q) and min(m.start for m in q.mentions) < at for q in people
        ):
            continue  # 'Minister X thanked Canada. "...," the Peruvian minister said': the role looks back to X
        if _described(doc, person):
            continue  # '..., said Mariana Kessel, a historian': the text says who she is, and it is not the role
        if person.country is not None or person.known_code is not None or person.sector not in NATIONAL_SECTORS:
            continue
        if person.title is None:
            person.title, person.head, person.sector = _title_case(role), head, head.sector
        elif not _title_fits(role, head, person):
            continue
        person.country = country
    for p in people:
        if not _stateless_official(p):
            continue
        words = {w.removesuffix("'s").removesuffix("’s") for w in _words_before(doc, p) | _capitalised(p.title)}
        served = {q.country for q in people if q is not p and q.country and words & set(q.tokens[-1:] + q.tokens[:1])}
        if len(served) == 1:
            p.country = served.pop()


def _described(doc: Doc, person: _Person) -> bool:
    """Whether the first mention of a person has a description beside it: 'Mariana Kessel, a historian'."""
    m = min(person.mentions, key=lambda m: m.start)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc):
        return False
    return doc[span.end].text == "," and doc[span.end + 1].lower_ in ("a", "an", "the")


def _titled_after(doc: Doc, span: Span) -> bool:
    """'S. Arulanandam, president of the association': an office set after a name."""
    return span.end + 1 < len(doc) and doc[span.end].text == "," and _is_title_word(doc[span.end + 1])


def _capitalised(text: str | None) -> set[str]:
    return {kb.fold(w) for w in re.findall(r"[A-Z][\w'’-]*", text or "")}


def _words_before(doc: Doc, person: _Person) -> set[str]:
    """The capitalised words of the title in front of a person's first mention ('Erdogan spokesman')."""
    m = min(person.mentions, key=lambda m: m.start)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return set()
    out: set[str] = set()
    for tok in reversed(doc[max(span.sent.start, span.start - 6) : span.start]):
        if tok.is_punct or tok.pos_ not in ("PROPN", "NOUN", "ADJ", "PART"):
            break
        out |= _capitalised(tok.text)
    return out


# what a state after these words is to an office: where it serves or whom it deals with, not whose it is
SERVED_PREPS = {"in", "to", "at", "for", "on", "with", "from", "between", "against", "toward", "towards"}
HELD_AT = {"at", "for", "in"}  # 'at the Rwandan embassy': an office held in a body of the state named
VESSEL_NOUNS = kb.words("vessel_noun")
DESCRIBING = ("NOUN", "ADJ", "PROPN", "DET", "ADP", "PART", "PRON", "CCONJ", "PUNCT", "NUM")


def states_beside_names(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person], bodies: set[int]
) -> None:
    """States a text sets beside a name in words the title parser does not read as a title.

    'Ethiopia's minister of water resources, Tesfaye Wolde-Giorgis', 'the Minister of Works and Transport of
    the Republic of Uganda, Hon. Grace Nantume Akello', 'Russia's ambassador in Prague, Igor Yermolov': an
    office set before a name by a comma that names one state as its own (not one it serves in or is sent to:
    'its Ambassador to the Republic of Kenya'); and 'Nigerian political analyst Chukwudi Odoeme', 'Polish
    citizen X': a nationality in the words right before a name. Only people the text gives no state
    elsewhere, never where the words name an international body ('the UN special envoy for Syria') or join
    two states ('Iranian-American journalist').
    """
    doc = ctx.doc
    for p in people:
        if p.country is not None or p.known_code is not None:
            continue
        for m in sorted(p.mentions, key=lambda m: m.start):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            apposed = _apposed_state(doc, span.start, cspans, bodies) or _state_after(doc, span.end, cspans, bodies)
            found = apposed[0] if apposed else _national_before(doc, span.start, cspans)
            if found is None:
                continue
            p.country = found
            if apposed and p.title is None:  # 'minister of water resources', not '... of the Republic of Uganda'
                title, _, head = _parse_title(apposed[1], doc, cspans, bodies)
                if title and head:
                    p.title, p.head, p.sector = _title_case(title), head, head.sector
            break


def _apposed_state(
    doc: Doc, start: int, cspans: dict[int, tuple[Span, str, str]], bodies: set[int]
) -> tuple[str, list[Token]] | None:
    """The one state of an office set before a name by a comma, '<office>, [Hon.|Dr.|H.E.|General] <name>',
    with the words of the office up to where it serves ('Russia's ambassador' of '... in Prague')."""
    i = start - 1
    while i > 0 and (doc[i].lower_.rstrip(".") in HONORIFICS or doc[i].text == "." or _rank(doc[i])):
        i -= 1
    if i <= 0 or doc[i].text != ",":
        return None
    sent_start = doc[i].sent.start
    region: list[Token] = []
    k = i - 1
    while k >= sent_start and len(region) < 14:
        tok = doc[k]
        if tok.pos_ not in DESCRIBING or (tok.is_punct and tok.text not in ("-", "'s", "’s")) or tok.is_space:
            break
        if tok.lower_ == "and" and not (
            k > sent_start and doc[k - 1].text[:1].isupper() and doc[k + 1].text[:1].isupper()
        ):
            break  # "..., and the Minister of ...": another office; "Works and Transport" is one
        region.insert(0, tok)
        k -= 1
    first = next((n for n, t in enumerate(region) if _is_title_word(t)), None)
    if first is None or any(t.i in bodies for t in region):
        return None
    # the office's own phrase opens after the last word of where or when before its first title word
    opening = max((n + 1 for n, t in enumerate(region[:first]) if t.lower_ in SERVED_PREPS), default=0)
    state = _own_state(region[opening:], cspans)
    if state is None:
        return None
    served = next((n for n in range(first, len(region)) if region[n].lower_ in SERVED_PREPS), len(region))
    return state, region[opening:served]


def _state_after(
    doc: Doc, end: int, cspans: dict[int, tuple[Span, str, str]], bodies: set[int]
) -> tuple[str, list[Token]] | None:
    """The one state of an office or nationality set after a name: 'X, a former Colombian ambassador,', 'X, a
    first secretary at the Rwandan embassy in Bujumbura,', 'X, a Briton,'; with the words of the office."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return None
    region: list[Token] = []
    for tok in doc[end + 1 : min(len(doc), end + 14)]:
        if tok.pos_ not in DESCRIBING or (tok.is_punct and tok.text not in ("-", "'s", "’s")) or tok.is_space:
            break
        if tok.lower_ in ("and", "or", "who", "which", "that"):
            return None  # 'X, a lawyer and ...', 'X, the man who ...': more than an office
        region.append(tok)
    stop = end + 1 + len(region)
    if stop < len(doc) and not doc[stop].is_punct:
        return None  # 'the village of X, a Thai army commander tells radio': the subject of what follows
    if any(t.i in bodies for t in region):
        return None
    first = next((n for n, t in enumerate(region) if _is_title_word(t)), None)
    if first is None:
        lone = len(region) == 2 and region[1].i in cspans and cspans[region[1].i][1] == "DEMONYM"
        return (cspans[region[1].i][2], []) if lone and not hyphenated(cspans[region[1].i][0]) else None
    state = _own_state(region, cspans)
    if state is None:
        return None
    served = next((n for n in range(first, len(region)) if region[n].lower_ in SERVED_PREPS), len(region))
    return state, region[1:served]


def _rank(tok: Token) -> bool:
    """'General', 'Lieutenant', 'Maj.': a word of a military rank before a name, which an office set before
    it by a comma may precede ('Chad's army chief of staff, General X'); 'Foreign Minister X' may not."""
    if not tok.text[:1].isupper() or not _is_title_word(tok):
        return False
    head = kb.titles().find(tok.text)
    return head is None or head.sector == "MIL"


def _own_state(region: list[Token], cspans: dict[int, tuple[Span, str, str]]) -> str | None:
    """The one state that words of an office name as the office's own: 'Russia's ambassador in Prague',
    'a first secretary at the Rwandan embassy in Bujumbura', 'Counsellor at the Embassy of Burundi', 'a
    spokesman for the Chinese foreign ministry' (a body of the state, where the office is held), not the
    state after a word of where or to whom ('ambassador to Kenya', 'envoy for Syria', 'consul in Lublin')."""
    states: set[str] = set()
    served: str | None = None  # the word of where or to whom the words after it say
    for tok in region:
        if tok.lower_ in SERVED_PREPS:
            served = tok.lower_
        if tok.i not in cspans or cspans[tok.i][0].start != tok.i:
            continue
        span, kind, iso3 = cspans[tok.i]
        if hyphenated(span):
            return None
        if kind == "CAPITAL" and not (span.end < len(tok.doc) and tok.doc[span.end].text in ("'s", "’s")):
            continue  # "in Prague": where, not whose; "Moscow's ambassador" is Russia's
        if served is None or (served in HELD_AT and _of_a_body(span)):
            states.add(iso3)
    return states.pop() if len(states) == 1 else None


def _of_a_body(span: Span) -> bool:
    """'the Rwandan embassy', "China's foreign ministry", 'the Embassy of Burundi': a state named as a body's."""
    doc, institutions = span.doc, kb.institutions()
    after = [t for t in doc[span.end : span.end + 4] if t.text not in ("'s", "’s")]
    for tok in after[:3]:
        if tok.lower_ in institutions:
            return True
        if tok.is_punct or not (tok.is_lower or tok.lower_ in MINISTRY_FIELDS):
            break
    k = span.start - 1 - (span.start > 0 and doc[span.start - 1].lower_ == "the")
    return k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_ in institutions


def _national_before(doc: Doc, start: int, cspans: dict[int, tuple[Span, str, str]]) -> str | None:
    """'Nigerian political analyst Chukwudi Odoeme', 'Polish citizen X': a demonym that opens the lower-case
    words right before a name (at most three), standing alone (not 'Iranian-American'), where they are no
    craft's ('the Russian trawler Kapitan Sorokin')."""
    k = start - 1
    while k >= 0 and start - k <= 3 and doc[k].text.islower() and doc[k].pos_ in ("NOUN", "ADJ"):
        if doc[k].lower_ in VESSEL_NOUNS:
            return None  # "the Ukrainian fishing vessel Azovska Zorya": a craft, whatever the NER made of it
        k -= 1
    if k < 0 or k == start - 1 or k not in cspans:
        return None
    span, kind, iso3 = cspans[k]
    if kind != "DEMONYM" or span.end != k + 1 or hyphenated(span):
        return None
    return iso3


ENVOY_WORDS = kb.words("envoy_word")


def states_of_the_sentence_before(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person]
) -> None:
    """An official the text names with a bare title right after a sentence about one state acts for it.

    'Harare has been quick to ask for more. Foreign Minister Tendai Moyo Sibanda told a press conference ...',
    "Zimbabwe's foreign ministry condemned the killings. Foreign Minister X said ...", 'Nigeria is trying to
    make sure ... Its chief of army staff, General X, flew to N'Djamena': where the person's first mention is
    the subject of its sentence (or follows 'its'/'their'), the sentence before names one state only, as its
    subject, its capital or a body of it, and the official's own sentence names none, that state is the
    official's. Not for envoys, who serve among another state's officials ('Zambia conveyed its protest.
    Ambassador X ...'), nor for one the text describes ('said X, president of the Boat Owners' Association').
    Both sides of a dispute take turns as subjects, so anything less than that is left unsaid.
    """
    doc = ctx.doc
    for p, span in _stateless_first_mentions(doc, people):
        at = ctx.sentence_index(span.start_char)
        if at == 0 or not (_subject(span) or _after_its(doc, span.start)):
            continue
        if _described(doc, p) or _titled_after(doc, span):
            continue  # 'said S. Arulanandam, president of the Boat Owners' Association': the text says whose
        before, own = ctx.sentences[at - 1], ctx.sentences[at]
        state = _subject_state(before, cspans)
        if state is None or any(i in cspans for i in range(own.start, own.end)):
            continue  # a state in the official's own sentence is as often the one they answer as their own
        if any(cspans[i][2] != state for i in range(before.start, before.end) if i in cspans):
            continue  # 'The Kyrgyz side thanked the leadership of Uzbekistan. Minister X ...': either side's
        p.country = state


def _after_its(doc: Doc, start: int) -> bool:
    """'Its spokesman, Davit Hakobyan', 'Their spokesman, Brigadier X': an office named as a body's or state's."""
    k = start - 1
    while k >= 0 and (doc[k].text in (",", ".") or _is_title_word(doc[k]) or doc[k].lower_.rstrip(".") in HONORIFICS):
        k -= 1
    while k >= 0 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "ADP"):
        k -= 1  # 'its chief of army staff'
    return k >= 0 and doc[k].lower_ in ("its", "their") and (k == 0 or doc[k].is_sent_start or doc[k - 1].is_punct)


def _subject_state(sent: Span, cspans: dict[int, tuple[Span, str, str]]) -> str | None:
    """The one state the subject of a sentence's main verb is or belongs to: 'Nigeria', 'Harare', "Zimbabwe's
    foreign ministry", 'the Ethiopian army'."""
    states: set[str] = set()
    for subj in (t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")):
        body = subj.lower_ in kb.institutions()  # 'ministry' is a word of titles too, and tagged PROPN at times
        if not body and (_is_title_word(subj) or (subj.pos_ == "PROPN" and subj.i not in cspans)):
            return None  # 'the Minister of Foreign Affairs of the Kyrgyz Republic (, X,) held talks': a person
        for tok in subj.subtree:
            if tok.i not in cspans:
                continue
            _, kind, iso3 = cspans[tok.i]
            if kind != "CAPITAL" or tok.i == subj.i:
                states.add(iso3)
    return states.pop() if len(states) == 1 else None


def delegations(ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person]) -> None:
    """'The Russian delegation includes X, Y and Z': the delegation's country is theirs. Where a sentence
    names several delegations ('the Ugandan delegation was led by X, and the Rwandan delegation by Y', 'the
    Egyptian delegation, the delegation of Ethiopia headed by X'), a person is of the delegation named last
    before them, and of none if that one has no state the text gives."""
    doc = ctx.doc
    found = _positions(doc, ("delegation", "delegations"))
    for sent in ctx.sentences:
        marks = [(i, _delegation_state(doc, i, cspans)) for i in found if sent.start <= i < sent.end]
        if not marks:
            continue
        for p in people:
            if p.country is not None:
                continue
            for m in p.mentions:
                if not sent.start_char <= m.start < sent.end_char:
                    continue
                at = doc.char_span(m.start, m.end, alignment_mode="expand")
                before = [iso3 for i, iso3 in marks if at is not None and i < at.start]
                state = marks[0][1] if len(marks) == 1 else (before[-1] if before else None)
                if state:
                    p.country = state
                    break


def _delegation_state(doc: Doc, i: int, cspans: dict[int, tuple[Span, str, str]]) -> str | None:
    """The state of 'the Russian delegation' or 'the delegation of the Republic of the Sudan'; none for
    'delegations'."""
    if doc[i].lower_ == "delegations":
        return None
    if i > 0 and i - 1 in cspans:
        return cspans[i - 1][2]
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        for tok in doc[i + 2 : min(len(doc), i + 9)]:
            if tok.i in cspans and cspans[tok.i][1] == "NAME":
                return cspans[tok.i][2]
            if not (tok.lower_ in ("the", "of") or tok.text[:1].isupper()):
                break
    return None


DATELINE = re.compile(r"\s*([A-Z][A-Z .'’-]+?)(?:,\s*[A-Za-z][\w .'’-]*)?,\s")  # 'DAKAR, March 18 (—) —'


def dateline_state(text: str) -> str | None:
    """The state whose capital (or name) a story's dateline gives: 'DAKAR, March 18 — ...' is Senegal's."""
    found = DATELINE.match(text)
    if not found:
        return None
    word = found.group(1).strip().title()
    return kb.countries().capitals.get(word) or kb.countries().lookup(word)


def states_of_the_dateline(ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person]) -> None:
    """An official a datelined story names by a bare title, in a sentence that names no state, is of the state
    whose capital the dateline names: 'DAKAR, March 18 — ... Foreign Minister Mamadou Lamine Faye told the
    envoy ...'. Not an envoy ('The attaché, Colonel X'), not one the text describes, and not where the
    sentence before is about another state ("Venezuela's defence ministry said ... Defence Minister X said" in
    a story from Georgetown).
    """
    state = dateline_state(ctx.text)
    if state is None:
        return
    doc = ctx.doc
    for p, span in _stateless_first_mentions(doc, people):
        if _described(doc, p) or _titled_after(doc, span):
            continue
        at = ctx.sentence_index(span.start_char)
        own = ctx.sentences[at]
        if any(i in cspans for i in range(own.start, own.end)):
            continue
        if at > 0 and _subject_state(ctx.sentences[at - 1], cspans) not in (None, state):
            continue
        p.country = state


def _envoy(doc: Doc, person: _Person) -> bool:
    """Whether a person holds an office abroad, by their title or the words set before their first mention
    ('Ambassador X', 'the attaché, Colonel X')."""
    if person.title and set(kb.fold(person.title).split()) & ENVOY_WORDS:
        return True
    first = min(person.mentions, key=lambda m: m.start)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return False
    return any(kb.fold(t.text) in ENVOY_WORDS for t in doc[max(0, span.start - 6) : span.start])


def states_across_from_a_counterpart(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person]
) -> None:
    """'Foreign Minister Mamadou Lamine Faye drove to Banjul and met his Gambian counterpart' in a text that
    names two states only: the official is of the other one. A counterpart is of another state than the
    person whose counterpart they are; with two states in the whole text that leaves one."""
    states = {iso3 for _, _, iso3 in cspans.values()}
    if len(states) != 2:
        return
    doc = ctx.doc
    found = _positions(doc, ("counterpart", "counterparts"))
    if not found:
        return
    for p in people:
        if not _stateless_official(p) or _envoy(doc, p):
            continue
        first = min(p.mentions, key=lambda m: m.start)
        sent = ctx.sentences[ctx.sentence_index(first.start)]
        theirs = {
            cspans[i - 1][2] for i in found if sent.start < i < sent.end and i - 1 in cspans and first.end <= doc[i].idx
        }  # 'his Gambian counterpart' after the official's name
        if len(theirs) == 1:
            p.country = (states - theirs).pop()
