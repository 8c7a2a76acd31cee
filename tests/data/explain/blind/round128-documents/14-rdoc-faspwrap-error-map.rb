# frozen_string_literal: true

module Faspwrap
  # = Faspwrap::ErrorMap
  #
  # Maps the text that +ascp+ prints when a session fails to a short
  # category that the dashboard shows. The mapping is deliberately coarse;
  # see doc/triage.rdoc for the long version.
  #
  # == Examples
  #
  #   Faspwrap::ErrorMap.classify("ascp: failed to authenticate, exiting.")
  #   #=> :auth
  #
  #   Faspwrap::ErrorMap.classify(
  #     "Session Stop  (Error: Server aborted session: Server requires content protection)")
  #   #=> :content_protection
  #
  #   Faspwrap::ErrorMap.classify(
  #     "Session Stop  (Error: Failure processing peer license: Deprecated peer license)")
  #   #=> :licence
  #
  #   Faspwrap::ErrorMap.classify("Session Stop  (Error: Disk write failed (server))")
  #   #=> :disk
  #
  # == Notes
  #
  # * The first match wins; order matters (":auth" must come after the
  #   host-key rule, because ascli prints both lines).
  # * Unknown text returns +:unknown+, never raises.
  class ErrorMap
    RULES = [
      [/Remote host is not who we expected/,                   :host_key],
      [/failed to authenticate/,                               :auth],
      [/Private key file not found at path/,                   :key_file],
      [/Cannot resolve target host/,                           :dns],
      [/Failed to open TCP connection for SSH/,                :ssh_port],
      [/check UDP port and firewall/,                          :udp],
      [/Server requires content protection/,                   :content_protection],
      [/needs a passphrase in environment variable ASPERA_SCP_FILEPASS/, :passphrase],
      [/Management authorization refused/,                     :unauthorized],
      [/peer license|License expired/i,                        :licence],
      [/No such file or directory/,                            :no_such_file],
      [/Read access denied|Insufficient permission/,           :permission],
      [/Disk write failed|No space left/,                      :disk],
      [/Session data transfer timeout|stalled, timed out/,     :stall]
    ].freeze

    # Returns the category Symbol for +text+ (a String, possibly many lines).
    def self.classify(text)
      RULES.each { |re, cat| return cat if text.match?(re) }
      :unknown
    end
  end
end
