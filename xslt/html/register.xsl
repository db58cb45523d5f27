<?xml version="1.0" encoding="UTF-8"?>
<!-- Register of persons: life dates, description, authority links, every mention linked back. -->
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
    <xsl:variable name="title" as="xs:string" select="ed:label('register')"/>
    <xsl:variable name="persons" as="element(tei:person)*" select="$register//tei:listPerson/tei:person"/>
    <!-- Names sort by the rules of the register's language. -->
    <xsl:variable name="sort-lang" as="xs:string" select="ed:text-language($register)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' – ' || $edition-title"/>
      <xsl:with-param name="file" select="'register.html'"/>
      <xsl:with-param name="nav-key" select="'register'"/>
      <xsl:with-param name="metadata" select="ed:site-metadata($title, 'register.html',
          ed:label-format('register-description', map { 'edition': $edition-title, 'count': count($persons) }))"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <p>{ed:label-format('register-intro', map {
            'count': count($persons), 'paragraph': ed:label('paragraph-short'), 'note': ed:label('note-short') })}</p>
        <xsl:variable name="letters" as="xs:string*"
            select="sort(distinct-values($persons ! ed:initial(.)), 'http://www.w3.org/2013/collation/UCA?lang=' || $sort-lang)"/>
        <nav class="alphabet" aria-label="{ed:label('by-initial')}">
          <ul>
            <xsl:for-each select="$letters">
              <li><a href="#buchstabe-{.}">{.}</a></li>
            </xsl:for-each>
          </ul>
        </nav>
        <xsl:for-each-group select="$persons" group-by="ed:initial(.)">
          <xsl:sort select="current-grouping-key()" lang="{$sort-lang}"/>
          <section aria-labelledby="buchstabe-{current-grouping-key()}">
            <h2 id="buchstabe-{current-grouping-key()}" class="letter">{current-grouping-key()}</h2>
            <ol class="register">
              <xsl:for-each select="current-group()">
                <xsl:sort select="ed:person-sort-name(.)" lang="{$sort-lang}"/>
                <xsl:call-template name="ed:register-entry"/>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A text's mentions of one person (summary.xsl), looked up rather than searched for. -->
  <xsl:key name="ed:summary-mentions" match="ed:summary/ed:mentions" use="@person"/>

  <!-- "L" for Lenin; umlauts file under their base letter (Ö under O), as German registers do. -->
  <xsl:function name="ed:initial" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="upper-case(substring(normalize-unicode(ed:person-sort-name($person), 'NFD'), 1, 1))"/>
  </xsl:function>

  <xsl:template name="ed:register-entry">
    <xsl:context-item as="element(tei:person)" use="required"/>
    <xsl:variable name="id" as="xs:string" select="string(@xml:id)"/>
    <xsl:variable name="variants" as="xs:string*" select="distinct-values(tei:persName[@type = 'variant'] ! normalize-space(.))[not(. = (ed:person-sort-name(current()), ed:person-name(current())))]"/>
    <li class="person-entry" id="{$id}">
      <h3>{ed:person-sort-name(.)}</h3>
      <xsl:for-each select="ed:life-dates(.)">
        <p class="life-dates">{.}</p>
      </xsl:for-each>
      <xsl:for-each select="ed:person-description(.)">
        <p class="description">{.}</p>
      </xsl:for-each>
      <xsl:if test="exists($variants)">
        <p class="variants">{ed:label('also-known-as')}: {string-join($variants, ', ')}</p>
      </xsl:if>
      <xsl:variable name="links" as="map(xs:string, xs:string)*" select="ed:authority-links(.)"/>
      <xsl:if test="exists($links)">
        <p class="authority">{ed:label('authority-records')}:
          <xsl:for-each select="$links">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="{?url}">{?label}</a>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:variable name="by-essay" as="element(ed:mentions)*" select="$summaries[1] ! key('ed:summary-mentions', $id, root(.))"/>
      <xsl:choose>
        <xsl:when test="empty($by-essay)">
          <p class="occurrences">{ed:label('no-mentions')}</p>
        </xsl:when>
        <xsl:otherwise>
          <ul class="occurrences" aria-label="{ed:label('occurrences')}">
            <xsl:for-each select="$by-essay">
              <li>
                <cite>{../@title}</cite>:
                <!-- One link per place (a paragraph naming the person twice is listed once), in text order. -->
                <xsl:for-each select="ed:place">
                  <xsl:if test="position() gt 1"> · </xsl:if>
                  <a href="{../../@file}#{@anchor}">{@label}</a>
                </xsl:for-each>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

</xsl:stylesheet>
