<?xml version="1.0" encoding="UTF-8"?>
<!-- Block-level TEI (front, body, back: titles, divisions, paragraphs, lists) → Typst markup. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="body" on-no-match="shallow-skip"/>

  <xsl:variable name="ed:nl" as="xs:string" select="'&#10;'"/>

  <!-- Source page breaks standing between blocks belong to the first line of the next
       block: the page beginning there is marked at that line. -->
  <xsl:function name="ed:leading-pbs" as="element(pb)*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="prev" as="element()?" select="$e/preceding-sibling::*[1]"/>
    <xsl:sequence select="
      if ($prev/self::pb) then (ed:leading-pbs($prev), $prev)
      else if (empty($prev) and $e/parent::*[self::div or self::front or self::body or self::back
               or self::docTitle or self::list or self::closer]) then ed:leading-pbs($e/parent::*)
      else ()"/>
  </xsl:function>

  <xsl:function name="ed:lead" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join((ed:leading-pbs($e) ! ('#src-page(labels, ' || ed:lit(ed:page-label(.)) || ', bar: false)'),
      ($e/@xml:id, $e/self::head/parent::div/@xml:id) ! ed:anchor(.)))"/>
  </xsl:function>

  <!-- A page break with no block after it in its container stands on its own. -->
  <xsl:template match="pb" mode="body">
    <xsl:if test="empty(following-sibling::*[not(self::pb)])">#src-page(labels, {ed:lit(ed:page-label(.))}, bar: false){$ed:nl}</xsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="body"/>

  <!-- The title as printed at the head of the essay: the essay's level-1 heading. -->
  <xsl:template match="docTitle" mode="body">
    <!-- the main title part, else the first, else (no titlePart) the docTitle's own words -->
    <xsl:variable name="main" as="element()" select="(titlePart[@type = 'main' or not(@type)][1], titlePart[1], .)[1]"/>
    <xsl:variable name="sub" as="element()*" select="titlePart except $main"/>
    <xsl:variable name="plain" as="xs:string"><xsl:value-of><xsl:apply-templates select="$main" mode="plain"/></xsl:value-of></xsl:variable>
    <xsl:text>#titled-heading([{$plain}], doc-title([{ed:lead($main)}</xsl:text>
    <xsl:apply-templates select="$main" mode="inline"/>
    <xsl:text>], </xsl:text>
    <xsl:choose>
      <xsl:when test="$sub">
        <xsl:text>[</xsl:text>
        <xsl:for-each select="$sub">
          <xsl:if test="position() gt 1">#linebreak()</xsl:if>
          <xsl:apply-templates select="." mode="inline"/>
        </xsl:for-each>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>none</xsl:otherwise>
    </xsl:choose>
    <xsl:text>)){$ed:nl}{$ed:nl}</xsl:text>
  </xsl:template>

  <xsl:template match="byline" mode="body">#byline[{ed:lead(.)}<xsl:apply-templates mode="inline"/>]{$ed:nl}{$ed:nl}</xsl:template>

  <xsl:template match="closer" mode="body">#closer[{ed:lead(.)}<xsl:apply-templates mode="inline"/>]{$ed:nl}{$ed:nl}</xsl:template>

  <!-- A section heading, one level below the nearest section above that has a heading (a div
       without one adds no level: PDF/UA forbids skipped levels). A head with no words is no
       heading (PDF/UA forbids empty ones): what it holds is set as a paragraph. -->
  <xsl:template match="div/head" mode="body">
    <xsl:variable name="plain" as="xs:string"><xsl:value-of><xsl:apply-templates mode="plain"/></xsl:value-of></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($plain)">
        <!-- below the title where the text prints one as its level-1 heading (docTitle) -->
        <xsl:variable name="level" as="xs:integer" select="count(ancestor::div[head[normalize-space(.)]])
          + (if (exists(root(.)//text//docTitle)) then 1 else 0)"/>
        <xsl:text>#noted-heading({$level}, [{$plain}], [{ed:lead(.)}</xsl:text>
        <xsl:apply-templates mode="inline"/>
        <xsl:text>]){$ed:nl}{$ed:nl}</xsl:text>
      </xsl:when>
      <xsl:otherwise>{ed:lead(.)}<xsl:apply-templates mode="inline"/>{$ed:nl}{$ed:nl}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p" mode="body">{ed:lead(.)}<xsl:apply-templates mode="inline"/>{$ed:nl}{$ed:nl}</xsl:template>

  <!-- A list with heads, labels or loose words: the model's list behaviour (behaviours.xsl). -->
  <xsl:template match="list[* except (item | pb) or text()[normalize-space()]]" mode="body" priority="1">
    <xsl:call-template name="ed:list"><xsl:with-param name="model" select="common:model(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="list" mode="body">
    <xsl:text>#list(tight: true</xsl:text>
    <xsl:for-each select="item">, [{ed:lead(.)}<xsl:apply-templates mode="inline"/>]</xsl:for-each>
    <xsl:text>){$ed:nl}{$ed:nl}</xsl:text>
  </xsl:template>

  <!-- About the author: set off from the essay, in smaller type. -->
  <xsl:template match="div[@type = 'author']" mode="body">
    <xsl:text>#author-note[{$ed:nl}</xsl:text>
    <xsl:apply-templates mode="body"/>
    <xsl:text>]{$ed:nl}{$ed:nl}</xsl:text>
  </xsl:template>
</xsl:stylesheet>
