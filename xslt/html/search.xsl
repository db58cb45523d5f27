<?xml version="1.0" encoding="UTF-8"?>
<!-- Search page: a form driven by the Pagefind index built with the site (assets/search.js). -->
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

  <!-- The indexes the search merges into pagefind/'s, "LANG:FOLDER/" each, as the build laid them out
       (edition/transform/html.py search_bundles); by default one per language besides the interface's. -->
  <xsl:param name="search-bundles" as="xs:string"
      select="string-join(sort(distinct-values($summaries/@lang ! string(.))[. ne $interface-language])
              ! (. || ':pagefind-' || . || '/'), ' ')"/>

  <xsl:template match="/">
    <xsl:variable name="title" as="xs:string" select="ed:label('search')"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' – ' || $edition-title"/>
      <xsl:with-param name="file" select="'suche.html'"/>
      <xsl:with-param name="nav-key" select="'search'"/>
      <xsl:with-param name="indexed" select="false()"/>
      <xsl:with-param name="scripts" select="'search.js'"/>
      <xsl:with-param name="metadata" select="ed:site-metadata($title, 'suche.html',
          ed:label-format('search-description', map { 'edition': $edition-title }))"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <form class="search-form" role="search" action="suche.html" method="get" data-bundles="{$search-bundles}">
          <xsl:sequence select="ed:script-labels(map { 'running': 'search-running', 'none': 'search-none',
              'count': 'search-count', 'count-one': 'search-count-one', 'count-page': 'search-count-page',
              'group-count': 'search-group-count', 'group-count-one': 'search-group-count-one',
              'show-all': 'search-show-all', 'failed': 'search-failed' })"/>
          <label for="suchbegriff">{ed:label('search-term')}</label>
          <input id="suchbegriff" name="q" type="search" autocomplete="off" required=""/>
          <button type="submit">{ed:label('search-submit')}</button>
        </form>
        <p id="suchstatus" class="search-status" role="status" aria-live="polite"></p>
        <ol id="suchergebnisse" class="search-results"></ol>
        <xsl:variable name="register-link" as="element()"><a href="register.html">{ed:label('register')}</a></xsl:variable>
        <xsl:variable name="chronology-link" as="element()"><a href="chronologie.html">{ed:label('chronology')}</a></xsl:variable>
        <noscript><p><xsl:sequence select="ed:label-nodes('search-noscript', map { 'register': $register-link, 'chronology': $chronology-link })"/></p></noscript>
        <p class="hint">{ed:label('search-hint')}</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
