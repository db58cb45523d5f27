<?xml version="1.0" encoding="UTF-8"?>
<!-- The summaries (summary.xsl) of the texts of a corpus, as one XML document <ed:summaries>. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="../common/typography.xsl"/>
  <xsl:include href="corpus.xsl"/>
  <xsl:include href="ids.xsl"/>
  <xsl:include href="summary.xsl"/>

  <!-- corpus.xsl serialises pages as HTML; summaries are XML. -->
  <xsl:output name="ed:summaries" method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:result-document format="ed:summaries">
      <xsl:call-template name="ed:summaries"/>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
