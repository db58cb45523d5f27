<?xml version="1.0" encoding="UTF-8"?>
<!-- The behaviours of the processing model (xslt/model/) on the web: one named template per
     behaviour (bh:block, bh:inline, …, the names of ed:behaviours()), each taking the model map
     of the element ($model: behaviour, params, rendition) as its required parameter, with the
     TEI element as context item.

     Any TEI element of mode ed:text without a template of its own reaches the fallback at the end
     of this file: with a model, its behaviour; without one, its text (never a dropped word).
     Elements the older templates (text.xsl, notes.xsl, persons.xsl) handle keep them: they win by
     priority, so the bundled essays' pages do not change.

     Phrasing: HTML forbids blocks inside <p>, <span>, <h2>…; the tunnel parameter ed:phrasing
     says that the output so far is phrasing content, and each behaviour then writes spans with
     the same class (CSS shows them as blocks), ARIA roles where the element means something
     (table, row, cell, figure, list).

     Classes are the TEI element names (class="lg", "l", "sp", "cell" …), as bench/corpus.py and
     the stylesheet expect. Ids are the page-unique ids of ids.xsl. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns:bh="urn:tei-edition:html-behaviour"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    exclude-result-prefixes="#all">

  <xsl:include href="../model/model.xsl"/>
  <xsl:include href="ids.xsl"/>
  <xsl:include href="../common/examples.xsl"/>

  <!-- Image files present in the site (paths as graphic/@url writes them, space-separated):
       only these become <img>; of any other graphic the figure shows its caption. -->
  <xsl:param name="site-images" as="xs:string" select="''"/>
  <xsl:variable name="ed:site-images" as="xs:string*" select="tokenize($site-images)"/>

  <!-- hi/@rend and @rendition tokens (DTA: #b, #i, #g …) that have a class in edition.css. -->
  <xsl:variable name="ed:rend-classes" as="xs:string*" select="('italic', 'i', 'bold', 'b', 'g', 'k', 'c',
      'u', 'underline', 'sup', 'superscript', 'sub', 'subscript', 'aq', 'fr', 'right', 'center', 'in', 'smallcaps',
      'strikethrough', 'uu', 'spaced', 'larger', 'smaller', 'et', 'ot', 'blue', 'red')"/>

  <!-- ===== dispatch ===================================================================== -->

  <xsl:template name="ed:behaviour">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="b" as="xs:string" select="$model?behaviour"/>
    <xsl:choose>
      <xsl:when test="$b = 'block'"><xsl:call-template name="bh:block"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'inline'"><xsl:call-template name="bh:inline"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'heading'"><xsl:call-template name="bh:heading"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'paragraph'"><xsl:call-template name="bh:paragraph"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'list'"><xsl:call-template name="bh:list"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'listItem'"><xsl:call-template name="bh:listItem"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'table'"><xsl:call-template name="bh:table"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'row'"><xsl:call-template name="bh:row"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'cell'"><xsl:call-template name="bh:cell"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'figure'"><xsl:call-template name="bh:figure"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'graphic'"><xsl:call-template name="bh:graphic"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'note'"><xsl:call-template name="bh:note"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'lineGroup'"><xsl:call-template name="bh:lineGroup"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'line'"><xsl:call-template name="bh:line"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'speech'"><xsl:call-template name="bh:speech"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'speaker'"><xsl:call-template name="bh:speaker"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'stage'"><xsl:call-template name="bh:stage"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'alternate'"><xsl:call-template name="bh:alternate"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'omit'"><xsl:call-template name="bh:omit"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'link'"><xsl:call-template name="bh:link"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'anchor'"><xsl:call-template name="bh:anchor"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'section'"><xsl:call-template name="bh:section"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'break'"><xsl:call-template name="bh:break"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'label'"><xsl:call-template name="bh:label"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'title'"><xsl:call-template name="bh:title"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'dateline'"><xsl:call-template name="bh:dateline"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'signature'"><xsl:call-template name="bh:signature"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:when test="$b = 'quote'"><xsl:call-template name="bh:quote"><xsl:with-param name="model" select="$model"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(QName('urn:tei-edition', 'ed:behaviour'),
            local-name() || ': the HTML output has no behaviour ''' || $b || '''')"/>
      </xsl:otherwise>
    </xsl:choose>
    <!-- A block ends a word even where it is written as a span (verse lines in a line group). -->
    <xsl:if test="not($b = ('inline', 'alternate', 'link', 'anchor', 'break', 'omit', 'label', 'quote'))">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== helpers ====================================================================== -->

  <!-- A parameter of the model, or $default when the model does not set it. -->
  <xsl:function name="ed:param" as="item()*">
    <xsl:param name="model" as="map(*)"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="default" as="item()*"/>
    <xsl:variable name="params" as="map(*)" select="($model?params, map {})[1]"/>
    <xsl:sequence select="if (map:contains($params, $name)) then $params($name) else $default"/>
  </xsl:function>

  <!-- Class and presentation common to every behaviour: the TEI name, @type, @rend/@rendition
       tokens with a class of their own, the model's outputRendition as style, @xml:lang as lang. -->
  <xsl:template name="ed:common-attributes">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="extra" as="xs:string*" select="()"/>
    <xsl:variable name="rend" as="xs:string*"
        select="(tokenize(string-join(ed:param($model, 'rend', ()) ! string(), ' ')), tokenize(@rend), tokenize(@rendition) ! replace(., '^#', ''))"/>
    <xsl:attribute name="class" select="distinct-values((local-name(), $extra,
        @type[matches(., '^[\p{L}\d_-]+$')] ! (local-name(..) || '-' || .),
        $rend[. = $ed:rend-classes] ! ('r-' || .)))"/>
    <xsl:for-each select="$model?rendition">
      <xsl:attribute name="style" select="."/>
    </xsl:for-each>
    <xsl:for-each select="@xml:lang[normalize-space()]">
      <xsl:attribute name="lang" select="ed:language-tag(.)"/>
    </xsl:for-each>
    <xsl:if test="@xml:id">
      <xsl:attribute name="id" select="ed:html-id(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- The content: the model's 'content' parameter (nodes rendered, values as text), else the children. -->
  <xsl:template name="ed:content">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="name" as="xs:string" select="'content'"/>
    <xsl:param name="phrasing" as="xs:boolean" required="yes"/>
    <xsl:for-each select="ed:param($model, $name, node())">
      <xsl:choose>
        <xsl:when test=". instance of node()">
          <xsl:apply-templates select="." mode="ed:text">
            <xsl:with-param name="ed:phrasing" select="$phrasing" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>{.}</xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== block structure ============================================================== -->

  <xsl:template name="bh:block">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="$ed:phrasing"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template name="bh:paragraph">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'p'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A div as text.xsl writes it (section with its heading, else div); in phrasing a block span. -->
  <xsl:template name="bh:section">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="head" as="element()?" select="ed:heading(.)"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else if ($head) then 'section' else 'div'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:if test="$head and not($ed:phrasing)">
        <xsl:attribute name="aria-labelledby" select="ed:html-id($head)"/>
      </xsl:if>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="$ed:phrasing"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template name="bh:heading">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="level" as="xs:integer" select="min((max((xs:integer((ed:param($model, 'level', ()), ed:heading-level(.) + 1)[1]), 2)), 6))"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'h' || $level}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:attribute name="id" select="ed:html-id(.)"/>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A title of a part (docTitle, the head of a list, table, figure, verse group): heading-like
       but outside the page's outline. -->
  <xsl:template name="bh:title">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'p'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="('part-title', ../local-name() ! (. || '-head'), 'block'[$ed:phrasing])"/>
      </xsl:call-template>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template name="bh:dateline">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:call-template name="bh:paragraph"><xsl:with-param name="model" select="$model"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="bh:signature">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:call-template name="bh:paragraph"><xsl:with-param name="model" select="$model"/></xsl:call-template>
  </xsl:template>

  <!-- A quotation: a block quotation among blocks, else quote marks by @rend as text.xsl's q. -->
  <xsl:template name="bh:quote">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="not($ed:phrasing) and exists(tei:p | tei:lg | tei:l | tei:list | tei:table | tei:sp)">
        <blockquote>
          <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
          <xsl:call-template name="ed:content">
            <xsl:with-param name="model" select="$model"/>
            <xsl:with-param name="phrasing" select="false()"/>
          </xsl:call-template>
        </blockquote>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="rend" as="xs:string" select="string((ed:param($model, 'rend', ()), @rend)[1])"/>
        <xsl:variable name="marks" as="xs:string*" select="
            if ($rend = ('none', 'no-marks')) then ()
            else ed:quote-marks($rend)"/>
        <span>
          <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
          <xsl:text>{$marks[1]}</xsl:text>
          <xsl:call-template name="ed:content">
            <xsl:with-param name="model" select="$model"/>
            <xsl:with-param name="phrasing" select="true()"/>
          </xsl:call-template>
          <xsl:text>{$marks[2]}</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== lists ======================================================================== -->

  <!-- A list: its head as a list title; items as ul/ol, or as dl where labels pair with items;
       in phrasing spans with list roles. A page break between items goes into the next item. -->
  <xsl:template name="bh:list">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:call-template name="ed:list-parts">
      <xsl:with-param name="model" select="$model"/>
      <xsl:with-param name="phrasing" select="$ed:phrasing"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:list-parts">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="model" as="map(*)?" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" select="false()"/>
    <xsl:variable name="list" as="element()" select="."/>
    <xsl:variable name="items" as="element()*" select="* except (tei:head | tei:label | tei:pb | tei:lb | tei:cb | tei:milestone | tei:note | tei:fw)"/>
    <xsl:variable name="ordered" as="xs:boolean" select="@type = ('ordered', 'numbered', 'decimal', 'roman', 'alpha', 'enumerated')"/>
    <xsl:variable name="wrapper" as="xs:string" select="
        if ($phrasing) then 'span' else if (tei:label) then 'dl' else if ($ordered) then 'ol' else 'ul'"/>
    <xsl:apply-templates select="tei:head" mode="ed:list-head">
      <xsl:with-param name="phrasing" select="$phrasing"/>
    </xsl:apply-templates>
    <xsl:element name="{$wrapper}">
      <xsl:attribute name="class" select="local-name(), @type[matches(., '^[\p{L}\d_-]+$')] ! ('list-' || .), 'block'[$phrasing]"/>
      <xsl:if test="$phrasing"><xsl:attribute name="role" select="'list'"/></xsl:if>
      <xsl:for-each select="$model?rendition"><xsl:attribute name="style" select="."/></xsl:for-each>
      <xsl:for-each select="$items">
        <xsl:variable name="item" as="element()" select="."/>
        <xsl:variable name="label" as="element()?" select="preceding-sibling::*[1][self::tei:label]"/>
        <xsl:variable name="before" as="element()*" select="preceding-sibling::*[self::tei:pb or self::tei:lb or self::tei:cb or self::tei:milestone or self::tei:note or self::tei:fw][following-sibling::*[not(self::tei:label)][1] is $item]"/>
        <xsl:choose>
          <xsl:when test="$wrapper = 'dl'">
            <div>
              <dt class="label">
                <xsl:apply-templates select="$label/node()" mode="ed:text">
                  <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
                </xsl:apply-templates>
              </dt>
              <dd>
                <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:html-id(.)"/></xsl:if>
                <xsl:call-template name="ed:list-item-body">
                  <xsl:with-param name="before" select="$before"/>
                  <xsl:with-param name="phrasing" select="false()"/>
                </xsl:call-template>
              </dd>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <xsl:element name="{if ($phrasing) then 'span' else 'li'}">
              <xsl:attribute name="class" select="local-name(), 'block'[$phrasing]"/>
              <xsl:if test="$phrasing"><xsl:attribute name="role" select="'listitem'"/></xsl:if>
              <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:html-id(.)"/></xsl:if>
              <xsl:for-each select="$label">
                <span class="label">
                  <xsl:apply-templates mode="ed:text">
                    <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
                  </xsl:apply-templates>
                </span>
                <xsl:text> </xsl:text>
              </xsl:for-each>
              <xsl:call-template name="ed:list-item-body">
                <xsl:with-param name="before" select="$before"/>
                <xsl:with-param name="phrasing" select="$phrasing"/>
              </xsl:call-template>
            </xsl:element>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </xsl:element>
    <!-- labels without an item, breaks after the last item -->
    <xsl:apply-templates mode="ed:text" select="(tei:label[not(following-sibling::*[1] intersect $items)],
        (tei:pb | tei:lb | tei:cb | tei:milestone | tei:note | tei:fw)[empty(following-sibling::* intersect $items)])">
      <xsl:with-param name="ed:phrasing" select="$phrasing" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template name="ed:list-item-body">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="before" as="element()*" required="yes"/>
    <xsl:param name="phrasing" as="xs:boolean" required="yes"/>
    <xsl:apply-templates select="$before" mode="ed:text">
      <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:choose>
      <xsl:when test="self::tei:item or self::tei:castItem or self::tei:bibl">
        <xsl:apply-templates mode="ed:text">
          <xsl:with-param name="ed:phrasing" select="$phrasing" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="ed:text">
          <xsl:with-param name="ed:phrasing" select="$phrasing" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:mode name="ed:list-head" on-no-match="fail"/>
  <xsl:template match="tei:head" mode="ed:list-head">
    <xsl:param name="phrasing" as="xs:boolean" required="yes"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'head', 'list-head', 'block'[$phrasing]"/>
      <xsl:apply-templates mode="ed:text">
        <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- An item met outside a list's own rendering (a list behaviour renders its items itself). -->
  <xsl:template name="bh:listItem">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:call-template name="bh:block"><xsl:with-param name="model" select="$model"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="bh:label">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <span>
      <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== tables ======================================================================= -->

  <xsl:template name="bh:table">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'table'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:if test="$ed:phrasing"><xsl:attribute name="role" select="'table'"/></xsl:if>
      <xsl:for-each select="tei:head">
        <xsl:element name="{if ($ed:phrasing) then 'span' else 'caption'}">
          <xsl:attribute name="class" select="'head', 'table-head', 'block'[$ed:phrasing]"/>
          <xsl:apply-templates mode="ed:text">
            <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:for-each>
      <xsl:variable name="rows" as="element()*" select="* except tei:head"/>
      <xsl:choose>
        <xsl:when test="$ed:phrasing">
          <xsl:apply-templates select="$rows" mode="ed:text"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- Only rows may sit in tbody: whatever else (pb, notes, …) goes into a full-width row. -->
          <tbody>
            <xsl:for-each select="$rows">
              <xsl:choose>
                <xsl:when test="self::tei:row"><xsl:apply-templates select="." mode="ed:text"/></xsl:when>
                <!-- a line break between rows: the rows break the lines -->
                <xsl:when test="self::tei:lb"/>
                <xsl:otherwise>
                  <tr class="table-other">
                    <td colspan="{max(($rows/self::tei:row ! sum(tei:cell ! xs:integer((@cols[. castable as xs:integer], 1)[1])), 1))}">
                      <xsl:apply-templates select="." mode="ed:text"/>
                    </td>
                  </tr>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </tbody>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template name="bh:row">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'tr'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:if test="$ed:phrasing"><xsl:attribute name="role" select="'row'"/></xsl:if>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::tei:lb and not($ed:phrasing)"/>
          <xsl:when test="self::tei:cell or $ed:phrasing or (self::text() and not(normalize-space()))">
            <xsl:apply-templates select="." mode="ed:text"/>
          </xsl:when>
          <xsl:otherwise><td class="row-other"><xsl:apply-templates select="." mode="ed:text"/></td></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A cell: th where it (or its row) has role="label"; @cols/@rows as colspan/rowspan. -->
  <xsl:template name="bh:cell">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="role" as="xs:string" select="string((ed:param($model, 'role', ()), @role, parent::tei:row/@role)[1])"/>
    <xsl:variable name="header" as="xs:boolean" select="$role = 'label' or parent::tei:row/@role = 'label'"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else if ($header) then 'th' else 'td'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ed:phrasing">
          <xsl:attribute name="role" select="if ($header) then 'columnheader' else 'cell'"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="(ed:param($model, 'cols', ()), @cols)[1][string(.) castable as xs:integer][xs:integer(string(.)) gt 1]">
            <xsl:attribute name="colspan" select="xs:integer(string(.))"/>
          </xsl:for-each>
          <xsl:for-each select="(ed:param($model, 'rows', ()), @rows)[1][string(.) castable as xs:integer][xs:integer(string(.)) gt 1]">
            <xsl:attribute name="rowspan" select="xs:integer(string(.))"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="$ed:phrasing"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- ===== figures ====================================================================== -->

  <!-- A figure: its images (graphic) and its caption (head, then figDesc, then the rest). -->
  <xsl:template name="bh:figure">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="caption" as="node()*" select="node() except tei:graphic"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'figure'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:if test="$ed:phrasing"><xsl:attribute name="role" select="'figure'"/></xsl:if>
      <xsl:apply-templates select="tei:graphic" mode="ed:text"/>
      <xsl:if test="exists($caption[self::* or normalize-space()])">
        <xsl:element name="{if ($ed:phrasing) then 'span' else 'figcaption'}">
          <xsl:attribute name="class" select="'figcaption', 'block'[$ed:phrasing]"/>
          <xsl:apply-templates select="$caption" mode="ed:figure-caption"/>
        </xsl:element>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:mode name="ed:figure-caption" on-no-match="shallow-skip"/>
  <xsl:template match="node()" mode="ed:figure-caption">
    <xsl:apply-templates select="." mode="ed:text">
      <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>
  <xsl:template match="tei:head | tei:figDesc" mode="ed:figure-caption">
    <span class="{local-name()} block">
      <xsl:apply-templates mode="ed:text">
        <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- An image, when its file is in the site; its alt text the figure's description. -->
  <xsl:template name="bh:graphic">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="url" as="xs:string" select="string((ed:param($model, 'url', ()), @url)[1])"/>
    <xsl:if test="$url = $ed:site-images">
      <img src="{$url}" alt="{normalize-space(string-join((tei:desc, ../tei:figDesc, ../tei:head)[1]//text()))}">
        <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
      </img>
    </xsl:if>
  </xsl:template>

  <!-- ===== verse and drama ============================================================== -->

  <xsl:template name="bh:lineGroup">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($ed:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'block'[$ed:phrasing]"/>
      </xsl:call-template>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="$ed:phrasing"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A verse line on a line of its own, its number (@n) in the margin. -->
  <xsl:template name="bh:line">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="n" as="xs:string" select="normalize-space(string((ed:param($model, 'n', ()), @n)[1]))"/>
    <span>
      <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
      <xsl:if test="$n">
        <span class="l-n" data-pagefind-ignore="all">{$n}</span>
      </xsl:if>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="bh:speech">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:call-template name="bh:lineGroup"><xsl:with-param name="model" select="$model"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="bh:speaker">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:call-template name="bh:paragraph"><xsl:with-param name="model" select="$model"/></xsl:call-template>
  </xsl:template>

  <!-- A stage direction: a paragraph of its own between speeches and lines, inline within a line. -->
  <xsl:template name="bh:stage">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$ed:phrasing and (parent::tei:l or parent::tei:p or parent::tei:speaker)">
        <xsl:text> </xsl:text>
        <span>
          <xsl:call-template name="ed:common-attributes">
            <xsl:with-param name="model" select="$model"/>
            <xsl:with-param name="extra" select="'stage-inline'"/>
          </xsl:call-template>
          <xsl:call-template name="ed:content">
            <xsl:with-param name="model" select="$model"/>
            <xsl:with-param name="phrasing" select="true()"/>
          </xsl:call-template>
        </span>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="bh:paragraph"><xsl:with-param name="model" select="$model"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== phrases ====================================================================== -->

  <!-- An inline phrase: HTML's own element where there is one (del, ins, em, cite …), else a span. -->
  <xsl:template name="bh:inline">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="name" as="xs:string" select="
        if (self::tei:del) then 'del' else if (self::tei:add) then 'ins'
        else if (self::tei:title) then 'cite' else if (self::tei:emph) then 'em' else 'span'"/>
    <!-- The parts of a substitution (add, del) are read apart. -->
    <xsl:if test="parent::tei:subst and preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{$name}">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="@place[self::attribute() and ../self::tei:add] ! ('add-' || replace(., '\s+', '-'))"/>
      </xsl:call-template>
      <xsl:for-each select="self::tei:unclear | self::tei:supplied | self::tei:damage | self::tei:gap | self::tei:add | self::tei:del">
        <xsl:variable name="what" as="xs:string*" select="(local-name(), @reason, @hand, @agent, @cert ! ('cert: ' || .))"/>
        <xsl:attribute name="title" select="string-join($what, ' · ')"/>
      </xsl:for-each>
      <xsl:if test="self::tei:rdg or self::tei:lem">
        <xsl:for-each select="@wit[normalize-space()]">
          <xsl:attribute name="data-wit" select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- Alternatives (choice, app): the default reading, the others beside it in brackets, each
       with its TEI name as class (sic, corr, abbr, expan, orig, reg, lem, rdg). -->
  <xsl:template name="bh:alternate">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="default" as="item()*" select="ed:param($model, 'default', *[1])"/>
    <xsl:variable name="alternate" as="item()*" select="ed:param($model, 'alternate', * except $default)"/>
    <xsl:variable name="reading" as="xs:boolean" select="boolean(ed:param($model, 'reading', false()))"/>
    <span>
      <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
      <xsl:choose>
        <!-- Two readings of one place (sic/corr, abbr/expan, orig/reg): the normalised one in the
             text, the diplomatic one instead of it when the reader asks for it (#diplomatisch). -->
        <xsl:when test="$reading">
          <span class="alt-default reading-norm">
            <xsl:apply-templates select="$default" mode="ed:text">
              <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </span>
          <span class="alt-other reading-dipl" data-pagefind-ignore="all">
            <xsl:apply-templates select="$alternate" mode="ed:text">
              <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </span>
        </xsl:when>
        <xsl:otherwise>
      <span class="alt-default">
        <xsl:apply-templates select="$default" mode="ed:text">
          <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
      <xsl:for-each select="$alternate">
        <span class="alt-other"><span aria-hidden="true"> [</span><xsl:if test="self::tei:rdg/@wit"><span class="wit">{normalize-space(@wit)}: </span></xsl:if>
          <xsl:apply-templates select="." mode="ed:text">
            <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates><span aria-hidden="true">]</span></span>
      </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template name="bh:omit">
    <xsl:param name="model" as="map(*)" required="yes"/>
  </xsl:template>

  <!-- A link as the one link policy allows (common/links.xsl); a ptr shows its target. -->
  <xsl:template name="bh:link">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="target" as="xs:string" select="normalize-space(string((ed:param($model, 'target', ()), @target)[1]))"/>
    <xsl:variable name="first" as="xs:string" select="string(tokenize($target)[1])"/>
    <xsl:choose>
      <xsl:when test="$first and ed:link-allowed($first)">
        <a href="{ed:link-href($first, '.html')}">
          <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
          <xsl:call-template name="ed:content">
            <xsl:with-param name="model" select="$model"/>
            <xsl:with-param name="phrasing" select="true()"/>
          </xsl:call-template>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
          <xsl:call-template name="ed:content">
            <xsl:with-param name="model" select="$model"/>
            <xsl:with-param name="phrasing" select="true()"/>
          </xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A point in the text (anchor, milestone, addSpan …): an empty span with its id, if it has one. -->
  <xsl:template name="bh:anchor">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:if test="@xml:id or self::tei:milestone">
      <span>
        <xsl:call-template name="ed:common-attributes"><xsl:with-param name="model" select="$model"/></xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- Breaks: a line break; a page break as text.xsl writes it; column and other breaks as a mark. -->
  <xsl:template name="bh:break">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="type" as="xs:string" select="string((ed:param($model, 'type', ()), 'line')[1])"/>
    <xsl:choose>
      <xsl:when test="$type = 'line'"><br/></xsl:when>
      <xsl:when test="$type = 'page'">
        <xsl:call-template name="ed:page-break"/>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()} break-{$type}" aria-hidden="true"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note that is no footnote (notes.xsl): shown where it stands, set off from the text — in
       the margin (place margin, left, right), else inline in brackets, its label before it. -->
  <xsl:template name="bh:note">
    <xsl:param name="model" as="map(*)" required="yes"/>
    <xsl:variable name="place" as="xs:string" select="normalize-space(string((@place, ed:param($model, 'place', ()))[1]))"/>
    <xsl:variable name="where" as="xs:string" select="
        if (tokenize($place) = ('margin', 'left', 'right', 'margin-left', 'margin-right', 'marginLeft', 'marginRight', 'marginOuter', 'marginInner')) then 'margin'
        else if ($place = ('end', 'bottom')) then 'end' else 'inline'"/>
    <xsl:variable name="n" as="xs:string" select="normalize-space(string((ed:param($model, 'n', ()), @n)[1]))"/>
    <xsl:text> </xsl:text>
    <span role="note">
      <xsl:call-template name="ed:common-attributes">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="extra" select="'note-' || $where"/>
      </xsl:call-template>
      <xsl:attribute name="id" select="ed:html-id(.)"/>
      <span class="note-label"><xsl:sequence select="ed:interface-lang(.)"/>{ed:label('note-short')}<xsl:if test="$n"> {$n}</xsl:if>:</span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="ed:content">
        <xsl:with-param name="model" select="$model"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== the fallback ================================================================= -->

  <!-- An example of XML (egXML): its markup as code (xslt/common/examples.xsl). -->
  <xsl:template match="eg:egXML" mode="ed:text">
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="code" as="element()"><code class="egXML">{ed:example-markup(.)}</code></xsl:variable>
    <xsl:choose>
      <xsl:when test="$ed:phrasing"><xsl:sequence select="$code"/></xsl:when>
      <xsl:otherwise><pre class="egXML"><xsl:sequence select="$code"/></pre></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element in another language than its surroundings: whichever template writes it, the
       element it writes says so (lang), for screen readers, hyphenation and the search index. -->
  <xsl:template match="tei:*[@xml:lang][normalize-space(@xml:lang)]" mode="ed:text" priority="40">
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="elements" as="element()*" select="$out[. instance of element()]"/>
    <xsl:variable name="lang" as="xs:string" select="ed:language-tag(@xml:lang)"/>
    <xsl:choose>
      <xsl:when test="count($elements) eq 1 and empty($elements/@lang) and empty($out[. instance of text()][normalize-space()])">
        <xsl:for-each select="$out">
          <xsl:choose>
            <xsl:when test=". instance of element()">
              <xsl:copy>
                <xsl:attribute name="lang" select="$lang"/>
                <xsl:sequence select="@*, node()"/>
              </xsl:copy>
            </xsl:when>
            <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$out"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element the edition's own ODD models: its model, whatever template the toolkit has. -->
  <xsl:template match="tei:*[ed:overridden(.)]" mode="ed:text" priority="50">
    <xsl:call-template name="ed:modelled"/>
  </xsl:template>

  <!-- Any TEI element of the text without a template of its own: its model's behaviour; without a
       model its text, as a block where it holds blocks or stands among blocks, else inline. -->
  <xsl:template match="tei:*" mode="ed:text" priority="-10">
    <xsl:call-template name="ed:modelled"/>
  </xsl:template>

  <xsl:template name="ed:modelled">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="ed:phrasing" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="model" as="map(*)?" select="ed:model(.)"/>
    <xsl:choose>
      <xsl:when test="exists($model)">
        <xsl:call-template name="ed:behaviour">
          <xsl:with-param name="model" select="$model"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="block" as="xs:boolean" select="not($ed:phrasing) and
            (exists(parent::tei:div | parent::tei:body | parent::tei:front | parent::tei:back | parent::tei:text)
             or exists(tei:p | tei:div | tei:lg | tei:list | tei:table | tei:sp | tei:figure | tei:ab))"/>
        <xsl:element name="{if ($block) then 'div' else 'span'}">
          <xsl:attribute name="class" select="local-name(), 'unmodelled'"/>
          <xsl:apply-templates mode="#current">
            <xsl:with-param name="ed:phrasing" select="not($block)" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
