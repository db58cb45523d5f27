<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every page: head with metadata, skip link, site navigation, footer. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:nav" as="map(xs:string, xs:string)*" select="(
      map { 'key': 'home', 'href': 'index.html' },
      map { 'key': 'register', 'href': 'register.html' },
      map { 'key': 'chronology', 'href': 'chronologie.html' },
      map { 'key': 'search', 'href': 'suche.html' })"/>

  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="file" as="xs:string" required="yes"/>
    <xsl:param name="nav-key" as="xs:string?"/>
    <xsl:param name="metadata" as="element()*"/>
    <xsl:param name="main-class" as="xs:string" select="'page'"/>
    <xsl:param name="indexed" as="xs:boolean" select="true()"/>
    <xsl:param name="scripts" as="xs:string*"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <html lang="de">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title}</title>
        <link rel="stylesheet" href="assets/edition.css"/>
        <!-- No favicon file: an empty inline icon keeps browsers from requesting one. -->
        <link rel="icon" href="data:,"/>
        <link rel="canonical" href="{$base-url}{$file}"/>
        <xsl:sequence select="$metadata"/>
        <xsl:for-each select="$scripts">
          <script src="assets/{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
        <header class="site-header" data-pagefind-ignore="all">
          <p class="site-title"><a href="index.html">{$edition-title}</a></p>
          <nav class="site-nav" aria-label="Hauptnavigation">
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
          <p>
            <xsl:text>{$edition-title} · {ed:label('version')} {$edition-version} · {ed:label('build-date')}: </xsl:text>
            <time datetime="{$edition-date}">{ed:iso-de($edition-date)}</time>
          </p>
          <xsl:if test="$edition-licence">
            <p>{ed:label('licence')}: <a rel="license" href="{$edition-licence/@target}">{normalize-space($edition-licence)}</a></p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
