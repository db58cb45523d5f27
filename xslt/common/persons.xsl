<?xml version="1.0" encoding="UTF-8"?>
<!-- What a person is: the register entry a reference (PREFIX:ID) points to, its names and life dates. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:include href="register-refs.xsl"/>

  <xsl:key name="ed:person" match="tei:person" use="@xml:id"/>
  <xsl:key name="ed:mention" match="tei:persName[@ref]" use="ed:person-id(@ref)"/>

  <!-- "psn:lenin-wladimir" → "lenin-wladimir" (any other reference as it stands). -->
  <xsl:function name="ed:person-id" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:sequence select="(ed:register-id($ref), normalize-space($ref))[1]"/>
  </xsl:function>

  <!-- The register entry for a reference, looked up in the register document given. -->
  <xsl:function name="ed:person" as="element(tei:person)?">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:param name="register" as="node()"/>
    <xsl:sequence select="key('ed:person', ed:person-id($ref), root($register))[1]"/>
  </xsl:function>

  <!-- "Lenin, Wladimir Iljitsch": the regularised name, for sorting and headings. -->
  <xsl:function name="ed:person-sort-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="normalize-space(($person/tei:persName[@type = 'reg'], $person/tei:persName)[1])"/>
  </xsl:function>

  <!-- "Wladimir Iljitsch Lenin": the name in reading order. -->
  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="reg" as="element(tei:persName)" select="($person/tei:persName[@type = 'reg'], $person/tei:persName)[1]"/>
    <xsl:sequence select="
        if ($reg/tei:surname) then normalize-space(string-join(($reg/tei:forename, $reg/tei:surname), ' '))
        else normalize-space($reg)"/>
  </xsl:function>

  <!-- "22. April 1870 – 21. Januar 1924", "* 1951", "† 1919"; empty when nothing is known. -->
  <xsl:function name="ed:life-dates" as="xs:string?">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="birth" as="xs:string?" select="$person/tei:birth/@when ! ed:iso-date(.)"/>
    <xsl:variable name="death" as="xs:string?" select="$person/tei:death/@when ! ed:iso-date(.)"/>
    <xsl:sequence select="
        if ($birth and $death) then $birth || ' – ' || $death
        else if ($birth) then '* ' || $birth
        else if ($death) then '† ' || $death
        else ()"/>
  </xsl:function>

  <xsl:function name="ed:person-description" as="xs:string?">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="$person/tei:note[@type = 'description'][1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- Authority records as (label, URL) pairs, built only from the idno elements present. -->
  <xsl:function name="ed:authority-links" as="map(xs:string, xs:string)*">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:for-each select="$person/tei:idno[normalize-space()]">
      <xsl:variable name="value" as="xs:string" select="normalize-space(.)"/>
      <xsl:choose>
        <xsl:when test="lower-case(@type) = 'wikidata'">
          <xsl:sequence select="map { 'label': 'Wikidata ' || $value, 'url': 'https://www.wikidata.org/wiki/' || $value }"/>
        </xsl:when>
        <xsl:when test="lower-case(@type) = 'gnd'">
          <xsl:sequence select="map { 'label': 'GND ' || $value, 'url': 'https://d-nb.info/gnd/' || $value }"/>
        </xsl:when>
        <xsl:when test="matches($value, '^https?://')">
          <xsl:sequence select="map { 'label': string(@type), 'url': $value }"/>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
