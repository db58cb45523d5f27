<?xml version="1.0" encoding="UTF-8"?>
<!-- One essay → the Typst markup of its book: metadata, title page, contents, text with
     footnotes and source page numbers, person index, colophon. The layout itself lives in
     edition.typ; this stylesheet only says what each part of the TEI is. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:include href="../common/links.xsl"/>
  <!-- The wording (common:label) in the interface language: the parameter interface-language. -->
  <xsl:include href="../common/labels.xsl"/>
  <xsl:include href="../common/register-refs.xsl"/>
  <xsl:include href="../common/dates.xsl"/>
  <xsl:include href="../common/facts.xsl"/>
  <xsl:include href="escape.xsl"/>
  <xsl:include href="meta.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="body.xsl"/>
  <xsl:include href="titlepage.xsl"/>
  <xsl:include href="register.xsl"/>
  <xsl:include href="colophon.xsl"/>
  <xsl:include href="editorial.xsl"/>
  <!-- The processing model (common:model) and its behaviours for everything the templates
       above do not handle themselves. -->
  <xsl:include href="../model/model.xsl"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="overrides.xsl"/>
  <xsl:include href="examples.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="book" on-no-match="fail"/>

  <!-- The edition document and the person register, parsed safely by the caller. -->
  <xsl:param name="edition" as="document-node()" required="yes"/>
  <xsl:param name="persons" as="document-node()" required="yes"/>
  <!-- File name under which the TEI source is attached to the PDF. -->
  <xsl:param name="source-name" as="xs:string" required="yes"/>

  <xsl:template match="/">
    <xsl:apply-templates select="TEI" mode="book"/>
  </xsl:template>

  <!-- The wording edition.typ prints of its own, handed to it as one dictionary `labels`
       (keys as in labels.xml): the template holds no language. -->
  <xsl:variable name="ed:typst-labels" as="xs:string" select="'(' || string-join(
      ('page-short', 'pdf-note-lost', 'contents', 'notes', 'register', 'colophon') ! (. || ': ' || ed:lit(common:label(.))), ', ') || ')'"/>

  <xsl:template match="TEI" mode="book">
    <xsl:variable name="edition-tei" as="element(TEI)" select="$edition/TEI"/>
    <xsl:text>#import "edition.typ": *&#10;</xsl:text>
    <xsl:text>#let labels = {$ed:typst-labels}&#10;</xsl:text>
    <xsl:text>#pdf.attach({ed:lit($source-name)}, relationship: "source", mime-type: "application/tei+xml", description: {ed:lit(common:label('pdf-attachment'))})&#10;</xsl:text>
    <xsl:text>#show: book.with(</xsl:text>
    <xsl:call-template name="ed:metadata">
      <xsl:with-param name="essay" select="."/>
      <xsl:with-param name="edition" select="$edition-tei"/>
      <xsl:with-param name="register" select="$persons"/>
    </xsl:call-template>
    <xsl:text>)&#10;</xsl:text>
    <xsl:call-template name="ed:title-page">
      <xsl:with-param name="essay" select="."/>
      <xsl:with-param name="edition" select="$edition-tei"/>
    </xsl:call-template>
    <xsl:text>#contents(labels)&#10;#start-text()&#10;</xsl:text>
    <xsl:apply-templates select="text/*" mode="body"/>
    <!-- the notes the source places at the end, where the text has any (edition.typ collects them) -->
    <xsl:if test="text//note[@place = 'end']"><xsl:text>#endnotes(labels)&#10;</xsl:text></xsl:if>
    <!-- an index only where the text mentions register persons -->
    <xsl:if test="text//persName[exists(common:register-id(@ref))]">
      <xsl:text>#person-index(labels)[&#10;</xsl:text>
      <xsl:call-template name="ed:person-index">
        <xsl:with-param name="essay" select="."/>
        <xsl:with-param name="register" select="$persons"/>
      </xsl:call-template>
      <xsl:text>&#10;]&#10;</xsl:text>
    </xsl:if>
    <xsl:call-template name="ed:editorial-note">
      <xsl:with-param name="essay" select="."/>
      <xsl:with-param name="edition" select="$edition-tei"/>
    </xsl:call-template>
    <xsl:text>#colophon(labels)[&#10;</xsl:text>
    <xsl:call-template name="ed:colophon">
      <xsl:with-param name="essay" select="."/>
      <xsl:with-param name="edition" select="$edition-tei"/>
      <xsl:with-param name="source-name" select="$source-name"/>
    </xsl:call-template>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
