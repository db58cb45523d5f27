<?xml version="1.0" encoding="UTF-8"?>
<!-- The person index: every register person mentioned in the essay, sorted by name; the
     page numbers are found by Typst from the anchors that persName leaves in the text. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="register" on-no-match="fail"/>

  <xsl:function name="ed:year" as="xs:string?">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="($e/@when, $e/@notBefore, $e/@from)[1] ! replace(., '^(-?\d+).*$', '$1')"/>
  </xsl:function>

  <!-- "(1870–1924)", "(* 1951)", "(† 1919)" from the register's birth/death, or nothing. -->
  <xsl:function name="ed:life" as="xs:string?">
    <xsl:param name="p" as="element(person)"/>
    <xsl:variable name="b" as="xs:string?" select="ed:year($p/birth[1])"/>
    <xsl:variable name="d" as="xs:string?" select="ed:year($p/death[1])"/>
    <xsl:sequence select="
      if ($b and $d) then '(' || $b || '–' || $d || ')'
      else if ($b) then '(* ' || $b || ')'
      else if ($d) then '(† ' || $d || ')'
      else ()"/>
  </xsl:function>

  <xsl:template name="ed:person-index" as="xs:string">
    <xsl:param name="essay" as="element(TEI)"/>
    <xsl:param name="register" as="document-node()"/>
    <xsl:variable name="ids" as="xs:string*" select="distinct-values($essay/text//persName/@ref ! common:register-id(.))"/>
    <xsl:variable name="entries" as="xs:string*">
      <xsl:for-each select="$ids">
        <xsl:variable name="id" as="xs:string" select="."/>
        <xsl:variable name="person" as="element(person)?" select="$register//person[@xml:id = $id][1]"/>
        <!-- a person missing from the register is listed by the first form the text uses -->
        <xsl:variable name="name" as="xs:string" select="
          if ($person) then normalize-space(string(($person/persName[@type = 'reg'], $person/persName)[1]))
          else normalize-space(string(($essay/text//persName[common:register-id(@ref) = $id])[1]))"/>
        <xsl:variable name="life" as="xs:string?" select="$person ! ed:life(.)"/>
        <xsl:variable name="about" as="xs:string?" select="$person/note[@type = 'description'][1] ! normalize-space(.)"/>
        <xsl:sequence select="$name || '&#9;' || '#index-entry(' || ed:lit($id) || ', '
          || ed:content(ed:text($name) || ($life ! ed:text(' ' || .))) || ', '
          || ed:content-or-none($about) || ')'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join(
      (for $e in sort($entries, 'http://www.w3.org/2013/collation/UCA?lang=' || ($essay/@xml:lang, $interface-language)[1]) return substring-after($e, '&#9;')),
      '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
