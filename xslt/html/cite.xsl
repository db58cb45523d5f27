<?xml version="1.0" encoding="UTF-8"?>
<!-- Citation suggestions: for the edition and for an essay (with its paragraphs). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:template name="ed:essay-cite">
    <xsl:param name="tei" as="element(tei:TEI)" required="yes"/>
    <!-- Without a published address the page's own address is cited (reading.js fills it in). -->
    <xsl:variable name="url" as="xs:string?" select="ed:published-url(ed:essay-file($tei))"/>
    <section class="cite" aria-labelledby="zitieren" data-pagefind-ignore="all">
      <h2 id="zitieren"><xsl:sequence select="ed:interface-lang($tei)"/>{ed:label('cite')}</h2>
      <p class="citation">
        <xsl:if test="exists($url)">
          <xsl:attribute name="data-cite-url" select="$url"/>
        </xsl:if>
        <xsl:sequence select="ed:script-labels(map { 'paragraph': 'paragraph-short' })"/>
        <xsl:text>{ed:citation($tei, $edition)} </xsl:text>
        <span class="cite-url">{$url}</span>
        <span class="cite-para"></span>
      </p>
      <p class="hint">
        <xsl:sequence select="ed:interface-lang($tei)"/>
        <xsl:variable name="address" as="element()"><span class="cite-url">{($url, ed:essay-file($tei))[1]}#abs1</span></xsl:variable>
        <xsl:sequence select="ed:label-nodes('cite-hint', map {
            'address': $address, 'paragraph': ed:label('paragraph-short') || ' 1' })"/>
      </p>
    </section>
  </xsl:template>

</xsl:stylesheet>
