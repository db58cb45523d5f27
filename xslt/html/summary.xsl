<?xml version="1.0" encoding="UTF-8"?>
<!-- The summary of a text: what the corpus pages (landing, register, chronology, search,
     zur-edition) show of it, as the strings the functions of the pages make of the full text.
     The build makes each text's summary from a corpus of that text alone (summaries.xsl), in any
     process, and renders the corpus pages from a corpus of summaries (edition/transform/html.py),
     so its own process never holds the texts; given a corpus of texts, a page makes their
     summaries itself ($summaries), which is how tests/html/test_summary_pages.py compares the two.

     <ed:summaries>
       <ed:summary id file title full-title lang [first-published] extent>
         <ed:subtitle/>* <ed:author/>* <ed:abstract/>*
         <ed:mentions person><ed:place anchor label/>+</ed:mentions>*   places in text order, once each
         <ed:date key end label anchor place reading before after/>*     dated dates, in text order
         <ed:editorial part title><ed:para [term] lang text/>* <ed:count label count><ed:count/>*</ed:count>*</ed:editorial>*
       </ed:summary>*
     </ed:summaries>
     Needs common.xsl and typography.xsl of ../common, corpus.xsl and ids.xsl of this folder. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/editorial.xsl"/>

  <!-- Characters of context on each side of a date in the chronology. -->
  <xsl:param name="context-chars" as="xs:integer" select="70"/>

  <!-- The corpus's summaries: those it holds, else made here from its texts. -->
  <xsl:variable name="summaries" as="element(ed:summary)*"
      select="if (exists(/ed:corpus/ed:summaries)) then /ed:corpus/ed:summaries/ed:summary else $ed:made-summaries/ed:summaries/ed:summary"/>

  <!-- A document, so that keys look into it. -->
  <xsl:variable name="ed:made-summaries" as="document-node()">
    <xsl:document>
      <xsl:call-template name="ed:summaries"/>
    </xsl:document>
  </xsl:variable>

  <xsl:template name="ed:summaries">
    <ed:summaries>
      <xsl:for-each select="$essays">
        <xsl:call-template name="ed:summary"/>
      </xsl:for-each>
    </ed:summaries>
  </xsl:template>

  <xsl:template name="ed:summary">
    <xsl:context-item as="element(tei:TEI)" use="required"/>
    <xsl:variable name="tei" as="element(tei:TEI)" select="."/>
    <xsl:variable name="original" as="element(tei:bibl)?" select="ed:essay-original(.)"/>
    <ed:summary id="{ed:essay-id(.)}" file="{ed:essay-file(.)}" title="{ed:essay-title(.)}"
        full-title="{ed:essay-full-title(.)}" lang="{ed:text-language(.)}">
      <xsl:if test="$original">
        <xsl:attribute name="first-published"
            select="string-join(($original/tei:date ! normalize-space(.), $original/tei:extent ! normalize-space(.)), ', ')"/>
      </xsl:if>
      <xsl:attribute name="extent" select="ed:extent(.)"/>
      <xsl:for-each select="ed:essay-subtitle(.)"><ed:subtitle>{.}</ed:subtitle></xsl:for-each>
      <xsl:for-each select="ed:essay-authors(.)"><ed:author>{.}</ed:author></xsl:for-each>
      <xsl:for-each select="ed:essay-abstract(.)"><ed:abstract>{.}</ed:abstract></xsl:for-each>
      <!-- The register: per person, each place naming them once (a paragraph naming them twice is one link). -->
      <xsl:for-each-group select="tei:text//tei:persName[@ref]" group-by="ed:person-id(@ref)">
        <ed:mentions person="{current-grouping-key()}">
          <xsl:for-each select="(current-group() ! ed:place(.))/.">
            <ed:place anchor="{ed:html-id(.)}" label="{ed:place-label(.)}"/>
          </xsl:for-each>
        </ed:mentions>
      </xsl:for-each-group>
      <xsl:for-each select="tei:text//tei:date[exists(ed:date-sort-key(.))]">
        <xsl:call-template name="ed:summary-date"/>
      </xsl:for-each>
      <xsl:for-each select="ed:editorial-note(., $edition)">
        <ed:editorial part="{?part}" title="{?title}">
          <xsl:for-each select="?paras">
            <ed:para lang="{?lang}" text="{?text}">
              <xsl:for-each select="?term"><xsl:attribute name="term" select="."/></xsl:for-each>
            </ed:para>
          </xsl:for-each>
          <xsl:apply-templates select="?counts" mode="ed:summary-count"/>
        </ed:editorial>
      </xsl:for-each>
    </ed:summary>
  </xsl:template>

  <xsl:template match=".[. instance of map(*)]" mode="ed:summary-count">
    <ed:count label="{?label}" count="{?count}">
      <xsl:apply-templates select="?sub" mode="ed:summary-count"/>
    </ed:count>
  </xsl:template>

  <!-- A chronology entry: the date's label and reading, the words around it in its place (cut
       to $context-chars at a word boundary, "…" where cut) and the place it links to. -->
  <xsl:template name="ed:summary-date">
    <xsl:context-item as="element(tei:date)" use="required"/>
    <xsl:variable name="place" as="element()" select="ed:place(.)"/>
    <!-- The reading text of the place around the date (ed:reading-string: quote marks, the
         normalised reading of a choice, notes left out unless the date is in one). -->
    <xsl:variable name="before" as="xs:string" select="ed:around($place, ., true())"/>
    <xsl:variable name="after" as="xs:string" select="ed:around($place, ., false())"/>
    <ed:date key="{ed:date-sort-key(.)}" end="{ed:date-sort-end(.)}" label="{ed:date-label(.)}"
        anchor="{ed:html-id($place)}" place="{ed:place-label($place)}" reading="{ed:reading-string(.)}"
        before="{if (string-length($before) gt $context-chars) then '…' else ''}{ed:tail($before, $context-chars)}"
        after="{ed:head($after, $context-chars)}{if (string-length($after) gt $context-chars) then '…' else ''}"/>
  </xsl:template>

  <xsl:function name="ed:around" as="xs:string">
    <xsl:param name="place" as="element()"/>
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$place/node()" mode="ed:around">
        <xsl:with-param name="date" select="$date" tunnel="yes"/>
        <xsl:with-param name="before" select="$before" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:mode name="ed:around" on-no-match="fail"/>
  <xsl:template match="node()" mode="ed:around" as="xs:string*">
    <xsl:param name="date" as="element(tei:date)" tunnel="yes"/>
    <xsl:param name="before" as="xs:boolean" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test=". is $date"/>
      <xsl:when test="exists(descendant::tei:date intersect $date)">
        <!-- an element around the date: its own marks on the date's side, its other content -->
        <xsl:variable name="marks" as="xs:string*" select="self::tei:q ! ed:reading-quote-marks(.)"/>
        <xsl:sequence select="$marks[1][$before]"/>
        <xsl:apply-templates select="node()" mode="#current"/>
        <xsl:sequence select="$marks[2][not($before)]"/>
      </xsl:when>
      <xsl:when test="if ($before) then . &lt;&lt; $date else . >> $date">
        <xsl:apply-templates select="." mode="ed:reading-string"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The last/first $n characters, cut at a word boundary. -->
  <xsl:function name="ed:tail" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $n) then $s
        else replace(substring($s, string-length($s) - $n + 1), '^\S*\s+', '')"/>
  </xsl:function>

  <xsl:function name="ed:head" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $n) then $s else replace(substring($s, 1, $n), '\s+\S*$', '')"/>
  </xsl:function>

  <!-- "146 Absätze, 53 Anmerkungszeichen, davon 12 mit Text, 56 Personen": a note whose text is
       lost (ed:note-is-lost) is a marker without a note, so the markers and the notes with text
       are counted apart wherever a text has lost some. -->
  <xsl:function name="ed:extent" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="markers" as="element(tei:note)*" select="ed:footnotes($tei)"/>
    <xsl:variable name="notes" as="element(tei:note)*" select="$markers[not(ed:note-is-lost(.))]"/>
    <xsl:variable name="counts" as="map(xs:string, xs:integer)" select="map {
        'paragraphs': count($tei/tei:text//(tei:p | tei:list)[ed:is-numbered(.)]),
        'markers': count($markers),
        'notes': count($notes),
        'persons': count(distinct-values($tei/tei:text//tei:persName/@ref)) }"/>
    <xsl:sequence select="ed:label-format(if (count($notes) lt count($markers)) then 'extent-counts-lost' else 'extent-counts', $counts)"/>
  </xsl:function>

</xsl:stylesheet>
