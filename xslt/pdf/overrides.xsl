<?xml version="1.0" encoding="UTF-8"?>
<!-- An element the edition's own ODD models goes through that model (behaviours.xsl), ahead of
     the toolkit's own templates for it (body.xsl, inline.xsl, notes.xsl): an edition changes how
     a p, a head or a q is printed without touching the toolkit's XSLT. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="*[common:overridden(.)]" mode="body" priority="50">
    <xsl:call-template name="ed:dispatch"><xsl:with-param name="inline" select="false()"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="*[common:overridden(.)]" mode="inline" priority="50">
    <xsl:call-template name="ed:dispatch"><xsl:with-param name="inline" select="true()"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
