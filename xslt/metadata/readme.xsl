<?xml version="1.0" encoding="UTF-8"?>
<!--
  The deposit's inventory (edition/package/inventory.py) → README.txt beside bagit.txt: for a
  person who opens the bag without the toolkit, perhaps decades later. Plain UTF-8 text in
  English, the language archives share; the edition's own facts (titles, licence, sources) stand
  as the edition gives them. Everything comes from the edition document, the texts' headers and
  the inventory.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:md="urn:tei-edition:metadata"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="edition" as="document-node()" required="yes"/>

  <xsl:variable name="inventory" as="element(inventory)" select="/inventory"/>
  <xsl:variable name="header" as="element(tei:teiHeader)" select="$edition/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="pub" as="element(tei:publicationStmt)" select="$header/tei:fileDesc/tei:publicationStmt"/>
  <xsl:variable name="title" as="xs:string" select="md:text($header/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
  <xsl:variable name="nl" as="xs:string" select="'&#10;'"/>
  <xsl:variable name="width" as="xs:integer" select="76"/>

  <xsl:function name="md:text" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($el//text()[not(ancestor::tei:note)], ''))"/>
  </xsl:function>

  <!-- All of an element's text, notes included; a note starts after a space. -->
  <xsl:function name="md:prose" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($el//text() ! ((if (ancestor::tei:note[1]//text()[1] is .) then ' ' else '') || .), ''))"/>
  </xsl:function>

  <!-- A paragraph wrapped at $width, each line indented by $indent spaces, with a blank line after. -->
  <xsl:function name="md:para" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:integer"/>
    <xsl:variable name="pad" as="xs:string" select="string-join((1 to $indent) ! ' ')"/>
    <xsl:variable name="lines" as="xs:string*"
      select="analyze-string(normalize-space($text), '.{1,' || ($width - $indent) || '}(\s|$)|\S+(\s|$)')/*:match ! normalize-space(.)"/>
    <xsl:sequence select="string-join($lines ! ($pad || .), $nl) || $nl || $nl"/>
  </xsl:function>

  <xsl:function name="md:heading" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="$text || $nl || string-join((1 to string-length($text)) ! '-') || $nl || $nl"/>
  </xsl:function>

  <xsl:function name="md:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $noun || (if ($n = 1) then '' else 's')"/>
  </xsl:function>

  <xsl:function name="md:files" as="element(file)*">
    <xsl:param name="folder" as="xs:string"/>
    <xsl:sequence select="$inventory/file[starts-with(@path, $folder)]"/>
  </xsl:function>

  <!-- Whether the deposit holds a file at this path: by key, asked once per text for each of its forms. -->
  <xsl:key name="file-by-path" match="file" use="@path"/>
  <xsl:function name="md:has-file" as="xs:boolean">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="exists(key('file-by-path', $path, $inventory/root()))"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="top" as="xs:string" select="$title || ' — version ' || $inventory/@version"/>
    <xsl:text>{$top}{$nl}{string-join((1 to string-length($top)) ! '=')}{$nl}{$nl}</xsl:text>
    <xsl:call-template name="about"/>
    <xsl:call-template name="texts"/>
    <xsl:call-template name="reading"/>
    <xsl:call-template name="layout"/>
    <xsl:call-template name="formats"/>
    <xsl:call-template name="making"/>
    <xsl:call-template name="checking"/>
    <xsl:call-template name="citing"/>
  </xsl:template>

  <xsl:template name="about">
    <xsl:variable name="place" as="xs:string?" select="$pub/tei:pubPlace ! md:text(.)"/>
    <xsl:value-of select="md:para('This folder is the archival deposit of a digital scholarly edition: ' || $title || ', version '
      || $inventory/@version || ' of ' || $inventory/@date || ', published by ' || md:text($pub/tei:publisher)
      || ($place ! (', ' || .)) || '. It is a BagIt bag (RFC 8493): everything the edition consists of is in data/, and the files beside this README list the checksum of every file.', 0)"/>
    <xsl:for-each select="$header/tei:encodingDesc/tei:projectDesc/tei:p">
      <xsl:value-of select="md:para(md:text(.), 0)"/>
    </xsl:for-each>
    <xsl:variable name="ids" as="xs:string*"
      select="$pub/tei:idno[@type = ('DOI', 'URN', 'Handle', 'ARK')] ! (@type || ' ' || normalize-space(.))"/>
    <xsl:value-of select="md:para(
      (if (exists($ids)) then 'Persistent identifier: ' || string-join($ids, '; ') || '. ' else 'The edition has no persistent identifier. ')
      || (if ($pub/tei:idno[@type = 'URL']) then 'Published at ' || normalize-space($pub/tei:idno[@type = 'URL']) || '.'
          else 'It had no published address when this deposit was made.'), 0)"/>
    <xsl:for-each select="$pub/tei:availability/tei:licence">
      <xsl:value-of select="md:para('Licence: ' || md:text(.) || (@target ! (' (' || . || ')')), 0)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="texts">
    <xsl:value-of select="md:heading('The texts')"/>
    <xsl:for-each select="$inventory/text">
      <xsl:variable name="stmt" as="element(tei:titleStmt)" select="tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
      <xsl:variable name="authors" as="xs:string*" select="$stmt/tei:author ! md:text(.)"/>
      <xsl:variable name="main" as="xs:string" select="md:text(($stmt/tei:title[@type = 'main'], $stmt/tei:title)[1])"/>
      <xsl:value-of select="md:para('* ' || (if (exists($authors)) then string-join($authors, ', ') || ': ' else '') || $main, 0)"/>
      <xsl:value-of select="md:para('TEI: ' || @path || (if (md:has-file('data/html/pdf/' || @id || '.pdf')) then '; PDF: data/html/pdf/' || @id || '.pdf' else '')
        || (if (md:has-file('data/html/' || @id || '.html')) then '; reading page: data/html/' || @id || '.html' else ''), 2)"/>
      <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:sourceDesc/(tei:bibl, tei:biblStruct, tei:p)">
        <xsl:value-of select="md:para('Source: ' || md:prose(.), 2)"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="reading">
    <xsl:value-of select="md:heading('How to read it')"/>
    <xsl:value-of select="md:para('Open data/html/index.html in a web browser: the edition is a static web site (HTML5, CSS, a little JavaScript) that needs no server, database or network. Its full-text search loads its index (data/html/pagefind/) by script, which browsers allow only over HTTP: serve the folder with any static web server, for instance ''python3 -m http.server'' run in data/html, and open the address it prints.', 0)"/>
    <xsl:value-of select="md:para('The PDFs in data/html/pdf/ are the print form of each text. The TEI-XML files in data/html/tei/ are the edition''s master files: the texts as encoded (TEI P5, https://tei-c.org/guidelines/p5/), the person register, and edition.xml, the edition''s own description. Every other output was made from them.', 0)"/>
  </xsl:template>

  <xsl:template name="layout">
    <xsl:value-of select="md:heading('What is where')"/>
    <xsl:variable name="rows" as="xs:string*" select="(
      'README.txt|this file',
      'bagit.txt, bag-info.txt|the BagIt declaration and a description of the bag',
      'manifest-sha256.txt, manifest-sha512.txt|the checksum of every file under data/',
      'tagmanifest-sha256.txt, tagmanifest-sha512.txt|the checksums of the files above',
      'data/html/|the web site: ' || md:count(count(md:files('data/html/')), 'file'),
      'data/html/tei/|TEI-XML: ' || md:count(count(md:files('data/html/tei/')), 'file'),
      'data/html/pdf/|PDF: ' || md:count(count(md:files('data/html/pdf/')), 'file'),
      'data/sources/|edition.toml (the configuration the edition was built from) and the raw sources the texts were imported from: '
        || md:count(count(md:files('data/sources/')), 'file'),
      'data/schema/|the schemas the TEI was validated against',
      'data/metadata/|DataCite 4.5 and Dublin Core records for each text and the edition; premis.xml: PREMIS 3.0 preservation metadata for every file under data/ except itself')"/>
    <xsl:for-each select="$rows">
      <xsl:value-of select="md:para(substring-before(., '|'), 0) => replace('\n\n$', $nl)"/>
      <xsl:value-of select="md:para(substring-after(., '|'), 4)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="formats">
    <xsl:value-of select="md:heading('File formats')"/>
    <xsl:value-of select="md:para('Each file''s format, size and checksums are in data/metadata/premis.xml; PRONOM identifiers (' || $inventory/@pronom || ') name the formats in the registry of The National Archives (UK).', 0)"/>
    <xsl:for-each-group select="$inventory/file" group-by="string-join((@format, @format-version), ' ')">
      <xsl:sort select="current-grouping-key()"/>
      <xsl:value-of select="md:para('* ' || current-grouping-key() || (@puid ! (' (PRONOM ' || . || ')')) || ': ' || md:count(count(current-group()), 'file'), 0)
        => replace('\n\n$', $nl)"/>
    </xsl:for-each-group>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="making">
    <xsl:value-of select="md:heading('How it was made')"/>
    <xsl:for-each select="$inventory/text[tei:teiHeader/tei:revisionDesc]">
      <xsl:value-of select="md:para(@id || ':', 0) => replace('\n\n$', $nl)"/>
      <xsl:for-each select="tei:teiHeader/tei:revisionDesc//tei:change">
        <xsl:value-of select="md:para(string((@when, @notAfter, @notBefore)[1]) || ': ' || md:text(.), 2)"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:variable name="v" as="element(validation)" select="$inventory/validation"/>
    <xsl:value-of select="md:para('When the deposit was made, the TEI (' || md:count(xs:integer($v/@files), 'file') || ') was validated with the '''
      || $v/@profile || ''' profile (' || string-join(tokenize($v/@schemas), ', ') || '): '
      || (if ($v/@problem) then 'validation could not run: ' || $v/@problem
          else md:count(xs:integer($v/@errors), 'error') || ', ' || md:count(xs:integer($v/@warnings), 'warning')) || '.', 0)"/>
    <xsl:value-of select="md:para('The outputs were made from the TEI by tei-edition with these programs: '
      || string-join($inventory/application ! (@name || (if (@version ne '') then ' ' || @version else '')), ', ') || '.', 0)"/>
  </xsl:template>

  <xsl:template name="checking">
    <xsl:value-of select="md:heading('How to check it')"/>
    <xsl:value-of select="md:para('Every file under data/ is listed with its SHA-256 and SHA-512 checksum in manifest-sha256.txt and manifest-sha512.txt; bag-info.txt gives their number and total size (Payload-Oxum). Any BagIt validator checks the whole bag; with the GNU coreutils, ''sha256sum -c manifest-sha256.txt'' run in this folder checks every file.', 0)"/>
  </xsl:template>

  <xsl:template name="citing">
    <xsl:value-of select="md:heading('How to cite it')"/>
    <xsl:variable name="editors" as="xs:string*" select="$header/tei:fileDesc/tei:titleStmt/tei:editor ! md:text(.)"/>
    <xsl:variable name="where" as="xs:string?"
      select="($pub/tei:idno[@type = ('DOI', 'URN', 'Handle', 'ARK')] ! (@type || ' ' || normalize-space(.)), $pub/tei:idno[@type = 'URL'] ! normalize-space(.))[1]"/>
    <xsl:value-of select="md:para((if (exists($editors)) then string-join($editors, ', ') || ' (ed.): ' else '') || $title
      || ', version ' || $inventory/@version || ', ' || md:text($pub/tei:publisher) || ' ' || substring($inventory/@date, 1, 4)
      || ($where ! (', ' || .)) || '.', 0)"/>
  </xsl:template>
</xsl:stylesheet>
