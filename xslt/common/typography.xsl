<?xml version="1.0" encoding="UTF-8"?>
<!-- The typography of the reading text, one normalisation for HTML and PDF alike: a straight
     double quote becomes the typographic quote mark of the text's language (de „…“, en “…”;
     within a quotation the single marks ‚…‘ / ‘…’), as does a straight pair of q/@rend, and a
     hyphen with a space on either side becomes an en dash. The TEI keeps what was printed; the
     HTML shows it in its diplomatic view (classes reading-norm/reading-dipl). Texts in a language
     without an entry below stay as printed: no normalisation is guessed. The edition document
     declares the normalisation (edition/core.py, label typography-declaration).

     ed:typography-segments($t) the text of $t as [printed, reading] pairs, in order
     ed:typographic($s, $t)     $s (the text of $t, whitespace collapsed or not) as read
     ed:reading-quote-marks($q) the marks a q shows in the reading text
     ed:reading-string($e)      an element's words as read, without notes (for contents lists)
     ed:typography-changes($e)  whether the normalisation changes anything in $e
     Needs labels.xsl (ed:text-language) and facts.xsl (ed:quote-marks). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- The languages whose reading text is normalised, with the dash that replaces a spaced
       hyphen; their quote marks are the pairs ed:quote-marks knows by the language's name. -->
  <xsl:variable name="ed:typographic-dash" as="map(xs:string, xs:string)" select="map { 'de': '–', 'en': '–' }"/>

  <!-- Elements inside a line of text: the words before and after a quote mark or hyphen are
       looked for across them, up to the nearest enclosing element that is not one of them. -->
  <xsl:variable name="ed:typography-phrases" as="xs:string+" select="tokenize('abbr add addName am app choice
      corr damage date del distinct emph ex expan foreign forename g genName geogName gloss hi lem measure
      mentioned name nameLink num orgName orig pc persName placeName q quote rdg reg roleName rs said seg
      sic soCalled subst supplied surname surplus term time title unclear w c ref ptr gap')"/>

  <!-- The spaces around a dash: a line's spaces and the no-break space. -->
  <xsl:variable name="ed:typography-spaces" as="xs:string+" select="(' ', '&#9;', '&#10;', '&#13;', '&#xA0;')"/>

  <!-- Code, markup and formulas quoted in a text are characters, not prose: kept as printed. -->
  <xsl:variable name="ed:typography-verbatim" as="xs:string+" select="tokenize('code eg egXML ident gi att val tag formula')"/>

  <!-- The primary language of a node whose text is normalised, or () when it stays as printed. -->
  <xsl:function name="ed:typography-language" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="lang" as="xs:string" select="lower-case(substring-before(ed:text-language($node) || '-', '-'))"/>
    <xsl:sequence select="$lang[map:contains($ed:typographic-dash, .)]
        [empty($node/ancestor-or-self::*[local-name() = $ed:typography-verbatim or namespace-uri() = 'http://www.tei-c.org/ns/Examples'])]"/>
  </xsl:function>

  <!-- The pair of marks for a quotation at the depth of $node: single within another quotation. -->
  <xsl:function name="ed:typographic-quotes" as="xs:string+">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="inner" as="xs:boolean"/>
    <xsl:sequence select="ed:quote-marks((if ($inner) then 'single-' else '') || $lang)"/>
  </xsl:function>

  <!-- The marks of a q as read: a straight pair (rend="straight", "single-straight") as the
       language's marks, any other pair as the source printed it. -->
  <xsl:function name="ed:reading-quote-marks" as="xs:string+">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="printed" as="xs:string+" select="ed:quote-marks($q/@rend)"/>
    <xsl:variable name="lang" as="xs:string?" select="ed:typography-language($q)"/>
    <xsl:sequence select="if (exists($lang) and normalize-space($q/@rend) = ('straight', 'single-straight'))
        then ed:typographic-quotes($lang, normalize-space($q/@rend) eq 'single-straight' or exists($q/ancestor::tei:q))
        else $printed"/>
  </xsl:function>

  <!-- The character of the line next to $t on one side ($before: the last one before it, else
       the first one after it): a line or page break counts as a space, notes are skipped (they
       stand apart as markers), a break inside a word (break="no") is a letter, the edge of the
       line is ''. -->
  <xsl:function name="ed:typography-neighbour" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:variable name="line" as="element()?" select="$t/ancestor::*[not(local-name() = $ed:typography-phrases)][1]"/>
    <!-- The nearest such node on that side, walking out from $t and stopping at the line's
         edge (not every node of the line for every mark: that was quadratic in a long line). -->
    <xsl:variable name="edge-or-next" as="node()?" select="
        if ($before) then $t/preceding::node()[ed:line-edge-or-mark(., $line)][1]
        else $t/following::node()[ed:line-edge-or-mark(., $line)][1]"/>
    <xsl:variable name="next" as="node()?" select="$edge-or-next[ancestor::* intersect $line]"/>
    <xsl:sequence select="if (empty($next)) then ''
        else if ($next/self::tei:lb[@break = 'no'] or $next/self::tei:pb[@break = 'no']) then 'x'
        else if ($next/self::element()) then ' '
        else if ($before) then substring($next, string-length($next)) else substring($next, 1, 1)"/>
  </xsl:function>

  <!-- A node outside $line, or one ed:typography-neighbour reads: text, a break, not in a note. -->
  <xsl:function name="ed:line-edge-or-mark" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="line" as="element()?"/>
    <xsl:sequence select="$node/(not(ancestor::* intersect $line)
        or ((self::text()[. ne ''] or self::tei:lb or self::tei:pb or self::tei:cb)
            and empty(ancestor::tei:note[ancestor::* intersect $line])))"/>
  </xsl:function>

  <!-- Text that may change: a straight quote, or a hyphen with a space (or an edge) beside it;
       any other text is as printed (the cheap test every text node passes first). -->
  <xsl:function name="ed:typography-candidate" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <!-- String tests, not a regular expression: this runs for every text node (Saxon's regular
         expressions cost ~0.2 ms a call here, a page's worth of text nodes 30 ms). -->
    <xsl:sequence select="contains($s, '&quot;') or (contains($s, '-') and (starts-with($s, '-') or ends-with($s, '-')
        or (some $space in $ed:typography-spaces satisfies (contains($s, $space || '-') or contains($s, '-' || $space)))))"/>
  </xsl:function>

  <xsl:function name="ed:typography-segments" as="array(xs:string)*">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="ed:typography-segments(string($t), $t)"/>
  </xsl:function>

  <!-- $s is the text of $t, whitespace collapsed or not: the marks it changes are the same. -->
  <xsl:function name="ed:typography-segments" as="array(xs:string)*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="lang" as="xs:string?" select="if (ed:typography-candidate($s)) then ed:typography-language($t) else ()"/>
    <xsl:choose>
      <xsl:when test="empty($lang)">
        <xsl:sequence select="[$s, $s][$s ne '']"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="quotes" as="xs:string+" select="ed:typographic-quotes($lang, exists($t/ancestor::tei:q))"/>
        <!-- By code points, not by regular expressions or analyze-string (both slow per text node). -->
        <xsl:variable name="cp" as="xs:integer*" select="string-to-codepoints($s)"/>
        <xsl:iterate select="sort((index-of($cp, 34), index-of($cp, 45)))">
          <xsl:param name="from" as="xs:integer" select="1"/>
          <xsl:on-completion>
            <xsl:sequence select="[substring($s, $from), substring($s, $from)][$from le count($cp)]"/>
          </xsl:on-completion>
          <xsl:variable name="at" as="xs:integer" select="."/>
          <xsl:variable name="char" as="xs:string" select="codepoints-to-string($cp[$at])"/>
          <xsl:variable name="before" as="xs:string"
              select="if ($at gt 1) then codepoints-to-string($cp[$at - 1]) else ed:typography-neighbour($t, true())"/>
          <xsl:variable name="after" as="xs:string"
              select="if ($at lt count($cp)) then codepoints-to-string($cp[$at + 1]) else ed:typography-neighbour($t, false())"/>
          <xsl:variable name="reading" as="xs:string">
            <xsl:choose>
              <xsl:when test="$char eq '&quot;'">
                <!-- Opening at the start of a line, after a space, a bracket, a dash or another
                     opening mark, and before a word after a sign that ends none (width="1in"). -->
                <xsl:sequence select="if ($before eq '' or matches($before, '[\s&#xA0;\p{Ps}\p{Pi}\p{Pd}/]')
                    or (not(matches($before, '[\p{L}\p{N}\p{Pe}\p{Pf}.,!?…''&quot;]')) and matches($after, '[\p{L}\p{N}]')))
                    then $quotes[1] else $quotes[2]"/>
              </xsl:when>
              <xsl:when test="$before = $ed:typography-spaces and $after = $ed:typography-spaces">
                <xsl:sequence select="$ed:typographic-dash($lang)"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:sequence select="$char"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="printed" as="xs:string" select="substring($s, $from, $at - $from)"/>
          <xsl:sequence select="[$printed, $printed][$at gt $from], [$char, $reading]"/>
          <xsl:next-iteration>
            <xsl:with-param name="from" select="$at + 1"/>
          </xsl:next-iteration>
        </xsl:iterate>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="ed:typographic" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="if (ed:typography-candidate($s)) then string-join(ed:typography-segments($s, $t) ! ?2) else $s"/>
  </xsl:function>

  <xsl:function name="ed:typography-changes" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(some $q in $e//tei:q satisfies ed:reading-quote-marks($q) != ed:quote-marks($q/@rend))
        or (some $t in $e//text()[ed:typography-candidate(.)] satisfies (some $s in ed:typography-segments($t) satisfies $s?1 ne $s?2))"/>
  </xsl:function>

  <xsl:function name="ed:reading-string" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$e/node()" mode="ed:reading-string"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:mode name="ed:reading-string" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="ed:reading-string"><xsl:sequence select="ed:typographic(., .)"/></xsl:template>
  <xsl:template match="tei:note" mode="ed:reading-string"/>
  <!-- one reading of a place: the normalised one (corr, expan, reg; a substitution's addition) -->
  <xsl:template match="tei:choice[tei:corr | tei:expan | tei:reg]" mode="ed:reading-string">
    <xsl:apply-templates select="(tei:corr, tei:expan, tei:reg)[1]" mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:subst/tei:del" mode="ed:reading-string"/>
  <xsl:template match="tei:lb[not(@break = 'no')] | tei:pb[not(@break = 'no')] | tei:cb[not(@break = 'no')]"
      mode="ed:reading-string"><xsl:sequence select="' '"/></xsl:template>
  <xsl:template match="tei:q" mode="ed:reading-string">
    <xsl:variable name="marks" as="xs:string+" select="ed:reading-quote-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>

</xsl:stylesheet>
