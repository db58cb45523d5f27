<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiHeader → simple Dublin Core in the OAI-PMH container (oai_dc), one record per
  essay and one for the edition. Same source and parameters as datacite.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:md="urn:tei-edition:metadata"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="xs tei md"
  expand-text="yes">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="edition" as="document-node()" required="yes"/>
  <xsl:param name="url" as="xs:string" required="yes"/>
  <xsl:param name="parts" as="document-node()?" select="()"/>
  <!-- The record's name in the deposit, its identifier when it has no URL. -->
  <xsl:param name="local-id" as="xs:string" required="yes"/>

  <xsl:mode on-no-match="fail"/>

  <xsl:variable name="edition-header" as="element(tei:teiHeader)" select="$edition/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="edition-url" as="xs:string"
    select="string($edition-header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URL'])"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI[exists($parts)]" priority="2">
    <xsl:call-template name="record">
      <!-- The texts' authors and the edition's editors. -->
      <xsl:with-param name="creators" select="$parts/parts/part/tei:author, tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:editor"/>
      <xsl:with-param name="type" select="'Collection'"/>
      <xsl:with-param name="relations" select="$parts/parts/part/@url[. ne ''] ! string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:TEI" priority="1">
    <xsl:call-template name="record">
      <xsl:with-param name="creators" select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author"/>
      <xsl:with-param name="type" select="'Text'"/>
      <xsl:with-param name="relations" select="$edition-url[. ne '']"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="record">
    <xsl:param name="creators" as="element()*" required="yes"/>
    <xsl:param name="type" as="xs:string" required="yes"/>
    <xsl:param name="relations" as="xs:string*" required="yes"/>
    <xsl:variable name="header" as="element(tei:teiHeader)" select="tei:teiHeader"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <dc:title>{md:full-title($header)}</dc:title>
      <xsl:for-each select="distinct-values(($creators ! md:agent(.))/@name)">
        <dc:creator>{.}</dc:creator>
      </xsl:for-each>
      <xsl:for-each select="(if (empty($parts)) then $edition-header/tei:fileDesc/tei:titleStmt/tei:editor else ()) ! md:agent(.)">
        <dc:contributor>{@name}</dc:contributor>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt/(tei:name, tei:orgName, tei:persName) ! md:agent(.)">
        <dc:contributor>{@name}</dc:contributor>
      </xsl:for-each>
      <dc:publisher>{md:text($edition-header/tei:fileDesc/tei:publicationStmt/tei:publisher)}</dc:publisher>
      <dc:date>{md:issued($edition)}</dc:date>
      <dc:type>{$type}</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <dc:format>text/html</dc:format>
      <dc:format>application/pdf</dc:format>
      <dc:identifier>{($url[. ne ''], $local-id)[1]}</dc:identifier>
      <xsl:for-each select="(if (exists($parts)) then $edition-header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = ('DOI', 'URN', 'Handle', 'ARK')] else ())">
        <dc:identifier>{@type}:{normalize-space(.)}</dc:identifier>
      </xsl:for-each>
      <xsl:for-each select="md:language(.)">
        <dc:language>{.}</dc:language>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'original']">
        <dc:source>{md:text(.)}</dc:source>
      </xsl:for-each>
      <xsl:for-each select="$relations">
        <dc:relation>{.}</dc:relation>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence">
        <dc:rights>{string-join((md:text(.), @target), ' ')}</dc:rights>
      </xsl:for-each>
      <xsl:for-each select="md:description(.)">
        <dc:description>{.}</dc:description>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
