<?xml version="1.0" encoding="UTF-8"?>
<!-- What a tei:date means: its normalised (Gregorian, ISO 8601) value, said in German, and its sort key. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- "1917" → "1917"; "1917-02" → "Februar 1917"; "1917-02-23" → "23. Februar 1917". -->
  <xsl:function name="ed:iso-de" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($iso, '-')"/>
    <xsl:sequence select="
        if (count($parts) eq 3) then xs:integer($parts[3]) || '. ' || $ed:months[xs:integer($parts[2])] || ' ' || $parts[1]
        else if (count($parts) eq 2) then $ed:months[xs:integer($parts[2])] || ' ' || $parts[1]
        else $iso"/>
  </xsl:function>

  <!-- The Gregorian value(s) in German, e.g. "7. November 1917", "1918 bis 1922"; an imprecise
       span bounded by whole years says so ("zwischen 1990 und 1999"). -->
  <xsl:function name="ed:date-value-de" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:sequence select="
        if ($date/@when) then ed:iso-de($date/@when)
        else if ($date/(@from, @to)) then string-join((
            $date/@from ! ('ab ' || ed:iso-de(.)), $date/@to ! ('bis ' || ed:iso-de(.))), ' ')
          => replace('^ab (.+) bis ', '$1 bis ')
        else if ($date/(@notBefore, @notAfter)) then string-join((
            $date/@notBefore ! ('frühestens ' || ed:iso-de(replace(., '^(\d{4})-01-01$', '$1'))),
            $date/@notAfter ! ('spätestens ' || ed:iso-de(replace(., '^(\d{4})-12-31$', '$1')))), ', ')
          => replace('^frühestens (.+), spätestens ', 'zwischen $1 und ')
        else ()"/>
  </xsl:function>

  <!-- The full normalised reading: Gregorian value, the Julian original where given, inference. -->
  <xsl:function name="ed:date-normalised" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:variable name="value" as="xs:string?" select="ed:date-value-de($date)"/>
    <xsl:variable name="julian" as="xs:string?" select="
        if ($date/@when-custom) then ed:iso-de($date/@when-custom)
        else if ($date/(@from-custom, @to-custom)) then
          string-join(($date/@from-custom ! ed:iso-de(.), $date/@to-custom ! ed:iso-de(.)), ' bis ')
        else if ($date/(@notBefore-custom, @notAfter-custom)) then
          string-join(($date/@notBefore-custom ! ed:iso-de(.), $date/@notAfter-custom ! ed:iso-de(.)), ' bis ')
        else ()"/>
    <xsl:sequence select="
        if (empty($value)) then ()
        else $value
          || (if ($julian) then ' (' || ed:label('gregorian') || '; ' || ed:label('julian') || ': ' || $julian || ')' else '')
          || (if ($date/@cert = ('low', 'medium')) then ' (' || ed:label('inferred') || ')' else '')"/>
  </xsl:function>

  <!-- ISO start of the date, for ordering a chronology; empty for an undated date. -->
  <xsl:function name="ed:date-sort-key" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:sequence select="($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1] ! string(.)"/>
  </xsl:function>

</xsl:stylesheet>
