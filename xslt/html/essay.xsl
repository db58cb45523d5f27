<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading page of one essay ($essay-id): contents, text with notes, persons, dates and page
     breaks, notes section, citation suggestion, downloads. -->
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
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="persons.xsl"/>
  <xsl:include href="cite.xsl"/>

  <xsl:param name="essay-id" as="xs:string" required="yes"/>

  <xsl:mode name="ed:toc" on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:variable name="tei" as="element(tei:TEI)"
        select="($essays[@xml:id = $essay-id], error(xs:QName('ed:essay'), 'no essay with id ' || $essay-id))[1]"/>
    <!-- Interface wording among the text is marked when the text is in another language. -->
    <xsl:variable name="ui" as="attribute(lang)?" select="ed:interface-lang($tei)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:essay-title($tei) || ' – ' || $edition-title"/>
      <xsl:with-param name="file" select="ed:essay-file($tei)"/>
      <xsl:with-param name="lang" select="ed:text-language($tei)"/>
      <xsl:with-param name="metadata" select="ed:essay-metadata($tei)"/>
      <xsl:with-param name="main-class" select="'reading'"/>
      <xsl:with-param name="scripts" select="'reading.js'"/>
      <xsl:with-param name="content" as="node()*">
        <nav class="toc" aria-labelledby="inhaltsverzeichnis" data-pagefind-ignore="all">
          <h2 id="inhaltsverzeichnis"><xsl:sequence select="$ui"/>{ed:label('contents')}</h2>
          <ol>
            <xsl:apply-templates select="$tei/tei:text" mode="ed:toc"/>
            <xsl:if test="exists(ed:footnotes($tei))">
              <li><xsl:sequence select="$ui"/><a href="#anmerkungen">{ed:label('notes')}</a></li>
            </xsl:if>
            <li><xsl:sequence select="$ui"/><a href="#zitieren">{ed:label('cite')}</a></li>
            <li><xsl:sequence select="$ui"/><a href="#downloads">{ed:label('downloads')}</a></li>
          </ol>
          <p class="view-option">
            <xsl:sequence select="$ui"/>
            <input type="checkbox" id="daten-zeigen"/>
            <label for="daten-zeigen">{ed:label('show-normalised-dates')}</label>
          </p>
          <xsl:if test="exists($tei/tei:text//(tei:choice | tei:lb[@break = 'no'])) or (some $t in $tei/tei:text satisfies ed:typography-changes($t))">
            <p class="view-option">
              <xsl:sequence select="$ui"/>
              <input type="checkbox" id="diplomatisch"/>
              <label for="diplomatisch">{ed:label('show-diplomatic')}</label>
            </p>
          </xsl:if>
        </nav>
        <!-- Search result title read from an attribute: commas in titles would split "title:…". -->
        <article class="essay" data-pagefind-meta="title[data-title]" data-title="{ed:essay-title($tei)}">
          <!-- A text without a printed title (docTitle) is headed by its header's title. -->
          <xsl:variable name="facts" as="element()?">
            <xsl:call-template name="ed:text-facts">
              <xsl:with-param name="tei" select="$tei"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="printed-title" as="xs:boolean" select="exists($tei/tei:text/tei:front//tei:docTitle)"/>
          <xsl:if test="empty($tei/tei:text//tei:docTitle)">
            <h1 class="text-title">{ed:essay-full-title($tei)}</h1>
          </xsl:if>
          <!-- the facts follow the title: after the front matter where the text prints its title -->
          <xsl:sequence select="$facts[not($printed-title)]"/>
          <xsl:apply-templates select="$tei/tei:text" mode="ed:text">
            <xsl:with-param name="ed:after-front" select="$facts[$printed-title]" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:call-template name="ed:notes-section">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
        </article>
        <aside class="essay-apparatus" aria-label="{ed:label('apparatus')}">
          <xsl:call-template name="ed:essay-cite">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <section class="downloads" aria-labelledby="downloads" data-pagefind-ignore="all">
            <xsl:sequence select="$ui"/>
            <h2 id="downloads">{ed:label('downloads')}</h2>
            <ul>
              <li><a href="tei/texts/{$essay-id}.xml" download="">{ed:label('tei-source')} ({$essay-id}.xml)</a></li>
              <li><a href="pdf/{$essay-id}.pdf" download="">{ed:label('pdf-edition')} ({$essay-id}.pdf)</a></li>
            </ul>
          </section>
        </aside>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- What the header says of the text (xslt/common/facts.xsl, as in the PDF), before the text. -->
  <xsl:template name="ed:text-facts">
    <xsl:param name="tei" as="element(tei:TEI)" required="yes"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)*" select="ed:header-facts($tei)"/>
    <xsl:if test="exists($facts)">
      <details class="text-facts" data-pagefind-ignore="all">
        <xsl:sequence select="ed:interface-lang($tei)"/>
        <summary>{ed:label('text-facts')}</summary>
        <dl>
          <xsl:for-each select="$facts">
            <dt>{ed:label(?key)}</dt>
            <dd>{?value}</dd>
          </xsl:for-each>
        </dl>
      </details>
    </xsl:if>
  </xsl:template>

  <!-- Contents: every div with a head, nested as in the text. -->
  <xsl:template match="tei:div[ed:has-heading(.)]" mode="ed:toc">
    <xsl:variable name="head" as="element(tei:head)" select="ed:heading(.)"/>
    <li>
      <a href="#{ed:html-id($head)}">{ed:reading-string($head)}</a>
      <xsl:if test=".//tei:div[ed:has-heading(.)]">
        <ol><xsl:apply-templates mode="#current"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="tei:note | tei:teiHeader" mode="ed:toc"/>

</xsl:stylesheet>
