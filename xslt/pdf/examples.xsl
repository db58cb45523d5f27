<?xml version="1.0" encoding="UTF-8"?>
<!-- An example of XML (egXML) printed as code: its markup (xslt/common/examples.xsl) in Typst's raw
     text, a block between blocks, inline in running text. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xmlns:eg="http://www.tei-c.org/ns/Examples"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:include href="../common/examples.xsl"/>

  <xsl:function name="ed:raw" as="xs:string">
    <xsl:param name="example" as="element()"/>
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:sequence select="'#raw(' || replace(ed:lit(common:example-markup($example)), '&#10;', '\\n')
        || (if ($block) then ', block: true' else '') || ')'"/>
  </xsl:function>

  <xsl:template match="eg:egXML" mode="body">{ed:raw(., true())}&#10;&#10;</xsl:template>
  <xsl:template match="eg:egXML" mode="inline">{ed:raw(., false())}</xsl:template>
  <xsl:template match="eg:egXML" mode="plain"/>
</xsl:stylesheet>
