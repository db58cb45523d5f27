<?xml version="1.0" encoding="UTF-8"?>
<!-- The colophon: edition, version, editors, publisher, licence and date — all from the
     edition document and the essay's header (the text's own facts, its source among them, stand
     on the title page's verso: titlepage.xsl); the words around them (labels, "Version", the
     date's month) in the interface language. -->
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
    <xsl:sequence select="if ($s) then ed:text($s) else ()"/>
  </xsl:function>

  <xsl:function name="ed:licence" as="xs:string?">
    <xsl:param name="licence" as="element(licence)?"/>
    <xsl:sequence select="$licence ! (ed:text(normalize-space(.))
      || (@target ! (ed:text(' (') || ed:licence-link(.) || ed:text(')'))))"/>
  </xsl:function>

  <!-- A licence address, linked where the link policy (common/links.xsl) lets it out. -->
  <xsl:function name="ed:licence-link" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:sequence select="if (common:link-kind($target) eq 'external') then '#link(' || ed:lit($target) || ', ' || ed:lit($target) || ')' else ed:text($target)"/>
  </xsl:function>

  <!-- The essay's licence and, where it says something else, the edition's. -->
  <xsl:function name="ed:distinct-licences" as="element(licence)*">
    <xsl:param name="licences" as="element(licence)*"/>
    <xsl:for-each-group select="$licences" group-by="normalize-space(.) || '|' || @target">
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
      ed:colophon-line(common:label('colophon-online'), $url ! ('#link(' || ed:lit(.) || ', ' || ed:lit(.) || ')')),
      ed:colophon-line(common:label('colophon-archiving'), ed:text(common:label-format('colophon-archive-note', map { 'file': $source-name })))
      ), '')"/>
  </xsl:template>
</xsl:stylesheet>
