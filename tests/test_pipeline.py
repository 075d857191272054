"""The pipeline around the fact families: what it refuses to read, and how it stays whole."""

from __future__ import annotations

import pytest

from studyfacts.pipeline import PIPELINE, build_nlp, compilation_reason, index_reason

SECTION = "Objective: To test a thing. Methods: We enrolled {n} patients. Results: It worked. "


@pytest.mark.parametrize(
    ("text", "compiled"),
    [
        (SECTION.format(n=40), False),
        (SECTION.format(n=40) + "Conclusion: Fine.", False),
        (SECTION.format(n=40) * 2, False),  # a duplicated abstract is still one study
        (SECTION.format(n=40) + SECTION.format(n=12) + SECTION.format(n=99), True),  # congress abstracts
        ("Trial one found X. See the accompanying Editorial on page 3. Cohort two found Y. "
         "See the accompanying Editorial on page 9.", True),
    ],
)
def test_pipeline_compilation_reason(text, compiled):
    assert (compilation_reason(text) is not None) == compiled


def test_pipeline_compilation_gives_no_facts_and_says_why(extract):
    record = extract(SECTION.format(n=40) + SECTION.format(n=12) + SECTION.format(n=99))
    assert record.population.patients is None
    assert any("compilation of several studies" in w for w in record.warnings)


# a book's index, invented: terms, each with its page numbers
_TERMS = ["Activists", "Budgets", "Children", "Dairy farming", "Elections", "Forests", "Grain prices", "Harbours",
          "Islands", "Journalists", "Kinship", "Land reform", "Markets", "Nurses", "Oil", "Patients", "Quarries",
          "Rivers", "Schools", "Tourism", "Unions", "Villages", "Wages", "Youth", "Zoning", "Archives", "Bridges"]
BOOK_INDEX = "INDEX " + " ".join(f"{t}, {12 + 7 * i}, {40 + 3 * i}\u2013{44 + 3 * i}" for i, t in enumerate(_TERMS))


@pytest.mark.parametrize(
    ("text", "index"),
    [
        (BOOK_INDEX, True),
        (BOOK_INDEX.replace(", ", "; "), False),  # no term followed by its pages
        (SECTION.format(n=40), False),
        # a real abstract's few number-then-capital pairs
        ("Methods: We enrolled 40 patients in 2019, 2020 Spring and 2021, 12 Centres took part. Results: "
         "Pain fell, 30 Patients improved.", False),
    ],
)
def test_pipeline_index_reason(text, index):
    assert (index_reason(text) is not None) == index


def test_pipeline_book_index_gives_no_facts_and_says_why(extract):
    record = extract(BOOK_INDEX)
    assert record.population.patients is None
    assert any("book's index" in str(w) for w in record.warnings)


def test_pipeline_order_is_written_once():
    assert build_nlp().pipe_names == [name.removeprefix("studyfacts_") for name in PIPELINE]


def test_pipeline_component_failure_keeps_the_record(extract, monkeypatch):
    from studyfacts.components import pain

    def boom(self, doc, draft):
        raise RuntimeError("bad rule")

    monkeypatch.setattr(pain.PainComponent, "resolve", boom)
    record = extract("We enrolled 40 patients.")
    assert record.population.patients is not None
    assert any("internal error in pain: RuntimeError: bad rule" in w for w in record.warnings)


# A batch holding every kind of record: facts, none, no abstract, too long, a compilation.
BATCH_TEXTS = [
    "In this retrospective study, 52 patients (30 women) underwent ablation of 61 tumours.",
    None,
    "Pain fell from 7.1 to 2.3 on the VAS at 6 months; 3 of 40 patients (7.5%) had complications.",
    "   ",
    SECTION.format(n=40) + SECTION.format(n=12) + SECTION.format(n=99),
    "We report a case.",
    "A prospective multicentre trial randomised 120 adults between 2012 and 2016. " * 2,
]


def _raws(texts):
    from studyfacts.readers.base import RawRecord

    return [RawRecord(path="<batch>", index=i, format="text", abstract=t) for i, t in enumerate(texts)]


def test_pipeline_batch_gives_what_one_at_a_time_gives():
    from studyfacts.pipeline import MAX_ABSTRACT_CHARS, extract_record, extract_records

    texts = [*BATCH_TEXTS, "x " * (MAX_ABSTRACT_CHARS // 2 + 1)]
    raws = _raws(texts)
    alone = [extract_record(r).model_dump_json() for r in raws]
    together = [r.model_dump_json() for r in extract_records(raws)]
    assert together == alone
    assert extract_records([]) == []


def test_pipeline_batch_matches_one_at_a_time_on_real_files():
    from studyfacts.pipeline import extract_record, extract_records
    from studyfacts.readers import read

    from .conftest import need_shared

    corpus = need_shared() / "corpus"
    for name in ("p1m-ortho/pubmed_result_45_medline.txt", "iebh-reflib/blue-light.ris"):
        path = corpus / name
        if not path.exists():
            pytest.skip(f"{path} is absent")
        raws = list(read(path))
        assert [r.model_dump_json() for r in extract_records(raws)] == [
            extract_record(r).model_dump_json() for r in raws
        ]


def test_pipeline_batch_failure_in_one_record_costs_that_record_only(monkeypatch):
    from studyfacts.components import cohort
    from studyfacts.pipeline import extract_record, extract_records

    raws = _raws(BATCH_TEXTS)
    alone = [extract_record(r) for r in raws]
    real = cohort.CohortComponent.__call__

    def boom(self, doc):
        if "ablation" in doc.user_data[("studyfacts", "text")]:
            raise RuntimeError("broken matcher")
        return real(self, doc)

    monkeypatch.setattr(cohort.CohortComponent, "__call__", boom)
    got = extract_records(raws)
    assert got[0].population.patients is None
    assert got[0].abstract == BATCH_TEXTS[0]
    assert [(w.code, w.message) for w in got[0].warnings] == [
        ("internal_error", "internal error in cohort: RuntimeError: broken matcher")
    ]
    assert [r.model_dump_json() for r in got[1:]] == [r.model_dump_json() for r in alone[1:]]


def test_pipeline_as_a_spacy_pipeline_puts_candidates_in_doc_spans():
    # `nlp(text)` is the spaCy way in: each family's candidates are spans of `doc.spans[family]`;
    # `extract_records` reads the hits directly and skips building these spans
    doc = build_nlp()("Methods: We enrolled 40 patients in a randomised trial.")
    assert [s.text for s in doc.spans["cohort"]] == ["40 patients"]
    assert "randomised" in [s.text for s in doc.spans["design"]]


def test_pipeline_tokens_are_spacys_though_unread_word_attributes_are_not_computed():
    import spacy

    text = "METHODS: Sixty-two adults (n = 62; 40% women) were seen in 2019-2020... Pain fell (p<0.01)!"
    nlp = build_nlp()
    bare = spacy.blank("en")
    assert [(t.text, t.idx) for t in nlp.make_doc(text)] == [(t.text, t.idx) for t in bare.make_doc(text)]
    # the one word attribute the sentence splitter reads is still computed
    assert [t.is_punct for t in nlp.make_doc(text)] == [t.is_punct for t in bare.make_doc(text)]
    assert len(nlp.vocab.lex_attr_getters) < len(bare.vocab.lex_attr_getters)


def test_unicode_hyphens_are_read_as_hyphens_and_spans_keep_them(extract):
    # Wiley's U+2010 and the non-breaking U+2011: read as "-" by the rules, one character for one, so each
    # value still points at the abstract's own characters
    text = "METHODS: A prospective, multi\u2010centre study. The mean follow\u2011up was 26 months."
    rec = extract(text)
    assert rec.design.multicenter is True
    fu = rec.follow_up[0]
    assert fu.mean == 26 and fu.unit == "months"
    assert fu.span.text == text[fu.span.start : fu.span.end] and "\u2011" in fu.span.text
    assert rec.abstract == text
