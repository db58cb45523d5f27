<?xml version="1.0" encoding="UTF-8"?>
<!-- Footnotes and end notes: numbered as in the source (note/@n); a note whose text the source
     lost is marked as such, never filled in. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:tei-edition:pdf"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:function name="ed:note-number" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <!-- without @n: its place among the notes that become footnotes (every note but those in the
         line itself and those standing between the blocks of a division, set where they stand) -->
    <!-- "if", not "(@n, count(…))[1]": Saxon counted every preceding note even where @n is given. -->
    <xsl:sequence select="if ($note/@n) then string($note/@n)
        else string(count($note/preceding::note[not(@place = ('inline', 'interlinear'))][not(ed:in-division(.))]) + 1)"/>
  </xsl:function>

  <xsl:template match="note[gap[@reason = 'lost']][not(normalize-space())][not(* except gap)]" mode="inline" priority="2">#lost-note(labels, {ed:lit(ed:note-number(.))})</xsl:template>

  <!-- A note the source has in the line itself stays there, in brackets. -->
  <xsl:template match="note[@place = ('inline', 'interlinear')]" mode="inline" priority="1">#inline-note[<xsl:apply-templates mode="#current"/>]</xsl:template>

  <!-- A note the source places at the end: its marker here, its text in the notes part after the
       text (edition.typ: endnote, endnotes), each linked to the other. -->
  <xsl:template match="note[@place = 'end']" mode="inline" priority="1">#endnote({ed:lit(string(count(preceding::note) + count(ancestor::note) + 1))}, {ed:lit(ed:note-number(.))}, [<xsl:apply-templates mode="#current"/>])</xsl:template>

  <xsl:template match="note" mode="inline">#note({ed:lit(ed:note-number(.))}, [<xsl:apply-templates mode="#current"/>])</xsl:template>
</xsl:stylesheet>
