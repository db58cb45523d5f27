<?xml version="1.0" encoding="UTF-8"?>
<!-- What a note is: its number and whether its text was lost. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- Footnotes are numbered 1..N per essay in @n (encoding contract). -->
  <xsl:function name="ed:note-number" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="normalize-space($note/@n)"/>
  </xsl:function>

  <!-- A note whose only content is a gap: its text is missing from the source. -->
  <xsl:function name="ed:note-is-lost" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists($note/tei:gap) and empty($note/(* except tei:gap)) and not(normalize-space(string-join($note/text())))"/>
  </xsl:function>

  <xsl:function name="ed:footnotes" as="element(tei:note)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:text//tei:note[@place = 'foot']"/>
  </xsl:function>

</xsl:stylesheet>
