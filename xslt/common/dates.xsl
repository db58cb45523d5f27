<?xml version="1.0" encoding="UTF-8"?>
<!-- What a tei:date means, said at the precision of its encoding in a given language, and its
     sort key. One formatter for every output (HTML text and chronology, PDF): ed:date-label.
     The wording of each language is data (the date-* keys of labels.xml), so a language is
     added there, not here. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- ===== the label of a date element =================================================== -->

  <!-- What $date's attributes mean, in $lang (a language of labels.xml):
         when="1917-02"                                   → "Februar 1917"
         notBefore="1920-09-01" notAfter="1920-12-31"     → "September–Dezember 1920"
         from="1895" to="1896"                            → "1895–1896"
         to="1825"                                        → "bis 1825"
         when="1917-03-08" when-custom="1917-02-23"       → "23. Februar / 8. März 1917"
       (the *-custom values are the Julian reading, said first), followed by "(erschlossen)" where
       @cert is medium or low. Bounds given as whole days that fill whole months or years are said
       as those months or years; nothing is said more precisely than it is encoded. Empty for a
       date with no value. -->
  <xsl:function name="ed:date-label" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="names" as="xs:string*" select="
        if ($date/@when) then ('when', 'when')
        else if ($date/(@from, @to)) then ('from', 'to')
        else if ($date/(@notBefore, @notAfter)) then ('notBefore', 'notAfter')
        else ()"/>
    <xsl:variable name="start" as="xs:string?" select="ed:attribute($date, $names[1])"/>
    <xsl:variable name="end" as="xs:string?" select="ed:attribute($date, $names[2])"/>
    <xsl:variable name="start-custom" as="xs:string?" select="ed:attribute($date, $names[1] || '-custom')"/>
    <xsl:variable name="end-custom" as="xs:string?" select="ed:attribute($date, $names[2] || '-custom')"/>
    <!-- The Julian reading drops a year both calendars share: "23. Februar / 8. März 1917". -->
    <xsl:variable name="one-year" as="xs:boolean" select="
        count(distinct-values(($start, $end, $start-custom, $end-custom) ! substring(., 1, 4))) eq 1"/>
    <xsl:variable name="gregorian" as="xs:string" select="ed:span-label($start, $end, true(), $lang)"/>
    <xsl:variable name="julian" as="xs:string?" select="
        if (exists(($start-custom, $end-custom))) then ed:span-label($start-custom, $end-custom, not($one-year), $lang) else ()"/>
    <xsl:variable name="value" as="xs:string" select="
        if ($julian and $julian ne $gregorian) then
          ed:label-format('date-julian-gregorian', map { 'julian': $julian, 'gregorian': $gregorian }, $lang)
        else $gregorian"/>
    <xsl:sequence select="
        if (empty($names)) then ()
        else (
          if (exists($start) and exists($end)) then $value
          else if ($names[1] eq 'from') then (if ($start) then ed:label-format('date-from', map { 'date': $value }, $lang)
            else ed:label-format('date-to', map { 'date': $value }, $lang))
          else (if ($start) then ed:label-format('date-not-before', map { 'date': $value }, $lang)
            else ed:label-format('date-not-after', map { 'date': $value }, $lang)))
          || (if ($date/@cert = ('low', 'medium')) then ' (' || ed:label('inferred', $lang) || ')' else '')"/>
  </xsl:function>

  <!-- In the interface language. -->
  <xsl:function name="ed:date-label" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="ed:date-label($date, $ed:language)"/>
  </xsl:function>

  <!-- ISO start of the date, for ordering a chronology; empty for an undated date. -->
  <xsl:function name="ed:date-sort-key" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:sequence select="($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1] ! string(.)"/>
  </xsl:function>

  <!-- ISO end of the date: a shorter span of the same start sorts first. -->
  <xsl:function name="ed:date-sort-end" as="xs:string?">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:sequence select="($date/@when, $date/@to, $date/@notAfter, $date/@from, $date/@notBefore)[1] ! string(.)"/>
  </xsl:function>

  <!-- ===== ISO values ===================================================================== -->

  <!-- "1917" → "1917"; "1917-02" → "Februar 1917"; "1917-02-23" → "23. Februar 1917" (in the
       interface language: "23 February 1917" in English); anything else as it is. -->
  <xsl:function name="ed:iso-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="ed:iso-date($iso, $ed:language)"/>
  </xsl:function>

  <xsl:function name="ed:iso-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="ed:span-label($iso, (), true(), $lang)"/>
  </xsl:function>

  <!-- A date in German whatever the interface language. -->
  <xsl:function name="ed:iso-de" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="ed:iso-date($iso, 'de')"/>
  </xsl:function>

  <!-- ===== the formatter ================================================================== -->

  <xsl:function name="ed:attribute" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="name" as="xs:string?"/>
    <xsl:sequence select="$date/@*[local-name() eq $name][namespace-uri() eq ''] ! normalize-space(.)"/>
  </xsl:function>

  <!-- An ISO 8601 year, year-month or date as map { 'y': '1917', 'm': 2, 'd': 23 } (month and day
       only as far as written); empty for anything else. -->
  <xsl:function name="ed:date-parts" as="map(xs:string, item())?">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($iso, '-')"/>
    <xsl:sequence select="
        if (not(matches($iso, '^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$'))) then ()
        else map:merge((map:entry('y', $parts[1]), $parts[2] ! map:entry('m', xs:integer(.)), $parts[3] ! map:entry('d', xs:integer(.))))"/>
  </xsl:function>

  <xsl:function name="ed:last-day" as="xs:integer">
    <xsl:param name="year" as="xs:string"/>
    <xsl:param name="month" as="xs:integer"/>
    <xsl:sequence select="day-from-date(xs:date($year || '-' || format-number($month, '00') || '-01')
        + xs:yearMonthDuration('P1M') - xs:dayTimeDuration('P1D'))"/>
  </xsl:function>

  <!-- Both bounds of a span at the coarsest precision that says the same: days that fill whole
       months become months (1920-09-01 … 1920-12-31 → 1920-09 … 1920-12), months that fill whole
       years become years. A bound only as precise as written stays so. -->
  <xsl:function name="ed:coarsened" as="map(xs:string, item())+">
    <xsl:param name="start" as="map(xs:string, item())"/>
    <xsl:param name="end" as="map(xs:string, item())"/>
    <xsl:variable name="whole-months" as="xs:boolean" select="exists(($start?d, $end?d))
        and (empty($start?d) or $start?d eq 1) and (empty($end?d) or $end?d eq ed:last-day($end?y, $end?m))"/>
    <xsl:variable name="s" as="map(xs:string, item())" select="if ($whole-months) then map:remove($start, 'd') else $start"/>
    <xsl:variable name="e" as="map(xs:string, item())" select="if ($whole-months) then map:remove($end, 'd') else $end"/>
    <xsl:variable name="whole-years" as="xs:boolean" select="empty(($s?d, $e?d)) and exists(($s?m, $e?m))
        and (empty($s?m) or $s?m eq 1) and (empty($e?m) or $e?m eq 12)"/>
    <xsl:sequence select="if ($whole-years) then (map:remove($s, 'm'), map:remove($e, 'm')) else ($s, $e)"/>
  </xsl:function>

  <!-- One bound as written: "23. Februar 1917", "Februar 1917", "1917"; without its year when
       $year is false ("23. Februar"). -->
  <xsl:function name="ed:bound-label" as="xs:string">
    <xsl:param name="bound" as="map(xs:string, item())"/>
    <xsl:param name="year" as="xs:boolean"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="y" as="xs:string" select="if ($year) then $bound?y else ''"/>
    <!-- The year is the last word of a date in the label languages; left out, it leaves a blank. -->
    <xsl:sequence select="normalize-space(
        if (exists($bound?d)) then ed:label-format('date-day',
          map { 'day': $bound?d, 'month': ed:month-name($bound?m, $lang), 'year': $y }, $lang)
        else if (exists($bound?m)) then ed:label-format('date-month', map { 'month': ed:month-name($bound?m, $lang), 'year': $y }, $lang)
        else $y)"/>
  </xsl:function>

  <!-- A span from $start to $end (ISO values; $end empty for a single value), shared parts said
       once: "September–Dezember 1920", "21.–31. Mai 1918", "1. Juni – 15. Juli 1921",
       "Dezember 1932 – Februar 1933", "1867–1900". Values that are no ISO dates stay as written. -->
  <xsl:function name="ed:span-label" as="xs:string">
    <xsl:param name="start" as="xs:string?"/>
    <xsl:param name="end" as="xs:string?"/>
    <xsl:param name="year" as="xs:boolean"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="a" as="map(xs:string, item())?" select="$start ! ed:date-parts(.)"/>
    <xsl:variable name="b" as="map(xs:string, item())?" select="$end ! ed:date-parts(.)"/>
    <xsl:variable name="given" as="xs:string*" select="($start, $end)"/>
    <xsl:variable name="pair" as="map(xs:string, item())*" select="if (exists($a) and exists($b)) then ed:coarsened($a, $b) else ()"/>
    <xsl:variable name="s" as="map(xs:string, item())?" select="$pair[1]"/>
    <xsl:variable name="e" as="map(xs:string, item())?" select="$pair[2]"/>
    <xsl:variable name="y" as="xs:string" select="if ($year) then string($s?y) else ''"/>
    <xsl:sequence select="
        if (empty($given)) then ''
        else if (count($given) eq 1) then (($a, $b) ! ed:bound-label(., $year, $lang), $given)[1]
        else if (empty($pair)) then
          (if ($start eq $end) then $start else ed:label-format('date-span', map { 'from': $start, 'to': $end }, $lang))
        else if (deep-equal($s, $e)) then ed:bound-label($s, $year, $lang)
        else if ($s?y ne $e?y) then
          (if (empty(($s?m, $e?m))) then ed:label-format('date-span-years', map { 'from': $s?y, 'to': $e?y }, $lang)
           else ed:label-format('date-span', map { 'from': ed:bound-label($s, true(), $lang), 'to': ed:bound-label($e, true(), $lang) }, $lang))
        else if (empty(($s?m, $e?m)[2])) then
          (: one bound a whole year, the other a month or day of it: both in full :)
          ed:label-format('date-span', map { 'from': ed:bound-label($s, true(), $lang), 'to': ed:bound-label($e, true(), $lang) }, $lang)
        else if (empty(($s?d, $e?d))) then normalize-space(ed:label-format('date-span-months',
          map { 'from': ed:month-name($s?m, $lang), 'to': ed:month-name($e?m, $lang), 'year': $y }, $lang))
        else if (exists($s?d) and exists($e?d) and $s?m eq $e?m) then normalize-space(ed:label-format('date-span-days',
          map { 'from': $s?d, 'to': $e?d, 'month': ed:month-name($s?m, $lang), 'year': $y }, $lang))
        else normalize-space(ed:label-format('date-span-in-year',
          map { 'from': ed:bound-label($s, false(), $lang), 'to': ed:bound-label($e, false(), $lang), 'year': $y }, $lang))"/>
  </xsl:function>

</xsl:stylesheet>
