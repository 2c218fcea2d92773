"""Property-based tests of `dyad.extract` on hostile text: it never fails unexpectedly, and what it returns holds.

`make test` runs a bounded number of examples. The long run is a documented command:

    DYAD_FUZZ_EXAMPLES=100000 .venv/bin/pytest -q tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
import re
from datetime import date

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dyad
from dyad.errors import InputError, NotEnglishError

EXAMPLES = int(os.environ.get("DYAD_FUZZ_EXAMPLES", "40"))

SENTENCES = [
    "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday.",
    '"We will respond," Foreign Minister Sergei Lavrov said. "This is unacceptable."',
    "“He said ‘they refused’ and left,” the spokeswoman said.",
    '"Unbalanced quote, said the minister.',
    "‘Nested “quotes” inside’, he added, '' and ``more'' too.",
    "The United States imposed sanctions on Iran in June 2024 and threatened more next year.",
    "China and Japan signed an agreement on 3 March 2023 in Beijing.",
    "مرحبا بكم في الرياض — وزير الخارجية قال",  # right-to-left
    "שלום עליכם",
    "Leaders 🤝 met 🇷🇺🇰🇵 in 🏛️ today.",
    "<p>Russia <b>attacked</b> Ukraine</p><script>alert(1)</script>",
    "&lt;tag&gt; &amp; &#x27; entities",
    "Putin:\nKim Jong Un: Thank you.\nVladimir Putin: Welcome.",
    "On Monday, last year, in the 1990s, by 2030, on 31 February 2024, and in week 38.",
    "Turkey’s Erdoğan and Çavuşoğlu met Mevlüt in Ankara.",
]
SEPARATORS = st.sampled_from(
    [" ", "\n", "\n\n", '"', "“", "”", "‘", "’", "'", "\t", "\u200b", "\u202e", "\x00", "\r\n"]
)
PIECES = st.one_of(
    st.sampled_from(SENTENCES),
    st.text(max_size=120),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), max_size=12),
    st.builds(lambda s, n: " ".join([s] * n), st.sampled_from(SENTENCES[:7]), st.integers(1, 60)),  # giant paragraphs
)
ARTICLES = st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=10).map(
    lambda parts: "".join(p + s for p, s in parts)
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(str))
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def _check(doc: dyad.Document, validator: jsonschema.Draft202012Validator) -> None:
    text = doc.article.text
    for span in [m for a in doc.actors for m in a.mentions] + [m for p in doc.places for m in p.mentions]:
        assert text[span.start : span.end] == span.text
    for span in [m for t in doc.topics for m in t.mentions]:
        assert text[span.start : span.end] == span.text
    for d in doc.dates:
        assert text[d.start : d.end] == d.text
        if d.value is not None:
            assert DATE_VALUE.match(d.value), d.value
            if len(d.value) == 10:
                date.fromisoformat(d.value)
    actors, places = {a.id for a in doc.actors}, {p.id for p in doc.places}
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or q.speaker in actors
    for e in doc.events:
        assert set(e["sources"]) <= actors and set(e["targets"]) <= actors
        assert e["place"] is None or e["place"] in places
        if e["date"] is not None:
            assert DATE_VALUE.match(e["date"]), e["date"]
        for ev in e["evidence"]:
            trigger = ev["trigger"]
            assert ev["start"] <= trigger["start"] < trigger["end"] <= ev["end"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    errors = sorted(validator.iter_errors(json.loads(json.dumps(doc.to_dict()))), key=str)
    assert not errors, errors[0].message


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 100,  # the bounded run is the same every time; long runs explore
)
@given(text=ARTICLES, published=PUBLISHED)
def test_extract_never_fails_and_what_it_returns_holds(schema, text, published):
    validator = jsonschema.Draft202012Validator(schema)
    try:
        doc = dyad.extract(text, published=published)
    except (InputError, NotEnglishError):
        return  # a clear, expected refusal (empty, too big, binary-looking, another language)
    _check(doc, validator)
