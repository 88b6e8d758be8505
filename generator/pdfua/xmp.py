"""The XMP metadata that makes both claims: WeasyPrint's (PDF/A-3a, title, author) plus
PDF/UA-1's identification, with the extension schema PDF/A requires for any property
outside its predefined schemas, written uncompressed (PDF/A wants metadata readable
without decoding)."""
from __future__ import annotations

import pikepdf
from pikepdf import Name

PDFUA = """<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
  xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the document conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""
END = "</rdf:RDF>"


def claim_pdfua(pdf: pikepdf.Pdf) -> None:
    """Add the PDF/UA-1 identification to the document's XMP, uncompressed."""
    xmp = bytes(pdf.Root.Metadata.read_bytes()).decode()
    if xmp.count(END) != 1:
        raise ValueError("WeasyPrint's XMP has changed shape: expected one </rdf:RDF>")
    stream = pikepdf.Stream(pdf, xmp.replace(END, PDFUA + END).encode())
    stream.Type = Name.Metadata
    stream.Subtype = Name.XML
    pdf.Root.Metadata = pdf.make_indirect(stream)
