<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiHeader → DataCite Metadata Schema 4.5 (kernel-4), one record per essay and one
  for the edition.

  Source: a text's TEI document, or the edition document (generated from edition.toml) for the
  edition's record. The identifier is the edition's persistent identifier where edition.toml
  gives one (DOI, URN, Handle, ARK; edition record), else the published URL (the base URL, plus
  the reading page's path for a text), else — an edition with no address yet — the record's
  name inside the deposit with identifierType="Local": nothing is invented.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:md="urn:tei-edition:metadata"
  xmlns:ed="urn:tei-edition"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns="http://datacite.org/schema/kernel-4"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- tei/edition.xml: publisher, date, version and URL of the whole edition. -->
  <xsl:param name="edition" as="document-node()" required="yes"/>
  <!-- The record's own URL (the essay's reading page, or the edition's base URL). -->
  <xsl:param name="url" as="xs:string" required="yes"/>
  <!-- Edition record only: <parts><part url="…">essay TEI</part>…</parts>. -->
  <xsl:param name="parts" as="document-node()?" select="()"/>
  <!-- The record's name in the deposit, its identifier when it has no URL. -->
  <xsl:param name="local-id" as="xs:string" required="yes"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="agent" on-no-match="fail"/>

  <xsl:variable name="edition-header" as="element(tei:teiHeader)" select="$edition/tei:TEI/tei:teiHeader"/>
  <!-- The edition's persistent identifier, where edition.toml gives one. -->
  <xsl:variable name="edition-pid" as="element(tei:idno)?"
    select="$edition-header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = ('DOI', 'URN', 'Handle', 'ARK')][1]"/>
  <xsl:variable name="edition-url" as="xs:string"
    select="string($edition-header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URL'])"/>

  <!-- The edition: the texts' authors and the edition's editors are its creators, its texts its parts. -->
  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI[exists($parts)]" priority="2">
    <xsl:variable name="stmt" as="element(tei:titleStmt)" select="tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <resource xsi:schemaLocation="http://datacite.org/schema/kernel-4 http://schema.datacite.org/meta/kernel-4.5/metadata.xsd">
      <xsl:call-template name="identity"/>
      <xsl:variable name="all" as="element(md:agent)*"
        select="($parts/parts/part/tei:author, $stmt/tei:editor) ! md:agent(.)"/>
      <creators>
        <!-- Each person once, in the order the texts name them, then the editors not already named. -->
        <xsl:apply-templates select="for $i in 1 to count($all) return $all[$i][not(@name = subsequence($all, 1, $i - 1)/@name)]"
          mode="agent">
          <xsl:with-param name="element" select="'creator'"/>
        </xsl:apply-templates>
      </creators>
      <xsl:call-template name="titles"/>
      <xsl:call-template name="publication"/>
      <resourceType resourceTypeGeneral="Collection">{ed:label('resource-type-edition')}</resourceType>
      <xsl:call-template name="contributors">
        <xsl:with-param name="editors" select="()"/>
      </xsl:call-template>
      <xsl:call-template name="common"/>
      <xsl:if test="$parts/parts/part/@url[. ne '']">
        <relatedIdentifiers>
          <xsl:for-each select="$parts/parts/part[@url ne '']">
            <relatedIdentifier relatedIdentifierType="URL" relationType="HasPart">{@url}</relatedIdentifier>
          </xsl:for-each>
        </relatedIdentifiers>
      </xsl:if>
    </resource>
  </xsl:template>

  <!-- An essay: its authors are its creators; it is part of the edition and a variant form of the printed original. -->
  <xsl:template match="tei:TEI" priority="1">
    <xsl:variable name="stmt" as="element(tei:titleStmt)" select="tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <resource xsi:schemaLocation="http://datacite.org/schema/kernel-4 http://schema.datacite.org/meta/kernel-4.5/metadata.xsd">
      <xsl:call-template name="identity"/>
      <creators>
        <xsl:apply-templates select="$stmt/tei:author ! md:agent(.)" mode="agent">
          <xsl:with-param name="element" select="'creator'"/>
        </xsl:apply-templates>
      </creators>
      <xsl:call-template name="titles"/>
      <xsl:call-template name="publication"/>
      <resourceType resourceTypeGeneral="Text">{ed:label('resource-type-essay')}</resourceType>
      <xsl:call-template name="contributors">
        <xsl:with-param name="editors" select="$edition-header/tei:fileDesc/tei:titleStmt/tei:editor"/>
      </xsl:call-template>
      <xsl:call-template name="common"/>
      <xsl:if test="$edition-url or $edition-pid">
        <relatedIdentifiers>
          <xsl:for-each select="$edition-pid">
            <relatedIdentifier relatedIdentifierType="{@type}" relationType="IsPartOf">{normalize-space(.)}</relatedIdentifier>
          </xsl:for-each>
          <xsl:if test="$edition-url">
            <relatedIdentifier relatedIdentifierType="URL" relationType="IsPartOf">{$edition-url}</relatedIdentifier>
          </xsl:if>
        </relatedIdentifiers>
      </xsl:if>
      <xsl:apply-templates select="tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'original']"/>
    </resource>
  </xsl:template>

  <!-- The printed essay the text comes from. -->
  <xsl:template match="tei:bibl[@type = 'original']">
    <relatedItems>
      <relatedItem relatedItemType="Text" relationType="IsVariantFormOf">
        <creators>
          <xsl:for-each select="tei:author">
            <creator><creatorName>{md:text(.)}</creatorName></creator>
          </xsl:for-each>
        </creators>
        <titles>
          <xsl:for-each select="tei:title">
            <title>{md:text(.)}</title>
          </xsl:for-each>
        </titles>
        <xsl:for-each select="md:year((tei:date/@when)[1])">
          <publicationYear>{.}</publicationYear>
        </xsl:for-each>
      </relatedItem>
    </relatedItems>
  </xsl:template>

  <xsl:template name="identity">
    <xsl:variable name="persistent" as="element(tei:idno)?" select="if (exists($parts)) then $edition-pid else ()"/>
    <xsl:choose>
      <xsl:when test="$persistent">
        <identifier identifierType="{$persistent/@type}">{normalize-space($persistent)}</identifier>
      </xsl:when>
      <xsl:when test="$url">
        <identifier identifierType="URL">{$url}</identifier>
      </xsl:when>
      <xsl:otherwise>
        <identifier identifierType="Local">{$local-id}</identifier>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="titles">
    <titles>
      <title xml:lang="{md:language(.)}">{md:main-title(tei:teiHeader)}</title>
      <xsl:for-each select="md:subtitle(tei:teiHeader)">
        <title titleType="Subtitle">{.}</title>
      </xsl:for-each>
    </titles>
  </xsl:template>

  <!-- Publisher and year of the digital publication: the edition's, for every record. -->
  <xsl:template name="publication">
    <publisher>{md:text($edition-header/tei:fileDesc/tei:publicationStmt/tei:publisher)}</publisher>
    <publicationYear>{md:year(md:issued($edition))}</publicationYear>
  </xsl:template>

  <!-- Editors of the edition, then whoever the titleStmt's respStmt names (resp has no DataCite role: Other). -->
  <xsl:template name="contributors">
    <xsl:param name="editors" as="element(tei:editor)*"/>
    <xsl:variable name="resp" as="element()*"
      select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt/(tei:name, tei:orgName, tei:persName)"/>
    <xsl:if test="exists(($editors, $resp))">
      <contributors>
        <xsl:apply-templates select="$editors ! md:agent(.)" mode="agent">
          <xsl:with-param name="element" select="'contributor'"/>
          <xsl:with-param name="role" select="'Editor'"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="$resp ! md:agent(.)" mode="agent">
          <xsl:with-param name="element" select="'contributor'"/>
          <xsl:with-param name="role" select="'Other'"/>
        </xsl:apply-templates>
      </contributors>
    </xsl:if>
  </xsl:template>

  <!-- Date, language, formats, version, licence and description: the same for both kinds of record. -->
  <xsl:template name="common">
    <xsl:variable name="header" as="element(tei:teiHeader)" select="tei:teiHeader"/>
    <dates>
      <date dateType="Issued">{md:issued($edition)}</date>
    </dates>
    <xsl:for-each select="md:language(.)">
      <language>{.}</language>
    </xsl:for-each>
    <formats>
      <format>application/tei+xml</format>
      <format>text/html</format>
      <format>application/pdf</format>
    </formats>
    <version>{($header/tei:fileDesc/tei:editionStmt/tei:edition/@n, $edition-header/tei:fileDesc/tei:editionStmt/tei:edition/@n)[1]}</version>
    <rightsList>
      <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence">
        <rights>
          <xsl:if test="@target">
            <xsl:attribute name="rightsURI" select="@target"/>
          </xsl:if>
          <xsl:text>{md:text(.)}</xsl:text>
        </rights>
      </xsl:for-each>
    </rightsList>
    <xsl:for-each select="md:description(.)">
      <descriptions>
        <description descriptionType="Abstract">{.}</description>
      </descriptions>
    </xsl:for-each>
  </xsl:template>

  <!-- creator/contributor from an md:agent. -->
  <xsl:template match="md:agent" mode="agent">
    <xsl:param name="element" as="xs:string" required="yes"/>
    <xsl:param name="role" as="xs:string?" select="()"/>
    <xsl:element name="{$element}">
      <xsl:if test="exists($role)">
        <xsl:attribute name="contributorType" select="$role"/>
      </xsl:if>
      <xsl:element name="{$element}Name">
        <xsl:if test="@type ne ''">
          <xsl:attribute name="nameType" select="@type"/>
        </xsl:if>
        <xsl:text>{@name}</xsl:text>
      </xsl:element>
      <xsl:if test="@given ne ''"><givenName>{@given}</givenName></xsl:if>
      <xsl:if test="@family ne ''"><familyName>{@family}</familyName></xsl:if>
      <xsl:for-each select="md:authority">
        <nameIdentifier nameIdentifierScheme="{@scheme}" schemeURI="{@uri}">{.}</nameIdentifier>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
