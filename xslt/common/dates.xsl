<?xml version="1.0" encoding="UTF-8"?>
<!-- What a tei:date means: its normalised (Gregorian, ISO 8601) value, said in the interface language, and its sort key. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- "1917" → "1917"; "1917-02" → "Februar 1917"; "1917-02-23" → "23. Februar 1917" (in the
       interface language: "23 February 1917" in English). -->
  <xsl:function name="ed:iso-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="ed:iso-date($iso, $ed:language)"/>
  </xsl:function>

  <xsl:function name="ed:iso-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($iso, '-')"/>
    <xsl:sequence select="
        if (count($parts) eq 3) then ed:label-format('date-day', map {
            'day': xs:integer($parts[3]), 'month': ed:month-name(xs:integer($parts[2]), $lang), 'year': $parts[1] }, $lang)
        else if (count($parts) eq 2) then ed:label-format('date-month', map {
            'month': ed:month-name(xs:integer($parts[2]), $lang), 'year': $parts[1] }, $lang)
        else $iso"/>
  </xsl:function>

  <!-- A date in German whatever the interface language. -->
  <xsl:function name="ed:iso-de" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="ed:iso-date($iso, 'de')"/>
  </xsl:function>

  <!-- The Gregorian value(s) in the interface language, e.g. "7. November 1917", "1918 bis 1922";
       an imprecise span bounded by whole years says so ("zwischen 1990 und 1999"). -->
  <xsl:function name="ed:date-value" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:variable name="not-before" as="xs:string?" select="$date/@notBefore ! ed:iso-date(replace(., '^(\d{4})-01-01$', '$1'))"/>
    <xsl:variable name="not-after" as="xs:string?" select="$date/@notAfter ! ed:iso-date(replace(., '^(\d{4})-12-31$', '$1'))"/>
    <xsl:sequence select="
        if ($date/@when) then ed:iso-date($date/@when)
        else if ($date/(@from, @to)) then ed:date-span($date/@from ! ed:iso-date(.), $date/@to ! ed:iso-date(.), 'date-from', 'date-to', 'date-range')
        else if ($date/(@notBefore, @notAfter)) then ed:date-span($not-before, $not-after, 'date-not-before', 'date-not-after', 'date-between')
        else ()"/>
  </xsl:function>

  <!-- A span said with the labels given: both ends ($both: "1918 bis 1922"), the start only
       ($start: "ab 1918"), the end only ($end: "bis 1922"). -->
  <xsl:function name="ed:date-span" as="xs:string?">
    <xsl:param name="from" as="xs:string?"/>
    <xsl:param name="to" as="xs:string?"/>
    <xsl:param name="start" as="xs:string"/>
    <xsl:param name="end" as="xs:string"/>
    <xsl:param name="both" as="xs:string"/>
    <xsl:sequence select="
        if (exists($from) and exists($to)) then ed:label-format($both, map { 'from': $from, 'to': $to })
        else if (exists($from)) then ed:label-format($start, map { 'date': $from })
        else if (exists($to)) then ed:label-format($end, map { 'date': $to })
        else ()"/>
  </xsl:function>

  <!-- Both ends as a range ("1917 bis 1918"), or the one given. -->
  <xsl:function name="ed:date-pair" as="xs:string?">
    <xsl:param name="from" as="xs:string?"/>
    <xsl:param name="to" as="xs:string?"/>
    <xsl:sequence select="if (exists($from) and exists($to)) then ed:label-format('date-range', map { 'from': $from, 'to': $to }) else ($from, $to)[1]"/>
  </xsl:function>

  <!-- The full normalised reading: Gregorian value, the Julian original where given, inference. -->
  <xsl:function name="ed:date-normalised" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:variable name="value" as="xs:string?" select="ed:date-value($date)"/>
    <xsl:variable name="julian" as="xs:string?" select="
        if ($date/@when-custom) then ed:iso-date($date/@when-custom)
        else if ($date/(@from-custom, @to-custom)) then
          ed:date-pair($date/@from-custom ! ed:iso-date(.), $date/@to-custom ! ed:iso-date(.))
        else if ($date/(@notBefore-custom, @notAfter-custom)) then
          ed:date-pair($date/@notBefore-custom ! ed:iso-date(.), $date/@notAfter-custom ! ed:iso-date(.))
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
