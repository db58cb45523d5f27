<?xml version="1.0" encoding="UTF-8"?>
<!-- A person mention on the web: a link to the register entry with a card (name, life dates,
     description) that shows on hover and on keyboard focus. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName[@ref]" mode="ed:text">
    <xsl:param name="ctx" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="person" as="element(tei:person)?" select="ed:person(@ref, $register)"/>
    <xsl:choose>
      <xsl:when test="$person">
        <xsl:variable name="place" as="element()" select="ed:place(.)"/>
        <!-- Unique per page: the rendering context, the citeable place, the mention's rank in it. -->
        <xsl:variable name="card-id" as="xs:string"
            select="$ctx || 'karte-' || ed:html-id($place) || '-' || (count($place//tei:persName[@ref][. &lt;&lt; current()]) + 1)"/>
        <span class="person">
          <a href="register.html#{$person/@xml:id}" aria-describedby="{$card-id}"><xsl:apply-templates mode="#current">
            <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates></a>
          <span class="card" role="tooltip" id="{$card-id}" data-pagefind-ignore="all">
            <span class="card-name">{ed:person-name($person)}</span>
            <xsl:for-each select="ed:life-dates($person)">
              <span class="card-dates">({.})</span>
            </xsl:for-each>
            <xsl:for-each select="ed:person-description($person)">
              <span class="card-desc">{.}</span>
            </xsl:for-each>
          </span>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <!-- no register entry: an external authority (the model's link), else the name as printed -->
        <xsl:choose>
          <xsl:when test="ed:model(.)?behaviour = 'link'"><xsl:call-template name="ed:modelled"/></xsl:when>
          <xsl:otherwise><span class="person person-unregistered"><xsl:apply-templates mode="#current"/></span></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
