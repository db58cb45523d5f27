<?xml version="1.0" encoding="UTF-8"?>
<!-- References into the edition's person register: "PREFIX:ID", the prefix from edition.toml
     ([register] prefix), passed by the caller as $register-prefix. Every output reads it here. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:param name="register-prefix" as="xs:string" select="'psn'"/>

  <!-- "psn:lenin-wladimir" → "lenin-wladimir"; empty for a reference that is not into the register. -->
  <xsl:function name="ed:register-id" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="start" as="xs:string" select="$register-prefix || ':'"/>
    <xsl:sequence select="normalize-space($ref)[starts-with(., $start)] ! substring-after(., $start)"/>
  </xsl:function>

  <!-- The reference that points to register entry $id. -->
  <xsl:function name="ed:register-ref" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$register-prefix || ':' || $id"/>
  </xsl:function>

</xsl:stylesheet>
