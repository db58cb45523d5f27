<?xml version="1.0" encoding="UTF-8"?>
<!-- Landing page: the edition, its essays with metadata and abstracts, how to cite, licence, version. -->
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
  <xsl:include href="summary.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="persons.xsl"/>
  <xsl:include href="cite.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="description" as="xs:string"
        select="normalize-space(($edition/tei:teiHeader/tei:encodingDesc/tei:projectDesc, $edition-title)[1])"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="file" select="'index.html'"/>
      <xsl:with-param name="nav-key" select="'home'"/>
      <xsl:with-param name="metadata" select="ed:site-metadata($edition-title, 'index.html', $description)"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$edition-title}</h1>
        <xsl:if test="exists($edition-editors)">
          <p class="editors">{ed:label('editors')} {string-join($edition-editors, ', ')}</p>
        </xsl:if>
        <p class="edition-facts">
          <xsl:text>{ed:label('version')} {$edition-version} · {ed:label('build-date')}: </xsl:text>
          <time datetime="{$edition-date}">{ed:iso-date($edition-date)}</time>
        </p>
        <div class="about">
          <xsl:sequence select="ed:lang-attribute(ed:text-language($edition), $interface-language)"/>
          <xsl:for-each select="$edition/tei:text/tei:body/tei:div[@type = 'about']/tei:p">
            <p><xsl:apply-templates mode="ed:text"/></p>
          </xsl:for-each>
        </div>
        <section aria-labelledby="essays">
          <h2 id="essays">{ed:label('essays')}</h2>
          <xsl:for-each select="$summaries">
            <xsl:call-template name="ed:essay-entry"/>
          </xsl:for-each>
        </section>
        <section aria-labelledby="verzeichnisse">
          <h2 id="verzeichnisse">{ed:label('indexes-and-search')}</h2>
          <ul>
            <li><a href="register.html">{ed:label('register')}</a>: {ed:label('register-about')}</li>
            <li><a href="chronologie.html">{ed:label('chronology')}</a>: {ed:label('chronology-about')}</li>
            <li><a href="suche.html">{ed:label('search')}</a>: {ed:label('search-about')}</li>
          </ul>
        </section>
        <section aria-labelledby="zitieren">
          <h2 id="zitieren">{ed:label('cite')}</h2>
          <p class="citation">{ed:edition-citation($edition)}.<xsl:for-each select="ed:published-url('')"><xsl:text> </xsl:text><span class="cite-url">{.}</span></xsl:for-each></p>
        </section>
        <section aria-labelledby="lizenz">
          <h2 id="lizenz">{ed:label('licence-and-sources')}</h2>
          <xsl:if test="$edition-licence">
            <p><a rel="license" href="{$edition-licence/@target}">{normalize-space($edition-licence)}</a></p>
          </xsl:if>
          <xsl:for-each select="$edition/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:p">
            <p><xsl:sequence select="ed:lang-attribute(ed:text-language(.), $interface-language)"/><xsl:apply-templates mode="ed:text"/></p>
          </xsl:for-each>
          <xsl:variable name="edition-file" as="element()"><a href="tei/edition.xml" download="">edition.xml</a></xsl:variable>
          <xsl:variable name="register-file" as="element()"><a href="tei/register/persons.xml" download="">persons.xml</a></xsl:variable>
          <p><xsl:sequence select="ed:label-nodes('edition-sources', map { 'edition': $edition-file, 'register': $register-file })"/></p>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One text's entry, from its summary (summary.xsl). -->
  <xsl:template name="ed:essay-entry">
    <xsl:context-item as="element(ed:summary)" use="required"/>
    <xsl:variable name="id" as="xs:string" select="string(@id)"/>
    <xsl:variable name="text-lang" as="attribute(lang)?" select="ed:lang-attribute(@lang, $interface-language)"/>
    <article class="essay-entry" aria-labelledby="essay-{$id}">
      <h3 id="essay-{$id}"><xsl:sequence select="$text-lang"/><a href="{@file}">{@title}</a></h3>
      <xsl:for-each select="ed:subtitle">
        <p class="subtitle"><xsl:sequence select="$text-lang"/>{.}</p>
      </xsl:for-each>
      <dl class="essay-meta">
        <dt>{ed:label('author')}</dt>
        <dd>{string-join(ed:author, ', ')}</dd>
        <xsl:if test="@first-published">
          <dt>{ed:label('first-published')}</dt>
          <dd>{@first-published}</dd>
        </xsl:if>
        <dt>{ed:label('extent')}</dt>
        <dd>{@extent}</dd>
      </dl>
      <xsl:for-each select="ed:abstract">
        <p class="abstract"><xsl:sequence select="$text-lang"/>{.}</p>
      </xsl:for-each>
      <p class="essay-links">
        <a href="{@file}">{ed:label('read')}</a> ·
        <a href="zur-edition.html#{$id}">{ed:label('editorial')}</a> ·
        <a href="tei/texts/{$id}.xml" download="">{ed:label('tei-xml')}</a> ·
        <a href="pdf/{$id}.pdf" download="">{ed:label('pdf')}</a>
      </p>
    </article>
  </xsl:template>

</xsl:stylesheet>
