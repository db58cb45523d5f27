<?xml version="1.0" encoding="UTF-8"?>
<!-- The colophon: edition, version, editors, publisher, date, licence (once), address and
     persistent identifier — all from the edition document (edition.toml) and the essay's header
     (the text's own facts, its source among them, stand on the title page's verso:
     titlepage.xsl); the words around them (labels, "Version", the date's month) in the
     interface language. Long words (hashes, addresses) break inside the column. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xmlns:common="urn:tei-edition"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- One colophon line: a label in small caps and its text; nothing when the text is empty. -->
  <xsl:function name="ed:colophon-line" as="xs:string?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="markup" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($markup)) then '#colophon-entry(' || ed:lit($label) || ', [' || $markup || '])&#10;' else ()"/>
  </xsl:function>

  <xsl:function name="ed:plain" as="xs:string?">
    <xsl:param name="items" as="item()*"/>
    <xsl:param name="sep" as="xs:string"/>
    <xsl:variable name="s" as="xs:string" select="string-join($items ! normalize-space(.)[.], $sep)"/>
    <xsl:sequence select="if ($s) then ed:breakable($s) else ()"/>
  </xsl:function>

  <!-- Text whose long words (a hash, an address) may break inside the column: Typst breaks a
       line only between words, so such a word is set as a row of boxes, each a piece ending
       after a / . _ ? & = # or at most eight characters long (never after a hyphen: text
       extraction would take it for the typesetter's and drop it); a box adds no character,
       so the text reads (and copies) as written. -->
  <xsl:function name="ed:breakable" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="$s" regex="\S{{20,}}">
        <xsl:matching-substring>
          <xsl:variable name="pieces" as="xs:string*">
            <xsl:analyze-string select="." regex="[^/._?&amp;=#]{{1,8}}[/._?&amp;=#]*|[/._?&amp;=#]+">
              <xsl:matching-substring><xsl:sequence select="."/></xsl:matching-substring>
            </xsl:analyze-string>
          </xsl:variable>
          <xsl:sequence select="fold-left($pieces, (), function($done, $piece) {
              if (ends-with($done[last()], '-')) then ($done[position() lt last()], $done[last()] || $piece) else ($done, $piece) })
            ! ('#box(' || ed:lit(.) || ')')"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="ed:text(.)"/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- A link whose shown address may break (ed:breakable). -->
  <xsl:function name="ed:url-link" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="'#link(' || ed:lit($url) || ')[' || ed:breakable($url) || ']'"/>
  </xsl:function>

  <xsl:function name="ed:licence" as="xs:string?">
    <xsl:param name="licence" as="element(licence)?"/>
    <xsl:sequence select="$licence ! (ed:breakable(normalize-space(.))
      || (@target ! (ed:text(' (') || ed:licence-link(.) || ed:text(')'))))"/>
  </xsl:function>

  <!-- A licence address, linked where the link policy (common/links.xsl) lets it out. -->
  <xsl:function name="ed:licence-link" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:sequence select="if (common:link-kind($target) eq 'external') then ed:url-link($target) else ed:breakable($target)"/>
  </xsl:function>

  <!-- The essay's licence and the edition's only where it is another licence: one statement per
       licence address (the first, the essay's own, says it of this book), else per wording. -->
  <xsl:function name="ed:distinct-licences" as="element(licence)*">
    <xsl:param name="licences" as="element(licence)*"/>
    <xsl:for-each-group select="$licences" group-by="(normalize-space(@target)[.], normalize-space(.))[1]">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:template name="ed:colophon" as="xs:string">
    <xsl:param name="essay" as="element(TEI)"/>
    <xsl:param name="edition" as="element(TEI)"/>
    <xsl:param name="source-name" as="xs:string"/>
    <xsl:variable name="e" as="element(fileDesc)" select="$edition/teiHeader/fileDesc"/>
    <xsl:variable name="h" as="element(fileDesc)" select="$essay/teiHeader/fileDesc"/>
    <xsl:variable name="url" as="xs:string?" select="$e/publicationStmt/idno[@type = 'URL'][1] ! normalize-space(.)"/>
    <xsl:sequence select="string-join((
      ed:colophon-line(common:label('colophon-edition'), ed:plain(($e/titleStmt/title[1],
        $e/editionStmt/edition[1] ! (@n[normalize-space()] ! (common:label('version') || ' ' || normalize-space(.)), .)[1]), ', ')),
      ed:colophon-line(common:label('colophon-editors'), ed:plain($e/titleStmt/editor, ', ')),
      ed:colophon-line(common:label('colophon-responsibility'), ed:plain(common:responsibility($e/titleStmt/respStmt), '; ')),
      ed:colophon-line(common:label('colophon-publisher'), ed:plain(($e/publicationStmt/publisher, $e/publicationStmt/pubPlace), ', ')),
      ed:colophon-line(common:label('colophon-date'), ed:plain($e/publicationStmt/date ! (@when[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')] ! common:iso-date(.), .)[1], '')),
      ed:colophon-line(common:label('licence'), string-join(ed:distinct-licences(($h/publicationStmt/availability/licence, $e/publicationStmt/availability/licence)) ! ed:licence(.), '#linebreak()')),
      ed:colophon-line(common:label('colophon-online'), $url[.] ! ed:url-link(.)),
      ed:colophon-line(common:label('colophon-identifier'), ed:plain($e/publicationStmt/idno[not(@type = ('URL', 'essay'))]
        ! (normalize-space(@type)[.] || ' ' || normalize-space(.)), '; ')),
      ed:colophon-line(common:label('colophon-archiving'), ed:text(common:label-format('colophon-archive-note', map { 'file': $source-name })))
      ), '')"/>
  </xsl:template>
</xsl:stylesheet>
