"""Participants: who does an event and to whom, from the dependency parse.

Subjects, objects, passive agents, the objects of prepositions, possessors and
"of" phrases of event nouns, conjuncts; pronouns through the quotes' speakers
and the actors named before; a joint body ("Russian-Korean commission") stands
for its member states.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad import kb, ontology
from dyad.extract.context import Context
from dyad.extract.events.triggers import Entry, candidates, lemma
from dyad.extract.events.words import (
    ACCUSING,
    ATTACK_MEANS,
    CONTENT_DEPS,
    CONTENT_PREPS,
    CROWDS,
    DEFENCE_CODE,
    FIRE_NOUNS,
    FIRST_PERSON,
    INTERNAL_OBJECTS,
    LIGHT_VERBS,
    MEDIATION_CODES,
    MEETING_NOUNS,
    MISDEEDS,
    OBLIGATION,
    PARTY_NOUNS,
    PASSIVE_SUBJECT,
    PEOPLE_NOUNS,
    STATING,
    STATIVE_PASSIVES,
    SUBJECT_DEPS,
    TALKED_ABOUT,
    TARGET_PREPS,
    TOPIC_PREPS,
    TOPIC_VERBS,
    VISIT_CODES,
    WRONG_ACTS,
)
from dyad.model import Actor, Place, Quote

ADDRESS_WORDS = kb.words("address_word")


class Participants:
    """Finds the actors of one document's events; ``inferred_source`` says the last source found was a guess."""

    def __init__(
        self, ctx: Context, quotes: list[Quote], places: list[Place], voice: list[Actor | str] | None = None
    ) -> None:
        self.ctx = ctx
        self.quotes = quotes
        self.places = places
        # whom the text speaks for, when it is one speaker's words (voice.py); a bare code is a state
        self.voice = [self.state(v) if isinstance(v, str) else v for v in voice or []]
        self.doc = ctx.doc
        self.inferred_source = False  # the source is a guess from the only country a sentence names
        self.members = self._joint_bodies()
        self.obligations = candidates(ctx.doc, OBLIGATION)  # "must", "should": where demands may be
        # The sides of the last meeting or call with two or more countries: what "both sides", "the leaders",
        # "the two countries" and an impersonal "it was agreed" mean in a readout. Set by the coder.
        self.parties: list[Actor] = []
        self.from_parties = False  # the last sources found were the parties, each acting towards the others

    def _joint_bodies(self) -> dict[str, list[Actor]]:
        """Organisations without a country whose names name two or more states: their member states."""
        from dyad.extract.actors import document_country_spans

        spans = document_country_spans(self.ctx)
        out: dict[str, list[Actor]] = {}
        for actor in self.ctx.actors:
            if actor.kind != "organization" or actor.country:
                continue
            for m in actor.mentions:
                isos = list(dict.fromkeys(iso for span, _, iso in spans if m.start <= span.start_char < m.end))
                if len(isos) >= 2:
                    out[actor.id] = [self.state(iso) for iso in isos]
                    break
        return out

    def quote_at(self, char: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= char < q.end), None)

    def speaker(self, tok: Token) -> Actor | None:
        quote = self.quote_at(tok.idx)
        return self.ctx.actor(quote.speaker) if quote and quote.speaker else None

    def _addressee(self, tok: Token) -> Actor | None:
        """'you' inside a quote when the text quotes exactly two people: the other one (talks, interviews)."""
        quote = self.quote_at(tok.idx)
        if quote is None or quote.speaker is None:
            return None
        others = {q.speaker for q in self.quotes if q.speaker and q.speaker != quote.speaker}
        if len(others) != 1:
            return self._vocative(quote.start, tok.idx, quote.speaker)
        other = self.ctx.actor(others.pop())
        return other if other is not None and other.kind == "person" else None

    def _vocative(self, start: int, end: int, speaker: str) -> Actor | None:
        """The last person a speaker addressed by name before ``end`` ("Esteemed President Putin, my great
        friend, I welcome you"): a name opening its sentence with only words of address before it, then a
        comma or an exclamation mark."""
        found = None
        for sent in self.ctx.sentences[self.ctx.sentence_index(start) : self.ctx.sentence_index(end) + 1]:
            for t in sent:
                if t.is_punct and t.text in (",", "!"):
                    break
                if t.pos_ != "PROPN" and t.lower_ not in ADDRESS_WORDS and not kb.titles().find(t.text):
                    break
                actor = self.ctx.actor_at(t.idx, t.idx + len(t.text))
                if actor is not None and actor.kind == "person" and actor.id != speaker:
                    found = actor
                    break
        return found

    def actor_for(self, tok: Token, subject: bool = False) -> list[Actor]:
        """The actors a phrase headed by tok names: the head's own actor, else the first one inside."""
        ctx = self.ctx
        low = tok.lower_ if tok.pos_ == "PRON" or tok.text.islower() else ""  # "US" is a country, "us" is not
        if low in FIRST_PERSON:
            speaker = self.speaker(tok)
            if speaker is None and self.voice and self.quote_at(tok.idx) is None:
                return list(self.voice)  # "we condemn", in a speech: the speaker's state
            return [speaker] if speaker else []
        if low in ("you", "your"):
            addressee = self._addressee(tok)
            return [addressee] if addressee else []
        if low in ("he", "she", "his"):
            from dyad.extract.speakers import SpeakerResolver

            actor = SpeakerResolver(ctx).pronoun(tok, tok.idx, None)
            return [actor] if actor else []
        if low in ("him", "her"):
            return self._object_pronoun(tok)
        if low in ("it", "its", "they", "them", "their"):
            return self._collective_pronoun(tok)
        actor = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None and actor.kind != "group":
            return self._expand([actor])
        if self.parties and self._names_the_parties(tok):
            self.from_parties = True
            return list(self.parties)
        # "his country", "our country": the possessor's state
        if tok.lower_ in ("country", "nation", "government", "state", "side", "republic"):
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None and poss.lower_ in ("his", "her", "our", "my", "their", "its", "your"):
                owner = self.actor_for(poss)
                return [self.state_of(a) for a in owner if a.country] or owner
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        modifiers += [x for c in modifiers for x in c.conjuncts]
        direct = unique(
            [
                a
                for c in modifiers
                for a in [ctx.actor_at(c.idx, c.idx + len(c.text))]
                if a is not None and a.kind != "group"
            ]
        )
        if direct:
            return self._expand(direct)
        if tok.lemma_.lower() in PEOPLE_NOUNS | CROWDS:
            # "Darfur rebels", "Gaza militants": people of a place are of its state
            for c in modifiers:
                state = self.place_state(c) if c.dep_ == "compound" and c.pos_ == "PROPN" else None
                if state is not None:
                    return [state]
            # "demonstrators in Baghdad": people of a place named after them (not "from": "withdrew forces
            # from Panama" says where they leave)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    pobj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                    state = self.place_state(pobj) if pobj is not None else None
                    if state is not None:
                        return [state]
        found: list[tuple[int, Actor]] = []
        for t in self._phrase_tokens(tok, subject):
            a = ctx.actor_at(t.idx, t.idx + len(t.text))
            if a is not None and a.kind != "group" and all(a is not f for _, f in found):
                found.append((t.i, a))
        if not found:
            return []
        found.sort(key=lambda x: x[0])
        first = tok.doc[found[0][0]]
        # "relations with Congo and Costa Rica": the first one named inside, with its conjuncts
        return unique([a for t in self._members(first) for a in self.actor_for(t, subject)] or [found[0][1]])

    def _people_before(self, tok: Token) -> list[Actor]:
        """A main verb the parser left without a subject ("In Hanoi, Putin and To Lam held talks", where the
        names hang from "In"): the people and states named before it in its sentence, outside quotes."""
        out: list[Actor] = []
        for t in tok.sent:
            if t.i >= tok.i:
                break
            actor = self.ctx.actor_at(t.idx, t.idx + len(t.text))
            if actor is None or self.quote_at(t.idx) is not None:
                continue
            where = t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "to", "from")  # "In Russia, ...": a place
            if actor.kind == "person" or (actor.kind == "state" and not where):
                out.append(actor)
        return unique(out)

    def _names_the_parties(self, tok: Token) -> bool:
        """'both sides', 'the two leaders', 'the sides', 'the three countries' leaders', 'both presidents':
        a plural noun of office or side, said of the parties as a whole, with no country of its own."""
        if tok.lemma_.lower() not in PARTY_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
            return False
        kids = list(tok.children)
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in kids):
            return False  # "the leaders of France and Germany": named
        if any(self.ctx.actor_at(c.idx, c.idx + len(c.text)) for c in kids if c.dep_ in ("amod", "compound", "nmod")):
            return False  # "the Russian side"
        words = {c.lower_ for c in kids if c.dep_ in ("det", "predet", "nummod", "poss")}
        words |= {g.lower_ for c in kids if c.dep_ == "poss" for g in c.children if g.dep_ in ("nummod", "det")}
        return bool(words & {"both", "the", "two", "three", "all"})

    def _expand(self, actors: list[Actor]) -> list[Actor]:
        """A joint body with no country of its own ("Russian-Korean commission") stands for its members."""
        out: list[Actor] = []
        for a in actors:
            members = self.members.get(a.id)
            out += members if members else [a]
        return unique(out)

    def _collective_pronoun(self, tok: Token) -> list[Actor]:
        """'Hungary has said it will support': the last state or organisation named before, in this
        sentence or the one before."""
        if tok.lower_ in ("it", "they") and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ccomp":
            # "Ivory Coast rebels rejected the plan, and said they opposed ...": who says it says it of themselves
            verb = tok.head.head
            while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"), None)
            found = self.phrase_actors(subj, subject=True) if subj is not None else []
            if found:
                return found
        if tok.lower_ in ("its", "their"):
            # "Russia's use of drones in its war": the owner or subject named before it in the sentence
            for t in reversed(tok.doc[tok.sent.start : tok.i]):
                if t.lower_ in ("it", "they") and t.dep_ in SUBJECT_DEPS:
                    return self._collective_pronoun(t)  # "they said ... their demands": whoever "they" is
                owner = t.dep_ in ("poss", "nsubj") or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("'s", "’s"))
                actor = self.ctx.actor_at(t.idx, t.idx + len(t.text)) if owner else None
                if actor is not None and actor.kind in ("state", "organization"):
                    return self._expand([actor])
        start = self.ctx.sentences[max(0, self.ctx.sentence_index(tok.idx) - 1)].start_char
        best: tuple[int, Actor] | None = None
        for s, _, actor_id in self.ctx.mention_index:
            actor = self.ctx.actor(actor_id)
            if actor is None or actor.kind not in ("state", "organization") or not start <= s < tok.idx:
                continue
            if best is None or s > best[0]:
                best = (s, actor)
        return self._expand([best[1]]) if best else []

    def _object_pronoun(self, tok: Token) -> list[Actor]:
        """'thanking him': the last person named before who is not the subject of the clause."""
        clause = tok.head
        while clause.dep_ in ("prep", "pobj") and clause.head != clause:
            clause = clause.head

        def named_subjects(verb: Token) -> set[int]:
            return {
                id(a)
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"
                for a in [self.ctx.actor_at(c.idx, c.idx + len(c.text))]
                if a is not None
            }

        subjects = named_subjects(clause)
        node = clause
        while not subjects and node.dep_ in ("advcl", "xcomp", "conj") and node.head != node:
            node = node.head
            subjects = named_subjects(node)
        window = self.ctx.sentences[max(0, self.ctx.sentence_index(tok.idx) - 2)].start_char
        best: tuple[int, Actor] | None = None
        for s, _, actor_id in self.ctx.mention_index:
            actor = self.ctx.actor(actor_id)
            if actor is None or actor.kind != "person" or id(actor) in subjects or not window <= s < tok.idx:
                continue
            if best is None or s > best[0]:
                best = (s, actor)
        return [best[1]] if best else []

    def _phrase_tokens(self, tok: Token, subject: bool = False) -> list[Token]:
        """The noun phrase of tok without its clauses: relative clauses and verbs stay out."""
        out = []
        stack = [tok]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "appos"):
                    continue
                if subject and c.dep_ == "prep" and c.lower_ not in ("of", "in"):
                    continue  # "forces from Panama" are not Panama's
                if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and t.lemma_.lower() in MEETING_NOUNS:
                    continue  # "talks on the Ukraine crisis": the topic, not a party
                stack.append(c)
        return out

    def phrase_actors(self, tok: Token, subject: bool = False) -> list[Actor]:
        """Actors of tok and of its conjuncts ("Russia and China"), also when the parser took a list for
        appositions ("The United States, Japan, and the Republic of Korea (ROK)")."""
        out: list[Actor] = []
        for t in self._members(tok):
            for a in self.actor_for(t, subject):
                if all(a is not b for b in out):
                    out.append(a)
        return out

    def _members(self, tok: Token) -> list[Token]:
        """tok, its conjuncts, and appositions that are names of actors themselves, with their conjuncts
        (not descriptions: "Poland, a close ally of the United States" is Poland alone)."""
        out = [tok, *tok.conjuncts]
        for t in list(out):
            for c in t.children:
                if c.dep_ == "appos" and self.ctx.actor_at(c.idx, c.idx + len(c.text)) is not None:
                    out += [x for x in (c, *c.conjuncts) if x not in out]
        return out

    def state_of(self, actor: Actor) -> Actor:
        """The state actor of an actor's country."""
        if actor.kind == "state" or not actor.country:
            return actor
        return self.state(actor.country)

    def state(self, iso3: str) -> Actor:
        """The state actor for a country code, made when the text names the state only through its people,
        places or bodies."""
        for a in self.ctx.actors:
            if a.kind == "state" and a.country == iso3:
                return a
        known = kb.countries().by_iso3.get(iso3)
        return self.ctx.new_actor("state", known.name if known else iso3, iso3, iso3)

    def place_state(self, tok: Token) -> Actor | None:
        """'arrived in Pyongyang', 'visit to Moscow': the state whose place it is."""
        actor = self.ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None and actor.kind == "state":
            return actor
        for place in self.places:
            if any(m.start <= tok.idx < m.end for m in place.mentions) and place.country:
                return self.state(place.country)
        for c in tok.children:  # "in Montenegro province", "the Gaza Strip"
            named = self.ctx.actor_at(c.idx, c.idx + len(c.text)) if c.dep_ == "compound" else None
            if named is not None and named.kind == "state":
                return named
        if tok.pos_ == "PROPN" and actor is None:
            country = _city_country(tok)  # "the city of Kharkiv", a city the place finder missed
            return self.state(country) if country else None
        return None

    def place_target(self, tok: Token, exclude: list[Actor]) -> list[Actor]:
        """Where an event with no named target happened, when that is another state's ground: "bombed targets
        in northern Iraq", "shelled the city of Kharkiv", "attacked a market southwest of Baghdad"."""
        own = {a.country for a in exclude}
        clause = tok if tok.pos_ in ("VERB", "AUX") else _verb_above(tok) or tok
        for t in sorted(_own_clause(clause), key=lambda t: t.i):
            if t.i == tok.i or self.quote_at(t.idx) is not None:
                continue
            located = t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS
            located = located or (t.dep_ in ("dobj", "nsubjpass") and t.pos_ == "PROPN")
            if not located:
                continue
            for cand in (t, *[g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]):
                state = self.place_state(cand)
                if state is not None and state.country not in own:
                    return [state]
        return []

    def purpose_target(self, tok: Token, exclude: list[Actor]) -> list[Actor]:
        """Whom a protest is aimed at, said in its purpose clause: "blocked a highway to protest against the
        EU's policy", "burned tyres to show their anger at the British firm"."""
        own = {a.country or a.id for a in exclude}
        for clause in tok.children:
            purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            if clause.dep_ not in ("advcl", "xcomp") or not purpose:
                continue
            heads = [c for c in clause.children if c.dep_ == "dobj"]
            heads += [
                g
                for c in (clause, *heads)
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in ("against", "at", "over", "with", "for")
                for g in p.children
                if g.dep_ == "pobj"
            ]
            for head in heads:
                for t in sorted(head.subtree, key=lambda t: t.i):
                    actor = self.ctx.actor_at(t.idx, t.idx + len(t.text))
                    if actor is not None and actor.kind != "group" and (actor.country or actor.id) not in own:
                        return [actor]
        return []

    def place_source(self, tok: Token) -> list[Actor]:
        """'Two Brazilian men were arrested in Paraguay': arrests, detentions and deportations with no agent
        are done by the authorities of the place."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                state = self.place_state(pobj) if pobj is not None else None
                if state is not None:
                    return [state]
        return []

    def _host(self, pobj: Token) -> list[Actor]:
        """The host of a visit: 'in Pyongyang', "in North Korea's capital, Pyongyang", 'to Russia'."""
        for t in (pobj, *[c for c in pobj.children if c.dep_ == "appos"]):
            state = self.place_state(t)
            if state is not None:
                return [state]
        return [self.state_of(a) for a in self.phrase_actors(pobj) if a.country]

    def _subtree_actors(self, tok: Token) -> list[Actor]:
        """The first actor anywhere under tok, relative clauses included ('policies imposed by the US')."""
        for t in sorted(tok.subtree, key=lambda t: t.i):
            a = self.ctx.actor_at(t.idx, t.idx + len(t.text))
            if a is not None and a.kind != "group":
                return self._expand([a])
        return []

    def _governing_subject(self, tok: Token) -> list[Actor]:
        """For an event noun with no owner: the subject of the clause it sits in."""
        node = tok
        about = False
        for _ in range(6):
            if node.head == node or node.dep_ == "nsubjpass":
                break  # "after pressure was exerted on Kiev": the noun is its own clause's subject, no doer
            about = about or node.dep_ == "dobj" or (node.dep_ == "prep" and node.lower_ in ("on", "about", "of"))
            blamed = node.dep_ == "prep" and node.lower_ == "for"
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if blamed and node.lemma_.lower() in ACCUSING:
                    return []  # "blamed Israel for the bombing": whoever did it, not the one who blames
                if about and node.lemma_.lower() in TALKED_ABOUT | ACCUSING:
                    return []  # "did not comment on the strikes", "condemned the attacks": they did not strike
                subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    return self.phrase_actors(subj)
        return []

    def against_own(self, tok: Token) -> bool:
        """What the event is about names the country's own people ("fired on demonstrators",
        "threatened a curfew", "investigating extremists")."""
        objects = [c for c in tok.children if c.dep_ not in (*SUBJECT_DEPS, PASSIVE_SUBJECT, "aux", "neg")]
        words = {t.lemma_.lower() for t in content(tok)} | {t.lemma_.lower() for t in objects}
        return bool(words & (PEOPLE_NOUNS | CROWDS | INTERNAL_OBJECTS))

    def named_state(self, sources: list[Actor]) -> bool:
        """A state or its government acts ("Russia attacks"): no guessing that it acts on itself."""
        if self.inferred_source:
            return False  # "rebels", "students": people of the country, not its state
        return any(
            a.kind == "state"
            and a.id
            and any(m for m in a.mentions)
            and a.code == a.country
            or (a.code or "").endswith(("GOV", "MIL"))
            for a in sources
        )

    def done_to_people(self, tok: Token) -> bool:
        """The event's object is people ("jailed 52 members"), or it has none ("students demonstrated")."""
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("against", "on", "at")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if tok.pos_ == "NOUN":
            return True
        return not objects or any(o.lemma_.lower() in PEOPLE_NOUNS | CROWDS or o.pos_ == "PROPN" for o in objects)

    def by_crowd(self, tok: Token) -> bool:
        node = tok
        for _ in range(3):
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                return subj.lemma_.lower() in CROWDS
            if tok.dep_ == "acl" and node == tok:
                return node.head.lemma_.lower() in CROWDS
            if node.head == node:
                break
            node = node.head
        return False

    def local_country(self, tok: Token, outside: Token | None = None) -> list[Actor]:
        """For a phrase that names no actor ("52 members of the banned movement"): the state of the only
        country its sentence names, when there is exactly one. ``outside``: a phrase whose countries do not
        count ("militants abducted 12 Chinese engineers": the victims' country is not the attackers')."""
        sent = tok.sent
        skip = {t.idx for t in outside.subtree} if outside is not None else set()
        isos = {
            a.country
            for s, e, i in self.ctx.mention_index
            if sent.start_char <= s < sent.end_char and s not in skip
            for a in [self.ctx.actor(i)]
            if a is not None and a.country
        }
        isos |= {
            p.country
            for p in self.places
            if p.country and any(sent.start_char <= m.start < sent.end_char and m.start not in skip for m in p.mentions)
        }
        if len(isos) != 1:
            return []
        iso = next(iter(isos))
        return [self.state(iso)]

    def verb_participants(self, tok: Token, entry: Entry) -> tuple[list[Actor], list[Actor]]:
        self.from_parties = False
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        passive = next((c for c in tok.children if c.dep_ == PASSIVE_SUBJECT), None)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        node = tok
        if subj is None and passive is None and tok.dep_ == "pcomp" and tok.head.lower_ == "to":
            # "resorted to shelling": the doer of the verb above the preposition
            node = tok.head.head
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        while (
            subj is None
            and passive is None
            and node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp")
            and node.head != node
        ):
            controller = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if node.dep_ == "xcomp" and controller is not None:
                subj = controller  # "allowed the rebels to leave": the object does it, not the one who allows
                break
            node = node.head  # "decided to impose", "is expected to visit": the subject of the governing verb
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None and tok.dep_ == "xcomp":
                subj = next((c for c in node.children if c.dep_ == PASSIVE_SUBJECT), None)
            if node.dep_ == "ccomp":
                break
        if subj is None and tok.dep_ in ("acl", "relcl") and passive is None:
            # "the agency that investigated", "demonstrators protesting": the noun is the doer
            subj = tok.head if tok.dep_ == "relcl" or tok.tag_ == "VBG" else None
            if subj is not None and subj.lemma_.lower() in DOCUMENT_NOUNS:
                # "issued a statement urging", "passed a resolution condemning": whoever issued it
                owner = next((c for c in subj.children if c.dep_ == "poss"), None)
                issuer = next((c for c in subj.head.children if c.dep_ in SUBJECT_DEPS), None)
                subj = owner or (issuer if subj.dep_ == "dobj" else None)
        who = agent if agent is not None else subj
        sources = self.phrase_actors(who, subject=True) if who is not None else []
        if not sources and (who is None or who.pos_ == "PROPN") and passive is None and tok.dep_ == "ROOT":
            sources = self._people_before(tok)  # no subject, or a name no actor was made of
        self.inferred_source = False
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None) or _up_to_object(tok)
        if obj is not None and obj.lemma_.lower() not in PEOPLE_NOUNS:
            obj = None  # only the people acted on are not the doers ("completed their withdrawal from ...")
        if not sources and who is not None and who.pos_ == "NOUN" and who.lemma_.lower() in PEOPLE_NOUNS | CROWDS:
            sources = self.local_country(who, outside=obj)
            self.inferred_source = bool(sources)  # "Nigerian authorities", "students": people of the one country named
        targets: list[Actor] = []
        if passive is not None and agent is not None:
            targets = self.phrase_actors(passive)
        elif passive is not None and passive.lower_ == "it" and self.parties:
            sources = list(self.parties)  # "it was agreed to continue contacts", in a readout: the parties
            self.from_parties = True
        elif passive is not None and lemma(tok) in STATIVE_PASSIVES and any(c.lower_ == "to" for c in tok.children):
            sources = self.phrase_actors(passive)  # "Israel is opposed to French mediation": Israel's stance
        elif passive is not None:
            actor_side = entry.cameo.startswith(("03", "04"))  # "a meeting was held", "Vietnam is committed"
            sources = self.phrase_actors(passive) if actor_side else []
            targets = [] if actor_side else self.phrase_actors(passive)
        if passive is not None and agent is None and not sources and ontology.code(entry.cameo).plover == "ASSAULT":
            sources = self._attacker(tok, exclude=targets)  # "were killed in Israeli shelling"
        topic = lemma(tok) in TOPIC_VERBS  # "discussed the situation in Ukraine": Ukraine is no partner
        mediation = entry.cameo in MEDIATION_CODES  # "mediated between Israel and Hamas": on both parties
        for c in tok.children:
            if entry.cameo == DEFENCE_CODE and c.dep_ in ("dobj", "prep") and not targets:
                # "opposed US sanctions on Iran": Iran is defended, whoever imposes them
                harm = c if c.dep_ == "dobj" else next((g for g in c.children if g.dep_ == "pobj"), None)
                for p in harm.children if harm is not None else ():
                    if p.dep_ == "prep" and p.lower_ in ("on", "against", "of"):
                        targets = [a for g in p.children if g.dep_ == "pobj" for a in self.phrase_actors(g)]
            if c.dep_ == "dobj" and entry.cameo.startswith("11") and c.lemma_.lower() in MISDEEDS | WRONG_ACTS:
                from dyad.extract.events.accusations import agent_of

                targets = agent_of(self, c)  # "condemned the attacks on Israeli towns": whoever attacked
                continue
            if c.dep_ in ("dobj", "dative", "attr") and not targets and not topic:
                targets = self.phrase_actors(c) or self._subtree_actors(c)
                if not targets and c.pos_ == "PROPN":
                    state = self.place_state(c)  # "attacked Kharkiv": the city's state
                    targets = [state] if state is not None else []
                if not targets and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() in PEOPLE_NOUNS:
                    targets = self.local_country(c)
        code = ontology.code(entry.cameo)
        if code.plover in ("ACCUSE", "PROTEST", "REJECT"):
            # what is complained of, not to whom: "complained to the UN over Israeli raids"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("over", "about", "of") and not targets:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        targets = self.phrase_actors(pobj) or self._subtree_actors(pobj)
        for c in tok.children:
            if c.dep_ != "prep" or targets:
                continue
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None) or _lost_object(c)
            if pobj is None:
                continue
            if entry.cameo in VISIT_CODES and c.lower_ in ("in", "to", "at"):
                own = {a.country for a in sources}
                targets = [h for h in self._host(pobj) if h.country not in own]  # meeting at home: no host side
            elif c.lower_ in TARGET_PREPS or c.lower_ == entry.prep or (c.lower_ == "between" and mediation):
                targets = self.phrase_actors(pobj) or (self._subtree_actors(pobj) if c.lower_ == entry.prep else [])
        quantity = _up_to_object(tok)
        if not targets and quantity is not None:
            targets = self.phrase_actors(quantity) or self._subtree_actors(quantity)  # "kidnapped up to 16 Russians"
        addressed = any(  # the pattern's own object ("reiterated its demand that Israel ...") is no addressee
            c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in entry.objects
            for c in tok.children
        )
        if not targets and not addressed:
            # "urged fellow members to vote to allow Ukraine": the members are addressed, Ukraine is not
            targets = self._clause_target(tok, sources)
        if not targets and code.plover not in ("CONSULT", "AGREE"):
            # "lifted a curfew in Montenegro": where it was done is whom it was done to
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    state = self.place_state(pobj) if pobj is not None else None
                    if state is not None:
                        targets = [state]
                        break
        return sources, targets

    def _attacker(self, tok: Token, exclude: list[Actor]) -> list[Actor]:
        """'Four children were killed in Israeli tank shelling', 'wounded in a Russian drone attack': a harm told
        in the passive, in an attack whose own words name the state behind it."""
        own = {a.id for a in exclude}
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "during"):
                continue
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in ATTACK_MEANS:
                return [a for a in self.phrase_actors(pobj) if a.id not in own]
            # the parse may stop short of the attack's word ("in Israeli tank" + "shelling"): the words up to it
            doc = tok.doc
            for j in range(c.i + 1, min(len(doc), c.i + 6)):
                if doc[j].lower_ in ATTACK_MEANS or (doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in ATTACK_MEANS):
                    start, end = doc[c.i + 1].idx, doc[j].idx
                    return [a for a in self.ctx.actors_in(start, end) if a.id not in own and a.kind != "person"]
                if doc[j].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or doc[j].is_punct:
                    break
        return []

    def _clause_target(self, tok: Token, exclude: list[Actor]) -> list[Actor]:
        """'demanded that the US cancel', 'offered to hand over to Britain': the target in the clause below."""
        for c in tok.children:
            if c.dep_ == "ccomp":
                subj = next((g for g in c.children if g.dep_ in (*SUBJECT_DEPS, PASSIVE_SUBJECT)), None)
                if subj is not None:
                    return self.phrase_actors(subj)
            if c.dep_ == "xcomp":
                for g in c.children:
                    if g.dep_ in ("dobj", "dative"):
                        found = self.phrase_actors(g)
                        if found:
                            return found
                    if g.dep_ == "prep" and g.lower_ in TARGET_PREPS:
                        pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                        if pobj is not None and self.phrase_actors(pobj):
                            return self.phrase_actors(pobj)
                for t in sorted(_own_clause(c), key=lambda t: t.i):
                    a = self.ctx.actor_at(t.idx, t.idx + len(t.text))
                    if t is not c and a is not None and a.kind != "group" and all(a is not s for s in exclude):
                        return self._expand([a])
        return []

    def noun_participants(self, tok: Token, entry: Entry) -> tuple[list[Actor], list[Actor]]:
        self.from_parties = False
        self.inferred_source = False
        sources: list[Actor] = []
        targets: list[Actor] = []
        mediation = entry.cameo in MEDIATION_CODES
        # "a sanctions package against Russia", "a mediation mission between A and B": the head noun's phrases
        held = [c for c in tok.head.children if c.dep_ == "prep"] if tok.dep_ == "compound" else []
        for c in [*tok.children, *held]:
            if mediation and c.dep_ == "prep" and c.lower_ == "between":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                targets += self.phrase_actors(pobj) if pobj is not None else []  # the mediator is the source
                continue
            if c.dep_ == "poss" and c.lower_ in ("our", "their") and tok.dep_ == "dobj":
                # "the U.S. and ROK resumed our exercises": the doers the clause names are the "our"
                subject = next((g for g in tok.head.children if g.dep_ in SUBJECT_DEPS), None)
                named = self.phrase_actors(subject, subject=True) if subject is not None else []
                if len(named) > 1:
                    sources += named
                    continue
            if (
                c.dep_ == "poss"
                or c.dep_ in ("amod", "compound", "nmod")
                and self.ctx.actor_at(c.idx, c.idx + len(c.text))
            ):
                sources += self.phrase_actors(c)
            elif c.dep_ == "prep":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                harm = ontology.code(entry.cameo).plover in HARM_TYPES
                doer = sources or any(g.dep_ == "prep" and g.lower_ == "by" for g in tok.children)
                if c.lower_ == "of" and harm and (doer or _is_ground(self, pobj)):
                    # "its invasion of Lebanon", "the American occupation of Iraq", "the bombing of Gaza by
                    # Israeli jets": what is invaded or bombed, not who does it
                    targets += self.phrase_actors(pobj) or [s for s in [self.place_state(pobj)] if s is not None]
                elif c.lower_ in ("of", "by") or c.lower_ == "between":
                    sources += self.phrase_actors(pobj, subject=c.lower_ == "of")  # "withdrawal of forces from X"
                    if c.lower_ == "of" and ontology.code(entry.cameo).plover == "RETREAT":
                        origin = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "from"), None)
                        place = next((x for x in origin.children if x.dep_ == "pobj"), None) if origin else None
                        state = self.place_state(place) if place is not None else None
                        targets += [state] if state is not None else []
                    for g in pobj.children:  # "attacks by militias on U.S. personnel", "on" hung on "militias"
                        if c.lower_ == "by" and g.dep_ == "prep" and g.lower_ in ("on", "against"):
                            target = next((x for x in g.children if x.dep_ == "pobj"), None)
                            targets += self.phrase_actors(target) if target is not None else []
                elif entry.cameo in VISIT_CODES and c.lower_ in ("in", "to", "at"):
                    targets += self._host(pobj)
                elif c.lower_ in TARGET_PREPS and not (entry.cameo in VISIT_CODES and c.lower_ in TOPIC_PREPS):
                    targets += self.phrase_actors(pobj)  # "talks on the Ukraine crisis" are not with Ukraine
        # "Russian-Korean commission": every country named in the compound words
        if not sources:
            for c in tok.lefts:
                a = self.ctx.actor_at(c.idx, c.idx + len(c.text))
                if a is not None and all(a is not s for s in sources):
                    sources.append(a)
        if not targets and ontology.code(entry.cameo).plover in ("REQUEST", "ACCUSE", "THREATEN"):
            # "its demand that Israel ease restrictions": whom the demand is on
            for c in tok.children:
                subject = (
                    next((g for g in c.children if g.dep_ in SUBJECT_DEPS), None)
                    if c.dep_ in ("acl", "ccomp")
                    else None
                )
                if subject is not None:
                    targets += self.phrase_actors(subject)
        owned = any(c.dep_ == "poss" for c in tok.children)
        light = tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in LIGHT_VERBS else None
        if light is not None and not targets:
            for c in light.children:
                if c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"over", "into"}:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        targets = self.phrase_actors(pobj) or self._subtree_actors(pobj)
                        if targets:
                            break
        if not sources and tok.lemma_.lower() in FIRE_NOUNS:
            for c in tok.children:  # "rocket attacks from Gaza": fired from the ground of a state
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.lower_ == "from" else None
                state = self.place_state(pobj) if pobj is not None else None
                sources += [state] if state is not None else []
        if not sources and not owned:
            sources = self._governing_subject(tok)
        return unique(sources), unique(targets)

    def demands(self, sent: Span) -> list[tuple[Token, list[Actor], list[Actor]]]:
        """'Russia said Sudan must return the helicopter': a statement that another must act is a REQUEST;
        so is 'Russia must allow the UN in' said by a speaker (a quote, or a speech's own voice)."""
        out = []
        for tok in (sent.doc[i] for i in self.obligations if sent.start <= i < sent.end):
            if tok.dep_ != "aux":
                continue
            clause = tok.head
            speech = clause.head
            if clause.dep_ == "ROOT":
                subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
                quote = self.quote_at(tok.idx)
                speaker = self.ctx.actor(quote.speaker) if quote is not None and quote.speaker else None
                sources = [speaker] if speaker is not None else [] if quote is not None else list(self.voice)
                targets = self.phrase_actors(subj) if subj is not None and subj.lower_ not in FIRST_PERSON else []
                if sources and targets:
                    out.append((clause, sources, targets))
                continue
            if clause.dep_ not in ("ccomp", "xcomp") or speech.lemma_.lower() not in STATING:
                continue
            subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)  # "X must be stopped": no
            speaker = next((c for c in speech.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None or speaker is None:
                continue
            targets, sources = self.phrase_actors(subj), self.phrase_actors(speaker)
            if sources or targets:
                out.append((speech, sources, targets))
        return out


PLACE_PREPS = {"in", "into", "at", "near", "on", "across", "outside", "inside", "over", "off", "of", "around", "to"}


DOCUMENT_NOUNS = kb.words("document_noun")
# Harm done to a place or a state: its noun's "of" names the victim ("the invasion of Iraq").
HARM_TYPES = {"ASSAULT", "COERCE"}


def _is_ground(who: Participants, pobj: Token) -> bool:
    """A state or a place, not people: "the invasion of Iraq", not "the attack of the rebels"."""
    actors = who.phrase_actors(pobj)
    if actors:
        return all(a.kind == "state" for a in actors)
    return pobj.pos_ == "PROPN" and who.place_state(pobj) is not None


def _up_to_object(tok: Token) -> Token | None:
    """'kidnapped up to 16 Russian advisers', parsed as a particle 'up' and a preposition 'to': the object
    counted, when the verb has no direct object of its own."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "prt" and c.lower_ == "up":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    pobj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if pobj is not None and any(g.dep_ == "nummod" for g in pobj.children):
                        return pobj
    return None


def _lost_object(prep: Token) -> Token | None:
    """'granted asylum to five officers holed up in ...': the parser made the preposition's object the subject
    of the clause after it; the first noun after a bare preposition is its object."""
    for c in prep.children:  # "to [four officers] holed up": a clause hung on the preposition, its subject
        subject = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
        return subject if c.dep_ == "pcomp" and c.pos_ == "VERB" else None
    for t in prep.doc[prep.i + 1 : min(prep.i + 7, prep.sent.end)]:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
            return t if t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i else None
        if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT"):
            return None
    return None


def _verb_above(tok: Token) -> Token | None:
    node = tok
    for _ in range(4):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _city_country(tok: Token) -> str | None:
    """The country of a well-known city or region of this name (100,000 people or more), when only one
    country has such a place."""
    from dyad.kb.gazetteer import gazetteer

    name = tok.text
    left = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if left:
        name = tok.doc[left[0].i : tok.i + 1].text
    region = kb.regions().get(kb.fold(name))
    if region is not None:
        return region.country
    # by its own name, not one of its names in other tongues ("Bay" is Baia Mare's in some language)
    key = kb.fold(name)
    big = {
        p.country
        for p in gazetteer().candidates(name)
        if p.population >= 100_000 and p.country and kb.fold(p.name) == key
    }
    return next(iter(big)) if len(big) == 1 else None


def _own_clause(tok: Token) -> list[Token]:
    """tok's clause without the clauses nested in it: relative, adverbial and complement clauses stay out
    ("help establish the port that is allowing food to get out of Ukraine": Ukraine is not helped)."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ not in ("conj", "cc", "parataxis")]
    while stack:
        t = stack.pop()
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"):
            continue
        out.append(t)
        stack.extend(t.children)
    return out


def unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if all(a is not b for b in out):
            out.append(a)
    return out


def content(tok: Token) -> list[Token]:
    """The words an event is about: its objects and complements, not the clauses that describe them."""
    out: list[Token] = []
    stack = [
        c
        for c in tok.children
        if c.dep_ in CONTENT_DEPS
        or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)
        or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
        or (c.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children))  # "demand that"
    ]
    while stack:
        t = stack.pop()
        out.append(t)
        if t.lemma_.lower() in ACCUSING:
            continue  # "spoke with him to condemn the attacks": what is condemned happened, it is no intent
        stack.extend(
            c
            for c in t.children
            if c.dep_ not in ("relcl", "acl", "advcl", "conj", "parataxis", "appos") or _infinitive_of(c, t)
        )
    return out


def _infinitive_of(clause: Token, head: Token) -> bool:
    """'a call for forces to be deployed', 'an offer to mediate': an infinitive a noun takes is what it says,
    not a description of it."""
    return (
        clause.dep_ in ("acl", "relcl")
        and head.pos_ == "NOUN"
        and any(g.dep_ in ("aux", "auxpass") and g.lower_ == "to" for g in clause.children)
    )


def clause_tokens(tok: Token) -> list[Token]:
    """tok and what hangs from it, without the other clauses joined to it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis", "cc"):
            continue
        out.extend(child.subtree)
    return out
