"""scripts/build_verbs.py over small verb dictionaries written here, in PETRARCH-2's format: the build must
run without ../shared, so none of these come from the real CAMEO.2.0.txt."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("build_verbs", ROOT / "scripts" / "build_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_verbs"] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


bv = _load_script()

NOTICE = """\
# A SMALL VERB DICTIONARY FOR TESTS
#
# The MIT License (MIT)
#
# Copyright (c) 2031 Nobody In Particular
#
# Permission is hereby granted to do anything with this file.
# THE FILE IS PROVIDED "AS IS" AND IN NO EVENT SHALL ANYONE BE LIABLE FOR THE USE OR OTHER
# DEALINGS IN THE FILE.
#
# Last touched: never
"""

SNIPPET = (
    NOTICE
    + """
&ACCORD_WORDS
+PACT
+TRUCE
+PEACE_ACCORD

&FIREARM_
+RIFLES
+MACHINE_GUN

---  COMMEND   [051]  ---
COMMEND
LAUD {LAUDS LAUDED LAUDING}  # an irregular-looking list, not lemmas
EXTOL [---]
UTTER [010]
- * (FOR BRAVERY)                          [051]   # COMMEND

---  SEAL   [---]  ---
SEAL
+SIGN_OFF {+SIGNS_OFF +SIGNED_OFF}
+AGREE_TO [030]
- * &ACCORD_WORDS                          [057]   # SEAL
- * (WITH)                                 [057:046]   # SEAL
- * (TO {TRADE TALKS})                     [046]   # SEAL
- * GUARANTEES                             [030]   # SEAL
- * STATEMENT                              [010]   # SEAL
- * DEAL                                   [:057]  # SEAL
- * LETTER                                 [---]   # SEAL
- ENVOY *                                  [057]   # SEAL
- * PACT (WITH ^)                          [057]   # SEAL
- * &NO_SUCH_SET                           [057]   # SEAL
- * OFF TALKS                              [160]   # SEAL
- * UP                                     [057]   # SEAL

---  SHOOT   [190]  ---
SHOOT {SHOOTS SHOT SHOOTING}
SEE
SAW
FOUND
GIVE
- * &FIREARM                               [193]   # SHOOT
- * ASSAULT                                [190]   # SHOOT
- * {WORDY ASSAULT}                        [111]   # SHOOT
- * {GENERAL STRIKE}                       [143]   # SHOOT
- * {MISSILE STRIKE}                       [195]   # SHOOT
- * (AT $)                                 [190]   # SHOOT
- * AID                                    [070]   # GIVE

---  OPEN   [---]  ---
OPEN
START
- * OFFENSIVE                              [190]   # STARTED
- * CLINIC                                 [070]   # added 2031
"""
)


@pytest.fixture(scope="module")
def words():
    return bv.SpacyWords()


def lines(snippet: str, words, scope: str = "source") -> tuple[list[str], object]:
    rows, stats = bv.build(bv.parse(snippet), words, bv.plover_known, scope)
    return [row.line() for row in rows], stats


def test_default_codes_give_bare_rows(words):
    rows, _ = lines(SNIPPET, words)
    assert "commend\tV\t051" in rows
    assert "laud\tV\t051" in rows
    assert "shoot\tV\t190" in rows
    assert not any(r.startswith("extol\t") for r in rows)  # its own [---] silences the block's code
    assert not any(r.startswith("utter\t") for r in rows)  # 010 has no PLOVER type
    assert not any(r.startswith("seal\tV\t") and r.count("\t") == 2 for r in rows)  # block [---]: no bare row


def test_irregular_forms_are_not_lemmas(words):
    lemmas = {r.split("\t")[0] for r in lines(SNIPPET, words)[0]}
    assert not lemmas & {"lauds", "lauded", "shot", "shoots", "signed"}
    assert "see" in lemmas and "saw" not in lemmas  # "SAW" beside "SEE" in its block is a form of see
    assert "found" in lemmas and "find" not in lemmas  # no FIND in the block: "FOUND" is the verb to found


def test_object_and_prep_patterns(words):
    rows, _ = lines(SNIPPET, words)
    assert "seal\tV\t030\tguarantee" in rows  # plural lemmatised
    assert "commend\tV\t051\tbravery\tfor" in rows
    assert "seal\tV\t046\ttalk\tto" in rows  # head of {TRADE TALKS}
    assert "seal\tV\t057\t-\twith" in rows  # first code of [057:046], preposition alone
    assert "shoot\tV\t190\t-\tat" in rows  # the target marker is no object
    assert "agree\tV\t030\t-\tto" in rows  # "+AGREE_TO": verb and preposition


def test_synsets_expand_to_their_members(words):
    rows, stats = lines(SNIPPET, words)
    assert "seal\tV\t057\tpact|truce" in rows
    assert "shoot\tV\t193\trifle" in rows  # plural lemmatised
    # members of several words are left out: the columns cannot ask for "machine gun", and "gun" is broader
    assert not any("accord" in r or "gun" in r for r in rows)
    assert stats.synset_phrases == 2


def test_closest_pattern_wins_and_split_heads_go(words):
    rows, stats = lines(SNIPPET, words)
    assert "shoot\tV\t190\tassault" in rows
    assert not any(r.startswith("shoot\tV\t111\t") for r in rows)  # {WORDY ASSAULT} yields to ASSAULT
    assert not any("strike" in r for r in rows)  # {GENERAL STRIKE} 143 or {MISSILE STRIKE} 195: no telling
    assert stats.outranked == 1 and stats.split_heads == 1


def test_generic_verbs_need_an_object(words):
    rows, stats = lines(SNIPPET, words)
    assert "give\tV\t070\taid" in rows
    assert not any(r.startswith("give\tV\t190") for r in rows)
    assert stats.generic == 1


def test_skipped_patterns_are_counted_by_reason(words):
    _, stats = lines(SNIPPET, words)
    skipped = stats.skipped_patterns
    assert skipped["no PLOVER type"] == 1
    assert skipped["secondary code only"] == 1
    assert skipped["null code"] == 1
    assert skipped["words before the verb"] == 1
    assert skipped["several phrases"] == 1
    assert skipped["undefined synset"] == 1
    assert skipped["particle"] == 2
    assert stats.skipped_verbs["particle verb"] == 1  # +SIGN_OFF
    assert "010" in stats.unknown_codes
    assert stats.patterns == 22 and stats.blocks == 4
    summary = stats.summary(10)
    assert summary.startswith("10 rows written; 4 blocks;") and "22 patterns read (8 skipped:" in summary
    assert "\n" not in summary


def test_scope(words):
    source, _ = lines(SNIPPET, words, "source")
    block, stats = lines(SNIPPET, words, "block")
    assert "start\tV\t190\toffensive" in source and "open\tV\t190\toffensive" not in source
    assert "open\tV\t190\toffensive" in block
    assert "open\tV\t070\tclinic" in source and "start\tV\t070\tclinic" in source  # no verb named: whole block
    # "+AGREE_TO" takes a pattern's objects after its own preposition, but no second preposition
    assert "agree\tV\t057\tpact|truce\tto" in block
    assert not any(r.startswith("agree\tV\t057\t-") or r.startswith("agree\tV\t046") for r in block)
    assert stats.combinations == 2


def test_rows_are_sorted_and_unique(words):
    rows, _ = lines(SNIPPET, words)
    keys = [(r.split("\t")[0], r.split("\t")[2]) for r in rows]
    assert keys == sorted(keys)
    assert len(rows) == len(set(rows))


def test_main_writes_a_deterministic_file_with_the_notice(tmp_path, capsys):
    source = tmp_path / "verbs.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    out = tmp_path / "out" / "cameo_verbs.tsv"
    assert bv.main(["--source", str(source), "--output", str(out)]) == 0
    first = out.read_bytes()
    assert bv.main(["--source", str(source), "--output", str(out)]) == 0
    assert out.read_bytes() == first
    text = first.decode()
    assert text.startswith("# CAMEO verb triggers, generated by scripts/build_verbs.py from CAMEO.2.0.txt")
    assert "commit 676801c" in text and "Do not edit by hand" in text
    assert "# The MIT License (MIT)\n#\n# Copyright (c) 2031 Nobody In Particular\n" in text
    assert "# DEALINGS IN THE FILE.\n" in text and "Last touched" not in text
    assert "seal\tV\t057\tpact|truce\n" in text
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 2 and "rows written" in printed[-1]


def test_missing_source_is_a_one_line_error(tmp_path, capsys):
    assert bv.main(["--source", str(tmp_path / "absent.txt"), "--output", str(tmp_path / "x.tsv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "absent.txt" in err
    assert not (tmp_path / "x.tsv").exists()


def test_source_without_notice_is_refused(tmp_path, capsys):
    source = tmp_path / "verbs.txt"
    source.write_text("# no licence here\n---  SEAL   [057]  ---\nSEAL\n", encoding="utf-8")
    assert bv.main(["--source", str(source), "--output", str(tmp_path / "x.tsv")]) == 2
    assert "MIT" in capsys.readouterr().err


def test_the_generated_data_file_reads_as_a_lexicon():
    path = ROOT / "src" / "dyad" / "extract" / "data" / "cameo_verbs.tsv"
    if not path.exists():
        pytest.skip("no generated data file")
    from dyad import ontology

    text = path.read_text(encoding="utf-8")
    assert "generated by scripts/build_verbs.py" in text.splitlines()[0]
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        assert 3 <= len(cells) <= 5 and cells[1] == "V", line
        ontology.code(cells[2])
