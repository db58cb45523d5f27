<?xml version="1.0" encoding="UTF-8"?>
<!-- The interface wording of every output (HTML, PDF, metadata), in the interface language:
     the texts live in labels.xml beside this module, one file for all outputs and languages.
     Include this module once per stylesheet (common.xsl does for HTML, pdf.xsl for the PDF,
     metadata/common.xsl for the records). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:lb="urn:tei-edition:labels"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- The language of every label (a language of labels.xml, e.g. 'de', 'en'; a regional tag
       such as 'en-GB' falls back to its primary language 'en'). Omitted = German. A language
       labels.xml does not have is an error naming it: no output mixes languages silently. -->
  <xsl:param name="interface-language" as="xs:string" select="'de'"/>

  <!-- labels.xml as language → key → text, read once per transformation. -->
  <xsl:variable name="ed:labels" as="map(xs:string, map(xs:string, xs:string))">
    <xsl:variable name="labels" as="element(lb:label)*" select="doc('labels.xml')/lb:labels/lb:label"/>
    <xsl:sequence select="map:merge(
        for $lang in distinct-values($labels/*/local-name())
        return map:entry($lang, map:merge($labels/*[local-name() eq $lang] ! map:entry(string(../@key), string(.)))))"/>
  </xsl:variable>

  <!-- The languages labels.xml has, in alphabetical order. -->
  <xsl:function name="ed:interface-languages" as="xs:string*">
    <xsl:sequence select="sort(map:keys($ed:labels))"/>
  </xsl:function>

  <!-- A language tag → the language of labels.xml that serves it: itself, else its primary
       subtag; an error naming the tag when labels.xml has neither. -->
  <xsl:function name="ed:label-language" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="primary" as="xs:string" select="lower-case(tokenize($lang, '-')[1])"/>
    <xsl:sequence select="(
        ($lang, $primary)[map:contains($ed:labels, .)],
        error(xs:QName('ed:interface-language'),
          'no interface labels for language ''' || $lang || ''' (xslt/common/labels.xml has: '
          || string-join(ed:interface-languages(), ', ') || ')'))[1]"/>
  </xsl:function>

  <!-- The interface language as labels.xml has it ('de', 'en', …). -->
  <xsl:variable name="ed:language" as="xs:string" select="ed:label-language($interface-language)"/>

  <!-- The label for a key in the interface language; an unknown key is a stylesheet bug, so fail loudly. -->
  <xsl:function name="ed:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="ed:label($key, $ed:language)"/>
  </xsl:function>

  <!-- The label for a key in a given language (a tag as ed:label-language takes it). -->
  <xsl:function name="ed:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="($ed:labels(ed:label-language($lang))($key),
        error(xs:QName('ed:label'), 'unknown label: ' || $key || ' (language ' || $lang || ')'))[1]"/>
  </xsl:function>

  <!-- A label with its {placeholders} filled from $args, as one string: ed:label-format('note-back',
       map { 'number': '3' }) → "Anmerkung 3, zurück zur Textstelle". A placeholder without a
       value is an error. -->
  <xsl:function name="ed:label-format" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="map(xs:string, xs:anyAtomicType)"/>
    <xsl:sequence select="ed:label-format($key, $args, $ed:language)"/>
  </xsl:function>

  <xsl:function name="ed:label-format" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="map(xs:string, xs:anyAtomicType)"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="parts" as="item()*" select="ed:label-parts($key, $args, $lang)"/>
    <xsl:sequence select="string-join($parts ! string(.))"/>
  </xsl:function>

  <!-- A label with its {placeholders} filled from $args whose values may be nodes (a link, a
       <time>): text nodes and the given items in the order the label says. -->
  <xsl:function name="ed:label-nodes" as="item()*">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="map(xs:string, item()*)"/>
    <xsl:for-each select="ed:label-parts($key, $args, $ed:language)">
      <xsl:choose>
        <xsl:when test=". instance of node()"><xsl:sequence select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="ed:label-parts" as="item()*">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="map(xs:string, item()*)"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:analyze-string select="ed:label($key, $lang)" regex="\{{([a-z][a-z0-9\-]*)\}}">
      <xsl:matching-substring>
        <xsl:variable name="name" as="xs:string" select="regex-group(1)"/>
        <xsl:sequence select="if (map:contains($args, $name)) then $args($name)
            else error(xs:QName('ed:label'), 'label ' || $key || ' (' || $lang || '): no value for {' || $name || '}')"/>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:sequence select="string(.)"/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- "Februar" for 2, in the interface language (or the language given). -->
  <xsl:function name="ed:month-name" as="xs:string">
    <xsl:param name="month" as="xs:integer"/>
    <xsl:sequence select="ed:label('month-' || $month)"/>
  </xsl:function>

  <xsl:function name="ed:month-name" as="xs:string">
    <xsl:param name="month" as="xs:integer"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="ed:label('month-' || $month, $lang)"/>
  </xsl:function>

  <!-- An attribute lang="$lang" where it differs from the language around it ($context-lang):
       marks interface wording inside a page in the language of its text, and the reverse. -->
  <xsl:function name="ed:lang-attribute" as="attribute(lang)?">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="context-lang" as="xs:string"/>
    <xsl:if test="$lang ne $context-lang">
      <xsl:attribute name="lang" select="$lang"/>
    </xsl:if>
  </xsl:function>

  <!-- The language of a node of the texts: the nearest xml:lang, else its text's (text/@xml:lang,
       langUsage), else the interface language. -->
  <xsl:function name="ed:text-language" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="ed:language-tag(($node/ancestor-or-self::*[@xml:lang][1]/@xml:lang ! string(.),
        $node/ancestor-or-self::tei:TEI[1]/(tei:text/@xml:lang, tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident)
          [normalize-space()] ! string(.),
        $interface-language)[1])"/>
  </xsl:function>

  <!-- ISO 639-2 codes (as langUsage/@ident and DTA texts write them: "ger") → the BCP 47 tag
       (ISO 639-1) that HTML lang, PDF and the search index understand; the bibliographic (B)
       and terminological (T) codes of the languages that have a two-letter code and differ. -->
  <xsl:variable name="ed:iso639-2" as="map(xs:string, xs:string)" select="map {
      'ger': 'de', 'deu': 'de', 'fre': 'fr', 'fra': 'fr', 'eng': 'en', 'lat': 'la', 'ita': 'it', 'spa': 'es',
      'pol': 'pl', 'rus': 'ru', 'por': 'pt', 'dut': 'nl', 'nld': 'nl', 'gre': 'el', 'ell': 'el', 'chi': 'zh',
      'zho': 'zh', 'cze': 'cs', 'ces': 'cs', 'per': 'fa', 'fas': 'fa', 'rum': 'ro', 'ron': 'ro', 'slo': 'sk',
      'slk': 'sk', 'wel': 'cy', 'cym': 'cy', 'alb': 'sq', 'sqi': 'sq', 'arm': 'hy', 'hye': 'hy', 'baq': 'eu',
      'eus': 'eu', 'bur': 'my', 'mya': 'my', 'geo': 'ka', 'kat': 'ka', 'ice': 'is', 'isl': 'is', 'mac': 'mk',
      'mkd': 'mk', 'mao': 'mi', 'mri': 'mi', 'may': 'ms', 'msa': 'ms', 'tib': 'bo', 'bod': 'bo', 'swe': 'sv',
      'dan': 'da', 'nor': 'no', 'fin': 'fi', 'hun': 'hu', 'heb': 'he', 'ara': 'ar', 'jpn': 'ja', 'tur': 'tr' }"/>

  <xsl:function name="ed:language-tag" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="primary" as="xs:string" select="lower-case(substring-before($lang || '-', '-'))"/>
    <xsl:sequence select="if (map:contains($ed:iso639-2, $primary))
        then $ed:iso639-2($primary) || substring($lang, string-length($primary) + 1) else $lang"/>
  </xsl:function>

  <!-- lang="<interface language>" for interface wording placed among the text of $node, when the
       two languages differ; nothing when they are the same. -->
  <xsl:function name="ed:interface-lang" as="attribute(lang)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="ed:lang-attribute($interface-language, ed:text-language($node))"/>
  </xsl:function>

</xsl:stylesheet>
