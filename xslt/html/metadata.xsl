<?xml version="1.0" encoding="UTF-8"?>
<!-- Machine-readable metadata in each page's head: Dublin Core, citation_* (Highwire, read by
     Zotero and Google Scholar) and schema.org JSON-LD. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:meta" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="content" as="xs:string"/>
    <meta name="{$name}" content="{$content}"/>
  </xsl:function>

  <!-- JSON-LD from the XPath JSON vocabulary: key order is kept. -->
  <xsl:function name="ed:json-ld" as="element()">
    <xsl:param name="map" as="element(fn:map)"/>
    <script type="application/ld+json">{ed:script-safe-json(xml-to-json($map))}</script>
  </xsl:function>

  <!-- The HTML serialiser writes <script> content raw, so a comment opener, "<script" or "</script" in a
       string would end the script or swallow the page: "<", ">" and "&" become JSON escapes,
       which only occur inside strings and parse back to the same characters. -->
  <xsl:function name="ed:script-safe-json" as="xs:string">
    <xsl:param name="json" as="xs:string"/>
    <xsl:sequence select="$json => replace('&lt;', '\\u003c') => replace('&gt;', '\\u003e')
        => replace('&amp;', '\\u0026')"/>
  </xsl:function>

  <xsl:function name="ed:json-string" as="element(fn:string)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <fn:string key="{$key}">{$value}</fn:string>
  </xsl:function>

  <xsl:function name="ed:json-person" as="element(fn:map)">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="name" as="xs:string"/>
    <fn:map>
      <xsl:if test="$key">
        <xsl:attribute name="key" select="$key"/>
      </xsl:if>
      <xsl:sequence select="ed:json-string('@type', $type), ed:json-string('name', $name)"/>
    </fn:map>
  </xsl:function>

  <!-- Dublin Core and schema.org for an edition-level page (landing, register, chronology, search),
       pages in the interface language. -->
  <xsl:function name="ed:site-metadata" as="element()*">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="description" as="xs:string"/>
    <xsl:sequence select="
        ed:meta('description', $description),
        ed:meta('DC.title', $title),
        $edition-editors ! ed:meta('DC.contributor', .),
        ed:meta('DC.publisher', $edition-publisher),
        ed:meta('DC.date', $edition-date),
        ed:meta('DC.type', 'Text'),
        ed:meta('DC.format', 'text/html'),
        ed:meta('DC.language', $interface-language),
        ed:published-url($file) ! ed:meta('DC.identifier', .),
        ed:meta('DC.description', $description),
        $edition-licence ! ed:meta('DC.rights', string(@target))"/>
    <xsl:variable name="json" as="element(fn:map)">
      <fn:map>
        <xsl:sequence select="ed:json-string('@context', 'https://schema.org'),
            ed:json-string('@type', if ($file = 'index.html') then 'Book' else 'WebPage'),
            ed:json-string('name', $title),
            ed:json-string('description', $description),
            ed:published-url($file) ! ed:json-string('url', .),
            ed:json-string('inLanguage', $interface-language),
            ed:json-string('dateModified', $edition-date)"/>
        <xsl:if test="$file = 'index.html'">
          <xsl:sequence select="ed:json-string('version', $edition-version),
              ed:json-string('bookFormat', 'https://schema.org/EBook')"/>
          <fn:array key="editor">
            <xsl:sequence select="$edition-editors ! ed:json-person((), 'Person', .)"/>
          </fn:array>
        </xsl:if>
        <xsl:if test="$file ne 'index.html'">
          <fn:map key="isPartOf">
            <xsl:sequence select="ed:json-string('@type', 'Book'), ed:json-string('name', $edition-title),
                ed:published-url('') ! ed:json-string('url', .)"/>
          </fn:map>
        </xsl:if>
        <xsl:sequence select="ed:json-person('publisher', 'Organization', $edition-publisher)"/>
        <xsl:sequence select="$edition-licence ! ed:json-string('license', string(@target))"/>
      </fn:map>
    </xsl:variable>
    <xsl:sequence select="ed:json-ld($json)"/>
  </xsl:function>

  <!-- Dublin Core, citation_* and schema.org ScholarlyArticle for a reading page, in its text's language. -->
  <xsl:function name="ed:essay-metadata" as="element()*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="id" as="xs:string" select="ed:essay-id($tei)"/>
    <xsl:variable name="url" as="xs:string?" select="ed:published-url(ed:essay-file($tei))"/>
    <xsl:variable name="title" as="xs:string" select="ed:essay-full-title($tei)"/>
    <xsl:variable name="authors" as="xs:string*" select="ed:essay-authors($tei)"/>
    <xsl:variable name="abstract" as="xs:string?" select="ed:essay-abstract($tei)"/>
    <xsl:variable name="original-date" as="xs:string?" select="ed:essay-original($tei)/tei:date/@when ! string(.)"/>
    <xsl:variable name="lang" as="xs:string" select="ed:text-language($tei)"/>
    <link rel="alternate" type="application/tei+xml" href="tei/texts/{$id}.xml" title="{ed:label('tei-source')}"/>
    <xsl:sequence select="
        $abstract ! ed:meta('description', .),
        ed:meta('DC.title', $title),
        $authors ! ed:meta('DC.creator', .),
        $edition-editors ! ed:meta('DC.contributor', .),
        ed:meta('DC.publisher', $edition-publisher),
        ed:meta('DC.date', $edition-date),
        ed:meta('DC.type', 'Text'),
        ed:meta('DC.format', 'text/html'),
        ed:meta('DC.language', $lang),
        $url ! ed:meta('DC.identifier', .),
        ed:meta('DC.relation.isPartOf', $edition-title),
        $original-date ! ed:meta('DC.date.created', .),
        $abstract ! ed:meta('DC.description', .),
        $edition-licence ! ed:meta('DC.rights', string(@target)),
        ed:meta('citation_title', $title),
        $authors ! ed:meta('citation_author', .),
        ed:meta('citation_publication_date', translate($edition-date, '-', '/')),
        ed:meta('citation_online_date', translate($edition-date, '-', '/')),
        ed:meta('citation_inbook_title', $edition-title),
        $edition-editors ! ed:meta('citation_editor', .),
        ed:meta('citation_publisher', $edition-publisher),
        ed:meta('citation_language', $lang),
        $url ! ed:meta('citation_fulltext_html_url', .),
        ed:published-url('pdf/' || $id || '.pdf') ! ed:meta('citation_pdf_url', .)"/>
    <xsl:variable name="json" as="element(fn:map)">
      <fn:map>
        <xsl:sequence select="ed:json-string('@context', 'https://schema.org'),
            ed:json-string('@type', 'ScholarlyArticle'),
            ed:json-string('headline', $title),
            $url ! ed:json-string('url', .),
            ed:json-string('inLanguage', $lang),
            ed:json-string('datePublished', $edition-date),
            ed:json-string('version', $edition-version)"/>
        <xsl:sequence select="$abstract ! ed:json-string('abstract', .)"/>
        <fn:array key="author">
          <xsl:sequence select="$authors ! ed:json-person((), 'Person', .)"/>
        </fn:array>
        <fn:map key="isPartOf">
          <xsl:sequence select="ed:json-string('@type', 'Book'), ed:json-string('name', $edition-title),
              ed:published-url('') ! ed:json-string('url', .)"/>
        </fn:map>
        <xsl:sequence select="ed:json-person('publisher', 'Organization', $edition-publisher)"/>
        <xsl:sequence select="$edition-licence ! ed:json-string('license', string(@target))"/>
        <fn:array key="encoding">
          <fn:map>
            <xsl:sequence select="ed:json-string('@type', 'MediaObject'), ed:json-string('encodingFormat', 'application/tei+xml'),
                ed:published-url('tei/texts/' || $id || '.xml') ! ed:json-string('contentUrl', .)"/>
          </fn:map>
          <fn:map>
            <xsl:sequence select="ed:json-string('@type', 'MediaObject'), ed:json-string('encodingFormat', 'application/pdf'),
                ed:published-url('pdf/' || $id || '.pdf') ! ed:json-string('contentUrl', .)"/>
          </fn:map>
        </fn:array>
      </fn:map>
    </xsl:variable>
    <xsl:sequence select="ed:json-ld($json)"/>
  </xsl:function>

</xsl:stylesheet>
