<?xml version="1.0" encoding="UTF-8"?>
<!-- Chronology: every dated date of all essays in time order, grouped by year, linked to its
     place; each entry as the text's summary has it (summary.xsl). -->
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
  <xsl:include href="summary.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="title" as="xs:string" select="ed:label('chronology')"/>
    <xsl:variable name="dates" as="element(ed:date)*" select="$summaries/ed:date"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' – ' || $edition-title"/>
      <xsl:with-param name="file" select="'chronologie.html'"/>
      <xsl:with-param name="nav-key" select="'chronology'"/>
      <xsl:with-param name="metadata" select="ed:site-metadata($title, 'chronologie.html',
          ed:label-format('chronology-description', map { 'edition': $edition-title, 'count': count($dates) }))"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <p>{ed:label-format('chronology-intro-calendars', map { 'count': count($dates) })}</p>
        <xsl:for-each-group select="$dates" group-by="substring(@key, 1, 4)">
          <xsl:sort select="current-grouping-key()"/>
          <section class="year" aria-labelledby="jahr-{current-grouping-key()}">
            <h2 id="jahr-{current-grouping-key()}">{current-grouping-key()}</h2>
            <ol class="chronology">
              <xsl:for-each select="current-group()">
                <xsl:sort select="string(@key)"/>
                <xsl:sort select="string(@end)"/>
                <xsl:call-template name="ed:chronology-entry"/>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:chronology-entry">
    <xsl:context-item as="element(ed:date)" use="required"/>
    <!-- Spaces between the parts (the grid lays them out apart): the search index reads them as words apart. -->
    <li>
      <span class="chrono-date">{@label}</span>
      <xsl:text> </xsl:text>
      <span class="chrono-context">
        <xsl:text>{@before} </xsl:text>
        <mark>{@reading}</mark>
        <xsl:text> {@after}</xsl:text>
      </span>
      <xsl:text> </xsl:text>
      <a class="chrono-place" href="{../@file}#{@anchor}">{../@title}, {@place}</a>
    </li>
  </xsl:template>

</xsl:stylesheet>
