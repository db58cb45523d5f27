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
  <xsl:include href="../common/typography.xsl"/>

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
    <!-- The reading text of the place around the date (ed:reading-string: quote marks, the
         normalised reading of a choice, notes left out unless the date is in one). -->
    <xsl:variable name="before" as="xs:string" select="ed:around($place, $date, true())"/>
    <xsl:variable name="after" as="xs:string" select="ed:around($place, $date, false())"/>
    <!-- Spaces between the parts (the grid lays them out apart): the search index reads them as words apart. -->
    <li>
      <span class="chrono-date">{ed:date-label(.)}</span>
      <xsl:text> </xsl:text>
      <span class="chrono-context">
        <xsl:if test="string-length($before) gt $context-chars">…</xsl:if>
        <xsl:text>{ed:tail($before, $context-chars)} </xsl:text>
        <mark>{ed:reading-string(.)}</mark>
        <xsl:text> {ed:head($after, $context-chars)}</xsl:text>
        <xsl:if test="string-length($after) gt $context-chars">…</xsl:if>
      </span>
      <xsl:text> </xsl:text>
      <a class="chrono-place" href="{ed:essay-file($essay)}#{ed:html-id($place)}">{ed:essay-title($essay)}, {ed:place-label($place)}</a>
    </li>
  </xsl:template>

  <xsl:function name="ed:around" as="xs:string">
    <xsl:param name="place" as="element()"/>
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$place/node()" mode="ed:around">
        <xsl:with-param name="date" select="$date" tunnel="yes"/>
        <xsl:with-param name="before" select="$before" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:mode name="ed:around" on-no-match="fail"/>
  <xsl:template match="node()" mode="ed:around" as="xs:string*">
    <xsl:param name="date" as="element(tei:date)" tunnel="yes"/>
    <xsl:param name="before" as="xs:boolean" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test=". is $date"/>
      <xsl:when test="exists(descendant::tei:date intersect $date)">
        <!-- an element around the date: its own marks on the date's side, its other content -->
        <xsl:variable name="marks" as="xs:string*" select="self::tei:q ! ed:reading-quote-marks(.)"/>
        <xsl:sequence select="$marks[1][$before]"/>
        <xsl:apply-templates select="node()" mode="#current"/>
        <xsl:sequence select="$marks[2][not($before)]"/>
      </xsl:when>
      <xsl:when test="if ($before) then . &lt;&lt; $date else . >> $date">
        <xsl:apply-templates select="." mode="ed:reading-string"/>
      </xsl:when>
    </xsl:choose>
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
