"""package step of the pipeline: the archival deposit and its verification.

* :mod:`.sources` — edition facts from ``tei/edition.xml`` (id, version, date, publisher, URL).
* :mod:`.metadata` — DataCite 4.5 and Dublin Core (oai_dc) records per essay and for the edition,
  made by ``xslt/metadata/*.xsl`` from the teiHeader. The edition has no DOI: each record's
  ``identifier`` is the URL the sources give (``publicationStmt/idno[@type='URL']``, plus the
  essay's reading page) with ``identifierType="URL"``, which the 4.5 schema allows.
* :mod:`.bag` — the BagIt 1.0 bag (``bagit`` library; sha256 + sha512 manifests).
* :mod:`.archive` — the byte-reproducible zip of the bag.
* :mod:`.verify` — fixity and completeness of a bag folder or zip, naming every damaged file.
"""
