<?xml version="1.0" encoding="UTF-8"?>
<!-- The elements of a TEI document's <text> that the processing model does not know: one line
     "unmodelled NAME COUNT" per element name, in document order of first occurrence; and the
     elements with words that the model omits: "omitted NAME COUNT WORDS". Elements of other
     namespaces (examples in egXML, …) are the content of a modelled element, not TEI to model. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:tei-edition"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:include href="model.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:for-each-group select="/tei:TEI/tei:text/descendant-or-self::tei:*[not(ed:has-model(.))]" group-by="local-name()">
      <xsl:text>unmodelled {current-grouping-key()} {count(current-group())}&#10;</xsl:text>
    </xsl:for-each-group>
    <!-- Words the model leaves out on purpose (behaviour omit: index entries, interpretations …):
         said, so that nothing is lost silently. -->
    <xsl:for-each-group select="/tei:TEI/tei:text//tei:*[normalize-space()][ed:spec(.)//tei:model/@behaviour = 'omit']
        [not(ancestor::tei:*[ed:spec(.)//tei:model/@behaviour = 'omit'][ed:model(.)?behaviour = 'omit'])]
        [ed:model(.)?behaviour = 'omit']" group-by="local-name()">
      <xsl:text>omitted {current-grouping-key()} {count(current-group())} {count(current-group() ! tokenize(string-join(.//text(), ' ')))}&#10;</xsl:text>
    </xsl:for-each-group>
  </xsl:template>
</xsl:stylesheet>
