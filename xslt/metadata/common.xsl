<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the teiHeader SAYS, independent of any metadata format: titles, names of
  authors and editors (resolved against the person register), dates, licence.
  datacite.xsl and dublin-core.xsl decide how each format SHOWS these facts.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:md="urn:tei-edition:metadata"
  xmlns:ed="urn:tei-edition"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- Free-text values of the records (resourceType) in the interface language: ed:label, and
       the parameter interface-language. -->
  <xsl:include href="../common/labels.xsl"/>
  <xsl:include href="../common/register-refs.xsl"/>

  <!-- The person register (tei/register/persons.xml); empty when the edition has none. -->
  <xsl:param name="register" as="document-node()?" select="()"/>

  <!-- Whitespace-normalised text of an element, ignoring notes (footnotes in titles are apparatus). -->
  <xsl:function name="md:text" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($el//text()[not(ancestor::tei:note)], ''))"/>
  </xsl:function>

  <!-- The first four digits of an ISO 8601 date, or () when the date has none. -->
  <xsl:function name="md:year" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="if (matches($iso, '^\d{4}')) then substring($iso, 1, 4) else ()"/>
  </xsl:function>

  <!-- The register entry a register reference (PREFIX:ID) points to, if the register has it. -->
  <xsl:function name="md:person" as="element(tei:person)?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="id" as="xs:string?" select="ed:register-id(string($ref))"/>
    <xsl:sequence select="$register//tei:person[@xml:id = $id]"/>
  </xsl:function>

  <!-- Authority files a register idno/@type may name: scheme name and URI, as DataCite records them. -->
  <xsl:variable name="md:authorities" as="map(xs:string, xs:string+)" select="map {
    'gnd': ('GND', 'https://d-nb.info/gnd/'),
    'viaf': ('VIAF', 'https://viaf.org/viaf/'),
    'wikidata': ('Wikidata', 'https://www.wikidata.org/wiki/'),
    'orcid': ('ORCID', 'https://orcid.org/'),
    'isni': ('ISNI', 'https://isni.org/isni/') }"/>

  <!--
    One agent (author or editor) as facts: <md:agent type="Personal|Organizational|"
    name="…" given="…" family="…"> with an <md:authority> per authority record. Registered
    persons use the register's regular name ("Surname, Forename") and the register's authority
    IDs; everyone else keeps the text as the header gives it.
  -->
  <xsl:function name="md:agent" as="element(md:agent)">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="person" as="element(tei:person)?"
      select="md:person(($el/descendant-or-self::tei:persName/@ref)[1])"/>
    <xsl:variable name="reg" as="element(tei:persName)?" select="$person/tei:persName[@type = 'reg'][1]"/>
    <md:agent>
      <xsl:choose>
        <xsl:when test="exists($reg)">
          <xsl:attribute name="type" select="'Personal'"/>
          <xsl:attribute name="name" select="md:text($reg)"/>
          <xsl:attribute name="given" select="md:text($reg/tei:forename[1])"/>
          <xsl:attribute name="family" select="md:text($reg/tei:surname[1])"/>
          <xsl:for-each select="$person/tei:idno[normalize-space()][lower-case(@type) = map:keys($md:authorities)]">
            <md:authority scheme="{$md:authorities(lower-case(@type))[1]}" uri="{$md:authorities(lower-case(@type))[2]}">{normalize-space(.)}</md:authority>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$el/descendant-or-self::tei:orgName">
          <xsl:attribute name="type" select="'Organizational'"/>
          <xsl:attribute name="name" select="md:text($el)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="type" select="''"/>
          <xsl:attribute name="name" select="md:text($el)"/>
        </xsl:otherwise>
      </xsl:choose>
    </md:agent>
  </xsl:function>

  <!-- The main title (essays: title[@type='main'], the edition: its only title). -->
  <xsl:function name="md:main-title" as="xs:string">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:variable name="titles" as="element(tei:title)*" select="$header/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="md:text(($titles[@type = 'main'], $titles[not(@type)])[1])"/>
  </xsl:function>

  <xsl:function name="md:subtitle" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:sequence select="($header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'] ! md:text(.))[1]"/>
  </xsl:function>

  <!-- Title and subtitle as one line, the way a citation joins them. -->
  <xsl:function name="md:full-title" as="xs:string">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:sequence select="string-join((md:main-title($header), md:subtitle($header)), '. ')"/>
  </xsl:function>

  <!-- The edition's publication date (ISO 8601): the date of every output. -->
  <xsl:function name="md:issued" as="xs:string">
    <xsl:param name="edition" as="document-node()"/>
    <xsl:sequence select="string($edition/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date/@when)"/>
  </xsl:function>

  <!-- The essay's language (profileDesc/langUsage, else TEI/@xml:lang). -->
  <xsl:function name="md:language" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="(($tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident, $tei/@xml:lang) ! string(.))[1]"/>
  </xsl:function>

  <!-- A description: the essay's editorial abstract, the edition's project description. -->
  <xsl:function name="md:description" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="header" as="element(tei:teiHeader)" select="$tei/tei:teiHeader"/>
    <xsl:sequence select="(($header/tei:profileDesc/tei:abstract, $header/tei:encodingDesc/tei:projectDesc) ! md:text(.))[. ne ''][1]"/>
  </xsl:function>
</xsl:stylesheet>
