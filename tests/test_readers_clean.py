"""The canonical abstract: markup, entities, whitespace, copyright tails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyfacts.readers import clean, clean_abstract


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  line one\n   line two\r\n\tline three  ", "line one line two line three"),
        ("CO<sub>2</sub> and H<sub>2</sub>O at 10<sup>3</sup>", "CO2 and H2O at 103"),
        ("<p>First paragraph.</p><p>Second paragraph.</p>", "First paragraph. Second paragraph."),
        ("<i>In vivo</i> and <b>bold</b> and <jats:italic>jats</jats:italic>", "In vivo and bold and jats"),
        (
            '<AbstractText Label="METHODS">We did it.</AbstractText> <AbstractText Label="RESULTS">It worked.'
            "</AbstractText>",
            "METHODS: We did it. RESULTS: It worked.",
        ),
        (
            "<jats:sec><jats:title>Background</jats:title><jats:p>Text.</jats:p></jats:sec>",
            "Background: Text.",
        ),
        ("<h3>Objective</h3> To test.", "Objective: To test."),
        ("p &lt; 0.05 and &#946;-blockers &amp; more", "p < 0.05 and β-blockers & more"),
        ("&amp;lt;p&amp;gt;Escaped twice&amp;lt;/p&amp;gt;", "Escaped twice"),
        ("Mean 5 ± 2 (range 1–9), ≥ 18 years", "Mean 5 ± 2 (range 1–9), ≥ 18 years"),
        ("patients <age 50 and BMI>30 and <or=5 and </=2", "patients <age 50 and BMI>30 and <or=5 and </=2"),
        ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("Non-breaking 10\u00a0761 stays", "Non-breaking 10\u00a0761 stays"),
        ("Results were good. ABSTRACT FROM AUTHOR", "Results were good."),
    ],
)
def test_clean_text_normalisation(raw: str, expected: str) -> None:
    text, copyright = clean_abstract(raw)
    assert text == expected
    assert copyright is None


@pytest.mark.parametrize(
    ("raw", "text", "copyright"),
    [
        (
            "We saw 3 cases. © 2020 Elsevier Ltd. All rights reserved.",
            "We saw 3 cases.",
            "© 2020 Elsevier Ltd. All rights reserved.",
        ),
        (
            "We saw 3 cases. Copyright © 2015 The Society. Published by Elsevier Inc. All rights reserved.",
            "We saw 3 cases.",
            "Copyright © 2015 The Society. Published by Elsevier Inc. All rights reserved.",
        ),
        (
            "We saw 3 cases. (c) 2019 Wiley Periodicals, Inc.",
            "We saw 3 cases.",
            "(c) 2019 Wiley Periodicals, Inc.",
        ),
        (
            "We saw 3 cases. © The Author(s) 2021. "
            "Published by Oxford University Press on behalf of the Society.",
            "We saw 3 cases.",
            "© The Author(s) 2021. Published by Oxford University Press on behalf of the Society.",
        ),
        ("We saw 3 cases. Published by Elsevier B.V.", "We saw 3 cases.", "Published by Elsevier B.V."),
        (
            "We saw 3 cases. (PsycINFO Database Record (c) 2016 APA, all rights reserved)",
            "We saw 3 cases.",
            "(PsycINFO Database Record (c) 2016 APA, all rights reserved)",
        ),
        (
            "We saw 3 cases. (copyright) 2011 Elsevier Ltd.",
            "We saw 3 cases.",
            "(copyright) 2011 Elsevier Ltd.",
        ),
        (
            "We saw 3 cases. Copyright © 2008 Invented Ediciones, S. L.",
            "We saw 3 cases.",
            "Copyright © 2008 Invented Ediciones, S. L.",
        ),
        (
            "We saw 3 cases. © 2021 Doe et al. This is an open access article distributed under "
            "the terms of the Creative Commons Attribution License.",
            "We saw 3 cases.",
            "© 2021 Doe et al. This is an open access article distributed under the terms of the Creative "
            "Commons Attribution License.",
        ),
        (
            "Text. <CopyrightInformation>© 2020 AMPCo Pty Ltd.</CopyrightInformation>",
            "Text.",
            "© 2020 AMPCo Pty Ltd.",
        ),
        ("© 2020 Only a copyright line.", "", "© 2020 Only a copyright line."),
    ],
)
def test_clean_copyright_tail_removed(raw: str, text: str, copyright: str) -> None:
    assert clean_abstract(raw) == (text, copyright)


@pytest.mark.parametrize(
    "raw",
    [
        # © mid-abstract followed by real content
        "Copyright law was studied in 2019. © marks on 30 labels were counted, and 12 raters compared "
        "them with the registered trademarks of 40 firms.",
        "The © symbol on 40 labels was counted. Then 12 raters scored each label, and agreement was high.",
        # enumerations with (c)
        "Aims were (a) to count, (b) to compare, and (c) to report invented numbers.",
        "Three goals: (a) one; (b) two; (c) Three-arm comparison of 40 patients across 3 sites.",
        # a disclosure sentence that mentions a licence is content, not a copyright statement
        "The lens is licensed to an invented company. No other author has a financial interest.",
    ],
)
def test_clean_copyright_not_cut_from_content(raw: str) -> None:
    assert clean_abstract(raw) == (raw, None)


@pytest.mark.parametrize(
    "raw", ["", "   \n\t", "<p> </p>", "[No abstract available]", "No abstract available."]
)
def test_clean_empty_or_placeholder(raw: str) -> None:
    assert clean_abstract(raw) == ("", None)


# normalise_space has a fast path for printable text: it must agree with the general one.
def _slow_normalise_space(text: str) -> str:
    return clean._WS_RE.sub(" ", clean._INVISIBLE_RE.sub("", text)).strip()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x00\x7f\x85\xa0\u2009\u200b\u00ad\u2028\u3000ab.,\u00e9\u00b1\u2013\u03b2"))
def test_normalise_space_fast_path_agrees(text):
    assert clean.normalise_space(text) == _slow_normalise_space(text)
