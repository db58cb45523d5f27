<?xml version="1.0" encoding="UTF-8"?>
<!-- All shared, output-neutral modules in one import. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="labels.xsl"/>
  <xsl:include href="facts.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="persons.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="anchors.xsl"/>
</xsl:stylesheet>
