<?xml version="1.0" encoding="UTF-8"?>
<!-- The facts of the editorial note ("Zur Edition") of one text, shared by the site page
     (xslt/html/editorial.xsl) and the PDF section (xslt/pdf/editorial.xsl): what the text's
     header says of its source, of how the text was established and annotated and of its
     revisions, and what its encoding counts (corrections, page breaks, lost notes, persons,
     dates). Nothing is said that neither the header says nor the encoding counts: a section
     whose header part is missing and whose counts are all zero is left out.

     ed:editorial-note($tei, $edition) gives the sections in reading order, each a map
       'part'   section name (source, establishment, losses, annotation, revisions, citation),
       'title'  its heading in the interface language,
       'paras'  paragraphs: map { 'term': lead-in label or (), 'text': string, 'lang': language },
       'counts' counted facts: map { 'label': string, 'count': integer, 'sub': counts 'of which' }.
     Needs labels.xsl, facts.xsl, dates.xsl, notes.xsl and register-refs.xsl of this folder. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- Header prose as one line of text: ed:prose in facts.xsl. -->

  <!-- ===== the note ======================================================================= -->

  <xsl:function name="ed:editorial-note" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="edition" as="element(tei:TEI)"/>
    <xsl:variable name="h" as="element(tei:teiHeader)?" select="$tei/tei:teiHeader"/>
    <xsl:variable name="decl" as="element(tei:editorialDecl)*" select="$h/tei:encodingDesc/tei:editorialDecl"/>
    <xsl:variable name="text" as="element(tei:text)*" select="$tei/tei:text"/>
    <xsl:sequence select="
        ed:section('source', 'editorial-source',
            $h/tei:fileDesc/tei:sourceDesc/* ! ed:source-paras(.), ()),
        ed:section('establishment', 'editorial-establishment',
            (if (empty($h/tei:encodingDesc)) then ed:para((), ed:label('editorial-no-declaration'), $tei) else (),
             $decl/(* except (tei:interpretation | tei:stdVals)) ! ed:decl-paras(.),
             (: what the edition does to every text's reading text (edition.xml: the typography) :)
             $edition/tei:teiHeader/tei:encodingDesc/tei:editorialDecl/* ! ed:decl-paras(.)),
            ed:establishment-counts($text)),
        ed:section('losses', 'editorial-losses', (), ed:loss-counts($tei)),
        ed:section('annotation', 'editorial-annotation',
            ($decl/(tei:interpretation | tei:stdVals) ! ed:decl-paras(.),
             $h/tei:profileDesc/tei:calendarDesc/tei:calendar ! ed:para(ed:label('editorial-calendar'), ed:prose(.), .)),
            ed:annotation-counts($tei)),
        ed:section('revisions', 'editorial-revisions',
            $h/tei:revisionDesc//tei:change ! ed:para(ed:change-date(.), ed:prose(.), .), ()),
        ed:section('citation', 'cite', ed:para((), ed:citation($tei, $edition), ()), ())"/>
  </xsl:function>

  <!-- A section, or nothing when it would say nothing. -->
  <xsl:function name="ed:section" as="map(*)?">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="title-key" as="xs:string"/>
    <xsl:param name="paras" as="map(*)*"/>
    <xsl:param name="counts" as="map(*)*"/>
    <xsl:if test="exists($paras) or exists($counts)">
      <xsl:sequence select="map { 'part': $part, 'title': ed:label($title-key), 'paras': $paras, 'counts': $counts }"/>
    </xsl:if>
  </xsl:function>

  <!-- A paragraph; none for one without words. The language is its source's, else the interface's. -->
  <xsl:function name="ed:para" as="map(*)?">
    <xsl:param name="term" as="xs:string?"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="source" as="node()?"/>
    <xsl:if test="normalize-space($text)">
      <xsl:sequence select="map { 'term': $term[normalize-space()], 'text': normalize-space($text),
          'lang': ($source ! ed:text-language(.), $interface-language)[1] }"/>
    </xsl:if>
  </xsl:function>

  <!-- A counted fact; none for zero, so the note never states an absence it cannot know the
       reason of. -->
  <xsl:function name="ed:count" as="map(*)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="sub" as="map(*)*"/>
    <xsl:sequence select="ed:count-labelled(ed:label($key), $count, $sub)"/>
  </xsl:function>

  <xsl:function name="ed:count-labelled" as="map(*)?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="sub" as="map(*)*"/>
    <xsl:if test="$count gt 0">
      <xsl:sequence select="map { 'label': $label, 'count': $count, 'sub': $sub }"/>
    </xsl:if>
  </xsl:function>

  <!-- ===== the source ===================================================================== -->

  <!-- One paragraph per description of the source; the text basis (an extraction the text was
       made from) and each witness under their own lead-in. -->
  <xsl:function name="ed:source-paras" as="map(*)*">
    <xsl:param name="part" as="element()"/>
    <xsl:choose>
      <xsl:when test="$part/self::tei:bibl[@type = 'extraction']">
        <xsl:sequence select="ed:para(ed:label('fact-basis'), ed:prose($part), $part)"/>
      </xsl:when>
      <xsl:when test="$part/self::tei:listWit | $part/self::tei:listBibl">
        <xsl:sequence select="$part/(tei:witness | tei:bibl | tei:biblStruct) ! ed:para(@xml:id ! string(.), ed:prose(.), .)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="ed:para((), ed:prose($part), $part)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ===== what the header declares ========================================================= -->

  <!-- The lead-in of each declaration of editorialDecl; a p directly in it has none. -->
  <xsl:variable name="ed:decl-terms" as="map(xs:string, xs:string)" select="map {
      'correction': 'editorial-decl-correction', 'normalization': 'editorial-decl-normalization',
      'hyphenation': 'editorial-decl-hyphenation', 'quotation': 'editorial-decl-quotation',
      'segmentation': 'editorial-decl-segmentation', 'punctuation': 'editorial-decl-punctuation',
      'stdVals': 'editorial-decl-stdvals', 'interpretation': 'editorial-decl-interpretation' }"/>

  <xsl:function name="ed:decl-paras" as="map(*)*">
    <xsl:param name="decl" as="element()"/>
    <xsl:variable name="term" as="xs:string?" select="$ed:decl-terms(local-name($decl)) ! ed:label(.)"/>
    <xsl:choose>
      <xsl:when test="$decl/tei:p">
        <xsl:sequence select="$decl/tei:p ! ed:para(if (position() eq 1) then $term else (), ed:prose(.), .)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="ed:para($term, ed:prose($decl), $decl)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- "22. November 2026" for a change dated in ISO form (a dateTime by its day), its @when as
       written otherwise. -->
  <xsl:function name="ed:change-date" as="xs:string?">
    <xsl:param name="change" as="element(tei:change)"/>
    <xsl:variable name="when" as="xs:string?" select="$change/@when ! normalize-space(.)"/>
    <xsl:variable name="day" as="xs:string?" select="replace($when, '^(\d{4}-\d{2}-\d{2})T[0-9:.]+(Z|[+\-]\d{2}:\d{2})?$', '$1')"/>
    <xsl:sequence select="if (matches($day, '^\d{4}(-\d{2}(-\d{2})?)?$')) then ed:iso-date($day) else $when"/>
  </xsl:function>

  <!-- ===== what the encoding counts ======================================================== -->

  <xsl:function name="ed:establishment-counts" as="map(*)*">
    <xsl:param name="text" as="element(tei:text)*"/>
    <xsl:variable name="lb" as="element(tei:lb)*" select="$text//tei:lb"/>
    <xsl:variable name="paired" as="element(tei:choice)*" select="$text//tei:choice[tei:sic and tei:corr]"/>
    <xsl:sequence select="
        ed:count('editorial-count-pb', count($text//tei:pb), ()),
        ed:count('editorial-count-lb', count($lb),
            ed:count('editorial-count-lb-joined', count($lb[@break = 'no']), ())),
        ed:count('editorial-count-corrected', count($paired), ()),
        ed:count('editorial-count-corr', count($text//tei:corr except $paired/tei:corr), ()),
        ed:count('editorial-count-sic', count($text//tei:sic except $paired/tei:sic), ()),
        ed:count('editorial-count-reg', count($text//tei:reg), ()),
        ed:count('editorial-count-expan', count($text//tei:expan), ()),
        ed:count('editorial-count-supplied', count($text//tei:supplied), ()),
        ed:count('editorial-count-unclear', count($text//tei:unclear), ())"/>
  </xsl:function>

  <!-- The markers of notes and the notes whose text is lost, with the reasons the gaps give;
       the gaps in the text outside such notes, by reason. -->
  <xsl:function name="ed:loss-counts" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="notes" as="element(tei:note)*" select="ed:footnotes($tei)"/>
    <xsl:variable name="lost" as="element(tei:note)*" select="$notes[ed:note-is-lost(.)]"/>
    <xsl:variable name="gaps" as="element(tei:gap)*" select="$tei/tei:text//tei:gap except $lost/tei:gap"/>
    <xsl:sequence select="
        if (exists($lost)) then ed:count('editorial-count-notes', count($notes),
            (ed:count('editorial-count-notes-text', count($notes) - count($lost), ()),
             ed:count('editorial-count-notes-lost', count($lost), ed:reason-counts($lost/tei:gap[1])))) else (),
        ed:count('editorial-count-gaps', count($gaps), ed:reason-counts($gaps))"/>
  </xsl:function>

  <!-- Gaps grouped by their @reason, in order of first occurrence: the reason's label where
       labels.xml has one (gap-reason-VALUE), else the value as the encoding writes it. -->
  <xsl:function name="ed:reason-counts" as="map(*)*">
    <xsl:param name="gaps" as="element(tei:gap)*"/>
    <xsl:for-each-group select="$gaps" group-by="normalize-space(@reason)">
      <xsl:variable name="reason" as="xs:string" select="current-grouping-key()"/>
      <xsl:variable name="said" as="xs:string" select="if ($reason eq '') then ed:label('editorial-reason-none')
          else if (ed:has-label('gap-reason-' || $reason)) then ed:label('gap-reason-' || $reason)
          else ed:label-format('editorial-reason', map { 'reason': $reason })"/>
      <xsl:sequence select="ed:count-labelled($said, count(current-group()), ())"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="ed:has-label" as="xs:boolean">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="exists($ed:labels($ed:language)($key))"/>
  </xsl:function>

  <xsl:function name="ed:annotation-counts" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="text" as="element(tei:text)*" select="$tei/tei:text"/>
    <xsl:variable name="names" as="element(tei:persName)*" select="$text//tei:persName"/>
    <xsl:variable name="registered" as="xs:string*" select="$names/@ref ! ed:register-id(.)"/>
    <xsl:variable name="dates" as="element(tei:date)*" select="$text//tei:date"/>
    <xsl:sequence select="
        ed:count('editorial-count-persname', count($names),
            (ed:count('editorial-count-persname-register', count($registered), ()),
             ed:count('editorial-count-persname-other', count($names[@ref][empty(ed:register-id(@ref))]), ()))),
        ed:count('editorial-count-persons', count(distinct-values($registered)), ()),
        ed:count('editorial-count-placename', count($text//tei:placeName), ()),
        ed:count('editorial-count-orgname', count($text//tei:orgName), ()),
        ed:count('editorial-count-date', count($dates),
            (ed:count('editorial-count-date-value', count($dates[@when | @from | @to | @notBefore | @notAfter]), ()),
             ed:calendar-counts($tei, $dates),
             ed:count('editorial-count-date-cert', count($dates[@cert]), ())))"/>
  </xsl:function>

  <!-- Dates dated by a calendar the header describes (calendarDesc), per calendar, named as
       the header names it. -->
  <xsl:function name="ed:calendar-counts" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="dates" as="element(tei:date)*"/>
    <xsl:for-each select="$tei/tei:teiHeader/tei:profileDesc/tei:calendarDesc/tei:calendar[@xml:id]">
      <xsl:variable name="ref" as="xs:string" select="'#' || @xml:id"/>
      <xsl:sequence select="ed:count-labelled(ed:label-format('editorial-count-date-calendar', map { 'calendar': ed:prose(.) }),
          count($dates[(@datingMethod, @calendar) ! normalize-space(.) = $ref]), ())"/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
