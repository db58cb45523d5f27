<?xml version="1.0" encoding="UTF-8"?>
<!-- How the essay text shows on the web: mode ed:text turns TEI text structure and phrases into HTML. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/links.xsl"/>
  <xsl:include href="../common/typography.xsl"/>
  <xsl:include href="behaviours.xsl"/>

  <xsl:mode name="ed:text" on-no-match="text-only-copy"/>

  <xsl:template match="tei:teiHeader" mode="ed:text"/>

  <xsl:template match="tei:text" mode="ed:text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="tei:front" mode="ed:text">
    <xsl:param name="ed:after-front" as="element()?" select="()" tunnel="yes"/>
    <header class="essay-front">
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="false()" tunnel="yes"/></xsl:apply-templates>
    </header>
    <xsl:sequence select="$ed:after-front[current()/parent::tei:text/parent::tei:TEI and empty(current()/preceding-sibling::tei:front)]"/>
  </xsl:template>

  <xsl:template match="tei:body | tei:back" mode="ed:text">
    <div class="essay-{local-name()}">
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="false()" tunnel="yes"/></xsl:apply-templates>
    </div>
  </xsl:template>

  <xsl:template match="tei:docTitle" mode="ed:text">
    <h1 id="{ed:html-id(.)}">
      <xsl:for-each select="tei:titlePart">
        <xsl:if test="position() gt 1"><span class="visually-hidden">. </span></xsl:if>
        <span class="title-{(@type, 'main')[1]}">
          <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
        </span>
      </xsl:for-each>
    </h1>
  </xsl:template>

  <xsl:template match="tei:byline" mode="ed:text">
    <p class="byline" id="{ed:html-id(.)}">
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
    </p>
  </xsl:template>

  <xsl:template match="tei:div" mode="ed:text">
    <xsl:element name="{if (ed:has-heading(.)) then 'section' else 'div'}">
      <xsl:attribute name="class" select="'div div-' || (@type, 'section')[1]"/>
      <xsl:if test="ed:has-heading(.)">
        <xsl:attribute name="aria-labelledby" select="ed:html-id(ed:heading(.))"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="false()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A section's heading; other heads (of lists, tables, figures, verse) by the model. -->
  <xsl:template match="tei:div/tei:head[not(ed:has-words(.))]" mode="ed:text" priority="1">
    <!-- a head without words is no heading: what it holds (a page break, a note) stays -->
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:div/tei:head" mode="ed:text">
    <xsl:element name="h{min((ed:heading-level(.) + 1, 6))}">
      <xsl:attribute name="id" select="ed:html-id(.)"/>
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A numbered paragraph: its number sits in the margin and is the link to cite it by. -->
  <xsl:template match="tei:p[ed:is-numbered(.)]" mode="ed:text">
    <xsl:variable name="anchor" as="xs:string" select="ed:html-id(.)"/>
    <p class="para" id="{$anchor}">
      <xsl:call-template name="ed:block-number">
        <xsl:with-param name="anchor" select="$anchor"/>
      </xsl:call-template>
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
    </p>
  </xsl:template>

  <xsl:template match="tei:p" mode="ed:text">
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'p'}">
      <xsl:if test="$ed:phrasing"><xsl:attribute name="class" select="'p block'"/></xsl:if>
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list[ed:is-numbered(.)]" mode="ed:text">
    <xsl:variable name="anchor" as="xs:string" select="ed:html-id(.)"/>
    <div class="para list" id="{$anchor}">
      <xsl:call-template name="ed:block-number">
        <xsl:with-param name="anchor" select="$anchor"/>
      </xsl:call-template>
      <xsl:call-template name="ed:list-body"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:list" mode="ed:text">
    <xsl:call-template name="ed:list-body"/>
  </xsl:template>

  <!-- Only li may sit in ul: a page break between items moves into the next item, one after the
       last item follows the list. -->
  <xsl:template name="ed:list-body">
    <xsl:context-item as="element(tei:list)" use="required"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <!-- Heads, labels, other types and lists in phrasing: the list behaviour (behaviours.xsl). -->
      <xsl:when test="$ed:phrasing or exists(* except (tei:item | tei:pb)) or @type = ('ordered', 'numbered', 'decimal', 'roman', 'alpha', 'enumerated')">
        <xsl:call-template name="ed:list-parts">
          <xsl:with-param name="phrasing" select="$ed:phrasing"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
    <ul><xsl:apply-templates select="tei:item" mode="#current"/></ul>
    <xsl:apply-templates select="tei:pb[empty(following-sibling::tei:item)]" mode="#current"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:item" mode="ed:text">
    <xsl:variable name="item" as="element(tei:item)" select="."/>
    <li>
      <xsl:apply-templates select="preceding-sibling::tei:pb[following-sibling::tei:item[1] is $item]" mode="#current"/>
      <xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="false()" tunnel="yes"/></xsl:apply-templates>
    </li>
  </xsl:template>

  <xsl:template name="ed:block-number">
    <xsl:param name="anchor" as="xs:string" required="yes"/>
    <a class="pnum" href="#{$anchor}" data-pagefind-ignore="all"
       aria-label="{ed:label('paragraph')} {ed:block-number(.)}">{ed:block-number(.)}</a>
  </xsl:template>

  <xsl:template match="tei:closer" mode="ed:text">
    <p class="closer" id="{ed:html-id(.)}"><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></p>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:docAuthor" mode="ed:text">
    <span class="{local-name()}"><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></span>
  </xsl:template>

  <!-- Source page breaks: a marker at the break, its label "[S. n]" in the margin. Between blocks
       the marker is a block of its own, inside running text an inline span. -->
  <xsl:template match="tei:pb" mode="ed:text">
    <xsl:call-template name="ed:page-break"/>
  </xsl:template>

  <!-- A web address of the facsimile of a page: @facs itself, or the graphic of the surface (or
       graphic) it points to in the text's facsimile; only what the link policy lets out. -->
  <!-- The facsimile's surfaces and graphics by id: looked up per page break, never searched for. -->
  <xsl:key name="ed:facsimile-part" match="tei:facsimile//*[@xml:id]" use="string(@xml:id)"/>

  <xsl:function name="ed:facsimile-url" as="xs:string?">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="facs" as="xs:string" select="normalize-space(tokenize($pb/@facs)[1])"/>
    <xsl:variable name="target" as="element()?" select="if (starts-with($facs, '#'))
        then $pb/ancestor::tei:TEI[1] ! key('ed:facsimile-part', substring($facs, 2), .)[1] else ()"/>
    <xsl:variable name="url" as="xs:string?" select="if (starts-with($facs, '#'))
        then ($target/descendant-or-self::tei:graphic/@url, $target/@url)[1] ! normalize-space(.) else $facs[.]"/>
    <xsl:sequence select="$url[ed:link-kind(.) = 'external']"/>
  </xsl:function>

  <!-- A page break without @n: the marker without a number (no "[S. ]"). -->
  <xsl:template name="ed:page-break">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="n" as="xs:string" select="normalize-space(@n)"/>
    <xsl:variable name="id" as="xs:string" select="ed:html-id(.)"/>
    <xsl:variable name="label" as="xs:string" select="'[' || ed:label('page-short') || (if ($n) then ' ' || $n else '') || ']'"/>
    <xsl:variable name="inline" as="xs:boolean"
        select="$ed:phrasing or exists(parent::*[self::tei:p or self::tei:item or self::tei:list or self::tei:head or self::tei:titlePart
                or self::tei:hi or self::tei:q or self::tei:note or self::tei:dateline or self::tei:byline])"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'pb', if ($inline) then 'pb-inline' else 'pb-block'"/>
      <xsl:attribute name="id" select="$id"/>
      <xsl:choose>
        <xsl:when test="$n">
          <a class="pb-label" href="#{$id}" data-pagefind-ignore="all">{$label}<span
             class="visually-hidden"><xsl:sequence select="ed:interface-lang(.)"/> ({ed:label-format('page-start', map { 'number': $n })})</span></a>
        </xsl:when>
        <xsl:otherwise>
          <a class="pb-label" href="#{$id}" data-pagefind-ignore="all" aria-label="{ed:label('page-short')}">[{ed:label('page-short')}]</a>
        </xsl:otherwise>
      </xsl:choose>
      <!-- the page's facsimile, where @facs gives (or points to a surface with) a web address -->
      <xsl:variable name="facs" as="xs:string?" select="ed:facsimile-url(.)"/>
      <xsl:if test="exists($facs)">
        <xsl:text> </xsl:text>
        <a class="pb-facs" href="{$facs}" data-pagefind-ignore="all">{ed:label('facsimile')}<span class="visually-hidden"> ({ed:label('page-short')}{(' ' || $n)[$n]})</span></a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:q" mode="ed:text">
    <xsl:variable name="printed" as="xs:string+" select="ed:quote-marks(@rend)"/>
    <xsl:variable name="marks" as="xs:string+" select="ed:reading-quote-marks(.)"/>
    <span class="q"><xsl:sequence select="ed:typography-html($printed[1], $marks[1])"/><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates><xsl:sequence select="ed:typography-html($printed[2], $marks[2])"/></span>
  </xsl:template>

  <!-- ===== typography of the reading text (common/typography.xsl) ===== -->
  <!-- What the normalisation changes shows as read; the printed form in the diplomatic view.
       Other text is copied as it is (the mode's default). -->
  <xsl:template match="text()[ed:typography-candidate(.)]" mode="ed:text">
    <xsl:for-each select="ed:typography-segments(.)">
      <xsl:sequence select="ed:typography-html(?1, ?2)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:function name="ed:typography-html" as="node()*">
    <xsl:param name="printed" as="xs:string"/>
    <xsl:param name="reading" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$printed eq $reading"><xsl:value-of select="$printed"/></xsl:when>
      <xsl:otherwise><span class="reading-norm">{$reading}</span><span class="reading-dipl" data-pagefind-ignore="all">{$printed}</span></xsl:otherwise>
    </xsl:choose>
  </xsl:function>
  <!-- ===== end of typography ===== -->

  <xsl:template match="tei:hi[@rend = 'italic']" mode="ed:text">
    <em><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></em>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'bold']" mode="ed:text">
    <strong><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></strong>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'superscript']" mode="ed:text">
    <sup><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></sup>
  </xsl:template>
  <!-- hi by @rendition (DTA #i, #b, #g …) or by several @rend tokens: the model's inline behaviour. -->
  <xsl:template match="tei:hi[@rendition or count(tokenize(@rend)) gt 1]" mode="ed:text" priority="1">
    <xsl:call-template name="ed:behaviour">
      <xsl:with-param name="model" select="(ed:model(.), map { 'behaviour': 'inline', 'params': map {} })[1]"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:hi" mode="ed:text">
    <span class="{(@rend, 'hi')[1]}"><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></span>
  </xsl:template>

  <!-- A source error: printed form kept, the correction beside it. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="ed:text">
    <span class="sic"><xsl:apply-templates select="tei:sic/node()" mode="#current"/></span>
    <span class="corr reading-norm"><span class="visually-hidden"><xsl:sequence select="ed:interface-lang(.)"/> ({ed:label('corrected')}: </span><span aria-hidden="true"> [</span><xsl:apply-templates select="tei:corr/node()" mode="#current"/><span aria-hidden="true">]</span><span class="visually-hidden">)</span></span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="ed:text">
    <span class="gap" title="{ed:label('gap')}"><span aria-hidden="true">[…]</span><span class="visually-hidden"><xsl:sequence select="ed:interface-lang(.)"/>[{ed:label('gap')}]</span><xsl:if test="normalize-space()"><span class="gap-desc"> (<xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>)</span></xsl:if></span>
  </xsl:template>

  <!-- Links as the one policy of every output allows (common/links.xsl): a javascript: or data: target stays plain text. -->
  <xsl:template match="tei:ref[@target][ed:link-allowed(@target)]" mode="ed:text">
    <a href="{ed:link-href(@target, '.html')}"><xsl:apply-templates mode="#current"><xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/></xsl:apply-templates></a>
  </xsl:template>

  <!-- A line break within running text; between blocks (verse lines, paragraphs of a DTA text)
       and at the end of a verse line the blocks already break the line. -->
  <xsl:variable name="ed:inline-names" as="xs:string+" select="tokenize('abbr add addName am app choice corr damage
      date del distinct emph ex expan foreign forename g genName geogName gloss hi lem measure mentioned name
      nameLink num orgName orig pc persName placeName q quote rdg reg roleName rs said seg sic soCalled subst
      supplied surname surplus term time title unclear w c ref ptr gap')"/>
  <xsl:template match="tei:lb" mode="ed:text">
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="before" as="node()?" select="preceding-sibling::node()[self::* or normalize-space()][1]"/>
    <xsl:choose>
      <!-- A break inside a word (break="no"): the word stays whole in the reading text and in the
           search index; the diplomatic reading shows the break. -->
      <xsl:when test="@break = 'no'"><span class="lb-join reading-dipl" data-pagefind-ignore="all"><br/></span></xsl:when>
      <xsl:when test="parent::tei:l and empty(following-sibling::node()[self::* or normalize-space()])"/>
      <xsl:when test="$ed:phrasing or $before/self::text() or $before/self::tei:*[local-name() = $ed:inline-names]"><br/></xsl:when>
      <!-- Kept for the text (a word hyphenated across two verse lines), shown by the blocks. -->
      <xsl:otherwise><br class="lb-block"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The normalised value in the text itself, shown when the reader asks for it (checkbox
       #daten-zeigen, pure CSS) and where it says more than the printed words. -->
  <xsl:template name="ed:date-norm">
    <xsl:context-item as="element(tei:date)" use="required"/>
    <xsl:param name="normalised" as="xs:string" required="yes"/>
    <xsl:if test="normalize-space(.) ne $normalised">
      <span class="date-norm" data-pagefind-ignore="all"> [{$normalised}]</span>
    </xsl:if>
  </xsl:template>

  <!-- A date: the text as printed; its normalised value is machine-readable and shown on hover. -->
  <xsl:template match="tei:date" mode="ed:text">
    <xsl:variable name="normalised" as="xs:string?" select="ed:date-label(.)"/>
    <xsl:variable name="point" as="xs:string?" select="@when[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')] ! string(.)"/>
    <xsl:choose>
      <xsl:when test="empty($normalised)">
        <span class="date"><xsl:apply-templates mode="#current"/></span>
      </xsl:when>
      <xsl:when test="$point">
        <time class="date" datetime="{$point}" title="{$normalised}"><xsl:apply-templates mode="#current"/></time>
        <xsl:call-template name="ed:date-norm">
          <xsl:with-param name="normalised" select="$normalised"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="date" title="{$normalised}"><xsl:apply-templates mode="#current"/></span>
        <xsl:call-template name="ed:date-norm">
          <xsl:with-param name="normalised" select="$normalised"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
