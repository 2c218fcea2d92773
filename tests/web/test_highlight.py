"""Marked-up text: escaped, well nested when spans nest or cross, every character kept once."""

from __future__ import annotations

import re

from dyad.web.highlight import Mark, render


def _text_of(html: str) -> str:
    import html as lib

    return lib.unescape(re.sub(r"<[^>]+>", "", html))


def test_nested_and_crossing_spans_stay_well_formed():
    text = 'Putin said: "Russia <and> Korea" today.'
    marks = [
        Mark(12, 33, "quote", "quote"),
        Mark(13, 19, "state", "Russia"),
        Mark(0, 5, "person", "Putin", "/actor/1"),
        Mark(26, 38, "date", "crossing the quote's end"),
    ]
    html = str(render(text, marks))
    assert _text_of(html) == text
    assert "&lt;and&gt;" in html and "<and>" not in html
    assert html.count("<mark") == html.count("</mark>")
    assert '<a class="mark person" href="/actor/1" title="Putin">Putin</a>' in html
    assert '<mark class="quote" title="quote"><mark class="state" title="Russia">Russia</mark></mark>' in html


def test_a_window_of_the_text_and_hostile_labels():
    text = "One. Two <b>bold</b>. Three."
    html = str(render(text, [Mark(5, 20, "trigger", '"><script>x</script>')], 5, 21))
    assert _text_of(html) == "Two <b>bold</b>."
    assert "<script>" not in html and "&lt;b&gt;" in html
