<?xml version="1.0" encoding="UTF-8"?>
<!--
  The deposit's inventory (edition/package/inventory.py) → PREMIS 3.0 preservation metadata.

  Objects: the edition as an intellectual entity, then every payload file with its fixity
  (SHA-256, SHA-512), size, format (PRONOM identifier where PRONOM has one), the programs that
  made it, and what it was derived from. Events: the history each text's revisionDesc records
  (dated as there: the first change is the text's creation from its raw source, the later ones
  modifications), the validation the deposit ran (with its outcome), the build of the outputs and
  the packing of the bag, dated with the edition's date, never the clock. Agents: the programs,
  with their versions.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:md="urn:tei-edition:metadata"
  xmlns:premis="http://www.loc.gov/premis/v3"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The edition document (generated from edition.toml): identifier, title, date. -->
  <xsl:param name="edition" as="document-node()" required="yes"/>

  <xsl:variable name="inventory" as="element(inventory)" select="/inventory"/>
  <!-- Looked up for every file: by key, not by a scan of all texts (thousands of files in a large edition). -->
  <xsl:key name="text-by-path" match="text" use="@path"/>
  <xsl:key name="source-by-name" match="file[@role = 'source']" use="tokenize(@path, '/')[last()]"/>
  <xsl:variable name="date" as="xs:string" select="string($inventory/@date)"/>
  <xsl:variable name="pub" as="element(tei:publicationStmt)" select="$edition/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
  <xsl:variable name="texts" as="element(file)*" select="$inventory/file[@role = ('text', 'register')]"/>

  <!-- The raw source a text names in its header (bibl with idno type="file"), if the deposit
       holds a file of that name whose SHA-256 is the one the header gives. -->
  <xsl:function name="md:raw-source" as="element(file)?">
    <xsl:param name="text" as="element(text)"/>
    <xsl:variable name="named" as="element(tei:idno)?" select="($text//tei:sourceDesc//tei:idno[@type = 'file'])[1]"/>
    <xsl:variable name="hash" as="xs:string?" select="$named/../tei:idno[@type = 'SHA-256'][1] ! lower-case(normalize-space(.))"/>
    <xsl:sequence select="key('source-by-name', normalize-space($named), $inventory/root())[empty($hash) or @sha256 = $hash][1]"/>
  </xsl:function>

  <xsl:function name="md:change-date" as="xs:string">
    <xsl:param name="change" as="element(tei:change)"/>
    <xsl:sequence select="string(($change/@when, $change/@notAfter, $change/@notBefore, $change/@from)[1])"/>
  </xsl:function>

  <xsl:template match="/">
    <premis:premis version="3.0" xsi:schemaLocation="http://www.loc.gov/premis/v3 https://www.loc.gov/standards/premis/premis.xsd">
      <xsl:call-template name="edition"/>
      <xsl:apply-templates select="$inventory/file"/>
      <xsl:apply-templates select="$inventory/text"/>
      <xsl:call-template name="deposit-events"/>
      <xsl:apply-templates select="$inventory/application"/>
    </premis:premis>
  </xsl:template>

  <!-- The edition: its persistent identifier where edition.toml gives one, its URL, its name in the deposit. -->
  <xsl:template name="edition">
    <premis:object xsi:type="premis:intellectualEntity">
      <xsl:for-each select="$pub/tei:idno[@type = ('DOI', 'URN', 'Handle', 'ARK', 'URL')]">
        <xsl:call-template name="identifier">
          <xsl:with-param name="type" select="string(@type)"/>
          <xsl:with-param name="value" select="normalize-space(.)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="identifier">
        <xsl:with-param name="value" select="string($inventory/@name)"/>
      </xsl:call-template>
      <xsl:for-each select="$texts">
        <premis:relationship>
          <premis:relationshipType>structural</premis:relationshipType>
          <premis:relationshipSubType>includes</premis:relationshipSubType>
          <xsl:call-template name="related">
            <xsl:with-param name="path" select="string(@path)"/>
          </xsl:call-template>
        </premis:relationship>
      </xsl:for-each>
    </premis:object>
  </xsl:template>

  <xsl:template name="identifier">
    <xsl:param name="type" as="xs:string" select="'local'"/>
    <xsl:param name="value" as="xs:string" required="yes"/>
    <premis:objectIdentifier>
      <premis:objectIdentifierType>{$type}</premis:objectIdentifierType>
      <premis:objectIdentifierValue>{$value}</premis:objectIdentifierValue>
    </premis:objectIdentifier>
  </xsl:template>

  <xsl:template name="related">
    <xsl:param name="path" as="xs:string" required="yes"/>
    <premis:relatedObjectIdentifier>
      <premis:relatedObjectIdentifierType>local</premis:relatedObjectIdentifierType>
      <premis:relatedObjectIdentifierValue>{$path}</premis:relatedObjectIdentifierValue>
    </premis:relatedObjectIdentifier>
  </xsl:template>

  <xsl:template match="file">
    <xsl:variable name="text" as="element(text)?" select="key('text-by-path', @path)[1]"/>
    <xsl:variable name="raw" as="element(file)?" select="$text ! md:raw-source(.)"/>
    <premis:object xsi:type="premis:file">
      <xsl:call-template name="identifier">
        <xsl:with-param name="value" select="string(@path)"/>
      </xsl:call-template>
      <premis:objectCharacteristics>
        <premis:compositionLevel>{if (@puid = 'x-fmt/266') then 1 else 0}</premis:compositionLevel>
        <premis:fixity>
          <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>
          <premis:messageDigest>{@sha256}</premis:messageDigest>
        </premis:fixity>
        <premis:fixity>
          <premis:messageDigestAlgorithm>SHA-512</premis:messageDigestAlgorithm>
          <premis:messageDigest>{@sha512}</premis:messageDigest>
        </premis:fixity>
        <premis:size>{@size}</premis:size>
        <premis:format>
          <premis:formatDesignation>
            <premis:formatName>{@format}</premis:formatName>
            <xsl:if test="@format-version">
              <premis:formatVersion>{@format-version}</premis:formatVersion>
            </xsl:if>
          </premis:formatDesignation>
          <xsl:if test="@puid">
            <premis:formatRegistry>
              <premis:formatRegistryName>PRONOM</premis:formatRegistryName>
              <premis:formatRegistryKey>{@puid}</premis:formatRegistryKey>
              <premis:formatRegistryRole>identification</premis:formatRegistryRole>
            </premis:formatRegistry>
          </xsl:if>
          <premis:formatNote>MIME type {@mime}<xsl:if test="@puid">; PRONOM identifier as of {$inventory/@pronom}</xsl:if><xsl:if
            test="@role = 'search-index' and @puid = 'x-fmt/266'">; gzip-compressed data of the Pagefind search index</xsl:if></premis:formatNote>
        </premis:format>
        <xsl:for-each select="tokenize(@made-by)">
          <xsl:variable name="app" as="element(application)" select="$inventory/application[@key = current()]"/>
          <premis:creatingApplication>
            <premis:creatingApplicationName>{$app/@name}</premis:creatingApplicationName>
            <xsl:if test="$app/@version ne ''">
              <premis:creatingApplicationVersion>{$app/@version}</premis:creatingApplicationVersion>
            </xsl:if>
            <premis:dateCreatedByApplication>{$date}</premis:dateCreatedByApplication>
          </premis:creatingApplication>
        </xsl:for-each>
      </premis:objectCharacteristics>
      <xsl:for-each select="source, $raw">
        <premis:relationship>
          <premis:relationshipType>derivation</premis:relationshipType>
          <premis:relationshipSubType>has source</premis:relationshipSubType>
          <xsl:call-template name="related">
            <xsl:with-param name="path" select="string(@path)"/>
          </xsl:call-template>
        </premis:relationship>
      </xsl:for-each>
      <xsl:for-each select="$text/tei:teiHeader/tei:revisionDesc//tei:change">
        <xsl:call-template name="linking-event">
          <xsl:with-param name="id" select="$text/@id || '-change-' || position()"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="@role = ('text', 'register')">
        <xsl:call-template name="linking-event">
          <xsl:with-param name="id" select="'validation'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@made-by and not(@role = 'metadata')">
        <xsl:call-template name="linking-event">
          <xsl:with-param name="id" select="'build'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="linking-event">
        <xsl:with-param name="id" select="'packing'"/>
      </xsl:call-template>
    </premis:object>
  </xsl:template>

  <xsl:template name="linking-event">
    <xsl:param name="id" as="xs:string" required="yes"/>
    <premis:linkingEventIdentifier>
      <premis:linkingEventIdentifierType>local</premis:linkingEventIdentifierType>
      <premis:linkingEventIdentifierValue>{$id}</premis:linkingEventIdentifierValue>
    </premis:linkingEventIdentifier>
  </xsl:template>

  <!-- A text's history as its revisionDesc records it. -->
  <xsl:template match="text">
    <xsl:variable name="text" as="element(text)" select="."/>
    <xsl:variable name="raw" as="element(file)?" select="md:raw-source(.)"/>
    <xsl:for-each select="tei:teiHeader/tei:revisionDesc//tei:change">
      <xsl:call-template name="event">
        <xsl:with-param name="id" select="$text/@id || '-change-' || position()"/>
        <xsl:with-param name="type" select="if (position() = 1) then 'creation' else 'modification'"/>
        <xsl:with-param name="date" select="md:change-date(.)"/>
        <xsl:with-param name="detail" select="normalize-space(.)"/>
        <xsl:with-param name="sources" select="if (position() = 1) then $raw/@path else ()"/>
        <xsl:with-param name="outcomes" select="$text/@path[. ne '']"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="deposit-events">
    <xsl:variable name="validation" as="element(validation)" select="$inventory/validation"/>
    <xsl:variable name="errors" as="xs:integer?" select="$validation/@errors ! xs:integer(.)"/>
    <xsl:call-template name="event">
      <xsl:with-param name="id" select="'validation'"/>
      <xsl:with-param name="type" select="'validation'"/>
      <xsl:with-param name="detail"
        select="'edition validate: the TEI against the validation profile ''' || $validation/@profile || ''' (' || string-join(tokenize($validation/@schemas), ', ') || ')'"/>
      <xsl:with-param name="outcome" select="if (empty($errors)) then 'not run' else if ($errors = 0) then 'pass' else 'fail'"/>
      <xsl:with-param name="outcome-note"
        select="($validation/@problem, $validation/@files || ' files, ' || $errors || ' errors, ' || $validation/@warnings || ' warnings')[1]"/>
      <xsl:with-param name="agents" select="('tei-edition', 'saxon')"/>
      <xsl:with-param name="sources" select="$texts/@path"/>
    </xsl:call-template>
    <xsl:call-template name="event">
      <xsl:with-param name="id" select="'build'"/>
      <xsl:with-param name="type" select="'creation'"/>
      <xsl:with-param name="detail"
        select="'edition build: the HTML site (XSLT 3.0), one PDF per text (Typst), the search index (Pagefind) and the metadata records, made from the TEI'"/>
      <xsl:with-param name="agents" select="distinct-values($inventory/file/@made-by ! tokenize(.))"/>
      <xsl:with-param name="sources" select="$texts/@path"/>
    </xsl:call-template>
    <xsl:call-template name="event">
      <xsl:with-param name="id" select="'packing'"/>
      <xsl:with-param name="type" select="'information package creation'"/>
      <xsl:with-param name="detail" select="'edition deposit: BagIt 1.0 bag (RFC 8493) with SHA-256 and SHA-512 manifests'"/>
      <xsl:with-param name="agents" select="('tei-edition', 'bagit')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="event">
    <xsl:param name="id" as="xs:string" required="yes"/>
    <xsl:param name="type" as="xs:string" required="yes"/>
    <xsl:param name="date" as="xs:string" select="$date"/>
    <xsl:param name="detail" as="xs:string" required="yes"/>
    <xsl:param name="outcome" as="xs:string?" select="()"/>
    <xsl:param name="outcome-note" as="xs:string?" select="()"/>
    <xsl:param name="agents" as="xs:string*" select="()"/>
    <xsl:param name="sources" as="xs:string*" select="()"/>
    <xsl:param name="outcomes" as="xs:string*" select="()"/>
    <premis:event>
      <premis:eventIdentifier>
        <premis:eventIdentifierType>local</premis:eventIdentifierType>
        <premis:eventIdentifierValue>{$id}</premis:eventIdentifierValue>
      </premis:eventIdentifier>
      <premis:eventType>{$type}</premis:eventType>
      <premis:eventDateTime>{$date}</premis:eventDateTime>
      <premis:eventDetailInformation>
        <premis:eventDetail>{$detail}</premis:eventDetail>
      </premis:eventDetailInformation>
      <xsl:if test="exists($outcome)">
        <premis:eventOutcomeInformation>
          <premis:eventOutcome>{$outcome}</premis:eventOutcome>
          <xsl:for-each select="$outcome-note">
            <premis:eventOutcomeDetail>
              <premis:eventOutcomeDetailNote>{.}</premis:eventOutcomeDetailNote>
            </premis:eventOutcomeDetail>
          </xsl:for-each>
        </premis:eventOutcomeInformation>
      </xsl:if>
      <xsl:for-each select="$agents">
        <premis:linkingAgentIdentifier>
          <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>
          <premis:linkingAgentIdentifierValue>{.}</premis:linkingAgentIdentifierValue>
          <premis:linkingAgentRole>executing program</premis:linkingAgentRole>
        </premis:linkingAgentIdentifier>
      </xsl:for-each>
      <xsl:for-each select="$sources">
        <xsl:call-template name="linking-object">
          <xsl:with-param name="path" select="."/>
          <xsl:with-param name="role" select="'source'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$outcomes">
        <xsl:call-template name="linking-object">
          <xsl:with-param name="path" select="."/>
          <xsl:with-param name="role" select="'outcome'"/>
        </xsl:call-template>
      </xsl:for-each>
    </premis:event>
  </xsl:template>

  <xsl:template name="linking-object">
    <xsl:param name="path" as="xs:string" required="yes"/>
    <xsl:param name="role" as="xs:string" required="yes"/>
    <premis:linkingObjectIdentifier>
      <premis:linkingObjectIdentifierType>local</premis:linkingObjectIdentifierType>
      <premis:linkingObjectIdentifierValue>{$path}</premis:linkingObjectIdentifierValue>
      <premis:linkingObjectRole>{$role}</premis:linkingObjectRole>
    </premis:linkingObjectIdentifier>
  </xsl:template>

  <xsl:template match="application">
    <premis:agent>
      <premis:agentIdentifier>
        <premis:agentIdentifierType>local</premis:agentIdentifierType>
        <premis:agentIdentifierValue>{@key}</premis:agentIdentifierValue>
      </premis:agentIdentifier>
      <premis:agentName>{@name}</premis:agentName>
      <premis:agentType>software</premis:agentType>
      <xsl:if test="@version ne ''">
        <premis:agentVersion>{@version}</premis:agentVersion>
      </xsl:if>
    </premis:agent>
  </xsl:template>
</xsl:stylesheet>
