"""package step of the pipeline: the archival deposit and its verification.

* :mod:`.bag` — the BagIt 1.0 bag (``bagit`` library; sha256 + sha512 manifests), each file once:
  the site (with the TEI and PDFs it links), the raw sources, the schemas, the records, a README.
* :mod:`.site` — which files of the built site go into it (not Pagefind's unused interfaces).
* :mod:`.metadata` — DataCite 4.5 and Dublin Core records per text and for the edition, made by
  ``xslt/metadata/*.xsl`` from the teiHeader; PREMIS 3 and the README from the inventory.
* :mod:`.inventory` — the facts about every payload file (size, fixity, format, role, maker).
* :mod:`.formats` — a file's format and PRONOM identifier.
* :mod:`.archive` — the byte-reproducible zip of the bag.
* :mod:`.ocfl_store` — the bag as the next version of the edition's OCFL object (``ocfl-py``).
* :mod:`.verify` — fixity and completeness of a bag folder, zip or OCFL object, naming every damaged file.
"""
