defmodule Fetcher.AscpParserTest do
  use ExUnit.Case, async: true

  alias Fetcher.AscpParser

  describe "parse/1" do
    test "recognises a completed download" do
      out = """
      SRR576938.fastq.gz                                100%  244MB  112Mb/s    00:20
      Completed: 249998K bytes transferred in 21 seconds
       (94969K bits/sec), in 1 file.
      """

      assert {:ok, %{kbytes: 249_998, seconds: 21}} = AscpParser.parse(out)
    end

    test "missing remote file is permanent" do
      out = """
      Completed: 0K bytes transferred in 0 seconds
      Session Stop  (Error: Server aborted session: No such file or directory)
      """

      assert {:error, :not_found, _} = AscpParser.parse(out)
      refute AscpParser.retry?(:not_found)
    end

    test "dns failure is retried" do
      assert {:error, :dns, _} = AscpParser.parse("ascp: Cannot resolve target host., exiting.\n")
      assert AscpParser.retry?(:dns)
    end

    test "session initiation timeout is retried" do
      out = "Session Stop  (Error: Session initiation failed, read timed out)\n"
      assert {:error, :session_start, msg} = AscpParser.parse(out)
      assert msg =~ "read timed out"
    end

    test "stalled data transfer" do
      out = "Session Stop  (Error: Data transfer stalled, timed out)\n"
      assert {:error, :stalled, _} = AscpParser.parse(out)
    end
  end
end
