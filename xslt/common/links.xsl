<?xml version="1.0" encoding="UTF-8"?>
<!-- The one link policy of every output (HTML and PDF): a ref links only to a web or mail
     address (http, https, mailto), to an element of the same text (#id) or to another text of
     the edition (NAME.xml, NAME.xml#id). Anything else (javascript:, data:, file:, //host …)
     keeps its words as plain text. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:fragment" as="xs:string" select="'#[\i-[:]][\c-[:]]*'"/>

  <!-- 'external', 'fragment', 'text' (another text of the edition), or () when not allowed. -->
  <xsl:function name="ed:link-kind" as="xs:string?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="t" as="xs:string" select="normalize-space($target)"/>
    <xsl:sequence select="
      if (matches($t, '^(https?://|mailto:)\S+$', 'i')) then 'external'
      else if (matches($t, '^' || $ed:fragment || '$')) then 'fragment'
      else if (matches($t, '^[A-Za-z0-9_\-][A-Za-z0-9_.\-]*\.xml(' || $ed:fragment || ')?$')) then 'text'
      else ()"/>
  </xsl:function>

  <xsl:function name="ed:link-allowed" as="xs:boolean">
    <xsl:param name="target" as="xs:string"/>
    <xsl:sequence select="exists(ed:link-kind($target))"/>
  </xsl:function>

  <!-- Where an allowed target points in an output whose texts end in $suffix ('.html', '.pdf'):
       NAME.xml#id becomes NAME{$suffix}#id; the others stay as written. -->
  <xsl:function name="ed:link-href" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="suffix" as="xs:string"/>
    <xsl:variable name="t" as="xs:string" select="normalize-space($target)"/>
    <xsl:sequence select="if (ed:link-kind($t) eq 'text') then replace($t, '\.xml(#|$)', $suffix || '$1') else $t"/>
  </xsl:function>
</xsl:stylesheet>
