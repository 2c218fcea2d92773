"""Speakers: who a subject token stands for when it says something (named actors, titles that stand for a
person named elsewhere, pronouns, unnamed officials and sources).

Split from ``quotes`` (which finds the quotations and the token that speaks) to keep each module readable;
``quotes`` re-exports ``SpeakerResolver``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dyad import kb
from dyad.extract.actors import HONORIFICS, WEEKDAYS, find_or_add_person, names_a_place
from dyad.extract.context import Context
from dyad.model import Actor

PERSONAL = {"he", "she", "him", "her"}
DETERMINERS = {
    "a",
    "an",
    "the",
    "another",
    "this",
    "that",
    "these",
    "those",
    "my",
    "his",
    "her",
    "their",
    "our",
    "its",
    "one",
}
OFFICIALS = kb.words("official")
NOT_PEOPLE = {
    "GPE",
    "NORP",
    "ORG",
    "LOC",
    "FAC",
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "CARDINAL",
    "ORDINAL",
    "EVENT",
    "LAW",
    "PRODUCT",
    "QUANTITY",
    "LANGUAGE",
}
DOCUMENTS = {"message", "telegram", "greeting", "greetings"}  # personal messages: their sender speaks


def _first_person(ctx: Context, start: int, end: int) -> Actor | None:
    """The first person the text names inside [start, end)."""
    for _, _, actor_id in sorted(m for m in ctx.mention_index if start <= m[0] and m[1] <= end):
        actor = ctx.actor(actor_id)
        if actor is not None and actor.kind == "person":
            return actor
    return None


def _phrase(tok: Token) -> tuple[int, int]:
    """The noun phrase of a subject token, without relative clauses."""
    left = min(
        (t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("relcl", "punct")), key=lambda t: t.i, default=tok
    )
    right = tok
    for t in tok.subtree:
        if (
            t.i > right.i
            and t.dep_ in ("compound", "flat", "appos", "pobj", "prep", "amod", "poss", "case")
            and t.i - right.i <= 6
            and not any(x.is_punct for x in tok.doc[tok.i : t.i])
        ):
            right = t
    return left.idx, right.idx + len(right.text)


def _inside_any(tok: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in spans)


def _nameless(actor: Actor) -> bool:
    """An unnamed group of no state and no known kind: 'the recent spate of shootings', 'several guests'."""
    return actor.kind == "group" and actor.country is None and actor.code in (None, "---")


FEMININE = re.compile(r"\b(?:" + "|".join(sorted(kb.words("feminine"))) + r")\b", re.I)
MASCULINE = re.compile(r"\b(?:" + "|".join(sorted(kb.words("masculine"))) + r")\b", re.I)


def _gender(actor: Actor) -> str | None:
    """'f', 'm' or None, from what the text says of a person (titles and forms of address)."""
    said = " ".join([actor.title or ""] + [m.text for m in actor.mentions])
    female, male = bool(FEMININE.search(said)), bool(MASCULINE.search(said))
    if female != male:
        return "f" if female else "m"
    return None


def _beside(tok: Token) -> list[Token]:
    """The words that hang from a title, and from the places and fields in its phrase: in "Russia's ambassador
    in Prague, Igor Yermolov," the parser hangs the name on "Prague"."""
    out: list[Token] = []
    todo = [tok]
    while todo:
        node = todo.pop()
        for child in node.children:
            out.append(child)
            if child.dep_ in ("prep", "pobj") or (child.dep_ == "conj" and node.dep_ == "pobj"):
                todo.append(child)
    return out


def _title_holding(tok: Token) -> Token | None:
    """'Minister of Defence of Ukraine Serhiy Tkachenko held talks': the parser makes the name the object of the
    title's last "of"; the title it ends is the name's place in the sentence."""
    node = tok
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in ("of", "for"):
        node = node.head.head
        if node.lower_ in kb.titles().words:
            return node
    return None


def _title_words(person: Actor) -> list[str]:
    return (person.title or "").lower().split()


def _may_hold(person: Actor, head: Token) -> bool:
    """Whether a person may be the one a title of their state means: one the text gives no office, one whose
    title holds the title's word, or a head of state or government for a leader's word ('the Kenyan leader' may
    be President Ruto; Foreign Minister Mudavadi is not 'the Ukrainian president' nor 'the Kenyan leader'). A word
    any official may go by ('the top U.S. diplomat' is Secretary of State Kerry) fits every office."""
    if not person.title or head.lower_ in _title_words(person) or head.lemma_.lower() in OFFICIALS:
        return True
    phrases = kb.titles().phrases
    meant, held = phrases.get(head.lower_), phrases.get(person.title.lower())
    return held is None or (meant is not None and meant.rank == "head" and held.rank == "head")


class SpeakerResolver:
    """Turns a subject token into an actor: named actors, roles, pronouns and unnamed sources."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.unnamed: dict[str, Actor] = {}
        self.quoted: list[tuple[int, int]] = []  # the quotations' spans: who is named in them says nothing

    def resolve(self, tok: Token, before: int, last_speaker: Actor | None) -> Actor | None:
        ctx = self.ctx
        if tok.lower_ in PERSONAL:
            return self.pronoun(tok, before, last_speaker)
        if tok.lower_ == "it":
            return self.body_pronoun(tok)
        start, end = _phrase(tok)
        if tok.lower_ == "one" and tok.dep_ in ("nsubj", "nsubjpass") and not self._appositive_person(tok):
            # '"...," said one', 'one of the officers told': no name given
            return self._unnamed(tok, start, end, ctx.text[start:end] if end - start > 3 else "unnamed source")
        if tok.pos_ == "PRON":
            return None
        named = (
            self._appositive_person(tok) if tok.pos_ in ("NOUN", "NUM") or tok.lower_ in kb.titles().words else None
        )  # 'said one of the organisers, Boris Sustar'
        if named is not None:
            return named
        if self._is_title(tok, start, end):
            person = self._titled(ctx.text[start:end], before, start)
            if person is not None:
                ctx.add_mention(person, start, end)  # 'the mayor' is a mention of Mayor de Blasio
                return person
            if tok.lemma_.lower() not in OFFICIALS and not self._of_a_state(start, end, tok):
                return None  # 'the Secretary of State' whom the text never names is no one to guess at
            if tok.lemma_.lower() not in OFFICIALS:
                return self._unnamed(tok, start, end)  # 'the U.S. president said', never named: no one to guess
        actor = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is None and tok.lemma_.lower() in OFFICIALS:
            return self._unnamed(tok, start, end)  # "a Chinese foreign ministry spokeswoman"
        actor = actor or ctx.actor_at(start, end)
        if actor is not None:
            ctx.add_mention(actor, start, end) if actor.kind != "state" else None
            return actor
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ not in NOT_PEOPLE:
            return self._named(tok)
        surnamed = self._by_family_name(tok)
        if surnamed is not None:
            ctx.add_mention(surnamed, tok.idx, tok.idx + len(tok.text))
            return surnamed
        if tok.pos_ in ("NOUN", "PROPN"):
            return self._unnamed(tok, start, end)
        return None

    def _is_title(self, tok: Token, start: int, end: int) -> bool:
        """'the Minister', 'the Secretary of State': a definite title with no name in it, standing for a person
        the text names elsewhere."""
        if tok.lower_ not in kb.titles().words:
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        there = self.ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        return _first_person(self.ctx, start, end) is None and (there is None or _nameless(there))

    def _of_a_state(self, start: int, end: int, head: Token) -> bool:
        """Whether a title's words name the state it serves ('the U.S. president', 'Iraq's foreign minister') and
        the text names no person of that state nor anyone with that title, who could be the one meant ('the top
        U.S. diplomat' is Kerry)."""
        countries = kb.countries()
        words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’.-]+", self.ctx.text[start:end])]
        country = next((c for w in words for c in [countries.demonyms.get(w) or countries.names.get(w)] if c), None)
        return country is not None and not any(
            a.kind == "person" and (a.country == country and _may_hold(a, head) or head.lower_ in _title_words(a))
            for a in self.ctx.actors
        )

    def _titled(self, phrase: str, before: int, at: int = -1) -> Actor | None:
        """The person last named before the quotation whose title holds the title's words ('the Minister' is
        Foreign Minister Aliyev); none when no one named has it, since a guess would credit the wrong person.
        A person whose title is only in the words before their name ('the Minister of Foreign Affairs, Honourable
        Serge Kalsakau') is taken when the title's word appears nowhere else before: not with two ministers."""
        words = [w.lower() for w in re.findall(r"[\w'’.-]+", phrase) if w.lower() not in DETERMINERS]
        best: tuple[int, Actor] | None = None
        fits: dict[str, int] = {}  # each titled person who fits: where they were last named
        led: dict[str, Actor] = {}
        leads: list[tuple[int, int]] = []  # where the title words lead up to those people's names
        for s, _, actor_id in self.ctx.mention_index:
            actor = self.ctx.actor(actor_id)
            if actor is None or actor.kind != "person" or s >= before:
                continue
            if actor.title:
                if all(w in actor.title.lower().split() for w in words):
                    fits[actor.id] = max(s, fits.get(actor.id, -1))
                    if best is None or s > best[0]:
                        best = (s, actor)
                continue
            begin, lead = self._lead(s)
            if all(w in lead for w in words):
                led[actor.id] = actor
                leads.append((begin, s))
        if best is not None and any(
            other != best[1].id and self.ctx.sentence_index(at_) == self.ctx.sentence_index(best[0])
            for other, at_ in fits.items()
        ):
            return None  # 'Minister X held talks with Minister Y. "...," the Minister said': either could be
        if best is not None or len(led) != 1:
            return best[1] if best is not None and not led else None  # two people fit: a guess could be wrong
        person = next(iter(led.values()))
        leads += [(m.start, m.end) for m in person.mentions]  # 'the Minister' already taken as this person
        head = re.compile(r"\b" + re.escape(words[-1]) + r"\b", re.I) if words else None
        for m in head.finditer(self.ctx.text, 0, before) if head else ():
            inside = any(b <= m.start() < e for b, e in leads) or at <= m.start() < at + len(phrase)
            if not inside and not any(qs <= m.start() < qe for qs, qe in self.quoted):
                return None  # 'with Minister ... Zsolt Bakos', whose name the text gave no actor: someone else
        return person

    def _lead(self, start: int) -> tuple[int, list[str]]:
        """The words that lead up to a name, back to the last person named or clause break before it, and where
        they start: 'the Minister of Foreign Affairs, Honourable Serge Kalsakau', the title not taken as his."""
        ctx = self.ctx
        begin = max(ctx.text.rfind("\n", 0, start) + 1, start - 90)
        for s, e, actor_id in ctx.mention_index:
            actor = ctx.actor(actor_id)
            if begin <= e <= start and s < start and actor is not None and actor.kind == "person":
                begin = e  # another person's name ends the lead ('X, handed over to the Minister, H.E. Y')
        parts = re.split(r"(?<=[a-z]{3})\.\s|[;:!?]|\bsaid\b|\bsays\b", ctx.text[begin:start])  # not 'H.E.'
        begin = start - len(parts[-1])
        return begin, [w.lower() for w in re.findall(r"[\w'’.-]+", parts[-1])]

    def _appositive_person(self, tok: Token) -> Actor | None:
        """'Smith's niece, state Sen. Mary Price, said': a description set beside a name is that person, not the
        one the description names ('Smith')."""
        for child in _beside(tok):
            if child.dep_ == "appos" and child.i > tok.i:
                sub = list(child.subtree)
                person = _first_person(self.ctx, sub[0].idx, sub[-1].idx + len(sub[-1].text))
                if person is not None:
                    return person
        return None

    def _by_family_name(self, tok: Token) -> Actor | None:
        """'said Desclous', where the tagger took the name for an adjective or a noun: the one person named
        before whose name ends with this capitalised word."""
        if not tok.text[:1].isupper() or tok.is_sent_start or not tok.is_alpha or tok.ent_type_ in NOT_PEOPLE:
            return None
        word = kb.fold(tok.text)
        people = {
            a.id: a
            for a in self.ctx.actors
            if a.kind == "person" and len(a.name.split()) > 1 and kb.fold(a.name.split()[-1]) == word
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _named(self, tok: Token) -> Actor | None:
        """A proper-noun speaker that no extractor knew: 'Chaffetz said'."""
        left = tok
        while (
            left.i > 0
            and left.doc[left.i - 1].pos_ == "PROPN"
            and left.doc[left.i - 1].text[:1].isupper()
            and left.doc[left.i - 1].dep_ in ("compound", "flat")
            and tok.i - left.i < 3
        ):
            left = left.doc[left.i - 1]
        words = [t for t in left.doc[left.i : tok.i + 1] if t.lower_.rstrip(".") not in HONORIFICS | WEEKDAYS]
        titled = [k for k, t in enumerate(words) if t.lower_.rstrip(".") in kb.titles().words]
        if titled and titled[-1] + 1 < len(words):
            words = words[titled[-1] + 1 :]  # 'Migori Governor Okoth Otieno said': the title is no part of the name
        if not words:
            return None
        name = " ".join(t.text for t in words)
        if kb.countries().lookup(name) or name in kb.organizations() or names_a_place(name, 100_000):
            return None  # 'La Paz responded ... urging Lima to "..."': a capital for its government, no person
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        return find_or_add_person(self.ctx, name, start, end)

    def pronoun(self, pronoun: Token, before: int, last_speaker: Actor | None) -> Actor | None:
        """'he said': the last person who was the subject of a clause, of the pronoun's gender where known."""
        ctx = self.ctx
        gender = "f" if pronoun.lower_ in ("she", "her") else "m"
        sent_i = ctx.sentence_index(before)
        window_start = ctx.sentences[max(0, sent_i - 3)].start_char
        candidates: list[tuple[int, int, Actor]] = []  # (is subject, position, actor)
        for s, _, actor_id in ctx.mention_index:
            actor = ctx.actor(actor_id)
            if actor is None or actor.kind != "person" or not (window_start <= s < before):
                continue
            if any(qs <= s < qe for qs, qe in self.quoted):
                continue  # '"... Ms. Carter's talks," he said': someone the speaker names is not "he"
            if _gender(actor) not in (None, gender):
                continue
            tok = ctx.doc.char_span(s, s + 1, alignment_mode="expand")
            head = tok[0] if tok is not None and len(tok) else None
            while head is not None and head.dep_ in ("compound", "flat", "amod", "det") and head.head != head:
                head = head.head  # 'the Secretary of State' (a title the text took for a mention) begins with "the"
            if head is not None and head.dep_ == "appos" and head.head != head:
                head = head.head  # 'Its spokesman, Davit Hakobyan, said': the name set beside the subject
                while head.dep_ in ("pobj", "prep") and head.head != head:
                    head = head.head  # "Mexico's consul in Leamington, Javier Ortega, said": set beside the place
            if head is not None:
                head = _title_holding(head) or head
            subject = head is not None and head.dep_ in ("nsubj", "nsubjpass")
            candidates.append((int(subject), s, actor))
        latest = max((s for _, s, _ in candidates), default=window_start)
        if last_speaker is not None and last_speaker.kind == "person":
            latest = max([latest, *(m.end for m in last_speaker.mentions if m.end <= before)])
        described = self._described(latest, before)
        if described is not None:
            return described  # 'A Senegalese officer said ... "...," he said': the officer, not a man named before
        if last_speaker is not None and last_speaker.kind == "person" and _gender(last_speaker) in (None, gender):
            last_mention = max((m.start for m in last_speaker.mentions if m.start < before), default=-1)
            if not any(s > last_mention and actor is not last_speaker for _, s, actor in candidates):
                return last_speaker
        subjects = [c for c in candidates if c[0]]
        pool = subjects or candidates
        if pool:
            return max(pool, key=lambda c: c[1])[2]
        return last_speaker if last_speaker and last_speaker.kind == "person" else None

    def _described(self, start: int, before: int) -> Actor | None:
        """'A Senegalese officer said the army ... "...," he said': where no person is named, "he" is the last
        unnamed official or office-holder who was a subject in the sentences before; that description (or its
        state) speaks."""
        doc = self.ctx.doc
        span = doc.char_span(start, before, alignment_mode="contract")
        titles = kb.titles().words
        for tok in reversed(list(span) if span is not None else []):
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.dep_ == "ROOT"  # not 'a claim Honduran officials did not address'
                and tok.pos_ == "NOUN"
                and (tok.lemma_.lower() in OFFICIALS or tok.lower_ in titles)
                and not _inside_any(tok, self.quoted)
            ):
                phrase_start, phrase_end = _phrase(tok)
                if _first_person(self.ctx, phrase_start, phrase_end) or any(
                    c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children
                ):
                    return None  # 'The town's mayor, Isabelle Faure, says': a named person
                indefinite = all(c.lower_ in ("a", "an", "one", "another") for c in tok.children if c.dep_ == "det")
                if not indefinite and not self._of_a_state(phrase_start, phrase_end, tok):
                    return None  # 'the top U.S. diplomat said ... he said': someone the text may name
                return self._unnamed(tok, phrase_start, phrase_end)
        return None

    def body_pronoun(self, pronoun: Token) -> Actor | None:
        """'It said', 'which it called "..."': the body that was the last main-clause subject before the pronoun, in
        its sentence or the one before; none when that subject is a person or no body, since "it" is then a
        thing."""
        ctx = self.ctx
        sent_i = ctx.sentence_index(pronoun.idx)
        start = ctx.sentences[max(0, sent_i - 1)].start
        for tok in reversed(pronoun.doc[start : pronoun.i]):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON" or _inside_any(tok, self.quoted):
                continue
            if tok.head.dep_ != "ROOT":
                continue  # 'the office said the meeting came ...': the subject of what was said is not "it"
            if tok.pos_ not in ("NOUN", "PROPN"):
                return None
            phrase_start, phrase_end = _phrase(tok)
            actor = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
            if actor is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in kb.institutions():
                actor = self._unnamed(tok, phrase_start, phrase_end)  # "Netanyahu's office said ... It said"
            actor = actor or ctx.actor_at(phrase_start, phrase_end)
            if actor is None or actor.kind == "person":
                return None
            if actor.kind != "state":  # as for named subjects: a state's mentions are its names
                ctx.add_mention(actor, pronoun.idx, pronoun.idx + len(pronoun.text))
            return actor
        return None

    def _author(self, before: int) -> Actor | None:
        """Who wrote a message, letter or statement the text quotes: the person the text names most, unless
        the text names them as its addressee ("a message was sent to Narendra Modi")."""
        addressed = {
            a.id
            for s, e, actor_id in self.ctx.mention_index
            if s < before and self.ctx.text[max(0, s - 4) : s].strip().lower() == "to"
            for a in [self.ctx.actor(actor_id)]
            if a is not None
        }
        counts: dict[str, int] = {}
        for a in self.ctx.actors:
            if a.kind == "person" and a.id not in addressed:
                counts[a.id] = len(a.mentions)
        return self.ctx.actor(max(counts, key=lambda k: counts[k])) if counts else None

    def _unnamed(self, tok: Token, start: int, end: int, name: str | None = None) -> Actor:
        """A speaker with no name. 'A foreign ministry spokeswoman' speaks for the ministry (of the state the
        text gives), 'U.S. officials' for their state; 'a source' or 'the ruling' is an unnamed group."""
        ctx = self.ctx
        text = ctx.text[start:end]
        words = [w for w in re.findall(r"[\w'’.-]+", text) if w.lower() not in DETERMINERS]
        if tok.lemma_.lower() in DOCUMENTS:
            author = self._author(start)
            if author is not None:  # "The message reads": the one who sent it, not the message
                return author
        country = None
        for w in (re.sub(r"['’]s$", "", w) for w in words):  # "Taiwan's foreign minister"
            country = country or kb.countries().demonyms.get(w) or kb.countries().names.get(w)
        institution = next((w for w in words if w.lower() in kb.institutions()), None)
        official = tok.lemma_.lower() in OFFICIALS
        if institution and country and official:
            # the body as the text names it ("Sudan's army", "a Chinese foreign ministry spokesman"), or the one
            # of that state already found whose name holds those words ("the Ministry of Foreign Affairs")
            at = words.index(institution)
            # "a spokesman for the Chinese foreign ministry": the body's words follow "for" or "of"
            opening = max((k + 1 for k, w in enumerate(words[:at]) if w.lower() in ("for", "of", "at")), default=0)
            name_words = words[opening : at + 1]
            own = {kb.fold(re.sub(r"['’]s$", "", w)) for w in name_words if kb.countries().lookup(w) is None}
            for actor in ctx.actors:
                if actor.kind != "organization" or actor.country != country:
                    continue
                if own <= set(kb.fold(actor.name).split()):
                    ctx.add_mention(actor, start, end)
                    return actor
            name = " ".join(w if w[:1].isupper() else w.capitalize() for w in name_words)
            kind, sector = "organization", kb.institutions()[institution.lower()]
        else:
            name = name or " ".join(words) or tok.text
            kind, sector = "group", "GOV" if official else ""
        if kind == "group" and country and official:
            state = next((a for a in ctx.actors if a.kind == "state" and a.country == country), None)
            if state is not None:
                ctx.add_mention(state, start, end)
                return state
        key = kb.fold(name)
        actor = self.unnamed.get(key)
        if actor is None:
            code = (country or "---") + sector if sector else (country or "---")
            actor = ctx.new_actor(kind, name, country, code)
            self.unnamed[key] = actor
        ctx.add_mention(actor, start, end)
        return actor
