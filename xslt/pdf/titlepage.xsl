<?xml version="1.0" encoding="UTF-8"?>
<!-- The title page: the essay as the header names it, within the edition. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template name="ed:title-page" as="xs:string">
    <xsl:param name="essay" as="element(TEI)"/>
    <xsl:param name="edition" as="element(TEI)"/>
    <xsl:variable name="pub" as="element(publicationStmt)" select="$edition/teiHeader/fileDesc/publicationStmt"/>
    <xsl:variable name="editors" as="xs:string*" select="$edition/teiHeader/fileDesc/titleStmt/editor ! normalize-space(.)"/>
    <xsl:variable name="year" as="xs:string?" select="$pub/date/@when ! substring(., 1, 4)"/>
    <xsl:sequence select="'#title-page('
      || ed:content-or-none(normalize-space($edition/teiHeader/fileDesc/titleStmt/title[1])) || ', '
      || ed:content-or-none(string-join(common:essay-authors($essay), ', ')) || ', '
      || ed:content-or-none(common:essay-title($essay)) || ', '
      || ed:content-or-none(common:essay-subtitle($essay)) || ', '
      || ed:content-or-none(if (exists($editors)) then common:label('editors') || ' ' || string-join($editors, ', ') else ()) || ', '
      || ed:content-or-none(string-join(($pub/publisher ! normalize-space(.), $pub/pubPlace ! normalize-space(.), $year), ' · ')) || ', '
      || ed:text-facts($essay)
      || ')&#10;'"/>
  </xsl:template>

  <!-- What the text's header says of the text (its responsibility, source, letter, manuscript:
       common:header-facts, as the HTML page shows them), for the title page's verso; none
       where the header says nothing of it. -->
  <xsl:function name="ed:text-facts" as="xs:string">
    <xsl:param name="essay" as="element(TEI)"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)*" select="common:header-facts($essay)"/>
    <xsl:sequence select="if (empty($facts)) then 'none'
      else '[#text-facts-title(' || ed:lit(common:label('text-facts')) || ')' || string-join($facts ! ed:colophon-line(common:label(?key), ed:breakable(?value))) || ']'"/>
  </xsl:function>
</xsl:stylesheet>
