<?xml version="1.0" encoding="UTF-8"?>
<!--
  errlabels.xsl - turns the <transfer-report> XML that our intake portal exports
  into the HTML status table shown to submitters.  The FASP error code comes in
  @errcode; the texts are the ones IBM's ascli prints for `ascli config ascp errors`
  (user-facing column), shortened where the table cell is too narrow.

  NOTE: this file only maps codes to words. It never sees an actual transfer;
  the sample document in /samples/report-example.xml is hand-written.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" indent="yes" encoding="UTF-8"/>

  <xsl:template name="errlabel">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 4">No such file or directory</xsl:when>
      <xsl:when test="$code = 5">Insufficient permissions</xsl:when>
      <xsl:when test="$code = 10">Rate exceeds cap imposed by license</xsl:when>
      <xsl:when test="$code = 12">Error establishing SSH connection (check SSH port and firewall)</xsl:when>
      <xsl:when test="$code = 13">Timeout establishing SSH connection (check SSH port and firewall)</xsl:when>
      <xsl:when test="$code = 14">Error establishing UDP connection (check UDP port and firewall)</xsl:when>
      <xsl:when test="$code = 15">Timeout establishing UDP connection (check UDP port and firewall)</xsl:when>
      <xsl:when test="$code = 19">Authentication failure</xsl:when>
      <xsl:when test="$code = 25">No space left on disk</xsl:when>
      <xsl:when test="$code = 28">Cancelled by user</xsl:when>
      <xsl:when test="$code = 34 or $code = 37">Unauthorized</xsl:when>
      <xsl:when test="$code = 40">Data transfer stalled, timed out</xsl:when>
      <xsl:when test="$code = 42">File or directory already exists</xsl:when>
      <xsl:when test="$code = 44">UDP session initiation fatal error</xsl:when>
      <xsl:when test="$code = 48 or $code = 49">File encryption/decryption error</xsl:when>
      <xsl:when test="$code = 51">Remote host is not who we expected</xsl:when>
      <xsl:when test="$code = 55">File path exceeds underlying file system limit</xsl:when>
      <xsl:when test="$code = 56">Path being written to Windows file system contains illegal characters</xsl:when>
      <xsl:when test="$code = 64">Can't rename a partial file.</xsl:when>
      <xsl:otherwise>Error <xsl:value-of select="$code"/> (see IBM error code reference tables)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/transfer-report">
    <table class="xfer-status">
      <tr><th>Package</th><th>Status</th><th>Detail</th></tr>
      <xsl:for-each select="session">
        <tr>
          <td><xsl:value-of select="@package"/></td>
          <td><xsl:value-of select="@status"/></td>
          <td>
            <xsl:if test="@status = 'failed'">
              <xsl:call-template name="errlabel">
                <xsl:with-param name="code" select="@errcode"/>
              </xsl:call-template>
            </xsl:if>
          </td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>
</xsl:stylesheet>
