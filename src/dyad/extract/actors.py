"""Actors: people with title and country, states, organisations; one actor per real entity.

spaCy's entities are the start. Rules and the knowledge base fix what it gets
wrong: organisations tagged as people, titles it leaves out, countries named by
demonym, alias or capital, and roles ("the Russian president") that stand for a
person named elsewhere in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LOWER, POS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from dyad import kb
from dyad.extract.context import Context, where
from dyad.extract.dates import WEEKDAYS as DAY_NAMES
from dyad.model import Actor

STATE_FORM = re.compile(
    r"\s+of\s+the\s+(?:[A-Z][\w'’]*\s+)*(?:Republic|Kingdom|Federation|Emirates|Union|"
    r"Confederation|Commonwealth)$"
)
CONNECTORS = {"of", "the", "for", "and", "'s", "’s", "on"}
HONORIFICS = kb.words("honorific")
SHIP_PREFIXES = kb.words("ship_prefix")
MINISTRY_FIELDS = kb.words("ministry_field")
GIVEN_NAMES = kb.words("given_name")  # words that begin names and end none ("Bill Clinton", "the Safety Bill")
PASSING = kb.words("passing_title_word")  # "Jordan's visiting King": not part of the title
LOCATION_PREPS = kb.words("location_prep")
NOT_BODY_HEADS = kb.words("not_body_head")  # last words of events and documents, not bodies ("Negev Summit")
MOTION_VERBS = kb.words("motion_verb")
STORM_WORDS = kb.words("storm_word")
WEEKDAYS = frozenset(DAY_NAMES)
VESSEL_NOUNS = kb.words("vessel_noun")  # "the trawler Kapitan Sorokin": a craft's name, not a person's
# "in Mae Sot", "the island of Abu Musa", "Stung Treng town": words that put a name somewhere (never "from",
# "to" or "with": "a letter from Kwame Mensah", "talked to Ana Ruiz")
PERSON_PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "toward", "towards", "off"}
)
PLACE_KIND_NOUNS = frozenset({"town", "village", "city", "district", "island", "islands", "port", "province"})
# "the residents of Punta Gorda", "the edge of Kfar Kila": nouns whose "of" names a place after them
PLACE_OF_NOUNS = PLACE_KIND_NOUNS | {"residents", "inhabitants", "people", "edge", "outskirts", "area", "forecourt"}
SMALL_PLACE = 10_000  # people in a gazetteer's place that a name with nothing of a person's behind it names
PLACE_NOUNS = kb.words("place_noun") - {"camp", "sector", "market", "route", "corridor"}  # "the Odinga camp"
PLACE_STARTS = kb.words("place_start")  # "Lake Malawi", "Mount Elgon": a place, never a person
PLACE_ENDS = kb.words("place_end") | {"city"}  # "Charles Street", "Ho Chi Minh City": a place, never a person
# "Unity State", "Kegalle District": a province named by its kind
BODY_ENDS = kb.words("body_noun") | kb.words("unit_end")  # "Marine Corps", "Joint Chiefs": a body, never a person
AREA_ENDS = frozenset({"state", "province", "region", "district", "districts", "county", "governorate", "oblast"})
NON_HEAD = {"deputy", "vice", "former", "acting", "interim", "assistant", "under", "first"}


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    title_head: kb.Title | None = None
    org_code: str | None = None  # the international body a title names ("UN secretary-general")


@dataclass
class _Person:
    name: str
    tokens: list[str]
    mentions: list[PersonMention] = field(default_factory=list)
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    head: kb.Title | None = None
    known_code: str | None = None  # the knowledge base's actor code for a known person
    known_title: str | None = None  # their office on the article's date, for a text that names none


@lru_cache(maxsize=1)
def _matchers(vocab_id: int, vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for countries and known organisations (built once per vocab)."""
    from dyad.nlp.pipeline import load

    tokenizer = load().make_doc
    countries = kb.countries()
    cm = PhraseMatcher(vocab, attr="ORTH")
    for label, table in (("NAME", countries.names), ("DEMONYM", countries.demonyms), ("CAPITAL", countries.capitals)):
        cm.add(label, [tokenizer(form) for form in table])
    cm.add("BLOCK", [tokenizer(form) for form in countries.blockers])
    cm.add("AMBIGUOUS", [tokenizer(form) for form in kb.ambiguous_countries()])
    om = PhraseMatcher(vocab, attr="ORTH")
    om.add("ORG", [tokenizer(form) for form in kb.bodies()])
    return cm, om


ACTED_ON_PREPS = {"against", "with", "to", "toward", "towards"}


def _sentences(person: _Person, doc: Doc) -> set[int]:
    spans = (doc.char_span(m.start, m.end, alignment_mode="expand") for m in person.mentions)
    return {span.sent.start for span in spans if span is not None}


def _country_backs(person: _Person, iso3: str, cspan_list: list, named: list[_Person], doc: Doc) -> bool:
    """Whether the one country a text names is a titled person's own: it is named apart from them, or
    beside them other than as what they act on ("threatened action against Russia"), as another person's country
    in the same sentence ("welcomed South African leader de Klerk", "met Uganda's foreign minister") or as the
    capital they are in ("in Kampala")."""
    own = _sentences(person, doc)
    others = set().union(*(_sentences(q, doc) for q in named if q is not person))
    for span, kind, _ in cspan_list:
        if span.sent.start not in own:
            return True
        root = span.root
        acted_on = kind == "NAME" and (
            root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ in ACTED_ON_PREPS)
        )
        visited = kind == "CAPITAL"  # "met ... in Kampala": where an official is says nothing of whose they are
        if not (acted_on or visited) and span.sent.start not in others and not _qualifies_title(span):
            return True
    return False


def _qualifies_title(span: Span) -> bool:
    """'Uganda's foreign minister', 'the Ugandan president': a country that qualifies a title in a sentence is
    that title holder's, not the country of someone else named there."""
    doc = span.doc
    for tok in doc[span.end : min(len(doc), span.end + 4)]:
        if _is_title_word(tok):
            return True
        if not (tok.text in ("'s", "’s") or (tok.text.islower() and tok.pos_ in ("ADJ", "NOUN"))):
            return False
    return False


def document_country_spans(ctx: Context) -> list[tuple[Span, str, str]]:
    """``country_spans`` of the context's document, matched once: actors, places and the events' participants
    all read them (each caller gets its own list)."""
    return list(ctx.once("country_spans", lambda: country_spans(ctx.doc)))


def country_spans(doc: Doc) -> list[tuple[Span, str, str]]:
    """(span, kind, iso3) for country names, demonyms and capitals, longest match first."""
    cm, _ = _matchers(id(doc.vocab), doc.vocab)
    spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in cm(doc)]
    countries = kb.countries()
    out = []
    ambiguous = []
    for span in filter_spans(spans):
        if span.label_ == "BLOCK":
            continue
        if span.label_ == "AMBIGUOUS":
            ambiguous.append(span)
            continue
        table = {"NAME": countries.names, "DEMONYM": countries.demonyms, "CAPITAL": countries.capitals}
        iso3 = table[span.label_].get(span.text)
        if iso3:
            out.append((span, span.label_, iso3))
    named = {iso3 for _, _, iso3 in out}
    for span in ambiguous:
        candidates = kb.ambiguous_countries()[span.text]
        iso3 = next((c for c in candidates if c in named), candidates[0])
        out.append((span, "DEMONYM" if span.text[-1] in "ns" else "NAME", iso3))
    return sorted(out, key=lambda x: x[0].start)


def org_spans(doc: Doc) -> list[tuple[Span, kb.Organization]]:
    """Known organisations, unless the match is the tail of a longer name ("National People's Congress")."""
    _, om = _matchers(id(doc.vocab), doc.vocab)
    spans = filter_spans([Span(doc, s, e) for _, s, e in om(doc)])
    orgs = kb.bodies()
    out = []
    for span in spans:
        if span.text not in orgs:
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text in ("'s", "’s") and span.start > 1:
            before = doc[span.start - 2]
        if (
            before is not None
            and before.pos_ == "PROPN"
            and before.text[:1].isupper()
            and kb.countries().lookup(before.text) is None
            and before.text not in ("U.S.", "US", "UN", "U.N.")
        ):
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.lower_ in NOT_BODY_HEADS:
            continue  # "the United Nations Convention on the Law of the Sea", "the UN Charter": a document's name
        out.append((span, orgs[span.text]))
    return out


SEATS = {form for seat in kb.words("seat_of_government") for form in (seat, "the " + seat)}
GOVERNMENT_NOUNS = kb.words("government_noun")
PRESSURE_NOUNS = kb.words("pressure_noun")


# ----------------------------------------------------------------------------- people
def _title_country_length(ent: Span) -> int:
    """How many tokens at the start of a name entity are the country of the title before it: 2 in
    "(Chancellor of) Austria Karl Nehammer", 0 in "Jordan Peterson"."""
    if ent.start == 0 or ent.doc[ent.start - 1].lower_ != "of" or len(ent) < 3:
        return 0
    for n in (3, 2, 1):
        if len(ent) - n >= 2 and kb.countries().lookup(ent[:n].text):
            return n
    return 0


def _is_title_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in kb.titles().words or token.lower_ in kb.titles().words


def _known_with_it(tokens: list[Token]) -> bool:
    """Whether a name is someone's with its first word, a form of address elsewhere ("Sheikh Hasina")."""
    name = " ".join(t.text for t in tokens)
    return bool(kb.people().get(kb.fold(name))) or kb.in_office_table(name)


def _clean_person_tokens(tokens: list[Token]) -> list[Token]:
    """Strip honorifics, titles, possessives and punctuation at the edges of a name."""
    while (
        tokens
        and (
            (tokens[0].lower_.rstrip(".") in HONORIFICS and not _known_with_it(tokens))
            or tokens[0].lower_ in WEEKDAYS  # "on Tuesday Mauritius replied": the day, then the state
            or tokens[0].is_punct
            or tokens[0].lower_ in ("the", "a", "an")
            or (_is_title_word(tokens[0]) and len(tokens) > 1 and tokens[1].text[:1].isupper())
        )
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in ("'s", "’s", "'", "’") or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return _after_title(tokens)


def _after_title(tokens: list[Token]) -> list[Token]:
    """'Migori Governor Okoth Otieno': a capitalised title inside what was taken for one name, with two words or
    more after it, ends a title (here a place's); the name is what follows, unless the whole is a known name."""
    for k in range(len(tokens) - 3, -1, -1):
        if _is_title_word(tokens[k]) and tokens[k].text[:1].isupper() and not _known_with_it(tokens):
            return tokens[k + 1 :]
    return tokens


def _valid_name(tokens: list[Token]) -> bool:
    if not tokens or len(tokens) > 10 or _ship(tokens) or _storm(tokens) or _states_joined(tokens):
        return False
    words = [t for t in tokens if any(c.isalpha() for c in t.text)]
    if len(words) > 6:  # words, not tokens: "Fahad Al-Mubarak Al-Sabah" is seven tokens
        return False
    if not words or any(t.like_num or any(c.isdigit() for c in t.text) for t in tokens):
        return False
    joined = {t.i for t in words if t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_}
    if not all(
        t.text[:1].isupper()
        for t in words
        if t.i not in joined and t.lower_ not in ("de", "da", "von", "der", "al", "bin", "van", "la", "le", "el", "del")
    ):
        return False
    if all(_is_title_word(t) or kb.countries().lookup(t.text) for t in words) or any(
        t.lower_ in kb.name_stopwords() and not (t is words[0] and t.lower_ in GIVEN_NAMES and len(words) > 1)
        for t in words
    ):
        return False
    if any(t.text in ("-", "–", "/", "&") and (t.whitespace_ or t.doc[t.i - 1].whitespace_) for t in tokens):
        return False  # "Haram al - Sharif": a place, not a name
    return not any("\n" in t.text for t in tokens)


def _ship(tokens: list[Token]) -> bool:
    """'the USS George Washington', 'HMS Illustrious', 'the trawler Kapitan Sorokin', 'the fishing vessel Lady
    Shanice': a ship's name, by its prefix (whether or not the NER took it in) or the craft named before it."""
    doc, k = tokens[0].doc, tokens[0].i - 1
    while k >= 0 and doc[k].lower_ in HONORIFICS and k >= tokens[0].i - 2:
        k -= 1  # 'the vessel Lady Shanice', where "Lady" was taken for a form of address
    before = doc[k] if k >= 0 else None
    return (
        tokens[0].text in SHIP_PREFIXES
        or (before is not None and before.text in SHIP_PREFIXES)
        or (before is not None and before.lower_ in VESSEL_NOUNS)
    )


def _storm(tokens: list[Token]) -> bool:
    """'Cyclone Toofan', 'Typhoon Ma-on': a storm's name, whether or not the NER took in the word before it."""
    before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    return tokens[0].lower_ in STORM_WORDS or (before is not None and before.lower_ in STORM_WORDS)


def _states_joined(tokens: list[Token]) -> bool:
    return states_joined("".join(t.text_with_ws for t in tokens))


def states_joined(name: str) -> bool:
    """'Brazil-Bolivia', 'Tajik-Kyrgyz': states or their peoples joined by a hyphen, a pair, not a person."""
    parts = [p.strip() for p in name.strip().split("-")]
    countries = kb.countries()
    return len(parts) > 1 and all(countries.lookup(p) or p.title() in countries.capitals for p in parts)


def _title_token(tok: Token) -> bool:
    """A token that may stand in a title: title words, connectors, capitalised words."""
    return (
        tok.text in ("'s", "’s")
        or tok.lower_ in ("of", "the", "for", "and", "-", "to")
        or _is_title_word(tok)
        or (tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN"))
    )


def _region_before(doc: Doc, start: int, sent_start: int, others: set[int], countries: set[int]) -> list[Token]:
    """The tokens of a title in front of a name: words of titles, country words and proper nouns."""
    region: list[Token] = []
    i = start - 1
    while i >= sent_start:
        tok = doc[i]
        if tok.is_space or (tok.is_punct and tok.text not in ("-", "'s", "’s")) or tok.i in others:
            break
        if (
            tok.lower_ == "and"
            and i > sent_start
            and doc[i - 1].pos_ == "PROPN"
            and not _is_title_word(doc[i - 1])
            and doc[i - 1].i not in countries
            and doc[i - 1].lower_ not in MINISTRY_FIELDS  # "Minister for Foreign Affairs and Trade"
        ):
            break  # "... Olaf Scholz and President ...": another person's title ends here
        modifier = (  # "foreign policy chief", "ministry spokesman": lower-case words of the title
            bool(region)
            and tok.pos_ in ("NOUN", "ADJ", "PROPN")
            and tok.text.islower()
            and tok.dep_ in ("compound", "amod")
            and tok.i < tok.head.i <= start + 4
        )
        passing = bool(region) and tok.lower_ in PASSING  # "Jordan's visiting King"
        if _title_token(tok) or modifier or passing:
            region.insert(0, tok)
            i -= 1
            continue
        break
    # never start on a connector, and the title must touch a title word
    while region and (region[0].lower_ in CONNECTORS or region[0].text == "-"):
        region = region[1:]
    return region


def _region_after(doc: Doc, end: int, sent_end: int) -> list[Token]:
    """An appositive title after a name: ', the Russian foreign minister,'."""
    if end >= sent_end or doc[end].text != ",":
        return []
    region: list[Token] = []
    i = end + 1
    while i < sent_end:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "'s", "’s"):
            break
        titled = any(_is_title_word(t) for t in region)
        if tok.lower_ == "and" and not titled:
            return []  # "Haleh Esfandiari, Kian Tajbakhsh and journalist Parnaz Azima": a list of names
        if not (
            _title_token(tok)
            or tok.lower_ in ("a", "an")
            or (tok.pos_ == "ADJ" and not region)
            or (titled and tok.pos_ in ("NOUN", "ADJ", "DET", "ADP", "PROPN") and len(region) < 8)
        ):
            return []
        region.append(tok)
        i += 1
    if len(region) > 12 or i >= sent_end and doc[sent_end - 1].is_punct is False:
        return []
    return region


def _parse_title(
    tokens: list[Token], doc: Doc, cspans: dict[int, tuple[Span, str, str]], org_tokens: set[int]
) -> tuple[str | None, str | None, kb.Title | None]:
    """(title text, country iso3, title head) from a title region."""
    if not tokens:
        return None, None, None
    titles = kb.titles()
    country: str | None = None
    words = list(tokens)
    # words before the title proper ("Comrade President", "at the request of the Indian Prime Minister")
    first = next((k for k, t in enumerate(words) if _is_title_word(t) or t.i in cspans or t.i in org_tokens), None)
    if first is None:
        return None, None, None
    while first > 0 and words[first - 1].text.islower() and words[first - 1].dep_ in ("compound", "amod"):
        first -= 1  # "ministry spokesman"
    words = words[first:]
    while len(words) > 1 and words[0].lower_ in PASSING and words[0].i not in cspans:
        words = words[1:]  # "new Sudanese Prime Minister": the country comes after the passing word
    while len(words) > 2 and words[0].lower_ in kb.institutions() and words[1].lower_ == "of":
        words = words[2:]  # "the government of Colombian President Alvaro Uribe": his office is President
    # country adjective or possessive at the front
    if words and words[0].i in cspans and not hyphenated(cspans[words[0].i][0]):
        span, kind, iso3 = cspans[words[0].i]
        after = [t for t in words if t.i >= span.end]
        if kind in ("NAME", "DEMONYM", "CAPITAL"):
            country = iso3
            words = after
            if words and words[0].text in ("'s", "’s"):
                words = words[1:]
    # "... of <country>" at the end
    for k in range(len(words)):
        tok = words[k]
        if tok.lower_ == "of" and k + 1 < len(words):
            rest = words[k + 1 :]
            if rest and rest[0].lower_ == "the":
                rest = rest[1:]
            if rest and rest[0].i in cspans:
                span, kind, iso3 = cspans[rest[0].i]
                if span.end == rest[-1].i + 1 and kind != "CAPITAL":
                    country = country or iso3
                    words = words[:k]
                    break
    if country is None:
        country = _state_of_body(words, cspans)
    while words and words[0].lower_ in PASSING:
        words = words[1:]  # "visiting King": the title is King
    if not words:
        return None, country, None
    while words and words[-1].lower_ in CONNECTORS:
        words = words[:-1]
    if not words:
        return None, country, None
    text = doc[words[0].i : words[-1].i + 1].text
    text = STATE_FORM.sub("", text)
    head = titles.find(text)
    if head is None or text.lower().endswith("counterpart"):
        return None, country, None  # "his Ethiopian counterpart, Tedros Adhanom": a state, but no office
    return text, country, head


def hyphenated(span: Span) -> bool:
    """'Iranian-American', 'pro-Russian': a state's word joined to another is half a nationality or a stance."""
    doc = span.doc
    before = span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    return before or (span.end < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_)


def _state_of_body(words: list[Token], cspans: dict[int, tuple[Span, str, str]]) -> str | None:
    """The state of the national body an office belongs to: "deputy head of Iran's maritime agency", "a spokesman
    for the Chinese foreign ministry", "deputy head of Russia's general staff" (a body's head word after the state's
    name or adjective)."""
    for k, tok in enumerate(words[:-2]):
        if tok.lower_ not in ("of", "for"):
            continue
        at = k + 1 + (words[k + 1].lower_ == "the")
        if at >= len(words) or words[at].i not in cspans:
            continue
        span, kind, iso3 = cspans[words[at].i]
        body = [t for t in words if t.i >= span.end and t.text not in ("'s", "’s")]
        if kind in ("NAME", "DEMONYM") and any(t.lower_ in kb.institutions() or t.lower_ == "staff" for t in body):
            return iso3
    return None


def _title_case(title: str) -> str:
    if title[:1].isupper():
        return title
    small = {"of", "the", "for", "and", "on", "to"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in title.split())


LEADS = {"head", "chief", "director", "boss", "chairman", "chairwoman", "chair"}


def _org_title(title: str, org_names: set[str]) -> str:
    """'Roscosmos head' -> 'Head of Roscosmos'; 'Kremlin spokesman' stays as written."""
    for name in org_names:
        rest = title[len(name) + 1 :]
        if title.startswith(name + " ") and rest.lower() in LEADS:
            return _title_case(rest) + " of " + name
    return title if any(title.startswith(n + " ") for n in org_names) else _title_case(title)


def _given_name_body(ent: Span) -> bool:
    """A 'body' whose name opens with a well-attested given name and holds no body's word or acronym."""
    return (
        kb.given_name_first(ent.text)
        and not any(t.lower_ in kb.institutions() or t.lower_ in kb.words("body_noun") for t in ent)
        and ent.text not in kb.bodies()
        and ent.text not in kb.organizations()
    )


def _named_after_title(ent: Span) -> bool:
    """'Water Minister Dawit Alemayehu Gebre', 'senior nurse Sinalei Faasalele': a name the NER took for a body,
    right after a title word, of two to four proper nouns none of which names an institution."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and _is_title_word(before)
        and 2 <= len(ent) <= 4
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() for t in ent)
        and not any(t.lower_ in kb.institutions() for t in ent)
        and ent.text not in kb.bodies()
    )


@lru_cache(maxsize=4)
def _title_hashes(vocab_id: int, vocab: Vocab) -> frozenset[int]:
    """The title words' hashes, added to the vocabulary's strings once per process rather than per story."""
    return frozenset(vocab.strings.add(w) for w in kb.titles().words)


def _title_openers(doc: Doc, lowers: list[int]) -> set[int]:
    """The lower-case forms (hashes) of the document that may open a title: a title word, with or without
    its full stop ("Gen."). Each distinct word is asked once, not each of its tokens."""
    title_words = _title_hashes(id(doc.vocab), doc.vocab)
    words, strings = kb.titles().words, doc.vocab.strings
    return {h for h in set(lowers) if h in title_words or strings[h].rstrip(".") in words}


def _person_mentions(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], org_tokens: set[int], org_names: dict[str, kb.Organization]
) -> list[PersonMention]:
    doc = ctx.doc
    candidates: list[list[Token]] = []
    for ent in ctx.entities:
        if ent.label_ == "PERSON":
            toks = list(ent)[_title_country_length(ent) :]
            while len(toks) > 2 and toks[0].lower_ in MINISTRY_FIELDS:
                toks = toks[1:]  # "Minister of Water Paul Mayom", "... and Expatriates Marwan Haddadin": the title's
            candidates.append(toks)
        elif ent.label_ == "ORG" and not any(t.i in org_tokens for t in ent):
            # "Spokesperson Ned Price", "Israel Naftali Bennett": a title or country glued to a name
            toks = list(ent)
            while toks and (_is_title_word(toks[0]) or toks[0].i in cspans or toks[0].lower_ == "the"):
                toks = toks[1:]
            stripped = ent.text[: toks[0].idx - ent.start_char] if toks else ""
            if (
                toks
                and len(toks) >= 2
                and all(t.pos_ == "PROPN" or (t.text == "-" and not t.whitespace_) for t in toks)
                and (kb.titles().find(stripped) or kb.countries().lookup(stripped.strip()))
            ) or kb.people().get(kb.fold(ent.text)):
                candidates.append(toks)
            elif _given_name_body(ent):
                candidates.append(list(ent))  # "Oleksandr Kravets said": a name the NER took for a body
            elif _named_after_title(ent):
                candidates.append(list(ent))
    # proper names right after a title that spaCy did not tag as a person
    covered = {t.i for toks in candidates for t in toks}
    propn = doc.vocab.strings["PROPN"]
    proper = [i for i, pos in enumerate(doc.to_array([POS]).tolist()) if pos == propn]
    for tok in (doc[i] for i in proper):  # a known person's surname alone ("Modi arrived") that the NER missed
        if (
            tok.i not in covered
            and tok.pos_ == "PROPN"
            and tok.ent_type_ in ("", "PERSON", "ORG", "NORP")
            and kb.person_alone(tok.text) is not None
        ):
            candidates.append([tok])
            covered.add(tok.i)
    lowers = doc.to_array([LOWER]).tolist()
    opens = _title_openers(doc, lowers)
    for sent in ctx.sentences:
        i = sent.start
        while i < sent.end:
            if lowers[i] not in opens:
                i += 1  # only a title word can open a title
                continue
            tok = doc[i]
            if _is_title_word(tok) and i + 1 < sent.end:
                j = _past_the_field(doc, i + 1, sent.end, cspans)
                first = j
                # "... and European Integration Oleg Cebanu", tagged a body: a common given name opens a name
                given = first < sent.end and _common_given(doc[first])
                while (
                    j < sent.end
                    and doc[j].pos_ == "PROPN"
                    and doc[j].text[:1].isupper()
                    and not _is_title_word(doc[j])
                    and doc[j].i not in covered
                    and doc[j].i not in cspans
                    and (
                        doc[j].ent_type_ not in ("GPE", "ORG", "NORP", "DATE", "LOC", "FAC")
                        or (given and doc[j].ent_type_ == "ORG")
                        or (first > i + 1 and _state_run_into_name(doc[j], first, cspans))
                    )
                ):
                    j += 1
                if j - first >= 2:
                    candidates.append([doc[k] for k in range(first, j)])
                    covered.update(range(first, j))
                i = max(j, i + 1)
            else:
                i += 1
    candidates += _addressed_names(doc, candidates, covered, cspans, org_tokens)
    candidates += _appositive_names(doc, covered, cspans, org_tokens)
    out: list[PersonMention] = []
    not_names = kb.not_names()
    names: list[list[Token]] = []
    for toks in candidates:
        if len(toks) == 2 and toks[0].lower_ == "the":
            continue  # "The Latest": names take no article
        toks = _clean_person_tokens(toks)
        toks = _extend_left(doc, toks, cspans, org_tokens)
        while (
            toks
            and toks[-1].i + 2 < len(doc)
            and doc[toks[-1].i + 1].text == "-"
            and not toks[-1].whitespace_
            and not doc[toks[-1].i + 1].whitespace_
            and doc[toks[-1].i + 2].is_alpha
        ):
            toks = [*toks, doc[toks[-1].i + 1], doc[toks[-1].i + 2]]  # "Lee Min-ho"
        toks = _after_title(_extend_right(doc, toks, cspans, org_tokens))
        if not _valid_name(toks) or " ".join(t.text for t in toks).title() in not_names:
            continue
        if kb.countries().lookup(doc[toks[0].i : toks[-1].i + 1].text):
            continue  # "Sri Lanka" tagged as a person
        text = doc[toks[0].i : toks[-1].i + 1].text
        if any(t.i in org_tokens for t in toks) or text in org_names:
            continue
        if toks[0].i in cspans and toks[-1].i < cspans[toks[0].i][0].end:
            continue  # the whole "name" is a country's name or part of one ("Guiana" in "French Guiana")
        names.append(toks)
    others = {t.i for toks in names for t in toks}
    for toks in names:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        sent = toks[0].sent
        name = doc[toks[0].i : toks[-1].i + 1].text  # Doc.text would join every token again
        mention = PersonMention(start, end, name.title() if name.isupper() and len(name) > 3 else name)
        own = {t.i for t in toks}
        lead = toks[0].i  # the name's first word, or the form of address before it ("Hon.", "Dr.", "H.E.")
        while lead - 1 > sent.start and (doc[lead - 1].lower_.rstrip(".") in HONORIFICS or doc[lead - 1].text == "."):
            lead -= 1
        before = _region_before(doc, lead, sent.start, others - own, set(cspans))
        regions = [before, _region_after(doc, toks[-1].i + 1, sent.end)]
        if not before and lead - 1 > sent.start and doc[lead - 1].text == ",":
            # "the German ambassador, Alexander Lambsdorff": a title set off by a comma
            ahead = _region_before(doc, lead - 1, sent.start, others - own, set(cspans))
            serves_in = ahead and ahead[0].i in cspans and cspans[ahead[0].i][1] == "CAPITAL"
            if serves_in and len(ahead) == len(cspans[ahead[0].i][0]) and doc[ahead[0].i - 1].lower_ == "in":
                # "Russia's ambassador in Prague, Igor Belov": the title is before the capital served in
                ahead = _region_before(doc, ahead[0].i - 1, sent.start, others - own, set(cspans))
            inside = {t.i for t in ahead}
            # "Kenya's foreign minister, Juma Otieno": a title that opens with its state, set beside the name
            opens = ahead and ahead[0].i in cspans and cspans[ahead[0].i][1] in ("NAME", "DEMONYM")
            beside = opens and toks[-1].dep_ == "appos" and toks[-1].head.i in inside
            if beside or (ahead and ahead[0].i > 0 and doc[ahead[0].i - 1].lower_ in ("the", "a", "an")):
                regions.insert(1, ahead)
        for region in regions:
            title, country, head = _parse_title(region, doc, cspans, org_tokens)
            if title and mention.title is None:
                org_prefix = {n for n in org_names if title.startswith(n + " ")}
                mention.title = _org_title(title.title() if title.isupper() else title, org_prefix)
                mention.title_head = head
                mention.sector = head.sector if head else None
                for org in (org_names[n] for n in org_names if n in title.split() or title.startswith(n + " ")):
                    if org.code[:3] in ("IGO", "NGO"):
                        mention.org_code = org.code
                if country is None:
                    for name in org_prefix:
                        country = org_names[name].country
            if country and mention.country is None:
                mention.country = country
        window = doc[max(sent.start, toks[0].i - 8) : toks[0].i]
        if mention.country is None and len(window) and not any(t.pos_ in ("VERB", "AUX") for t in window):
            # "Pentagon Press Secretary Maj. Gen. Pat Ryder": a national body in the title is the person's state
            text = window.text
            found = {
                org.country
                for name, org in org_names.items()
                if org.country and re.search(rf"\b{re.escape(name)}\b", text)
            }
            if len(found) == 1:
                mention.country = found.pop()
        out.append(mention)
    return out


FIELD_CONNECTORS = frozenset({"of", "for", "and", "the", "&"})
FIELD_WORDS = frozenset({"state", "republic", "kingdom", "federation", "union", "national", "affairs", "foreign"})


def _state_run_into_name(tok: Token, first: int, cspans: dict[int, tuple[Span, str, str]]) -> bool:
    """'Prime Minister of the Kyrgyz Republic Almaz Toktogulov' tagged a body from 'the Kyrgyz Republic' on,
    '... of the Republic of Tajikistan Firdavs Rahimzoda' with 'Rahimzoda' a place: after a title, its field
    and its state, a word the NER put in a body or place that began on the state's words, or in one of its
    own later in the name, is the name's, unless it names a place dyad knows."""
    if (
        tok.ent_type_ not in ("ORG", "GPE")
        or tok.i in cspans
        or tok.lower_ in kb.institutions()
        or tok.lower_ in kb.words("body_noun")
    ):
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if start < first:  # the entity began on the state's name ("of the Indian Coast Guard": a body, by its people)
        return any(k in cspans and cspans[k][1] == "NAME" for k in range(start, first))
    alone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    return alone and tok.i > first and not names_a_place(tok.text, 0)


def _past_the_field(doc: Doc, start: int, end: int, cspans: dict[int, tuple[Span, str, str]]) -> int:
    """Where a name may begin after a title word: at once, or past the office's field and state ("Minister of
    Defence of Ukraine Serhiy Tkachenko", "Minister for Agriculture and Forestry Osman Karaca"), which a name
    the NER missed follows. Up to eight words of field, connectors and state names; else at once. After "to",
    a state's name alone."""
    if start < end and doc[start].lower_ == "to":  # "Ambassador to the United Kingdom Dmitry Voronov": a state alone
        j = start + 1 + (start + 1 < end and doc[start + 1].lower_ == "the")
        k = j
        while k < end and k in cspans and cspans[k][1] == "NAME":
            k += 1
        return k if k > j else start
    if start >= end or doc[start].lower_ not in ("of", "for"):
        return start
    j = start
    while j < min(end, start + 8) and (
        doc[j].lower_ in FIELD_CONNECTORS
        or doc[j].lower_ in MINISTRY_FIELDS
        or doc[j].lower_ in FIELD_WORDS
        or doc[j].lower_ in kb.institutions()
        or j in cspans
    ):
        j += 1
    return j if j > start + 1 and doc[j - 1].lower_ not in FIELD_CONNECTORS else start


def _titled_phrase(tok: Token) -> bool:
    """Whether a word is a title, or the place or field in a title's phrase that the parser hangs a name on
    ("The Minister for European and International Affairs of Austria, Georg Lechner,")."""
    for _ in range(6):
        if _is_title_word(tok):
            return True
        if tok.dep_ not in ("pobj", "prep") or tok.head == tok:
            return False
        tok = tok.head
    return False


def _appositive_names(
    doc: Doc, covered: set[int], cspans: dict[int, tuple[Span, str, str]], org_tokens: set[int]
) -> list[list[Token]]:
    """'his Mozambican counterpart, Cristóvão Macuácua Nhantumbo,', 'the Minister of Defence of Peru, Alfredo
    Quispe Villanueva,': proper nouns set off by a comma beside a title, which the NER missed or took for a
    body or a place. Names from many languages are rare in its training data; the apposition to a title
    says what the words are. Two to four capitalised words, none a state's, a known body's or a place's."""
    out: list[list[Token]] = []
    for tok in doc:
        if tok.dep_ not in ("appos", "conj") or tok.pos_ != "PROPN" or not _titled_phrase(tok.head) or tok.i in covered:
            continue
        if tok.dep_ == "conj" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ","):
            continue  # the parse may join the name to the title's state: then it is set off by commas on both sides
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == tok.i:
            start -= 1
        toks = list(doc[start : tok.i + 1])
        if not 2 <= len(toks) <= 4 or start == 0 or doc[start - 1].text != ",":
            continue
        if any(
            t.i in covered
            or t.i in cspans
            or t.i in org_tokens
            or not (t.text[:1].isupper() and t.text[1:2].islower())
            or _is_title_word(t)
            or t.ent_type_ not in ("", "PERSON", "ORG", "GPE")
            or t.lower_ in kb.institutions()
            for t in toks
        ):
            continue
        name = doc[start : tok.i + 1].text
        if name in kb.bodies() or kb.regions().get(kb.fold(name)) or names_a_place(name, 0):
            continue
        out.append(toks)
        covered.update(t.i for t in toks)
    return out


NAME_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "du", "von", "van", "der", "den", "al", "bin", "ibn", "el", "del"}
)


def _addressed_names(
    doc: Doc,
    candidates: list[list[Token]],
    covered: set[int],
    cspans: dict[int, tuple[Span, str, str]],
    org_tokens: set[int],
) -> list[list[Token]]:
    """'the Honourable Juma Said Kitwana', 'H.E. Awa Coulibaly Traoré', 'Mr Hervé Ondoua Mbarga': capitalised
    words right after a form of address (written with its capital) are a name, whatever the NER made of them
    (a body, a place, nothing): it rarely knows names from many languages, and a form of address is said
    only to a person. Two to five words, none a title, a state's, a known body's or a date's; a particle
    ("da", "bin") or a hyphen may join them. Words before a name the NER found join that name."""
    out: list[list[Token]] = []
    n = len(doc)
    strings, lowers = doc.vocab.strings, doc.to_array(LOWER).tolist()
    forms = {h for h in set(lowers) if strings[h].rstrip(".") in HONORIFICS}  # each distinct word looked at once
    for tok in (doc[i] for i, h in enumerate(lowers) if h in forms):
        if not tok.text[:1].isupper():
            continue
        j = tok.i + 1
        while j < n and (doc[j].lower_.rstrip(".") in HONORIFICS or doc[j].text == "."):
            j += 1  # "Her Excellency Mrs", "H.E. Mr"
        if j < n and doc[j].lower_.rstrip(".") in HONORIFICS:
            continue
        toks: list[Token] = []
        while j < n and len(toks) < 7:
            t = doc[j]
            joined = t.text == "-" and toks and not t.whitespace_ and not doc[j - 1].whitespace_
            particle = t.lower_ in NAME_PARTICLES and toks and j + 1 < n and doc[j + 1].text[:1].isupper()
            if joined or particle:
                toks.append(t)
                j += 1
                continue
            if not (
                t.text[:1].isupper()
                and t.text[1:2].islower()
                and any(c.isalpha() for c in t.text)
                and not _is_title_word(t)
                and t.lower_.rstrip(".") not in HONORIFICS
                and t.i not in covered
                and t.i not in cspans
                and t.i not in org_tokens
                and t.lower_ not in kb.institutions()
                and t.lower_ not in MINISTRY_FIELDS
                and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT")
                and not (toks and t.is_sent_start)
            ):
                break
            toks.append(t)
            j += 1
        while toks and (toks[-1].lower_ in NAME_PARTICLES or toks[-1].text == "-"):
            toks.pop()
        tail = next((c for c in candidates if toks and c and c[0].i == j and j in covered), None)
        if tail is not None:
            tail[:0] = toks  # "Juma Said" before the NER's "Kitwana": the given names of its name
            covered.update(t.i for t in toks)
            continue
        if sum(1 for t in toks if t.is_alpha) < 2:
            continue
        out.append(toks)
        covered.update(t.i for t in toks)
    return out


def _given_name_mistagged(tok: Token, toks: list[Token]) -> bool:
    """'Mamadouba' (tagged a place) in 'Mamadouba Camara Soumah': a word the NER tagged alone as a place, a
    people or a body, that the parse joins to the name as its first part, and that names no place dyad knows."""
    doc = tok.doc
    return (
        tok.ent_type_ in ("GPE", "ORG", "NORP")
        and tok.ent_iob_ == "B"
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        and tok.dep_ == "compound"
        and tok.head.i in {t.i for t in toks}
        and tok.i + 1 == toks[0].i
        and toks[0].text[:1].isupper()  # not "Islamist al-Shabab"
        and not names_a_place(tok.text, 0)
        and not kb.countries().lookup(tok.text)
    )


def _common_given(tok: Token) -> bool:
    """A capitalised word that many office holders bear as their given name, and that is no title, state or
    field of office: before a name, the name's first word, whatever entity the NER put it in."""
    return (
        _name_word(tok)
        and tok.lower_.rstrip(".") not in HONORIFICS  # "Sheikh Fahad": many bear it, but before a name it is address
        and tok.lower_ not in WEEKDAYS
        and kb.common_given_name(tok.text)
    )


def _name_after_rank(tok: Token) -> bool:
    """'Lieutenant General Sandeep' tagged a body before 'Kumar Bhalla': the body the NER saw is a rank and the
    first word of the name, a word of no title, state, field or body that ends the entity right after a title."""
    doc = tok.doc
    return (
        tok.ent_type_ == "ORG"
        and tok.i > 0
        and _is_title_word(doc[tok.i - 1])
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        and _name_word(tok)
        and tok.lower_ not in kb.institutions()
        and tok.lower_ not in kb.words("body_noun")
    )


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that may be a word of a name: no title, field of office or state."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.text[1:2].islower()
        and not _is_title_word(tok)
        and tok.lower_ not in MINISTRY_FIELDS
        and tok.lower_ not in FIELD_WORDS
        and not kb.countries().lookup(tok.text)
    )


def _extend_left(
    doc: Doc, toks: list[Token], cspans: dict[int, tuple[Span, str, str]], org_tokens: set[int]
) -> list[Token]:
    """'Secretary of State Antony J. Blinken' tagged as 'J. Blinken': take back the given name."""
    if not toks or len(toks) > 3:
        return toks
    i = toks[0].i - 1
    added = 0
    while i >= 0 and added < 2:
        tok = doc[i]
        if _common_given(tok) or _name_after_rank(tok):
            toks = [tok, *toks]  # "European Integration Oleg Cebanu", "H.E. Mehmet Selçuk Aydın": the NER's body
            added += 1
            i -= 1
            continue
        if (
            tok.pos_ != "PROPN"
            or not tok.text[:1].isupper()
            or _is_title_word(tok)
            or tok.i in cspans
            or tok.i in org_tokens
            or (tok.lower_.rstrip(".") in HONORIFICS and not _known_with_it([tok, *toks]))
            or (tok.ent_type_ in ("GPE", "ORG", "NORP", "DATE") and not _given_name_mistagged(tok, toks))
            or tok.lower_ in WEEKDAYS  # "on Tuesday Mauritius replied"
            or tok.lower_ in MINISTRY_FIELDS
            or tok.lower_ in FIELD_WORDS  # "President of the Republic Emmanuel Macron"
            or (i > 0 and doc[i - 1].lower_ == "the")  # a given name takes no article
        ):
            break  # ... or the field of "Minister of Water Paul Mayom", "... and Financial Intelligence Daniel Corwin"
        toks = [tok, *toks]
        added += 1
        i -= 1
    return toks


def _extend_right(
    doc: Doc, toks: list[Token], cspans: dict[int, tuple[Span, str, str]], org_tokens: set[int]
) -> list[Token]:
    """'Laura Solís' tagged a person and 'Quesada' an organisation: a family name of two words (Hispanic,
    Lusophone, many African names) that the NER cut short. Capitalised proper nouns right after the name, with
    only a space between, join it (up to four words in all) unless one is a title, a state, a body's word, a
    date or a place."""
    words = sum(1 for t in toks if t.is_alpha)
    if not toks or words > 3:
        return toks
    j = toks[-1].i + 1
    while (
        j < len(doc)
        and words < 4
        and doc[j - 1].whitespace_ == " "
        and doc[j].pos_ == "PROPN"
        and doc[j].text[:1].isupper()
        and doc[j].text[1:2].islower()
        and not _is_title_word(doc[j])
        and j not in cspans
        and j not in org_tokens
        and doc[j].lower_ not in kb.institutions()
        and doc[j].lower_ not in kb.words("body_noun")
        and doc[j].ent_type_ in ("", "PERSON", "ORG")
        and (doc[j].ent_type_ != "ORG" or doc[j].ent_iob_ == "B")
        and not doc[j].is_sent_start
    ):
        toks = [*toks, doc[j]]
        words += 1
        j += 1
    return toks


NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _name_tokens(name: str) -> list[str]:
    """Folded name words without initials and generational suffixes: what two mentions must share."""
    words = [w for w in kb.fold(name).split() if w not in NAME_SUFFIXES]
    return [w for w in words if len(w) > 1] or words


def _cluster(mentions: list[PersonMention]) -> list[_Person]:
    """One person per real individual: full names first, then surnames and short forms join them."""
    people: list[_Person] = []
    ordered = sorted(mentions, key=lambda m: (-len(_name_tokens(m.name)), m.start))
    for m in ordered:
        toks = _name_tokens(m.name)
        match = None
        for p in people:
            if toks == p.tokens or (
                set(toks) <= set(p.tokens) and (toks[0] in (p.tokens[0], p.tokens[-1]) or toks[-1] == p.tokens[-1])
            ):
                match = p
                break
        if match is None and len(toks) == 1:
            # "Deng Dau Deng ... said Dau": a middle name that the text uses alone, for one person only
            inner = [p for p in people if len(p.tokens) >= 3 and toks[0] in p.tokens[1:-1]]
            match = inner[0] if len(inner) == 1 else None
        if match is None:
            match = _Person(m.name, toks)
            people.append(match)
        match.mentions.append(m)
    for p in people:
        for m in sorted(p.mentions, key=lambda m: m.start):
            if m.title and p.title is None:
                p.title, p.sector, p.head = m.title, m.sector, m.title_head
            if m.country and p.country is None:
                p.country = m.country
            if m.org_code and p.known_code is None:
                p.known_code = m.org_code
    return people


def _unsupported(person: _Person, doc: Doc) -> bool:
    """A one-word 'person' with nothing to back it: no title, no Mr or Ms, no known name, never the
    subject of a speech verb. Such tags are mostly words the NER took for names ("Brexit", "Latinos")."""
    if len(person.tokens) > 1 or person.title or kb.person_alone(person.name):
        return False
    if kb.countries().lookup(person.name):
        return True  # "Burma", "Mali"
    spans = list(_mention_spans(person, doc))
    if spans and all(s.start > 0 and doc[s.start - 1].lower_ == "the" for s in spans):
        return True  # "The Fund said", "the Embassy continues": a name takes no article, a body does
    return not any(_vouched(span) for span in spans)


def _mention_spans(person: _Person, doc: Doc) -> Iterator[Span]:
    """The person's mentions as spans of the parse."""
    for m in person.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            yield span


def _vouched(span: Span) -> bool:
    """Whether a mention says its name is a person's: a form of address before it ("Mr", "Dr"), or it speaks."""
    from dyad.extract.quotes import speech_verbs

    return (
        _addressed(span) or span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.lemma_.lower() in speech_verbs()
    )


def _addressed(span: Span) -> bool:
    """Whether a form of address stands before a mention ("Mr", "Dr", "H.E.")."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in HONORIFICS


def _placed(person: _Person, doc: Doc) -> bool:
    """'near Kiir Adem', 'in Mae Sot', 'the island of Abu Musa', 'Stung Treng town', 'the Angoor Adda border
    crossing': a name the text puts somewhere, which no title, form of address, knowledge or speech makes a
    person. Towns and features too small for the gazetteer are named this way in every outlet."""
    if person.title or person.known_code or kb.known_person(person.name):
        return False
    placed = False
    for span in _mention_spans(person, doc):
        if _vouched(span):
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.text in ("'s", "’s"):
            continue  # "in Ramaphosa's view"
        kind = doc[span.start - 2].lower_ if span.start > 1 else ""
        where = span.end + 1 < len(doc) and after.text == "," and doc[span.end + 1].lower_ == "where"
        placed = placed or (
            (before is not None and before.lower_ in PERSON_PLACE_PREPS)
            or (before is not None and before.lower_ == "of" and kind in PLACE_OF_NOUNS)
            or (after is not None and after.lower_ in PLACE_NOUNS and after.text.islower())
            or where  # "reached Tan-Tan, where families waited"
        )
    if placed or len(person.tokens) < 2 or kb.common_given_name(person.name.split()[0]):
        return placed
    # "Mae Sot", "Puerto Madryn": a town the gazetteer knows, and no given name to make it a person's
    from dyad.kb.gazetteer import gazetteer

    return any(place.population >= SMALL_PLACE for place in gazetteer().candidates(person.name))


def _attributive(person: _Person, doc: Doc) -> bool:
    """'the Kyzyl-Bel checkpoint', 'Coast Guard boats', 'Gor Mahia supporters', 'the Volna Kholmsk', 'the Xiang
    Yang Hong 18': a name of two words or more that each mention puts before a common noun, after 'the' or before a
    number names a place, a body, a ship or a thing. A person's name stands alone somewhere, or a title, a form of
    address, knowledge or speech vouches for it."""
    if len(person.tokens) < 2 or person.title or person.known_code or kb.known_person(person.name):
        return False
    spans = list(_mention_spans(person, doc))
    for span in spans:
        if _vouched(span):
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and before.lower_ == "the":
            continue
        if after is not None and (after.pos_ == "NUM" or after.like_num):
            continue
        if after is not None and after.pos_ == "NOUN" and after.text.islower() and after.dep_ != "ROOT":
            continue  # not "Petro Hnatiuk thanks Germany", a verb the tagger took for a noun
        return False
    return bool(spans)


def _body_named(person: _Person, doc: Doc) -> bool:
    """'Federal Police', 'Strategic Plans Division', 'Joint Chiefs', 'Marine Corps', 'Karonga United': a name whose
    last word is a body's, a unit's or a team's, which no knowledge, form of address ('Mr. Guard') or given name
    before it ('Kate Fleet') makes a person's. A title does not vouch: 'the Director General Strategic Plans
    Division' and 'the Chairman Joint Chiefs' name an office by its body."""
    last = kb.fold(person.tokens[-1])
    if last not in BODY_ENDS and last not in kb.institutions():
        return False
    if person.known_code or kb.known_person(person.name):
        return False
    if len(person.tokens) > 1 and any(kb.name_evidence(person.name)[1][1].values()):
        return False  # someone of the table bears the first word as a given name: "Senator Kate Fleet"
    return not any(_addressed(span) for span in _mention_spans(person, doc))


def _is_place_name(person: _Person) -> bool:
    """'Kiev', 'Donbass', 'Khan Younis' or 'Cabo Delgado' tagged as a person: the name of a known city, region or
    first-level subdivision (a name of two or three words only for a city of 100,000 people or more), or a name
    that opens with a word of the land ('Lake Malawi', 'Ras Doumeira')."""
    if kb.fold(person.name.split()[-1]) in PLACE_ENDS and not kb.people().get(kb.fold(person.name)):
        return True  # "Ho Chi Minh City", "Charles Street", and "Bridge" after "Ambassador" taken for a title
    if person.title:
        return False
    if len(person.tokens) > 1 and kb.fold(person.tokens[0]).rstrip(".") in PLACE_STARTS:
        return True
    if len(person.tokens) > 1 and kb.fold(person.tokens[-1]) in AREA_ENDS:
        return True  # "Unity State", "Gedaref State", "Kegalle Districts": a province by its kind
    if len(person.tokens) > 3:
        return False
    return names_a_place(person.name, 50_000 if len(person.tokens) == 1 else 100_000)


def names_a_place(name: str, least: int) -> bool:
    """Whether a name no one is known by names a region, sea or territory, a state's province ("Cabo Delgado",
    "Tamil Nadu") or a city of ``least`` people or more."""
    folded = kb.fold(name)
    if kb.known_person(name):
        return False
    if kb.regions().get(folded) or kb.subdivisions().get(folded):
        return True
    from dyad.kb.gazetteer import gazetteer

    return any(place.population >= least for place in gazetteer().candidates(name))


def _is_head_title(title: str | None, head: kb.Title | None) -> bool:
    if not title or head is None:
        return False
    words = set(kb.fold(title).split())
    return head.rank == "head" and not (words & NON_HEAD)


def _positions(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``words``, read from the parse's arrays."""
    return where(doc, LOWER, [doc.vocab.strings.add(w) for w in words])


# ----------------------------------------------------------------------------- the extractor
def extract_actors(ctx: Context) -> None:
    doc = ctx.doc
    cspan_list = document_country_spans(ctx)
    kb_orgs = org_spans(doc)
    org_tokens = {t.i for s, _ in kb_orgs for t in s}
    # PERSON entities that are more than a country's name ("Chuck Jordan", not "Sri Lanka"), without a country
    # that ends a title before the name ("Chancellor of Austria Karl Nehammer" tagged as one person)
    person_ents = [
        (e.start + _title_country_length(e), e.end)
        for e in ctx.entities
        if e.label_ == "PERSON" and not kb.countries().lookup(e.text) and e.text not in kb.countries().capitals
    ]
    cspans: dict[int, tuple[Span, str, str]] = {}
    for span, kind, iso3 in cspan_list:
        if any(t.i in org_tokens for t in span):
            continue
        # "Jordan" in "Chief Chuck Jordan": a person's name reaches past the country's; a PERSON tag inside a
        # longer country name ("Barbuda" in "Antigua and Barbuda") is the tagger's mistake
        if (
            kind != "DEMONYM"
            and any(s < span.end and span.start < e and (s < span.start or e > span.end) for s, e in person_ents)
            and not span.text.isupper()
        ):
            continue
        for t in span:
            cspans[t.i] = (span, kind, iso3)
    org_names = {span.text: org for span, org in kb_orgs}
    org_names.update({org.name: org for _, org in kb_orgs})

    mentions = _person_mentions(ctx, cspans, org_tokens, org_names)
    people = _cluster(mentions)
    known = kb.people()
    people = [
        p
        for p in people
        if not _is_place_name(p)
        and not _unsupported(p, doc)
        and not _placed(p, doc)
        and not _attributive(p, doc)
        and not _body_named(p, doc)
    ]
    for p in people:
        entry = known.get(kb.fold(p.name))
        if entry is None and len(p.tokens) == 1:
            entry = kb.person_alone(p.name)
        if entry is None and len(p.tokens) > 1:
            # office holders on the article's date (Phoenix dictionaries, CIA World Factbook): the text's
            # own country for the person wins, the knowledge fills what it leaves unsaid
            entry = kb.office_holder(p.name, ctx.published)
        elif entry is None and p.title and ctx.published is not None:
            entry = kb.office_holder_by_surname(p.name, ctx.published, p.title)  # "President Reagan" in 1986
        if entry is not None and p.country and entry.country and entry.country != p.country:
            entry = None
        if entry:
            if kb.fold(entry.name) != kb.fold(p.name):  # the text's own spelling where it is the same name
                p.name = entry.name
            p.country = p.country or entry.country
            p.known_code = entry.code
            p.known_title = entry.title
        elif p.country is None and p.known_code is None and len(p.tokens) > 1 and not known.get(kb.fold(p.name)):
            # no office on the date, but every office they held was one state's, in terms near the date
            p.country = kb.national_of(p.name, ctx.published)
        elif p.country is None and p.known_code is None and len(p.tokens) == 1 and _is_head_title(p.title, p.head):
            p.country = kb.national_of_surname(p.name, p.title)  # "President Bush" in a story on the past

    from dyad.extract import officials  # it builds on this module's people

    officials.delegations(ctx, cspans, people)
    only = {iso3 for _, _, iso3 in cspans.values()}  # not "Jordan" in "Chuck Jordan"
    if len(only) == 1:
        # one country in the whole text: its office holders are its own ("President Mugabe" in a story on
        # Zimbabwe), when the text names it apart from them, not only as what they act on ("President X
        # threatened action against Russia" says nothing of X's country)
        iso3 = next(iter(only))
        named = [q for q in people if q.country == iso3]  # whom the text itself gives the country
        for p in people:
            titled = p.country is None and p.title and p.sector in ("GOV", "MIL", "LEG", "JUD", None)
            if titled and not p.known_code and _country_backs(p, iso3, cspan_list, named, doc):
                p.country = iso3

    named_starts = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            named_starts.add(span[0].i)
    officials.states_beside_names(ctx, cspans, people, org_tokens)
    officials.states_from_context(ctx, cspans, people, named_starts)
    officials.states_of_the_sentence_before(ctx, cspans, people)
    officials.states_of_the_dateline(ctx, cspans, people)
    officials.states_across_from_a_counterpart(ctx, cspans, people)
    from dyad.extract import nationality  # it builds on officials

    ctx.stateless = nationality.assign(ctx, cspans, people)

    person_actor: dict[int, Actor] = {}
    governing: list[tuple[int, int, str]] = []  # "the Trump administration": the state, named by its leader
    for p in list(people):
        if p.country and all(_names_government(doc, m) for m in p.mentions):
            governing += [(m.start, m.end, p.country) for m in p.mentions]
            people.remove(p)
    for p in sorted(people, key=lambda p: min(m.start for m in p.mentions)):
        sector = p.sector or "GOV"
        code = p.known_code or ((p.country or "---") + sector if (p.country or p.title) else "---")
        if p.country and code[:3] != p.country:
            code = p.country + sector
        actor = ctx.new_actor("person", p.name, p.country, code, p.title or p.known_title)
        person_actor[id(p)] = actor
        for m in p.mentions:
            ctx.add_mention(actor, m.start, m.end)
    _propagate_names(ctx, [person_actor[id(p)] for p in people])
    _propagate_family_names(ctx, [person_actor[id(p)] for p in people])
    for start, end, p in officials.roles(ctx, cspans, people, named_starts):
        ctx.add_mention(person_actor[id(p)], start, end)

    orgs: dict[str, Actor] = {}
    from dyad.extract import organisations  # it reads the people found here, so it is imported late

    candidates = organisations.candidates(ctx, cspans, kb_orgs)
    short = organisations.abbreviations(ctx.text, [c[2] for c in candidates])
    seats: list[tuple[int, int, str]] = []
    of_states: dict[str, Actor] = {}  # a state's bodies by their words without the state's ("Chinese foreign ministry")
    for start, end, name, country, code in candidates:
        if name in SEATS and country:
            seats.append((start, end, country))  # "the Kremlin said": the state, as a capital would be
            continue
        if country is None and code.startswith("---") and len(only) == 1:
            country = next(iter(only))  # "the Nigerian teachers' union" in a story that names Nigeria alone
            code = country + (code[3:] or "GOV")
        if any(s < end and start < e for s, e, _ in ctx.mention_index) or organisations.publisher(ctx, name, start):
            continue
        full = short.get(name, name)
        key = kb.fold(full)  # "IAF" after "Indian Air Force (IAF)": one body
        actor = orgs.get(key) or (of_states.get(_body_key(full, country)) if country else None)
        if actor is None:
            actor = orgs[key] = ctx.new_actor("organization", name, country, code)
            if country:
                of_states.setdefault(_body_key(full, country), actor)
        ctx.add_mention(actor, start, end)

    organisations.names_as_written(list(orgs.values()))
    organisations.short_mentions(ctx, list(orgs.values()))

    states: dict[str, Actor] = {}
    for span, kind, iso3 in cspan_list:
        if span.start not in cspans or cspans[span.start][0] != span:
            continue
        if kind == "CAPITAL" and not _capital_as_government(span):
            continue
        if any(s <= span.start_char and span.end_char <= e for s, e, _ in ctx.mention_index):
            continue  # inside an organisation's name
        actor = states.get(iso3)
        if actor is None:
            actor = states[iso3] = ctx.new_actor("state", kb.countries().by_iso3[iso3].name, iso3, iso3)
        ctx.add_mention(actor, span.start_char, span.end_char)
    for start, end, iso3 in seats + governing:
        if any(s < end and start < e for s, e, _ in ctx.mention_index):
            continue
        actor = states.get(iso3)
        if actor is None:
            actor = states[iso3] = ctx.new_actor("state", kb.countries().by_iso3[iso3].name, iso3, iso3)
        ctx.add_mention(actor, start, end)


def _body_key(name: str, country: str | None) -> str:
    """What makes two names of bodies one body: the same words, or for a state's body the same words once the
    state's name or adjective is set aside ("the Chinese foreign ministry", "China's Foreign Ministry")."""
    if country is None:
        return kb.fold(name)
    countries = kb.countries()
    words = [re.sub(r"['’]s$", "", w) for w in name.split()]
    kept = sorted(kb.fold(w) for w in words if countries.lookup(w) is None and w.lower() != "the")
    return f"{country}:{' '.join(kept)}"


def _propagate_names(ctx: Context, persons: list[Actor]) -> None:
    """'Wang said' after 'Wang Yi': a lone surname (or family name) the NER missed is still the person."""
    forms: dict[str, list[Actor]] = {}
    for actor in persons:
        words = _name_tokens(actor.name)
        if len(words) < 2:
            continue
        for mention in actor.mentions:
            words += _name_tokens(mention.text)
        for word in {words[0], words[-1]} | {w for w in words[1:] if w == words[-1]}:
            forms.setdefault(word, []).append(actor)
    taken = {i for s, e, _ in ctx.mention_index for i in range(s, e)}
    if not forms:
        return
    # 'Benning held separate sessions': a family name the tagger took for another word, where it is a subject
    odd = {
        t.i
        for t in ctx.doc
        if t.pos_ != "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "poss") and t.is_alpha and kb.fold(t.text) in forms
    }
    propn = ctx.doc.vocab.strings["PROPN"]
    for tok in (ctx.doc[i] for i, pos in enumerate(ctx.doc.to_array([POS]).tolist()) if pos == propn or i in odd):
        if not tok.text[:1].isupper() or tok.idx in taken:
            continue
        if _in_longer_name(ctx.doc, tok.i, tok.i + 1):
            continue
        owners = {a.id: a for a in forms.get(kb.fold(tok.text), [])}
        if len(owners) == 1:
            ctx.add_mention(next(iter(owners.values())), tok.idx, tok.idx + len(tok.text))


def _in_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the words doc[start:end] are part of a longer name: a capitalised proper noun right after them, or
    right before them where it is no title or form of address ("Minister Wang", "Mr Wang" are Wang alone)."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    return (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()) or (
        before is not None
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.lower_.rstrip(".") not in HONORIFICS
        and not _is_title_word(before)
    )


def _propagate_family_names(ctx: Context, persons: list[Actor]) -> None:
    """'Restrepo Ardila thanked Brazil' after 'Mauricio Restrepo Ardila': a family name of two or more words, which
    the NER often takes for a body, is the one person whose name ends with it, where no longer name holds it."""
    tails: dict[str, set[str]] = {}
    for actor in persons:
        words = actor.name.split()
        for k in range(2, len(words)):
            tails.setdefault(" ".join(words[-k:]), set()).add(actor.id)
    if not tails:
        return
    doc = ctx.doc
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(tails, key=len, reverse=True))) + r")\b")
    for m in pattern.finditer(ctx.text):
        owners = tails[m.group()]
        if len(owners) != 1 or any(s < m.end() and m.start() < e for s, e, _ in ctx.mention_index):
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None:
            continue
        if _in_longer_name(doc, span.start, span.end):
            continue  # another person's
        ctx.add_mention(ctx.actor(next(iter(owners))), m.start(), m.end())


def _names_government(doc: Doc, mention: PersonMention) -> bool:
    """'the Trump administration', 'the Assad regime': a leader's name that only names their government, a
    state the guide lists as no person."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    return doc[span.end].lower_ in GOVERNMENT_NOUNS and doc[span.end].text.islower()


def _capital_as_government(span: Span) -> bool:
    """'Pyongyang says', "Washington's policy": a capital standing for its government."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    root = span.root
    if (
        before is not None
        and before.text == ","
        and root.dep_ in ("nsubj", "nsubjpass")
        and root.head.pos_
        in (
            "VERB",
            "AUX",
        )
    ):
        return True  # "Since then, Beijing has sent patrol boats": a clause's subject after an opening phrase
    if before is not None and (before.lower_ in LOCATION_PREPS or before.text == ","):
        return False
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "between Moscow and Kyiv": Kyiv has the role of Moscow
    first = span.doc[root.i - 1] if root.i > 0 else None
    if first is not None and first.lower_ in LOCATION_PREPS:
        return False
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() not in MOTION_VERBS:
        return True  # "thanked Pyongyang", not "visited Pyongyang"
    if root.dep_ == "compound" and root.head.lemma_.lower() in GOVERNMENT_NOUNS:
        return True  # "the Kiev regime", "Moscow officials"
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() in PRESSURE_NOUNS:
        return True  # "pressure on Kiev", "sanctions on Moscow"; an attack on Kyiv is on the city
    return root.dep_ == "pobj" and root.head.lower_ in ("by", "with", "between", "against")


def find_or_add_person(ctx: Context, name: str, start: int, end: int, title: str | None = None) -> Actor:
    """The person of this name (a surname finds the full name), or a new one; records the mention.

    Later stages use it for people that only a speaker label or a speech verb reveals.
    """
    tokens = kb.fold(name).split()
    for actor in ctx.actors:
        if actor.kind != "person":
            continue
        have = kb.fold(actor.name).split()
        if tokens == have or (set(tokens) <= set(have) and (tokens[-1] == have[-1] or tokens[0] == have[0])):
            ctx.add_mention(actor, start, end)
            return actor
    entry = kb.people().get(kb.fold(name))
    country = entry.country if entry else None
    if title:
        title, title_country = split_title_country(title)
        country = country or title_country
    head = kb.titles().find(title) if title else None
    sector = head.sector if head else "GOV"
    code = entry.code if entry else ((country or "---") + sector if title else "---")
    actor = ctx.new_actor("person", entry.name if entry else name, country, code, title)
    ctx.add_mention(actor, start, end)
    return actor


def split_title_country(title: str) -> tuple[str, str | None]:
    """'Chairman of the State Affairs Commission of the DPRK' -> ('Chairman of the State Affairs Commission', 'PRK');
    'Russian President' -> ('President', 'RUS')."""
    countries = kb.countries()
    for m in re.finditer(r"\s+of\s+(?:the\s+)?", title):
        place = title[m.end() :]
        iso3 = countries.lookup(place)
        if iso3 is None and re.match(r"(?:\w+\s+)*(?:Republic|Kingdom|Federation|State|Emirates|Union)\s+of\s+", place):
            iso3 = countries.lookup(place.split(" of ")[-1])
        if iso3:
            return title[: m.start()], iso3
    words = title.split()
    for n in (2, 1):
        if len(words) > n and countries.lookup(" ".join(words[:n])):
            return " ".join(words[n:]), countries.lookup(" ".join(words[:n]))
    return title, None
