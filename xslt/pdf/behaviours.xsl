<?xml version="1.0" encoding="UTF-8"?>
<!-- The behaviours of the processing model (xslt/model/) as Typst markup: one named template per
     behaviour, the same names as the HTML output, each taking the element's model map
     (common:model) as its required parameter `model` and `inline` (true where the element
     stands in running text: mode "inline"; false between blocks: mode "body").

     Elements with a template of their own (body.xsl, inline.xsl, notes.xsl) keep it; the
     fallbacks below (lowest priority) route every other element through its model, and an
     element with no model keeps its text (a block where it holds blocks or stands directly in
     a division, else a phrase). No word of the source is dropped here. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template match="*" mode="body" priority="-10">
    <xsl:call-template name="ed:dispatch"><xsl:with-param name="inline" select="false()"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="inline" priority="-10">
    <xsl:call-template name="ed:dispatch"><xsl:with-param name="inline" select="true()"/></xsl:call-template>
  </xsl:template>

  <!-- Behaviours that lay out a block of their own between blocks. -->
  <xsl:variable name="ed:block-behaviours" as="xs:string+" select="('block', 'paragraph', 'heading', 'list',
    'listItem', 'table', 'row', 'cell', 'figure', 'lineGroup', 'line', 'speech', 'speaker', 'stage', 'section',
    'title', 'dateline', 'signature', 'label')"/>
  <xsl:function name="ed:in-division" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[self::div or self::body or self::front or self::back or self::text or self::group])"/>
  </xsl:function>

  <!-- Is this node a block between blocks (else it belongs to a run of text)? -->
  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="
      if (not($n instance of element())) then false()
      else if ($n[self::p or self::head or self::list or self::div or self::docTitle or self::byline or self::closer]) then true()
      else if ($n[self::pb or self::cb or self::lb or self::anchor or self::milestone]) then false()
      else let $m := common:model($n) return
        if (empty($m)) then ed:in-division($n) or exists($n/*[ed:is-block(.)])
        else if ($m?behaviour = ('quote', 'note')) then ed:in-division($n) or exists($n/*[ed:is-block(.)])
        else $m?behaviour = $ed:block-behaviours"/>
  </xsl:function>

  <xsl:template name="ed:dispatch">
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:variable name="model" as="map(*)?" select="common:model(.)"/>
    <xsl:choose>
      <xsl:when test="exists($model)">
        <xsl:call-template name="ed:behaviour">
          <xsl:with-param name="model" select="$model"/>
          <xsl:with-param name="inline" select="$inline"/>
        </xsl:call-template>
      </xsl:when>
      <!-- no model: the text is kept -->
      <xsl:when test="not($inline) and ed:is-block(.)">
        <xsl:call-template name="ed:block"><xsl:with-param name="model" select="map {'behaviour': 'block', 'params': map {}}"/><xsl:with-param name="inline" select="false()"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:behaviour">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:variable name="b" as="xs:string" select="$model?behaviour"/>
    <xsl:choose>
      <xsl:when test="$b = ('block', 'section', 'paragraph', 'heading', 'title', 'dateline', 'signature', 'label', 'listItem', 'row', 'cell')">
        <xsl:call-template name="ed:block"><xsl:with-param name="model" select="$model"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$b = 'inline'"><xsl:call-template name="ed:inline"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'list'"><xsl:call-template name="ed:list"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'table'"><xsl:call-template name="ed:table"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'figure'"><xsl:call-template name="ed:figure"><xsl:with-param name="model" select="$model"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'graphic'"><xsl:call-template name="ed:graphic"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'note'"><xsl:call-template name="ed:note"><xsl:with-param name="model" select="$model"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'lineGroup'"><xsl:call-template name="ed:lineGroup"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'line'"><xsl:call-template name="ed:line"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'speech'"><xsl:call-template name="ed:speech"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'speaker'"><xsl:call-template name="ed:speaker"><xsl:with-param name="model" select="$model"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'stage'"><xsl:call-template name="ed:stage"><xsl:with-param name="model" select="$model"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'alternate'"><xsl:call-template name="ed:alternate"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'omit'"/>
      <xsl:when test="$b = 'link'"><xsl:call-template name="ed:link"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'anchor'"><xsl:call-template name="ed:anchor"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'break'"><xsl:call-template name="ed:break"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'quote'"><xsl:call-template name="ed:quote"><xsl:with-param name="model" select="$model"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What an element holds, between blocks: its blocks as blocks, each run of text between
       them as a paragraph (page breaks alone stay page breaks). -->
  <xsl:template name="ed:chunks">
    <xsl:param name="nodes" as="node()*" select="node()"/>
    <xsl:for-each-group select="$nodes" group-adjacent="ed:is-block(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="body"/></xsl:when>
        <xsl:when test="normalize-space(string-join(current-group() ! string(.))) or current-group()[self::* except (self::pb | self::lb | self::cb | self::milestone)]">
          <xsl:variable name="run" as="xs:string"><xsl:value-of><xsl:apply-templates select="current-group()" mode="inline"/></xsl:value-of></xsl:variable>
          <xsl:text>{replace($run, '^(#linebreak\(\))+', '')}{$ed:nl}{$ed:nl}</xsl:text>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="current-group()" mode="body"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <!-- Content of an element in running text, styled by its rend tokens and rendition. -->
  <xsl:function name="ed:styled" as="xs:string">
    <xsl:param name="markup" as="xs:string"/>
    <xsl:param name="model" as="map(*)"/>
    <xsl:variable name="tokens" as="xs:string*" select="tokenize(lower-case(string-join(($model?params?rend ! string(.)), ' ')))"/>
    <xsl:variable name="css" as="xs:string" select="lower-case(string($model?rendition))"/>
    <xsl:iterate select="(
        'emph'[$tokens = ('italic', 'i', 'it', 'italics') or contains($css, 'italic')],
        'strong'[$tokens = ('bold', 'b') or contains($css, 'bold')],
        'smallcaps'[$tokens = ('smallcaps', 'small-caps', 'k', 'sc')],
        'super'[$tokens = ('superscript', 'sup', 'super', 'up')],
        'sub'[$tokens = ('subscript', 'sub', 'down')],
        'underline'[$tokens = ('underline', 'u', 'ul')],
        'strike'[$tokens = ('strikethrough', 'strike', 'overstrike', 'del')],
        'text(tracking: 0.06em)'[$tokens = ('g', 'spaced', 'letterspace', 'letter-spaced')],
        'text(size: 0.85em)'[contains($css, 'smaller')],
        'text(fill: luma(40%))'[matches($css, 'gr[ae]y')],
        'supplied'[$tokens = 'supplied'])">
      <xsl:param name="m" as="xs:string" select="$markup"/>
      <xsl:on-completion select="$m"/>
      <xsl:next-iteration><xsl:with-param name="m" select="'#' || . || '[' || $m || ']'"/></xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- What a behaviour shows: the model's 'content' parameter (nodes rendered, values as text, as
       the HTML's ed:content does), else the element's children. -->
  <xsl:template name="ed:content-nodes" as="node()*">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:for-each select="if (map:contains($model?params, 'content')) then $model?params?content else node()"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map">
      <xsl:choose>
        <xsl:when test=". instance of node()"><xsl:sequence select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="ed:inline">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="nodes" as="node()*"><xsl:call-template name="ed:content-nodes"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:variable>
    <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:apply-templates select="$nodes" mode="inline"/></xsl:value-of></xsl:variable>
    <!-- the readings of a substitution (add, del) are words of their own for text extraction:
         word joiners, invisible and unbreakable, part them where they touch (T|t̶|he) -->
    <xsl:variable name="wj" as="xs:string" select="if (parent::subst) then '#sym.wj;' else ''"/>
    <xsl:value-of select="if ($content eq '') then '' else $wj || ed:styled($content, $model) || $wj"/>
  </xsl:template>

  <!-- A block: between blocks its own block; in running text its content, on a line of its own
       where something precedes it. -->
  <xsl:template name="ed:block">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:variable name="b" as="xs:string" select="$model?behaviour"/>
    <xsl:variable name="nodes" as="node()*"><xsl:call-template name="ed:content-nodes"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:if test="not($b = ('block', 'inline')) and (preceding-sibling::*[1] or normalize-space(string-join(preceding-sibling::text())))">#linebreak()</xsl:if>
        <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:apply-templates select="$nodes" mode="inline"/></xsl:value-of></xsl:variable>
        <!-- a block ends the word before it and starts a word of its own, also in a line (fw) -->
        <xsl:variable name="apart" as="xs:string" select="if ($b eq 'block') then '#&quot; &quot;;' else ''"/>
        <xsl:value-of select="if ($content eq '') then '' else
          $apart[matches(string(current()/preceding-sibling::node()[1][self::text()]), '\S$')] || ed:styled($content, $model)
          || $apart[matches(string(current()/following-sibling::node()[1][self::text()]), '^\S')]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="fn" as="xs:string" select="
          if ($b = ('heading', 'title')) then 'tei-title'
          else if ($b = ('dateline', 'signature')) then 'tei-right'
          else if ($b = 'label') then 'tei-label'
          else 'tei-block'"/>
        <xsl:variable name="content" as="xs:string"><xsl:value-of>
          <xsl:call-template name="ed:chunks"><xsl:with-param name="nodes" select="$nodes"/></xsl:call-template>
        </xsl:value-of></xsl:variable>
        <!-- a block made of blocks (front, body, a titlePage …) adds no block of its own -->
        <xsl:choose>
          <xsl:when test="not(normalize-space($content))"/>
          <xsl:when test="$fn eq 'tei-block' and $nodes[. instance of element()][ed:is-block(.)]">{$content}</xsl:when>
          <xsl:otherwise>#{$fn}[{$ed:nl}{ed:styled($content, $model)}]{$ed:nl}{$ed:nl}</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list that is not tei:list (castList, listBibl, …): its heads, then an item per child. -->
  <xsl:template name="ed:list">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:for-each select="head"><xsl:text>#tei-title[</xsl:text><xsl:apply-templates mode="inline"/><xsl:text>]{$ed:nl}</xsl:text></xsl:for-each>
    <xsl:variable name="items" as="node()*" select="node() except head"/>
    <xsl:if test="$items[self::*] or normalize-space(string-join($items ! string(.)))">
      <xsl:text>#list(tight: true</xsl:text>
      <xsl:for-each-group select="$items" group-adjacent="exists(self::*[not(self::pb or self::lb or self::anchor)])">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:for-each select="current-group()[not(self::label[following-sibling::*[1][self::item]])]">
              <xsl:variable name="label" as="element(label)?" select="preceding-sibling::*[1][self::label][current()/self::item]"/>
              <xsl:text>, [</xsl:text>
              <xsl:if test="$label">#strong[<xsl:apply-templates select="$label" mode="inline"/>]#h(0.6em)</xsl:if>
              <!-- an item's words, not its block: the list lays it out -->
              <xsl:apply-templates select="if (common:model(.)?behaviour = 'listItem') then node() else ." mode="inline"/>
              <xsl:text>]</xsl:text>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="normalize-space(string-join(current-group() ! string(.)))">, [<xsl:apply-templates select="current-group()" mode="inline"/>]</xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
      <xsl:text>){$ed:nl}{$ed:nl}</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A table: header rows (role="label" at the start) repeat on each page; cells span @cols and
       @rows; rows shorter than the widest are filled, so no cell moves into the next row. -->
  <xsl:template name="ed:table">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="rows" as="element(row)*" select="row"/>
    <xsl:variable name="width" as="xs:integer" select="max((1, $rows ! sum(cell ! ed:span(@cols))))"/>
    <xsl:variable name="spanning" as="xs:boolean" select="exists($rows/cell/@rows[ed:span(.) gt 1])"/>
    <xsl:variable name="header" as="element(row)*" select="$rows[@role = 'label' and empty(preceding-sibling::row[not(@role = 'label')])]"/>
    <xsl:for-each select="head"><xsl:text>#tei-title[</xsl:text><xsl:apply-templates mode="inline"/><xsl:text>]{$ed:nl}</xsl:text></xsl:for-each>
    <xsl:text>#tei-table({$width}</xsl:text>
    <xsl:if test="$header">
      <xsl:variable name="cells" as="xs:string"><xsl:value-of><xsl:for-each select="$header"><xsl:call-template name="ed:row-cells"><xsl:with-param name="width" select="$width"/><xsl:with-param name="pad" select="not($spanning)"/></xsl:call-template></xsl:for-each></xsl:value-of></xsl:variable>
      <xsl:text>, table.header({substring($cells, 3)})</xsl:text>
    </xsl:if>
    <xsl:for-each select="$rows except $header">
      <xsl:call-template name="ed:row-cells"><xsl:with-param name="width" select="$width"/><xsl:with-param name="pad" select="not($spanning)"/></xsl:call-template>
    </xsl:for-each>
    <xsl:text>){$ed:nl}{$ed:nl}</xsl:text>
    <!-- what the table holds besides rows and its head (notes, page breaks, words) is kept -->
    <xsl:call-template name="ed:chunks"><xsl:with-param name="nodes" select="node() except (row | head)"/></xsl:call-template>
  </xsl:template>

  <xsl:function name="ed:span" as="xs:integer">
    <xsl:param name="a" as="attribute()?"/>
    <xsl:sequence select="if ($a castable as xs:integer and xs:integer($a) ge 1) then xs:integer($a) else 1"/>
  </xsl:function>

  <xsl:template name="ed:row-cells">
    <xsl:param name="width" as="xs:integer" required="yes"/>
    <xsl:param name="pad" as="xs:boolean" required="yes"/>
    <xsl:variable name="row" as="element(row)" select="."/>
    <xsl:for-each select="cell">
      <xsl:variable name="spans" as="xs:string*" select="(('colspan: ' || ed:span(@cols))[ed:span(current()/@cols) gt 1], ('rowspan: ' || ed:span(@rows))[ed:span(current()/@rows) gt 1])"/>
      <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:apply-templates mode="inline"/></xsl:value-of></xsl:variable>
      <xsl:variable name="content" as="xs:string" select="if ((@role, $row/@role) = 'label') then '#strong[' || $content || ']' else $content"/>
      <xsl:text>, tei-cell({string-join($spans, ', ')})[{$content}]</xsl:text>
    </xsl:for-each>
    <xsl:if test="$pad">
      <xsl:for-each select="1 to $width - sum(cell ! ed:span(@cols))">, []</xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A figure: its words (heads, descriptions, paragraphs); the image itself is not printed.
       A figure without words is marked where it stands, so the reader knows the source has one. -->
  <xsl:template name="ed:figure">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:variable name="content" as="xs:string"><xsl:value-of>
      <xsl:choose>
        <xsl:when test="$inline"><xsl:apply-templates mode="inline"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="ed:chunks"/></xsl:otherwise>
      </xsl:choose>
    </xsl:value-of></xsl:variable>
    <xsl:variable name="content" as="xs:string" select="if (normalize-space($content)) then $content
      else '#text(fill: grey)[' || ed:text(common:label('figure-not-reproduced')) || ']'"/>
    <xsl:choose>
      <xsl:when test="$inline">{$content}</xsl:when>
      <xsl:otherwise>#tei-figure[{$ed:nl}{$content}]{$ed:nl}{$ed:nl}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:graphic">
    <xsl:param name="model" as="map(*)" required="yes"/>
  </xsl:template>

  <!-- A note between blocks (margin, end, inline … or with no anchor in the text) is set where
       it stands, in smaller type; in running text notes.xsl makes footnotes, and a note
       placed inline stays in the line, in brackets. -->
  <xsl:template name="ed:note">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:choose>
      <xsl:when test="$inline">#inline-note[<xsl:apply-templates mode="inline"/>]</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:call-template name="ed:chunks"/></xsl:value-of></xsl:variable>
        <xsl:if test="normalize-space($content)">#side-note({ed:lit(string(@n))})[{$ed:nl}{$content}]{$ed:nl}{$ed:nl}</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Verse: a group of lines; a line on its own line, its number (@n) at the right where it is
       not a number or a multiple of five. -->
  <xsl:template name="ed:lineGroup">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:call-template name="ed:chunks"/></xsl:value-of></xsl:variable>
    <xsl:if test="normalize-space($content)">#verse[{$ed:nl}{$content}]{$ed:nl}{$ed:nl}</xsl:if>
  </xsl:template>

  <xsl:template name="ed:line">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="n" as="xs:string" select="normalize-space(string-join($model?params?n ! string(.)))"/>
    <xsl:variable name="shown" as="xs:string" select="if ($n castable as xs:integer and xs:integer($n) mod 5 ne 0) then '' else $n"/>
    <xsl:text>#verse-line({if ($shown eq '') then 'none' else ed:lit($shown)})[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]{$ed:nl}</xsl:text>
  </xsl:template>

  <!-- Drama: a speech (its speaker, then what is said and done), speaker, stage direction. -->
  <xsl:template name="ed:speech">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:call-template name="ed:chunks"/></xsl:value-of></xsl:variable>
    <xsl:if test="normalize-space($content)">#speech[{$ed:nl}{$content}]{$ed:nl}{$ed:nl}</xsl:if>
  </xsl:template>

  <xsl:template name="ed:speaker">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:text>{if ($inline) then '#smallcaps' else '#speaker'}[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]{if ($inline) then '' else $ed:nl}</xsl:text>
  </xsl:template>

  <xsl:template name="ed:stage">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:text>{if ($inline) then '#emph' else '#stage'}[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]{if ($inline) then '' else $ed:nl || $ed:nl}</xsl:text>
  </xsl:template>

  <!-- Alternatives (choice, app): the default reading in the text, the others after it in grey
       brackets, so that both stay readable. -->
  <xsl:template name="ed:alternate">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="default" as="node()*" select="$model?params?default"/>
    <xsl:variable name="alternate" as="node()*" select="$model?params?alternate except $default"/>
    <xsl:variable name="alt" as="xs:string"><xsl:value-of><xsl:for-each select="$alternate">
      <xsl:if test="position() gt 1">#"; ";</xsl:if>
      <xsl:apply-templates select="." mode="inline"/>
      <xsl:if test="@wit">#text(size: 0.8em)[ {ed:text(normalize-space(@wit))}]</xsl:if>
    </xsl:for-each></xsl:value-of></xsl:variable>
    <xsl:variable name="rest" as="node()*" select="node() except ($default, $alternate)"/>
    <xsl:text>#alternate([</xsl:text>
    <xsl:apply-templates select="$default" mode="inline"/>
    <xsl:text>], {if (normalize-space($alt)) then '[' || $alt || ']' else 'none'})</xsl:text>
    <xsl:apply-templates select="$rest[self::* or normalize-space()]" mode="inline"/>
  </xsl:template>

  <!-- ref/ptr whose target the link policy does not allow (those have their own template):
       the words only; a pointer prints an address that may be followed. -->
  <xsl:template name="ed:link">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:choose>
      <xsl:when test="self::ptr[@target][common:link-kind(@target) = ('external', 'text')]">#link({ed:lit(common:link-href(@target, '.pdf'))}, {ed:lit(normalize-space(@target))})</xsl:when>
      <xsl:when test="self::ptr"/>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:anchor">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:if test="@xml:id">{ed:anchor(@xml:id)}</xsl:if>
  </xsl:template>

  <!-- A line break of the source: a break where lines matter (verse, titles, addresses,
       closers, cells), else the space between two words — except where the print divided a
       word (or a compound) at its line end: only the source can say which, so the book keeps
       that break and the hyphen as printed, and the word reads whole (Befruch-|tung). Nothing
       between blocks (their own lines break there); @break="no" joins the word. -->
  <xsl:template name="ed:break">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:if test="self::lb and not(@break = 'no') and not(ed:between-blocks(.))">
      <xsl:variable name="block" as="element()?" select="ancestor::*[self::p or self::l or self::lg or self::item or self::note or self::head
        or self::titlePart or self::docTitle or self::titlePage or self::byline or self::docImprint or self::docAuthor or self::address
        or self::opener or self::closer or self::salute or self::signed or self::dateline or self::cell or self::epigraph
        or self::trailer or self::stage or self::speaker or self::label or self::div or self::body][1]"/>
      <xsl:choose>
        <xsl:when test="ed:inner-break(.) and $block[not(self::p or self::item or self::note or self::div or self::body or self::stage)]">#linebreak()</xsl:when>
        <xsl:when test="ed:inner-break(.) and matches(string(preceding::text()[normalize-space()][1]), '[\-&#x2010;&#xAC;]\s*$')">#linebreak()</xsl:when>
        <xsl:otherwise>#" ";</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A break next to a block with nothing but breaks and white space between them. -->
  <xsl:function name="ed:between-blocks" as="xs:boolean">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="before" as="node()?" select="$b/preceding-sibling::node()[ed:counts-beside-break(.)][1]"/>
    <xsl:variable name="after" as="node()?" select="$b/following-sibling::node()[ed:counts-beside-break(.)][1]"/>
    <xsl:sequence select="empty(($before, $after)[not(ed:is-block(.))])"/>
  </xsl:function>

  <!-- What stands beside a break for ed:between-blocks: words or an element other than a break. -->
  <xsl:function name="ed:counts-beside-break" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n[self::* except (self::pb | self::lb | self::cb | self::milestone | self::anchor)
      or self::text()[normalize-space()]])"/>
  </xsl:function>

  <!-- A break with words before and after it in its element. -->
  <xsl:function name="ed:inner-break" as="xs:boolean">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="exists($b/preceding-sibling::node()[self::* or normalize-space()])
      and exists($b/following-sibling::node()[self::* or normalize-space()])"/>
  </xsl:function>

  <!-- A quotation: in running text its words (the marks are the source's); set off as a block
       where it stands between blocks or holds them. -->
  <xsl:template name="ed:quote">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="inline" as="xs:boolean" required="yes"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:apply-templates mode="inline"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content" as="xs:string"><xsl:value-of><xsl:call-template name="ed:chunks"/></xsl:value-of></xsl:variable>
        <xsl:if test="normalize-space($content)">#block-quote[{$ed:nl}{$content}]{$ed:nl}{$ed:nl}</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
