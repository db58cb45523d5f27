<?xml version="1.0" encoding="UTF-8"?>
<!-- An example of XML (TEI egXML, namespace http://www.tei-c.org/ns/Examples) is shown as what it
     is: its markup as text, so that every output prints it as code. The markup is written here
     once (no namespace declarations: the example's own prefixes and names as the source has them). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:mode name="ed:example-markup" on-no-match="fail"/>

  <!-- The markup of the example's content (the egXML element itself is the frame, not shown). -->
  <xsl:function name="ed:example-markup" as="xs:string">
    <xsl:param name="example" as="element()"/>
    <xsl:variable name="markup" as="xs:string*">
      <xsl:apply-templates select="$example/node()" mode="ed:example-markup"/>
    </xsl:variable>
    <!-- the example's own indentation, less what all its lines share -->
    <xsl:variable name="lines" as="xs:string*" select="tokenize(string-join($markup), '\n')"/>
    <xsl:variable name="indent" as="xs:integer" select="(min($lines[position() gt 1][normalize-space()]
        ! (string-length(.) - string-length(replace(., '^\s+', '')))), 0)[1]"/>
    <xsl:sequence select="replace(string-join(($lines[1], $lines[position() gt 1] ! substring(., $indent + 1)), '&#10;'),
        '^\s+', '') => replace('\s+$', '')"/>
  </xsl:function>

  <xsl:template match="*" mode="ed:example-markup" as="xs:string*">
    <xsl:variable name="attributes" as="xs:string*" select="@* ! (' ' || name() || '=&quot;' || ed:example-escape(., true()) || '&quot;')"/>
    <xsl:choose>
      <xsl:when test="empty(node())">{'&lt;' || name() || string-join($attributes) || '/&gt;'}</xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="'&lt;' || name() || string-join($attributes) || '&gt;'"/>
        <xsl:apply-templates mode="#current"/>
        <xsl:sequence select="'&lt;/' || name() || '&gt;'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="ed:example-markup" as="xs:string">
    <xsl:sequence select="ed:example-escape(., false())"/>
  </xsl:template>
  <xsl:template match="comment()" mode="ed:example-markup" as="xs:string">{'&lt;!--' || . || '--&gt;'}</xsl:template>
  <xsl:template match="processing-instruction()" mode="ed:example-markup" as="xs:string">{'&lt;?' || name() || ' ' || . || '?&gt;'}</xsl:template>

  <xsl:function name="ed:example-escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="attribute" as="xs:boolean"/>
    <xsl:variable name="s" as="xs:string" select="replace(replace($s, '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;')"/>
    <xsl:sequence select="if ($attribute) then replace($s, '&quot;', '&amp;quot;') else $s"/>
  </xsl:function>
</xsl:stylesheet>
