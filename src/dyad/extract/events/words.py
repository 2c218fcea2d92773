"""The word lists the event coder consults (``extract/data/event_words.tsv``), and the parse labels it reads."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dyad import kb


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    text = resources.files("dyad.extract").joinpath("data/event_words.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, word = line.split("\t")[:2]
            out.setdefault(name, set()).add(word.strip())
    return {k: frozenset(v) for k, v in out.items()}


def words(name: str) -> frozenset[str]:
    """A named list; a name the file lacks is a bug, so it fails loudly."""
    try:
        return _lists()[name]
    except KeyError:
        raise KeyError(f"no word list {name!r} in event_words.tsv") from None


REFUSALS = words("refusal")
HYPOTHETICAL_AUX = words("hypothetical_aux")
FAILURES = words("failure")
FUTURE_HEADS = words("future_head")
DENIALS = words("denial")
COURTESY_VERBS = words("courtesy_verb")
ENABLING_VERBS = words("enabling_verb")
TARGET_PREPS = words("target_prep")
LIGHT_VERBS = words("light_verb")
CONTENT_PREPS = words("content_prep")
INTERNAL_OBJECTS = words("internal_object")
TOPIC_PREPS = words("topic_prep")
RELEASED_THINGS = words("released_thing")
NO_COMMENT = words("no_comment")
STRIKE_VERBS = words("strike_verb")
TALKED_ABOUT = words("talked_about")
REALIZING = words("realizing")
OBLIGATION = words("obligation")
STATING = words("stating")
FIRST_PERSON = words("first_person")
PARTY_NOUNS = words("party_noun")
TOPIC_VERBS = words("topic_verb")
MISDEEDS = words("misdeed")
MISDEED_VERBS = words("misdeed_verb")
MEETING_NOUNS = words("meeting_noun")
WRONG_ACTS = words("wrong_act")
ACCUSING = words("accusing")
ATTENTION = words("attention")
EVALUATIVE = words("evaluative")
AGENTIVE_OF = words("agentive_of")
FIRE_NOUNS = words("fire_noun")
ATTACK_MEANS = words("attack_means")
COURTESY_OBJECTS = words("courtesy_object")
STATIVE_PASSIVES = words("stative_passive")
STANCE_PARTICIPLES = words("stance_participle")
DISCOURSE_NOUNS = words("discourse_noun")
PEOPLE_NOUNS = kb.words("people_noun")
OFFICIALS = kb.words("official")
CROWDS = kb.words("crowd_noun")

# Parse labels (spaCy's English dependency scheme): how the coder walks a sentence, not domain knowledge.
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT = "nsubjpass"
CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "oprd"}

# Groupings of CAMEO codes and PLOVER types that the coding rules name.
COOPERATIVE_FUTURE = {  # a cooperative act told in the future is an intent (PLOVER: AGREE), with this CAMEO code
    "CONSULT": "036",
    "SUPPORT": "030",
    "COOPERATE": "031",
    "AID": "033",
    "CONCEDE": "035",
    "RETREAT": "035",
    "AGREE": None,
}
JOINT_CODES = {"057", "054"}  # signing together, establishing relations: each side acts towards the other
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
VISIT_CODES = {"042", "043", "040", "041", "046", "044"}
DEFENCE_CODE = "052"  # defending verbally: on behalf of whom the harm opposed would hurt
MEDIATION_CODES = {"045"}  # a mediator acts on the parties it mediates between
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE"}  # what a government does to its own people, and they to it
# what rebels, parties and crowds do inside their country: domestic only when no state is the one acting
INTERNAL_TYPES = {"ASSAULT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "RETREAT", "MOBILIZE", "SANCTION"}
VERBAL_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN"}
# in a readout of a call or meeting, what one side offers, praises or asks with no one named is to the other side
ADDRESSED_TYPES = {"AGREE", "SUPPORT", "REQUEST"}  # said of things as well as of people
