<?xml version="1.0" encoding="UTF-8"?>
<!-- The processing model: what each TEI element is, read from TEI ODD (default.odd beside this
     file, replaced per element by the edition's own ODD), kept apart from how any output shows
     it. Both outputs ask ed:model(.) and implement the behaviour it names once
     (xslt/html/behaviours.xsl, xslt/pdf/behaviours.xsl).

     The ODD is interpreted here, never compiled into code: a predicate or a parameter value is
     an XPath expression evaluated (xsl:evaluate) with the element as context item, the TEI
     namespace as default element namespace and the namespaces in scope on the <model>. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:tei-edition"
  exclude-result-prefixes="#all">

  <!-- The edition's own ODD: an absolute file URI, or '' for none. Its elementSpecs replace
       the default's for the same ident; mode="delete" removes the default's model. -->
  <xsl:param name="edition-odd" as="xs:string" select="''"/>

  <xsl:variable name="ed:default-odd" as="document-node()" select="doc('default.odd')"/>
  <xsl:variable name="ed:edition-odd" as="document-node()?"
    select="if (normalize-space($edition-odd)) then doc(normalize-space($edition-odd)) else ()"/>

  <!-- ident → the elementSpec that holds the element's models. -->
  <xsl:variable name="ed:specs" as="map(xs:string, element(tei:elementSpec))">
    <xsl:map>
      <!-- The edition's specs after the default's: "//" over two documents would sort them in an
           order between documents that is the processor's choice, so each is selected alone. -->
      <xsl:for-each-group select="$ed:default-odd//tei:schemaSpec/tei:elementSpec, $ed:edition-odd//tei:schemaSpec/tei:elementSpec"
          group-by="string(@ident)">
        <xsl:variable name="spec" as="element(tei:elementSpec)" select="current-group()[last()]"/>
        <xsl:if test="not($spec/@mode = 'delete')">
          <xsl:map-entry key="current-grouping-key()" select="$spec"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- Idents the edition's own ODD models: these go through the model in every output, ahead of
       the toolkit's own templates for the bundled essays' elements (so an edition changes how
       a p, a head or a q is shown without touching the toolkit's XSLT). -->
  <xsl:variable name="ed:edition-idents" as="xs:string*"
    select="$ed:edition-odd//tei:schemaSpec/tei:elementSpec/string(@ident)"/>

  <xsl:function name="ed:overridden" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="namespace-uri($el) eq 'http://www.tei-c.org/ns/1.0' and local-name($el) = $ed:edition-idents"/>
  </xsl:function>

  <!-- The behaviour vocabulary: the same names in every output. -->
  <xsl:function name="ed:behaviours" as="xs:string+">
    <xsl:sequence select="('block', 'inline', 'heading', 'paragraph', 'list', 'listItem', 'table', 'row',
      'cell', 'figure', 'graphic', 'note', 'lineGroup', 'line', 'speech', 'speaker', 'stage', 'alternate',
      'omit', 'link', 'anchor', 'section', 'break', 'label', 'title', 'dateline', 'signature', 'quote')"/>
  </xsl:function>

  <!-- The elementSpec of a TEI element, if the model has one. -->
  <xsl:function name="ed:spec" as="element(tei:elementSpec)?">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if (namespace-uri($el) eq 'http://www.tei-c.org/ns/1.0') then $ed:specs(local-name($el)) else ()"/>
  </xsl:function>

  <xsl:function name="ed:has-model" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists(ed:spec($el))"/>
  </xsl:function>

  <!-- XPath of the ODD, evaluated with the element as context. -->
  <xsl:function name="ed:evaluate" as="item()*">
    <xsl:param name="xpath" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="where" as="element()"/>
    <xsl:evaluate xpath="$xpath" context-item="$el" namespace-context="$where"
      xpath-default-namespace="http://www.tei-c.org/ns/1.0"/>
  </xsl:function>

  <!-- The one model of the element: the predicated model whose predicate holds, else the model
       without predicate; two that match are an error of the ODD (never a silent choice). -->
  <xsl:function name="ed:model" as="map(*)?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="spec" as="element(tei:elementSpec)?" select="ed:spec($el)"/>
    <xsl:variable name="models" as="element(tei:model)*" select="$spec/(tei:model | tei:modelGrp/tei:model)"/>
    <xsl:variable name="predicated" as="element(tei:model)*"
      select="$models[@predicate][boolean(ed:evaluate(string(@predicate), $el, .))]"/>
    <xsl:variable name="chosen" as="element(tei:model)*"
      select="if (exists($predicated)) then $predicated else $models[not(@predicate)]"/>
    <xsl:if test="count($chosen) gt 1">
      <xsl:sequence select="error(QName('urn:tei-edition', 'ed:model'),
        local-name($el) || ': two models match (' || string-join($chosen ! (@behaviour || (@predicate ! ('[' || . || ']'))), ', ')
        || ') at ' || path($el))"/>
    </xsl:if>
    <xsl:for-each select="$chosen">
      <xsl:if test="not(@behaviour = ed:behaviours())">
        <xsl:sequence select="error(QName('urn:tei-edition', 'ed:model'),
          local-name($el) || ': unknown behaviour ''' || @behaviour || ''' (one of ' || string-join(ed:behaviours(), ', ') || ')')"/>
      </xsl:if>
      <xsl:variable name="model" as="element(tei:model)" select="."/>
      <xsl:sequence select="map {
        'behaviour': string(@behaviour),
        'params': map:merge(tei:param ! map:entry(string(@name), ed:evaluate(string((@value, '()')[1]), $el, $model))),
        'rendition': let $r := normalize-space(string-join(tei:outputRendition[not(@scope)], ' '))
                     return if ($r eq '') then () else $r
      }"/>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
