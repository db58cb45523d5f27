<?xml version="1.0" encoding="UTF-8"?>
<!-- Test harness: the model of every element that has an xml:id, as JSON
     {id: {behaviour, params: {name: "string value"}, rendition}} (null where there is none). -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:tei-edition"
  exclude-result-prefixes="#all">
  <xsl:include href="../../xslt/model/model.xsl"/>
  <xsl:output method="json" indent="no"/>
  <xsl:template match="/">
    <xsl:map>
      <xsl:map-entry key="'#behaviours'" select="array { ed:behaviours() }"/>
      <xsl:for-each select="//*[@xml:id]">
        <xsl:variable name="m" as="map(*)?" select="ed:model(.)"/>
        <xsl:map-entry key="string(@xml:id)" select="if (empty($m)) then () else map {
          'behaviour': $m?behaviour,
          'rendition': $m?rendition,
          'params': map:merge(map:keys($m?params) ! map:entry(., string-join($m?params(.) ! string(.), ' ')))
        }"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:template>
</xsl:stylesheet>
