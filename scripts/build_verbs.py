"""Build src/dyad/extract/data/cameo_verbs.tsv from PETRARCH-2's CAMEO verb dictionary.

The source, CAMEO.2.0.txt (openeventdata/petrarch2, MIT licence), lists synonym sets (``&NAME`` then ``+WORD``
lines) and verb blocks (``---  NAME  [code]  ---``, verb lines, then pattern lines ``- * OBJECT [code]``); its
format is described in petrarch2/dictionaries.rst. The script keeps what the columns of event_lexicon.tsv can
say faithfully (a verb alone, a verb with a direct object, a verb with a preposition and maybe its object) and
counts what it leaves out, so that the loss can be judged.

A pattern applies by default to the verb its comment names, the verb it was written for in TABARI (the
source's header says so; without a name in the comment it applies to the whole block): ``--scope source``.
PETRARCH itself applies every pattern to every verb of the block, WordNet synonyms included
(``--scope block``): five times the rows, among them many no one reviewed ("destroy ... outside" -> 141).

Run: .venv/bin/python scripts/build_verbs.py [--source PATH] [--output PATH] [--scope block|source]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_OUTPUT = ROOT / "src" / "dyad" / "extract" / "data" / "cameo_verbs.tsv"
SOURCE_NAME = "CAMEO.2.0.txt"
SOURCE_COMMIT = "676801c"

# Words the parser labels `prep`: they can link an object to the trigger.
PREPOSITIONS = frozenset(
    {
        *("about", "above", "across", "after", "against", "along", "amid", "amidst", "among", "amongst"),
        *("around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between"),
        *("beyond", "by", "despite", "during", "for", "from", "in", "inside", "into", "near", "of", "on"),
        *("onto", "outside", "over", "past", "since", "through", "throughout", "to", "toward", "towards"),
        *("under", "until", "upon", "via", "with", "within", "without"),
    }
)
# Verb particles ("beef up", "call off"): spaCy labels them `prt`, which the lexicon's columns cannot ask for.
PARTICLES = frozenset(
    {"up", "down", "out", "off", "back", "away", "aside", "apart", "forward", "forth", "together", "ahead"}
)
ARTICLES = frozenset({"a", "an", "the"})
# Words that head no noun phrase, whatever a pattern says ("{SLOGAN AGAINST}", "- * IF").
NOT_NOUNS = (
    PREPOSITIONS
    | PARTICLES
    | frozenset(
        {
            *("if", "whether", "that", "than", "because", "while", "when", "and", "or", "not", "no"),
            *("it", "them", "him", "her", "us", "himself", "herself", "itself", "themselves", "ourselves"),
        }
    )
)
# Auxiliaries and verbs too generic to be triggers by themselves; kept with an object or a preposition.
GENERIC_VERBS = frozenset(
    {
        *("be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"),
        *("get", "go", "come", "make", "take", "give", "say", "tell", "put", "set", "keep", "hold"),
    }
)
MARKERS = frozenset("$+%^")  # source and target positions in a pattern: nothing to match
CODE_RE = re.compile(r"^\d{2,4}$")
WORD_RE = re.compile(r"^[a-z0-9][a-z0-9'./-]*$")


class BuildError(Exception):
    """The source cannot be read as a PETRARCH verb dictionary."""


class Skip(Exception):
    """A verb or pattern the lexicon's columns cannot represent; the message is the reason counted."""


class Words(Protocol):
    """What the build needs to know of English words (SpacyWords answers from the project's model)."""

    def noun(self, word: str) -> str:
        """Lemma of a word read as a noun: sanctions -> sanction."""
        ...

    def verb(self, word: str) -> str:
        """Lemma of a verb as a dictionary writes it, in the base form: found -> found."""
        ...

    def inflected(self, word: str) -> str:
        """Lemma of a word read as an inflected verb form: found -> find, worried -> worry."""
        ...

    def is_noun(self, verb: str, word: str) -> bool:
        """Whether the word reads as a noun right after the verb: wage war yes, set free no."""
        ...


# ---------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Verb:
    """A verb line: its words (several for "+ASK_FOR"), the one marked as the verb, and its own code."""

    words: tuple[str, ...]
    head: int | None  # index of the verb among the words; None when several or none are marked
    code: str | None  # None: the block's code applies
    line: int


@dataclass(frozen=True)
class Pattern:
    body: str  # the text between '-' and '[code]'
    code: str
    comment: str
    line: int


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]  # "&NAME" (no trailing '_') -> members as written ("CEASE_FIRE", "KRONE_")
    blocks: list[Block]
    transformations: int = 0  # '~' lines: verb-verb rewrites, out of the lexicon's reach
    unreadable: int = 0  # pattern lines without a [code], lines outside any block or synset


BLOCK_RE = re.compile(r"^---\s*(?P<name>.*?)\s*(?:\[(?P<code>[^\]]*)\])?\s*---\s*$")
PATTERN_RE = re.compile(r"^-(?P<body>.*?)\[(?P<code>[^\]]*)\]\s*$")


def parse(text: str) -> Dictionary:
    """The dictionary's synsets, blocks, verbs and patterns, as written."""
    source = Dictionary({}, [])
    synset: list[str] | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        body, _, comment = raw.partition("#")
        line = body.strip()
        if not line:
            continue
        if line.startswith("---"):
            match = BLOCK_RE.match(line)
            if not match:
                raise BuildError(f"line {number}: unreadable block header {line!r}")
            block = Block(match["name"], (match["code"] or "---").strip(), number)
            source.blocks.append(block)
        elif line.startswith("&") and block is None:
            synset = source.synsets.setdefault(line.split()[0].rstrip("_"), [])
        elif line.startswith("~"):
            source.transformations += 1
        elif block is None:
            if synset is not None and line.startswith("+"):
                synset.append(line[1:].split()[0])
            else:
                source.unreadable += 1
        elif line.startswith("-"):
            match = PATTERN_RE.match(line)
            if match:
                block.patterns.append(Pattern(match["body"].strip(), match["code"].strip(), comment.strip(), number))
            else:
                source.unreadable += 1
        else:
            block.verbs.append(parse_verb(line, number))
    return source


def parse_verb(line: str, number: int) -> Verb:
    """``WORD {irregular forms} [code] ;old comment``: the forms in braces are inflections, not lemmas."""
    line = line.split(";")[0]  # two lines carry TABARI-style ';' comments
    code = None
    match = re.search(r"\[([^\]]*)\]", line)
    if match:
        code = match[1].strip()
        line = line[: match.start()] + line[match.end() :]
    tokens = re.sub(r"\{[^}]*\}?", " ", line).split()
    if not tokens:
        raise BuildError(f"line {number}: verb line without a verb")
    words = tokens[0].split("_")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    head = marked[0] if len(marked) == 1 else (0 if len(words) == 1 else None)
    return Verb(tuple(w.lstrip("+") for w in words), head, code, number)


def notice(text: str) -> list[str]:
    """The MIT licence notice in the source's opening comment, without the comment marks."""
    lines: list[str] = []
    for raw in text.splitlines():
        if not raw.startswith("#"):
            break
        lines.append(raw[1:].removeprefix(" ").rstrip())
    start = next((i for i, s in enumerate(lines) if "MIT License" in s), None)
    if start is None:
        raise BuildError("no MIT licence notice in the opening comment")
    end = next((i for i in range(start, len(lines)) if "DEALINGS IN THE" in lines[i]), None)
    if end is None:
        raise BuildError("the MIT licence notice in the opening comment is cut short")
    return lines[start : end + 1]


# ---------------------------------------------------------------------------------------------- patterns


# How closely an object lemma renders the pattern: the word itself, a synset member, or the head left of a
# longer phrase ({VERBAL ATTACK} -> attack). Where a verb's object gets several codes, the closest wins.
EXACT, MEMBER, HEAD = 0, 1, 2


@dataclass
class Target:
    """What a pattern asks of the words after the verb: a preposition, objects (lemma -> closeness), or both."""

    prep: str | None
    objects: dict[str, int]


def tokens(body: str) -> list[str]:
    """A pattern body as words, ``(...)`` prepositional phrases and ``{...}`` noun phrases."""
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char.isspace():
            i += 1
        elif char in "({":
            close = body.find(")" if char == "(" else "}", i)
            if close < 0:
                raise Skip("malformed")
            out.append(body[i : close + 1])
            i = close + 1
        elif char in ")}":
            raise Skip("malformed")
        else:
            j = i
            while j < len(body) and not body[j].isspace() and body[j] not in "({)}":
                j += 1
            out.append(body[i:j])
            i = j
    return out


def code_of(raw: str) -> str:
    """The first code of ``[a:b]``; Skip for the null code, a secondary code alone, or an unreadable one."""
    if raw.startswith(":"):
        raise Skip("secondary code only")
    first = raw.split(":")[0].strip()
    if not first or first == "---":
        raise Skip("null code")
    if not CODE_RE.match(first):
        raise Skip("unreadable code")
    return first


class Interpreter:
    """Turns pattern bodies into targets, with nouns lemmatised and synsets expanded."""

    def __init__(self, synsets: dict[str, list[str]], words: Words) -> None:
        self.synsets = synsets
        self.words = words
        self.phrases_left_out: set[str] = set()  # synset members of several words ("&WEAPON TEAR_GAS")

    def lemma(self, word: str) -> str:
        word = word.strip("_").lower()
        if not WORD_RE.match(word):
            raise Skip("malformed")
        if word in NOT_NOUNS:
            raise Skip("not a noun")
        return self.words.noun(word) if word.isalpha() else word  # "cease-fire", "ak-47": as written

    def head(self, phrase: str, alternatives: bool = True) -> dict[str, int]:
        """Lemmas of a noun phrase's head, with their closeness: its last word (the word before "of" if any),
        each member of a synset, each of ``A/B`` when alternatives are allowed."""
        words = [w for token in phrase.split() for w in ([token] if token[0] == "&" else token.split("_"))]
        words = [w for w in words if w and w not in MARKERS]
        while len(words) > 1 and words[0].lower() in ARTICLES:
            words = words[1:]
        if not words:
            raise Skip("malformed")
        lowered = [w.lower() for w in words]
        last = words[lowered.index("of", 1) - 1] if "of" in lowered[1:] else words[-1]
        closeness = HEAD if len(words) > 1 else EXACT
        if last.startswith("&"):
            return {lemma: max(rank, closeness) for lemma, rank in self.synset(last).items()}
        return {self.lemma(w): closeness for w in (last.split("/") if alternatives else [last])}

    def synset(self, name: str) -> dict[str, int]:
        """The members' lemmas. A member of several words is left out: it asks for consecutive words, which the
        columns cannot, and its head alone says something else (TEAR_GAS "gas", CEASE_FIRE "fire")."""
        members = self.synsets.get(name.rstrip("_"))
        if members is None:
            raise Skip("undefined synset")
        out: dict[str, int] = {}
        for member in members:
            if len([w for w in member.split("_") if w]) > 1:
                self.phrases_left_out.add(f"{name.rstrip('_')} {member}")
                continue
            for lemma in self.head(member, alternatives=False):
                out[lemma] = MEMBER
        if not out:
            raise Skip("synset of phrases only")
        return out

    def targets(self, body: str) -> list[Target]:
        """The targets of a pattern body, or Skip with the reason it cannot be represented."""
        parts = tokens(body)
        if "*" not in parts:
            raise Skip("malformed")
        star = parts.index("*")
        before = [p for p in parts[:star] if p not in MARKERS]
        after = [p for p in parts[star + 1 :] if p not in MARKERS]
        if before:
            raise Skip("words before the verb")
        if not after:
            raise Skip("nothing after the verb")
        if len(after) > 1:
            raise Skip("particle" if after[0].lower() in PARTICLES else "several phrases")
        part = after[0]
        if part.startswith("("):
            return self.prep_phrase(part[1:-1])
        if part.startswith("{"):
            return [Target(None, self.head(part[1:-1]))]
        alternatives = {w.lower() for w in part.split("/")}
        if alternatives <= PREPOSITIONS:
            return [Target(w, {}) for w in sorted(alternatives)]
        if alternatives & PARTICLES:
            raise Skip("particle")
        return [Target(None, self.head(part))]

    def prep_phrase(self, inner: str) -> list[Target]:
        """``(PREP)``, ``(PREP WORD)``, ``(PREP {NOUN PHRASE})``, ``(PREP &SYNSET)``, ``(PREP A WORD)``;
        ``A/B`` gives alternatives."""
        parts = [p for p in tokens(inner) if p not in MARKERS]
        if not parts:
            raise Skip("malformed")
        preps = {w.lower() for w in parts[0].split("/")}
        if preps & PARTICLES:
            raise Skip("particle")
        if not preps <= PREPOSITIONS:
            raise Skip("not a preposition")
        rest = parts[1:]
        if (
            any(p.startswith("(") for p in rest)
            or len(rest) > 2
            or (len(rest) == 2 and rest[0].lower() not in ARTICLES)
        ):
            raise Skip("several phrases")
        if len(rest) == 2 and rest[1].startswith("{"):
            raise Skip("several phrases")
        objects = self.head(" ".join(rest).replace("{", "").replace("}", "")) if rest else {}
        return [Target(prep, objects) for prep in sorted(preps)]


# ---------------------------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Row:
    lemma: str
    cameo: str
    objects: frozenset[str]
    prep: str | None

    def line(self) -> str:
        """The row in event_lexicon.tsv's columns, trailing empty ones left off as the hand lexicon does."""
        cells = [self.lemma, "V", self.cameo]
        if self.objects or self.prep:
            cells.append("|".join(sorted(self.objects)) or "-")
        if self.prep:
            cells.append(self.prep)
        return "\t".join(cells)

    def key(self) -> tuple[str, str, str, str]:
        return (self.lemma, self.cameo, self.prep or "", "|".join(sorted(self.objects)))


@dataclass(frozen=True)
class Trigger:
    """A verb as the lexicon can hold it: a lemma, maybe with a preposition ("ask for") or object ("wage war")."""

    lemma: str
    prep: str | None
    objects: frozenset[str]


def trigger(verb: Verb, words: Words, block_verbs: set[str]) -> Trigger:
    """A verb line as a lemma with at most a preposition or object; Skip for what the columns cannot say.

    An inflected form written as a verb of its own ("SAW" beside "SEE") takes the lemma of that form only
    when the lemma is a verb of the same block: "FOUND" under ENACT stays "found"."""
    parts = [w.lower() for w in verb.words]
    if verb.head is None:
        raise Skip("no marked verb")
    if verb.head:
        raise Skip("words before the verb")
    if not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in parts):
        raise Skip("malformed")
    lemma = words.verb(parts[0])
    inflected = words.inflected(parts[0])
    if inflected != lemma and inflected in block_verbs:
        lemma = inflected
    rest = parts[1:]
    if not rest:
        return Trigger(lemma, None, frozenset())
    if {"and", "or"} & set(rest):
        raise Skip("fragment")
    if set(rest) & PARTICLES:
        raise Skip("particle verb")
    if len(rest) == 1 and rest[0] in PREPOSITIONS:
        return Trigger(lemma, rest[0], frozenset())
    if len(rest) == 1 and words.is_noun(parts[0], rest[0]):
        return Trigger(lemma, None, frozenset({words.noun(rest[0])}))
    if len(rest) == 2 and rest[0] in PREPOSITIONS and words.is_noun(parts[0], rest[1]):
        return Trigger(lemma, rest[0], frozenset({words.noun(rest[1])}))
    raise Skip("verb with a complement")


def spellings(token: str, words: Words) -> set[str]:
    """Ways to write a verb so that a verb line and a comment naming it meet: "CALLED_OFF" and "+CALL_OFF"
    both give call_off."""
    parts = token.strip("+").lower().split("_")
    if not all(re.fullmatch(r"[a-z]+", p) for p in parts):
        return set()
    return {"_".join([first, *parts[1:]]) for first in (parts[0], words.verb(parts[0]), words.inflected(parts[0]))}


def named_verbs(comment: str, words: Words) -> set[str]:
    """The spellings of the words of a pattern's comment ("# CALLED_OFF", "# FORGE , SET_UP", "# OY 14 Mar")."""
    tokens = [t for t in re.split(r"[\s,]+", comment) if t.isupper()]  # TABARI wrote verbs in capitals
    return {name for token in tokens for name in spellings(token, words)}


@dataclass
class Stats:
    blocks: int = 0
    verbs: int = 0
    patterns: int = 0
    skipped_verbs: Counter = field(default_factory=Counter)
    skipped_patterns: Counter = field(default_factory=Counter)
    unknown_codes: set[str] = field(default_factory=set)  # codes without a PLOVER type
    generic: int = 0  # bare rows of generic verbs
    combinations: int = 0  # a compound verb's own preposition or object meeting a pattern's
    transformations: int = 0
    unreadable: int = 0
    outranked: int = 0  # codes a verb+object lost to a closer rendering ({VERBAL ATTACK} 111 yields to ATTACK 190)
    split_heads: int = 0  # phrase heads dropped because the phrases they stand for have different codes
    synset_phrases: int = 0  # synset members of several words, left out
    ambiguous: int = 0  # verb+object keys left with more than one code: the lowest code wins at run time

    def summary(self, rows: int) -> str:
        def counts(counter: Counter) -> str:
            items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            return ", ".join(f"{k} {v}" for k, v in items) or "none"

        parts = [
            f"{rows} rows written",
            f"{self.blocks} blocks",
            f"{self.verbs} verbs ({sum(self.skipped_verbs.values())} skipped: {counts(self.skipped_verbs)})",
            f"{self.patterns} patterns read ({sum(self.skipped_patterns.values())} skipped: "
            f"{counts(self.skipped_patterns)})",
            f"codes without a PLOVER type: {' '.join(sorted(self.unknown_codes)) or 'none'}",
            f"dropped: {self.generic} bare generic verbs, {self.combinations} compound-verb combinations, "
            f"{self.outranked} codes outranked by closer patterns, {self.split_heads} split phrase heads, "
            f"{self.synset_phrases} synset phrases",
            f"{self.ambiguous} verb+object keys with several codes",
            f"ignored: {self.transformations} transformations, {self.unreadable} unreadable lines",
        ]
        return "; ".join(parts)


def build(
    source: Dictionary, words: Words, known: Callable[[str], bool], scope: str = "source"
) -> tuple[list[Row], Stats]:
    """Rows for every verb and pattern the columns can hold: deduplicated, objects merged per verb, code and
    preposition, sorted by lemma then code; with counts of what was left out."""
    stats = Stats(blocks=len(source.blocks), transformations=source.transformations, unreadable=source.unreadable)
    interpreter = Interpreter(source.synsets, words)
    # (lemma, prep, object or "") -> code -> closeness of the object to its pattern
    found: dict[tuple[str, str | None, str], dict[str, int]] = {}

    def code(raw: str) -> str:
        cameo = code_of(raw)
        if not known(cameo):
            stats.unknown_codes.add(cameo)
            raise Skip("no PLOVER type")
        return cameo

    def add(trig: Trigger, cameo: str, target: Target | None) -> None:
        prep, objects = trig.prep, dict.fromkeys(trig.objects, EXACT)
        if target is not None:
            if (target.prep and (trig.prep or trig.objects)) or (target.objects and trig.objects):
                stats.combinations += 1
                return
            prep, objects = target.prep or prep, target.objects
        if not objects and not prep and trig.lemma in GENERIC_VERBS:
            stats.generic += 1
            return
        for obj, rank in (objects or {"": EXACT}).items():
            codes = found.setdefault((trig.lemma, prep, obj), {})
            codes[cameo] = min(codes.get(cameo, HEAD), rank)

    verb_names = {id(verb): spellings("_".join(verb.words), words) for block in source.blocks for verb in block.verbs}
    known_names = set().union(*verb_names.values())  # every verb of the dictionary, in every spelling
    for block in source.blocks:
        block_verbs = {v.words[0].lower() for v in block.verbs} | {block.name.split("_")[0].lower()}
        triggers: list[tuple[Trigger, set[str]]] = []
        for verb in block.verbs:
            stats.verbs += 1
            try:
                trig = trigger(verb, words, block_verbs)
            except Skip as reason:
                stats.skipped_verbs[str(reason)] += 1
                continue
            triggers.append((trig, verb_names[id(verb)]))
            try:
                add(trig, code(verb.code if verb.code is not None else block.code), None)
            except Skip as reason:
                if str(reason) == "no PLOVER type":
                    stats.skipped_verbs["default code without a PLOVER type"] += 1
        for pattern in block.patterns:
            stats.patterns += 1
            try:
                cameo = code(pattern.code)
                targets = interpreter.targets(pattern.body)
                chosen = [t for t, _ in triggers]
                named = named_verbs(pattern.comment, words) & known_names if scope == "source" else set()
                if named:  # the comment names the verb the pattern was written for
                    if not any(verb_names[id(v)] & named for v in block.verbs):
                        raise Skip("written for a verb of another block")
                    chosen = [t for t, names in triggers if names & named]
                    if not chosen:
                        raise Skip("written for a verb left out")
            except Skip as reason:
                stats.skipped_patterns[str(reason)] += 1
                continue
            for trig in dict.fromkeys(chosen):
                for target in targets:
                    add(trig, cameo, target)

    stats.synset_phrases = len(interpreter.phrases_left_out)
    merged: dict[tuple[str, str, str | None, bool], set[str]] = {}  # the bare row and the one with objects apart
    for (lemma, prep, obj), codes in found.items():
        closest = min(codes.values())
        kept = [cameo for cameo, rank in codes.items() if rank == closest]
        stats.outranked += len(codes) - len(kept)
        if closest == HEAD and len(kept) > 1:  # "strike" of {HUNGER STRIKE} 142 and {AIR STRIKE} 195: no guide
            stats.split_heads += 1
            continue
        stats.ambiguous += len(kept) > 1
        for cameo in kept:
            objects = merged.setdefault((lemma, cameo, prep, bool(obj)), set())
            if obj:
                objects.add(obj)
    rows = sorted(
        (Row(lemma, cameo, frozenset(objs), prep) for (lemma, cameo, prep, _), objs in merged.items()), key=Row.key
    )
    return rows, stats


# ---------------------------------------------------------------------------------------------- output


def render(rows: Iterable[Row], licence: list[str]) -> str:
    """The data file: where it comes from, the source's licence notice, then the rows."""
    header = [
        f"# CAMEO verb triggers, generated by scripts/build_verbs.py from {SOURCE_NAME} (PETRARCH-2,",
        f"# github.com/openeventdata/petrarch2, commit {SOURCE_COMMIT}). Do not edit by hand: change the script",
        "# and run it again. Columns as in event_lexicon.tsv, pos always V: object is a |-separated set of",
        "# lemmas (- for none); prep is the preposition linking the object, or required alone.",
        "#",
        f"# {SOURCE_NAME} carries this notice:",
        "#",
        *(f"# {s}" if s else "#" for s in licence),
        "#",
        "# lemma\tpos\tcameo\tobject\tprep",
    ]
    return "\n".join([*header, *(row.line() for row in rows)]) + "\n"


class SpacyWords:
    """Words answered by the project's spaCy model, so that lemmas are the ones the pipeline gives at run time."""

    def __init__(self) -> None:
        import spacy

        from dyad.nlp.pipeline import MODEL

        self.nlp = spacy.load(MODEL, exclude=["parser", "ner"])  # lemmas and tags need no parse
        self.cache: dict[tuple[str, ...], Any] = {}

    def _get(self, key: tuple[str, ...], compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def noun(self, word: str) -> str:
        """The pipeline's lemma for a plural ("sanctions") or an irregular form it knows ("men"); the word
        itself otherwise, so that acronyms keep their letters ("IED" is no plural of "ie")."""

        def compute() -> str:
            lemma = self.nlp(f"the {word}")[-1].lemma_.lower() or word
            irregular = word in self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc").get("noun", {})
            return lemma if word.endswith("s") or irregular else word

        return self._get(("noun", word), compute)

    def verb(self, word: str) -> str:
        return self._get(("verb", word), lambda: self.nlp(f"They will {word} it.")[2].lemma_.lower() or word)

    def inflected(self, word: str) -> str:
        def compute() -> str:
            from spacy.tokens import Doc

            doc = Doc(self.nlp.vocab, words=[word], pos=["VERB"])
            return self.nlp.get_pipe("lemmatizer")(doc)[0].lemma_.lower() or word

        return self._get(("inflected", word), compute)

    def is_noun(self, verb: str, word: str) -> bool:
        return self._get(("is_noun", verb, word), lambda: self.nlp(f"They will {verb} {word}.")[3].pos_ == "NOUN")


def plover_known(cameo: str) -> bool:
    """Whether dyad's ontology gives the code a PLOVER type (CAMEO 01x public statements have none)."""
    from dyad import ontology

    try:
        ontology.code(cameo)
    except (KeyError, ValueError):
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="PETRARCH-2's CAMEO.2.0.txt")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the data file to write")
    parser.add_argument("--scope", choices=("source", "block"), default="source", help="verbs a pattern applies to")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"build_verbs: no verb dictionary at {args.source}", file=sys.stderr)
        return 2
    text = args.source.read_text(encoding="utf-8", errors="replace")
    try:
        licence = notice(text)
        source = parse(text)
    except BuildError as exc:
        print(f"build_verbs: {args.source}: {exc}", file=sys.stderr)
        return 2
    try:
        words = SpacyWords()
    except OSError as exc:
        print(f"build_verbs: cannot load the spaCy model: {exc}", file=sys.stderr)
        return 2
    rows, stats = build(source, words, plover_known, args.scope)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(rows, licence), encoding="utf-8", newline="\n")
    print(stats.summary(len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
