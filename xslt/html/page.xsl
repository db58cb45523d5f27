<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every page: head with metadata, skip link, site navigation, footer. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:nav" as="map(xs:string, xs:string)*" select="(
      map { 'key': 'home', 'href': 'index.html' },
      map { 'key': 'register', 'href': 'register.html' },
      map { 'key': 'chronology', 'href': 'chronologie.html' },
      map { 'key': 'search', 'href': 'suche.html' },
      map { 'key': 'editorial', 'href': 'zur-edition.html' })"/>

  <!-- The wording a script of the page shows, as data-label-NAME attributes (NAME → label key).
       The scripts hold labels.xml's German texts as their defaults, so only wording that differs
       from German is handed over (and the German pages stay as they were). -->
  <xsl:function name="ed:script-labels" as="attribute()*">
    <xsl:param name="labels" as="map(xs:string, xs:string)"/>
    <xsl:for-each select="sort(map:keys($labels))">
      <xsl:variable name="text" as="xs:string" select="ed:label($labels(current()))"/>
      <xsl:if test="$text ne ed:label($labels(current()), 'de')">
        <xsl:attribute name="data-label-{.}" select="$text"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="file" as="xs:string" required="yes"/>
    <xsl:param name="nav-key" as="xs:string?"/>
    <xsl:param name="metadata" as="element()*"/>
    <xsl:param name="main-class" as="xs:string" select="'page'"/>
    <xsl:param name="indexed" as="xs:boolean" select="true()"/>
    <xsl:param name="scripts" as="xs:string*"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <!-- The language of the page's content: a reading page's text, else the interface's. The
         frame's wording is marked where it is in another language. -->
    <xsl:param name="lang" as="xs:string" select="$interface-language"/>
    <xsl:variable name="frame-lang" as="attribute(lang)?" select="ed:lang-attribute($interface-language, $lang)"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title}</title>
        <link rel="stylesheet" href="assets/edition.css"/>
        <!-- No favicon file: an empty inline icon keeps browsers from requesting one. -->
        <link rel="icon" href="data:,"/>
        <xsl:for-each select="ed:published-url($file)">
          <link rel="canonical" href="{.}"/>
        </xsl:for-each>
        <xsl:sequence select="$metadata"/>
        <xsl:for-each select="$scripts">
          <script src="assets/{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#inhalt"><xsl:sequence select="$frame-lang"/>{ed:label('skip-to-content')}</a>
        <header class="site-header" data-pagefind-ignore="all">
          <p class="site-title"><a href="index.html">{$edition-title}</a></p>
          <nav class="site-nav" aria-label="{ed:label('main-navigation')}">
            <xsl:sequence select="$frame-lang"/>
            <ul>
              <xsl:for-each select="$ed:nav">
                <li>
                  <a href="{?href}">
                    <xsl:if test="?key = $nav-key">
                      <xsl:attribute name="aria-current">page</xsl:attribute>
                    </xsl:if>
                    <xsl:text>{ed:label(?key)}</xsl:text>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="inhalt" class="{$main-class}">
          <xsl:if test="$indexed">
            <xsl:attribute name="data-pagefind-body"/>
          </xsl:if>
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer" data-pagefind-ignore="all">
          <xsl:sequence select="$frame-lang"/>
          <p>
            <xsl:text>{$edition-title} · {ed:label('version')} {$edition-version} · {ed:label('build-date')}: </xsl:text>
            <time datetime="{$edition-date}">{ed:iso-date($edition-date)}</time>
          </p>
          <xsl:if test="$edition-licence">
            <p>{ed:label('licence')}: <a rel="license" href="{$edition-licence/@target}">{normalize-space($edition-licence)}</a></p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
