<?xml version="1.0" encoding="UTF-8"?>
<!-- The facts every output shows of a text and of the edition, read from their TEI headers in
     one place: titles, authors, responsibility, the source and the header's descriptions of a
     letter or a manuscript, the edition's own facts, and the quote marks of q/@rend. The HTML
     pages (xslt/html/) and the PDF (xslt/pdf/) call these functions and nothing else for these
     facts, so the two outputs cannot disagree. Values are plain strings (whitespace
     normalised); each output writes them in its own markup. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- ===== quote marks ================================================================== -->

  <!-- The marks a q/@rend records (the importer's values; tei/schema/README.md). The text holds
       no marks of its own, so an unknown value gets the German pair the toolkit defaults to. -->
  <xsl:variable name="ed:quote-mark-pairs" as="map(xs:string, xs:string+)" select="map {
      'de': ('„', '“'), 'guillemets': ('«', '»'), 'guillemets-de': ('»', '«'), 'straight': ('&quot;', '&quot;'),
      'single-de': ('‚', '‘'), 'single-guillemets': ('‹', '›'), 'single-guillemets-de': ('›', '‹'),
      'single-straight': ('''', ''''), 'en': ('“', '”'), 'single-en': ('‘', '’') }"/>

  <xsl:function name="ed:quote-marks" as="xs:string+">
    <xsl:param name="rend" as="xs:string?"/>
    <xsl:sequence select="($ed:quote-mark-pairs(normalize-space($rend)), ('„', '“'))[position() le 2]"/>
  </xsl:function>

  <!-- ===== a text ======================================================================= -->

  <xsl:function name="ed:text-title-stmt" as="element(tei:titleStmt)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
  </xsl:function>

  <xsl:function name="ed:essay-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="stmt" as="element(tei:titleStmt)?" select="ed:text-title-stmt($tei)"/>
    <xsl:sequence select="normalize-space(($stmt/tei:title[@type = 'main'], $stmt/tei:title)[1])"/>
  </xsl:function>

  <xsl:function name="ed:essay-subtitle" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="ed:text-title-stmt($tei)/tei:title[@type = 'sub'][1] ! normalize-space(.)[.]"/>
  </xsl:function>

  <!-- "Titel. Untertitel" -->
  <xsl:function name="ed:essay-full-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string-join((ed:essay-title($tei), ed:essay-subtitle($tei)), '. ')"/>
  </xsl:function>

  <xsl:function name="ed:essay-authors" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="ed:text-title-stmt($tei)/tei:author ! normalize-space(.)[.]"/>
  </xsl:function>

  <xsl:function name="ed:essay-abstract" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract[1] ! normalize-space(.)[.]"/>
  </xsl:function>

  <xsl:function name="ed:essay-original" as="element(tei:bibl)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'original'][1]"/>
  </xsl:function>

  <!-- "Übersetzung, Kommentar: Anna Muster, Ben Beispiel": one statement per respStmt, all its
       resp phrases and all its names (a respStmt may hold several of each). -->
  <xsl:function name="ed:responsibility" as="xs:string*">
    <xsl:param name="stmts" as="element(tei:respStmt)*"/>
    <xsl:for-each-group select="$stmts ! (string-join(tei:resp ! normalize-space(.)[.], ', ') || ': '
        || string-join((* except tei:resp) ! normalize-space(.)[.], ', '))[not(starts-with(., ': ') or ends-with(., ': '))]"
        group-by=".">
      <xsl:sequence select="current-grouping-key()"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- What the text's header says of its source and of the letter or manuscript it is, as
       (label key, value) pairs in the order a reader wants them; nothing the header lacks. -->
  <xsl:function name="ed:header-facts" as="map(xs:string, xs:string)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="h" as="element(tei:teiHeader)?" select="$tei/tei:teiHeader"/>
    <xsl:variable name="ms" as="element(tei:msDesc)*" select="$h/tei:fileDesc/tei:sourceDesc//tei:msDesc"/>
    <!-- each letter's sender, then its recipient (an anthology has a correspDesc per letter) -->
    <xsl:variable name="corresp" as="element(tei:correspAction)*" select="$h/tei:profileDesc/tei:correspDesc
        ! (tei:correspAction[@type = 'sent'], tei:correspAction[@type = 'received'])"/>
    <xsl:sequence select="
        ed:fact('fact-responsibility', string-join(ed:responsibility($h/tei:fileDesc/tei:titleStmt/tei:respStmt), '; ')),
        $corresp ! ed:fact('fact-' || @type, ed:join((tei:persName, tei:orgName, tei:name, tei:placeName, tei:date), ', ')),
        $ms ! ed:fact('fact-manuscript', ed:join((tei:msIdentifier/(tei:country, tei:settlement, tei:institution,
            tei:repository, tei:collection, tei:idno), tei:msIdentifier/tei:msName), ', ')),
        $ms/tei:physDesc ! ed:fact('fact-physical', ed:join(.//tei:p | .//tei:support | .//tei:extent | .//tei:handNote, ' ')),
        $h/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull)[not(@type = 'extraction')]
            ! ed:fact('fact-source', ed:join(., ' ')),
        $h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'extraction'] ! ed:fact('fact-basis', ed:join(., ' '))"/>
  </xsl:function>

  <xsl:function name="ed:fact" as="map(xs:string, xs:string)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($value)) then map { 'key': $key, 'value': normalize-space($value) } else ()"/>
  </xsl:function>

  <!-- The words of some nodes, each as a reader sees it (ed:prose), joined by $sep. -->
  <xsl:function name="ed:join" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="sep" as="xs:string"/>
    <xsl:sequence select="string-join($nodes ! ed:prose(.)[.], $sep)"/>
  </xsl:function>

  <!-- ===== header prose as one line of text ============================================= -->

  <!-- The words of header elements as a reader sees them: quote marks of q/@rend restored,
       parts that stand apart (a bibl's notes, line breaks) kept apart by a space. -->
  <xsl:function name="ed:prose" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="ed:prose"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:mode name="ed:prose" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="ed:prose"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="tei:q | tei:quote[@rend]" mode="ed:prose">
    <xsl:variable name="marks" as="xs:string+" select="ed:quote-marks(@rend)"/>
    <xsl:value-of select="$marks[1]"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="$marks[2]"/>
  </xsl:template>
  <xsl:template match="tei:note | tei:p | tei:lb[not(@break = 'no')] | tei:item | tei:witness" mode="ed:prose">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="#current"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:gap" mode="ed:prose">[…]</xsl:template>


  <!-- ===== structure ==================================================================== -->

  <!-- A division is a section of its own where its head has words (a head with none, as DTA
       prints have for untitled parts, heads nothing): it adds a heading level in every output. -->
  <xsl:function name="ed:has-heading" as="xs:boolean">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="exists(ed:heading($div))"/>
  </xsl:function>

  <!-- The division's first head with words (its notes aside), if any. -->
  <xsl:function name="ed:heading" as="element(tei:head)?">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="$div/tei:head[ed:has-words(.)][1]"/>
  </xsl:function>

  <xsl:function name="ed:has-words" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($e//text()[not(ancestor::tei:note)])) ne ''"/>
  </xsl:function>

  <!-- 1 for a division at the top, one more per enclosing division with a heading: no level is
       ever skipped (WCAG, PDF/UA). -->
  <xsl:function name="ed:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="count($head/ancestor::tei:div[ed:has-heading(.)])"/>
  </xsl:function>

  <!-- ===== the edition ================================================================== -->

  <!-- The edition document's facts (edition/core.py writes it from edition.toml). -->
  <xsl:function name="ed:edition-facts" as="map(xs:string, item()*)">
    <xsl:param name="edition" as="element(tei:TEI)"/>
    <xsl:variable name="file" as="element(tei:fileDesc)" select="$edition/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="pub" as="element(tei:publicationStmt)" select="$file/tei:publicationStmt"/>
    <xsl:sequence select="map {
        'title': normalize-space($file/tei:titleStmt/tei:title[1]),
        'editors': $file/tei:titleStmt/tei:editor ! normalize-space(.),
        'responsibility': ed:responsibility($file/tei:titleStmt/tei:respStmt),
        'version': string($file/tei:editionStmt/tei:edition/@n),
        'date': string($pub/tei:date/@when),
        'publisher': normalize-space($pub/tei:publisher),
        'place': $pub/tei:pubPlace ! normalize-space(.),
        'licence': $pub/tei:availability/tei:licence[1],
        'url': replace(normalize-space($pub/tei:idno[@type = 'URL']), '([^/])$', '$1/') }"/>
  </xsl:function>

  <!-- "Beispieledition, hg. von Erika Muster, Version 1.0.0, Berlin: tei-edition 2026" -->
  <xsl:function name="ed:edition-citation" as="xs:string">
    <xsl:param name="edition" as="element(tei:TEI)"/>
    <xsl:variable name="f" as="map(xs:string, item()*)" select="ed:edition-facts($edition)"/>
    <xsl:sequence select="string-join((
        $f?title,
        if (exists($f?editors)) then ed:label('edited-by-short') || ' ' || string-join($f?editors, ', ') else (),
        ed:label('version') || ' ' || $f?version,
        normalize-space(string-join(($f?place, $f?publisher[.]), ': ') || ' ' || substring($f?date, 1, 4))), ', ')"/>
  </xsl:function>

  <!-- "Autorin: Titel. Untertitel. In: <edition citation>." (no author: the title first). -->
  <xsl:function name="ed:citation" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="edition" as="element(tei:TEI)"/>
    <xsl:variable name="authors" as="xs:string*" select="ed:essay-authors($tei)"/>
    <xsl:sequence select="(if (exists($authors)) then string-join($authors, ', ') || ': ' else '')
        || ed:essay-full-title($tei) || '. ' || ed:label('cite-in') || ': ' || ed:edition-citation($edition) || '.'"/>
  </xsl:function>

</xsl:stylesheet>
