"""The readers against the real export files in ../shared/corpus.

Every MANIFEST row: exact record count, at least the manifest's number of non-empty
abstracts, and the detected format. Then cross-format equivalence: the same study
exported by different tools gives the same canonical abstract.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from studyfacts.readers import RawRecord, detect_format, read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
MANIFEST = CORPUS / "MANIFEST.tsv"

pytestmark = pytest.mark.skipif(
    not MANIFEST.is_file(), reason=f"corpus not available: {MANIFEST} is missing (expected ../shared/corpus)"
)


def _manifest_rows() -> list[dict[str, str]]:
    if not MANIFEST.is_file():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ROWS = _manifest_rows()
_CACHE: dict[str, list[RawRecord]] = {}


def _records(rel: str) -> list[RawRecord]:
    if rel not in _CACHE:
        _CACHE[rel] = list(read(CORPUS / rel))
    return _CACHE[rel]


@pytest.mark.parametrize("row", ROWS, ids=[r["path"] for r in ROWS])
def test_corpus_manifest_counts_and_format(row: dict[str, str]) -> None:
    records = _records(row["path"])
    assert len(records) == int(row["records"])
    with_abstract = sum(1 for r in records if r.abstract)
    assert with_abstract >= int(row["with_abstract"])
    assert {r.format for r in records} == {row["format"]}
    assert [r.index for r in records] == list(range(len(records)))


def test_corpus_manifest_lists_every_file() -> None:
    listed = {r["path"] for r in ROWS}
    on_disk = {
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name not in {"MANIFEST.tsv", "PROVENANCE.md"}
    }
    assert on_disk == listed


@pytest.mark.parametrize(
    "row",
    [r for r in ROWS if not r["path"].endswith(".gz")],
    ids=[r["path"] for r in ROWS if not r["path"].endswith(".gz")],
)
def test_corpus_detect_format_from_head(row: dict[str, str]) -> None:
    head = (CORPUS / row["path"]).read_bytes()[:4096].decode("utf-8", errors="replace")
    assert detect_format(head) == row["format"]


def test_corpus_abstracts_are_canonical() -> None:
    """No markup, no double spaces, no leading/trailing space in any corpus abstract."""
    bad = []
    for row in ROWS:
        for r in _records(row["path"]):
            a = r.abstract
            if a is None:
                continue
            if (
                a != a.strip()
                or "  " in a
                or "\n" in a
                or re.search(r"</?(?:jats:|AbstractText|p>|sub>|sup>|i>)", a)
            ):
                bad.append((row["path"], r.index, a[:80]))
    assert bad == []


def test_corpus_record_lines_increase() -> None:
    for row in ROWS:
        lines = [r.line for r in _records(row["path"])]
        if row["format"] == "endnote-xml":  # a single-line file
            assert set(lines) == {1}
            continue
        assert all(isinstance(n, int) and n >= 1 for n in lines), row["path"]
        assert lines == sorted(lines), row["path"]


# ---------------------------------------------------------------------------
# Cross-format equivalence
# ---------------------------------------------------------------------------


def _ws(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# PubMed's MEDLINE text export transliterates to ASCII (older records): accents are
# dropped, Greek letters spelled out, and a few symbols rewritten. The XML keeps the
# original characters. Folding both sides the same way shows nothing else differs.
_MEDLINE_ASCII = {
    "±": "+/-",
    "≤": "</=",
    "≥": ">/=",
    "©": "(c)",
    "°": " degrees ",
    "→": "-->",
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "κ": "kappa",
    "μ": "mu",
    "µ": "mu",
    "χ": "chi",
    "®": "(R)",
    "™": "(TM)",
    "’": "'",
    "ß": "ss",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "ł": "l",
    "ı": "i",
}


def _ascii_fold(text: str | None) -> str:
    text = _ws(text)
    for char, ascii_ in _MEDLINE_ASCII.items():
        text = text.replace(char, ascii_)
    # MEDLINE writes a superscript as "(2)" ("chi(2)"), the XML's itertext as "2" ("χ2")
    text = re.sub(r"(?<=chi)\((\d+)\)", r"\1", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _ws(text)


def _by(records: list[RawRecord], key: str) -> dict[str, RawRecord]:
    out: dict[str, RawRecord] = {}
    for r in records:
        value = getattr(r, key)
        if value and value not in out:
            out[value] = r
    return out


def test_corpus_crossformat_p1m_nbib_subset_of_pubmed_xml() -> None:
    nbib = _by(_records("p1m-ortho/citations.nbib"), "pmid")
    xml = _by(_records("p1m-ortho/pubmed_result.xml"), "pmid")
    assert len(nbib) == 200 and set(nbib) <= set(xml)
    exact = sum(1 for k in nbib if _ws(nbib[k].abstract) == _ws(xml[k].abstract))
    folded = [k for k in nbib if _ascii_fold(nbib[k].abstract) != _ascii_fold(xml[k].abstract)]
    assert folded == []
    # 18 records differ only by MEDLINE's ASCII transliteration (±, ≤, accents, Greek)
    assert exact >= 180
    # titles, years and DOIs agree too
    for k in nbib:
        assert _ascii_fold(nbib[k].title) == _ascii_fold(xml[k].title), k
        assert nbib[k].year == xml[k].year, k
        assert [_ascii_fold(a) for a in nbib[k].authors] == [_ascii_fold(a) for a in xml[k].authors], k
        assert [_ascii_fold(w) for w in nbib[k].keywords] == [_ascii_fold(w) for w in xml[k].keywords], k
        if nbib[k].doi and xml[k].doi:
            assert nbib[k].doi.lower() == xml[k].doi.lower(), k


@pytest.mark.parametrize(
    ("a", "b", "key"),
    [
        ("iebh-reflib/blue-light.nbib", "iebh-reflib/blue-light.xml", "pmid"),
        ("iebh-reflib/blue-light.nbib", "iebh-reflib/blue-light.ris", "pmid"),
        ("iebh-reflib/blue-light.ris", "iebh-reflib/blue-light.xml", "accession"),
        (
            "asreview-synergy/DOKU_All Included_20200116_cap.txt",
            "asreview-synergy/DOKU_All Included_20200116_cap.ris",
            "accession",
        ),
        (
            "asreview-synergy/DOKU_All FT-Screening_20200116_cap.txt",
            "asreview-synergy/DOKU_All FT-Screening_20200116_cap.ris",
            "accession",
        ),
        ("asreview-tests/ovid_psycinfo.ris", "asreview-tests/ovid_zotero.ris", "doi"),
    ],
    ids=[
        "blue-light nbib~xml",
        "blue-light nbib~ris",
        "blue-light ris~xml",
        "wilson included txt~ris",
        "wilson screening txt~ris",
        "ovid psycinfo~zotero",
    ],
)
def test_corpus_crossformat_same_abstracts(a: str, b: str, key: str) -> None:
    left, right = _by(_records(a), key), _by(_records(b), key)
    common = set(left) & set(right)
    assert len(common) >= 0.95 * min(len(left), len(right))
    differing = [k for k in common if _ws(left[k].abstract) != _ws(right[k].abstract)]
    assert differing == []
