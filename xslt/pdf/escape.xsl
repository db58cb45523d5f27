<?xml version="1.0" encoding="UTF-8"?>
<!-- Escaping: the only way source text enters the Typst markup. Every string becomes a
     Typst string literal, inside which only backslash and double quote are special, so no
     character of the TEI can act as markup or code. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- "…" : a Typst string literal (code mode). -->
  <xsl:function name="ed:lit" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace($s, '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <!-- #"…"; : a string literal embedded in markup; the semicolon ends the expression so
       nothing that follows can continue it (a following "(" or "." would otherwise). Its hard
       hyphens never end a line (ed:hard-hyphens). -->
  <xsl:function name="ed:text" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if ($s eq '') then '' else '#' || ed:lit(ed:hard-hyphens($s)) || ';'"/>
  </xsl:function>

  <!-- A hyphen the source writes never ends a printed line: text extraction (copy, search,
       pdftotext) takes a line-end hyphen for the typesetter's and joins the halves, so
       fellow-|passengers would read "fellowpassengers" and Samen-|oder "Samenoder". A word
       joiner keeps the hyphen with what follows, and with a no-break space "Samen- oder" stays
       on one line (Unicode allows a break between a hyphen and a no-break space). Web addresses
       keep their characters (a copied address must work). The source's own line ends
       (Befruch-<lb/>tung) are breaks of their own (ed:break). -->
  <xsl:function name="ed:hard-hyphens" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (not(contains($s, '-') or contains($s, '&#x2010;'))) then $s
      else string-join(analyze-string($s, '\S+://\S+')/* ! (if (local-name() eq 'match') then string(.)
        else replace(replace(string(.), '([\-&#x2010;])(\w)', '$1&#x2060;$2'), '(\w[\-&#x2010;]) ', '$1&#x2060;&#xA0;')))"/>
  </xsl:function>

  <!-- [ … ] : a content block around already escaped markup. -->
  <xsl:function name="ed:content" as="xs:string">
    <xsl:param name="markup" as="xs:string"/>
    <xsl:sequence select="'[' || $markup || ']'"/>
  </xsl:function>

  <!-- A content block holding plain text, or none for an empty sequence. -->
  <xsl:function name="ed:content-or-none" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($s)) then ed:content(ed:text(normalize-space($s))) else 'none'"/>
  </xsl:function>

  <!-- Whitespace of the XML source collapses to single spaces, as in any rendering of TEI. -->
  <xsl:function name="ed:collapse" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '\s+', ' ')"/>
  </xsl:function>
</xsl:stylesheet>
