<?xml version="1.0" encoding="UTF-8"?>
<!-- Where an element is: paragraph numbers and stable anchors, derived from xml:id or from the
     document structure only (never generate-id()), so they survive rebuilds unchanged. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- Numbered blocks: paragraphs and lists of the running text (not inside notes), counted
       1..N per essay in document order. An accumulator keeps this linear on large texts. -->
  <xsl:accumulator name="ed:block-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:TEI" select="0"/>
    <xsl:accumulator-rule match="(tei:p | tei:list)[ed:is-numbered(.)]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="ed:is-numbered" as="xs:boolean">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="($block/self::tei:p or $block/self::tei:list)
        and exists($block/ancestor::tei:text)
        and empty($block/ancestor::*[self::tei:note or self::tei:list or self::tei:p])"/>
  </xsl:function>

  <xsl:function name="ed:block-number" as="xs:integer">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block/accumulator-before('ed:block-number')"/>
  </xsl:function>

  <!-- The position of each div among the divs of front, body or back, as a path (2, 1): a counter
       per open level, kept by an accumulator so numbering stays linear on large texts. -->
  <xsl:accumulator name="ed:div-path" as="xs:integer*" initial-value="()">
    <xsl:accumulator-rule match="tei:front | tei:body | tei:back" phase="start" select="0"/>
    <xsl:accumulator-rule match="tei:div" phase="start"
        select="subsequence($value, 1, count($value) - 1), $value[last()] + 1, 0"/>
    <xsl:accumulator-rule match="tei:div" phase="end" select="subsequence($value, 1, count($value) - 1)"/>
  </xsl:accumulator>

  <!-- "abschnitt-2-1" for the first sub-section of the second body section; front and back apart. -->
  <xsl:function name="ed:div-anchor" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="part" as="xs:string" select="
        if ($div/ancestor::tei:front) then 'vorspann' else if ($div/ancestor::tei:back) then 'anhang' else 'abschnitt'"/>
    <xsl:variable name="path" as="xs:integer*" select="$div/accumulator-before('ed:div-path')"/>
    <xsl:sequence select="($div/@xml:id, $part || '-' || string-join(subsequence($path, 1, count($path) - 1), '-'))[1]"/>
  </xsl:function>

  <!-- The HTML/PDF anchor of any citeable element. -->
  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
        if ($el/@xml:id) then string($el/@xml:id)
        else if ($el/self::tei:p or $el/self::tei:list) then 'abs' || ed:block-number($el)
        else if ($el/self::tei:note) then 'anm' || ed:note-number($el)
        else if ($el/self::tei:pb) then 's' || normalize-space($el/@n)
        else if ($el/self::tei:div) then ed:div-anchor($el)
        else if ($el/self::tei:head) then ed:anchor($el/..)
        else if ($el/self::tei:closer) then ed:anchor($el/..) || '-schluss'
        else if ($el/self::tei:docTitle or $el/self::tei:titlePart) then 'titel'
        else if ($el/self::tei:byline) then 'verfasser'
        else 'text'"/>
  </xsl:function>

  <!-- The citeable block that contains a node: the place a register or chronology entry links to. -->
  <xsl:function name="ed:place" as="element()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(
        $node/ancestor-or-self::*[self::tei:note or self::tei:head or self::tei:docTitle
            or self::tei:byline or self::tei:closer or ed:is-numbered(.)][1],
        $node/ancestor-or-self::tei:div[1],
        $node/ancestor-or-self::tei:text,
        $node/ancestor-or-self::*[last()])[1]"/>
  </xsl:function>

  <!-- "Abs. 12", "Anm. 3", "Überschrift" … -->
  <xsl:function name="ed:place-label" as="xs:string">
    <xsl:param name="place" as="element()"/>
    <xsl:sequence select="
        if ($place/self::tei:p or $place/self::tei:list) then ed:label('paragraph-short') || ' ' || ed:block-number($place)
        else if ($place/self::tei:note) then ed:label('note-short') || ' ' || ed:note-number($place)
        else if ($place/self::tei:head) then ed:label('heading')
        else if ($place/self::tei:docTitle) then ed:label('title')
        else if ($place/self::tei:byline) then ed:label('byline')
        else if ($place/self::tei:closer) then ed:label('closer')
        else ed:label('text')"/>
  </xsl:function>

</xsl:stylesheet>
