<?xml version="1.0" encoding="UTF-8"?>
<!-- Test harness: evaluates the XPath $expr, with the shared modules' functions in scope, against
     the source document and returns the result as lines of text. -->
<xsl:package name="urn:tei-edition:test-eval" version="3.0" declared-modes="no" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">
  <xsl:expose component="function" names="ed:*" visibility="public"/>
  <xsl:include href="../../xslt/common/common.xsl"/>
  <xsl:output method="text"/>
  <xsl:mode use-accumulators="#all"/>
  <xsl:param name="expr" as="xs:string" required="yes"/>
  <xsl:template match="/">
    <xsl:variable name="result" as="item()*">
      <xsl:evaluate xpath="$expr" context-item="." namespace-context="document('')/*"/>
    </xsl:variable>
    <xsl:value-of select="$result ! string(.)" separator="&#10;"/>
  </xsl:template>
</xsl:package>
