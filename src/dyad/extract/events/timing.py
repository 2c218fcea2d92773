"""Modality and place: whether an event happened, may happen or did not, and where it did.

Negation, modal verbs, conditionals and future markers around the trigger give
the modality; when it happened is chosen in ``dating.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.events.words import DENIALS, FAILURES, FUTURE_HEADS, HYPOTHETICAL_AUX, STATING
from dyad.model import Place

REPORTING = STATING | {"confirm", "promise", "pledge", "vow", "indicate", "signal", "report", "reply"}


def modality_of(tok: Token) -> tuple[str, bool]:
    """(modality, future) from negation, modal verbs, conditionals and future markers around tok."""
    chain = [tok]
    node = tok
    for _ in range(3):
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if (
            node.dep_ in ("xcomp", "aux", "auxpass")
            or (node.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and tok.pos_ == "NOUN")
            or node.dep_ == "prep"
            or purpose  # "willing to send material to help": the purpose shares the intent
        ):
            node = node.head
            chain.append(node)
        else:
            break
    if tok.pos_ == "NOUN" and any(k.lower_ == "no" and k.dep_ in ("det", "neg") for k in tok.children):
        return "negated", False  # "under no threat", "no attack took place"
    future = False
    for node in chain:
        kids = list(node.children)
        if any(k.dep_ == "neg" for k in kids):
            return "negated", False
        if node.lemma_.lower() in DENIALS and node != tok:
            return "negated", False
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in DENIALS:
            return "negated", False  # "denied that it attacked"
        if node.lemma_.lower() in FAILURES and node != tok:
            return "negated", False  # "failed to reach agreement"
        if node.dep_ == "acl" and node.head.lemma_.lower() in FAILURES:
            return "negated", False  # "the government's refusal to accept"
        if any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in kids) or (
            node.dep_ == "advcl" and any(k.lower_ == "if" for k in kids)
        ):
            return "hypothetical", False
        auxes = [k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")]
        if any(a in HYPOTHETICAL_AUX for a in auxes):
            return "hypothetical", False
        if any(a in ("will", "shall", "'ll", "wo") for a in auxes):
            future = True
        if node != tok and node.lemma_.lower() in FUTURE_HEADS and node.pos_ in ("VERB", "ADJ"):
            future = True
        if any(k.lower_ in ("next", "upcoming", "planned", "future") for k in kids):
            future = True
        if "would" in auxes and node.head.lemma_.lower() in REPORTING:  # "said it would tighten the blockade"
            future = True
    return "actual", future


def place_for(tok: Token, places: list[Place]) -> Place | None:
    sent = tok.sent
    # the places named in the sentence, in order: most sentences name none, and then no words need be read
    places = [p for p in places if any(sent.start_char <= m.start < sent.end_char for m in p.mentions)]
    if not places:
        return None
    span = {t.idx for t in (tok.subtree if tok.pos_ == "NOUN" else sent)}
    for place in places:
        if any(sent.start_char <= m.start < sent.end_char and m.start in span for m in place.mentions):
            return place
    return None


def condition_of(tok: Token) -> Token | None:
    """The clause an event is made conditional on ("will withdraw unless X arranges a ceasefire", "threatened
    to stop talks if the United States goes ahead"), hung on the trigger or the verb it depends on."""

    def conditional(node: Token) -> Token | None:
        for c in node.children:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                return c
        return None

    below = [c for c in tok.children if c.dep_ == "xcomp"]  # "threatened to stop talks if ..."
    below += [g for c in below for g in c.children if g.dep_ in ("xcomp", "dobj")]
    node = tok
    for _ in range(3):
        found = conditional(node)
        if found is not None:
            return found
        if node.dep_ not in ("xcomp", "ccomp") or node.head == node:
            break
        node = node.head
    return next((c for c in map(conditional, below) if c is not None), None)
