<?xml version="1.0" encoding="UTF-8"?>
<!-- Footnotes on the web: a marker button opening the note in place (native popover, keyboard
     operable, no script), and the notes section at the end with links back to each marker. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note[@place = 'foot']" mode="ed:text">
    <xsl:variable name="anchor" as="xs:string" select="ed:html-id(.)"/>
    <xsl:variable name="n" as="xs:string" select="ed:note-number(.)"/>
    <!-- The button is laid over its number drawn by the marker (CSS ::before from data-n): as
         text the number keeps to the word before it, a button (an inline block) would let the
         line break between them. -->
    <sup class="noteref-wrap" data-n="{$n}" data-pagefind-ignore="all"><button type="button" class="noteref" id="{$anchor}-ref" popovertarget="pop-{$anchor}"
        aria-label="{ed:label('note')} {$n}">{$n}</button></sup>
    <span class="note-pop" id="pop-{$anchor}" popover="" data-pagefind-ignore="all">
      <span class="note-pop-head"><xsl:sequence select="ed:interface-lang(.)"/>{ed:label('note')} {$n}</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="ed:note-body">
        <xsl:with-param name="ctx" select="'pop-'" tunnel="yes"/>
      </xsl:apply-templates>
      <span class="note-pop-actions">
        <xsl:sequence select="ed:interface-lang(.)"/>
        <a href="#{$anchor}">{ed:label('note-in-notes')}</a>
        <xsl:text> </xsl:text>
        <button type="button" popovertarget="pop-{$anchor}" popovertargetaction="hide">{ed:label('close')}</button>
      </span>
    </span>
  </xsl:template>

  <xsl:mode name="ed:note-body" on-no-match="shallow-skip"/>

  <!-- A lost note says so and links to what the editorial note (editorial.xsl) says of the
       text's losses. -->
  <xsl:template match="tei:note[ed:note-is-lost(.)]" mode="ed:note-body">
    <span class="note-lost"><xsl:sequence select="ed:interface-lang(.)"/>{ed:label('note-lost')}<xsl:text> </xsl:text>
      <a href="zur-edition.html#{ed:essay-id(ancestor::tei:TEI[last()])}-losses">{ed:label('editorial-lost-link')}</a></span>
  </xsl:template>

  <xsl:template match="tei:note" mode="ed:note-body">
    <span class="note-text"><xsl:apply-templates mode="ed:text">
      <xsl:with-param name="ed:phrasing" select="true()" tunnel="yes"/>
    </xsl:apply-templates></span>
  </xsl:template>

  <xsl:template name="ed:notes-section">
    <xsl:param name="tei" as="element(tei:TEI)" required="yes"/>
    <xsl:variable name="notes" as="element(tei:note)*" select="ed:footnotes($tei)"/>
    <xsl:if test="exists($notes)">
      <section class="notes" aria-labelledby="anmerkungen">
        <h2 id="anmerkungen"><xsl:sequence select="ed:interface-lang($tei)"/>{ed:label('notes')}</h2>
        <ol class="notes-list">
          <xsl:for-each select="$notes">
            <xsl:variable name="anchor" as="xs:string" select="ed:html-id(.)"/>
            <li id="{$anchor}">
              <xsl:if test="ed:note-is-lost(.)">
                <xsl:attribute name="class">lost</xsl:attribute>
              </xsl:if>
              <a class="note-back" href="#{$anchor}-ref"
                 aria-label="{ed:label-format('note-back', map { 'number': ed:note-number(.) })}">{ed:note-number(.)}</a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates select="." mode="ed:note-body">
                <xsl:with-param name="ctx" select="'fn-'" tunnel="yes"/>
              </xsl:apply-templates>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
