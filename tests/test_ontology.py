"""The CAMEO/PLOVER ontology tables."""

import pytest

from dyad import ontology


def test_codes_map_to_plover_types_quads_and_scores():
    visit = ontology.code("042")
    assert (visit.plover, visit.mode, visit.quad, visit.goldstein) == ("CONSULT", "visit", "verbal_cooperation", 1.9)
    sign = ontology.code("057")
    assert (sign.plover, sign.context, sign.goldstein) == ("SUPPORT", ("diplomatic",), 8.0)
    assert ontology.code("163").plover == "SANCTION"  # sanctions: the manual's definition, not the 2021 table
    assert ontology.code("190").quad == "material_conflict"


def test_subcodes_inherit_from_their_parents():
    assert ontology.code("0841").goldstein == ontology.code("084").goldstein


def test_unknown_codes_are_refused():
    with pytest.raises(KeyError):
        ontology.code("999")
