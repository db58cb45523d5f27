<?xml version="1.0" encoding="UTF-8"?>
<!-- Document metadata (PDF info + XMP) from the essay's teiHeader and the edition document:
     title, authors, description, keywords, and the date — the edition's publication date,
     never the clock, so the same sources give the same bytes. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- Typst datetime(...) from an ISO date (YYYY, YYYY-MM or YYYY-MM-DD). -->
  <xsl:function name="ed:datetime" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="part" as="xs:string*" select="tokenize($iso, '-')"/>
    <xsl:sequence select="'datetime(year: ' || xs:integer($part[1]) || ', month: ' || xs:integer(($part[2], '1')[1])
      || ', day: ' || xs:integer(($part[3], '1')[1]) || ')'"/>
  </xsl:function>

  <xsl:function name="ed:array" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="'(' || string-join($items ! ed:lit(.), ', ') || (if (count($items) eq 1) then ',' else '') || ')'"/>
  </xsl:function>

  <!-- "Wladimir Iljitsch Lenin": a keyword must not contain the list's comma. -->
  <xsl:function name="ed:natural-name" as="xs:string">
    <xsl:param name="reg" as="element(persName)"/>
    <xsl:sequence select="if ($reg/surname and $reg/forename)
      then normalize-space(string-join(($reg/forename, $reg/surname), ' '))
      else normalize-space(replace($reg, ',', ' '))"/>
  </xsl:function>

  <!-- The language an element is written in (its own or inherited xml:lang) as Typst takes it:
       the primary subtag, two or three letters (zh-TW → zh); none where there is no such tag. -->
  <xsl:function name="ed:language" as="xs:string?">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="$e/ancestor-or-self::*[@xml:lang][1]/lower-case(substring-before(@xml:lang || '-', '-'))[matches(., '^[a-z]{2,3}$')]"/>
  </xsl:function>

  <xsl:template name="ed:metadata" as="xs:string">
    <xsl:param name="essay" as="element(TEI)"/>
    <xsl:param name="edition" as="element(TEI)"/>
    <xsl:param name="register" as="document-node()"/>
    <xsl:variable name="h" as="element(teiHeader)" select="$essay/teiHeader"/>
    <xsl:variable name="title" as="xs:string" select="common:essay-full-title($essay)"/>
    <xsl:variable name="when" as="xs:string" select="(
      $edition/teiHeader/fileDesc/publicationStmt/date/@when,
      $h/fileDesc/publicationStmt/date/@when)[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')][1]"/>
    <xsl:variable name="ids" as="xs:string*" select="distinct-values($essay/text//persName/@ref ! common:register-id(.))"/>
    <xsl:variable name="keywords" as="xs:string*" select="distinct-values((
      $h/profileDesc/textClass/keywords/term ! normalize-space(.),
      $register//person[@xml:id = $ids]/persName[@type = 'reg'][1] ! ed:natural-name(.)))"/>
    <xsl:sequence select="'(title: ' || ed:lit($title)
      || ', short-title: ' || ed:lit(common:essay-title($essay))
      || ', authors: ' || ed:array(common:essay-authors($essay))
      || ', description: ' || ed:lit(normalize-space(($h/profileDesc/abstract, $title)[1]))
      || ', keywords: ' || ed:array($keywords)
      || ', lang: ' || ed:lit((ed:language($essay/text), $interface-language)[1])
      || ', date: ' || ed:datetime($when) || ')'"/>
  </xsl:template>
</xsl:stylesheet>
