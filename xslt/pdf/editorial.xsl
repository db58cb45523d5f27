<?xml version="1.0" encoding="UTF-8"?>
<!-- The editorial note of the book ("Zur Edition"): what the text's header says of its source,
     its establishment, annotation and revisions, and what its encoding counts — the sections
     of common:editorial-note (xslt/common/editorial.xsl), as the site's page shows them. The
     part on losses carries the Typst label <editorial-losses>. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:include href="../common/notes.xsl"/>
  <xsl:include href="../common/editorial.xsl"/>

  <xsl:template name="ed:editorial-note" as="xs:string">
    <xsl:param name="essay" as="element(TEI)"/>
    <xsl:param name="edition" as="element(TEI)"/>
    <!-- the text's page on the published site, where the edition has an address -->
    <xsl:variable name="base" as="xs:string" select="common:edition-facts($edition)?url"/>
    <xsl:variable name="url" as="xs:string?" select="$base[.] ! (. || replace($source-name, '\.xml$', '') || '.html')"/>
    <xsl:sequence select="'#editorial-note(' || ed:lit(common:label('editorial')) || ')[&#10;'
      || string-join(common:editorial-note($essay, $edition) ! ed:editorial-part(., $url))
      || ']&#10;'"/>
  </xsl:template>

  <xsl:function name="ed:editorial-part" as="xs:string">
    <xsl:param name="part" as="map(*)"/>
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="'#editorial-part(' || ed:lit($part?title) || ', ' || ed:lit('editorial-' || $part?part) || ')&#10;'
      || string-join($part?paras ! ('#editorial-para(' || (?term ! ed:lit(.), 'none')[1] || ', ' || ed:lit(lower-case(substring-before(?lang || '-', '-'))) || ', '
          || ed:lit(?text) || ')&#10;'))
      || ($url[$part?part eq 'citation'] ! ('#editorial-url(' || ed:lit(.) || ')&#10;'))
      || string-join(ed:editorial-counts($part?counts, 0))"/>
  </xsl:function>

  <!-- Counts "label: n", each "of which" count indented under its whole. -->
  <xsl:function name="ed:editorial-counts" as="xs:string*">
    <xsl:param name="counts" as="map(*)*"/>
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:for-each select="$counts">
      <xsl:sequence select="'#editorial-count(' || $depth || ', ' || ed:lit(?label) || ', ' || ed:lit(string(?count)) || ')&#10;',
          ed:editorial-counts(?sub, $depth + 1)"/>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
