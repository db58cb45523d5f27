<?xml version="1.0" encoding="UTF-8"?>
<!--
  ISO Schematron (queryBinding xslt2/xslt3) → XSLT 3.0.

  The compiled stylesheet, applied to a document, returns
    <problems><problem rule="ID" severity="error|warning" path="1/3/2">message</problem>…</problems>
  where @path is the position of the reported element among its element siblings, from the root
  element down (an attribute reports its parent element). Python maps the path back to the parsed
  source's line and column, since Saxon HE keeps no line numbers.

  Supported: sch:ns, sch:let (schema, pattern, rule), sch:pattern, sch:rule (@context, first rule
  of a pattern that matches a node fires, as the standard says), sch:assert / sch:report (@id, @role,
  @subject), sch:value-of, sch:name, sch:emph, sch:p / sch:title (ignored), and top-level foreign
  xsl:param, xsl:function and xsl:key (copied: external parameters, helpers). Anything else
  (abstract patterns, includes, phases, diagnostics) stops compilation with a message instead of
  being silently ignored.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:axsl="urn:x-tei-edition:alias"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:local="urn:x-tei-edition:local"
                exclude-result-prefixes="xs sch local"
                expand-text="yes">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="message" on-no-match="fail"/>
  <xsl:mode name="unsupported" on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:if test="not(sch:schema)">
      <xsl:sequence select="error(xs:QName('local:not-schematron'), 'Schematron: the document element is not sch:schema')"/>
    </xsl:if>
    <xsl:apply-templates select="sch:schema"/>
  </xsl:template>

  <xsl:template match="/sch:schema">
    <xsl:if test="not(@queryBinding = ('xslt2', 'xslt3'))">
      <xsl:sequence select="error(xs:QName('local:query-binding'), 'Schematron: queryBinding must be xslt2 or xslt3, not ' || @queryBinding)"/>
    </xsl:if>
    <axsl:stylesheet version="3.0" exclude-result-prefixes="#all">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="@uri"/>
      </xsl:for-each>
      <xsl:namespace name="xs">http://www.w3.org/2001/XMLSchema</xsl:namespace>
      <xsl:namespace name="schc">urn:x-tei-edition:schematron-compiled</xsl:namespace>
      <axsl:output method="xml" indent="no"/>
      <xsl:apply-templates select="xsl:param | xsl:function | xsl:key | sch:let"/>
      <axsl:function name="schc:path" as="xs:string">
        <axsl:param name="node" as="node()"/>
        <axsl:sequence select="string-join(($node/ancestor-or-self::*[1]/ancestor-or-self::*) ! string(count(preceding-sibling::*) + 1), '/')"/>
      </axsl:function>
      <axsl:template match="/">
        <problems>
          <xsl:for-each select="sch:pattern">
            <axsl:apply-templates select="." mode="{local:mode(.)}"/>
          </xsl:for-each>
        </problems>
      </axsl:template>
      <xsl:apply-templates select="sch:pattern"/>
      <xsl:apply-templates select="* except (sch:ns | sch:let | sch:pattern | sch:title | sch:p | xsl:param | xsl:function | xsl:key)" mode="unsupported"/>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:function name="local:mode" as="xs:string">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:sequence select="'pattern-' || count($pattern/preceding-sibling::sch:pattern) + 1"/>
  </xsl:function>

  <!-- Foreign top-level XSLT (external parameters, helper functions, keys) is copied as it is. -->
  <xsl:template match="xsl:param | xsl:function | xsl:key">
    <xsl:copy-of select="."/>
  </xsl:template>

  <xsl:template match="sch:let">
    <axsl:variable name="{@name}" select="{@value}">
      <xsl:copy-of select="@as"/>
    </axsl:variable>
  </xsl:template>

  <xsl:template match="sch:title | sch:p"/>

  <!-- A pattern is a mode: every node is visited (elements, their attributes, text), the first
       matching rule of the pattern fires (priorities in document order), then the walk continues. -->
  <xsl:template match="sch:pattern">
    <xsl:variable name="mode" as="xs:string" select="local:mode(.)"/>
    <axsl:mode name="{$mode}" on-no-match="shallow-skip"/>
    <axsl:template match="*" mode="{$mode}" priority="-10">
      <axsl:apply-templates select="@* | node()" mode="{$mode}"/>
    </axsl:template>
    <xsl:for-each select="sch:rule">
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
        <xsl:apply-templates select="../sch:let | sch:let"/>
        <xsl:apply-templates select="sch:assert | sch:report"/>
        <axsl:apply-templates select="@* | node()" mode="{$mode}"/>
      </axsl:template>
    </xsl:for-each>
    <xsl:apply-templates select="* except (sch:rule | sch:let | sch:title | sch:p)" mode="unsupported"/>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <axsl:if test="{if (self::sch:assert) then 'not(' || @test || ')' else @test}">
      <axsl:for-each select="{(@subject, '.')[1]}">
        <problem rule="{(@id, ../@id, ../../@id, 'schematron')[1]}"
                 severity="{if (@role = ('warning', 'warn', 'info', 'information')) then 'warning' else 'error'}">
          <axsl:attribute name="path" select="schc:path(.)"/>
          <axsl:variable name="message" as="xs:string">
            <axsl:value-of>
              <xsl:apply-templates select="node()" mode="message"/>
            </axsl:value-of>
          </axsl:variable>
          <axsl:value-of select="normalize-space($message)"/>
        </problem>
      </axsl:for-each>
    </axsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="message">
    <axsl:text>{.}</axsl:text>
  </xsl:template>
  <xsl:template match="sch:value-of" mode="message">
    <axsl:value-of select="{@select}" separator=", "/>
  </xsl:template>
  <xsl:template match="sch:name" mode="message">
    <axsl:value-of select="name({(@path, '.')[1]})"/>
  </xsl:template>
  <xsl:template match="sch:emph | sch:dir | sch:span" mode="message">
    <xsl:apply-templates select="node()" mode="message"/>
  </xsl:template>

  <xsl:template match="*" mode="unsupported">
    <xsl:sequence select="error(xs:QName('local:unsupported'), 'Schematron: ' || name() || ' is not supported by this compiler')"/>
  </xsl:template>
</xsl:stylesheet>
