<?xml version="1.0" encoding="UTF-8"?>
<!-- Chronology: every dated date of all essays in time order, grouped by year, linked to its place. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="corpus.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="metadata.xsl"/>
  <xsl:include href="ids.xsl"/>

  <!-- Words of context on each side of a date. -->
  <xsl:param name="context-chars" as="xs:integer" select="70"/>

  <xsl:template match="/">
    <xsl:variable name="title" as="xs:string" select="ed:label('chronology')"/>
    <xsl:variable name="dates" as="element(tei:date)*" select="$essays/tei:text//tei:date[exists(ed:date-sort-key(.))]"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' – ' || $edition-title"/>
      <xsl:with-param name="file" select="'chronologie.html'"/>
      <xsl:with-param name="nav-key" select="'chronology'"/>
      <xsl:with-param name="metadata" select="ed:site-metadata($title, 'chronologie.html',
          ed:label-format('chronology-description', map { 'edition': $edition-title, 'count': count($dates) }))"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <p>{ed:label-format('chronology-intro-calendars', map { 'count': count($dates) })}</p>
        <xsl:for-each-group select="$dates" group-by="substring(ed:date-sort-key(.), 1, 4)">
          <xsl:sort select="current-grouping-key()"/>
          <section class="year" aria-labelledby="jahr-{current-grouping-key()}">
            <h2 id="jahr-{current-grouping-key()}">{current-grouping-key()}</h2>
            <ol class="chronology">
              <xsl:for-each select="current-group()">
                <xsl:sort select="ed:date-sort-key(.)"/>
                <xsl:sort select="ed:date-sort-end(.)"/>
                <xsl:call-template name="ed:chronology-entry"/>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:chronology-entry">
    <xsl:context-item as="element(tei:date)" use="required"/>
    <xsl:variable name="essay" as="element(tei:TEI)" select="ancestor::tei:TEI"/>
    <xsl:variable name="place" as="element()" select="ed:place(.)"/>
    <xsl:variable name="date" as="element(tei:date)" select="."/>
    <!-- Text of the place around the date, notes left out unless the date is in one. -->
    <xsl:variable name="texts" as="text()*" select="$place//text()[not(ancestor::tei:note except $place/ancestor-or-self::tei:note)]"/>
    <xsl:variable name="before" as="xs:string" select="normalize-space(string-join($texts[. &lt;&lt; $date]))"/>
    <xsl:variable name="after" as="xs:string" select="normalize-space(string-join($texts[. >> $date][not(ancestor::tei:date intersect $date)]))"/>
    <!-- Spaces between the parts (the grid lays them out apart): the search index reads them as words apart. -->
    <li>
      <span class="chrono-date">{ed:date-label(.)}</span>
      <xsl:text> </xsl:text>
      <span class="chrono-context">
        <xsl:if test="string-length($before) gt $context-chars">…</xsl:if>
        <xsl:text>{ed:tail($before, $context-chars)} </xsl:text>
        <mark>{normalize-space(.)}</mark>
        <xsl:text> {ed:head($after, $context-chars)}</xsl:text>
        <xsl:if test="string-length($after) gt $context-chars">…</xsl:if>
      </span>
      <xsl:text> </xsl:text>
      <a class="chrono-place" href="{ed:essay-file($essay)}#{ed:html-id($place)}">{ed:essay-title($essay)}, {ed:place-label($place)}</a>
    </li>
  </xsl:template>

  <!-- The last/first $n characters, cut at a word boundary. -->
  <xsl:function name="ed:tail" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $n) then $s
        else replace(substring($s, string-length($s) - $n + 1), '^\S*\s+', '')"/>
  </xsl:function>

  <xsl:function name="ed:head" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $n) then $s else replace(substring($s, 1, $n), '\s+\S*$', '')"/>
  </xsl:function>

</xsl:stylesheet>
