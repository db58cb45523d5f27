<?xml version="1.0" encoding="UTF-8"?>
<!-- A person mention on the web: a link to the register entry with a card (name, life dates,
     description) that shows on hover and on keyboard focus. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- The life dates of every person the corpus mentions, worked out once per page: a person is
       mentioned many times, and formatting dates (ed:iso-date) was a quarter of an essay page. -->
  <xsl:variable name="ed:mentioned-life-dates" as="map(xs:string, xs:string?)" select="map:merge(
      for $id in distinct-values(//tei:persName[@ref] ! ed:person-id(@ref)),
          $person in key('ed:person', $id, root($register))[1]
      return map:entry($id, ed:life-dates($person)))"/>

  <!-- ed:life-dates of the register entry a mention points to, from the map where it has it. -->
  <xsl:function name="ed:mention-life-dates" as="xs:string?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="if (map:contains($ed:mentioned-life-dates, $id)) then $ed:mentioned-life-dates($id) else ed:life-dates($person)"/>
  </xsl:function>

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
            <xsl:for-each select="ed:mention-life-dates(ed:person-id(@ref), $person)">
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
