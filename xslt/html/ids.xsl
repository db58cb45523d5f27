<?xml version="1.0" encoding="UTF-8"?>
<!-- Page-unique HTML ids. ed:anchor (common/anchors.xsl) names the place of an element; two
     elements can share it (two page breaks both n="22", notes both n="*)", a second docTitle,
     a page break without @n) or meet an id of the page frame (inhalt, anmerkungen …). ed:html-id
     keeps the anchor where it is unique — so every page that had unique ids keeps them — and
     otherwise numbers the elements that share it by their order in the text: "s22", "s22-2".
     Derived from the document only (never generate-id()): stable across rebuilds. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- Ids of the page frame and the reading page's own sections. -->
  <xsl:variable name="ed:page-ids" as="xs:string*" select="('inhalt', 'inhaltsverzeichnis', 'anmerkungen',
      'zitieren', 'downloads', 'daten-zeigen', 'lizenz', 'essays', 'verzeichnisse', 'suchbegriff',
      'suchstatus', 'suchergebnisse')"/>

  <xsl:variable name="ed:id-ascii" as="xs:string" select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-'"/>

  <!-- The id an element of the text would have before the page makes it unique; () for an
       element that gets no id on the page. -->
  <xsl:function name="ed:html-base" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="base" as="xs:string?" select="
        if ($el/self::tei:div) then ()
        else if ($el/@xml:id) then string($el/@xml:id)
        else if ($el/self::tei:pb) then (if (normalize-space($el/@n)) then ed:anchor($el) else 'seite')
        else if ($el/self::tei:note) then (
            if ($el/@place = 'foot') then ed:anchor($el)
            else 'notiz' || ($el/@n[normalize-space()] ! ('-' || normalize-space(.))))
        else if ($el/self::tei:p or $el/self::tei:list) then (if (ed:is-numbered($el)) then ed:anchor($el) else ())
        else if ($el/self::tei:head) then (
            if ($el/parent::tei:div or $el/parent::tei:body or $el/parent::tei:front or $el/parent::tei:back
                or $el/parent::tei:group) then ed:anchor($el) else ())
        else if ($el/self::tei:docTitle or $el/self::tei:byline or $el/self::tei:closer) then ed:anchor($el)
        else ()"/>
    <!-- Only characters a URL fragment takes as they are: n="[IV]" gives "s-IV", n="*)" "anm".
         An id of ASCII letters, digits and "_.-" not ending in "-" (nearly all) is one already:
         tested without a regular expression, since this runs for every element with an id. -->
    <xsl:sequence select="$base ! (if (translate(., $ed:id-ascii, '') eq '' and not(ends-with(., '-'))) then .
        else replace(replace(., '[^\p{L}\p{N}_.-]+', '-'), '^(.+?)-+$', '$1'))"/>
  </xsl:function>

  <xsl:key name="ed:html-id" match="tei:text//(tei:pb | tei:note | tei:p | tei:list | tei:head | tei:docTitle | tei:byline | tei:closer | tei:*[@xml:id])"
      use="ed:html-base(.)"/>

  <xsl:function name="ed:html-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="base" as="xs:string?" select="ed:html-base($el)"/>
    <xsl:variable name="top" as="node()" select="($el/ancestor::tei:TEI[last()], root($el))[1]"/>
    <xsl:variable name="same" as="element()*" select="if (exists($base)) then key('ed:html-id', $base, $top) else ()"/>
    <xsl:variable name="rank" as="xs:integer?" select="(for $i in 1 to count($same) return $i[$same[$i] is $el])[1]"/>
    <xsl:sequence select="
        if (empty($base)) then ed:anchor($el)
        else if (empty($rank)) then $base
        else if ($rank eq 1 and not($base = $ed:page-ids)) then $base
        else $base || '-' || $rank"/>
  </xsl:function>

</xsl:stylesheet>
