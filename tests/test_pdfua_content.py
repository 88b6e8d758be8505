"""Unclaimed marked content becomes an Artifact by a rewrite of the bytes WeasyPrint (pydyf)
wrote, not by parsing and writing out every content stream: the rewrite gives the same
operators as pikepdf's parser, on every page of the examples, and leaves to the parser any
stream whose bytes it cannot be sure of."""
from __future__ import annotations

import pikepdf
import pytest

from generator.pdfua.content import by_bytes, by_parsing
from tests.conftest import FORBUND

# Every third MCID claimed: both paths have plenty to rewrite and plenty to keep.
CLAIMED = dict.fromkeys(range(0, 5000, 3))


def same_operators(pdf: pikepdf.Pdf, page: pikepdf.Page, claimed: dict) -> None:
    rewritten = by_bytes(page.obj.Contents.read_bytes(), claimed)
    assert rewritten is not None, "WeasyPrint's stream is in pydyf's plain form"
    data, count = rewritten
    parsed, parsed_count = by_parsing(page, claimed)
    again = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(pdf.make_stream(data)))
    assert (again, count) == (parsed, parsed_count)


@pytest.mark.parametrize("name", FORBUND)
def test_the_byte_rewrite_gives_the_parsers_operators_on_every_page(built, name):
    with pikepdf.open(built[name]["pdf"]) as pdf:
        for page in pdf.pages:
            same_operators(pdf, page, CLAIMED)


def test_a_sequence_at_the_start_of_a_stream_is_rewritten():
    assert by_bytes(b"/P\n<</MCID 0>>\nBDC\nEMC", {}) == (b"/Artifact\nBMC\nEMC", 1)
    assert by_bytes(b"/P\n<</MCID 0>>\nBDC\nEMC", {0: None}) == (b"/P\n<</MCID 0>>\nBDC\nEMC", 0)


def test_a_hex_string_with_the_letters_bdc_is_only_text():
    stream = b"/Span\n<</MCID 4>>\nBDC\nBT\n[<0BDC>0<BDC0>] TJ\nET\nEMC"
    assert by_bytes(stream, {}) == (b"/Artifact\nBMC\nBT\n[<0BDC>0<BDC0>] TJ\nET\nEMC", 1)


@pytest.mark.parametrize("stream", [
    b"BT\n(\n/P\n<</MCID 1>>\nBDC\n) Tj\nET",  # a literal string that looks like an operator
    b"% /P\n<</MCID 1>>\nBDC\n",  # a comment
    b"BI\n/W 1 /H 1\nID\n\n/P\n<</MCID 1>>\nBDC\nEI",  # an inline image's data
    b"/P <</MCID 1>> BDC\nEMC",  # not one token a line
    b"/P\n<</MCID 1 /Lang (sv)>>\nBDC\nEMC",  # more than the MCID
])
def test_what_the_bytes_cannot_vouch_for_goes_to_the_parser(stream):
    assert by_bytes(stream, {}) is None
