<?xml version="1.0" encoding="UTF-8"?>
<!-- German wording shared by every output: month names, the names of the edition's parts. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:months" as="xs:string+"
      select="('Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli',
               'August', 'September', 'Oktober', 'November', 'Dezember')"/>

  <xsl:variable name="ed:labels" as="map(xs:string, xs:string)" select="map {
      'home': 'Startseite',
      'essays': 'Essays',
      'register': 'Personenregister',
      'chronology': 'Chronologie',
      'search': 'Suche',
      'contents': 'Inhalt',
      'notes': 'Anmerkungen',
      'note': 'Anmerkung',
      'note-short': 'Anm.',
      'note-lost': 'Der Text dieser Anmerkung ist in der Textgrundlage verloren.',
      'paragraph': 'Absatz',
      'paragraph-short': 'Abs.',
      'page': 'Seite',
      'page-short': 'S.',
      'heading': 'Überschrift',
      'title': 'Titel',
      'byline': 'Verfasserangabe',
      'closer': 'Schlussformel',
      'text': 'Text',
      'cite': 'Zitiervorschlag',
      'downloads': 'Downloads',
      'licence': 'Lizenz',
      'version': 'Version',
      'build-date': 'Stand',
      'editors': 'Herausgegeben von',
      'gap': 'Textverlust',
      'julian': 'julianisch',
      'gregorian': 'gregorianisch',
      'inferred': 'erschlossen'
    }"/>

  <!-- The German label for a key; an unknown key is a stylesheet bug, so fail loudly. -->
  <xsl:function name="ed:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($ed:labels($key), error(xs:QName('ed:label'), 'unknown label: ' || $key))[1]"/>
  </xsl:function>

</xsl:stylesheet>
