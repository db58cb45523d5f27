<?xml version="1.0" encoding="UTF-8"?>
<!-- The input of every page: one corpus document assembled by edition/transform/html.py
     (<ed:corpus><ed:edition>TEI</ed:edition><ed:register>TEI</ed:register><ed:essays>TEI…</ed:essays>),
     where the corpus pages read the texts' summaries (summary.xsl) in place of the texts
     (<ed:summaries>ed:summary…</ed:summaries>), and the edition-wide facts every page shows. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="yes" include-content-type="no"
      suppress-indentation="p li h1 h2 h3 h4 h5 h6 dd dt figcaption summary title a span script"/>

  <xsl:strip-space elements="tei:TEI tei:text tei:front tei:body tei:back tei:div tei:docTitle tei:list
      tei:closer tei:listPerson tei:person ed:corpus ed:edition ed:register ed:essays ed:summaries"/>

  <!-- Accumulators (paragraph numbers) apply to the corpus document the pages start from. -->
  <xsl:mode use-accumulators="#all" on-no-match="shallow-skip"/>
  <xsl:global-context-item as="document-node(element(ed:corpus))" use="required"/>

  <xsl:variable name="edition" as="element(tei:TEI)" select="/ed:corpus/ed:edition/tei:TEI"/>
  <xsl:variable name="register" as="element(tei:TEI)" select="/ed:corpus/ed:register/tei:TEI"/>
  <xsl:variable name="essays" as="element(tei:TEI)*" select="/ed:corpus/ed:essays/tei:TEI"/>

  <xsl:variable name="ed:edition-facts" as="map(xs:string, item()*)" select="ed:edition-facts($edition)"/>
  <xsl:variable name="edition-title" as="xs:string" select="$ed:edition-facts?title"/>
  <xsl:variable name="edition-editors" as="xs:string*" select="$ed:edition-facts?editors"/>
  <xsl:variable name="edition-version" as="xs:string" select="$ed:edition-facts?version"/>
  <xsl:variable name="edition-date" as="xs:string" select="$ed:edition-facts?date"/>
  <xsl:variable name="edition-publisher" as="xs:string" select="$ed:edition-facts?publisher"/>
  <xsl:variable name="edition-place" as="xs:string?" select="$ed:edition-facts?place"/>
  <xsl:variable name="edition-licence" as="element(tei:licence)?" select="$ed:edition-facts?licence"/>
  <!-- The published site's base URL, always ending in "/". -->
  <xsl:variable name="base-url" as="xs:string" select="$ed:edition-facts?url"/>

  <!-- The published address of a file of the site; none while the edition has no base URL
       (edition.toml leaves it out until there is one: no address is invented). -->
  <xsl:function name="ed:published-url" as="xs:string?">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="if ($base-url) then $base-url || $path else ()"/>
  </xsl:function>

  <!-- Facts about one essay's header. -->
  <xsl:function name="ed:essay-id" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string($tei/@xml:id)"/>
  </xsl:function>

  <!-- Titles, authors, abstract, source: xslt/common/facts.xsl (shared with the PDF). -->

  <xsl:function name="ed:essay-file" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="ed:essay-id($tei) || '.html'"/>
  </xsl:function>

</xsl:stylesheet>
