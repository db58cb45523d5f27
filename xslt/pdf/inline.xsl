<?xml version="1.0" encoding="UTF-8"?>
<!-- Phrase-level TEI → Typst markup. Mode "inline" renders everything the reader sees in
     running text; mode "plain" is the same text without notes, index anchors or page marks
     (for headings as they appear in the outline, the bookmarks and the running heads). -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The reading text's typography, as on the web (quote marks, dashes). -->
  <xsl:include href="../common/typography.xsl"/>

  <xsl:mode name="inline" on-no-match="shallow-skip"/>
  <xsl:mode name="plain" on-no-match="shallow-skip"/>

  <!-- Elements whose text is laid out as one run: whitespace at their edges is dropped. -->
  <xsl:function name="ed:is-run" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::p or self::head or self::item or self::note or self::titlePart
      or self::byline or self::closer or self::dateline or self::persName[parent::person] or self::note[parent::person]])"/>
  </xsl:function>

  <xsl:function name="ed:run" as="element()?">
    <xsl:param name="t" as="node()"/>
    <xsl:sequence select="$t/ancestor::*[ed:is-run(.)][1]"/>
  </xsl:function>

  <!-- The text of a source text node: whitespace collapsed, trimmed at the edges of its run. -->
  <xsl:function name="ed:run-text" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="run" as="element()?" select="ed:run($t)"/>
    <xsl:variable name="own" as="text()*" select="$run//text()[ed:run(.) is $run][not(ancestor::sic)]"/>
    <xsl:variable name="s" as="xs:string" select="ed:collapse($t)"/>
    <xsl:variable name="s" as="xs:string" select="if (exists($run) and $t is $own[1]) then replace($s, '^ ', '') else $s"/>
    <xsl:sequence select="if (exists($run) and $t is $own[last()]) then replace($s, ' $', '') else $s"/>
  </xsl:function>

  <!-- A passage in another language than what surrounds it is set in that language (hyphenation,
       quotes, and the Lang of its tags for assistive technology). -->
  <xsl:template match="*[@xml:lang][exists(ed:language(.))][ed:language(.) ne (ed:language(parent::*), '')[1]]" mode="inline body" priority="50">
    <xsl:variable name="inner" as="xs:string"><xsl:value-of><xsl:next-match/></xsl:value-of></xsl:variable>
    <xsl:if test="$inner">#text(lang: {ed:lit(ed:language(.))})[{$inner}]</xsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="inline plain">{ed:text(common:typographic(ed:run-text(.), .))}</xsl:template>

  <!-- q: the quote marks the source printed, restored from @rend (common/facts.xsl); a straight
       pair as the language's typographic marks (common/typography.xsl). -->
  <xsl:template match="q" mode="inline plain">
    <xsl:variable name="marks" as="xs:string+" select="common:reading-quote-marks(.)"/>
    <xsl:value-of select="ed:text($marks[1])"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="ed:text($marks[2])"/>
  </xsl:template>

  <xsl:template match="hi[@rend = 'italic']" mode="inline plain">#emph[<xsl:apply-templates mode="#current"/>]</xsl:template>
  <xsl:template match="hi[@rend = 'bold']" mode="inline plain">#strong[<xsl:apply-templates mode="#current"/>]</xsl:template>
  <xsl:template match="hi[@rend = 'smallcaps']" mode="inline plain">#smallcaps[<xsl:apply-templates mode="#current"/>]</xsl:template>
  <xsl:template match="hi[@rend = 'superscript']" mode="inline plain">#super[<xsl:apply-templates mode="#current"/>]</xsl:template>

  <!-- A source error: printed as in the source, the correction after it in brackets. -->
  <xsl:template match="choice[sic and corr]" mode="inline">#correction([<xsl:apply-templates select="sic" mode="#current"/>], [<xsl:apply-templates select="corr" mode="#current"/>])</xsl:template>
  <xsl:template match="choice[sic and corr]" mode="plain"><xsl:apply-templates select="sic" mode="#current"/></xsl:template>
  <xsl:template match="sic/text() | corr/text()" mode="inline plain">{ed:text(common:typographic(ed:collapse(.), .))}</xsl:template>

  <!-- A gap; what the editor wrote of it (desc) follows in brackets. -->
  <xsl:template match="gap" mode="inline plain">#gap()<xsl:if test="normalize-space()"><xsl:value-of select="ed:text(' (')"/><xsl:apply-templates mode="#current"/><xsl:value-of select="ed:text(')')"/></xsl:if></xsl:template>

  <xsl:template match="persName[exists(common:register-id(@ref))]" mode="inline">#person({ed:lit(common:register-id(@ref))}, [<xsl:apply-templates mode="#current"/>])</xsl:template>

  <!-- Links as the edition's one policy allows them (common/links.xsl): out, to another text's
       PDF, or to an element of this one; any other target keeps its words as plain text. -->
  <xsl:template match="ref[@target][common:link-kind(@target) = ('external', 'text')]" mode="inline">#link({ed:lit(common:link-href(@target, '.pdf'))}, [<xsl:apply-templates mode="#current"/>])</xsl:template>
  <xsl:template match="ref[@target][common:link-kind(@target) = 'fragment']" mode="inline">#internal-link({ed:lit(substring(normalize-space(@target), 2))}, [<xsl:apply-templates mode="#current"/>])</xsl:template>

  <!-- An element a fragment link can point to. -->
  <xsl:template match="anchor[@xml:id]" mode="inline">{ed:anchor(@xml:id)}</xsl:template>
  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'#anchor(' || ed:lit($id) || ')'"/>
  </xsl:function>

  <!-- A page break ends a word unless it says it does not (break="no"), as a line break does. -->
  <xsl:template match="pb" mode="inline">#src-page(labels, {ed:lit(ed:page-label(.))}){
    if (not(@break = 'no') and matches(string(preceding-sibling::node()[1][self::text()]), '\S$')
        and matches(string(following-sibling::node()[1][self::text()]), '^\S')) then '#&quot; &quot;;' else ''}</xsl:template>

  <xsl:template match="note | pb" mode="plain"/>

  <!-- The printed page number of the source, or its position where none survives. -->
  <xsl:function name="ed:page-label" as="xs:string">
    <xsl:param name="pb" as="element(pb)"/>
    <xsl:sequence select="if ($pb/@n) then string($pb/@n) else string(count($pb/preceding::pb) + 1)"/>
  </xsl:function>
</xsl:stylesheet>
