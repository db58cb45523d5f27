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
          <time datetime="{$edition-date}">{ed:iso-de($edition-date)}</time>
        </p>
        <div class="about">
          <xsl:for-each select="$edition/tei:text/tei:body/tei:div[@type = 'about']/tei:p">
            <p><xsl:apply-templates mode="ed:text"/></p>
          </xsl:for-each>
        </div>
        <section aria-labelledby="essays">
          <h2 id="essays">{ed:label('essays')}</h2>
          <xsl:for-each select="$essays">
            <xsl:call-template name="ed:essay-entry"/>
          </xsl:for-each>
        </section>
        <section aria-labelledby="verzeichnisse">
          <h2 id="verzeichnisse">Register und Suche</h2>
          <ul>
            <li><a href="register.html">{ed:label('register')}</a>: alle erwähnten Personen mit Lebensdaten, Normdaten und Fundstellen</li>
            <li><a href="chronologie.html">{ed:label('chronology')}</a>: alle datierten Ereignisse der Texte in zeitlicher Folge</li>
            <li><a href="suche.html">{ed:label('search')}</a>: Volltextsuche in allen Texten</li>
          </ul>
        </section>
        <section aria-labelledby="zitieren">
          <h2 id="zitieren">{ed:label('cite')}</h2>
          <p class="citation">{ed:edition-citation()}. <span class="cite-url">{$base-url}</span></p>
        </section>
        <section aria-labelledby="lizenz">
          <h2 id="lizenz">{ed:label('licence')} und Quellen</h2>
          <xsl:if test="$edition-licence">
            <p><a rel="license" href="{$edition-licence/@target}">{normalize-space($edition-licence)}</a></p>
          </xsl:if>
          <xsl:for-each select="$edition/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:p">
            <p><xsl:apply-templates mode="ed:text"/></p>
          </xsl:for-each>
          <p>Die TEI-Quellen der ganzen Edition: <a href="tei/edition.xml" download="">edition.xml</a>,
            <a href="tei/register/persons.xml" download="">persons.xml</a> (Register); die Essays bei ihren Einträgen oben.</p>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:essay-entry">
    <xsl:context-item as="element(tei:TEI)" use="required"/>
    <xsl:variable name="id" as="xs:string" select="ed:essay-id(.)"/>
    <xsl:variable name="original" as="element(tei:bibl)?" select="ed:essay-original(.)"/>
    <article class="essay-entry" aria-labelledby="essay-{$id}">
      <h3 id="essay-{$id}"><a href="{ed:essay-file(.)}">{ed:essay-title(.)}</a></h3>
      <xsl:for-each select="ed:essay-subtitle(.)">
        <p class="subtitle">{.}</p>
      </xsl:for-each>
      <dl class="essay-meta">
        <dt>Autor</dt>
        <dd>{string-join(ed:essay-authors(.), ', ')}</dd>
        <xsl:if test="$original">
          <dt>Erstveröffentlichung</dt>
          <dd>{string-join(($original/tei:date ! normalize-space(.), $original/tei:extent ! normalize-space(.)), ', ')}</dd>
        </xsl:if>
        <dt>Umfang der Edition</dt>
        <dd>{count(tei:text//(tei:p | tei:list)[ed:is-numbered(.)])} Absätze, {count(ed:footnotes(.))} Anmerkungen,
          {count(distinct-values(tei:text//tei:persName/@ref))} Personen</dd>
      </dl>
      <xsl:for-each select="ed:essay-abstract(.)">
        <p class="abstract">{.}</p>
      </xsl:for-each>
      <p class="essay-links">
        <a href="{ed:essay-file(.)}">Lesen</a> ·
        <a href="tei/essays/{$id}.xml" download="">TEI-XML</a> ·
        <a href="pdf/{$id}.pdf" download="">PDF</a>
      </p>
    </article>
  </xsl:template>

</xsl:stylesheet>
