<?xml version="1.0" encoding="UTF-8"?>
<!-- The editorial note of the site ("Zur Edition", zur-edition.html): the edition as its
     document describes it, then per text what its header says and its encoding counts
     (xslt/common/editorial.xsl, shared with the PDF). Section ids are TEXT-ID and
     TEXT-ID-PART (PART as ed:editorial-note names it); a lost note links to TEXT-ID-losses. -->
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
    <xsl:variable name="title" as="xs:string" select="ed:label('editorial')"/>
    <xsl:variable name="file" as="xs:string" select="'zur-edition.html'"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' – ' || $edition-title"/>
      <xsl:with-param name="file" select="$file"/>
      <xsl:with-param name="nav-key" select="'editorial'"/>
      <xsl:with-param name="metadata" select="ed:site-metadata($title, $file,
          ed:label-format('editorial-description', map { 'edition': $edition-title }))"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <p class="editorial-intro">{ed:label('editorial-intro')}</p>
        <xsl:call-template name="ed:editorial-edition"/>
        <xsl:for-each select="$summaries">
          <xsl:call-template name="ed:editorial-text"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- What the edition document says of the edition as a whole. -->
  <xsl:template name="ed:editorial-edition">
    <xsl:variable name="h" as="element(tei:teiHeader)" select="$edition/tei:teiHeader"/>
    <xsl:variable name="paras" as="element(tei:p)*"
        select="($h/tei:encodingDesc/tei:projectDesc/tei:p, $h/tei:fileDesc/tei:sourceDesc/tei:p)[normalize-space()]"/>
    <xsl:variable name="responsibility" as="xs:string*" select="$ed:edition-facts?responsibility"/>
    <xsl:if test="exists($paras) or exists($responsibility)">
      <section class="editorial-edition" aria-labelledby="edition">
        <h2 id="edition">{ed:label('editorial-edition')}</h2>
        <xsl:for-each select="$paras">
          <p><xsl:sequence select="ed:lang-attribute(ed:text-language(.), $interface-language)"/>{ed:prose(.)}</p>
        </xsl:for-each>
        <xsl:for-each select="$responsibility">
          <p><span class="editorial-term">{ed:label('fact-responsibility')}</span>: {.}</p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:key name="ed:summary-title" match="ed:summary" use="@full-title"/>

  <!-- One text's note, as its summary has it (summary.xsl). -->
  <xsl:template name="ed:editorial-text">
    <xsl:context-item as="element(ed:summary)" use="required"/>
    <xsl:variable name="id" as="xs:string" select="string(@id)"/>
    <xsl:variable name="file" as="xs:string" select="string(@file)"/>
    <section class="editorial-text" aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:sequence select="ed:lang-attribute(@lang, $interface-language)"/><a href="{$file}">{@full-title}</a><xsl:if test="count(key('ed:summary-title', @full-title, root(.))) gt 1"><!-- two texts of one title: their sections are told apart by file --> <span class="file-name">({$file})</span></xsl:if></h2>
      <xsl:for-each select="ed:editorial">
        <!-- no accessible name: the parts repeat per text, and named sections are landmarks -->
        <section class="editorial-{@part}">
          <h3 id="{$id}-{@part}">{@title}</h3>
          <xsl:for-each select="ed:para">
            <p>
              <xsl:sequence select="ed:lang-attribute(@lang, $interface-language)"/>
              <xsl:for-each select="@term">
                <span class="editorial-term">{.}</span>
                <xsl:text>: </xsl:text>
              </xsl:for-each>
              <xsl:text>{@text}</xsl:text>
            </p>
          </xsl:for-each>
          <xsl:if test="@part eq 'citation'">
            <xsl:for-each select="ed:published-url($file)">
              <p class="cite-url">{.}</p>
            </xsl:for-each>
          </xsl:if>
          <xsl:if test="exists(ed:count)">
            <xsl:call-template name="ed:editorial-counts">
              <xsl:with-param name="counts" select="ed:count"/>
            </xsl:call-template>
          </xsl:if>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- Counts as a list "label: n", those of which they are part nested under them. -->
  <xsl:template name="ed:editorial-counts">
    <xsl:param name="counts" as="element(ed:count)+"/>
    <ul class="editorial-counts">
      <xsl:for-each select="$counts">
        <li>
          <xsl:text>{@label}: </xsl:text>
          <span class="count">{@count}</span>
          <xsl:if test="exists(ed:count)">
            <xsl:call-template name="ed:editorial-counts">
              <xsl:with-param name="counts" select="ed:count"/>
            </xsl:call-template>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

</xsl:stylesheet>
