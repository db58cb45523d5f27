<?xml version="1.0" encoding="UTF-8"?>
<!-- The input of every page: one corpus document assembled by edition/transform/html.py
     (<ed:corpus><ed:edition>TEI</ed:edition><ed:register>TEI</ed:register><ed:essays>TEI…</ed:essays>),
     and the edition-wide facts every page shows. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="yes" include-content-type="no"
      suppress-indentation="p li h1 h2 h3 h4 h5 h6 dd dt figcaption summary title a span script"/>

  <xsl:strip-space elements="tei:TEI tei:text tei:front tei:body tei:back tei:div tei:docTitle tei:list
      tei:closer tei:listPerson tei:person ed:corpus ed:edition ed:register ed:essays"/>

  <!-- Accumulators (paragraph numbers) apply to the corpus document the pages start from. -->
  <xsl:mode use-accumulators="#all" on-no-match="shallow-skip"/>
  <xsl:global-context-item as="document-node(element(ed:corpus))" use="required"/>

  <xsl:variable name="edition" as="element(tei:TEI)" select="/ed:corpus/ed:edition/tei:TEI"/>
  <xsl:variable name="register" as="element(tei:TEI)" select="/ed:corpus/ed:register/tei:TEI"/>
  <xsl:variable name="essays" as="element(tei:TEI)*" select="/ed:corpus/ed:essays/tei:TEI"/>

  <xsl:variable name="edition-title" as="xs:string"
      select="normalize-space($edition/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
  <xsl:variable name="edition-editors" as="xs:string*"
      select="$edition/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:editor ! normalize-space(.)"/>
  <xsl:variable name="edition-version" as="xs:string"
      select="string($edition/tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition/@n)"/>
  <xsl:variable name="edition-pub" as="element(tei:publicationStmt)"
      select="$edition/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
  <xsl:variable name="edition-date" as="xs:string" select="string($edition-pub/tei:date/@when)"/>
  <xsl:variable name="edition-publisher" as="xs:string" select="normalize-space($edition-pub/tei:publisher)"/>
  <xsl:variable name="edition-place" as="xs:string?" select="$edition-pub/tei:pubPlace ! normalize-space(.)"/>
  <xsl:variable name="edition-licence" as="element(tei:licence)?" select="$edition-pub/tei:availability/tei:licence[1]"/>
  <!-- The published site's base URL, always ending in "/". -->
  <xsl:variable name="base-url" as="xs:string"
      select="replace(normalize-space($edition-pub/tei:idno[@type = 'URL']), '([^/])$', '$1/')"/>

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

  <xsl:function name="ed:essay-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'],
        $tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1])"/>
  </xsl:function>

  <xsl:function name="ed:essay-subtitle" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- "Titel. Untertitel" -->
  <xsl:function name="ed:essay-full-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string-join((ed:essay-title($tei), ed:essay-subtitle($tei)), '. ')"/>
  </xsl:function>

  <xsl:function name="ed:essay-authors" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="ed:essay-abstract" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract[1] ! normalize-space(.)[.]"/>
  </xsl:function>

  <xsl:function name="ed:essay-original" as="element(tei:bibl)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'original'][1]"/>
  </xsl:function>

  <xsl:function name="ed:essay-file" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="ed:essay-id($tei) || '.html'"/>
  </xsl:function>

</xsl:stylesheet>
